"""The user guide: the README, rendered from Markdown in a help window.

Where the text comes from (:func:`read_guide`): ``ui/help/README.md`` through
``importlib.resources`` (the package build copies the README there), else the
repository's own ``README.md`` beside the ``ui`` package (a source checkout).  If neither
is there, the window says so instead of showing nothing.  When the window is in Spanish
(:func:`ui.language.ui_language`), the text is ``ui/help/user_guide.es.md`` instead (package
data, kept in git): a translation of the README's user part with the same pictures, whose
paths start from the README's folder as the README's do.  If that file is missing, the
English README is shown.

What is shown (:func:`prepare_guide`, plain text in, plain text out, so it is tested
without Qt):

- the README up to its "For developers" section: the rest is for programmers; contents
  entries that pointed to the removed part go too;
- pictures whose file exists beside the README (``docs/images/…`` in a source checkout)
  are shown from an absolute ``file:`` address; pictures whose file is missing (the
  package carries no ``docs/images``) are removed, never shown as broken icons, and a
  table of pictures that lost every picture is removed whole.  A picture without alt
  text gets its file name as alt text, because Qt's Markdown reader drops an image that
  has none inside a table cell.

In the window, pictures wider than the page are scaled down (a third of it in a table of
pictures), code blocks wrap (no sideways scrolling for a long command), and the contents
links (``#the-recovery-code``) scroll to their heading: Qt
gives Markdown headings no anchors, so the heading is found by its GitHub-style slug.
Web links open in the browser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QImageReader, QTextCursor, QTextDocument, QTextImageFormat
from PySide6.QtWidgets import QWidget

import ui
from ui.help.window import TextHelpWindow
from ui.language import ui_language

GUIDE_FILE = "README.md"
#: translations of the README's user part, in this package, by language
TRANSLATED_GUIDES: dict[str, str] = {"es": "user_guide.es.md"}
#: the first heading of the README that is not for users
DEVELOPER_SECTION = "## For developers"
#: widest picture, in pixels, in the guide's page
PICTURE_WIDTH = 680

_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<path>[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HEADING = re.compile(r"^#{1,6}\s+(?P<title>.+?)\s*#*\s*$")
_CONTENTS_ENTRY = re.compile(r"^\s*[-*]\s+\[[^\]]*\]\(#(?P<anchor>[^)\s]+)\)\s*$")
_TABLE_ROW = re.compile(r"^\s*\|")


@dataclass(frozen=True)
class GuideText:
    markdown: str
    #: the folder the README's relative picture paths start from (None: pictures cannot be found)
    base: Path | None


def read_guide(language: str | None = None) -> GuideText | None:
    """The guide in ``language`` (default: the window's), else the README; None if there is none.

    The README is the one packaged in ``ui.help``, else the source checkout's.
    """
    readme = _read_readme()
    translation = TRANSLATED_GUIDES.get(language or ui_language())
    if translation is not None:
        translated: Traversable = resources.files("ui.help").joinpath(translation)
        if translated.is_file():
            return GuideText(translated.read_text("utf-8"), readme.base if readme is not None else None)
    return readme


def _read_readme() -> GuideText | None:
    packaged: Traversable = resources.files("ui.help").joinpath(GUIDE_FILE)
    if packaged.is_file():
        return GuideText(packaged.read_text("utf-8"), packaged.parent if isinstance(packaged, Path) else None)
    checkout = Path(ui.__file__).resolve().parent.parent / GUIDE_FILE
    if checkout.is_file():
        return GuideText(checkout.read_text("utf-8"), checkout.parent)
    return None


def slug(title: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-")


def _plain_heading(title: str) -> str:
    return re.sub(r"[`*_]", "", title)


def _picture(match: re.Match[str], base: Path | None) -> str:
    path = match.group("path")
    if base is None or "://" in path:
        return ""
    target = (base / path).resolve()
    if not target.is_file():
        return ""
    alt = match.group("alt") or target.stem
    return f"![{alt}]({target.as_uri()})"


def _without_lost_picture_tables(lines: list[str], base: Path | None) -> list[str]:
    """Drop each table that held pictures and would keep none of them."""
    kept: list[str] = []
    table: list[str] = []
    for line in [*lines, ""]:
        if _TABLE_ROW.match(line):
            table.append(line)
            continue
        pictures = [m for row in table for m in _IMAGE.finditer(row)]
        if not pictures or any(_picture(m, base) for m in pictures):
            kept.extend(table)
        table = []
        kept.append(line)
    return kept[:-1]


def prepare_guide(markdown: str, base: Path | None) -> str:
    """The README's user part, with pictures resolved or removed (see the module docstring)."""
    user_part = markdown.split("\n" + DEVELOPER_SECTION, 1)[0]
    lines = _without_lost_picture_tables(user_part.splitlines(), base)
    anchors = {slug(_plain_heading(m.group("title"))) for line in lines if (m := _HEADING.match(line))}
    lines = [line for line in lines
             if not ((m := _CONTENTS_ENTRY.match(line)) and m.group("anchor") not in anchors)]
    return "\n".join(_IMAGE.sub(lambda m: _picture(m, base), line) for line in lines) + "\n"


def wrap_code(document: QTextDocument) -> None:
    """Let code blocks wrap, so a long command never needs a sideways scroll bar."""
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        if block.blockFormat().nonBreakableLines():
            layout = block.blockFormat()
            layout.setNonBreakableLines(False)
            cursor.setPosition(block.position())
            cursor.setBlockFormat(layout)
        block = block.next()


def fit_pictures(document: QTextDocument, width: int) -> None:
    """Scale down pictures wider than ``width`` (a third of it inside a table)."""
    found: list[tuple[int, int, QTextImageFormat, int]] = []
    block = document.begin()
    while block.isValid():
        widest = width // 3 if QTextCursor(block).currentTable() is not None else width
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().isImageFormat():
                found.append((fragment.position(), fragment.length(), fragment.charFormat().toImageFormat(), widest))
            fragments += 1
        block = block.next()
    cursor = QTextCursor(document)
    for position, length, picture, widest in found:
        size = QImageReader(QUrl(picture.name()).toLocalFile()).size()
        if size.width() <= widest:
            continue
        picture.setWidth(widest)
        picture.setHeight(size.height() * widest / size.width())
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(picture)


class UserGuideWindow(TextHelpWindow):
    """The README as a readable, scrollable guide."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_title(self.tr("User guide"))
        self.resize(860, 700)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self.follow)
        guide = read_guide()
        if guide is None:
            self.browser.setPlainText(self.tr(
                "The user guide is missing from this installation. It is the file README.md that comes "
                "with Continuum; installing Continuum again puts it back."))
            return
        self.browser.setMarkdown(prepare_guide(guide.markdown, guide.base))
        wrap_code(self.browser.document())
        fit_pictures(self.browser.document(), PICTURE_WIDTH)

    def heading_position(self, anchor: str) -> int | None:
        """Where the heading whose slug is ``anchor`` starts in the document (None if there is none)."""
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() and slug(block.text()) == anchor:
                return block.position()
            block = block.next()
        return None

    def follow(self, url: QUrl) -> None:
        """A clicked link: a contents entry scrolls to its heading; a web link opens in the browser."""
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        position = self.heading_position(url.fragment()) if url.hasFragment() else None
        if position is None:
            return
        block = self.browser.document().findBlock(position)
        top = self.browser.document().documentLayout().blockBoundingRect(block).top()
        self.browser.verticalScrollBar().setValue(int(top))
