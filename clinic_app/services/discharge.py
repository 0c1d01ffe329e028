"""Discharge planning and discharging an episode of care.

One discharge plan per episode (table ``discharge_plans``): planned date, aftercare
arrangements, relapse-prevention plan and referrals (``referrals``: service, contact
details, notes), then, at discharge, the actual date and the reason
(``codes.DISCHARGE_REASON``).

- :func:`save_plan` writes the plan while the episode is open.  The referrals are saved as
  a whole list (the form edits the list; the saved list replaces the previous one).
- :func:`discharge` closes the episode: the actual date (not before admission, not in the
  future) and the reason are required; the episode becomes ``discharged`` with its
  discharge date; the client becomes ``discharged`` when no other episode is open; the
  check-up schedule is generated from the organisation's pattern
  (``settings.checkup_months``, see ``services.followups``); an optional BARC-10 is
  recorded with context ``"discharge"``.

Decisions:
- After discharge the plan is closed for edits: it is the record of what was arranged
  when the person left.  A correction is made by a note.
- No check-ups are scheduled when the reason is ``died``: calling a person who has died
  every quarter would be wrong and hurtful to the family.
- Every read and write is audited with the client's id; audit details carry codes and
  counts, never free text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select

from clinic_app import codes
from clinic_app.db.models import DischargePlan, Episode, Referral
from clinic_app.db.types import utcnow
from clinic_app.errors import ValidationError
from clinic_app.services import assessments, audit, episodes, followups
from clinic_app.services.auth import Actor
from clinic_app.services.common import Checker, load_client, load_episode, require_records
from clinic_app.services.settings import read_settings
from clinic_app.uow import UnitOfWork

#: discharge reasons after which no check-ups are scheduled
NO_FOLLOWUP_REASONS = frozenset({"died"})

MAX_TEXT = 8000
MAX_SERVICE = 200
MAX_CONTACT = 1000
MAX_REFERRAL_NOTES = 2000
MAX_REFERRALS = 20


@dataclass(frozen=True)
class ReferralInfo:
    id: int
    service: str
    contact: str
    notes: str


@dataclass(frozen=True)
class DischargePlanInfo:
    id: int
    episode_id: int
    client_id: int
    planned_date: date | None
    actual_date: date | None
    reason: str | None
    aftercare: str
    relapse_prevention: str
    referrals: tuple[ReferralInfo, ...]
    updated_by: int
    updated_at: datetime

    @property
    def discharged(self) -> bool:
        return self.actual_date is not None


@dataclass(frozen=True)
class DischargeResult:
    """What a discharge did: the plan as closed, the check-ups scheduled, the client's new status."""

    plan: DischargePlanInfo
    checkups: tuple[followups.CheckupInfo, ...]
    client_status: str
    barc10_id: int | None


def _info(uow: UnitOfWork, plan: DischargePlan, client_id: int) -> DischargePlanInfo:
    refs = uow.session.execute(
        select(Referral).where(Referral.discharge_id == plan.id).order_by(Referral.id)
    ).scalars()
    return DischargePlanInfo(
        plan.id, plan.episode_id, client_id, plan.planned_date, plan.actual_date, plan.reason, plan.aftercare,
        plan.relapse_prevention, tuple(ReferralInfo(r.id, r.service, r.contact, r.notes) for r in refs),
        plan.updated_by, plan.updated_at,
    )


def _plan_of(uow: UnitOfWork, episode_id: int) -> DischargePlan | None:
    return uow.session.execute(select(DischargePlan).where(DischargePlan.episode_id == episode_id)).scalar_one_or_none()


def _require_open(episode: Episode) -> None:
    if episode.status != episodes.OPEN:
        raise ValidationError({
            "episode": "This episode is already discharged; its discharge plan can no longer be changed."})


def _check_referrals(c: Checker, referrals: Iterable[Mapping[str, Any]]) -> list[tuple[str, str, str]]:
    items = list(referrals)
    if len(items) > MAX_REFERRALS:
        c.fail("referrals", f"At most {MAX_REFERRALS} referrals.")
        return []
    cleaned = []
    for i, ref in enumerate(items):
        if not isinstance(ref, Mapping):
            c.fail(f"referrals.{i}", "Expected the service, contact details and notes of the referral.")
            continue
        unknown = set(ref) - {"service", "contact", "notes"}
        if unknown:
            c.fail(f"referrals.{i}", f"Unknown referral fields: {', '.join(sorted(map(str, unknown)))}.")
        cleaned.append((
            c.text(ref.get("service"), f"referrals.{i}.service", max_len=MAX_SERVICE, required=True),
            c.text(ref.get("contact"), f"referrals.{i}.contact", max_len=MAX_CONTACT),
            c.text(ref.get("notes"), f"referrals.{i}.notes", max_len=MAX_REFERRAL_NOTES),
        ))
    return cleaned


def get_plan(uow: UnitOfWork, actor: Actor, episode_id: int) -> DischargePlanInfo | None:
    """The episode's discharge plan, or None if none was started."""
    require_records(uow, actor)
    episode = load_episode(uow, episode_id)
    plan = _plan_of(uow, episode.id)
    audit.record(uow, actor, "discharge_plan.viewed", entity="episode", entity_id=episode.id,
                 client_id=episode.client_id)
    return None if plan is None else _info(uow, plan, episode.client_id)


def save_plan(
    uow: UnitOfWork,
    actor: Actor,
    episode_id: int,
    *,
    planned_date: date | str | None = None,
    aftercare: str = "",
    relapse_prevention: str = "",
    referrals: Iterable[Mapping[str, Any]] = (),
) -> DischargePlanInfo:
    """Create or replace the plan of an open episode (the referral list is replaced as a whole)."""
    user = require_records(uow, actor)
    episode = load_episode(uow, episode_id)
    _require_open(episode)
    c = Checker()
    planned = c.date(planned_date, "planned_date", required=False, not_before=episode.admission_date,
                     not_before_label=f"the admission date ({episode.admission_date.isoformat()})")
    after = c.text(aftercare, "aftercare", max_len=MAX_TEXT)
    relapse = c.text(relapse_prevention, "relapse_prevention", max_len=MAX_TEXT)
    refs = _check_referrals(c, referrals)
    c.raise_if_any()
    plan = _plan_of(uow, episode.id)
    created = plan is None
    if plan is None:
        plan = DischargePlan(episode_id=episode.id, updated_by=user.id)
        uow.session.add(plan)
    plan.planned_date, plan.aftercare, plan.relapse_prevention = planned, after, relapse
    plan.updated_by, plan.updated_at = user.id, utcnow()
    uow.session.flush()
    uow.session.execute(delete(Referral).where(Referral.discharge_id == plan.id))
    uow.session.add_all(Referral(discharge_id=plan.id, service=s, contact=ct, notes=n) for s, ct, n in refs)
    uow.session.flush()
    audit.record(uow, actor, "discharge_plan.created" if created else "discharge_plan.updated", entity="episode",
                 entity_id=episode.id, client_id=episode.client_id, details={"referrals": len(refs)})
    return _info(uow, plan, episode.client_id)


def discharge(
    uow: UnitOfWork,
    actor: Actor,
    episode_id: int,
    actual_date: date | str | None,
    reason: str | None,
    barc10: Mapping[str, int | str] | None = None,
) -> DischargeResult:
    """Discharge an open episode, schedule its check-ups, and record an optional BARC-10."""
    user = require_records(uow, actor)
    episode = load_episode(uow, episode_id)
    if episode.status != episodes.OPEN:
        raise ValidationError({"episode": "This episode is already discharged."})
    c = Checker()
    on = c.date(actual_date, "actual_date", past_only=True, not_before=episode.admission_date,
                not_before_label=f"the admission date ({episode.admission_date.isoformat()})")
    code = c.code(codes.DISCHARGE_REASON, reason, "reason")
    if barc10 is not None:
        assessments.check_answers(c, barc10)
    c.raise_if_any()
    assert on is not None and code is not None
    client = load_client(uow, episode.client_id)
    barc_id = None
    if barc10 is not None:
        barc_id = assessments.add_barc10(uow, actor, client, on, barc10, assessments.DISCHARGE, episode.id).id

    plan = _plan_of(uow, episode.id)
    if plan is None:
        plan = DischargePlan(episode_id=episode.id, updated_by=user.id)
        uow.session.add(plan)
    plan.actual_date, plan.reason, plan.updated_by, plan.updated_at = on, code, user.id, utcnow()
    episode.status, episode.discharge_date = episodes.DISCHARGED, on
    uow.session.flush()

    episodes.sync_client_status(uow, client)

    months = () if code in NO_FOLLOWUP_REASONS else read_settings(uow).checkup_months
    rows = followups.schedule_checkups(uow, episode, on, months)
    audit.record(uow, actor, "episode.discharged", entity="episode", entity_id=episode.id, client_id=client.id,
                 details={"reason": code, "checkups": len(rows), "barc10": barc_id is not None})
    return DischargeResult(
        plan=_info(uow, plan, client.id),
        checkups=followups.checkup_infos(uow, rows),
        client_status=client.status,
        barc10_id=barc_id,
    )
