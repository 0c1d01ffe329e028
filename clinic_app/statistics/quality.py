"""The data-quality check shown before the statistics are exported.

Two parts, over the same records the tables use (consenting clients only):

* **Completeness**: for each item a table publishes, how many records lack it ("not
  recorded", e.g. no intake assessment yet) or say "not known", and the share of both.
  Admission items are checked over the year's admissions, discharge items over the year's
  discharges.
* **Consistency problems**: contradictions in an episode's raw data, found by
  :func:`episode_problems` while :mod:`.collect` has the raw values at hand (the records
  keep only the problem codes, not the dates or ages behind them).

The result counts; it never goes into an exported file.  For the in-app view, where staff
fix records, each problem also lists the internal client ids concerned;
:meth:`QualityReport.without_client_ids` drops them (statistics staff and the command
line get that form).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from clinic_app.codes import NOT_KNOWN
from clinic_app.i18n import tr
from clinic_app.statistics.records import NOT_RECORDED, Dataset, EpisodeRecord, age_on

BIRTH_AFTER_ADMISSION = "birth_after_admission"
FIRST_USE_ABOVE_AGE = "first_use_above_age"
DISCHARGE_BEFORE_ADMISSION = "discharge_before_admission"
DISCHARGED_WITHOUT_REASON = "discharged_without_reason"
DISCHARGED_WITHOUT_DATE = "discharged_without_date"
CHILDREN_CONTRADICTION = "children_contradiction"

PROBLEMS: dict[str, str] = {
    BIRTH_AFTER_ADMISSION: "Date of birth after the admission date",
    FIRST_USE_ABOVE_AGE: "Age at first use above the age at admission",
    DISCHARGE_BEFORE_ADMISSION: "Discharge date before the admission date",
    DISCHARGED_WITHOUT_REASON: "Discharged episode without a discharge reason",
    DISCHARGED_WITHOUT_DATE: "Discharged episode without a discharge date",
    CHILDREN_CONTRADICTION: "Answers about children contradict each other",
}
"""Problem code -> English description (translated with :func:`clinic_app.i18n.tr`)."""

ADMISSIONS = "admissions"
DISCHARGES = "discharges"


def episode_problems(
    *,
    date_of_birth: date,
    admission_date: date,
    discharged: bool,
    discharge_date: date | None,
    discharge_reason: str | None,
    first_use_ages: Sequence[int | None] = (),
    has_children: str | None = None,
    number_of_children: int | None = None,
    living_with_children: str | None = None,
) -> tuple[str, ...]:
    """The consistency problems of one episode's raw values (codes of :data:`PROBLEMS`)."""
    found: list[str] = []
    age = age_on(date_of_birth, admission_date)
    if age is None:
        found.append(BIRTH_AFTER_ADMISSION)
    elif any(a is not None and a > age for a in first_use_ages):
        found.append(FIRST_USE_ABOVE_AGE)
    if discharge_date is not None and discharge_date < admission_date:
        found.append(DISCHARGE_BEFORE_ADMISSION)
    if discharged and discharge_reason is None:
        found.append(DISCHARGED_WITHOUT_REASON)
    if discharged and discharge_date is None:
        found.append(DISCHARGED_WITHOUT_DATE)
    if (
        (has_children == "no" and (number_of_children or 0) > 0)
        or (has_children == "yes" and number_of_children == 0)
        or (has_children == "no" and living_with_children == "yes")
    ):
        found.append(CHILDREN_CONTRADICTION)
    return tuple(found)


@dataclass(frozen=True)
class ItemCompleteness:
    """How complete one item is over its population (``admissions`` or ``discharges``)."""

    item: str
    label: str
    population: str
    total: int
    not_recorded: int
    not_known: int

    @property
    def share_missing(self) -> float | None:
        """Percentage not recorded or not known (``None`` when the population is empty)."""
        if not self.total:
            return None
        return round(100 * (self.not_recorded + self.not_known) / self.total, 1)


@dataclass(frozen=True)
class ProblemCount:
    """How many of the year's episodes have one consistency problem."""

    code: str
    label: str
    count: int
    #: internal client ids, for the in-app view only (empty in :meth:`QualityReport.without_client_ids`)
    client_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class QualityReport:
    year: int
    items: tuple[ItemCompleteness, ...]
    problems: tuple[ProblemCount, ...]

    def without_client_ids(self) -> QualityReport:
        return replace(self, problems=tuple(replace(p, client_ids=()) for p in self.problems))

    @property
    def problem_total(self) -> int:
        return sum(p.count for p in self.problems)


def _intake_item(name: str) -> Callable[[EpisodeRecord], str]:
    """The intake answer ``name`` of an episode, or ``not_recorded`` without an intake."""
    return lambda e: NOT_RECORDED if e.intake is None else str(getattr(e.intake, name))


def _primary_drug(e: EpisodeRecord) -> str:
    if e.intake is None or e.intake.primary_drug is None:
        return NOT_RECORDED
    return e.intake.primary_drug


def _children(e: EpisodeRecord) -> str:
    if e.intake is None:
        return NOT_RECORDED
    if e.intake.number_of_children is None and e.intake.has_children != "no":
        return NOT_KNOWN
    return "known"


_ITEMS: tuple[tuple[str, str, str, Callable[[EpisodeRecord], str]], ...] = (
    ("sex", "Sex", ADMISSIONS, lambda e: e.sex),
    ("age", "Age at admission", ADMISSIONS, lambda e: e.age_band),
    ("referral_source", "Source of referral", ADMISSIONS, lambda e: e.referral_source),
    ("previously_treated", "Previous treatment", ADMISSIONS, lambda e: e.previously_treated),
    ("intake", "Intake assessment", ADMISSIONS, lambda e: NOT_RECORDED if e.intake is None else "known"),
    ("primary_substance", "Primary substance", ADMISSIONS, _primary_drug),
    ("living_with", "Living with", ADMISSIONS, _intake_item("living_with")),
    ("labour_status", "Labour status", ADMISSIONS, _intake_item("labour_status")),
    ("living_with_children", "Living with own children", ADMISSIONS, _intake_item("living_with_children")),
    ("number_of_children", "Number of children", ADMISSIONS, _children),
    ("discharge_reason", "Reason for discharge", DISCHARGES,
     lambda e: NOT_RECORDED if e.discharge_reason is None else e.discharge_reason),
    ("care_plan", "Care plan active at discharge", DISCHARGES, lambda e: "known" if e.plan_goals else NOT_RECORDED),
)


def check(data: Dataset, year: int, lang: str = "en") -> QualityReport:
    """Completeness and consistency of the records behind the tables of ``year``.

    Problems are counted over the episodes admitted or discharged in the year, and over
    every episode admitted by the year's end that was discharged without a date (it cannot
    be placed in any year until the date is entered).
    """
    populations = {
        ADMISSIONS: [e for e in data.episodes if e.admission_year == year],
        DISCHARGES: [e for e in data.episodes if e.discharge_year == year],
    }
    items = []
    for item, label, population, value in _ITEMS:
        values = [value(e) for e in populations[population]]
        items.append(ItemCompleteness(item, tr(label, lang), population, len(values),
                                      values.count(NOT_RECORDED), values.count(NOT_KNOWN)))
    relevant = [
        e for e in data.episodes
        if e.admission_year == year or e.discharge_year == year
        or (DISCHARGED_WITHOUT_DATE in e.problems and e.admission_year <= year)
    ]
    problems = []
    for code, label in PROBLEMS.items():
        hit = [e for e in relevant if code in e.problems]
        problems.append(ProblemCount(code, tr(label, lang), len(hit), tuple(sorted({e.client_id for e in hit}))))
    return QualityReport(year, tuple(items), tuple(problems))


__all__ = [
    "ADMISSIONS",
    "DISCHARGES",
    "ItemCompleteness",
    "PROBLEMS",
    "ProblemCount",
    "QualityReport",
    "check",
    "episode_problems",
]
