"""Printed documents (PDF) that Continuum produces, all built with :mod:`.layout`.

* :mod:`.layout` -- the shared look: embedded fonts, paragraph styles, letterhead and
  footer on every page ("Printed on ... by ...", "Page N of M", confidentiality notice),
  house-style tables and signature lines.
* :mod:`.recovery_sheet` -- the one-page sheet that carries the installation's recovery
  code, to be printed once and locked away.
* Care plan, discharge summary, intake summary, blank paper forms and the annual
  statistics report (added by their own modules).
"""
