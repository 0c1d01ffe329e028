"""Printing: gather a record through the services, render its PDF, audit the print.

Each function here is a service (``f(uow, actor, ...) -> frozen dataclass``) that checks the
role, reads what the document needs through the record services (which audit their own
reads), renders it with :mod:`clinic_app.documents`, records one ``document.printed``
audit entry whose details hold the SHA-256 of exactly the bytes returned, and returns a
:class:`PrintedDocument`.  The caller commits (the audit entry is part of the unit of
work) and then saves, previews or prints the bytes; nothing here writes a file.

=========================  ==========================================  ==============================
function                   prints                                      who may
=========================  ==========================================  ==============================
:func:`print_care_plan`    a version of a care plan                    counsellors, administrators
:func:`print_discharge_…`  the discharge summary of an episode         counsellors, administrators
:func:`print_intake_…`     the intake summary of an episode            counsellors, administrators
:func:`print_blank_intake` the blank intake form                       everyone but statistics staff
:func:`print_blank_care…`  the blank care-plan form                    everyone but statistics staff
=========================  ==========================================  ==============================

Decisions
---------
* **Language**: a client document is printed in the client's preferred language unless
  ``lang`` says otherwise; a blank form in ``lang`` (English by default).
* **Which record**: without an explicit id, the *current* episode is the open one, else
  the most recent.  The care plan printed is that episode's active version, else its draft
  (to print for signing before it is activated); ``version`` or ``plan_id`` choose another.
  A current episode that has nothing to print is refused with a message naming what is
  missing rather than falling back silently to an older episode.
* **Letterhead** from the settings (name, address, logo); the organisation's own
  confidentiality notice when one is set, else the default redisclosure notice.  The
  "printed by" name is the acting user's full name (else the account name).
* **Audit**: ``document.printed`` with ``entity``/``entity_id`` naming what was printed,
  the client's id, and details ``{"document", "sha256", "bytes", "lang"}`` plus the plan
  version or episode id.  The hash lets anyone holding a printout's PDF prove it is the
  one that was printed (PDFs carry their creation time, so two prints differ).
* **Privacy**: the PDF's metadata title is the document's kind only ("Care plan"), never
  the client's name (see :mod:`clinic_app.documents.layout`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from clinic_app.db.models import Client, User
from clinic_app.documents.blank_forms import render_blank_care_plan, render_blank_intake
from clinic_app.documents.care_plan import render_care_plan
from clinic_app.documents.discharge_summary import render_discharge_summary
from clinic_app.documents.intake_summary import render_intake_summary
from clinic_app.documents.record_parts import Letterhead
from clinic_app.errors import NotFound, ValidationError
from clinic_app.i18n import SUPPORTED_LANGUAGES, normalise_lang
from clinic_app.services import assessments, audit, care_plans, clients, discharge, followups, settings
from clinic_app.services.assessments import INTAKE
from clinic_app.services.auth import RECORD_ROLES, ROLES, STATISTICS, Actor, require
from clinic_app.services.clients import ClientRecord
from clinic_app.services.episodes import EpisodeRecord
from clinic_app.uow import UnitOfWork

CARE_PLAN = "care_plan"
DISCHARGE_SUMMARY = "discharge_summary"
INTAKE_SUMMARY = "intake_summary"
BLANK_INTAKE = "blank_intake"
BLANK_CARE_PLAN = "blank_care_plan"
DOCUMENT_KINDS = (CARE_PLAN, DISCHARGE_SUMMARY, INTAKE_SUMMARY, BLANK_INTAKE, BLANK_CARE_PLAN)

#: who may print client documents
CLIENT_DOCUMENT_ROLES = RECORD_ROLES
#: who may print blank forms: everyone but statistics staff
BLANK_FORM_ROLES = tuple(role for role in ROLES if role != STATISTICS)

PRINTED = "document.printed"


@dataclass(frozen=True)
class PrintedDocument:
    """A rendered document: the PDF bytes and what the audit log recorded about them."""

    kind: str
    lang: str
    pdf: bytes
    sha256: str
    client_id: int | None = None
    client_code: str | None = None

    @property
    def suggested_filename(self) -> str:
        """``care-plan-C-2026-0042.pdf``, ``blank-intake.pdf``: a name without personal data."""
        stem = self.kind.replace("_", "-")
        return f"{stem}-{self.client_code}.pdf" if self.client_code else f"{stem}.pdf"


# --- shared steps ----------------------------------------------------------------------------


def _language(lang: str | None, default: str) -> str:
    if lang is None or lang == "":
        return normalise_lang(default)
    if lang not in SUPPORTED_LANGUAGES:
        raise ValidationError({"lang": f"Choose one of: {', '.join(SUPPORTED_LANGUAGES)}."})
    return lang


def _letterhead(uow: UnitOfWork, actor: Actor, user: User, lang: str) -> Letterhead:
    org = settings.get_settings(uow, actor)
    return Letterhead(
        org_name=org.name,
        org_address=org.address,
        logo_png=org.logo_png,
        confidentiality_notice=org.confidentiality_notice or None,
        printed_by=user.full_name or user.name,
        printed_at=datetime.now(),
        lang=lang,
    )


def _finish(uow: UnitOfWork, actor: Actor, kind: str, lang: str, pdf: bytes, *, entity: str,
            entity_id: int | None, client: ClientRecord | None = None, **details: object) -> PrintedDocument:
    digest = hashlib.sha256(pdf).hexdigest()
    audit.record(uow, actor, PRINTED, entity=entity, entity_id=entity_id,
                 client_id=client.id if client else None,
                 details={"document": kind, "sha256": digest, "bytes": len(pdf), "lang": lang, **details})
    return PrintedDocument(kind, lang, pdf, digest, client.id if client else None, client.code if client else None)


def _current_episode(client: ClientRecord) -> EpisodeRecord:
    """The open episode, else the most recent one."""
    if client.open_episode is not None:
        return client.open_episode
    if not client.episodes:
        raise ValidationError({"episode_id": f"Client {client.code} has no episode of care."})
    return client.episodes[-1]


def _episode(client: ClientRecord, episode_id: int | None) -> EpisodeRecord:
    if episode_id is None:
        return _current_episode(client)
    for episode in client.episodes:
        if episode.id == episode_id:
            return episode
    raise ValidationError({"episode_id": f"Choose one of the episodes of care of client {client.code}."})


def _user_name(uow: UnitOfWork, user_id: int | None) -> str | None:
    user = uow.session.get(User, user_id) if user_id is not None else None
    return (user.full_name or user.name) if user is not None else None


def client_id_by_code(uow: UnitOfWork, actor: Actor, code: str) -> int:
    """The id of the client with this client code (any case, surrounding spaces ignored)."""
    require(uow, actor, *CLIENT_DOCUMENT_ROLES)
    wanted = code.strip().upper() if isinstance(code, str) else ""
    if not wanted:
        raise ValidationError({"client": "Give the client code, e.g. C-2026-0042."})
    found = uow.session.execute(select(Client.id).where(Client.code == wanted)).scalar_one_or_none()
    if found is None:
        raise NotFound(f"There is no client with the code {wanted}.")
    return int(found)


# --- client documents -------------------------------------------------------------------------


def _choose_plan(uow: UnitOfWork, actor: Actor, client: ClientRecord, plan_id: int | None,
                 version: int | None) -> care_plans.CarePlan:
    if plan_id is not None and version is not None:
        raise ValidationError({"version": "Choose the plan either by its id or by its version, not both."})
    if plan_id is not None:
        plan = care_plans.get_plan(uow, actor, plan_id)
        if plan.client_id != client.id:
            raise ValidationError({"plan_id": f"This care plan is not one of client {client.code}'s."})
        return plan
    episode = _current_episode(client)
    versions = care_plans.list_versions(uow, actor, episode.id)
    if version is not None:
        chosen = next((v for v in versions if v.version == version), None)
        if chosen is None:
            known = ", ".join(str(v.version) for v in versions) or "none"
            raise ValidationError({"version": f"The care plan of client {client.code}'s current episode has no "
                                              f"version {version} (versions: {known})."})
    else:
        chosen = (next((v for v in versions if v.status == care_plans.ACTIVE), None)
                  or next((v for v in versions if v.status == care_plans.DRAFT), None))
        if chosen is None:
            raise ValidationError({"client": f"Client {client.code}'s current episode of care has no care plan "
                                             "yet."})
    return care_plans.get_plan(uow, actor, chosen.id)


def print_care_plan(uow: UnitOfWork, actor: Actor, client_id: int, *, lang: str | None = None,
                    plan_id: int | None = None, version: int | None = None) -> PrintedDocument:
    """Print a care plan: by default the current episode's active version (else its draft)."""
    user = require(uow, actor, *CLIENT_DOCUMENT_ROLES)
    client = clients.get_client(uow, actor, client_id)
    lang = _language(lang, client.preferred_language)
    plan = _choose_plan(uow, actor, client, plan_id, version)
    series = assessments.barc10_series(uow, actor, client.id)
    pdf = render_care_plan(_letterhead(uow, actor, user, lang), client, plan, series,
                           signed_by=_user_name(uow, plan.counsellor_signed_by))
    return _finish(uow, actor, CARE_PLAN, lang, pdf, entity="care_plan", entity_id=plan.id, client=client,
                   version=plan.version)


def print_discharge_summary(uow: UnitOfWork, actor: Actor, client_id: int, *, lang: str | None = None,
                            episode_id: int | None = None) -> PrintedDocument:
    """Print the discharge summary of an episode (default: the current one).

    An open episode prints only when its discharge plan has been started.
    """
    user = require(uow, actor, *CLIENT_DOCUMENT_ROLES)
    client = clients.get_client(uow, actor, client_id)
    lang = _language(lang, client.preferred_language)
    episode = _episode(client, episode_id)
    plan = discharge.get_plan(uow, actor, episode.id)
    if plan is None and episode.discharge_date is None:
        raise ValidationError({"episode_id": f"Client {client.code}'s episode of care admitted on "
                                             f"{episode.admission_date.isoformat()} is not discharged and has "
                                             "no discharge plan yet."})
    care_plan = care_plans.active_plan(uow, actor, episode.id)
    checkups = tuple(c for c in followups.list_checkups(uow, actor, client.id) if c.episode_id == episode.id)
    pdf = render_discharge_summary(_letterhead(uow, actor, user, lang), client, episode.id, plan, care_plan,
                                   checkups)
    return _finish(uow, actor, DISCHARGE_SUMMARY, lang, pdf, entity="episode", entity_id=episode.id,
                   client=client)


def print_intake_summary(uow: UnitOfWork, actor: Actor, client_id: int, *, lang: str | None = None,
                         episode_id: int | None = None) -> PrintedDocument:
    """Print the intake summary of an episode (default: the current one)."""
    user = require(uow, actor, *CLIENT_DOCUMENT_ROLES)
    client = clients.get_client(uow, actor, client_id)
    lang = _language(lang, client.preferred_language)
    episode = _episode(client, episode_id)
    if episode.intake is None:
        raise ValidationError({"episode_id": f"Client {client.code}'s episode of care admitted on "
                                             f"{episode.admission_date.isoformat()} has no intake assessment."})
    intake_barc10 = next((r for r in assessments.barc10_series(uow, actor, client.id)
                          if r.episode_id == episode.id and r.context == INTAKE), None)
    pdf = render_intake_summary(_letterhead(uow, actor, user, lang), client, episode.id, intake_barc10)
    return _finish(uow, actor, INTAKE_SUMMARY, lang, pdf, entity="episode", entity_id=episode.id, client=client)


# --- blank forms ------------------------------------------------------------------------------


def _print_blank(uow: UnitOfWork, actor: Actor, kind: str, lang: str | None,
                 render: Callable[[Letterhead], bytes]) -> PrintedDocument:
    user = require(uow, actor, *BLANK_FORM_ROLES)
    lang = _language(lang, "en")
    pdf = render(_letterhead(uow, actor, user, lang))
    return _finish(uow, actor, kind, lang, pdf, entity="form", entity_id=None)


def print_blank_intake(uow: UnitOfWork, actor: Actor, *, lang: str | None = None) -> PrintedDocument:
    """Print the blank intake form (English unless ``lang`` says otherwise)."""
    return _print_blank(uow, actor, BLANK_INTAKE, lang, render_blank_intake)


def print_blank_care_plan(uow: UnitOfWork, actor: Actor, *, lang: str | None = None) -> PrintedDocument:
    """Print the blank care-plan form (English unless ``lang`` says otherwise)."""
    return _print_blank(uow, actor, BLANK_CARE_PLAN, lang, render_blank_care_plan)


__all__ = [
    "BLANK_CARE_PLAN",
    "BLANK_FORM_ROLES",
    "BLANK_INTAKE",
    "CARE_PLAN",
    "CLIENT_DOCUMENT_ROLES",
    "DISCHARGE_SUMMARY",
    "DOCUMENT_KINDS",
    "INTAKE_SUMMARY",
    "PRINTED",
    "PrintedDocument",
    "client_id_by_code",
    "print_blank_care_plan",
    "print_blank_intake",
    "print_care_plan",
    "print_discharge_summary",
    "print_intake_summary",
]
