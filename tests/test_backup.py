"""Backups: the archive format, restore on a new computer, refusals, rotation, status, start-up
checks, the automatic backup before a schema upgrade, and the ``backup``/``restore`` commands.

Crash tests (killed writers, killed backups) are in ``test_crash_safety.py``.
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import shutil
import sqlite3
import sys
import threading
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from client_inputs import register
from sqlalchemy import select, text

from clinic_app import workspace
from clinic_app.backup import archive, destination, operations, startup
from clinic_app.backup.archive import ArchiveDamaged, BackupCheckFailed, BackupEntry
from clinic_app.cli import main
from clinic_app.codes import BARC10_ITEM
from clinic_app.config import DataPaths
from clinic_app.db import schema
from clinic_app.db.engine import make_engine
from clinic_app.db.models import (
    AuditEntry,
    CarePlan,
    CarePlanGoal,
    Checkup,
    CheckupAttempt,
    DischargePlan,
    FamilyMember,
    FamilyNote,
    ProgressNote,
    Referral,
    Setting,
    User,
)
from clinic_app.errors import PermissionDenied, SignInFailed, StorageError, ValidationError
from clinic_app.security.keys import RECOVERY, USER, KeySlotFile, KeySlotStore, new_data_key, normalise_user_name
from clinic_app.security.passwords import normalise_secret
from clinic_app.security.recovery_code import new_recovery_code, parse_recovery_code
from clinic_app.services import accounts, audit, settings
from clinic_app.services.auth import ADMINISTRATOR, COUNSELLOR, STATISTICS
from clinic_app.services.consents import ConsentGiven
from clinic_app.workspace import Workspace
from conftest import (
    ADMIN_NAME,
    ADMIN_PASSWORD,
    COUNSELLOR_NAME,
    COUNSELLOR_PASSWORD,
    ORG_NAME,
    STATS_NAME,
    STATS_PASSWORD,
    Installation,
)

CLIENT_GIVEN, CLIENT_FAMILY = "Zacarías", "Quintanilla-Öztürk"
ADDRESS = "Calle del Olmo 7, Valladolid"


# --- helpers -------------------------------------------------------------------------------------


def fill_records(inst: Installation) -> None:
    """Rows in every clinical table: an intake through the real service, the rest as ORM rows."""
    result = register(
        inst.ws, inst.counsellor,
        client={"given_names": CLIENT_GIVEN, "family_name": CLIENT_FAMILY, "counsellor_id": inst.counsellor.user_id},
        consents=(ConsentGiven("treatment", date(2025, 3, 10)),),
        barc10={item: 4 for item in BARC10_ITEM.codes()},
    )
    register(inst.ws, inst.admin, client={"family_name": "Second"})
    with inst.ws.unit_of_work() as uow:
        settings.update_settings(uow, inst.admin, address=ADDRESS, idle_lock_minutes=15)
        s = uow.session
        admin_id, cid, eid = inst.admin.user_id, result.client_id, result.episode_id
        note = ProgressNote(client_id=cid, episode_id=eid, note_date=date(2025, 4, 1), note_type="individual",
                            author_id=admin_id, text="Habló de su familia.\nTodo bien.")
        member = FamilyMember(client_id=cid, relationship="daughter", first_name="Lucía", is_child=True, birth_year=2015)
        plan = CarePlan(episode_id=eid, version=1, status="draft", created_by=admin_id)
        discharge = DischargePlan(episode_id=eid, planned_date=date(2025, 9, 1), updated_by=admin_id)
        s.add_all([note, member, plan, discharge])
        s.flush()
        checkup = Checkup(client_id=cid, episode_id=eid, months_after=3, due_date=date(2025, 12, 1))
        s.add_all([
            FamilyNote(client_id=cid, family_member_id=member.id, note_date=date(2025, 4, 2), author_id=admin_id,
                       text="Visita escolar", sensitive=True),
            CarePlanGoal(plan_id=plan.id, position=1, domain="housing", goal="Piso estable"),
            Referral(discharge_id=discharge.id, service="Centro de día", contact="+34 900"),
            checkup,
        ])
        s.flush()
        s.add(CheckupAttempt(checkup_id=checkup.id, attempted_on=date(2025, 12, 2), channel="phone", reached=False,
                             recorded_by=admin_id))
        audit.record(uow, inst.admin, "client.read", entity="client", entity_id=cid, client_id=cid)
        uow.commit()


def all_rows(db: Path, key: bytes) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted (for comparing two databases)."""
    engine = make_engine(db, key, pooled=False)
    try:
        with engine.connect() as conn:
            names = conn.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )).scalars().all()
            return {n: sorted((tuple(r) for r in conn.execute(text(f'SELECT * FROM "{n}"'))), key=repr) for n in names}
    finally:
        engine.dispose()


def make_backup(inst: Installation, folder: Path) -> BackupEntry:
    folder.mkdir(exist_ok=True)
    return operations.create_backup(inst.ws, inst.admin, folder)


def flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x40
    path.write_bytes(bytes(data))


def member_offset(path: Path, name: str) -> int:
    """An offset in the middle of a member's data."""
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(name)
    return info.header_offset + 30 + len(name.encode()) + len(info.extra) + info.file_size // 2


def audit_actions(ws: Workspace) -> list[str]:
    """Every audited action, oldest first."""
    with ws.unit_of_work(write=False) as uow:
        return list(uow.session.execute(select(AuditEntry.action).order_by(AuditEntry.seq)).scalars())


NO_SPACE = SimpleNamespace(total=10, used=10, free=1)


# --- backup and restore on a new computer ---------------------------------------------------------


def test_backup_then_restore_on_a_new_computer_keeps_every_row(installation: Installation, tmp_path: Path) -> None:
    inst = installation
    fill_records(inst)
    key = inst.ws.data_key
    before = all_rows(inst.ws.paths.database, key)
    for table in ("users", "settings", "audit_log", "clients", "client_search_terms", "episodes", "intake_assessments",
                  "intake_substances", "consents", "barc10", "progress_notes", "family_members", "family_notes",
                  "care_plans", "care_plan_goals", "discharge_plans", "referrals", "checkups", "checkup_attempts"):
        assert before[table], f"the test data should fill {table}"

    entry = make_backup(inst, tmp_path / "usb")
    assert entry.path.name.endswith(".continuum-backup") and entry.kind == "manual"
    assert audit_actions(inst.ws)[-1] == "backup.created"
    inst.ws.close()
    shutil.rmtree(inst.data_dir)  # the old computer is gone

    new_computer = tmp_path / "new-computer" / "data"
    report = operations.restore(entry.path, new_computer, recovery_code=inst.recovery_code)
    assert report.organisation == ORG_NAME
    assert report.pre_restore_backup is None and report.set_aside == ()
    assert not report.migrated

    after = all_rows(DataPaths(new_computer).database, key)
    assert set(after) == set(before)
    for table in before:
        if table in ("audit_log", "audit_head"):
            continue
        assert after[table] == before[table], f"table {table} differs after the restore"
    added = Counter(after["audit_log"]) - Counter(before["audit_log"])
    assert Counter(before["audit_log"]) - Counter(after["audit_log"]) == Counter()  # nothing lost
    assert [row for row in added if "backup.restored" in row] == list(added)  # one entry added: the restore

    ws, actor = workspace.sign_in(new_computer, ADMIN_NAME, ADMIN_PASSWORD)
    try:
        assert audit_actions(ws)[len(before["audit_log"]):] == ["backup.restored", "sign_in"]
        with ws.unit_of_work(write=False) as uow:
            assert audit.verify_chain(uow).ok
            assert settings.read_settings(uow).address == ADDRESS
        assert startup.check_database(ws).ok
    finally:
        ws.close()
    ws, _ = workspace.sign_in(new_computer, COUNSELLOR_NAME, COUNSELLOR_PASSWORD)
    ws.close()


def test_archive_names_nobody_in_the_clear(installation: Installation, tmp_path: Path) -> None:
    fill_records(installation)
    blob = make_backup(installation, tmp_path / "b").path.read_bytes()
    for needle in (ORG_NAME, "Esperanza", ADMIN_NAME, COUNSELLOR_NAME, "Carmen Ruiz", STATS_NAME,
                   CLIENT_GIVEN, CLIENT_FAMILY, "Quintanilla", ADDRESS, "Lucía"):
        for encoded in {needle.encode("utf-8"), needle.encode("utf-16-le"), needle.lower().encode("utf-8"),
                        needle.upper().encode("utf-8"), json.dumps(needle).encode("ascii")}:
            assert encoded not in blob, f"{needle!r} is in the clear in the backup"


def test_manifest_is_readable_without_credentials_and_sealed_with_the_key(installation: Installation,
                                                                          tmp_path: Path) -> None:
    entry = make_backup(installation, tmp_path / "b")
    with zipfile.ZipFile(entry.path) as zf:
        assert zf.namelist() == ["manifest.json", "continuum.db", "keyslots.json"]
        assert all(i.compress_type == zipfile.ZIP_STORED for i in zf.infolist())
        manifest = json.loads(zf.read("manifest.json"))
        assert zf.read("keyslots.json") == installation.ws.paths.keyslots.read_bytes()
    assert manifest["format"] == "continuum-backup/1"
    assert manifest["schema_revision"] == schema.head_revision()
    assert manifest["db_id"] == installation.ws.db_id
    assert datetime.fromisoformat(manifest["created_at"]).tzinfo is not None
    assert set(manifest["parts"]) == {"continuum.db", "keyslots.json"}
    assert "organisation" not in json.dumps(manifest)
    # any account's password opens it, and the sealed part names the organisation
    opened = archive.open_archive(entry.path, user=STATS_NAME, password=STATS_PASSWORD)
    assert opened.contents.organisation == ORG_NAME
    assert opened.contents.row_counts["users"] == 3
    # the database inside is encrypted: plain SQLite cannot read it
    copy = tmp_path / "copy.db"
    copy.write_bytes(zipfile.ZipFile(entry.path).read("continuum.db"))
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(copy).execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_only_administrators_make_backups(installation: Installation, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    for actor in (installation.counsellor, installation.stats):
        with pytest.raises(PermissionDenied):
            operations.create_backup(installation.ws, actor, folder)
    assert list(folder.iterdir()) == []


def test_backup_is_consistent_while_others_write(installation: Installation, tmp_path: Path) -> None:
    stop = threading.Event()
    written = 0

    def writer() -> None:
        nonlocal written
        while not stop.is_set():
            with installation.ws.unit_of_work() as uow:
                audit.record(uow, installation.admin, "test.write")
                uow.commit()
            written += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        entries = [make_backup(installation, tmp_path / "b") for _ in range(3)]
    finally:
        stop.set()
        thread.join()
    assert written > 0
    for entry in entries:  # row counts as recorded in the snapshot, audit chain whole
        report = operations.test_restore(entry.path, recovery_code=installation.recovery_code)
        assert report.ok, report.problems


def test_failed_backup_leaves_no_archive(installation: Installation, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    with pytest.raises(StorageError, match="does not exist"):
        operations.create_backup(installation.ws, installation.admin, tmp_path / "missing")

    real = archive.inspect_database

    def damaged_copy(path: Path, key: bytes) -> archive.DatabaseFacts:
        return replace(real(path, key), integrity={"integrity_check": ["page 7: btree damaged"]})

    monkeypatch.setattr(archive, "inspect_database", damaged_copy)
    with pytest.raises(BackupCheckFailed, match="integrity"):
        operations.create_backup(installation.ws, installation.admin, folder)
    monkeypatch.undo()

    monkeypatch.setattr(archive.shutil, "disk_usage", lambda p: NO_SPACE)
    with pytest.raises(StorageError, match="not enough free space"):
        operations.create_backup(installation.ws, installation.admin, folder)
    monkeypatch.undo()
    assert list(folder.iterdir()) == []  # no archive, and the temporary folder was removed
    assert "backup.created" not in audit_actions(installation.ws)


# --- damaged archives ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shared:
    """One closed installation and one backup of it, made once for the module (copied by tests)."""

    data_dir: Path
    archive: Path
    recovery_code: str


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Shared:
    base = tmp_path_factory.mktemp("shared")
    ws, admin, code = workspace.create_installation(base / "data", ORG_NAME, ADMIN_NAME, ADMIN_PASSWORD)
    try:
        with ws.unit_of_work() as uow:
            accounts.add_user(uow, admin, COUNSELLOR_NAME, COUNSELLOR, COUNSELLOR_PASSWORD, "Carmen Ruiz")
            accounts.add_user(uow, admin, STATS_NAME, STATISTICS, STATS_PASSWORD)
            uow.commit()
        (base / "usb").mkdir()
        entry = operations.create_backup(ws, admin, base / "usb")
    finally:
        ws.close()
    return Shared(base / "data", entry.path, code)


@pytest.fixture
def backup_file(shared: Shared, tmp_path: Path) -> Path:
    """A copy of the shared backup, to damage."""
    target = tmp_path / "b" / shared.archive.name
    target.parent.mkdir()
    shutil.copy2(shared.archive, target)
    return target


@pytest.mark.parametrize("part", ["manifest.json", "continuum.db", "keyslots.json"])
def test_a_flipped_byte_in_a_part_is_named(backup_file: Path, part: str) -> None:
    flip(backup_file, member_offset(backup_file, part))
    check = archive.verify_archive(backup_file)
    assert not check.ok
    assert [p.part for p in check.problems] == [part]
    assert part in check.problems[0].message


def test_a_flipped_byte_anywhere_is_detected(backup_file: Path, tmp_path: Path) -> None:
    original = backup_file.read_bytes()
    size = len(original)
    rng = random.Random(11)
    # every byte of the headers, the table of contents and the seal, and a sample of the data
    offsets = [*range(0, 120), *range(size - 700, size), *rng.sample(range(size), 150)]
    target = tmp_path / "flipped.continuum-backup"
    for offset in offsets:
        data = bytearray(original)
        data[offset] ^= 1 << rng.randrange(8)
        target.write_bytes(bytes(data))
        check = archive.verify_archive(target)
        assert not check.ok, f"a flipped bit at offset {offset} of {size} went unnoticed"
        assert {p.part for p in check.problems} <= {*archive.REGIONS, archive.SEAL}


@pytest.mark.parametrize("keep", [0, 3, 100, 5000, -1, -414])
def test_a_truncated_archive_is_refused_with_a_clear_message(backup_file: Path, shared: Shared,
                                                             tmp_path: Path, keep: int) -> None:
    data = backup_file.read_bytes()
    backup_file.write_bytes(data[:keep] if keep >= 0 else data[:keep])
    check = archive.verify_archive(backup_file)
    assert not check.ok and check.manifest is None
    message = check.problems[0].message
    assert ("incomplete (truncated)" in message) if keep >= 4 or keep < 0 else ("not" in message or "empty" in message)
    with pytest.raises(ArchiveDamaged):
        operations.restore(backup_file, tmp_path / "new", recovery_code=shared.recovery_code)
    assert not (tmp_path / "new").exists()


def test_a_backup_altered_by_someone_with_the_file_only_does_not_open(backup_file: Path, tmp_path: Path,
                                                                       shared: Shared) -> None:
    """Rewriting the manifest (and resealing the container) is caught by the sealed manifest."""
    with zipfile.ZipFile(backup_file) as zf:
        manifest = archive.Manifest.from_bytes(zf.read("manifest.json"))
        db, slots = zf.read("continuum.db"), zf.read("keyslots.json")
    forged = replace(manifest, kind="pre-restore")
    (tmp_path / "db").write_bytes(db)
    target = tmp_path / "forged.continuum-backup"
    archive._write_archive(target, forged.to_bytes(), tmp_path / "db", slots, manifest.created_at)
    assert archive.verify_archive(target).ok  # structurally fine...
    with pytest.raises(StorageError, match="altered"):  # ...but not what was sealed
        archive.open_archive(target, recovery_code=shared.recovery_code)


# --- restore: refusals and what happens to the current data ---------------------------------------------


def test_restore_refuses_a_newer_version(installation: Installation, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "__version__", "9.1.0")
    newer_app = make_backup(installation, tmp_path / "b").path
    monkeypatch.undo()
    with pytest.raises(StorageError, match=r"made by Continuum 9\.1\.0.*newer than this version.*Install Continuum 9\.1\.0"):
        operations.restore(newer_app, tmp_path / "new", recovery_code=installation.recovery_code)

    current = make_backup(installation, tmp_path / "b2").path
    monkeypatch.setattr(archive, "known_revisions", lambda: {"0001_foundation"})  # an older app's view
    with pytest.raises(StorageError, match=f"schema {schema.head_revision()}.*newer"):
        operations.restore(current, tmp_path / "new", recovery_code=installation.recovery_code)
    assert not (tmp_path / "new").exists()


def test_restore_credentials(backup_file: Path, shared: Shared, tmp_path: Path) -> None:
    target = tmp_path / "new"
    with pytest.raises(SignInFailed):
        operations.restore(backup_file, target, user=ADMIN_NAME, password="Wrong-password-2026")
    with pytest.raises(SignInFailed):
        operations.restore(backup_file, target, user="nobody", password=ADMIN_PASSWORD)
    with pytest.raises(SignInFailed, match="recovery code"):
        operations.restore(backup_file, target, recovery_code=new_recovery_code())
    with pytest.raises(ValidationError) as err:
        operations.restore(backup_file, target, recovery_code="ABCD")
    assert "recovery_code" in err.value.errors
    with pytest.raises(ValidationError):
        operations.restore(backup_file, target, user=ADMIN_NAME, password=ADMIN_PASSWORD,
                           recovery_code=shared.recovery_code)
    with pytest.raises(ValidationError):
        operations.restore(backup_file, target)
    # a counsellor's password opens the archive, but restoring is for administrators
    with pytest.raises(PermissionDenied):
        operations.restore(backup_file, target, user=COUNSELLOR_NAME, password=COUNSELLOR_PASSWORD)
    assert not DataPaths(target).is_initialised()
    report = operations.restore(backup_file, target, user=ADMIN_NAME, password=ADMIN_PASSWORD)
    assert report.data_dir == target
    ws, _ = workspace.sign_in(target, ADMIN_NAME, ADMIN_PASSWORD)
    try:
        with ws.unit_of_work(write=False) as uow:
            restored = uow.session.execute(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(2)).scalars().all()
        assert restored[1].action == "backup.restored" and restored[1].user_name == ADMIN_NAME
    finally:
        ws.close()


def test_restore_over_the_same_installation_backs_up_the_current_data_first(installation: Installation,
                                                                          tmp_path: Path) -> None:
    inst = installation
    entry = make_backup(inst, tmp_path / "b")
    register(inst.ws, inst.admin, client={"family_name": "After The Backup"})
    inst.ws.close()

    report = operations.restore(entry.path, inst.data_dir, recovery_code=inst.recovery_code)
    assert report.pre_restore_backup is not None
    assert report.pre_restore_backup.parent == inst.data_dir / "pre-restore-backups"
    assert archive.verify_archive(report.pre_restore_backup).ok
    assert report.set_aside == ()
    before = operations.test_restore(report.pre_restore_backup, recovery_code=inst.recovery_code)
    assert before.ok and before.row_counts["clients"] == 1
    assert dict(report.row_counts)["clients"] == 0
    assert not [p for p in inst.data_dir.iterdir() if p.name.startswith(".continuum-restore-")]
    ws, _ = workspace.sign_in(inst.data_dir, ADMIN_NAME, ADMIN_PASSWORD)
    try:
        with ws.unit_of_work(write=False) as uow:
            assert uow.session.execute(text("SELECT count(*) FROM clients")).scalar_one() == 0
    finally:
        ws.close()


def test_restore_keeps_a_damaged_database_aside(installation: Installation, tmp_path: Path) -> None:
    inst = installation
    entry = make_backup(inst, tmp_path / "b")
    inst.ws.close()
    db = DataPaths(inst.data_dir).database
    damaged = bytearray(db.read_bytes())
    damaged[100:200] = b"\0" * 100  # inside the first page: nothing can be read
    db.write_bytes(bytes(damaged))

    report = operations.restore(entry.path, inst.data_dir, recovery_code=inst.recovery_code)
    assert report.pre_restore_backup is None
    kept = [p for p in report.set_aside if p.name.startswith("continuum.db.damaged-")]
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(damaged)
    assert any(p.name.startswith("keyslots.json.damaged-") for p in report.set_aside)
    ws, _ = workspace.sign_in(inst.data_dir, ADMIN_NAME, ADMIN_PASSWORD)
    ws.close()


def test_restore_refuses_a_folder_holding_another_installation(backup_file: Path, shared: Shared,
                                                               tmp_path: Path) -> None:
    other = tmp_path / "other"
    ws, _, _ = workspace.create_installation(other, "Another Org", "boss", ADMIN_PASSWORD)
    ws.close()
    before = {p.name: p.read_bytes() for p in other.iterdir() if p.is_file()}
    with pytest.raises(StorageError, match="another installation"):
        operations.restore(backup_file, other, recovery_code=shared.recovery_code)
    assert {p.name: p.read_bytes() for p in other.iterdir() if p.is_file()} == before


def test_restore_refuses_an_archive_whose_copy_fails_its_checks(backup_file: Path, shared: Shared,
                                                                tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = archive.inspect_database
    monkeypatch.setattr(archive, "inspect_database",
                        lambda p, k: replace(real(p, k), row_counts={**real(p, k).row_counts, "users": 99}))
    with pytest.raises(BackupCheckFailed, match="table users holds 99 rows, 3 were recorded"):
        operations.restore(backup_file, tmp_path / "new", recovery_code=shared.recovery_code)
    assert not DataPaths(tmp_path / "new").is_initialised()


# --- test restore ----------------------------------------------------------------------------------


def test_test_restore_reports_what_it_found_and_is_audited(installation: Installation, tmp_path: Path) -> None:
    fill_records(installation)
    entry = make_backup(installation, tmp_path / "b")
    report = operations.test_restore(entry.path, ws=installation.ws, actor=installation.admin)
    assert report.ok, report.problems
    assert report.organisation == ORG_NAME and report.schema_revision == schema.head_revision()
    assert report.row_counts["clients"] == 2 and report.row_counts["users"] == 3
    assert report.integrity == {"cipher_integrity_check": [], "integrity_check": [], "foreign_key_check": []}
    assert report.audit_entries_checked and report.audit_problem is None
    assert audit_actions(installation.ws)[-1] == "backup.test_restored"
    with pytest.raises(PermissionDenied):
        operations.test_restore(entry.path, ws=installation.ws, actor=installation.counsellor)
    by_counsellor = operations.test_restore(entry.path, user=COUNSELLOR_NAME, password=COUNSELLOR_PASSWORD)
    assert by_counsellor.row_counts == report.row_counts


def test_test_restore_finds_a_damaged_audit_chain(installation: Installation, tmp_path: Path) -> None:
    with installation.ws.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET action = 'edited' WHERE seq = 1"))
    entry = make_backup(installation, tmp_path / "b")
    report = operations.test_restore(entry.path, recovery_code=installation.recovery_code)
    assert not report.ok
    assert report.audit_problem == "audit entry 1 was altered or moved"


# --- rotation and status -----------------------------------------------------------------------------


def _entry(when: datetime, db_id: str = "a" * 32) -> BackupEntry:
    return BackupEntry(Path(f"{when:%Y%m%d%H%M}-{db_id[:4]}"), when, "manual", db_id, "0.1.0", "x", 1)


def test_rotation_keeps_the_newest_per_day_week_and_month() -> None:
    start = datetime(2026, 6, 30, 20, 0).astimezone()
    backups = [_entry(start - timedelta(hours=12 * i)) for i in range(800)]  # two a day for 400 days, newest first

    def newest_of_last(count: int, period: Callable[[datetime], Any]) -> set[Path]:
        periods = sorted({period(e.created_at) for e in backups}, reverse=True)[:count]
        return {max((e for e in backups if period(e.created_at) == p), key=lambda e: e.created_at).path
                for p in periods}

    daily = newest_of_last(7, lambda t: t.date())
    weekly = newest_of_last(4, lambda t: t.isocalendar()[:2])
    monthly = newest_of_last(12, lambda t: (t.year, t.month))
    assert len(daily) == 7 and len(weekly) == 4 and len(monthly) == 12
    assert destination.select_kept(backups, 7, 4, 12) == daily | weekly | monthly | {backups[0].path}
    assert destination.select_kept(backups, 0, 0, 0) == {backups[0].path}
    assert destination.select_kept(backups, 2, 0, 0) == {backups[0].path, backups[2].path}
    assert destination.select_kept([], 7, 4, 12) == set()


def test_rotate_deletes_only_what_the_rules_drop(installation: Installation, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    base = datetime(2026, 3, 15, 12, 0).astimezone()
    made = [archive.backup_database(installation.ws.paths, installation.ws.data_key, folder, kind="manual",
                                    now=base - timedelta(days=d)) for d in (0, 0.01, 1, 2, 9, 40)]
    junk = folder / "notes.continuum-backup"
    junk.write_bytes(b"not an archive")
    stale = folder / f"{archive.TEMP_PREFIX}old"
    stale.mkdir()
    os.utime(stale, (0, 0))
    with pytest.raises(ValidationError) as err:
        destination.rotate(folder, keep_daily=-1)
    assert set(err.value.errors) == {"keep_daily"}

    result = destination.rotate(folder, keep_daily=2, keep_weekly=0, keep_monthly=0)
    assert set(result.kept) == {made[0].path, made[2].path}
    assert set(result.removed) == {made[1].path, made[3].path, made[4].path, made[5].path}
    assert not any(p.exists() for p in result.removed) and all(p.exists() for p in result.kept)
    assert junk.exists() and result.removed_partials == (stale,) and not stale.exists()
    assert result.skipped == ()


def test_rotate_deletes_nothing_when_the_newest_backup_is_damaged(installation: Installation, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    now = datetime.now(timezone.utc)
    old, new = (archive.backup_database(installation.ws.paths, installation.ws.data_key, folder, kind="manual",
                                        now=now - timedelta(days=d)) for d in (30, 0))
    flip(new.path, member_offset(new.path, "continuum.db"))
    result = destination.rotate(folder, 1, 0, 0)
    assert result.removed == () and old.path.exists() and result.skipped


def test_backup_status(installation: Installation, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    assert destination.backup_status(None).needs_attention
    missing = destination.backup_status(folder)
    assert missing.needs_attention and not missing.folder_found and "plug it in" in missing.message
    folder.mkdir()
    empty = destination.backup_status(folder)
    assert empty.needs_attention and empty.last_good is None
    entry = make_backup(installation, folder)
    fresh = destination.backup_status(folder, db_id=installation.ws.db_id)
    assert not fresh.needs_attention and fresh.last_good == entry and "today" in fresh.message
    stale = destination.backup_status(folder, now=datetime.now(timezone.utc) + timedelta(days=8))
    assert stale.needs_attention and "8 days ago" in stale.message and "Make a backup now" in stale.message
    flip(entry.path, member_offset(entry.path, "continuum.db"))
    damaged = destination.backup_status(folder)
    assert damaged.needs_attention and damaged.last_good is None and "fail their checks" in damaged.message
    assert destination.configured_destination(installation.data_dir) == folder.resolve()


# --- start-up checks --------------------------------------------------------------------------------


@pytest.fixture
def closed(shared: Shared, tmp_path: Path) -> tuple[Path, BackupEntry]:
    """A copy of the shared (closed) installation, with a copy of its backup as its destination."""
    data_dir, usb = tmp_path / "data", tmp_path / "usb"
    shutil.copytree(shared.data_dir, data_dir)
    shutil.copytree(shared.archive.parent, usb)
    destination.remember_destination(data_dir, usb)
    copy = usb / shared.archive.name
    return data_dir, BackupEntry.of(copy, archive.read_manifest(copy))


def test_startup_check_of_a_healthy_and_of_an_empty_folder(closed: tuple[Path, BackupEntry], tmp_path: Path) -> None:
    data_dir, entry = closed
    report = startup.startup_check(data_dir)
    assert report.ok and report.problems == () and report.explanation() == ""
    empty = startup.startup_check(tmp_path / "nothing-here", backup_folder=entry.path.parent)
    assert empty.status == "empty" and empty.newest_backup == entry
    assert "Set one up, or restore a backup" in empty.explanation() and str(entry.path) in empty.explanation()


@pytest.mark.parametrize("damage, expected", [
    ("no keyslots", "key-slot file .* is missing"),
    ("garbled keyslots", "key-slot file is damaged"),
    ("no database", "database file .* is missing"),
    ("truncated database", "not a whole number of pages"),
    ("plain sqlite", "not encrypted"),
    ("empty database", "is empty"),
])
def test_startup_check_explains_damage_and_points_to_the_newest_backup(closed: tuple[Path, BackupEntry],
                                                                       damage: str, expected: str) -> None:
    data_dir, entry = closed
    paths = DataPaths(data_dir)
    if damage == "no keyslots":
        paths.keyslots.unlink()
    elif damage == "garbled keyslots":
        paths.keyslots.write_bytes(b"{not json")
    elif damage == "no database":
        paths.database.unlink()
    elif damage == "truncated database":
        paths.database.write_bytes(paths.database.read_bytes()[:10_000])
    elif damage == "plain sqlite":
        paths.database.unlink()
        sqlite3.connect(paths.database).execute("CREATE TABLE t (x)").connection.close()
    else:
        paths.database.write_bytes(b"")
    files_before = {p: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    report = startup.startup_check(data_dir)
    assert report.status == "problem"
    assert any(re.search(expected, p) for p in report.problems), report.problems
    assert report.newest_backup == entry
    text_for_user = report.explanation()
    assert str(entry.path) in text_for_user and "left exactly as they are" in text_for_user
    assert {p: p.read_bytes() for p in data_dir.iterdir() if p.is_file()} == files_before


def test_signing_in_to_a_damaged_database_gives_a_clear_message(closed: tuple[Path, BackupEntry]) -> None:
    data_dir, _ = closed
    db = DataPaths(data_dir).database
    damaged = b"\x13" * 4096 + db.read_bytes()[4096:]
    db.write_bytes(damaged)
    with pytest.raises(StorageError, match="damaged or was replaced.*left as it is"):
        workspace.sign_in(data_dir, ADMIN_NAME, ADMIN_PASSWORD)
    assert db.read_bytes() == damaged


def test_check_database_after_sign_in_finds_a_damaged_audit_log(installation: Installation, tmp_path: Path) -> None:
    entry = make_backup(installation, tmp_path / "usb")
    assert startup.check_database(installation.ws).ok
    with installation.ws.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE seq = 2"))
    report = startup.check_database(installation.ws)
    assert report.status == "problem" and report.newest_backup == entry
    assert any("audit entry 2 is missing" in p for p in report.problems)


# --- migrations ----------------------------------------------------------------------------------------


def make_installation_at_first_revision(data_dir: Path) -> tuple[str, str]:
    """An installation whose database was created by revision 0001 only; returns (db_id, recovery code)."""
    paths = DataPaths(data_dir)
    data_dir.mkdir(parents=True)
    slots, key = KeySlotFile.new(), new_data_key()
    ws = Workspace(paths, key, slots.db_id)
    try:
        schema.upgrade(ws.engine, "0001_foundation")
        with ws.unit_of_work() as uow:
            uow.session.add_all([Setting(key=workspace.ORG_NAME, value=ORG_NAME),
                                 Setting(key=workspace.DB_ID, value=slots.db_id)])
            admin = User(name=ADMIN_NAME, name_key=normalise_user_name(ADMIN_NAME), full_name="", role=ADMINISTRATOR)
            uow.session.add(admin)
            uow.session.flush()
            audit.record(uow, None, "installation.created")
            uow.commit()
    finally:
        ws.close()
    code = new_recovery_code()
    slots.put_slot(slots.make_slot(USER, normalise_secret(ADMIN_PASSWORD), key, slots.lookup_tag(ADMIN_NAME)))
    slots.put_slot(slots.make_slot(RECOVERY, parse_recovery_code(code).encode("ascii"), key))
    KeySlotStore(paths.keyslots).create(slots)
    return slots.db_id, code


def test_an_older_database_is_backed_up_then_migrated_on_sign_in(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    db_id, code = make_installation_at_first_revision(data_dir)
    ws, _ = workspace.sign_in(data_dir, ADMIN_NAME, ADMIN_PASSWORD)
    try:
        assert schema.current_revision(ws.engine) == schema.head_revision()
        assert schema.schema_differences(ws.engine) == []
        assert audit_actions(ws)[-2:] == ["schema.upgraded", "sign_in"]
    finally:
        ws.close()
    backups = list((data_dir / "pre-upgrade-backups").glob("*.continuum-backup"))
    assert len(backups) == 1
    check = archive.verify_archive(backups[0])
    assert check.ok and check.manifest is not None
    assert check.manifest.kind == "pre-upgrade" and check.manifest.schema_revision == "0001_foundation"
    assert check.manifest.db_id == db_id
    found = operations.test_restore(backups[0], user=ADMIN_NAME, password=ADMIN_PASSWORD)
    assert found.ok and found.schema_revision == "0001_foundation" and "clients" not in found.row_counts
    # signing in again takes no second backup
    ws, _ = workspace.sign_in(data_dir, ADMIN_NAME, ADMIN_PASSWORD)
    ws.close()
    assert len(list((data_dir / "pre-upgrade-backups").glob("*.continuum-backup"))) == 1

    # that older archive restores onto a new computer, upgraded on the way
    report = operations.restore(backups[0], tmp_path / "new", recovery_code=code)
    assert report.migrated and report.schema_from == "0001_foundation" and report.schema_to == schema.head_revision()
    ws, _ = workspace.sign_in(tmp_path / "new", ADMIN_NAME, ADMIN_PASSWORD)
    try:
        assert schema.current_revision(ws.engine) == schema.head_revision()
        assert audit_actions(ws)[-2:] == ["backup.restored", "sign_in"]
        assert not (tmp_path / "new" / "pre-upgrade-backups").exists()
    finally:
        ws.close()


def test_no_upgrade_without_the_backup_before_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = tmp_path / "data"
    make_installation_at_first_revision(data_dir)
    monkeypatch.setattr(archive.shutil, "disk_usage", lambda p: NO_SPACE)
    with pytest.raises(StorageError, match="not upgraded, because the backup before the upgrade failed"):
        workspace.sign_in(data_dir, ADMIN_NAME, ADMIN_PASSWORD)
    monkeypatch.undo()
    slots = KeySlotStore(DataPaths(data_dir).keyslots).load()
    engine = make_engine(DataPaths(data_dir).database, _key_of(slots), pooled=False)
    try:
        assert schema.current_revision(engine) == "0001_foundation"
    finally:
        engine.dispose()


def _key_of(slots: KeySlotFile) -> bytes:
    slot = slots.user_slot(ADMIN_NAME)
    assert slot is not None
    key = slots.open_slot(slot, normalise_secret(ADMIN_PASSWORD))
    assert key is not None
    return key


# --- the commands ----------------------------------------------------------------------------------------


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str,
        user: str | None = None, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"))
    capsys.readouterr()
    code = main(["--data-dir", str(data_dir), *(["--user", user] if user else []), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_backup_commands(installation: Installation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                         capsys: pytest.CaptureFixture[str]) -> None:
    data, folder = installation.data_dir, tmp_path / "usb"
    folder.mkdir()

    def cli(*args: str, user: str | None = None, stdin: str = "") -> tuple[int, str, str]:
        return run(monkeypatch, capsys, data, *args, user=user, stdin=stdin)

    assert cli("backup", "--to", str(folder), user=STATS_NAME, stdin=STATS_PASSWORD + "\n")[0] == 2
    assert cli("backup", "--to", str(folder), user=ADMIN_NAME, stdin="wrong\n")[0] == 3
    assert cli("backup", "--to", str(tmp_path / "missing"), user=ADMIN_NAME, stdin=ADMIN_PASSWORD + "\n")[0] == 2
    assert cli("backup", user=ADMIN_NAME, stdin=ADMIN_PASSWORD + "\n")[0] == 2
    code, out, err = cli("backup", "--to", str(folder), user=ADMIN_NAME, stdin=ADMIN_PASSWORD + "\n")
    assert code == 0, err
    made = Path(out.strip())
    assert made.parent == folder and made.name.endswith(".continuum-backup")

    code, out, _ = cli("backup", "list", str(folder))
    assert code == 0
    row = out.splitlines()[0].split("\t")
    assert row[0] == made.name and row[2] == "manual" and row[5] == installation.ws.db_id

    code, out, _ = cli("backup", "verify", str(made))
    assert code == 0 and "continuum.db\tok" in out
    code, out, err = cli("backup", "verify", str(made), user=COUNSELLOR_NAME, stdin=COUNSELLOR_PASSWORD + "\n")
    assert code == 0, err
    assert "cipher_integrity_check\tok" in out and "rows\tusers\t3" in out and "audit chain\tok" in out
    assert cli("backup", "verify", str(made), "--recovery-code", stdin=installation.recovery_code + "\n")[0] == 0
    assert cli("backup", "verify", str(made), user=ADMIN_NAME, stdin="wrong\n")[0] == 3
    assert cli("backup", "verify", str(tmp_path / "nothing.continuum-backup"))[0] == 2

    assert cli("backup", "status", str(folder))[0] == 0
    assert cli("backup", "status")[0] == 0  # the remembered destination
    assert cli("backup", "status", str(tmp_path / "unplugged"))[0] == 1
    code, out, _ = cli("backup", "rotate", str(folder))
    assert code == 0 and out == f"kept\t{made.name}\n"

    flipped = tmp_path / "flipped.continuum-backup"
    shutil.copy(made, flipped)
    flip(flipped, member_offset(flipped, "continuum.db"))
    code, out, err = cli("backup", "verify", str(flipped))
    assert code == 1 and "continuum.db" in err and "continuum.db\tFAILED" in out

    truncated = tmp_path / "truncated.continuum-backup"
    truncated.write_bytes(made.read_bytes()[:-5000])
    code, out, err = cli("backup", "verify", str(truncated))
    assert code == 1 and "incomplete (truncated)" in out

    installation.ws.close()
    new = tmp_path / "new-computer"
    code, out, err = run(monkeypatch, capsys, new, "restore", "--from", str(truncated),
                         stdin=installation.recovery_code + "\n")
    assert code == 1 and "incomplete (truncated)" in err
    code, _, _ = run(monkeypatch, capsys, new, "restore", "--from", str(made), stdin="not-a-code\n")
    assert code == 2
    code, _, _ = run(monkeypatch, capsys, new, "restore", "--from", str(made), user=COUNSELLOR_NAME,
                     stdin=COUNSELLOR_PASSWORD + "\n")
    assert code == 2
    code, out, err = run(monkeypatch, capsys, new, "restore", "--from", str(made), stdin=installation.recovery_code + "\n")
    assert code == 0, err
    assert f"Restored {made.name}" in out
    code, out, err = run(monkeypatch, capsys, data, "restore", "--from", str(made), user=ADMIN_NAME,
                         stdin=ADMIN_PASSWORD + "\n")
    assert code == 0, err
    assert "kept in the backup" in out and "pre-restore-backups" in out
