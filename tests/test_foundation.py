"""The foundation: encryption at rest, key slots, recovery code, sign-in back-off, accounts,
audit chain."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from clinic_app import workspace
from clinic_app.db.engine import NotEncryptedError, _configure
from clinic_app.errors import PermissionDenied, SignInFailed, SignInThrottled, ValidationError
from clinic_app.security import passwords
from clinic_app.security.keys import FREE_FAILURES, KeySlotFile, KeySlotStore
from clinic_app.security.recovery_code import new_recovery_code, parse_recovery_code
from clinic_app.services import accounts, audit
from clinic_app.services.auth import COUNSELLOR

from conftest import ADMIN_NAME, ADMIN_PASSWORD, COUNSELLOR_NAME, COUNSELLOR_PASSWORD, Installation

ODD_PASSWORD = "qu'o\"te\\Ωмир密码ß end"


def _all_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_names_never_in_clear_in_any_file(tmp_path: Path) -> None:
    org, user = "Zanzibar Quokka Recovery Trust", "wilhelmina.quarrington"
    data = tmp_path / "data"
    ws, admin, _ = workspace.create_installation(data, org, user, ADMIN_PASSWORD)
    with ws.unit_of_work() as uow:
        accounts.add_user(uow, admin, "bartholomew.xylophone", COUNSELLOR, COUNSELLOR_PASSWORD, "Bartholomew Xylophone")
        uow.commit()
    # while the database is open (WAL and SHM present) ...
    with ws.engine.connect() as conn:
        conn.execute(text("SELECT count(*) FROM users")).scalar_one()
        files = _all_bytes(data)
        assert any(name.endswith("-wal") for name in files), files.keys()
    ws.close()
    files_after = _all_bytes(data)
    for snapshot in (files, files_after):
        for name, blob in snapshot.items():
            for needle in (org, user, "bartholomew", "Xylophone"):
                for encoded in (needle.encode("utf-8"), needle.encode("utf-16-le"), needle.lower().encode()):
                    assert encoded not in blob, f"{needle!r} found in clear in {name}"


def test_database_is_sqlcipher_with_the_pragmas(installation: Installation) -> None:
    with installation.ws.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw.execute("PRAGMA cipher_version").fetchone()[0]
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert raw.execute("PRAGMA temp_store").fetchone()[0] == 2
        assert raw.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert raw.execute("PRAGMA cache_size").fetchone()[0] == -32 * 1024
        assert raw.execute("PRAGMA cipher_memory_security").fetchone()[0] == "0"  # decided in clinic_app/db/engine.py
    header = installation.data_dir.joinpath("continuum.db").read_bytes()[:16]
    assert header != b"SQLite format 3\x00"


def test_refuses_plain_sqlite(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "plain.db")
    with pytest.raises(NotEncryptedError):
        _configure(conn, b"k" * 32)
    conn.close()


def test_wrong_password_same_message_for_unknown_user(installation: Installation) -> None:
    messages = []
    for name in (ADMIN_NAME, "no-such-person"):
        with pytest.raises(SignInFailed) as exc:
            workspace.sign_in(installation.data_dir, name, "wrong password here")
        messages.append(str(exc.value))
    assert messages[0] == messages[1]


def test_failed_sign_ins_back_off_and_survive_restart(installation: Installation) -> None:
    for _ in range(FREE_FAILURES):
        with pytest.raises(SignInFailed) as exc:
            workspace.sign_in(installation.data_dir, COUNSELLOR_NAME, "not the password!")
        assert not isinstance(exc.value, SignInThrottled)
    # the state is in the key-slot file, so a fresh process (a fresh load) sees it too
    f = KeySlotStore(installation.data_dir / "keyslots.json").load()
    assert f.counter(f.lookup_tag(COUNSELLOR_NAME)).count == FREE_FAILURES
    with pytest.raises(SignInThrottled) as exc:
        workspace.sign_in(installation.data_dir, COUNSELLOR_NAME, COUNSELLOR_PASSWORD)
    assert 0 < exc.value.wait_seconds <= 1
    time.sleep(exc.value.wait_seconds + 0.05)
    ws, _ = workspace.sign_in(installation.data_dir, COUNSELLOR_NAME, COUNSELLOR_PASSWORD)
    ws.close()
    # the failures were copied into the audit log at the successful sign-in
    with installation.ws.unit_of_work() as uow:
        failed = [r for r in audit.list_entries(uow, installation.admin, action="sign_in.failed")]
    assert len(failed) == FREE_FAILURES and {r.user_name for r in failed} == {COUNSELLOR_NAME}
    assert KeySlotStore(installation.data_dir / "keyslots.json").load().pending_failures == []


def test_unknown_user_names_back_off_too(installation: Installation) -> None:
    for _ in range(FREE_FAILURES):
        with pytest.raises(SignInFailed):
            workspace.sign_in(installation.data_dir, "ghost", "whatever password")
    with pytest.raises(SignInThrottled):
        workspace.sign_in(installation.data_dir, "ghost", "whatever password")


def test_recovery_code_restores_access(installation: Installation) -> None:
    ws, actor = workspace.recover(installation.data_dir, installation.recovery_code, ADMIN_NAME, "A brand new passphrase 7")
    ws.close()
    assert actor.name == ADMIN_NAME
    ws, _ = workspace.sign_in(installation.data_dir, ADMIN_NAME, "A brand new passphrase 7")
    ws.close()
    with pytest.raises(SignInFailed):
        workspace.sign_in(installation.data_dir, ADMIN_NAME, ADMIN_PASSWORD)


def test_mistyped_recovery_code_rejected_before_key_derivation(
    installation: Installation, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = installation.recovery_code
    i = code.index("-") + 1
    typo = code[:i] + ("A" if code[i] != "A" else "B") + code[i + 1 :]

    def no_derivation(*_a: object, **_k: object) -> bytes:
        raise AssertionError("key derivation ran for a mistyped code")

    monkeypatch.setattr(passwords, "derive_key", no_derivation)
    monkeypatch.setattr("clinic_app.security.keys.derive_key", no_derivation)
    with pytest.raises(ValidationError) as exc:
        workspace.recover(installation.data_dir, typo, ADMIN_NAME, "A brand new passphrase 7")
    assert "recovery_code" in exc.value.errors


def test_recovery_code_format() -> None:
    code = new_recovery_code()
    groups = code.split("-")
    assert len(groups) == 7 and all(len(g) == 4 for g in groups)
    assert parse_recovery_code(code.lower().replace("-", " ")) == code.replace("-", "")
    # 26 random characters of 5 bits each
    assert len(code.replace("-", "")) * 5 - 10 >= 128


def test_slot_moved_to_another_database_does_not_open(tmp_path: Path) -> None:
    ws1, _, _ = workspace.create_installation(tmp_path / "one", "Org One", "alice", ADMIN_PASSWORD)
    ws2, _, _ = workspace.create_installation(tmp_path / "two", "Org Two", "bob", "Bob-password-2026")
    ws1.close()
    ws2.close()
    one = json.loads((tmp_path / "one" / "keyslots.json").read_text())
    two = json.loads((tmp_path / "two" / "keyslots.json").read_text())
    f1 = KeySlotFile.from_json(one)
    alice_slot = next(s for s in one["slots"] if s["lookup"] == f1.lookup_tag("alice"))
    f2 = KeySlotFile.from_json(two)
    moved = dict(alice_slot, lookup=f2.lookup_tag("alice"))
    two["slots"].append(moved)
    (tmp_path / "two" / "keyslots.json").write_text(json.dumps(two))
    with pytest.raises(SignInFailed):
        workspace.sign_in(tmp_path / "two", "alice", ADMIN_PASSWORD)
    # and the slot opens nothing even with the other database's identity swapped in
    two["db_id"] = one["db_id"]
    (tmp_path / "two" / "keyslots.json").write_text(json.dumps(two))
    with pytest.raises(Exception):
        ws, _ = workspace.sign_in(tmp_path / "two", "alice", ADMIN_PASSWORD)
        ws.close()


def test_odd_password_works_everywhere(tmp_path: Path) -> None:
    ws, admin, _ = workspace.create_installation(tmp_path / "d", "Org", "ana", ODD_PASSWORD)
    with ws.unit_of_work() as uow:
        accounts.add_user(uow, admin, "Đorđe", COUNSELLOR, ODD_PASSWORD + "2")
        uow.commit()
    ws.close()
    ws, actor = workspace.sign_in(tmp_path / "d", "ĐORĐE", ODD_PASSWORD + "2")
    with ws.unit_of_work() as uow:
        accounts.change_own_password(uow, actor, ODD_PASSWORD + "2", "¿" + ODD_PASSWORD)
        uow.commit()
    ws.close()
    ws, _ = workspace.sign_in(tmp_path / "d", "đorđe", "¿" + ODD_PASSWORD)
    ws.close()


def test_account_rules(installation: Installation) -> None:
    ws, admin = installation.ws, installation.admin
    with ws.unit_of_work() as uow:
        with pytest.raises(ValidationError) as exc:
            accounts.deactivate_user(uow, admin, ADMIN_NAME)
        assert "last active administrator" in exc.value.errors["name"]
        with pytest.raises(ValidationError):
            accounts.set_role(uow, admin, ADMIN_NAME, COUNSELLOR)
        with pytest.raises(ValidationError) as exc:
            accounts.add_user(uow, admin, "newbie", COUNSELLOR, "newbie123")
        assert "password" in exc.value.errors
        with pytest.raises(ValidationError) as exc:
            accounts.add_user(uow, admin, "newbie", COUNSELLOR, "Password2026!")
        assert "too common" in exc.value.errors["password"]
        with pytest.raises(PermissionDenied):
            accounts.list_users(uow, installation.counsellor)
        accounts.deactivate_user(uow, admin, COUNSELLOR_NAME)
        uow.commit()
    # deactivated: cannot sign in, and a session it still holds can do nothing
    with pytest.raises(SignInFailed):
        workspace.sign_in(installation.data_dir, COUNSELLOR_NAME, COUNSELLOR_PASSWORD)
    with ws.unit_of_work() as uow:
        with pytest.raises(PermissionDenied):
            accounts.change_own_password(uow, installation.counsellor, COUNSELLOR_PASSWORD, "Another-pass-2026")
        accounts.reactivate_user(uow, admin, COUNSELLOR_NAME, "Fresh-start-pass-26")
        uow.commit()
    ws2, _ = workspace.sign_in(installation.data_dir, COUNSELLOR_NAME, "Fresh-start-pass-26")
    ws2.close()


def _tamper(installation: Installation, sql: str) -> None:
    with installation.ws.engine.begin() as conn:
        for statement in sql.split(";"):
            if statement.strip():
                conn.execute(text(statement))


def _chain(installation: Installation) -> audit.ChainReport:
    with installation.ws.unit_of_work(write=False) as uow:
        return audit.verify_chain(uow)


def test_audit_chain_intact(installation: Installation) -> None:
    report = _chain(installation)
    assert report.ok and report.checked >= 3


@pytest.mark.parametrize(
    "sql, first_bad",
    [
        ("UPDATE audit_log SET action = 'user.removed' WHERE seq = 2", 2),
        ("DELETE FROM audit_log WHERE seq = 2", 2),
        (
            "UPDATE audit_log SET seq = -1 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3;"
            " UPDATE audit_log SET seq = 3 WHERE seq = -1",
            2,
        ),
        ("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)", None),
    ],
    ids=["edited", "deleted", "reordered", "truncated"],
)
def test_audit_tampering_detected(installation: Installation, sql: str, first_bad: int | None) -> None:
    last = _chain(installation).checked
    _tamper(installation, sql)
    report = _chain(installation)
    assert not report.ok
    assert report.first_bad_seq == (first_bad if first_bad is not None else last)


def test_killed_password_change_never_locks_anyone_out(installation: Installation) -> None:
    data = installation.data_dir
    installation.ws.close()
    a, b = COUNSELLOR_PASSWORD, "Second-password-2026"
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    rng = random.Random(7)
    kills = 0
    while kills < 30:
        proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("slot_writer.py")), str(data), COUNSELLOR_NAME, a, b],
            stdout=subprocess.PIPE,
            env=env,
        )
        time.sleep(rng.uniform(0.4, 1.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kills += 1
        opened_with = None
        for pw in (a, b):
            try:
                ws, _ = workspace.sign_in(data, COUNSELLOR_NAME, pw)
            except SignInFailed:
                continue
            ws.close()
            opened_with = pw
            break
        assert opened_with is not None, f"after kill {kills} neither password opens the account"
        if opened_with == b:  # the writer always starts from password a
            ws, actor = workspace.sign_in(data, COUNSELLOR_NAME, b)
            with ws.unit_of_work() as uow:
                accounts.change_own_password(uow, actor, b, a)
                uow.commit()
            ws.close()
        leftovers = [p.name for p in data.iterdir() if p.name.endswith(".tmp")]
        for name in leftovers:  # a killed writer may leave its temporary file; it is never read
            (data / name).unlink()
    ws, _ = workspace.recover(data, installation.recovery_code, ADMIN_NAME, "Recovered-pass-2026")
    ws.close()
