"""Anonymised annual statistics: the service entry points (role check, validation, audit).

Administrators and statistics staff may use these; counsellors may not (the figures are
the organisation's, not a caseload's), and statistics staff may use nothing else (every
record service refuses them).  The work itself is done by :mod:`clinic_app.statistics`.

* :func:`annual_report` -- the protected tables of a year (audited ``statistics.viewed``).
* :func:`data_quality` -- the data-quality check shown before an export (audited
  ``statistics.viewed`` with ``part: data_quality``).  Administrators get the internal
  client ids of each problem so the records can be fixed; statistics staff get counts only.
* :func:`export_statistics` -- writes the CSV, JSON and PDF files into a new folder
  (audited ``statistics.exported``).

The threshold defaults to the organisation setting (5 unless changed) and may be raised
or lowered per call, never below 3.  The year may be any year from 1900 up to the current
one (a year in progress gives the figures so far).  Audit details hold the year, the
threshold and the language, never a figure and never the folder's path.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

from clinic_app.errors import ValidationError
from clinic_app.i18n import SUPPORTED_LANGUAGES
from clinic_app.services import audit
from clinic_app.services.auth import ADMINISTRATOR, RECORD_ROLES, STATISTICS, Actor, require
from clinic_app.services.common import EARLIEST_DATE, today
from clinic_app.services.settings import read_settings
from clinic_app.statistics import quality
from clinic_app.statistics.collect import collect
from clinic_app.statistics.disclosure import check_threshold
from clinic_app.statistics.export import ExportResult, check_target, write_export
from clinic_app.statistics.model import Report
from clinic_app.statistics.report_pdf import ReportHeader
from clinic_app.statistics.tables import build_report
from clinic_app.uow import UnitOfWork

STATISTICS_ROLES = (ADMINISTRATOR, STATISTICS)

T = TypeVar("T")


def check_year(year: object) -> int:
    """``year`` as an int from 1900 to the current year, else ``ValidationError`` on ``year``."""
    last = today().year
    if isinstance(year, bool) or not isinstance(year, int) or not EARLIEST_DATE.year <= year <= last:
        raise ValidationError({"year": f"Enter a year from {EARLIEST_DATE.year} to {last} (four digits)."})
    return year


def _threshold(uow: UnitOfWork, threshold: int | None) -> int:
    return check_threshold(read_settings(uow).statistics_threshold if threshold is None else threshold)


def _lang(lang: object) -> str:
    if lang not in SUPPORTED_LANGUAGES:
        raise ValidationError({"lang": f"Choose the language of the export: {', '.join(SUPPORTED_LANGUAGES)}."})
    return str(lang)


def annual_report(uow: UnitOfWork, actor: Actor, year: int, *, threshold: int | None = None) -> Report:
    """The protected tables of ``year``."""
    require(uow, actor, *STATISTICS_ROLES)
    year = check_year(year)
    limit = _threshold(uow, threshold)
    report = build_report(collect(uow, year), year, limit)
    audit.record(uow, actor, "statistics.viewed", entity="statistics", entity_id=year,
                 details={"year": year, "threshold": limit})
    return report


def data_quality(uow: UnitOfWork, actor: Actor, year: int, *, lang: str = "en") -> quality.QualityReport:
    """Missing and inconsistent data behind the tables of ``year``."""
    user = require(uow, actor, *STATISTICS_ROLES)
    year = check_year(year)
    result = quality.check(collect(uow, year), year, _lang(lang))
    audit.record(uow, actor, "statistics.viewed", entity="statistics", entity_id=year,
                 details={"year": year, "part": "data_quality"})
    return result if user.role in RECORD_ROLES else result.without_client_ids()


def export_statistics(
    uow: UnitOfWork,
    actor: Actor,
    year: int,
    folder: Path | str,
    *,
    threshold: int | None = None,
    lang: str = "en",
) -> ExportResult:
    """Write the statistics of ``year`` into the new (or empty) ``folder``."""
    user = require(uow, actor, *STATISTICS_ROLES)
    errors: dict[str, str] = {}

    def attempt(check: Callable[..., T], *args: object) -> T | None:
        try:
            return check(*args)
        except ValidationError as exc:
            errors.update(exc.errors)
            return None

    year_ok = attempt(check_year, year)
    limit = attempt(_threshold, uow, threshold)
    language = attempt(_lang, lang)
    attempt(check_target, Path(folder))
    if errors or year_ok is None or limit is None or language is None:
        raise ValidationError(errors)
    report = build_report(collect(uow, year_ok), year_ok, limit)
    settings = read_settings(uow)
    header = ReportHeader(settings.name, settings.address, settings.logo_png,
                          printed_by=user.full_name or user.name, generated_at=datetime.now(timezone.utc))
    result = write_export(report, Path(folder), header, language)
    audit.record(uow, actor, "statistics.exported", entity="statistics", entity_id=year_ok,
                 details={"year": year_ok, "threshold": limit, "language": language, "files": len(result.files)})
    return result


__all__ = ["STATISTICS_ROLES", "annual_report", "check_year", "data_quality", "export_statistics"]
