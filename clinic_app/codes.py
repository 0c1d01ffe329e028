"""Every coded answer in Continuum, in one place.

Each question with a fixed set of answers (sex, primary drug, discharge reason, care-plan
goal status, ...) is a :class:`CodeList` of :class:`Code` items.  Each item has

* a **stable code**: a short lower-case ASCII identifier such as ``heroin``,
  ``cocaine_powder`` or ``not_known``.  This is what the database stores, what exports
  and CSV files carry, and what the rest of the code compares against;
* an **English** and a **Spanish** label, for screens, printed documents and reports;
* optionally a **group** (for example the drug class a drug belongs to) and the
  **TDI number** (``tdi``) the answer maps to in the EUDA/EMCDDA Treatment Demand
  Indicator, so the statistics module can produce TDI tables without a second list.

Decisions
---------
* **String codes, not numbers.**  Numeric codes get renumbered when a standard is
  revised (TDI 2.0 -> 3.0 did exactly that) or when a new answer has to be slotted in
  between two others; a stored ``3`` then silently changes meaning.  ``heroin`` cannot.
  Standards' numbers live beside the code (``Code.tdi``, :data:`TEDS_NUMBER`) and are
  used only when exporting.  A code is never renamed or reused once released; an answer
  that is no longer offered stays in its list so old records keep their label.
* **TDI 3.0 first.**  Where the TDI has the item, the answers follow it (so that a
  national focal point can take our figures), with a few product additions that map onto
  a TDI category (for example ``tramadol`` and ``pregabalin`` are counted as TDI "other
  opioids" and "other hypnotics and sedatives").  ``tdi`` is filled in where the
  product's answer has a TDI number we are confident of; ``None`` means "no one-to-one
  TDI number" and the statistics code maps by stable code instead.  A single-digit
  ``tdi`` on a drug is the TDI drug *group* (the sub-type is not recorded).  Before a
  first official TDI submission the numbers should be checked once more against the
  published protocol.
* **"Not known" is an answer, not a blank.**  Lists whose question allows it carry a
  ``not_known`` item (``CodeList.allows_not_known``); a blank field means "not asked
  yet", ``not_known`` means "asked, and the person did not know or would not say".
* **Discharge reasons** are the product's own list, each mapped to a US TEDS reason and
  a UK NDTMS outcome group, with ``successful`` (NDTMS "successful completion") and
  ``planned`` (a planned exit, which also counts a transfer with a referral made).
* **CSV import** goes through :meth:`CodeList.parse`, which takes a code or an English
  or Spanish label, ignoring case, accents and punctuation.
* :data:`CODE_LIST_VERSION` changes whenever an item is added, and is exported with the
  statistics so a figure can be traced to the lists that produced it.

This module imports nothing from Qt and nothing from the database layer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from clinic_app.errors import ValidationError

__all__ = [
    "CODE_LIST_VERSION",
    "LANGUAGES",
    "NOT_KNOWN",
    "Code",
    "CodeList",
    "DischargeReason",
    "ALL_LISTS",
    "get_list",
    "normalise_text",
    # TDI / client profile
    "TREATMENT_CENTRE",
    "PROGRAMME",
    "PREVIOUSLY_TREATED",
    "PREVIOUS_TREATMENT_GAP_MONTHS",
    "is_new_treatment_entry",
    "REFERRAL_SOURCE",
    "SEX",
    "GENDER_IDENTITY",
    "LANGUAGE",
    "LIVING_WITH",
    "LIVING_WITH_CHILDREN",
    "HAS_CHILDREN",
    "HOUSING",
    "NATIONALITY",
    "LABOUR_STATUS",
    "EDUCATION",
    "DRUG_GROUP",
    "DRUG",
    "MAX_SECONDARY_DRUGS",
    "validate_secondary_drugs",
    "ROUTE",
    "FREQUENCY",
    "INJECTING",
    "OST",
    "BBV_TESTING",
    "TEST_RESULT",
    "AGE_BANDS",
    "age_band",
    # discharge
    "DISCHARGE_REASONS",
    "DISCHARGE_REASON",
    "TEDS_GROUP",
    "TEDS_NUMBER",
    "NDTMS_GROUP",
    "discharge_reason",
    "teds_group",
    "ndtms_group",
    "is_successful",
    "is_planned",
    # care
    "RECOVERY_DOMAIN",
    "CONSENT_KIND",
    "NOTE_TYPE",
    "GOAL_STATUS",
    "CARE_PLAN_STATUS",
    "EPISODE_STATUS",
    "CHECKUP_CHANNEL",
    "CHECKUP_OUTCOME",
    "FAMILY_RELATIONSHIP",
    "CHILD_CARER",
    # BARC-10
    "BARC10_ITEM",
    "BARC10_SCALE",
    "BARC10_POINTS",
    "BARC10_MIN_TOTAL",
    "BARC10_MAX_TOTAL",
    "barc10_score",
    "barc10_total",
]

CODE_LIST_VERSION = "2026.1"
"""Version of the code lists as a whole; bump it whenever an item is added or relabelled."""

LANGUAGES: tuple[str, ...] = ("en", "es")
NOT_KNOWN = "not_known"

_CODE_RE = re.compile(r"[a-z][a-z0-9_]*\Z")
_NON_ALNUM_RE = re.compile(r"[^0-9a-z]+")
_CHOICES_SHOWN = 6
_MAX_ECHO = 40


def normalise_text(text: str) -> str:
    """Fold ``text`` for matching: no accents, no case, punctuation and ``_`` as spaces.

    ``"  Cocaína en POLVO "`` -> ``"cocaina en polvo"``; ``"cocaine_powder"`` ->
    ``"cocaine powder"``; ``"4–6 days a week"`` -> ``"4 6 days a week"``.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    unaccented = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_ALNUM_RE.sub(" ", unaccented.casefold()).strip()


def _lang(lang: str | None) -> str:
    """``"es-AR"`` -> ``"es"``; anything unsupported -> ``"en"``."""
    if not lang:
        return "en"
    primary = lang.strip().lower().replace("_", "-").split("-")[0]
    return primary if primary in LANGUAGES else "en"


def _echo(value: object) -> str:
    """The offending value as it may be shown back to the user, shortened."""
    text = value if isinstance(value, str) else repr(value)
    text = text.strip() if isinstance(text, str) else text
    return text if len(text) <= _MAX_ECHO else text[: _MAX_ECHO - 1] + "…"


@dataclass(frozen=True)
class Code:
    """One answer: its stable ``code``, English and Spanish labels and optional extras.

    ``group`` puts the answer in a wider category (a drug's class, a BARC-10 item's
    recovery-capital domain, an education level's ISCED level).  ``tdi`` is the number
    the answer has in the TDI 3.0 protocol, if any.  ``aliases`` are further spellings
    :meth:`CodeList.parse` accepts (``"1"`` for "Strongly disagree", ``"unknown"``).
    """

    code: str
    en: str
    es: str
    group: str | None = None
    tdi: int | None = None
    aliases: tuple[str, ...] = ()

    def label(self, lang: str = "en") -> str:
        """The label in ``lang`` (``"en"`` or ``"es"``); any other language gets English."""
        return self.es if _lang(lang) == "es" else self.en


@dataclass(frozen=True)
class CodeList:
    """The answers to one question, in display order.

    Construction checks the list (unique, well-formed codes; both labels present;
    ``not_known`` present exactly when ``allows_not_known``; no two answers that
    :meth:`parse` could confuse) and raises ``ValueError`` on a programming mistake.
    """

    name: str
    items: tuple[Code, ...]
    allows_not_known: bool
    _by_code: Mapping[str, Code] = field(init=False, repr=False, compare=False)
    _by_text: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        items = tuple(self.items)
        object.__setattr__(self, "items", items)
        if not _CODE_RE.match(self.name):
            raise ValueError(f"code list name {self.name!r} is not a lower-case identifier")
        if not items:
            raise ValueError(f"code list {self.name!r} is empty")
        by_code: dict[str, Code] = {}
        by_text: dict[str, str] = {}
        for item in items:
            if not isinstance(item, Code):
                raise ValueError(f"{self.name}: {item!r} is not a Code")
            if not _CODE_RE.match(item.code):
                raise ValueError(f"{self.name}: code {item.code!r} is not a lower-case identifier")
            if item.code in by_code:
                raise ValueError(f"{self.name}: code {item.code!r} appears twice")
            if not item.en.strip() or not item.es.strip():
                raise ValueError(f"{self.name}: {item.code!r} needs both an English and a Spanish label")
            by_code[item.code] = item
            for text in (item.code, item.en, item.es, *item.aliases):
                key = normalise_text(text)
                if not key:
                    raise ValueError(f"{self.name}: {item.code!r} has a label with no letters or digits")
                other = by_text.setdefault(key, item.code)
                if other != item.code:
                    raise ValueError(f"{self.name}: {text!r} would match both {other!r} and {item.code!r}")
        if self.allows_not_known != (NOT_KNOWN in by_code):
            raise ValueError(f"{self.name}: allows_not_known is {self.allows_not_known} but 'not_known' is "
                             f"{'present' if NOT_KNOWN in by_code else 'missing'}")
        object.__setattr__(self, "_by_code", MappingProxyType(by_code))
        object.__setattr__(self, "_by_text", MappingProxyType(by_text))

    # -- looking up -----------------------------------------------------------------

    def codes(self) -> tuple[str, ...]:
        """All stable codes, in display order."""
        return tuple(item.code for item in self.items)

    def get(self, code: str) -> Code | None:
        """The item with this exact stable code, or ``None``."""
        return self._by_code.get(code) if isinstance(code, str) else None

    def label(self, code: str | None, lang: str = "en") -> str:
        """The label of ``code`` in ``lang`` (unknown languages get English).

        ``None`` gives ``""``.  A code that is not in the list is returned unchanged, so a
        screen or document never fails on an odd value in an old record.
        """
        if code is None:
            return ""
        item = self.get(code)
        return item.label(lang) if item is not None else str(code)

    def choices(self, lang: str = "en") -> list[tuple[str, str]]:
        """``[(code, label), ...]`` in display order, for drop-down lists."""
        return [(item.code, item.label(lang)) for item in self.items]

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_code

    def __iter__(self) -> Iterator[Code]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    # -- checking input -------------------------------------------------------------

    def _expected(self) -> str:
        codes = self.codes()
        shown = ", ".join(codes[:_CHOICES_SHOWN])
        if len(codes) > _CHOICES_SHOWN:
            shown += f", … ({len(codes)} choices)"
        return f"expected one of: {shown}"

    def _error(self, value: object, field: str) -> ValidationError:
        if value is None or (isinstance(value, str) and not value.strip()):
            return ValidationError({field: f"{field} is required; {self._expected()}."})
        return ValidationError({field: f"“{_echo(value)}” is not a valid {field}; {self._expected()}."})

    def validate(self, value: object, field: str) -> str:
        """Return ``value`` if it is exactly one of this list's codes, else raise.

        Raises :class:`ValidationError` ``{field: "… expected one of: …"}``.
        """
        if isinstance(value, str) and value in self._by_code:
            return value
        raise self._error(value, field)

    def validate_optional(self, value: object, field: str) -> str | None:
        """Like :meth:`validate`, but ``None`` or a blank string give ``None``."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return self.validate(value, field)

    def parse(self, text: object, field: str) -> str:
        """Turn imported text into a stable code.

        Accepts the code itself or the English or Spanish label (or an alias), ignoring
        case, accents, surrounding spaces and punctuation: ``"Heroína"``, ``"heroina"``,
        ``"HEROIN"`` and ``"heroin"`` all give ``"heroin"``.  Anything else raises
        :class:`ValidationError` naming ``field``.
        """
        if isinstance(text, str):
            stripped = text.strip()
            if stripped in self._by_code:
                return stripped
            code = self._by_text.get(normalise_text(stripped))
            if code is not None:
                return code
        raise self._error(text, field)


def _not_known(tdi: int | None = None) -> Code:
    return Code(NOT_KNOWN, "Not known", "No consta", tdi=tdi,
                aliases=("unknown", "desconocido", "no se sabe", "no sabe"))


def _yes_no_not_known(name: str) -> CodeList:
    return CodeList(name, (
        Code("yes", "Yes", "Sí"),
        Code("no", "No", "No"),
        _not_known(),
    ), allows_not_known=True)


# =====================================================================================
# Treatment and programme
# =====================================================================================

TREATMENT_CENTRE = CodeList("treatment_centre", (
    Code("outpatient", "Outpatient treatment centre", "Centro de tratamiento ambulatorio", tdi=1),
    Code("inpatient", "Inpatient treatment centre", "Centro de tratamiento con internamiento", tdi=2),
    Code("prison", "Treatment unit in prison", "Unidad de tratamiento en prisión", tdi=3),
    Code("general_practitioner", "General practitioner", "Médico de atención primaria", tdi=4),
    Code("low_threshold", "Low-threshold agency", "Servicio de bajo umbral", tdi=5),
    Code("other", "Other type of centre", "Otro tipo de centro", tdi=6),
), allows_not_known=False)
"""TDI item "type of treatment centre" (of the centre where the episode happens)."""

PROGRAMME = CodeList("programme", (
    Code("aftercare", "Aftercare", "Seguimiento tras el tratamiento"),
    Code("outpatient", "Outpatient", "Ambulatorio"),
    Code("residential", "Residential", "Residencial"),
    Code("recovery_housing", "Recovery housing", "Vivienda de apoyo a la recuperación"),
    Code("day_care", "Day care", "Centro de día"),
    Code("low_threshold_other", "Low-threshold / other", "Bajo umbral / otro"),
), allows_not_known=False)
"""The organisation's own programme a client is enrolled in."""

# TDI "ever previously treated".  See :func:`is_new_treatment_entry` for the 6-month rule.
PREVIOUSLY_TREATED = CodeList("previously_treated", (
    Code("never", "Never previously treated", "Nunca ha recibido tratamiento", tdi=1),
    Code("yes", "Previously treated", "Ha recibido tratamiento antes", tdi=2),
    _not_known(tdi=99),
), allows_not_known=True)

PREVIOUS_TREATMENT_GAP_MONTHS = 6


def _add_months(d: date, months: int) -> date:
    month_index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(month_index, 12)
    month += 1
    for day in (d.day, 30, 29, 28):  # clamp 31 Aug + 6 months to 28/29 Feb, etc.
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def is_new_treatment_entry(last_contact: date, new_start: date) -> bool:
    """The TDI "previously treated" 6-month rule, as Continuum applies it.

    *Previously treated* means the person has had treatment for drug use before, at any
    centre and at any time in their life (not only with this organisation); *never*
    means this is their first treatment ever.  A TDI record describes a *treatment
    entry*, so one must not count the same treatment twice: when a client comes back
    **less than six months** after their last contact with the service, it is the same
    episode continuing (re-open it, no new TDI record).  When they come back **six
    calendar months or more** after the last contact, it is a new treatment entry; the
    client has obviously been treated before, so "previously treated" is ``yes``.

    Returns ``True`` when ``new_start`` is at least :data:`PREVIOUS_TREATMENT_GAP_MONTHS`
    calendar months after ``last_contact`` (31 Aug + 6 months = 28/29 Feb).
    """
    if new_start < last_contact:
        raise ValidationError({"start_date": "The start date cannot be before the last contact."})
    return new_start >= _add_months(last_contact, PREVIOUS_TREATMENT_GAP_MONTHS)


REFERRAL_SOURCE = CodeList("referral_source", (
    Code("self", "Self-referral", "Iniciativa propia"),
    Code("family_friends", "Family or friends", "Familia o amistades"),
    Code("other_drug_service", "Other drug treatment centre", "Otro centro de tratamiento de drogas"),
    Code("gp", "General practitioner", "Médico de atención primaria"),
    Code("hospital_medical", "Hospital or other medical service", "Hospital u otro servicio médico"),
    Code("social_services", "Social services", "Servicios sociales"),
    Code("education", "Educational services", "Servicios educativos"),
    Code("justice", "Court, probation or police", "Juzgado, libertad condicional o policía"),
    Code("other", "Other", "Otra"),
    _not_known(tdi=99),
), allows_not_known=True)
"""TDI "source of referral".  Numbers are left to the statistics mapping (``tdi=None``)."""

# =====================================================================================
# Person
# =====================================================================================

SEX = CodeList("sex", (
    Code("male", "Male", "Masculino", tdi=1),
    Code("female", "Female", "Femenino", tdi=2),
    _not_known(tdi=99),
), allows_not_known=True)
"""TDI "sex", as recorded for statistics.  Gender identity is :data:`GENDER_IDENTITY`."""

GENDER_IDENTITY = CodeList("gender_identity", (
    Code("woman", "Woman", "Mujer"),
    Code("man", "Man", "Hombre"),
    Code("non_binary", "Non-binary", "No binario"),
    Code("other", "Other", "Otra"),
    Code("prefers_not_to_say", "Prefers not to say", "Prefiere no decirlo"),
    _not_known(),
), allows_not_known=True)

LANGUAGE = CodeList("language", (
    Code("en", "English", "Inglés"),
    Code("es", "Spanish", "Español", aliases=("castellano",)),
), allows_not_known=False)
"""Preferred language (for letters and documents given to the client)."""

LIVING_WITH = CodeList("living_with", (
    Code("alone", "Alone", "Solo o sola", aliases=("solo", "sola")),
    Code("relatives", "With relatives (parents or other family)", "Con familiares (padres u otros)"),
    Code("partner", "With partner", "Con pareja"),
    Code("friends", "With friends or others", "Con amistades u otras personas"),
    Code("institution", "In an institution (prison, clinic)", "En una institución (prisión, clínica)"),
    Code("no_fixed_abode", "No fixed abode", "Sin domicilio fijo"),
    Code("other", "Other", "Otra situación"),
    _not_known(tdi=99),
), allows_not_known=True)
"""TDI "living status (with whom)" for the 30 days before starting treatment."""

LIVING_WITH_CHILDREN = _yes_no_not_known("living_with_children")
"""TDI "lives with own children" (or with a partner's children)."""

HAS_CHILDREN = _yes_no_not_known("has_children")
"""TDI "has children"; the number of children is a separate whole-number field."""

HOUSING = CodeList("housing", (
    Code("stable", "Stable accommodation", "Vivienda estable", tdi=1),
    Code("unstable", "Unstable accommodation (including homeless)", "Vivienda inestable (incluye sin hogar)", tdi=2),
    Code("institution", "Institution (prison, clinic)", "Institución (prisión, clínica)", tdi=3),
    _not_known(tdi=99),
), allows_not_known=True)
"""TDI "living status (where)": housing stability."""

# TDI records nationality relative to the reporting country and the EU.  Outside the EU
# "foreign_eu" is simply not used.
NATIONALITY = CodeList("nationality", (
    Code("national", "National of this country", "Nacional de este país"),
    Code("foreign_eu", "Citizen of another EU country", "Ciudadano de otro país de la UE"),
    Code("foreign_other", "Citizen of another country", "Ciudadano de otro país"),
    _not_known(tdi=99),
), allows_not_known=True)

LABOUR_STATUS = CodeList("labour_status", (
    Code("employed", "Regularly employed", "Con empleo regular"),
    Code("student", "Pupil or student", "Estudiante"),
    Code("unemployed", "Unemployed", "En desempleo"),
    Code("inactive", "Economically inactive (retired, homemaker, disability)",
         "Inactivo (jubilación, tareas del hogar, discapacidad)"),
    Code("other", "Other", "Otra situación"),
    _not_known(tdi=99),
), allows_not_known=True)
"""TDI "labour status" in the 30 days before starting treatment."""

EDUCATION = CodeList("education", (
    Code("none", "Never went to school or did not complete primary (ISCED 0)",
         "Sin escolarizar o primaria sin completar (CINE 0)", group="isced_0"),
    Code("primary", "Primary education (ISCED 1)", "Educación primaria (CINE 1)", group="isced_1"),
    Code("lower_secondary", "Lower secondary education (ISCED 2)", "Secundaria inferior (CINE 2)",
         group="isced_2"),
    Code("upper_secondary", "Upper secondary education (ISCED 3)", "Secundaria superior (CINE 3)",
         group="isced_3"),
    Code("post_secondary", "Post-secondary non-tertiary education (ISCED 4)",
         "Postsecundaria no terciaria (CINE 4)", group="isced_4"),
    Code("tertiary", "Tertiary / higher education (ISCED 5–8)", "Educación superior (CINE 5–8)",
         group="isced_5_8"),
    _not_known(tdi=99),
), allows_not_known=True)
"""TDI "highest educational level completed", by ISCED 2011 level (``group``)."""

# =====================================================================================
# Drugs and use
# =====================================================================================

DRUG_GROUP = CodeList("drug_group", (
    Code("opioids", "Opioids", "Opioides", tdi=1),
    Code("cocaine", "Cocaine", "Cocaína", tdi=2),
    Code("stimulants", "Stimulants other than cocaine", "Estimulantes distintos de la cocaína", tdi=3),
    Code("hypnotics_sedatives", "Hypnotics and sedatives", "Hipnóticos y sedantes", tdi=4),
    Code("hallucinogens", "Hallucinogens", "Alucinógenos", tdi=5),
    Code("inhalants", "Volatile inhalants", "Inhalables volátiles", tdi=6),
    Code("cannabis", "Cannabis", "Cannabis", tdi=7),
    Code("alcohol", "Alcohol", "Alcohol"),
    Code("other", "Other substances", "Otras sustancias", tdi=8),
), allows_not_known=False)
"""TDI drug groups; every :data:`DRUG` item's ``group`` is one of these codes."""

DRUG = CodeList("drug", (
    Code("heroin", "Heroin", "Heroína", group="opioids", tdi=11),
    Code("methadone_misused", "Methadone (misused)", "Metadona (uso indebido)", group="opioids", tdi=12),
    Code("buprenorphine_misused", "Buprenorphine (misused)", "Buprenorfina (uso indebido)",
         group="opioids", tdi=13),
    Code("fentanyls", "Fentanyl and analogues", "Fentanilo y análogos", group="opioids", tdi=14,
         aliases=("fentanyl", "fentanilo")),
    Code("tramadol", "Tramadol", "Tramadol", group="opioids", tdi=15),
    Code("other_opioids", "Other opioids", "Otros opioides", group="opioids", tdi=15),
    Code("cocaine_powder", "Cocaine powder", "Cocaína en polvo", group="cocaine", tdi=21,
         aliases=("cocaine", "cocaina")),
    Code("crack", "Crack cocaine", "Crack", group="cocaine", tdi=22),
    Code("amphetamine", "Amphetamine", "Anfetamina", group="stimulants", tdi=31,
         aliases=("amphetamines", "anfetaminas")),
    Code("methamphetamine", "Methamphetamine", "Metanfetamina", group="stimulants", tdi=32),
    Code("mdma", "MDMA and derivatives (ecstasy)", "MDMA y derivados (éxtasis)", group="stimulants", tdi=33,
         aliases=("ecstasy", "extasis")),
    Code("synthetic_cathinones", "Synthetic cathinones", "Catinonas sintéticas", group="stimulants", tdi=34),
    Code("other_stimulants", "Other stimulants", "Otros estimulantes", group="stimulants", tdi=35),
    Code("benzodiazepines", "Benzodiazepines", "Benzodiacepinas", group="hypnotics_sedatives", tdi=42,
         aliases=("benzodiazepinas",)),
    Code("barbiturates", "Barbiturates", "Barbitúricos", group="hypnotics_sedatives", tdi=41),
    Code("ghb_gbl", "GHB / GBL", "GHB / GBL", group="hypnotics_sedatives", tdi=43, aliases=("ghb", "gbl")),
    Code("pregabalin", "Pregabalin", "Pregabalina", group="hypnotics_sedatives", tdi=44),
    Code("other_sedatives", "Other hypnotics and sedatives", "Otros hipnóticos y sedantes",
         group="hypnotics_sedatives", tdi=44),
    Code("hallucinogens", "Hallucinogens (LSD, ketamine, other)", "Alucinógenos (LSD, ketamina, otros)",
         group="hallucinogens", tdi=5, aliases=("alucinogenos",)),
    Code("inhalants", "Volatile inhalants", "Inhalables volátiles", group="inhalants", tdi=6,
         aliases=("inhalables",)),
    Code("cannabis", "Cannabis", "Cannabis", group="cannabis", tdi=7, aliases=("marijuana", "marihuana")),
    # The TDI is about drugs other than alcohol; alcohol is counted by the statistics
    # module under its stable code, not a TDI drug number.
    Code("alcohol", "Alcohol", "Alcohol", group="alcohol"),
    Code("other", "Other substance", "Otra sustancia", group="other", tdi=8),
    _not_known(tdi=99),
), allows_not_known=True)
"""Primary and secondary drugs, with TDI 3.0 substance numbers."""

MAX_SECONDARY_DRUGS = 3


def validate_secondary_drugs(primary: str | None, secondary: Iterable[str],
                             field: str = "secondary_drugs") -> tuple[str, ...]:
    """Check up to three secondary drugs: known codes, no repeats, not the primary drug.

    ``not_known`` is not a secondary drug (leave the list empty instead).  Returns the
    codes as a tuple in the order given.
    """
    codes = tuple(secondary)
    if len(codes) > MAX_SECONDARY_DRUGS:
        raise ValidationError({field: f"At most {MAX_SECONDARY_DRUGS} secondary drugs can be recorded."})
    for code in codes:
        DRUG.validate(code, field)
        if code == NOT_KNOWN:
            raise ValidationError({field: "Leave secondary drugs empty rather than choosing “not known”."})
    if len(set(codes)) != len(codes):
        raise ValidationError({field: "The same secondary drug is listed twice."})
    if primary is not None and primary in codes:
        raise ValidationError({field: "The primary drug cannot also be a secondary drug."})
    return codes


ROUTE = CodeList("route", (
    Code("inject", "Inject", "Inyectada", tdi=1),
    Code("smoke_inhale", "Smoke or inhale", "Fumada o inhalada", tdi=2),
    Code("eat_drink", "Eat or drink", "Oral (comida o bebida)", tdi=3),
    Code("sniff", "Sniff", "Esnifada", tdi=4),
    Code("other", "Other", "Otra", tdi=5),
    _not_known(tdi=99),
), allows_not_known=True)
"""TDI "usual route of administration" of the primary drug."""

FREQUENCY = CodeList("frequency", (
    Code("daily", "Daily", "A diario"),
    Code("days_4_6_week", "4–6 days a week", "4–6 días por semana"),
    Code("days_2_3_week", "2–3 days a week", "2–3 días por semana"),
    Code("weekly_or_less", "Once a week or less", "Una vez por semana o menos"),
    Code("not_used", "Not used in the last 30 days", "Sin consumo en los últimos 30 días"),
    _not_known(tdi=99),
), allows_not_known=True)
"""TDI "frequency of use of the primary drug in the last 30 days"."""

INJECTING = CodeList("injecting", (
    Code("never", "Never injected", "Nunca se ha inyectado"),
    Code("last_30_days", "Injected in the last 30 days", "Se ha inyectado en los últimos 30 días"),
    Code("last_12_months", "Injected in the last 12 months, not in the last 30 days",
         "Se ha inyectado en los últimos 12 meses, no en los últimos 30 días"),
    Code("over_12_months", "Injected, but not in the last 12 months",
         "Se ha inyectado, pero no en los últimos 12 meses"),
    _not_known(tdi=99),
), allows_not_known=True)
"""TDI injecting history (ever / last 12 months / last 30 days), as one answer."""

OST = CodeList("ost", (
    Code("never", "Never received opioid substitution treatment",
         "Nunca ha recibido tratamiento sustitutivo de opioides"),
    Code("current", "Currently in opioid substitution treatment", "En tratamiento sustitutivo de opioides"),
    Code("past", "Received in the past, not now", "Lo recibió en el pasado, ahora no"),
    _not_known(tdi=99),
), allows_not_known=True)
"""TDI "ever received opioid substitution treatment"."""

BBV_TESTING = CodeList("bbv_testing", (
    Code("tested_last_12_months", "Tested in the last 12 months", "Prueba en los últimos 12 meses"),
    Code("tested_earlier", "Tested, but not in the last 12 months", "Prueba hace más de 12 meses"),
    Code("never_tested", "Never tested", "Nunca se ha hecho la prueba"),
    _not_known(tdi=99),
), allows_not_known=True)
"""TDI testing for blood-borne viruses; used for each of the HIV, HCV and HBV fields."""

TEST_RESULT = CodeList("test_result", (
    Code("negative", "Negative", "Negativo"),
    Code("positive", "Positive", "Positivo"),
    Code("awaiting", "Awaiting result", "Pendiente de resultado"),
    Code("not_disclosed", "Prefers not to say", "Prefiere no decirlo"),
    _not_known(),
), allows_not_known=True)
"""Result of the most recent HIV / HCV / HBV test, if the client shares it."""

AGE_BANDS: tuple[str, ...] = (
    "<15", "15-19", "20-24", "25-29", "30-34", "35-39",
    "40-44", "45-49", "50-54", "55-59", "60-64", "65+",
)
"""TDI five-year age bands used in statistics tables (ages are whole years)."""


def age_band(age: int) -> str:
    """The TDI age band of ``age`` in whole years: 14 -> ``"<15"``, 15 -> ``"15-19"``, 65 -> ``"65+"``."""
    if isinstance(age, bool) or not isinstance(age, int) or age < 0:
        raise ValidationError({"age": f"“{_echo(age)}” is not an age in whole years."})
    if age < 15:
        return AGE_BANDS[0]
    if age >= 65:
        return AGE_BANDS[-1]
    return AGE_BANDS[1 + (age - 15) // 5]


# =====================================================================================
# Discharge
# =====================================================================================

TEDS_GROUP = CodeList("teds_group", (
    Code("completed", "Treatment completed", "Tratamiento finalizado"),
    Code("dropped_out", "Dropped out of treatment", "Abandono del tratamiento"),
    Code("terminated", "Terminated by facility", "Baja decidida por el centro"),
    Code("transferred", "Transferred to another programme or facility", "Derivación a otro programa o centro"),
    Code("incarcerated", "Incarcerated", "Encarcelamiento"),
    Code("died", "Death", "Fallecimiento"),
    Code("other", "Other", "Otro"),
    _not_known(),
), allows_not_known=True)
"""US TEDS-D "reason for discharge"."""

TEDS_NUMBER: Mapping[str, int] = MappingProxyType({
    "completed": 1, "dropped_out": 2, "terminated": 3, "transferred": 4,
    "incarcerated": 5, "died": 6, "other": 7,
})
"""TEDS-D numbers of the :data:`TEDS_GROUP` codes (``not_known`` is a missing value)."""

NDTMS_GROUP = CodeList("ndtms_group", (
    Code("completed_drug_free", "Treatment completed – drug-free", "Tratamiento finalizado – sin consumo"),
    Code("completed", "Treatment completed – occasional user", "Tratamiento finalizado – consumo ocasional"),
    Code("referred_on", "Transferred / referred on", "Derivado a otro servicio"),
    Code("dropped_out", "Incomplete – dropped out", "Incompleto – abandono"),
    Code("declined", "Incomplete – declined further treatment", "Incompleto – rechazó continuar"),
    # Not in the list the issue gives; NDTMS has "treatment withdrawn by provider", and
    # folding it into "dropped out" would blame the client for the service's decision.
    Code("withdrawn", "Incomplete – treatment withdrawn by provider",
         "Incompleto – el servicio retiró el tratamiento"),
    Code("prison", "Prison / custody", "Prisión / custodia"),
    Code("moved", "Moved away", "Cambio de residencia"),
    Code("died", "Client died", "Fallecimiento"),
    _not_known(),
), allows_not_known=True)
"""UK NDTMS discharge outcome groups."""


@dataclass(frozen=True)
class DischargeReason:
    """A discharge reason with its TEDS and NDTMS mapping.

    ``successful``: the NDTMS "successful completion" (completed, drug-free or occasional
    non-problematic use).  ``planned``: a planned exit, i.e. successful or transferred
    with a referral made; everything else is an unplanned exit.
    """

    code: str
    en: str
    es: str
    teds: str
    ndtms: str
    successful: bool
    planned: bool

    def as_code(self) -> Code:
        return Code(self.code, self.en, self.es)


DISCHARGE_REASONS: tuple[DischargeReason, ...] = (
    DischargeReason("completed_drug_free", "Completed – drug-free", "Finalizado – sin consumo",
                    teds="completed", ndtms="completed_drug_free", successful=True, planned=True),
    DischargeReason("completed", "Completed – occasional use", "Finalizado – consumo ocasional",
                    teds="completed", ndtms="completed", successful=True, planned=True),
    DischargeReason("transferred", "Transferred / referred on", "Derivado a otro servicio",
                    teds="transferred", ndtms="referred_on", successful=False, planned=True),
    DischargeReason("dropped_out", "Dropped out", "Abandono",
                    teds="dropped_out", ndtms="dropped_out", successful=False, planned=False),
    DischargeReason("declined", "Declined further treatment", "Rechazó continuar el tratamiento",
                    teds="dropped_out", ndtms="declined", successful=False, planned=False),
    DischargeReason("terminated", "Terminated by the service", "Baja decidida por el servicio",
                    teds="terminated", ndtms="withdrawn", successful=False, planned=False),
    DischargeReason("incarcerated", "Incarcerated / prison", "Ingreso en prisión",
                    teds="incarcerated", ndtms="prison", successful=False, planned=False),
    DischargeReason("moved", "Moved away", "Cambio de residencia",
                    teds="other", ndtms="moved", successful=False, planned=False),
    DischargeReason("died", "Died", "Fallecimiento",
                    teds="died", ndtms="died", successful=False, planned=False),
    DischargeReason("other", "Other", "Otro motivo",
                    teds="other", ndtms=NOT_KNOWN, successful=False, planned=False),
    DischargeReason(NOT_KNOWN, "Not known", "No consta",
                    teds=NOT_KNOWN, ndtms=NOT_KNOWN, successful=False, planned=False),
)

DISCHARGE_REASON = CodeList("discharge_reason", tuple(
    Code(r.code, r.en, r.es, aliases=_not_known().aliases if r.code == NOT_KNOWN else ())
    for r in DISCHARGE_REASONS
), allows_not_known=True)
"""The product's own discharge reasons (stored on the episode)."""

_DISCHARGE_BY_CODE: Mapping[str, DischargeReason] = MappingProxyType({r.code: r for r in DISCHARGE_REASONS})

for _r in DISCHARGE_REASONS:  # a wrong mapping is a programming error: fail at import
    if _r.teds not in TEDS_GROUP or _r.ndtms not in NDTMS_GROUP or (_r.successful and not _r.planned):
        raise ValueError(f"discharge reason {_r.code!r} has an invalid mapping")
del _r


def discharge_reason(reason: str, field: str = "discharge_reason") -> DischargeReason:
    """The :class:`DischargeReason` for a stable code; ``ValidationError`` if unknown."""
    return _DISCHARGE_BY_CODE[DISCHARGE_REASON.validate(reason, field)]


def teds_group(reason: str) -> str:
    """The :data:`TEDS_GROUP` code of a discharge reason (``"died"`` -> ``"died"``)."""
    return discharge_reason(reason).teds


def ndtms_group(reason: str) -> str:
    """The :data:`NDTMS_GROUP` code of a discharge reason (``"incarcerated"`` -> ``"prison"``)."""
    return discharge_reason(reason).ndtms


def is_successful(reason: str) -> bool:
    """Whether the discharge counts as a successful completion."""
    return discharge_reason(reason).successful


def is_planned(reason: str) -> bool:
    """Whether the discharge was a planned exit (completed, or transferred / referred on)."""
    return discharge_reason(reason).planned


# =====================================================================================
# Care plans, notes, consent, check-ups, family
# =====================================================================================

RECOVERY_DOMAIN = CodeList("recovery_domain", (
    Code("physical_health", "Physical health", "Salud física"),
    Code("mental_health", "Mental health", "Salud mental"),
    Code("medication", "Medication", "Medicación"),
    Code("housing", "Housing", "Vivienda"),
    Code("employment_income", "Employment and income", "Empleo e ingresos"),
    Code("education", "Education", "Educación y formación"),
    Code("family_children", "Family and children", "Familia e hijos"),
    Code("social_support", "Social support and meaningful relationships",
         "Apoyo social y relaciones significativas"),
    Code("legal", "Legal and justice", "Situación legal y justicia"),
    Code("stigma", "Stigma and discrimination", "Estigma y discriminación"),
), allows_not_known=False)
"""Recovery-capital domains a care-plan goal belongs to."""

CONSENT_KIND = CodeList("consent_kind", (
    Code("treatment", "Treatment and record keeping", "Tratamiento y registro de datos"),
    Code("share_family", "Sharing information with family", "Compartir información con la familia"),
    Code("share_services", "Sharing information with named services",
         "Compartir información con servicios designados"),
    Code("statistics", "Inclusion in anonymised statistics", "Inclusión en estadísticas anonimizadas"),
), allows_not_known=False)

NOTE_TYPE = CodeList("note_type", (
    Code("individual", "Individual session", "Sesión individual"),
    Code("group", "Group session", "Sesión de grupo"),
    Code("family", "Family session", "Sesión familiar"),
    Code("phone", "Phone call", "Llamada telefónica"),
    Code("outreach", "Outreach", "Intervención en la comunidad"),
    Code("check_up", "Recovery check-up", "Revisión de seguimiento"),
), allows_not_known=False)
"""Types of progress note."""

GOAL_STATUS = CodeList("goal_status", (
    Code("not_started", "Not started", "Sin empezar"),
    Code("in_progress", "In progress", "En curso"),
    Code("achieved", "Achieved", "Conseguido"),
    Code("dropped", "Dropped", "Descartado"),
), allows_not_known=False)
"""Status of a care-plan goal."""

CARE_PLAN_STATUS = CodeList("care_plan_status", (
    Code("draft", "Draft", "Borrador"),
    Code("active", "Active", "Vigente"),
    Code("superseded", "Superseded", "Sustituido"),
), allows_not_known=False)

EPISODE_STATUS = CodeList("episode_status", (
    Code("open", "Open", "Abierto"),
    Code("discharged", "Discharged", "Alta"),
), allows_not_known=False)

CHECKUP_CHANNEL = CodeList("checkup_channel", (
    Code("in_person", "In person", "En persona"),
    Code("phone", "Phone", "Teléfono"),
    Code("video", "Video call", "Videollamada"),
    Code("message", "Message", "Mensaje"),
    Code("home_visit", "Home visit", "Visita a domicilio"),
), allows_not_known=False)

CHECKUP_OUTCOME = CodeList("checkup_outcome", (
    Code("doing_well", "Doing well", "Va bien"),
    Code("needs_support", "Needs support", "Necesita apoyo"),
    Code("relinked_to_treatment", "Re-linked to treatment", "Vuelve a tratamiento"),
    Code("declined", "Declined the check-up", "Rechazó la revisión"),
    Code("lost_to_contact", "Lost to contact", "Sin contacto"),
), allows_not_known=False)

FAMILY_RELATIONSHIP = CodeList("family_relationship", (
    Code("partner", "Partner", "Pareja"),
    Code("parent", "Parent", "Padre o madre"),
    Code("child", "Child", "Hijo o hija"),
    Code("sibling", "Sibling", "Hermano o hermana"),
    Code("grandparent", "Grandparent", "Abuelo o abuela"),
    Code("other_relative", "Other relative", "Otro familiar"),
    Code("friend", "Friend", "Amistad"),
    Code("other", "Other", "Otra relación"),
), allows_not_known=False)
"""How a family member or significant other is related to the client."""

CHILD_CARER = CodeList("child_carer", (
    Code("client", "The client", "La persona usuaria"),
    Code("other_parent", "Other parent", "El otro progenitor"),
    Code("grandparent", "Grandparent", "Abuelo o abuela"),
    Code("other_relative", "Other relative", "Otro familiar"),
    Code("foster_care", "Foster care", "Familia de acogida"),
    Code("institution", "Institution / residential care", "Institución o centro residencial"),
    Code("other", "Other", "Otra persona"),
    _not_known(),
), allows_not_known=True)
"""Who mainly looks after a client's child."""

# =====================================================================================
# BARC-10
# =====================================================================================

# Brief Assessment of Recovery Capital (Vilsaint, Kelly, Bergman, Groshkova, Best &
# White, 2017, Drug and Alcohol Dependence 177:71-76), ten items drawn from the
# Assessment of Recovery Capital.  The English statements below are written from memory
# and may be close paraphrases rather than the exact published wording; the Spanish
# statements are our own translation, not a validated Spanish version.  Check both
# against the paper before using totals for research.  ``group`` is the ARC domain.
BARC10_ITEM = CodeList("barc10_item", (
    Code("more_important_things", "There are more important things to me in life than using substances.",
         "Hay cosas en la vida más importantes para mí que consumir sustancias.",
         group="substance_use_and_sobriety"),
    Code("happy_with_life", "In general I am happy with my life.",
         "En general, me siento feliz con mi vida.", group="global_psychological_health"),
    Code("enough_energy", "I have enough energy to complete the tasks I set myself.",
         "Tengo energía suficiente para completar las tareas que me propongo.", group="global_health"),
    Code("proud_of_community", "I am proud of the community I live in and feel a part of it.",
         "Me siento orgulloso u orgullosa de la comunidad en la que vivo y parte de ella.",
         group="citizenship_community"),
    Code("support_from_friends", "I get lots of support from friends.",
         "Recibo mucho apoyo de mis amistades.", group="social_support"),
    Code("fulfilling_without_substances",
         "I regard my life as challenging and fulfilling without the need for using drugs or alcohol.",
         "Considero que mi vida es estimulante y plena sin necesidad de consumir drogas ni alcohol.",
         group="meaningful_activities"),
    Code("living_space", "My living space has helped to drive my recovery journey.",
         "El lugar donde vivo me ha ayudado a avanzar en mi recuperación.", group="housing_and_safety"),
    Code("take_responsibility", "I take full responsibility for my actions.",
         "Asumo toda la responsabilidad de mis actos.", group="risk_taking"),
    Code("dealing_with_professionals", "I am happy dealing with a range of professional people.",
         "Me siento a gusto tratando con distintos profesionales.", group="coping_and_life_functioning"),
    Code("recovery_progress", "I am making good progress on my recovery journey.",
         "Estoy avanzando bien en mi proceso de recuperación.", group="recovery_experience"),
), allows_not_known=False)

BARC10_SCALE = CodeList("barc10_scale", (
    Code("strongly_disagree", "Strongly disagree", "Totalmente en desacuerdo", aliases=("1",)),
    Code("disagree", "Disagree", "En desacuerdo", aliases=("2",)),
    Code("somewhat_disagree", "Somewhat disagree", "Algo en desacuerdo", aliases=("3",)),
    Code("somewhat_agree", "Somewhat agree", "Algo de acuerdo", aliases=("4",)),
    Code("agree", "Agree", "De acuerdo", aliases=("5",)),
    Code("strongly_agree", "Strongly agree", "Totalmente de acuerdo", aliases=("6",)),
), allows_not_known=False)
"""The six-point agreement scale of every BARC-10 item."""

BARC10_POINTS: Mapping[str, int] = MappingProxyType(
    {code: points for points, code in enumerate(BARC10_SCALE.codes(), start=1)}
)
"""Scale code -> points (1 strongly disagree … 6 strongly agree)."""

BARC10_MIN_TOTAL = len(BARC10_ITEM) * min(BARC10_POINTS.values())  # 10
BARC10_MAX_TOTAL = len(BARC10_ITEM) * max(BARC10_POINTS.values())  # 60


def barc10_score(answer: int | str, field: str = "barc10") -> int:
    """Points (1–6) for one answer given as a number, a scale code or a label."""
    if isinstance(answer, int) and not isinstance(answer, bool):
        if 1 <= answer <= 6:
            return answer
        raise ValidationError({field: f"“{_echo(answer)}” is not a BARC-10 answer; expected 1 to 6."})
    return BARC10_POINTS[BARC10_SCALE.parse(answer, field)]


def barc10_total(answers: Mapping[str, int | str]) -> int:
    """Total BARC-10 score (10–60) from ``{item code: answer}`` covering all ten items.

    Each answer may be 1–6, a scale code or a label.  Missing, unknown or invalid items
    raise one :class:`ValidationError` keyed by item code.
    """
    errors: dict[str, str] = {}
    for key in answers:
        if key not in BARC10_ITEM:
            errors[str(key)] = f"“{_echo(key)}” is not a BARC-10 item."
    total = 0
    for item in BARC10_ITEM.codes():
        if item not in answers or answers[item] is None:
            errors[item] = "Every BARC-10 statement needs an answer."
            continue
        try:
            total += barc10_score(answers[item], item)
        except ValidationError as exc:
            errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)
    return total


# =====================================================================================
# Registry
# =====================================================================================

ALL_LISTS: dict[str, CodeList] = {cl.name: cl for cl in (
    TREATMENT_CENTRE, PROGRAMME, PREVIOUSLY_TREATED, REFERRAL_SOURCE,
    SEX, GENDER_IDENTITY, LANGUAGE, LIVING_WITH, LIVING_WITH_CHILDREN, HAS_CHILDREN,
    HOUSING, NATIONALITY, LABOUR_STATUS, EDUCATION,
    DRUG_GROUP, DRUG, ROUTE, FREQUENCY, INJECTING, OST, BBV_TESTING, TEST_RESULT,
    DISCHARGE_REASON, TEDS_GROUP, NDTMS_GROUP,
    RECOVERY_DOMAIN, CONSENT_KIND, NOTE_TYPE, GOAL_STATUS, CARE_PLAN_STATUS, EPISODE_STATUS,
    CHECKUP_CHANNEL, CHECKUP_OUTCOME, FAMILY_RELATIONSHIP, CHILD_CARER,
    BARC10_ITEM, BARC10_SCALE,
)}
"""Every code list by its ``name`` (for exports, metadata and generic CSV import)."""


def get_list(name: str) -> CodeList:
    """The code list called ``name``; ``KeyError`` if there is none."""
    return ALL_LISTS[name]
