"""The data key and the key-slot file that wraps it.

The database is encrypted with a random 256-bit *data key* that is never stored in the
clear.  It is wrapped (AES-256-GCM) in *key slots* kept in ``keyslots.json`` beside the
database and inside every backup:

- one slot per account: key-encryption key = Argon2id(password), optionally mixed (HKDF)
  with this computer's binding secret from the OS keyring;
- one slot for the recovery code (never bound to a computer).

Each slot's associated data binds the database identity (``db_id``), the slot's identity
and kind, and its user lookup tag, so a slot copied into another database's file, or
relabelled for another user, fails to open.

No user name is stored in the clear: a user slot carries a *lookup tag*, SHA-256 of a
per-file random salt and the normalised user name.

The same file keeps the failed-sign-in counters (so they survive a restart and travel
with the slots) and the sign-in failures not yet copied into the audit log (the log lives
inside the encrypted database, which cannot be written without a successful sign-in).

Writes are atomic and crash-safe: the whole file is written to a temporary file in the
same folder, fsynced, renamed over the old one and the folder fsynced; a read-modify-write
holds an advisory lock so two processes never lose each other's slot.  A password change
therefore leaves either the old or the new slot in place, never neither.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from clinic_app.errors import StorageError
from clinic_app.security.passwords import DEFAULT_KDF, KdfParams, derive_key

FORMAT = "continuum-keyslots/1"
USER = "user"
RECOVERY = "recovery"

#: failed sign-ins allowed before each further try must wait
FREE_FAILURES = 5
MAX_WAIT_SECONDS = 15 * 60
#: failure counters kept for names that match no account (so a stranger sees the same
#: behaviour whether a name exists or not), bounded so the file cannot grow without end
MAX_UNKNOWN_COUNTERS = 200


def new_data_key() -> bytes:
    return secrets.token_bytes(32)


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _unb64(s: str) -> bytes:
    return base64.b64decode(s.encode("ascii"), validate=True)


def normalise_user_name(name: str) -> str:
    """User names compare case-insensitively after NFC normalisation and trimming."""
    return unicodedata.normalize("NFC", name).strip().casefold()


@dataclass(frozen=True)
class KeySlot:
    slot_id: str
    kind: str
    lookup: str | None
    salt: bytes
    kdf: KdfParams
    nonce: bytes
    wrapped: bytes
    bound: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.slot_id,
            "kind": self.kind,
            "lookup": self.lookup,
            "salt": _b64(self.salt),
            "kdf": self.kdf.to_json(),
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
            "bound": self.bound,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "KeySlot":
        return cls(
            slot_id=str(d["id"]),
            kind=str(d["kind"]),
            lookup=d.get("lookup"),
            salt=_unb64(d["salt"]),
            kdf=KdfParams.from_json(d["kdf"]),
            nonce=_unb64(d["nonce"]),
            wrapped=_unb64(d["wrapped"]),
            bound=bool(d.get("bound", False)),
        )


@dataclass
class FailureCounter:
    count: int = 0
    last: float = 0.0

    def wait_seconds(self, now: float) -> float:
        if self.count < FREE_FAILURES:
            return 0.0
        wait = min(float(2 ** (self.count - FREE_FAILURES)), MAX_WAIT_SECONDS)
        return max(0.0, self.last + wait - now)


@dataclass
class KeySlotFile:
    """The parsed key-slot file.  Mutate a copy inside ``KeySlotStore.update``."""

    db_id: str
    name_salt: bytes
    slots: list[KeySlot] = field(default_factory=list)
    failures: dict[str, FailureCounter] = field(default_factory=dict)
    pending_failures: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def new(cls) -> "KeySlotFile":
        return cls(db_id=secrets.token_hex(16), name_salt=secrets.token_bytes(16))

    # --- lookup -----------------------------------------------------------------
    def lookup_tag(self, user_name: str) -> str:
        digest = hashlib.sha256(self.name_salt + b"user:" + normalise_user_name(user_name).encode("utf-8"))
        return digest.hexdigest()[:32]

    def user_slot(self, user_name: str) -> KeySlot | None:
        tag = self.lookup_tag(user_name)
        return next((s for s in self.slots if s.kind == USER and s.lookup == tag), None)

    def recovery_slot(self) -> KeySlot | None:
        return next((s for s in self.slots if s.kind == RECOVERY), None)

    # --- wrapping ---------------------------------------------------------------
    def _aad(self, slot_id: str, kind: str, lookup: str | None, bound: bool) -> bytes:
        return f"{FORMAT}|{self.db_id}|{slot_id}|{kind}|{lookup or ''}|{int(bound)}".encode()

    def make_slot(
        self,
        kind: str,
        secret: bytes,
        data_key: bytes,
        lookup: str | None = None,
        machine_secret: bytes | None = None,
        kdf: KdfParams = DEFAULT_KDF,
    ) -> KeySlot:
        slot_id, salt, nonce = secrets.token_hex(8), secrets.token_bytes(16), secrets.token_bytes(12)
        bound = machine_secret is not None
        kek = _kek(secret, salt, kdf, machine_secret)
        wrapped = AESGCM(kek).encrypt(nonce, data_key, self._aad(slot_id, kind, lookup, bound))
        return KeySlot(slot_id, kind, lookup, salt, kdf, nonce, wrapped, bound)

    def open_slot(self, slot: KeySlot, secret: bytes, machine_secret: bytes | None = None) -> bytes | None:
        """The data key, or None if the secret (or the computer binding) is wrong."""
        if slot.bound and machine_secret is None:
            return None
        kek = _kek(secret, slot.salt, slot.kdf, machine_secret if slot.bound else None)
        try:
            return AESGCM(kek).decrypt(slot.nonce, slot.wrapped, self._aad(slot.slot_id, slot.kind, slot.lookup, slot.bound))
        except InvalidTag:
            return None

    def put_slot(self, new: KeySlot) -> None:
        """Add ``new``, replacing any slot of the same kind and lookup (one per user, one recovery)."""
        self.slots = [s for s in self.slots if not (s.kind == new.kind and s.lookup == new.lookup)] + [new]

    def remove_user_slot(self, user_name: str) -> None:
        tag = self.lookup_tag(user_name)
        self.slots = [s for s in self.slots if not (s.kind == USER and s.lookup == tag)]

    # --- failed sign-ins ----------------------------------------------------------
    def counter(self, tag: str) -> FailureCounter:
        return self.failures.get(tag, FailureCounter())

    def record_failure(self, tag: str, now: float, known: bool) -> None:
        c = self.failures.setdefault(tag, FailureCounter())
        c.count += 1
        c.last = now
        self.pending_failures.append({"tag": tag, "at": datetime.fromtimestamp(now, timezone.utc).isoformat()})
        self.pending_failures = self.pending_failures[-1000:]
        if not known:
            known_tags = {s.lookup for s in self.slots}
            unknown = [t for t in self.failures if t not in known_tags]
            for t in sorted(unknown, key=lambda t: self.failures[t].last)[:-MAX_UNKNOWN_COUNTERS]:
                del self.failures[t]

    def clear_failures(self, tag: str) -> None:
        self.failures.pop(tag, None)

    # --- serialisation ------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "db_id": self.db_id,
            "name_salt": _b64(self.name_salt),
            "slots": [s.to_json() for s in self.slots],
            "failures": {t: {"count": c.count, "last": c.last} for t, c in self.failures.items()},
            "pending_failures": self.pending_failures,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "KeySlotFile":
        if d.get("format") != FORMAT:
            raise StorageError("The key-slot file is not one this version of Continuum understands.")
        return cls(
            db_id=str(d["db_id"]),
            name_salt=_unb64(d["name_salt"]),
            slots=[KeySlot.from_json(s) for s in d.get("slots", [])],
            failures={t: FailureCounter(int(c["count"]), float(c["last"])) for t, c in d.get("failures", {}).items()},
            pending_failures=list(d.get("pending_failures", [])),
        )

    def to_bytes(self) -> bytes:
        return json.dumps(self.to_json(), indent=1, sort_keys=True).encode("ascii")

    @classmethod
    def from_bytes(cls, data: bytes) -> "KeySlotFile":
        try:
            return cls.from_json(json.loads(data.decode("ascii")))
        except (ValueError, KeyError, TypeError) as exc:
            raise StorageError("The key-slot file is damaged and cannot be read.") from exc


def _kek(secret: bytes, salt: bytes, kdf: KdfParams, machine_secret: bytes | None) -> bytes:
    key = derive_key(secret, salt, kdf)
    if machine_secret is None:
        return key
    return HKDF(hashes.SHA256(), 32, salt=machine_secret, info=b"continuum bind to computer").derive(key)


def audit_key(data_key: bytes) -> bytes:
    """The HMAC key of the audit chain, derived from the data key (HKDF)."""
    return HKDF(hashes.SHA256(), 32, salt=None, info=b"continuum audit chain v1").derive(data_key)


# --- the file on disk --------------------------------------------------------------


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def _locked(lock_path: Path) -> Iterator[None]:
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if os.name == "nt":
            import msvcrt

            while True:
                try:
                    msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                    break
                except OSError:
                    time.sleep(0.05)
            try:
                yield
            finally:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@dataclass(frozen=True)
class KeySlotStore:
    """Reads and atomically rewrites one key-slot file."""

    path: Path

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    def exists(self) -> bool:
        return self.path.exists()

    def load(self) -> KeySlotFile:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError as exc:
            raise StorageError(
                "The key-slot file (keyslots.json) is missing from the data folder, so the "
                "database cannot be opened. Restore it from a backup."
            ) from exc
        return KeySlotFile.from_bytes(data)

    def create(self, slots: KeySlotFile) -> None:
        with _locked(self.lock_path):
            if self.path.exists():
                raise StorageError("A key-slot file already exists in this data folder.")
            atomic_write(self.path, slots.to_bytes())

    def update(self, change: Callable[[KeySlotFile], None]) -> KeySlotFile:
        """Load the current file under lock, apply ``change`` and write it back atomically."""
        with _locked(self.lock_path):
            current = self.load()
            change(current)
            atomic_write(self.path, current.to_bytes())
            return current

