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
- Two statements per call, a count and a page; only the page's rows reach Python.  Both
  are answered from indexes, never by reading rows in random order (in an encrypted
  database each row read decrypts a page: that made these lists take seconds at 100,000
  clients).  The count reads the list's own table alone (check-ups, care plans, episodes
  or clients: their ``client_id`` and ``episode_id`` are non-null foreign keys, so the
  page's joins never drop a row; clients in care come from ``ix_clients_status`` or
  ``ix_clients_counsellor_status_sort_name``).  Every condition on another table is a set
  of ids (``IN (SELECT id ...)``: the actor's clients from ``ix_clients_counsellor_id``,
  open episodes from ``ix_episodes_status``) or a probe of a covering index (an active
  plan: ``ix_care_plans_episode_status``; a current consent:
  ``ix_consents_client_kind_withdrawn``).  The page walks an index in the order of its
  first sort key (``ix_checkups_status_due_client``, ``ix_care_plans_status_review_episode``,
  ``ix_episodes_status_admission_client``, ``ix_clients_status_sort_name``,
  ``ix_clients_counsellor_status_sort_name``) with the same conditions and stops once the
  page is full, so client rows are read only for the rows shown (and for rows sharing the
  last date shown, to order them by name).  ``tests/test_worklists_scale.py`` checks those
  query plans and the results against a plain computation on a generated dataset.
  "In care" is the client's denormalised ``status`` column, kept by the episode and
  discharge services.
- Each call writes one audit entry (which list, scope, how many rows matched), never
  names or client ids: a worklist is a read of many records at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, literal, select

from clinic_app.db.models import Base, CarePlan, Checkup, Client, Consent, Episode, User
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
    never before the previous discharge).  It only runs for the rows of the page, each a
    look-up on ``ix_episodes_client_admission`` (no episode is read).
    """
    return (
        select(func.max(Episode.admission_date))
        .where(Episode.client_id == Client.id)
        .correlate(Client)
        .scalar_subquery()
    )


def _of_actor(client_id: ColumnElement[int], user: User) -> ColumnElement[bool]:
    """``client_id`` is one of the actor's clients: a set of ids read from ``ix_clients_counsellor_id``.

    Never correlated with a ``clients`` table of the enclosing query: membership is tested
    against the set, not by reading each client's row.
    """
    return client_id.in_(select(Client.id).where(Client.counsellor_id == user.id).correlate(None))


def _run(
    uow: UnitOfWork,
    actor: Actor,
    name: str,
    source: type[Base],
    where: list[ColumnElement[bool]],
    page: Select[Any],
    order_by: tuple[Any, ...],
    *,
    tab: str,
    scope: str,
    limit: int,
    offset: int,
    overdue_before: date | None = None,
) -> Worklist:
    """Count the rows of ``source`` matching ``where`` and read one page of ``page`` (same conditions); audit once.

    The count reads ``source`` alone (every condition is answered from its indexes), the
    page adds the joins that bring the client's code and name (columns: id, code, given,
    family, date, item id).  No page is read past the count: both run in the unit of work's
    transaction, so they see the same rows.
    """
    total = uow.session.execute(select(func.count()).select_from(source).where(*where)).scalar_one()
    rows = [] if offset >= total else uow.session.execute(
        page.where(*where).order_by(*order_by, Client.id).limit(limit).offset(offset)).all()
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


def _clients_in_care(uow: UnitOfWork, actor: Actor, name: str, extra: list[ColumnElement[bool]], scope: str | None,
                     default: str | None, limit: int, offset: int) -> Worklist:
    """Clients in care (and ``extra``), by name: a walk of ``ix_clients_status_sort_name`` (every
    client) or ``ix_clients_counsellor_status_sort_name`` (the actor's)."""
    user = require_records(uow, actor)
    scope = _scope(user, scope, default)
    limit, offset = _paging(limit, offset)
    where = [Client.status == "open", *extra]
    if scope == MINE:
        where.append(Client.counsellor_id == user.id)
    page = _client_columns(_latest_admission(), literal(None))
    return _run(uow, actor, name, Client, where, page, (Client.sort_name,), tab=TAB_OVERVIEW, scope=scope,
                limit=limit, offset=offset)


def my_clients(
    uow: UnitOfWork, actor: Actor, *, scope: str | None = None, limit: int = DEFAULT_LIMIT, offset: int = 0
) -> Worklist:
    """Clients in care assigned to the actor, by name (``scope="all"``: every client in care)."""
    return _clients_in_care(uow, actor, "my_clients", [], scope, MINE, limit, offset)


def plan_reviews_due(
    uow: UnitOfWork, actor: Actor, *, within_days: int = DEFAULT_DAYS, scope: str | None = None,
    limit: int = DEFAULT_LIMIT, offset: int = 0,
) -> Worklist:
    """Active care plans of open episodes due for review within ``within_days`` (or overdue)."""
    user = require_records(uow, actor)
    scope = _scope(user, scope)
    limit, offset = _paging(limit, offset)
    # a set of ids, never correlated with the page's ``episodes``: no episode row is read to test it
    open_episodes = select(Episode.id).where(Episode.status == "open").correlate(None)
    if scope == MINE:
        open_episodes = open_episodes.where(_of_actor(Episode.client_id, user))
    where = [CarePlan.status == "active", CarePlan.review_date <= _horizon(within_days),
             CarePlan.episode_id.in_(open_episodes)]
    page = (
        _client_columns(CarePlan.review_date, CarePlan.id)
        .select_from(CarePlan)
        .join(Episode, Episode.id == CarePlan.episode_id)
        .join(Client, Client.id == Episode.client_id)
    )
    return _run(uow, actor, "plan_reviews_due", CarePlan, where, page, (CarePlan.review_date, Client.sort_name),
                tab=TAB_CARE_PLAN, scope=scope, limit=limit, offset=offset, overdue_before=common.today())


def _checkups(uow: UnitOfWork, actor: Actor, name: str, window: ColumnElement[bool], scope: str | None,
              limit: int, offset: int) -> Worklist:
    user = require_records(uow, actor)
    scope = _scope(user, scope)
    limit, offset = _paging(limit, offset)
    where = [Checkup.status == "due", window]
    if scope == MINE:
        where.append(_of_actor(Checkup.client_id, user))
    page = _client_columns(Checkup.due_date, Checkup.id).select_from(Checkup).join(
        Client, Client.id == Checkup.client_id)
    return _run(uow, actor, name, Checkup, where, page, (Checkup.due_date, Client.sort_name), tab=TAB_FOLLOWUP,
                scope=scope, limit=limit, offset=offset, overdue_before=common.today())


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
    active = select(CarePlan.id).where(CarePlan.episode_id == Episode.id, CarePlan.status == "active").exists()
    where = [Episode.status == "open", ~active]
    if scope == MINE:
        where.append(_of_actor(Episode.client_id, user))
    page = _client_columns(Episode.admission_date, Episode.id).select_from(Episode).join(
        Client, Client.id == Episode.client_id)
    return _run(uow, actor, "without_active_plan", Episode, where, page, (Episode.admission_date, Client.sort_name),
                tab=TAB_CARE_PLAN, scope=scope, limit=limit, offset=offset)


def consent_missing(
    uow: UnitOfWork, actor: Actor, *, scope: str | None = None, limit: int = DEFAULT_LIMIT, offset: int = 0
) -> Worklist:
    """Clients in care without a current treatment consent, by name."""
    current = select(Consent.id).where(
        Consent.client_id == Client.id, Consent.kind == "treatment", Consent.withdrawn_on.is_(None)
    ).exists()
    return _clients_in_care(uow, actor, "consent_missing", [~current], scope, None, limit, offset)
