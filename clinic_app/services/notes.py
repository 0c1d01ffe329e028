"""Progress notes: drafts saved as they are typed, signed notes never changed, amendments linked.

A note has a date, a type (:data:`clinic_app.codes.NOTE_TYPE`), an author and its text.
It starts as a **draft** that only its author sees and edits; the GUI calls
:func:`save_draft` again and again while the counsellor types (and on idle lock), so nothing
typed is lost.  :func:`sign_note` makes it part of the record: from then on it is never
changed.  A correction is an **amendment**: a new note whose ``amends_id`` points at the
signed note it corrects (:func:`save_draft` with ``amends_id``), signed in its turn.

Decisions
---------
* **Cheap autosave.**  :func:`save_draft` returns only the note's id and does no reading
  beyond the rows it checks.  It is audited sparingly: ``note.draft_created`` when the draft
  is first saved, then ``note.draft_saved`` only when a draft is taken up again after
  :data:`EDIT_SESSION_GAP` without saves (the next day, after a crash), never per keystroke.
  The text itself is what is signed, and ``note.signed`` is always audited.
* Drafts are private to their author: only the author saves, signs, reads or discards them,
  not even an administrator (a draft is not yet part of the record).  Changing someone
  else's draft raises ``PermissionDenied``; reading it, ``NotFound``.  :func:`my_drafts` lists
  the acting user's drafts so the GUI can reopen them after a crash or lock.
* A client's :func:`timeline` holds signed notes plus the acting user's own drafts, newest
  first (note date, then creation); each note lists the ids of the notes amending it.
* Signing needs text that is not blank and a note date that is not in the future.  The link
  of an amendment is fixed when the draft is first saved and cannot change; only signed
  notes of the same client can be amended.
* A draft may be discarded by its author (``note.draft_discarded``); signed notes are never
  removed.
* Counsellors and administrators write notes for any client; statistics staff nothing.
  Reads are audited as ``notes.read`` with the client's id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, or_, select

from clinic_app.codes import NOTE_TYPE
from clinic_app.db.models import ProgressNote as NoteRow
from clinic_app.db.models import User
from clinic_app.db.types import utcnow
from clinic_app.errors import NotFound, PermissionDenied, ValidationError
from clinic_app.services import audit
from clinic_app.services.assessments import check_episode
from clinic_app.services.auth import Actor
from clinic_app.services.common import Checker, load_client, require_records
from clinic_app.uow import UnitOfWork

DRAFT = "draft"
SIGNED = "signed"

TEXT_MAX = 100_000
EDIT_SESSION_GAP = timedelta(minutes=30)
"""A draft saved again after this long without saves starts a new, audited editing session."""


@dataclass(frozen=True)
class Note:
    id: int
    client_id: int
    episode_id: int | None
    note_date: date
    note_type: str
    author_id: int
    author_name: str
    text: str
    status: str
    signed_at: datetime | None
    amends_id: int | None
    #: ids of the notes that amend this one, oldest first
    amended_by: tuple[int, ...]
    created_at: datetime
    updated_at: datetime


def _author_names(uow: UnitOfWork, ids: set[int]) -> dict[int, str]:
    rows = uow.session.execute(select(User.id, User.full_name, User.name).where(User.id.in_(ids))).all()
    return {uid: full or name for uid, full, name in rows}


def _visible(actor: Actor) -> ColumnElement[bool]:
    """SQL condition: signed notes, and the actor's own drafts."""
    return or_(NoteRow.status == SIGNED, NoteRow.author_id == actor.user_id)


def _views(uow: UnitOfWork, actor: Actor, rows: list[NoteRow]) -> tuple[Note, ...]:
    ids = [r.id for r in rows]
    amendments: dict[int | None, list[int]] = {}
    if ids:
        for amending_id, amended_id in uow.session.execute(
            select(NoteRow.id, NoteRow.amends_id)
            .where(NoteRow.amends_id.in_(ids), _visible(actor)).order_by(NoteRow.id)
        ):
            amendments.setdefault(amended_id, []).append(amending_id)
    names = _author_names(uow, {r.author_id for r in rows})
    return tuple(
        Note(r.id, r.client_id, r.episode_id, r.note_date, r.note_type, r.author_id, names.get(r.author_id, ""),
             r.text, r.status, r.signed_at, r.amends_id, tuple(amendments.get(r.id, ())), r.created_at, r.updated_at)
        for r in rows
    )


def _readable(uow: UnitOfWork, actor: Actor, note_id: int) -> NoteRow:
    """A signed note or one of the actor's drafts; other people's drafts do not exist for them."""
    note = uow.session.get(NoteRow, note_id)
    if note is None or (note.status == DRAFT and note.author_id != actor.user_id):
        raise NotFound("This note does not exist, or it is another person's unsigned draft.")
    return note


def _own_draft(uow: UnitOfWork, actor: Actor, note_id: int) -> NoteRow:
    note = uow.session.get(NoteRow, note_id)
    if note is None:
        raise NotFound("This note does not exist.")
    if note.status == DRAFT and note.author_id != actor.user_id:
        raise PermissionDenied("Only its author can change, sign or discard a draft note.")
    if note.status != DRAFT:
        raise ValidationError({"note_id": "This note is signed and can no longer be changed; write an amendment."})
    return note


def _check_amends(uow: UnitOfWork, c: Checker, client_id: int, amends_id: Any) -> int | None:
    if amends_id is None:
        return None
    target = uow.session.get(NoteRow, amends_id) if isinstance(amends_id, int) else None
    if target is None or target.client_id != client_id or target.status != SIGNED:
        c.fail("amends_id", "Only a signed note of this client can be amended.")
        return None
    return target.id


def save_draft(
    uow: UnitOfWork,
    actor: Actor,
    note_id: int | None,
    client_id: int,
    note_date: date | str,
    note_type: str,
    text: str,
    episode_id: int | None = None,
    amends_id: int | None = None,
) -> int:
    """Create (``note_id=None``) or overwrite the acting user's draft note; return its id.

    Call it as often as the text changes.  ``amends_id`` makes the draft an amendment of a
    signed note; it is set when the draft is created and must be passed unchanged after.
    """
    require_records(uow, actor)
    note = _own_draft(uow, actor, note_id) if note_id is not None else None
    client = load_client(uow, client_id)
    c = Checker()
    if note is not None and note.client_id != client.id:
        c.fail("client_id", "This draft belongs to another client.")
    when = c.date(note_date, "note_date", past_only=True)
    kind = c.code(NOTE_TYPE, note_type, "note_type")
    body = c.text(text, "text", max_len=TEXT_MAX)
    episode = check_episode(uow, c, client, episode_id)
    amends = None
    if note is None:
        amends = _check_amends(uow, c, client.id, amends_id)
    elif amends_id != note.amends_id:
        c.fail("amends_id", "The note an amendment corrects cannot be changed.")
    c.raise_if_any()
    assert when is not None and kind is not None  # guaranteed by raise_if_any
    now = utcnow()
    if note is None:
        note = NoteRow(client_id=client.id, author_id=actor.user_id, status=DRAFT, amends_id=amends,
                       created_at=now)
        uow.session.add(note)
        action: str | None = "note.draft_created"
    else:
        action = "note.draft_saved" if now - note.updated_at >= EDIT_SESSION_GAP else None
    note.episode_id = episode.id if episode else None
    note.note_date, note.note_type, note.text, note.updated_at = when, kind, body, now
    uow.session.flush()
    if action is not None:
        audit.record(uow, actor, action, entity="progress_note", entity_id=note.id, client_id=client.id)
    return note.id


def sign_note(uow: UnitOfWork, actor: Actor, note_id: int) -> Note:
    """Sign the acting user's draft: from now on the note is never changed."""
    require_records(uow, actor)
    note = _own_draft(uow, actor, note_id)
    c = Checker()
    c.text(note.text, "text", max_len=TEXT_MAX, required=True)
    c.date(note.note_date, "note_date", past_only=True)
    c.raise_if_any()
    note.status, note.signed_at = SIGNED, utcnow()
    uow.session.flush()
    audit.record(uow, actor, "note.signed", entity="progress_note", entity_id=note.id, client_id=note.client_id,
                 details={"amends": note.amends_id} if note.amends_id else None)
    return _views(uow, actor, [note])[0]


def discard_draft(uow: UnitOfWork, actor: Actor, note_id: int) -> None:
    """Delete the acting user's draft (signed notes are never removed)."""
    require_records(uow, actor)
    note = _own_draft(uow, actor, note_id)
    audit.record(uow, actor, "note.draft_discarded", entity="progress_note", entity_id=note.id,
                 client_id=note.client_id)
    uow.session.delete(note)
    uow.session.flush()


def get_note(uow: UnitOfWork, actor: Actor, note_id: int) -> Note:
    """One signed note, or one of the acting user's own drafts."""
    require_records(uow, actor)
    note = _readable(uow, actor, note_id)
    audit.record(uow, actor, "notes.read", entity="progress_note", entity_id=note.id, client_id=note.client_id)
    return _views(uow, actor, [note])[0]


def timeline(uow: UnitOfWork, actor: Actor, client_id: int) -> tuple[Note, ...]:
    """A client's signed notes and the acting user's drafts, newest first."""
    require_records(uow, actor)
    client = load_client(uow, client_id)
    rows = list(uow.session.execute(
        select(NoteRow).where(NoteRow.client_id == client.id, _visible(actor))
        .order_by(NoteRow.note_date.desc(), NoteRow.created_at.desc(), NoteRow.id.desc())
    ).scalars())
    audit.record(uow, actor, "notes.read", entity="client", entity_id=client.id, client_id=client.id)
    return _views(uow, actor, rows)


def my_drafts(uow: UnitOfWork, actor: Actor) -> tuple[Note, ...]:
    """The acting user's unsigned drafts, for every client, most recently saved first."""
    user = require_records(uow, actor)
    rows = list(uow.session.execute(
        select(NoteRow).where(NoteRow.author_id == user.id, NoteRow.status == DRAFT)
        .order_by(NoteRow.updated_at.desc(), NoteRow.id.desc())
    ).scalars())
    for client_id in sorted({r.client_id for r in rows}):
        audit.record(uow, actor, "notes.read", entity="client", entity_id=client_id, client_id=client_id,
                     details={"drafts": True})
    return _views(uow, actor, rows)
