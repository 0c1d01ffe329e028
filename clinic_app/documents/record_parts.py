"""Pieces shared by the client-record documents and the blank paper forms.

The care plan, discharge summary, intake summary and the blank intake and care-plan forms
(:mod:`.care_plan`, :mod:`.discharge_summary`, :mod:`.intake_summary`, :mod:`.blank_forms`)
are all built from the blocks here, inside the letterhead and footer of
:mod:`.layout`, so they look like one family:

* :class:`Letterhead` -- what goes around every page of a printed document (organisation
  name, address and logo from the settings, the confidentiality notice, who printed it,
  when, and the language), turned into a :class:`~.layout.DocumentFrame` for a title;
* :func:`details_grid` -- boxed "label over value" cells for the identifying details;
* :func:`text_section` -- a labelled block of free text typed by a counsellor;
* :func:`tick_grid`, :func:`question_table`, :func:`write_in_boxes` -- tick boxes (one
  per code of a code list), questions and empty boxes to write in, for the blank forms;
* :func:`barc10_table` / :func:`blank_barc10_table` -- the ten BARC-10 statements with the
  points given (summaries) or six tick boxes each (blank forms);
* the labels of the intake items (:data:`INTAKE_ITEMS`), so the intake summary and the
  blank intake form ask the same questions in the same order from the same code lists.

Decisions
---------
* Empty values print as an em dash, never as "None" or a blank that looks like missing ink.
* Tick boxes are the DejaVu "☐" character (U+2610), so they print in every PDF viewer and
  come out of text extraction; option labels wrap with a hanging indent under the box.
* Options are laid out in as many columns (up to three) as the longest label allows, and
  run down each column first, so an ordered scale reads top to bottom.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from clinic_app import codes
from clinic_app.codes import BARC10_ITEM, BARC10_SCALE, CodeList
from clinic_app.documents import layout
from clinic_app.i18n import format_date, normalise_lang, tr
from clinic_app.services.assessments import Barc10Result
from clinic_app.services.clients import ClientRecord
from clinic_app.services.episodes import EpisodeRecord

TICK = "\u2610"  # ☐ BALLOT BOX
EMPTY = "\u2014"  # — shown for a value that was not recorded
_CELL_SIZE = 9.0
_TICK_INDENT = 11.0
_COLUMN_GAP = 10.0
_MAX_TICK_COLUMNS = 3
_NOTE_PADDING = 6.0

#: The coded intake items in form order: (field of ``IntakeRecord``, English label, code list).
INTAKE_ITEMS: tuple[tuple[str, str, CodeList], ...] = (
    ("living_with", "Living with", codes.LIVING_WITH),
    ("housing", "Housing", codes.HOUSING),
    ("has_children", "Has children", codes.HAS_CHILDREN),
    ("living_with_children", "Living with own children", codes.LIVING_WITH_CHILDREN),
    ("labour_status", "Labour status", codes.LABOUR_STATUS),
    ("education", "Highest education completed", codes.EDUCATION),
    ("injecting", "Injecting", codes.INJECTING),
    ("opioid_substitution", "Opioid substitution treatment", codes.OST),
    ("tested_hiv", "HIV testing", codes.BBV_TESTING),
    ("tested_hcv", "Hepatitis C testing", codes.BBV_TESTING),
    ("tested_hbv", "Hepatitis B testing", codes.BBV_TESTING),
)

#: The free-text intake items in form order: (field of ``IntakeRecord``, English label).
INTAKE_TEXTS: tuple[tuple[str, str], ...] = (
    ("legal_situation", "Legal situation"),
    ("physical_health", "Physical health"),
    ("mental_health", "Mental health"),
    ("risks", "Risks"),
    ("notes", "Notes"),
)

#: The coded personal items: (field of ``ClientRecord``, English label, code list).
PERSON_ITEMS: tuple[tuple[str, str, CodeList], ...] = (
    ("sex", "Sex", codes.SEX),
    ("gender_identity", "Gender identity", codes.GENDER_IDENTITY),
    ("nationality", "Nationality", codes.NATIONALITY),
    ("preferred_language", "Preferred language", codes.LANGUAGE),
)

#: The coded episode items: (field of ``EpisodeRecord``, English label, code list).
EPISODE_ITEMS: tuple[tuple[str, str, CodeList], ...] = (
    ("programme", "Programme", codes.PROGRAMME),
    ("centre_type", "Type of centre", codes.TREATMENT_CENTRE),
    ("referral_source", "Source of referral", codes.REFERRAL_SOURCE),
    ("previously_treated", "Previous treatment", codes.PREVIOUSLY_TREATED),
)


@dataclass(frozen=True)
class Letterhead:
    """What surrounds every page of a document, and the language it is printed in.

    ``confidentiality_notice``: ``None`` or blank prints the default redisclosure notice in
    ``lang``; any other text is printed as given (the organisation's own notice).
    """

    org_name: str
    org_address: str = ""
    logo_png: bytes | None = None
    confidentiality_notice: str | None = None
    printed_by: str | None = None
    printed_at: datetime | None = None
    lang: str = "en"

    def frame(self, title: str) -> layout.DocumentFrame:
        """The layout frame for a document called ``title`` (never a client's name)."""
        notice = self.confidentiality_notice if (self.confidentiality_notice or "").strip() else None
        return layout.DocumentFrame(
            self.org_name,
            org_address=self.org_address,
            logo_png=self.logo_png,
            title=title,
            lang=normalise_lang(self.lang),
            printed_by=self.printed_by,
            printed_at=self.printed_at,
            confidentiality_notice=notice,
        )


# --- text helpers ----------------------------------------------------------------------------


def markup(text: str) -> str:
    """Plain text ready for a Paragraph (escaped, line breaks kept)."""
    return layout.text_to_markup(text)


def day(value: date | None, lang: str) -> str:
    """A date as printed (``24 Nov 2026``), or the empty mark."""
    return format_date(value, lang) if value is not None else EMPTY


def client_name(client: ClientRecord) -> str:
    """The client's names as printed: given names, then family name."""
    return f"{client.given_names} {client.family_name}".strip()


def episode_text(episode: EpisodeRecord, lang: str) -> str:
    """"Aftercare, admitted 5 Mar 2026, discharged 1 Sep 2026" in ``lang``."""
    text = tr("{programme}, admitted {date}", lang,
              programme=codes.PROGRAMME.label(episode.programme, lang),
              date=format_date(episode.admission_date, lang))
    if episode.discharge_date is not None:
        text += ", " + tr("discharged {date}", lang, date=format_date(episode.discharge_date, lang))
    return text


def find_episode(client: ClientRecord, episode_id: int) -> EpisodeRecord:
    """The client's episode ``episode_id``; a ``ValueError`` is a caller's mistake."""
    for episode in client.episodes:
        if episode.id == episode_id:
            return episode
    raise ValueError(f"episode {episode_id} is not one of client {client.id}'s episodes")


# --- styles -----------------------------------------------------------------------------------


def extra_styles() -> dict[str, ParagraphStyle]:
    """Styles the record documents add to :func:`.layout.styles`: ``h3`` (a sub-heading),
    ``empty`` (a muted italic "nothing recorded" line), ``note`` (a boxed notice),
    ``tick`` (an option with its tick box), ``tick_cell`` (a lone tick box centred in a table
    cell), ``centre`` and ``centre_bold`` (centred table cells)."""
    st = layout.styles()
    return {
        "h3": ParagraphStyle("h3", parent=st["body"], fontName=layout.FONT_BOLD, fontSize=10,
                             leading=13, spaceBefore=7, spaceAfter=3, keepWithNext=1),
        "empty": ParagraphStyle("empty", parent=st["body"], fontName=layout.FONT_ITALIC,
                                textColor=layout.MUTED),
        # The border is drawn ``borderPadding`` outside the text: indent by as much so that
        # the box lines up with the margins.
        "note": ParagraphStyle("note", parent=st["body"], borderColor=layout.RULE, borderWidth=0.6,
                               borderPadding=_NOTE_PADDING, leftIndent=_NOTE_PADDING,
                               rightIndent=_NOTE_PADDING, backColor=layout.STRIPE_FILL, spaceBefore=8,
                               spaceAfter=12),
        "tick": ParagraphStyle("tick", parent=st["cell"], leftIndent=_TICK_INDENT, bulletIndent=0,
                               bulletFontName=layout.FONT, bulletFontSize=10),
        "centre": ParagraphStyle("centre", parent=st["cell"], alignment=TA_CENTER),
        "tick_cell": ParagraphStyle("tick_cell", parent=st["cell"], alignment=TA_CENTER, fontSize=12,
                                    leading=12),
        "centre_bold": ParagraphStyle("centre_bold", parent=st["cell_bold"], alignment=TA_CENTER),
    }


def keep_together(flowables: Sequence[Flowable]) -> KeepTogether:
    """Keep ``flowables`` on one page (when they fit), even if some are ``KeepTogether``s.

    ReportLab sizes a ``KeepTogether`` nested in another as 0xffffff points tall, which
    always forces a page break, and never keeps a heading with a following ``KeepTogether``
    (such as :func:`.layout.signature_lines`).  So nested groups are flattened into one.
    """
    flat: list[Flowable] = []
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):
            flat.extend(flowable._content)  # noqa: SLF001 - ReportLab keeps a group's flowables here
        else:
            flat.append(flowable)
    return KeepTogether(flat)


def heading(text: str) -> Paragraph:
    """A section heading (kept with what follows)."""
    return Paragraph(markup(text), layout.styles()["h2"])


def subheading(text: str) -> Paragraph:
    """A heading inside a section (kept with what follows)."""
    return Paragraph(markup(text), extra_styles()["h3"])


def paragraph(text: str, style: str = "body") -> Paragraph:
    """Plain text in one of the :func:`.layout.styles` or :func:`extra_styles`."""
    styles = {**layout.styles(), **extra_styles()}
    return Paragraph(markup(text), styles[style])


def title_block(title: str, subtitle: str) -> list[Flowable]:
    """The document's title and, under it, what it is about (e.g. the client code)."""
    st = layout.styles()
    return [Paragraph(markup(title), st["title"]), Paragraph(markup(subtitle), st["small"]),
            Spacer(1, 3 * mm)]


# --- blocks -----------------------------------------------------------------------------------


def _grid_style(extra: Sequence[tuple[Any, ...]] = ()) -> TableStyle:
    return TableStyle([
        ("FONT", (0, 0), (-1, -1), layout.FONT, _CELL_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        *extra,
    ])


def details_grid(items: Sequence[tuple[str, str]], columns: int = 3,
                 width: float | None = None) -> Table:
    """Boxed cells, ``columns`` to a row, each a small label over its value.

    ``items`` are ``(label, value)``; a blank value prints as an em dash.
    """
    st = layout.styles()
    width = width or layout.content_width()
    cells: list[Any] = [
        [Paragraph(markup(label), st["label"]), Paragraph(markup(value) if value.strip() else EMPTY,
                                                          st["cell"])]
        for label, value in items
    ]
    while len(cells) % columns:
        cells.append("")
    rows = [cells[i:i + columns] for i in range(0, len(cells), columns)]
    grid = Table(rows, colWidths=[width / columns] * columns, hAlign="LEFT")
    grid.setStyle(_grid_style([
        ("BOX", (0, 0), (-1, -1), 0.6, layout.RULE),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, layout.RULE),
        ("BACKGROUND", (0, 0), (-1, -1), layout.STRIPE_FILL),
    ]))
    return grid


def text_section(label: str, text: str, lang: str) -> list[Flowable]:
    """A sub-heading and the free text under it, or "Nothing recorded." in muted italics."""
    if text.strip():
        return [subheading(label), paragraph(text)]
    return [subheading(label), paragraph(tr("Nothing recorded.", lang), "empty")]


def _options_layout(labels: Sequence[str], width: float) -> int:
    """How many columns of options fit across ``width``: the most (up to three) in which
    every label takes at most two lines and four in five take one."""
    widths = [stringWidth(label, layout.FONT, _CELL_SIZE) for label in labels]
    for columns in range(min(_MAX_TICK_COLUMNS, len(labels)), 1, -1):
        room = width / columns - _TICK_INDENT - _COLUMN_GAP
        one_line = sum(1 for w in widths if w <= room)
        if max(widths) <= 1.8 * room and one_line >= 0.8 * len(widths):
            return columns
    return 1


def tick_grid(labels: Sequence[str], width: float) -> Table:
    """One tick box per label, in columns (down first) across ``width`` points."""
    style = extra_styles()["tick"]
    columns = _options_layout(labels, width)
    per_column = math.ceil(len(labels) / columns)
    rows: list[list[Any]] = []
    for r in range(per_column):
        row: list[Any] = []
        for c in range(columns):
            index = c * per_column + r
            row.append(Paragraph(markup(labels[index]), style, bulletText=TICK)
                       if index < len(labels) else "")
        rows.append(row)
    grid = Table(rows, colWidths=[width / columns] * columns, hAlign="LEFT")
    grid.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), layout.FONT, _CELL_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), _COLUMN_GAP),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return grid


def code_labels(code_list: CodeList, lang: str) -> list[str]:
    """Every label of ``code_list`` in ``lang``, in display order."""
    return [label for _, label in code_list.choices(lang)]


QUESTION_SHARE = 0.3  # share of the width taken by the question in a question table


def question_table(questions: Sequence[tuple[str, Flowable | str]],
                   width: float | None = None) -> Table:
    """Questions down the left, their answer space (tick boxes, a line) on the right."""
    st = layout.styles()
    width = width or layout.content_width()
    rows = [[Paragraph(markup(question), st["cell_bold"]),
             answer if isinstance(answer, Flowable) else Paragraph(markup(answer), st["cell"])]
            for question, answer in questions]
    table = Table(rows, colWidths=[width * QUESTION_SHARE, width * (1 - QUESTION_SHARE)],
                  hAlign="LEFT")
    table.setStyle(_grid_style([
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, layout.RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.4, layout.RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
    ]))
    return table


def answer_width(width: float | None = None) -> float:
    """Width of the answer column of a :func:`question_table` (less its cell padding)."""
    return (width or layout.content_width()) * (1 - QUESTION_SHARE) - 10


def write_in_boxes(rows: Sequence[Sequence[str]], height: float = 11 * mm,
                   width: float | None = None) -> Table:
    """Empty boxes to write in, each with its small label in the top corner.

    ``rows`` are lists of labels; every row is divided evenly between its labels (a row
    with one label is one full-width box).  Rows of different lengths are spanned.
    """
    st = layout.styles()
    width = width or layout.content_width()
    columns = math.lcm(*(len(r) for r in rows)) if rows else 1
    data: list[list[Any]] = []
    spans: list[tuple[Any, ...]] = []
    for r, labels in enumerate(rows):
        span = columns // len(labels)
        line: list[Any] = []
        for c, label in enumerate(labels):
            line.append(Paragraph(markup(label), st["label"]))
            line.extend([""] * (span - 1))
            if span > 1:
                spans.append(("SPAN", (c * span, r), (c * span + span - 1, r)))
        data.append(line)
    table = Table(data, colWidths=[width / columns] * columns, rowHeights=[height] * len(data),
                  hAlign="LEFT")
    table.setStyle(_grid_style([("GRID", (0, 0), (-1, -1), 0.6, layout.RULE), *spans]))
    return table


def lined_box(label: str, lines: int = 5) -> Flowable:
    """A labelled box of ``lines`` ruled lines for free text on a blank form (the label sits
    in the corner of the first line)."""
    st = layout.styles()
    data = [[Paragraph(markup(label), st["label"])]] + [[""] for _ in range(lines - 1)]
    table = Table(data, colWidths=[layout.content_width()], rowHeights=[8 * mm] * lines, hAlign="LEFT")
    table.setStyle(_grid_style([
        ("BOX", (0, 0), (-1, -1), 0.6, layout.RULE),
        ("LINEBELOW", (0, 0), (-1, -2), 0.3, layout.RULE),
    ]))
    return keep_together([table, Spacer(1, 3 * mm)])


def signature_block(lang: str, notes: Sequence[str] = ()) -> Flowable:
    """The "Signatures" heading, any ``notes`` (signatures already recorded) and signature
    and date lines for the client and the counsellor, kept together on one page."""
    return keep_together([
        heading(tr("Signatures", lang)),
        *[paragraph(note, "small") for note in notes],
        layout.signature_lines([tr("Signature of the client", lang), tr("Signature of the counsellor", lang)],
                               lang),
    ])


# --- BARC-10 ----------------------------------------------------------------------------------


def barc10_scale_legend(lang: str) -> Paragraph:
    """"1 = Strongly disagree · 2 = Disagree · … · 6 = Strongly agree"."""
    parts = [f"{points} = {item.label(lang)}" for points, item in enumerate(BARC10_SCALE, start=1)]
    return paragraph(" · ".join(parts), "small")


def barc10_table(columns: Sequence[tuple[str, Barc10Result]], lang: str) -> Table:
    """The ten statements with the points (1–6) of each assessment in ``columns``
    (``(heading, result)``), and the totals."""
    st = {**layout.styles(), **extra_styles()}
    header: list[Any] = [tr("Statement", lang)] + [
        Paragraph(f"{markup(heading)}<br/>{markup(format_date(result.assessed_on, lang))}",
                  st["centre_bold"])
        for heading, result in columns
    ]
    rows: list[list[Any]] = [header]
    for item in BARC10_ITEM:
        rows.append([item.label(lang)] + [Paragraph(str(result.score(item.code)), st["centre"])
                                          for _, result in columns])
    rows.append([Paragraph(markup(tr("Total (10–60)", lang)), st["cell_bold"])]
                + [Paragraph(str(result.total), st["centre_bold"]) for _, result in columns])
    score_width = 28 * mm
    width = layout.content_width()
    table = layout.table(rows, [width - score_width * len(columns)] + [score_width] * len(columns))
    table.setStyle(TableStyle([("LINEABOVE", (0, -1), (-1, -1), 0.9, layout.MUTED)]))
    return table


def blank_barc10_table(lang: str) -> Table:
    """The ten statements, each with six tick boxes (1–6), for a paper form."""
    st = extra_styles()
    points = [str(n) for n in range(1, len(BARC10_SCALE) + 1)]
    rows: list[list[Any]] = [[tr("Statement", lang)] + [Paragraph(p, st["centre_bold"]) for p in points]]
    for item in BARC10_ITEM:
        rows.append([item.label(lang)] + [Paragraph(TICK, st["tick_cell"]) for _ in points])
    rows.append([Paragraph(markup(tr("Total (10–60)", lang)), layout.styles()["cell_bold"])]
                + [""] * len(points))
    tick_width = 10 * mm
    width = layout.content_width()
    table = layout.table(rows, [width - tick_width * len(points)] + [tick_width] * len(points))
    table.setStyle(TableStyle([("SPAN", (1, -1), (-1, -1)),
                               ("LINEABOVE", (0, -1), (-1, -1), 0.9, layout.MUTED)]))
    return table


__all__ = [
    "EMPTY",
    "EPISODE_ITEMS",
    "INTAKE_ITEMS",
    "INTAKE_TEXTS",
    "PERSON_ITEMS",
    "TICK",
    "Letterhead",
    "answer_width",
    "barc10_scale_legend",
    "barc10_table",
    "blank_barc10_table",
    "client_name",
    "code_labels",
    "day",
    "details_grid",
    "episode_text",
    "extra_styles",
    "find_episode",
    "heading",
    "keep_together",
    "lined_box",
    "markup",
    "paragraph",
    "question_table",
    "signature_block",
    "subheading",
    "text_section",
    "tick_grid",
    "title_block",
    "write_in_boxes",
]
