"""The data-quality check: consistency rules on raw values, completeness shares, client ids."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from clinic_app.statistics import quality
from clinic_app.statistics.records import Dataset, EpisodeRecord, IntakeFacts

YEAR = 2025
INTAKE = IntakeFacts("heroin", "alone", "no", "no", 0, "employed")


def problems(**overrides: Any) -> tuple[str, ...]:
    values: dict[str, Any] = dict(date_of_birth=date(1990, 6, 1), admission_date=date(2025, 3, 1), discharged=False,
                                  discharge_date=None, discharge_reason=None)
    return quality.episode_problems(**{**values, **overrides})


def test_clean_episode_has_no_problem() -> None:
    assert problems() == ()
    assert problems(discharged=True, discharge_date=date(2025, 4, 1), discharge_reason="completed",
                    first_use_ages=[16, None, 34], has_children="yes", number_of_children=2,
                    living_with_children="yes") == ()


@pytest.mark.parametrize(("overrides", "expected"), [
    ({"date_of_birth": date(2025, 3, 2)}, quality.BIRTH_AFTER_ADMISSION),
    ({"first_use_ages": [14, 35]}, quality.FIRST_USE_ABOVE_AGE),  # aged 34 on admission
    ({"discharged": True, "discharge_date": date(2025, 2, 28), "discharge_reason": "completed"},
     quality.DISCHARGE_BEFORE_ADMISSION),
    ({"discharged": True, "discharge_date": date(2025, 4, 1)}, quality.DISCHARGED_WITHOUT_REASON),
    ({"discharged": True, "discharge_reason": "moved"}, quality.DISCHARGED_WITHOUT_DATE),
    ({"has_children": "no", "number_of_children": 2}, quality.CHILDREN_CONTRADICTION),
    ({"has_children": "yes", "number_of_children": 0}, quality.CHILDREN_CONTRADICTION),
    ({"has_children": "no", "living_with_children": "yes"}, quality.CHILDREN_CONTRADICTION),
])
def test_each_consistency_rule(overrides: dict[str, Any], expected: str) -> None:
    assert problems(**overrides) == (expected,)


def test_first_use_at_the_age_of_admission_is_fine() -> None:
    assert problems(first_use_ages=[34]) == ()


def ep(client: int, **kw: Any) -> EpisodeRecord:
    base = EpisodeRecord(client_id=client, episode_id=client, admission_year=YEAR, sex="female", age_band="30-34",
                         youth_group="age_25_plus", referral_source="self", previously_treated="yes", intake=INTAKE)
    return replace(base, **kw)


def test_check_counts_missing_and_not_known_and_lists_clients() -> None:
    data = Dataset((
        ep(1),
        ep(2, sex="not_known", intake=None),
        ep(3, referral_source="not_known", intake=replace(INTAKE, primary_drug=None, living_with="not_known")),
        ep(4, admission_year=YEAR - 1, discharge_year=YEAR, discharge_reason=None,
           problems=(quality.DISCHARGED_WITHOUT_REASON,)),
        ep(5, admission_year=YEAR - 1, discharge_year=YEAR, discharge_reason="completed",
           plan_goals=(("housing", "achieved"),), problems=(quality.FIRST_USE_ABOVE_AGE,)),
        ep(6, admission_year=YEAR - 3, problems=(quality.DISCHARGED_WITHOUT_DATE,)),
        ep(7, admission_year=YEAR - 3, problems=(quality.FIRST_USE_ABOVE_AGE,)),  # not in this year
    ), ())
    q = quality.check(data, YEAR)
    items = {i.item: i for i in q.items}
    assert (items["sex"].total, items["sex"].not_known, items["sex"].share_missing) == (3, 1, 33.3)
    assert (items["intake"].not_recorded, items["intake"].not_known) == (1, 0)
    assert (items["primary_substance"].not_recorded, items["primary_substance"].share_missing) == (2, 66.7)
    assert (items["living_with"].not_recorded, items["living_with"].not_known) == (1, 1)
    assert items["referral_source"].share_missing == 33.3
    assert (items["discharge_reason"].total, items["discharge_reason"].not_recorded) == (2, 1)
    assert items["care_plan"].share_missing == 50.0
    found = {p.code: p for p in q.problems}
    assert found[quality.DISCHARGED_WITHOUT_REASON].client_ids == (4,)
    assert found[quality.FIRST_USE_ABOVE_AGE].count == 1 and found[quality.FIRST_USE_ABOVE_AGE].client_ids == (5,)
    assert found[quality.DISCHARGED_WITHOUT_DATE].client_ids == (6,)
    assert q.problem_total == 3

    counts_only = q.without_client_ids()
    assert all(p.client_ids == () for p in counts_only.problems)
    assert [p.count for p in counts_only.problems] == [p.count for p in q.problems]


def test_empty_population_has_no_share_and_labels_are_translated() -> None:
    q = quality.check(Dataset((), ()), YEAR, "es")
    sex = next(i for i in q.items if i.item == "sex")
    assert sex.total == 0 and sex.share_missing is None
    assert sex.label == "Sexo"
    assert next(p for p in q.problems if p.code == quality.DISCHARGE_BEFORE_ADMISSION).label.startswith("Fecha de alta")
