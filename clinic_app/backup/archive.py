"""The backup archive: a consistent encrypted copy of the database, written safely and checkable.

Format (``*.continuum-backup``, format ``continuum-backup/1``): a zip file with three
stored (uncompressed: encrypted data does not compress) members, in this order:

- ``manifest.json``: readable without any credential: format, app version, schema
  revision, ``db_id`` (the installation's random identity), creation time (UTC), kind
  (``manual``, ``pre-upgrade``, ``pre-restore``), and the SHA-256 and size of each other
  part.  Its ``sealed`` field is AES-256-GCM ciphertext, under a key derived from the data
  key with HKDF, of the organisation's name and the row count of every table; the rest of
  the manifest is its associated data, so with a credential the whole manifest is
  authenticated.  **Decision**: the organisation's name is never in the clear, so that a
  backup names nobody (only ``db_id`` identifies the installation).
- ``continuum.db``: the SQLCipher database, encrypted with the installation's own data key.
- ``keyslots.json``: the key-slot file (user names appear only as salted lookup tags), so
  any account's password or the recovery code opens the backup on any computer.

The zip comment is the *seal*: ``continuum-backup/1``, then for each region of the file
(each member's local header and data, then the central directory with its end record)
its offset and SHA-256, then a check of the seal itself.  The seal is written last, at a
fixed length, so every byte of the archive is covered: one flipped byte anywhere is
reported, naming the part it fell in, and a file cut short is recognised as truncated.

Making a backup (:func:`backup_database`):

1. A second connection ``ATTACH``es a new file in a temporary folder with the same raw key
   and, inside one read transaction, reads the schema revision, the organisation's name
   and every table's row count, then runs ``sqlcipher_export``: the copy is consistent
   even while others write (WAL), and nothing is ever written in the clear.
2. The copy is reopened and must pass ``cipher_integrity_check``, ``integrity_check`` and
   ``foreign_key_check`` with the same row counts as the live database in that snapshot.
3. The archive is written to ``.continuum-backup-partial-*/archive.partial`` in the
   destination, fsynced, verified again (structure and hashes, read back from the file),
   then renamed to its final name and the folder fsynced.  A failed or killed backup
   therefore never leaves a file named ``*.continuum-backup``; its leftovers sit in a hidden
   folder whose name says it is partial (``destination.rotate`` clears old ones).

File names carry the local time and the start of ``db_id``, never a name:
``continuum-2026-05-09_213000-1a2b3c4d.continuum-backup``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import secrets
import shutil
import struct
import tempfile
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

import sqlcipher3
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Connection, func, inspect, select, table
from sqlalchemy.exc import DBAPIError

from clinic_app import __version__
from clinic_app.config import DataPaths
from clinic_app.db import schema
from clinic_app.db.engine import integrity_report, make_engine
from clinic_app.db.models import Setting
from clinic_app.errors import SignInFailed, StorageError, ValidationError
from clinic_app.security import keystore
from clinic_app.security.keys import KeySlotFile, fsync_dir
from clinic_app.security.passwords import DEFAULT_KDF, derive_key, normalise_secret
from clinic_app.security.recovery_code import parse_recovery_code

FORMAT = "continuum-backup/1"
SUFFIX = ".continuum-backup"
TEMP_PREFIX = ".continuum-backup-partial-"

MANIFEST = "manifest.json"
DATABASE = "continuum.db"
KEYSLOTS = "keyslots.json"
#: the members, in the order they are written
MEMBERS = (MANIFEST, DATABASE, KEYSLOTS)
#: the parts whose SHA-256 the manifest records
PARTS = (DATABASE, KEYSLOTS)
#: the region of the file after the members: zip central directory and end record
DIRECTORY = "directory"
SEAL = "seal"
ARCHIVE = "archive"
REGIONS = (*MEMBERS, DIRECTORY)

MANUAL, PRE_UPGRADE, PRE_RESTORE = "manual", "pre-upgrade", "pre-restore"
KINDS = (MANUAL, PRE_UPGRADE, PRE_RESTORE)
PRE_UPGRADE_FOLDER = "pre-upgrade-backups"

ORG_SETTING = "organisation.name"  # the same key as ``workspace.ORG_NAME`` (no import: cycle)

_CHUNK = 1 << 20
_MAX_MANIFEST_BYTES = 1 << 20
_EOCD_SIGNATURE = b"PK\x05\x06"
_EOCD_LENGTH = 22
_ATTACHED = "continuum_backup"
#: what ``zipfile`` raises on malformed input (it uses many exception types)
_ZIP_ERRORS = (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError, NotImplementedError, RuntimeError, struct.error)

PART_LABELS = {
    MANIFEST: "the manifest (manifest.json)",
    DATABASE: "the database (continuum.db)",
    KEYSLOTS: "the key-slot file (keyslots.json)",
    DIRECTORY: "the archive's table of contents",
    SEAL: "the archive's seal (the end of the file)",
    ARCHIVE: "the archive",
}


# --- the manifest -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PartInfo:
    sha256: str
    size: int


@dataclass(frozen=True)
class SealedContents:
    """What the manifest keeps encrypted: the organisation's name and every table's row count."""

    organisation: str
    row_counts: Mapping[str, int]

    def to_bytes(self) -> bytes:
        return json.dumps({"organisation": self.organisation, "row_counts": dict(self.row_counts)}, sort_keys=True).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> "SealedContents":
        d = json.loads(data.decode("utf-8"))
        return cls(str(d["organisation"]), {str(k): int(v) for k, v in d["row_counts"].items()})


@dataclass(frozen=True)
class Manifest:
    app_version: str
    schema_revision: str
    db_id: str
    created_at: datetime
    kind: str
    parts: Mapping[str, PartInfo]
    sealed_nonce: bytes
    sealed_data: bytes

    def clear_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "app_version": self.app_version,
            "schema_revision": self.schema_revision,
            "db_id": self.db_id,
            "created_at": self.created_at.isoformat(),
            "kind": self.kind,
            "parts": {name: {"sha256": p.sha256, "size": p.size} for name, p in self.parts.items()},
        }

    def associated_data(self) -> bytes:
        return json.dumps(self.clear_json(), sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")

    def to_bytes(self) -> bytes:
        sealed = {
            "cipher": "AES-256-GCM, key HKDF-SHA256(data key)",
            "nonce": base64.b64encode(self.sealed_nonce).decode("ascii"),
            "data": base64.b64encode(self.sealed_data).decode("ascii"),
        }
        return json.dumps({**self.clear_json(), "sealed": sealed}, indent=1, sort_keys=True).encode("ascii")

    @classmethod
    def from_bytes(cls, data: bytes) -> "Manifest":
        """Parse and check a manifest; ``ValueError`` says what is wrong with it."""
        try:
            d = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError("it is not valid JSON") from exc
        if not isinstance(d, dict):
            raise ValueError("it is not a JSON object")
        fmt = d.get("format")
        if fmt != FORMAT:
            if isinstance(fmt, str) and fmt.startswith("continuum-backup/"):
                raise ValueError(f"it is in format {fmt!r}, newer than this version of Continuum understands ({FORMAT})")
            raise ValueError("it is not the manifest of a Continuum backup")
        try:
            created = datetime.fromisoformat(d["created_at"])
            if created.tzinfo is None:
                raise ValueError("created_at has no time zone")
            parts = {str(n): PartInfo(str(p["sha256"]), int(p["size"])) for n, p in d["parts"].items()}
            manifest = cls(
                app_version=str(d["app_version"]),
                schema_revision=str(d["schema_revision"]),
                db_id=str(d["db_id"]),
                created_at=created,
                kind=str(d["kind"]),
                parts=parts,
                sealed_nonce=base64.b64decode(d["sealed"]["nonce"], validate=True),
                sealed_data=base64.b64decode(d["sealed"]["data"], validate=True),
            )
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise ValueError(f"a field is missing or malformed ({exc})") from exc
        if set(parts) != set(PARTS) or any(not re.fullmatch(r"[0-9a-f]{64}", p.sha256) for p in parts.values()):
            raise ValueError(f"it must list the parts {', '.join(PARTS)}, each with a SHA-256")
        if manifest.kind not in KINDS:
            raise ValueError(f"its kind {manifest.kind!r} is not one of {', '.join(KINDS)}")
        return manifest


def _manifest_key(data_key: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=b"continuum backup manifest v1").derive(data_key)


def unseal(manifest: Manifest, data_key: bytes) -> SealedContents:
    """The sealed contents; ``StorageError`` if this key did not seal this manifest."""
    try:
        plain = AESGCM(_manifest_key(data_key)).decrypt(manifest.sealed_nonce, manifest.sealed_data, manifest.associated_data())
    except InvalidTag:
        raise StorageError(
            "The manifest of this backup does not match the key that opened it: the archive was altered."
        ) from None
    return SealedContents.from_bytes(plain)


class BackupCheckFailed(StorageError):
    """A backup, or a copy restored from one, failed a check (integrity, row counts, hashes)."""


# --- the consistent copy ------------------------------------------------------------------------


@dataclass(frozen=True)
class DatabaseFacts:
    """What a database holds: schema revision, row count per table, integrity check results."""

    schema_revision: str | None
    row_counts: Mapping[str, int]
    integrity: Mapping[str, list[str]]

    @property
    def integrity_problems(self) -> list[str]:
        return [f"{check}: {line}" for check, lines in self.integrity.items() for line in lines]


def _row_counts(conn: Connection) -> dict[str, int]:
    names = sorted(inspect(conn).get_table_names())
    return {name: int(conn.execute(select(func.count()).select_from(table(name))).scalar_one()) for name in names}


def inspect_database(path: Path, data_key: bytes) -> DatabaseFacts:
    """Open an encrypted database file and report its revision, row counts and integrity."""
    engine = make_engine(path, data_key, pooled=False)
    try:
        with engine.connect() as conn:
            revision = MigrationContext.configure(conn).get_current_revision()
            counts = _row_counts(conn)
        return DatabaseFacts(revision, counts, integrity_report(engine))
    except (DBAPIError, sqlcipher3.Error) as exc:
        raise StorageError(f"The database copy cannot be read: {_db_error(exc)}") from exc
    finally:
        engine.dispose()


def _db_error(exc: BaseException) -> str:
    return str(exc.orig if isinstance(exc, DBAPIError) else exc)


@dataclass(frozen=True)
class _Snapshot:
    schema_revision: str
    organisation: str
    row_counts: dict[str, int]


def _export(db_path: Path, data_key: bytes, target: Path) -> _Snapshot:
    """Copy the live database into ``target`` (encrypted, same key) in one read transaction."""
    engine = make_engine(db_path, data_key, pooled=False)
    try:
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.execute(f"ATTACH DATABASE ? AS {_ATTACHED} KEY ?", (str(target), f"x'{data_key.hex()}'"))
            try:
                with conn.begin():
                    revision = MigrationContext.configure(conn).get_current_revision()
                    counts = _row_counts(conn)
                    org = conn.execute(select(Setting.value).where(Setting.key == ORG_SETTING)).scalar_one_or_none()
                    conn.exec_driver_sql(f"SELECT sqlcipher_export('{_ATTACHED}')")
            finally:
                raw.execute(f"DETACH DATABASE {_ATTACHED}")
    finally:
        engine.dispose()
    if revision is None:
        raise StorageError("The database has no schema yet; there is nothing to back up.")
    return _Snapshot(revision, str(org or ""), counts)


# --- writing ------------------------------------------------------------------------------------


def _seal_text(regions: list[tuple[str, int, str]]) -> bytes:
    body = FORMAT + "".join(f"|{name}:{offset:016d}:{digest}" for name, offset, digest in regions)
    return f"{body}|{hashlib.sha256(body.encode('ascii')).hexdigest()[:16]}".encode("ascii")


SEAL_LENGTH = len(_seal_text([(name, 0, "0" * 64) for name in REGIONS]))


def _hash_range(fh: IO[bytes], start: int, end: int) -> str:
    digest = hashlib.sha256()
    fh.seek(start)
    remaining = end - start
    while remaining > 0:
        chunk = fh.read(min(_CHUNK, remaining))
        if not chunk:
            break
        digest.update(chunk)
        remaining -= len(chunk)
    return digest.hexdigest()


def _hash_file(path: Path) -> PartInfo:
    with path.open("rb") as fh:
        size = fh.seek(0, os.SEEK_END)
        return PartInfo(_hash_range(fh, 0, size), size)


def _zip_info(name: str, when: datetime, size: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when.astimezone().timetuple()[:6])
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = 0o600 << 16
    info.file_size = size
    return info


def _write_archive(target: Path, manifest: bytes, db_copy: Path, slots: bytes, when: datetime) -> None:
    """Write the zip, then its seal over every byte, then fsync."""
    db_size = db_copy.stat().st_size
    fd = os.open(target, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w+b") as fh:
        with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_STORED) as zf:
            zf.comment = b" " * SEAL_LENGTH
            zf.writestr(_zip_info(MANIFEST, when, len(manifest)), manifest)
            with db_copy.open("rb") as src, zf.open(_zip_info(DATABASE, when, db_size), "w", force_zip64=db_size > 0x7FFF0000) as dst:
                shutil.copyfileobj(src, dst, _CHUNK)
            zf.writestr(_zip_info(KEYSLOTS, when, len(slots)), slots)
            offsets = [zf.getinfo(name).header_offset for name in MEMBERS] + [fh.tell()]
        end = fh.seek(0, os.SEEK_END) - SEAL_LENGTH
        bounds = [*offsets, end]
        regions = [(name, bounds[i], _hash_range(fh, bounds[i], bounds[i + 1])) for i, name in enumerate(REGIONS)]
        fh.seek(end)
        fh.write(_seal_text(regions))
        fh.flush()
        os.fsync(fh.fileno())


@dataclass(frozen=True)
class BackupEntry:
    """One archive, as its manifest describes it."""

    path: Path
    created_at: datetime
    kind: str
    db_id: str
    app_version: str
    schema_revision: str
    size: int

    @classmethod
    def of(cls, path: Path, manifest: Manifest) -> "BackupEntry":
        return cls(path, manifest.created_at, manifest.kind, manifest.db_id, manifest.app_version,
                   manifest.schema_revision, path.stat().st_size)


def _final_name(folder: Path, when: datetime, db_id: str) -> Path:
    stem = f"continuum-{when.astimezone():%Y-%m-%d_%H%M%S}-{db_id[:8]}"
    candidate, n = folder / f"{stem}{SUFFIX}", 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{stem}-{n}{SUFFIX}"
    return candidate


def _check_space(paths: DataPaths, folder: Path) -> None:
    wal = paths.database.with_name(paths.database.name + "-wal")
    need = 2 * (paths.database.stat().st_size + (wal.stat().st_size if wal.exists() else 0)) + (1 << 20)
    free = shutil.disk_usage(folder).free
    if free < need:
        raise StorageError(
            f"There is not enough free space in {folder}: the backup needs about {need // 2**20 + 1} MB, "
            f"{free // 2**20} MB are free."
        )


def backup_database(paths: DataPaths, data_key: bytes, folder: Path, *, kind: str, now: datetime | None = None) -> BackupEntry:
    """Write a verified backup archive of the installation in ``paths`` into ``folder``.

    ``now`` is the creation time recorded (default: the current time).  Raises
    ``StorageError`` with a message for the user if anything fails; then no file named
    ``*.continuum-backup`` was created.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    folder = Path(folder)
    if not folder.is_dir():
        raise StorageError(f"The backup folder {folder} does not exist or is not a folder.")
    created = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    try:
        slots_bytes = paths.keyslots.read_bytes()
    except FileNotFoundError:
        raise StorageError("The key-slot file is missing from the data folder, so no usable backup can be made.") from None
    slots = KeySlotFile.from_bytes(slots_bytes)
    try:
        _check_space(paths, folder)
        work = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=folder))
        try:
            return _write_verified(paths, data_key, slots, slots_bytes, folder, work, kind, created)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    except (DBAPIError, sqlcipher3.Error) as exc:
        raise StorageError(f"The backup could not be made: {_db_error(exc)}. No backup file was written.") from exc
    except OSError as exc:
        raise StorageError(f"The backup could not be written to {folder}: {exc.strerror or exc}. No backup file was written.") from exc


def _write_verified(
    paths: DataPaths, data_key: bytes, slots: KeySlotFile, slots_bytes: bytes,
    folder: Path, work: Path, kind: str, created: datetime,
) -> BackupEntry:
    copy = work / DATABASE
    snapshot = _export(paths.database, data_key, copy)
    facts = inspect_database(copy, data_key)
    if facts.integrity_problems:
        raise BackupCheckFailed(
            "The copy of the database failed its integrity checks, so no backup was written: "
            + "; ".join(facts.integrity_problems[:5])
        )
    if dict(facts.row_counts) != snapshot.row_counts:
        raise BackupCheckFailed("The copy of the database does not hold the same rows as the database; no backup was written.")
    nonce = secrets.token_bytes(12)
    unsealed = Manifest(__version__, snapshot.schema_revision, slots.db_id, created, kind,
                        {DATABASE: _hash_file(copy), KEYSLOTS: PartInfo(hashlib.sha256(slots_bytes).hexdigest(), len(slots_bytes))},
                        nonce, b"")
    contents = SealedContents(snapshot.organisation, snapshot.row_counts)
    sealed = AESGCM(_manifest_key(data_key)).encrypt(nonce, contents.to_bytes(), unsealed.associated_data())
    manifest = replace(unsealed, sealed_data=sealed)
    partial = work / "archive.partial"
    _write_archive(partial, manifest.to_bytes(), copy, slots_bytes, created)
    check = verify_archive(partial)
    if not check.ok:
        raise BackupCheckFailed("The backup archive did not verify after writing: " + check.summary())
    final = _final_name(folder, created, slots.db_id)
    os.replace(partial, final)
    fsync_dir(folder)
    return BackupEntry.of(final, manifest)


def backup_before_upgrade(paths: DataPaths, data_key: bytes) -> BackupEntry:
    """The automatic backup taken before a schema upgrade, into ``<data_dir>/pre-upgrade-backups``."""
    folder = paths.root / PRE_UPGRADE_FOLDER
    folder.mkdir(exist_ok=True)
    try:
        return backup_database(paths, data_key, folder, kind=PRE_UPGRADE)
    except StorageError as exc:
        raise StorageError(f"The database was not upgraded, because the backup before the upgrade failed: {exc}") from exc


# --- checking without credentials -----------------------------------------------------------------


@dataclass(frozen=True)
class ArchiveProblem:
    part: str
    message: str


@dataclass(frozen=True)
class ArchiveCheck:
    """The outcome of :func:`verify_archive`: the manifest if it could be read, and problems by part."""

    path: Path
    manifest: Manifest | None
    problems: tuple[ArchiveProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        return " ".join(p.message for p in self.problems)


class ArchiveDamaged(BackupCheckFailed):
    """The archive failed its structure or hash checks (``check.problems`` names the parts)."""

    def __init__(self, check: ArchiveCheck) -> None:
        self.check = check
        super().__init__(f"The backup {check.path.name} cannot be used: {check.summary()}")


def _tail_problem(fh: IO[bytes], size: int) -> ArchiveProblem | None:
    """Why the file does not end with a seal (None if it does)."""
    fh.seek(max(0, size - SEAL_LENGTH))
    if size >= SEAL_LENGTH + _EOCD_LENGTH and fh.read(len(FORMAT)) == FORMAT.encode():
        return None
    if size == 0:
        return ArchiveProblem(ARCHIVE, "The file is empty: it is not a usable backup.")
    fh.seek(0)
    head = fh.read(30 + len(MANIFEST))
    if not (head.startswith(b"PK\x03\x04") and MANIFEST.encode().startswith(head[30:])):
        return ArchiveProblem(ARCHIVE, "This file is not a Continuum backup archive.")
    eocd = size - SEAL_LENGTH - _EOCD_LENGTH
    if eocd >= 0:
        fh.seek(eocd)
        record = fh.read(_EOCD_LENGTH)
        if record.startswith(_EOCD_SIGNATURE) and int.from_bytes(record[-2:], "little") == SEAL_LENGTH:
            return ArchiveProblem(SEAL, f"{PART_LABELS[SEAL]} is damaged.")
    return ArchiveProblem(
        ARCHIVE,
        f"The archive is incomplete (truncated): it ends after {size} bytes, before its table of contents. "
        "It was cut short, for example by a copy that did not finish, and cannot be used.",
    )


def _seal_problems(fh: IO[bytes], size: int) -> list[ArchiveProblem]:
    fh.seek(size - SEAL_LENGTH)
    text = fh.read(SEAL_LENGTH).decode("ascii", "replace")
    body, _, check = text.rpartition("|")
    damaged = [ArchiveProblem(SEAL, f"{PART_LABELS[SEAL]} is damaged.")]
    if hashlib.sha256(body.encode("ascii", "replace")).hexdigest()[:16] != check:
        return damaged
    fields = body.split("|")[1:]
    try:
        regions = [(name, int(offset), digest) for name, offset, digest in (f.split(":") for f in fields)]
    except ValueError:
        return damaged
    bounds = [offset for _, offset, _ in regions] + [size - SEAL_LENGTH]
    if [name for name, _, _ in regions] != list(REGIONS) or bounds != sorted(bounds) or bounds[0] != 0:
        return damaged
    return [
        ArchiveProblem(name, f"{PART_LABELS[name]} is damaged: its bytes differ from those written when the backup was made.")
        for i, (name, _, digest) in enumerate(regions)
        if _hash_range(fh, bounds[i], bounds[i + 1]) != digest
    ]


def _content_problems(zf: zipfile.ZipFile) -> tuple[Manifest | None, list[ArchiveProblem]]:
    names = zf.namelist()
    if sorted(names) != sorted(MEMBERS):
        return None, [ArchiveProblem(DIRECTORY, f"{PART_LABELS[DIRECTORY]} lists {', '.join(names) or 'nothing'} "
                                                f"instead of {', '.join(MEMBERS)}.")]
    problems = [
        ArchiveProblem(info.filename, f"{PART_LABELS[info.filename]} is not stored the way Continuum writes it.")
        for info in zf.infolist()
        if info.compress_type != zipfile.ZIP_STORED or info.flag_bits & 0x1
    ]
    if problems:
        return None, problems
    try:
        if zf.getinfo(MANIFEST).file_size > _MAX_MANIFEST_BYTES:
            raise ValueError("it is far too large")
        manifest = Manifest.from_bytes(zf.read(MANIFEST))
    except _ZIP_ERRORS as exc:
        return None, [ArchiveProblem(MANIFEST, f"{PART_LABELS[MANIFEST]} cannot be used: {exc}.")]
    for name in PARTS:
        expected = manifest.parts[name]
        digest, size = hashlib.sha256(), 0
        try:
            with zf.open(name) as member:
                while chunk := member.read(_CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
        except _ZIP_ERRORS as exc:
            problems.append(ArchiveProblem(name, f"{PART_LABELS[name]} cannot be read back: {exc}."))
            continue
        if size != expected.size or digest.hexdigest() != expected.sha256:
            problems.append(ArchiveProblem(name, f"{PART_LABELS[name]} does not match the SHA-256 recorded in the manifest."))
    return manifest, problems


def verify_archive(path: Path) -> ArchiveCheck:
    """Check an archive's structure, seal and part hashes; no credential needed."""
    path = Path(path)
    problems: list[ArchiveProblem] = []
    manifest = None
    try:
        with path.open("rb") as fh:
            size = fh.seek(0, os.SEEK_END)
            tail = _tail_problem(fh, size)
            if tail is not None and tail.part == ARCHIVE:
                return ArchiveCheck(path, None, (tail,))
            problems.extend([tail] if tail else _seal_problems(fh, size))
            try:
                with zipfile.ZipFile(fh) as zf:
                    manifest, content = _content_problems(zf)
                    problems.extend(content)
            except _ZIP_ERRORS as exc:
                problems.append(ArchiveProblem(DIRECTORY, f"{PART_LABELS[DIRECTORY]} is damaged: {exc}."))
    except FileNotFoundError:
        return ArchiveCheck(path, None, (ArchiveProblem(ARCHIVE, f"There is no file {path}."),))
    except OSError as exc:
        return ArchiveCheck(path, None, (ArchiveProblem(ARCHIVE, f"{path} cannot be read: {exc.strerror or exc}."),))
    first_by_part: dict[str, ArchiveProblem] = {}
    for problem in problems:
        first_by_part.setdefault(problem.part, problem)
    return ArchiveCheck(path, manifest, tuple(first_by_part.values()))


def read_manifest(path: Path) -> Manifest:
    """An archive's manifest, read cheaply (no hashing); ``ArchiveDamaged`` if it cannot be read."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            tail = _tail_problem(fh, fh.seek(0, os.SEEK_END))
            if tail is None:
                with zipfile.ZipFile(fh) as zf:
                    return Manifest.from_bytes(zf.read(MANIFEST))
    except _ZIP_ERRORS as exc:
        tail = ArchiveProblem(MANIFEST, f"{PART_LABELS[MANIFEST]} cannot be read: {exc}.")
    raise ArchiveDamaged(ArchiveCheck(path, None, (tail,)))


def _version_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", version)[:3])


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(schema.alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def check_compatible(manifest: Manifest) -> None:
    """Refuse an archive made by a newer version of Continuum, with a message saying what to install."""
    newer_app = _version_tuple(manifest.app_version) > _version_tuple(__version__)
    if newer_app or manifest.schema_revision not in known_revisions():
        raise StorageError(
            f"This backup was made by Continuum {manifest.app_version} (database schema "
            f"{manifest.schema_revision}), which is newer than this version ({__version__}). "
            f"Install Continuum {manifest.app_version} or later to restore it."
        )


# --- opening with a credential ---------------------------------------------------------------------


@dataclass(frozen=True)
class OpenedArchive:
    """An archive whose data key is known (from an account's password or the recovery code)."""

    path: Path
    manifest: Manifest
    slots: KeySlotFile
    data_key: bytes
    contents: SealedContents
    #: the account whose password opened it (None: the recovery code or a known key)
    user_name: str | None


def check_credentials(user: str | None, password: str | None, recovery_code: str | None) -> str | None:
    """Validate the choice of credential; return the canonical recovery code if that is the one."""
    if recovery_code is not None and (user is not None or password is not None):
        raise ValidationError({"recovery_code": "Give either an account's name and password, or the recovery code, not both."})
    if recovery_code is not None:
        return parse_recovery_code(recovery_code)
    if not user or not user.strip():
        raise ValidationError({"user": "Give the name of an account in the backup (or use the recovery code)."})
    if password is None:
        raise ValidationError({"password": "Give the account's password."})
    return None


def _read_member(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name)


def _unlock(slots: KeySlotFile, user: str | None, password: str | None, code: str | None) -> bytes:
    if code is not None:
        slot = slots.recovery_slot()
        key = slots.open_slot(slot, code.encode("ascii")) if slot else None
        if key is None:
            raise SignInFailed("This recovery code does not open this backup.")
        return key
    assert user is not None and password is not None
    slot = slots.user_slot(user)
    if slot is None:
        derive_key(normalise_secret(password), secrets.token_bytes(16), DEFAULT_KDF)  # same time as a real try
        raise SignInFailed()
    machine = keystore.get_machine_secret(slots.db_id) if slot.bound else None
    if slot.bound and machine is None:
        raise SignInFailed(
            "This account's password was bound to the computer where it was set, so it cannot open the "
            "backup here. Use the recovery code (or another account's password)."
        )
    key = slots.open_slot(slot, normalise_secret(password), machine)
    if key is None:
        raise SignInFailed()
    return key


def open_archive(
    path: Path,
    *,
    user: str | None = None,
    password: str | None = None,
    recovery_code: str | None = None,
    data_key: bytes | None = None,
) -> OpenedArchive:
    """Check an archive and open it with a credential (or a data key already known).

    Order: the credential's form (``ValidationError``), the archive's structure and hashes
    (``ArchiveDamaged``), its version (``StorageError`` if newer), then the key
    (``SignInFailed``) and the sealed manifest.
    """
    path = Path(path)
    code = None if data_key is not None else check_credentials(user, password, recovery_code)
    check = verify_archive(path)
    if not check.ok or check.manifest is None:
        raise ArchiveDamaged(check)
    manifest = check.manifest
    check_compatible(manifest)
    slots = KeySlotFile.from_bytes(_read_member(path, KEYSLOTS))
    if slots.db_id != manifest.db_id:
        raise ArchiveDamaged(ArchiveCheck(path, manifest, (ArchiveProblem(
            KEYSLOTS, f"{PART_LABELS[KEYSLOTS]} belongs to another installation than the manifest says."),)))
    key = data_key if data_key is not None else _unlock(slots, user, password, code)
    contents = unseal(manifest, key)
    return OpenedArchive(path, manifest, slots, key, contents, None if data_key is not None or code else user)


def extract_part(opened: OpenedArchive, name: str, target: Path) -> None:
    """Write one part to ``target`` (a new file), checking its SHA-256 on the way."""
    expected = opened.manifest.parts[name]
    digest = hashlib.sha256()
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out, zipfile.ZipFile(opened.path) as zf, zf.open(name) as member:
        while chunk := member.read(_CHUNK):
            digest.update(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    if digest.hexdigest() != expected.sha256:
        raise ArchiveDamaged(ArchiveCheck(opened.path, opened.manifest, (ArchiveProblem(
            name, f"{PART_LABELS[name]} changed while it was being read."),)))
