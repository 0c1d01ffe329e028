"""ORM-row helpers for the statistics tests: what ``records_factory`` does not make.

Discharges, care-plan versions with goals, BARC-10 totals, check-ups, consents and free-text
notes are inserted directly (committed), so a test can set up exactly the data it needs --
including data the services would refuse, such as a discharge dated before the admission,
which the data-quality check must find.

:func:`others_save_while_collecting` checks that a caller of the statistics does not hold
the write lock while the records are read.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Sequence
from datetime import date, datetime, time, timezone

import pytest
from sqlalchemy import select

from clinic_app.db.models import (
    Barc10,
    CarePlan,
    CarePlanGoal,
    Checkup,
    Consent,
    DischargePlan,
    Episode,
    ProgressNote,
    Setting,
    User,
)
from clinic_app.services import audit
from clinic_app.services.audit import AuditRow
from clinic_app.services.auth import Actor
from clinic_app.statistics import collect as collect_module
from clinic_app.statistics.records import Dataset
from clinic_app.uow import UnitOfWork
from clinic_app.workspace import Workspace

#: how long another connection's save may take while the records are read (a held write lock
#: would keep it waiting for the busy timeout, 30 s)
SAVE_WAIT_SECONDS = 10
#: the audit details of each save made by :func:`others_save_while_collecting`
LOCK_TEST_SAVE = {"key": "lock-test"}


def _noon(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=timezone.utc)


def _user_id(ws: Workspace) -> int:
    with ws.unit_of_work(write=False) as uow:
        return uow.session.execute(select(User.id).order_by(User.id).limit(1)).scalar_one()


def discharge(ws: Workspace, episode_id: int, on: date | None, reason: str | None, *,
              aftercare: str = "", status: str = "discharged") -> None:
    """Close an episode: discharge plan with date and reason; the episode's date and status."""
    user = _user_id(ws)
    with ws.unit_of_work() as uow:
        episode = uow.session.get(Episode, episode_id)
        assert episode is not None
        episode.status, episode.discharge_date = status, on
        uow.session.add(DischargePlan(episode_id=episode_id, actual_date=on, reason=reason, aftercare=aftercare,
                                      relapse_prevention="", updated_by=user))
        uow.commit()


def care_plan(ws: Workspace, episode_id: int, version: int, goals: Sequence[tuple[str, str]], *,
              activated: date | None, superseded: date | None = None, goal_text: str = "Goal") -> int:
    """A care-plan version with ``(domain, status)`` goals, activated/superseded at noon UTC."""
    user = _user_id(ws)
    with ws.unit_of_work() as uow:
        status = "draft" if activated is None else ("superseded" if superseded else "active")
        plan = CarePlan(episode_id=episode_id, version=version, status=status, created_by=user,
                        activated_at=_noon(activated) if activated else None,
                        superseded_at=_noon(superseded) if superseded else None)
        uow.session.add(plan)
        uow.session.flush()
        for position, (domain, goal_status) in enumerate(goals):
            uow.session.add(CarePlanGoal(plan_id=plan.id, position=position, domain=domain,
                                         goal=f"{goal_text} {position}", status=goal_status))
        plan_id = plan.id
        uow.commit()
    return plan_id


def barc10(ws: Workspace, client_id: int, on: date, total: int, episode_id: int | None = None,
           context: str = "review") -> None:
    """A BARC-10 with the given total (scores are not looked at by the statistics)."""
    user = _user_id(ws)
    with ws.unit_of_work() as uow:
        uow.session.add(Barc10(client_id=client_id, episode_id=episode_id, assessed_on=on, context=context,
                               scores={}, total=total, recorded_by=user))
        uow.commit()


def checkup(ws: Workspace, client_id: int, episode_id: int, months: int, due: date, *,
            outcome: str | None = None, status: str | None = None, notes: str = "") -> None:
    with ws.unit_of_work() as uow:
        uow.session.add(Checkup(client_id=client_id, episode_id=episode_id, months_after=months, due_date=due,
                                status=status or ("done" if outcome else "due"), outcome=outcome,
                                completed_on=due if outcome else None, notes=notes))
        uow.commit()


def consent(ws: Workspace, client_id: int, kind: str, given: date, withdrawn: date | None = None) -> None:
    user = _user_id(ws)
    with ws.unit_of_work() as uow:
        uow.session.add(Consent(client_id=client_id, kind=kind, given_on=given, withdrawn_on=withdrawn,
                                recorded_by=user))
        uow.commit()


def progress_note(ws: Workspace, client_id: int, episode_id: int, on: date, text: str) -> None:
    user = _user_id(ws)
    with ws.unit_of_work() as uow:
        uow.session.add(ProgressNote(client_id=client_id, episode_id=episode_id, note_date=on,
                                     note_type="individual", author_id=user, text=text))
        uow.commit()


def others_save_while_collecting(monkeypatch: pytest.MonkeyPatch, ws: Workspace, actor: Actor) -> list[bool]:
    """Make every reading of the statistics records wait, once read, for ``actor`` to save through ``ws``.

    ``ws`` must be another workspace than the caller's, or the same one used from another
    thread (another connection either way).  Returns one item per reading, appended as it
    ends: whether the save (a setting and its audit entry, committed) went through while
    the reading's transaction was still open.
    """
    readings: list[bool] = []
    read = collect_module.collect

    def save_elsewhere(done: threading.Event) -> None:
        with ws.unit_of_work() as uow:
            uow.session.add(Setting(key=f"lock-test-{secrets.token_hex(6)}", value="saved"))
            audit.record(uow, actor, "settings.updated", details=LOCK_TEST_SAVE)
            uow.commit()
        done.set()

    def collect_while_others_save(uow: UnitOfWork, year: int) -> Dataset:
        data = read(uow, year)
        done = threading.Event()
        threading.Thread(target=save_elsewhere, args=(done,), daemon=True).start()
        readings.append(done.wait(SAVE_WAIT_SECONDS))
        return data

    monkeypatch.setattr(collect_module, "collect", collect_while_others_save)
    return readings


def statistics_audit(ws: Workspace, admin: Actor) -> list[tuple[str, str, dict[str, object]]]:
    """``(user, action, details)`` of the statistics audit entries and the saves of settings, oldest first."""
    with ws.unit_of_work(write=False) as uow:
        rows: list[AuditRow] = [row for action in ("statistics.viewed", "statistics.exported", "settings.updated")
                                for row in audit.list_entries(uow, admin, action=action, limit=1000)]
    return [(row.user_name, row.action, row.details) for row in sorted(rows, key=lambda row: row.seq)]
