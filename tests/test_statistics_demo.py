"""The statistics on demo data (``clinic_app.demo.populate``, made through the real services).

A few tables are recomputed here independently -- plain Python over the ORM rows, not the
statistics package -- and must match every exported figure that is not hidden.  Three
clients admitted in the reporting year withdraw their consent to statistics first, so the
recomputation leaves them out and the key figures count them.  The export is also scanned
for names, codes, birth dates and free text, and checked for small published counts.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from clinic_app import codes, demo, workspace
from clinic_app.db.models import Checkup, Client, Consent, DischargePlan, Episode
from clinic_app.services import accounts, consents
from clinic_app.services import statistics as stats_service
from clinic_app.services.auth import STATISTICS, Actor
from clinic_app.services.common import today
from clinic_app.statistics.export import JSON_NAME
from clinic_app.statistics.records import TOTAL
from statistics_scan import baseline_text, forbidden_strings, leaks

YEAR = today().year - 1
THRESHOLD = 3


@dataclass(frozen=True)
class DemoExport:
    ws: workspace.Workspace
    folder: Path
    withdrawn: frozenset[int]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoExport]:
    base = tmp_path_factory.mktemp("demo-stats")
    ws, admin, _code = workspace.create_installation(base / "data", "Fundación Demo", "admin", "Demo-admin-pass-2026")
    demo.populate(ws, admin, clients=60, seed=11)
    with ws.unit_of_work() as uow:
        info = accounts.add_user(uow, admin, "stats", STATISTICS, "Statistics-pass-2026")
        # Three clients admitted in the year withdraw their consent to statistics.
        chosen = sorted({cid for (cid,) in uow.session.execute(
            select(Episode.client_id).where(Episode.admission_date >= date(YEAR, 1, 1),
                                            Episode.admission_date <= date(YEAR, 12, 31)))})[:3]
        for client_id in chosen:
            current = [c for c in consents.client_consents(uow, client_id)
                       if c.kind == "statistics" and c.withdrawn_on is None]
            record = current[0] if current else consents.record_consent(
                uow, admin, client_id, "statistics", date(YEAR, 1, 1))
            consents.withdraw_consent(uow, admin, record.id, today())
        uow.commit()
    stats = Actor(info.id, info.name, info.role)
    with ws.unit_of_work() as uow:
        result = stats_service.export_statistics(uow, stats, YEAR, base / "export", threshold=THRESHOLD)
        uow.commit()
    yield DemoExport(ws, result.folder, frozenset(chosen))
    ws.close()


def published(folder: Path, key: str, *dims: str) -> dict[tuple[str, ...], int | None]:
    """``{coords: count or None if hidden}`` from the exported CSV file of a table."""
    text = (folder / f"{key}.csv").read_bytes().decode("utf-8-sig")
    return {tuple(row[d] for d in dims): None if row["suppressed"] == "true" else int(row["count"])
            for row in csv.DictReader(io.StringIO(text))}


def compare(exported: dict[tuple[str, ...], int | None], expected: Counter[tuple[str, ...]]) -> int:
    """Assert every shown figure equals the recomputed one; return how many were shown and non-zero."""
    shown = 0
    for coords, value in exported.items():
        if value is None:
            continue
        if TOTAL in coords:  # margins: sum the recomputed cells they cover
            want = sum(n for key, n in expected.items()
                       if all(c == TOTAL or c == k for c, k in zip(coords, key)))
        else:
            want = expected.get(coords, 0)
        assert value == want, f"{coords}: exported {value}, recomputed {want}"
        shown += value > 0
    return shown


@pytest.fixture(scope="module")
def rows(made: DemoExport) -> dict[str, list[Any]]:
    with made.ws.unit_of_work(write=False) as uow:
        s = uow.session
        return {
            "clients": list(s.execute(select(Client.id, Client.sex, Client.date_of_birth))),
            "episodes": list(s.execute(select(Episode.id, Episode.client_id, Episode.admission_date,
                                              Episode.discharge_date, Episode.referral_source))),
            "reasons": list(s.execute(select(DischargePlan.episode_id, DischargePlan.reason))),
            "checkups": list(s.execute(select(Checkup.client_id, Checkup.months_after, Checkup.due_date,
                                              Checkup.status, Checkup.outcome))),
            "withdrawals": list(s.execute(select(Consent.client_id).where(Consent.kind == "statistics",
                                                                          Consent.withdrawn_on.is_not(None)))),
        }


def test_only_the_chosen_clients_withdrew(made: DemoExport, rows: dict[str, list[Any]]) -> None:
    assert {cid for (cid,) in rows["withdrawals"]} == made.withdrawn and len(made.withdrawn) == 3
    figures = published(made.folder, "key_figures", "figure")
    assert figures[("excluded_clients",)] == 3


def test_admissions_match_an_independent_count(made: DemoExport, rows: dict[str, list[Any]]) -> None:
    people = {c.id: c for c in rows["clients"]}
    admitted = [e for e in rows["episodes"] if e.admission_date.year == YEAR and e.client_id not in made.withdrawn]
    sex_age: Counter[tuple[str, ...]] = Counter()
    for e in admitted:
        born = people[e.client_id].date_of_birth
        age = e.admission_date.year - born.year - ((e.admission_date.month, e.admission_date.day)
                                                   < (born.month, born.day))
        sex_age[(codes.age_band(age), people[e.client_id].sex)] += 1
    shown = compare(published(made.folder, "admissions_sex_age", "age_band", "sex"), sex_age)
    assert published(made.folder, "admissions_sex_age", "age_band", "sex")[(TOTAL, TOTAL)] == len(admitted)
    shown += compare(published(made.folder, "referral_source", "referral_source"),
                     Counter((e.referral_source,) for e in admitted))
    assert shown >= 3, "too few published figures to compare"


def test_discharges_match_an_independent_count(made: DemoExport, rows: dict[str, list[Any]]) -> None:
    reasons = dict(rows["reasons"])
    ended = [e for e in rows["episodes"] if e.discharge_date is not None and e.discharge_date.year == YEAR
             and e.client_id not in made.withdrawn]
    teds = Counter((codes.teds_group(reasons.get(e.id) or codes.NOT_KNOWN),) for e in ended)
    ndtms = Counter((codes.ndtms_group(reasons.get(e.id) or codes.NOT_KNOWN),) for e in ended)
    shown = compare(published(made.folder, "discharges_teds", "teds_group"), teds)
    shown += compare(published(made.folder, "discharges_ndtms", "ndtms_group"), ndtms)
    assert published(made.folder, "discharges_teds", "teds_group")[(TOTAL,)] == len(ended)
    assert shown >= 2


def test_checkups_match_an_independent_count(made: DemoExport, rows: dict[str, list[Any]]) -> None:
    due = Counter(
        (str(c.months_after), c.outcome or "no_outcome") for c in rows["checkups"]
        if c.due_date.year == YEAR and c.status != "cancelled" and c.months_after in (3, 6, 12, 24)
        and c.client_id not in made.withdrawn
    )
    assert compare(published(made.folder, "checkups", "months_after", "checkup_outcome"), due) >= 1


def test_no_small_count_is_published(made: DemoExport) -> None:
    document = json.loads((made.folder / JSON_NAME).read_text("utf-8"))
    hidden = 0
    for table in document["tables"]:
        for cell in table["cells"]:
            hidden += cell["suppressed"]
            if table["measure"] == "count" and cell["value"] is not None:
                assert not 0 < cell["value"] < THRESHOLD, (table["key"], cell)
    assert hidden > 0  # demo data is small enough that disclosure control had work to do


def test_no_personal_data_in_the_demo_export(made: DemoExport, tmp_path: Path) -> None:
    forbidden = forbidden_strings(made.ws)
    assert len(forbidden) > 200  # names, codes, birth dates and the demo's many notes
    assert leaks(made.folder, forbidden, baseline_text(tmp_path, YEAR)) == []
