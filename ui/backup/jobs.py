"""The backup work the task runner's threads run (no Qt here: plain functions and results).

- :func:`make_backup` (database thread): ``operations.create_backup`` into a folder, then
  rotation with the installation's keep rule, for this installation's archives only.  A
  rotation that cannot delete a file does not undo the backup: the result says so.
- :func:`current_status` and :func:`backups_in` (I/O pool): read the backup folder.
- :func:`use_folder` (I/O pool) checks a folder and remembers it as the installation's
  destination.  A backup folder must be named in full, exist, take a new file, and not be
  the data folder or inside it (a backup there would be lost with the very folder it
  protects); the messages are the caller's (translated), under the key ``folder``.
  **Decision**: a folder on the same disk as the data folder is accepted (a second folder
  is better than none, e.g. on a computer with one disk) but reported
  (``ChosenFolder.same_disk``), so the views can advise a USB stick.
- :func:`check_archive` (I/O pool): an archive's structure, seal and hashes, and whether
  this version can restore it (a newer one is refused with the core's message).
- :func:`newest_backup_for` and :func:`open_failure_report` (I/O pool): the newest good
  backup of the installation in a data folder, for the restore wizard and for the
  explanation shown when the database cannot be opened.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from clinic_app.backup import archive, destination, operations, startup
from clinic_app.backup.archive import ArchiveDamaged, BackupEntry
from clinic_app.backup.destination import BackupStatus, Listing
from clinic_app.backup.startup import StartupReport
from clinic_app.config import DataPaths
from clinic_app.errors import StorageError, ValidationError
from clinic_app.security.keys import KeySlotStore
from clinic_app.services.auth import Actor
from clinic_app.workspace import Workspace

#: an automatic backup is due when the last good one is this old
AUTO_INTERVAL = timedelta(days=1)


@dataclass(frozen=True)
class BackupOutcome:
    """A backup written, and what rotation did after it."""

    entry: BackupEntry
    removed: tuple[Path, ...]
    #: why rotation left this installation's archives alone (the core's sentences)
    skipped: tuple[str, ...]
    #: the operating system's reason when rotation could not delete a file ('' if none)
    rotation_error: str


def make_backup(ws: Workspace, actor: Actor, folder: Path) -> BackupOutcome:
    """A verified backup of ``ws`` in ``folder`` (administrators), then rotation (database thread)."""
    entry = operations.create_backup(ws, actor, folder)
    rule = destination.configured_rotation(ws.paths.root)
    try:
        report = destination.rotate(entry.path.parent, rule.daily, rule.weekly, rule.monthly, db_id=ws.db_id)
    except OSError as exc:
        return BackupOutcome(entry, (), (), exc.strerror or type(exc).__name__)
    return BackupOutcome(entry, report.removed, report.skipped, "")


def current_status(data_dir: Path, db_id: str) -> BackupStatus:
    """The configured folder's status for installation ``db_id`` (I/O pool)."""
    return destination.backup_status(destination.configured_destination(data_dir), db_id=db_id)


def is_due(status: BackupStatus, now: datetime | None = None) -> bool:
    """True when an automatic backup should be made: the folder is there and no good backup is recent."""
    if not status.folder_found:
        return False
    if status.last_good is None:
        return True
    return (now or datetime.now(timezone.utc)) - status.last_good.created_at >= AUTO_INTERVAL


@dataclass(frozen=True)
class FolderProblems:
    """What to say when a folder cannot take backups (already translated, the folder named in them)."""

    #: a relative path such as "backups"
    not_absolute: str
    #: no such folder (a USB stick not plugged in)
    missing: str
    #: the data folder itself or a folder inside it
    inside_data: str
    #: no new file can be written there (read-only, no permission, full)
    not_writable: str


@dataclass(frozen=True)
class ChosenFolder:
    """A backup folder that passed the checks and is now the installation's destination."""

    folder: Path
    #: the folder is on the same disk as the records, so one broken disk would take both
    same_disk: bool


def _is_inside(folder: Path, data_dir: Path) -> bool:
    return folder == data_dir or data_dir in folder.parents


def _writable(folder: Path) -> bool:
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".continuum-write-test-"):
            return True
    except OSError:
        return False


def use_folder(data_dir: Path, folder: Path, problems: FolderProblems) -> ChosenFolder:
    """Check ``folder`` and remember it as the backup destination; ``ValidationError`` {"folder": …} if unfit."""
    folder = Path(folder).expanduser()
    if not folder.is_absolute():
        raise ValidationError({"folder": problems.not_absolute})
    if not folder.is_dir():
        raise ValidationError({"folder": problems.missing})
    folder, data_dir = folder.resolve(), Path(data_dir).expanduser().resolve()
    if _is_inside(folder, data_dir):
        raise ValidationError({"folder": problems.inside_data})
    if not _writable(folder):
        raise ValidationError({"folder": problems.not_writable})
    destination.remember_destination(data_dir, folder)
    return ChosenFolder(folder, _same_disk(folder, data_dir))


def _same_disk(folder: Path, data_dir: Path) -> bool:
    try:
        return folder.stat().st_dev == data_dir.stat().st_dev
    except OSError:
        return False


def backups_in(folder: Path, db_id: str) -> Listing:
    """The archives of installation ``db_id`` in ``folder``, newest first (I/O pool)."""
    return destination.list_backups(folder, db_id=db_id)


def check_archive(path: Path) -> BackupEntry:
    """The archive at ``path`` if it verifies and this version can restore it; else the core's error."""
    check = archive.verify_archive(Path(path))
    if not check.ok or check.manifest is None:
        raise ArchiveDamaged(check)
    archive.check_compatible(check.manifest)
    return BackupEntry.of(Path(path), check.manifest)


def _installation_id(data_dir: Path) -> str | None:
    try:
        return KeySlotStore(DataPaths(data_dir).keyslots).load().db_id
    except (StorageError, OSError):
        return None


def newest_backup_for(data_dir: Path) -> BackupEntry | None:
    """The newest good backup of the installation in ``data_dir`` (of any, if its key slots are unreadable)."""
    return startup.newest_backup(data_dir, db_id=_installation_id(data_dir))


def open_failure_report(data_dir: Path, message: str) -> StartupReport:
    """A start-up report for a database that could not be opened at sign-in (``message`` says why)."""
    return StartupReport(Path(data_dir), startup.PROBLEM, (message,), newest_backup_for(data_dir))
