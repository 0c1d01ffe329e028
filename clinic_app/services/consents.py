"""Consent records: what a client agreed to (treatment, sharing with family, sharing with
named services, inclusion in anonymised statistics), since when, and when it was withdrawn.

Decisions
---------
* A consent is never edited or deleted: withdrawing sets ``withdrawn_on`` once, and
  giving it again later is a new record, so the history of who agreed to what and when
  stays readable.
* At most one current (not withdrawn) consent per kind; for "sharing with named
  services" at most one current consent per set of services (``scope``: required for that
  kind, refused for the others).
* :func:`has_consent` is a helper for other services (sharing a document, the statistics
  export): it takes no actor and writes no audit entry, because it answers yes/no about
  a client that the calling service has already checked access to and audited.
* Dates: not in the future, not before the client's date of birth; a withdrawal not
  before the consent was given.
* Field names in errors: :func:`record_consent` uses ``kind``, ``given_on``, ``scope``; at
  intake (:func:`check_consents`) each kind has its own fields ``consent_<kind>`` and
  ``consent_<kind>_scope``, the names the intake form and the CSV import use.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from clinic_app import codes
from clinic_app.db.models import Consent, User
from clinic_app.errors import NotFound, ValidationError
from clinic_app.services import audit
from clinic_app.services.auth import Actor
from clinic_app.services.common import EARLIEST_DATE, Checker, load_client, require_records, today
from clinic_app.services.search import fold, user_display_name
from clinic_app.uow import UnitOfWork

SCOPED_KIND = "share_services"
SCOPE_MAX_LEN = 2000
_SCOPE_SEPARATORS = re.compile(r"[\n;,]+")


@dataclass(frozen=True)
class ConsentGiven:
    """A consent given at intake: ``kind`` (a ``codes.CONSENT_KIND`` code), the date, and
    for ``share_services`` the named services (one per line, or separated by , or ;)."""

    kind: str
    given_on: date | str
    scope: str = ""


@dataclass(frozen=True)
class ConsentRecord:
    id: int
    client_id: int
    kind: str
    scope: str
    given_on: date
    withdrawn_on: date | None
    recorded_by: str
    recorded_at: datetime

    def in_force_on(self, day: date) -> bool:
        """Whether the consent was in force on ``day``."""
        return self.given_on <= day and (self.withdrawn_on is None or day < self.withdrawn_on)


@dataclass(frozen=True)
class CleanConsent:
    """A checked consent, ready to insert."""

    kind: str
    given_on: date
    scope: str


def client_consents(uow: UnitOfWork, client_id: int) -> tuple[ConsentRecord, ...]:
    """All consents of a client, oldest first (no role check or audit: for services that did both)."""
    rows = uow.session.execute(
        select(Consent, user_display_name())
        .join(User, User.id == Consent.recorded_by)
        .where(Consent.client_id == client_id)
        .order_by(Consent.given_on, Consent.id)
    ).all()
    return tuple(_record(row, name) for row, name in rows)


def _record(row: Consent, recorded_by: str) -> ConsentRecord:
    return ConsentRecord(row.id, row.client_id, row.kind, row.scope, row.given_on, row.withdrawn_on,
                         recorded_by, row.recorded_at)


def _check_one(c: Checker, kind: object, given_on: object, scope: object, date_of_birth: date,
               fields: tuple[str, str, str]) -> CleanConsent | None:
    kind_field, date_field, scope_field = fields
    clean_kind = c.code(codes.CONSENT_KIND, kind, kind_field)
    day = c.date(given_on, date_field, past_only=True, not_before=date_of_birth,
                 not_before_label="the date of birth")
    text = c.text(scope, scope_field, max_len=SCOPE_MAX_LEN, required=clean_kind == SCOPED_KIND)
    if clean_kind is not None and clean_kind != SCOPED_KIND and text.strip():
        c.fail(scope_field, "Only consent to share with named services lists services.")
    if clean_kind is None or day is None:
        return None
    return CleanConsent(clean_kind, day, text)


def check_consents(c: Checker, given: Sequence[ConsentGiven], date_of_birth: date | None) -> tuple[CleanConsent, ...]:
    """Consents given at intake: at most one per kind, errors under ``consent_<kind>[_scope]``."""
    clean: list[CleanConsent] = []
    seen: set[str] = set()
    for item in given:
        field = f"consent_{item.kind}" if item.kind in codes.CONSENT_KIND else "consents"
        if item.kind in seen:
            c.fail(field, "This consent is listed twice.")
            continue
        seen.add(item.kind)
        one = _check_one(c, item.kind, item.given_on, item.scope, date_of_birth or EARLIEST_DATE,
                         (field, field, f"{field}_scope"))
        if one is not None:
            clean.append(one)
    return tuple(clean)


def add_consent(uow: UnitOfWork, actor: Actor, client_id: int, consent: CleanConsent) -> Consent:
    """Insert one checked consent and audit it ("consent.recorded")."""
    row = Consent(client_id=client_id, kind=consent.kind, scope=consent.scope, given_on=consent.given_on,
                  recorded_by=actor.user_id)
    uow.session.add(row)
    uow.session.flush()
    audit.record(uow, actor, "consent.recorded", entity="consent", entity_id=row.id, client_id=client_id,
                 details={"kind": consent.kind})
    return row


def _scope_items(scope: str) -> frozenset[str]:
    return frozenset(" ".join(fold(part).split()) for part in _SCOPE_SEPARATORS.split(scope) if part.strip())


def record_consent(uow: UnitOfWork, actor: Actor, client_id: int, kind: str, given_on: date | str,
                   scope: str = "") -> ConsentRecord:
    """Record a consent the client gave on ``given_on``."""
    user = require_records(uow, actor)
    client = load_client(uow, client_id)
    c = Checker()
    clean = _check_one(c, kind, given_on, scope, client.date_of_birth, ("kind", "given_on", "scope"))
    c.raise_if_any()
    assert clean is not None  # no errors, so every part was valid
    current = uow.session.execute(
        select(Consent).where(Consent.client_id == client.id, Consent.kind == clean.kind,
                              Consent.withdrawn_on.is_(None))
    ).scalars()
    for row in current:
        if clean.kind != SCOPED_KIND or _scope_items(row.scope) == _scope_items(clean.scope):
            raise ValidationError({"kind": f"This consent is already recorded (given on "
                                           f"{row.given_on.isoformat()}); withdraw it first."})
    return _record(add_consent(uow, actor, client.id, clean), user.full_name or user.name)


def withdraw_consent(uow: UnitOfWork, actor: Actor, consent_id: int, withdrawn_on: date | str) -> ConsentRecord:
    """Record that the client withdrew a consent on ``withdrawn_on``."""
    require_records(uow, actor)
    row = uow.session.get(Consent, consent_id)
    if row is None:
        raise NotFound("This consent record does not exist.")
    if row.withdrawn_on is not None:
        raise ValidationError({"withdrawn_on": f"This consent was already withdrawn on "
                                               f"{row.withdrawn_on.isoformat()}."})
    c = Checker()
    day = c.date(withdrawn_on, "withdrawn_on", past_only=True, not_before=row.given_on,
                 not_before_label="the day the consent was given")
    c.raise_if_any()
    row.withdrawn_on = day
    uow.session.flush()
    audit.record(uow, actor, "consent.withdrawn", entity="consent", entity_id=row.id, client_id=row.client_id,
                 details={"kind": row.kind})
    recorder = uow.session.get(User, row.recorded_by)
    return _record(row, recorder.full_name or recorder.name if recorder else "")


def has_consent(uow: UnitOfWork, client_id: int, kind: str, *, on: date | None = None,
                service: str | None = None) -> bool:
    """Whether the client's consent ``kind`` was in force on ``on`` (default: today).

    For ``share_services``, ``service`` names the service to share with; it must be one of
    the services the consent lists (compared ignoring case and accents).
    """
    codes.CONSENT_KIND.validate(kind, "kind")
    day = on or today()
    rows = uow.session.execute(
        select(Consent).where(Consent.client_id == client_id, Consent.kind == kind, Consent.given_on <= day)
    ).scalars()
    wanted = None if service is None else " ".join(fold(service).split())
    return any(
        (row.withdrawn_on is None or day < row.withdrawn_on) and (wanted is None or wanted in _scope_items(row.scope))
        for row in rows
    )
