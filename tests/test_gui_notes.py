"""The Notes tab, driven like a user would: write, sign, amend; autosave through lock and close.

Offscreen Qt (pytest-qt); the tab is shown as the only screen of a real main window, so the
idle lock covers it exactly as it covers the client record.  What reached the database is
read back through the notes services on the database thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any, TypeVar

import pytest
from conftest import COUNSELLOR_NAME, COUNSELLOR_PASSWORD, Installation
from gui_helpers import message_boxes, save_screenshot, unlabelled_inputs
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot
from client_inputs import register
from records_factory import make_client
from test_gui_shell import _configured_app, _gui_settings, runner  # noqa: F401 - shared GUI fixtures

from clinic_app import workspace
from clinic_app.services import audit, notes
from clinic_app.services.notes import DRAFT, SIGNED, Note
from ui.client_record.notes import NotesTab
from ui.client_record.tab import RecordTab
from ui.client_record.tabs import record_tabs
from ui.client_record.view import ClientRecordView
from ui.main_window import MainWindow
from ui.navigation import Screen
from ui.session import Session
from ui.tasks import TaskRunner

T = TypeVar("T")


def fetch(session: Session, service: Callable[..., T], *args: Any) -> T:
    """Call a service on the database thread (where the workspace lives) and return its result."""
    result: list[T] = []
    session.runner.run_db(session.call(service, *args), result.append)
    assert session.runner.wait_idle()
    return result[0]


def audited(installation: Installation, client_id: int) -> list[str]:
    """The actions the audit log holds for a client, oldest first (read by the administrator)."""
    with installation.ws.unit_of_work(write=False) as uow:
        return [e.action for e in reversed(audit.list_entries(uow, installation.admin, client_id=client_id))]


@pytest.fixture
def client_id(installation: Installation) -> int:
    return make_client(installation.ws, counsellor_id=installation.counsellor.user_id,
                       given_names="Lucía", family_name="Serrano Vidal").client_id


@pytest.fixture
def session(installation: Installation, runner: TaskRunner) -> Session:
    return Session(installation.ws, installation.counsellor, runner)


R = TypeVar("R", bound=RecordTab)
TabOpener = Callable[[type[R], int], tuple[MainWindow, R]]


@pytest.fixture
def open_tab(qtbot: QtBot, session: Session) -> Iterator[TabOpener[Any]]:
    """Open a main window whose only screen is one record tab showing a client; closed after the test."""
    windows: list[MainWindow] = []

    def opener(tab_class: type[R], client: int) -> tuple[MainWindow, R]:
        w = MainWindow(session, (Screen(tab_class.title, "account.svg", tab_class),))
        windows.append(w)
        w.resize(1150, 720)
        w.show()
        qtbot.waitExposed(w)
        tab = w.open_screen(tab_class.title)
        assert isinstance(tab, tab_class)
        tab.load(client)
        assert session.runner.wait_idle()
        return w, tab

    yield opener
    for w in windows:
        w.close()
    session.runner.wait_idle()


def record_view(qtbot: QtBot, session: Session, client_id: int, tab_key: str, code: str,
                name: str) -> ClientRecordView:
    """The whole client record, as the Clients screen shows it, opened at ``tab_key``."""
    view = ClientRecordView(session)
    qtbot.addWidget(view)
    view.resize(1150, 760)
    view.set_header(code, name)
    view.show()
    qtbot.waitExposed(view)
    view.open_client(client_id, tab_key)
    assert session.runner.wait_idle()
    return view


def answer(button_text: str) -> None:
    """Click ``button_text`` in the one question box on screen."""
    [box] = message_boxes()
    [button] = [b for b in box.buttons() if b.text() == button_text]
    button.click()


def wait_saved(qtbot: QtBot, tab: NotesTab) -> None:
    qtbot.waitUntil(lambda: not tab.has_unsaved_changes() and tab.session.runner.is_idle(), timeout=5_000)


def my_drafts(session: Session, client_id: int) -> list[Note]:
    return [n for n in fetch(session, notes.my_drafts) if n.client_id == client_id]


def test_notes_tab_is_registered_after_the_care_plan() -> None:
    keys = [t.key for t in record_tabs()]
    assert "notes" in keys
    assert keys.index("notes") == keys.index("care_plan") + 1


def test_write_sign_and_amend_a_note(qtbot: QtBot, open_tab: TabOpener[NotesTab], client_id: int,
                                     installation: Installation) -> None:
    window, tab = open_tab(NotesTab, client_id)
    session = tab.session
    assert "notes.read" in audited(installation, client_id)  # opening the timeline is a read of the record
    assert unlabelled_inputs(tab) == []
    assert tab.pages.currentWidget() is tab.editor_page and tab.editor_title.text() == "New note"
    assert not tab.has_unsaved_changes()

    # typing makes the tab dirty until the autosave (1 s after the last key) has reached the database
    tab.text.setFocus()
    qtbot.keyClicks(tab.text, "Individual session at the centre. Lucia reports four weeks without use")
    assert tab.has_unsaved_changes()
    assert my_drafts(session, client_id) == []
    wait_saved(qtbot, tab)
    [draft] = my_drafts(session, client_id)
    assert draft.text.endswith("four weeks without use") and draft.note_type == "individual"
    assert "Draft saved" in tab.save_status.text()
    assert tab.model.status_text(tab.model.note(0)) == "Draft"

    # more typing is saved into the same draft
    qtbot.keyClicks(tab.text, " and has started looking for work.")
    wait_saved(qtbot, tab)
    [draft] = my_drafts(session, client_id)
    assert draft.text.endswith("looking for work.")

    tab.sign_button.click()
    answer("Sign")
    assert session.runner.wait_idle()
    assert my_drafts(session, client_id) == []
    [signed] = fetch(session, notes.timeline, client_id)
    assert signed.status == SIGNED and signed.id == draft.id
    assert tab.pages.currentWidget() is tab.viewer_page
    assert tab.viewer_text.isReadOnly() and tab.viewer_text.toPlainText() == signed.text
    assert "Carmen Ruiz" in tab.viewer_meta.text()

    # amend: a new draft linked to the signed note; the original stays as it was
    tab.amend_button.click()
    assert tab.pages.currentWidget() is tab.editor_page and tab.editor_title.text() == "Amendment"
    assert "Corrects the Individual session" in tab.editor_context.text()
    qtbot.keyClicks(tab.text, "Correction: three weeks without use, not four.")
    tab.save(lambda ok: None)  # Ctrl+S
    assert session.runner.wait_idle() and not tab.has_unsaved_changes()
    [amendment_draft] = my_drafts(session, client_id)
    assert amendment_draft.amends_id == signed.id
    tab.sign_button.click()
    answer("Sign")
    assert session.runner.wait_idle()

    timeline = fetch(session, notes.timeline, client_id)
    amendment = next(n for n in timeline if n.amends_id == signed.id)
    original = next(n for n in timeline if n.id == signed.id)
    assert amendment.status == SIGNED and original.amended_by == (amendment.id,)
    assert original.text == signed.text
    assert audited(installation, client_id).count("note.signed") == 2
    assert tab.viewer_text.toPlainText() == amendment.text
    assert "This note amends" in tab.viewer_links.text()

    # the original links to its amendment, and the link opens it
    tab.select_note(original.id)
    assert tab.viewer_text.toPlainText() == original.text
    assert f'href="note:{amendment.id}"' in tab.viewer_links.text()
    tab.viewer_links.linkActivated.emit(f"note:{amendment.id}")
    assert tab.viewer_text.toPlainText() == amendment.text
    assert tab.model.status_text(tab.model.find(original.id)) == "Signed, amended"  # type: ignore[arg-type]

    # a new note started with the keyboard, left as a draft, for the picture
    qtbot.keyClick(tab.new_button, Qt.Key.Key_Space)
    assert tab.pages.currentWidget() is tab.editor_page
    qtbot.keyClicks(tab.text, "Phone call planned for Friday to confirm the housing appointment.")
    wait_saved(qtbot, tab)
    tab.select_note(original.id)
    save_screenshot(window, "notes-write-sign-amend")


def test_signing_an_empty_note_is_refused_beside_the_text(qtbot: QtBot, open_tab: TabOpener[NotesTab],
                                                          client_id: int) -> None:
    window, tab = open_tab(NotesTab, client_id)
    tab.sign_button.click()  # nothing written: no question, the reason beside the text
    assert message_boxes() == [] and tab.form.error_text("text") == "Write the note before signing it."
    assert tab.text.hasFocus()
    assert fetch(window.session, notes.timeline, client_id) == ()

    qtbot.keyClicks(tab.text, " ")  # a blank draft is saved, but the service refuses to sign it
    tab.sign()
    assert window.session.runner.wait_idle()
    assert "required" in tab.form.error_text("text")
    [draft] = my_drafts(window.session, client_id)
    assert draft.status == DRAFT

    tab.discard_button.click()
    answer("Discard")
    assert window.session.runner.wait_idle()
    assert my_drafts(window.session, client_id) == []
    assert tab.model.rowCount() == 0


def test_idle_lock_while_typing_keeps_the_text_and_saves_it(qtbot: QtBot, open_tab: TabOpener[NotesTab],
                                                             client_id: int) -> None:
    window, tab = open_tab(NotesTab, client_id)
    session = tab.session
    tab.autosave_ms = 60_000  # only the lock can have saved what follows
    typed = "Outreach visit: flat is clean, rent paid; she asked about evening classes"
    window.activateWindow()
    qtbot.waitUntil(lambda: tab.text.hasFocus())
    qtbot.keyClicks(tab.text, typed)
    assert tab.has_unsaved_changes()
    qtbot.keyClick(tab.text, Qt.Key.Key_Backtab)  # back to the type; leaving the text saves it
    assert tab.note_type.hasFocus()
    qtbot.keyClicks(tab.note_type, "Out")
    assert tab.note_type.code() == "outreach" and tab.has_unsaved_changes()

    lock = window.idle_lock
    lock.set_timeout_ms(300)
    qtbot.waitUntil(lock.is_locked, timeout=5_000)
    assert not tab.isVisible()
    assert session.runner.wait_idle()
    [draft] = my_drafts(session, client_id)
    assert (draft.text, draft.note_type) == (typed, "outreach")  # hiding the tab saved the type
    assert not tab.has_unsaved_changes()

    lock.set_timeout_ms(60_000)
    qtbot.keyClicks(lock.overlay.password, COUNSELLOR_PASSWORD)
    qtbot.keyClick(lock.overlay.password, Qt.Key.Key_Return)
    assert session.runner.wait_idle()
    assert not lock.is_locked() and tab.isVisible()
    assert tab.text.toPlainText() == typed
    qtbot.keyClicks(tab.text, ".")
    tab.save(lambda ok: None)
    assert session.runner.wait_idle()
    assert [d.text for d in my_drafts(session, client_id)] == [typed + "."]  # still the same draft


def test_closing_the_window_while_typing_saves_the_draft(qtbot: QtBot, open_tab: TabOpener[NotesTab],
                                                          installation: Installation, client_id: int) -> None:
    window, tab = open_tab(NotesTab, client_id)
    tab.autosave_ms = 60_000
    qtbot.keyClicks(tab.text, "Last words before closing the window")
    window.close()
    assert tab.session.runner.wait_idle()
    ws, actor = workspace.sign_in(installation.data_dir, COUNSELLOR_NAME, COUNSELLOR_PASSWORD)
    try:
        with ws.unit_of_work(write=False) as uow:
            assert [n.text for n in notes.my_drafts(uow, actor)] == ["Last words before closing the window"]
    finally:
        ws.close()


def test_closing_and_reopening_the_tab_restores_the_draft(qtbot: QtBot, session: Session, client_id: int) -> None:
    first = NotesTab(session)
    first.autosave_ms = 60_000
    first.show()
    qtbot.waitExposed(first)
    first.load(client_id)
    assert session.runner.wait_idle()
    qtbot.keyClicks(first.text, "Called her sister; family meeting on Tuesday")
    first.note_type.setFocus()
    qtbot.keyClicks(first.note_type, "Ph")
    assert first.note_type.code() == "phone" and first.has_unsaved_changes()
    first.close()  # closing saves at once
    assert session.runner.wait_idle()
    first.deleteLater()

    second = NotesTab(session)
    qtbot.addWidget(second)
    second.show()
    second.load(client_id)
    assert session.runner.wait_idle()
    assert second.pages.currentWidget() is second.editor_page
    assert second.editor_title.text() == "Draft note"
    assert second.text.toPlainText() == "Called her sister; family meeting on Tuesday"
    assert second.note_type.currentData() == "phone" and second.note_date.date().toPython() == date.today()
    assert not second.has_unsaved_changes()
    [selected] = second.timeline.selectionModel().selectedRows()
    assert second.model.note(selected.row()).status == DRAFT


def test_discarding_changes_keeps_what_was_saved(qtbot: QtBot, session: Session, client_id: int) -> None:
    tab = NotesTab(session)
    qtbot.addWidget(tab)
    tab.autosave_ms = 60_000
    tab.load(client_id)
    assert session.runner.wait_idle()
    dirty: list[bool] = []
    tab.dirty_changed.connect(dirty.append)
    qtbot.keyClicks(tab.text, "Saved part")
    saved: list[bool] = []
    tab.save(saved.append)
    assert session.runner.wait_idle() and saved == [True] and dirty == [True, False]
    qtbot.keyClicks(tab.text, ", typed but never saved")
    assert tab.has_unsaved_changes()
    tab.discard_changes()
    assert not tab.has_unsaved_changes() and dirty == [True, False, True, False]
    assert session.runner.wait_idle()
    assert [d.text for d in my_drafts(session, client_id)] == ["Saved part"]



REALISTIC_NOTES = (
    (41, "individual", "First session after discharge from the residential programme. Lucía is staying with her "
     "aunt for now. We went through the relapse-prevention plan and agreed weekly sessions on Mondays."),
    (34, "group", "Attended the Tuesday recovery group. Spoke about cravings at weekends; the group suggested "
     "planning Saturday mornings."),
    (27, "phone", "Called to confirm the housing appointment. She has an interview for the flat on Calle Olmo on "
     "Thursday and asked for a letter of support."),
    (20, "family", "Session with Lucía and her sister Marta. Marta will drive her to the liver clinic; they agreed "
     "to meet every Sunday."),
    (6, "individual", "Four weeks without use. Moved into the flat; rent paid by standing order. Started the "
     "food-handling course."),
)


def test_screenshot_with_realistic_notes(qtbot: QtBot, session: Session) -> None:
    """Five signed notes, an amendment and the counsellor's unsigned draft (the README picture)."""
    made = register(session.ws, session.actor, client={"given_names": "Lucía", "family_name": "Serrano Vidal"},
                    episode={"admission_date": date.today() - timedelta(days=45)})
    actor = session.actor
    with session.ws.unit_of_work() as uow:
        signed = []
        for days, kind, text in REALISTIC_NOTES:
            note_id = notes.save_draft(uow, actor, None, made.client_id, date.today() - timedelta(days=days), kind, text)
            signed.append(notes.sign_note(uow, actor, note_id))
        correction = notes.save_draft(uow, actor, None, made.client_id, date.today() - timedelta(days=26), "phone",
                                      "Correction: the interview for the flat is on Friday, not Thursday.",
                                      amends_id=signed[2].id)
        notes.sign_note(uow, actor, correction)
        notes.save_draft(uow, actor, None, made.client_id, date.today(), "individual",
                         "She finished the first module of the course and feels more confident. Sleep is still "
                         "poor on Sundays; we agreed to")
        uow.commit()
    view = record_view(qtbot, session, made.client_id, "notes", made.code, "Lucía Serrano Vidal")
    tab = view.current_tab()
    assert isinstance(tab, NotesTab)
    assert tab.pages.currentWidget() is tab.editor_page and tab.text.toPlainText().endswith("we agreed to")
    assert tab.model.rowCount() == 7
    tab.text.setFocus()
    tab.text.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(tab.text, " try the sleep diary again.")
    wait_saved(qtbot, tab)
    save_screenshot(view, "notes-tab")
    tab.select_note(signed[2].id)
    assert "Amended by" in tab.viewer_links.text()
    save_screenshot(view, "notes-tab-viewer")
