"""Backup, restore and test restore: what an administrator does with backups.

These take the open ``Workspace`` (not a unit of work) because they run for a while on
their own connections and commit their own audit entries; every other rule of a service
holds: the role is checked first, errors are ``ContinuumError``\\s with a message for the
user, and results are frozen dataclasses.

- :func:`create_backup` (administrators): a verified archive in any folder (see
  :mod:`clinic_app.backup.archive`), audited as ``backup.created``; the folder becomes the
  configured destination.
- :func:`test_restore`: restores an archive into a temporary folder and reports what it
  found (row counts per table, SQLCipher's and SQLite's integrity checks, the audit
  chain, and whether the row counts equal those recorded when the backup was made).
  Opened with any account's password or the recovery code, or, when called with the open
  workspace of the same installation, with its key (an administrator's action, audited as
  ``backup.test_restored``).
- :func:`restore`: puts an archive in place as the installation in ``data_dir``, on this
  computer or a new one (the documented way to move).  Steps, all before the data folder
  is touched: the archive's structure and hashes; its version (a newer one is refused);
  the credential (an administrator's password, **decision**: restoring replaces
  everybody's data and rolls back the audit log, so it is an administrator's duty like
  backups; or the recovery code); the copy is extracted into a staging folder inside
  ``data_dir`` and checked (integrity, row counts as recorded, audit chain); an archive
  from an older schema is upgraded there (Alembic); ``backup.restored`` is recorded in
  its audit log.  Only then is the current installation dealt with: if the archive's key
  opens it, a verified backup of it goes to ``<data_dir>/pre-restore-backups/`` first;
  otherwise (damaged, or its key-slot file missing) its files are kept, renamed
  ``<name>.damaged-<timestamp>`` (a ``-wal`` file keeps its pairing:
  ``continuum.db.damaged-<timestamp>-wal``).  Nothing is ever deleted that is not in a
  verified backup.  A data folder holding *another* installation is refused.
  The app must not have the data folder open while it is restored.

Moving to a new computer is a restore: make a backup on the old computer
(``continuum-admin --user NAME backup --to DIR``), install Continuum on the new one,
restore there (``continuum-admin --data-dir DIR restore --from FILE``, with the recovery
code on stdin, or ``--user`` and an administrator's password), then sign in as usual.
Passwords bound to the old computer ("bind to this computer") do not open anything on the
new one: restore with the recovery code and reset those accounts' passwords.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from clinic_app.backup import archive, destination
from clinic_app.backup.archive import (
    DATABASE,
    KEYSLOTS,
    MANUAL,
    PRE_RESTORE,
    BackupCheckFailed,
    BackupEntry,
    DatabaseFacts,
    OpenedArchive,
)
from clinic_app.config import DataPaths
from clinic_app.db import schema
from clinic_app.db.models import User
from clinic_app.errors import PermissionDenied, StorageError, ValidationError
from clinic_app.security.keys import KeySlotStore, fsync_dir, normalise_user_name
from clinic_app.services import audit
from clinic_app.services.audit import ChainReport
from clinic_app.services.auth import ADMINISTRATOR, Actor, require
from clinic_app.uow import UnitOfWork
from clinic_app.workspace import Workspace

PRE_RESTORE_FOLDER = "pre-restore-backups"
STAGING_PREFIX = ".continuum-restore-"
RECOVERY_CODE_USER = "(recovery code)"


def _require_admin(ws: Workspace, actor: Actor) -> None:
    with ws.unit_of_work(write=False) as uow:
        require(uow, actor, ADMINISTRATOR)


def _record(ws: Workspace, actor: Actor, action: str, details: dict[str, object]) -> None:
    with ws.unit_of_work() as uow:
        audit.record(uow, actor, action, details=details)
        uow.commit()


def create_backup(ws: Workspace, actor: Actor, folder: Path) -> BackupEntry:
    """Write a verified backup of the open installation into ``folder`` (administrators)."""
    _require_admin(ws, actor)
    entry = archive.backup_database(ws.paths, ws.data_key, Path(folder).expanduser(), kind=MANUAL)
    _record(ws, actor, "backup.created", {"file": entry.path.name})
    destination.remember_destination(ws.paths.root, entry.path.parent)
    return entry


# --- examining a copy ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Examined:
    facts: DatabaseFacts
    chain: ChainReport | None
    problems: tuple[str, ...]


def _count_differences(recorded: Mapping[str, int], found: Mapping[str, int]) -> list[str]:
    return [
        f"table {name} holds {found.get(name, 'no')} rows, {recorded.get(name, 'none')} were recorded in the backup"
        for name in sorted(set(recorded) | set(found))
        if recorded.get(name) != found.get(name)
    ]


def _extract_and_examine(opened: OpenedArchive, staged: DataPaths) -> _Examined:
    """Extract the database and key slots into ``staged`` and check them."""
    archive.extract_part(opened, DATABASE, staged.database)
    archive.extract_part(opened, KEYSLOTS, staged.keyslots)
    facts = archive.inspect_database(staged.database, opened.data_key)
    problems = facts.integrity_problems + _count_differences(opened.contents.row_counts, facts.row_counts)
    chain = None
    if not facts.integrity_problems:
        copy = Workspace(staged, opened.data_key, opened.manifest.db_id)
        try:
            with copy.unit_of_work(write=False) as uow:
                chain = audit.verify_chain(uow)
        finally:
            copy.close()
        if not chain.ok:
            problems.append(f"audit log: {chain.problem}")
    return _Examined(facts, chain, tuple(problems))


# --- test restore -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrialRestoreReport:
    """What a test restore found."""

    archive: Path
    created_at: datetime
    kind: str
    organisation: str
    schema_revision: str
    row_counts: Mapping[str, int]
    integrity: Mapping[str, list[str]]
    #: audit entries whose chain was checked (None: not walked, the integrity checks failed)
    audit_entries_checked: int | None
    audit_problem: str | None
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def test_restore(
    archive_path: Path,
    *,
    user: str | None = None,
    password: str | None = None,
    recovery_code: str | None = None,
    ws: Workspace | None = None,
    actor: Actor | None = None,
    workdir: Path | None = None,
) -> TrialRestoreReport:
    """Restore ``archive_path`` into a temporary folder (in ``workdir``, default the system's) and report.

    With ``ws`` and ``actor`` (an administrator) the result is audited in ``ws``; if no
    password or recovery code is given, the workspace's own key opens the archive, which
    must then be of the same installation.
    """
    archive_path = Path(archive_path)
    data_key = None
    if ws is not None:
        if actor is None:
            raise TypeError("test_restore with a workspace needs the acting user")
        _require_admin(ws, actor)
        if user is None and password is None and recovery_code is None:
            if archive.read_manifest(archive_path).db_id != ws.db_id:
                raise ValidationError({"archive": "This backup belongs to another installation: give a password "
                                                  "or the recovery code of that installation to test it."})
            data_key = ws.data_key
    opened = archive.open_archive(archive_path, user=user, password=password, recovery_code=recovery_code, data_key=data_key)
    with tempfile.TemporaryDirectory(prefix=".continuum-test-restore-", dir=workdir) as tmp:
        examined = _extract_and_examine(opened, DataPaths(Path(tmp)))
    report = TrialRestoreReport(
        archive=archive_path,
        created_at=opened.manifest.created_at,
        kind=opened.manifest.kind,
        organisation=opened.contents.organisation,
        schema_revision=opened.manifest.schema_revision,
        row_counts=examined.facts.row_counts,
        integrity=examined.facts.integrity,
        audit_entries_checked=examined.chain.checked if examined.chain else None,
        audit_problem=examined.chain.problem if examined.chain else None,
        problems=examined.problems,
    )
    if ws is not None and actor is not None:
        _record(ws, actor, "backup.test_restored", {"file": archive_path.name, "ok": report.ok})
    return report


test_restore.__test__ = False  # type: ignore[attr-defined]  # a function, not a test, if imported into a test module


# --- restore -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreReport:
    archive: Path
    data_dir: Path
    created_at: datetime
    organisation: str
    schema_from: str
    schema_to: str
    row_counts: Mapping[str, int]
    #: the verified backup of what the data folder held before (None if it held nothing usable)
    pre_restore_backup: Path | None
    #: files of the data folder that could not be backed up and were renamed ``*.damaged-*``
    set_aside: tuple[Path, ...]

    @property
    def migrated(self) -> bool:
        return self.schema_from != self.schema_to


def _companions(db: Path) -> tuple[Path, Path]:
    return db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")


def _refuse_other_installation(paths: DataPaths, opened: OpenedArchive) -> None:
    if not paths.keyslots.exists():
        return
    try:
        current = KeySlotStore(paths.keyslots).load()
    except StorageError:
        return  # damaged: it will be set aside
    if current.db_id != opened.manifest.db_id:
        raise StorageError(
            f"The data folder {paths.root} holds another installation, not the one this backup was made of. "
            "Restore into an empty folder, or move that installation's files away first."
        )


def _upgrade_and_record(staged: DataPaths, opened: OpenedArchive) -> str:
    """Upgrade the staged copy to this version's schema and audit the restore in it; return its revision."""
    copy = Workspace(staged, opened.data_key, opened.manifest.db_id)
    try:
        if schema.current_revision(copy.engine) != schema.head_revision():
            schema.upgrade(copy.engine)
        with copy.unit_of_work() as uow:
            actor = _restoring_actor(uow, opened)
            audit.record(
                uow, actor, "backup.restored",
                user_name=None if actor else RECOVERY_CODE_USER,
                details={"file": opened.path.name, "created_at": opened.manifest.created_at.isoformat(),
                         "schema_from": opened.manifest.schema_revision},
            )
            uow.commit()
        return schema.head_revision()
    finally:
        copy.close()


def _restoring_actor(uow: UnitOfWork, opened: OpenedArchive) -> Actor | None:
    if opened.user_name is None:
        return None
    user = uow.session.execute(
        select(User).where(User.name_key == normalise_user_name(opened.user_name))
    ).scalar_one_or_none()
    if user is None or not user.active or user.role != ADMINISTRATOR:
        raise PermissionDenied("Only an administrator's password (or the recovery code) can restore a backup.")
    return Actor(user.id, user.name, user.role)


def _aside_name(path: Path, db: Path, stamp: str) -> Path:
    if path.name.startswith(db.name) and path != db:  # -wal, -shm keep their pairing with the database
        return path.with_name(f"{db.name}.damaged-{stamp}{path.name[len(db.name):]}")
    return path.with_name(f"{path.name}.damaged-{stamp}")


def _set_aside(paths: DataPaths, present: list[Path]) -> tuple[Path, ...]:
    """Rename ``present`` to ``<name>.damaged-<timestamp>``, never over an existing file."""
    stamp, n = datetime.now().strftime("%Y%m%d-%H%M%S"), 1
    while any(_aside_name(p, paths.database, stamp).exists() for p in present):
        n += 1
        stamp = f"{datetime.now():%Y%m%d-%H%M%S}-{n}"
    moved = []
    for path in present:
        target = _aside_name(path, paths.database, stamp)
        os.replace(path, target)
        moved.append(target)
    fsync_dir(paths.root)
    return tuple(moved)


def _clear_data_folder(paths: DataPaths, opened: OpenedArchive) -> tuple[Path | None, tuple[Path, ...]]:
    """Back up (or set aside) what the data folder holds; return the backup and the files set aside."""
    present = [p for p in (paths.database, *_companions(paths.database), paths.keyslots) if p.exists()]
    if not present:
        return None, ()
    if paths.database.exists() and paths.keyslots.exists():
        folder = paths.root / PRE_RESTORE_FOLDER
        folder.mkdir(exist_ok=True)
        try:
            entry = archive.backup_database(paths, opened.data_key, folder, kind=PRE_RESTORE)
        except StorageError:
            entry = None
        if entry is not None:
            for companion in _companions(paths.database):
                companion.unlink(missing_ok=True)
            return entry.path, ()
    return None, _set_aside(paths, present)


def _move_into_place(staged: DataPaths, paths: DataPaths) -> None:
    wal, shm = _companions(staged.database)
    shm.unlink(missing_ok=True)
    if wal.exists():  # normally checkpointed away when the copy was closed
        os.replace(wal, _companions(paths.database)[0])
    os.replace(staged.database, paths.database)
    os.replace(staged.keyslots, paths.keyslots)
    fsync_dir(paths.root)


def restore(
    archive_path: Path,
    data_dir: Path,
    *,
    user: str | None = None,
    password: str | None = None,
    recovery_code: str | None = None,
) -> RestoreReport:
    """Restore ``archive_path`` as the installation in ``data_dir`` (see the module docstring)."""
    archive_path = Path(archive_path)
    paths = DataPaths(Path(data_dir).expanduser())
    opened = archive.open_archive(archive_path, user=user, password=password, recovery_code=recovery_code)
    _refuse_other_installation(paths, opened)
    paths.root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=paths.root))
    try:
        staged = DataPaths(staging)
        examined = _extract_and_examine(opened, staged)
        if examined.problems:
            raise BackupCheckFailed(f"The backup {archive_path.name} failed its checks, so nothing was restored: "
                               + "; ".join(examined.problems[:5]))
        schema_to = _upgrade_and_record(staged, opened)
        pre_restore_backup, set_aside = _clear_data_folder(paths, opened)
        _move_into_place(staged, paths)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return RestoreReport(
        archive=archive_path,
        data_dir=paths.root,
        created_at=opened.manifest.created_at,
        organisation=opened.contents.organisation,
        schema_from=opened.manifest.schema_revision,
        schema_to=schema_to,
        row_counts=examined.facts.row_counts,
        pre_restore_backup=pre_restore_backup,
        set_aside=set_aside,
    )
