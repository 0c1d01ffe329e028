"""The published statistics: tables of protected cells, and their labels in English or Spanish.

A :class:`Report` is what leaves the statistics package: every count in it has already
been through disclosure control (:mod:`.disclosure`), so a suppressed cell carries no value
at all (``value is None``), and percentages exist only where both the count and its base
were published.  Nothing in a report names a person or a record.

Table shapes (:attr:`Table.shape`), which also say which lines add up:

``list``
    one dimension; its cells add up to the ``total`` cell.
``grid``
    rows x columns with margins: each row adds up to its row total, each column to its
    column total, and the total row and total column both add up to the grand total.
``rows``
    rows x columns with a total column only: each row adds up to its total (the rows are
    different populations, so there is no total row).
``figures``, ``values``, ``derived``
    no line adds up: key figures repeated from other tables, medians, or figures computed
    only from published counts of another table.

Texts (titles, populations, dimension and category labels) are kept as English message
ids and translated with :func:`clinic_app.i18n.tr` when written out; categories of a code
list are labelled by :meth:`clinic_app.codes.CodeList.label`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from clinic_app import codes
from clinic_app.i18n import tr
from clinic_app.statistics.records import NOT_RECORDED, TOTAL

LIST = "list"
GRID = "grid"
ROWS = "rows"
FIGURES = "figures"
VALUES = "values"
DERIVED = "derived"
SHAPES = (LIST, GRID, ROWS, FIGURES, VALUES, DERIVED)

COUNT = "count"
MEDIAN = "median"

_GENERIC_LABELS = {TOTAL: "Total", NOT_RECORDED: "Not recorded", codes.NOT_KNOWN: "Not known"}


@dataclass(frozen=True)
class Dimension:
    """One dimension of a table: its column ``name`` in exports and its categories.

    Category labels come from the code list ``code_list`` (a name in
    :data:`clinic_app.codes.ALL_LISTS`) when given, else from ``own_labels``
    (``(code, English label)`` pairs); ``total``, ``not_recorded`` and ``not_known`` have
    generic labels.
    """

    name: str
    title: str
    codes: tuple[str, ...]
    code_list: str | None = None
    own_labels: tuple[tuple[str, str], ...] = ()

    def label(self, code: str, lang: str = "en") -> str:
        own = dict(self.own_labels)
        if code in own:
            return tr(own[code], lang)
        if self.code_list is not None and code in codes.get_list(self.code_list):
            return codes.get_list(self.code_list).label(code, lang)
        if code in _GENERIC_LABELS:
            return tr(_GENERIC_LABELS[code], lang)
        raise KeyError(f"no label for {code!r} in dimension {self.name!r}")

    def heading(self, lang: str = "en") -> str:
        return tr(self.title, lang)


@dataclass(frozen=True)
class Cell:
    """One published cell.  ``coords`` has one code per dimension (``total`` for a margin)."""

    coords: tuple[str, ...]
    value: int | float | None
    suppressed: bool
    percent: float | None = None


@dataclass(frozen=True)
class Table:
    """One protected table; see the module docstring for the shapes."""

    key: str
    title: str
    population: str
    unit: str
    shape: str
    dimensions: tuple[Dimension, ...]
    cells: tuple[Cell, ...]
    measure: str = COUNT
    note: str = ""
    #: whether the table publishes percentages (of the line's total; see :mod:`.tables`)
    with_percent: bool = False
    _index: dict[tuple[str, ...], Cell] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.shape not in SHAPES:
            raise ValueError(f"unknown table shape {self.shape!r}")
        object.__setattr__(self, "_index", {c.coords: c for c in self.cells})

    def get(self, *coords: str) -> Cell:
        """The cell at ``coords`` (``KeyError`` if the table has none there)."""
        return self._index[tuple(coords)]

    @property
    def any_suppressed(self) -> bool:
        return any(c.suppressed for c in self.cells)

    def lines(self) -> list[list[tuple[str, ...]]]:
        """Coordinates of each line that adds up (last member: its total)."""
        if self.shape == LIST:
            return [[(c,) for c in self.dimensions[0].codes] + [(TOTAL,)]]
        if self.shape not in (GRID, ROWS):
            return []
        rows = self.dimensions[0].codes + ((TOTAL,) if self.shape == GRID else ())
        cols = self.dimensions[1].codes + (TOTAL,)
        lines = [[(r, c) for c in cols] for r in rows]
        if self.shape == GRID:
            lines += [[(r, c) for r in rows] for c in cols]
        return lines

    def title_in(self, lang: str, year: int) -> str:
        return tr(self.title, lang, year=year)

    def population_in(self, lang: str, year: int) -> str:
        return tr(self.population, lang, year=year)


@dataclass(frozen=True)
class Report:
    """The protected tables of one reporting year."""

    year: int
    threshold: int
    tables: tuple[Table, ...]

    def table(self, key: str) -> Table:
        for t in self.tables:
            if t.key == key:
                return t
        raise KeyError(key)


__all__ = [
    "COUNT",
    "Cell",
    "DERIVED",
    "Dimension",
    "FIGURES",
    "GRID",
    "LIST",
    "MEDIAN",
    "ROWS",
    "Report",
    "SHAPES",
    "Table",
    "VALUES",
]
