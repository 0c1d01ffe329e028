"""Short how-to pages in plain words: backing up and restoring, and moving to a new computer.

The words live here, each sentence through ``tr()``, so they are translated with the rest
of the window; the README says the same at more length.  Every step names what the user
sees: the Backups tab (Administration › Backups: "Choose folder…", "Back up now", "Test
restore"), the sign-in window's "Restore from a backup…", the setup window's "Restore a
backup instead…" (which a new computer shows first), and the restore wizard (a backup
file, then an administrator's password or the recovery code, then "Restore").
``continuum-admin`` gets one line per page, for whoever helps with the computer.

A page is a tuple of :class:`Section` (a heading, paragraphs, numbered steps, notes),
turned into simple HTML by :func:`sections_html` (each sentence escaped).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from ui.help.window import TextHelpWindow


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def sections_html(sections: tuple[Section, ...]) -> str:
    parts: list[str] = []
    for section in sections:
        parts.append(f"<h3>{html.escape(section.heading)}</h3>")
        parts.extend(f"<p>{html.escape(text)}</p>" for text in section.paragraphs)
        if section.steps:
            parts.append("<ol>" + "".join(f"<li>{html.escape(step)}</li>" for step in section.steps) + "</ol>")
        parts.extend(f"<p>{html.escape(text)}</p>" for text in section.notes)
    return "\n".join(parts)


class BackupHowToWindow(TextHelpWindow):
    """How to back up, check a backup, and restore one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resize(700, 640)
        self.set_title(self.tr("How to back up and restore"))
        self.browser.setHtml(sections_html((
            Section(self.tr("What a backup is"), paragraphs=(
                self.tr("A backup is one file with a copy of all the records. Its name ends in "
                        "“.continuum-backup”."),
                self.tr("It is encrypted. Without a password or the recovery code nobody can read it."),
                self.tr("Keep backups on a USB stick or a second disk, away from the computer. Then a stolen "
                        "or broken computer does not take the records with it."),
                self.tr("Only administrators can make and restore backups."))),
            Section(self.tr("Choose where backups go"), steps=(
                self.tr("Plug in the USB stick or disk."),
                self.tr("Open Administration › Backups."),
                self.tr("Press “Choose folder…” and pick a folder on the USB stick or disk."))),
            Section(self.tr("Backups are made by themselves"), paragraphs=(
                self.tr("Continuum makes a backup once a day while an administrator is signed in, and each "
                        "time an administrator closes it, if the backup folder is plugged in."),
                self.tr("To make one at once: Administration › Backups › “Back up now”."),
                self.tr("Each backup is read back and checked after it is written. Old backups are removed: "
                        "Continuum keeps one for each of the last 7 days, 4 weeks and 12 months. This can be "
                        "changed in Administration › Backups."),
                self.tr("A yellow bar at the top of the window warns when the last good backup is more than "
                        "7 days old, or when the backup folder cannot be found."))),
            Section(self.tr("Check that a backup works"), paragraphs=(
                self.tr("Now and then, choose a backup in Administration › Backups and press “Test restore”. "
                        "It restores the backup into a temporary folder, checks it, and changes nothing here."),)),
            Section(self.tr("Restore a backup"), paragraphs=(
                self.tr("Restore a backup after a damaged disk, or to go back to an earlier day."),), steps=(
                self.tr("Quit Continuum (File › Quit) and start it again."),
                self.tr("In the sign-in window, choose “Restore from a backup…”."),
                self.tr("Choose the backup file. Continuum checks it first."),
                self.tr("Type an administrator's user name and password, or the recovery code. Press "
                        "“Restore”."),
                self.tr("Sign in as usual.")), notes=(
                self.tr("Nothing is lost by restoring: the records that were here are first saved as a backup "
                        "in the folder “pre-restore-backups” inside the data folder."),
                self.tr("For whoever helps with the computer: “continuum-admin --user NAME backup --to FOLDER” "
                        "makes a backup, and “continuum-admin --data-dir FOLDER restore --from FILE” restores "
                        "one."))),
        )))


class MovingHowToWindow(TextHelpWindow):
    """How to move the records to a new computer: a backup, then a restore there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resize(700, 640)
        self.set_title(self.tr("How to move to a new computer"))
        self.browser.setHtml(sections_html((
            Section(self.tr("In short"), paragraphs=(
                self.tr("Moving is a backup on the old computer and a restore on the new one. An "
                        "administrator does it, with an administrator's password or the recovery code."),)),
            Section(self.tr("On the old computer"), steps=(
                self.tr("Plug in a USB stick."),
                self.tr("Make a backup onto it: in Administration › Backups, choose the USB stick with "
                        "“Choose folder…”, then press “Back up now”."),
                self.tr("Quit Continuum. From now on, do not type anything new on the old computer."))),
            Section(self.tr("On the new computer"), steps=(
                self.tr("Install Continuum and start it. The setup window opens."),
                self.tr("On its first page, choose “Restore a backup instead…”. Do not set up a new, empty "
                        "database."),
                self.tr("Choose the newest backup file on the USB stick."),
                self.tr("Type an administrator's user name and password, or the recovery code. Press "
                        "“Restore”."),
                self.tr("Sign in as usual. Everyone keeps their user name and password."),
                self.tr("Choose the backup folder again: Administration › Backups › “Choose folder…”.")),
                notes=(
                self.tr("If “Bind the data to this computer” was on (Administration › Organisation), passwords "
                        "made on the old computer do not work on the new one. Restore with the recovery code. "
                        "Then choose “Forgot your password? Use the recovery code…” in the sign-in window to set "
                        "your own new password, and give the other accounts new passwords with “Reset "
                        "password” in Administration › Accounts."),
                self.tr("Keep the old computer as it is until everyone has signed in on the new one and a first "
                        "backup has been made there."))),
        )))
