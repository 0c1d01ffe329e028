"""The permission table over every record service (clients, episodes, intake, consents,
search, assessments, care plans, notes, family, discharge, follow-ups, worklists).

Every public service of those modules (a function taking ``uow, actor`` first) has a row
here, and a test fails if a new one is added without a row.  Each row is run for four
actors: administrators and counsellors succeed and get frozen results; statistics staff
and deactivated accounts get ``PermissionDenied`` and nothing is written to the audit log
(``records_factory.check_permission``).  Each run gets its own fresh records, made as the
acting user when the service needs the user to own them (a draft note is its author's).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from types import ModuleType
from typing import Any, TypeVar

import pytest
from client_inputs import client_details, episode_details, intake_details
from records_factory import DENIED_ROLES, ROLES, Team, check_permission, make_client, module_team

from clinic_app import codes
from clinic_app.services import (
    assessments,
    care_plans,
    clients,
    consents,
    discharge,
    episodes,
    family,
    followups,
    intake,
    notes,
    search,
    worklists,
)
from clinic_app.services.auth import Actor
from clinic_app.services.common import today

team = module_team()

MODULES: tuple[ModuleType, ...] = (clients, episodes, intake, consents, search, assessments, care_plans, notes,
                                   family, discharge, followups, worklists)
R = TypeVar("R")
#: helpers with the ``uow, actor`` signature that other services call after their own role check
INTERNAL = {"clients.add_client", "episodes.add_episode", "episodes.add_intake", "consents.add_consent",
            "assessments.add_barc10"}
TODAY = today()
BARC = {item: 4 for item in codes.BARC10_ITEM.codes()}

#: a row: ``setup(team, owner) -> args`` makes the records the call needs (as ``owner``: the acting
#: user, or the administrator for a denied role), then ``call(uow, actor, *args)`` is checked
Setup = Callable[[Team, Actor], tuple[Any, ...]]
Row = tuple[Setup, Callable[..., object]]


def _as(team: Team, owner: Actor, fn: Callable[..., R], *args: Any, **kwargs: Any) -> R:
    """Run a service as ``owner`` to make what a case needs, and commit."""
    with team.ws.unit_of_work() as uow:
        result = fn(uow, owner, *args, **kwargs)
        uow.commit()
    return result


def _episode(team: Team) -> int:
    return make_client(team.ws, counsellor_id=team.counsellor.user_id).episode_id


def _client(team: Team) -> int:
    return make_client(team.ws, counsellor_id=team.counsellor.user_id).client_id


def _draft(team: Team, owner: Actor) -> care_plans.CarePlan:
    plan = _as(team, owner, care_plans.create_draft, _episode(team))
    _as(team, owner, care_plans.add_goal, plan.id, "housing", "Find a flat")
    return _as(team, owner, care_plans.set_review_date, plan.id, TODAY + timedelta(days=30))


def _active(team: Team, owner: Actor) -> care_plans.CarePlan:
    return _as(team, owner, care_plans.activate_plan, _draft(team, owner).id)


def _note(team: Team, owner: Actor, sign: bool) -> int:
    note_id = _as(team, owner, notes.save_draft, None, _client(team), TODAY, "individual", "Sesión de hoy")
    if sign:
        _as(team, owner, notes.sign_note, note_id)
    return note_id


def _checkup(team: Team, owner: Actor) -> followups.CheckupInfo:
    client = make_client(team.ws, admission_date=TODAY - timedelta(days=300))
    result = _as(team, owner, discharge.discharge, client.episode_id, TODAY - timedelta(days=200), "completed")
    return result.checkups[0]


def _member(team: Team, owner: Actor) -> family.FamilyMember:
    return _as(team, owner, family.add_member, _client(team), "sibling", "Íñigo")


def _csv_row(actor: Actor) -> intake.CsvRow:
    return intake.CsvRow(2, {"given_names": "Zoë", "family_name": f"Import {actor.name}", "date_of_birth": "1990-01-02",
                             "admission_date": TODAY.isoformat(), "programme": "aftercare",
                             "centre_type": "outpatient", "primary_drug": "alcohol"})


def _nothing(team: Team, owner: Actor) -> tuple[Any, ...]:
    return ()


def _a_client(team: Team, owner: Actor) -> tuple[Any, ...]:
    return (_client(team),)


def _an_episode(team: Team, owner: Actor) -> tuple[Any, ...]:
    return (_episode(team),)


def _a_draft(team: Team, owner: Actor) -> tuple[Any, ...]:
    return (_draft(team, owner).id,)


def _a_goal(team: Team, owner: Actor) -> tuple[Any, ...]:
    return (_draft(team, owner).goals[0].id,)


def _an_active_plan(team: Team, owner: Actor) -> tuple[Any, ...]:
    return (_active(team, owner).id,)


def _a_checkup(team: Team, owner: Actor) -> tuple[Any, ...]:
    return (_checkup(team, owner).id,)


WORKLISTS = (worklists.my_clients, worklists.plan_reviews_due, worklists.checkups_due, worklists.checkups_overdue,
             worklists.without_active_plan, worklists.consent_missing)

CASES: dict[str, Row] = {
    # part 1: clients, episodes, intake, consents, search
    "clients.get_client": (_a_client, clients.get_client),
    "clients.update_client": (_a_client, lambda uow, a, c: clients.update_client(
        uow, a, c, client_details(family_name="Peña"))),
    "episodes.open_episode": (lambda t, o: (_checkup(t, o).client_id,), lambda uow, a, c: episodes.open_episode(
        uow, a, c, episode_details(admission_date=TODAY))),
    "episodes.record_intake": (_an_episode, lambda uow, a, e: episodes.record_intake(uow, a, e, intake_details())),
    "intake.register_client": (_nothing, lambda uow, a: intake.register_client(
        uow, a, client_details(family_name=f"Nueva {a.name}"), episode_details(), intake_details())),
    "intake.import_clients": (_nothing, lambda uow, a: intake.import_clients(uow, a, [_csv_row(a)])),
    "consents.record_consent": (_a_client, lambda uow, a, c: consents.record_consent(uow, a, c, "statistics", TODAY)),
    "consents.withdraw_consent": (
        lambda t, o: (_as(t, o, consents.record_consent, _client(t), "treatment", TODAY).id,),
        lambda uow, a, k: consents.withdraw_consent(uow, a, k, TODAY)),
    "search.list_clients": (_nothing, lambda uow, a: search.list_clients(uow, a, "gar")),
    "search.count_clients": (_nothing, lambda uow, a: search.count_clients(uow, a, "gar")),
    # part 2: assessments, care plans, notes, family
    "assessments.record_barc10": (_a_client, lambda uow, a, c: assessments.record_barc10(
        uow, a, c, TODAY, BARC, "other")),
    "assessments.barc10_series": (_a_client, assessments.barc10_series),
    "care_plans.create_draft": (_an_episode, care_plans.create_draft),
    "care_plans.add_goal": (_a_draft, lambda uow, a, p: care_plans.add_goal(uow, a, p, "legal", "Settle the fine")),
    "care_plans.update_goal": (_a_goal, lambda uow, a, g: care_plans.update_goal(
        uow, a, g, "housing", "Find a room", "", "", None, "in_progress")),
    "care_plans.remove_goal": (_a_goal, care_plans.remove_goal),
    "care_plans.reorder_goals": (lambda t, o: (_draft(t, o),), lambda uow, a, p: care_plans.reorder_goals(
        uow, a, p.id, [g.id for g in p.goals])),
    "care_plans.set_review_date": (_a_draft, lambda uow, a, p: care_plans.set_review_date(
        uow, a, p, TODAY + timedelta(days=60))),
    "care_plans.sign_plan": (_a_draft, care_plans.sign_plan),
    "care_plans.record_client_signature": (_a_draft, lambda uow, a, p: care_plans.record_client_signature(
        uow, a, p, TODAY)),
    "care_plans.activate_plan": (_a_draft, care_plans.activate_plan),
    "care_plans.review_plan": (_an_active_plan, lambda uow, a, p: care_plans.review_plan(
        uow, a, p, TODAY, {}, TODAY + timedelta(days=90), None)),
    "care_plans.get_plan": (_a_draft, care_plans.get_plan),
    "care_plans.active_plan": (lambda t, o: (_active(t, o).episode_id,), care_plans.active_plan),
    "care_plans.list_versions": (lambda t, o: (_active(t, o).episode_id,), care_plans.list_versions),
    "notes.save_draft": (_a_client, lambda uow, a, c: notes.save_draft(uow, a, None, c, TODAY, "phone", "Llamada")),
    "notes.sign_note": (lambda t, o: (_note(t, o, sign=False),), notes.sign_note),
    "notes.discard_draft": (lambda t, o: (_note(t, o, sign=False),), notes.discard_draft),
    "notes.get_note": (lambda t, o: (_note(t, o, sign=True),), notes.get_note),
    "notes.timeline": (_a_client, notes.timeline),
    "notes.my_drafts": (_nothing, notes.my_drafts),
    "family.add_member": (_a_client, lambda uow, a, c: family.add_member(uow, a, c, "child", "Lucía",
                                                                         birth_year=2015)),
    "family.update_member": (lambda t, o: (_member(t, o).id,), lambda uow, a, m: family.update_member(
        uow, a, m, "sibling", "Íñigo", is_child=None, birth_year=1980, lives_with_client=True, carer="not_known",
        school="", needs="", safeguarding_concern=False, referral_made="")),
    "family.add_note": (_a_client, lambda uow, a, c: family.add_note(uow, a, c, TODAY, "Visita", sensitive=True)),
    "family.family_record": (_a_client, family.family_record),
    # part 3: discharge, follow-ups, worklists
    "discharge.save_plan": (_an_episode, lambda uow, a, e: discharge.save_plan(
        uow, a, e, aftercare="Grupo semanal", referrals=[{"service": "NA"}])),
    "discharge.get_plan": (_an_episode, discharge.get_plan),
    "discharge.discharge": (_an_episode, lambda uow, a, e: discharge.discharge(
        uow, a, e, TODAY, "completed", barc10=BARC)),
    "followups.list_checkups": (lambda t, o: (_checkup(t, o).client_id,), followups.list_checkups),
    "followups.get_checkup": (_a_checkup, followups.get_checkup),
    "followups.record_attempt": (_a_checkup, lambda uow, a, k: followups.record_attempt(
        uow, a, k, TODAY, "phone", False)),
    "followups.record_outcome": (_a_checkup, lambda uow, a, k: followups.record_outcome(
        uow, a, k, "doing_well", TODAY, barc10=BARC)),
    **{f"worklists.{fn.__name__}": (_nothing, partial(fn, scope="all")) for fn in WORKLISTS},
}


def _services() -> set[str]:
    found = set()
    for module in MODULES:
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            params = list(inspect.signature(fn).parameters)
            if fn.__module__ == module.__name__ and not name.startswith("_") and params[:2] == ["uow", "actor"]:
                found.add(f"{module.__name__.rsplit('.', 1)[1]}.{name}")
    return found - INTERNAL


def test_the_table_covers_every_record_service() -> None:
    services = _services()
    assert len(services) >= 45
    assert set(CASES) == services, {"missing": sorted(services - set(CASES)), "extra": sorted(set(CASES) - services)}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("service", sorted(CASES))
def test_permission(team: Team, service: str, role: str) -> None:
    actor = team.by_role()[role]
    owner = team.admin if role in DENIED_ROLES else actor
    setup, call = CASES[service]
    args = setup(team, owner)
    check_permission(team, role, lambda uow, actor: call(uow, actor, *args))

