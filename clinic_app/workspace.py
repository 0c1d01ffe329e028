"""An installation's data folder, opened: create it, sign in, recover, and hand out units of work.

- ``create_installation`` makes a new data folder: random data key, the database built by
  the Alembic migrations, the first administrator, the key-slot file with that
  administrator's slot and the recovery-code slot.  It returns the recovery code, which is
  shown once and never stored.
- ``sign_in`` finds the user's slot by its lookup tag, refuses while the account is
  backing off after failed tries, derives the key (Argon2id), opens the database and
  checks the account is active.  Wrong name and wrong password give the same message and
  take the same time (a decoy derivation runs when no slot matches).  Failures are counted
  in the key-slot file and copied into the audit log at the next successful sign-in.
- ``recover`` opens with the recovery code and sets a new password for an administrator.
- Opening a database whose schema is older than this version's first writes a verified
  backup into ``<data_dir>/pre-upgrade-backups/`` (``clinic_app.backup.archive``), then
  runs the Alembic upgrade; if that backup fails, nothing is upgraded.  A database the
  keys cannot read gives a ``StorageError`` and is left untouched.  The backup and migration
  machinery (Alembic, the archive format) is imported only then: an ordinary sign-in
  compares two revision names and needs neither (it runs while the user waits).

A ``Workspace`` keeps the data key in memory only (never logged, never written) and
offers ``unit_of_work()`` plus the key-slot operations the account services need.
"""

from __future__ import annotations

import secrets
import time
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError

from clinic_app.config import DataPaths
from clinic_app.db import schema
from clinic_app.db.engine import make_engine
from clinic_app.db.models import Setting, User
from clinic_app.errors import SignInFailed, SignInThrottled, StorageError, ValidationError
from clinic_app.security import keystore
from clinic_app.security.keys import (
    RECOVERY,
    USER,
    KeySlot,
    KeySlotFile,
    KeySlotStore,
    audit_key,
    new_data_key,
    normalise_user_name,
)
from clinic_app.security.passwords import DEFAULT_KDF, check_password_policy, derive_key, normalise_secret
from clinic_app.security.recovery_code import new_recovery_code, parse_recovery_code
from clinic_app.services import audit
from clinic_app.services.auth import ADMINISTRATOR, Actor
from clinic_app.uow import UnitOfWork

#: settings keys
ORG_NAME = "organisation.name"
DB_ID = "installation.db_id"
BIND_TO_COMPUTER = "security.bind_to_computer"

_DECOY_SALT = secrets.token_bytes(16)


def validate_user_name(name: str, field: str = "user_name") -> str:
    cleaned = name.strip()
    if not cleaned:
        raise ValidationError({field: "Enter a user name."})
    if len(cleaned) > 100:
        raise ValidationError({field: "A user name can have at most 100 characters."})
    if any(ord(c) < 32 or ord(c) == 127 for c in cleaned):
        raise ValidationError({field: "A user name cannot contain control characters."})
    return cleaned


class Workspace:
    """An opened installation (the data key is in memory)."""

    def __init__(self, paths: DataPaths, data_key: bytes, db_id: str) -> None:
        self.paths = paths
        self.db_id = db_id
        self.slots = KeySlotStore(paths.keyslots)
        self._data_key = data_key
        self.audit_key = audit_key(data_key)
        self.engine: Engine = make_engine(paths.database, data_key)

    @property
    def data_key(self) -> bytes:
        """The raw data key, for ``clinic_app.backup`` only (encrypted copies, sealed manifests)."""
        return self._data_key

    def unit_of_work(self, write: bool = True) -> UnitOfWork:
        return UnitOfWork(self, self.engine, write=write)

    def close(self) -> None:
        self.engine.dispose()

    # --- key slots (used by the account services) -----------------------------------
    def _machine_secret_for_new_slots(self) -> bytes | None:
        with self.unit_of_work(write=False) as uow:
            setting = uow.session.get(Setting, BIND_TO_COMPUTER)
        if not (setting and setting.value):
            return None
        return keystore.get_machine_secret(self.db_id, create=True)

    def set_user_password(self, user_name: str, password: str) -> None:
        """Write (or replace) the user's slot: the new slot is in the file before the old goes."""
        machine = self._machine_secret_for_new_slots()

        def change(f: KeySlotFile) -> None:
            slot = f.make_slot(USER, normalise_secret(password), self._data_key, f.lookup_tag(user_name), machine)
            f.put_slot(slot)
            f.clear_failures(f.lookup_tag(user_name))

        self.slots.update(change)

    def remove_user_slot(self, user_name: str) -> None:
        self.slots.update(lambda f: f.remove_user_slot(user_name))

    def check_password(self, user_name: str, password: str) -> bool:
        """True if ``password`` opens this user's slot (used to confirm a password change)."""
        f = self.slots.load()
        slot = f.user_slot(user_name)
        if slot is None:
            return False
        return f.open_slot(slot, normalise_secret(password), _machine_secret(f, slot)) == self._data_key

    def organisation_name(self) -> str:
        with self.unit_of_work(write=False) as uow:
            s = uow.session.get(Setting, ORG_NAME)
            return str(s.value) if s else ""


def _machine_secret(f: KeySlotFile, slot: KeySlot) -> bytes | None:
    return keystore.get_machine_secret(f.db_id) if slot.bound else None


def _actor(user: User) -> Actor:
    return Actor(user.id, user.name, user.role)


def create_installation(
    data_dir: Path, org_name: str, admin_name: str, admin_password: str, admin_full_name: str = ""
) -> tuple[Workspace, Actor, str]:
    """Create a new installation in an empty data folder; return it, the admin and the recovery code."""
    paths = DataPaths(Path(data_dir))
    errors: dict[str, str] = {}
    if not org_name.strip():
        errors["organisation"] = "Enter the organisation's name."
    try:
        admin_name = validate_user_name(admin_name, "admin")
        check_password_policy(admin_name, admin_password)
    except ValidationError as exc:
        errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)
    if paths.is_initialised():
        raise StorageError(f"The data folder {paths.root} already holds a Continuum database.")
    paths.root.mkdir(parents=True, exist_ok=True)

    slots = KeySlotFile.new()
    data_key = new_data_key()
    ws = Workspace(paths, data_key, slots.db_id)
    try:
        schema.upgrade(ws.engine)
        with ws.unit_of_work() as uow:
            uow.session.add_all([Setting(key=ORG_NAME, value=org_name.strip()), Setting(key=DB_ID, value=slots.db_id)])
            admin = User(name=admin_name, name_key=normalise_user_name(admin_name), full_name=admin_full_name.strip(), role=ADMINISTRATOR)
            uow.session.add(admin)
            uow.session.flush()
            actor = _actor(admin)
            audit.record(uow, actor, "installation.created")
            audit.record(uow, actor, "user.added", entity="user", entity_id=admin.id, details={"role": ADMINISTRATOR})
            code = new_recovery_code()
            slots.put_slot(slots.make_slot(USER, normalise_secret(admin_password), data_key, slots.lookup_tag(admin_name)))
            slots.put_slot(slots.make_slot(RECOVERY, parse_recovery_code(code).encode("ascii"), data_key))
            ws.slots.create(slots)
            uow.commit()
    except BaseException:
        ws.close()
        raise
    return ws, actor, code


def _open(paths: DataPaths, f: KeySlotFile, data_key: bytes) -> Workspace:
    ws = Workspace(paths, data_key, f.db_id)
    try:
        try:
            current = schema.current_revision(ws.engine)
        except DBAPIError as exc:
            raise StorageError(
                f"The database in {paths.root} cannot be read with its keys: it is damaged or was replaced. "
                "It was left as it is; restore the newest backup."
            ) from exc
        if current != schema.head_revision():
            if current is not None and not schema.is_known_revision(current):
                raise StorageError(
                    "This database was made by a newer version of Continuum. Install that version "
                    "(or newer) to open it; nothing was changed."
                )
            backup = None
            if current is not None:
                from clinic_app.backup.archive import backup_before_upgrade  # only to upgrade (see docstring)

                backup = backup_before_upgrade(paths, data_key)
            schema.upgrade(ws.engine)
            if backup is not None:
                with ws.unit_of_work() as uow:
                    audit.record(uow, None, "schema.upgraded", details={
                        "from": current, "to": schema.head_revision(), "backup": backup.path.name})
                    uow.commit()
    except BaseException:
        ws.close()
        raise
    return ws


def _load_slots(paths: DataPaths) -> KeySlotFile:
    if not paths.database.exists() and not paths.keyslots.exists():
        raise StorageError(f"There is no Continuum database in {paths.root}. Set one up first, or restore a backup.")
    if not paths.database.exists():
        raise StorageError(f"The database file is missing from {paths.root}. Restore it from a backup.")
    return KeySlotStore(paths.keyslots).load()


def _flush_failures(uow: UnitOfWork, f: KeySlotFile) -> None:
    """Copy sign-in failures recorded in the key-slot file into the audit log."""
    if not f.pending_failures:
        return
    names = {f.lookup_tag(u.name): u.name for u in uow.session.execute(select(User)).scalars()}
    for event in f.pending_failures:
        name = names.get(event["tag"])
        audit.record(
            uow,
            None,
            "sign_in.failed",
            user_name=name or "(unknown user name)",
            at=datetime.fromisoformat(event["at"]),
            details=None if name else {"unknown_name": True},
        )


def sign_in(data_dir: Path, user_name: str, password: str) -> tuple[Workspace, Actor]:
    """Open the installation as ``user_name``; raise ``SignInFailed`` (or ``SignInThrottled``)."""
    paths = DataPaths(Path(data_dir))
    store = KeySlotStore(paths.keyslots)
    f = _load_slots(paths)
    tag = f.lookup_tag(user_name)
    wait = f.counter(tag).wait_seconds(time.time())
    if wait > 0:
        raise SignInThrottled(wait)
    slot = f.user_slot(user_name) if user_name.strip() else None
    data_key = None
    if slot is None:
        derive_key(normalise_secret(password), _DECOY_SALT, DEFAULT_KDF)  # same time as a real try
    else:
        data_key = f.open_slot(slot, normalise_secret(password), _machine_secret(f, slot))
    if data_key is None:
        store.update(lambda cur: cur.record_failure(tag, time.time(), known=slot is not None))
        raise SignInFailed()

    ws = _open(paths, f, data_key)
    try:
        with ws.unit_of_work() as uow:
            user = uow.session.execute(select(User).where(User.name_key == normalise_user_name(user_name))).scalar_one_or_none()
            if user is None or not user.active:
                raise SignInFailed("This account is deactivated. Ask an administrator.")
            actor = _actor(user)
            current = store.load()
            _flush_failures(uow, current)
            audit.record(uow, actor, "sign_in")
            uow.commit()

        def settle(cur: KeySlotFile) -> None:
            cur.clear_failures(tag)
            flushed = {(e["tag"], e["at"]) for e in current.pending_failures}
            cur.pending_failures = [e for e in cur.pending_failures if (e["tag"], e["at"]) not in flushed]

        store.update(settle)
    except BaseException:
        ws.close()
        raise
    return ws, actor


def verify_password(ws: Workspace, actor: Actor, password: str) -> None:
    """Unlock after the idle lock: the signed-in user's password, with the same back-off."""
    f = ws.slots.load()
    tag = f.lookup_tag(actor.name)
    wait = f.counter(tag).wait_seconds(time.time())
    if wait > 0:
        raise SignInThrottled(wait)
    if not ws.check_password(actor.name, password):
        ws.slots.update(lambda cur: cur.record_failure(tag, time.time(), known=True))
        raise SignInFailed("The password is not correct.")
    ws.slots.update(lambda cur: cur.clear_failures(tag))
    with ws.unit_of_work() as uow:
        audit.record(uow, actor, "unlock")
        uow.commit()


def recover(data_dir: Path, code: str, admin_name: str, new_password: str) -> tuple[Workspace, Actor]:
    """Open with the recovery code and give the administrator ``admin_name`` a new password."""
    canonical = parse_recovery_code(code)  # a typo is caught here, before any derivation
    paths = DataPaths(Path(data_dir))
    f = _load_slots(paths)
    slot = f.recovery_slot()
    data_key = f.open_slot(slot, canonical.encode("ascii")) if slot else None
    if data_key is None:
        raise SignInFailed("This recovery code does not open this database.")
    ws = _open(paths, f, data_key)
    try:
        with ws.unit_of_work() as uow:
            user = uow.session.execute(select(User).where(User.name_key == normalise_user_name(admin_name))).scalar_one_or_none()
            if user is None or user.role != ADMINISTRATOR:
                raise ValidationError({"admin": "There is no administrator account with this name."})
            check_password_policy(user.name, new_password)
            user.active = True
            user.password_changed_at = datetime.now().astimezone()
            actor = _actor(user)
            audit.record(uow, actor, "recovery_code.used", entity="user", entity_id=user.id)
            ws.set_user_password(user.name, new_password)
            uow.commit()
    except BaseException:
        ws.close()
        raise
    return ws, actor
