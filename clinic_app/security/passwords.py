"""Password policy and Argon2id key derivation.

Policy (checked by every service that sets a password): at least 10 characters, not the
user name (nor the user name with a few characters around it), and not one of the most
common passwords (a short list shipped in ``resources/common-passwords.txt``).

Passwords are normalised to Unicode NFC before use, so the same password typed on systems
that compose accents differently derives the same key.  Key derivation is Argon2id from
``cryptography``; its parameters are stored with every key slot so they can be raised later
without locking anyone out.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from clinic_app.errors import ValidationError

MIN_LENGTH = 10


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters (memory in KiB).  The defaults are m=64 MiB, t=3, p=4."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def to_json(self) -> dict[str, int]:
        return {"alg": "argon2id", "m": self.memory_kib, "t": self.iterations, "p": self.lanes}  # type: ignore[dict-item]

    @classmethod
    def from_json(cls, data: dict[str, object]) -> "KdfParams":
        if data.get("alg") != "argon2id":
            raise ValueError("unsupported key derivation")
        return cls(memory_kib=int(data["m"]), iterations=int(data["t"]), lanes=int(data["p"]))  # type: ignore[arg-type]


DEFAULT_KDF = KdfParams()


def normalise_secret(secret: str) -> bytes:
    """The bytes a password or code is derived from: NFC-normalised UTF-8, nothing stripped."""
    return unicodedata.normalize("NFC", secret).encode("utf-8")


def derive_key(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    """Argon2id: a 256-bit key-encryption key from a password (or recovery code)."""
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(secret)


@lru_cache(maxsize=1)
def _common_passwords() -> frozenset[str]:
    text = resources.files("clinic_app.resources").joinpath("common-passwords.txt").read_text("utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def check_password_policy(user_name: str, password: str, field: str = "password") -> None:
    """Raise ``ValidationError`` naming ``field`` when the password breaks the policy."""
    pw = unicodedata.normalize("NFC", password)
    if len(pw) < MIN_LENGTH:
        raise ValidationError({field: f"The password must be at least {MIN_LENGTH} characters long."})
    folded = pw.casefold()
    name = unicodedata.normalize("NFC", user_name).strip().casefold()
    if name and (folded == name or (name in folded and len(folded) - len(name) <= 4)):
        raise ValidationError({field: "The password must not be the user name."})
    if folded in _common_passwords() or folded.rstrip("0123456789!.") in _common_passwords():
        raise ValidationError({field: "This password is too common. Choose a longer phrase only you would use."})
