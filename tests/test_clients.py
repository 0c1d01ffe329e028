"""Client records: who may call which service, reading and updating a record, consents,
the ``clients list`` command, and that no name typed into a service is stored in the clear."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from client_inputs import ADMISSION, DOB, client_details, discharge_directly, episode_details, intake_details, register
from clinic_app.cli import main
from clinic_app.db.models import AuditEntry
from clinic_app.errors import NotFound, ValidationError
from clinic_app.services import clients, consents, episodes, intake, search
from clinic_app.services.auth import Actor
from clinic_app.services.consents import ConsentGiven
from clinic_app.services.episodes import SubstanceUse
from clinic_app.services.intake import CsvRow
from clinic_app.uow import UnitOfWork
from conftest import ADMIN_NAME, ADMIN_PASSWORD, Installation
from records_factory import ROLES, Team, audit_actions, check_permission, module_team

team = module_team()

ServiceCall = Callable[[UnitOfWork, Actor], object]


def _fresh_client(team: Team, role: str, **client: Any) -> int:
    return register(team.ws, team.admin, client={"family_name": f"Permiso {role}", **client},
                    consents=(ConsentGiven("treatment", ADMISSION),)).client_id


def _discharged_client(team: Team, role: str) -> int:
    result = register(team.ws, team.admin, client={"family_name": f"Alta {role}"})
    discharge_directly(team.ws, result.episode_id, ADMISSION + timedelta(days=30))
    return result.client_id


def _episode_without_intake(team: Team, role: str) -> int:
    client_id = _discharged_client(team, role)
    with team.ws.unit_of_work() as uow:
        episode = episodes.open_episode(uow, team.admin, client_id, episode_details(admission_date=date(2025, 6, 1)))
        uow.commit()
    return episode.id


def _consent_id(team: Team, role: str) -> int:
    client_id = _fresh_client(team, role)
    with team.ws.unit_of_work() as uow:
        record = clients.get_client(uow, team.admin, client_id)
        uow.commit()
    return record.consents[0].id


#: service -> (team, role) -> the call to make as that role (preparing what it needs first)
SERVICES: dict[str, Callable[[Team, str], ServiceCall]] = {
    "list_clients": lambda t, r: lambda uow, a: search.list_clients(uow, a, search="permiso"),
    "count_clients": lambda t, r: lambda uow, a: search.count_clients(uow, a, status="open"),
    "get_client": lambda t, r: (lambda cid: lambda uow, a: clients.get_client(uow, a, cid))(_fresh_client(t, r)),
    "update_client": lambda t, r: (lambda cid: lambda uow, a: clients.update_client(
        uow, a, cid, client_details(family_name=f"Cambiado {r}")))(_fresh_client(t, r)),
    "register_client": lambda t, r: lambda uow, a: intake.register_client(
        uow, a, client_details(family_name=f"Nuevo {r}"), episode_details(), intake_details()),
    "open_episode": lambda t, r: (lambda cid: lambda uow, a: episodes.open_episode(
        uow, a, cid, episode_details(admission_date=date(2025, 6, 1))))(_discharged_client(t, r)),
    "record_intake": lambda t, r: (lambda eid: lambda uow, a: episodes.record_intake(
        uow, a, eid, intake_details()))(_episode_without_intake(t, r)),
    "record_consent": lambda t, r: (lambda cid: lambda uow, a: consents.record_consent(
        uow, a, cid, "statistics", ADMISSION))(_fresh_client(t, r)),
    "withdraw_consent": lambda t, r: (lambda consent: lambda uow, a: consents.withdraw_consent(
        uow, a, consent, date(2025, 5, 1)))(_consent_id(t, r)),
    "import_clients": lambda t, r: lambda uow, a: intake.import_clients(uow, a, [CsvRow(2, {
        "given_names": "Importada", "family_name": f"Permiso {r}", "date_of_birth": "1980-01-01",
        "admission_date": "2025-01-01", "programme": "aftercare", "centre_type": "outpatient",
        "primary_drug": "alcohol"})]),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("service", sorted(SERVICES))
def test_permissions(team: Team, service: str, role: str) -> None:
    """Administrators and counsellors may; statistics staff and deactivated accounts get
    PermissionDenied, and nothing is written (``check_permission``)."""
    check_permission(team, role, SERVICES[service](team, role))


# --- reading and updating -------------------------------------------------------------------------


def test_reading_a_record_is_audited(team: Team) -> None:
    client_id = register(team.ws, team.counsellor, client={"family_name": "Lectura"}).client_id
    with team.ws.unit_of_work() as uow:
        clients.get_client(uow, team.counsellor, client_id)
        uow.commit()
    assert audit_actions(team, client_id)[-1] == "client.read"
    with team.ws.unit_of_work() as uow, pytest.raises(NotFound):
        clients.get_client(uow, team.counsellor, 10**9)


def test_update_replaces_details_and_audits_field_names_not_values(team: Team) -> None:
    client_id = register(team.ws, team.counsellor, client={"family_name": "Original"}).client_id
    details = client_details(family_name="Original", phone="+34 699 111 222", counsellor_id=team.counsellor.user_id,
                             gender_identity="non_binary")
    with team.ws.unit_of_work() as uow:
        record = clients.update_client(uow, team.counsellor, client_id, details)
        uow.commit()
    assert (record.phone, record.counsellor_name, record.gender_identity) == ("+34 699 111 222", "Carmen Ruiz",
                                                                              "non_binary")
    assert record.updated_at > record.created_at
    with team.ws.unit_of_work(write=False) as uow:
        entry = uow.session.execute(
            select(AuditEntry).where(AuditEntry.client_id == client_id).order_by(AuditEntry.seq.desc()).limit(1)
        ).scalar_one()
    assert (entry.action, entry.details) == ("client.updated",
                                             {"fields": ["counsellor_id", "gender_identity", "phone"]})


@pytest.mark.parametrize(("details", "field", "words"), [
    ({"date_of_birth": ADMISSION + timedelta(days=1)}, "date_of_birth", "after an admission"),
    ({"date_of_birth": date(2020, 1, 1)}, "date_of_birth", "age at first use"),  # heroin at 19
    ({"counsellor_id": "stats"}, "counsellor_id", "whole number"),
    ({"email": "two@@example.org"}, "email", "e-mail"),
    ({"family_name": "x" * (clients.NAME_MAX_LEN + 1)}, "family_name", "At most"),
])
def test_update_rules(team: Team, details: dict[str, Any], field: str, words: str) -> None:
    client_id = register(team.ws, team.counsellor, client={"family_name": "Reglas"},
                         episode={"admission_date": ADMISSION}).client_id
    with team.ws.unit_of_work() as uow, pytest.raises(ValidationError) as caught:
        clients.update_client(uow, team.counsellor, client_id, client_details(**{"family_name": "Reglas", **details}))
    assert words in caught.value.errors[field]


@pytest.mark.parametrize("who", ["stats", "deactivated"])
def test_the_counsellor_must_be_an_active_record_user(team: Team, who: str) -> None:
    user_id = team.stats.user_id if who == "stats" else team.deactivated.user_id
    client_id = _fresh_client(team, who)
    with team.ws.unit_of_work() as uow, pytest.raises(ValidationError) as caught:
        clients.update_client(uow, team.admin, client_id, client_details(counsellor_id=user_id))
    assert set(caught.value.errors) == {"counsellor_id"}


# --- consents -----------------------------------------------------------------------------------------


def test_consents_record_withdraw_and_has_consent(team: Team) -> None:
    client_id = register(team.ws, team.counsellor, client={"family_name": "Consentimiento"}).client_id
    given, withdrawn = date(2025, 3, 1), date(2025, 9, 1)

    def call(service: Callable[..., Any], *args: Any) -> Any:
        with team.ws.unit_of_work() as uow:
            result = service(uow, team.counsellor, *args)
            uow.commit()
        return result

    family = call(consents.record_consent, client_id, "share_family", given)
    services = call(consents.record_consent, client_id, "share_services", given, "Hospital Central; Cáritas")
    assert (family.kind, family.given_on, family.withdrawn_on, family.recorded_by) == (
        "share_family", given, None, "Carmen Ruiz")
    with pytest.raises(ValidationError, match="already recorded"):
        call(consents.record_consent, client_id, "share_family", given)
    with pytest.raises(ValidationError, match="already recorded"):  # the same services, in other words
        call(consents.record_consent, client_id, "share_services", given, "caritas\nHOSPITAL central")
    call(consents.record_consent, client_id, "share_services", given, "Centro de Salud Norte")
    with pytest.raises(ValidationError) as caught:
        call(consents.record_consent, client_id, "statistics", given, "Hospital")
    assert "scope" in caught.value.errors
    with pytest.raises(ValidationError) as caught:
        call(consents.withdraw_consent, family.id, given - timedelta(days=1))
    assert "withdrawn_on" in caught.value.errors

    after = call(consents.withdraw_consent, family.id, withdrawn)
    assert after.withdrawn_on == withdrawn and not after.in_force_on(withdrawn) and after.in_force_on(given)
    with pytest.raises(ValidationError, match="already withdrawn"):
        call(consents.withdraw_consent, family.id, withdrawn)
    with team.ws.unit_of_work(write=False) as uow:
        assert consents.has_consent(uow, client_id, "share_family", on=date(2025, 8, 31))
        assert not consents.has_consent(uow, client_id, "share_family")
        assert not consents.has_consent(uow, client_id, "share_family", on=given - timedelta(days=1))
        assert consents.has_consent(uow, client_id, "share_services", service="cáritas")
        assert consents.has_consent(uow, client_id, "share_services", service="Centro de Salud  Norte")
        assert not consents.has_consent(uow, client_id, "share_services", service="Policía")
        assert not consents.has_consent(uow, client_id, "statistics")
    assert audit_actions(team, client_id).count("consent.recorded") == 3
    assert audit_actions(team, client_id)[-1] == "consent.withdrawn"
    assert services.id != family.id


# --- clients list (command line) --------------------------------------------------------------------


def test_clients_list_command(installation: Installation, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    ws, admin = installation.ws, installation.admin
    made = [register(ws, admin, client={"given_names": g, "family_name": f})
            for g, f in (("María José", "Núñez"), ("Tab\tBed", "Zubiri"), ("Ana", "Álvarez"))]
    discharge_directly(ws, made[2].episode_id, ADMISSION + timedelta(days=1))

    def run(*args: str) -> list[list[str]]:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(f"{ADMIN_PASSWORD}\n".encode()), "utf-8"))
        capsys.readouterr()
        code = main(["--data-dir", str(installation.data_dir), "--user", ADMIN_NAME, "clients", "list", *args])
        out, err = capsys.readouterr()
        assert code == 0 and err == "", err
        return [line.split("\t") for line in out.splitlines()]

    assert run() == [[made[2].code, "Álvarez", "Ana", "discharged"], [made[0].code, "Núñez", "María José", "open"],
                     [made[1].code, "Zubiri", "Tab\\tBed", "open"]]
    assert run("--search", "maria nun") == [[made[0].code, "Núñez", "María José", "open"]]
    assert run("--search", made[1].code.lower()) == [[made[1].code, "Zubiri", "Tab\\tBed", "open"]]
    assert run("--status", "open", "--search", "n") == [[made[0].code, "Núñez", "María José", "open"]]
    assert run("--status", "discharged") == [[made[2].code, "Álvarez", "Ana", "discharged"]]


# --- nothing in the clear -------------------------------------------------------------------------------

SECRETS = {
    "given_names": "Wenceslaa Ñandúberta",
    "family_name": "Quetzalcóatl-Yáñez",
    "renamed": "Xochiquétzal Brunhildé",
    "imported": "Hildegardis Ottóvna",
    "address": "Avenida Zumalacárregui 77",
}


def _needles() -> set[bytes]:
    """Every name as typed and as indexed (folded words), in UTF-8 and UTF-16."""
    texts = set(SECRETS.values())
    for value in SECRETS.values():
        texts.update(word for word in search.search_words(value) if len(word) >= 6)
        texts.add(search.fold(value))
    return {t.encode(enc) for t in texts for enc in ("utf-8", "utf-16-le", "utf-16-be")}


def _leaks(data_dir: Path) -> dict[str, list[bytes]]:
    needles = _needles()
    found = {}
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        data = path.read_bytes()
        hits = [n for n in needles if n in data]
        if hits:
            found[path.name] = hits
    return found


def test_no_name_entered_through_a_service_is_stored_in_the_clear(installation: Installation, tmp_path: Path) -> None:
    control = tmp_path / "control"
    control.mkdir()
    (control / "plain.txt").write_bytes(search.fold(SECRETS["renamed"]).encode("utf-16-le"))
    assert _leaks(control), "the scan must find a name written in the clear"

    ws, admin = installation.ws, installation.admin
    result = register(ws, admin, client={"given_names": SECRETS["given_names"], "family_name": SECRETS["family_name"],
                                         "address": SECRETS["address"]},
                      intake={"primary": SubstanceUse("alcohol", "eat_drink", "daily", 30), "secondary": ()})
    other = register(ws, admin, client={"family_name": "Temporal"})
    with ws.unit_of_work() as uow:
        clients.update_client(uow, admin, other.client_id, client_details(family_name=SECRETS["renamed"]))
        report = intake.import_clients(uow, admin, [CsvRow(2, {
            "given_names": SECRETS["imported"], "family_name": "Importado", "date_of_birth": DOB.isoformat(),
            "admission_date": ADMISSION.isoformat(), "programme": "Aftercare", "centre_type": "outpatient",
            "primary_drug": "Heroína"})])
        assert report.ok
        uow.commit()
    with ws.unit_of_work() as uow:  # the data is really there, and searchable
        assert [c.id for c in search.list_clients(uow, admin, search="ñandub quetzal")] == [result.client_id]
        assert search.count_clients(uow, admin, search="xochiquetzal") == 1
        uow.commit()

    wal = installation.data_dir / "continuum.db-wal"
    assert wal.exists() and wal.stat().st_size > 0, "the WAL should still hold the new pages"
    assert _leaks(installation.data_dir) == {}
    ws.close()
    assert _leaks(installation.data_dir) == {}
