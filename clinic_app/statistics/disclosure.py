"""Disclosure control: which counts may be published.

The problem is stated over **cells** (named integer counts, shared between tables where
two tables publish the same figure) and **relations** (linear facts a reader knows: the
cells of a row add up to the row total, the TEDS groups of a set of discharge reasons add
up to the same number as the NDTMS groups of those reasons, ...).  A
:class:`Relation` says ``sum(parts) == sum(totals)``.  A table's row, its column, its
total row and its total column are each one relation; so is every link between tables.

:func:`protect` returns the set of cells to suppress:

1. **Primary suppression**: every cell (totals included) whose count is between 1 and
   ``threshold - 1``.  Zero is published: "nobody" discloses nothing about a person.
2. **Secondary suppression, line by line**: a relation with exactly one suppressed member
   would give that member away (``total - the others``), so the smallest other non-zero
   member is suppressed too (ties: an inner cell before a total, then the order in which
   cells were defined).  When all the others are zero that member is the total itself.
   Repeated until no relation has exactly one suppressed member.
3. **Linear audit**: the line rule alone is not enough when several relations are combined
   (a suppressed cell can be a "bridge" between two groups of suppressed cells and be
   recovered from sums over several lines).  The suppressed cells are therefore treated as
   unknowns of the system of all relations, and any unknown the system determines
   uniquely gets one more cell suppressed next to it; then step 2 runs again.  This ends
   at the latest when every non-zero cell is suppressed, where nothing is determined.

Bounds that come from counts being non-negative, or from knowing the threshold, are not
closed off (that needs linear programming): a reader may learn that a hidden cell lies in
a range, never its value.  This is the usual standard for published tables.

Thresholds: default 5 (organisation setting), never below
:data:`~clinic_app.services.settings.MIN_STATISTICS_THRESHOLD` (3), at most 100.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from clinic_app.errors import ValidationError
from clinic_app.services.settings import MIN_STATISTICS_THRESHOLD

MAX_THRESHOLD = 100
"""The same ceiling the organisation settings enforce."""

#: sort key of a candidate for secondary suppression: (count, is a total, definition order)
_Preference = Callable[[str], tuple[int, bool, int]]


@dataclass(frozen=True)
class Relation:
    """Published knowledge: ``sum(parts) == sum(totals)`` (cell names)."""

    parts: tuple[str, ...]
    totals: tuple[str, ...]

    @property
    def members(self) -> tuple[str, ...]:
        return self.parts + self.totals


def check_threshold(threshold: object, field: str = "threshold") -> int:
    """``threshold`` as an int, or ``ValidationError`` naming ``field`` if it is not 3..100."""
    if isinstance(threshold, bool) or not isinstance(threshold, int):
        raise ValidationError({field: f"The threshold must be a whole number between "
                                      f"{MIN_STATISTICS_THRESHOLD} and {MAX_THRESHOLD}."})
    if threshold < MIN_STATISTICS_THRESHOLD:
        raise ValidationError({field: f"The threshold cannot be below {MIN_STATISTICS_THRESHOLD}: "
                                      f"smaller counts could identify people."})
    if threshold > MAX_THRESHOLD:
        raise ValidationError({field: f"The threshold can be at most {MAX_THRESHOLD}."})
    return threshold


def check_relations(values: Mapping[str, int], relations: Iterable[Relation]) -> None:
    """Raise ``ValueError`` if a relation names an unknown cell or does not hold (a bug)."""
    for rel in relations:
        unknown = [c for c in rel.members if c not in values]
        if unknown:
            raise ValueError(f"relation names unknown cells: {unknown}")
        if sum(values[c] for c in rel.parts) != sum(values[c] for c in rel.totals):
            raise ValueError(f"relation does not hold: {rel}")


def protect(values: Mapping[str, int], relations: Sequence[Relation], threshold: int) -> frozenset[str]:
    """The cells to suppress so that no suppressed count can be worked out (see module doc)."""
    threshold = check_threshold(threshold)
    check_relations(values, relations)
    if any(v < 0 for v in values.values()):
        raise ValueError("counts cannot be negative")
    order = {cell: i for i, cell in enumerate(values)}
    is_total = {c for rel in relations for c in rel.totals}

    def preference(cell: str) -> tuple[int, bool, int]:
        return values[cell], cell in is_total, order[cell]

    suppressed = {c for c, v in values.items() if 0 < v < threshold}
    while True:
        _apply_line_rule(values, relations, suppressed, preference)
        determined = _determined_cells(relations, suppressed, order)
        if not determined:
            return frozenset(suppressed)
        suppressed.add(_next_to(determined[0], values, relations, suppressed, preference))


def _apply_line_rule(values: Mapping[str, int], relations: Sequence[Relation], suppressed: set[str],
                     preference: _Preference) -> None:
    changed = True
    while changed:
        changed = False
        for rel in relations:
            if sum(1 for c in rel.members if c in suppressed) != 1:
                continue
            candidates = [c for c in rel.members if c not in suppressed and values[c] > 0]
            # A lone suppressed member is > 0, so the relation needs another non-zero member.
            suppressed.add(min(candidates, key=preference))
            changed = True


def _next_to(cell: str, values: Mapping[str, int], relations: Sequence[Relation], suppressed: set[str],
             preference: _Preference) -> str:
    """The cell to suppress so that the determined ``cell`` is no longer determined.

    Preferably one sharing a relation with ``cell``; failing that, one sharing a relation
    with any suppressed cell; failing that, any non-zero cell of any relation (when every
    non-zero cell is suppressed nothing is determined, so one is always left).
    """
    for scope in (
        [r for r in relations if cell in r.members],
        [r for r in relations if any(c in suppressed for c in r.members)],
        list(relations),
    ):
        candidates = {c for r in scope for c in r.members if c not in suppressed and values[c] > 0}
        if candidates:
            return min(candidates, key=preference)
    raise AssertionError("a determined cell with no cell left to suppress")  # pragma: no cover


def _determined_cells(relations: Sequence[Relation], suppressed: set[str], order: Mapping[str, int]) -> list[str]:
    """Suppressed cells whose value the relations fix uniquely (given every published cell).

    The relations restricted to the suppressed cells form a linear system; it is brought to
    reduced row-echelon form with exact fractions.  An unknown is determined exactly when
    its pivot row has no other entry.
    """
    columns = sorted(suppressed, key=order.__getitem__)
    index = {c: i for i, c in enumerate(columns)}
    pivots: dict[int, dict[int, Fraction]] = {}
    for rel in relations:
        row: dict[int, Fraction] = {}
        for sign, cells in ((1, rel.parts), (-1, rel.totals)):
            for c in cells:
                if c in index:
                    row[index[c]] = row.get(index[c], Fraction(0)) + sign
        for col, prow in pivots.items():
            factor = row.get(col)
            if factor:
                _subtract(row, prow, factor)
        row = {k: v for k, v in row.items() if v}
        if not row:
            continue
        pivot = min(row)
        lead = row[pivot]
        row = {k: v / lead for k, v in row.items()}
        for prow in pivots.values():
            factor = prow.get(pivot)
            if factor:
                _subtract(prow, row, factor)
        pivots[pivot] = row
    return sorted((columns[p] for p, prow in pivots.items() if len(prow) == 1), key=order.__getitem__)


def _subtract(target: dict[int, Fraction], source: Mapping[int, Fraction], factor: Fraction) -> None:
    for k, v in source.items():
        new = target.get(k, Fraction(0)) - factor * v
        if new:
            target[k] = new
        else:
            target.pop(k, None)


__all__ = ["MAX_THRESHOLD", "Relation", "check_relations", "check_threshold", "protect"]
