"""The annual tables, built from anonymised records and protected before they are returned.

:func:`build_report` is a pure function: records in, a protected :class:`~.model.Report`
out.  The raw counts never leave this module; every table goes through
:func:`clinic_app.statistics.disclosure.protect` together with every other table, because
several tables publish the same figure (the number of admissions is the total of ten
tables) or figures tied to each other (TEDS and NDTMS groups of the same discharges, the
young-people groups and the TDI age bands of the same admissions).  Such figures are one
shared cell, and such ties are relations, so a hidden figure stays hidden in every table.

Populations (TDI counts treatment entrants):

* **Admissions**: episodes of care whose admission date is in the year, counted per
  episode (a person with two treatment entries in a year counts twice, as in the TDI).
  Age is the age on the admission date.  Intake items of an episode without an intake
  assessment are counted as "Not recorded", so every admissions table adds up to the
  same total.  The primary substance is tabulated by TDI drug group: a table of single
  substances beside it would let hidden substances be worked out from the group totals.
* **Discharges**: episodes whose discharge date is in the year, by TEDS and by NDTMS
  group.  A discharge with no reason recorded counts as "not known" (and is listed by the
  data-quality check).  A successful completion is an NDTMS "completed" reason
  (= TEDS "completed").
* **Women**: female admissions and female successful completions as a share of all;
  sex is the TDI "sex" item.
* **Children**: the number of children from the intake.  The total number of children of
  the clients admitted is published only when no cell of the children table is hidden
  (with a hidden cell the sum could narrow it down).
* **Care-plan goals**: goals of the plan that was active at discharge, episodes discharged
  in the year; a count of goals, not of people.
* **Check-ups**: check-ups falling due in the year at 3, 6, 12 and 24 months (cancelled
  ones left out), by outcome; "no outcome recorded yet" while open.  A person is reached
  when the outcome is "doing well", "needs support", "re-linked to treatment" or
  "declined"; the "reached" figures are computed from published cells only.
* **BARC-10**: episodes whose latest assessment up to 31 December was taken in the year
  and that have an earlier (first, normally the intake) assessment: medians at intake, at
  the latest assessment and of the change, and the change in bands of 5 points.  Medians
  are published only when their number of episodes is published (at least the threshold).
"""

from __future__ import annotations

import statistics as pystats
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from clinic_app import codes
from clinic_app.codes import NOT_KNOWN
from clinic_app.statistics import disclosure
from clinic_app.statistics.model import (
    DERIVED,
    FIGURES,
    GRID,
    LIST,
    MEDIAN,
    ROWS,
    VALUES,
    Cell,
    Dimension,
    Report,
    Table,
)
from clinic_app.statistics.records import (
    NOT_RECORDED,
    REPORTED_CHECKUP_MONTHS,
    TOTAL,
    YOUTH_GROUPS,
    Dataset,
    EpisodeRecord,
    checkup_counts_in,
)

ADMISSIONS_TOTAL = "admissions/total"
DISCHARGES_TOTAL = "discharges/total"

EPISODES = "episodes of care"
GOALS = "care-plan goals"
CHECKUPS = "check-ups"

# --- dimensions -------------------------------------------------------------------------------

AGE_BAND = Dimension(
    "age_band", "Age group", codes.AGE_BANDS + (NOT_KNOWN,),
    own_labels=tuple((band, band.replace("-", "–")) for band in codes.AGE_BANDS[1:-1])
    + (("<15", "Under 15"), ("65+", "65 and over")),
)
SEX = Dimension("sex", "Sex", codes.SEX.codes(), code_list="sex")
YOUTH = Dimension("youth_group", "Age group", YOUTH_GROUPS, own_labels=(
    ("under_18", "Under 18"), ("age_18_24", "18–24"), ("age_25_plus", "25 and over"),
))
WOMEN_ROW = Dimension("population", "Population", ("admissions", "successful_completions"), own_labels=(
    ("admissions", "Admissions"), ("successful_completions", "Successful completions"),
))
DRUG_GROUP = Dimension("drug_group", "Primary substance (drug group)",
                       codes.DRUG_GROUP.codes() + (NOT_KNOWN, NOT_RECORDED), code_list="drug_group")
REFERRAL = Dimension("referral_source", "Source of referral", codes.REFERRAL_SOURCE.codes(),
                     code_list="referral_source")
PREVIOUS = Dimension("previously_treated", "Previous treatment", codes.PREVIOUSLY_TREATED.codes(),
                     code_list="previously_treated")
LIVING_WITH = Dimension("living_with", "Living with", codes.LIVING_WITH.codes() + (NOT_RECORDED,),
                        code_list="living_with")
LABOUR = Dimension("labour_status", "Labour status", codes.LABOUR_STATUS.codes() + (NOT_RECORDED,),
                   code_list="labour_status")
WITH_CHILDREN = Dimension("living_with_children", "Living with own children",
                          codes.LIVING_WITH_CHILDREN.codes() + (NOT_RECORDED,), code_list="living_with_children")
CHILDREN = Dimension("children", "Number of children",
                     ("none", "one", "two", "three_plus", NOT_KNOWN, NOT_RECORDED), own_labels=(
                         ("none", "No children"), ("one", "1"), ("two", "2"), ("three_plus", "3 or more"),
                     ))
TEDS = Dimension("teds_group", "Reason for discharge (TEDS)", codes.TEDS_GROUP.codes(), code_list="teds_group")
NDTMS = Dimension("ndtms_group", "Discharge outcome (NDTMS)", codes.NDTMS_GROUP.codes(), code_list="ndtms_group")
DOMAIN = Dimension("recovery_domain", "Recovery domain", codes.RECOVERY_DOMAIN.codes(), code_list="recovery_domain")
GOAL_STATUS = Dimension("goal_status", "Goal status", codes.GOAL_STATUS.codes(), code_list="goal_status")
MONTHS = Dimension("months_after", "Months after discharge", tuple(str(m) for m in REPORTED_CHECKUP_MONTHS),
                   own_labels=tuple((str(m), f"{m} months") for m in REPORTED_CHECKUP_MONTHS))
NO_OUTCOME = "no_outcome"
OUTCOME = Dimension("checkup_outcome", "Outcome", codes.CHECKUP_OUTCOME.codes() + (NO_OUTCOME,),
                    code_list="checkup_outcome", own_labels=((NO_OUTCOME, "No outcome recorded yet"),))
REACHED_OUTCOMES: tuple[str, ...] = ("doing_well", "needs_support", "relinked_to_treatment", "declined")
REACH = Dimension("measure", "Check-ups", ("due", "reached"), own_labels=(
    ("due", "Due"), ("reached", "Reached"),
))
BARC_CHANGE = Dimension("barc10_change", "Change in BARC-10 total",
                        ("down_10_plus", "down_5_9", "within_4", "up_5_9", "up_10_plus"), own_labels=(
                            ("down_10_plus", "Fell by 10 or more"), ("down_5_9", "Fell by 5 to 9"),
                            ("within_4", "Changed by 4 or less"), ("up_5_9", "Rose by 5 to 9"),
                            ("up_10_plus", "Rose by 10 or more"),
                        ))
BARC_MEDIAN = Dimension("measure", "BARC-10 total (10–60)", ("intake", "latest", "change"), own_labels=(
    ("intake", "Median at intake"), ("latest", "Median at the latest assessment"),
    ("change", "Median change"),
))
FIGURE = Dimension("figure", "Figure", (
    "admissions", "discharges", "successful_completions", "checkups_due", "children", "excluded_clients",
), own_labels=(
    ("admissions", "Admissions (episodes of care started)"),
    ("discharges", "Discharges (episodes of care ended)"),
    ("successful_completions", "Successful completions"),
    ("checkups_due", "Recovery check-ups due"),
    ("children", "Children of the clients admitted"),
    ("excluded_clients", "Clients left out: consent to statistics withdrawn"),
))

_POP_ADMISSIONS = "Episodes of care admitted in {year}"
_POP_DISCHARGES = "Episodes of care discharged in {year}"


def _children_band(record: EpisodeRecord) -> str:
    intake = record.intake
    if intake is None:
        return NOT_RECORDED
    n = intake.number_of_children
    if n is None:
        return "none" if intake.has_children == "no" else NOT_KNOWN
    return ("none", "one", "two")[n] if n < 3 else "three_plus"


def _drug_group(record: EpisodeRecord) -> str:
    if record.intake is None or record.intake.primary_drug is None:
        return NOT_RECORDED
    drug = codes.DRUG.get(record.intake.primary_drug)
    if drug is None:
        raise ValueError(f"unknown primary drug code {record.intake.primary_drug!r}")
    return drug.group or NOT_KNOWN


def _barc_band(change: int) -> str:
    if change <= -10:
        return "down_10_plus"
    if change <= -5:
        return "down_5_9"
    if change < 5:
        return "within_4"
    return "up_5_9" if change < 10 else "up_10_plus"


# --- the builder ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _CellSpec:
    coords: tuple[str, ...]
    cid: str
    percent_of: str | None = None


@dataclass(frozen=True)
class _TableSpec:
    key: str
    title: str
    population: str
    unit: str
    shape: str
    dimensions: tuple[Dimension, ...]
    cells: tuple[_CellSpec, ...]
    note: str = ""
    with_percent: bool = False


class _Builder:
    """Collects cells (shared by name), relations and table layouts."""

    def __init__(self) -> None:
        self.values: dict[str, int] = {}
        self.relations: list[disclosure.Relation] = []
        self.specs: list[_TableSpec] = []

    def set(self, cid: str, value: int) -> str:
        old = self.values.setdefault(cid, value)
        if old != value:
            raise ValueError(f"shared cell {cid!r} computed as both {old} and {value}")
        return cid

    def relate(self, parts: Iterable[str], totals: Iterable[str]) -> None:
        self.relations.append(disclosure.Relation(tuple(parts), tuple(totals)))

    def list_table(self, key: str, title: str, population: str, unit: str, dim: Dimension,
                   counts: Mapping[str, int], total_id: str, shared: Mapping[str, str] | None = None) -> None:
        _check_codes(key, counts, dim.codes)
        shared = shared or {}
        ids = [self.set(shared.get(code, f"{key}/{code}"), counts.get(code, 0)) for code in dim.codes]
        self.set(total_id, sum(counts.values()))
        self.relate(ids, (total_id,))
        cells = tuple(_CellSpec((code,), cid, total_id) for code, cid in zip(dim.codes, ids))
        self.specs.append(_TableSpec(key, title, population, unit, LIST, (dim,),
                                     cells + (_CellSpec((TOTAL,), total_id),), with_percent=True))

    def grid_table(self, key: str, title: str, population: str, unit: str, rows: Dimension, cols: Dimension,
                   counts: Mapping[tuple[str, str], int], grand_id: str) -> None:
        _check_codes(key, {r for r, _ in counts}, rows.codes)
        _check_codes(key, {c for _, c in counts}, cols.codes)
        row_codes, col_codes = rows.codes + (TOTAL,), cols.codes + (TOTAL,)
        cid = {(r, c): f"{key}/{r}/{c}" for r in row_codes for c in col_codes}
        cid[TOTAL, TOTAL] = grand_id
        for r in rows.codes:
            for c in cols.codes:
                self.set(cid[r, c], counts.get((r, c), 0))
        for r in rows.codes:
            self.set(cid[r, TOTAL], sum(counts.get((r, c), 0) for c in cols.codes))
        for c in cols.codes:
            self.set(cid[TOTAL, c], sum(counts.get((r, c), 0) for r in rows.codes))
        self.set(grand_id, sum(counts.values()))
        for r in row_codes:
            self.relate((cid[r, c] for c in cols.codes), (cid[r, TOTAL],))
        for c in col_codes:
            self.relate((cid[r, c] for r in rows.codes), (cid[TOTAL, c],))
        cells = tuple(_CellSpec((r, c), cid[r, c]) for r in row_codes for c in col_codes)
        self.specs.append(_TableSpec(key, title, population, unit, GRID, (rows, cols), cells))

    def publish(self, suppressed: frozenset[str]) -> dict[str, Table]:
        def published(cid: str | None) -> int | None:
            return None if cid is None or cid in suppressed else self.values[cid]

        tables: dict[str, Table] = {}
        for spec in self.specs:
            cells = []
            for cs in spec.cells:
                value, base = published(cs.cid), published(cs.percent_of)
                percent = round(100 * value / base, 1) if value is not None and base else None
                cells.append(Cell(cs.coords, value, cs.cid in suppressed, percent))
            tables[spec.key] = Table(spec.key, spec.title, spec.population, spec.unit, spec.shape,
                                     spec.dimensions, tuple(cells), note=spec.note, with_percent=spec.with_percent)
        return tables


def _check_codes(key: str, found: Iterable[str], allowed: Sequence[str]) -> None:
    unknown = sorted(set(found) - set(allowed))
    if unknown:
        raise ValueError(f"table {key}: codes outside the table's categories: {unknown}")


def _cid(key: str, *coords: str) -> str:
    return "/".join((key,) + coords)


# --- the tables -----------------------------------------------------------------------------


def _admissions(b: _Builder, admitted: Sequence[EpisodeRecord]) -> None:
    key = "admissions_sex_age"
    b.grid_table(key, "Admissions by age group and sex",
                 "Episodes of care admitted in {year}; age on the admission date", EPISODES, AGE_BAND, SEX,
                 Counter((e.age_band, e.sex) for e in admitted), ADMISSIONS_TOTAL)

    young = Counter(e.youth_group for e in admitted)
    b.list_table("admissions_young_people", "Young people admitted",
                 "Episodes of care admitted in {year}; age on the admission date", EPISODES, YOUTH, young,
                 ADMISSIONS_TOTAL, shared={NOT_KNOWN: _cid(key, NOT_KNOWN, TOTAL)})
    bands = codes.AGE_BANDS
    b.relate((_cid(key, band, TOTAL) for band in bands[:3]),
             (_cid("admissions_young_people", "under_18"), _cid("admissions_young_people", "age_18_24")))
    b.relate((_cid(key, band, TOTAL) for band in bands[3:]), (_cid("admissions_young_people", "age_25_plus"),))

    for list_key, title, dim, value in (
        ("primary_substance", "Admissions by primary substance", DRUG_GROUP, _drug_group),
        ("referral_source", "Admissions by source of referral", REFERRAL, lambda e: e.referral_source),
        ("previously_treated", "Admissions by previous treatment", PREVIOUS, lambda e: e.previously_treated),
        ("living_with", "Admissions by living situation (with whom)", LIVING_WITH,
         lambda e: e.intake.living_with if e.intake else NOT_RECORDED),
        ("labour_status", "Admissions by labour status", LABOUR,
         lambda e: e.intake.labour_status if e.intake else NOT_RECORDED),
        ("living_with_children", "Admissions by living with own children", WITH_CHILDREN,
         lambda e: e.intake.living_with_children if e.intake else NOT_RECORDED),
        ("children", "Admissions by number of children", CHILDREN, _children_band),
    ):
        b.list_table(list_key, title, _POP_ADMISSIONS, EPISODES, dim, Counter(value(e) for e in admitted),
                     ADMISSIONS_TOTAL)


def _discharges(b: _Builder, discharged: Sequence[EpisodeRecord]) -> None:
    reasons = [codes.discharge_reason(e.discharge_reason or NOT_KNOWN) for e in discharged]
    b.list_table("discharges_teds", "Discharges by reason (TEDS groups)", _POP_DISCHARGES, EPISODES, TEDS,
                 Counter(r.teds for r in reasons), DISCHARGES_TOTAL)
    b.list_table("discharges_ndtms", "Discharges by outcome (NDTMS groups)", _POP_DISCHARGES, EPISODES, NDTMS,
                 Counter(r.ndtms for r in reasons), DISCHARGES_TOTAL)
    # TEDS and NDTMS group the same reasons: link the groups that share reasons.
    for teds_groups, ndtms_groups in _linked_groups():
        b.relate((_cid("discharges_teds", g) for g in teds_groups),
                 (_cid("discharges_ndtms", g) for g in ndtms_groups))

    goals = Counter(goal for e in discharged for goal in e.plan_goals)
    b.grid_table("care_plan_goals", "Care-plan goals at discharge by domain and status",
                 "Goals of the care plan active at discharge, episodes of care discharged in {year}",
                 GOALS, DOMAIN, GOAL_STATUS, goals, "care_plan_goals/total/total")


def _linked_groups() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Sets of TEDS groups and NDTMS groups that hold exactly the same discharge reasons."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for r in codes.DISCHARGE_REASONS:
        parent[find("t:" + r.teds)] = find("n:" + r.ndtms)
    components: dict[str, list[str]] = {}
    for node in parent:
        components.setdefault(find(node), []).append(node)
    return [
        (tuple(n[2:] for n in sorted(group) if n[0] == "t"), tuple(n[2:] for n in sorted(group) if n[0] == "n"))
        for group in components.values()
    ]


def _women(b: _Builder, discharged: Sequence[EpisodeRecord]) -> None:
    key = "women"
    successful = Counter(e.sex for e in discharged if codes.is_successful(e.discharge_reason or NOT_KNOWN))
    _check_codes(key, successful, SEX.codes)
    completed_total = _cid("discharges_teds", "completed")
    cells: list[_CellSpec] = []
    for row, total_id in (("admissions", ADMISSIONS_TOTAL), ("successful_completions", completed_total)):
        ids = []
        for sex in SEX.codes:
            if row == "admissions":
                cid = _cid("admissions_sex_age", TOTAL, sex)
            else:
                cid = b.set(_cid(key, row, sex), successful.get(sex, 0))
            ids.append(cid)
            cells.append(_CellSpec((row, sex), cid, total_id))
        cells.append(_CellSpec((row, TOTAL), total_id))
        b.relate(ids, (total_id,))
    b.specs.append(_TableSpec(key, "Women among admissions and successful completions",
                              "Episodes of care admitted in {year}, and episodes discharged in {year} "
                              "with a successful completion", EPISODES, ROWS, (WOMEN_ROW, SEX), tuple(cells),
                              with_percent=True))


def _checkups(b: _Builder, data: Dataset, year: int) -> None:
    due = [c for c in data.checkups if checkup_counts_in(c, year)]
    b.grid_table("checkups", "Recovery check-ups by months after discharge and outcome",
                 "Check-ups due in {year} at 3, 6, 12 and 24 months after discharge (cancelled ones left out)",
                 CHECKUPS, MONTHS, OUTCOME, Counter((str(c.months_after), c.outcome or NO_OUTCOME) for c in due),
                 "checkups/total/total")


def _barc10(b: _Builder, data: Dataset, year: int) -> list[tuple[int, int]]:
    pairs = [(e.barc10.intake_total, e.barc10.latest_total) for e in data.episodes
             if e.barc10 is not None and e.barc10.latest_year == year]
    b.list_table("barc10_change", "Change in recovery capital (BARC-10) since the first assessment",
                 "Episodes of care whose latest BARC-10 up to the end of {year} was taken in {year}, "
                 "compared with their first", EPISODES, BARC_CHANGE,
                 Counter(_barc_band(latest - first) for first, latest in pairs), "barc10_change/total")
    return pairs


def _key_figures(b: _Builder, data: Dataset, admitted: Sequence[EpisodeRecord]) -> None:
    children = sum(e.intake.number_of_children or 0 for e in admitted if e.intake is not None)
    ids = {
        "admissions": ADMISSIONS_TOTAL,
        "discharges": DISCHARGES_TOTAL,
        "successful_completions": _cid("discharges_teds", "completed"),
        "checkups_due": "checkups/total/total",
        "children": b.set("key_figures/children", children),
        "excluded_clients": b.set("key_figures/excluded_clients", data.excluded_clients),
    }
    cells = tuple(
        _CellSpec((code,), ids[code], DISCHARGES_TOTAL if code == "successful_completions" else None)
        for code in FIGURE.codes
    )
    b.specs.append(_TableSpec("key_figures", "Key figures", "Reporting year {year}", "", FIGURES, (FIGURE,),
                                 cells, with_percent=True,
                                 note="Successful completions are also shown as a percentage of discharges."))


def _reached(checkups: Table) -> Table:
    """Due and reached check-ups per row of the published check-up table (derived, see module doc)."""
    cells = []
    for months in MONTHS.codes + (TOTAL,):
        due = checkups.get(months, TOTAL)
        parts = [checkups.get(months, outcome) for outcome in REACHED_OUTCOMES]
        reached = None if any(p.value is None for p in parts) else sum(int(p.value or 0) for p in parts)
        percent = round(100 * reached / due.value, 1) if reached is not None and due.value else None
        cells.append(Cell((months, "due"), due.value, due.suppressed))
        cells.append(Cell((months, "reached"), reached, reached is None, percent))
    return Table("checkups_reached", "Recovery check-ups: people reached", checkups.population, CHECKUPS,
                 DERIVED, (MONTHS, REACH), tuple(cells),
                 note="Reached: doing well, needs support, re-linked to treatment or declined. A figure "
                      "is left out when one of its parts is not shown.", with_percent=True)


def _medians(pairs: Sequence[tuple[int, int]], n_cell: Cell, threshold: int) -> Table:
    publish = n_cell.value is not None and n_cell.value >= threshold
    series = {
        "intake": [first for first, _ in pairs],
        "latest": [latest for _, latest in pairs],
        "change": [latest - first for first, latest in pairs],
    }
    cells = tuple(
        Cell((code,), float(pystats.median(series[code])) if publish else None, bool(pairs) and not publish)
        for code in BARC_MEDIAN.codes
    )
    return Table("barc10_medians", "Recovery capital (BARC-10): medians",
                 "Episodes of care whose latest BARC-10 up to the end of {year} was taken in {year}, "
                 "compared with their first", EPISODES, VALUES, (BARC_MEDIAN,), cells, measure=MEDIAN,
                 note="Medians are shown only when they rest on at least as many episodes as the threshold.")


TABLE_ORDER: tuple[str, ...] = (
    "key_figures", "admissions_sex_age", "admissions_young_people", "women", "primary_substance",
    "referral_source", "previously_treated", "living_with", "labour_status", "living_with_children",
    "children", "discharges_teds", "discharges_ndtms", "care_plan_goals", "checkups", "checkups_reached",
    "barc10_change", "barc10_medians",
)
"""Keys of the report's tables, in the order they are published."""


def build_report(data: Dataset, year: int, threshold: int) -> Report:
    """All tables of ``year`` from ``data``, with disclosure control applied."""
    threshold = disclosure.check_threshold(threshold)
    admitted = [e for e in data.episodes if e.admission_year == year]
    discharged = [e for e in data.episodes if e.discharge_year == year]
    b = _Builder()
    _admissions(b, admitted)
    _discharges(b, discharged)
    _women(b, discharged)
    _checkups(b, data, year)
    pairs = _barc10(b, data, year)
    _key_figures(b, data, admitted)

    suppressed = disclosure.protect(b.values, b.relations, threshold)
    children_cells = {cs.cid for spec in b.specs if spec.key == "children" for cs in spec.cells}
    if suppressed & children_cells and b.values["key_figures/children"]:
        suppressed |= {"key_figures/children"}
    tables = b.publish(suppressed)
    tables["checkups_reached"] = _reached(tables["checkups"])
    tables["barc10_medians"] = _medians(pairs, tables["barc10_change"].get(TOTAL), threshold)
    return Report(year, threshold, tuple(tables[key] for key in TABLE_ORDER))


__all__ = ["ADMISSIONS_TOTAL", "DISCHARGES_TOTAL", "REACHED_OUTCOMES", "TABLE_ORDER", "build_report"]
