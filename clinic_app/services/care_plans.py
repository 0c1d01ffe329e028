"""Care plans: one per episode of care, versioned draft → active → superseded.

A plan holds goals, each in a recovery domain (:data:`clinic_app.codes.RECOVERY_DOMAIN`)
with actions, who is responsible, a target date and a status
(:data:`clinic_app.codes.GOAL_STATUS`), plus the plan's review date and its signatures.

Life of a plan
--------------
* :func:`create_draft` starts version *n+1* of an episode's plan, empty or copied from the
  latest version (goals, statuses and review date; never the signatures).
* Only a **draft** changes: :func:`add_goal`, :func:`update_goal`, :func:`remove_goal`,
  :func:`reorder_goals`, :func:`set_review_date`.  Any such change clears the draft's
  signatures, because they no longer refer to what was signed.
* :func:`activate_plan` makes the draft the episode's active plan and, in the same
  transaction, marks the previously active version superseded.  An active or superseded
  version is never edited in place; every earlier version stays readable
  (:func:`get_plan`, :func:`list_versions`).
* :func:`review_plan` is the periodic review: it records a BARC-10 (context ``review``),
  copies the active plan into a new version with the goal statuses reviewed and the next
  review date, and activates it.  It returns the new active version.

Decisions
---------
* One draft per episode at a time: a second :func:`create_draft` (or a review while a draft
  exists) is refused, so two people never build competing next versions.
* Activation needs at least one goal and a review date that is not in the past.  It is the
  acting user's signature as counsellor unless the draft was already signed
  (:func:`sign_plan`, e.g. by the assigned counsellor before an administrator activates it).
* Signatures (:func:`sign_plan`, :func:`record_client_signature`) are recorded on a draft or
  on the active version; they are not content, so recording them is not an edit.  The client
  signs on paper; the date they signed is what is recorded.
* A target date may not be before the episode's admission date; a review date may not be in
  the past.  Plans of a discharged episode no longer change (its versions stay readable).
* Counsellors and administrators may do everything here; statistics staff nothing.  Every
  change is audited (``care_plan.*``) with the client's id; reading a plan is audited as
  ``care_plan.read`` and listing versions as ``care_plan.listed``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

from clinic_app.codes import GOAL_STATUS, RECOVERY_DOMAIN
from clinic_app.db.models import CarePlan as PlanRow
from clinic_app.db.models import CarePlanGoal as GoalRow
from clinic_app.db.models import Episode
from clinic_app.db.types import utcnow
from clinic_app.errors import NotFound, ValidationError
from clinic_app.services import audit
from clinic_app.services.assessments import REVIEW, Barc10Result, add_barc10, check_answers
from clinic_app.services.auth import Actor
from clinic_app.services.common import Checker, load_client, load_episode, require_records, today
from clinic_app.uow import UnitOfWork

DRAFT = "draft"
ACTIVE = "active"
SUPERSEDED = "superseded"

GOAL_MAX = 2_000
ACTIONS_MAX = 10_000
RESPONSIBLE_MAX = 200


@dataclass(frozen=True)
class Goal:
    id: int
    position: int
    domain: str
    goal: str
    actions: str
    responsible: str
    target_date: date | None
    status: str


@dataclass(frozen=True)
class CarePlan:
    """One version of an episode's care plan, with its goals in order."""

    id: int
    client_id: int
    episode_id: int
    version: int
    status: str
    review_date: date | None
    created_by: int
    created_at: datetime
    activated_by: int | None
    activated_at: datetime | None
    superseded_at: datetime | None
    counsellor_signed_by: int | None
    counsellor_signed_on: date | None
    client_signed_on: date | None
    goals: tuple[Goal, ...]


@dataclass(frozen=True)
class PlanVersion:
    """A line of the version list (no goals)."""

    id: int
    version: int
    status: str
    review_date: date | None
    created_at: datetime
    activated_at: datetime | None
    superseded_at: datetime | None
    goal_count: int


@dataclass(frozen=True)
class PlanReview:
    """What :func:`review_plan` produced: the new active version and the BARC-10 taken."""

    plan: CarePlan
    barc10: Barc10Result | None


# --- loading and converting ------------------------------------------------------------


def _goal_rows(uow: UnitOfWork, plan_id: int) -> list[GoalRow]:
    return list(uow.session.execute(
        select(GoalRow).where(GoalRow.plan_id == plan_id).order_by(GoalRow.position, GoalRow.id)
    ).scalars())


def _view(uow: UnitOfWork, plan: PlanRow, client_id: int) -> CarePlan:
    goals = tuple(
        Goal(g.id, g.position, g.domain, g.goal, g.actions, g.responsible, g.target_date, g.status)
        for g in _goal_rows(uow, plan.id)
    )
    return CarePlan(
        id=plan.id,
        client_id=client_id,
        episode_id=plan.episode_id,
        version=plan.version,
        status=plan.status,
        review_date=plan.review_date,
        created_by=plan.created_by,
        created_at=plan.created_at,
        activated_by=plan.activated_by,
        activated_at=plan.activated_at,
        superseded_at=plan.superseded_at,
        counsellor_signed_by=plan.counsellor_signed_by,
        counsellor_signed_on=plan.counsellor_signed_on,
        client_signed_on=plan.client_signed_on,
        goals=goals,
    )


def _load_plan(uow: UnitOfWork, plan_id: int) -> tuple[PlanRow, Episode]:
    plan = uow.session.get(PlanRow, plan_id)
    if plan is None:
        raise NotFound("This care plan does not exist.")
    return plan, load_episode(uow, plan.episode_id)


def _require_open(episode: Episode) -> None:
    if episode.status != "open":
        raise ValidationError({"episode_id": "This episode of care is discharged; its care plan can no longer change."})


def _load_draft(uow: UnitOfWork, plan_id: int) -> tuple[PlanRow, Episode]:
    """A draft plan of an open episode, or a clear refusal: other versions are never edited."""
    plan, episode = _load_plan(uow, plan_id)
    if plan.status != DRAFT:
        raise ValidationError({
            "plan_id": f"Version {plan.version} of this care plan is {plan.status} and cannot be edited; "
                       "create a new draft version to change it."
        })
    _require_open(episode)
    return plan, episode


def _load_goal(uow: UnitOfWork, goal_id: int) -> tuple[GoalRow, PlanRow, Episode]:
    goal = uow.session.get(GoalRow, goal_id)
    if goal is None:
        raise NotFound("This care-plan goal does not exist.")
    plan, episode = _load_draft(uow, goal.plan_id)
    return goal, plan, episode


def _local_day(moment: datetime) -> date:
    """The local calendar day of a stored UTC timestamp (what the user calls "that day")."""
    return moment.astimezone().date()


def _touch_draft(plan: PlanRow) -> None:
    """A draft's content changed: earlier signatures no longer refer to it."""
    plan.counsellor_signed_by = None
    plan.counsellor_signed_on = None
    plan.client_signed_on = None


def _audit(uow: UnitOfWork, actor: Actor, action: str, plan: PlanRow, episode: Episode, **details: Any) -> None:
    audit.record(uow, actor, action, entity="care_plan", entity_id=plan.id, client_id=episode.client_id,
                 details={"version": plan.version, **details})


def _plans_of(uow: UnitOfWork, episode_id: int, status: str | None = None) -> list[PlanRow]:
    q = select(PlanRow).where(PlanRow.episode_id == episode_id).order_by(PlanRow.version)
    if status is not None:
        q = q.where(PlanRow.status == status)
    return list(uow.session.execute(q).scalars())


def _new_version(uow: UnitOfWork, actor: Actor, episode: Episode, source: PlanRow | None) -> PlanRow:
    """A new draft version of ``episode``'s plan, with ``source``'s goals and review date."""
    existing = _plans_of(uow, episode.id)
    draft = next((p for p in existing if p.status == DRAFT), None)
    if draft is not None:
        raise ValidationError({
            "episode_id": f"Version {draft.version} of this care plan is already a draft; continue with it."
        })
    plan = PlanRow(
        episode_id=episode.id,
        version=max((p.version for p in existing), default=0) + 1,
        status=DRAFT,
        review_date=source.review_date if source else None,
        created_by=actor.user_id,
        created_at=utcnow(),
    )
    uow.session.add(plan)
    uow.session.flush()
    if source is not None:
        for g in _goal_rows(uow, source.id):
            uow.session.add(GoalRow(plan_id=plan.id, position=g.position, domain=g.domain, goal=g.goal,
                                    actions=g.actions, responsible=g.responsible, target_date=g.target_date,
                                    status=g.status))
        uow.session.flush()
    return plan


# --- validation --------------------------------------------------------------------------


@dataclass(frozen=True)
class _GoalValues:
    domain: str
    goal: str
    actions: str
    responsible: str
    target_date: date | None
    status: str


def _check_goal(
    episode: Episode, domain: Any, goal: Any, actions: Any, responsible: Any, target_date: Any, status: Any
) -> _GoalValues:
    c = Checker()
    values = _GoalValues(
        domain=c.code(RECOVERY_DOMAIN, domain, "domain") or "",
        goal=c.text(goal, "goal", max_len=GOAL_MAX, required=True),
        actions=c.text(actions, "actions", max_len=ACTIONS_MAX),
        responsible=c.text(responsible, "responsible", max_len=RESPONSIBLE_MAX),
        target_date=c.date(target_date, "target_date", required=False, not_before=episode.admission_date,
                           not_before_label="the episode's admission date"),
        status=c.code(GOAL_STATUS, status, "status") or "",
    )
    c.raise_if_any()
    return values


def _check_review_date(c: Checker, value: Any, field: str = "review_date") -> date | None:
    when = c.date(value, field)
    if when is not None and when < today():
        c.fail(field, "The review date cannot be in the past.")
        return None
    return when


# --- services ----------------------------------------------------------------------------


def create_draft(uow: UnitOfWork, actor: Actor, episode_id: int, copy_latest: bool = True) -> CarePlan:
    """Start the next version of an episode's plan, copied from the latest version or empty."""
    require_records(uow, actor)
    episode = load_episode(uow, episode_id)
    _require_open(episode)
    existing = _plans_of(uow, episode.id)
    source = existing[-1] if copy_latest and existing else None
    plan = _new_version(uow, actor, episode, source)
    _audit(uow, actor, "care_plan.draft_created", plan, episode,
           copied_from=source.version if source else None)
    return _view(uow, plan, episode.client_id)


def add_goal(
    uow: UnitOfWork,
    actor: Actor,
    plan_id: int,
    domain: str,
    goal: str,
    actions: str = "",
    responsible: str = "",
    target_date: date | str | None = None,
    status: str = "not_started",
) -> CarePlan:
    """Add a goal at the end of a draft plan."""
    require_records(uow, actor)
    plan, episode = _load_draft(uow, plan_id)
    v = _check_goal(episode, domain, goal, actions, responsible, target_date, status)
    last = uow.session.execute(select(func.max(GoalRow.position)).where(GoalRow.plan_id == plan.id)).scalar_one()
    row = GoalRow(plan_id=plan.id, position=(last or 0) + 1, domain=v.domain, goal=v.goal, actions=v.actions,
                  responsible=v.responsible, target_date=v.target_date, status=v.status)
    uow.session.add(row)
    _touch_draft(plan)
    uow.session.flush()
    _audit(uow, actor, "care_plan.goal_added", plan, episode, goal_id=row.id)
    return _view(uow, plan, episode.client_id)


def update_goal(
    uow: UnitOfWork,
    actor: Actor,
    goal_id: int,
    domain: str,
    goal: str,
    actions: str,
    responsible: str,
    target_date: date | str | None,
    status: str,
) -> CarePlan:
    """Replace every field of a goal of a draft plan."""
    require_records(uow, actor)
    row, plan, episode = _load_goal(uow, goal_id)
    v = _check_goal(episode, domain, goal, actions, responsible, target_date, status)
    row.domain, row.goal, row.actions = v.domain, v.goal, v.actions
    row.responsible, row.target_date, row.status = v.responsible, v.target_date, v.status
    _touch_draft(plan)
    uow.session.flush()
    _audit(uow, actor, "care_plan.goal_updated", plan, episode, goal_id=row.id)
    return _view(uow, plan, episode.client_id)


def remove_goal(uow: UnitOfWork, actor: Actor, goal_id: int) -> CarePlan:
    """Take a goal out of a draft plan (earlier versions keep their own copy)."""
    require_records(uow, actor)
    row, plan, episode = _load_goal(uow, goal_id)
    uow.session.delete(row)
    _touch_draft(plan)
    uow.session.flush()
    _audit(uow, actor, "care_plan.goal_removed", plan, episode, goal_id=goal_id)
    return _view(uow, plan, episode.client_id)


def reorder_goals(uow: UnitOfWork, actor: Actor, plan_id: int, goal_ids: Sequence[int]) -> CarePlan:
    """Put a draft's goals in the order of ``goal_ids`` (every goal of the plan, once)."""
    require_records(uow, actor)
    plan, episode = _load_draft(uow, plan_id)
    rows = {g.id: g for g in _goal_rows(uow, plan.id)}
    wanted = list(goal_ids)
    if sorted(wanted) != sorted(rows):
        raise ValidationError({"goal_ids": "List every goal of this plan exactly once."})
    for position, goal_id in enumerate(wanted, start=1):
        rows[goal_id].position = position
    _touch_draft(plan)
    uow.session.flush()
    _audit(uow, actor, "care_plan.goals_reordered", plan, episode)
    return _view(uow, plan, episode.client_id)


def set_review_date(uow: UnitOfWork, actor: Actor, plan_id: int, review_date: date | str) -> CarePlan:
    """Set when a draft plan is to be reviewed (today or later)."""
    require_records(uow, actor)
    plan, episode = _load_draft(uow, plan_id)
    c = Checker()
    when = _check_review_date(c, review_date)
    c.raise_if_any()
    plan.review_date = when
    _touch_draft(plan)
    uow.session.flush()
    _audit(uow, actor, "care_plan.review_date_set", plan, episode)
    return _view(uow, plan, episode.client_id)


def _signable(uow: UnitOfWork, plan_id: int) -> tuple[PlanRow, Episode]:
    plan, episode = _load_plan(uow, plan_id)
    if plan.status == SUPERSEDED:
        raise ValidationError({"plan_id": f"Version {plan.version} has been superseded; it can no longer be signed."})
    return plan, episode


def sign_plan(uow: UnitOfWork, actor: Actor, plan_id: int) -> CarePlan:
    """Record the acting user's signature, today, as the plan's counsellor."""
    require_records(uow, actor)
    plan, episode = _signable(uow, plan_id)
    plan.counsellor_signed_by, plan.counsellor_signed_on = actor.user_id, today()
    uow.session.flush()
    _audit(uow, actor, "care_plan.signed", plan, episode)
    return _view(uow, plan, episode.client_id)


def record_client_signature(uow: UnitOfWork, actor: Actor, plan_id: int, signed_on: date | str) -> CarePlan:
    """Record the date the client signed the plan (not in the future, not before the plan existed)."""
    require_records(uow, actor)
    plan, episode = _signable(uow, plan_id)
    c = Checker()
    created = _local_day(plan.created_at)
    when = c.date(signed_on, "client_signed_on", past_only=True, not_before=created,
                  not_before_label=f"the day this version was created ({created.isoformat()})")
    c.raise_if_any()
    plan.client_signed_on = when
    uow.session.flush()
    _audit(uow, actor, "care_plan.client_signature_recorded", plan, episode)
    return _view(uow, plan, episode.client_id)


def _activate(uow: UnitOfWork, actor: Actor, plan: PlanRow, episode: Episode) -> None:
    c = Checker()
    if not _goal_rows(uow, plan.id):
        c.fail("goals", "Add at least one goal before activating the plan.")
    if plan.review_date is None:
        c.fail("review_date", "Set a review date before activating the plan.")
    elif plan.review_date < today():
        c.fail("review_date", "The review date is in the past; set a new one before activating the plan.")
    c.raise_if_any()
    now = utcnow()
    previous = _plans_of(uow, episode.id, ACTIVE)
    for old in previous:
        old.status, old.superseded_at = SUPERSEDED, now
    uow.session.flush()
    plan.status, plan.activated_by, plan.activated_at = ACTIVE, actor.user_id, now
    if plan.counsellor_signed_by is None:
        plan.counsellor_signed_by, plan.counsellor_signed_on = actor.user_id, today()
    uow.session.flush()
    _audit(uow, actor, "care_plan.activated", plan, episode, superseded=[p.version for p in previous])


def activate_plan(uow: UnitOfWork, actor: Actor, plan_id: int) -> CarePlan:
    """Make a draft the episode's active plan; the previously active version is superseded."""
    require_records(uow, actor)
    plan, episode = _load_draft(uow, plan_id)
    _activate(uow, actor, plan, episode)
    return _view(uow, plan, episode.client_id)


def review_plan(
    uow: UnitOfWork,
    actor: Actor,
    plan_id: int,
    reviewed_on: date | str,
    goal_statuses: Mapping[int, str],
    next_review_date: date | str,
    barc10_answers: Mapping[str, int | str] | None,
) -> PlanReview:
    """Review the active plan: a BARC-10, goal statuses and the next review date, as a new version.

    ``goal_statuses`` maps goal ids *of the reviewed plan* to their new status; goals not
    named keep theirs.  ``barc10_answers`` is ``None`` when the client did not take it.
    Errors are keyed ``reviewed_on``, ``next_review_date``, ``goal_statuses.<id>`` and,
    for the BARC-10, the item codes.
    """
    require_records(uow, actor)
    plan, episode = _load_plan(uow, plan_id)
    if plan.status != ACTIVE:
        raise ValidationError({
            "plan_id": f"Only the active plan can be reviewed; version {plan.version} is {plan.status}."
        })
    _require_open(episode)
    client = load_client(uow, episode.client_id)
    c = Checker()
    activated = _local_day(plan.activated_at or plan.created_at)
    when = c.date(reviewed_on, "reviewed_on", past_only=True, not_before=activated,
                  not_before_label=f"the day this plan was activated ({activated.isoformat()})")
    next_date = _check_review_date(c, next_review_date, "next_review_date")
    old_goals = {g.id: g for g in _goal_rows(uow, plan.id)}
    statuses: dict[int, str] = {}
    if not isinstance(goal_statuses, Mapping):
        c.fail("goal_statuses", "Expected a status for each reviewed goal.")
    else:
        for goal_id, status in goal_statuses.items():
            field = f"goal_statuses.{goal_id}"
            if goal_id not in old_goals:
                c.fail(field, "This goal is not part of the plan being reviewed.")
            else:
                statuses[goal_id] = c.code(GOAL_STATUS, status, field) or ""
    if barc10_answers is not None:
        check_answers(c, barc10_answers)
    c.raise_if_any()
    assert when is not None

    barc10 = None
    if barc10_answers is not None:
        barc10 = add_barc10(uow, actor, client, when, barc10_answers, REVIEW, episode.id)
    new = _new_version(uow, actor, episode, plan)
    new.review_date = next_date
    new_goals = _goal_rows(uow, new.id)
    for old, copy in zip(old_goals.values(), new_goals, strict=True):
        copy.status = statuses.get(old.id, old.status)
    uow.session.flush()
    _audit(uow, actor, "care_plan.reviewed", new, episode, reviewed_version=plan.version,
           barc10_id=barc10.id if barc10 else None)
    _activate(uow, actor, new, episode)
    return PlanReview(_view(uow, new, episode.client_id), barc10)


def get_plan(uow: UnitOfWork, actor: Actor, plan_id: int) -> CarePlan:
    """Any version of a plan, with its goals (earlier versions exactly as they were)."""
    require_records(uow, actor)
    plan, episode = _load_plan(uow, plan_id)
    _audit(uow, actor, "care_plan.read", plan, episode)
    return _view(uow, plan, episode.client_id)


def active_plan(uow: UnitOfWork, actor: Actor, episode_id: int) -> CarePlan | None:
    """The episode's active plan, or ``None`` if no version has been activated yet."""
    require_records(uow, actor)
    episode = load_episode(uow, episode_id)
    active = _plans_of(uow, episode.id, ACTIVE)
    if not active:
        return None
    _audit(uow, actor, "care_plan.read", active[0], episode)
    return _view(uow, active[0], episode.client_id)


def list_versions(uow: UnitOfWork, actor: Actor, episode_id: int) -> tuple[PlanVersion, ...]:
    """Every version of an episode's plan, oldest first."""
    require_records(uow, actor)
    episode = load_episode(uow, episode_id)
    counts = dict(uow.session.execute(
        select(GoalRow.plan_id, func.count()).join(PlanRow, PlanRow.id == GoalRow.plan_id)
        .where(PlanRow.episode_id == episode.id).group_by(GoalRow.plan_id)
    ).all())
    versions = tuple(
        PlanVersion(p.id, p.version, p.status, p.review_date, p.created_at, p.activated_at, p.superseded_at,
                    counts.get(p.id, 0))
        for p in _plans_of(uow, episode.id)
    )
    audit.record(uow, actor, "care_plan.listed", entity="episode", entity_id=episode.id, client_id=episode.client_id)
    return versions
