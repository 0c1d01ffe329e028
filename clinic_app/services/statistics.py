"""Anonymised annual statistics: the service entry points (role check, validation, audit).

Administrators and statistics staff may use these; counsellors may not (the figures are
the organisation's, not a caseload's), and statistics staff may use nothing else (every
record service refuses them).  The work itself is done by :mod:`clinic_app.statistics`.

* :func:`annual_report` -- the protected tables of a year (audited ``statistics.viewed``).
* :func:`data_quality` -- the data-quality check shown before an export (audited
  ``statistics.viewed`` with ``part: data_quality``).  Administrators get the internal
  client ids of each problem so the records can be fixed; statistics staff get counts only.
* :func:`report_and_quality` -- both of the above from one reading of the records (audited
  as both, the report first), for the Reports screen, which shows both for a new year:
  reading the records is nearly all the cost of either.
* :func:`export_statistics` -- writes the CSV, JSON and PDF files into a new folder
  (audited ``statistics.exported``).

Each also comes with the open workspace instead of a unit of work
(:func:`annual_report_unlocked`, :func:`data_quality_unlocked`,
:func:`report_and_quality_unlocked`, :func:`export_statistics_unlocked`), for the desktop
application and the command line.  **Decision**: those do the work in a read transaction
of their own and then write the audit entries in a short write transaction they commit, as
the backup operations do.  Reading the figures takes seconds at 100,000 clients; in a
write transaction (``BEGIN IMMEDIATE`` on SQLite) it would keep every other user from
saving for that long, and a read transaction that writes the audit entry at its end would
fail whenever somebody had saved meanwhile.  The result and the audit entries are the same
either way; they are written only once the work has succeeded.  The unit-of-work forms
stay for callers that already hold a transaction.

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
class ReportAndQuality:
    """The protected tables of a year and the data-quality check behind them (:func:`report_and_quality`)."""

    report: Report
    quality: quality.QualityReport


@dataclass(frozen=True)
class _Audit:
    """An audit entry a piece of work calls for."""

    action: str
    year: int
    details: dict[str, object]


@dataclass(frozen=True)
class _Done(Generic[T]):
    """The result of a piece of work and the audit entries it calls for, in order."""

    result: T
    audits: tuple[_Audit, ...]


def _recorded(uow: UnitOfWork, actor: Actor, done: _Done[T]) -> T:
    for entry in done.audits:
        audit.record(uow, actor, entry.action, entity="statistics", entity_id=entry.year, details=entry.details)
    return done.result


def _unlocked(ws: Workspace, actor: Actor, work: Callable[[UnitOfWork], _Done[T]]) -> T:
    """``work`` in a read transaction, then its audit entry in a short write transaction (module docstring)."""
    with ws.unit_of_work(write=False) as uow:
        done = work(uow)
    with ws.unit_of_work() as uow:
        result = _recorded(uow, actor, done)
        uow.commit()
    return result


def _checked(uow: UnitOfWork, actor: Actor, year: object) -> tuple[bool, int]:
    """The role check, then the year: (whether the user may see client ids, the year)."""
    user = require(uow, actor, *STATISTICS_ROLES)
    return user.role in RECORD_ROLES, check_year(year)


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


def _report_viewed(year: int, limit: int) -> _Audit:
    return _Audit("statistics.viewed", year, {"year": year, "threshold": limit})


def _quality_viewed(year: int) -> _Audit:
    return _Audit("statistics.viewed", year, {"year": year, "part": "data_quality"})


def _shown(found: quality.QualityReport, with_client_ids: bool) -> quality.QualityReport:
    return found if with_client_ids else found.without_client_ids()


def _annual_report(uow: UnitOfWork, actor: Actor, year: int, threshold: int | None) -> _Done[Report]:
    _, year = _checked(uow, actor, year)
    limit = _threshold(uow, threshold)
    report = with_records(uow, year, lambda data: build_report(data, year, limit))
    return _Done(report, (_report_viewed(year, limit),))


def annual_report(uow: UnitOfWork, actor: Actor, year: int, *, threshold: int | None = None) -> Report:
    """The protected tables of ``year``."""
    return _recorded(uow, actor, _annual_report(uow, actor, year, threshold))


def annual_report_unlocked(ws: Workspace, actor: Actor, year: int, *, threshold: int | None = None) -> Report:
    """:func:`annual_report` without holding the write lock while the figures are read."""
    return _unlocked(ws, actor, lambda uow: _annual_report(uow, actor, year, threshold))


def _data_quality(uow: UnitOfWork, actor: Actor, year: int, lang: str) -> _Done[quality.QualityReport]:
    with_client_ids, year = _checked(uow, actor, year)
    language = _lang(lang)
    found = with_records(uow, year, lambda data: quality.check(data, year, language))
    return _Done(_shown(found, with_client_ids), (_quality_viewed(year),))


def data_quality(uow: UnitOfWork, actor: Actor, year: int, *, lang: str = "en") -> quality.QualityReport:
    """Missing and inconsistent data behind the tables of ``year``."""
    return _recorded(uow, actor, _data_quality(uow, actor, year, lang))


def data_quality_unlocked(ws: Workspace, actor: Actor, year: int, *, lang: str = "en") -> quality.QualityReport:
    """:func:`data_quality` without holding the write lock while the records are read."""
    return _unlocked(ws, actor, lambda uow: _data_quality(uow, actor, year, lang))


def _report_and_quality(uow: UnitOfWork, actor: Actor, year: int, threshold: int | None,
                        lang: str) -> _Done[ReportAndQuality]:
    with_client_ids, year = _checked(uow, actor, year)
    limit = _threshold(uow, threshold)
    language = _lang(lang)
    report, found = with_records(uow, year, lambda data: (build_report(data, year, limit),
                                                           quality.check(data, year, language)))
    return _Done(ReportAndQuality(report, _shown(found, with_client_ids)),
                 (_report_viewed(year, limit), _quality_viewed(year)))


def report_and_quality(uow: UnitOfWork, actor: Actor, year: int, *, threshold: int | None = None,
                       lang: str = "en") -> ReportAndQuality:
    """:func:`annual_report` and :func:`data_quality` of ``year`` from one reading of the records."""
    return _recorded(uow, actor, _report_and_quality(uow, actor, year, threshold, lang))


def report_and_quality_unlocked(ws: Workspace, actor: Actor, year: int, *, threshold: int | None = None,
                                lang: str = "en") -> ReportAndQuality:
    """:func:`report_and_quality` without holding the write lock while the records are read."""
    return _unlocked(ws, actor, lambda uow: _report_and_quality(uow, actor, year, threshold, lang))


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
    details: dict[str, object] = {"year": year_ok, "threshold": limit, "language": language,
                                  "files": len(result.files)}
    return _Done(result, (_Audit("statistics.exported", year_ok, details),))


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
    "ReportAndQuality",
    "annual_report",
    "annual_report_unlocked",
    "check_year",
    "data_quality",
    "data_quality_unlocked",
    "export_statistics",
    "export_statistics_unlocked",
    "report_and_quality",
    "report_and_quality_unlocked",
]
