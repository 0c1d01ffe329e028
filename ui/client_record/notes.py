"""The Notes tab: a client's progress notes as a timeline; writing, signing and amending them.

The upper half lists the client's signed notes and the user's own drafts, newest first
(:func:`clinic_app.services.notes.timeline`).  The lower half is either the **editor**
(date, type, text of the draft being written) or the **viewer** of a signed note, which is
read-only and links to the note it amends and to the notes amending it.  "Amend" opens a
new draft linked to the signed note; signing is the only way a draft enters the record.

Decisions
---------
* **Saved as typed.**  Every change restarts a timer (:data:`AUTOSAVE_MS`, 1 s); when it
  fires, the draft goes to ``notes.save_draft`` on the database thread.  The draft is also
  saved at once when the text loses focus, when the tab is hidden (switching tabs, the idle
  lock hiding the window's content, closing a window) and when the window receives its
  close event: an event filter sees it before the main window queues the closing of the
  workspace, so the save is queued first.  A crash, a lock or a closed window loses at most
  the last second of typing.
* :meth:`NotesTab.has_unsaved_changes` is True only while a change has not reached the
  database: typed and waiting for the timer, or on its way.  Ctrl+S (:meth:`NotesTab.save`)
  saves at once.
* **One save at a time per draft.**  A new draft's id is only known once its first save
  returns, so a draft never has two saves in flight (a second one would create a second
  draft); changes typed meanwhile are sent when the first save answers.  Each draft being
  edited is a :class:`_Draft`; opening another draft or starting a new note detaches the
  current one, which finishes its own saves.
* **Drafts come back.**  On load, the user's unsigned drafts of this client (the timeline
  includes them) are listed, and the most recently saved one is opened in the editor.
  ``notes.my_drafts`` is not called here: it lists drafts of every client and would audit
  a read of each of those clients' notes although only this client was opened.
* Signing asks for confirmation, saves what was typed, then signs; the editor is disabled
  while it runs.  Signing or discarding a draft reloads the timeline.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QDate,
    QEvent,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
    QTime,
    QTimer,
)
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_app.codes import NOTE_TYPE
from clinic_app.errors import ContinuumError
from clinic_app.services import notes
from clinic_app.services.notes import DRAFT, Note
from ui.client_record.tab import RecordTab
from ui.clients.display import code_label, show_date
from ui.dialogs import confirm
from ui.forms import Form, heading, message_label, set_message
from ui.session import Session
from ui.table_model import RowsModel, styled_font
from ui.widgets.code_combo import CodeCombo
from ui.widgets.form_set import FormSet


AUTOSAVE_MS = 1_000
"""How long after the last keystroke a draft is saved."""

DEFAULT_TYPE = "individual"
PREVIEW_CHARS = 80


def _moment_text(moment: datetime) -> str:
    local = moment.astimezone()
    return f"{show_date(local.date())} {QLocale().toString(QTime(local.hour, local.minute), 'HH:mm')}"


class NotesModel(RowsModel[Note]):
    """The timeline: one note per row (date, type, author, status, start of the text)."""

    NOTE_COLUMN = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((self.tr("Date"), self.tr("Type"), self.tr("Author"), self.tr("Status"), self.tr("Note")),
                         self._texts, parent, text_roles=(Qt.ItemDataRole.DisplayRole,))

    def set_notes(self, notes_: tuple[Note, ...]) -> None:
        self.set_rows(notes_)

    def notes(self) -> tuple[Note, ...]:
        return self.rows()

    def note(self, row: int) -> Note:
        return self.row(row)

    def find(self, note_id: int | None) -> Note | None:
        return next((n for n in self.rows() if n.id == note_id), None)

    def row_of(self, note_id: int | None) -> int:
        return self.row_where(lambda n: n.id == note_id)

    def update_draft(self, note_id: int, note_date: date, note_type: str, text: str) -> None:
        """Show what was just saved in a draft's row (without reading the timeline again)."""
        row = self.row_of(note_id)
        if row < 0:
            return
        new = dataclasses.replace(self.row(row), note_date=note_date, note_type=note_type, text=text)
        self._rows = (*self._rows[:row], new, *self._rows[row + 1:])
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def status_text(self, note: Note) -> str:
        if note.status == DRAFT:
            return self.tr("Draft (amendment)") if note.amends_id else self.tr("Draft")
        if note.amends_id:
            return self.tr("Amendment")
        return self.tr("Signed, amended") if note.amended_by else self.tr("Signed")

    def _texts(self, note: Note) -> tuple[str, ...]:
        first_line = " ".join(note.text.split())
        preview = first_line if len(first_line) <= PREVIEW_CHARS else first_line[: PREVIEW_CHARS - 1] + "…"
        return (
            show_date(note.note_date),
            code_label(NOTE_TYPE, note.note_type),
            note.author_name,
            self.status_text(note),
            preview,
        )

    def cell_data(self, row: Note, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and row.status == DRAFT:
            return styled_font(italic=True)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NOTE_COLUMN:
            return row.text[:1000]
        return super().cell_data(row, column, role)


@dataclass(eq=False)
class _Draft:
    """A draft being edited: its id once saved, and which change of it reached the database.

    ``revision`` counts the changes typed, ``saved`` is the revision the database holds,
    ``sending`` the revision of the save on its way (``None``: no save in flight).
    """

    client_id: int
    amends_id: int | None
    note_id: int | None = None
    values: tuple[date, str, str] | None = None
    revision: int = 0
    saved: int = 0
    sending: int | None = None

    @property
    def dirty(self) -> bool:
        return self.revision != self.saved


class NotesTab(RecordTab):
    key = "notes"
    title = QT_TRANSLATE_NOOP("ClientRecord", "Notes")

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.autosave_ms = AUTOSAVE_MS
        self._draft: _Draft | None = None
        self._detached: list[_Draft] = []
        self._waiters: list[Callable[[bool], object]] = []
        self._filling = False
        self._was_dirty = False
        self._watched_window: QWidget | None = None
        self._viewed: Note | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush_all)

        # --- timeline -------------------------------------------------------------------
        self.model = NotesModel(self)
        self.timeline = QTableView(self)
        self.timeline.setModel(self.model)
        self.timeline.setAccessibleName(self.tr("Timeline of notes"))
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setWordWrap(False)
        self.timeline.verticalHeader().hide()
        header = self.timeline.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.timeline.selectionModel().currentRowChanged.connect(self._row_chosen)
        timeline_label = QLabel(self.tr("&Timeline:"), self)
        timeline_label.setBuddy(self.timeline)
        self.new_button = QPushButton(self.tr("Ne&w note"), self)
        self.new_button.clicked.connect(lambda: self.new_note())

        upper = QWidget(self)
        upper.setMinimumHeight(140)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(timeline_label)
        top.addStretch(1)
        top.addWidget(self.new_button)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.timeline, 1)

        # --- editor ---------------------------------------------------------------------
        self.editor_page = QWidget(self)
        self.editor_title = heading("", self.editor_page, 1.15)
        self.editor_context = QLabel(self.editor_page)
        self.editor_context.setWordWrap(True)
        self.editor_context.setProperty("kind", "hint")
        self.form = FormSet(self.editor_page)
        details = self.form.add_form(Form(self.editor_page))
        body = self.form.add_form(Form(self.editor_page))
        self.note_date = QDateEdit(self.editor_page)
        self.note_date.setCalendarPopup(True)
        self.note_date.setDisplayFormat("yyyy-MM-dd")
        self.note_type = CodeCombo(NOTE_TYPE, self.editor_page)
        self.text = QPlainTextEdit(self.editor_page)
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("What happened, what was agreed, what comes next…"))
        details.add_field("note_date", self.tr("&Date:"), self.note_date)
        details.add_field("note_type", self.tr("T&ype:"), self.note_type)
        body.add_field("text", self.tr("N&ote:"), self.text)
        self.save_status = message_label("hint", self.editor_page)
        self.save_status.setObjectName("saveStatus")
        self.discard_button = QPushButton(self.tr("Disc&ard draft…"), self.editor_page)
        self.sign_button = QPushButton(self.tr("&Sign note…"), self.editor_page)
        self.sign_button.clicked.connect(self._ask_sign)
        self.discard_button.clicked.connect(self._ask_discard)
        self.form.add_action(self.sign_button)
        self.form.add_action(self.discard_button)
        editor_buttons = QHBoxLayout()
        editor_buttons.addWidget(self.save_status, 1)
        editor_buttons.addWidget(self.discard_button)
        editor_buttons.addWidget(self.sign_button)
        editor_layout = QVBoxLayout(self.editor_page)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.editor_title)
        editor_layout.addWidget(self.editor_context)
        details_row = QHBoxLayout()  # date and type as wide as they need, the text as wide as the tab
        details_row.addWidget(details)
        details_row.addStretch(1)
        editor_layout.addLayout(details_row)
        editor_layout.addWidget(body, 1)
        editor_layout.addWidget(self.form.general_error)
        editor_layout.addLayout(editor_buttons)
        self.note_date.dateChanged.connect(self._changed)
        self.note_type.currentIndexChanged.connect(self._changed)
        self.text.textChanged.connect(self._changed)
        self.text.installEventFilter(self)

        # --- viewer ---------------------------------------------------------------------
        self.viewer_page = QWidget(self)
        self.viewer_title = heading("", self.viewer_page, 1.15)
        self.viewer_meta = QLabel(self.viewer_page)
        self.viewer_meta.setWordWrap(True)
        self.viewer_meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.viewer_text = QPlainTextEdit(self.viewer_page)
        self.viewer_text.setReadOnly(True)
        self.viewer_text.setTabChangesFocus(True)
        viewer_text_label = QLabel(self.tr("Si&gned text:"), self.viewer_page)
        viewer_text_label.setBuddy(self.viewer_text)
        self.viewer_text.setAccessibleName(self.tr("Signed text"))
        self.viewer_links = QLabel(self.viewer_page)
        self.viewer_links.setObjectName("noteLinks")
        self.viewer_links.setWordWrap(True)
        self.viewer_links.setTextFormat(Qt.TextFormat.RichText)
        self.viewer_links.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.viewer_links.linkActivated.connect(lambda link: self.select_note(int(link.removeprefix("note:"))))
        self.amend_button = QPushButton(self.tr("A&mend…"), self.viewer_page)
        self.amend_button.setToolTip(self.tr("Write a correction: a new note linked to this one"))
        self.amend_button.clicked.connect(self._amend_viewed)
        viewer_layout = QVBoxLayout(self.viewer_page)
        viewer_layout.setContentsMargins(0, 0, 0, 0)
        viewer_layout.addWidget(self.viewer_title)
        viewer_layout.addWidget(self.viewer_meta)
        viewer_layout.addWidget(viewer_text_label)
        viewer_layout.addWidget(self.viewer_text, 1)
        viewer_layout.addWidget(self.viewer_links)
        viewer_buttons = QHBoxLayout()
        viewer_buttons.addStretch(1)
        viewer_buttons.addWidget(self.amend_button)
        viewer_layout.addLayout(viewer_buttons)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.editor_page)
        self.pages.addWidget(self.viewer_page)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(upper)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.setEnabled(False)

    # --- RecordTab ---------------------------------------------------------------------------
    def load(self, client_id: int) -> None:
        if client_id != self.client_id:
            self._flush_all()
            self._detach()
            self._draft = None
            self.model.set_notes(())
        super().load(client_id)
        self._reload(restore=self._draft is None)

    def has_unsaved_changes(self) -> bool:
        return any(d.dirty for d in self._all_drafts())

    def save(self, on_done: Callable[[bool], object]) -> None:
        self._waiters.append(on_done)
        self._flush_all()

    def discard_changes(self) -> None:
        self._timer.stop()
        for d in self._all_drafts():
            # a save on its way still arrives; what was typed after it is forgotten
            d.revision = d.sending if d.sending is not None else d.saved
        self._detached = [d for d in self._detached if d.sending is not None]
        self._dirty_may_have_changed()

    # --- loading -----------------------------------------------------------------------------
    def _reload(self, restore: bool = False, select: int | None = None) -> None:
        assert self.client_id is not None
        self.session.runner.run_db(self.session.call(notes.timeline, self.client_id),
                                   functools.partial(self._loaded, self.client_id, restore, select))

    def _loaded(self, client_id: int, restore: bool, select: int | None, timeline: tuple[Note, ...]) -> None:
        if client_id != self.client_id:
            return  # another client was opened meanwhile
        self.setEnabled(True)
        self.model.set_notes(timeline)
        if restore:
            mine = sorted((n for n in timeline if n.status == DRAFT and n.author_id == self.session.actor.user_id),
                          key=lambda n: n.updated_at, reverse=True)
            if mine:
                self._open_draft(mine[0])
            else:
                self.new_note()
        if select is not None:
            self.select_note(select)
        else:
            self._mark_current_row()

    def _mark_current_row(self) -> None:
        """Select the row of what the lower half shows, without reacting to it."""
        shown = self._viewed.id if self.pages.currentWidget() is self.viewer_page and self._viewed else (
            self._draft.note_id if self._draft else None)
        row = self.model.row_of(shown)
        selection = self.timeline.selectionModel()
        selection.blockSignals(True)
        if row < 0:
            selection.clearSelection()
            selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
        else:
            selection.setCurrentIndex(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
        selection.blockSignals(False)

    # --- choosing what to show ---------------------------------------------------------------
    def select_note(self, note_id: int) -> None:
        """Show the note ``note_id`` (a signed note in the viewer, a draft in the editor)."""
        row = self.model.row_of(note_id)
        if row >= 0:
            self.timeline.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        note = self.model.note(current.row())
        if note.status == DRAFT:
            self._open_draft(note)
        else:
            self._show_signed(note)

    def _show_signed(self, note: Note) -> None:
        self._flush_all()
        self._viewed = note
        self.viewer_title.setText(self.tr("{type} of {date}").format(
            type=code_label(NOTE_TYPE, note.note_type), date=show_date(note.note_date)))
        signed = _moment_text(note.signed_at) if note.signed_at else ""
        self.viewer_meta.setText(self.tr("Written by {author}; signed {when}. A signed note is never changed: "
                                         "corrections are amendments.").format(author=note.author_name, when=signed))
        self.viewer_text.setPlainText(note.text)
        self.viewer_links.setText(self._links_html(note))
        self.viewer_links.setVisible(bool(self.viewer_links.text()))
        self.pages.setCurrentWidget(self.viewer_page)

    def _note_link(self, note_id: int) -> str:
        other = self.model.find(note_id)
        if other is None:
            return ""
        text = self.tr("{type} of {date} by {author}").format(
            type=code_label(NOTE_TYPE, other.note_type), date=show_date(other.note_date), author=other.author_name)
        if other.status == DRAFT:
            text = self.tr("{note} (your draft)").format(note=text)
        return f'<a href="note:{other.id}">{_escape(text)}</a>'

    def _links_html(self, note: Note) -> str:
        parts = []
        if note.amends_id is not None:
            parts.append(self.tr("This note amends: {link}").format(link=self._note_link(note.amends_id)))
        amending = [link for link in (self._note_link(i) for i in note.amended_by) if link]
        if amending:
            parts.append(self.tr("Amended by: {links}").format(links=", ".join(amending)))
        return "<br>".join(parts)

    # --- the editor ---------------------------------------------------------------------------
    def new_note(self, amends: Note | None = None) -> None:
        """Start a new draft in the editor (an amendment of ``amends`` if given)."""
        assert self.client_id is not None
        self._detach()
        self._draft = _Draft(self.client_id, amends.id if amends else None)
        self._fill(date.today(), amends.note_type if amends else DEFAULT_TYPE, "")
        self._show_editor()
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_draft(self, note: Note) -> None:
        if self._draft is not None and self._draft.note_id == note.id:
            self._show_editor()
            return
        saving = next((d for d in self._detached if d.note_id == note.id), None)
        self._detach()
        if saving is not None:  # back to a draft whose latest text is still on its way
            self._detached.remove(saving)
            self._draft = saving
        else:
            self._draft = _Draft(note.client_id, note.amends_id, note.id)
        self._fill(*(self._draft.values or (note.note_date, note.note_type, note.text)))
        self._show_editor()

    def _fill(self, note_date: date, note_type: str, text: str) -> None:
        self._filling = True
        self.note_date.setMaximumDate(QDate.currentDate())
        self.note_date.setDate(QDate(note_date.year, note_date.month, note_date.day))
        self.note_type.set_code(note_type)
        self.text.setPlainText(text)
        self._filling = False
        self.form.clear_errors()
        set_message(self.save_status, "")

    def _show_editor(self) -> None:
        draft = self._draft
        assert draft is not None
        self._viewed = None
        if draft.amends_id is not None:
            self.editor_title.setText(self.tr("Amendment"))
            amended = self.model.find(draft.amends_id)
            self.editor_context.setText(self.tr("Corrects the {type} of {date} by {author}. The original note stays "
                                                "as it was signed; this amendment is linked to it.").format(
                type=code_label(NOTE_TYPE, amended.note_type) if amended else "",
                date=show_date(amended.note_date) if amended else "",
                author=amended.author_name if amended else ""))
        else:
            self.editor_title.setText(self.tr("Draft note") if draft.note_id else self.tr("New note"))
            self.editor_context.setText(self.tr("Saved as you type; only you see a draft until you sign it."))
        self.pages.setCurrentWidget(self.editor_page)
        self._mark_current_row()

    def _editor_values(self) -> tuple[date, str, str]:
        return self.note_date.date().toPython(), self.note_type.code(), self.text.toPlainText()

    def _changed(self) -> None:
        if self._filling or self._draft is None:
            return
        self._draft.values = self._editor_values()
        self._draft.revision += 1
        self._timer.start(self.autosave_ms)
        if self._draft.sending is None:
            set_message(self.save_status, self.tr("Not saved yet…"), "hint")
        self._dirty_may_have_changed()

    def _detach(self) -> None:
        """Let the current draft finish saving on its own (another note takes the editor)."""
        draft, self._draft = self._draft, None
        if draft is not None and (draft.dirty or draft.sending is not None):
            self._detached.append(draft)
            self._flush(draft)

    def _all_drafts(self) -> list[_Draft]:
        return ([self._draft] if self._draft is not None else []) + self._detached

    # --- saving ---------------------------------------------------------------------------------
    def _flush_all(self) -> None:
        self._timer.stop()
        for draft in self._all_drafts():
            self._flush(draft)
        self._settle_waiters()

    def _flush(self, draft: _Draft) -> None:
        if draft.sending is not None or not draft.dirty or draft.values is None:
            return
        draft.sending = draft.revision
        note_date, note_type, text = draft.values
        if draft is self._draft:
            set_message(self.save_status, self.tr("Saving…"), "hint")
        job = self.session.call(notes.save_draft, draft.note_id, draft.client_id, note_date, note_type, text,
                                None, draft.amends_id)
        self.session.runner.run_db(job, functools.partial(self._saved, draft),
                                   functools.partial(self._save_failed, draft))

    def _saved(self, draft: _Draft, note_id: int) -> None:
        created = draft.note_id is None
        draft.note_id = note_id
        draft.saved = draft.sending if draft.sending is not None else draft.saved
        draft.sending = None
        current = draft is self._draft
        if current:
            self.form.clear_errors()
            if not draft.dirty:
                set_message(self.save_status, self.tr("Draft saved at {time}.").format(
                    time=QLocale().toString(QTime.currentTime(), "HH:mm")), "ok")
        if draft.values is not None:
            self.model.update_draft(note_id, *draft.values)
        if draft.dirty and (not current or self._waiters or not self._timer.isActive()):
            self._flush(draft)
        if not draft.dirty and draft.sending is None and draft in self._detached:
            self._detached.remove(draft)
        if created and self.client_id == draft.client_id:
            if current:
                self.editor_title.setText(self.tr("Amendment") if draft.amends_id else self.tr("Draft note"))
            self._reload()
        self._dirty_may_have_changed()
        self._settle_waiters()

    def _save_failed(self, draft: _Draft, exc: ContinuumError) -> None:
        draft.sending = None
        if draft is self._draft:
            self.form.show_error(exc)
            set_message(self.save_status, self.tr("Not saved: correct what is marked above."), "error")
        else:
            self.session.runner.show_error(exc)
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            waiter(False)

    def _settle_waiters(self) -> None:
        """Answer the callers of :meth:`save` once nothing is waiting to be saved."""
        if self.has_unsaved_changes() or not self._waiters:
            return
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            waiter(True)

    def _dirty_may_have_changed(self) -> None:
        dirty = self.has_unsaved_changes()
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.dirty_changed.emit(dirty)

    # --- signing, discarding, amending --------------------------------------------------------
    def _ask_sign(self) -> None:
        if not self.text.toPlainText().strip():
            self.form.show_errors({"text": self.tr("Write the note before signing it.")})
            return
        confirm(self, self.tr("Sign this note"),
                self.tr("A signed note becomes part of the client's record and can no longer be changed; "
                        "a correction is made with an amendment. Sign it now?"),
                self.tr("Sign"), self.sign)

    def sign(self) -> None:
        """Save what was typed, then sign the draft in the editor."""
        draft = self._draft
        if draft is None:
            return
        self.form.set_busy(True)
        self.save(lambda ok: self._sign_saved(draft, ok))

    def _sign_saved(self, draft: _Draft, ok: bool) -> None:
        if draft is not self._draft:
            self.form.set_busy(False)
            return
        if not ok or draft.note_id is None:
            self.form.set_busy(False)
            if ok:
                self.form.show_errors({"text": self.tr("Write the note before signing it.")})
            return
        self.session.runner.run_db(self.session.call(notes.sign_note, draft.note_id), self._signed, self._sign_failed)

    def _sign_failed(self, exc: ContinuumError) -> None:
        self.form.set_busy(False)
        self.form.show_error(exc)

    def _signed(self, note: Note) -> None:
        self.form.set_busy(False)
        self._draft = None
        self.new_note()
        self._viewed = note
        self.pages.setCurrentWidget(self.viewer_page)
        self._reload(select=note.id)
        self.record_changed.emit()

    def _ask_discard(self) -> None:
        confirm(self, self.tr("Discard this draft"),
                self.tr("The draft will be deleted and cannot be recovered. Discard it?"),
                self.tr("Discard"), self.discard_draft)

    def discard_draft(self) -> None:
        """Delete the draft in the editor (once any save on its way has arrived)."""
        draft = self._draft
        if draft is None:
            return
        self.form.set_busy(True)
        self.save(lambda ok: self._discard_saved(draft, ok))

    def _discard_saved(self, draft: _Draft, ok: bool) -> None:
        if not ok or draft is not self._draft or draft.note_id is None:
            self.form.set_busy(False)
            if ok and draft is self._draft:
                self.new_note()
            return
        self.session.runner.run_db(self.session.call(notes.discard_draft, draft.note_id),
                                   lambda _none: self._discarded(), self._sign_failed)

    def _discarded(self) -> None:
        self.form.set_busy(False)
        self._draft = None
        self.new_note()
        self._reload()

    def _amend_viewed(self) -> None:
        note = self._viewed
        if note is None:
            return
        existing = next((n for n in self.model.notes() if n.status == DRAFT and n.amends_id == note.id
                         and n.author_id == self.session.actor.user_id), None)
        if existing is not None:
            self.select_note(existing.id)
        else:
            self.new_note(amends=note)

    # --- when to save at once -------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusOut, QEvent.Type.Close):
            self._flush_all()
        return False

    def showEvent(self, event: QShowEvent) -> None:
        window = self.window()
        if window is not self and window is not self._watched_window:
            if self._watched_window is not None:
                self._watched_window.removeEventFilter(self)
            window.installEventFilter(self)
            self._watched_window = window
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._flush_all()
        super().hideEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
