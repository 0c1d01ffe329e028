"""The statistics at scale: the optimised reading equals a plain one, and it locks nobody out.

:func:`clinic_app.statistics.collect.collect` reads the year's episodes once into temporary
tables and lets the database join, attribute and aggregate.  Here it is checked against
:func:`plain_dataset`, a straightforward reading written for this test alone: whole tables
loaded as ORM objects and every documented rule (which episodes are read, discharge date and
reason, primary substance, care plan active at discharge in local days, BARC-10 attribution
and series, check-ups, consent withdrawal) applied in plain Python, one record at a time.
Only the pure rules tested on their own elsewhere are shared (age bands, the consistency
problems, the consent and care-plan rules).

The data are bulk demo data (``clinic_app.demo_bulk``) plus what bulk data lack: clients who
withdrew (and some who gave again) their consent to statistics, discharge dates recorded only
on the discharge plan or nowhere, discharges without a reason or before admission, births
after admission, episodes without an intake, ages at first use above the age, contradicting
answers about children, BARC-10s that name no episode or share their day, readmissions on
the day of admission, discharges on 1 January, and care plans superseded on the discharge
day.  Every year the data touch is
compared, record by record.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import ADMIN_NAME, ADMIN_PASSWORD, ORG_NAME, STATS_PASSWORD
from sqlalchemy import delete, inspect, select, update

import statistics_factory as sf

from clinic_app import demo_bulk, workspace
from clinic_app.db.models import (
    AuditEntry,
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
from clinic_app.errors import PermissionDenied, ValidationError
from clinic_app.services import accounts, audit
from clinic_app.services import statistics as stats_service
from clinic_app.services.auth import COUNSELLOR, STATISTICS, Actor
from clinic_app.statistics import collect as collect_module
from clinic_app.statistics import quality
from clinic_app.statistics.collect import collect, plan_at_discharge, with_records, withdrew_statistics_consent
from clinic_app.statistics.records import (
    Barc10Facts,
    CheckupRecord,
    Dataset,
    EpisodeRecord,
    IntakeFacts,
    age_band_of,
    checkup_counts_in,
    episode_counts_in,
    youth_group_of,
)
from clinic_app.uow import UnitOfWork
from clinic_app.workspace import Workspace

ANCHOR = date(2025, 8, 15)
CLIENTS = 240
YEARS = range(ANCHOR.year - 3, ANCHOR.year + 1)


@dataclass(frozen=True)
class Made:
    ws: Workspace
    admin: Actor
    stats: Actor
    counsellor: Actor


def _oddities(ws: Workspace, admin: Actor) -> None:
    """What bulk demo data never contain (see the module docstring), every n-th row."""
    with ws.unit_of_work() as uow:
        s = uow.session
        admin_id = admin.user_id
        client_ids = s.execute(select(Client.id).order_by(Client.id)).scalars().all()
        for n, client_id in enumerate(client_ids):
            if n % 7 == 3:
                s.add(Consent(client_id=client_id, kind="statistics", given_on=ANCHOR - timedelta(days=900),
                              withdrawn_on=ANCHOR - timedelta(days=400 + n), recorded_by=admin_id))
            if n % 21 == 3:
                s.add(Consent(client_id=client_id, kind="statistics", given_on=ANCHOR - timedelta(days=100),
                              recorded_by=admin_id))
        discharged = s.execute(select(Episode).where(Episode.status == "discharged")
                               .order_by(Episode.id)).scalars().all()
        for n, episode in enumerate(discharged):
            plan = s.execute(select(DischargePlan).where(DischargePlan.episode_id == episode.id)).scalar_one_or_none()
            if n % 11 == 1:
                episode.discharge_date = None  # the discharge plan's date counts
            elif n % 13 == 2:
                episode.discharge_date = None
                if plan is not None:
                    plan.actual_date, plan.reason = None, None
            elif n % 17 == 4:
                episode.discharge_date = episode.admission_date - timedelta(days=3)
            elif n % 9 == 5 and plan is not None:
                plan.reason = None
            elif n % 5 == 0 and episode.discharge_date is not None:
                versions = s.execute(select(CarePlan).where(CarePlan.episode_id == episode.id,
                                                            CarePlan.activated_at.is_not(None))
                                     .order_by(CarePlan.version)).scalars().all()
                if len(versions) >= 2:  # a review activated on the discharge day itself
                    versions[-2].superseded_at = versions[-1].activated_at = versions[-1].activated_at.replace(
                        year=episode.discharge_date.year, month=episode.discharge_date.month,
                        day=episode.discharge_date.day)
        for n, client in enumerate(s.execute(select(Client).order_by(Client.id)).scalars().all()):
            if n % 29 == 5:
                first = s.execute(select(Episode.admission_date).where(Episode.client_id == client.id)
                                  .order_by(Episode.admission_date)).scalars().first()
                if first is not None:
                    client.date_of_birth = first + timedelta(days=10)
        for n, intake in enumerate(s.execute(select(IntakeAssessment).order_by(IntakeAssessment.id)).scalars().all()):
            if n % 31 == 9:  # never assessed
                s.execute(delete(IntakeSubstance).where(IntakeSubstance.intake_id == intake.id))
                s.delete(intake)
                continue
            if n % 19 == 6:
                intake.has_children, intake.number_of_children = "no", 2
            if n % 23 == 7:
                substance = s.execute(select(IntakeSubstance).where(IntakeSubstance.intake_id == intake.id)
                                      .order_by(IntakeSubstance.rank.desc())).scalars().first()
                if substance is not None:
                    substance.age_first_use = 99
        for n, barc in enumerate(s.execute(select(Barc10).order_by(Barc10.id)).scalars().all()):
            if n % 37 == 8:  # two on one day: the later row is the later assessment
                s.add(Barc10(client_id=barc.client_id, episode_id=barc.episode_id, assessed_on=barc.assessed_on,
                             context="review", scores={}, total=min(60, barc.total + 7), recorded_by=admin_id))
            if n % 5 == 2:
                barc.episode_id = None
        for n, episode in enumerate(s.execute(select(Episode).order_by(Episode.id)).scalars().all()):
            if n % 41 == 10:  # readmitted the same day: unlinked BARC-10s go to the later row
                s.add(Episode(client_id=episode.client_id, admission_date=episode.admission_date,
                              programme=episode.programme, centre_type=episode.centre_type,
                              referral_source=episode.referral_source, previously_treated="yes",
                              created_by=admin_id))
                s.add(Barc10(client_id=episode.client_id, episode_id=None, assessed_on=episode.admission_date,
                             context="other", scores={}, total=33, recorded_by=admin_id))
        _discharged_on_new_year(uow)
        uow.commit()


def _discharged_on_new_year(uow: UnitOfWork) -> None:
    """A few episodes discharged on 1 January by clients with no BARC-10 that year (the boundary)."""
    s = uow.session
    episodes = s.execute(select(Episode).where(Episode.discharge_date.is_not(None))
                         .order_by(Episode.id)).scalars().all()
    for episode in [e for e in episodes if e.discharge_date.year > e.admission_date.year][:4]:
        new_year = date(episode.discharge_date.year, 1, 1)
        episode.discharge_date = new_year
        that_year = select(Barc10.id).where(Barc10.client_id == episode.client_id,
                                            Barc10.assessed_on >= new_year, Barc10.assessed_on < new_year.replace(
                                                year=new_year.year + 1))
        s.execute(update(Checkup).where(Checkup.barc10_id.in_(that_year)).values(barc10_id=None))
        s.execute(delete(Barc10).where(Barc10.id.in_(that_year)))


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Made]:
    base = tmp_path_factory.mktemp("stats-scale")
    ws, admin, _code = workspace.create_installation(base / "data", ORG_NAME, ADMIN_NAME, ADMIN_PASSWORD)
    with ws.unit_of_work() as uow:
        stats = accounts.add_user(uow, admin, "stats", STATISTICS, STATS_PASSWORD)
        counsellor = accounts.add_user(uow, admin, "carmen", COUNSELLOR, STATS_PASSWORD, "Carmen Ruiz")
        uow.commit()
    demo_bulk.generate(ws, admin, CLIENTS, seed=5, anchor=ANCHOR)
    _oddities(ws, admin)
    yield Made(ws, admin, Actor(stats.id, stats.name, stats.role),
               Actor(counsellor.id, counsellor.name, counsellor.role))
    ws.close()


# --- the plain reading --------------------------------------------------------------------------


def _age(born: date, on: date) -> int | None:
    if on < born:
        return None
    return on.year - born.year - (1 if (on.month, on.day) < (born.month, born.day) else 0)


def plain_dataset(uow: UnitOfWork, year: int) -> Dataset:
    """The records of ``year`` read the plain way (see the module docstring)."""
    s = uow.session
    start, end = date(year, 1, 1), date(year, 12, 31)
    barcs = s.execute(select(Barc10)).scalars().all()
    assessed_in_year = {b.client_id for b in barcs if start <= b.assessed_on <= end}
    plans_of_discharge = {d.episode_id: d for d in s.execute(select(DischargePlan)).scalars()}
    episodes = [e for e in s.execute(select(Episode).order_by(Episode.id)).scalars()
                if e.admission_date <= end
                and (e.discharge_date is None or e.discharge_date >= start or e.client_id in assessed_in_year)]
    clients = {c.id: c for c in s.execute(select(Client)).scalars()}
    intakes = {i.episode_id: i for i in s.execute(select(IntakeAssessment)).scalars()}
    substances: dict[int, list[IntakeSubstance]] = defaultdict(list)
    for substance in s.execute(select(IntakeSubstance)).scalars():
        substances[substance.intake_id].append(substance)
    care_plans: dict[int, list[CarePlan]] = defaultdict(list)
    for plan in s.execute(select(CarePlan)).scalars():
        care_plans[plan.episode_id].append(plan)
    goals: dict[int, list[CarePlanGoal]] = defaultdict(list)
    for goal in s.execute(select(CarePlanGoal).order_by(CarePlanGoal.position)).scalars():
        goals[goal.plan_id].append(goal)
    consents: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
    for consent in s.execute(select(Consent).where(Consent.kind == "statistics")).scalars():
        consents[consent.client_id].append((consent.given_on, consent.withdrawn_on))
    withdrawn = {client for client, given in consents.items() if withdrew_statistics_consent(given)}

    # BARC-10: own episode, else the client's latest episode (of those read) admitted by then
    read_ids = {e.id for e in episodes}
    series: dict[int, list[Barc10]] = defaultdict(list)
    for barc in barcs:
        if barc.assessed_on > end:
            continue
        episode_id = barc.episode_id
        if episode_id is None:
            earlier = [e for e in episodes if e.client_id == barc.client_id and e.admission_date <= barc.assessed_on]
            episode_id = max(earlier, key=lambda e: (e.admission_date, e.id)).id if earlier else None
        if episode_id in read_ids:
            series[episode_id].append(barc)

    def barc_facts(episode_id: int) -> Barc10Facts | None:
        found = sorted(series.get(episode_id, []), key=lambda b: (b.assessed_on, b.id))
        if len(found) < 2:
            return None
        return Barc10Facts(found[0].total, found[-1].total, found[-1].assessed_on.year)

    def goals_at(episode_id: int, day: date) -> tuple[tuple[str, str], ...]:
        versions = [(p.id, p.version, p.activated_at.astimezone().date() if p.activated_at else None,
                     p.superseded_at.astimezone().date() if p.superseded_at else None) for p in care_plans[episode_id]]
        plan_id = plan_at_discharge(versions, day)
        return () if plan_id is None else tuple((g.domain, g.status) for g in goals[plan_id])

    records: list[EpisodeRecord] = []
    excluded: set[int] = set()
    for e in episodes:
        client = clients[e.client_id]
        discharge_plan = plans_of_discharge.get(e.id)
        discharged_on = e.discharge_date or (discharge_plan.actual_date if discharge_plan else None)
        reason = discharge_plan.reason if discharge_plan else None
        discharged = e.status == "discharged" or discharged_on is not None
        intake = intakes.get(e.id)
        ranked = sorted(substances[intake.id], key=lambda x: x.rank) if intake else []
        age = _age(client.date_of_birth, e.admission_date)
        record = EpisodeRecord(
            client_id=e.client_id, episode_id=e.id, admission_year=e.admission_date.year, sex=client.sex,
            age_band=age_band_of(age), youth_group=youth_group_of(age), referral_source=e.referral_source,
            previously_treated=e.previously_treated,
            intake=None if intake is None else IntakeFacts(
                primary_drug=next((x.substance for x in ranked if x.rank == 1), None),
                living_with=intake.living_with, living_with_children=intake.living_with_children,
                has_children=intake.has_children, number_of_children=intake.number_of_children,
                labour_status=intake.labour_status),
            discharge_year=discharged_on.year if discharged_on else None,
            discharge_reason=reason if discharged else None,
            plan_goals=goals_at(e.id, discharged_on) if discharged_on and start <= discharged_on <= end else (),
            barc10=barc_facts(e.id),
            problems=quality.episode_problems(
                date_of_birth=client.date_of_birth, admission_date=e.admission_date, discharged=discharged,
                discharge_date=discharged_on, discharge_reason=reason,
                first_use_ages=[x.age_first_use for x in ranked],
                has_children=intake.has_children if intake else None,
                number_of_children=intake.number_of_children if intake else None,
                living_with_children=intake.living_with_children if intake else None),
        )
        if e.client_id not in withdrawn:
            records.append(record)
        elif episode_counts_in(record, year):
            excluded.add(e.client_id)

    checkups: list[CheckupRecord] = []
    for c in s.execute(select(Checkup).order_by(Checkup.id)).scalars():
        if not start <= c.due_date <= end or c.status == "cancelled":
            continue
        checkup = CheckupRecord(c.client_id, c.due_date.year, c.months_after, c.outcome)
        if c.client_id not in withdrawn:
            checkups.append(checkup)
        elif checkup_counts_in(checkup, year):
            excluded.add(c.client_id)
    return Dataset(tuple(records), tuple(checkups), len(excluded))


# --- the comparison ------------------------------------------------------------------------------


@pytest.mark.parametrize("year", YEARS)
def test_collect_equals_the_plain_reading(made: Made, year: int) -> None:
    with made.ws.unit_of_work() as uow:
        found, expected = collect(uow, year), plain_dataset(uow, year)
        assert inspect(uow.session.connection()).get_temp_table_names() == []  # nothing left behind
    assert len(found.episodes) == len(expected.episodes)
    for got, want in zip(found.episodes, expected.episodes):
        assert got == want
    assert found.checkups == expected.checkups
    assert found.excluded_clients == expected.excluded_clients


def test_the_data_exercise_every_rule(made: Made) -> None:
    """The comparison above means something only if the data reach every rule."""
    with made.ws.unit_of_work(write=False) as uow:
        data = [collect(uow, year) for year in YEARS]
    records = [r for d in data for r in d.episodes]
    assert sum(d.excluded_clients for d in data) > 0
    assert any(r.plan_goals for r in records) and any(r.barc10 for r in records)
    assert any(r.intake is None for r in records) and any(r.discharge_reason is None and r.discharge_year
                                                          for r in records)
    assert {p for r in records for p in r.problems} == set(quality.PROBLEMS)
    assert any(c.outcome for d in data for c in d.checkups)


def _episodes(data: Dataset) -> int:
    return len(data.episodes)


def test_records_are_used_with_the_cycle_collector_paused_and_it_comes_back_on(made: Made) -> None:
    with made.ws.unit_of_work(write=False) as uow:
        assert with_records(uow, ANCHOR.year, lambda _: gc.isenabled()) is False
        assert gc.isenabled()
        gc.disable()  # a caller that had switched it off keeps it off
        try:
            with_records(uow, ANCHOR.year, _episodes)
            assert not gc.isenabled()
        finally:
            gc.enable()


def test_a_failed_reading_leaves_the_collector_on_and_the_next_one_works(
        made: Made, monkeypatch: pytest.MonkeyPatch) -> None:
    with made.ws.unit_of_work(write=False) as uow:
        expected = collect(uow, ANCHOR.year)
        with monkeypatch.context() as patched:
            patched.setattr(collect_module, "_barc10", lambda *_: 1 / 0)
            with pytest.raises(ZeroDivisionError):
                with_records(uow, ANCHOR.year, _episodes)
        assert gc.isenabled()
        assert collect(uow, ANCHOR.year) == expected  # the temporary tables left behind are replaced


# --- reading without the write lock ------------------------------------------------------------------


def _audited(ws: Workspace, action: str) -> list[AuditEntry]:
    with ws.unit_of_work(write=False) as uow:
        return list(uow.session.execute(select(AuditEntry).where(AuditEntry.action == action)
                                        .order_by(AuditEntry.seq)).scalars())


def test_unlocked_forms_give_the_same_results_and_audit_entries(made: Made, tmp_path: Path) -> None:
    year = ANCHOR.year
    with made.ws.unit_of_work() as uow:
        report = stats_service.annual_report(uow, made.stats, year, threshold=4)
        problems = stats_service.data_quality(uow, made.admin, year, lang="es")
        uow.commit()
    viewed = len(_audited(made.ws, "statistics.viewed"))
    assert stats_service.annual_report_unlocked(made.ws, made.stats, year, threshold=4) == report
    assert stats_service.data_quality_unlocked(made.ws, made.admin, year, lang="es") == problems
    export = stats_service.export_statistics_unlocked(made.ws, made.stats, year, tmp_path / "out", lang="es")
    assert export.files and all(f.exists() for f in export.files)
    entries = _audited(made.ws, "statistics.viewed")
    assert len(entries) == viewed + 2
    assert [e.details for e in entries[-2:]] == [{"year": year, "threshold": 4}, {"year": year, "part": "data_quality"}]
    assert [e.user_name for e in entries[-2:]] == ["stats", ADMIN_NAME]
    assert _audited(made.ws, "statistics.exported")[-1].details == {
        "year": year, "threshold": 5, "language": "es", "files": len(export.files)}

    both = stats_service.report_and_quality_unlocked(made.ws, made.admin, year, threshold=4, lang="es")
    assert (both.report, both.quality) == (report, problems)
    entries = _audited(made.ws, "statistics.viewed")
    assert [e.details for e in entries[-2:]] == [{"year": year, "threshold": 4}, {"year": year, "part": "data_quality"}]
    assert [e.user_name for e in entries[-2:]] == [ADMIN_NAME, ADMIN_NAME]
    statistics_staff = stats_service.report_and_quality_unlocked(made.ws, made.stats, year, threshold=4, lang="es")
    assert statistics_staff.quality == problems.without_client_ids() != problems  # counts only
    with made.ws.unit_of_work() as uow:
        assert stats_service.report_and_quality(uow, made.admin, year, threshold=4, lang="es") == both
        uow.commit()
    assert len(_audited(made.ws, "statistics.viewed")) == viewed + 8
    with made.ws.unit_of_work(write=False) as uow:
        assert audit.verify_chain(uow).ok


def test_others_can_save_while_the_figures_are_read(made: Made, monkeypatch: pytest.MonkeyPatch) -> None:
    readings = sf.others_save_while_collecting(monkeypatch, made.ws, made.admin)  # from another thread
    stats_service.annual_report_unlocked(made.ws, made.stats, ANCHOR.year)
    assert readings == [True], "another user could not save while the statistics were read"
    assert _audited(made.ws, "statistics.viewed")[-1].seq > _audited(made.ws, "settings.updated")[-1].seq
    stats_service.report_and_quality_unlocked(made.ws, made.stats, ANCHOR.year)
    assert readings == [True, True]  # one reading for both
    with made.ws.unit_of_work(write=False) as uow:
        assert audit.verify_chain(uow).ok


def test_unlocked_forms_check_first_and_audit_only_what_was_done(made: Made, tmp_path: Path) -> None:
    before = len(_audited(made.ws, "statistics.viewed")), len(_audited(made.ws, "statistics.exported"))
    with pytest.raises(PermissionDenied):
        stats_service.annual_report_unlocked(made.ws, made.counsellor, ANCHOR.year)
    with pytest.raises(PermissionDenied):
        stats_service.data_quality_unlocked(made.ws, made.counsellor, ANCHOR.year)
    with pytest.raises(PermissionDenied):
        stats_service.report_and_quality_unlocked(made.ws, made.counsellor, ANCHOR.year)
    with pytest.raises(ValidationError) as err:
        stats_service.report_and_quality_unlocked(made.ws, made.stats, ANCHOR.year, lang="xx")
    assert set(err.value.errors) == {"lang"}
    with pytest.raises(ValidationError) as err:
        stats_service.export_statistics_unlocked(made.ws, made.stats, 1800, tmp_path / "no", threshold=2, lang="xx")
    assert set(err.value.errors) == {"year", "threshold", "lang"}
    assert not (tmp_path / "no").exists()
    after = len(_audited(made.ws, "statistics.viewed")), len(_audited(made.ws, "statistics.exported"))
    assert after == before
