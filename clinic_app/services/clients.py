"""Client records: the personal details, the client code, reading a whole record, updating it.

New clients come in through the intake (``services.intake.register_client``), which uses
:func:`check_client` and :func:`add_client` from here so that a client, its first
episode and its assessment are written in one transaction.

Decisions
---------
* **Client code** ``C-<year>-<number>``, e.g. ``C-2026-0042``: the year the record is
  created and the next number of that year from ``client_code_sequence``, taken in the
  same transaction as the client row (a rolled-back intake gives its number back, a
  committed one never does, so a code is never reused).  Numbers have at least four
  digits and grow a fifth after 9999.  The code is pseudonymous: it carries no initials
  and no birth date.
* **Free text is stored exactly as typed** (no trimming, no case change): names only
  need one non-blank character.  Lengths: names 200, phone 100, e-mail 200, address 2000.
  An e-mail address, if given, needs one "@" with text on both sides and no spaces.
* The assigned counsellor is an active counsellor or administrator, or nobody.
* Changing the date of birth is refused if it would fall after an admission or make a
  recorded age at first use impossible.
* **Audit**: :func:`get_client` writes "client.read"; :func:`update_client` writes
  "client.updated" with the names (never the values) of the fields that changed.
  Names changes re-index the search terms in the same transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from clinic_app import codes
from clinic_app.db.models import Client, ClientCodeSequence, User
from clinic_app.db.types import utcnow
from clinic_app.services import audit
from clinic_app.services.auth import RECORD_ROLES, Actor
from clinic_app.services.common import Checker, load_client, require_records, today
from clinic_app.services.consents import ConsentRecord, client_consents
from clinic_app.services.episodes import OPEN, EpisodeRecord, check_ages_against_birth, client_episodes
from clinic_app.services.search import index_client
from clinic_app.uow import UnitOfWork

NAME_MAX_LEN = 200
PHONE_MAX_LEN = 100
EMAIL_MAX_LEN = 200
ADDRESS_MAX_LEN = 2000
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\Z")

#: (field, code list) of the coded client items
CLIENT_CODED_FIELDS: tuple[tuple[str, codes.CodeList], ...] = (
    ("sex", codes.SEX),
    ("gender_identity", codes.GENDER_IDENTITY),
    ("nationality", codes.NATIONALITY),
    ("preferred_language", codes.LANGUAGE),
)


#: every field of :class:`ClientDetails` (the names errors are reported under)
CLIENT_FIELDS: tuple[str, ...] = ("given_names", "family_name", "date_of_birth", "sex", "gender_identity",
                                  "nationality", "phone", "email", "address", "preferred_language", "counsellor_id")


@dataclass(frozen=True)
class ClientDetails:
    """A client's personal details as typed (``date_of_birth`` as a date or ``YYYY-MM-DD``)."""

    given_names: str
    family_name: str
    date_of_birth: date | str
    sex: str
    gender_identity: str
    nationality: str
    phone: str = ""
    email: str = ""
    address: str = ""
    preferred_language: str = "en"
    counsellor_id: int | None = None


@dataclass(frozen=True)
class ClientRecord:
    """A whole client record: details, consents, and every episode with its intake."""

    id: int
    code: str
    given_names: str
    family_name: str
    date_of_birth: date
    sex: str
    gender_identity: str
    nationality: str
    phone: str
    email: str
    address: str
    preferred_language: str
    counsellor_id: int | None
    counsellor_name: str | None
    status: str
    created_at: datetime
    updated_at: datetime
    consents: tuple[ConsentRecord, ...]
    episodes: tuple[EpisodeRecord, ...]

    @property
    def open_episode(self) -> EpisodeRecord | None:
        return next((e for e in self.episodes if e.status == OPEN), None)


@dataclass(frozen=True)
class CleanClient:
    given_names: str
    family_name: str
    date_of_birth: date
    sex: str
    gender_identity: str
    nationality: str
    phone: str
    email: str
    address: str
    preferred_language: str
    counsellor_id: int | None


def check_client(c: Checker, uow: UnitOfWork, details: ClientDetails) -> tuple[CleanClient | None, date | None]:
    """Check personal details (errors go to ``c``).

    Returns the cleaned details (``None`` if any of them is invalid) and the date of birth
    (``None`` only if it is invalid), for the checks of other sections that depend on it.
    """
    given = c.text(details.given_names, "given_names", max_len=NAME_MAX_LEN, required=True)
    family = c.text(details.family_name, "family_name", max_len=NAME_MAX_LEN, required=True)
    dob = c.date(details.date_of_birth, "date_of_birth", past_only=True)
    coded = {field: c.code(code_list, getattr(details, field), field) for field, code_list in CLIENT_CODED_FIELDS}
    phone = c.text(details.phone, "phone", max_len=PHONE_MAX_LEN)
    email = c.text(details.email, "email", max_len=EMAIL_MAX_LEN)
    if email and "email" not in c.errors and not _EMAIL_RE.match(email):
        c.fail("email", "This is not an e-mail address (expected name@example.org).")
    address = c.text(details.address, "address", max_len=ADDRESS_MAX_LEN)
    counsellor = c.integer(details.counsellor_id, "counsellor_id", low=1, high=2**62)
    if counsellor is not None:
        user = uow.session.get(User, counsellor)
        if user is None or not user.active or user.role not in RECORD_ROLES:
            c.fail("counsellor_id", "Choose an active counsellor or administrator.")
    if dob is None or any(field in c.errors for field in CLIENT_FIELDS):
        return None, dob
    return CleanClient(given, family, dob, phone=phone, email=email, address=address, counsellor_id=counsellor,
                       **coded), dob  # type: ignore[arg-type]


def next_client_code(uow: UnitOfWork, year: int) -> str:
    """The next unused client code of ``year`` (advances the sequence in this transaction)."""
    seq = uow.session.get(ClientCodeSequence, year, with_for_update=True)
    if seq is None:
        seq = ClientCodeSequence(year=year, last=0)
        uow.session.add(seq)
    seq.last += 1
    uow.session.flush()
    return f"C-{year}-{seq.last:04d}"


def add_client(uow: UnitOfWork, actor: Actor, details: CleanClient) -> Client:
    """Insert a checked client with a new code and its search terms; audit "client.created"."""
    client = Client(code=next_client_code(uow, today().year), status=OPEN, **vars(details))
    uow.session.add(client)
    uow.session.flush()
    index_client(uow.session, client)
    audit.record(uow, actor, "client.created", entity="client", entity_id=client.id, client_id=client.id)
    return client


def _record(uow: UnitOfWork, client: Client) -> ClientRecord:
    counsellor = uow.session.get(User, client.counsellor_id) if client.counsellor_id else None
    return ClientRecord(
        client.id, client.code, client.given_names, client.family_name, client.date_of_birth, client.sex,
        client.gender_identity, client.nationality, client.phone, client.email, client.address,
        client.preferred_language, client.counsellor_id,
        (counsellor.full_name or counsellor.name) if counsellor else None,
        client.status, client.created_at, client.updated_at,
        client_consents(uow, client.id), client_episodes(uow, client.id),
    )


def get_client(uow: UnitOfWork, actor: Actor, client_id: int) -> ClientRecord:
    """The whole record of one client (audited as "client.read")."""
    require_records(uow, actor)
    client = load_client(uow, client_id)
    audit.record(uow, actor, "client.read", entity="client", entity_id=client.id, client_id=client.id)
    return _record(uow, client)


def update_client(uow: UnitOfWork, actor: Actor, client_id: int, details: ClientDetails) -> ClientRecord:
    """Replace a client's personal details (the code never changes)."""
    require_records(uow, actor)
    client = load_client(uow, client_id)
    c = Checker()
    clean, _dob = check_client(c, uow, details)
    if clean is not None and clean.date_of_birth != client.date_of_birth:
        check_ages_against_birth(c, uow, client.id, clean.date_of_birth)
    c.raise_if_any()
    assert clean is not None
    changed = sorted(field for field, value in vars(clean).items() if getattr(client, field) != value)
    for field in changed:
        setattr(client, field, getattr(clean, field))
    if changed:
        client.updated_at = utcnow()
    if {"given_names", "family_name"} & set(changed):
        index_client(uow.session, client)
    uow.session.flush()
    audit.record(uow, actor, "client.updated", entity="client", entity_id=client.id, client_id=client.id,
                 details={"fields": changed})
    return _record(uow, client)

