"""Family and children: the client's family members and children, and family/child support notes.

A family member has a relationship (:data:`clinic_app.codes.FAMILY_RELATIONSHIP`), a first
name, a birth year and whether they live with the client.  For the client's children
(``is_child``) the record also says who mainly cares for the child
(:data:`clinic_app.codes.CHILD_CARER`), the school, the child's needs, whether there is a
safeguarding concern and what referral was made.

Decisions
---------
* **Sensitive notes.**  A support note marked sensitive is readable only by the client's
  assigned counsellor (``clients.counsellor_id``) and administrators
  (:func:`clinic_app.services.common.may_read_sensitive`).  Everyone else with a record role
  still sees that the note exists (date, author, member) with ``text=None`` and
  ``restricted=True``, so nobody is misled into thinking there is nothing there.  The rule
  is applied everywhere a note is returned, including to a non-assigned author right after
  writing it.
* Notes are append-only: the schema has no draft state for them, so a support note is
  written once and never edited or removed.  Family members are updated by replacing all
  their fields (:func:`update_member`) and never deleted; the audit entry names the fields
  that changed (not their values).
* ``is_child`` is ``True`` for a ``child`` relationship (it cannot be set ``False`` there) and
  may also be set for another child the client brings up (a partner's child, a grandchild).
* A birth year lies between 1900 and this year; a child's birth year is also at least
  :data:`MIN_PARENT_AGE` years after the client's.  The child fields (carer, school) are
  accepted for any member but only shown for children by the GUI.
* Counsellors and administrators may do everything here; statistics staff nothing.  Every
  write is audited (``family.*``) with the client's id; reading the family record is audited
  as ``family.read`` with how many notes were withheld.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from clinic_app.codes import CHILD_CARER, FAMILY_RELATIONSHIP, NOT_KNOWN
from clinic_app.db.models import Client, User
from clinic_app.db.models import FamilyMember as MemberRow
from clinic_app.db.models import FamilyNote as NoteRow
from clinic_app.db.types import utcnow
from clinic_app.errors import NotFound
from clinic_app.services import audit
from clinic_app.services.auth import Actor
from clinic_app.services.common import EARLIEST_DATE, Checker, load_client, may_read_sensitive, require_records, today
from clinic_app.uow import UnitOfWork

CHILD = "child"
MIN_PARENT_AGE = 10
NAME_MAX = 200
SCHOOL_MAX = 200
NEEDS_MAX = 10_000
REFERRAL_MAX = 4_000
NOTE_MAX = 100_000


@dataclass(frozen=True)
class FamilyMember:
    id: int
    client_id: int
    relationship: str
    first_name: str
    is_child: bool
    birth_year: int | None
    lives_with_client: bool
    carer: str
    school: str
    needs: str
    safeguarding_concern: bool
    referral_made: str
    created_at: datetime


@dataclass(frozen=True)
class FamilyNote:
    """A support note; ``text`` is ``None`` and ``restricted`` ``True`` when it is withheld."""

    id: int
    client_id: int
    family_member_id: int | None
    note_date: date
    author_id: int
    author_name: str
    sensitive: bool
    restricted: bool
    text: str | None
    created_at: datetime


@dataclass(frozen=True)
class FamilyRecord:
    """A client's family members (in the order entered) and support notes (newest first)."""

    client_id: int
    members: tuple[FamilyMember, ...]
    notes: tuple[FamilyNote, ...]


_MEMBER_FIELDS = ("relationship", "first_name", "is_child", "birth_year", "lives_with_client", "carer", "school",
                  "needs", "safeguarding_concern", "referral_made")


def _member(row: MemberRow) -> FamilyMember:
    return FamilyMember(row.id, row.client_id, row.relationship, row.first_name, row.is_child, row.birth_year,
                        row.lives_with_client, row.carer, row.school, row.needs, row.safeguarding_concern,
                        row.referral_made, row.created_at)


def _note(row: NoteRow, author_name: str, readable: bool) -> FamilyNote:
    restricted = row.sensitive and not readable
    return FamilyNote(row.id, row.client_id, row.family_member_id, row.note_date, row.author_id, author_name,
                      row.sensitive, restricted, None if restricted else row.text, row.created_at)


def _flag(c: Checker, value: Any, field: str) -> bool:
    if not isinstance(value, bool):
        c.fail(field, "Expected yes or no.")
        return False
    return value


def _check_member(
    client: Client,
    relationship: Any,
    first_name: Any,
    is_child: Any,
    birth_year: Any,
    lives_with_client: Any,
    carer: Any,
    school: Any,
    needs: Any,
    safeguarding_concern: Any,
    referral_made: Any,
) -> dict[str, Any]:
    c = Checker()
    rel = c.code(FAMILY_RELATIONSHIP, relationship, "relationship")
    child = rel == CHILD if is_child is None else _flag(c, is_child, "is_child")
    if rel == CHILD and not child:
        c.fail("is_child", "A son or daughter of the client is recorded as a child.")
    year = c.integer(birth_year, "birth_year", low=EARLIEST_DATE.year, high=today().year)
    earliest_child = client.date_of_birth.year + MIN_PARENT_AGE
    if child and year is not None and year < earliest_child:
        c.fail("birth_year", f"A child of this client (born {client.date_of_birth.year}) "
                             f"would be born in {earliest_child} or later.")
    values = {
        "relationship": rel,
        "first_name": c.text(first_name, "first_name", max_len=NAME_MAX),
        "is_child": child,
        "birth_year": year,
        "lives_with_client": _flag(c, lives_with_client, "lives_with_client"),
        "carer": c.code(CHILD_CARER, carer, "carer"),
        "school": c.text(school, "school", max_len=SCHOOL_MAX),
        "needs": c.text(needs, "needs", max_len=NEEDS_MAX),
        "safeguarding_concern": _flag(c, safeguarding_concern, "safeguarding_concern"),
        "referral_made": c.text(referral_made, "referral_made", max_len=REFERRAL_MAX),
    }
    c.raise_if_any()
    return values


def add_member(
    uow: UnitOfWork,
    actor: Actor,
    client_id: int,
    relationship: str,
    first_name: str = "",
    *,
    is_child: bool | None = None,
    birth_year: int | None = None,
    lives_with_client: bool = False,
    carer: str = NOT_KNOWN,
    school: str = "",
    needs: str = "",
    safeguarding_concern: bool = False,
    referral_made: str = "",
) -> FamilyMember:
    """Record a family member or child of the client (``is_child=None``: a ``child`` relationship)."""
    require_records(uow, actor)
    client = load_client(uow, client_id)
    values = _check_member(client, relationship, first_name, is_child, birth_year, lives_with_client, carer,
                           school, needs, safeguarding_concern, referral_made)
    row = MemberRow(client_id=client.id, created_at=utcnow(), **values)
    uow.session.add(row)
    uow.session.flush()
    audit.record(uow, actor, "family.member_added", entity="family_member", entity_id=row.id, client_id=client.id)
    return _member(row)


def update_member(
    uow: UnitOfWork,
    actor: Actor,
    member_id: int,
    relationship: str,
    first_name: str,
    *,
    is_child: bool | None,
    birth_year: int | None,
    lives_with_client: bool,
    carer: str,
    school: str,
    needs: str,
    safeguarding_concern: bool,
    referral_made: str,
) -> FamilyMember:
    """Replace every field of a family member's record."""
    require_records(uow, actor)
    row = uow.session.get(MemberRow, member_id)
    if row is None:
        raise NotFound("This family member's record does not exist.")
    client = load_client(uow, row.client_id)
    values = _check_member(client, relationship, first_name, is_child, birth_year, lives_with_client, carer,
                           school, needs, safeguarding_concern, referral_made)
    changed = [name for name in _MEMBER_FIELDS if getattr(row, name) != values[name]]
    for name in changed:
        setattr(row, name, values[name])
    uow.session.flush()
    audit.record(uow, actor, "family.member_updated", entity="family_member", entity_id=row.id,
                 client_id=client.id, details={"fields": changed})
    return _member(row)


def add_note(
    uow: UnitOfWork,
    actor: Actor,
    client_id: int,
    note_date: date | str,
    text: str,
    sensitive: bool = False,
    family_member_id: int | None = None,
) -> FamilyNote:
    """Write a family/child support note (about one member, or the family as a whole)."""
    user = require_records(uow, actor)
    client = load_client(uow, client_id)
    c = Checker()
    when = c.date(note_date, "note_date", past_only=True)
    body = c.text(text, "text", max_len=NOTE_MAX, required=True)
    is_sensitive = _flag(c, sensitive, "sensitive")
    if family_member_id is not None:
        member = uow.session.get(MemberRow, family_member_id) if isinstance(family_member_id, int) else None
        if member is None or member.client_id != client.id:
            c.fail("family_member_id", "Choose one of this client's family members.")
    c.raise_if_any()
    row = NoteRow(client_id=client.id, family_member_id=family_member_id, note_date=when, author_id=user.id,
                  text=body, sensitive=is_sensitive, created_at=utcnow())
    uow.session.add(row)
    uow.session.flush()
    audit.record(uow, actor, "family.note_added", entity="family_note", entity_id=row.id, client_id=client.id,
                 details={"sensitive": is_sensitive})
    return _note(row, user.full_name or user.name, may_read_sensitive(user, client))


def family_record(uow: UnitOfWork, actor: Actor, client_id: int) -> FamilyRecord:
    """The client's family members and support notes, sensitive text withheld where the rule says."""
    user = require_records(uow, actor)
    client = load_client(uow, client_id)
    members = tuple(_member(m) for m in uow.session.execute(
        select(MemberRow).where(MemberRow.client_id == client.id).order_by(MemberRow.id)
    ).scalars())
    rows = uow.session.execute(
        select(NoteRow, User.full_name, User.name).join(User, User.id == NoteRow.author_id)
        .where(NoteRow.client_id == client.id).order_by(NoteRow.note_date.desc(), NoteRow.id.desc())
    ).all()
    readable = may_read_sensitive(user, client)
    notes = tuple(_note(row, full or name, readable) for row, full, name in rows)
    audit.record(uow, actor, "family.read", entity="client", entity_id=client.id, client_id=client.id,
                 details={"withheld": sum(n.restricted for n in notes)})
    return FamilyRecord(client.id, members, notes)
