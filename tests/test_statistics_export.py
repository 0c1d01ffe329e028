"""The statistics service and its export folder: roles, audit, validation, file formats, and
that no name, code, birth date or free text of any record reaches any exported byte."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from records_factory import Team, add_intake, create_team, make_client
from sqlalchemy import select

import statistics_factory as sf
from clinic_app.db.models import AuditEntry
from clinic_app.errors import PermissionDenied, ValidationError
from clinic_app.services import assessments, care_plans, clients, settings
from clinic_app.services import statistics as stats_service
from clinic_app.services.common import require_records, today
from clinic_app.statistics.export import JSON_NAME, PDF_NAME
from clinic_app.statistics.records import TOTAL
from clinic_app.statistics.tables import TABLE_ORDER
from statistics_scan import baseline_text, forbidden_strings, leaks

YEAR = today().year - 1
NAMES = (("Íñigo", "Muñoz Peña", "male"), ("Siobhán", "O'Brien", "female"),
         ("Zoë", "Quintanilla Ybarra", "female"),
         ("Bartholomew", "Featherstonehaugh", "male"), ("María José", "Ñúñez Urquiza", "female"),
         ("Dmitri", "Vasquez-Oyelaran", "male"), ("Guadalupe", "Etxeberria Solís", "female"),
         ("Florentyna", "Wojciechowska", "female"))


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Team]:
    """Eight clients admitted last year with distinctive names and free text everywhere."""
    made = create_team(tmp_path_factory.mktemp("stats") / "data")
    ws = made.ws
    for i, (given, family, sex) in enumerate(NAMES):
        client, episode = make_client(ws, given_names=given, family_name=family, sex=sex,
                                      date_of_birth=date(1970 + i, 3 + i, 11 + i),
                                      admission_date=date(YEAR, 1 + i, 3), counsellor_id=made.counsellor.user_id)
        add_intake(ws, episode, notes=f"Intake note: {given} sleeps at the bus station on Calle Olvido {i}",
                   risks=f"Risk narrative number {i} about an overdose in Parque Ríos")
        sf.progress_note(ws, client, episode, date(YEAR, 2 + i, 1), f"Progress note: {family} attended group {i}")
        if i < 7:
            sf.discharge(ws, episode, date(YEAR, 6 + i, 1), "completed" if i < 4 else "dropped_out",
                         aftercare=f"Aftercare with Hermanas de la Caridad, ask for Sor Lucía {i}")
            sf.care_plan(ws, episode, 1, [("housing", "achieved"), ("employment_income", "in_progress")],
                         activated=date(YEAR, 2 + i, 1), goal_text=f"Find a flat near Avenida Libertad {i}")
            sf.checkup(ws, client, episode, 3, date(YEAR, 9 + i // 2, 1), outcome="doing_well",
                       notes=f"Checkup note: met at Bar El Rincón {i}")
        sf.barc10(ws, client, date(YEAR, 1 + i, 3), 20 + i, episode, context="intake")
        sf.barc10(ws, client, date(YEAR, 11, 3), 30 + i, episode)
    yield made
    ws.close()


def _export(team: Team, out: Path, *, actor: object = None, **kwargs: object):  # noqa: ANN202
    with team.ws.unit_of_work() as uow:
        result = stats_service.export_statistics(uow, actor or team.stats, YEAR, out, **kwargs)
        uow.commit()
    return result


def _read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark, for spreadsheet programs
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


@pytest.fixture(scope="module")
def exported(team: Team, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "stats"
    _export(team, out, threshold=3)
    return out


@pytest.fixture(scope="module")
def empty_export_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    """What an export of a database without clients says (the report's own vocabulary)."""
    return baseline_text(tmp_path_factory.mktemp("baseline"), YEAR)


# --- what is written ------------------------------------------------------------------------


def test_export_folder_has_one_csv_per_table_json_and_pdf(exported: Path) -> None:
    assert sorted(p.name for p in exported.iterdir()) == sorted([f"{k}.csv" for k in TABLE_ORDER]
                                                                + [JSON_NAME, PDF_NAME])


def test_csv_is_tidy_and_agrees_with_json(exported: Path) -> None:
    document = json.loads((exported / JSON_NAME).read_text("utf-8"))
    tables = {t["key"]: t for t in document["tables"]}
    rows = _read_csv(exported / "admissions_sex_age.csv")
    assert list(rows[0]) == ["age_band", "age_band_label", "sex", "sex_label", "count", "suppressed"]
    assert len(rows) == len(tables["admissions_sex_age"]["cells"]) == 14 * 4  # 12 bands, not known, total
    for key in TABLE_ORDER:
        csv_rows = _read_csv(exported / f"{key}.csv")
        cells = tables[key]["cells"]
        measure = tables[key]["measure"]
        assert len(csv_rows) == len(cells)
        for row, cell in zip(csv_rows, cells):
            assert row["suppressed"] == ("true" if cell["suppressed"] else "false")
            if cell["suppressed"]:
                assert row[measure] == "" and cell["value"] is None
            elif cell["value"] is not None:
                assert float(row[measure]) == cell["value"]
    grand = next(r for r in rows if r["age_band"] == TOTAL and r["sex"] == TOTAL)
    assert grand == {"age_band": TOTAL, "age_band_label": "Total", "sex": TOTAL, "sex_label": "Total",
                     "count": "8", "suppressed": "false"}
    teds = {r["teds_group"]: r for r in _read_csv(exported / "discharges_teds.csv")}
    assert (teds["completed"]["count"], teds["completed"]["percent"]) == ("4", "57.1")
    assert teds["dropped_out"]["count"] == "3"
    hidden = [r for r in rows if r["suppressed"] == "true"]
    assert hidden and all(r["count"] == "" for r in hidden)


def test_json_metadata(exported: Path) -> None:
    meta = json.loads((exported / JSON_NAME).read_text("utf-8"))["metadata"]
    assert meta["year"] == YEAR and meta["threshold"] == 3 and meta["minimum_threshold"] == 3
    assert meta["code_list_version"] and meta["software_version"] and meta["language"] == "en"
    assert any("1 to 2" in rule for rule in meta["rules"])
    assert datetime.fromisoformat(meta["generated_at"]).tzinfo is not None
    assert meta["organisation"] == "Fundación Esperanza Records"


def test_pdf_report_has_the_tables(exported: Path) -> None:
    reader = PdfReader(exported / PDF_NAME)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert f"Annual statistics {YEAR}" in text
    assert "Admissions by age group and sex" in text and "Recovery capital (BARC-10): medians" in text
    assert "* Not shown: a count from 1 to 2" in text


def test_spanish_export(team: Team, tmp_path: Path) -> None:
    out = tmp_path / "es"
    _export(team, out, threshold=3, lang="es")
    sex = {r["sex"]: r["sex_label"] for r in _read_csv(out / "admissions_sex_age.csv")}
    assert sex["female"] == "Femenino"
    document = json.loads((out / JSON_NAME).read_text("utf-8"))
    assert document["tables"][1]["title"] == "Admisiones por grupo de edad y sexo"
    text = "\n".join(p.extract_text() for p in PdfReader(out / PDF_NAME).pages)
    assert f"Estadísticas anuales {YEAR}" in text and "Página 1 de" in text


# --- privacy --------------------------------------------------------------------------------


def test_no_name_code_birth_date_or_free_text_in_any_exported_byte(
        team: Team, exported: Path, empty_export_text: str, tmp_path: Path) -> None:
    forbidden = forbidden_strings(team.ws)
    assert "Íñigo Muñoz Peña" in forbidden and "1970-03-11" in forbidden  # the scan looks for the right things
    assert any(f.startswith("Checkup note") for f in forbidden) and any(f.startswith("T-") for f in forbidden)
    assert leaks(exported, forbidden, empty_export_text) == []
    spanish = tmp_path / "es"
    _export(team, spanish, threshold=3, lang="es")
    assert leaks(spanish, forbidden, empty_export_text) == []


def test_the_scan_would_find_a_leak(exported: Path, team: Team, tmp_path: Path, empty_export_text: str) -> None:
    forbidden = forbidden_strings(team.ws)
    planted = tmp_path / "planted"
    planted.mkdir()
    (planted / "x.csv").write_text("client\nZoë Quintanilla Ybarra\n", encoding="utf-8")
    assert leaks(planted, forbidden, empty_export_text) == ["Quintanilla Ybarra", "Zoë Quintanilla Ybarra"]


# --- roles, audit, validation -------------------------------------------------------------------


def test_roles_for_statistics(team: Team, tmp_path: Path) -> None:
    assert _export(team, tmp_path / "admin", actor=team.admin).files
    with team.ws.unit_of_work() as uow:
        for actor in (team.counsellor, team.deactivated):
            with pytest.raises(PermissionDenied):
                stats_service.annual_report(uow, actor, YEAR)
            with pytest.raises(PermissionDenied):
                stats_service.export_statistics(uow, actor, YEAR, tmp_path / "no")
    assert not (tmp_path / "no").exists()


def test_statistics_staff_are_refused_by_record_services(team: Team) -> None:
    with team.ws.unit_of_work() as uow:
        client_id = uow.session.execute(select(AuditEntry.client_id).where(AuditEntry.client_id.is_not(None))
                                        .limit(1)).scalar() or 1
        with pytest.raises(PermissionDenied):
            require_records(uow, team.stats)
        with pytest.raises(PermissionDenied):
            clients.get_client(uow, team.stats, client_id)
        with pytest.raises(PermissionDenied):
            assessments.barc10_series(uow, team.stats, client_id)
        with pytest.raises(PermissionDenied):
            care_plans.list_versions(uow, team.stats, 1)


def _audit(team: Team, action: str) -> list[AuditEntry]:
    with team.ws.unit_of_work(write=False) as uow:
        return list(uow.session.execute(select(AuditEntry).where(AuditEntry.action == action)).scalars())


def test_views_and_exports_are_audited_without_figures(team: Team, tmp_path: Path) -> None:
    before = len(_audit(team, "statistics.exported"))
    _export(team, tmp_path / "audited", threshold=4, lang="es")
    entry = _audit(team, "statistics.exported")[-1]
    assert len(_audit(team, "statistics.exported")) == before + 1
    assert entry.user_name == "stats" and entry.client_id is None
    assert entry.details == {"year": YEAR, "threshold": 4, "language": "es", "files": len(TABLE_ORDER) + 2}
    with team.ws.unit_of_work() as uow:
        stats_service.annual_report(uow, team.stats, YEAR)
        uow.commit()
    viewed = _audit(team, "statistics.viewed")[-1]
    assert viewed.details == {"year": YEAR, "threshold": 5}


def test_threshold_comes_from_the_settings_and_never_goes_below_three(team: Team, tmp_path: Path) -> None:
    with team.ws.unit_of_work() as uow:  # not committed: the setting goes back to 5 afterwards
        settings.update_settings(uow, team.admin, statistics_threshold=7)
        assert stats_service.annual_report(uow, team.stats, YEAR).threshold == 7
        assert stats_service.annual_report(uow, team.stats, YEAR, threshold=3).threshold == 3
        with pytest.raises(ValidationError) as err:
            stats_service.annual_report(uow, team.stats, YEAR, threshold=2)
        assert "threshold" in err.value.errors
    with pytest.raises(ValidationError) as err:
        _export(team, tmp_path / "low", threshold=2)
    assert set(err.value.errors) == {"threshold"}
    assert not (tmp_path / "low").exists()


def test_bad_year_language_and_folder_are_refused_together(team: Team, tmp_path: Path) -> None:
    full = tmp_path / "full"
    full.mkdir()
    (full / "keep.txt").write_text("an earlier export")
    with pytest.raises(ValidationError) as err:
        _export(team, full, threshold=3, lang="fr")
    assert set(err.value.errors) == {"lang", "out"}
    assert [p.name for p in full.iterdir()] == ["keep.txt"]
    with team.ws.unit_of_work() as uow:
        for year in (today().year + 1, 1899, "2020"):
            with pytest.raises(ValidationError) as err:
                stats_service.annual_report(uow, team.stats, year)  # type: ignore[arg-type]
            assert "year" in err.value.errors


def test_an_empty_folder_is_used(team: Team, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = _export(team, empty, threshold=3)
    assert result.folder == empty and len(list(empty.iterdir())) == len(TABLE_ORDER) + 2
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no staging folder left


def test_data_quality_gives_client_ids_to_administrators_only(team: Team) -> None:
    earlier = YEAR - 1  # a year of its own, so the other tests' figures stay as they are
    client, episode = make_client(team.ws, admission_date=date(earlier, 6, 1))
    sf.discharge(team.ws, episode, date(earlier, 5, 1), None)  # before admission, and no reason
    with team.ws.unit_of_work() as uow:
        for_admin = stats_service.data_quality(uow, team.admin, earlier)
        for_stats = stats_service.data_quality(uow, team.stats, earlier)
        uow.commit()
    problems = {p.code: p for p in for_admin.problems}
    assert problems["discharge_before_admission"].client_ids == (client,)
    assert problems["discharged_without_reason"].count == 1
    assert all(p.client_ids == () for p in for_stats.problems)
    assert [p.count for p in for_stats.problems] == [p.count for p in for_admin.problems]
