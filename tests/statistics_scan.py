"""What a statistics export must never contain, and a scan of every byte of an export folder.

:func:`forbidden_strings` reads, straight from the database, every client's name, code,
contact details and date of birth (written the ways a document writes dates) and every
free-text field of every record.  :func:`export_text` turns an export folder into text:
each file's bytes as UTF-8 (and Latin-1), every PDF stream decompressed, and the PDF's
text as pypdf extracts it (the PDF's fonts are subsets, so its content streams alone do
not show the words).  :func:`leaks` lists what was found.

Strings that also occur in an export of an empty database (:func:`baseline_text`) are left
out of the check: they are the report's own words (a family name such as "Total" or a note that
reads "Alcohol"), not something that came from a record.
"""

from __future__ import annotations

import re
import zlib
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from clinic_app.db.models import (
    Barc10,
    CarePlanGoal,
    Checkup,
    CheckupAttempt,
    Client,
    Consent,
    DischargePlan,
    FamilyMember,
    FamilyNote,
    IntakeAssessment,
    ProgressNote,
    Referral,
)
from clinic_app import workspace
from clinic_app.i18n import format_date
from clinic_app.services import statistics
from clinic_app.workspace import Workspace

MIN_LENGTH = 4  # shorter fragments ("Ana", "Li") occur inside ordinary words

_FREE_TEXT = (
    (Client, ("given_names", "family_name", "code", "phone", "email", "address", "sort_name")),
    (IntakeAssessment, ("legal_situation", "physical_health", "mental_health", "risks", "notes")),
    (CarePlanGoal, ("goal", "actions", "responsible")),
    (ProgressNote, ("text",)),
    (FamilyMember, ("first_name", "school", "needs", "referral_made")),
    (FamilyNote, ("text",)),
    (DischargePlan, ("aftercare", "relapse_prevention")),
    (Referral, ("service", "contact", "notes")),
    (Checkup, ("notes",)),
    (CheckupAttempt, ("note",)),
    (Consent, ("scope",)),
)


def _date_forms(d: date) -> set[str]:
    return {d.isoformat(), d.strftime("%d/%m/%Y"), d.strftime("%m/%d/%Y"), d.strftime("%d.%m.%Y"),
            format_date(d, "en"), format_date(d, "es")}


def forbidden_strings(ws: Workspace) -> set[str]:
    found: set[str] = set()
    with ws.unit_of_work(write=False) as uow:
        s = uow.session
        for model, columns in _FREE_TEXT:
            for row in s.execute(select(*(getattr(model, c) for c in columns))):
                found.update(v.strip() for v in row if isinstance(v, str))
        for given, family, born in s.execute(select(Client.given_names, Client.family_name, Client.date_of_birth)):
            found.add(f"{given} {family}")
            found.update(_date_forms(born))
        found.update(str(scores) for (scores,) in s.execute(select(Barc10.scores)) if scores)
    return {f for f in found if len(f) >= MIN_LENGTH}


def export_text(folder: Path) -> str:
    parts: list[str] = []
    for path in sorted(folder.iterdir()):
        raw = path.read_bytes()
        parts += [raw.decode("utf-8", errors="replace"), raw.decode("latin-1")]
        if path.suffix == ".pdf":
            for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", raw, re.S):
                try:
                    parts.append(zlib.decompress(stream).decode("latin-1"))
                except zlib.error:
                    continue
            reader = PdfReader(path)
            parts += [page.extract_text() for page in reader.pages]
            parts += [str(v) for v in (reader.metadata or {}).values()]
    return "\n".join(parts)


def baseline_text(folder: Path, year: int) -> str:
    """The text of English and Spanish exports of ``year`` from a new, empty installation."""
    ws, admin, _code = workspace.create_installation(folder / "data", "Baseline", "admin", "Baseline-pass-2026")
    try:
        texts = []
        for lang in ("en", "es"):
            with ws.unit_of_work() as uow:
                result = statistics.export_statistics(uow, admin, year, folder / lang, threshold=3, lang=lang)
                uow.commit()
            texts.append(export_text(result.folder))
        return "\n".join(texts)
    finally:
        ws.close()


def leaks(folder: Path, forbidden: set[str], baseline: str = "") -> list[str]:
    """Forbidden strings found in the export (ignoring case), except the baseline's own words."""
    text = export_text(folder).casefold()
    vocabulary = baseline.casefold()
    return sorted(f for f in forbidden if f.casefold() in text and f.casefold() not in vocabulary)
