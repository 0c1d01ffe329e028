"""End-to-end tests of ``continuum-admin``.

Exit codes and the reading of secrets from stdin are tested through real subprocesses
(``python -m clinic_app.cli``), the rest in-process through ``main([...])`` with a piped
stdin replaced by bytes, to keep the number of interpreter starts and key derivations low.
Every run asserts that stderr never shows a traceback (unless ``CONTINUUM_DEBUG=1``).
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest
from sqlalchemy import text

from clinic_app import workspace
from clinic_app.cli import main
from clinic_app.config import DataPaths
from clinic_app.errors import SignInFailed, ValidationError
from clinic_app.i18n import format_date
from clinic_app.security.recovery_code import ALPHABET, parse_recovery_code
from conftest import (
    ADMIN_NAME,
    ADMIN_PASSWORD,
    COUNSELLOR_NAME,
    COUNSELLOR_PASSWORD,
    ORG_NAME,
    Installation,
)

pytestmark = pytest.mark.e2e

#: quotes, backslashes, non-Latin letters, and spaces at both ends (which must survive)
TRICKY = ' "qu\'o\\"te\\\\Ωмир密码ß '
TRICKY_2 = "ünïcödé 'другой' \\n\"пароль\" 二 "
TRICKY_3 = "\tτρίτο \"κλειδί\" \\\\ 三番目"
SIGN_IN_FAILED = "continuum-admin: The user name or password is not correct.\n"


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


def _argv(data_dir: Path, user: str | None, args: Sequence[str]) -> list[str]:
    return ["--data-dir", str(data_dir), *(["--user", user] if user else []), *args]


def _no_traceback(result: Result) -> Result:
    assert "Traceback" not in result.err, result.err
    return result


def cli(data_dir: Path, *args: str, user: str | None = None, stdin: str = "") -> Result:
    """Run the real command in a subprocess."""
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    env.pop("CONTINUUM_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "clinic_app.cli", *_argv(data_dir, user, args)],
        input=stdin.encode("utf-8"),
        capture_output=True,
        env=env,
        cwd=data_dir.parent,
        timeout=120,
    )
    return _no_traceback(Result(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")))


RunMain = Callable[..., Result]


@pytest.fixture
def run_main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> RunMain:
    """Call ``main`` in-process with ``stdin`` as piped UTF-8 input."""
    monkeypatch.delenv("CONTINUUM_DEBUG", raising=False)

    def call(data_dir: Path, *args: str, user: str | None = None, stdin: str | bytes = "",
             traceback_allowed: bool = False) -> Result:
        raw = stdin if isinstance(stdin, bytes) else stdin.encode("utf-8")
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
        capsys.readouterr()
        code = main(_argv(data_dir, user, args))
        out, err = capsys.readouterr()
        result = Result(code, out, err)
        return result if traceback_allowed else _no_traceback(result)

    return call


def lines(*secrets: str, ending: str = "\n") -> str:
    return "".join(s + ending for s in secrets)


def rows(out: str) -> list[list[str]]:
    return [line.split("\t") for line in out.splitlines()]


def can_sign_in(data_dir: Path, name: str, password: str) -> bool:
    try:
        ws, _ = workspace.sign_in(data_dir, name, password)
    except SignInFailed:
        return False
    ws.close()
    return True


# --- exit codes and stdin, through real subprocesses -------------------------------------------


def test_init_prints_the_code_and_writes_a_one_page_sheet(tmp_path: Path) -> None:
    data_dir, sheet = tmp_path / "data", tmp_path / "recovery.pdf"
    r = cli(data_dir, "init", "--org", ORG_NAME, "--admin", ADMIN_NAME, "--recovery-sheet", str(sheet),
            stdin=lines(TRICKY))
    assert r.code == 0, r.err
    match = re.search(r"^Recovery code: (\S+)$", r.out, re.MULTILINE)
    assert match, r.out
    code = match.group(1)
    parse_recovery_code(code)

    reader = pypdf.PdfReader(sheet)
    assert len(reader.pages) == 1
    page_text = reader.pages[0].extract_text()
    assert code.replace("-", "") in re.sub(r"[\s-]", "", page_text)
    assert ORG_NAME in page_text
    assert format_date(date.today(), "en") in page_text

    # the password was taken exactly as typed: spaces at both ends kept, nothing unescaped
    assert can_sign_in(data_dir, ADMIN_NAME, TRICKY)
    assert not can_sign_in(data_dir, ADMIN_NAME, TRICKY.strip())


def test_tricky_passwords_sign_in_add_a_user_and_change_a_password(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    ws, _, _ = workspace.create_installation(data_dir, ORG_NAME, ADMIN_NAME, TRICKY)
    ws.close()

    r = cli(data_dir, "users", "add", "maría", "--role", "counsellor", user=ADMIN_NAME, stdin=lines(TRICKY, TRICKY_2))
    assert (r.code, r.err) == (0, "")
    r = cli(data_dir, "change-password", user="maría", stdin=lines(TRICKY_2, TRICKY_3, ending="\r\n"))
    assert (r.code, r.err) == (0, "")

    assert can_sign_in(data_dir, "maría", TRICKY_3)
    assert not can_sign_in(data_dir, "maría", TRICKY_2)


def test_wrong_password_exits_3_with_the_same_message_whether_or_not_the_user_exists(
    installation: Installation,
) -> None:
    known = cli(installation.data_dir, "users", "list", user=ADMIN_NAME, stdin=lines("not-the-password-1"))
    unknown = cli(installation.data_dir, "users", "list", user="nobody", stdin=lines("not-the-password-1"))
    assert known.code == unknown.code == 3
    assert known.err == unknown.err == SIGN_IN_FAILED
    assert known.out == unknown.out == ""


def test_usage_errors_exit_2_with_one_line(tmp_path: Path) -> None:
    # both are found before the data folder is even opened (there is none here)
    no_user = cli(tmp_path / "data", "users", "list", stdin=lines(ADMIN_PASSWORD))
    assert no_user.code == 2
    assert no_user.err.count("\n") == 1 and "--user NAME" in no_user.err

    no_stdin = cli(tmp_path / "data", "users", "list", user=ADMIN_NAME, stdin="")
    assert no_stdin.code == 2
    assert no_stdin.err == "continuum-admin: Standard input ended before line 1 (your password).\n"


def test_verify_passes_then_exits_1_naming_an_edited_entry(installation: Installation) -> None:
    good = cli(installation.data_dir, "verify", user=ADMIN_NAME, stdin=lines(ADMIN_PASSWORD))
    assert good.code == 0, good.err
    for check in ("cipher_integrity_check: ok", "integrity_check: ok", "audit chain: ok"):
        assert check in good.out

    with installation.ws.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET action = 'x' WHERE seq = 2"))
    bad = cli(installation.data_dir, "verify", user=ADMIN_NAME, stdin=lines(ADMIN_PASSWORD))
    assert bad.code == 1
    assert "audit chain: FAILED" in bad.out
    assert bad.err.count("\n") == 1 and re.search(r"audit entry 2\b", bad.err)


# --- verify, in-process -------------------------------------------------------------------------


def _delete_second(conn: Any) -> None:
    conn.execute(text("DELETE FROM audit_log WHERE seq = 2"))


def _swap_second_and_third(conn: Any) -> None:
    cols = "at, user_id, user_name, action, entity, entity_id, client_id, details, mac"
    two, three = (conn.execute(text(f"SELECT {cols} FROM audit_log WHERE seq = :s"), {"s": s}).mappings().one()
                  for s in (2, 3))
    assert dict(two) != dict(three)
    assignments = ", ".join(f"{c} = :{c}" for c in cols.split(", "))
    conn.execute(text(f"UPDATE audit_log SET {assignments} WHERE seq = 2"), dict(three))
    conn.execute(text(f"UPDATE audit_log SET {assignments} WHERE seq = 3"), dict(two))


def _truncate_after_second(conn: Any) -> None:
    conn.execute(text("DELETE FROM audit_log WHERE seq > 2"))


@pytest.mark.parametrize(
    ("tamper", "named"),
    [(_delete_second, "audit entry 2 is missing"), (_swap_second_and_third, "audit entry 2 "),
     (_truncate_after_second, "audit entry 3 ")],
    ids=["deleted", "swapped", "truncated"],
)
def test_verify_names_a_deleted_swapped_or_truncated_entry(
    installation: Installation, run_main: RunMain, tamper: Callable[[Any], None], named: str
) -> None:
    with installation.ws.engine.begin() as conn:
        tamper(conn)
    r = run_main(installation.data_dir, "verify", user=ADMIN_NAME, stdin=lines(ADMIN_PASSWORD))
    assert r.code == 1
    assert named in r.err
    assert "integrity_check: ok" in r.out


def test_verify_is_for_administrators(installation: Installation, run_main: RunMain) -> None:
    r = run_main(installation.data_dir, "verify", user=COUNSELLOR_NAME, stdin=lines(COUNSELLOR_PASSWORD))
    assert r.code == 2 and "role does not allow" in r.err and r.out == ""


# --- users --------------------------------------------------------------------------------------


def test_users_add_list_reset_deactivate_reactivate_set_role(installation: Installation, run_main: RunMain) -> None:
    data_dir = installation.data_dir

    def admin(*args: str, new: str | None = None) -> Result:
        r = run_main(data_dir, *args, user=ADMIN_NAME, stdin=lines(ADMIN_PASSWORD, *([new] if new else [])))
        assert r.code == 0, r.err
        return r

    def listed(name: str) -> list[str]:
        return next(row for row in rows(admin("users", "list").out) if row[0] == name)

    admin("users", "add", "dana", "--role", "counsellor", "--full-name", "Dana\tRíos", new="Dana-first-2026")
    name, role, status, full_name, changed = listed("dana")
    assert (name, role, status, full_name) == ("dana", "counsellor", "active", "Dana\\tRíos")
    date.fromisoformat(changed)
    assert {row[0] for row in rows(admin("users", "list").out)} == {ADMIN_NAME, COUNSELLOR_NAME, "stats", "dana"}
    assert can_sign_in(data_dir, "dana", "Dana-first-2026")

    admin("users", "reset-password", "dana", new="Dana-second-2026")
    assert can_sign_in(data_dir, "dana", "Dana-second-2026")
    assert not can_sign_in(data_dir, "dana", "Dana-first-2026")

    admin("users", "deactivate", "dana")
    assert listed("dana")[2] == "deactivated"
    assert not can_sign_in(data_dir, "dana", "Dana-second-2026")

    admin("users", "reactivate", "dana", new="Dana-third-2026")
    assert listed("dana")[2] == "active"
    assert can_sign_in(data_dir, "dana", "Dana-third-2026")

    admin("users", "set-role", "dana", "--role", "statistics")
    assert listed("dana")[1] == "statistics"


def test_the_last_active_administrator_cannot_be_deactivated(installation: Installation, run_main: RunMain) -> None:
    r = run_main(installation.data_dir, "users", "deactivate", ADMIN_NAME, user=ADMIN_NAME, stdin=lines(ADMIN_PASSWORD))
    assert r.code == 2
    assert r.err == ("continuum-admin: name: This is the last active administrator; "
                     "add another administrator first.\n")
    assert can_sign_in(installation.data_dir, ADMIN_NAME, ADMIN_PASSWORD)


def test_bad_input_names_the_field_and_changes_nothing(installation: Installation, run_main: RunMain) -> None:
    short = run_main(installation.data_dir, "users", "add", "dana", "--role", "counsellor", user=ADMIN_NAME,
                     stdin=lines(ADMIN_PASSWORD, "short"))
    assert short.code == 2
    assert short.err == "continuum-admin: password: The password must be at least 10 characters long.\n"

    bad_role = run_main(installation.data_dir, "users", "add", "dana", "--role", "boss", user=ADMIN_NAME)
    assert bad_role.code == 2 and bad_role.err.count("\n") == 1 and "--role" in bad_role.err

    not_utf8 = run_main(installation.data_dir, "users", "list", user=ADMIN_NAME, stdin=b"\xff\xfe-password\n")
    assert not_utf8.code == 2 and "not UTF-8" in not_utf8.err

    missing = run_main(installation.data_dir, "users", "deactivate", "nobody", user=ADMIN_NAME,
                       stdin=lines(ADMIN_PASSWORD))
    assert missing.code == 2 and "no account named 'nobody'" in missing.err

    listed = run_main(installation.data_dir, "users", "list", user=ADMIN_NAME, stdin=lines(ADMIN_PASSWORD))
    assert "dana" not in listed.out


def test_change_password_then_only_the_new_one_works(installation: Installation, run_main: RunMain) -> None:
    new = "Carmen-new-password-2026"
    r = run_main(installation.data_dir, "change-password", user=COUNSELLOR_NAME,
                 stdin=lines(COUNSELLOR_PASSWORD, new, ending="\r\n"))
    assert r.code == 0, r.err
    assert can_sign_in(installation.data_dir, COUNSELLOR_NAME, new)
    assert not can_sign_in(installation.data_dir, COUNSELLOR_NAME, COUNSELLOR_PASSWORD)


# --- recover ------------------------------------------------------------------------------------


def test_recover_with_the_code_restores_access(installation: Installation, run_main: RunMain) -> None:
    new = "Recovered-admin-2026"
    code = installation.recovery_code.lower().replace("-", " ")  # read forgivingly
    r = run_main(installation.data_dir, "recover", "--admin", ADMIN_NAME, stdin=lines(code, new))
    assert r.code == 0, r.err
    assert can_sign_in(installation.data_dir, ADMIN_NAME, new)
    assert not can_sign_in(installation.data_dir, ADMIN_NAME, ADMIN_PASSWORD)


def _mistyped(code: str) -> str:
    """``code`` with its first character changed so that its typo check fails."""
    for replacement in ALPHABET:
        candidate = replacement + code[1:]
        try:
            parse_recovery_code(candidate)
        except ValidationError:
            return candidate
    raise AssertionError("no single-character typo of the code is detected")


def test_recover_rejects_a_typo_before_any_key_derivation(
    installation: Installation, run_main: RunMain, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_derivation(*_: object) -> bytes:
        raise AssertionError("key derivation ran for a mistyped recovery code")

    for module in ("clinic_app.security.passwords", "clinic_app.security.keys", "clinic_app.workspace"):
        monkeypatch.setattr(f"{module}.derive_key", no_derivation)
    # line 2 (the new password) is absent: the code must be refused before it is asked for
    typo = _mistyped(installation.recovery_code)
    r = run_main(installation.data_dir, "recover", "--admin", ADMIN_NAME, stdin=lines(typo))
    assert r.code == 2
    assert r.err == ("continuum-admin: recovery_code: This recovery code has a typing mistake. "
                     "Please check each group against the sheet.\n")


# --- audit, init, prompts, internal errors ------------------------------------------------------


def test_audit_limit_prints_that_many_rows_newest_first(installation: Installation, run_main: RunMain) -> None:
    r = run_main(installation.data_dir, "audit", "--limit", "3", user=ADMIN_NAME, stdin=lines(ADMIN_PASSWORD))
    assert r.code == 0, r.err
    table = rows(r.out)
    assert len(table) == 3
    assert all(len(row) == 8 for row in table)
    assert [int(row[0]) for row in table] == [5, 4, 3]
    assert table[0][2:4] == [ADMIN_NAME, "sign_in"]
    assert table[1][3:6] == ["user.added", "user", str(installation.stats.user_id)]
    assert table[1][7] == '{"role": "statistics"}'


def test_init_refuses_a_used_folder_or_an_unwritable_sheet_before_creating_anything(
    installation: Installation, run_main: RunMain, tmp_path: Path
) -> None:
    again = run_main(installation.data_dir, "init", "--org", "Other", "--admin", "root",
                     stdin=lines("Another-pass-2026"))
    assert again.code == 2 and "already holds a Continuum database" in again.err

    fresh = tmp_path / "fresh"
    no_folder = run_main(fresh, "init", "--org", "Other", "--admin", "root",
                         "--recovery-sheet", str(tmp_path / "missing" / "sheet.pdf"), stdin=lines("Another-pass-2026"))
    assert no_folder.code == 2 and no_folder.err.startswith("continuum-admin: --recovery-sheet: The folder ")
    assert not DataPaths(fresh).is_initialised()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_passwords_are_prompted_and_a_new_one_asked_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    prompts: list[str] = []

    def answer(*typed: str) -> None:
        replies = iter(typed)

        def fake_getpass(prompt: str = "") -> str:
            prompts.append(prompt)
            return next(replies)

        monkeypatch.setattr("getpass.getpass", fake_getpass)

    monkeypatch.setattr(sys, "stdin", _Terminal())
    data_dir = tmp_path / "data"
    argv = ["--data-dir", str(data_dir), "init", "--org", ORG_NAME, "--admin", ADMIN_NAME]

    answer("Admin-typed-once-2026", "Admin-typed-twice-2026")
    assert main(argv) == 2
    assert "not the same" in capsys.readouterr().err
    assert not DataPaths(data_dir).is_initialised()
    assert prompts == [f"Password for the new administrator {ADMIN_NAME}: ", "Type it again: "]

    answer(TRICKY, TRICKY)
    assert main(argv) == 0
    assert "Recovery code: " in capsys.readouterr().out
    assert can_sign_in(data_dir, ADMIN_NAME, TRICKY)


@pytest.fixture
def broken_list_users(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("something unexpected")

    monkeypatch.setattr("clinic_app.services.accounts.list_users", broken)
    yield


@pytest.mark.usefixtures("broken_list_users")
def test_an_unexpected_error_is_one_line_unless_debugging(
    installation: Installation, run_main: RunMain, monkeypatch: pytest.MonkeyPatch
) -> None:
    r = run_main(installation.data_dir, "users", "list", user=ADMIN_NAME, stdin=lines(ADMIN_PASSWORD))
    assert r.code == 1
    assert r.err == ("continuum-admin: internal error (RuntimeError). "
                     "Run again with CONTINUUM_DEBUG=1 to see the details.\n")

    monkeypatch.setenv("CONTINUUM_DEBUG", "1")
    r = run_main(installation.data_dir, "users", "list", user=ADMIN_NAME, stdin=lines(ADMIN_PASSWORD),
                 traceback_allowed=True)
    assert r.code == 1
    assert "Traceback" in r.err and "something unexpected" in r.err
