"""The Family and children tab: the client's family members and children, and support notes.

The upper half lists the family members and children (:func:`clinic_app.services.family.family_record`):
relationship, birth year and age, whether they live with the client, and for children who
mainly cares for them and their school.  A **safeguarding concern** is marked in its own
column (red, with a warning sign) and repeated in a banner above the table, so nobody
scrolling past can miss it.  The member under the cursor has its needs and the referral
made shown underneath.  "Add family member…", "Add child…" and "Edit…" (Enter or a double
click on a row) open :class:`MemberDialog`.

The lower half lists the family and child support notes, newest first, with the note
under the cursor shown in full.  **Sensitive notes** the user may not read (the service
returns ``text=None, restricted=True``: only the client's assigned counsellor and
administrators read them) are listed with their date, author and subject, marked
"Restricted" and explained, never left out: nobody should think there is nothing there.
"Add support note…" opens :class:`NoteDialog`.

Decisions
---------
* **Dialogs, not inline editing.**  Members are changed rarely and notes are written once
  and never edited (the service has no edit), so both are added in a small dialog whose
  messages come from the service; the tab itself never holds unsaved text.
* **Child fields.**  Who cares for the child and the school are shown (and saved) only for
  children: a son or daughter, or another member marked as a child the client brings up.
  For anyone else they are saved empty ("not known" carer, no school), so a field that is
  not shown is not stored either.  Needs, a safeguarding concern and the referral made are
  asked for every member (a partner may need support; a concern may be about an adult).
* Ages are the age reached this year (the service stores only the birth year).
* Adding or changing a member emits ``record_changed``: the Overview shows safeguarding
  concerns among the things that need attention.  After loading, the first member and
  the newest note are selected, so their details show without a click.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QItemSelectionModel,
    QObject,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_app.codes import CHILD_CARER, FAMILY_RELATIONSHIP, NOT_KNOWN
from clinic_app.errors import ContinuumError
from clinic_app.services import family
from clinic_app.services.family import CHILD, FamilyMember, FamilyNote, FamilyRecord
from ui.client_record.tab import RecordTab
from ui.clients.display import code_label, show_date
from ui.forms import Form, FormDialog, fit_height, message_label, plain_label, set_message
from ui.session import Session
from ui.table_model import ALERT, DISPLAY_AND_ACCESSIBLE, RowsModel, row_table, styled_font
from ui.tasks import UnexpectedError, error_text
from ui.widgets.code_combo import CodeCombo
from ui.widgets.inputs import OptionalDateEdit, WholeNumberEdit


PREVIEW_CHARS = 90


def text_box(parent: QWidget, lines: int) -> QPlainTextEdit:
    """A plain-text box ``lines`` lines high where Tab moves on to the next field."""
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def clear_messages_on_edit(form: Form, *keys: str) -> None:
    """Hide a field's message as soon as the user changes that field: they are correcting it."""
    for key in keys:
        widget = form.field(key)
        label = form.findChild(QLabel, f"error_{key}")
        assert label is not None, key
        if isinstance(widget, QComboBox):
            signal = widget.currentIndexChanged
        elif isinstance(widget, QCheckBox):
            signal = widget.toggled
        else:
            signal = widget.textChanged  # type: ignore[attr-defined]
        signal.connect(functools.partial(_clear_message, label, widget))


def _clear_message(label: QLabel, widget: QWidget, *_changed: object) -> None:
    set_message(label, "")
    widget.setAccessibleDescription("")


def member_name(member: FamilyMember) -> str:
    """"Mateo (Child)": how a member is named in lists and choices."""
    relationship = code_label(FAMILY_RELATIONSHIP, member.relationship)
    return f"{member.first_name} ({relationship})" if member.first_name.strip() else relationship


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW_CHARS else flat[: PREVIEW_CHARS - 1] + "…"


# --- the tables ----------------------------------------------------------------------------------------


class MembersModel(RowsModel[FamilyMember]):
    """Family members and children, in the order they were entered."""

    CONCERN_COLUMN = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((self.tr("Name"), self.tr("Relationship"), self.tr("Born"), self.tr("Safeguarding"),
                          self.tr("Lives with client"), self.tr("Mainly cared for by"), self.tr("School")),
                         self._texts, parent, text_roles=DISPLAY_AND_ACCESSIBLE)

    def set_members(self, members: tuple[FamilyMember, ...]) -> None:
        self.set_rows(members)

    def member(self, row: int) -> FamilyMember | None:
        return self.row_if_any(row)

    def row_of(self, member_id: int) -> int:
        return self.row_where(lambda m: m.id == member_id)

    def born_text(self, member: FamilyMember) -> str:
        if member.birth_year is None:
            return self.tr("Not known")
        return self.tr("{year} (age {age})").format(year=member.birth_year, age=date.today().year - member.birth_year)

    def _texts(self, member: FamilyMember) -> tuple[str, ...]:
        child = member.is_child
        return (
            member.first_name,
            code_label(FAMILY_RELATIONSHIP, member.relationship) + (self.tr(" · child") if child and
                                                                     member.relationship != CHILD else ""),
            self.born_text(member),
            self.tr("⚠ Concern") if member.safeguarding_concern else "",
            self.tr("Yes") if member.lives_with_client else self.tr("No"),
            code_label(CHILD_CARER, member.carer) if child else "",
            member.school if child else "",
        )

    def cell_data(self, row: FamilyMember, column: int, role: int) -> Any:
        if column == self.CONCERN_COLUMN and row.safeguarding_concern:
            if ALERT.data(role) is not None:
                return ALERT.data(role)
            if role == Qt.ItemDataRole.FontRole:
                return styled_font(bold=True)
        return super().cell_data(row, column, role)


class SupportNotesModel(RowsModel[FamilyNote]):
    """Support notes, newest first; a restricted note shows who wrote it and when, not what."""

    NOTE_COLUMN = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((self.tr("Date"), self.tr("About"), self.tr("Written by"), self.tr("Visibility"),
                          self.tr("Note")), self._texts, parent, text_roles=DISPLAY_AND_ACCESSIBLE)
        self._about: dict[int, str] = {}

    def set_record(self, record: FamilyRecord) -> None:
        self._about = {m.id: member_name(m) for m in record.members}
        self.set_rows(record.notes)

    def notes(self) -> tuple[FamilyNote, ...]:
        return self.rows()

    def note(self, row: int) -> FamilyNote | None:
        return self.row_if_any(row)

    def row_of(self, note_id: int) -> int:
        return self.row_where(lambda n: n.id == note_id)

    def about(self, note: FamilyNote) -> str:
        if note.family_member_id is None:
            return self.tr("The whole family")
        return self._about.get(note.family_member_id, "")

    def visibility(self, note: FamilyNote) -> str:
        if note.restricted:
            return self.tr("Restricted")
        return self.tr("Sensitive") if note.sensitive else self.tr("Team")

    def _texts(self, note: FamilyNote) -> tuple[str, ...]:
        text = self.tr("Restricted: not shown to you") if note.text is None else _preview(note.text)
        return (show_date(note.note_date), self.about(note), note.author_name, self.visibility(note), text)

    def cell_data(self, row: FamilyNote, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and row.restricted and column in (3, self.NOTE_COLUMN):
            return styled_font(italic=True)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NOTE_COLUMN and row.text is not None:
            return row.text[:1000]
        return super().cell_data(row, column, role)


def _table(model: QAbstractTableModel, parent: QWidget, name: str) -> QTableView:
    view = row_table(model, parent, name)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setMinimumHeight(view.verticalHeader().defaultSectionSize() * 4 + view.horizontalHeader().sizeHint().height())
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


# --- dialogs ---------------------------------------------------------------------------------------------


def _form_row_visible(form: Form, key: str, visible: bool) -> None:
    """Show or hide one field of ``form`` together with its caption."""
    widget = form.field(key)
    widget.setVisible(visible)
    for label in form.findChildren(QLabel):
        if label.buddy() is widget:
            label.setVisible(visible)


def _check_field(form: Form, key: str, caption: str, box: QCheckBox) -> None:
    """Add a check box under a caption; it keeps its own text as its accessible name."""
    form.add_field(key, caption, box)
    box.setAccessibleName(plain_label(box.text()))


class MemberDialog(FormDialog):
    """Add a family member or child of the client, or change one (``member`` given)."""

    def __init__(self, session: Session, client_id: int, member: FamilyMember | None = None, *,
                 child: bool = False, parent: QWidget | None = None) -> None:
        if member is not None:
            title, ok = self.tr("Change a family member"), self.tr("Save")
        elif child:
            title, ok = self.tr("Add a child"), self.tr("Add child")
        else:
            title, ok = self.tr("Add a family member"), self.tr("Add member")
        super().__init__(parent, session.runner, title, ok)
        self.setMinimumWidth(620)
        self.session, self.client_id, self.member_id = session, client_id, member.id if member else None
        self.relationship = CodeCombo(FAMILY_RELATIONSHIP, self)
        self.first_name = QLineEdit(self)
        self.birth_year = WholeNumberEdit(self, digits=4)
        self.lives_with_client = QCheckBox(self.tr("&Lives with the client"), self)
        self.is_child = QCheckBox(self.tr("A &child the client brings up (e.g. a partner's child, a grandchild)"),
                                  self)
        self.carer = CodeCombo(CHILD_CARER, self)
        self.school = QLineEdit(self)
        self.needs = text_box(self, 3)
        self.safeguarding = QCheckBox(self.tr("There is a safeguarding c&oncern"), self)
        self.referral = text_box(self, 2)
        f = self.form
        f.add_field("relationship", self.tr("&Relationship:"), self.relationship)
        f.add_field("first_name", self.tr("&First name:"), self.first_name,
                    self.tr("First name only; family members have no record of their own."))
        f.add_field("birth_year", self.tr("&Birth year:"), self.birth_year, self.tr("For example 2015; may be "
                                                                                  "left empty."))
        _check_field(f, "lives_with_client", self.tr("Household:"), self.lives_with_client)
        _check_field(f, "is_child", self.tr("Child:"), self.is_child)
        f.add_field("carer", self.tr("Mainly cared for b&y:"), self.carer)
        f.add_field("school", self.tr("&School:"), self.school)
        f.add_field("needs", self.tr("&Needs:"), self.needs, self.tr("Health, schooling, care or support needs."))
        _check_field(f, "safeguarding_concern", self.tr("Safeguarding:"), self.safeguarding)
        f.add_field("referral_made", self.tr("Referral &made:"), self.referral,
                    self.tr("To which service, when, and what happened."))
        if member is not None:
            self.relationship.set_code(member.relationship)
            self.first_name.setText(member.first_name)
            self.birth_year.set_number(member.birth_year)
            self.lives_with_client.setChecked(member.lives_with_client)
            self.is_child.setChecked(member.is_child)
            self.carer.set_code(member.carer)
            self.school.setText(member.school)
            self.needs.setPlainText(member.needs)
            self.safeguarding.setChecked(member.safeguarding_concern)
            self.referral.setPlainText(member.referral_made)
        elif child:
            self.relationship.set_code(CHILD)
            self.carer.set_code(NOT_KNOWN)
        else:
            self.carer.set_code(NOT_KNOWN)
        clear_messages_on_edit(f, "relationship", "first_name", "birth_year", "is_child", "carer", "school", "needs",
                               "referral_made")
        self.relationship.code_changed.connect(lambda _code: self._show_child_fields())
        self.is_child.toggled.connect(lambda _on: self._show_child_fields())
        self._show_child_fields()
        (self.first_name if child else self.relationship).setFocus(Qt.FocusReason.OtherFocusReason)

    def child(self) -> bool:
        """Whether the member is recorded as a child (a son or daughter, or marked as one)."""
        return self.relationship.code() == CHILD or self.is_child.isChecked()

    def _show_child_fields(self) -> None:
        _form_row_visible(self.form, "is_child", self.relationship.code() != CHILD)
        for key in ("carer", "school"):
            _form_row_visible(self.form, key, self.child())
        fit_height(self)

    def task(self) -> Callable[[], FamilyMember]:
        child = self.child()
        values: dict[str, Any] = {
            "is_child": None if self.relationship.code() == CHILD else self.is_child.isChecked(),
            "birth_year": self.birth_year.value(),
            "lives_with_client": self.lives_with_client.isChecked(),
            "carer": self.carer.code() if child else NOT_KNOWN,
            "school": self.school.text() if child else "",
            "needs": self.needs.toPlainText(),
            "safeguarding_concern": self.safeguarding.isChecked(),
            "referral_made": self.referral.toPlainText(),
        }
        if self.member_id is None:
            return self.session.call(family.add_member, self.client_id, self.relationship.code(),
                                     self.first_name.text(), **values)
        return self.session.call(family.update_member, self.member_id, self.relationship.code(),
                                 self.first_name.text(), **values)


class NoteDialog(FormDialog):
    """Write a family or child support note (about one member or the whole family)."""

    def __init__(self, session: Session, client_id: int, members: tuple[FamilyMember, ...],
                 about: FamilyMember | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, session.runner, self.tr("Add a support note"), self.tr("Add note"),
                         self.tr("A support note cannot be changed once it is added: read it through first."))
        self.setMinimumWidth(640)
        self.session, self.client_id = session, client_id
        self.note_date = OptionalDateEdit(self, maximum=date.today())
        self.note_date.set_date(date.today())
        self.about = QComboBox(self)
        self.about.addItem(self.tr("The whole family"), None)
        for member in members:
            self.about.addItem(member_name(member), member.id)
        if about is not None:
            self.about.setCurrentIndex(max(0, self.about.findData(about.id)))
        self.sensitive = QCheckBox(self.tr("&Sensitive: only the client's assigned counsellor and administrators "
                                           "may read it"), self)
        self.text = text_box(self, 7)
        self.text.setPlaceholderText(self.tr("What was discussed or done, what was agreed, what comes next…"))
        self.form.add_field("note_date", self.tr("&Date:"), self.note_date)
        self.form.add_field("family_member_id", self.tr("&About:"), self.about)
        _check_field(self.form, "sensitive", self.tr("Visibility:"), self.sensitive)
        self.form.add_field("text", self.tr("&Note:"), self.text)
        clear_messages_on_edit(self.form, "note_date", "family_member_id", "text")
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def task(self) -> Callable[[], FamilyNote]:
        return self.session.call(family.add_note, self.client_id, self.note_date.value(), self.text.toPlainText(),
                                 self.sensitive.isChecked(), self.about.currentData())


# --- the tab ----------------------------------------------------------------------------------------------


class FamilyTab(RecordTab):
    key = "family"
    title = str(QT_TRANSLATE_NOOP("ClientRecord", "Family and children"))

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.record: FamilyRecord | None = None
        self.status = message_label("hint", self)
        self.status.setObjectName("familyStatus")
        self.concern_banner = message_label("error", self)
        self.concern_banner.setObjectName("safeguardingBanner")
        bold = self.concern_banner.font()
        bold.setBold(True)
        self.concern_banner.setFont(bold)

        # --- members --------------------------------------------------------------------------
        members_box = QGroupBox(self.tr("Family members and children"), self)
        self.members_model = MembersModel(self)
        self.members = _table(self.members_model, members_box, self.tr("Family members and children"))
        self.members.activated.connect(lambda _index: self.edit_member())
        self.members.selectionModel().currentRowChanged.connect(lambda *_: self._member_chosen())
        members_label = QLabel(self.tr("&Members:"), members_box)
        members_label.setBuddy(self.members)
        self.member_details = QLabel(members_box)
        self.member_details.setObjectName("memberDetails")
        self.member_details.setWordWrap(True)
        self.member_details.setTextFormat(Qt.TextFormat.PlainText)
        self.member_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_member_button = QPushButton(self.tr("&Add family member…"), members_box)
        self.add_child_button = QPushButton(self.tr("Add chil&d…"), members_box)
        self.edit_button = QPushButton(self.tr("&Edit…"), members_box)
        self.add_member_button.clicked.connect(lambda: self.open_member_dialog(child=False))
        self.add_child_button.clicked.connect(lambda: self.open_member_dialog(child=True))
        self.edit_button.clicked.connect(self.edit_member)
        member_buttons = QHBoxLayout()
        for button in (self.add_member_button, self.add_child_button, self.edit_button):
            member_buttons.addWidget(button)
        member_buttons.addStretch(1)
        members_layout = QVBoxLayout(members_box)
        members_layout.addWidget(members_label)
        members_layout.addWidget(self.members, 1)
        members_layout.addWidget(self.member_details)
        members_layout.addLayout(member_buttons)

        # --- notes ------------------------------------------------------------------------------
        notes_box = QGroupBox(self.tr("Family and child support notes"), self)
        notes_hint = QLabel(self.tr("Sensitive notes are read only by the client's assigned counsellor and "
                                    "administrators; others see that the note exists."), notes_box)
        notes_hint.setWordWrap(True)
        notes_hint.setProperty("kind", "hint")
        self.notes_model = SupportNotesModel(self)
        self.notes = _table(self.notes_model, notes_box, self.tr("Support notes"))
        self.notes.selectionModel().currentRowChanged.connect(lambda *_: self._note_chosen())
        notes_label = QLabel(self.tr("Support note&s:"), notes_box)
        notes_label.setBuddy(self.notes)
        self.note_text = QPlainTextEdit(notes_box)
        self.note_text.setReadOnly(True)
        self.note_text.setTabChangesFocus(True)
        self.note_text.setMaximumHeight(self.note_text.fontMetrics().lineSpacing() * 5 + 14)
        note_text_label = QLabel(self.tr("&Text of the selected note:"), notes_box)
        note_text_label.setBuddy(self.note_text)
        self.note_text.setAccessibleName(plain_label(note_text_label.text()))
        self.add_note_button = QPushButton(self.tr("Add support n&ote…"), notes_box)
        self.add_note_button.clicked.connect(self.open_note_dialog)
        note_buttons = QHBoxLayout()
        note_buttons.addWidget(self.add_note_button)
        note_buttons.addStretch(1)
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.addWidget(notes_hint)
        notes_layout.addWidget(notes_label)
        notes_layout.addWidget(self.notes, 1)
        notes_layout.addWidget(note_text_label)
        notes_layout.addWidget(self.note_text)
        notes_layout.addLayout(note_buttons)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(members_box)
        splitter.addWidget(notes_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.concern_banner)
        layout.addWidget(splitter, 1)
        self._show(None)

    # --- loading ----------------------------------------------------------------------------------
    def load(self, client_id: int) -> None:
        super().load(client_id)
        self._show(None)
        set_message(self.status, self.tr("Loading…"), "hint")
        self._reload()

    def _reload(self, select_member: int | None = None, select_note: int | None = None) -> None:
        assert self.client_id is not None
        self.session.runner.run_db(self.session.call(family.family_record, self.client_id),
                                   functools.partial(self._loaded, self.client_id, select_member, select_note),
                                   functools.partial(self._failed, self.client_id))

    def _loaded(self, client_id: int, select_member: int | None, select_note: int | None,
                record: FamilyRecord) -> None:
        if client_id != self.client_id:
            return  # another client was opened meanwhile
        set_message(self.status, "")
        self._show(record)
        _select_row(self.members, self.members_model.row_of(select_member) if select_member is not None else 0)
        _select_row(self.notes, self.notes_model.row_of(select_note) if select_note is not None else 0)

    def _failed(self, client_id: int, exc: ContinuumError) -> None:
        if client_id == self.client_id:
            text = (self.tr("The family record could not be loaded.") if isinstance(exc, UnexpectedError)
                    else error_text(exc))
            set_message(self.status, text, "error")

    # --- showing ----------------------------------------------------------------------------------
    def _show(self, record: FamilyRecord | None) -> None:
        self.record = record
        self.members_model.set_members(record.members if record else ())
        self.notes_model.set_record(record or FamilyRecord(0, (), ()))
        concerns = [m for m in record.members if m.safeguarding_concern] if record else []
        set_message(self.concern_banner, self.tr("⚠ Safeguarding concern recorded for {who}.").format(
            who=", ".join(member_name(m) for m in concerns)) if concerns else "")
        for button in (self.add_member_button, self.add_child_button, self.add_note_button):
            button.setEnabled(record is not None)
        self._member_chosen()
        self._note_chosen()

    def current_member(self) -> FamilyMember | None:
        return self.members_model.member(self.members.currentIndex().row())

    def current_note(self) -> FamilyNote | None:
        return self.notes_model.note(self.notes.currentIndex().row())

    def _member_chosen(self) -> None:
        member = self.current_member()
        self.edit_button.setEnabled(member is not None)
        if member is None:
            self.member_details.setText(self.tr("No family members recorded yet.") if self.record is not None
                                        and not self.record.members else "")
            return
        parts = [self.tr("Needs: {needs}").format(needs=member.needs.strip() or self.tr("none recorded")),
                 self.tr("Referral made: {referral}").format(referral=member.referral_made.strip()
                                                             or self.tr("none recorded"))]
        if member.safeguarding_concern:
            parts.insert(0, self.tr("⚠ Safeguarding concern."))
        self.member_details.setText("\n".join(parts))

    def _note_chosen(self) -> None:
        note = self.current_note()
        if note is None:
            self.note_text.setPlainText(self.tr("No support notes yet.") if self.record is not None
                                        and not self.record.notes else "")
        elif note.text is None:
            self.note_text.setPlainText(self.tr("This note is marked sensitive. Only the client's assigned "
                                                "counsellor and administrators can read it."))
        else:
            self.note_text.setPlainText(note.text)

    # --- actions ------------------------------------------------------------------------------------
    def open_member_dialog(self, member: FamilyMember | None = None, *, child: bool = False) -> MemberDialog | None:
        if self.client_id is None or self.record is None:
            return None
        dialog = MemberDialog(self.session, self.client_id, member, child=child, parent=self)
        dialog.succeeded.connect(self._member_saved)
        dialog.open()
        fit_height(dialog)
        return dialog

    def edit_member(self) -> MemberDialog | None:
        member = self.current_member()
        return self.open_member_dialog(member) if member is not None else None

    def _member_saved(self, member: FamilyMember) -> None:
        self._reload(select_member=member.id)
        self.record_changed.emit()
        self.members.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_note_dialog(self) -> NoteDialog | None:
        if self.client_id is None or self.record is None:
            return None
        dialog = NoteDialog(self.session, self.client_id, self.record.members, self.current_member(), self)
        dialog.succeeded.connect(self._note_saved)
        dialog.open()
        fit_height(dialog)
        return dialog

    def _note_saved(self, note: FamilyNote) -> None:
        self._reload(select_note=note.id)
        self.notes.setFocus(Qt.FocusReason.OtherFocusReason)


def _select_row(view: QTableView, row: int) -> None:
    """Make ``row`` the current, selected row (nothing happens for a row that does not exist)."""
    if 0 <= row < view.model().rowCount():
        view.selectionModel().setCurrentIndex(
            view.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
