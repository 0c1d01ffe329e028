"""The frame of every help window: a heading, the content, and a Close button.

:class:`HelpWindow` is a non-modal dialog (owned by the main window, so the idle lock hides
it like any dialog); :class:`TextHelpWindow` adds a read-only text browser whose label
buddy is the heading, so screen readers name it, and which Tab leaves (it does not walk
the links: the keyboard scrolls the text, the contents links are for the mouse).  The title is set after construction
(:meth:`HelpWindow.set_title`), so that a subclass can translate it with its own
``self.tr``.  :meth:`HelpWindow.present` shows the window, or raises it when it is open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ui.forms import heading


class HelpWindow(QDialog):
    """A titled help window; subclasses add their content to :attr:`body`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.heading = heading("", self)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.body, 1)
        layout.addWidget(buttons)

    def set_title(self, title: str) -> None:
        self.heading.setText(title)
        self.setWindowTitle(self.tr("{title} – Continuum").format(title=title))

    def present(self) -> None:
        """Show the window, or bring it to the front if it is already open."""
        self.show()
        self.raise_()
        self.activateWindow()


class TextHelpWindow(HelpWindow):
    """A help window whose content is rich text in a read-only browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setTabChangesFocus(True)  # Tab leaves the text (to Close) instead of walking its links
        self.browser.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard
                                             | Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.heading.setBuddy(self.browser)
        self.body.addWidget(self.browser)
        self.resize(760, 640)

    def set_title(self, title: str) -> None:
        super().set_title(title)
        self.browser.setAccessibleName(title)
