"""Intake (client + episode + assessment in one transaction), readmission and intake
validation, including property-based tests of text round-trips and of rejected input.

Free text in the property tests is any Unicode string except NUL and lone surrogates
(U+D800-DFFF), the two things a text field refuses with a ValidationError (NUL cannot be
stored in every database; a lone surrogate cannot be encoded as UTF-8); both refusals are
tested in ``test_intake_rules``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from client_inputs import ADMISSION, DOB, client_details, discharge_directly, episode_details, intake_details, register
from clinic_app import codes
from clinic_app.db.models import (
    AuditEntry,
    Barc10,
    Client,
    ClientCodeSequence,
    ClientSearchTerm,
    Consent,
    Episode,
    IntakeAssessment,
    IntakeSubstance,
)
from clinic_app.errors import ValidationError
from clinic_app.services import assessments, audit, clients, episodes, search
from clinic_app.services.common import today
from clinic_app.services.consents import ConsentGiven
from clinic_app.services.episodes import SubstanceUse, age_on
from clinic_app.services.intake import register_client
from records_factory import Team, audit_actions, module_team

team = module_team()

PROPERTY_SETTINGS = settings(max_examples=30, deadline=None,
                             suppress_health_check=[HealthCheck.function_scoped_fixture])
BARC10_ALL_FOURS = {item: 4 for item in codes.BARC10_ITEM.codes()}
TABLES = (Client, ClientSearchTerm, ClientCodeSequence, Episode, IntakeAssessment, IntakeSubstance, Consent, Barc10,
          AuditEntry)


def _counts(team: Team) -> dict[str, int]:
    with team.ws.unit_of_work(write=False) as uow:
        return {t.__tablename__: uow.session.execute(select(func.count()).select_from(t)).scalar_one() for t in TABLES}


def _register_errors(team: Team, *, client: dict[str, Any] | None = None, episode: dict[str, Any] | None = None,
                     intake: dict[str, Any] | None = None, consents: tuple[ConsentGiven, ...] = (),
                     barc10: dict[str, Any] | None = None) -> dict[str, str]:
    with team.ws.unit_of_work() as uow, pytest.raises(ValidationError) as caught:
        register_client(uow, team.counsellor, client_details(**(client or {})), episode_details(**(episode or {})),
                        intake_details(**(intake or {})), consents, barc10)
    return caught.value.errors


def _record(team: Team, client_id: int) -> clients.ClientRecord:
    with team.ws.unit_of_work() as uow:
        record = clients.get_client(uow, team.admin, client_id)
        uow.commit()
    return record


# --- the intake transaction ---------------------------------------------------------------------


def test_intake_writes_client_episode_assessment_consents_and_barc10(team: Team) -> None:
    result = register(team.ws, team.counsellor, client={"counsellor_id": team.counsellor.user_id},
                      consents=(ConsentGiven("treatment", ADMISSION),
                                ConsentGiven("share_services", ADMISSION, "Hospital Central\nServicios sociales")),
                      barc10=BARC10_ALL_FOURS)
    assert result.code.startswith(f"C-{today().year}-")
    record = _record(team, result.client_id)
    assert (record.code, record.family_name, record.given_names, record.date_of_birth) == (
        result.code, "Núñez", "María José", DOB)
    assert record.counsellor_name == "Carmen Ruiz" and record.status == "open"
    (episode,) = record.episodes
    assert episode.id == result.episode_id and episode.status == "open" and episode.admission_date == ADMISSION
    assert record.open_episode == episode
    assert episode.intake is not None and episode.intake.id == result.intake_id
    assert episode.intake.assessed_on == ADMISSION  # defaults to the admission date
    assert [(s.rank, s.drug, s.age_first_use) for s in episode.intake.substances] == [(1, "heroin", 19),
                                                                                       (2, "cannabis", 15)]
    assert [(c.kind, c.given_on, c.withdrawn_on) for c in record.consents] == [
        ("treatment", ADMISSION, None), ("share_services", ADMISSION, None)]
    with team.ws.unit_of_work(write=False) as uow:
        barc = uow.session.get(Barc10, result.barc10_id)
        assert barc is not None
        assert (barc.context, barc.total, barc.episode_id, barc.assessed_on) == ("intake", 40, result.episode_id,
                                                                                  ADMISSION)
    assert audit_actions(team, result.client_id)[:7] == [
        "client.created", "episode.opened", "intake.created", "consent.recorded", "consent.recorded",
        "barc10.recorded", "client.read"]


def test_client_codes_follow_the_yearly_sequence(team: Team) -> None:
    first = register(team.ws, team.counsellor, client={"family_name": "Secuencia Uno"})
    second = register(team.ws, team.counsellor, client={"family_name": "Secuencia Dos"})
    year, number = first.code.split("-")[1:]
    assert year == str(today().year)
    assert second.code == f"C-{year}-{int(number) + 1:04d}"
    with team.ws.unit_of_work(write=False) as uow:
        assert uow.session.get(ClientCodeSequence, today().year).last == int(number) + 1  # type: ignore[union-attr]


@pytest.mark.parametrize("failing_action", ["intake.created", "consent.recorded", "barc10.recorded"])
def test_a_failure_half_way_through_an_intake_leaves_nothing(team: Team, monkeypatch: pytest.MonkeyPatch,
                                                             failing_action: str) -> None:
    before = _counts(team)
    real_record = audit.record
    reached: list[str] = []

    def record(uow: Any, actor: Any, action: str, **kwargs: Any) -> None:
        reached.append(action)
        if action == failing_action:
            with uow.session.no_autoflush:  # prove the client really was written before the failure
                assert uow.session.execute(select(func.count()).select_from(Client)).scalar_one() > before["clients"]
            raise OSError("disk full")
        real_record(uow, actor, action, **kwargs)

    monkeypatch.setattr(audit, "record", record)
    with pytest.raises(OSError):
        register(team.ws, team.counsellor, client={"family_name": "Halbweg"},
                 consents=(ConsentGiven("treatment", ADMISSION),), barc10=BARC10_ALL_FOURS)
    assert reached[:3] == ["client.created", "episode.opened", "intake.created"]
    monkeypatch.setattr(audit, "record", real_record)
    assert _counts(team) == before
    with team.ws.unit_of_work() as uow:
        assert search.count_clients(uow, team.admin, search="halbweg") == 0


# --- readmission and later intakes ---------------------------------------------------------------


def test_readmission_opens_a_new_episode_only_after_discharge(team: Team) -> None:
    result = register(team.ws, team.counsellor, client={"family_name": "Readmitida"})
    new = episode_details(admission_date=ADMISSION + timedelta(days=200), programme="residential")
    with team.ws.unit_of_work() as uow, pytest.raises(ValidationError) as caught:
        episodes.open_episode(uow, team.counsellor, result.client_id, new)
    assert "open episode" in caught.value.errors["admission_date"]

    discharge_directly(team.ws, result.episode_id, ADMISSION + timedelta(days=100))
    assert _record(team, result.client_id).status == "discharged"
    too_early = dataclasses.replace(new, admission_date=ADMISSION + timedelta(days=99), previously_treated="never")
    with team.ws.unit_of_work() as uow, pytest.raises(ValidationError) as caught:
        episodes.open_episode(uow, team.counsellor, result.client_id, too_early)
    assert set(caught.value.errors) == {"admission_date", "previously_treated"}

    with team.ws.unit_of_work() as uow:
        episode = episodes.open_episode(uow, team.counsellor, result.client_id, new)
        uow.commit()
    assert (episode.status, episode.programme, episode.intake) == ("open", "residential", None)
    with team.ws.unit_of_work() as uow:
        intake = episodes.record_intake(uow, team.counsellor, episode.id,
                                        intake_details(assessed_on=new.admission_date, housing="unstable"))
        uow.commit()
    assert intake.housing == "unstable" and intake.episode_id == episode.id
    with team.ws.unit_of_work() as uow, pytest.raises(ValidationError, match="already has an intake"):
        episodes.record_intake(uow, team.counsellor, episode.id, intake_details())
    record = _record(team, result.client_id)
    assert record.status == "open" and [e.status for e in record.episodes] == ["discharged", "open"]
    with team.ws.unit_of_work() as uow:
        (row,) = search.list_clients(uow, team.admin, search="readmitida")
        uow.commit()
    assert row.programme == "residential"


# --- validation rules --------------------------------------------------------------------------


def test_all_problems_are_reported_at_once_each_under_its_field(team: Team) -> None:
    errors = _register_errors(
        team,
        client={"given_names": "  ", "date_of_birth": "2026-02-30", "sex": "zz", "email": "not an address"},
        episode={"admission_date": "31/12/2020", "programme": None},
        intake={"has_children": "no", "number_of_children": 2, "injecting": "never",
                "primary": SubstanceUse("heroin", "inject", "daily", 20),
                "secondary": (SubstanceUse("heroin", "sniff", "daily", None),)},
        consents=(ConsentGiven("share_services", ADMISSION),),
        barc10={**BARC10_ALL_FOURS, "happy_with_life": 9},
    )
    assert set(errors) == {"given_names", "date_of_birth", "sex", "email", "admission_date", "programme",
                           "number_of_children", "injecting", "secondary_drugs", "consent_share_services_scope",
                           "barc10_happy_with_life"}
    assert "2026-02-30" in errors["date_of_birth"] and "YYYY-MM-DD" in errors["admission_date"]


@pytest.mark.parametrize(("intake", "field"), [
    ({"secondary": tuple(SubstanceUse(d, "smoke_inhale", "daily") for d in ("cannabis", "alcohol", "crack",
                                                                            "tramadol"))}, "secondary_drugs"),
    ({"secondary": (SubstanceUse("not_known", "smoke_inhale", "daily"),)}, "secondary_drugs"),
    ({"secondary": (SubstanceUse("cannabis", "smoke_inhale", "daily"), SubstanceUse("nope", "x", "daily"))},
     "secondary_2_drug"),
    ({"has_children": "yes", "number_of_children": 0}, "number_of_children"),
    ({"number_of_children": 31}, "number_of_children"),
    ({"assessed_on": "1989-01-01"}, "assessed_on"),
    ({"assessed_on": today() + timedelta(days=1)}, "assessed_on"),
    ({"risks": "x" * (episodes.HEALTH_TEXT_MAX_LEN + 1)}, "risks"),
    ({"notes": "a\x00b"}, "notes"),
    ({"mental_health": "lone \ud800 surrogate"}, "mental_health"),
])
def test_intake_rules(team: Team, intake: dict[str, Any], field: str) -> None:
    assert field in _register_errors(team, intake=intake)


def test_admission_and_consent_dates_cannot_precede_birth(team: Team) -> None:
    errors = _register_errors(team, episode={"admission_date": DOB - timedelta(days=1)},
                              consents=(ConsentGiven("treatment", DOB - timedelta(days=1)),))
    assert {"admission_date", "consent_treatment"} <= set(errors)


# --- property-based: round trips and rejections ----------------------------------------------------

CHARACTERS = st.characters(exclude_characters="\x00", exclude_categories=["Cs"])
TEXT = st.text(alphabet=CHARACTERS)
NAME = st.text(alphabet=CHARACTERS, min_size=1, max_size=200).filter(str.strip)


@PROPERTY_SETTINGS
@given(given_names=NAME, family_name=NAME, phone=TEXT.filter(lambda s: len(s) <= 100),
       address=TEXT.filter(lambda s: len(s) <= 2000), health=st.lists(TEXT, min_size=5, max_size=5),
       scope=TEXT.filter(lambda s: len(s) <= 2000 and s.strip()))
def test_any_unicode_text_round_trips_exactly(team: Team, given_names: str, family_name: str, phone: str,
                                              address: str, health: list[str], scope: str) -> None:
    texts = dict(zip(episodes.INTAKE_TEXT_FIELDS, health))
    result = register(team.ws, team.counsellor,
                      client={"given_names": given_names, "family_name": family_name, "phone": phone,
                              "address": address},
                      intake=texts, consents=(ConsentGiven("share_services", ADMISSION, scope),))
    record = _record(team, result.client_id)
    assert (record.given_names, record.family_name, record.phone, record.address) == (
        given_names, family_name, phone, address)
    intake = record.episodes[0].intake
    assert intake is not None
    assert {field: getattr(intake, field) for field in episodes.INTAKE_TEXT_FIELDS} == texts
    assert record.consents[0].scope == scope
    # and whatever the name looks like, typing it finds the client
    with team.ws.unit_of_work() as uow:
        found = search.list_clients(uow, team.admin, search=f"{family_name} {given_names}", limit=10_000)
        uow.commit()
    assert result.client_id in {row.id for row in found}


def _not_iso(text: str) -> bool:
    try:
        date.fromisoformat(text.strip())
    except ValueError:
        return True
    return False


INVALID_DATE = st.one_of(
    st.sampled_from(["2026-02-30", "31/12/2020", "2021-13-01", "2023-02-29", "12.03.1990", "1990-4-2", "yesterday"]),
    st.builds(lambda y, m: f"{y:04d}-{m:02d}-{31 if m in (4, 6, 9, 11) else 32}", st.integers(1900, 2100),
              st.integers(1, 12)),
    TEXT.filter(lambda s: s.strip() != "" and _not_iso(s)),
)
DATE_FIELDS: dict[str, Callable[[object], dict[str, Any]]] = {
    "date_of_birth": lambda v: {"client": {"date_of_birth": v}},
    "admission_date": lambda v: {"episode": {"admission_date": v}},
    "assessed_on": lambda v: {"intake": {"assessed_on": v}},
    "consent_treatment": lambda v: {"consents": (ConsentGiven("treatment", v),)},  # type: ignore[arg-type]
}


@PROPERTY_SETTINGS
@given(field=st.sampled_from(sorted(DATE_FIELDS)), value=INVALID_DATE)
def test_invalid_dates_are_rejected_naming_the_field(team: Team, field: str, value: str) -> None:
    errors = _register_errors(team, **DATE_FIELDS[field](value))
    assert "valid date" in errors[field]


@PROPERTY_SETTINGS
@given(field=st.sampled_from(sorted(DATE_FIELDS)), days_ahead=st.integers(1, 3_000_000))
def test_future_dates_are_rejected_naming_the_field(team: Team, field: str, days_ahead: int) -> None:
    future = today() + timedelta(days=min(days_ahead, (date.max - today()).days))
    errors = _register_errors(team, **DATE_FIELDS[field](future))
    assert "future" in errors[field]


@PROPERTY_SETTINGS
@given(dob=st.dates(date(1925, 1, 1), date(2015, 12, 31)), excess=st.integers(1, 60),
       rank=st.sampled_from([1, 2]), data=st.data())
def test_age_at_first_use_above_the_age_at_assessment_is_rejected(team: Team, dob: date, excess: int, rank: int,
                                                                  data: st.DataObject) -> None:
    assessed = data.draw(st.dates(dob, today()))
    age = age_on(dob, assessed)
    too_old = min(age + excess, episodes.MAX_AGE)
    if too_old <= age:  # a 120-year-old: nothing above is accepted anyway
        return
    use = SubstanceUse("cannabis", "smoke_inhale", "daily", too_old)
    no_age = SubstanceUse("heroin", "smoke_inhale", "daily", None)
    intake = {"assessed_on": assessed, "primary": use, "secondary": ()} if rank == 1 else {
        "assessed_on": assessed, "primary": no_age, "secondary": (use,)}
    errors = _register_errors(team, client={"date_of_birth": dob}, episode={"admission_date": assessed},
                              intake=intake)
    field = episodes.substance_prefix(rank) + "_age_first_use"
    assert set(errors) == {field} and f"({too_old})" in errors[field]


CODED: dict[str, tuple[codes.CodeList, Callable[[str], dict[str, Any]]]] = {
    **{f: (cl, lambda v, f=f: {"client": {f: v}}) for f, cl in clients.CLIENT_CODED_FIELDS},
    **{f: (cl, lambda v, f=f: {"episode": {f: v}}) for f, cl in episodes.EPISODE_CODED_FIELDS},
    **{f: (cl, lambda v, f=f: {"intake": {f: v}}) for f, cl in episodes.INTAKE_CODED_FIELDS},
    "primary_drug": (codes.DRUG, lambda v: {"intake": {"primary": SubstanceUse(v, "sniff", "daily")}}),
    "primary_route": (codes.ROUTE, lambda v: {"intake": {"primary": SubstanceUse("heroin", v, "daily")}}),
    "secondary_1_frequency": (codes.FREQUENCY, lambda v: {
        "intake": {"secondary": (SubstanceUse("cannabis", "sniff", v),)}}),
    "consent_statistics": (codes.CONSENT_KIND, lambda v: {"consents": (ConsentGiven(v, ADMISSION),)}),
}


@PROPERTY_SETTINGS
@given(field=st.sampled_from(sorted(CODED)), value=TEXT.filter(str.strip))
def test_unknown_codes_are_rejected_naming_the_field(team: Team, field: str, value: str) -> None:
    code_list, inputs = CODED[field]
    if value in code_list:
        return
    errors = _register_errors(team, **inputs(value))
    expected = "consents" if field == "consent_statistics" else field  # an unknown kind has no field of its own
    assert "not a valid" in errors[expected]


def test_barc10_answers_are_stored_as_points(team: Team) -> None:
    answers: dict[str, int | str] = {**BARC10_ALL_FOURS, "happy_with_life": "Strongly agree",
                                     "living_space": "en desacuerdo"}
    result = register(team.ws, team.counsellor, client={"family_name": "Capital"}, barc10=answers)
    with team.ws.unit_of_work() as uow:
        (barc,) = assessments.barc10_series(uow, team.counsellor, result.client_id)
        uow.commit()
    assert barc.score("happy_with_life") == 6 and barc.score("living_space") == 2 and barc.total == 40 + 2 - 2
