"""The recovery code: 130 random bits written for humans, with a typo check.

Format: 28 characters from Crockford's base32 alphabet (no I, L, O, U), printed in seven
groups of four (``7K3M-Q9PA-…``).  The first 26 characters are random (130 bits); the last
two are a check (the first 10 bits of SHA-256 over the first 26), so a mistyped code is
rejected at once, before any key derivation.  Reading is forgiving: lower case, spaces and
hyphens are accepted, and O/I/L are read as 0/1/1 as Crockford prescribes.
"""

from __future__ import annotations

import hashlib
import secrets

from clinic_app.errors import ValidationError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
DATA_CHARS = 26
CHECK_CHARS = 2
GROUP = 4
_READ_AS = {"O": "0", "I": "1", "L": "1"}


def _check(data: str) -> str:
    bits = int.from_bytes(hashlib.sha256(b"continuum-recovery-code:" + data.encode()).digest()[:2], "big") >> 6
    return ALPHABET[bits >> 5] + ALPHABET[bits & 31]


def new_recovery_code() -> str:
    """A fresh code in its printed form."""
    data = "".join(secrets.choice(ALPHABET) for _ in range(DATA_CHARS))
    return format_code(data + _check(data))


def format_code(chars: str) -> str:
    return "-".join(chars[i : i + GROUP] for i in range(0, len(chars), GROUP))


def parse_recovery_code(text: str, field: str = "recovery_code") -> str:
    """Return the canonical 28-character code, or raise ``ValidationError`` naming ``field``."""
    chars = "".join(_READ_AS.get(c, c) for c in text.upper() if c not in " -\t\r\n")
    if len(chars) != DATA_CHARS + CHECK_CHARS:
        raise ValidationError(
            {field: f"A recovery code has {DATA_CHARS + CHECK_CHARS} letters and digits (7 groups of 4); this one has {len(chars)}."}
        )
    bad = sorted({c for c in chars if c not in ALPHABET})
    if bad:
        raise ValidationError({field: f"A recovery code never contains {', '.join(repr(c) for c in bad)}. Please check the sheet."})
    if _check(chars[:DATA_CHARS]) != chars[DATA_CHARS:]:
        raise ValidationError({field: "This recovery code has a typing mistake. Please check each group against the sheet."})
    return chars
