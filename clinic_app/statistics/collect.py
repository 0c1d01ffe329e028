"""Reading the database for the statistics: the only part of the package that runs queries.

:func:`collect` returns a :class:`~.records.Dataset` of anonymised, frozen records for one
reporting year.  It selects only the columns it needs (never a name, a contact detail, a
client code or a free-text field) and reduces dates to years and the age to its bands
before anything leaves this module.  It does no role check and writes no audit entry: the
service (:mod:`clinic_app.services.statistics`) does both.

What is read
------------
* Episodes admitted on or before 31 December of the year that were still open on
  1 January, or discharged during or after it, or whose client has a BARC-10 in the year
  (check-ups after discharge carry BARC-10s).  Discharge date: the episode's, else the
  discharge plan's actual date; the reason is the discharge plan's.
* The intake assessment and its substances (rank 1 is the primary substance).
* For episodes discharged in the year, the care plan that was active on the discharge
  date (activated on or before it and not superseded before the end of it); failing that,
  the latest activated version.  Timestamps are compared as local calendar days.
* BARC-10 totals: an assessment belongs to its episode, or, when it names none, to the
  client's latest episode admitted on or before the assessment.  The first assessment of
  an episode is its intake score; the latest one up to 31 December is compared with it.
* Check-ups due in the year that were not cancelled.

Consent: a client whose consent to anonymised statistics (consent kind ``statistics``)
was withdrawn, with no statistics consent given on or after the latest withdrawal date
that is still in force, is left out entirely; only the number of such clients whose
records would have counted in the year is kept.  Clients with no statistics consent
record at all are included: the consent is an opt-out.

How it is read (performance at 100,000 clients)
-----------------------------------------------
* The year's episodes are selected **once**, into a temporary table holding what the
  records need of the episode and its discharge plan.  Every other query joins that table
  instead of repeating the selection.  Temporary tables live in memory (the engine sets
  ``temp_store=MEMORY``: nothing is written to a plaintext temporary file) and are created
  and dropped inside the caller's transaction, so a failure rolls them back with the rest.
* Each query reads what it needs, in one pass: clients and intakes joined in episode
  order, the primary substance and the highest age at first use per intake worked out by
  the database; care-plan goals only of the plan chosen for each discharge (the chosen
  ids go into a second temporary table); BARC-10 assessments attributed to their episodes
  by the database into a third, from which it returns the first and the latest total of
  each series; check-ups by one scan of their table; consents only of clients who ever
  withdrew one.
* "Admitted on or before 31 December" is written as "admitted in or before the year"
  (the same rows): most episodes qualify, and on an encrypted database reading the
  episodes table once in order is many times cheaper than looking each row up through the
  admission-date index, which the database would otherwise choose.
* Rows are read through SQLAlchemy Core, not as ORM objects; the rules that
  need the local time zone (the care plan active at discharge) or are tested on their
  own (consent withdrawal) stay in Python.
* :func:`with_records` hands the records to a function with Python's cycle collector paused:
  at 100,000 clients the collector would otherwise walk the growing heap of hundreds of
  thousands of new rows and records again and again (a quarter of the time), though none of
  them can be part of a reference cycle.  They are freed (by reference counting) as soon as
  that function returns, before the collector is switched back on, so it is left no work.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import (
    Column,
    Connection,
    Date,
    Index,
    Integer,
    MetaData,
    Row,
    String,
    Table,
    extract,
    func,
    insert,
    or_,
    select,
)

from clinic_app.db.models import (
    Barc10,
    CarePlan,
    CarePlanGoal,
    Checkup,
    Client,
    Consent,
    DischargePlan,
    Episode,
    IntakeAssessment,
    IntakeSubstance,
)
from clinic_app.services.followups import CANCELLED
from clinic_app.statistics import quality
from clinic_app.statistics.records import (
    Barc10Facts,
    CheckupRecord,
    Dataset,
    EpisodeRecord,
    IntakeFacts,
    age_band_of,
    age_on,
    checkup_counts_in,
    episode_counts_in,
    youth_group_of,
)
from clinic_app.uow import UnitOfWork

STATISTICS_CONSENT = "statistics"
DISCHARGED = "discharged"

T = TypeVar("T")

_TEMPORARY = MetaData()

_YEAR_EPISODES = Table(
    "statistics_year_episodes", _TEMPORARY,
    Column("id", Integer, primary_key=True),  # the episode
    Column("client_id", Integer, nullable=False),
    Column("admission_date", Date, nullable=False),
    Column("referral_source", String(32), nullable=False),
    Column("previously_treated", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("discharged_on", Date),  # the episode's discharge date, else the discharge plan's actual date
    Column("reason", String(32)),  # the discharge plan's
    Index("statistics_year_episodes_client", "client_id", "admission_date"),
    prefixes=["TEMPORARY"],
)
"""The episodes read for the year (see the module docstring)."""

_CHOSEN_PLANS = Table(
    "statistics_chosen_plans", _TEMPORARY,
    Column("plan_id", Integer, primary_key=True),
    Column("episode_id", Integer, nullable=False),
    prefixes=["TEMPORARY"],
)
"""The care plan active at discharge of each episode discharged in the year."""

_YEAR_BARC10 = Table(
    "statistics_year_barc10", _TEMPORARY,
    Column("id", Integer, primary_key=True),  # the assessment
    Column("episode_id", Integer, nullable=False),  # its own, or the one it is attributed to
    Column("assessed_on", Date, nullable=False),
    Column("total", Integer, nullable=False),
    Index("statistics_year_barc10_series", "episode_id", "assessed_on", "id"),
    prefixes=["TEMPORARY"],
)
"""The BARC-10 assessments up to the end of the year of the year's episodes."""

_EPISODES, _CLIENTS, _DISCHARGES = Episode.__table__, Client.__table__, DischargePlan.__table__
_INTAKES, _SUBSTANCES, _PLANS = IntakeAssessment.__table__, IntakeSubstance.__table__, CarePlan.__table__
_GOALS, _BARC10, _CHECKUPS, _CONSENTS = CarePlanGoal.__table__, Barc10.__table__, Checkup.__table__, Consent.__table__


def withdrew_statistics_consent(consents: Iterable[tuple[date, date | None]]) -> bool:
    """Whether ``(given_on, withdrawn_on)`` statistics consents leave the client out.

    Out when some consent was withdrawn and no consent given on or after the latest
    withdrawal date is still in force.
    """
    consents = list(consents)
    withdrawals = [w for _, w in consents if w is not None]
    if not withdrawals:
        return False
    latest = max(withdrawals)
    return not any(w is None and given >= latest for given, w in consents)


def plan_at_discharge(plans: Sequence[tuple[int, int, date | None, date | None]], discharged_on: date) -> int | None:
    """Id of the plan active on ``discharged_on`` among ``(id, version, activated day, superseded day)``.

    Falls back to the latest activated version; ``None`` when no version was ever activated.
    """
    activated = [p for p in plans if p[2] is not None]
    covering = [p for p in activated
                if p[2] is not None and p[2] <= discharged_on and (p[3] is None or p[3] > discharged_on)]
    chosen = max(covering or activated, key=lambda p: p[1], default=None)
    return None if chosen is None else chosen[0]


def _local_day(moment: datetime | None) -> date | None:
    return None if moment is None else moment.astimezone().date()


@contextmanager
def _temporary_tables(conn: Connection) -> Iterator[None]:
    """The temporary tables, created empty for the block and dropped after it.

    On an error the caller's transaction is rolled back, which takes the tables with it (table
    creation is transactional); tables left behind by a caller that committed anyway are
    replaced.
    """
    _TEMPORARY.drop_all(conn)
    _TEMPORARY.create_all(conn)
    yield
    _TEMPORARY.drop_all(conn)


def with_records(uow: UnitOfWork, year: int, use: Callable[[Dataset], T]) -> T:
    """``use(collect(uow, year))`` with Python's cycle collector paused (see the module docstring).

    ``use`` must not keep the records (the tables and the quality check keep only figures and ids).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return use(collect(uow, year))
    finally:
        if was_enabled:
            gc.enable()


def collect(uow: UnitOfWork, year: int) -> Dataset:
    """The anonymised records behind the statistics of ``year`` (see the module docstring)."""
    conn = uow.session.connection()
    start, end = date(year, 1, 1), date(year, 12, 31)
    with _temporary_tables(conn):
        _select_episodes(conn, year, start, end)
        rows = _episode_rows(conn)
        goals = _goals_at_discharge(conn, start, end)
        barc = _barc10(conn, end)
    withdrawn = _withdrawn_clients(conn)

    records: list[EpisodeRecord] = []
    excluded: set[int] = set()
    intakes: dict[tuple[Any, ...], IntakeFacts] = {}  # equal answers share one (frozen) object
    for (episode_id, client_id, admitted, referral, previously_treated, status, discharge_date, reason,
         birth, sex, intake_id, living_with, with_children, has_children, children, labour,
         primary_drug, highest_first_use) in rows:
        intake = None
        if intake_id is not None:
            answers = (primary_drug, living_with, with_children, has_children, children, labour)
            intake = intakes.get(answers)
            if intake is None:
                intake = intakes[answers] = IntakeFacts(*answers)
        discharged = status == DISCHARGED or discharge_date is not None
        age = age_on(birth, admitted)
        record = EpisodeRecord(
            client_id=client_id,
            episode_id=episode_id,
            admission_year=admitted.year,
            sex=sex,
            age_band=age_band_of(age),
            youth_group=youth_group_of(age),
            referral_source=referral,
            previously_treated=previously_treated,
            intake=intake,
            discharge_year=discharge_date.year if discharge_date is not None else None,
            discharge_reason=reason if discharged else None,
            plan_goals=goals.get(episode_id, ()),
            barc10=barc.get(episode_id),
            problems=quality.episode_problems(
                date_of_birth=birth,
                admission_date=admitted,
                discharged=discharged,
                discharge_date=discharge_date,
                discharge_reason=reason,
                first_use_ages=(highest_first_use,),
                has_children=has_children,
                number_of_children=children,
                living_with_children=with_children,
            ),
        )
        if client_id in withdrawn:
            if episode_counts_in(record, year):
                excluded.add(client_id)
        else:
            records.append(record)

    checkups: list[CheckupRecord] = []
    for client_id, months_after, outcome in conn.execute(
        select(_CHECKUPS.c.client_id, _CHECKUPS.c.months_after, _CHECKUPS.c.outcome)
        .where(_CHECKUPS.c.due_date >= start, _CHECKUPS.c.due_date <= end, _CHECKUPS.c.status != CANCELLED)
        .order_by(_CHECKUPS.c.id)
    ).all():
        checkup = CheckupRecord(client_id, year, months_after, outcome)
        if client_id in withdrawn:
            if checkup_counts_in(checkup, year):
                excluded.add(client_id)
        else:
            checkups.append(checkup)
    return Dataset(tuple(records), tuple(checkups), len(excluded))


def _select_episodes(conn: Connection, year: int, start: date, end: date) -> None:
    """Fill the temporary table of the episodes read for ``year`` (see the module docstring)."""
    e, d = _EPISODES.c, _DISCHARGES.c
    barc_clients = select(_BARC10.c.client_id).where(_BARC10.c.assessed_on >= start, _BARC10.c.assessed_on <= end)
    conn.execute(insert(_YEAR_EPISODES).from_select(
        ["id", "client_id", "admission_date", "referral_source", "previously_treated", "status", "discharged_on",
         "reason"],
        select(e.id, e.client_id, e.admission_date, e.referral_source, e.previously_treated, e.status,
               func.coalesce(e.discharge_date, d.actual_date), d.reason)
        .outerjoin(_DISCHARGES, d.episode_id == e.id)
        .where(extract("year", e.admission_date) <= year,  # = admission_date <= end, read in one pass
               or_(e.discharge_date.is_(None), e.discharge_date >= start, e.client_id.in_(barc_clients))),
    ))


def _episode_rows(conn: Connection) -> Sequence[Row[Any]]:
    """One row per episode, in episode order: the episode and its discharge, client and intake."""
    t, c, i, s = _YEAR_EPISODES.c, _CLIENTS.c, _INTAKES.c, _SUBSTANCES.c
    primary = select(s.substance).where(s.intake_id == i.id, s.rank == 1).scalar_subquery()
    highest_first_use = select(func.max(s.age_first_use)).where(s.intake_id == i.id).scalar_subquery()
    return conn.execute(
        select(t.id, t.client_id, t.admission_date, t.referral_source, t.previously_treated, t.status,
               t.discharged_on, t.reason, c.date_of_birth, c.sex, i.id, i.living_with, i.living_with_children,
               i.has_children, i.number_of_children, i.labour_status, primary, highest_first_use)
        .join(_CLIENTS, c.id == t.client_id)
        .outerjoin(_INTAKES, i.episode_id == t.id)
        .order_by(t.id)
    ).all()


def _withdrawn_clients(conn: Connection) -> set[int]:
    """Clients left out for having withdrawn their consent to statistics (see the module docstring)."""
    c = _CONSENTS.c
    ever_withdrew = select(c.client_id).where(c.kind == STATISTICS_CONSENT, c.withdrawn_on.is_not(None))
    by_client: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
    for client_id, given_on, withdrawn_on in conn.execute(
        select(c.client_id, c.given_on, c.withdrawn_on)
        .where(c.kind == STATISTICS_CONSENT, c.client_id.in_(ever_withdrew))
    ).all():
        by_client[client_id].append((given_on, withdrawn_on))
    return {client for client, consents in by_client.items() if withdrew_statistics_consent(consents)}


def _goals_at_discharge(conn: Connection, start: date, end: date) -> dict[int, tuple[tuple[str, str], ...]]:
    """``{episode id: ((domain, status), ...)}`` of the plan active at discharge, for the year's discharges."""
    t, p, g, chosen = _YEAR_EPISODES.c, _PLANS.c, _GOALS.c, _CHOSEN_PLANS.c
    discharged_on: dict[int, date] = {}
    plans: dict[int, list[tuple[int, int, date | None, date | None]]] = defaultdict(list)
    for episode_id, day, plan_id, version, activated, superseded in conn.execute(
        select(t.id, t.discharged_on, p.id, p.version, p.activated_at, p.superseded_at)
        .join(_PLANS, p.episode_id == t.id)
        .where(t.discharged_on >= start, t.discharged_on <= end, p.activated_at.is_not(None))
    ).all():
        discharged_on[episode_id] = day
        plans[episode_id].append((plan_id, version, _local_day(activated), _local_day(superseded)))
    picked = [{"plan_id": plan_id, "episode_id": episode_id} for episode_id, versions in plans.items()
              if (plan_id := plan_at_discharge(versions, discharged_on[episode_id])) is not None]
    if not picked:
        return {}
    conn.execute(insert(_CHOSEN_PLANS), picked)
    goals: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for episode_id, domain, status in conn.execute(
        select(chosen.episode_id, g.domain, g.status)
        .join(_GOALS, g.plan_id == chosen.plan_id)
        .order_by(chosen.plan_id, g.position)
    ).all():
        goals[episode_id].append((domain, status))
    return {episode_id: tuple(found) for episode_id, found in goals.items()}


def _barc10(conn: Connection, end: date) -> dict[int, Barc10Facts]:
    """``{episode id: first and latest total}`` for episodes with two or more assessments by ``end``."""
    t, b = _YEAR_EPISODES.c, _BARC10.c
    earlier = _YEAR_EPISODES.alias("earlier")
    latest_admitted_before = (
        select(earlier.c.id)
        .where(earlier.c.client_id == b.client_id, earlier.c.admission_date <= b.assessed_on)
        .order_by(earlier.c.admission_date.desc(), earlier.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    attributed = (
        select(b.id, func.coalesce(b.episode_id, latest_admitted_before).label("episode_id"), b.assessed_on, b.total)
        .where(b.client_id.in_(select(t.client_id)), b.assessed_on <= end)
        .subquery()
    )
    a = attributed.c
    conn.execute(insert(_YEAR_BARC10).from_select(
        ["id", "episode_id", "assessed_on", "total"],
        select(a.id, a.episode_id, a.assessed_on, a.total).join(_YEAR_EPISODES, t.id == a.episode_id),
    ))
    series, one = _YEAR_BARC10.alias("series"), _YEAR_BARC10.c

    def total_of(*order: Any) -> Any:
        """The total of the assessment of the series that comes first in ``order``."""
        return (select(one.total).where(one.episode_id == series.c.episode_id).order_by(*order).limit(1)
                .scalar_subquery())

    facts = conn.execute(
        select(series.c.episode_id, total_of(one.assessed_on, one.id),
               total_of(one.assessed_on.desc(), one.id.desc()), func.max(series.c.assessed_on))
        .group_by(series.c.episode_id)
        .having(func.count() >= 2)
    ).all()
    return {episode_id: Barc10Facts(first, latest, latest_on.year) for episode_id, first, latest, latest_on in facts}


__all__ = ["collect", "plan_at_discharge", "with_records", "withdrew_statistics_consent"]
