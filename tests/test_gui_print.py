"""Print preview, driven like a user would: the record's Print menu and Ctrl+P, the preview's pages,
Save as PDF, a language switch, Print, the blank forms from the File menu, and refusals.

Offscreen Qt (pytest-qt) with a real main window on the Clients screen.  The saved files are
read back with pypdf; the audit log is read through the audit service.  Every test runs with
its own empty temporary folder (``tempfile`` and Qt's ``TMPDIR``) that must stay empty: the
preview keeps the PDF in memory.  Set ``CONTINUUM_SCREENSHOTS=/some/folder`` to keep the
pictures.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
import shiboken6
from client_inputs import register
from conftest import Installation
from gui_helpers import SCREENSHOTS_ENV, message_boxes, save_screenshot, unlabelled_inputs
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot
from test_gui_shell import _configured_app, _gui_settings, open_window, runner  # noqa: F401 - shared fixtures

from clinic_app.services import audit, care_plans, discharge, printing
from ui.client_record.view import ClientRecordView
from ui.clients.screen import ClientsScreen
from ui.main_window import MainWindow
from ui.navigation import CLIENTS
from ui.print_preview import DocumentRequest, PrintPreview
from ui.session import Session
from ui.tasks import TaskRunner

GOAL = "Keep the tenancy of the flat on Calle Olmo"


@dataclass(frozen=True)
class Client:
    id: int
    code: str
    name: str
    episode_id: int


@pytest.fixture
def scratch_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder that Python's ``tempfile`` and Qt (``TMPDIR``) use as the temporary folder.

    Screenshots go elsewhere (by default they would go into the temporary folder).
    """
    folder = tmp_path / "system-temp"
    folder.mkdir()
    if not os.environ.get(SCREENSHOTS_ENV):
        monkeypatch.setenv(SCREENSHOTS_ENV, str(tmp_path / "screenshots"))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setenv("TMPDIR", str(folder))
    assert tempfile.gettempdir() == str(folder)
    return folder


def make_client(installation: Installation, *, given: str, family: str, lang: str, plan: bool,
                discharge_plan: bool) -> Client:
    """A client registered through the intake service; optionally an active care plan and a discharge plan."""
    actor = installation.counsellor
    made = register(installation.ws, actor, client={"given_names": given, "family_name": family,
                                                    "preferred_language": lang,
                                                    "counsellor_id": actor.user_id})
    with installation.ws.unit_of_work() as uow:
        if plan:
            draft = care_plans.create_draft(uow, actor, made.episode_id)
            care_plans.add_goal(uow, actor, draft.id, "housing", GOAL, "Pay the rent on the first of the month",
                                "Client, with the counsellor", status="in_progress")
            care_plans.add_goal(uow, actor, draft.id, "employment_income", "Find part-time work",
                                "Two applications a week with the job coach", "Client and job coach")
            care_plans.set_review_date(uow, actor, draft.id, date.today() + timedelta(days=90))
            care_plans.activate_plan(uow, actor, draft.id)
        if discharge_plan:
            discharge.save_plan(uow, actor, made.episode_id, planned_date=date.today() + timedelta(days=30),
                                aftercare="Recovery group every Tuesday at 18:00.")
        uow.commit()
    return Client(made.client_id, made.code, f"{given} {family}", made.episode_id)


@pytest.fixture
def client(installation: Installation) -> Client:
    return make_client(installation, given="Lucía", family="Serrano Vidal", lang="en", plan=True,
                       discharge_plan=True)


@pytest.fixture
def window(qtbot: QtBot, installation: Installation, runner: TaskRunner,  # noqa: F811 - fixture
           scratch_temp: Path) -> Iterator[MainWindow]:
    w = open_window(qtbot, Session(installation.ws, installation.counsellor, runner))
    yield w
    for preview in previews():
        preview.close()
    w.close()
    runner.wait_idle()


def record_of(window: MainWindow, client: Client, tab: str) -> ClientRecordView:
    screen = window.open_screen(CLIENTS)
    assert isinstance(screen, ClientsScreen)
    window.open_client(client.id, tab, client.code, client.name)
    assert window.session.runner.wait_idle()
    return screen.record


def previews() -> list[PrintPreview]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, PrintPreview) and shiboken6.isValid(w) and w.isVisible()]


def the_preview(window: MainWindow) -> PrintPreview:
    assert window.session.runner.wait_idle()
    [preview] = previews()
    return preview


def close_previews() -> None:
    for preview in previews():
        preview.close()
    QApplication.processEvents()


def dark_pixels(preview: PrintPreview) -> int:
    """How many sampled pixels of the page area are dark (text drawn), from a grab of the view."""
    image = preview.view.viewport().grab().toImage()
    return sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
               if image.pixelColor(x, y).lightness() < 100)


def wait_drawn(qtbot: QtBot, preview: PrintPreview) -> None:
    """Wait until the view has drawn the pages (QPdfView renders them on its own threads)."""
    qtbot.waitUntil(lambda: dark_pixels(preview) > 200, timeout=10_000)


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def printed_entries(installation: Installation, client_id: int | None = None) -> list[audit.AuditRow]:
    with installation.ws.unit_of_work(write=False) as uow:
        return list(audit.list_entries(uow, installation.admin, action=printing.PRINTED, client_id=client_id))


def save_through_dialog(preview: PrintPreview, path: Path) -> None:
    preview.save_button.click()
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
    dialog.selectFile(str(path))
    dialog.accept()
    assert preview.session.runner.wait_idle()


# --- the preview ------------------------------------------------------------------------------------
def test_care_plan_preview_saves_exact_bytes_and_rerenders_in_spanish(
        qtbot: QtBot, window: MainWindow, client: Client, installation: Installation, scratch_temp: Path,
        tmp_path: Path) -> None:
    record = record_of(window, client, "overview")
    assert record.print_button.isEnabled()
    save_screenshot(window, "print-record-header")
    assert [a.text() for a in record.print_menu.actions()] == ["Care plan…", "Discharge summary…", "Intake summary…"]
    record.print_menu.actions()[0].trigger()
    assert not record.print_button.isEnabled()  # waits while the document is prepared
    preview = the_preview(window)
    assert record.print_button.isEnabled() and message_boxes() == []

    # the right document, in the client's preferred language, shown from memory
    document = preview.document
    assert (document.kind, document.client_id, document.client_code, document.lang) == (
        printing.CARE_PLAN, client.id, client.code, "en")
    assert preview.pdf.status() == QPdfDocument.Status.Ready
    pages = preview.pdf.pageCount()
    assert pages > 0 and pages == len(PdfReader(io.BytesIO(document.pdf)).pages)
    assert preview.page_label.text() == f"Page 1 of {pages}"
    wait_drawn(qtbot, preview)  # the pages are on screen, not just loaded
    assert preview.windowTitle() == f"Care plan · {client.code} · Print preview"
    assert preview.language.code() == "en"
    english = text_of(document.pdf)
    assert "Care plan" in english and client.name in english and GOAL in english
    assert "Plan de atención" not in english
    assert unlabelled_inputs(preview) == []
    assert preview.height() <= 0.9 * preview.screen().availableGeometry().height() + 1  # fits the screen
    [entry] = printed_entries(installation, client.id)
    assert entry.details["sha256"] == document.sha256 and entry.details["lang"] == "en"

    # zoom: fit width by default; Ctrl++ steps to a fixed percentage
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    preview.zoom_in_button.click()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom and preview.view.zoomFactor() in (1.0, 1.25, 1.5)
    preview.zoom.setCurrentIndex(0)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth

    # Save as PDF writes exactly the bytes the service returned (and audited)
    first = tmp_path / "out" / "care-plan-en.pdf"
    first.parent.mkdir()
    save_through_dialog(preview, first)
    assert hashlib.sha256(first.read_bytes()).hexdigest() == document.sha256
    assert first.read_bytes() == document.pdf
    assert preview.status.text() == f"Saved as {first}."
    assert sorted(p.name for p in first.parent.iterdir()) == ["care-plan-en.pdf"]  # no temporary file left

    # switching the language renders again, audited; the saved file is the Spanish document
    preview.language.set_code("es")
    assert not preview.save_button.isEnabled() and not preview.print_button.isEnabled()
    assert window.session.runner.wait_idle()
    spanish_doc = preview.document
    assert spanish_doc.lang == "es" and spanish_doc.sha256 != document.sha256
    assert preview.save_button.isEnabled() and preview.pdf.pageCount() > 0
    second = tmp_path / "out" / "care-plan-es.pdf"
    save_through_dialog(preview, second)
    assert hashlib.sha256(second.read_bytes()).hexdigest() == spanish_doc.sha256
    spanish = text_of(second.read_bytes())
    assert "Plan de atención" in spanish and GOAL in spanish and client.name in spanish
    assert [e.details["sha256"] for e in printed_entries(installation, client.id)] == [spanish_doc.sha256,
                                                                                        document.sha256]
    preview.language.set_code("en")
    assert window.session.runner.wait_idle()
    wait_drawn(qtbot, preview)

    # the whole time, nothing was written to the temporary folder
    assert list(scratch_temp.iterdir()) == []
    preview.resize(900, 860)
    wait_drawn(qtbot, preview)
    save_screenshot(preview, "print-preview")

    # Esc closes the preview, which is deleted
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert previews() == []


def test_print_sends_the_pages_shown_to_the_printer(window: MainWindow, client: Client, tmp_path: Path,
                                                    scratch_temp: Path) -> None:
    record = record_of(window, client, "care_plan")
    assert record.print_current()
    preview = the_preview(window)
    preview.print_button.click()
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintDialog) and w.isVisible()]
    dialog.reject()
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    preview.print_to(printer)
    pages = preview.pdf.pageCount()
    assert len(PdfReader(printed).pages) == pages
    assert preview.status.text() == f"Sent to the printer (pages: {pages})."
    assert list(scratch_temp.iterdir()) == []


# --- which document -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("tab", "kind"), [
    ("intake", printing.INTAKE_SUMMARY),
    ("care_plan", printing.CARE_PLAN),
    ("followup", printing.DISCHARGE_SUMMARY),
    ("notes", printing.CARE_PLAN),
    ("overview", printing.CARE_PLAN),
])
def test_ctrl_p_prints_the_document_of_the_tab(qtbot: QtBot, window: MainWindow, client: Client, tab: str,
                                               kind: str) -> None:
    record = record_of(window, client, tab)
    assert record.current_tab() is not None and record.current_tab().key == tab
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    preview = the_preview(window)
    assert (preview.document.kind, preview.document.client_id) == (kind, client.id)
    assert len(PdfReader(io.BytesIO(preview.document.pdf)).pages) == preview.page_count() > 0


def test_care_plan_tab_prints_the_version_it_shows(window: MainWindow, client: Client,
                                                   installation: Installation) -> None:
    with installation.ws.unit_of_work() as uow:
        draft = care_plans.create_draft(uow, installation.counsellor, client.episode_id)
        uow.commit()
    record = record_of(window, client, "care_plan")
    tab = record.current_tab()
    assert tab is not None and tab.plan is not None and tab.plan.id == draft.id  # the tab opens on the draft
    record.print_current()
    preview = the_preview(window)
    assert "Version 2" in text_of(preview.document.pdf)
    [entry] = printed_entries(installation, client.id)
    assert entry.entity_id == str(draft.id) and entry.details["version"] == 2


def test_refusals_are_shown_as_messages_and_nothing_opens(window: MainWindow, installation: Installation) -> None:
    bare = make_client(installation, given="Tomás", family="Ibarra Gil", lang="es", plan=False,
                       discharge_plan=False)
    record = record_of(window, bare, "notes")
    assert record.print_current()
    assert window.session.runner.wait_idle()
    [box] = message_boxes()
    assert box.text() == f"Client {bare.code}'s current episode of care has no care plan yet."
    assert "Traceback" not in box.text()
    box.close()
    assert previews() == [] and record.print_button.isEnabled()

    record.print_menu.actions()[1].trigger()  # discharge summary
    assert window.session.runner.wait_idle()
    [box] = message_boxes()
    assert "is not discharged and has no discharge plan yet" in box.text()
    box.close()
    assert previews() == []
    assert printed_entries(installation, bare.id) == []


def test_no_client_open_means_nothing_to_print(window: MainWindow) -> None:
    window.open_screen(CLIENTS)
    window.print_action.trigger()
    assert window.session.runner.wait_idle()
    assert previews() == []
    assert window.statusBar().currentMessage() == "There is nothing to print here."


# --- blank forms ------------------------------------------------------------------------------------
def test_blank_intake_form_from_the_file_menu(window: MainWindow, installation: Installation,
                                              scratch_temp: Path) -> None:
    titles = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Print blank &intake form…" in titles and "Print blank care-p&lan form…" in titles
    [intake_form] = [a for a in window.blank_form_actions if a.objectName() == "print_blank_intake"]
    intake_form.trigger()
    preview = the_preview(window)
    assert message_boxes() == []
    assert (preview.document.kind, preview.document.client_id, preview.document.lang) == (
        printing.BLANK_INTAKE, None, "en")
    assert preview.windowTitle() == "Blank intake form · Print preview"
    assert preview.pdf.pageCount() > 0 and preview.page_label.text().startswith("Page 1 of ")
    assert "Intake form" in text_of(preview.document.pdf)
    preview.language.set_code("es")
    assert window.session.runner.wait_idle()
    assert "Formulario de admisión" in text_of(preview.document.pdf)
    assert [e.details["document"] for e in printed_entries(installation)] == [printing.BLANK_INTAKE] * 2
    window.idle_lock.lock()  # the preview is hidden with the window's other dialogs, and comes back
    assert not preview.isVisible()
    window.idle_lock.unlock()
    assert preview.isVisible()
    close_previews()

    [care_plan_form] = [a for a in window.blank_form_actions if a.objectName() == "print_blank_care_plan"]
    care_plan_form.trigger()
    assert the_preview(window).document.kind == printing.BLANK_CARE_PLAN
    assert list(scratch_temp.iterdir()) == []


def test_statistics_staff_get_no_print_actions(qtbot: QtBot, installation: Installation,
                                               runner: TaskRunner) -> None:  # noqa: F811 - fixture
    w = open_window(qtbot, Session(installation.ws, installation.stats, runner))
    try:
        assert w.blank_form_actions == []
        assert not any("blank" in a.text() for a in w.menuBar().actions()[0].menu().actions())
    finally:
        w.close()
        runner.wait_idle()


def test_a_client_document_request_needs_its_client() -> None:
    with pytest.raises(ValueError):
        DocumentRequest(printing.CARE_PLAN)
    with pytest.raises(ValueError):
        DocumentRequest(printing.BLANK_INTAKE, client_id=1)
    with pytest.raises(ValueError):
        DocumentRequest(printing.INTAKE_SUMMARY, client_id=1, plan_id=3)
