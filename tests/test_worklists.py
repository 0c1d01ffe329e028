"""Worklists on a small crafted dataset: overdue vs due vs not yet due, plan reviews, open
episodes without an active plan, missing treatment consent, scope by role, paging,
validation and one audit entry per call.  The queries' use of indexes, and the lists on a
larger generated caseload, are in ``test_worklists_scale.py``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from records_factory import Team, create_team, make_client, make_episode
from sqlalchemy import func, select, text

from clinic_app.db.models import AuditEntry, CarePlan, Checkup, Consent
from clinic_app.errors import ValidationError
from clinic_app.services import worklists
from clinic_app.services.common import today
from clinic_app.services.worklists import Worklist

T = today()


@dataclass(frozen=True)
class Data:
    team: Team
    ids: dict[str, int]  # client letter -> client id
    episodes: dict[str, int]
    plans: dict[str, int]  # label -> care plan id
    checkups: dict[str, int]  # label -> check-up id


def _days(n: int) -> date:
    return T + timedelta(days=n)


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Data]:
    """Seven clients of two counsellors (Carmen: A, B, D, F; Omar: C, E, G); see each comment."""
    team = create_team(tmp_path_factory.mktemp("worklists") / "data")
    carmen, omar = team.counsellor.user_id, team.other_counsellor.user_id
    spec = {  # letter: (counsellor, family name, admitted days ago, discharged days ago or None)
        "A": (carmen, "Álvarez", 100, None),
        "B": (carmen, "Bravo", 50, None),
        "C": (omar, "Castaño", 20, None),
        "D": (carmen, "Domínguez", 10, None),
        "E": (omar, "Eguren", 30, None),
        "F": (carmen, "Fernández", 400, 200),
        "G": (omar, "Gómez", 400, 300),
    }
    ids, episodes = {}, {}
    for letter, (counsellor, family, admitted, discharged) in spec.items():
        client_id, episode_id = make_client(team.ws, counsellor_id=counsellor, family_name=family,
                                            given_names=f"Cliente {letter}", admission_date=_days(-admitted))
        if discharged is not None:  # replace the open episode by a discharged one
            with team.ws.unit_of_work() as uow:
                uow.session.execute(text("DELETE FROM episodes WHERE id = :id"), {"id": episode_id})
                uow.commit()
            episode_id = make_episode(team.ws, client_id, admission_date=_days(-admitted),
                                      discharge_date=_days(-discharged))
        ids[letter], episodes[letter] = client_id, episode_id

    plans: dict[str, int] = {}
    checkups: dict[str, int] = {}
    with team.ws.unit_of_work() as uow:
        s = uow.session

        def plan(label: str, letter: str, version: int, status: str, review: int | None) -> None:
            row = CarePlan(episode_id=episodes[letter], version=version, status=status,
                           review_date=None if review is None else _days(review), created_by=carmen)
            s.add(row)
            s.flush()
            plans[label] = row.id

        plan("A_overdue", "A", 1, "active", -3)
        plan("B_due", "B", 1, "active", 14)
        plan("C_not_yet", "C", 1, "active", 15)
        plan("C_draft_past", "C", 2, "draft", -5)
        plan("D_superseded_past", "D", 1, "superseded", -40)
        plan("D_draft", "D", 2, "draft", None)
        plan("F_discharged_past", "F", 1, "active", -30)

        def consent(letter: str, kind: str, withdrawn: bool = False) -> None:
            s.add(Consent(client_id=ids[letter], kind=kind, given_on=_days(-60),
                          withdrawn_on=_days(-1) if withdrawn else None, recorded_by=carmen))

        consent("A", "treatment")
        consent("B", "treatment", withdrawn=True)
        consent("C", "share_family")
        consent("D", "treatment")
        consent("E", "treatment")

        def checkup(label: str, letter: str, due: int, status: str = "due") -> None:
            row = Checkup(client_id=ids[letter], episode_id=episodes[letter], months_after=3, due_date=_days(due),
                          status=status)
            s.add(row)
            s.flush()
            checkups[label] = row.id

        checkup("F_overdue", "F", -1)
        checkup("F_today", "F", 0)
        checkup("F_in_14", "F", 14)
        checkup("F_in_15", "F", 15)
        checkup("F_done_past", "F", -20, "done")
        checkup("F_cancelled_past", "F", -5, "cancelled")
        checkup("G_overdue", "G", -40)
        uow.commit()
    yield Data(team, ids, episodes, plans, checkups)
    team.ws.close()


def _call(data: Data, fn: Callable[..., Worklist], actor: Any = None, **kwargs: Any) -> Worklist:
    with data.team.ws.unit_of_work() as uow:
        result = fn(uow, actor or data.team.admin, **kwargs)
        uow.commit()
    return result


def _letters(data: Data, wl: Worklist) -> list[str]:
    by_id = {v: k for k, v in data.ids.items()}
    return [by_id[r.client_id] for r in wl.rows]


def test_my_clients_is_the_actors_open_caseload(data: Data) -> None:
    mine = _call(data, worklists.my_clients, data.team.counsellor)
    assert (_letters(data, mine), mine.total, mine.scope) == (["A", "B", "D"], 3, "mine")
    row = mine.rows[0]
    assert (row.client_code.startswith("T-"), row.display_name, row.date, row.tab, row.item_id, row.overdue) == (
        True, "Cliente A Álvarez", _days(-100), "overview", None, False)
    assert _letters(data, _call(data, worklists.my_clients, data.team.other_counsellor)) == ["C", "E"]
    assert _call(data, worklists.my_clients, data.team.admin).total == 0, "nobody is assigned to the administrator"
    assert _letters(data, _call(data, worklists.my_clients, data.team.admin, scope="all")) == ["A", "B", "C", "D", "E"]


def test_plan_reviews_due_include_overdue_and_skip_drafts_and_discharged(data: Data) -> None:
    wl = _call(data, worklists.plan_reviews_due)
    assert [(r.item_id, r.date, r.overdue, r.tab) for r in wl.rows] == [
        (data.plans["A_overdue"], _days(-3), True, "care_plan"), (data.plans["B_due"], _days(14), False, "care_plan")]
    assert _letters(data, _call(data, worklists.plan_reviews_due, within_days=15)) == ["A", "B", "C"]
    assert _letters(data, _call(data, worklists.plan_reviews_due, within_days=0)) == ["A"]
    assert _call(data, worklists.plan_reviews_due, data.team.other_counsellor).total == 0
    assert _call(data, worklists.plan_reviews_due, data.team.other_counsellor, within_days=15).total == 1


def test_checkups_due_and_overdue_are_split_at_today(data: Data) -> None:
    due = _call(data, worklists.checkups_due)
    assert [(r.item_id, r.date, r.overdue, r.tab) for r in due.rows] == [
        (data.checkups["F_today"], T, False, "followup"), (data.checkups["F_in_14"], _days(14), False, "followup")]
    assert _call(data, worklists.checkups_due, within_days=15).total == 3
    overdue = _call(data, worklists.checkups_overdue)
    assert [(r.item_id, r.overdue) for r in overdue.rows] == [
        (data.checkups["G_overdue"], True), (data.checkups["F_overdue"], True)]
    assert [r.item_id for r in _call(data, worklists.checkups_overdue, data.team.counsellor).rows] == [
        data.checkups["F_overdue"]]
    assert _call(data, worklists.checkups_overdue, data.team.counsellor, scope="all").total == 2


def test_without_active_plan_lists_open_episodes_longest_waiting_first(data: Data) -> None:
    wl = _call(data, worklists.without_active_plan)
    assert [(r.item_id, r.date, r.tab) for r in wl.rows] == [
        (data.episodes["E"], _days(-30), "care_plan"), (data.episodes["D"], _days(-10), "care_plan")]
    assert _letters(data, _call(data, worklists.without_active_plan, data.team.counsellor)) == ["D"]


def test_consent_missing_counts_only_current_treatment_consent(data: Data) -> None:
    wl = _call(data, worklists.consent_missing)
    assert _letters(data, wl) == ["B", "C"]
    assert [(r.date, r.tab) for r in wl.rows] == [(_days(-50), "overview"), (_days(-20), "overview")]
    assert _letters(data, _call(data, worklists.consent_missing, data.team.counsellor)) == ["B"]


def test_paging_keeps_the_total(data: Data) -> None:
    everyone = _call(data, worklists.my_clients, scope="all")
    page = _call(data, worklists.my_clients, scope="all", limit=2, offset=2)
    assert (page.total, page.limit, page.offset) == (5, 2, 2)
    assert page.rows == everyone.rows[2:4]
    assert _call(data, worklists.my_clients, scope="all", offset=10).rows == ()


def test_bad_arguments_name_the_field(data: Data) -> None:
    for kwargs, field in (({"scope": "everyone"}, "scope"), ({"limit": 0}, "limit"),
                          ({"limit": worklists.MAX_LIMIT + 1}, "limit"), ({"offset": -1}, "offset"),
                          ({"within_days": -1}, "within_days"), ({"within_days": "soon"}, "within_days")):
        with pytest.raises(ValidationError) as exc:
            _call(data, worklists.plan_reviews_due, **kwargs)
        assert field in exc.value.errors


def test_each_call_is_audited_once_with_the_count_and_no_client(data: Data) -> None:
    with data.team.ws.unit_of_work() as uow:
        before = uow.session.execute(select(func.max(AuditEntry.seq))).scalar_one()
        worklists.consent_missing(uow, data.team.counsellor)
        entries = uow.session.execute(select(AuditEntry).where(AuditEntry.seq > before)).scalars().all()
    assert [(e.action, e.client_id, e.details) for e in entries] == [
        ("worklist.viewed", None, {"list": "consent_missing", "scope": "mine", "count": 1})]
