"""The backup work the task runner's threads run (no Qt here: plain functions and results).

- :func:`make_backup` (database thread): ``operations.create_backup`` into a folder, then
  rotation with the installation's keep rule, for this installation's archives only.  A
  rotation that cannot delete a file does not undo the backup: the result says so.
- :func:`current_status` and :func:`backups_in` (I/O pool): read the backup folder;
  :func:`use_folder` remembers a (present) folder as the installation's destination.
- :func:`check_archive` (I/O pool): an archive's structure, seal and hashes, and whether
  this version can restore it (a newer one is refused with the core's message).
- :func:`newest_backup_for` and :func:`open_failure_report` (I/O pool): the newest good
  backup of the installation in a data folder, for the restore wizard and for the
  explanation shown when the database cannot be opened.
"""

from __future__ import annotations

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


def use_folder(data_dir: Path, folder: Path, missing: str) -> Path:
    """Remember ``folder`` as the backup destination; ``ValidationError`` {"folder": missing} if it is not there."""
    if not Path(folder).expanduser().is_dir():
        raise ValidationError({"folder": missing})
    destination.remember_destination(data_dir, folder)
    return Path(folder)


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
