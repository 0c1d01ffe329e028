"""The Family & children tab, driven like a user would: add a child with a safeguarding concern,
write a sensitive support note, and see who may read it.

Offscreen Qt (pytest-qt).  Three people look at the same client: Carmen (the assigned
counsellor), Omar (another counsellor) and the administrator.  What reached the database is
read back through the family service on the database thread.  The shared helpers here
(``fetch``, ``answer``, ``show_tab``, ``only``) are used by the follow-up tab's tests too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from conftest import COUNSELLOR_PASSWORD, Installation
from gui_helpers import message_boxes, save_screenshot, unlabelled_inputs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from records_factory import make_client
from test_gui_shell import _configured_app, _gui_settings, runner  # noqa: F401 - shared GUI fixtures

from clinic_app.services import accounts, family
from clinic_app.services.auth import COUNSELLOR, Actor
from ui.client_record.family import FamilyTab, MemberDialog, NoteDialog
from ui.client_record.tab import RecordTab
from ui.client_record.tabs import record_tabs
from ui.client_record.view import ClientRecordView
from ui.session import Session
from ui.tasks import TaskRunner

T = TypeVar("T")
W = TypeVar("W", bound=QWidget)
R = TypeVar("R", bound=RecordTab)

SECRET = "Mateo told the school nurse about shouting at home; school to call if he is absent again."


def fetch(session: Session, service: Callable[..., T], *args: Any) -> T:
    """Call a service on the database thread (where the workspace lives) and return its result."""
    result: list[T] = []
    session.runner.run_db(session.call(service, *args), result.append)
    assert session.runner.wait_idle()
    return result[0]


def answer(button_text: str) -> None:
    """Click ``button_text`` in the one question box on screen."""
    [box] = message_boxes()
    [button] = [b for b in box.buttons() if b.text() == button_text]
    button.click()


def only(parent: QWidget, kind: type[W]) -> W:
    """The one visible ``kind`` widget under ``parent`` (a dialog the user just opened)."""
    [found] = [w for w in parent.findChildren(kind) if w.isVisible()]
    return found


def closed(parent: QWidget, kind: type[QWidget]) -> bool:
    """True when no ``kind`` dialog is open under ``parent`` any more."""
    return not [w for w in parent.findChildren(kind) if w.isVisible()]


def show_tab(qtbot: QtBot, tab: R, client_id: int) -> R:
    """Show ``tab`` as a window of its own, load ``client_id`` and wait until it has arrived."""
    qtbot.addWidget(tab)
    tab.resize(1100, 760)
    tab.show()
    qtbot.waitExposed(tab)
    tab.load(client_id)
    assert tab.session.runner.wait_idle()
    return tab


def record_view(qtbot: QtBot, session: Session, client_id: int, tab_key: str, code: str, name: str) -> ClientRecordView:
    """The client record (header and tabs) as the Clients screen shows it, opened at ``tab_key``."""
    view = ClientRecordView(session)
    qtbot.addWidget(view)
    view.resize(1150, 800)
    view.show()
    qtbot.waitExposed(view)
    view.set_header(code, name)
    view.open_client(client_id, tab_key)
    assert session.runner.wait_idle()
    return view


@pytest.fixture
def omar(installation: Installation) -> Actor:
    """A second counsellor, not assigned to the client."""
    with installation.ws.unit_of_work() as uow:
        info = accounts.add_user(uow, installation.admin, "omar", COUNSELLOR, COUNSELLOR_PASSWORD, "Omar Haddad")
        uow.commit()
    return Actor(info.id, info.name, info.role)


@pytest.fixture
def client_id(installation: Installation) -> int:
    return make_client(installation.ws, counsellor_id=installation.counsellor.user_id,
                       given_names="Lucía", family_name="Serrano Vidal").client_id


def sensitive_row(tab: FamilyTab) -> int:
    """The row of the (one) sensitive note in the tab's list."""
    return next(row for row, note in enumerate(tab.notes_model.notes()) if note.sensitive)


def add_child_through_dialog(qtbot: QtBot, tab: FamilyTab) -> None:
    tab.add_child_button.click()
    dialog = only(tab, MemberDialog)
    assert unlabelled_inputs(dialog) == []
    assert dialog.relationship.code() == "child"
    assert dialog.carer.isVisible() and dialog.school.isVisible() and not dialog.is_child.isVisible()
    qtbot.keyClicks(dialog.first_name, "Mateo")
    qtbot.keyClicks(dialog.birth_year, "1995")  # the client was born in 1988: refused, beside the field
    dialog.ok_button.click()
    assert tab.session.runner.wait_idle()
    assert "born 1988" in dialog.form.error_text("birth_year") and dialog.isVisible()
    save_screenshot(dialog, "family-child-dialog-refused")
    dialog.birth_year.clear()
    qtbot.keyClicks(dialog.birth_year, "2015")
    assert dialog.form.error_text("birth_year") == ""  # the message goes as the user corrects the field
    dialog.carer.set_code("client")
    qtbot.keyClicks(dialog.school, "CEIP San Blas")
    qtbot.keyClicks(dialog.needs, "Speech therapy twice a month.")
    qtbot.keyClick(dialog.safeguarding, Qt.Key.Key_Space)
    qtbot.keyClicks(dialog.referral, "Children's social services, 10 Nov: visit agreed.")
    dialog.lives_with_client.setChecked(True)
    save_screenshot(dialog, "family-child-dialog")
    dialog.ok_button.click()
    assert tab.session.runner.wait_idle()
    assert closed(tab, MemberDialog)


def test_family_tabs_are_registered_in_order() -> None:
    keys = [t.key for t in record_tabs()]
    assert keys.index("notes") < keys.index("family") < keys.index("followup") < keys.index("history")
    assert keys[-3:] == ["family", "followup", "history"]


def test_child_with_a_sensitive_note_is_restricted_to_the_assigned_counsellor_and_admins(
        qtbot: QtBot, installation: Installation, runner: TaskRunner, client_id: int, omar: Actor) -> None:
    carmen = Session(installation.ws, installation.counsellor, runner)
    tab = show_tab(qtbot, FamilyTab(carmen), client_id)
    assert unlabelled_inputs(tab) == []
    assert tab.member_details.text() == "No family members recorded yet."
    assert not tab.concern_banner.isVisible()

    add_child_through_dialog(qtbot, tab)
    [mateo] = fetch(carmen, family.family_record, client_id).members
    assert (mateo.first_name, mateo.birth_year, mateo.is_child, mateo.carer, mateo.safeguarding_concern) == (
        "Mateo", 2015, True, "client", True)
    assert tab.members_model.rowCount() == 1
    concern = tab.members_model.index(0, tab.members_model.CONCERN_COLUMN)
    assert concern.data() == "⚠ Concern"
    assert concern.data(Qt.ItemDataRole.ForegroundRole).name() == "#a4262c"
    assert tab.concern_banner.isVisible() and "Mateo (Child)" in tab.concern_banner.text()
    assert "Speech therapy" in tab.member_details.text()

    # a partner: the child-only fields are hidden and saved empty
    tab.add_member_button.click()
    dialog = only(tab, MemberDialog)
    dialog.relationship.set_code("partner")
    assert not dialog.carer.isVisible() and dialog.is_child.isVisible()
    qtbot.keyClicks(dialog.first_name, "Javier")
    dialog.ok_button.click()
    assert runner.wait_idle()
    javier = fetch(carmen, family.family_record, client_id).members[1]
    assert (javier.relationship, javier.is_child, javier.carer, javier.school) == ("partner", False, "not_known", "")

    # a sensitive note about Mateo, and an ordinary one about the whole family
    tab.members.setCurrentIndex(tab.members_model.index(0, 0))
    tab.add_note_button.click()
    note_dialog = only(tab, NoteDialog)
    assert unlabelled_inputs(note_dialog) == []
    assert note_dialog.about.currentData() == mateo.id
    qtbot.keyClick(note_dialog.sensitive, Qt.Key.Key_Space)
    qtbot.keyClicks(note_dialog.text, SECRET)
    save_screenshot(note_dialog, "family-note-dialog")
    note_dialog.ok_button.click()
    assert runner.wait_idle()
    tab.add_note_button.click()
    note_dialog = only(tab, NoteDialog)
    note_dialog.about.setCurrentIndex(0)
    qtbot.keyClicks(note_dialog.text, "Family session: Lucia and Javier agreed who takes Mateo to school.")
    note_dialog.ok_button.click()
    assert runner.wait_idle()
    notes = fetch(carmen, family.family_record, client_id).notes
    assert {(n.sensitive, n.restricted) for n in notes} == {(True, False), (False, False)}
    assert tab.notes_model.index(sensitive_row(tab), 3).data() == "Sensitive"
    tab.notes.setCurrentIndex(tab.notes_model.index(sensitive_row(tab), 0))
    assert tab.note_text.toPlainText() == SECRET
    save_screenshot(tab, "family-tab-assigned-counsellor")

    # Omar (not assigned) sees that the note exists, by whom and when, but not its text
    omar_tab = show_tab(qtbot, FamilyTab(Session(installation.ws, omar, runner)), client_id)
    row = sensitive_row(omar_tab)
    assert omar_tab.notes_model.index(row, 3).data() == "Restricted"
    assert omar_tab.notes_model.index(row, 4).data() == "Restricted: not shown to you"
    assert omar_tab.notes_model.index(row, 2).data() == "Carmen Ruiz"
    omar_tab.notes.setCurrentIndex(omar_tab.notes_model.index(row, 0))
    assert "Only the client's assigned counsellor and administrators" in omar_tab.note_text.toPlainText()
    shown = [omar_tab.notes_model.index(r, c).data(role) for r in range(omar_tab.notes_model.rowCount())
             for c in range(5) for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)]
    assert not any(SECRET[:20] in str(text) for text in shown)
    other = omar_tab.notes_model.note(1 - row)
    assert other is not None and other.text is not None and "agreed who takes Mateo" in other.text
    assert omar_tab.concern_banner.isVisible()  # the safeguarding flag is for everyone on the team

    # the administrator reads it
    admin_tab = show_tab(qtbot, FamilyTab(Session(installation.ws, installation.admin, runner)), client_id)
    row = sensitive_row(admin_tab)
    assert admin_tab.notes_model.index(row, 3).data() == "Sensitive"
    admin_tab.notes.setCurrentIndex(admin_tab.notes_model.index(row, 0))
    assert admin_tab.note_text.toPlainText() == SECRET

    # the whole record, as the other counsellor sees it (the picture for the README)
    view = record_view(qtbot, Session(installation.ws, omar, runner), client_id, "family", "C-2026-0042",
                       "Lucía Serrano Vidal")
    family_tab = view.tab("family")
    assert isinstance(family_tab, FamilyTab)
    family_tab.notes.setCurrentIndex(family_tab.notes_model.index(row, 0))
    family_tab.members.setCurrentIndex(family_tab.members_model.index(1, 0))  # Mateo's flag shows in red
    save_screenshot(view, "family-tab")


def test_editing_a_member_and_refusals_keep_the_dialog_open(qtbot: QtBot, installation: Installation,
                                                            runner: TaskRunner, client_id: int) -> None:
    session = Session(installation.ws, installation.counsellor, runner)
    tab = show_tab(qtbot, FamilyTab(session), client_id)
    tab.add_note_button.click()
    note_dialog = only(tab, NoteDialog)
    note_dialog.ok_button.click()  # an empty note is refused beside the text
    assert runner.wait_idle()
    assert note_dialog.isVisible() and "required" in note_dialog.form.error_text("text")
    note_dialog.reject()

    tab.add_member_button.click()
    dialog = only(tab, MemberDialog)
    dialog.ok_button.click()  # no relationship chosen
    assert runner.wait_idle()
    assert "relationship" in dialog.form.error_text("relationship")
    dialog.relationship.set_code("sibling")
    qtbot.keyClicks(dialog.first_name, "Rosa")
    qtbot.keyClick(dialog.is_child, Qt.Key.Key_Space)  # a younger sister the client brings up
    assert dialog.carer.isVisible()
    dialog.carer.set_code("client")
    dialog.ok_button.click()
    assert runner.wait_idle()

    # Enter on the row opens it for editing; the change is saved on the same member
    tab.members.setFocus()
    tab.members.setCurrentIndex(tab.members_model.index(0, 0))
    qtbot.keyClick(tab.members, Qt.Key.Key_Return)
    edit = only(tab, MemberDialog)
    assert edit.first_name.text() == "Rosa" and edit.is_child.isChecked() and edit.carer.code() == "client"
    qtbot.keyClick(edit.safeguarding, Qt.Key.Key_Space)
    edit.ok_button.click()
    assert runner.wait_idle()
    [rosa] = fetch(session, family.family_record, client_id).members
    assert rosa.safeguarding_concern and rosa.is_child and rosa.relationship == "sibling"
    assert "Rosa (Sibling)" in tab.concern_banner.text()
    assert tab.members_model.index(0, 1).data() == "Sibling · child"
