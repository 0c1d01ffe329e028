"""The Clients screen: find a client (search as you type, filters), see the list, open the record.

- :mod:`ui.clients.display` turns stored values (codes, dates, names) into display text.
- :mod:`ui.clients.paged_model` is the lazy table model (pages fetched as the view scrolls).
- :mod:`ui.clients.model` feeds it from the core's client list and count.
- :mod:`ui.clients.filters` is the search field and the status, counsellor and programme filters.
- :mod:`ui.clients.screen` puts the list and the client record side by side.
"""
