"""Start-up checks: what is wrong with a data folder, explained, with the newest backup to restore.

:func:`startup_check` runs before sign-in (no key needed), for the GUI and the command
line.  It detects what can be seen without the key:

- no installation at all (``status == "empty"``: set one up or restore a backup);
- the key-slot file missing or unreadable, the database missing;
- a database that cannot be a SQLCipher database of this app: empty, a size that is not a
  whole number of 4096-byte pages (SQLCipher 4's page size, which the app keeps), or a
  plain (unencrypted) SQLite file.

:func:`check_database` is the full check, when the key is known: SQLCipher's page-HMAC
check, SQLite's ``integrity_check`` and ``foreign_key_check``, and the audit chain.  It
only reads, on connections of its own, so it can run beside the application's work.

When something is wrong (or the folder is empty), the report points to the newest backup
that verifies, found in the configured backup destination (see :mod:`clinic_app.backup.destination`) or in the data folder's own
``pre-upgrade-backups`` and ``pre-restore-backups``.  Nothing here changes a file: a
damaged database is left exactly as it is (a restore sets it aside, never deletes it).

**Decision: the full check runs on a schedule, not at every sign-in.**  On a database of
100,000 clients (650 MB) it takes about 11 s of CPU (``integrity_check`` 6 s,
``quick_check`` alone still 3.4 s), so at sign-in only the cheap and necessary checks run:
the files above before it, and the key and schema revision when the database is opened
(:mod:`clinic_app.workspace`).  :func:`scheduled_check` runs the full check when it is due,
i.e. when it has not passed for :data:`FULL_CHECK_INTERVAL` (a day); the GUI runs it in
the background after the main window shows.  The time of the last pass is kept in a small
state file in the data folder (:data:`CHECK_STATE_FILE`, like the backup destination's),
not in the database: a check writes nothing to what it checks, and a failed check leaves
no record, so the next sign-in checks again.  Backups are not preceded by the full check:
every backup already checks its copy (SQLCipher's, SQLite's and the foreign-key checks and
the row counts, :mod:`clinic_app.backup.archive`), and a restore or test restore verifies
the copy's audit chain too.

This module imports the database stack only inside the functions that need the key, so
the check before sign-in stays cheap to load.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from clinic_app.config import DataPaths
from clinic_app.errors import StorageError
from clinic_app.security.keys import KeySlotStore, atomic_write

if TYPE_CHECKING:
    from clinic_app.backup.archive import BackupEntry
    from clinic_app.workspace import Workspace

#: SQLCipher 4's default page size (the app never changes it)
PAGE_SIZE = 4096
_PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"

OK, EMPTY, PROBLEM = "ok", "empty", "problem"

#: the full check is due when it has not passed for this long
FULL_CHECK_INTERVAL = timedelta(days=1)
#: the state file in the data folder recording when the full check last passed
CHECK_STATE_FILE = "last-full-check.json"


@dataclass(frozen=True)
class StartupReport:
    data_dir: Path
    #: "ok", "empty" (no installation in the folder) or "problem"
    status: str
    problems: tuple[str, ...]
    newest_backup: BackupEntry | None

    @property
    def ok(self) -> bool:
        return self.status == OK

    def explanation(self) -> str:
        """The problems and what to do, as text for the user (empty when all is well)."""
        if self.status == OK:
            return ""
        if self.status == EMPTY:
            lines = [f"There is no Continuum installation in {self.data_dir}. Set one up, or restore a backup."]
        else:
            lines = [*self.problems, "The files were left exactly as they are."]
        if self.newest_backup is not None:
            b = self.newest_backup
            lines.append(f"The newest backup found is {b.path} (made {b.created_at.astimezone():%Y-%m-%d %H:%M}). "
                         "Restore it to go on working.")
        elif self.status == PROBLEM:
            lines.append("No backup was found in the backup folder. Look for your latest backup "
                         "(for example on a USB drive) and restore it.")
        return "\n".join(lines)


def _search_folders(paths: DataPaths, backup_folder: Path | None) -> list[Path]:
    from clinic_app.backup import destination
    from clinic_app.backup.archive import PRE_UPGRADE_FOLDER
    from clinic_app.backup.operations import PRE_RESTORE_FOLDER

    chosen = backup_folder or destination.configured_destination(paths.root)
    folders = [chosen] if chosen else []
    return [f for f in (*folders, paths.root / PRE_UPGRADE_FOLDER, paths.root / PRE_RESTORE_FOLDER) if f.is_dir()]


def newest_backup(data_dir: Path, backup_folder: Path | None = None, db_id: str | None = None) -> BackupEntry | None:
    """The newest archive that verifies, of installation ``db_id`` if known, in the usual places."""
    from clinic_app.backup import destination

    paths = DataPaths(Path(data_dir))
    found: list[BackupEntry] = []
    for folder in _search_folders(paths, backup_folder):
        found.extend(destination.list_backups(folder, db_id=db_id).backups)
    found.sort(key=lambda e: e.created_at, reverse=True)
    return destination.newest_good(tuple(found))


def _database_problems(db: Path) -> list[str]:
    size = db.stat().st_size
    wal = db.with_name(db.name + "-wal")
    if size == 0:
        return [] if wal.exists() else [f"The database file {db} is empty."]
    if size % PAGE_SIZE:
        return [f"The database file {db} is damaged: its size ({size} bytes) is not a whole number of "
                f"pages, so part of it is missing (it was cut short or overwritten)."]
    with db.open("rb") as fh:
        if fh.read(len(_PLAIN_SQLITE_HEADER)) == _PLAIN_SQLITE_HEADER:
            return [f"The database file {db} is not encrypted, so it is not a Continuum database: "
                    "it was replaced by another file."]
    return []


def startup_check(data_dir: Path, backup_folder: Path | None = None) -> StartupReport:
    """What can be checked before sign-in (see the module docstring)."""
    paths = DataPaths(Path(data_dir))
    if not paths.database.exists() and not paths.keyslots.exists():
        return StartupReport(paths.root, EMPTY, (), newest_backup(paths.root, backup_folder))
    problems: list[str] = []
    db_id = None
    if paths.keyslots.exists():
        try:
            db_id = KeySlotStore(paths.keyslots).load().db_id
        except StorageError as exc:
            problems.append(f"{exc} ({paths.keyslots})")
    else:
        problems.append(f"The key-slot file {paths.keyslots} is missing, so the database cannot be opened "
                        "by any password or the recovery code.")
    if paths.database.exists():
        problems.extend(_database_problems(paths.database))
    else:
        problems.append(f"The database file {paths.database} is missing.")
    if not problems:
        return StartupReport(paths.root, OK, (), None)
    return StartupReport(paths.root, PROBLEM, tuple(problems), newest_backup(paths.root, backup_folder, db_id))


def check_database(ws: Workspace, backup_folder: Path | None = None) -> StartupReport:
    """The full check: integrity of the open database and of its audit chain (reads only)."""
    import sqlcipher3
    from sqlalchemy.exc import DBAPIError

    from clinic_app.db.engine import integrity_report
    from clinic_app.services import audit

    try:
        report = integrity_report(ws.engine)
    except (DBAPIError, sqlcipher3.Error) as exc:
        report = {"integrity_check": [f"the database cannot be read: {exc}"]}
    problems = [f"{check}: {line}" for check, lines in report.items() for line in lines]
    if not problems:
        with ws.unit_of_work(write=False) as uow:
            chain = audit.verify_chain(uow)
        if not chain.ok:
            problems.append(f"The audit log is damaged: {chain.problem}.")
    if not problems:
        return StartupReport(ws.paths.root, OK, (), None)
    problems.insert(0, "The database failed its integrity checks.")
    return StartupReport(ws.paths.root, PROBLEM, tuple(problems), newest_backup(ws.paths.root, backup_folder, ws.db_id))


def last_full_check(data_dir: Path) -> datetime | None:
    """When the full check last passed on this data folder (None: never, or the record is unreadable)."""
    try:
        recorded = json.loads((Path(data_dir) / CHECK_STATE_FILE).read_text("utf-8"))["passed_at"]
        when = datetime.fromisoformat(recorded)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return when if when.tzinfo is not None else None


def full_check_due(data_dir: Path, now: datetime | None = None) -> bool:
    """True when the full check has not passed for :data:`FULL_CHECK_INTERVAL` (or the clock went back)."""
    last = last_full_check(data_dir)
    current = now or datetime.now(timezone.utc)
    return last is None or not last <= current < last + FULL_CHECK_INTERVAL


def record_full_check(data_dir: Path, when: datetime) -> None:
    """Remember that the full check passed at ``when`` (atomically; the database is not touched)."""
    payload = json.dumps({"passed_at": when.astimezone(timezone.utc).isoformat()})
    atomic_write(Path(data_dir) / CHECK_STATE_FILE, payload.encode("ascii"))


def scheduled_check(ws: Workspace, now: datetime | None = None) -> StartupReport | None:
    """The full check if it is due (None if not); a pass is recorded, so it runs at most once a day."""
    started = now or datetime.now(timezone.utc)
    if not full_check_due(ws.paths.root, started):
        return None
    report = check_database(ws)
    if report.ok:
        record_full_check(ws.paths.root, started)
    return report
