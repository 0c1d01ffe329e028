"""Organisation settings for administrators: what printed documents show, the idle lock,
the check-up pattern, the statistics threshold and binding the data to this computer.

Read with ``settings.get_settings`` and saved, all fields at once, with
``settings.update_settings``; the service's messages appear beside the matching fields (it
holds the rules: one source of truth).  After a save the session's ``settings_changed``
signal tells the status bar and the idle lock.

Decisions
---------
* **Logo**: "Choose logo…" opens a non-blocking file dialog for PNG files; the file is read
  on the I/O pool (at most :data:`LOGO_READ_LIMIT` bytes, so a huge file chosen by mistake
  is never read whole: the service refuses anything that large anyway) and shown as a small
  preview.  Nothing is stored until "Save settings"; "Remove logo" likewise takes effect on
  save.  A file that is not a PNG is flagged at once under the field; the service's own
  message replaces that on save.
* **Check-up pattern** is typed as months separated by commas ("3, 6, 12").  The form only
  checks that it *is* a list of whole numbers; order and range are the service's rules.
* **Statistics threshold**: the spin box accepts 1–100 so that a value below the minimum
  gets the service's message naming the minimum instead of being silently corrected.
* **Confidentiality notice**: empty means the standard notice, shown as grey placeholder
  text in the user's language (documents print it in the document's language).
* **Bind to this computer**: explained in plain words beside the switch, with the
  keyring sentence from ``keystore.keyring_status()`` (read on the I/O pool: some keyring
  backends talk to a daemon).  Without a secure keyring the switch is disabled, unless
  binding is already on: turning it off is always allowed.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clinic_app.services.settings import DEFAULT_CONFIDENTIALITY_NOTICE
from clinic_app.errors import ContinuumError, ValidationError
from clinic_app.i18n import normalise_lang
from clinic_app.i18n import tr as core_tr
from clinic_app.security.keystore import KeyringStatus, keyring_status
from clinic_app.services import settings
from clinic_app.services.settings import MIN_STATISTICS_THRESHOLD, OrganisationSettings
from ui.forms import Form, message_label, set_message
from ui.session import Session

#: how much of a chosen logo file is read (far more than the service accepts)
LOGO_READ_LIMIT = 8_000_000
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PREVIEW_WIDTH, PREVIEW_HEIGHT = 220, 72
_MONTH_SEPARATORS = re.compile(r"[\s,;]+")


def parse_months(text: str) -> tuple[int, ...] | None:
    """``"3, 6, 12"`` -> ``(3, 6, 12)``; ``None`` when a part is not a whole number."""
    parts = [p for p in _MONTH_SEPARATORS.split(text.strip()) if p]
    if not all(re.fullmatch(r"-?\d{1,4}", p) for p in parts):
        return None
    return tuple(int(p) for p in parts)


def months_text(months: tuple[int, ...]) -> str:
    return ", ".join(str(m) for m in months)


def read_logo(path: str) -> bytes:
    """The first :data:`LOGO_READ_LIMIT` bytes of ``path`` (runs on the I/O pool)."""
    try:
        with open(path, "rb") as f:
            return f.read(LOGO_READ_LIMIT)
    except OSError as exc:
        message = QCoreApplication.translate("LogoField", "The file could not be read ({reason}).")
        raise ValidationError({"logo_png": message.format(reason=exc.strerror or type(exc).__name__)}) from None


class LogoField(QWidget):
    """A preview of the logo with "Choose logo…" and "Remove logo"; :attr:`logo` is what will be saved.

    Its hint line is the form's (field ``logo_png``), so call :meth:`set_logo` once the field is added.
    """

    def __init__(self, panel: OrganisationPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.logo: bytes | None = None
        self.preview = QLabel(self)
        self.preview.setObjectName("logoPreview")
        self.preview.setFixedSize(PREVIEW_WIDTH, PREVIEW_HEIGHT)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setProperty("kind", "hint")
        self.choose_button = QPushButton(self.tr("Ch&oose logo…"), self)
        self.remove_button = QPushButton(self.tr("Re&move logo"), self)
        self.choose_button.clicked.connect(self.ask_file)
        self.remove_button.clicked.connect(lambda: self.set_logo(None))
        self.setFocusProxy(self.choose_button)
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview)
        row.addLayout(buttons)
        row.addStretch(1)

    def set_logo(self, data: bytes | None) -> None:
        """Show ``data`` (PNG bytes, or ``None`` for no logo) as the logo to be saved."""
        self.logo = data
        self.remove_button.setEnabled(data is not None)
        form = self.panel.form
        if data is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No logo"))
            form.set_hint("logo_png", self.tr("Printed beside the name on every document. A PNG file."))
            return
        pixmap = QPixmap()
        if data.startswith(PNG_SIGNATURE) and pixmap.loadFromData(data, "PNG"):
            self.preview.setPixmap(pixmap.scaled(PREVIEW_WIDTH - 8, PREVIEW_HEIGHT - 8, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
            form.set_hint("logo_png", self.tr("{width} × {height} pixels. Save the settings to use it.").format(
                width=pixmap.width(), height=pixmap.height()))
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("Cannot be shown"))
            form.set_hint("logo_png", self.tr("This file is not a PNG image; choose another file."), "warn")

    def ask_file(self) -> QFileDialog:
        """Open the (non-blocking) file dialog; the chosen file is read on the I/O pool."""
        dialog = QFileDialog(self.window(), self.tr("Choose the logo"), str(Path.home()),
                             self.tr("PNG images (*.png)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.load_file)
        dialog.open()
        return dialog

    def load_file(self, path: str) -> None:
        self.panel.form.clear_errors()
        self.panel.session.runner.run_io(lambda: read_logo(path), self.set_logo, self._unreadable)

    def _unreadable(self, exc: ContinuumError) -> None:
        self.panel.form.show_error(exc)


class BindField(QWidget):
    """The "bind to this computer" switch, what it does, and whether this computer can do it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.check = QCheckBox(self.tr("&Bind the data to this computer"), self)
        self.check.setEnabled(False)  # until the keyring's status is known
        self.setFocusProxy(self.check)
        self.explanation = QLabel(self.tr(
            "When this is on, every password set or changed on this computer from now on also needs a "
            "secret that only this computer's secure password store holds. A copy of the data folder taken "
            "to another computer then cannot be opened with a password alone. Passwords set earlier are not "
            "affected until they are changed. The recovery code always works, on any computer: keep the "
            "recovery sheet safe, because after a restore on a new computer it is how you get back in."), self)
        self.explanation.setWordWrap(True)
        self.explanation.setProperty("kind", "hint")
        self.status = message_label("hint", self)
        self.status.setObjectName("keyringStatus")
        self.secure = False
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.check)
        column.addWidget(self.explanation)
        column.addWidget(self.status)

    def show_status(self, status: KeyringStatus) -> None:
        self.secure = status.secure
        set_message(self.status, status.message, "hint" if status.secure else "warn")
        self._update_enabled()

    def set_value(self, bound: bool) -> None:
        self.check.setChecked(bound)
        self._update_enabled()

    def _update_enabled(self) -> None:
        self.check.setEnabled(self.secure or self.check.isChecked())


class OrganisationPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.form = Form(self)
        self.name = QLineEdit(self)
        self.address = QPlainTextEdit(self)
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 5)
        self.notice = QPlainTextEdit(self)
        self.notice.setTabChangesFocus(True)
        self.notice.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.notice.setPlaceholderText(core_tr(DEFAULT_CONFIDENTIALITY_NOTICE, normalise_lang(QLocale().name())))
        self.idle = QSpinBox(self)
        self.idle.setRange(1, 240)
        self.idle.setSuffix(self.tr(" minutes"))
        self.checkups = QLineEdit(self)
        self.checkups.setPlaceholderText("3, 6, 9, 12")
        self.threshold = QSpinBox(self)
        self.threshold.setRange(1, 100)

        self.form.add_field("name", self.tr("Organisation &name:"), self.name,
                            self.tr("Printed at the top of every document."))
        self.form.add_field("address", self.tr("&Address:"), self.address)
        self.logo = LogoField(self)
        self.form.add_field("logo_png", self.tr("&Logo:"), self.logo)
        self.logo.set_logo(None)
        self.form.add_field("confidentiality_notice", self.tr("Confidentiality &notice:"), self.notice,
                            self.tr("Printed at the foot of every page of client documents. Leave it empty to "
                                    "print the standard notice shown in grey, in the document's language."))
        self.form.add_field("idle_lock_minutes", self.tr("Lock &after:"), self.idle,
                            self.tr("When nobody uses Continuum for this long, the window locks and "
                                    "asks for the password again."))
        self.form.add_field("checkup_months", self.tr("&Check-ups after discharge:"), self.checkups,
                            self.tr("Months after discharge when a recovery check-up is due, separated by "
                                    "commas, e.g. 3, 6, 9, 12. Applies to discharges recorded from now on."))
        self.form.add_field("statistics_threshold", self.tr("Statistics &threshold:"), self.threshold,
                            self.tr("In the anonymised statistics, counts below this number are hidden so that "
                                    "nobody can be recognised. At least {minimum}.").format(
                                        minimum=MIN_STATISTICS_THRESHOLD))
        self.bind = BindField(self)
        self.form.add_field("bind_to_computer", self.tr("This &computer:"), self.bind)
        self.form.add_validator(self._check_months)

        self.save_button = QPushButton(self.tr("&Save settings"), self)
        self.save_button.clicked.connect(self.save)
        self.form.add_action(self.save_button)
        self.saved = message_label("ok", self)

        content = QWidget(self)
        content.setMaximumWidth(760)
        inner = QVBoxLayout(content)
        inner.addWidget(self.form)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        row = QHBoxLayout()  # below the scrolling fields, so "Save" is always in view
        row.setContentsMargins(9, 0, 9, 9)
        row.addWidget(self.save_button)
        row.addWidget(self.saved)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(row)
        self.form.submit(session.runner, session.call(settings.get_settings, write=False), self._show)
        session.runner.run_io(keyring_status, self.bind.show_status)

    def _show(self, values: OrganisationSettings) -> None:
        self.name.setText(values.name)
        self.address.setPlainText(values.address)
        self.logo.set_logo(values.logo_png)
        self.notice.setPlainText(values.confidentiality_notice)
        self.idle.setValue(values.idle_lock_minutes)
        self.checkups.setText(months_text(values.checkup_months))
        self.threshold.setValue(values.statistics_threshold)
        self.bind.set_value(values.bind_to_computer)

    def _check_months(self) -> dict[str, str]:
        if parse_months(self.checkups.text()) is None:
            return {"checkup_months": self.tr("Write the months as whole numbers separated by commas, "
                                              "e.g. 3, 6, 9, 12.")}
        return {}

    def save(self) -> None:
        set_message(self.saved, "")
        task = self.session.call(
            settings.update_settings,
            name=self.name.text(),
            address=self.address.toPlainText(),
            logo_png=self.logo.logo,
            confidentiality_notice=self.notice.toPlainText().strip(),
            idle_lock_minutes=self.idle.value(),
            checkup_months=parse_months(self.checkups.text()) or (),
            statistics_threshold=self.threshold.value(),
            bind_to_computer=self.bind.check.isChecked(),
        )
        self.form.submit(self.session.runner, task, self._saved)

    def _saved(self, values: OrganisationSettings) -> None:
        self._show(values)
        set_message(self.saved, self.tr("Saved."))
        self.session.settings_changed.emit(values)
