"""A backup folder: list the archives in it, rotate them, and say how recent the last good one is.

- :func:`list_backups` reads each ``*.continuum-backup`` file's manifest (cheap: no
  hashing), newest first; files whose manifest cannot be read are listed apart.
- :func:`rotate` keeps, per installation (``db_id``), the newest archive of each of the
  last ``keep_daily`` days, ``keep_weekly`` ISO weeks and ``keep_monthly`` months that have
  one (the rule of restic's and borg's ``--keep-daily`` …), and always the newest one; it
  deletes the others.  **Decision**: it deletes nothing of an installation unless that
  installation's newest archive passes :func:`archive.verify_archive`, so a damaged latest
  backup never costs the older good ones.  Files it cannot read are never deleted.
  Folders left by interrupted backups (``.continuum-backup-partial-*``) older than a day
  are removed.
- :func:`backup_status` gives what the GUI shows: when the last good backup (newest
  archive that verifies) was made, and whether it needs attention: no usable backup,
  older than 7 days, or the folder cannot be found (a USB drive not plugged in).
- The *configured destination* is the folder of the last backup made with
  ``operations.create_backup``, remembered in ``backup-destination.json`` in the data
  folder (the folder's path only; readable before sign-in, so the start-up check can
  point to the newest backup).  The GUI may set it explicitly with
  :func:`remember_destination`.
- The *keep rule* of rotation (how many daily, weekly and monthly backups to keep) is
  remembered the same way, in ``backup-rotation.json`` (:func:`remember_rotation`,
  :func:`configured_rotation`; the defaults when never set or unreadable), so that the
  GUI's automatic backups and an administrator's setting agree without a schema change.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable, Hashable
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from clinic_app.backup import archive
from clinic_app.backup.archive import TEMP_PREFIX, ArchiveDamaged, BackupEntry
from clinic_app.errors import ValidationError
from clinic_app.security.keys import atomic_write

DESTINATION_FILE = "backup-destination.json"
ROTATION_FILE = "backup-rotation.json"
STALE_AFTER = timedelta(days=7)
PARTIAL_MAX_AGE = timedelta(days=1)


@dataclass(frozen=True)
class UnreadableArchive:
    path: Path
    message: str


@dataclass(frozen=True)
class Listing:
    folder: Path
    #: readable archives, newest first
    backups: tuple[BackupEntry, ...]
    unreadable: tuple[UnreadableArchive, ...]


def _require_folder(folder: Path, field: str = "folder") -> Path:
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise ValidationError({field: f"The folder {folder} does not exist."})
    return folder


def list_backups(folder: Path, *, db_id: str | None = None) -> Listing:
    """The archives in ``folder`` (of one installation if ``db_id`` is given), newest first."""
    folder = _require_folder(folder)
    backups: list[BackupEntry] = []
    unreadable: list[UnreadableArchive] = []
    for path in sorted(folder.glob(f"*{archive.SUFFIX}")):
        if not path.is_file():
            continue
        try:
            entry = BackupEntry.of(path, archive.read_manifest(path))
        except ArchiveDamaged as exc:
            unreadable.append(UnreadableArchive(path, exc.check.summary()))
            continue
        if db_id is None or entry.db_id == db_id:
            backups.append(entry)
    backups.sort(key=lambda e: e.created_at, reverse=True)
    return Listing(folder, tuple(backups), tuple(unreadable))


def newest_good(backups: tuple[BackupEntry, ...]) -> BackupEntry | None:
    """The newest archive (of ``backups``, newest first) whose structure and hashes verify."""
    return next((e for e in backups if archive.verify_archive(e.path).ok), None)


# --- rotation -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RotationReport:
    kept: tuple[Path, ...]
    removed: tuple[Path, ...]
    removed_partials: tuple[Path, ...]
    #: installations whose archives were left alone, and why
    skipped: tuple[str, ...]


def _newest_per_period(backups: list[BackupEntry], count: int, period: Callable[[date], Hashable]) -> set[Path]:
    kept: set[Path] = set()
    seen: set[Hashable] = set()
    for entry in backups:
        key = period(entry.created_at.astimezone().date())
        if key in seen:
            continue
        if len(seen) == count:
            break
        seen.add(key)
        kept.add(entry.path)
    return kept


def select_kept(backups: list[BackupEntry], keep_daily: int, keep_weekly: int, keep_monthly: int) -> set[Path]:
    """The archives rotation keeps, of one installation's ``backups`` (newest first)."""
    if not backups:
        return set()
    return (
        {backups[0].path}
        | _newest_per_period(backups, keep_daily, lambda d: d)
        | _newest_per_period(backups, keep_weekly, lambda d: d.isocalendar()[:2])
        | _newest_per_period(backups, keep_monthly, lambda d: (d.year, d.month))
    )


def _check_keep(**counts: int) -> None:
    errors = {
        name: "Enter a whole number of 0 or more."
        for name, value in counts.items()
        if isinstance(value, bool) or not isinstance(value, int) or value < 0
    }
    if errors:
        raise ValidationError(errors)


def _remove_old_partials(folder: Path) -> list[Path]:
    removed = []
    limit = time.time() - PARTIAL_MAX_AGE.total_seconds()
    for path in folder.glob(f"{TEMP_PREFIX}*"):
        if path.is_dir() and path.stat().st_mtime < limit:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def rotate(
    folder: Path, keep_daily: int = 7, keep_weekly: int = 4, keep_monthly: int = 12, *, db_id: str | None = None
) -> RotationReport:
    """Delete the archives the keep rules do not keep (see the module docstring)."""
    _check_keep(keep_daily=keep_daily, keep_weekly=keep_weekly, keep_monthly=keep_monthly)
    listing = list_backups(folder, db_id=db_id)
    by_installation: dict[str, list[BackupEntry]] = {}
    for entry in listing.backups:
        by_installation.setdefault(entry.db_id, []).append(entry)
    kept: list[Path] = []
    removed: list[Path] = []
    skipped: list[str] = []
    for installation, backups in by_installation.items():
        if not archive.verify_archive(backups[0].path).ok:
            skipped.append(f"Nothing of installation {installation[:8]} was deleted: its newest backup "
                           f"{backups[0].path.name} fails its checks.")
            kept.extend(e.path for e in backups)
            continue
        keep = select_kept(backups, keep_daily, keep_weekly, keep_monthly)
        for entry in backups:
            if entry.path in keep:
                kept.append(entry.path)
            else:
                entry.path.unlink(missing_ok=True)
                removed.append(entry.path)
    return RotationReport(tuple(kept), tuple(removed), tuple(_remove_old_partials(listing.folder)), tuple(skipped))


# --- status ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupStatus:
    folder: Path | None
    folder_found: bool
    last_good: BackupEntry | None
    age: timedelta | None
    #: True when the GUI should warn: no folder, folder missing, no usable backup, or too old
    needs_attention: bool
    message: str


def _days(age: timedelta) -> str:
    days = age.days
    return "today" if days == 0 else "1 day ago" if days == 1 else f"{days} days ago"


def backup_status(
    folder: Path | None, *, db_id: str | None = None, now: datetime | None = None, max_age: timedelta = STALE_AFTER
) -> BackupStatus:
    """When the last good backup in ``folder`` was made, and whether that needs attention."""
    if folder is None:
        return BackupStatus(None, False, None, None, True, "No backup folder has been chosen yet. Make a backup to choose one.")
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        return BackupStatus(folder, False, None, None, True,
                            f"The backup folder {folder} cannot be found. If it is on a removable drive, plug it in.")
    listing = list_backups(folder, db_id=db_id)
    good = newest_good(listing.backups)
    if good is None:
        damaged = len(listing.backups) + len(listing.unreadable)
        extra = f" {damaged} backup file(s) there fail their checks." if damaged else ""
        return BackupStatus(folder, True, None, None, True, f"There is no usable backup in {folder}.{extra}")
    age = (now or datetime.now(timezone.utc)) - good.created_at
    when = f"{good.created_at.astimezone():%Y-%m-%d %H:%M} ({_days(age)})"
    if age > max_age:
        return BackupStatus(folder, True, good, age, True, f"The last good backup was made {when}. Make a backup now.")
    return BackupStatus(folder, True, good, age, False, f"The last good backup was made {when}.")


# --- the configured destination ----------------------------------------------------------------------


def remember_destination(data_dir: Path, folder: Path) -> None:
    """Record ``folder`` as the installation's backup destination (atomically)."""
    payload = json.dumps({"folder": str(Path(folder).expanduser().resolve())}, ensure_ascii=False)
    atomic_write(Path(data_dir) / DESTINATION_FILE, payload.encode("utf-8"))


def configured_destination(data_dir: Path) -> Path | None:
    """The remembered backup destination, or None (never set, or the record is unreadable)."""
    try:
        folder = json.loads((Path(data_dir) / DESTINATION_FILE).read_text("utf-8"))["folder"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return Path(folder) if isinstance(folder, str) and folder else None


@dataclass(frozen=True)
class KeepRule:
    """How many backups :func:`rotate` keeps: the newest of each of the last N days, weeks, months."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12


def remember_rotation(data_dir: Path, daily: int, weekly: int, monthly: int) -> KeepRule:
    """Record the keep rule (``ValidationError`` under keep_daily/keep_weekly/keep_monthly if a count is bad)."""
    _check_keep(keep_daily=daily, keep_weekly=weekly, keep_monthly=monthly)
    rule = KeepRule(daily, weekly, monthly)
    atomic_write(Path(data_dir) / ROTATION_FILE, json.dumps(asdict(rule)).encode("utf-8"))
    return rule


def configured_rotation(data_dir: Path) -> KeepRule:
    """The remembered keep rule, or the defaults (never set, or the record is unreadable)."""
    try:
        d = json.loads((Path(data_dir) / ROTATION_FILE).read_text("utf-8"))
        rule = KeepRule(d["daily"], d["weekly"], d["monthly"])
        _check_keep(keep_daily=rule.daily, keep_weekly=rule.weekly, keep_monthly=rule.monthly)
    except (OSError, ValueError, KeyError, TypeError, ValidationError):
        return KeepRule()
    return rule
