"""``continuum-admin import-clients``: all rows or nothing, every bad row named by line and
column, codes or labels accepted, ``--dry-run`` imports nothing."""

from __future__ import annotations

import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clinic_app.cli import main
from clinic_app.db.models import AuditEntry, Client
from clinic_app.errors import ValidationError
from clinic_app.services import clients, intake, search
from clinic_app.services.intake import CsvRow, import_clients, read_clients_csv
from records_factory import ADMIN_PASSWORD, Team, module_team

team = module_team()

HEADER = ("given_names;family_name;date_of_birth;sex;admission_date;programme;centre_type;primary_drug;"
          "primary_route;primary_age_first_use;secondary_1_drug;secondary_1_route;counsellor;address;"
          "consent_treatment;consent_share_services;consent_share_services_scope;has_children;number_of_children")
GOOD_ROWS = (
    'Lucía;Fernández Ortiz;1985-07-14;Femenino;2025-02-01;Seguimiento tras el tratamiento;outpatient;Heroína;'
    'Fumada o inhalada;18;cannabis;smoke_inhale;carmen;"Calle del Río 3\n2º izquierda";2025-02-01;2025-02-01;'
    '"Hospital Central, Cáritas";sí;2',
    "Tomás;Ibáñez;1979-11-30;male;2025-03-15;Residential;Inpatient treatment centre;alcohol;eat_drink;;;;;;;;;no;0",
    "Ngozi;Okafor;1992-01-05;;2025-04-20;aftercare;outpatient;cocaine;SNIFF;21;;;omar;;;;;;",
)


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(team: Team, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run ``continuum-admin --user admin …`` in-process, the password on stdin."""

    def run(*args: str, stdin: str = f"{ADMIN_PASSWORD}\n") -> Run:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8"))
        capsys.readouterr()
        code = main(["--data-dir", str(team.data_dir), "--user", "admin", *args])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return Run(code, out, err)

    return run


def _write(tmp_path: Path, *rows: str, header: str = HEADER, name: str = "clients.csv", bom: bool = True) -> Path:
    path = tmp_path / name
    path.write_text(("\ufeff" if bom else "") + "\n".join((header, *rows)) + "\n", encoding="utf-8")
    return path


def _client_count(team: Team) -> int:
    with team.ws.unit_of_work(write=False) as uow:
        return uow.session.execute(select(func.count()).select_from(Client)).scalar_one()


def _find(team: Team, text: str) -> clients.ClientRecord:
    with team.ws.unit_of_work() as uow:
        (row,) = search.list_clients(uow, team.admin, search=text)
        record = clients.get_client(uow, team.admin, row.id)
        uow.commit()
    return record


def test_a_good_file_imports_every_row(team: Team, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = _client_count(team)
    result = cli("import-clients", str(_write(tmp_path, *GOOD_ROWS)))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[-1] == "Imported 3 clients."
    mapping = [line.split("\t") for line in lines[:-1]]
    assert [line for line, _code in mapping] == ["2", "4", "5"]  # row 1 spans lines 2-3 (quoted newline)
    assert all(re.fullmatch(r"C-\d{4}-\d{4,}", code) for _line, code in mapping)
    assert _client_count(team) == before + 3
    with team.ws.unit_of_work(write=False) as uow:
        last = uow.session.execute(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).scalar_one()
    assert (last.action, last.details) == ("clients.imported", {"count": 3})

    lucia = _find(team, "lucia fernandez")
    assert lucia.code == mapping[0][1]
    assert (lucia.sex, lucia.gender_identity, lucia.address, lucia.counsellor_name) == (
        "female", "not_known", "Calle del Río 3\n2º izquierda", "Carmen Ruiz")
    (episode,) = lucia.episodes
    assert (episode.programme, episode.centre_type, episode.referral_source) == ("aftercare", "outpatient",
                                                                                  "not_known")
    assert episode.intake is not None
    assert [(s.drug, s.route, s.frequency, s.age_first_use) for s in episode.intake.substances] == [
        ("heroin", "smoke_inhale", "not_known", 18), ("cannabis", "smoke_inhale", "not_known", None)]
    assert (episode.intake.has_children, episode.intake.number_of_children) == ("yes", 2)
    assert [(c.kind, c.scope) for c in lucia.consents] == [("treatment", ""),
                                                           ("share_services", "Hospital Central, Cáritas")]
    tomas = _find(team, "tomas ibanez")
    assert (tomas.sex, tomas.episodes[0].programme, tomas.episodes[0].centre_type) == ("male", "residential",
                                                                                         "inpatient")
    ngozi = _find(team, "okafor")
    assert ngozi.episodes[0].intake.substances[0].drug == "cocaine_powder"  # type: ignore[union-attr]
    assert ngozi.counsellor_name == "Omar Haddad"

    again = cli("import-clients", str(_write(tmp_path, GOOD_ROWS[1], name="again.csv")))
    assert again.code == 2
    assert f"line 2, family_name: A client with the same names and date of birth is already recorded " \
           f"({tomas.code})." in again.err


def test_one_bad_row_imports_nothing_and_names_the_line_and_column(team: Team, cli,  # type: ignore[no-untyped-def]
                                                                   tmp_path: Path) -> None:
    before = _client_count(team)
    bad = "Berta;Solís;2026-02-30;female;2025-01-01;aftercare;outpatient;heroin;;;;;;;;;;;"
    path = _write(tmp_path, GOOD_ROWS[0].replace("Lucía", "Luz"), bad, GOOD_ROWS[2].replace("Ngozi", "Ada"))
    result = cli("import-clients", str(path))
    assert result.code == 2 and result.out == ""
    assert result.err.splitlines() == [
        "continuum-admin: line 4, date_of_birth: '2026-02-30' is not a valid date; use YYYY-MM-DD, e.g. 2026-03-31.",
        "continuum-admin: 1 of 3 rows have problems; nothing was imported.",
    ]
    assert _client_count(team) == before


def test_every_bad_row_is_reported(team: Team, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = (
        "Ana;Uno;1990-01-01;martian;2025-01-01;aftercare;outpatient;heroin;;45;;;;;;;;;",
        "Ana;Dos;1990-01-01;female;2025-01-01;;outpatient;;;;;inject;nobody;;;;;no;3",
        "Ana;Tres;1990-01-01;female;2025-01-01;aftercare;outpatient;heroin;;;;;;;;;Cáritas;;",
        "Ana;Tres;1990-01-01;female;2025-01-01;aftercare;outpatient;heroin;;;;;;;;;;;",
        "Ana;Tres;1990-01-01;female;2025-01-01;aftercare;outpatient;heroin;;;;;;;;;;;",
    )
    result = cli("import-clients", str(_write(tmp_path, *rows)))
    assert result.code == 2
    problems = [line.removeprefix("continuum-admin: ") for line in result.err.splitlines()]
    assert problems[-1] == "4 of 5 rows have problems; nothing was imported."
    located = {line.split(":", 1)[0] for line in problems[:-1]}
    assert located == {
        "line 2, sex", "line 2, primary_age_first_use",
        "line 3, programme", "line 3, primary_drug", "line 3, secondary_1_drug", "line 3, counsellor",
        "line 3, number_of_children",
        "line 4, consent_share_services_scope",
        "line 6, family_name",
    }
    assert "line 6, family_name: Same names and date of birth as line 5." in problems


def test_dry_run_imports_nothing(team: Team, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before, audit_before = _client_count(team), _audit_seq(team)
    rows = [row.replace("Lucía", "Seca").replace("Tomás", "Seco").replace("Ngozi", "Secu") for row in GOOD_ROWS]
    result = cli("import-clients", "--dry-run", str(_write(tmp_path, *rows)))
    assert (result.code, result.out) == (0, "All 3 rows are valid; nothing was imported (dry run).\n")
    assert _client_count(team) == before
    assert _audit_seq(team) == audit_before + 1  # the sign-in only


def _audit_seq(team: Team) -> int:
    with team.ws.unit_of_work(write=False) as uow:
        return uow.session.execute(select(func.max(AuditEntry.seq))).scalar_one()


@pytest.mark.parametrize(("header", "message"), [
    (HEADER.replace("family_name", "famly_name"), "line 1: unknown column 'famly_name'; missing required column "
                                                  "family_name."),
    (HEADER + ";sex", "line 1: repeated column 'sex'."),
])
def test_header_problems_are_reported_before_signing_in(cli, tmp_path: Path, header: str,  # type: ignore[no-untyped-def]
                                                        message: str) -> None:
    result = cli("import-clients", str(_write(tmp_path, GOOD_ROWS[1], header=header)), stdin="")
    assert (result.code, result.err) == (2, f"continuum-admin: {message}\n")


def test_file_problems(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("given_names,family_name\nJosé,Núñez\n".encode("latin-1"))
    for path, field, words in ((latin1, "file", "not UTF-8"), (tmp_path / "missing.csv", "file", "Cannot read"),
                               (_write(tmp_path, header=HEADER, name="empty.csv"), "file", "no rows"),
                               (_write(tmp_path, GOOD_ROWS[1] + ";extra", name="wide.csv"), "line 2", "cells")):
        with pytest.raises(ValidationError) as caught:
            read_clients_csv(path)
        assert words in caught.value.errors[field]


def test_comma_separated_files_without_bom_work_too(tmp_path: Path) -> None:
    header = ",".join(intake.REQUIRED_COLUMNS)
    path = _write(tmp_path, ' Ana ,"Coma, de la",1990-01-01,2025-01-01,aftercare,outpatient,alcohol', header=header,
                  bom=False)
    assert read_clients_csv(path) == (CsvRow(2, dict(zip(intake.REQUIRED_COLUMNS, (
        "Ana", "Coma, de la", "1990-01-01", "2025-01-01", "aftercare", "outpatient", "alcohol")))),)


def _readme_columns() -> dict[str, str]:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    rows = [line.split("|") for line in readme.splitlines() if line.startswith("| `")]
    return {r[1].strip().strip("`"): r[2].strip() for r in rows if r[1].strip().strip("`") in intake.COLUMNS
            or r[1].strip().startswith("`secondary_N_")}


def test_the_documented_columns_are_the_accepted_columns() -> None:
    table = intake.__doc__.split("=====\n", 2)[2]  # type: ignore[union-attr]
    readme = _readme_columns()
    assert {name for name, req in readme.items() if req == "yes"} == set(intake.REQUIRED_COLUMNS)
    assert {n.replace("_N_", "_1_") for n in readme} == {c for c in intake.COLUMNS if "_2_" not in c and "_3_" not in c}
    documented = set()
    for line in table.splitlines():
        name = line.split(" ", 1)[0]
        if name.startswith("secondary_N_"):
            documented.update(name.replace("_N_", f"_{n}_") for n in (1, 2, 3))
        elif name and not name.startswith("="):
            documented.add(name)
    assert documented == set(intake.COLUMNS)
    required = {line.split()[0] for line in table.splitlines() if line.split()[1:2] == ["yes"]}
    assert required == set(intake.REQUIRED_COLUMNS)


def test_import_service_checks_every_row_before_writing(team: Team) -> None:
    rows = [CsvRow(2, {"given_names": "Solo", "family_name": "Servicio", "date_of_birth": "1980-01-01",
                       "admission_date": "2025-01-01", "programme": "aftercare", "centre_type": "outpatient",
                       "primary_drug": "heroin"}),
            CsvRow(3, {"given_names": "Solo", "family_name": "Servicio Dos"})]
    before = _client_count(team)
    with team.ws.unit_of_work() as uow:
        report = import_clients(uow, team.admin, rows)
        uow.commit()
    assert not report.ok and report.imported == ()
    assert {(p.line, p.field) for p in report.problems} == {
        (3, "date_of_birth"), (3, "admission_date"), (3, "programme"), (3, "centre_type"), (3, "primary_drug")}
    assert _client_count(team) == before
