"""Discharge plans and discharging: every reason, the check-up schedule from the settings,
the client's status, BARC-10 at discharge, validation, audit, and cancelling pending
check-ups when a client re-enters care."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from records_factory import Team, audit_actions, make_client, make_episode, module_team
from sqlalchemy import select

from clinic_app import codes
from clinic_app.db.models import Barc10, Checkup, Client, Episode
from clinic_app.errors import NotFound, ValidationError
from clinic_app.services import discharge, followups, settings
from clinic_app.services.common import today
from clinic_app.services.settings import DEFAULT_CHECKUP_MONTHS

team = module_team()
BARC = {item: 4 for item in codes.BARC10_ITEM.codes()}


def _run(team: Team, fn: Callable[..., Any], *args: Any, actor: Any = None, **kwargs: Any) -> Any:
    with team.ws.unit_of_work() as uow:
        result = fn(uow, actor or team.counsellor, *args, **kwargs)
        uow.commit()
    return result


def _errors(team: Team, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> dict[str, str]:
    with pytest.raises(ValidationError) as exc:
        _run(team, fn, *args, **kwargs)
    return exc.value.errors


@pytest.fixture
def checkup_months(team: Team) -> Iterator[Callable[[tuple[int, ...]], None]]:
    """Set the organisation's check-up pattern for one test, restoring the default after."""

    def set_months(months: tuple[int, ...]) -> None:
        _run(team, settings.update_settings, checkup_months=months, actor=team.admin)

    yield set_months
    set_months(DEFAULT_CHECKUP_MONTHS)


# --- the plan ----------------------------------------------------------------------------


def test_save_plan_creates_then_replaces_referrals(team: Team) -> None:
    client_id, episode_id = make_client(team.ws, counsellor_id=team.counsellor.user_id)
    with team.ws.unit_of_work() as uow:
        assert discharge.get_plan(uow, team.counsellor, episode_id) is None
    planned = today() + timedelta(days=20)
    plan = _run(team, discharge.save_plan, episode_id, planned_date=planned.isoformat(),
                aftercare="Grupo de apoyo los martes", relapse_prevention="Evitar el barrio; llamar a Íñigo",
                referrals=[{"service": "Centro de Salud Mental", "contact": "91 555 0101", "notes": "cita 3/5"},
                           {"service": "Narcotics Anonymous"}])
    assert (plan.planned_date, plan.actual_date, plan.reason, plan.discharged) == (planned, None, None, False)
    assert [(r.service, r.contact, r.notes) for r in plan.referrals] == [
        ("Centro de Salud Mental", "91 555 0101", "cita 3/5"), ("Narcotics Anonymous", "", "")]

    again = _run(team, discharge.save_plan, episode_id, planned_date=None, aftercare="Weekly group",
                 referrals=[{"service": "Housing First", "contact": "housing@example.org"}])
    assert again.id == plan.id
    assert (again.planned_date, again.aftercare, again.relapse_prevention) == (None, "Weekly group", "")
    assert [r.service for r in again.referrals] == ["Housing First"]
    with team.ws.unit_of_work() as uow:
        read = discharge.get_plan(uow, team.admin, episode_id)
        uow.commit()
    assert read == again
    assert audit_actions(team, client_id)[-3:] == [
        "discharge_plan.created", "discharge_plan.updated", "discharge_plan.viewed"]


def test_save_plan_validation_names_each_field(team: Team) -> None:
    _, episode_id = make_client(team.ws, admission_date=today() - timedelta(days=30))
    errors = _errors(team, discharge.save_plan, episode_id,
                     planned_date=today() - timedelta(days=31), aftercare="x" * (discharge.MAX_TEXT + 1),
                     referrals=[{"service": "  ", "contact": "x"}, {"service": "A", "phone": "1"}, "nope"])
    assert set(errors) == {"planned_date", "aftercare", "referrals.0.service", "referrals.1", "referrals.2"}
    assert "admission date" in errors["planned_date"]
    assert _errors(team, discharge.save_plan, episode_id, planned_date="31/12/2026").keys() == {"planned_date"}
    too_many = [{"service": f"S{n}"} for n in range(discharge.MAX_REFERRALS + 1)]
    assert _errors(team, discharge.save_plan, episode_id, referrals=too_many).keys() == {"referrals"}
    with pytest.raises(NotFound):
        _run(team, discharge.save_plan, 999_999)


# --- discharging -------------------------------------------------------------------------


@pytest.mark.parametrize("reason", codes.DISCHARGE_REASON.codes())
def test_every_reason_discharges_and_schedules_per_settings(team: Team, reason: str) -> None:
    admitted = today() - timedelta(days=400)
    client_id, episode_id = make_client(team.ws, admission_date=admitted)
    on = today() - timedelta(days=10)
    result = _run(team, discharge.discharge, episode_id, on.isoformat(), reason)
    assert (result.plan.actual_date, result.plan.reason, result.plan.discharged) == (on, reason, True)
    assert result.client_status == "discharged" and result.barc10_id is None
    with team.ws.unit_of_work(write=False) as uow:
        episode = uow.session.get(Episode, episode_id)
        client = uow.session.get(Client, client_id)
        assert episode is not None and client is not None
        assert (episode.status, episode.discharge_date, client.status) == ("discharged", on, "discharged")
    expected = () if reason == "died" else followups.checkup_due_dates(on, DEFAULT_CHECKUP_MONTHS)
    assert [(c.months_after, c.due_date) for c in result.checkups] == list(expected)
    assert all(c.status == "due" and c.episode_id == episode_id for c in result.checkups)
    assert "episode.discharged" in audit_actions(team, client_id)


def test_schedule_follows_the_configured_pattern_and_clamps_to_month_end(
    team: Team, checkup_months: Callable[[tuple[int, ...]], None]
) -> None:
    checkup_months((1, 3, 6, 12))
    on = date(today().year - 1, 8, 31)
    _, episode_id = make_client(team.ws, admission_date=on - timedelta(days=90))
    result = _run(team, discharge.discharge, episode_id, on, "completed_drug_free")
    y = on.year
    feb = 29 if (y + 1) % 4 == 0 and ((y + 1) % 100 or (y + 1) % 400 == 0) else 28
    assert [(c.months_after, c.due_date) for c in result.checkups] == [
        (1, date(y, 9, 30)), (3, date(y, 11, 30)), (6, date(y + 1, 2, feb)), (12, date(y + 1, 8, 31))]


def test_due_dates_keep_the_day_of_month() -> None:
    assert followups.checkup_due_dates(date(2026, 1, 31), (1, 2, 13)) == (
        (1, date(2026, 2, 28)), (2, date(2026, 3, 31)), (13, date(2027, 2, 28)))
    assert followups.checkup_due_dates(date(2027, 5, 31), (9,)) == ((9, date(2028, 2, 29)),)
    assert followups.checkup_due_dates(date(2026, 4, 15), (3, 24)) == ((3, date(2026, 7, 15)), (24, date(2028, 4, 15)))


def test_discharge_keeps_a_plan_made_before_and_closes_it(team: Team) -> None:
    _, episode_id = make_client(team.ws)
    made = _run(team, discharge.save_plan, episode_id, aftercare="Peer mentor",
                referrals=[{"service": "Proyecto Hombre"}])
    result = _run(team, discharge.discharge, episode_id, today(), "transferred")
    assert result.plan.id == made.id
    assert (result.plan.aftercare, [r.service for r in result.plan.referrals]) == ("Peer mentor", ["Proyecto Hombre"])
    errors = _errors(team, discharge.save_plan, episode_id, aftercare="changed")
    assert "already discharged" in errors["episode"]
    assert "already discharged" in _errors(team, discharge.discharge, episode_id, today(), "completed")["episode"]


def test_discharge_validation(team: Team) -> None:
    admitted = today() - timedelta(days=50)
    _, episode_id = make_client(team.ws, admission_date=admitted)
    errors = _errors(team, discharge.discharge, episode_id, admitted - timedelta(days=1), None)
    assert set(errors) == {"actual_date", "reason"} and "admission date" in errors["actual_date"]
    assert "future" in _errors(team, discharge.discharge, episode_id, today() + timedelta(days=1),
                               "completed")["actual_date"]
    assert "actual_date" in _errors(team, discharge.discharge, episode_id, None, "completed")
    assert "reason" in _errors(team, discharge.discharge, episode_id, today(), "graduated")
    with team.ws.unit_of_work(write=False) as uow:
        episode = uow.session.get(Episode, episode_id)
        assert episode is not None and episode.status == "open"
        assert not uow.session.execute(select(Checkup).where(Checkup.episode_id == episode_id)).first()
    # discharging on the admission day itself is fine
    assert _run(team, discharge.discharge, episode_id, admitted, "dropped_out").plan.actual_date == admitted


def test_client_with_another_open_episode_stays_open(team: Team) -> None:
    client_id, first = make_client(team.ws, admission_date=today() - timedelta(days=90))
    make_episode(team.ws, client_id, admission_date=today() - timedelta(days=5))
    assert _run(team, discharge.discharge, first, today(), "transferred").client_status == "open"


def test_barc10_at_discharge_is_recorded_or_nothing_is_written(team: Team) -> None:
    client_id, episode_id = make_client(team.ws)
    bad = {**BARC, "happy_with_life": 9}
    errors = _errors(team, discharge.discharge, episode_id, today(), None, barc10=bad)
    assert set(errors) == {"reason", "happy_with_life"}
    result = _run(team, discharge.discharge, episode_id, today(), "completed", barc10=BARC)
    with team.ws.unit_of_work(write=False) as uow:
        rows = uow.session.execute(select(Barc10).where(Barc10.client_id == client_id)).scalars().all()
        assert [(r.id, r.context, r.total, r.episode_id, r.assessed_on) for r in rows] == [
            (result.barc10_id, "discharge", 40, episode_id, today())]


# --- re-entering care ----------------------------------------------------------------------


def test_cancel_pending_checkups_cancels_only_that_clients_due_ones(team: Team) -> None:
    client_id, episode_id = make_client(team.ws, admission_date=today() - timedelta(days=500))
    other_id, other_episode = make_client(team.ws, admission_date=today() - timedelta(days=500))
    result = _run(team, discharge.discharge, episode_id, today() - timedelta(days=400), "completed")
    _run(team, discharge.discharge, other_episode, today() - timedelta(days=400), "completed")
    first = result.checkups[0]
    _run(team, followups.record_outcome, first.id, "doing_well", first.due_date)
    with team.ws.unit_of_work() as uow:
        assert followups.cancel_pending_checkups(uow, client_id) == len(result.checkups) - 1
        uow.commit()
    with team.ws.unit_of_work() as uow:
        mine = followups.list_checkups(uow, team.counsellor, client_id)
        theirs = followups.list_checkups(uow, team.counsellor, other_id)
    assert [c.status for c in mine] == ["done"] + ["cancelled"] * (len(mine) - 1)
    assert {c.status for c in theirs} == {"due"}
