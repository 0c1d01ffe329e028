"""Reading the database into anonymised records: which rows, reduced how, and who is left out.

Rows are inserted directly (``records_factory`` and ``statistics_factory``).  The team's
database is shared by the tests of this module, so each test uses its own reporting year.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date

from records_factory import Team, add_intake, make_client, make_episode, module_team

import statistics_factory as sf
from clinic_app.statistics.collect import collect, plan_at_discharge, withdrew_statistics_consent
from clinic_app.statistics.records import Barc10Facts, EpisodeRecord, IntakeFacts

team = module_team()


def _collect(team: Team, year: int):  # noqa: ANN202 - a Dataset
    with team.ws.unit_of_work(write=False) as uow:
        return collect(uow, year)


def _flatten(value: object) -> list[object]:
    if is_dataclass(value) and not isinstance(value, type):
        return [x for f in fields(value) for x in _flatten(getattr(value, f.name))]
    if isinstance(value, tuple):
        return [x for item in value for x in _flatten(item)]
    return [value]


def test_rows_become_anonymised_episode_records(team: Team) -> None:
    client, episode = make_client(team.ws, given_names="Íñigo", family_name="Muñoz Peña", sex="male",
                                  date_of_birth=date(1990, 7, 1), admission_date=date(2016, 3, 10))
    add_intake(team.ws, episode, substances=(("heroin", "inject", "daily", 19), ("cannabis", "smoke_inhale",
                                                                             "daily", 15)),
               living_with="partner", has_children="yes", number_of_children=2, living_with_children="yes",
               labour_status="employed", notes="Secret intake note")
    sf.discharge(team.ws, episode, date(2016, 9, 1), "completed")
    sf.care_plan(team.ws, episode, 1, [("housing", "in_progress")], activated=date(2016, 3, 15),
                 superseded=date(2016, 6, 1))
    sf.care_plan(team.ws, episode, 2, [("housing", "achieved"), ("legal", "dropped")], activated=date(2016, 6, 1))
    sf.care_plan(team.ws, episode, 3, [("education", "not_started")], activated=None)
    sf.barc10(team.ws, client, date(2016, 3, 10), 20, episode, context="intake")
    sf.barc10(team.ws, client, date(2016, 8, 1), 30, episode)
    sf.barc10(team.ws, client, date(2017, 1, 5), 50, episode)  # after the year: not the latest of 2016

    data = _collect(team, 2016)
    (record,) = [e for e in data.episodes if e.episode_id == episode]
    assert record == EpisodeRecord(
        client_id=client, episode_id=episode, admission_year=2016, sex="male", age_band="25-29",
        youth_group="age_25_plus", referral_source="self", previously_treated="yes",
        intake=IntakeFacts(primary_drug="heroin", living_with="partner", living_with_children="yes",
                           has_children="yes", number_of_children=2, labour_status="employed"),
        discharge_year=2016, discharge_reason="completed",
        plan_goals=(("housing", "achieved"), ("legal", "dropped")),
        barc10=Barc10Facts(intake_total=20, latest_total=30, latest_year=2016),
        problems=(),
    )
    # nothing finer than a year, no text typed by people
    flat = _flatten(record)
    assert not any(isinstance(v, date) for v in flat)
    assert not {"Íñigo", "Muñoz Peña", "Secret intake note"} & {v for v in flat if isinstance(v, str)}
    later = {e.episode_id: e.barc10 for e in _collect(team, 2017).episodes}
    assert later[episode] == Barc10Facts(20, 50, 2017)


def test_unlinked_barc10_belongs_to_the_latest_episode_admitted_before_it(team: Team) -> None:
    client, first = make_client(team.ws, admission_date=date(2012, 2, 1))
    sf.discharge(team.ws, first, date(2013, 1, 10), "dropped_out")
    second = make_episode(team.ws, client, admission_date=date(2013, 6, 1))
    sf.barc10(team.ws, client, date(2012, 3, 1), 15)  # first episode
    sf.barc10(team.ws, client, date(2012, 9, 1), 19)
    sf.barc10(team.ws, client, date(2013, 6, 2), 25)  # second episode
    sf.barc10(team.ws, client, date(2013, 11, 2), 33)
    by_episode = {e.episode_id: e.barc10 for e in _collect(team, 2013).episodes}
    assert by_episode[first] == Barc10Facts(15, 19, 2012)
    assert by_episode[second] == Barc10Facts(25, 33, 2013)


def test_checkups_of_the_year_without_cancelled_ones(team: Team) -> None:
    client, episode = make_client(team.ws, admission_date=date(2010, 1, 5))
    sf.discharge(team.ws, episode, date(2010, 6, 1), "completed")
    sf.checkup(team.ws, client, episode, 3, date(2010, 9, 1), outcome="doing_well", notes="Met at the café")
    sf.checkup(team.ws, client, episode, 6, date(2010, 12, 1))
    sf.checkup(team.ws, client, episode, 9, date(2011, 3, 1), status="cancelled")
    sf.checkup(team.ws, client, episode, 12, date(2011, 6, 1), outcome="lost_to_contact")
    checkups = _collect(team, 2010).checkups
    assert [(c.months_after, c.due_year, c.outcome) for c in checkups] == [(3, 2010, "doing_well"), (6, 2010, None)]
    assert [(c.months_after, c.outcome) for c in _collect(team, 2011).checkups] == [(12, "lost_to_contact")]


def test_withdrawn_statistics_consent_leaves_the_client_out(team: Team) -> None:
    out, out_episode = make_client(team.ws, admission_date=date(2008, 2, 1))
    sf.consent(team.ws, out, "statistics", date(2008, 2, 1), withdrawn=date(2008, 5, 1))
    sf.discharge(team.ws, out_episode, date(2008, 4, 1), "completed")
    sf.checkup(team.ws, out, out_episode, 3, date(2008, 7, 1), outcome="doing_well")
    back, back_episode = make_client(team.ws, admission_date=date(2008, 2, 2))
    sf.consent(team.ws, back, "statistics", date(2008, 2, 2), withdrawn=date(2008, 3, 1))
    sf.consent(team.ws, back, "statistics", date(2008, 4, 1))
    other_kind, other_episode = make_client(team.ws, admission_date=date(2008, 2, 3))
    sf.consent(team.ws, other_kind, "treatment", date(2008, 2, 3), withdrawn=date(2008, 3, 1))
    # still open in 2008, but admitted in 2005: read, yet in none of 2008's tables
    earlier, _ = make_client(team.ws, admission_date=date(2005, 2, 3))
    sf.consent(team.ws, earlier, "statistics", date(2005, 2, 3), withdrawn=date(2005, 3, 1))

    data = _collect(team, 2008)
    clients = {e.client_id for e in data.episodes} | {c.client_id for c in data.checkups}
    assert out not in clients and earlier not in clients
    assert {back, other_kind} <= clients
    assert data.excluded_clients == 1  # the open 2005 episode does not count in 2008's tables
    assert {e.episode_id for e in data.episodes} >= {back_episode, other_episode}


def test_consent_rule() -> None:
    d = date
    assert not withdrew_statistics_consent([])
    assert not withdrew_statistics_consent([(d(2020, 1, 1), None)])
    assert withdrew_statistics_consent([(d(2020, 1, 1), d(2021, 1, 1))])
    assert not withdrew_statistics_consent([(d(2020, 1, 1), d(2021, 1, 1)), (d(2021, 1, 1), None)])
    assert withdrew_statistics_consent([(d(2020, 1, 1), d(2021, 1, 1)), (d(2021, 2, 1), d(2021, 3, 1))])
    assert withdrew_statistics_consent([(d(2020, 1, 1), d(2021, 1, 1)), (d(2019, 1, 1), None)])


def test_plan_at_discharge_rule() -> None:
    d = date
    plans = [(1, 1, d(2020, 1, 1), d(2020, 3, 1)), (2, 2, d(2020, 3, 1), None), (3, 3, None, None)]
    assert plan_at_discharge(plans, d(2020, 2, 1)) == 1
    assert plan_at_discharge(plans, d(2020, 3, 1)) == 2  # superseded that day: the new one was active
    assert plan_at_discharge(plans[:1], d(2021, 1, 1)) == 1  # fallback: the latest activated version
    assert plan_at_discharge(plans[2:], d(2020, 2, 1)) is None
