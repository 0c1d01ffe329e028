"""Disclosure control: primary and secondary suppression, on hand-made and random tables.

The property tests check, over random small one- and two-way tables:
- no published count lies in 1..threshold-1 (zero is always published);
- every line (a row or column with its total, the total row, the total column) has either
  no suppressed member or at least two, so no hidden cell is its total minus the others;
- stronger: no hidden cell is fixed by all the published figures together, checked here by an
  independent rank test (a cell is fixed exactly when its unit vector lies in the row space
  of the relations restricted to the hidden cells).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clinic_app.errors import ValidationError
from clinic_app.statistics.disclosure import Relation, check_relations, check_threshold, protect

# --- tables as cells and relations ------------------------------------------------------------


def one_way(counts: Sequence[int]) -> tuple[dict[str, int], list[Relation]]:
    values = {f"c{i}": v for i, v in enumerate(counts)}
    values["total"] = sum(counts)
    return values, [Relation(tuple(f"c{i}" for i in range(len(counts))), ("total",))]


def two_way(grid: Sequence[Sequence[int]]) -> tuple[dict[str, int], list[Relation], list[list[str]]]:
    """Cells ``r{i}c{j}``, margins ``r{i}t``, ``tc{j}``, grand ``tt``; also the lines as lists."""
    n_rows, n_cols = len(grid), len(grid[0])
    values: dict[str, int] = {}
    for i, row in enumerate(grid):
        for j, v in enumerate(row):
            values[f"r{i}c{j}"] = v
        values[f"r{i}t"] = sum(row)
    for j in range(n_cols):
        values[f"tc{j}"] = sum(grid[i][j] for i in range(n_rows))
    values["tt"] = sum(map(sum, grid))
    rows = [[f"r{i}c{j}" for j in range(n_cols)] + [f"r{i}t"] for i in range(n_rows)]
    rows.append([f"tc{j}" for j in range(n_cols)] + ["tt"])
    cols = [[f"r{i}c{j}" for i in range(n_rows)] + [f"tc{j}"] for j in range(n_cols)]
    cols.append([f"r{i}t" for i in range(n_rows)] + ["tt"])
    lines = rows + cols
    return values, [Relation(tuple(line[:-1]), (line[-1],)) for line in lines], lines


def fixed_cells(values: Mapping[str, int], relations: Sequence[Relation], hidden: set[str]) -> set[str]:
    """Hidden cells the relations determine uniquely (independent of the code under test)."""
    cols = sorted(hidden)
    matrix = []
    for rel in relations:
        row = [Fraction((c in rel.parts) - (c in rel.totals)) for c in cols]
        if any(row):
            matrix.append(row)

    def rank(rows: list[list[Fraction]]) -> int:
        m = [r[:] for r in rows]
        r = 0
        for c in range(len(cols)):
            pivot = next((i for i in range(r, len(m)) if m[i][c] != 0), None)
            if pivot is None:
                continue
            m[r], m[pivot] = m[pivot], m[r]
            for i in range(len(m)):
                if i != r and m[i][c] != 0:
                    f = m[i][c] / m[r][c]
                    m[i] = [a - f * b for a, b in zip(m[i], m[r])]
            r += 1
        return r

    base = rank(matrix)
    found = set()
    for k, cell in enumerate(cols):
        unit = [Fraction(int(i == k)) for i in range(len(cols))]
        if rank(matrix + [unit]) == base:
            found.add(cell)
    return found


def assert_protected(values: Mapping[str, int], relations: Sequence[Relation], hidden: frozenset[str],
                     threshold: int) -> None:
    for cell, v in values.items():
        if cell not in hidden:
            assert not 0 < v < threshold, f"{cell}={v} published below the threshold {threshold}"
        else:
            assert v > 0, f"zero cell {cell} was hidden"
    for rel in relations:
        n = sum(c in hidden for c in rel.members)
        assert n != 1, f"line {rel.members} has exactly one hidden member"
    assert not fixed_cells(values, relations, set(hidden))


# --- the threshold --------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [2, 0, -5, 101, 4.0, "5", True, None])
def test_threshold_outside_3_to_100_is_refused(bad: object) -> None:
    with pytest.raises(ValidationError) as err:
        check_threshold(bad)
    assert "threshold" in err.value.errors


def test_threshold_below_three_is_refused_even_by_protect() -> None:
    values, relations = one_way([10, 10])
    with pytest.raises(ValidationError):
        protect(values, relations, 2)
    assert check_threshold(3) == 3 and check_threshold(100) == 100


def test_inconsistent_relations_are_a_programming_error() -> None:
    with pytest.raises(ValueError):
        check_relations({"a": 1, "t": 2}, [Relation(("a",), ("t",))])
    with pytest.raises(ValueError):
        protect({"a": 1}, [Relation(("a",), ("missing",))], 5)


# --- hand-made cases --------------------------------------------------------------------------


def test_one_way_small_cell_takes_the_next_smallest_with_it() -> None:
    values, relations = one_way([12, 2, 7, 30, 0])
    hidden = protect(values, relations, 5)
    assert hidden == {"c1", "c2"}  # 2 is primary; 7 is the smallest other non-zero cell
    assert_protected(values, relations, hidden, 5)


def test_one_way_lone_cell_among_zeros_hides_the_total() -> None:
    values, relations = one_way([0, 3, 0])
    hidden = protect(values, relations, 5)
    assert hidden == {"c1", "total"}


def test_one_way_small_total_is_hidden_with_its_cells() -> None:
    values, relations = one_way([1, 2, 0])
    assert protect(values, relations, 5) == {"c0", "c1", "total"}


def test_zero_and_large_counts_are_published() -> None:
    values, relations = one_way([0, 5, 9])
    assert protect(values, relations, 5) == frozenset()


def test_two_way_secondary_suppression_hides_a_rectangle() -> None:
    values, relations, _ = two_way([[10, 2], [7, 9]])
    hidden = protect(values, relations, 5)
    # 2 is primary; 10 (its row) and 9 (its column) follow, then 7 closes the rectangle.
    assert hidden == {"r0c0", "r0c1", "r1c0", "r1c1"}
    assert_protected(values, relations, hidden, 5)


def test_linear_audit_closes_what_the_line_rule_leaves_open() -> None:
    grid = [[12, 1, 9], [2, 0, 0], [9, 0, 1]]
    values, relations, lines = two_way(grid)
    # What the line rule alone ends with (threshold 3): every line has 0 or >= 2 hidden cells...
    line_rule_only = {"r0c1", "r0c2", "r1c0", "r1t", "r2c0", "r2c2", "r2t", "tc1", "tc2"}
    assert all(sum(c in line_rule_only for c in line) != 1 for line in lines)
    # ...yet row 0 gives r0c1 + r0c2 = 10 and the total row tc1 + tc2 = 11, while column 1
    # (r0c1 = tc1) and column 2 (r0c2 + r2c2 = tc2) combine them into r2c2 = 1.
    assert fixed_cells(values, relations, line_rule_only) == {"r2c2"}
    hidden = protect(values, relations, 3)
    assert line_rule_only < hidden
    assert_protected(values, relations, hidden, 3)


def test_shared_cells_are_suppressed_consistently_across_tables() -> None:
    # Two one-way tables of the same population share their total; a relation ties cell a of
    # table 1 to cell x of table 2 (the same people grouped twice).
    values = {"a": 2, "b": 9, "x": 2, "y": 4, "z": 5, "total": 11}
    relations = [Relation(("a", "b"), ("total",)), Relation(("x", "y", "z"), ("total",)),
                 Relation(("a",), ("x",))]
    hidden = protect(values, relations, 5)
    assert {"a", "x"} <= hidden
    assert_protected(values, relations, hidden, 5)


def test_result_is_deterministic() -> None:
    values, relations, _ = two_way([[3, 8, 8], [8, 3, 8], [8, 8, 3]])
    first = protect(values, relations, 5)
    assert all(protect(dict(values), list(relations), 5) == first for _ in range(3))


# --- property-based ------------------------------------------------------------------------

counts = st.integers(min_value=0, max_value=14) | st.sampled_from([0, 0, 1, 2])
thresholds = st.integers(min_value=3, max_value=7)


@settings(max_examples=300, deadline=None)
@given(st.lists(counts, min_size=1, max_size=9), thresholds)
def test_property_one_way(cells: list[int], threshold: int) -> None:
    values, relations = one_way(cells)
    assert_protected(values, relations, protect(values, relations, threshold), threshold)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=1, max_value=5).flatmap(
    lambda n_cols: st.lists(st.lists(counts, min_size=n_cols, max_size=n_cols), min_size=1, max_size=6)),
    thresholds)
def test_property_two_way(grid: list[list[int]], threshold: int) -> None:
    values, relations, lines = two_way(grid)
    hidden = protect(values, relations, threshold)
    assert_protected(values, relations, hidden, threshold)
    # and, spelled out as the issue puts it: every line has 0 or >= 2 hidden cells
    for line in lines:
        assert sum(c in hidden for c in line) in {0} | set(range(2, len(line) + 1))
