"""Care plans: versions (draft → active → superseded), goals, review, signatures, validation,
audit and the permission table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from records_factory import (
    ROLES,
    ServiceCall,
    Team,
    audit_actions,
    check_permission,
    make_client,
    make_episode,
    module_team,
)

from clinic_app.codes import BARC10_ITEM
from clinic_app.db.models import CarePlan as PlanRow
from clinic_app.errors import ValidationError
from clinic_app.services import assessments, care_plans
from clinic_app.services.care_plans import CarePlan
from clinic_app.services.common import today

team = module_team()
NEXT_MONTH = today() + timedelta(days=30)
BARC = {item: 5 for item in BARC10_ITEM.codes()}


def _run(team: Team, fn: Callable[..., Any], *args: Any, actor: Any = None, **kwargs: Any) -> Any:
    with team.ws.unit_of_work() as uow:
        result = fn(uow, actor or team.counsellor, *args, **kwargs)
        uow.commit()
    return result


def _errors(team: Team, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> dict[str, str]:
    with pytest.raises(ValidationError) as exc:
        _run(team, fn, *args, **kwargs)
    return exc.value.errors


def _goal(team: Team, plan_id: int, goal: str = "Find stable housing", **kwargs: Any) -> CarePlan:
    values: dict[str, Any] = {"domain": "housing", "actions": "Apply for social housing", "responsible": "Client",
                              "target_date": NEXT_MONTH, "status": "not_started", **kwargs}
    return _run(team, care_plans.add_goal, plan_id, goal=goal, **values)


def _draft(team: Team, episode_id: int, goals: int = 2) -> CarePlan:
    plan = _run(team, care_plans.create_draft, episode_id)
    for n in range(goals):
        plan = _goal(team, plan.id, f"Goal {n + 1}")
    return _run(team, care_plans.set_review_date, plan.id, NEXT_MONTH)


def _active(team: Team, episode_id: int, goals: int = 2) -> CarePlan:
    return _run(team, care_plans.activate_plan, _draft(team, episode_id, goals).id)


# --- versions --------------------------------------------------------------------------


def test_first_draft_is_version_1_and_empty(team: Team) -> None:
    _, episode_id = make_client(team.ws)
    plan = _run(team, care_plans.create_draft, episode_id)
    assert (plan.version, plan.status, plan.goals, plan.review_date) == (1, "draft", (), None)
    assert plan.created_by == team.counsellor.user_id


def test_activating_v2_supersedes_v1_which_stays_readable_and_unchanged(team: Team) -> None:
    client_id, episode_id = make_client(team.ws)
    v1 = _active(team, episode_id)
    assert v1.status == "active" and v1.activated_by == team.counsellor.user_id

    v2 = _run(team, care_plans.create_draft, episode_id, actor=team.admin)
    assert (v2.version, v2.status) == (2, "draft")
    assert [(g.domain, g.goal, g.status) for g in v2.goals] == [(g.domain, g.goal, g.status) for g in v1.goals]
    assert {g.id for g in v2.goals}.isdisjoint(g.id for g in v1.goals)
    v2 = _run(team, care_plans.update_goal, v2.goals[0].id, "housing", "Changed in v2", "", "", None, "achieved")
    v2 = _run(team, care_plans.remove_goal, v2.goals[1].id)
    v2 = _goal(team, v2.id, "New in v2", domain="employment_income")
    v2 = _run(team, care_plans.activate_plan, v2.id, actor=team.admin)
    assert v2.status == "active"

    old = _run(team, care_plans.get_plan, v1.id)
    assert old.status == "superseded" and old.superseded_at is not None
    assert old.superseded_at == v2.activated_at
    assert old.goals == v1.goals
    assert (old.version, old.review_date, old.activated_at, old.activated_by) == (
        v1.version, v1.review_date, v1.activated_at, v1.activated_by)
    assert _run(team, care_plans.active_plan, episode_id) == v2
    versions = _run(team, care_plans.list_versions, episode_id)
    assert [(v.version, v.status, v.goal_count) for v in versions] == [(1, "superseded", 2), (2, "active", 2)]
    assert "care_plan.activated" in audit_actions(team, client_id)


def test_only_one_active_version_per_episode_and_episodes_are_independent(team: Team) -> None:
    client_id, episode_a = make_client(team.ws)
    episode_b = make_episode(team.ws, client_id, admission_date=today() - timedelta(days=3))
    _active(team, episode_a)
    plan_b = _active(team, episode_b)
    assert plan_b.version == 1
    _active(team, episode_a)
    statuses = [v.status for v in _run(team, care_plans.list_versions, episode_a)]
    assert statuses == ["superseded", "active"]
    assert _run(team, care_plans.active_plan, episode_b) == plan_b


def test_active_and_superseded_plans_cannot_be_edited(team: Team) -> None:
    _, episode_id = make_client(team.ws)
    v1 = _active(team, episode_id)
    goal_id = v1.goals[0].id
    edits: list[tuple[Callable[..., Any], tuple[Any, ...]]] = [
        (care_plans.add_goal, (v1.id, "housing", "Sneaky goal")),
        (care_plans.update_goal, (goal_id, "housing", "Edited", "", "", None, "achieved")),
        (care_plans.remove_goal, (goal_id,)),
        (care_plans.reorder_goals, (v1.id, [g.id for g in reversed(v1.goals)])),
        (care_plans.set_review_date, (v1.id, NEXT_MONTH + timedelta(days=1))),
        (care_plans.activate_plan, (v1.id,)),
    ]
    for fn, args in edits:
        assert "cannot be edited" in _errors(team, fn, *args)["plan_id"], fn.__name__
    _active(team, episode_id)  # v1 is now superseded
    for fn, args in edits:
        assert "plan_id" in _errors(team, fn, *args), fn.__name__
    assert _run(team, care_plans.get_plan, v1.id).goals == v1.goals


def test_a_second_draft_is_refused(team: Team) -> None:
    _, episode_id = make_client(team.ws)
    _run(team, care_plans.create_draft, episode_id)
    assert "already a draft" in _errors(team, care_plans.create_draft, episode_id)["episode_id"]


def test_empty_copy_starts_from_nothing(team: Team) -> None:
    _, episode_id = make_client(team.ws)
    _active(team, episode_id)
    v2 = _run(team, care_plans.create_draft, episode_id, False)
    assert (v2.version, v2.goals, v2.review_date) == (2, (), None)


def test_activation_needs_goals_and_a_future_review_date(team: Team) -> None:
    _, episode_id = make_client(team.ws)
    plan = _run(team, care_plans.create_draft, episode_id)
    assert set(_errors(team, care_plans.activate_plan, plan.id)) == {"goals", "review_date"}
    _goal(team, plan.id)
    assert set(_errors(team, care_plans.activate_plan, plan.id)) == {"review_date"}
    # a copied draft keeps the old review date; once that date has passed it must be replaced
    with team.ws.unit_of_work() as uow:
        row = uow.session.get(PlanRow, plan.id)
        assert row is not None
        row.review_date = today() - timedelta(days=1)
        uow.commit()
    assert "in the past" in _errors(team, care_plans.activate_plan, plan.id)["review_date"]
    _run(team, care_plans.set_review_date, plan.id, today())
    assert _run(team, care_plans.activate_plan, plan.id).status == "active"


def test_discharged_episode_plans_no_longer_change(team: Team) -> None:
    client_id, _ = make_client(team.ws)
    episode_id = make_episode(team.ws, client_id, admission_date=today() - timedelta(days=90),
                              discharge_date=today() - timedelta(days=1))
    assert "discharged" in _errors(team, care_plans.create_draft, episode_id)["episode_id"]
    assert _run(team, care_plans.active_plan, episode_id) is None


# --- goals -----------------------------------------------------------------------------


def test_goal_fields_are_stored_and_reordered(team: Team) -> None:
    _, episode_id = make_client(team.ws)
    plan = _draft(team, episode_id, goals=0)
    plan = _goal(team, plan.id, "A", domain="mental_health", actions="See GP", responsible="Counsellor",
                 target_date=NEXT_MONTH.isoformat(), status="in_progress")
    plan = _goal(team, plan.id, "B")
    plan = _goal(team, plan.id, "C", target_date=None)
    a = plan.goals[0]
    assert (a.domain, a.goal, a.actions, a.responsible, a.target_date, a.status) == (
        "mental_health", "A", "See GP", "Counsellor", NEXT_MONTH, "in_progress")
    assert [g.position for g in plan.goals] == [1, 2, 3]
    ids = [g.id for g in plan.goals]
    plan = _run(team, care_plans.reorder_goals, plan.id, [ids[2], ids[0], ids[1]])
    assert [g.goal for g in plan.goals] == ["C", "A", "B"]
    assert "goal_ids" in _errors(team, care_plans.reorder_goals, plan.id, ids[:2])
    assert "goal_ids" in _errors(team, care_plans.reorder_goals, plan.id, [ids[0], ids[0], ids[1]])
    plan = _run(team, care_plans.remove_goal, ids[0])
    assert [g.goal for g in plan.goals] == ["C", "B"]
    assert [g.goal for g in _goal(team, plan.id, "D").goals] == ["C", "B", "D"]


@pytest.mark.parametrize("field, value", [
    ("domain", "happiness"),
    ("domain", ""),
    ("status", "finished"),
    ("goal", "   "),
    ("target_date", "2026-02-30"),
    ("target_date", "1899-12-31"),
    ("target_date", 20260101),
    ("responsible", "x" * 201),
    ("actions", 42),
])
def test_bad_goal_values_are_rejected_naming_the_field(team: Team, field: str, value: Any) -> None:
    _, episode_id = make_client(team.ws)
    plan = _draft(team, episode_id, goals=1)
    values: dict[str, Any] = {"domain": "housing", "goal": "G", "actions": "", "responsible": "",
                              "target_date": None, "status": "not_started", field: value}
    assert set(_errors(team, care_plans.add_goal, plan.id, **values)) == {field}
    assert set(_errors(team, care_plans.update_goal, plan.goals[0].id, **values)) == {field}
    assert _run(team, care_plans.get_plan, plan.id).goals == plan.goals


def test_target_date_not_before_admission(team: Team) -> None:
    admitted = today() - timedelta(days=10)
    _, episode_id = make_client(team.ws, admission_date=admitted)
    plan = _draft(team, episode_id, goals=0)
    assert "admission" in _errors(team, care_plans.add_goal, plan.id, "housing", "G",
                                  target_date=admitted - timedelta(days=1))["target_date"]
    assert _goal(team, plan.id, target_date=admitted).goals[0].target_date == admitted


@pytest.mark.parametrize("value", ["yesterday", today() - timedelta(days=1), None, "1800-01-01"])
def test_bad_review_date_is_rejected(team: Team, value: Any) -> None:
    _, episode_id = make_client(team.ws)
    plan = _run(team, care_plans.create_draft, episode_id)
    assert set(_errors(team, care_plans.set_review_date, plan.id, value)) == {"review_date"}


# --- signatures ------------------------------------------------------------------------


def test_activation_signs_unless_already_signed(team: Team) -> None:
    _, episode_id = make_client(team.ws)
    plan = _active(team, episode_id)
    assert (plan.counsellor_signed_by, plan.counsellor_signed_on) == (team.counsellor.user_id, today())

    draft = _run(team, care_plans.create_draft, episode_id)
    assert (draft.counsellor_signed_by, draft.client_signed_on) == (None, None)
    draft = _run(team, care_plans.sign_plan, draft.id)
    draft = _run(team, care_plans.record_client_signature, draft.id, today())
    active = _run(team, care_plans.activate_plan, draft.id, actor=team.admin)
    assert active.activated_by == team.admin.user_id
    assert (active.counsellor_signed_by, active.client_signed_on) == (team.counsellor.user_id, today())


def test_editing_a_draft_clears_its_signatures(team: Team) -> None:
    _, episode_id = make_client(team.ws)
    draft = _draft(team, episode_id, goals=1)
    _run(team, care_plans.sign_plan, draft.id)
    signed = _run(team, care_plans.record_client_signature, draft.id, today())
    assert signed.counsellor_signed_by == team.counsellor.user_id and signed.client_signed_on == today()
    edited = _goal(team, draft.id, "One more")
    assert (edited.counsellor_signed_by, edited.counsellor_signed_on, edited.client_signed_on) == (None, None, None)


def test_client_signature_on_active_plan_and_its_date_rules(team: Team) -> None:
    _, episode_id = make_client(team.ws)
    plan = _active(team, episode_id)
    assert set(_errors(team, care_plans.record_client_signature, plan.id, today() + timedelta(days=1))) == {
        "client_signed_on"}
    assert set(_errors(team, care_plans.record_client_signature, plan.id, today() - timedelta(days=5))) == {
        "client_signed_on"}
    signed = _run(team, care_plans.record_client_signature, plan.id, today())
    assert signed.client_signed_on == today() and signed.goals == plan.goals and signed.status == "active"
    _active(team, episode_id)
    assert "superseded" in _errors(team, care_plans.sign_plan, plan.id)["plan_id"]


# --- review ----------------------------------------------------------------------------


def test_review_creates_and_activates_a_new_version(team: Team) -> None:
    client_id, episode_id = make_client(team.ws)
    v1 = _active(team, episode_id, goals=3)
    first, second, third = (g.id for g in v1.goals)
    next_review = today() + timedelta(days=90)
    review = _run(team, care_plans.review_plan, v1.id, today(), {first: "achieved", third: "dropped"},
                  next_review, BARC, actor=team.admin)
    v2 = review.plan
    assert (v2.version, v2.status, v2.review_date, v2.activated_by) == (2, "active", next_review, team.admin.user_id)
    assert [g.status for g in v2.goals] == ["achieved", "not_started", "dropped"]
    assert [g.goal for g in v2.goals] == [g.goal for g in v1.goals]
    old = _run(team, care_plans.get_plan, v1.id)
    assert old.status == "superseded" and old.goals == v1.goals
    assert review.barc10 is not None
    assert (review.barc10.context, review.barc10.total, review.barc10.episode_id) == ("review", 50, episode_id)
    with team.ws.unit_of_work() as uow:
        assert assessments.barc10_series(uow, team.admin, client_id) == (review.barc10,)
    actions = audit_actions(team, client_id)
    assert actions[-4:] == ["barc10.recorded", "care_plan.reviewed", "care_plan.activated", "care_plan.read"]
    # a review without a BARC-10 (the client declined) still makes a new version
    again = _run(team, care_plans.review_plan, v2.id, today(), {}, next_review, None)
    assert again.barc10 is None and again.plan.version == 3 and again.plan.goals[0].status == "achieved"


def test_review_validation_names_each_field_and_writes_nothing(team: Team) -> None:
    _, episode_id = make_client(team.ws)
    v1 = _active(team, episode_id)
    bad_barc = {**BARC, "support_from_friends": 0}
    errors = _errors(team, care_plans.review_plan, v1.id, today() + timedelta(days=1),
                     {v1.goals[0].id: "won", 999_999: "achieved"}, today() - timedelta(days=1), bad_barc)
    assert set(errors) == {"reviewed_on", f"goal_statuses.{v1.goals[0].id}", "goal_statuses.999999",
                           "next_review_date", "support_from_friends"}
    assert [v.version for v in _run(team, care_plans.list_versions, episode_id)] == [1]


def test_only_the_active_plan_is_reviewed_and_not_while_a_draft_exists(team: Team) -> None:
    _, episode_id = make_client(team.ws)
    draft = _draft(team, episode_id)
    assert "Only the active plan" in _errors(team, care_plans.review_plan, draft.id, today(), {}, NEXT_MONTH,
                                              None)["plan_id"]
    active = _run(team, care_plans.activate_plan, draft.id)
    _run(team, care_plans.create_draft, episode_id)
    assert "episode_id" in _errors(team, care_plans.review_plan, active.id, today(), {}, NEXT_MONTH, None)


# --- audit, Unicode, permissions -----------------------------------------------------------


def test_reads_and_writes_are_audited_with_the_client(team: Team) -> None:
    client_id, episode_id = make_client(team.ws)
    plan = _draft(team, episode_id, goals=1)
    _run(team, care_plans.get_plan, plan.id)
    _run(team, care_plans.list_versions, episode_id)
    assert audit_actions(team, client_id) == [
        "care_plan.draft_created", "care_plan.goal_added", "care_plan.review_date_set", "care_plan.read",
        "care_plan.listed"]


TEXT = st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]), max_size=300)


@settings(max_examples=25, deadline=None)
@given(goal=TEXT.filter(str.strip), actions=TEXT, responsible=st.text(
    st.characters(exclude_characters="\x00", exclude_categories=["Cs"]), max_size=200))
def test_any_unicode_text_round_trips(team: Team, goal: str, actions: str, responsible: str) -> None:
    _, episode_id = make_client(team.ws)
    plan = _run(team, care_plans.create_draft, episode_id)
    _goal(team, plan.id, goal, actions=actions, responsible=responsible)
    stored = _run(team, care_plans.get_plan, plan.id).goals[0]
    assert (stored.goal, stored.actions, stored.responsible) == (goal, actions, responsible)


def _setup_create_draft(team: Team) -> ServiceCall:
    _, episode_id = make_client(team.ws)
    return lambda uow, actor: care_plans.create_draft(uow, actor, episode_id)


def _on_draft(call: Callable[..., Any]) -> Callable[[Team], ServiceCall]:
    def setup(team: Team) -> ServiceCall:
        _, episode_id = make_client(team.ws)
        plan = _draft(team, episode_id)
        return lambda uow, actor: call(uow, actor, plan)
    return setup


def _on_active(call: Callable[..., Any]) -> Callable[[Team], ServiceCall]:
    def setup(team: Team) -> ServiceCall:
        _, episode_id = make_client(team.ws)
        plan = _active(team, episode_id)
        return lambda uow, actor: call(uow, actor, plan)
    return setup


PERMISSION_CALLS: dict[str, Callable[[Team], ServiceCall]] = {
    "create_draft": _setup_create_draft,
    "add_goal": _on_draft(lambda uow, a, p: care_plans.add_goal(uow, a, p.id, "legal", "Court date")),
    "update_goal": _on_draft(lambda uow, a, p: care_plans.update_goal(
        uow, a, p.goals[0].id, "legal", "Court", "", "", None, "in_progress")),
    "remove_goal": _on_draft(lambda uow, a, p: care_plans.remove_goal(uow, a, p.goals[0].id)),
    "reorder_goals": _on_draft(lambda uow, a, p: care_plans.reorder_goals(uow, a, p.id, [g.id for g in p.goals])),
    "set_review_date": _on_draft(lambda uow, a, p: care_plans.set_review_date(uow, a, p.id, NEXT_MONTH)),
    "sign_plan": _on_draft(lambda uow, a, p: care_plans.sign_plan(uow, a, p.id)),
    "record_client_signature": _on_draft(lambda uow, a, p: care_plans.record_client_signature(
        uow, a, p.id, today())),
    "activate_plan": _on_draft(lambda uow, a, p: care_plans.activate_plan(uow, a, p.id)),
    "review_plan": _on_active(lambda uow, a, p: care_plans.review_plan(
        uow, a, p.id, today(), {p.goals[0].id: "in_progress"}, NEXT_MONTH, BARC)),
    "get_plan": _on_active(lambda uow, a, p: care_plans.get_plan(uow, a, p.id)),
    "active_plan": _on_active(lambda uow, a, p: care_plans.active_plan(uow, a, p.episode_id)),
    "list_versions": _on_active(lambda uow, a, p: care_plans.list_versions(uow, a, p.episode_id)),
}


def test_permission_table_covers_every_service() -> None:
    public = {name for name in care_plans.__dict__ if not name.startswith("_")
              and callable(getattr(care_plans, name)) and getattr(care_plans, name).__module__ == care_plans.__name__
              and not isinstance(getattr(care_plans, name), type)}
    assert public == set(PERMISSION_CALLS)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("service", sorted(PERMISSION_CALLS))
def test_permissions(team: Team, service: str, role: str) -> None:
    check_permission(team, role, PERMISSION_CALLS[service](team))

