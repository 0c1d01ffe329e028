"""``continuum --self-test`` (:mod:`ui.self_test`): one line per check, exit code 0 only when all pass.

The real command runs in a subprocess (as CI runs it on the bundle); failures are injected
in-process by replacing a service the self-test calls, never through a flag of the
production code.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from clinic_app import codes, workspace
from clinic_app.services import printing
from ui import self_test

LINE = re.compile(r"^(ok   (?P<ok>[^:]+)|FAIL (?P<failed>[^:]+): (?P<reason>.+))$")
PROGRAM = "import sys; from ui.app import main; sys.exit(main(sys.argv[1:]))"


def _parse(text: str) -> tuple[list[str], dict[str, str]]:
    """The check names in order, and the reason of each failed one; every line must be a check's line."""
    names, failed = [], {}
    for line in text.splitlines():
        match = LINE.match(line)
        assert match, f"not a self-test line: {line!r}"
        name = match["ok"] or match["failed"]
        names.append(name)
        if match["failed"]:
            failed[name] = match["reason"]
    return names, failed


def _names() -> list[str]:
    return [check.name for check in self_test.CHECKS]


@pytest.fixture
def temp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder the self-test makes its temporary folder in (to see that it is removed)."""
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def test_the_command_passes_and_prints_one_line_per_check(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # the self-test chooses offscreen itself
    env["TMPDIR"] = str(temp)
    result = subprocess.run([sys.executable, "-c", PROGRAM, "--self-test"], capture_output=True, text=True,
                            env=env, timeout=300, check=False)
    names, failed = _parse(result.stdout)
    assert failed == {}
    assert names == _names()
    assert result.returncode == 0, result.stderr
    assert list(temp.iterdir()) == []


def test_a_failing_check_makes_the_exit_code_1(temp_root: Path, tmp_path: Path, qapp: QApplication,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    real = printing.print_care_plan

    def broken(*args: object, **kwargs: object) -> printing.PrintedDocument:
        printed = real(*args, **kwargs)  # type: ignore[arg-type]
        return printing.PrintedDocument(printed.kind, printed.lang, b"<html>not a pdf</html>", printed.sha256)

    monkeypatch.setattr(printing, "print_care_plan", broken)
    monkeypatch.setattr(sys, "stdout", None)  # as in a windowed Windows build: the lines go to the file
    out = tmp_path / "self-test.txt"
    assert self_test.main(str(out)) == 1
    names, failed = _parse(out.read_text("utf-8"))
    assert names == _names()
    assert failed == {"care-plan pdf": "the care-plan PDF does not start with %PDF-"}
    assert list(temp_root.iterdir()) == []


def test_checks_that_need_a_failed_one_fail_too_and_no_secret_is_printed(
        temp_root: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    seen: list[str] = []

    def refuse(data_dir: Path, org: str, admin: str, password: str, full_name: str = "") -> None:
        seen.append(password)
        raise RuntimeError(f"cannot create with {password}")

    monkeypatch.setattr(workspace, "create_installation", refuse)
    assert self_test.main() == 1
    output = capsys.readouterr().out
    names, failed = _parse(output)
    assert names == _names()
    assert failed[self_test.CREATE] == "RuntimeError: cannot create with …"
    for dependent in ("database file encrypted", self_test.CLIENT, "care-plan pdf", "statistics export",
                      "audit chain verified", "no name or secret in the clear"):
        assert failed[dependent].startswith("not run, "), dependent
    assert "temporary folder removed" not in failed
    assert seen and seen[0] not in output
    assert list(temp_root.iterdir()) == []


def test_the_scan_finds_a_name_stored_in_the_clear(tmp_path: Path) -> None:
    name = "Quintanilla-Bermúdez"
    conn = sqlite3.connect(tmp_path / "plain.db")
    conn.execute("CREATE TABLE t (name TEXT)")
    conn.execute("INSERT INTO t VALUES (?)", (codes.normalise_text(name),))
    conn.commit()
    conn.close()
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "wide.txt").write_bytes(name.encode("utf-16-le"))
    (tmp_path / "other.txt").write_text("nothing here", "utf-8")
    assert self_test.files_with_clear_text(tmp_path, [name]) == ["plain.db", "sub/wide.txt"]


def test_a_reason_never_shows_an_invented_name(tmp_path: Path) -> None:
    state = self_test.State(tmp_path)
    given_word, family_word = state.given_names.split()[1], state.family_name.split("-")[1]
    reason = state.safe_reason(ValueError(f"duplicate {state.given_names} / {family_word.lower()} / NUNEZ\n[SQL: …]"))
    assert reason == "ValueError: duplicate … / … / …"
    assert given_word.lower() not in reason.lower() and family_word.lower() not in reason.lower()
