"""The backup folder field shared by the Backups tab and the setup wizard.

:class:`BackupFolderField` is the labelled folder line with its hint and error line (a
one-field :class:`~ui.forms.Form`, key ``folder``), a "Choose folder…" button opening the
non-blocking folder dialog, and a row that hosts may add their own buttons to.
:meth:`BackupFolderField.remember` checks a folder and remembers it as the installation's
destination on the I/O pool (:func:`ui.backup.jobs.use_folder`: named in full, present,
writable, not the data folder or inside it); a refusal appears under the field, success
emits :attr:`~BackupFolderField.remembered` with a :class:`~ui.backup.jobs.ChosenFolder`.

Two ways of use: the Backups tab shows the folder read-only and remembers a folder as soon
as it is picked; the setup wizard lets the folder be typed too and remembers it when the
user goes on.  The warning for a folder on the same disk as the records is
:func:`same_disk_warning`, shown by each host where it fits.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from clinic_app.errors import ContinuumError
from ui.backup import jobs
from ui.backup.common import choose_folder
from ui.backup.jobs import ChosenFolder, FolderProblems
from ui.forms import Form
from ui.tasks import TaskRunner

FIELD = "folder"


def same_disk_warning() -> str:
    return QCoreApplication.translate(
        "BackupFolderField",
        "This folder is on the same disk as the records: if that disk breaks, the backups are lost "
        "with it. A USB stick or a second disk, kept apart from the computer, is safer.")


class BackupFolderField(QWidget):
    """The backup folder line, "Choose folder…", and the check that remembers a folder."""

    #: a folder was picked in the folder dialog (its path)
    picked = Signal(str)
    #: a folder passed the checks and is now the backup destination (a ``ChosenFolder``)
    remembered = Signal(object)

    def __init__(self, data_dir: Path, runner: TaskRunner, hint: str, *, editable: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir, self.runner, self.editable = Path(data_dir), runner, editable
        self.form = Form(self)
        self.edit = QLineEdit(self)
        self.edit.setReadOnly(not editable)
        if not editable:
            self.edit.setPlaceholderText(self.tr("No folder chosen yet"))
        self.form.add_field(FIELD, self.tr("Backup f&older:"), self.edit, hint)
        self.edit.textEdited.connect(lambda _text: self.form.clear_errors())  # an old message no longer applies
        self.choose_button = QPushButton(self.tr("&Choose folder…"), self)
        self.choose_button.clicked.connect(self.ask)
        self.form.add_action(self.choose_button)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.choose_button)
        self.buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.form)
        column.addLayout(self.buttons)

    def text(self) -> str:
        return self.edit.text().strip()

    def set_folder(self, folder: Path | None) -> None:
        self.edit.setText(str(folder) if folder is not None else "")

    def ask(self) -> None:
        """Open the folder dialog (at the folder shown, if any); a picked folder emits ``picked``."""
        start = Path(self.text()).expanduser() if self.text() else None
        choose_folder(self, self.tr("Choose the backup folder"), start if start and start.is_dir() else None,
                      self._picked)

    def _picked(self, path: str) -> None:
        if self.editable:
            self.edit.setText(path)
            self.form.clear_errors()
        self.picked.emit(path)

    def problems(self, folder: str) -> FolderProblems:
        """What to say when ``folder`` cannot take backups, in the user's language."""
        return FolderProblems(
            not_absolute=self.tr("Type the whole path of the folder, e.g. “E:\\Backups”, or use "
                                 "“Choose folder…”."),
            missing=self.tr("There is no folder {folder}. Plug in the USB stick or disk, or choose another "
                            "folder.").format(folder=folder),
            inside_data=self.tr("This folder is inside the folder that holds the records, so a backup there is "
                                "lost together with them. Choose a USB stick or another disk."),
            not_writable=self.tr("Continuum cannot write in {folder}. It may be read-only or full, or you may "
                                 "not be allowed to write there. Choose another folder.").format(folder=folder))

    def remember(self, path: str | None = None) -> bool:
        """Check ``path`` (default: the folder shown) and remember it; False when already busy.

        The result arrives as ``remembered`` or as a message under the field.
        """
        if self.form.busy:
            return False
        text = (path if path is not None else self.text()).strip()
        data_dir, folder, problems = self.data_dir, Path(text), self.problems(text)
        self.form.clear_errors()
        self.form.set_busy(True)
        self.runner.run_io(lambda: jobs.use_folder(data_dir, folder, problems), self._remembered, self._failed)
        return True

    def _remembered(self, chosen: ChosenFolder) -> None:
        self.form.set_busy(False)
        self.remembered.emit(chosen)

    def _failed(self, exc: ContinuumError) -> None:
        self.form.set_busy(False)
        self.form.show_error(exc)
