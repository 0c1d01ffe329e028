"""Exceptions the core raises on purpose, each carrying a message fit for a user.

``ValidationError`` carries one message per field, so that forms can put each message
beside the field it names and the command line can print ``field: message`` lines.
No exception raised here ever carries a password, a key or a client's personal data
beyond what the user just typed into the field being complained about.
"""

from __future__ import annotations

from collections.abc import Mapping


class ContinuumError(Exception):
    """Base class of every error meant to be shown to the user as it is."""


class ValidationError(ContinuumError):
    """Bad input: ``errors`` maps a field name to what is wrong with it and what is expected."""

    def __init__(self, errors: Mapping[str, str] | str, field: str | None = None) -> None:
        if isinstance(errors, str):
            errors = {field or "__all__": errors}
        self.errors: dict[str, str] = dict(errors)
        super().__init__("; ".join(f"{k}: {v}" if k != "__all__" else v for k, v in self.errors.items()))

    def merged(self, other: "ValidationError") -> "ValidationError":
        return ValidationError({**self.errors, **other.errors})


class PermissionDenied(ContinuumError):
    """The acting user's role (or an inactive account) does not allow this operation."""


class NotFound(ContinuumError):
    """The record asked for does not exist (or is not visible to the acting user)."""


class SignInFailed(ContinuumError):
    """Wrong user name or password.  The message never says which of the two was wrong."""

    MESSAGE = "The user name or password is not correct."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.MESSAGE)


class SignInThrottled(SignInFailed):
    """Too many failed sign-ins in a row: the next try must wait ``wait_seconds``."""

    def __init__(self, wait_seconds: float) -> None:
        self.wait_seconds = wait_seconds
        secs = int(wait_seconds + 0.999)
        super().__init__(
            f"Too many failed sign-ins. Please wait {secs} second{'s' if secs != 1 else ''} and try again."
        )


class StorageError(ContinuumError):
    """The data folder, database or key-slot file is missing, damaged or not readable."""
