""""Where is my data?": the data folder, the backup folder and the log folder.

Each folder has a row: a label, the path (read-only, selectable), "Open folder" (the
system's file manager, through ``QDesktopServices``) and "Copy" (the path to the
clipboard), and a sentence under it saying what is there.  "Open folder" is disabled for
a folder that does not exist now (no backup folder chosen, a USB stick not plugged in, no
log written yet), and the sentence says why.

- The data folder is the session's (``--data-dir``, ``CONTINUUM_DATA_DIR`` or the
  per-user folder, as resolved at start).
- The backup folder is the installation's configured destination
  (``destination.configured_destination``), read on the I/O pool each time the window is
  opened from the menu, so a folder chosen meanwhile in the Backups tab shows.
- The log folder is :func:`clinic_app.config.log_dir`, platformdirs' per-user log folder for Continuum:
  where ``ui.app.configure_logging`` writes ``continuum.log``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from clinic_app.backup import destination
from clinic_app.config import log_dir
from ui.forms import message_label, paragraph, plain_label, set_message
from ui.help.window import HelpWindow
from ui.session import Session


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the system's file manager; False if that could not be started."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


@dataclass(frozen=True)
class BackupFolderState:
    folder: Path | None
    found: bool


def backup_folder_state(data_dir: Path) -> BackupFolderState:
    """The configured backup folder and whether it is there now (I/O pool)."""
    folder = destination.configured_destination(data_dir)
    return BackupFolderState(folder, folder is not None and folder.is_dir())


class FolderRow:
    """One folder's widgets: label, path, "Open folder", "Copy", and the sentence under them."""

    def __init__(self, window: "DataFoldersWindow", grid: QGridLayout, label: str, open_name: str,
                 copy_name: str) -> None:
        row = grid.rowCount()
        self.folder: Path | None = None
        self.caption = QLabel(label, window)
        self.path = QLineEdit(window)
        self.path.setReadOnly(True)
        self.path.setAccessibleName(plain_label(label))
        self.path.setMinimumWidth(420)
        self.caption.setBuddy(self.path)
        self.open_button = QPushButton(QCoreApplication.translate("DataFoldersWindow", "Open folder"), window)
        self.open_button.setAccessibleName(open_name)
        self.open_button.clicked.connect(lambda: window.open_row(self))
        self.copy_button = QPushButton(QCoreApplication.translate("DataFoldersWindow", "Copy"), window)
        self.copy_button.setAccessibleName(copy_name)
        self.copy_button.clicked.connect(lambda: window.copy_row(self))
        self.note = paragraph("", window)
        self.note.setProperty("kind", "hint")
        grid.addWidget(self.caption, row, 0)
        grid.addWidget(self.path, row, 1)
        grid.addWidget(self.open_button, row, 2)
        grid.addWidget(self.copy_button, row, 3)
        grid.addWidget(self.note, row + 1, 1, 1, 3)

    def show(self, folder: Path | None, note: str, openable: bool) -> None:
        self.folder = folder
        self.path.setText(str(folder) if folder is not None else "")
        self.path.setCursorPosition(0)
        self.note.setText(note)
        self.open_button.setEnabled(openable)
        self.copy_button.setEnabled(folder is not None)


class DataFoldersWindow(HelpWindow):
    """Where the records, the backups and the log are, with "Open folder" and "Copy"."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_title(self.tr("Where is my data?"))
        self.session = session
        self.body.addWidget(paragraph(self.tr(
            "Continuum keeps everything in the folders below. Do not move, rename or delete the files in the "
            "data folder yourself: to move the records, use a backup (Help › How to move to a new computer)."),
            self))
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        self.data_row = FolderRow(self, grid, self.tr("&Data folder:"), self.tr("Open the data folder"),
                                  self.tr("Copy the data folder's path"))
        self.backup_row = FolderRow(self, grid, self.tr("&Backup folder:"), self.tr("Open the backup folder"),
                                    self.tr("Copy the backup folder's path"))
        self.log_row = FolderRow(self, grid, self.tr("&Log folder:"), self.tr("Open the log folder"),
                                 self.tr("Copy the log folder's path"))
        self.backup_row.path.setPlaceholderText(self.tr("No backup folder chosen yet"))
        self.body.addLayout(grid)
        self.message = message_label("ok", self)
        self.message.setObjectName("folderMessage")
        self.body.addWidget(self.message)
        self.body.addStretch(1)
        self.resize(820, 420)

    def present(self) -> None:
        self.refresh()
        super().present()

    def refresh(self) -> None:
        """Show the three folders; the backup folder is read on the I/O pool."""
        set_message(self.message, "")
        data_dir = self.session.data_dir
        self.data_row.show(data_dir, self.tr(
            "The encrypted records (continuum.db) and the keys that open them (keyslots.json). Without a "
            "password or the recovery code these files cannot be read."), data_dir.is_dir())
        logs = log_dir()
        written = logs.is_dir()
        self.log_row.show(logs, self.tr(
            "Technical notes about errors, for whoever helps you with the computer. They do not contain the "
            "records.") if written else self.tr("Nothing has been written to the log yet."), written)
        self.session.runner.run_io(lambda: backup_folder_state(data_dir), self._show_backup_folder)

    def _show_backup_folder(self, state: BackupFolderState) -> None:
        if state.folder is None:
            note = self.tr("No backup folder has been chosen yet. An administrator chooses one in "
                           "Administration › Backups.")
        elif not state.found:
            note = self.tr("The backup folder cannot be found now. If it is on a USB stick or another disk, "
                           "plug it in.")
        else:
            note = self.tr("Where Continuum writes its backups. Each backup is one encrypted file whose name "
                           "ends in “.continuum-backup”.")
        self.backup_row.show(state.folder, note, state.found)

    def open_row(self, row: FolderRow) -> None:
        if row.folder is not None and not open_folder(row.folder):
            set_message(self.message, self.tr("The folder could not be opened. Copy its path instead and "
                                              "paste it into the file manager."), "error")

    def copy_row(self, row: FolderRow) -> None:
        if row.folder is not None:
            QGuiApplication.clipboard().setText(str(row.folder))
            set_message(self.message, self.tr("Copied: {path}").format(path=row.folder), "ok")
