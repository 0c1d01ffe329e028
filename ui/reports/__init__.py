"""The Reports screen: anonymised annual statistics (administrators and statistics staff).

- :mod:`ui.reports.preview` lays a protected table out as the PDF report prints it and
  shows it through a Qt table model, with hidden figures marked ``*``; the panel beside it
  lists every table of the report.
- :mod:`ui.reports.quality` shows the data-quality check (completeness and consistency).
- :mod:`ui.reports.page` is the screen: year, language and threshold, both tabs, and the
  export into a folder on the database thread.
"""
