"""The client record: one window area with a header and tabs (overview, intake, care plan,
notes, family and children, discharge and follow-up, history).

- :mod:`ui.client_record.tab` holds :class:`RecordTab`, the base every tab derives from.
- :mod:`ui.client_record.tabs` lists the tabs in order (one line per tab).
- :mod:`ui.client_record.view` holds :class:`ClientRecordView`, which opens a client at a
  given tab and guards unsaved changes.
"""
