"""The worklists' design at scale, on a generated caseload: every list, scope, actor and page
equals a plain computation in Python over all the rows, and the SQL keeps its shape.

The shape is what makes the Today screen fast at 100,000 clients (see
``clinic_app/services/worklists.py``), so ``EXPLAIN QUERY PLAN`` of every statement is checked:

- a count reads indexes only: every table it touches is searched through a covering index,
  never a table scan, a row looked up by id, or an index that then reads the row;
- a page walks an index of the list's own table in the order of its first sort key (no
  sort of every match) and stops at the page; anything it asks of another table (the
  actor's clients, open episodes, active plans, current consents, latest admission) is
  answered from covering indexes; only the client (and episode) of a row shown is read.

The caseload is random but seeded, with what makes the lists hard: clients readmitted after
a discharge, active plans left on discharged episodes, drafts and superseded plans, reviews
without a date, withdrawn and other consents, check-ups done or cancelled, clients of two
counsellors, of the administrator and of nobody, and many equal names and dates (so the
order by name and then id within a date is exercised).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from records_factory import Team, create_team
from sqlalchemy import event, select

from clinic_app.db.models import CarePlan, Checkup, Client, Consent, Episode
from clinic_app.services import worklists
from clinic_app.services.auth import Actor
from clinic_app.services.common import today
from clinic_app.services.search import sort_name
from clinic_app.services.worklists import Worklist, WorklistRow

T = today()
CLIENTS = 400
PAGE = 23  # an odd page size: pages end inside runs of equal dates and names
FAMILIES = ("García", "Gómez", "López", "Núñez", "Haddad")
GIVEN = ("Ana", "Luis", "Omar")

ListFn = Callable[..., Worklist]
LISTS: tuple[ListFn, ...] = (worklists.my_clients, worklists.plan_reviews_due, worklists.checkups_due,
                             worklists.checkups_overdue, worklists.without_active_plan, worklists.consent_missing)
#: the table each list walks for its page
OWN_TABLE = {"my_clients": "clients", "plan_reviews_due": "care_plans", "checkups_due": "checkups",
             "checkups_overdue": "checkups", "without_active_plan": "episodes", "consent_missing": "clients"}


def _days(n: int) -> date:
    return T + timedelta(days=n)


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Team]:
    made = create_team(tmp_path_factory.mktemp("worklists-scale") / "data")
    _generate(made, random.Random(20261124))
    yield made
    made.ws.close()


def _generate(team: Team, rng: random.Random) -> None:
    """A random caseload of :data:`CLIENTS` clients (see the module docstring)."""
    staff = (team.counsellor.user_id, team.counsellor.user_id, team.other_counsellor.user_id,
             team.other_counsellor.user_id, team.admin.user_id, None)
    author = team.admin.user_id
    with team.ws.unit_of_work() as uow:
        s = uow.session
        for n in range(1, CLIENTS + 1):
            family, given = rng.choice(FAMILIES), rng.choice(GIVEN)
            client = Client(code=f"S-{n:05d}", given_names=given, family_name=family, date_of_birth=date(1980, 1, 1),
                            sex="female", gender_identity="woman", nationality="national",
                            counsellor_id=rng.choice(staff), sort_name=sort_name(family, given))
            s.add(client)
            s.flush()
            admitted = _days(-rng.randint(200, 700))
            stays = [(admitted, admitted + timedelta(days=rng.randint(20, 150)))]
            if rng.random() < 0.3:  # readmitted after the first discharge
                stays.append((stays[0][1] + timedelta(days=rng.randint(1, 60)), None))
            elif rng.random() < 0.55:  # still in care; many admitted on the same few days
                stays = [(_days(-rng.randint(0, 40)), None)]
            for admission, discharge in stays:
                episode = Episode(client_id=client.id, admission_date=admission, programme="aftercare",
                                  centre_type="outpatient", referral_source="self", previously_treated="no",
                                  status="open" if discharge is None else "discharged", discharge_date=discharge,
                                  created_by=author)
                s.add(episode)
                s.flush()
                _plans(s, rng, episode.id, author)
                if discharge is not None and len(stays) == 1:
                    _checkups(s, rng, client.id, episode.id)
            client.status = "open" if stays[-1][1] is None else "discharged"
            for _ in range(rng.choice((0, 1, 1, 2))):
                s.add(Consent(client_id=client.id, kind=rng.choice(("treatment", "treatment", "share_family")),
                              given_on=_days(-100), recorded_by=author,
                              withdrawn_on=_days(-rng.randint(1, 30)) if rng.random() < 0.25 else None))
        uow.commit()


def _plans(s: Any, rng: random.Random, episode_id: int, author: int) -> None:
    """Superseded versions, then the latest active or a draft (an active plan stays after discharge)."""
    versions = rng.randint(0, 3)
    for version in range(1, versions + 1):
        status = "superseded" if version < versions else rng.choice(("active", "active", "active", "draft"))
        review = None if rng.random() < 0.1 else _days(rng.randint(-25, 30))
        s.add(CarePlan(episode_id=episode_id, version=version, status=status, review_date=review, created_by=author))


def _checkups(s: Any, rng: random.Random, client_id: int, episode_id: int) -> None:
    """Three check-ups on distinct dates, the first around today."""
    first = rng.randint(-40, 20)
    for months, offset in ((3, first), (6, first + rng.randint(60, 100)), (12, first + rng.randint(150, 200))):
        s.add(Checkup(client_id=client_id, episode_id=episode_id, months_after=months, due_date=_days(offset),
                      status=rng.choice(("due", "due", "due", "done", "cancelled"))))


# --- the plain computation ------------------------------------------------------------------------


@dataclass(frozen=True)
class Everything:
    clients: dict[int, Client]
    episodes: list[Episode]
    plans: list[CarePlan]
    checkups: list[Checkup]
    consents: list[Consent]


def _everything(team: Team) -> Everything:
    with team.ws.unit_of_work(write=False) as uow:
        s = uow.session
        return Everything({c.id: c for c in s.scalars(select(Client))}, list(s.scalars(select(Episode))),
                          list(s.scalars(select(CarePlan))), list(s.scalars(select(Checkup))),
                          list(s.scalars(select(Consent))))


def _expected(db: Everything, name: str, actor: Actor, scope: str, within_days: int) -> list[WorklistRow]:
    """The list as the module docstring of ``worklists`` defines it, in its order."""
    horizon = _days(within_days)
    episodes = {e.id: e for e in db.episodes}

    def in_scope(client_id: int) -> bool:
        return scope == worklists.ALL or db.clients[client_id].counsellor_id == actor.user_id

    def row(client_id: int, when: date | None, tab: str, item: int | None, overdue: bool = False) -> WorklistRow:
        c = db.clients[client_id]
        return WorklistRow(client_id, c.code, f"{c.given_names} {c.family_name}", when, tab, item, overdue)

    def latest_admission(client_id: int) -> date | None:
        return max((e.admission_date for e in db.episodes if e.client_id == client_id), default=None)

    in_care = [c.id for c in db.clients.values() if c.status == "open" and in_scope(c.id)]
    rows: list[WorklistRow]
    if name == "my_clients":
        rows = [row(c, latest_admission(c), "overview", None) for c in in_care]
    elif name == "consent_missing":
        consented = {k.client_id for k in db.consents if k.kind == "treatment" and k.withdrawn_on is None}
        rows = [row(c, latest_admission(c), "overview", None) for c in in_care if c not in consented]
    elif name == "plan_reviews_due":
        rows = [row(episodes[p.episode_id].client_id, p.review_date, "care_plan", p.id, p.review_date < T)
                for p in db.plans if p.status == "active" and p.review_date is not None and p.review_date <= horizon
                and episodes[p.episode_id].status == "open" and in_scope(episodes[p.episode_id].client_id)]
    elif name == "without_active_plan":
        planned = {p.episode_id for p in db.plans if p.status == "active"}
        rows = [row(e.client_id, e.admission_date, "care_plan", e.id) for e in db.episodes
                if e.status == "open" and e.id not in planned and in_scope(e.client_id)]
    else:
        due = (lambda d: d < T) if name == "checkups_overdue" else (lambda d: T <= d <= horizon)
        rows = [row(k.client_id, k.due_date, "followup", k.id, k.due_date < T) for k in db.checkups
                if k.status == "due" and due(k.due_date) and in_scope(k.client_id)]
    return sorted(rows, key=lambda r: _order_key(db, r, name))


def _call(team: Team, fn: ListFn, actor: Actor, **kwargs: Any) -> Worklist:
    with team.ws.unit_of_work() as uow:
        result = fn(uow, actor, **kwargs)
        uow.commit()
    return result


def _all_pages(team: Team, fn: ListFn, actor: Actor, **kwargs: Any) -> tuple[list[WorklistRow], set[int]]:
    """Every row, a page of :data:`PAGE` at a time, and the totals the pages reported."""
    rows: list[WorklistRow] = []
    totals: set[int] = set()
    while True:
        page = _call(team, fn, actor, limit=PAGE, offset=len(rows), **kwargs)
        totals.add(page.total)
        rows += page.rows
        if len(page.rows) < PAGE:
            return rows, totals


def _order_key(db: Everything, r: WorklistRow, name: str) -> tuple[Any, ...]:
    """What the list is ordered by: rows equal in it may come in either order."""
    key = (db.clients[r.client_id].sort_name, r.client_id)
    return key if name in ("my_clients", "consent_missing") else (r.date, *key)


@pytest.mark.parametrize("fn", LISTS, ids=lambda fn: fn.__name__)
def test_every_page_of_every_list_equals_the_plain_computation(team: Team, fn: ListFn) -> None:
    db = _everything(team)
    name = fn.__name__
    horizons = (0, worklists.DEFAULT_DAYS, 30) if name in ("plan_reviews_due", "checkups_due") else (None,)
    longest = 0
    for actor in (team.admin, team.counsellor, team.other_counsellor):
        for scope in worklists.SCOPES:
            for days in horizons:
                extra = {} if days is None else {"within_days": days}
                got, totals = _all_pages(team, fn, actor, scope=scope, **extra)
                want = _expected(db, name, actor, scope, worklists.DEFAULT_DAYS if days is None else days)
                assert totals == {len(want)}, (name, actor.name, scope, days)
                assert [_order_key(db, r, name) for r in got] == [_order_key(db, r, name) for r in want]
                assert sorted(got, key=repr) == sorted(want, key=repr), (name, actor.name, scope, days)
                longest = max(longest, len(want))
    assert longest > PAGE, "the caseload fills more than a page of every list"


def test_the_caseload_has_what_makes_the_lists_hard(team: Team) -> None:
    db = _everything(team)
    episodes = {e.id: e for e in db.episodes}
    assert any(p.status == "active" and episodes[p.episode_id].status == "discharged" for p in db.plans)
    assert len({e.client_id for e in db.episodes}) < len(db.episodes), "some clients were readmitted"
    assert max(Counter(e.admission_date for e in db.episodes if e.status == "open").values()) >= 5
    assert max(Counter(c.sort_name for c in db.clients.values()).values()) >= 20
    assert {c.counsellor_id for c in db.clients.values()} >= {team.admin.user_id, team.counsellor.user_id, None}
    assert {k.status for k in db.checkups} == {"due", "done", "cancelled"}
    assert any(k.withdrawn_on for k in db.consents) and any(k.kind != "treatment" for k in db.consents)


# --- the shape of the SQL -------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """``EXPLAIN QUERY PLAN`` of one statement: its steps, each with the subquery it is in."""

    statement: str
    #: (detail, the detail of the innermost enclosing subquery step or "" at the top level)
    steps: tuple[tuple[str, str], ...]

    @property
    def is_count(self) -> bool:
        return self.statement.lstrip().upper().startswith("SELECT COUNT(")

    def searches(self, *, within: str | None = None) -> list[str]:
        """The table steps: all, or those at the top level (``""``) or in subqueries whose
        step contains ``within`` ("SUBQUERY": any, "CORRELATED", "LIST")."""
        return [d for d, sub in self.steps if d.startswith(("SCAN ", "SEARCH "))
                and (within is None or (sub == "" if within == "" else within in sub))]


def _plans_of(team: Team, fn: ListFn, actor: Actor, **kwargs: Any) -> tuple[Worklist, list[Plan]]:
    """What one call returns, and the plans of its worklist statements (not the user and audit look-ups)."""
    statements: list[tuple[str, Any]] = []
    engine = team.ws.engine

    def capture(_conn: Any, _cursor: Any, statement: str, params: Any, _ctx: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "audit_head" not in statement \
                and "FROM users" not in statement:
            statements.append((statement, params))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        result = _call(team, fn, actor, **kwargs)
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    plans = []
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        for statement, params in statements:
            rows = raw.execute(f"EXPLAIN QUERY PLAN {statement}", params).fetchall()
            detail = {node: text for node, _parent, _unused, text in rows}
            parent = {node: up for node, up, _unused, _text in rows}

            def subquery(node: int) -> str:
                up = parent[node]
                return "" if up == 0 else detail[up] if "SUBQUERY" in detail[up] else subquery(up)

            plans.append(Plan(statement, tuple((text, subquery(node)) for node, _p, _u, text in rows)))
    return result, plans


def _calls(team: Team) -> Iterator[tuple[str, Worklist, list[Plan]]]:
    for fn in LISTS:
        for actor in (team.admin, team.counsellor):
            for scope in worklists.SCOPES:
                for offset in (0, PAGE):
                    yield (f"{fn.__name__} {actor.name} {scope} offset {offset}",
                           *_plans_of(team, fn, actor, scope=scope, limit=PAGE, offset=offset))


def _probes_by_key(plan: Plan) -> bool:
    """A correlated subquery runs once per row: it must look its row's key up, never range."""
    return all(s.split(" (", 1)[-1].startswith(("client_id=?", "episode_id=?"))
               for s in plan.searches(within="CORRELATED"))


def test_counts_read_indexes_only(team: Team) -> None:
    """A count never reads a row: each table it touches is searched through a covering index,
    per-row probes by the row's key, and the actor's clients come from the narrowest index."""
    checked = 0
    for call, _result, plans in _calls(team):
        counts = [p for p in plans if p.is_count]
        assert len(counts) == 1, call
        searches = counts[0].searches()
        assert searches and all(" USING COVERING INDEX " in s for s in searches), (call, searches)
        assert _probes_by_key(counts[0]), (call, searches)
        # the sets and walks in id order (so the per-row probes go in key order)
        if " mine " in call and OWN_TABLE[call.split()[0]] != "clients":
            assert "SEARCH clients USING COVERING INDEX ix_clients_counsellor_id (counsellor_id=?)" in searches, call
        if " all " in call and OWN_TABLE[call.split()[0]] == "clients":
            assert searches[0] == "SEARCH clients USING COVERING INDEX ix_clients_status (status=?)", call
        checked += 1
    assert checked == len(LISTS) * 8


def test_pages_walk_an_index_in_order_and_stop(team: Team) -> None:
    """The page walks the list's own table by index in its order, and reads other tables
    only through covering indexes, except the client (and episode) of a row it keeps.
    (No page is read at an offset the count says is past the end.)"""
    checked: Counter[str] = Counter()
    for call, result, plans in _calls(team):
        pages = [p for p in plans if not p.is_count]
        assert len(pages) == (1 if result.offset < result.total else 0), call
        if not pages:
            continue
        page = pages[0]
        checked[call.split()[0]] += 1
        outer = page.searches(within="")
        table = OWN_TABLE[call.split()[0]]
        assert outer[0].startswith(f"SEARCH {table} USING ") and " INDEX " in outer[0], (call, outer)
        assert all(s.split()[1] in ("clients", "episodes") and "USING INTEGER PRIMARY KEY" in s
                   for s in outer[1:]), (call, outer)
        inner = page.searches(within="SUBQUERY")
        assert all(" USING COVERING INDEX " in s for s in inner) and _probes_by_key(page), (call, inner)
        sorts = [d for d, _sub in page.steps if d.startswith("USE TEMP B-TREE FOR")]
        assert all(s.startswith("USE TEMP B-TREE FOR LAST ") for s in sorts), (call, sorts)
    assert set(checked) == set(OWN_TABLE) and min(checked.values()) >= 4, checked
