"""The OS credential store (``keyring``): what belongs to one workstation.

Used for the optional "bind to this computer" secret: 32 random bytes kept in the OS
keyring and mixed into the key slots created on this computer when an administrator turns
binding on, so that a copied data folder cannot be opened with a password alone on another
computer (the recovery code always works: it is never bound).

Where no secure backend exists (keyring's fail or null backend, a headless machine, a
locked or broken Secret Service), ``keyring_status()`` says so in plain words and every
other function here degrades to "not available"; the application keeps working unbound.
No secret is ever logged or put in an exception message.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

SERVICE = "Continuum"


@dataclass(frozen=True)
class KeyringStatus:
    secure: bool
    backend: str
    message: str


def _backend():  # type: ignore[no-untyped-def]
    import keyring

    return keyring.get_keyring()


def keyring_status() -> KeyringStatus:
    """Whether a secure OS credential store is available, and a sentence saying so."""
    try:
        kr = _backend()
        name = f"{type(kr).__module__}.{type(kr).__name__}"
        insecure = (
            name.startswith("keyring.backends.fail")
            or name.startswith("keyring.backends.null")
            or getattr(kr, "priority", 1) <= 0
            or (name.endswith("ChainerBackend") and not getattr(kr, "backends", []))
        )
    except Exception:  # noqa: BLE001 - any failure of the backend means "not available"
        name, insecure = "unavailable", True
    if insecure:
        return KeyringStatus(
            False,
            name,
            "This computer has no secure password store available to Continuum. "
            "Binding the data to this computer is not possible; everything else works normally.",
        )
    return KeyringStatus(True, name, "This computer's secure password store is available.")


def _entry(db_id: str) -> str:
    return f"machine-binding:{db_id}"


def get_machine_secret(db_id: str, create: bool = False) -> bytes | None:
    """The binding secret for this database on this computer (created if asked and possible)."""
    if not keyring_status().secure:
        return None
    import keyring

    try:
        value = keyring.get_password(SERVICE, _entry(db_id))
        if value is None and create:
            value = secrets.token_hex(32)
            keyring.set_password(SERVICE, _entry(db_id), value)
    except Exception:  # noqa: BLE001
        return None
    return bytes.fromhex(value) if value else None
