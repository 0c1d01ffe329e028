"""The annual tables, built from plain records: populations, categories, figures, and
disclosure control over the whole report (hand-made cases and random data sets)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clinic_app import codes
from clinic_app.statistics.model import COUNT, Report, Table
from clinic_app.statistics.records import (
    NOT_RECORDED,
    TOTAL,
    Barc10Facts,
    CheckupRecord,
    Dataset,
    EpisodeRecord,
    IntakeFacts,
    age_band_of,
    youth_group_of,
)
from clinic_app.statistics.tables import TABLE_ORDER, build_report

YEAR = 2025
INTAKE = IntakeFacts(primary_drug="heroin", living_with="alone", living_with_children="no", has_children="no",
                     number_of_children=0, labour_status="unemployed")


def ep(n: int = 0, *, age: int | None = 30, sex: str = "female", year: int = YEAR, **kw: Any) -> EpisodeRecord:
    base = EpisodeRecord(client_id=n, episode_id=n, admission_year=year, sex=sex, age_band=age_band_of(age),
                         youth_group=youth_group_of(age), referral_source="self", previously_treated="never",
                         intake=INTAKE)
    return replace(base, **kw)


def many(count: int, **kw: Any) -> list[EpisodeRecord]:
    return [ep(**kw) for _ in range(count)]


def report(episodes: list[EpisodeRecord], checkups: tuple[CheckupRecord, ...] = (), excluded: int = 0,
           threshold: int = 3) -> Report:
    return build_report(Dataset(tuple(episodes), checkups, excluded), YEAR, threshold)


def value(table: Table, *coords: str) -> int | float | None:
    cell = table.get(*coords)
    assert not cell.suppressed, f"{table.key}{coords} is hidden"
    return cell.value


# --- admissions ---------------------------------------------------------------------------------


def test_admissions_by_sex_and_age_young_people_and_women() -> None:
    data = (many(6, age=30) + many(4, age=31, sex="male") + many(5, age=16, sex="male") + many(3, age=20)
            + many(4, age=40, year=YEAR - 1))  # last year's admissions are not counted
    r = report(data)
    grid = r.table("admissions_sex_age")
    assert value(grid, "30-34", "female") == 6
    assert value(grid, "30-34", "male") == 4
    assert value(grid, "15-19", "male") == 5
    assert value(grid, "20-24", "female") == 3
    assert value(grid, "40-44", TOTAL) == 0
    assert value(grid, TOTAL, "female") == 9
    assert value(grid, TOTAL, TOTAL) == 18
    assert not grid.any_suppressed

    young = r.table("admissions_young_people")
    assert [value(young, g) for g in ("under_18", "age_18_24", "age_25_plus", "not_known", TOTAL)] == [5, 3, 10, 0, 18]
    assert young.get("under_18").percent == 27.8

    women = r.table("women")
    assert value(women, "admissions", "female") == 9
    assert women.get("admissions", "female").percent == 50.0
    assert value(r.table("key_figures"), "admissions") == 18


def test_unknown_age_is_its_own_category_in_both_age_tables() -> None:
    r = report(many(4, age=None) + many(5, age=50))
    assert value(r.table("admissions_sex_age"), "not_known", TOTAL) == 4
    assert value(r.table("admissions_young_people"), "not_known") == 4


def test_intake_items_by_category_with_not_recorded() -> None:
    crack = replace(INTAKE, primary_drug="crack", living_with="partner", labour_status="employed",
                    has_children="yes", number_of_children=2, living_with_children="yes")
    data = (many(3) + many(4, intake=crack) + many(3, intake=None)
            + many(3, intake=replace(INTAKE, primary_drug=None))
            + many(3, intake=replace(INTAKE, primary_drug="not_known", has_children="yes", number_of_children=None))
            + many(3, intake=replace(INTAKE, primary_drug="alcohol", number_of_children=4, has_children="yes")))
    r = report(data)
    drugs = r.table("primary_substance")
    assert {c.coords[0]: c.value for c in drugs.cells if c.value} == {
        "opioids": 3, "cocaine": 4, "alcohol": 3, codes.NOT_KNOWN: 3, NOT_RECORDED: 6, TOTAL: 19}
    assert value(r.table("living_with"), "partner") == 4
    assert value(r.table("living_with"), NOT_RECORDED) == 3
    assert value(r.table("labour_status"), "employed") == 4
    assert value(r.table("living_with_children"), "yes") == 4
    children = r.table("children")
    assert {c.coords[0]: c.value for c in children.cells if c.value} == {
        "none": 6, "two": 4, "three_plus": 3, codes.NOT_KNOWN: 3, NOT_RECORDED: 3, TOTAL: 19}
    assert value(r.table("key_figures"), "children") == 4 * 2 + 3 * 4


def test_children_total_is_hidden_when_a_children_cell_is_hidden() -> None:
    one_child = replace(INTAKE, has_children="yes", number_of_children=1)
    shown = report(many(6) + many(5, intake=one_child), threshold=5)
    assert value(shown.table("key_figures"), "children") == 5
    hidden = report(many(6) + many(2, intake=one_child) + many(5, intake=replace(one_child, number_of_children=2)),
                    threshold=5)
    assert hidden.table("children").get("one").suppressed
    figure = hidden.table("key_figures").get("children")
    assert figure.suppressed and figure.value is None


# --- discharges -----------------------------------------------------------------------------


def discharged(count: int, reason: str | None, sex: str = "female", **kw: Any) -> list[EpisodeRecord]:
    return many(count, year=YEAR - 1, discharge_year=YEAR, discharge_reason=reason, sex=sex, **kw)


def test_discharges_by_teds_and_ndtms_with_successful_share() -> None:
    data = (discharged(3, "completed_drug_free") + discharged(3, "completed", sex="male")
            + discharged(4, "dropped_out") + discharged(3, "declined") + discharged(3, None)
            + discharged(3, "moved") + many(5, year=YEAR - 1, discharge_year=YEAR - 1, discharge_reason="died"))
    r = report(data)
    teds = r.table("discharges_teds")
    assert {c.coords[0]: c.value for c in teds.cells if c.value} == {
        "completed": 6, "dropped_out": 7, "other": 3, codes.NOT_KNOWN: 3, TOTAL: 19}
    assert teds.get("completed").percent == 31.6
    ndtms = r.table("discharges_ndtms")
    assert {c.coords[0]: c.value for c in ndtms.cells if c.value} == {
        "completed_drug_free": 3, "completed": 3, "dropped_out": 4, "declined": 3, "moved": 3,
        codes.NOT_KNOWN: 3, TOTAL: 19}
    figures = r.table("key_figures")
    assert value(figures, "successful_completions") == 6
    assert figures.get("successful_completions").percent == 31.6
    women = r.table("women")
    assert value(women, "successful_completions", "female") == 3
    assert value(women, "successful_completions", TOTAL) == 6
    assert women.get("successful_completions", "female").percent == 50.0


def test_teds_and_ndtms_hide_the_same_discharges_together() -> None:
    # "terminated" (TEDS) and "withdrawn" (NDTMS) are the same two discharges.
    r = report(discharged(2, "terminated") + discharged(9, "dropped_out") + discharged(8, "completed"), threshold=5)
    teds, ndtms = r.table("discharges_teds"), r.table("discharges_ndtms")
    assert teds.get("terminated").suppressed and ndtms.get("withdrawn").suppressed
    # both tables hide a second cell, and the successful share is not computed from a hidden cell
    assert sum(c.suppressed for c in teds.cells) >= 2 and sum(c.suppressed for c in ndtms.cells) >= 2
    for cell in teds.cells + ndtms.cells:
        assert cell.percent is None or not cell.suppressed


def test_goals_of_the_plan_at_discharge_by_domain_and_status() -> None:
    goals = (("housing", "achieved"), ("housing", "achieved"), ("mental_health", "in_progress"))
    r = report(discharged(3, "completed", plan_goals=goals) + many(4, plan_goals=goals))  # open: not counted
    grid = r.table("care_plan_goals")
    assert value(grid, "housing", "achieved") == 6
    assert value(grid, "mental_health", "in_progress") == 3
    assert value(grid, TOTAL, TOTAL) == 9


# --- check-ups ------------------------------------------------------------------------------


def test_checkups_by_months_and_outcome_with_people_reached() -> None:
    def cu(months: int, outcome: str | None, year: int = YEAR) -> CheckupRecord:
        return CheckupRecord(client_id=1, due_year=year, months_after=months, outcome=outcome)

    checkups = tuple([cu(3, "doing_well")] * 3 + [cu(3, "lost_to_contact")] * 3 + [cu(6, None)] * 4
                     + [cu(12, "declined")] * 3 + [cu(9, "doing_well")] * 5 + [cu(3, "doing_well", YEAR + 1)] * 5)
    r = report([], checkups)
    grid = r.table("checkups")
    assert value(grid, "3", "doing_well") == 3
    assert value(grid, "3", "lost_to_contact") == 3
    assert value(grid, "6", "no_outcome") == 4
    assert value(grid, TOTAL, TOTAL) == 13  # 9-month check-ups and next year's are not counted
    reached = r.table("checkups_reached")
    assert value(reached, "3", "due") == 6 and value(reached, "3", "reached") == 3
    assert reached.get("3", "reached").percent == 50.0
    assert value(reached, "6", "reached") == 0
    assert value(reached, TOTAL, "reached") == 6
    assert value(r.table("key_figures"), "checkups_due") == 13


def test_reached_is_not_shown_when_one_of_its_parts_is_hidden() -> None:
    checkups = tuple([CheckupRecord(1, YEAR, 3, "doing_well")] * 6 + [CheckupRecord(1, YEAR, 3, "declined")] * 2
                     + [CheckupRecord(1, YEAR, 3, "lost_to_contact")] * 7)
    r = report([], checkups, threshold=5)
    assert r.table("checkups").get("3", "declined").suppressed
    cell = r.table("checkups_reached").get("3", "reached")
    assert cell.suppressed and cell.value is None and cell.percent is None


# --- BARC-10 ---------------------------------------------------------------------------------


def test_barc10_change_bands_and_medians() -> None:
    pairs = [(20, 35), (30, 32), (40, 31), (25, 25), (22, 34), (18, 29)]
    data = [ep(i, year=YEAR - 1, barc10=Barc10Facts(a, b, YEAR)) for i, (a, b) in enumerate(pairs)]
    data.append(ep(99, barc10=Barc10Facts(10, 60, YEAR - 1)))  # latest assessment not in the year
    r = report(data, threshold=3)
    change = r.table("barc10_change")  # changes: +15, +2, -9, 0, +12, +11
    assert {c.coords[0]: c.value for c in change.cells} == {
        "down_10_plus": 0, "down_5_9": None, "within_4": None, "up_5_9": 0, "up_10_plus": 3, TOTAL: 6}
    assert change.get("down_5_9").suppressed and change.get("within_4").suppressed
    medians = r.table("barc10_medians")
    assert medians.measure == "median"
    assert value(medians, "intake") == 23.5
    assert value(medians, "latest") == 31.5
    assert value(medians, "change") == 6.5


def test_barc10_medians_need_at_least_threshold_episodes() -> None:
    data = [ep(i, barc10=Barc10Facts(20, 30 + i, YEAR)) for i in range(4)]
    r = report(data, threshold=5)
    assert r.table("barc10_change").get(TOTAL).suppressed
    assert all(c.suppressed and c.value is None for c in r.table("barc10_medians").cells)
    empty = report([], threshold=5).table("barc10_medians")
    assert all(not c.suppressed and c.value is None for c in empty.cells)


# --- whole report ---------------------------------------------------------------------------


def test_excluded_clients_figure_follows_the_threshold() -> None:
    assert report([], excluded=2, threshold=3).table("key_figures").get("excluded_clients").suppressed
    assert value(report([], excluded=7, threshold=3).table("key_figures"), "excluded_clients") == 7


def test_empty_year_gives_every_table_with_zeros() -> None:
    r = report([])
    assert [t.key for t in r.tables] == list(TABLE_ORDER)
    for t in r.tables:
        assert not t.any_suppressed
        if t.measure == COUNT:
            assert all(c.value == 0 for c in t.cells)


def test_codes_outside_a_table_are_a_programming_error() -> None:
    with pytest.raises(ValueError):
        report(many(5, referral_source="carrier_pigeon"))


# --- disclosure over whole reports of random data -----------------------------------------------

YEARS = st.sampled_from([YEAR - 1, YEAR, YEAR, YEAR])
intakes = st.none() | st.builds(
    IntakeFacts,
    primary_drug=st.none() | st.sampled_from(codes.DRUG.codes()),
    living_with=st.sampled_from(codes.LIVING_WITH.codes()),
    living_with_children=st.sampled_from(codes.LIVING_WITH_CHILDREN.codes()),
    has_children=st.sampled_from(codes.HAS_CHILDREN.codes()),
    number_of_children=st.none() | st.integers(0, 5),
    labour_status=st.sampled_from(codes.LABOUR_STATUS.codes()[:3]),
)
episodes = st.builds(
    lambda age, sex, year, referral, intake, dyear, reason, goals, barc: EpisodeRecord(
        client_id=0, episode_id=0, admission_year=year, sex=sex, age_band=age_band_of(age),
        youth_group=youth_group_of(age), referral_source=referral, previously_treated="yes", intake=intake,
        discharge_year=dyear, discharge_reason=reason if dyear else None, plan_goals=goals if dyear else (),
        barc10=barc),
    st.none() | st.integers(12, 70), st.sampled_from(codes.SEX.codes()), YEARS,
    st.sampled_from(("self", "gp", "justice")), intakes, st.none() | YEARS,
    st.none() | st.sampled_from(codes.DISCHARGE_REASON.codes()),
    st.lists(st.tuples(st.sampled_from(codes.RECOVERY_DOMAIN.codes()[:3]), st.sampled_from(codes.GOAL_STATUS.codes())),
             max_size=3).map(tuple),
    st.none() | st.builds(Barc10Facts, st.integers(10, 60), st.integers(10, 60), YEARS),
)
checkups = st.builds(CheckupRecord, st.just(0), YEARS, st.sampled_from((3, 6, 9, 12, 24)),
                     st.none() | st.sampled_from(codes.CHECKUP_OUTCOME.codes()))


def assert_report_protected(r: Report) -> None:
    t = r.threshold
    for table in r.tables:
        for cell in table.cells:
            if table.measure == COUNT and cell.value is not None:
                assert not 0 < cell.value < t, f"{table.key}{cell.coords}={cell.value} below threshold {t}"
            assert (cell.value is None) >= cell.suppressed, f"{table.key}{cell.coords} hidden but has a value"
            if cell.suppressed:
                assert cell.percent is None
        for line in table.lines():
            hidden = sum(table.get(*coords).suppressed for coords in line)
            assert hidden != 1, f"{table.key}: line {line} has exactly one hidden cell"
    # the same figure is hidden or shown alike wherever it appears
    grid, figures = r.table("admissions_sex_age"), r.table("key_figures")
    totals = [r.table(k).get(TOTAL) for k in ("admissions_young_people", "primary_substance", "referral_source",
                                              "previously_treated", "living_with", "labour_status",
                                              "living_with_children", "children")]
    assert {(c.value, c.suppressed) for c in totals + [grid.get(TOTAL, TOTAL), figures.get("admissions")]} \
        == {(grid.get(TOTAL, TOTAL).value, grid.get(TOTAL, TOTAL).suppressed)}
    for sex in codes.SEX.codes():
        shared, own = r.table("women").get("admissions", sex), grid.get(TOTAL, sex)
        assert (shared.value, shared.suppressed) == (own.value, own.suppressed)
    n = r.table("barc10_change").get(TOTAL)
    for cell in r.table("barc10_medians").cells:
        assert cell.value is None or (n.value is not None and n.value >= t)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(episodes, max_size=60), st.lists(checkups, max_size=30), st.integers(0, 6), st.integers(3, 6))
def test_property_no_published_figure_is_small_or_recoverable(
        eps: list[EpisodeRecord], cks: list[CheckupRecord], excluded: int, threshold: int) -> None:
    r = build_report(Dataset(tuple(eps), tuple(cks), excluded), YEAR, threshold)
    assert_report_protected(r)
