"""The core's messages (validation, permission, storage errors) in the window's language.

The core raises its errors in English, the English text being the message id of
:func:`clinic_app.i18n.tr` (Spanish in :mod:`clinic_app.i18n_es`).  Many messages are
filled in before they are raised (``f"At most {max_len} characters (this has {n})."``),
so the text shown is looked up in two ways:

- as it is (a fixed message);
- against every catalogue entry with ``{placeholders}``, as a pattern in which each
  placeholder stands for any text; the values found are put into the translation, each
  value itself translated if it is a catalogue entry (e.g. "the date of birth" inside
  "The date cannot be before the date of birth.").

A text that is in no catalogue stays as it is (it may be the user's own words, an
operating-system message or already translated by Qt).  Several lines are translated line
by line (forms join a ValidationError's messages with line breaks).

Where the GUI applies it: :class:`ui.tasks.TaskRunner` rewrites every ``ContinuumError`` a
service call raised (:func:`localise_error`) before anyone sees it, and
:func:`ui.forms.set_message` translates what it puts into a message line, which covers
the checks the window runs with the core's own rules as the user types and the problems
a backup check reports; the start-up problem dialog translates the problems it lists.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from clinic_app.errors import ContinuumError, ValidationError
from clinic_app.i18n import DEFAULT_LANGUAGE, normalise_lang, tr
from clinic_app.i18n_es import CATALOGUE as ES_CATALOGUE
from ui.language import ui_language

_CATALOGUES: dict[str, dict[str, str]] = {"es": ES_CATALOGUE}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_LETTERS = re.compile(r"[^\W\d_]{2}")


@dataclass(frozen=True)
class _Template:
    key: str
    pattern: re.Pattern[str]
    #: the longest fixed part: a text without it cannot match (a cheap test before the pattern)
    anchor: str


def _template(key: str) -> _Template | None:
    """The pattern of a catalogue entry with placeholders; None if it has none or no words of its own."""
    parts = _PLACEHOLDER.split(key)
    fixed, names = parts[0::2], parts[1::2]
    if not names or not _LETTERS.search("".join(fixed)):
        return None
    regex, seen = [re.escape(fixed[0])], set()
    for name, text in zip(names, fixed[1:]):
        regex.append(f"(?P={name})" if name in seen else f"(?P<{name}>.*?)")
        seen.add(name)
        regex.append(re.escape(text))
    return _Template(key, re.compile("".join(regex), re.DOTALL), max(fixed, key=len))


@functools.cache
def _templates(language: str) -> tuple[_Template, ...]:
    """The catalogue's entries with placeholders, the most specific (longest fixed text) first."""
    found = (_template(key) for key in _CATALOGUES.get(language, {}) if "{" in key)
    return tuple(sorted((t for t in found if t is not None), key=lambda t: -len(_PLACEHOLDER.sub("", t.key))))


def _translate_line(text: str, language: str) -> str:
    catalogue = _CATALOGUES[language]
    if text in catalogue or not text.strip():
        return catalogue.get(text, text)
    for template in _templates(language):
        if template.anchor not in text:
            continue
        match = template.pattern.fullmatch(text)
        if match is not None:
            values = {name: _translate_line(value, language) for name, value in match.groupdict().items()}
            return tr(template.key, language, **values)
    return text


def core_text(text: str, language: str | None = None) -> str:
    """``text`` (a message from the core) in ``language`` (default: the window's)."""
    language = normalise_lang(language) if language is not None else ui_language()
    if language == DEFAULT_LANGUAGE or language not in _CATALOGUES or not text:
        return text
    return "\n".join(_translate_line(line, language) for line in text.split("\n"))


def localise_error(exc: ContinuumError, language: str | None = None) -> ContinuumError:
    """Rewrite ``exc``'s message(s) in ``language`` (default: the window's), in place; returns ``exc``.

    A ``ValidationError`` keeps its field names; only the messages change.
    """
    if isinstance(exc, ValidationError):
        exc.errors = {field: core_text(message, language) for field, message in exc.errors.items()}
        exc.args = ValidationError(exc.errors).args
    elif exc.args and isinstance(exc.args[0], str):
        exc.args = (core_text(exc.args[0], language), *exc.args[1:])
    return exc
