"""BARC-10 assessments: scoring, validation naming the item or field, the series, audit, roles."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from records_factory import ROLES, Team, audit_actions, check_permission, make_client, module_team

from clinic_app.codes import BARC10_ITEM
from clinic_app.errors import NotFound, ValidationError
from clinic_app.services import assessments
from clinic_app.services.common import load_client, today

team = module_team()
ITEMS = BARC10_ITEM.codes()


def _answers(points: int = 4) -> dict[str, int | str]:
    return {item: points for item in ITEMS}


def _record(team: Team, client_id: int, answers: Any, *, on: Any = None, context: str = "intake",
            episode_id: int | None = None) -> assessments.Barc10Result:
    when = today() if on is None else on
    with team.ws.unit_of_work() as uow:
        result = assessments.record_barc10(uow, team.counsellor, client_id, when, answers, context, episode_id)
        uow.commit()
    return result


def _errors(team: Team, client_id: int, answers: Any, **kwargs: Any) -> dict[str, str]:
    with pytest.raises(ValidationError) as exc:
        _record(team, client_id, answers, **kwargs)
    return exc.value.errors


@pytest.mark.parametrize("points, total", [(1, 10), (6, 60), (4, 40)])
def test_total_is_the_sum_of_points(team: Team, points: int, total: int) -> None:
    client_id, _ = make_client(team.ws)
    result = _record(team, client_id, _answers(points))
    assert result.total == total
    assert [score for _, score in result.scores] == [points] * 10
    assert [item for item, _ in result.scores] == list(ITEMS)


def test_answers_may_be_scale_codes_or_labels(team: Team) -> None:
    client_id, _ = make_client(team.ws)
    answers = _answers(1)
    answers["happy_with_life"] = "strongly_agree"
    answers["enough_energy"] = "Algo de acuerdo"
    result = _record(team, client_id, answers)
    assert result.score("happy_with_life") == 6
    assert result.score("enough_energy") == 4
    assert result.total == 8 + 6 + 4


@pytest.mark.parametrize("bad", [0, 7, -1, "7", "maybe", None, 3.5, True])
def test_answer_outside_the_scale_names_the_item(team: Team, bad: object) -> None:
    client_id, _ = make_client(team.ws)
    answers: dict[str, object] = dict(_answers())
    answers["living_space"] = bad
    errors = _errors(team, client_id, answers)
    assert list(errors) == ["living_space"]


def test_missing_and_unknown_items_are_each_named(team: Team) -> None:
    client_id, _ = make_client(team.ws)
    answers = _answers()
    del answers["recovery_progress"]
    answers["favourite_colour"] = 3
    errors = _errors(team, client_id, answers)
    assert set(errors) == {"recovery_progress", "favourite_colour"}


def test_answers_must_be_a_mapping(team: Team) -> None:
    client_id, _ = make_client(team.ws)
    assert set(_errors(team, client_id, [4] * 10)) == {"answers"}


def test_bad_context_date_and_episode_are_named(team: Team) -> None:
    client_id, _ = make_client(team.ws, date_of_birth=date(1990, 1, 1))
    _, other_episode = make_client(team.ws)
    assert set(_errors(team, client_id, _answers(), context="weekly")) == {"context"}
    assert set(_errors(team, client_id, _answers(), on=today() + timedelta(days=1))) == {"assessed_on"}
    assert set(_errors(team, client_id, _answers(), on="1989-12-31")) == {"assessed_on"}
    assert set(_errors(team, client_id, _answers(), on="31/12/2025")) == {"assessed_on"}
    assert set(_errors(team, client_id, _answers(), episode_id=other_episode)) == {"episode_id"}
    assert set(_errors(team, client_id, _answers(), episode_id=999_999)) == {"episode_id"}


def test_all_problems_are_reported_at_once(team: Team) -> None:
    client_id, _ = make_client(team.ws)
    answers = _answers()
    answers["take_responsibility"] = 9
    errors = _errors(team, client_id, answers, context="", on="")
    assert set(errors) == {"take_responsibility", "context", "assessed_on"}


def test_unknown_client_is_not_found(team: Team) -> None:
    with pytest.raises(NotFound):
        _record(team, 999_999, _answers())


def test_series_is_oldest_first_and_audited(team: Team) -> None:
    client_id, episode_id = make_client(team.ws)
    later = _record(team, client_id, _answers(5), on=today() - timedelta(days=1), context="review",
                    episode_id=episode_id)
    earlier = _record(team, client_id, _answers(2), on=today() - timedelta(days=50), context="intake")
    with team.ws.unit_of_work() as uow:
        series = assessments.barc10_series(uow, team.admin, client_id)
        uow.commit()
    assert series == (earlier, later)
    assert [r.total for r in series] == [20, 50]
    assert series[1].episode_id == episode_id and series[1].context == "review"
    assert audit_actions(team, client_id) == ["barc10.recorded", "barc10.recorded", "barc10.read"]


def test_add_barc10_is_usable_inside_another_service(team: Team) -> None:
    """Intake and check-ups call ``add_barc10`` after their own role check, in their transaction."""
    client_id, episode_id = make_client(team.ws)
    with team.ws.unit_of_work() as uow:
        result = assessments.add_barc10(uow, team.counsellor, load_client(uow, client_id), today(), _answers(3),
                                        assessments.CHECK_UP, episode_id)
        uow.commit()
    assert (result.total, result.context, result.recorded_by) == (30, "check_up", team.counsellor.user_id)


@pytest.mark.parametrize("role", ROLES)
def test_record_permissions(team: Team, role: str) -> None:
    client_id, _ = make_client(team.ws)
    check_permission(team, role, lambda uow, actor: assessments.record_barc10(
        uow, actor, client_id, today(), _answers(), "other"))


@pytest.mark.parametrize("role", ROLES)
def test_series_permissions(team: Team, role: str) -> None:
    client_id, _ = make_client(team.ws)
    _record(team, client_id, _answers())
    check_permission(team, role, lambda uow, actor: assessments.barc10_series(uow, actor, client_id))
