"""Anonymised annual statistics: tables, disclosure control, data-quality check, exports.

The flow is one way, and disclosure control sits in the middle of it:

``collect`` (the only module that queries the database) -> :class:`records.Dataset`
(anonymised per-episode facts) -> ``tables.build_report`` (counts, then
``disclosure.protect`` over all tables at once) -> :class:`model.Report` (protected
cells only) -> ``export`` (CSV per table, JSON, PDF report drawn by ``report_pdf``).

``quality.check`` reports missing and inconsistent data before an export; its client ids
are for the in-app view only and never reach an exported file.

Callers outside the package use :mod:`clinic_app.services.statistics`, which checks the
role (administrators and statistics staff) and writes the audit entry.
"""
