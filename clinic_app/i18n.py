"""Translation helper for everything the core writes for people to read outside the GUI.

Printed documents, exports and ``continuum-admin`` messages go through :func:`tr`; the
desktop GUI uses Qt's own ``tr()`` and does not come here.  The English text *is* the
message id, so untranslated text simply shows in English.  Spanish lives in
:mod:`clinic_app.i18n_es` as a plain dict.

Dates are formatted by :func:`format_date` from built-in month names, never from the
operating system's locale, so a document looks the same on every computer.
"""

from __future__ import annotations

from datetime import date, datetime

from clinic_app.i18n_es import CATALOGUE as _ES_CATALOGUE

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "es")
DEFAULT_LANGUAGE = "en"

_CATALOGUES: dict[str, dict[str, str]] = {"es": _ES_CATALOGUE}

_MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    # CLDR abbreviations for Spanish, lower case and without a full stop.
    "es": ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"),
}


def normalise_lang(lang: str | None) -> str:
    """Reduce a language tag to a supported language: ``"es-AR"`` -> ``"es"``, unknown -> ``"en"``."""
    if not lang:
        return DEFAULT_LANGUAGE
    primary = lang.strip().lower().replace("_", "-").split(".")[0].split("@")[0].split("-")[0]
    return primary if primary in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def tr(text: str, lang: str = "en", **fmt: object) -> str:
    """Return ``text`` translated into ``lang`` (English if there is no translation).

    When keyword arguments are given, the result is filled in with ``str.format(**fmt)``.
    A translation whose placeholders do not match falls back to the English text rather
    than failing while a document is being printed.
    """
    catalogue = _CATALOGUES.get(normalise_lang(lang))
    translated = catalogue.get(text, text) if catalogue else text
    if not fmt:
        return translated
    try:
        return translated.format(**fmt)
    except (KeyError, IndexError, ValueError):
        return text.format(**fmt)


def format_date(d: date | datetime, lang: str) -> str:
    """Format a date as ``24 Nov 2026`` (English) or ``24 nov 2026`` (Spanish)."""
    months = _MONTHS[normalise_lang(lang)]
    return f"{d.day} {months[d.month - 1]} {d.year}"
