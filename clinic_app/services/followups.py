"""Recovery check-ups after discharge: the schedule, contact attempts, outcomes.

A discharge (``services.discharge.discharge``) creates one check-up per month offset of the
organisation's pattern (``settings.checkup_months``, default quarterly for 24 months, in
the spirit of Recovery Management Check-ups), each due on the same day of the month as
the discharge, clamped to the month's end (31 Aug + 6 months is 28/29 Feb).

A check-up is ``due`` until its outcome is recorded (``done``), or ``cancelled`` when the
client re-enters care (:func:`cancel_pending_checkups`, for whoever opens the new
episode).  Before the outcome, any number of contact attempts (date, channel,
reached or not, a note) can be recorded; they are kept after the outcome as the history of
how the person was reached.

Decisions:
- Attempts and outcomes are dated, never in the future and never before the discharge
  they follow.  Recording an attempt early (before the due date) is allowed: outreach
  usually starts a little before the date.
- ``lost_to_contact`` needs at least one recorded attempt that did not reach the person,
  so "lost" always means "we tried"; ``declined`` and ``lost_to_contact`` take no BARC-10
  (nobody answered it).
- A done or cancelled check-up is closed: no more attempts, no second outcome.
- Reads of a client's check-ups are audited like every other client-record read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from clinic_app import codes
from clinic_app.codes import (
    _add_months as add_months,  # the one month-arithmetic rule of the product
)
from clinic_app.db.models import Barc10, Checkup, CheckupAttempt, Episode
from clinic_app.errors import NotFound, ValidationError
from clinic_app.services import assessments, audit
from clinic_app.services.auth import Actor
from clinic_app.services.common import Checker, load_client, require_records
from clinic_app.uow import UnitOfWork

DUE = "due"
DONE = "done"
CANCELLED = "cancelled"

#: outcomes where nobody answered questions, so no BARC-10 can go with them
NO_CONTACT_OUTCOMES = frozenset({"declined", "lost_to_contact"})

MAX_NOTE = 4000


@dataclass(frozen=True)
class CheckupAttemptInfo:
    id: int
    attempted_on: date
    channel: str
    reached: bool
    note: str
    recorded_by: int


@dataclass(frozen=True)
class CheckupInfo:
    id: int
    client_id: int
    episode_id: int
    months_after: int
    due_date: date
    status: str
    outcome: str | None
    completed_on: date | None
    barc10_id: int | None
    barc10_total: int | None
    notes: str
    attempts: tuple[CheckupAttemptInfo, ...]

    def is_overdue(self, on: date) -> bool:
        """Still due and its date has passed."""
        return self.status == DUE and self.due_date < on


def checkup_due_dates(discharge_date: date, months: Iterable[int]) -> tuple[tuple[int, date], ...]:
    """``(months_after, due_date)`` for each offset: same day of month, clamped to month end."""
    return tuple((m, add_months(discharge_date, m)) for m in months)


def schedule_checkups(uow: UnitOfWork, episode: Episode, discharge_date: date, months: Iterable[int]) -> list[Checkup]:
    """Create the check-ups of a discharged episode (called by the discharge service)."""
    rows = [
        Checkup(client_id=episode.client_id, episode_id=episode.id, months_after=m, due_date=d, status=DUE, notes="")
        for m, d in checkup_due_dates(discharge_date, months)
    ]
    uow.session.add_all(rows)
    uow.session.flush()
    return rows


def cancel_pending_checkups(uow: UnitOfWork, client_id: int) -> int:
    """Mark every still-due check-up of the client ``cancelled``; return how many.

    For the episodes service when the client re-enters care.  It makes no audit entry of
    its own: the caller's entry (the new episode) covers it, and should carry the count.
    """
    pending = uow.session.execute(
        select(Checkup).where(Checkup.client_id == client_id, Checkup.status == DUE)
    ).scalars().all()
    for checkup in pending:
        checkup.status = CANCELLED
    uow.session.flush()
    return len(pending)


def checkup_infos(uow: UnitOfWork, rows: list[Checkup]) -> tuple[CheckupInfo, ...]:
    """Frozen copies with their attempts and BARC-10 totals, in two queries for all rows."""
    ids = [c.id for c in rows]
    attempts: dict[int, list[CheckupAttemptInfo]] = defaultdict(list)
    if ids:
        for a in uow.session.execute(
            select(CheckupAttempt)
            .where(CheckupAttempt.checkup_id.in_(ids))
            .order_by(CheckupAttempt.attempted_on, CheckupAttempt.id)
        ).scalars():
            attempts[a.checkup_id].append(
                CheckupAttemptInfo(a.id, a.attempted_on, a.channel, a.reached, a.note, a.recorded_by)
            )
    barc_ids = [c.barc10_id for c in rows if c.barc10_id is not None]
    totals: dict[int, int] = {}
    if barc_ids:
        totals = {i: t for i, t in uow.session.execute(select(Barc10.id, Barc10.total).where(Barc10.id.in_(barc_ids)))}
    return tuple(
        CheckupInfo(
            c.id, c.client_id, c.episode_id, c.months_after, c.due_date, c.status, c.outcome, c.completed_on,
            c.barc10_id, totals.get(c.barc10_id) if c.barc10_id is not None else None, c.notes,
            tuple(attempts[c.id]),
        )
        for c in rows
    )


def _load(uow: UnitOfWork, checkup_id: int) -> Checkup:
    checkup = uow.session.get(Checkup, checkup_id)
    if checkup is None:
        raise NotFound("This check-up does not exist.")
    return checkup


def _require_due(checkup: Checkup) -> None:
    if checkup.status == DONE:
        raise ValidationError({"checkup": "This check-up is already done; its outcome cannot be recorded again."})
    if checkup.status == CANCELLED:
        raise ValidationError({"checkup": "This check-up was cancelled because the client re-entered care."})


def _discharge_date(uow: UnitOfWork, checkup: Checkup) -> date:
    episode = uow.session.get(Episode, checkup.episode_id)
    assert episode is not None and episode.discharge_date is not None  # check-ups exist only after a discharge
    return episode.discharge_date


def list_checkups(uow: UnitOfWork, actor: Actor, client_id: int) -> tuple[CheckupInfo, ...]:
    """All check-ups of a client (every episode), by due date."""
    require_records(uow, actor)
    load_client(uow, client_id)
    rows = list(
        uow.session.execute(
            select(Checkup).where(Checkup.client_id == client_id).order_by(Checkup.due_date, Checkup.id)
        ).scalars()
    )
    audit.record(uow, actor, "checkups.viewed", entity="client", entity_id=client_id, client_id=client_id)
    return checkup_infos(uow, rows)


def get_checkup(uow: UnitOfWork, actor: Actor, checkup_id: int) -> CheckupInfo:
    require_records(uow, actor)
    checkup = _load(uow, checkup_id)
    audit.record(uow, actor, "checkup.viewed", entity="checkup", entity_id=checkup.id, client_id=checkup.client_id)
    return checkup_infos(uow, [checkup])[0]


def record_attempt(
    uow: UnitOfWork,
    actor: Actor,
    checkup_id: int,
    attempted_on: date | str | None,
    channel: str | None,
    reached: bool | None,
    note: str = "",
) -> CheckupInfo:
    """Record one try to reach the person for this check-up."""
    user = require_records(uow, actor)
    checkup = _load(uow, checkup_id)
    _require_due(checkup)
    discharged = _discharge_date(uow, checkup)
    c = Checker()
    on = c.date(attempted_on, "attempted_on", past_only=True, not_before=discharged,
                not_before_label=f"the discharge date ({discharged.isoformat()})")
    chan = c.code(codes.CHECKUP_CHANNEL, channel, "channel")
    if not isinstance(reached, bool):
        c.fail("reached", "Say whether the person was reached (yes or no).")
    text = c.text(note, "note", max_len=MAX_NOTE)
    c.raise_if_any()
    assert on is not None and chan is not None and isinstance(reached, bool)
    attempt = CheckupAttempt(checkup_id=checkup.id, attempted_on=on, channel=chan, reached=reached, note=text,
                             recorded_by=user.id)
    uow.session.add(attempt)
    uow.session.flush()
    audit.record(uow, actor, "checkup.attempt_recorded", entity="checkup", entity_id=checkup.id,
                 client_id=checkup.client_id, details={"channel": chan, "reached": reached})
    return checkup_infos(uow, [checkup])[0]


def record_outcome(
    uow: UnitOfWork,
    actor: Actor,
    checkup_id: int,
    outcome: str | None,
    completed_on: date | str | None,
    notes: str = "",
    barc10: Mapping[str, int | str] | None = None,
) -> CheckupInfo:
    """Close the check-up with its outcome (status ``done``), optionally with a BARC-10."""
    require_records(uow, actor)
    checkup = _load(uow, checkup_id)
    _require_due(checkup)
    discharged = _discharge_date(uow, checkup)
    c = Checker()
    code = c.code(codes.CHECKUP_OUTCOME, outcome, "outcome")
    on = c.date(completed_on, "completed_on", past_only=True, not_before=discharged,
                not_before_label=f"the discharge date ({discharged.isoformat()})")
    text = c.text(notes, "notes", max_len=MAX_NOTE)
    if code in NO_CONTACT_OUTCOMES and barc10 is not None:
        c.fail("barc10", "A BARC-10 can only be recorded when the person took part in the check-up.")
    elif barc10 is not None:
        assessments.check_answers(c, barc10)
    tried = select(CheckupAttempt.id).where(CheckupAttempt.checkup_id == checkup.id, CheckupAttempt.reached.is_(False))
    if code == "lost_to_contact" and not uow.session.execute(tried.limit(1)).first():
        c.fail("outcome", "Record at least one attempt that did not reach the person "
                          "before marking them lost to contact.")
    c.raise_if_any()
    assert code is not None and on is not None
    if barc10 is not None:
        client = load_client(uow, checkup.client_id)
        checkup.barc10_id = assessments.add_barc10(uow, actor, client, on, barc10, assessments.CHECK_UP,
                                                   checkup.episode_id).id
    checkup.status, checkup.outcome, checkup.completed_on, checkup.notes = DONE, code, on, text
    uow.session.flush()
    audit.record(uow, actor, "checkup.outcome_recorded", entity="checkup", entity_id=checkup.id,
                 client_id=checkup.client_id, details={"outcome": code, "barc10": checkup.barc10_id is not None})
    return checkup_infos(uow, [checkup])[0]
