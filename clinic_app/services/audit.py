"""The audit log: append-only, HMAC-chained, verifiable.

Each entry's ``mac`` is HMAC-SHA256, keyed from the data key (HKDF, see
``security.keys.audit_key``), over the previous entry's mac and the canonical form of the
entry itself.  ``audit_head`` holds the last sequence number and mac, sealed with the same
key, and is advanced in the same transaction as the entry, so:

- an edited entry breaks its own mac; a deleted entry leaves a gap in ``seq``; reordered
  entries break the chain at the first moved one; a truncated log no longer reaches the
  head;
- nobody without the data key can compute a valid chain.

Appending reads the head under the write lock (``BEGIN IMMEDIATE`` on SQLite,
``SELECT … FOR UPDATE`` elsewhere), so several writers never fork the chain.
Entries never hold passwords or keys; they name records by id, not by personal data.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from typing import Any

from sqlalchemy import select

from clinic_app.db.models import AuditEntry, AuditHead
from clinic_app.db.types import utcnow
from clinic_app.services.auth import ADMINISTRATOR, Actor, require
from clinic_app.uow import UnitOfWork

GENESIS = "0" * 64
#: ``list_entries`` never returns more entries than this in one call
MAX_LIST_LIMIT = 10_000
SYSTEM = "(system)"


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime
    user_name: str
    action: str
    entity: str | None
    entity_id: str | None
    client_id: int | None
    details: Any


@dataclass(frozen=True)
class ChainReport:
    checked: int
    first_bad_seq: int | None
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.problem is None


def _canonical(e: AuditEntry) -> bytes:
    return json.dumps(
        [e.seq, e.at.isoformat(), e.user_id, e.user_name, e.action, e.entity, e.entity_id, e.client_id, e.details],
        sort_keys=True,
        ensure_ascii=True,
        separators=(",", ":"),
    ).encode("ascii")


def _mac(key: bytes, prev: str, entry: AuditEntry) -> str:
    return hmac.new(key, prev.encode("ascii") + b"|" + _canonical(entry), hashlib.sha256).hexdigest()


def _seal(key: bytes, seq: int, mac: str) -> str:
    return hmac.new(key, f"head|{seq}|{mac}".encode("ascii"), hashlib.sha256).hexdigest()


def record(
    uow: UnitOfWork,
    actor: Actor | None,
    action: str,
    *,
    entity: str | None = None,
    entity_id: object | None = None,
    client_id: int | None = None,
    details: dict[str, Any] | None = None,
    at: datetime | None = None,
    user_name: str | None = None,
) -> None:
    """Append one entry to the chain (inside the caller's transaction)."""
    s = uow.session
    head = s.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one_or_none()
    if head is None:
        head = AuditHead(id=1, seq=0, mac=GENESIS, seal="")
        s.add(head)
    entry = AuditEntry(
        seq=head.seq + 1,
        at=(at or utcnow()).astimezone(timezone.utc),
        user_id=actor.user_id if actor else None,
        user_name=user_name or (actor.name if actor else SYSTEM),
        action=action,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        client_id=client_id,
        details=details,
    )
    entry.mac = _mac(uow.audit_key, head.mac, entry)
    s.add(entry)
    head.seq, head.mac = entry.seq, entry.mac
    head.seal = _seal(uow.audit_key, head.seq, head.mac)
    s.flush()


def verify_chain(uow: UnitOfWork) -> ChainReport:
    """Walk the whole chain; report the first entry that is missing, moved or altered."""
    key, prev, expected, checked = uow.audit_key, GENESIS, 1, 0
    rows = uow.session.execute(select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=2000))
    for entry in rows.scalars():
        if entry.seq != expected:
            return ChainReport(checked, expected, f"audit entry {expected} is missing (deleted or renumbered)")
        if not hmac.compare_digest(entry.mac, _mac(key, prev, entry)):
            return ChainReport(checked, entry.seq, f"audit entry {entry.seq} was altered or moved")
        prev, expected, checked = entry.mac, expected + 1, checked + 1
    head = uow.session.get(AuditHead, 1)
    if head is None:
        if checked:
            return ChainReport(checked, None, "the audit chain's head record is missing")
        return ChainReport(0, None, None)
    if not hmac.compare_digest(head.seal, _seal(key, head.seq, head.mac)):
        return ChainReport(checked, None, "the audit chain's head record was altered")
    if head.seq != checked or head.mac != prev:
        return ChainReport(checked, checked + 1, f"audit entries after {checked} are missing (the log was truncated)")
    return ChainReport(checked, None, None)


def verify(uow: UnitOfWork, actor: Actor) -> ChainReport:
    """:func:`verify_chain` for the GUI's audit viewer (administrators only; reads, writes nothing)."""
    require(uow, actor, ADMINISTRATOR)
    return verify_chain(uow)


def _row(e: AuditEntry) -> AuditRow:
    return AuditRow(e.seq, e.at, e.user_name, e.action, e.entity, e.entity_id, e.client_id, e.details)


def list_entries(
    uow: UnitOfWork,
    actor: Actor,
    *,
    limit: int = 100,
    user_name: str | None = None,
    client_id: int | None = None,
    action: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> tuple[AuditRow, ...]:
    """The latest entries, newest first, filtered (administrators only)."""
    require(uow, actor, ADMINISTRATOR)
    q = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(max(1, min(limit, MAX_LIST_LIMIT)))
    if user_name:
        q = q.where(AuditEntry.user_name == user_name)
    if client_id is not None:
        q = q.where(AuditEntry.client_id == client_id)
    if action:
        q = q.where(AuditEntry.action == action)
    if since:
        q = q.where(AuditEntry.at >= datetime.combine(since, time.min, timezone.utc))
    if until:
        q = q.where(AuditEntry.at <= datetime.combine(until, time.max, timezone.utc))
    return tuple(_row(e) for e in uow.session.execute(q).scalars())
