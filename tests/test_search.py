"""Client search: normalisation, prefix matching on every word, filters, paging, the audit
entry, keeping terms in step with names.  ``bulk_insert_clients`` makes the 20,000 clients of
``test_search_scale`` (results and query plans at scale) and of the GUI's list tests."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import insert, select

from client_inputs import client_details, discharge_directly, episode_details, register
from clinic_app.db.models import AuditEntry, Client, ClientSearchTerm
from clinic_app.db.types import utcnow
from clinic_app.errors import ValidationError
from clinic_app.services import clients, episodes, search
from clinic_app.services.search import client_terms, fold, query_words, search_words, sort_name
from clinic_app.workspace import Workspace
from records_factory import Team, module_team

team = module_team()


def _ids(team: Team, **filters: Any) -> list[int]:
    with team.ws.unit_of_work() as uow:
        rows = search.list_clients(uow, team.admin, **filters)
        uow.commit()
    return [row.id for row in rows]


# --- normalisation -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "folded"), [
    ("María José NÚÑEZ", "maria jose nunez"),
    ("Łukasz Żółć", "lukasz zolc"),
    ("Straße", "strasse"),
    ("Ærøskøbing", "aeroskobing"),
    ("ΣΩΚΡΆΤΗΣ Σωκράτης", "σωκρατησ σωκρατησ"),  # final sigma folds to σ
    ("ﬁonn", "fionn"),
])
def test_fold_ignores_case_and_accents(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_words_keep_parts_and_joined_tokens() -> None:
    assert search_words("María-José  O'Brien") == ("maria", "jose", "mariajose", "o", "brien", "obrien")
    assert search_words("C-2026-0042") == ("c", "2026", "0042", "c20260042")
    assert search_words("Дмитрий 李小龍") == ("дмитрии", "李小龍")
    assert search_words(" -- ") == ()
    assert client_terms("Ana", "Ruiz", "C-2026-0001") == {"ana", "ruiz", "c", "2026", "0001", "c20260001"}
    assert sort_name("Núñez", "María José") == "nunez maria jose"


def test_query_words_drop_words_implied_by_longer_ones() -> None:
    assert query_words("mar MARÍA nun") == ("maria", "nun")
    assert query_words("maria-jose") == ("jose", "maria")


# --- finding -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def maria(team: Team) -> tuple[int, str]:
    result = register(team.ws, team.counsellor, client={"given_names": "María José", "family_name": "Núñez"})
    register(team.ws, team.counsellor, client={"given_names": "Mario", "family_name": "Nunes"})
    register(team.ws, team.counsellor, client={"given_names": "María", "family_name": "Ortega"})
    return result.client_id, result.code


@pytest.mark.parametrize("typed", ["maria nun", "MARÍA NÚÑEZ", "nunez maria", "jo núñ", "María José Núñez",
                                   "maria-jose"])
def test_names_are_found_by_word_prefixes_in_any_case_and_accent(team: Team, maria: tuple[int, str],
                                                                 typed: str) -> None:
    assert _ids(team, search=typed) == [maria[0]]


def test_the_client_code_finds_the_client_in_any_case(team: Team, maria: tuple[int, str]) -> None:
    client_id, code = maria
    for typed in (code, code.lower(), code.replace("-", ""), f"  {code.lower()}  "):
        assert _ids(team, search=typed) == [client_id], typed


def test_every_client_has_the_word_a_search_may_drop(team: Team) -> None:
    """The service drops the typed word "c" (it would match every client, through the code)."""
    result = register(team.ws, team.counsellor, client={"given_names": "Zoé", "family_name": "Ibáñez"})
    assert search.EVERY_CLIENT_WORD in search_words(result.code)
    assert _ids(team, search="c ibanez") == _ids(team, search="ibanez") == [result.client_id]


def test_every_word_must_match(team: Team, maria: tuple[int, str]) -> None:
    assert _ids(team, search="maria zzz") == []
    assert len(_ids(team, search="mari")) == 3


def test_names_beyond_the_basic_multilingual_plane_are_found(team: Team) -> None:
    result = register(team.ws, team.counsellor, client={"given_names": "𠀋𡈽", "family_name": "𩸽田"})
    assert _ids(team, search="𠀋") == [result.client_id]
    assert _ids(team, search="𩸽") == [result.client_id]


def test_a_blank_or_punctuation_search_lists_everyone(team: Team, maria: tuple[int, str]) -> None:
    assert _ids(team, search=" - ") == _ids(team)


def test_renaming_keeps_the_search_terms_in_step(team: Team) -> None:
    result = register(team.ws, team.counsellor, client={"given_names": "Renata", "family_name": "Antigua"})
    with team.ws.unit_of_work() as uow:
        clients.update_client(uow, team.counsellor, result.client_id,
                              client_details(given_names="Renata", family_name="Nuevo-Apellido"))
        uow.commit()
    assert _ids(team, search="antigua") == []
    assert _ids(team, search="renata nuevo") == [result.client_id]
    with team.ws.unit_of_work(write=False) as uow:
        stored = set(uow.session.execute(
            select(ClientSearchTerm.term).where(ClientSearchTerm.client_id == result.client_id)).scalars())
        row = uow.session.get(Client, result.client_id)
        assert row is not None and row.sort_name == "nuevo-apellido renata"
    assert stored == client_terms("Renata", "Nuevo-Apellido", result.code)


# --- filters, order, paging, audit ---------------------------------------------------------------


def test_filters_order_and_paging(team: Team) -> None:
    omar = team.other_counsellor.user_id
    made = {
        name: register(team.ws, team.counsellor, client={"given_names": "Filtro", "family_name": name,
                                                         "counsellor_id": omar if name != "Zeta" else None},
                       episode={"programme": programme}).client_id
        for name, programme in (("Beta", "aftercare"), ("Alfa", "residential"), ("Zeta", "aftercare"),
                                ("Ómega", "aftercare"))
    }
    ordered = [made["Alfa"], made["Beta"], made["Ómega"], made["Zeta"]]
    assert _ids(team, search="filtro") == ordered
    assert _ids(team, search="filtro", offset=1, limit=2) == ordered[1:3]
    assert _ids(team, search="filtro", counsellor_id=omar) == [made["Alfa"], made["Beta"], made["Ómega"]]
    assert _ids(team, search="filtro", programme="aftercare") == [made["Beta"], made["Ómega"], made["Zeta"]]

    discharge_directly(team.ws, _episode_of(team, made["Beta"]), date(2025, 6, 1))
    assert _ids(team, search="filtro", status="discharged") == [made["Beta"]]
    assert _ids(team, search="filtro", status="open") == [made["Alfa"], made["Ómega"], made["Zeta"]]
    with team.ws.unit_of_work() as uow:  # the programme of the latest episode counts
        episodes.open_episode(uow, team.admin, made["Beta"],
                              episode_details(admission_date=date(2025, 7, 1), programme="recovery_housing"))
        uow.commit()
    assert _ids(team, search="filtro", programme="aftercare") == [made["Ómega"], made["Zeta"]]
    assert _ids(team, search="filtro", programme="recovery_housing") == [made["Beta"]]

    with team.ws.unit_of_work() as uow:
        assert search.count_clients(uow, team.admin, search="filtro", counsellor_id=omar) == 3
        (row,) = search.list_clients(uow, team.counsellor, search="filtro alfa")
        uow.commit()
    assert (row.family_name, row.given_names, row.status, row.counsellor_name, row.programme) == (
        "Alfa", "Filtro", "open", "Omar Haddad", "residential")


def _episode_of(team: Team, client_id: int) -> int:
    with team.ws.unit_of_work() as uow:
        record = clients.get_client(uow, team.admin, client_id)
        uow.commit()
    assert record.open_episode is not None
    return record.open_episode.id


@pytest.mark.parametrize(("filters", "field"), [
    ({"status": "closed"}, "status"),
    ({"programme": "rehab"}, "programme"),
    ({"counsellor_id": "x"}, "counsellor_id"),
    ({"limit": 0}, "limit"),
    ({"offset": -1}, "offset"),
    ({"search": " ".join(f"x{i}y" for i in range(search.MAX_SEARCH_WORDS + 1))}, "search"),
])
def test_bad_filters_are_rejected_naming_the_field(team: Team, filters: dict[str, Any], field: str) -> None:
    with team.ws.unit_of_work() as uow, pytest.raises(ValidationError) as caught:
        search.list_clients(uow, team.admin, **filters)
    assert field in caught.value.errors


def test_a_search_is_audited_once_with_the_number_of_results_only(team: Team, maria: tuple[int, str]) -> None:
    with team.ws.unit_of_work() as uow:
        found = search.list_clients(uow, team.counsellor, search="maria nunez")
        total = search.count_clients(uow, team.counsellor, search="maria")
        uow.commit()
    with team.ws.unit_of_work(write=False) as uow:
        last = uow.session.execute(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(2)).scalars().all()
    assert [(e.action, e.details, e.client_id, e.user_name) for e in reversed(last)] == [
        ("clients.listed", {"results": len(found)}, None, "carmen"),
        ("clients.counted", {"results": total}, None, "carmen"),
    ]


# --- 20,000 clients for the tests at scale ------------------------------------------------------------------

GIVEN = ("María José", "Juan", "Ana Lucía", "Pedro", "Óscar", "Iñaki", "Zoë", "Łukasz", "Fátima", "Chen")
FAMILY = ("Núñez", "García", "López", "Martín", "Pérez", "O'Brien", "Müller", "Dupont", "Smith", "Nowak")
BULK = 20_000


def bulk_insert_clients(ws: Workspace, count: int) -> None:
    """Insert ``count`` clients and their search terms in one transaction, with the same
    normalisation the services use (``search.client_terms`` and ``search.sort_name``)."""
    now = utcnow()
    year = now.year
    rows = []
    for i, (given, family) in zip(range(count), itertools.cycle(itertools.product(GIVEN, FAMILY))):
        rows.append({
            "id": i + 1, "code": f"C-{year}-{i + 1:04d}", "given_names": given, "family_name": family,
            "date_of_birth": date(1960, 1, 1) + timedelta(days=i % 15_000), "sex": "not_known",
            "gender_identity": "not_known", "nationality": "not_known", "phone": "", "email": "", "address": "",
            "preferred_language": "es", "status": "open", "sort_name": sort_name(family, given),
            "created_at": now, "updated_at": now,
        })
    terms = [{"client_id": row["id"], "term": term} for row in rows
             for term in sorted(client_terms(row["given_names"], row["family_name"], row["code"]))]
    with ws.unit_of_work() as uow:
        uow.session.execute(insert(Client), rows)
        uow.session.execute(insert(ClientSearchTerm), terms)
        uow.commit()
