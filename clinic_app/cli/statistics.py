"""``continuum-admin export-stats``: the anonymised annual statistics, from the command line.

    continuum-admin --user stats export-stats --year 2025 --out stats-2025 [--lang es] [--threshold 7]

Stdin line 1 is the acting user's password (statistics staff or an administrator).

The command first prints the data-quality check (counts only, never which clients), then
writes the export folder (one CSV per table, ``statistics.json``, ``report.pdf``) and says
where.  Everything the command line can check by itself is checked before the password is
read: a threshold below 3 (or above 100), and an export folder that exists and is not
empty, are refused with exit code 2.  Messages are in English like the rest of
``continuum-admin``; ``--lang`` is the language of the exported files.

Both steps use the services' ``*_unlocked`` forms: the records are read in a read
transaction and the write lock is taken only for the audit entries, so the clinic can keep
saving while a large year is computed.  Each step reads the records itself, so records
saved in between show in the export but not in the check printed before it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from clinic_app.cli.base import EXIT_OK, Context, Subparsers, add_command
from clinic_app.errors import ValidationError
from clinic_app.i18n import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES
from clinic_app.services import statistics
from clinic_app.statistics.disclosure import check_threshold
from clinic_app.statistics.export import check_target
from clinic_app.statistics.quality import ADMISSIONS, QualityReport


def _threshold(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    try:
        return check_threshold(number)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(exc.errors["threshold"]) from None


def _year(value: str) -> int:
    try:
        return statistics.check_year(int(value))
    except (ValueError, ValidationError):
        raise argparse.ArgumentTypeError(f"{value!r} is not a year (four digits, not in the future)") from None


def quality_lines(q: QualityReport) -> list[str]:
    """The data-quality check as text lines: shares and counts, never client ids."""
    lines = [f"Data quality of the records behind the {q.year} figures:"]
    for item in q.items:
        population = "admissions" if item.population == ADMISSIONS else "discharges"
        if item.share_missing is None:
            lines.append(f"  {item.label}: no {population} in {q.year}")
        else:
            lines.append(f"  {item.label}: {item.share_missing:.1f}% not recorded or not known "
                         f"({item.not_recorded + item.not_known} of {item.total} {population})")
    problems = [p for p in q.problems if p.count]
    lines.append("Consistency problems: none." if not problems else "Consistency problems (episodes):")
    lines += [f"  {p.label}: {p.count}" for p in problems]
    return lines


def cmd_export_stats(ctx: Context) -> int:
    a = ctx.args
    out = check_target(Path(a.out).expanduser(), "--out")
    password = ctx.acting_password()
    with ctx.signed_in(password) as (ws, actor):
        q = statistics.data_quality_unlocked(ws, actor, a.year).without_client_ids()
        for line in quality_lines(q):
            ctx.say(line)
        result = statistics.export_statistics_unlocked(ws, actor, a.year, out, threshold=a.threshold, lang=a.lang)
    ctx.say(f"Wrote {len(result.files)} files for {a.year} to {result.folder}.")
    return EXIT_OK


def register(subparsers: Subparsers) -> None:
    p = add_command(
        subparsers, "export-stats", cmd_export_stats,
        "export the anonymised annual statistics (CSV, JSON, PDF)",
        "Export the anonymised statistics of one year into a new folder: one CSV file per table, "
        "statistics.json and report.pdf.\nStatistics staff and administrators only. Counts from 1 to "
        "threshold-1 are hidden, and further cells where needed so that none can be worked out from "
        "the totals.\nStdin line 1: your password.",
    )
    p.add_argument("--year", type=_year, required=True, metavar="YYYY", help="the reporting year")
    p.add_argument("--out", required=True, metavar="DIR",
                   help="the folder to create (it must not exist yet, or be empty)")
    p.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default=DEFAULT_LANGUAGE,
                   help="language of the labels and the report (default: %(default)s)")
    p.add_argument("--threshold", type=_threshold, default=None, metavar="N",
                   help="smallest count shown (default: the organisation's setting; never below 3)")
