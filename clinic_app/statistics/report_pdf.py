"""The annual statistics report as a PDF: every table, with bar charts, in English or Spanish.

Built on the shared letterhead and footer (:mod:`clinic_app.documents.layout`); the footer
carries a statistics notice instead of the client-record notice.  The report opens with
how to read it (populations, the threshold, the mark for hidden figures, consent), then
the key figures, then one section per table.

Hidden figures are printed as ``*`` in tables and charts, whatever the reason they are
hidden: printing ``<5`` for the small ones and ``*`` for the others would tell a reader
which hidden cells are small, and so narrow down the others.  Charts (ReportLab graphics
bar charts) are drawn for the age-and-sex table and for every one-way table with five or
more categories; a hidden bar is left out and marked ``*``.  The age chart has female and
male bars only when at most a quarter of them are hidden, else one bar per age group.

Only what is in the :class:`~clinic_app.statistics.model.Report` is printed, so nothing
here can show a figure that disclosure control hid.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.textlabels import NA_Label
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from clinic_app.codes import CODE_LIST_VERSION
from clinic_app.documents import layout
from clinic_app.i18n import format_date, normalise_lang, tr
from clinic_app.statistics.model import DERIVED, FIGURES, GRID, LIST, ROWS, VALUES, Cell, Report, Table
from clinic_app.statistics.records import TOTAL

HIDDEN = "*"
CHART_MIN_CATEGORIES = 5
_BAR_FILLS = (colors.HexColor("#3E4C59"), colors.HexColor("#9AA5B1"), colors.HexColor("#CBD2D9"))
_CHART_FONT_SIZE = 7.5
_CELL_PADDING = 9.0  # left + right padding of a house-style table cell, and a little air

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Admissions", ("admissions_sex_age", "admissions_young_people", "women", "primary_substance",
                    "referral_source", "previously_treated", "living_with", "labour_status",
                    "living_with_children", "children")),
    ("Discharges and care plans", ("discharges_teds", "discharges_ndtms", "care_plan_goals")),
    ("Recovery check-ups", ("checkups", "checkups_reached")),
    ("Recovery capital", ("barc10_change", "barc10_medians")),
)
"""Report sections (English heading) and the tables in each, after the key figures."""


@dataclass(frozen=True)
class ReportHeader:
    """Who the report is from: the organisation (for the letterhead) and who printed it."""

    org_name: str
    org_address: str = ""
    logo_png: bytes | None = None
    printed_by: str | None = None
    generated_at: datetime | None = None


def _number(value: int | float | None, suppressed: bool, lang: str) -> str:
    if suppressed:
        return HIDDEN
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:.1f}"
        return text.replace(".", ",") if lang == "es" else text
    return f"{int(value):,}".replace(",", "." if lang == "es" else ",")


def _percent(cell: Cell, lang: str) -> str:
    if cell.percent is None:
        return ""
    text = f"{cell.percent:.1f}"
    # Spanish writes "12,5 %" (decimal comma, space before the sign); English "12.5%".
    return text.replace(".", ",") + " %" if lang == "es" else text + "%"


class _Styles:
    def __init__(self) -> None:
        st = layout.styles()
        self.st = st
        self.num = ParagraphStyle("num", parent=st["cell"], alignment=TA_RIGHT)
        self.num_bold = ParagraphStyle("num_bold", parent=st["cell_bold"], alignment=TA_RIGHT)
        # Column headings of wide grids: smaller, so words like "treatment" are not broken.
        self.head_small = ParagraphStyle("head_small", parent=self.num_bold, fontSize=7, leading=9)
        self.section = ParagraphStyle("section", parent=st["title"], spaceBefore=6)

    def text(self, value: str, bold: bool = False) -> Paragraph:
        return Paragraph(layout.text_to_markup(value), self.st["cell_bold" if bold else "cell"])

    def num_cell(self, value: str, bold: bool = False) -> Paragraph:
        return Paragraph(layout.text_to_markup(value), self.num_bold if bold else self.num)


def _table_flowable(t: Table, lang: str, s: _Styles, width: float) -> Flowable:
    """The table in the house style: labels left, numbers right, totals in bold."""
    rows: list[list[object]] = []
    first = t.dimensions[0]
    if t.shape in (LIST, FIGURES, VALUES):
        value_head = tr("Median", lang) if t.shape == VALUES else tr("Number", lang)
        head = [s.text(first.heading(lang), True), s.num_cell(value_head, True)]
        if t.with_percent:
            head.append(s.num_cell("%", True))
        rows.append(head)
        for cell in t.cells:
            total = cell.coords[0] == TOTAL
            row = [s.text(first.label(cell.coords[0], lang), total),
                   s.num_cell(_number(cell.value, cell.suppressed, lang), total)]
            if t.with_percent:
                row.append(s.num_cell(_percent(cell, lang), total))
            rows.append(row)
        numeric = len(rows[0]) - 1
        return layout.table(rows, [width * (1 - 0.14 * numeric)] + [width * 0.14] * numeric)

    second = t.dimensions[1]
    cols = second.codes + ((TOTAL,) if t.shape != DERIVED else ())
    row_codes = first.codes + ((TOTAL,) if t.shape in (GRID, DERIVED) else ())
    numeric = len(cols) + (1 if t.shape == DERIVED else 0)
    head_style = s.head_small if numeric > 4 else s.num_bold
    head: list[object] = [s.text(f"{first.heading(lang)} / {second.heading(lang)}", True)]
    head += [Paragraph(layout.text_to_markup(second.label(c, lang)), head_style) for c in cols]
    if t.shape == DERIVED:
        head.append(s.num_cell("%", True))
    rows.append(head)
    for r in row_codes:
        total = r == TOTAL
        row = [s.text(first.label(r, lang), total)]
        for c in cols:
            cell = t.get(r, c)
            text = _number(cell.value, cell.suppressed, lang)
            if t.shape == ROWS and cell.percent is not None:
                text += f" ({_percent(cell, lang)})"
            row.append(s.num_cell(text, total or c == TOTAL))
        if t.shape == DERIVED:
            row.append(s.num_cell(_percent(t.get(r, cols[-1]), lang), total))
        rows.append(row)
    # Number columns as wide as the longest word of their headings needs (no word is broken),
    # sharing the width evenly when there is room; the labels take the rest.
    longest = max(stringWidth(word, head_style.fontName, head_style.fontSize)
                  for c in cols for word in second.label(c, lang).split())
    col_w = max(longest + _CELL_PADDING, (width * 0.6) / numeric)
    label_w = max(width - col_w * numeric, width * 0.18)
    return layout.table(rows, [label_w] + [(width - label_w) / numeric] * numeric)


def _label_lines(text: str, width: float) -> str:
    lines = simpleSplit(text, layout.FONT, _CHART_FONT_SIZE, width)
    if len(lines) > 2:
        lines = lines[:2]
        lines[1] = lines[1].rstrip(" .,") + "…"
    return "\n".join(lines)


def _style_chart(chart: HorizontalBarChart | VerticalBarChart, values: Sequence[Sequence[float | None]],
                 labels: Sequence[Sequence[str]]) -> None:
    chart.data = [list(v) for v in values]
    top = max((v for row in values for v in row if v is not None), default=0)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(top * 1.15, 5)
    chart.valueAxis.labels.fontName = layout.FONT
    chart.valueAxis.labels.fontSize = _CHART_FONT_SIZE
    chart.valueAxis.strokeColor = layout.RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E4E7EB")
    chart.categoryAxis.labels.fontName = layout.FONT
    chart.categoryAxis.labels.fontSize = _CHART_FONT_SIZE
    chart.categoryAxis.strokeColor = layout.RULE
    chart.barLabelFormat = "values"
    chart.barLabelArray = [list(row) for row in labels]
    chart.barLabels.fontName = layout.FONT
    chart.barLabels.fontSize = _CHART_FONT_SIZE
    chart.naLabel = NA_Label()
    chart.naLabel.text = HIDDEN
    chart.naLabel.fontName = layout.FONT_BOLD
    chart.naLabel.fontSize = _CHART_FONT_SIZE + 1
    for i in range(len(values)):
        chart.bars[i].fillColor = _BAR_FILLS[i % len(_BAR_FILLS)]
        chart.bars[i].strokeColor = None


def _series(t: Table, coords: Sequence[tuple[str, ...]], lang: str) -> tuple[list[float | None], list[str]]:
    cells = [t.get(*c) for c in coords]
    return ([None if c.value is None else float(c.value) for c in cells],
            [_number(c.value, c.suppressed, lang) for c in cells])


def _list_chart(t: Table, lang: str, width: float) -> Drawing:
    dim = t.dimensions[0]
    label_w = width * 0.36
    row_h = 15.0
    height = row_h * len(dim.codes) + 24
    values, texts = _series(t, [(c,) for c in dim.codes], lang)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_w + 6, 16
    chart.width, chart.height = width - label_w - 30, height - 22
    _style_chart(chart, [values], [texts])
    chart.categoryAxis.categoryNames = [_label_lines(dim.label(c, lang), label_w) for c in dim.codes]
    chart.categoryAxis.reverseDirection = True
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.textAnchor = "end"
    chart.categoryAxis.labels.dx = -4
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.naLabel.boxAnchor = "w"
    chart.naLabel.dx = 3
    chart.barWidth = 9
    drawing = Drawing(width, height)
    drawing.add(chart)
    return drawing


def _grid_chart(t: Table, lang: str, width: float, series_codes: Sequence[str]) -> Drawing:
    rows, cols = t.dimensions
    height = 62 * mm
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 30
    chart.width, chart.height = width - 40, height - 48
    values, texts = [], []
    for col in series_codes:
        v, txt = _series(t, [(r, col) for r in rows.codes], lang)
        values.append(v)
        texts.append(txt)
    _style_chart(chart, values, texts)
    chart.categoryAxis.categoryNames = [rows.label(r, lang) for r in rows.codes]
    chart.categoryAxis.labels.angle = 30
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.barLabels.boxAnchor = "s"
    chart.barLabels.dy = 2
    chart.naLabel.boxAnchor = "s"
    chart.groupSpacing = 6
    legend = Legend()
    legend.x, legend.y = chart.x + chart.width, height - 4
    legend.alignment = "right"
    legend.boxAnchor = "ne"
    legend.columnMaximum = 1
    legend.deltax = 70
    legend.fontName = layout.FONT
    legend.fontSize = _CHART_FONT_SIZE
    legend.dx = legend.dy = 7
    legend.colorNamePairs = [(_BAR_FILLS[i % len(_BAR_FILLS)],
                              tr("All", lang) if c == TOTAL else cols.label(c, lang))
                             for i, c in enumerate(series_codes)]
    drawing = Drawing(width, height)
    drawing.add(chart)
    drawing.add(legend)
    return drawing


def _chart(t: Table, lang: str, width: float) -> Drawing | None:
    if t.shape == LIST and len(t.dimensions[0].codes) >= CHART_MIN_CATEGORIES:
        return _list_chart(t, lang, width)
    if t.key == "admissions_sex_age":
        by_sex = [t.get(r, c) for r in t.dimensions[0].codes for c in ("female", "male")]
        hidden = sum(c.suppressed for c in by_sex)
        # Bars by sex only when most of them can be shown; else one bar per age group.
        return _grid_chart(t, lang, width, ("female", "male") if hidden * 4 <= len(by_sex) else (TOTAL,))
    return None


def hidden_legend(threshold: int, lang: str) -> str:
    return tr("* Not shown: a count from 1 to {max}, or a figure hidden so that it cannot be "
              "worked out from the totals.", lang, max=threshold - 1)


def _section(t: Table, report: Report, lang: str, s: _Styles, width: float,
             heading: str | None = None) -> list[Flowable]:
    """The table's title, population, table, notes and chart, kept on one page if they fit.

    ``heading`` (a section heading) goes in the same block, so it never ends a page alone.
    """
    st = s.st
    block: list[Flowable] = [Paragraph(layout.text_to_markup(heading), s.section)] if heading else []
    block += [
        Paragraph(layout.text_to_markup(t.title_in(lang, report.year)), st["h2"]),
        Paragraph(layout.text_to_markup(t.population_in(lang, report.year)), st["small"]),
        Spacer(1, 2 * mm),
        _table_flowable(t, lang, s, width),
    ]
    notes = [tr(t.note, lang)] if t.note else []
    if t.any_suppressed:
        notes.append(hidden_legend(report.threshold, lang))
    block += [Paragraph(layout.text_to_markup(n), st["small"]) for n in notes]
    chart = _chart(t, lang, width)
    if chart is not None:
        block += [Spacer(1, 2 * mm), chart]
    return [KeepTogether(block), Spacer(1, 3 * mm)]


def intro_paragraphs(report: Report, lang: str) -> list[str]:
    """How to read the report (also used as the "rules" of the JSON export)."""
    return [
        tr("Anonymised figures for {year}. Unless a table says otherwise, counts are episodes of "
           "care, as in the Treatment Demand Indicator (TDI): a person who started treatment twice "
           "in the year counts twice. No table names a person, gives a date finer than the year or "
           "an exact age, or describes a place smaller than the organisation.", lang, year=report.year),
        tr("Counts from 1 to {max} are not shown, and further figures are hidden where needed so "
           "that a hidden figure cannot be worked out from the row, column or grand totals. Zero is "
           "shown. Percentages are of the line's total and are left out where either figure is "
           "hidden. Medians are shown only when they rest on at least {threshold} episodes.",
           lang, max=report.threshold - 1, threshold=report.threshold),
        tr("Clients who withdrew their consent to anonymised statistics are left out of every table "
           "and counted only in the key figures.", lang),
        tr("Categories follow Continuum's code lists, version {version}.", lang, version=CODE_LIST_VERSION),
    ]


def render_report(report: Report, header: ReportHeader, lang: str = "en") -> bytes:
    """The PDF report of ``report`` in ``lang`` (``"en"`` or ``"es"``)."""
    lang = normalise_lang(lang)
    s = _Styles()
    st = s.st
    width = layout.content_width()
    title = tr("Annual statistics {year}", lang, year=report.year)
    story: list[Flowable] = [Paragraph(layout.text_to_markup(title), st["title"])]
    if header.generated_at is not None:
        story.append(Paragraph(layout.text_to_markup(
            tr("Produced on {date}.", lang, date=format_date(header.generated_at, lang))), st["small"]))
    story += [Paragraph(layout.text_to_markup(p), st["body"]) for p in intro_paragraphs(report, lang)]
    story.append(Paragraph(layout.text_to_markup(hidden_legend(report.threshold, lang)), st["body"]))
    story += _section(report.table("key_figures"), report, lang, s, width)
    for heading, keys in SECTIONS:
        for i, key in enumerate(keys):
            story += _section(report.table(key), report, lang, s, width, tr(heading, lang) if i == 0 else None)
    frame = layout.DocumentFrame(
        header.org_name,
        org_address=header.org_address,
        logo_png=header.logo_png,
        title=title,
        lang=lang,
        printed_by=header.printed_by,
        printed_at=header.generated_at,
        confidentiality_notice=tr("Anonymised aggregate statistics: counts from 1 to {max} are not shown.",
                                  lang, max=report.threshold - 1),
    )
    return layout.build_pdf(frame, story)


__all__ = ["HIDDEN", "ReportHeader", "SECTIONS", "hidden_legend", "intro_paragraphs", "render_report"]
