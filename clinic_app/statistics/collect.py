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
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, Select, or_, select

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


def collect(uow: UnitOfWork, year: int) -> Dataset:
    """The anonymised records behind the statistics of ``year`` (see the module docstring)."""
    s = uow.session
    start, end = date(year, 1, 1), date(year, 12, 31)
    barc_clients = select(Barc10.client_id).where(Barc10.assessed_on >= start, Barc10.assessed_on <= end)
    episode_filter = (
        Episode.admission_date <= end,
        or_(Episode.discharge_date.is_(None), Episode.discharge_date >= start, Episode.client_id.in_(barc_clients)),
    )
    episodes = s.execute(
        select(Episode.id, Episode.client_id, Episode.admission_date, Episode.referral_source,
               Episode.previously_treated, Episode.status, Episode.discharge_date,
               DischargePlan.actual_date, DischargePlan.reason)
        .outerjoin(DischargePlan, DischargePlan.episode_id == Episode.id)
        .where(*episode_filter)
        .order_by(Episode.id)
    ).all()
    episode_ids = select(Episode.id).where(*episode_filter)
    client_ids = select(Episode.client_id).where(*episode_filter)

    people = {row.id: row for row in s.execute(
        select(Client.id, Client.date_of_birth, Client.sex).where(Client.id.in_(client_ids)))}
    intakes = {row.episode_id: row for row in s.execute(
        select(IntakeAssessment.id, IntakeAssessment.episode_id, IntakeAssessment.living_with,
               IntakeAssessment.living_with_children, IntakeAssessment.has_children,
               IntakeAssessment.number_of_children, IntakeAssessment.labour_status)
        .where(IntakeAssessment.episode_id.in_(episode_ids)))}
    substances: dict[int, list[tuple[int, str, int | None]]] = defaultdict(list)
    for row in s.execute(
        select(IntakeSubstance.intake_id, IntakeSubstance.rank, IntakeSubstance.substance,
               IntakeSubstance.age_first_use)
        .join(IntakeAssessment, IntakeAssessment.id == IntakeSubstance.intake_id)
        .where(IntakeAssessment.episode_id.in_(episode_ids))
    ):
        substances[row.intake_id].append((row.rank, row.substance, row.age_first_use))

    goals = _goals_at_discharge(uow, episode_ids, start, end, episodes)
    barc = _barc10(uow, client_ids, end, episodes)
    withdrawn = _withdrawn_clients(uow)

    records: list[EpisodeRecord] = []
    excluded: set[int] = set()
    for ep in episodes:
        person = people[ep.client_id]
        intake = intakes.get(ep.id)
        ranked = sorted(substances.get(intake.id, ()) if intake is not None else ())
        discharge_date = ep.discharge_date or ep.actual_date
        discharged = ep.status == DISCHARGED or discharge_date is not None
        age = age_on(person.date_of_birth, ep.admission_date)
        record = EpisodeRecord(
            client_id=ep.client_id,
            episode_id=ep.id,
            admission_year=ep.admission_date.year,
            sex=person.sex,
            age_band=age_band_of(age),
            youth_group=youth_group_of(age),
            referral_source=ep.referral_source,
            previously_treated=ep.previously_treated,
            intake=None if intake is None else IntakeFacts(
                primary_drug=next((drug for rank, drug, _ in ranked if rank == 1), None),
                living_with=intake.living_with,
                living_with_children=intake.living_with_children,
                has_children=intake.has_children,
                number_of_children=intake.number_of_children,
                labour_status=intake.labour_status,
            ),
            discharge_year=discharge_date.year if discharge_date is not None else None,
            discharge_reason=ep.reason if discharged else None,
            plan_goals=goals.get(ep.id, ()),
            barc10=barc.get(ep.id),
            problems=quality.episode_problems(
                date_of_birth=person.date_of_birth,
                admission_date=ep.admission_date,
                discharged=discharged,
                discharge_date=discharge_date,
                discharge_reason=ep.reason,
                first_use_ages=[first_use for _, _, first_use in ranked],
                has_children=None if intake is None else intake.has_children,
                number_of_children=None if intake is None else intake.number_of_children,
                living_with_children=None if intake is None else intake.living_with_children,
            ),
        )
        if ep.client_id in withdrawn:
            if episode_counts_in(record, year):
                excluded.add(ep.client_id)
        else:
            records.append(record)

    checkups: list[CheckupRecord] = []
    for row in s.execute(
        select(Checkup.client_id, Checkup.months_after, Checkup.due_date, Checkup.outcome)
        .where(Checkup.due_date >= start, Checkup.due_date <= end, Checkup.status != CANCELLED)
        .order_by(Checkup.id)
    ):
        checkup = CheckupRecord(row.client_id, row.due_date.year, row.months_after, row.outcome)
        if row.client_id in withdrawn:
            if checkup_counts_in(checkup, year):
                excluded.add(row.client_id)
        else:
            checkups.append(checkup)
    return Dataset(tuple(records), tuple(checkups), len(excluded))


def _withdrawn_clients(uow: UnitOfWork) -> set[int]:
    by_client: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
    for row in uow.session.execute(
        select(Consent.client_id, Consent.given_on, Consent.withdrawn_on).where(Consent.kind == STATISTICS_CONSENT)
    ):
        by_client[row.client_id].append((row.given_on, row.withdrawn_on))
    return {client for client, consents in by_client.items() if withdrew_statistics_consent(consents)}


def _goals_at_discharge(uow: UnitOfWork, episode_ids: Select[Any], start: date, end: date,
                        episodes: Sequence[Row[Any]]) -> dict[int, tuple[tuple[str, str], ...]]:
    """``{episode id: ((domain, status), ...)}`` of the plan active at discharge, for the year's discharges."""
    discharged_on = {
        ep.id: ep.discharge_date or ep.actual_date
        for ep in episodes
        if start <= (ep.discharge_date or ep.actual_date or date.min) <= end
    }
    if not discharged_on:
        return {}
    plans: dict[int, list[tuple[int, int, date | None, date | None]]] = defaultdict(list)
    for row in uow.session.execute(
        select(CarePlan.id, CarePlan.episode_id, CarePlan.version, CarePlan.activated_at, CarePlan.superseded_at)
        .where(CarePlan.episode_id.in_(episode_ids))
    ):
        if row.episode_id in discharged_on:
            plans[row.episode_id].append(
                (row.id, row.version, _local_day(row.activated_at), _local_day(row.superseded_at)))
    chosen = {plan_id: episode_id for episode_id, versions in plans.items()
              if (plan_id := plan_at_discharge(versions, discharged_on[episode_id])) is not None}
    goals: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for row in uow.session.execute(
        select(CarePlanGoal.plan_id, CarePlanGoal.domain, CarePlanGoal.status)
        .join(CarePlan, CarePlan.id == CarePlanGoal.plan_id)
        .where(CarePlan.episode_id.in_(episode_ids))
        .order_by(CarePlanGoal.plan_id, CarePlanGoal.position)
    ):
        if row.plan_id in chosen:
            goals[chosen[row.plan_id]].append((row.domain, row.status))
    return {episode_id: tuple(found) for episode_id, found in goals.items()}


def _barc10(uow: UnitOfWork, client_ids: Select[Any], end: date,
            episodes: Sequence[Row[Any]]) -> dict[int, Barc10Facts]:
    """``{episode id: first and latest total}`` for episodes with two or more assessments by ``end``."""
    admissions: dict[int, list[tuple[date, int]]] = defaultdict(list)
    for ep in episodes:
        admissions[ep.client_id].append((ep.admission_date, ep.id))
    known_episodes = {ep.id for ep in episodes}
    series: dict[int, list[tuple[date, int, int]]] = defaultdict(list)
    for row in uow.session.execute(
        select(Barc10.id, Barc10.client_id, Barc10.episode_id, Barc10.assessed_on, Barc10.total)
        .where(Barc10.client_id.in_(client_ids), Barc10.assessed_on <= end)
    ):
        episode_id = row.episode_id
        if episode_id is None:
            earlier = [(admitted, eid) for admitted, eid in admissions[row.client_id] if admitted <= row.assessed_on]
            episode_id = max(earlier)[1] if earlier else None
        if episode_id in known_episodes:
            series[episode_id].append((row.assessed_on, row.id, row.total))
    facts: dict[int, Barc10Facts] = {}
    for episode_id, found in series.items():
        if len(found) < 2:
            continue
        found.sort()
        (_, _, first), (latest_on, _, latest) = found[0], found[-1]
        facts[episode_id] = Barc10Facts(first, latest, latest_on.year)
    return facts


__all__ = ["collect", "plan_at_discharge", "withdrew_statistics_consent"]
