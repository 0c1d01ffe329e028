"""Helpers every record service shares: the record-role check, loading a client or episode,
and field validation that raises ``ValidationError`` naming the field.

Validation helpers collect into a ``Checker`` so a form gets every problem at once:

    c = Checker()
    dob = c.date(values.get("date_of_birth"), "date_of_birth", past_only=True)
    c.code(codes.SEX, values.get("sex"), "sex")
    c.raise_if_any()
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from clinic_app.db.models import Client, Episode, User
from clinic_app.errors import NotFound, ValidationError
from clinic_app.services.auth import ADMINISTRATOR, RECORD_ROLES, Actor, require
from clinic_app.uow import UnitOfWork

EARLIEST_DATE = date(1900, 1, 1)


def today() -> date:
    """The local calendar date (one place, so tests and demo data can rely on it)."""
    return date.today()


def require_records(uow: UnitOfWork, actor: Actor) -> User:
    """Counsellors and administrators work with records; statistics staff never do."""
    return require(uow, actor, *RECORD_ROLES)


def load_client(uow: UnitOfWork, client_id: int) -> Client:
    client = uow.session.get(Client, client_id)
    if client is None:
        raise NotFound("This client record does not exist.")
    return client


def load_episode(uow: UnitOfWork, episode_id: int) -> Episode:
    episode = uow.session.get(Episode, episode_id)
    if episode is None:
        raise NotFound("This episode of care does not exist.")
    return episode


def may_read_sensitive(user: User, client: Client) -> bool:
    """Sensitive family/child notes: the assigned counsellor and administrators only."""
    return user.role == ADMINISTRATOR or client.counsellor_id == user.id


def _encodable(value: str) -> bool:
    """False for text holding lone surrogates (not valid Unicode text, cannot be stored)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Checker:
    """Collects field errors; every method returns the cleaned value (or None if invalid)."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def fail(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)

    def text(self, value: Any, field: str, *, max_len: int, required: bool = False) -> str:
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.fail(field, "Expected text.")
            return ""
        if required and not value.strip():
            self.fail(field, "This field is required.")
        elif len(value) > max_len:
            self.fail(field, f"At most {max_len} characters (this has {len(value)}).")
        elif "\x00" in value or not _encodable(value):
            self.fail(field, "The text contains a character that cannot be stored.")
        return value

    def date(
        self,
        value: Any,
        field: str,
        *,
        required: bool = True,
        past_only: bool = False,
        not_before: date | None = None,
        not_before_label: str = "",
    ) -> date | None:
        if value is None or value == "":
            if required:
                self.fail(field, "Enter a date (YYYY-MM-DD).")
            return None
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value.strip())
            except ValueError:
                self.fail(field, f"{value!r} is not a valid date; use YYYY-MM-DD, e.g. 2026-03-31.")
                return None
        if not isinstance(value, date):
            self.fail(field, "Expected a date (YYYY-MM-DD).")
            return None
        if value < EARLIEST_DATE:
            self.fail(field, f"The date must be on or after {EARLIEST_DATE.isoformat()}.")
            return None
        if past_only and value > today():
            self.fail(field, "The date cannot be in the future.")
            return None
        if not_before is not None and value < not_before:
            self.fail(field, f"The date cannot be before {not_before_label or not_before.isoformat()}.")
            return None
        return value

    def code(self, code_list: Any, value: Any, field: str, *, required: bool = True) -> str | None:
        """``code_list`` is a ``clinic_app.codes.CodeList``."""
        if value is None or value == "":
            if required:
                self.fail(field, f"Choose a value for {field.replace('_', ' ')}.")
            return None
        try:
            return code_list.validate(value, field)
        except ValidationError as exc:
            self.errors.update({k: v for k, v in exc.errors.items() if k not in self.errors})
            return None

    def integer(self, value: Any, field: str, *, low: int, high: int, required: bool = False) -> int | None:
        if value is None or value == "":
            if required:
                self.fail(field, f"Enter a whole number between {low} and {high}.")
            return None
        try:
            number = int(value)
            if isinstance(value, float) and value != number:
                raise ValueError
        except (TypeError, ValueError):
            self.fail(field, f"Enter a whole number between {low} and {high}.")
            return None
        if not low <= number <= high:
            self.fail(field, f"Enter a whole number between {low} and {high}.")
            return None
        return number
