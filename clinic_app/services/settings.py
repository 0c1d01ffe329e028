"""Organisation settings: name, address and logo for printed documents, idle-lock minutes,
the check-up pattern, the statistics threshold, the confidentiality notice and the
"bind to this computer" switch.

Stored as key/value rows in the encrypted ``settings`` table.  Everyone signed in can read
them (the GUI needs the idle-lock time); only administrators change them, and every
change is audited with the names of the settings changed (not their values, which may
include an address).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, fields, replace
from typing import Any

from clinic_app.db.models import Setting
from clinic_app.errors import ValidationError
from clinic_app.security import keystore
from clinic_app.services import audit
from clinic_app.services.auth import ADMINISTRATOR, Actor, require
from clinic_app.uow import UnitOfWork
from clinic_app.workspace import BIND_TO_COMPUTER, ORG_NAME

MIN_STATISTICS_THRESHOLD = 3
DEFAULT_CHECKUP_MONTHS = (3, 6, 9, 12, 15, 18, 21, 24)
#: printed on every page of a client document when the organisation set no notice of its own
#: (a redisclosure notice in the spirit of US 42 CFR Part 2; translated by ``clinic_app.i18n``)
DEFAULT_CONFIDENTIALITY_NOTICE = (
    "This record is confidential and protected by law. It may not be disclosed further "
    "without the written consent of the person it concerns, except as the law allows."
)


@dataclass(frozen=True)
class OrganisationSettings:
    name: str = ""
    address: str = ""
    logo_png: bytes | None = None
    idle_lock_minutes: int = 10
    checkup_months: tuple[int, ...] = DEFAULT_CHECKUP_MONTHS
    statistics_threshold: int = 5
    confidentiality_notice: str = ""
    bind_to_computer: bool = False


_KEYS = {
    "name": ORG_NAME,
    "address": "organisation.address",
    "logo_png": "organisation.logo_png",
    "idle_lock_minutes": "security.idle_lock_minutes",
    "checkup_months": "followup.checkup_months",
    "statistics_threshold": "statistics.threshold",
    "confidentiality_notice": "documents.confidentiality_notice",
    "bind_to_computer": BIND_TO_COMPUTER,
}


def _decode(name: str, value: Any) -> Any:
    if name == "logo_png":
        return base64.b64decode(value) if value else None
    if name == "checkup_months":
        return tuple(int(v) for v in value)
    return value


def _encode(name: str, value: Any) -> Any:
    if name == "logo_png":
        return base64.b64encode(value).decode("ascii") if value else None
    if name == "checkup_months":
        return list(value)
    return value


def read_settings(uow: UnitOfWork) -> OrganisationSettings:
    """The settings without a role check (for core code such as document rendering)."""
    rows = {s.key: s.value for s in uow.session.query(Setting).filter(Setting.key.in_(_KEYS.values()))}
    values = {name: _decode(name, rows[key]) for name, key in _KEYS.items() if rows.get(key) is not None}
    return OrganisationSettings(**values)


def get_settings(uow: UnitOfWork, actor: Actor) -> OrganisationSettings:
    require(uow, actor)
    return read_settings(uow)


def _validate(s: OrganisationSettings) -> None:
    errors: dict[str, str] = {}
    if not s.name.strip():
        errors["name"] = "Enter the organisation's name."
    elif len(s.name) > 200:
        errors["name"] = "The organisation's name can have at most 200 characters."
    if len(s.address) > 500:
        errors["address"] = "The address can have at most 500 characters."
    if s.logo_png is not None and not s.logo_png.startswith(b"\x89PNG\r\n\x1a\n"):
        errors["logo_png"] = "The logo must be a PNG image."
    elif s.logo_png is not None and len(s.logo_png) > 2_000_000:
        errors["logo_png"] = "The logo must be smaller than 2 MB."
    if not 1 <= s.idle_lock_minutes <= 240:
        errors["idle_lock_minutes"] = "The idle lock must be between 1 and 240 minutes."
    months = s.checkup_months
    if not months or any(m <= 0 or m > 120 for m in months) or list(months) != sorted(set(months)):
        errors["checkup_months"] = "List the check-up months in increasing order, each between 1 and 120 (e.g. 3, 6, 12)."
    if not MIN_STATISTICS_THRESHOLD <= s.statistics_threshold <= 100:
        errors["statistics_threshold"] = f"The threshold must be between {MIN_STATISTICS_THRESHOLD} and 100."
    if s.bind_to_computer and not keystore.keyring_status().secure:
        errors["bind_to_computer"] = keystore.keyring_status().message
    if len(s.confidentiality_notice) > 1000:
        errors["confidentiality_notice"] = "The notice can have at most 1000 characters."
    if errors:
        raise ValidationError(errors)


def update_settings(uow: UnitOfWork, actor: Actor, **changes: Any) -> OrganisationSettings:
    """Change some settings (administrators).  Unknown names are a programming error."""
    require(uow, actor, ADMINISTRATOR)
    known = {f.name for f in fields(OrganisationSettings)}
    unknown = set(changes) - known
    if unknown:
        raise TypeError(f"unknown settings: {sorted(unknown)}")
    if "checkup_months" in changes:
        changes["checkup_months"] = tuple(changes["checkup_months"])
    current = read_settings(uow)
    new = replace(current, **changes)
    if changes.get("bind_to_computer") and current.bind_to_computer:
        changes.pop("bind_to_computer")
    _validate(replace(new, bind_to_computer=new.bind_to_computer and not current.bind_to_computer))
    changed = sorted(n for n in changes if getattr(current, n) != getattr(new, n))
    for name in changed:
        uow.session.merge(Setting(key=_KEYS[name], value=_encode(name, getattr(new, name))))
    if changed:
        audit.record(uow, actor, "settings.changed", details={"settings": changed})
    return new
