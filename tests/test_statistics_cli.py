"""``continuum-admin export-stats``, run in-process through the command-line machinery.

The command module is passed to :func:`clinic_app.cli.base.run` directly, so these tests
do not depend on ``COMMAND_MODULES`` (where the command-line owner lists the module).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from records_factory import make_client

import statistics_factory as sf

from clinic_app.cli import statistics as stats_cli
from clinic_app.cli.base import EXIT_OK, EXIT_USAGE, run
from clinic_app.services.common import today
from clinic_app.statistics.tables import TABLE_ORDER
from conftest import ADMIN_NAME, ADMIN_PASSWORD, COUNSELLOR_NAME, COUNSELLOR_PASSWORD, STATS_NAME, STATS_PASSWORD
from conftest import Installation

YEAR = today().year - 1
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    def call(data_dir: Path, *args: str, user: str | None = None, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8"))
        capsys.readouterr()
        code = run(["--data-dir", str(data_dir), *(["--user", user] if user else []), *args], (stats_cli,))
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return call


def test_export_stats_prints_the_quality_check_and_writes_the_folder(
        installation: Installation, cli: Run, tmp_path: Path) -> None:
    _, episode = make_client(installation.ws, admission_date=date(YEAR, 3, 1), given_names="Ramón")
    sf.discharge(installation.ws, episode, date(YEAR, 2, 1), "completed")  # before the admission
    out = tmp_path / "stats-es"
    code, stdout, err = cli(installation.data_dir, "export-stats", "--year", str(YEAR), "--out", str(out),
                            "--lang", "es", "--threshold", "4", user=STATS_NAME, stdin=STATS_PASSWORD + "\n")
    assert (code, err) == (EXIT_OK, "")
    assert f"Data quality of the records behind the {YEAR} figures:" in stdout
    assert "  Intake assessment: 100.0% not recorded or not known (1 of 1 admissions)" in stdout
    assert "Consistency problems (episodes):\n  Discharge date before the admission date: 1\n" in stdout
    assert stdout.rstrip().endswith(f"Wrote {len(TABLE_ORDER) + 2} files for {YEAR} to {out}.")
    assert "Ramón" not in stdout
    assert (out / "report.pdf").read_bytes().startswith(b"%PDF")
    assert "Femenino" in (out / "admissions_sex_age.csv").read_text("utf-8-sig")


def test_export_stats_lets_others_save_while_it_reads_the_records(
        installation: Installation, cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_client(installation.ws, admission_date=date(YEAR, 3, 1))
    readings = sf.others_save_while_collecting(monkeypatch, installation.ws, installation.admin)
    code, _, err = cli(installation.data_dir, "export-stats", "--year", str(YEAR), "--out", str(tmp_path / "out"),
                       "--threshold", "4", user=STATS_NAME, stdin=STATS_PASSWORD + "\n")
    assert (code, err) == (EXIT_OK, "")
    assert readings == [True, True]  # the quality check, then the export: each read the records once
    files = len(TABLE_ORDER) + 2
    assert sf.statistics_audit(installation.ws, installation.admin)[-4:] == [
        (ADMIN_NAME, "settings.updated", sf.LOCK_TEST_SAVE),
        (STATS_NAME, "statistics.viewed", {"year": YEAR, "part": "data_quality"}),
        (ADMIN_NAME, "settings.updated", sf.LOCK_TEST_SAVE),
        (STATS_NAME, "statistics.exported", {"year": YEAR, "threshold": 4, "language": "en", "files": files}),
    ]


def test_administrators_may_export_counsellors_may_not(installation: Installation, cli: Run, tmp_path: Path) -> None:
    code, _, _ = cli(installation.data_dir, "export-stats", "--year", str(YEAR), "--out", str(tmp_path / "a"),
                     user=ADMIN_NAME, stdin=ADMIN_PASSWORD + "\n")
    assert code == EXIT_OK
    code, _, err = cli(installation.data_dir, "export-stats", "--year", str(YEAR), "--out", str(tmp_path / "c"),
                       user=COUNSELLOR_NAME, stdin=COUNSELLOR_PASSWORD + "\n")
    assert code == EXIT_USAGE and "Your role does not allow this" in err
    assert not (tmp_path / "c").exists()


@pytest.mark.parametrize(("args", "message"), [
    (("--threshold", "2"), "cannot be below 3"),
    (("--threshold", "lots"), "'lots' is not a whole number"),
    (("--year", "3000"), "'3000' is not a year"),
    (("--lang", "fr"), "invalid choice: 'fr'"),
])
def test_bad_arguments_are_refused_before_the_password_is_read(
        cli: Run, tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    argv = {"--year": str(YEAR), "--out": str(tmp_path / "x")}
    argv.update(dict(zip(args[::2], args[1::2])))
    flat = [x for pair in argv.items() for x in pair]
    # no database is opened: the data folder does not even exist
    code, out, err = cli(tmp_path / "no-data", "export-stats", *flat, user=STATS_NAME, stdin="")
    assert code == EXIT_USAGE and message in err and out == ""
    assert "\n" == err[-1] and err.count("\n") == 1
    assert not (tmp_path / "x").exists()


def test_a_folder_with_files_is_not_overwritten(cli: Run, tmp_path: Path) -> None:
    full = tmp_path / "full"
    full.mkdir()
    (full / "old.csv").write_text("earlier")
    code, _, err = cli(tmp_path / "no-data", "export-stats", "--year", str(YEAR), "--out", str(full),
                       user=STATS_NAME, stdin="")
    assert code == EXIT_USAGE and "--out: The folder" in err and "is not empty" in err
    assert [p.name for p in full.iterdir()] == ["old.csv"]
