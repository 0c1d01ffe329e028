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

Each also comes with the open workspace instead of a unit of work
(:func:`annual_report_unlocked`, :func:`data_quality_unlocked`,
:func:`export_statistics_unlocked`), for the desktop application.  **Decision**: those do
the work in a read transaction of their own and then write the audit entry in a short write
transaction they commit, as the backup operations do.  Reading the figures takes seconds
at 100,000 clients; in a write transaction (``BEGIN IMMEDIATE`` on SQLite) it would keep
every other user from saving for that long, and a read transaction that writes the audit
entry at its end would fail whenever somebody had saved meanwhile.  The result and the
audit entry are the same either way; the audit entry is written only once the work has
succeeded.  The unit-of-work forms stay for callers that already hold a transaction (the
command line, tests).

The threshold defaults to the organisation setting (5 unless changed) and may be raised
or lowered per call, never below 3.  The year may be any year from 1900 up to the current
one (a year in progress gives the figures so far).  Audit details hold the year, the
threshold and the language, never a figure and never the folder's path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from clinic_app.errors import ValidationError
from clinic_app.i18n import SUPPORTED_LANGUAGES
from clinic_app.services import audit
from clinic_app.services.auth import ADMINISTRATOR, RECORD_ROLES, STATISTICS, Actor, require
from clinic_app.services.common import EARLIEST_DATE, today
from clinic_app.services.settings import read_settings
from clinic_app.statistics import quality
from clinic_app.statistics.collect import with_records
from clinic_app.statistics.disclosure import check_threshold
from clinic_app.statistics.export import ExportResult, check_target, write_export
from clinic_app.statistics.model import Report
from clinic_app.statistics.report_pdf import ReportHeader
from clinic_app.statistics.tables import build_report
from clinic_app.uow import UnitOfWork

if TYPE_CHECKING:
    from clinic_app.workspace import Workspace

STATISTICS_ROLES = (ADMINISTRATOR, STATISTICS)

T = TypeVar("T")


@dataclass(frozen=True)
class _Done(Generic[T]):
    """The result of a piece of work and the audit entry it calls for."""

    result: T
    action: str
    year: int
    details: dict[str, object]


def _recorded(uow: UnitOfWork, actor: Actor, done: _Done[T]) -> T:
    audit.record(uow, actor, done.action, entity="statistics", entity_id=done.year, details=done.details)
    return done.result


def _unlocked(ws: Workspace, actor: Actor, work: Callable[[UnitOfWork], _Done[T]]) -> T:
    """``work`` in a read transaction, then its audit entry in a short write transaction (module docstring)."""
    with ws.unit_of_work(write=False) as uow:
        done = work(uow)
    with ws.unit_of_work() as uow:
        result = _recorded(uow, actor, done)
        uow.commit()
    return result


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


def _annual_report(uow: UnitOfWork, actor: Actor, year: int, threshold: int | None) -> _Done[Report]:
    require(uow, actor, *STATISTICS_ROLES)
    year = check_year(year)
    limit = _threshold(uow, threshold)
    report = with_records(uow, year, lambda data: build_report(data, year, limit))
    return _Done(report, "statistics.viewed", year, {"year": year, "threshold": limit})


def annual_report(uow: UnitOfWork, actor: Actor, year: int, *, threshold: int | None = None) -> Report:
    """The protected tables of ``year``."""
    return _recorded(uow, actor, _annual_report(uow, actor, year, threshold))


def annual_report_unlocked(ws: Workspace, actor: Actor, year: int, *, threshold: int | None = None) -> Report:
    """:func:`annual_report` without holding the write lock while the figures are read."""
    return _unlocked(ws, actor, lambda uow: _annual_report(uow, actor, year, threshold))


def _data_quality(uow: UnitOfWork, actor: Actor, year: int, lang: str) -> _Done[quality.QualityReport]:
    user = require(uow, actor, *STATISTICS_ROLES)
    year = check_year(year)
    language = _lang(lang)
    result = with_records(uow, year, lambda data: quality.check(data, year, language))
    return _Done(result if user.role in RECORD_ROLES else result.without_client_ids(), "statistics.viewed", year,
                 {"year": year, "part": "data_quality"})


def data_quality(uow: UnitOfWork, actor: Actor, year: int, *, lang: str = "en") -> quality.QualityReport:
    """Missing and inconsistent data behind the tables of ``year``."""
    return _recorded(uow, actor, _data_quality(uow, actor, year, lang))


def data_quality_unlocked(ws: Workspace, actor: Actor, year: int, *, lang: str = "en") -> quality.QualityReport:
    """:func:`data_quality` without holding the write lock while the records are read."""
    return _unlocked(ws, actor, lambda uow: _data_quality(uow, actor, year, lang))


def _export_statistics(uow: UnitOfWork, actor: Actor, year: int, folder: Path | str, threshold: int | None,
                       lang: str) -> _Done[ExportResult]:
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
    report = with_records(uow, year_ok, lambda data: build_report(data, year_ok, limit))
    settings = read_settings(uow)
    header = ReportHeader(settings.name, settings.address, settings.logo_png,
                          printed_by=user.full_name or user.name, generated_at=datetime.now(timezone.utc))
    result = write_export(report, Path(folder), header, language)
    return _Done(result, "statistics.exported", year_ok,
                 {"year": year_ok, "threshold": limit, "language": language, "files": len(result.files)})


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
    return _recorded(uow, actor, _export_statistics(uow, actor, year, folder, threshold, lang))


def export_statistics_unlocked(
    ws: Workspace,
    actor: Actor,
    year: int,
    folder: Path | str,
    *,
    threshold: int | None = None,
    lang: str = "en",
) -> ExportResult:
    """:func:`export_statistics` without holding the write lock while the records are read and written out."""
    return _unlocked(ws, actor, lambda uow: _export_statistics(uow, actor, year, folder, threshold, lang))


__all__ = [
    "STATISTICS_ROLES",
    "annual_report",
    "annual_report_unlocked",
    "check_year",
    "data_quality",
    "data_quality_unlocked",
    "export_statistics",
    "export_statistics_unlocked",
]
