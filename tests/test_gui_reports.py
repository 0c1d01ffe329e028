"""The Reports screen, driven like a user would: statistics staff sign in and see Reports; the
data-quality check; the table preview with hidden cells; the export into a chosen folder.

Offscreen Qt (pytest-qt), QSettings redirected (the shared GUI fixtures of test_gui_shell).
Eight clients admitted last year (six women, two men) make small counts, so the sex columns
of the age table are hidden; one discharge dated before its admission is a consistency problem.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from conftest import ADMIN_NAME, STATS_NAME, STATS_PASSWORD, Installation
from gui_helpers import message_boxes, save_screenshot, unlabelled_inputs
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot
from records_factory import add_intake, make_client
from test_gui_shell import _configured_app, _gui_settings, open_window, runner  # noqa: F401 - shared GUI fixtures

import statistics_factory as sf
from clinic_app import workspace
from clinic_app.services.common import today
from clinic_app.statistics.export import JSON_NAME, PDF_NAME
from clinic_app.statistics.model import ROWS, Cell, Table
from clinic_app.statistics.records import TOTAL
from clinic_app.statistics.report_pdf import HIDDEN
from clinic_app.statistics.tables import SEX, TABLE_ORDER, WOMEN_ROW
from statistics_scan import forbidden_strings, leaks
from ui.forms import GENERAL
from ui.main_window import MainWindow
from ui.reports.page import ReportsPage
from ui.reports.preview import SUPPRESSED_ROLE, TABLE_KEY_ROLE, preview_grid
from ui.session import Session
from ui.tasks import TaskRunner

YEAR = today().year - 1
CLIENTS = (("Íñigo", "Muñoz Peña", "male"), ("Bartholomew", "Featherstonehaugh", "male"),
           ("Siobhán", "O'Brien", "female"), ("Zoë", "Quintanilla Ybarra", "female"),
           ("María José", "Ñúñez Urquiza", "female"), ("Guadalupe", "Etxeberria Solís", "female"),
           ("Florentyna", "Wojciechowska", "female"), ("Henrietta", "Okonkwo-Lindqvist", "female"))


@pytest.fixture
def clients(installation: Installation) -> Installation:
    """The eight clients of last year; the first was 'discharged' before he was admitted."""
    ws = installation.ws
    for i, (given, family, sex) in enumerate(CLIENTS):
        _client, episode = make_client(ws, given_names=given, family_name=family, sex=sex,
                                       date_of_birth=date(1975 + i, 2 + i, 10 + i), admission_date=date(YEAR, 5, 1 + i),
                                       counsellor_id=installation.counsellor.user_id)
        add_intake(ws, episode, notes=f"{given} sleeps at the bus station on Calle Olvido {i}")
        if i == 0:
            sf.discharge(ws, episode, date(YEAR, 4, 1), "completed")
    return installation


def open_reports(qtbot: QtBot, session: Session) -> tuple[MainWindow, ReportsPage]:
    window = open_window(qtbot, session)
    page = window.open_screen("Reports")
    assert isinstance(page, ReportsPage)
    settle(qtbot, page)
    return window, page


def settle(qtbot: QtBot, page: ReportsPage) -> None:
    """Wait until no change waits for its pause and every job has answered."""
    qtbot.waitUntil(lambda: not page.reload_pending() and page.session.runner.is_idle(), timeout=30_000)


@pytest.fixture
def windows(qtbot: QtBot, runner: TaskRunner) -> Iterator[list[MainWindow]]:
    opened: list[MainWindow] = []
    yield opened
    for box in message_boxes():
        box.close()
    for window in opened:
        window.close()
    runner.wait_idle()


def reports_for(qtbot: QtBot, windows: list[MainWindow], inst: Installation, runner: TaskRunner,
                who: str) -> ReportsPage:
    window, page = open_reports(qtbot, Session(inst.ws, inst.stats if who == "stats" else inst.admin, runner))
    window.resize(1150, 760)
    windows.append(window)
    return page


def model_texts(model: QAbstractItemModel) -> list[str]:
    texts = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            texts += [str(model.index(r, c).data(role)) for role in (Qt.ItemDataRole.DisplayRole,
                                                                     Qt.ItemDataRole.ToolTipRole)]
    return texts


def hidden_cells(page: ReportsPage) -> int:
    model = page.tables.model
    return sum(bool(model.index(r, c).data(SUPPRESSED_ROLE))
               for r in range(model.rowCount()) for c in range(model.columnCount()))


def choose_folder(page: ReportsPage, folder: Path) -> None:
    """Click Export… and pick ``folder`` in the folder dialog."""
    page.export_button.click()
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
    assert dialog.fileMode() == QFileDialog.FileMode.Directory
    dialog.selectFile(str(folder))
    dialog.accept()


# --- statistics staff -------------------------------------------------------------------------
def test_statistics_staff_see_only_reports_and_nothing_identifying(
        qtbot: QtBot, clients: Installation, runner: TaskRunner, windows: list[MainWindow]) -> None:
    ws, actor = workspace.sign_in(clients.data_dir, STATS_NAME, STATS_PASSWORD)  # closed with the window
    window, page = open_reports(qtbot, Session(ws, actor, runner))
    windows.append(window)
    assert window.screen_titles() == ["Reports", "My account"]  # no client screen, no administration
    assert window.stack.currentWidget() is page  # the first screen opens at sign-in
    assert unlabelled_inputs(page) == []
    assert page.year.value() == YEAR
    assert page.threshold.value() == 5 and page.threshold.isReadOnly() and page.threshold_override() is None
    assert "administrator sets the threshold" in page.form.hint_label("threshold").text()

    problems = {page.quality.problems.index(r, 0).data(): page.quality.problems.index(r, 1).data()
                for r in range(page.quality.problems.rowCount())}
    assert problems["Discharge date before the admission date"] == "1"
    assert "never shows which clients" in page.quality.advice.text()

    shown = model_texts(page.quality.completeness) + model_texts(page.quality.problems)
    for key in TABLE_ORDER:
        page.tables.select_table(key)
        shown += model_texts(page.tables.model)
    shown += [label.text() for label in page.findChildren(QLabel)]
    forbidden = forbidden_strings(clients.ws)
    assert not [f for f in forbidden if any(f.casefold() in text.casefold() for text in shown)]


# --- the data-quality check -------------------------------------------------------------------
def test_quality_check_counts_missing_items_and_problems(
        qtbot: QtBot, clients: Installation, runner: TaskRunner, windows: list[MainWindow]) -> None:
    make_client(clients.ws, given_names="Olvido", family_name="Sin Intake", admission_date=date(YEAR, 9, 1))
    page = reports_for(qtbot, windows, clients, runner, "admin")
    assert page.tabs.currentWidget() is page.quality
    summary = page.quality.summary
    assert summary.property("kind") == "warn"
    assert f"Checked for {YEAR}: admissions 9, discharges 1." in summary.text()
    assert "Consistency problems found: 1." in summary.text()
    assert page.tabs.tabText(0) == "&Data quality – problems: 1"

    completeness = page.quality.completeness
    rows = {completeness.index(r, 0).data(): [completeness.index(r, c).data() for c in range(1, 6)]
            for r in range(completeness.rowCount())}
    assert rows["Intake assessment"] == ["Admissions", "9", "1", "0", "11.1%"]
    assert rows["Sex"] == ["Admissions", "9", "0", "0", "0.0%"]
    problems = page.quality.problems
    row = next(r for r in range(problems.rowCount())
               if problems.index(r, 0).data() == "Discharge date before the admission date")
    assert problems.index(row, 1).data() == "1"
    assert problems.index(row, 1).data(Qt.ItemDataRole.FontRole).bold()
    assert "Correct them" in page.quality.advice.text()
    save_screenshot(windows[0], "reports-quality")

    page.year.setValue(YEAR - 1)  # an empty year: nothing to check, nothing wrong
    settle(qtbot, page)
    assert summary.property("kind") == "ok" and "admissions 0, discharges 0." in summary.text()
    assert page.tabs.tabText(0) == "&Data quality"


# --- the table preview ------------------------------------------------------------------------
def test_preview_marks_hidden_cells_and_bold_totals(
        qtbot: QtBot, clients: Installation, runner: TaskRunner, windows: list[MainWindow]) -> None:
    page = reports_for(qtbot, windows, clients, runner, "admin")
    page.tabs.setCurrentWidget(page.tables)
    keys = [page.tables.table_list.item(r).data(TABLE_KEY_ROLE)
            for r in range(page.tables.table_list.count())]
    assert [k for k in keys if k] == list(TABLE_ORDER)  # every table, headings between sections

    page.tables.select_table("admissions_sex_age")
    model = page.tables.model
    assert page.tables.title.text() == "Admissions by age group and sex"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Age group / Sex", "Male", "Female", "Not known", "Total"]
    grand = model.index(model.rowCount() - 1, model.columnCount() - 1)
    assert grand.data() == "8" and not grand.data(SUPPRESSED_ROLE)
    assert grand.data(Qt.ItemDataRole.FontRole).bold()  # totals in bold
    assert model.index(0, 1).data(Qt.ItemDataRole.FontRole) is None
    total_row = model.rowCount() - 1
    female = headers.index("Female")
    male = headers.index("Male")
    hidden = [model.index(total_row, c) for c in (female, male)]
    assert [i.data() for i in hidden] == [HIDDEN, HIDDEN]  # 6 and 2: the 2 is small, the 6 = 8 - 2
    assert all(i.data(SUPPRESSED_ROLE) for i in hidden)
    assert "Not shown: a count from 1 to 4" in hidden[0].data(Qt.ItemDataRole.ToolTipRole)
    assert hidden[0].data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "Not shown" in page.tables.notes.text()
    save_screenshot(windows[0], "reports-tables")

    report = page.report
    assert report is not None and report.threshold == 5
    for table in report.tables:  # every hidden figure is marked, and no other figure is
        page.tables.select_table(table.key)
        assert hidden_cells(page) == sum(c.suppressed for c in table.cells), table.key
        shown = model_texts(page.tables.model)
        assert HIDDEN not in shown or table.any_suppressed
    page.tables.select_table("admissions_sex_age")

    page.language.setCurrentIndex(page.language.findData("es"))  # relabelled at once, no reload
    assert runner.is_idle()
    assert model.headerData(model.columnCount() - 1, Qt.Orientation.Horizontal) == "Total"
    assert page.tables.title.text() == "Admisiones por grupo de edad y sexo"
    assert "No se muestra: un recuento de 1 a 4" in page.tables.notes.text()

    page.tables.select_table("discharges_teds")
    teds = page.tables.model
    assert teds.headerData(1, Qt.Orientation.Horizontal) == "Número"
    assert teds.index(teds.rowCount() - 1, 0).data(Qt.ItemDataRole.FontRole).bold()


def test_preview_grid_lays_out_a_two_way_table_as_the_pdf_does() -> None:
    cells = (Cell(("admissions", "male"), 10, False, 50.0), Cell(("admissions", "female"), 10, False, 50.0),
             Cell(("admissions", "not_known"), 0, False, 0.0), Cell(("admissions", TOTAL), 20, False, 100.0),
             Cell(("successful_completions", "male"), None, True), Cell(("successful_completions", "female"), None, True),
             Cell(("successful_completions", "not_known"), 0, False, 0.0),
             Cell(("successful_completions", TOTAL), 6, False, 100.0))
    women = Table("women", "Women", "Episodes", "episodes of care", ROWS, (WOMEN_ROW, SEX), cells, with_percent=True)
    grid = preview_grid(women, "en")
    assert grid.headers == ("Population / Sex", "Male", "Female", "Not known", "Total")
    assert [[c.text for c in row] for row in grid.rows] == [
        ["Admissions", "10 (50.0%)", "10 (50.0%)", "0 (0.0%)", "20 (100.0%)"],
        ["Successful completions", "*", "*", "0 (0.0%)", "6 (100.0%)"],
    ]
    assert [[c.suppressed for c in row] for row in grid.rows][1] == [False, True, True, False, False]
    assert [[c.bold for c in row] for row in grid.rows][0] == [False, False, False, False, True]  # the total column
    spanish = preview_grid(women, "es")
    assert spanish.rows[0][1].text == "10 (50,0\u00a0%)" and spanish.headers[-1] == "Total"


def test_administrators_may_change_the_threshold_for_the_export(
        qtbot: QtBot, clients: Installation, runner: TaskRunner, windows: list[MainWindow], tmp_path: Path) -> None:
    page = reports_for(qtbot, windows, clients, runner, "admin")
    assert not page.threshold.isReadOnly() and page.threshold.minimum() == 3
    page.tables.select_table("admissions_sex_age")
    hidden_at_5 = hidden_cells(page)
    page.threshold.setValue(2)
    assert page.threshold.value() == 3  # never below 3
    settle(qtbot, page)
    assert page.threshold_override() == 3
    assert "organisation's setting is 5" in page.form.hint_label("threshold").text()
    assert page.form.hint_label("threshold").property("kind") == "warn"
    assert "from 1 to 2" in page.tables.notes.text()
    assert hidden_cells(page) < hidden_at_5

    out = tmp_path / "export-3"
    out.mkdir()
    choose_folder(page, out)
    settle(qtbot, page)
    assert json.loads((out / JSON_NAME).read_text("utf-8"))["metadata"]["threshold"] == 3


# --- the write lock -------------------------------------------------------------------------
def test_figures_and_export_let_others_save_while_the_records_are_read(
        qtbot: QtBot, clients: Installation, runner: TaskRunner, windows: list[MainWindow], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    readings = sf.others_save_while_collecting(monkeypatch, clients.ws, clients.admin)
    page = reports_for(qtbot, windows, clients, runner, "admin")
    assert readings == [True]  # the report and the quality check from one reading
    assert page.report is not None and page.quality.problems.rowCount()
    page.threshold.setValue(4)
    settle(qtbot, page)
    assert readings == [True, True]  # a new threshold reads for the report only
    out = tmp_path / "out"
    out.mkdir()
    choose_folder(page, out)
    settle(qtbot, page)
    assert readings == [True, True, True] and (out / PDF_NAME).exists()
    saved = (ADMIN_NAME, "settings.updated", sf.LOCK_TEST_SAVE)
    assert sf.statistics_audit(clients.ws, clients.admin)[-7:] == [
        saved,
        (ADMIN_NAME, "statistics.viewed", {"year": YEAR, "threshold": 5}),
        (ADMIN_NAME, "statistics.viewed", {"year": YEAR, "part": "data_quality"}),
        saved,
        (ADMIN_NAME, "statistics.viewed", {"year": YEAR, "threshold": 4}),
        saved,
        (ADMIN_NAME, "statistics.exported", {"year": YEAR, "threshold": 4, "language": page.lang(),
                                             "files": len(TABLE_ORDER) + 2}),
    ]


# --- the export -------------------------------------------------------------------------------
def test_export_writes_csv_json_and_pdf_without_any_name(
        qtbot: QtBot, clients: Installation, runner: TaskRunner, windows: list[MainWindow], tmp_path: Path) -> None:
    page = reports_for(qtbot, windows, clients, runner, "stats")
    page.language.setCurrentIndex(page.language.findData("es"))
    out = tmp_path / "estadisticas"
    out.mkdir()
    choose_folder(page, out)
    assert page.form.busy and page.progress.isVisible() and not page.export_button.isEnabled()
    settle(qtbot, page)
    assert not page.form.busy and not page.progress.isVisible()

    assert sorted(p.name for p in out.iterdir()) == sorted([f"{k}.csv" for k in TABLE_ORDER] + [JSON_NAME, PDF_NAME])
    assert (out / PDF_NAME).read_bytes().startswith(b"%PDF")
    metadata = json.loads((out / JSON_NAME).read_text("utf-8"))["metadata"]
    assert (metadata["year"], metadata["threshold"], metadata["language"]) == (YEAR, 5, "es")
    assert leaks(out, forbidden_strings(clients.ws)) == []
    [box] = message_boxes()
    assert str(out) in box.text() and "18 CSV files" in box.text()
    assert page.export_status.text() == f"Exported to {out}"
    assert page.export_status.property("kind") == "ok"


def test_export_into_a_folder_that_is_not_empty_says_so_and_writes_nothing(
        qtbot: QtBot, clients: Installation, runner: TaskRunner, windows: list[MainWindow], tmp_path: Path) -> None:
    page = reports_for(qtbot, windows, clients, runner, "stats")
    out = tmp_path / "earlier"
    out.mkdir()
    (out / "report.pdf").write_bytes(b"an earlier export")
    choose_folder(page, out)
    settle(qtbot, page)
    message = page.export_status.text()
    assert message.startswith("Nothing was exported.\nThe folder ") and "is not empty" in message
    assert "Traceback" not in message and page.export_status.property("kind") == "error"
    assert page.form.error_text(GENERAL) == ""
    assert [p.name for p in out.iterdir()] == ["report.pdf"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no half-written folder
    assert message_boxes() == [] and page.export_button.isEnabled()
    save_screenshot(windows[0], "reports-export-error")
