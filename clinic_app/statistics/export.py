"""Writing a protected report out: one CSV per table, one JSON file, one PDF report.

Everything written comes from a :class:`~clinic_app.statistics.model.Report`, which holds
only protected cells, plus metadata (year, threshold, rules, code-list version, software
version, generation time, organisation name).  The data-quality check is not written.

Files in the export folder:

* ``<table key>.csv`` -- tidy: for each dimension a code column and a ``<name>_label``
  column, then ``count`` (``median`` for the medians table), ``percent`` where the table
  has percentages, and ``suppressed`` (``true``/``false``).  A hidden figure has an empty
  count and ``suppressed=true``; margins have the code ``total``.  UTF-8 with a byte-order
  mark, so that spreadsheet programs on Windows read accented labels correctly.
* ``statistics.json`` -- all tables and the metadata, labels in the chosen language.
* ``report.pdf`` -- the report with charts (:mod:`.report_pdf`).

The folder is made next to its final place under a temporary name and renamed into place
when every file is written, so a failed export leaves no half-written folder (a new folder
is readable by its owner only, like any temporary folder; an empty folder given as the
target is replaced by it).  The target
must not exist yet, or be an empty folder: an earlier export is never overwritten.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from clinic_app import __version__ as SOFTWARE_VERSION
from clinic_app.codes import CODE_LIST_VERSION
from clinic_app.errors import ValidationError
from clinic_app.i18n import normalise_lang, tr
from clinic_app.services.settings import MIN_STATISTICS_THRESHOLD
from clinic_app.statistics.model import Report, Table
from clinic_app.statistics.report_pdf import ReportHeader, hidden_legend, intro_paragraphs, render_report

FORMAT = "continuum-annual-statistics"
FORMAT_VERSION = 1
JSON_NAME = "statistics.json"
PDF_NAME = "report.pdf"


@dataclass(frozen=True)
class ExportResult:
    folder: Path
    files: tuple[Path, ...]


def csv_bytes(table: Table, lang: str) -> bytes:
    """The tidy CSV of one table (see the module docstring)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    header: list[str] = []
    for dim in table.dimensions:
        header += [dim.name, f"{dim.name}_label"]
    header.append(table.measure)
    if table.with_percent:
        header.append("percent")
    header.append("suppressed")
    writer.writerow(header)
    for cell in table.cells:
        row: list[object] = []
        for dim, code in zip(table.dimensions, cell.coords):
            row += [code, dim.label(code, lang)]
        row.append("" if cell.value is None else cell.value)
        if table.with_percent:
            row.append("" if cell.percent is None else cell.percent)
        row.append("true" if cell.suppressed else "false")
        writer.writerow(row)
    return out.getvalue().encode("utf-8-sig")


def metadata(report: Report, lang: str, organisation: str, generated_at: datetime) -> dict[str, Any]:
    return {
        "organisation": organisation,
        "year": report.year,
        "threshold": report.threshold,
        "minimum_threshold": MIN_STATISTICS_THRESHOLD,
        "language": lang,
        "rules": intro_paragraphs(report, lang) + [hidden_legend(report.threshold, lang)],
        "code_list_version": CODE_LIST_VERSION,
        "software_version": SOFTWARE_VERSION,
        "generated_at": generated_at.astimezone(timezone.utc).replace(microsecond=0).isoformat(),
    }


def _table_json(table: Table, year: int, lang: str) -> dict[str, Any]:
    cells = []
    for cell in table.cells:
        entry: dict[str, Any] = {}
        for dim, code in zip(table.dimensions, cell.coords):
            entry[dim.name] = code
            entry[f"{dim.name}_label"] = dim.label(code, lang)
        entry["value"] = cell.value
        if table.with_percent:
            entry["percent"] = cell.percent
        entry["suppressed"] = cell.suppressed
        cells.append(entry)
    return {
        "key": table.key,
        "title": table.title_in(lang, year),
        "population": table.population_in(lang, year),
        "unit": tr(table.unit, lang) if table.unit else "",
        "shape": table.shape,
        "measure": table.measure,
        "note": tr(table.note, lang) if table.note else "",
        "dimensions": [{"name": d.name, "label": d.heading(lang), "codes": list(d.codes)} for d in table.dimensions],
        "cells": cells,
    }


def json_bytes(report: Report, lang: str, organisation: str, generated_at: datetime) -> bytes:
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "metadata": metadata(report, lang, organisation, generated_at),
        "tables": [_table_json(t, report.year, lang) for t in report.tables],
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def check_target(folder: Path, field: str = "out") -> Path:
    """The export folder, if it may be written: missing, or an empty folder."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ValidationError({field: f"{folder} is a file; give a folder for the export."})
    if folder.is_dir() and any(folder.iterdir()):
        raise ValidationError({field: f"The folder {folder} is not empty; choose a new or empty folder "
                                      "so that no earlier export is overwritten."})
    if not folder.parent.is_dir():
        raise ValidationError({field: f"The folder {folder.parent} does not exist."})
    return folder


def write_export(report: Report, folder: Path, header: ReportHeader, lang: str = "en") -> ExportResult:
    """Write the CSV, JSON and PDF files of ``report`` into ``folder`` (see the module docstring)."""
    lang = normalise_lang(lang)
    folder = check_target(folder)
    generated_at = header.generated_at or datetime.now(timezone.utc)
    files: dict[str, bytes] = {f"{t.key}.csv": csv_bytes(t, lang) for t in report.tables}
    files[JSON_NAME] = json_bytes(report, lang, header.org_name, generated_at)
    files[PDF_NAME] = render_report(report, header, lang)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        for name, content in files.items():
            with open(staging / name, "wb") as fh:
                fh.write(content)
                fh.flush()
                os.fsync(fh.fileno())
        if folder.is_dir():
            folder.rmdir()  # empty, checked above
        os.replace(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return ExportResult(folder, tuple(folder / name for name in files))


__all__ = ["ExportResult", "FORMAT", "JSON_NAME", "PDF_NAME", "check_target", "csv_bytes", "json_bytes",
           "metadata", "write_export"]
