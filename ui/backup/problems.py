"""The explanation shown when the data folder or the database fails a start-up check.

:class:`StartupProblemDialog` shows a :class:`clinic_app.backup.startup.StartupReport`:
what is wrong (the core's sentences, naming the files), that nothing has been changed and
that a restore keeps the damaged files too, and the newest backup that passes its checks
(found in the backup folder or in the data folder's own pre-upgrade and pre-restore
backups).  It offers to restore that backup, or another one, through the restore wizard.

It is used in three places (see :class:`ui.app.Launcher`): before sign-in, when the files
themselves are missing or damaged (``startup_check``); at sign-in, when the database cannot
be opened with its key; and over the open main window, when the full check that runs in
the background after sign-in (at most once a day, ``clinic_app.backup.startup.scheduled_check``)
finds the database failing its integrity checks or the audit chain broken.  Only in the
last case is the database open, and the dialog then also offers to keep working with the
records ("open the records anyway"): the damage may be small and there may be no backup to
restore.

**Decision**: the wording does not claim damage the core did not report ("cannot open",
"failed its checks"), since a database made by a newer version also fails to open at
sign-in, and restoring an older backup would then be the wrong advice: the core's own
sentence, shown first, says what to do.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from clinic_app.backup.startup import StartupReport
from ui.backup.common import local_time
from ui.core_messages import core_text
from ui.forms import heading


def _paragraph(text: str, parent: QWidget, name: str) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class StartupProblemDialog(QDialog):
    """What is wrong, that nothing was changed, and the newest backup to restore."""

    #: restore a backup: the newest one found (a ``Path``) or None (the user chooses)
    restore_requested = Signal(object)
    #: open the records although they failed their checks (only when ``can_continue``)
    continue_requested = Signal()

    def __init__(self, report: StartupReport, parent: QWidget | None = None, can_continue: bool = False) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("A problem with the records – Continuum"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading(self.tr("The records failed their checks") if can_continue
                                 else self.tr("Continuum cannot open the records"), self))
        self.problems = _paragraph(core_text("\n".join(report.problems)), self, "problems")
        self.problems.setProperty("kind", "error")
        layout.addWidget(self.problems)
        self.kept = _paragraph(self.tr(
            "Nothing has been changed: the files in {folder} are kept exactly as they are. A restore "
            "keeps them too: it backs them up first, or, if they cannot be read, keeps them under a new "
            "name ending in “.damaged-” and the date.").format(folder=report.data_dir), self, "keptNote")
        layout.addWidget(self.kept)
        newest = report.newest_backup
        if newest is not None:
            text = self.tr("The newest backup found was made {when}:\n{file}").format(
                when=local_time(newest.created_at), file=newest.path)
        else:
            text = self.tr("No backup was found in the backup folder or in the data folder. Find your latest "
                           "backup (for example on a USB stick) and restore it with “Choose a backup…”.")
        self.newest = _paragraph(text, self, "newestBackup")
        layout.addWidget(self.newest)
        if can_continue:
            layout.addWidget(_paragraph(self.tr(
                "You can also open the records anyway, for example to print what can still be read, and "
                "restore later; some parts may fail to open. Work saved meanwhile is not in any backup."),
                self, "continueNote"))

        buttons = QDialogButtonBox(self)
        self.restore_button: QPushButton | None = None
        if newest is not None:
            self.restore_button = buttons.addButton(self.tr("&Restore the newest backup…"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
            self.restore_button.clicked.connect(lambda: self._restore(newest.path))
        self.choose_button = buttons.addButton(self.tr("C&hoose a backup…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.choose_button.clicked.connect(lambda: self._restore(None))
        self.continue_button: QPushButton | None = None
        if can_continue:
            self.continue_button = buttons.addButton(self.tr("&Open the records anyway"),
                                                     QDialogButtonBox.ButtonRole.ActionRole)
            self.continue_button.clicked.connect(self._continue)
        self.close_button = buttons.addButton(self.tr("&Quit") if can_continue else self.tr("&Close"),
                                              QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.clicked.connect(self.reject)
        (self.restore_button or self.choose_button).setDefault(True)
        layout.addWidget(buttons)

    def _restore(self, archive: Path | None) -> None:
        self.restore_requested.emit(archive)
        self.accept()

    def _continue(self) -> None:
        self.continue_requested.emit()
        self.accept()
