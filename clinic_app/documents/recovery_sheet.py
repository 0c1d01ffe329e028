"""The recovery-code sheet: one printed page that carries the installation's recovery code.

The sheet is printed once, when the code is made, and then locked away.  It shows the
organisation, the date the code was made, the code itself in large, evenly spaced type
(groups of four separated by hyphens), plain-words
instructions (what the code is for, how to keep it) and a small table in which to write
when the sheet was put away and who holds it.

It uses the shared letterhead and footer of :mod:`clinic_app.documents.layout`; the
footer carries a "keep this secret" notice instead of the client-record notice.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from clinic_app.documents import layout
from clinic_app.i18n import format_date, normalise_lang, tr
from clinic_app.security.recovery_code import ALPHABET, GROUP

_MAX_CODE_SIZE = 24.0
_MIN_CODE_SIZE = 12.0
_CHAR_SPACE = 0.08  # extra space between characters, as a fraction of the font size
_HYPHEN_SPACE = 0.34  # space either side of a hyphen, as a fraction of the font size
_BOX_PAD_X = 14.0
_BOX_PAD_Y = 12.0


def _groups(recovery_code: str) -> list[str]:
    """Split the code into its groups, whatever spacing or hyphens it was given with."""
    chars = "".join(c for c in recovery_code.upper() if c not in " -\t\r\n")
    return [chars[i : i + GROUP] for i in range(0, len(chars), GROUP)] or [""]


class _CodeBlock(Flowable):
    """The code in a shaded box: letter-spaced groups with spaced-out hyphens between them.

    The largest size up to 24 pt at which the code fits in one line is used; when that
    would be smaller than 20 pt the groups are split over as few lines as keep 20 pt.
    Each group is one string (with letter spacing), so copying text from the PDF gives
    the code back.
    """

    def __init__(self, groups: list[str]) -> None:
        super().__init__()
        self.groups = groups
        self.font = layout.FONT_BOLD

    def _layout_for(self, avail: float) -> tuple[float, int, int]:
        """Return (font size, groups per line, number of lines) for a box of width ``avail``."""
        inner = avail - 2 * _BOX_PAD_X
        best = (_MIN_CODE_SIZE, len(self.groups), 1)
        for wanted_lines in range(1, len(self.groups) + 1):
            per_line = math.ceil(len(self.groups) / wanted_lines)
            lines = math.ceil(len(self.groups) / per_line)
            unit_width = max(self._line_width(line, 1.0, lines > 1)
                             for line in self._split(per_line))
            best = (min(_MAX_CODE_SIZE, inner / unit_width), per_line, lines)
            if best[0] >= 20.0:
                break
        size, per_line, lines = best
        return max(size, _MIN_CODE_SIZE), per_line, lines

    def _split(self, per_line: int) -> list[list[str]]:
        return [self.groups[i : i + per_line] for i in range(0, len(self.groups), per_line)]

    def _hyphen_step(self, size: float) -> float:
        """Advance taken by a hyphen with its space on either side."""
        return stringWidth("-", self.font, size) + 2 * _HYPHEN_SPACE * size

    def _line_width(self, line: list[str], size: float, wrapped: bool) -> float:
        width = sum(self._group_width(g, size) for g in line)
        return width + (len(line) - 1 + (1 if wrapped else 0)) * self._hyphen_step(size)

    def _group_width(self, group: str, size: float) -> float:
        spacing = _CHAR_SPACE * size * max(len(group) - 1, 0)
        return stringWidth(group, self.font, size) + spacing

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.size, self.per_line, self.lines = self._layout_for(availWidth)
        self.line_h = self.size * 1.45
        self.height = self.lines * self.line_h + 2 * _BOX_PAD_Y - (self.line_h - self.size * 1.1)
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        size = self.size
        canv.saveState()
        canv.setFillColor(layout.STRIPE_FILL)
        canv.setStrokeColor(layout.RULE)
        canv.setLineWidth(0.8)
        canv.roundRect(0, 0, self.width, self.height, 6, stroke=1, fill=1)

        lines = self._split(self.per_line)
        wrapped = len(lines) > 1
        # Lines start at the same x (so line 2 sits under line 1); the block is centred.
        block = max(self._line_width(line, size, wrapped) for line in lines)
        if wrapped:  # the trailing hyphen's outer space is not ink: leave it out of the centring
            block -= _HYPHEN_SPACE * size
        x0 = (self.width - block) / 2
        canv.setFillColor(layout.INK)
        top = self.height - _BOX_PAD_Y - size * 0.95
        for number, line in enumerate(lines):
            y = top - number * self.line_h
            x = x0
            last_line = number == len(lines) - 1
            for index, group in enumerate(line):
                text = canv.beginText(x, y)
                text.setFont(self.font, size)
                text.setCharSpace(_CHAR_SPACE * size)
                text.textOut(group)
                x += self._group_width(group, size)
                if not (last_line and index == len(line) - 1):
                    text.setCharSpace(0)
                    text.setTextOrigin(x + _HYPHEN_SPACE * size, y)
                    text.textOut("-")
                    x += self._hyphen_step(size)
                canv.drawText(text)
        canv.restoreState()


def render_recovery_sheet(org_name: str, recovery_code: str, created: date, lang: str = "en"
                          ) -> bytes:
    """Return the one-page PDF that carries ``recovery_code`` for ``org_name``.

    ``created`` is the day the code was made; ``lang`` is ``"en"`` or ``"es"`` (anything
    else falls back to English).  The code may be given with or without hyphens.
    """
    lang = normalise_lang(lang)
    st = layout.styles()
    groups = _groups(recovery_code)
    count = sum(len(g) for g in groups)
    org_markup = f"<b>{layout.text_to_markup(org_name)}</b>"
    date_markup = f"<b>{layout.text_to_markup(format_date(created, lang))}</b>"

    def bullets(texts: list[str]) -> list[Flowable]:
        return [Paragraph(layout.text_to_markup(t), st["bullet"], bulletText="•") for t in texts]

    caption = tr("{count} characters in {groups} groups.", lang, count=count, groups=len(groups))
    if all(c in ALPHABET for g in groups for c in g):
        caption += " " + tr(
            "The code never contains the letters I, L, O or U, so 0 is always the digit "
            "zero and 1 is always the digit one.",
            lang,
        )

    story: list[Any] = [
        Paragraph(
            tr("This sheet holds the recovery code for the Continuum records of {org}. "
               "The code was made on {date}.", lang, org=org_markup, date=date_markup),
            st["body"],
        ),
        Spacer(1, 3 * mm),
        KeepTogether([
            Paragraph(layout.text_to_markup(tr("Recovery code", lang)), st["label"]),
            Spacer(1, 1.5 * mm),
            _CodeBlock(groups),
            Spacer(1, 1.5 * mm),
            Paragraph(layout.text_to_markup(caption), st["small"]),
        ]),
        Paragraph(layout.text_to_markup(tr("What this code is for", lang)), st["h2"]),
        *bullets([
            tr("If every administrator password is lost or forgotten, this code opens the "
               "records again.", lang),
            tr("It is also needed to restore a backup on a new computer.", lang),
        ]),
        Paragraph(layout.text_to_markup(tr("Keep it safe", lang)), st["h2"]),
        *bullets([
            tr("Keep this sheet locked away, for example in a safe or a locked drawer, away "
               "from the computer.", lang),
            tr("Never store the code on the computer or on a phone: do not type it into a "
               "file, an email or a message, and do not photograph or scan this sheet.", lang),
            tr("Anyone who has this code and a copy of the data can read every record. Look "
               "after it as you would the key to the filing cabinet.", lang),
            tr("If the sheet is lost, or someone else may have seen it, tell an administrator "
               "straight away so that a new recovery code can be made.", lang),
        ]),
        Paragraph(layout.text_to_markup(tr("Where this sheet is kept", lang)), st["h2"]),
        Paragraph(
            layout.text_to_markup(tr("When you put the sheet away, write the date and who "
                                     "holds it. Add a line each time it changes hands.", lang)),
            st["body"],
        ),
        layout.table(
            [[tr("Date stored", lang), tr("Held by (name)", lang),
              tr("Where it is kept", lang), tr("Signature", lang)]]
            + [[Spacer(1, 8 * mm), None, None, None] for _ in range(3)],
            ["20%", "30%", "30%", "20%"],
        ),
    ]
    frame = layout.DocumentFrame(
        org_name,
        title=tr("Recovery code", lang),
        lang=lang,
        confidentiality_notice=tr(
            "Secret. Keep this sheet locked away; do not copy, photograph or scan it.", lang
        ),
    )
    return layout.build_pdf(frame, story)


__all__ = ["render_recovery_sheet"]
