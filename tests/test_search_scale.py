"""Client search on 20,000 clients: the same results as a plain Python search, and the query
plans of the design in :mod:`clinic_app.services.search` (so a change that brings back a
full scan or a sort of every match fails here, not only in the benchmark).

The plain search reads every client back and applies the rule from the module's docstring
word for word: for every typed word one of the client's terms starts with it; order by
sort name then id.  It keeps the word "c" that the service drops.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event, select, update
from test_search import BULK, bulk_insert_clients

from clinic_app.db.models import Client
from clinic_app.services import search
from clinic_app.services.search import client_terms, query_words
from clinic_app.uow import UnitOfWork
from records_factory import Team, create_team

pytestmark = pytest.mark.slow
YEAR = date.today().year


@dataclass(frozen=True)
class Stored:
    id: int
    sort_name: str
    status: str
    counsellor_id: int | None
    terms: frozenset[str]


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Team, list[Stored]]]:
    """20,000 clients, every third one Carmen's, every fourth one discharged."""
    team = create_team(tmp_path_factory.mktemp("search-scale") / "data")
    bulk_insert_clients(team.ws, BULK)
    with team.ws.unit_of_work() as uow:
        uow.session.execute(update(Client).where(Client.id % 3 == 0).values(counsellor_id=team.counsellor.user_id))
        uow.session.execute(update(Client).where(Client.id % 4 == 0).values(status="discharged"))
        stored = [Stored(c.id, c.sort_name, c.status, c.counsellor_id,
                         client_terms(c.given_names, c.family_name, c.code))
                  for c in uow.session.execute(select(Client)).scalars()]
        uow.commit()
    yield team, stored
    team.ws.close()


def plain_search(stored: list[Stored], text: str, **filters: Any) -> list[int]:
    words = query_words(text)
    found = [c for c in stored
             if all(any(t.startswith(w) for t in c.terms) for w in words)
             and all(getattr(c, name) == value for name, value in filters.items())]
    return [c.id for c in sorted(found, key=lambda c: (c.sort_name, c.id))]


def listed(team: Team, text: str, descending: bool = False, **filters: Any) -> list[int]:
    """Every page of ``list_clients``, as the client list reads them."""
    ids: list[int] = []
    with team.ws.unit_of_work() as uow:
        while True:
            page = search.list_clients(uow, team.admin, search=text, offset=len(ids), limit=search.MAX_PAGE,
                                       descending=descending, **filters)
            ids += [row.id for row in page]
            if len(page) < search.MAX_PAGE:
                break
        uow.commit()
    return ids


SEARCHES = ("", "ma", "mar", "maria nun", "nunez maria", "garc", "j m", "o", "lo pe", "m 0042", "o 0042", "c", "zzz",
            f"c-{YEAR}-00", f"c-{YEAR}-0042", f"C{YEAR}1", f"{YEAR} 00", "001 00 maria")


@pytest.mark.parametrize("text", SEARCHES)
def test_every_search_finds_what_a_plain_search_finds_in_the_same_order(big: tuple[Team, list[Stored]],
                                                                       text: str) -> None:
    team, stored = big
    expected = plain_search(stored, text)
    assert listed(team, text) == expected
    assert listed(team, text, descending=True) == expected[::-1]
    with team.ws.unit_of_work() as uow:
        assert search.count_clients(uow, team.admin, search=text) == len(expected)
        assert [r.id for r in search.list_clients(uow, team.admin, search=text, offset=150, limit=60)] == \
            expected[150:210]
        uow.commit()


@pytest.mark.parametrize("text", ("", "ma", "maria nun", "j m", "zzz", f"c-{YEAR}-0042"))
@pytest.mark.parametrize("filters", ({"status": "discharged"}, {"counsellor_id": "carmen"},
                                     {"status": "open", "counsellor_id": "carmen"}))
def test_filters_and_search_together(big: tuple[Team, list[Stored]], text: str, filters: dict[str, Any]) -> None:
    team, stored = big
    if "counsellor_id" in filters:
        filters = {**filters, "counsellor_id": team.counsellor.user_id}
    expected = plain_search(stored, text, **filters)
    assert listed(team, text, **filters) == expected
    assert listed(team, text, descending=True, **filters) == expected[::-1]
    with team.ws.unit_of_work() as uow:
        assert search.count_clients(uow, team.admin, search=text, **filters) == len(expected)
        uow.commit()


# --- query plans -----------------------------------------------------------------------------------

Plan = list[tuple[int, str]]  # (parent, detail) per line of EXPLAIN QUERY PLAN


def plans_of(team: Team, call: Callable[[UnitOfWork], object]) -> list[tuple[str, Plan]]:
    """The query plan of every statement ``call`` runs on clients or search terms."""
    captured: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        if statement.startswith("SELECT") and re.search(r"\b(clients|client_search_terms)\b", statement):
            captured.append((statement, parameters))

    event.listen(team.ws.engine, "before_cursor_execute", capture)
    try:
        with team.ws.unit_of_work() as uow:
            call(uow)
            connection = uow.session.connection()
            plans = [(sql, [(row[1], row[3]) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}",
                                                                                     params)])
                     for sql, params in list(captured)]
            uow.commit()
    finally:
        event.remove(team.ws.engine, "before_cursor_execute", capture)
    return plans


def list_plan(team: Team, text: str, **kwargs: Any) -> Plan:
    """The plan of the statement that reads the rows of the list."""
    plans = plans_of(team, lambda uow: search.list_clients(uow, team.admin, search=text, **kwargs))
    [plan] = [plan for sql, plan in plans if "clients.given_names" in sql]
    return plan


def top(plan: Plan) -> list[str]:
    """The lines about the outer query (not its subqueries)."""
    return [detail for parent, detail in plan if parent == 0]


def assert_index_only_terms(plan: Plan) -> None:
    details = [d for _p, d in plan]
    assert not any(d.startswith("SCAN client_search_terms") for d in details), details
    assert all("COVERING INDEX" in d for d in details if "client_search_terms" in d), details


@pytest.mark.parametrize(("text", "kwargs"), [("ma", {}), ("ma", {"descending": True}), ("j m", {}),
                                              ("garc", {"offset": 200, "limit": 200}), ("", {})])
def test_many_matches_walk_the_name_index_and_stop_at_the_page(big: tuple[Team, list[Stored]], text: str,
                                                               kwargs: dict[str, Any]) -> None:
    team, _stored = big
    plan = list_plan(team, text, **kwargs)
    assert top(plan)[0] == "SCAN clients USING INDEX ix_clients_sort_name", plan
    assert "USE TEMP B-TREE FOR ORDER BY" not in top(plan), plan
    assert_index_only_terms(plan)
    if text == "j m":  # two words of similar size: two index ranges merged, no probe per client
        assert any(d == "MERGE (INTERSECT)" for _p, d in plan), plan


@pytest.mark.parametrize("text", ["maria nun", f"c-{YEAR}-0042", "o 0042"])
def test_few_matches_are_read_by_id(big: tuple[Team, list[Stored]], text: str) -> None:
    team, _stored = big
    plan = list_plan(team, text, counsellor_id=team.counsellor.user_id)
    assert top(plan)[0] == "SEARCH clients USING INTEGER PRIMARY KEY (rowid=?)", plan


def test_a_filter_walks_its_own_index_in_name_order(big: tuple[Team, list[Stored]]) -> None:
    team, _stored = big
    mine = list_plan(team, "", counsellor_id=team.counsellor.user_id)
    assert top(mine)[0] == "SEARCH clients USING INDEX ix_clients_counsellor_sort_name (counsellor_id=?)", mine
    discharged = list_plan(team, "ma", status="discharged", descending=True)
    assert top(discharged)[0] == "SEARCH clients USING INDEX ix_clients_status_sort_name (status=?)", discharged
    for plan in (mine, discharged):
        assert "USE TEMP B-TREE FOR ORDER BY" not in top(plan), plan


@pytest.mark.parametrize("text", ["ma", "j m", "maria nun"])
def test_a_count_without_filters_reads_only_the_term_index(big: tuple[Team, list[Stored]], text: str) -> None:
    team, _stored = big
    plans = plans_of(team, lambda uow: search.count_clients(uow, team.admin, search=text))
    for sql, plan in plans:
        assert not any(re.search(r"\bclients\b", d) for _p, d in plan), (sql, plan)
        assert_index_only_terms(plan)


def test_a_word_that_starts_no_term_ends_the_search_without_listing(big: tuple[Team, list[Stored]]) -> None:
    team, _stored = big
    plans = plans_of(team, lambda uow: (search.list_clients(uow, team.admin, search="maria zzz"),
                                        search.count_clients(uow, team.admin, search="maria zzz")))
    assert [sql for sql, _plan in plans if "clients.given_names" in sql or "count(clients" in sql] == []
