"""Printed documents (PDF) that Continuum produces, all built with :mod:`.layout`.

* :mod:`.layout` -- the shared look: embedded fonts, paragraph styles, letterhead and
  footer on every page ("Printed on ... by ...", "Page N of M", confidentiality notice),
  house-style tables and signature lines.
* :mod:`.recovery_sheet` -- the one-page sheet that carries the installation's recovery
  code, to be printed once and locked away.
* :mod:`.care_plan`, :mod:`.discharge_summary`, :mod:`.intake_summary` -- a client's
  documents, in the client's preferred language; :mod:`.record_parts` holds the pieces
  they share (details boxes, tick boxes from the code lists, BARC-10 tables, signatures).
* :mod:`.blank_forms` -- blank intake and care-plan forms to fill in by hand when the
  computer is not available.
* The annual statistics report lives with the statistics (``clinic_app.statistics.report_pdf``).

Which data goes into which document, the role check and the audit entry (with the
SHA-256 of the bytes) are the job of ``clinic_app.services.printing``.
"""
