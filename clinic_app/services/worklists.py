"""Worklists for the caseload dashboard: who needs attention, one page at a time.

Each list is a service returning a :class:`Worklist`: a page of frozen
:class:`WorklistRow` (client id, code, display name, the date that matters, the GUI tab to
open, the id of the item concerned) plus the total count, so the GUI can page with
``limit``/``offset`` without loading everything.

- :func:`my_clients`: clients in care (status ``open``) assigned to the actor; date: admission
  of the open episode; tab ``overview``.
- :func:`plan_reviews_due`: active care plans of open episodes with review date ≤ today + N
  days, overdue ones included (``overdue`` set); date: review date; tab ``care_plan``.
- :func:`checkups_due`: check-ups still due with today ≤ due date ≤ today + N days; tab
  ``followup``.  :func:`checkups_overdue`: still due with due date < today.
- :func:`without_active_plan`: open episodes with no active care plan (a draft does not
  count); date: admission; tab ``care_plan``; the item is the episode.
- :func:`consent_missing`: clients in care with no current treatment consent (kind
  ``treatment``, not withdrawn); date: admission of the open episode; tab ``overview``.

Decisions:
- Scope: ``"mine"`` (clients whose counsellor is the actor) or ``"all"``.  By default
  counsellors see their own caseload and administrators everything; either may ask for the
  other.  "My clients" is always the actor's own caseload unless ``"all"`` is asked for.
- Queries are single indexed SQL statements (``ix_clients_status_sort_name``,
  ``ix_care_plans_status_review_date``, ``ix_checkups_status_due_date``,
  ``ix_episodes_status``; per-row lookups by ``ix_episodes_client_id``,
  ``ix_consents_client_id`` and the care plans' (episode, version) key), a count and a
  page; only the page's rows reach Python.  ``tests/test_worklists.py`` checks the query
  plans for table scans.
  "In care" is the client's denormalised ``status`` column, kept by the episode and
  discharge services.
- Each call writes one audit entry (which list, scope, how many rows matched), never
  names or client ids: a worklist is a read of many records at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, literal, select

from clinic_app.db.models import CarePlan, Checkup, Client, Consent, Episode, User
from clinic_app.errors import ValidationError
from clinic_app.services import audit, common
from clinic_app.services.auth import ADMINISTRATOR, Actor
from clinic_app.services.common import Checker, require_records
from clinic_app.uow import UnitOfWork

MINE = "mine"
ALL = "all"
SCOPES = (MINE, ALL)

DEFAULT_DAYS = 14
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_DAYS = 366

TAB_OVERVIEW = "overview"
TAB_CARE_PLAN = "care_plan"
TAB_FOLLOWUP = "followup"


@dataclass(frozen=True)
class WorklistRow:
    client_id: int
    client_code: str
    display_name: str
    #: the date that matters for this list (review date, due date, admission date)
    date: date | None
    #: the GUI tab to open: "overview", "care_plan" or "followup"
    tab: str
    #: the care plan, check-up or episode the row is about (None when it is the client)
    item_id: int | None
    overdue: bool


@dataclass(frozen=True)
class Worklist:
    name: str
    scope: str
    rows: tuple[WorklistRow, ...]
    total: int
    limit: int
    offset: int


def display_name(given_names: str, family_name: str) -> str:
    return f"{given_names} {family_name}".strip()


def _scope(user: User, scope: str | None, default: str | None = None) -> str:
    if scope is None:
        return default or (ALL if user.role == ADMINISTRATOR else MINE)
    if scope not in SCOPES:
        raise ValidationError({"scope": f"Choose {MINE!r} (your caseload) or {ALL!r} (every client)."})
    return scope


def _paging(limit: int, offset: int) -> tuple[int, int]:
    c = Checker()
    checked = (c.integer(limit, "limit", low=1, high=MAX_LIMIT, required=True),
               c.integer(offset, "offset", low=0, high=2**62, required=True))
    c.raise_if_any()
    assert checked[0] is not None and checked[1] is not None
    return checked[0], checked[1]


def _horizon(days: int) -> date:
    c = Checker()
    checked = c.integer(days, "within_days", low=0, high=MAX_DAYS, required=True)
    c.raise_if_any()
    assert checked is not None
    return common.today() + timedelta(days=checked)


def _latest_admission() -> Any:
    """The admission date of the client's latest episode, as a correlated subquery.

    For a client in care that is the open episode: episodes never overlap (a readmission is
    never before the previous discharge).  Filtering on the client only keeps the lookup on
    ``ix_episodes_client_id``.
    """
    return (
        select(func.max(Episode.admission_date))
        .where(Episode.client_id == Client.id)
        .correlate(Client)
        .scalar_subquery()
    )


def _run(
    uow: UnitOfWork,
    actor: Actor,
    name: str,
    query: Select[Any],
    order_by: tuple[Any, ...],
    *,
    tab: str,
    scope: str,
    user: User,
    limit: int,
    offset: int,
    overdue_before: date | None = None,
) -> Worklist:
    """Scope, count and page ``query`` (columns: id, code, given, family, date, item id); audit once."""
    if scope == MINE:
        query = query.where(Client.counsellor_id == user.id)
    total = uow.session.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one()
    rows = uow.session.execute(query.order_by(*order_by, Client.id).limit(limit).offset(offset)).all()
    audit.record(uow, actor, "worklist.viewed", details={"list": name, "scope": scope, "count": total})
    return Worklist(
        name=name,
        scope=scope,
        rows=tuple(
            WorklistRow(cid, code, display_name(given, family), when, tab, item,
                        overdue_before is not None and when is not None and when < overdue_before)
            for cid, code, given, family, when, item in rows
        ),
        total=total,
        limit=limit,
        offset=offset,
    )


def _client_columns(when: Any, item: Any) -> Select[Any]:
    return select(Client.id, Client.code, Client.given_names, Client.family_name, when, item)


def my_clients(
    uow: UnitOfWork, actor: Actor, *, scope: str | None = None, limit: int = DEFAULT_LIMIT, offset: int = 0
) -> Worklist:
    """Clients in care assigned to the actor, by name (``scope="all"``: every client in care)."""
    user = require_records(uow, actor)
    scope = _scope(user, scope, default=MINE)
    limit, offset = _paging(limit, offset)
    q = _client_columns(_latest_admission(), literal(None)).where(Client.status == "open")
    return _run(uow, actor, "my_clients", q, (Client.sort_name,), tab=TAB_OVERVIEW, scope=scope, user=user,
                limit=limit, offset=offset)


def plan_reviews_due(
    uow: UnitOfWork, actor: Actor, *, within_days: int = DEFAULT_DAYS, scope: str | None = None,
    limit: int = DEFAULT_LIMIT, offset: int = 0,
) -> Worklist:
    """Active care plans of open episodes due for review within ``within_days`` (or overdue)."""
    user = require_records(uow, actor)
    scope = _scope(user, scope)
    limit, offset = _paging(limit, offset)
    q = (
        _client_columns(CarePlan.review_date, CarePlan.id)
        .select_from(CarePlan)
        .join(Episode, Episode.id == CarePlan.episode_id)
        .join(Client, Client.id == Episode.client_id)
        .where(CarePlan.status == "active", CarePlan.review_date <= _horizon(within_days), Episode.status == "open")
    )
    return _run(uow, actor, "plan_reviews_due", q, (CarePlan.review_date, Client.sort_name), tab=TAB_CARE_PLAN,
                scope=scope, user=user, limit=limit, offset=offset, overdue_before=common.today())


def _checkups(uow: UnitOfWork, actor: Actor, name: str, window: ColumnElement[bool], scope: str | None,
              limit: int, offset: int) -> Worklist:
    user = require_records(uow, actor)
    scope = _scope(user, scope)
    limit, offset = _paging(limit, offset)
    q = (
        _client_columns(Checkup.due_date, Checkup.id)
        .select_from(Checkup)
        .join(Client, Client.id == Checkup.client_id)
        .where(Checkup.status == "due", window)
    )
    return _run(uow, actor, name, q, (Checkup.due_date, Client.sort_name), tab=TAB_FOLLOWUP, scope=scope,
                user=user, limit=limit, offset=offset, overdue_before=common.today())


def checkups_due(
    uow: UnitOfWork, actor: Actor, *, within_days: int = DEFAULT_DAYS, scope: str | None = None,
    limit: int = DEFAULT_LIMIT, offset: int = 0,
) -> Worklist:
    """Check-ups still due from today to today + ``within_days`` (overdue ones are a list of their own)."""
    window = and_(Checkup.due_date >= common.today(), Checkup.due_date <= _horizon(within_days))
    return _checkups(uow, actor, "checkups_due", window, scope, limit, offset)


def checkups_overdue(
    uow: UnitOfWork, actor: Actor, *, scope: str | None = None, limit: int = DEFAULT_LIMIT, offset: int = 0
) -> Worklist:
    """Check-ups still due whose date has passed, oldest first."""
    return _checkups(uow, actor, "checkups_overdue", Checkup.due_date < common.today(), scope, limit, offset)


def without_active_plan(
    uow: UnitOfWork, actor: Actor, *, scope: str | None = None, limit: int = DEFAULT_LIMIT, offset: int = 0
) -> Worklist:
    """Open episodes with no active care plan, longest-waiting first (item: the episode)."""
    user = require_records(uow, actor)
    scope = _scope(user, scope)
    limit, offset = _paging(limit, offset)
    active = exists().where(CarePlan.episode_id == Episode.id, CarePlan.status == "active")
    q = (
        _client_columns(Episode.admission_date, Episode.id)
        .select_from(Episode)
        .join(Client, Client.id == Episode.client_id)
        .where(Episode.status == "open", ~active)
    )
    return _run(uow, actor, "without_active_plan", q, (Episode.admission_date, Client.sort_name),
                tab=TAB_CARE_PLAN, scope=scope, user=user, limit=limit, offset=offset)


def consent_missing(
    uow: UnitOfWork, actor: Actor, *, scope: str | None = None, limit: int = DEFAULT_LIMIT, offset: int = 0
) -> Worklist:
    """Clients in care without a current treatment consent, by name."""
    user = require_records(uow, actor)
    scope = _scope(user, scope)
    limit, offset = _paging(limit, offset)
    current = exists().where(
        Consent.client_id == Client.id, Consent.kind == "treatment", Consent.withdrawn_on.is_(None)
    )
    q = _client_columns(_latest_admission(), literal(None)).where(Client.status == "open", ~current)
    return _run(uow, actor, "consent_missing", q, (Client.sort_name,), tab=TAB_OVERVIEW, scope=scope, user=user,
                limit=limit, offset=offset)
