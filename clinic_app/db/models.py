"""SQLAlchemy 2.0 typed models: the whole schema.

Every change to this file needs an Alembic revision in ``migrations/versions``;
``tests/test_migrations.py`` proves the migrated schema equals these models.

Foundation tables (revision 0001): ``settings`` (organisation name and settings, key/value JSON),
``users`` (accounts and roles; passwords are not here, they only exist as key slots),
``audit_log`` (append-only, HMAC-chained) and ``audit_head`` (the chain's last link, so a
truncated log is detected).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from clinic_app.db.types import JSONText, UTCDateTime, utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSONText, nullable=True)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    name_key: Mapped[str] = mapped_column(String(100), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    password_changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuditEntry(Base):
    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    user_name: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str | None] = mapped_column(String(64), nullable=True)
    entity_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    client_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    details: Mapped[Any] = mapped_column(JSONText, nullable=True)
    mac: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_audit_log_client_id", "client_id"),
        Index("ix_audit_log_user_id", "user_id"),
        Index("ix_audit_log_at", "at"),
    )


class AuditHead(Base):
    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    mac: Mapped[str] = mapped_column(String(64))
    seal: Mapped[str] = mapped_column(String(64))


# --- clinical records (revision 0002) ------------------------------------------------------
# Coded columns hold the stable string codes of ``clinic_app.codes``; dates are calendar
# dates (``Date``), timestamps UTC.  Free text is stored as typed (no trimming beyond the
# service's validation).  Deleting a client is not offered by any service, so foreign keys
# do not cascade: records are kept, never silently removed.


class ClientCodeSequence(Base):
    """Last number handed out per year, so a client code is never reused."""

    __tablename__ = "client_code_sequence"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer)


class Client(Base):
    __tablename__ = "clients"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    given_names: Mapped[str] = mapped_column(String(200))
    family_name: Mapped[str] = mapped_column(String(200))
    date_of_birth: Mapped[date] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(32))
    gender_identity: Mapped[str] = mapped_column(String(32))
    nationality: Mapped[str] = mapped_column(String(32))
    phone: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    preferred_language: Mapped[str] = mapped_column(String(8), default="en")
    counsellor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    #: denormalised from the episodes for fast lists: "open", "discharged"
    status: Mapped[str] = mapped_column(String(16), default="open")
    #: normalised "family given" for sorting and display searches (no accents, lower case)
    sort_name: Mapped[str] = mapped_column(String(400), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        #: "My clients" in name order, and every look-up by counsellor
        Index("ix_clients_counsellor_sort_name", "counsellor_id", "sort_name"),
        Index("ix_clients_status_sort_name", "status", "sort_name"),
        Index("ix_clients_sort_name", "sort_name"),
        #: the worklists (revision 0005): a counsellor's clients in care by name; the ids of a
        #: counsellor's clients and of the clients in care in id order (cheap sets and counts)
        Index("ix_clients_counsellor_status_sort_name", "counsellor_id", "status", "sort_name"),
        Index("ix_clients_counsellor_id", "counsellor_id"),
        Index("ix_clients_status", "status"),
    )


class ClientSearchTerm(Base):
    """One normalised word of a client's names or code; prefix searches are index range scans."""

    __tablename__ = "client_search_terms"

    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), primary_key=True)
    term: Mapped[str] = mapped_column(String(200), primary_key=True)

    __table_args__ = (Index("ix_client_search_terms_term", "term", "client_id"),)


class Consent(Base):
    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    kind: Mapped[str] = mapped_column(String(32))
    #: for sharing with named services: which services
    scope: Mapped[str] = mapped_column(Text, default="")
    given_on: Mapped[date] = mapped_column(Date)
    withdrawn_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_consents_client_kind_withdrawn", "client_id", "kind", "withdrawn_on"),)


class Episode(Base):
    __tablename__ = "episodes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    admission_date: Mapped[date] = mapped_column(Date)
    programme: Mapped[str] = mapped_column(String(32))
    centre_type: Mapped[str] = mapped_column(String(32))
    referral_source: Mapped[str] = mapped_column(String(32))
    previously_treated: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="open")
    discharge_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        #: a client's episodes, and their latest admission without reading them (revision 0005)
        Index("ix_episodes_client_admission", "client_id", "admission_date"),
        Index("ix_episodes_admission_date", "admission_date"),
        Index("ix_episodes_status", "status"),
        #: open episodes by admission date, with the client (worklists, revision 0005)
        Index("ix_episodes_status_admission_client", "status", "admission_date", "client_id"),
    )


class IntakeAssessment(Base):
    """The TDI items and health/risk items, one per episode."""

    __tablename__ = "intake_assessments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    episode_id: Mapped[int] = mapped_column(ForeignKey("episodes.id"), unique=True)
    assessed_on: Mapped[date] = mapped_column(Date)
    living_with: Mapped[str] = mapped_column(String(32))
    living_with_children: Mapped[str] = mapped_column(String(32))
    has_children: Mapped[str] = mapped_column(String(32))
    number_of_children: Mapped[int | None] = mapped_column(Integer, nullable=True)
    housing: Mapped[str] = mapped_column(String(32))
    labour_status: Mapped[str] = mapped_column(String(32))
    education: Mapped[str] = mapped_column(String(32))
    injecting: Mapped[str] = mapped_column(String(32))
    opioid_substitution: Mapped[str] = mapped_column(String(32))
    tested_hiv: Mapped[str] = mapped_column(String(32))
    tested_hcv: Mapped[str] = mapped_column(String(32))
    tested_hbv: Mapped[str] = mapped_column(String(32))
    legal_situation: Mapped[str] = mapped_column(Text, default="")
    physical_health: Mapped[str] = mapped_column(Text, default="")
    mental_health: Mapped[str] = mapped_column(Text, default="")
    risks: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class IntakeSubstance(Base):
    """Primary (rank 1) and up to three secondary (ranks 2-4) substances of an intake."""

    __tablename__ = "intake_substances"

    intake_id: Mapped[int] = mapped_column(ForeignKey("intake_assessments.id"), primary_key=True)
    rank: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    substance: Mapped[str] = mapped_column(String(32))
    route: Mapped[str] = mapped_column(String(32))
    frequency: Mapped[str] = mapped_column(String(32))
    age_first_use: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Barc10(Base):
    """One BARC-10 recovery-capital assessment (ten items scored 1-6, total 10-60)."""

    __tablename__ = "barc10"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    episode_id: Mapped[int | None] = mapped_column(ForeignKey("episodes.id"), nullable=True)
    assessed_on: Mapped[date] = mapped_column(Date)
    context: Mapped[str] = mapped_column(String(16))
    scores: Mapped[Any] = mapped_column(JSONText)
    total: Mapped[int] = mapped_column(Integer)
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))

    #: covers the statistics' reads of a client's assessments (revision 0006)
    __table_args__ = (
        Index("ix_barc10_client_assessed_episode_total", "client_id", "assessed_on", "episode_id", "total"),
    )


class CarePlan(Base):
    __tablename__ = "care_plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    episode_id: Mapped[int] = mapped_column(ForeignKey("episodes.id"))
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    review_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    activated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    activated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    superseded_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    client_signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    counsellor_signed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    counsellor_signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    __table_args__ = (
        UniqueConstraint("episode_id", "version", name="uq_care_plans_episode_version"),
        Index("ix_care_plans_status_review_episode", "status", "review_date", "episode_id"),
        Index("ix_care_plans_episode_status", "episode_id", "status"),
    )


class CarePlanGoal(Base):
    __tablename__ = "care_plan_goals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("care_plans.id"))
    position: Mapped[int] = mapped_column(Integer)
    domain: Mapped[str] = mapped_column(String(32))
    goal: Mapped[str] = mapped_column(Text)
    actions: Mapped[str] = mapped_column(Text, default="")
    responsible: Mapped[str] = mapped_column(String(200), default="")
    target_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="not_started")

    #: covers the statistics' reads of a plan's goals (revision 0006)
    __table_args__ = (
        Index("ix_care_plan_goals_plan_position_domain_status", "plan_id", "position", "domain", "status"),
    )


class ProgressNote(Base):
    __tablename__ = "progress_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    episode_id: Mapped[int | None] = mapped_column(ForeignKey("episodes.id"), nullable=True)
    note_date: Mapped[date] = mapped_column(Date)
    note_type: Mapped[str] = mapped_column(String(16))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text, default="")
    #: "draft" (saved as typed, editable by its author) or "signed" (never changed again)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    amends_id: Mapped[int | None] = mapped_column(ForeignKey("progress_notes.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        Index("ix_progress_notes_client_id", "client_id", "note_date"),
        Index("ix_progress_notes_author_status", "author_id", "status"),
        Index("ix_progress_notes_amends_id", "amends_id"),
    )


class FamilyMember(Base):
    """A family member or child of the client (``is_child`` marks the client's children)."""

    __tablename__ = "family_members"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    relationship: Mapped[str] = mapped_column(String(32))
    first_name: Mapped[str] = mapped_column(String(200), default="")
    is_child: Mapped[bool] = mapped_column(Boolean, default=False)
    birth_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    lives_with_client: Mapped[bool] = mapped_column(Boolean, default=False)
    carer: Mapped[str] = mapped_column(String(32), default="not_known")
    school: Mapped[str] = mapped_column(String(200), default="")
    needs: Mapped[str] = mapped_column(Text, default="")
    safeguarding_concern: Mapped[bool] = mapped_column(Boolean, default=False)
    referral_made: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_family_members_client_id", "client_id"),)


class FamilyNote(Base):
    """A family/child support note; ``sensitive`` ones only the assigned counsellor and admins read."""

    __tablename__ = "family_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    family_member_id: Mapped[int | None] = mapped_column(ForeignKey("family_members.id"), nullable=True)
    note_date: Mapped[date] = mapped_column(Date)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_family_notes_client_id", "client_id"),)


class DischargePlan(Base):
    __tablename__ = "discharge_plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    episode_id: Mapped[int] = mapped_column(ForeignKey("episodes.id"), unique=True)
    planned_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    actual_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    aftercare: Mapped[str] = mapped_column(Text, default="")
    relapse_prevention: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Referral(Base):
    """A referral made at discharge: the service and how to reach it."""

    __tablename__ = "referrals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    discharge_id: Mapped[int] = mapped_column(ForeignKey("discharge_plans.id"))
    service: Mapped[str] = mapped_column(String(200))
    contact: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_referrals_discharge_id", "discharge_id"),)


class Checkup(Base):
    """A scheduled recovery check-up after discharge."""

    __tablename__ = "checkups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    episode_id: Mapped[int] = mapped_column(ForeignKey("episodes.id"))
    months_after: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[date] = mapped_column(Date)
    #: "due" until an outcome is recorded, then "done"; "cancelled" if the client re-enters care
    status: Mapped[str] = mapped_column(String(16), default="due")
    outcome: Mapped[str | None] = mapped_column(String(32), nullable=True)
    completed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    barc10_id: Mapped[int | None] = mapped_column(ForeignKey("barc10.id"), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_checkups_status_due_client", "status", "due_date", "client_id"),
        Index("ix_checkups_client_id", "client_id"),
    )


class CheckupAttempt(Base):
    __tablename__ = "checkup_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    checkup_id: Mapped[int] = mapped_column(ForeignKey("checkups.id"))
    attempted_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(32))
    reached: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))

    __table_args__ = (Index("ix_checkup_attempts_checkup_id", "checkup_id"),)
