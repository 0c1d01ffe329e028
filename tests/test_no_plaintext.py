"""No name typed into any record service is readable in any file of the data folder.

Distinctive names and texts go in through every service that takes free text (intake,
client update, CSV import, consents, family, notes, care plans, BARC-10 context, discharge
plan and referrals, check-up notes) and through the demo data.  Every file of the data
folder (database, ``-wal``, ``-shm``, key slots, anything else) is then read as bytes while a
connection is still open (the WAL holds the recent pages then) and again after closing,
looking for each name as UTF-8 (composed and decomposed), UTF-16 and in the folded forms
the search index uses.  A control run shows the scan does find a name in a plain SQLite file.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

from client_inputs import client_details, episode_details, intake_details
from records_factory import create_team
from sqlalchemy import select

from clinic_app import codes, demo
from clinic_app.db.models import Client, FamilyMember
from clinic_app.services import (
    care_plans,
    clients,
    consents,
    discharge,
    family,
    followups,
    intake,
    notes,
)
from clinic_app.services.common import today

GIVEN = "Zacarías Ñandú"
FAMILY = "Quintanilla-Bermúdez"
SECRETS = (
    GIVEN, FAMILY, "Wolfgang Übermütig", "Xiomara Íñiguez", "Perpetua Valdeolmillos", "Benedikta Kowalczyk",
    "Hospital Valdecilla Norte", "Ambrosio Cifuentes", "Leocadia Barrenechea", "Eustaquio Villalpando",
    "Casimira Ozámiz", "Gervasio Urquiza",
)


def _forms(text: str) -> set[bytes]:
    """The byte patterns one text could be stored as."""
    folded = codes.normalise_text(text)
    variants = {text, unicodedata.normalize("NFD", text), folded, *folded.split(), text.casefold()}
    patterns = set()
    for v in variants:
        if len(v.encode("utf-8")) >= 6:  # shorter patterns could occur in ciphertext by chance
            patterns.update({v.encode("utf-8"), v.encode("utf-16-le"), v.encode("utf-16-be")})
    return patterns


def _found(folder: Path, texts: Iterable[str]) -> list[str]:
    """``"<file>: <text>"`` for every text found in the clear in a file of ``folder``."""
    hits = []
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert files
    for path in files:
        data = path.read_bytes()
        for text in texts:
            if any(pattern in data for pattern in _forms(text)):
                hits.append(f"{path.name}: {text}")
    return hits


def test_the_scan_finds_names_in_a_plain_database(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "plain.db")
    conn.execute("CREATE TABLE t (name TEXT)")
    conn.execute("INSERT INTO t VALUES (?)", (codes.normalise_text(FAMILY),))
    conn.commit()
    conn.close()
    assert _found(tmp_path, [FAMILY]) == [f"plain.db: {FAMILY}"]


def test_names_never_appear_in_the_clear(tmp_path: Path) -> None:
    team = create_team(tmp_path / "data")
    ws, admin, counsellor = team.ws, team.admin, team.counsellor
    day = today()
    with ws.unit_of_work() as uow:
        made = intake.register_client(
            uow, counsellor,
            client_details(given_names=GIVEN, family_name=FAMILY, address="Calle Perpetua Valdeolmillos 7",
                           email="zacarias@example.org", counsellor_id=counsellor.user_id),
            episode_details(admission_date=day - timedelta(days=300)), intake_details(
                notes="Hermano: Ambrosio Cifuentes"),
            [consents.ConsentGiven("share_services", day - timedelta(days=300), "Hospital Valdecilla Norte")],
        )
        client_id, episode_id = made.client_id, made.episode_id
        clients.update_client(uow, counsellor, client_id, client_details(
            given_names=GIVEN, family_name=FAMILY, phone="Leocadia Barrenechea (madre)"))
        rows = [intake.CsvRow(2, {"given_names": "Gervasio", "family_name": "Urquiza", "date_of_birth": "1980-02-03",
                                  "admission_date": day.isoformat(), "programme": "aftercare",
                                  "centre_type": "outpatient", "primary_drug": "alcohol"})]
        assert intake.import_clients(uow, admin, rows).ok
        member = family.add_member(uow, counsellor, client_id, "child", "Xiomara Íñiguez", birth_year=2015,
                                   school="Colegio Eustaquio Villalpando")
        family.update_member(uow, counsellor, member.id, "child", "Xiomara Íñiguez", is_child=True, birth_year=2015,
                             lives_with_client=True, carer="client", school="Colegio Eustaquio Villalpando",
                             needs="Logopedia con Casimira Ozámiz", safeguarding_concern=True, referral_made="")
        family.add_note(uow, counsellor, client_id, day, "Llamó Wolfgang Übermütig", sensitive=True,
                        family_member_id=member.id)
        note_id = notes.save_draft(uow, counsellor, None, client_id, day, "individual",
                                   "Habló de Benedikta Kowalczyk", episode_id)
        notes.sign_note(uow, counsellor, note_id)
        plan = care_plans.create_draft(uow, counsellor, episode_id)
        care_plans.add_goal(uow, counsellor, plan.id, "social_support", "Ver a Leocadia Barrenechea",
                            responsible="Ambrosio Cifuentes")
        discharge.save_plan(uow, counsellor, episode_id, aftercare="Grupo con Gervasio Urquiza",
                            referrals=[{"service": "Hospital Valdecilla Norte", "contact": "Casimira Ozámiz"}])
        result = discharge.discharge(uow, counsellor, episode_id, day - timedelta(days=100), "completed")
        followups.record_outcome(uow, counsellor, result.checkups[0].id, "doing_well", day,
                                 "Vive con Perpetua Valdeolmillos")
        uow.commit()
    demo.populate(ws, admin, clients=5, seed=9)
    with ws.unit_of_work(write=False) as uow:
        names = [*uow.session.execute(select(Client.given_names)).scalars(),
                 *uow.session.execute(select(Client.family_name)).scalars(),
                 *uow.session.execute(select(FamilyMember.first_name)).scalars()]
    assert GIVEN in names and FAMILY in names and "Xiomara Íñiguez" in names and len(names) > 20
    texts = set(SECRETS) | set(names)

    with ws.unit_of_work(write=False) as uow:  # a connection is open: the WAL holds the latest pages
        uow.session.execute(select(Client.id)).all()
        wal = ws.paths.database.with_name(ws.paths.database.name + "-wal")
        assert wal.exists() and wal.stat().st_size > 0
        assert _found(team.data_dir, texts) == []
    ws.close()
    assert _found(team.data_dir, texts) == []
