"""Recovery check-ups: contact attempts, outcomes (with BARC-10), the rules that keep a
closed check-up closed, listing a client's check-ups, and the audit trail."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from records_factory import Team, audit_actions, make_client, module_team

from clinic_app import codes
from clinic_app.errors import NotFound, ValidationError
from clinic_app.services import assessments, discharge, episodes, followups
from clinic_app.services.common import today
from clinic_app.services.followups import CheckupInfo

team = module_team()
BARC = {item: 5 for item in codes.BARC10_ITEM.codes()}
DISCHARGED_DAYS_AGO = 200


def _run(team: Team, fn: Callable[..., Any], *args: Any, actor: Any = None, **kwargs: Any) -> Any:
    with team.ws.unit_of_work() as uow:
        result = fn(uow, actor or team.counsellor, *args, **kwargs)
        uow.commit()
    return result


def _errors(team: Team, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> dict[str, str]:
    with pytest.raises(ValidationError) as exc:
        _run(team, fn, *args, **kwargs)
    return exc.value.errors


def _discharged(team: Team) -> tuple[int, tuple[CheckupInfo, ...]]:
    """A client discharged 200 days ago: (client id, its check-ups, the first already due)."""
    client_id, episode_id = make_client(team.ws, admission_date=today() - timedelta(days=400))
    result = _run(team, discharge.discharge, episode_id, today() - timedelta(days=DISCHARGED_DAYS_AGO), "completed")
    return client_id, result.checkups


def test_attempts_then_outcome_with_barc10(team: Team) -> None:
    client_id, checkups = _discharged(team)
    first = checkups[0]
    day1, day2 = first.due_date - timedelta(days=2), first.due_date + timedelta(days=1)
    after = _run(team, followups.record_attempt, first.id, day1.isoformat(), "phone", False, "Buzón de voz")
    after = _run(team, followups.record_attempt, first.id, day2, "home_visit", True)
    assert [(a.attempted_on, a.channel, a.reached, a.note) for a in after.attempts] == [
        (day1, "phone", False, "Buzón de voz"), (day2, "home_visit", True, "")]
    assert after.status == "due" and after.is_overdue(today())

    done = _run(team, followups.record_outcome, first.id, "needs_support", day2, "Trabajo nuevo; quiere grupo",
                barc10=BARC)
    assert (done.status, done.outcome, done.completed_on, done.notes) == (
        "done", "needs_support", day2, "Trabajo nuevo; quiere grupo")
    assert done.barc10_total == 50 and not done.is_overdue(today())
    with team.ws.unit_of_work() as uow:
        series = assessments.barc10_series(uow, team.counsellor, client_id)
        listed = followups.list_checkups(uow, team.admin, client_id)
        got = followups.get_checkup(uow, team.admin, first.id)
        uow.commit()
    assert [(b.id, b.context, b.assessed_on) for b in series] == [(done.barc10_id, assessments.CHECK_UP, day2)]
    assert listed[0] == done == got
    assert [c.due_date for c in listed] == sorted(c.due_date for c in checkups)
    actions = audit_actions(team, client_id)
    assert actions.count("checkup.attempt_recorded") == 2
    assert {"checkup.outcome_recorded", "barc10.recorded", "checkups.viewed", "checkup.viewed"} <= set(actions)


def test_attempt_validation(team: Team) -> None:
    _, checkups = _discharged(team)
    cid = checkups[0].id
    errors = _errors(team, followups.record_attempt, cid, today() - timedelta(days=DISCHARGED_DAYS_AGO + 1),
                     "carrier pigeon", None, "x" * (followups.MAX_NOTE + 1))
    assert set(errors) == {"attempted_on", "channel", "reached", "note"}
    assert "discharge date" in errors["attempted_on"]
    assert "future" in _errors(team, followups.record_attempt, cid, today() + timedelta(days=1), "phone",
                               True)["attempted_on"]
    assert _errors(team, followups.record_attempt, cid, today(), "phone", "yes").keys() == {"reached"}
    with pytest.raises(NotFound):
        _run(team, followups.record_attempt, 999_999, today(), "phone", True)


def test_outcome_rules(team: Team) -> None:
    _, checkups = _discharged(team)
    first, second = checkups[0], checkups[1]
    assert _errors(team, followups.record_outcome, first.id, "fine", today()).keys() == {"outcome"}
    assert _errors(team, followups.record_outcome, first.id, "doing_well", None).keys() == {"completed_on"}
    lost = _errors(team, followups.record_outcome, first.id, "lost_to_contact", today())
    assert "at least one attempt" in lost["outcome"]
    _run(team, followups.record_attempt, first.id, today(), "phone", True)
    assert "outcome" in _errors(team, followups.record_outcome, first.id, "lost_to_contact", today()), \
        "a reached attempt does not make someone lost to contact"
    assert _errors(team, followups.record_outcome, first.id, "declined", today(), barc10=BARC).keys() == {"barc10"}
    bad_barc = _errors(team, followups.record_outcome, first.id, "doing_well", today(), barc10={"recovery_progress": 3})
    assert len(bad_barc) == len(codes.BARC10_ITEM) - 1

    _run(team, followups.record_attempt, first.id, today(), "message", False)
    done = _run(team, followups.record_outcome, first.id, "lost_to_contact", today())
    assert (done.status, done.outcome, done.barc10_id) == ("done", "lost_to_contact", None)
    assert "already done" in _errors(team, followups.record_outcome, first.id, "doing_well", today())["checkup"]
    assert "already done" in _errors(team, followups.record_attempt, first.id, today(), "phone", True)["checkup"]
    # the other check-ups are untouched
    assert _run(team, followups.get_checkup, second.id).status == "due"


def test_cancelled_checkup_takes_nothing(team: Team) -> None:
    client_id, checkups = _discharged(team)
    with team.ws.unit_of_work() as uow:
        followups.cancel_pending_checkups(uow, client_id)
        uow.commit()
    assert "cancelled" in _errors(team, followups.record_attempt, checkups[0].id, today(), "phone", True)["checkup"]
    assert "cancelled" in _errors(team, followups.record_outcome, checkups[0].id, "doing_well", today())["checkup"]


def test_a_client_never_discharged_has_no_checkups(team: Team) -> None:
    client_id, _ = make_client(team.ws)
    assert _run(team, followups.list_checkups, client_id) == ()
    with pytest.raises(NotFound):
        _run(team, followups.list_checkups, 999_999)


def test_readmission_cancels_pending_checkups(team: Team) -> None:
    client_id, checkups = _discharged(team)
    _run(team, followups.record_outcome, checkups[0].id, "doing_well", checkups[0].due_date)
    _run(team, episodes.open_episode, client_id, episodes.EpisodeDetails(
        admission_date=today(), programme="aftercare", centre_type="outpatient",
        referral_source="self", previously_treated="yes"))
    statuses = [c.status for c in _run(team, followups.list_checkups, client_id)]
    assert statuses == ["done"] + ["cancelled"] * (len(checkups) - 1)
    assert "checkups.cancelled" in audit_actions(team, client_id)
