"""The shared look of every printed document: fonts, styles, letterhead, footer, tables.

Every PDF Continuum prints (care plan, discharge summary, intake summary, blank forms,
annual statistics report, recovery-code sheet) is built with :func:`build_pdf`, so they
all share one letterhead and one footer:

* letterhead on every page: optional logo, organisation name and address on the left,
  the document title on the right, a rule underneath;
* footer on every page: the confidentiality notice (by default a redisclosure notice in
  the spirit of US 42 CFR Part 2), "Printed on <date> by <name>" and "Page N of M".
  M is right because the page numbers are drawn by a two-pass canvas
  (:class:`_NumberedCanvas`) once the whole document has been laid out.

Text is set in the embedded DejaVu fonts (registered as "Continuum", "Continuum-Bold"
and "Continuum-Italic"), so names such as "Núñez", "Đorđe" or "Øyvind" print correctly;
ReportLab embeds a subset of each TrueType font in the file.

Privacy: the PDF metadata carries the document title only (the author is left empty), so
callers must never put a client's name in :attr:`DocumentFrame.title` -- put it in the
story instead.  Plain strings given to :func:`table` and :func:`signature_lines` are
escaped, so text typed by users can never be read as Paragraph markup.
"""

from __future__ import annotations

import functools
import io
import logging
import threading
from collections.abc import Iterable, Sequence
from dataclasses import KW_ONLY, dataclass
from datetime import datetime
from importlib import resources
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from clinic_app.services.settings import DEFAULT_CONFIDENTIALITY_NOTICE
from clinic_app.i18n import format_date, normalise_lang, tr

log = logging.getLogger(__name__)

FONT = "Continuum"
FONT_BOLD = "Continuum-Bold"
FONT_ITALIC = "Continuum-Italic"

_FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
}

# Colours chosen to stay legible on a black-and-white office printer.
INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#52606D")
RULE = colors.HexColor("#9AA5B1")
HEADER_FILL = colors.HexColor("#E4E7EB")
STRIPE_FILL = colors.HexColor("#F5F7FA")

MARGIN_X = 18 * mm
_TOP_EDGE = 12 * mm  # page top to top of the letterhead
_BOTTOM_EDGE = 10 * mm  # page bottom to the baseline of the last footer line
_LOGO_MAX_H = 16 * mm
_LOGO_MAX_W = 35 * mm
_GAP = 5 * mm
_FOOTER_SIZE = 7.5


_font_lock = threading.Lock()
_fonts_registered = False


def register_fonts() -> None:
    """Register the embedded DejaVu fonts with ReportLab (once per process; thread-safe)."""
    global _fonts_registered
    if _fonts_registered:
        return
    with _font_lock:
        if _fonts_registered:
            return
        folder = resources.files("clinic_app").joinpath("resources", "fonts")
        for name, filename in _FONT_FILES.items():
            with resources.as_file(folder.joinpath(filename)) as path:
                pdfmetrics.registerFont(TTFont(name, str(path)))
        # DejaVu has no bold-oblique file in our resources; bold stands in for it.
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD
        )
        _fonts_registered = True


def styles() -> dict[str, ParagraphStyle]:
    """Return a fresh set of the named paragraph styles every document uses.

    Names: ``title``, ``h2``, ``body``, ``small``, ``label``, ``cell``, ``cell_bold``,
    ``bullet`` (for ``Paragraph(text, style, bulletText="•")``) and ``notice`` (the
    footer's notice text).  A new dict is returned each call, so callers may tweak a style.
    """
    register_fonts()
    base = ParagraphStyle("base", fontName=FONT, fontSize=10, leading=13.5, textColor=INK)
    return {
        "title": ParagraphStyle(
            "title", parent=base, fontName=FONT_BOLD, fontSize=16, leading=20, spaceAfter=8
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=12,
            leading=15,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "body": ParagraphStyle("body", parent=base, spaceAfter=5),
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5, textColor=MUTED),
        "label": ParagraphStyle(
            "label", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=11, textColor=MUTED
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11.5),
        "cell_bold": ParagraphStyle(
            "cell_bold", parent=base, fontName=FONT_BOLD, fontSize=9, leading=11.5
        ),
        "bullet": ParagraphStyle(
            "bullet", parent=base, leftIndent=12, bulletIndent=2, bulletFontName=FONT, spaceAfter=3
        ),
        "notice": ParagraphStyle(
            "notice",
            parent=base,
            fontName=FONT_ITALIC,
            fontSize=_FOOTER_SIZE,
            leading=9.5,
            textColor=MUTED,
        ),
    }


def text_to_markup(text: str) -> str:
    """Escape plain text for a Paragraph and keep its line breaks."""
    return escape(text).replace("\r\n", "\n").replace("\n", "<br/>")


@dataclass
class DocumentFrame:
    """What goes around the story on every page.

    ``title`` is also the PDF's metadata title: it must never contain a client's name.
    ``confidentiality_notice``: ``None`` prints the default redisclosure notice (translated
    into ``lang``), an empty string prints no notice, any other text is printed as given.
    ``printed_at`` defaults to now; ``printed_by`` is the name of the user printing.
    """

    org_name: str
    _: KW_ONLY
    org_address: str = ""
    logo_png: bytes | None = None
    title: str
    lang: str = "en"
    printed_by: str | None = None
    printed_at: datetime | None = None
    confidentiality_notice: str | None = None


def content_width(page_size: tuple[float, float] = A4) -> float:
    """Width available to the story on a page of ``page_size``."""
    return page_size[0] - 2 * MARGIN_X


class _NumberedCanvas(rl_canvas.Canvas):
    """Canvas that holds every page back until the end, then stamps "Page N of M" on each."""

    def __init__(self, *args: Any, page_label: str, label_y: float, label_right: float,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_label = page_label
        self._label_y = label_y
        self._label_right = label_right
        self._saved_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            self.saveState()
            self.setFont(FONT, _FOOTER_SIZE)
            self.setFillColor(MUTED)
            self.drawRightString(
                self._label_right,
                self._label_y,
                self._page_label.format(page=self._pageNumber, total=total),
            )
            self.restoreState()
            super().showPage()
        super().save()


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text``, shortened with an ellipsis if it would be wider than ``width``."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _logo_reader(png: bytes | None) -> ImageReader | None:
    """Decode the logo once; a broken logo is left out rather than stopping the print."""
    if not png:
        return None
    try:
        reader = ImageReader(io.BytesIO(png))
        width, height = reader.getSize()
        if width <= 0 or height <= 0:
            raise ValueError("empty image")
        return reader
    except Exception:  # noqa: BLE001 - any decoding failure means "no logo"
        log.warning("The organisation logo could not be read and was left out of the document.")
        return None


class _PageDecorator:
    """Measures and draws the letterhead and the footer (everything except "Page N of M")."""

    def __init__(self, frame: DocumentFrame, page_size: tuple[float, float]) -> None:
        self.frame = frame
        self.lang = normalise_lang(frame.lang)
        self.page_w, self.page_h = page_size
        self.width = page_size[0] - 2 * MARGIN_X
        st = styles()

        # --- letterhead -------------------------------------------------------------
        self.logo = _logo_reader(frame.logo_png)
        self.logo_w = self.logo_h = 0.0
        if self.logo is not None:
            iw, ih = self.logo.getSize()
            scale = min(_LOGO_MAX_H / ih, _LOGO_MAX_W / iw)
            self.logo_w, self.logo_h = iw * scale, ih * scale
        # The title takes what it needs, up to 38% of the width; the organisation gets the rest.
        natural_title_w = max(
            (stringWidth(line, FONT_BOLD, 12.5) for line in frame.title.splitlines() or [""]),
            default=0.0,
        )
        self.title_w = min(self.width * 0.38, natural_title_w + 2)
        left_x = MARGIN_X + (self.logo_w + _GAP if self.logo is not None else 0)
        self.org_x = left_x
        self.org_w = MARGIN_X + self.width - self.title_w - _GAP - left_x

        org_style = ParagraphStyle("lh_org", parent=st["body"], fontName=FONT_BOLD,
                                   fontSize=12.5, leading=15, spaceAfter=0)
        addr_style = ParagraphStyle("lh_addr", parent=st["small"], fontSize=8.5, leading=10.5)
        title_style = ParagraphStyle("lh_title", parent=st["body"], fontName=FONT_BOLD,
                                     fontSize=12.5, leading=15, alignment=TA_RIGHT, spaceAfter=0)
        self.org_para = Paragraph(text_to_markup(frame.org_name), org_style)
        self.addr_para = (
            Paragraph(text_to_markup(frame.org_address.strip()), addr_style)
            if frame.org_address.strip()
            else None
        )
        self.title_para = Paragraph(text_to_markup(frame.title), title_style)

        _, org_h = self.org_para.wrap(self.org_w, self.page_h)
        addr_h = self.addr_para.wrap(self.org_w, self.page_h)[1] + 2 if self.addr_para else 0.0
        _, title_h = self.title_para.wrap(self.title_w, self.page_h)
        self.org_h, self.addr_h, self.title_h = org_h, addr_h, title_h
        self.letterhead_h = max(self.logo_h, org_h + addr_h, title_h)
        self.rule_top_y = self.page_h - _TOP_EDGE - self.letterhead_h - 3 * mm
        self.top_margin = _TOP_EDGE + self.letterhead_h + 3 * mm + 7 * mm

        # --- footer -------------------------------------------------------------------
        if frame.confidentiality_notice is None:
            notice = tr(DEFAULT_CONFIDENTIALITY_NOTICE, self.lang)
        else:
            notice = frame.confidentiality_notice.strip()
        self.notice_para = Paragraph(text_to_markup(notice), st["notice"]) if notice else None
        notice_h = self.notice_para.wrap(self.width, self.page_h)[1] if self.notice_para else 0.0
        self.notice_h = notice_h
        self.footer_line_y = _BOTTOM_EDGE
        self.notice_bottom_y = self.footer_line_y + _FOOTER_SIZE + 5
        self.rule_bottom_y = self.notice_bottom_y + notice_h + (4 if notice_h else 0)
        self.bottom_margin = self.rule_bottom_y + 6 * mm

        printed_at = frame.printed_at or datetime.now()
        when = format_date(printed_at, self.lang)
        if frame.printed_by:
            self.printed_line = tr("Printed on {date} by {name}", self.lang, date=when,
                                   name=frame.printed_by)
        else:
            self.printed_line = tr("Printed on {date}", self.lang, date=when)
        self.page_label = tr("Page {page} of {total}", self.lang, page="{page}", total="{total}")
        # Keep the left footer line clear of "Page N of M" even with a very long name.
        room = self.width - stringWidth(
            self.page_label.format(page=9999, total=9999), FONT, _FOOTER_SIZE
        ) - _GAP
        self.printed_line = _fit(self.printed_line, FONT, _FOOTER_SIZE, room)

    def __call__(self, canv: rl_canvas.Canvas, doc: Any) -> None:
        canv.saveState()
        top = self.page_h - _TOP_EDGE
        if self.logo is not None:
            canv.drawImage(self.logo, MARGIN_X, top - self.logo_h, self.logo_w, self.logo_h,
                           mask="auto", preserveAspectRatio=True)
        self.org_para.drawOn(canv, self.org_x, top - self.org_h)
        if self.addr_para is not None:
            self.addr_para.drawOn(canv, self.org_x, top - self.org_h - self.addr_h)
        self.title_para.drawOn(canv, MARGIN_X + self.width - self.title_w, top - self.title_h)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(MARGIN_X, self.rule_top_y, MARGIN_X + self.width, self.rule_top_y)

        canv.line(MARGIN_X, self.rule_bottom_y, MARGIN_X + self.width, self.rule_bottom_y)
        if self.notice_para is not None:
            self.notice_para.drawOn(canv, MARGIN_X, self.notice_bottom_y)
        canv.setFont(FONT, _FOOTER_SIZE)
        canv.setFillColor(MUTED)
        canv.drawString(MARGIN_X, self.footer_line_y, self.printed_line)
        canv.restoreState()


def build_pdf(frame: DocumentFrame, story: list[Flowable], page_size: tuple[float, float] = A4
              ) -> bytes:
    """Lay ``story`` out inside the letterhead and footer of ``frame`` and return the PDF bytes.

    ``story`` is not modified.  PDF metadata: title = ``frame.title``, author and subject
    empty, creator "Continuum".
    """
    register_fonts()
    deco = _PageDecorator(frame, page_size)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=page_size,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=deco.top_margin,
        bottomMargin=deco.bottom_margin,
        title=frame.title,
        author="",
        subject="",
        keywords="",
        creator="Continuum",
        lang=deco.lang,
        displayDocTitle=1,
        pageCompression=1,
        initialFontName=FONT,
    )
    # No frame padding: the story lines up exactly with the letterhead and the footer.
    body = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[body], onPage=deco)])
    canvasmaker = functools.partial(
        _NumberedCanvas,
        page_label=deco.page_label,
        label_y=deco.footer_line_y,
        label_right=MARGIN_X + deco.width,
    )
    flowables = list(story) or [Spacer(1, 1)]
    doc.build(flowables, canvasmaker=canvasmaker)
    return buffer.getvalue()


CellValue = str | int | float | Flowable | None


def _cell(value: CellValue, style: ParagraphStyle) -> Flowable:
    if isinstance(value, Flowable):
        return value
    text = "" if value is None else str(value)
    return Paragraph(text_to_markup(text), style)


def table(
    rows: Sequence[Sequence[CellValue]],
    col_widths: Sequence[float | str],
    header: bool = True,
    repeat_header: bool = True,
) -> Table:
    """A table in the house style, with every text cell wrapped so nothing is cut off.

    ``rows``: plain strings (escaped, newlines kept), numbers, ``None`` (empty) or ready
    flowables.  ``col_widths``: points, or ReportLab's ``"30%"`` / ``"*"`` strings.  With
    ``header`` the first row is set in bold on a grey band and, with ``repeat_header``,
    repeated at the top of every page the table runs onto.  A row taller than a page is
    split between pages rather than failing.
    """
    st = styles()
    data: list[list[Flowable]] = []
    for index, row in enumerate(rows):
        style = st["cell_bold"] if header and index == 0 else st["cell"]
        data.append([_cell(value, style) for value in row])
    commands: list[tuple[Any, ...]] = [
        # Tables otherwise select Helvetica for their cells, which would not be embedded.
        ("FONT", (0, 0), (-1, -1), FONT, 9, 11.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
    ]
    first_body = 1 if header else 0
    if header and data:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("LINEBELOW", (0, 0), (-1, 0), 0.9, MUTED),
        ]
    if len(data) > first_body:
        commands.append(
            ("ROWBACKGROUNDS", (0, first_body), (-1, -1), [colors.white, STRIPE_FILL])
        )
    result = Table(
        data,
        colWidths=list(col_widths),
        repeatRows=1 if header and repeat_header else 0,
        splitInRow=1,
        hAlign="LEFT",
    )
    result.setStyle(TableStyle(commands))
    return result


def signature_lines(labels: Iterable[str], lang: str) -> Flowable:
    """Signature and date lines, one pair per label ("Signature of the person served", ...).

    Each label is printed under a signature line, with a "Date" line beside it; the block
    is kept together on one page.
    """
    st = styles()
    label_style = ParagraphStyle("sig_label", parent=st["small"], textColor=INK)
    date_label = tr("Date", lang)
    data: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8, 10.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    heights: list[float | None] = []
    for label in labels:
        data.append(["", "", ""])
        heights.append(14 * mm)
        row = len(data)
        data.append([Paragraph(text_to_markup(label), label_style), "",
                     Paragraph(text_to_markup(date_label), label_style)])
        heights.append(None)
        commands += [
            ("LINEABOVE", (0, row), (0, row), 0.7, INK),
            ("LINEABOVE", (2, row), (2, row), 0.7, INK),
        ]
    if not data:
        return Spacer(1, 0)
    sig = Table(data, colWidths=["58%", "7%", "35%"], rowHeights=heights, hAlign="LEFT")
    sig.setStyle(TableStyle(commands))
    return KeepTogether([Spacer(1, 4 * mm), sig])


__all__ = [
    "DocumentFrame",
    "FONT",
    "FONT_BOLD",
    "FONT_ITALIC",
    "build_pdf",
    "content_width",
    "register_fonts",
    "signature_lines",
    "styles",
    "table",
    "text_to_markup",
]
