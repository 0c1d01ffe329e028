"""The anonymised per-episode facts the statistics are computed from.

:mod:`.collect` turns database rows into these frozen records; :mod:`.tables` and
:mod:`.quality` work on them alone, so both can be tested with plain Python data.

What a record holds, and what it deliberately does not
------------------------------------------------------
* No names, client codes, birth dates, free text or places.  Dates are reduced to the
  **year** (admission, discharge, check-up due date, latest BARC-10); the age at
  admission is reduced to its TDI band and its youth group (``under_18``, ``age_18_24``,
  ``age_25_plus``), the two groupings the tables publish.
* Coded answers are kept as the stable codes of :mod:`clinic_app.codes`.
* ``client_id`` and ``episode_id`` (internal row numbers, not the client code) are kept
  for one purpose only: the in-app data-quality view lists which records to fix.  The
  table builder never reads them and nothing exported carries them.
* ``problems`` are the consistency problems found in the episode's raw data by
  :func:`clinic_app.statistics.quality.episode_problems` while the raw values were at hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clinic_app import codes
from clinic_app.codes import NOT_KNOWN
from clinic_app.services.episodes import age_on as whole_years

TOTAL = "total"
"""The code of a margin (row, column or grand total) in every table."""

NOT_RECORDED = "not_recorded"
"""Category of an item that was never recorded (e.g. no intake assessment yet)."""

UNDER_18 = "under_18"
AGE_18_24 = "age_18_24"
AGE_25_PLUS = "age_25_plus"
YOUTH_GROUPS: tuple[str, ...] = (UNDER_18, AGE_18_24, AGE_25_PLUS, NOT_KNOWN)
"""Young-people grouping of the age at admission (the TDI bands straddle 18)."""

REPORTED_CHECKUP_MONTHS: tuple[int, ...] = (3, 6, 12, 24)
"""Check-up offsets the annual tables report (others in a schedule are not tabulated)."""


def age_on(date_of_birth: date, day: date) -> int | None:
    """Age in whole years on ``day``; ``None`` when ``day`` is before the date of birth."""
    return None if day < date_of_birth else whole_years(date_of_birth, day)


def age_band_of(age: int | None) -> str:
    """TDI age band of an age, ``not_known`` for ``None``."""
    return NOT_KNOWN if age is None else codes.age_band(age)


def youth_group_of(age: int | None) -> str:
    """``under_18``, ``age_18_24``, ``age_25_plus`` or ``not_known``."""
    if age is None:
        return NOT_KNOWN
    if age < 18:
        return UNDER_18
    return AGE_18_24 if age < 25 else AGE_25_PLUS


@dataclass(frozen=True)
class IntakeFacts:
    """The intake items the tables use.  ``primary_drug`` is ``None`` if none was recorded."""

    primary_drug: str | None
    living_with: str
    living_with_children: str
    has_children: str
    number_of_children: int | None
    labour_status: str


@dataclass(frozen=True)
class Barc10Facts:
    """First (intake) and latest BARC-10 total of an episode, latest up to the year's end."""

    intake_total: int
    latest_total: int
    latest_year: int


@dataclass(frozen=True)
class EpisodeRecord:
    """One episode of care, anonymised (see the module docstring)."""

    client_id: int
    episode_id: int
    admission_year: int
    sex: str
    age_band: str
    youth_group: str
    referral_source: str
    previously_treated: str
    intake: IntakeFacts | None
    #: year of the discharge date; ``None`` while open (or discharged without a date)
    discharge_year: int | None = None
    #: the discharge reason; ``None`` while open or when it was never recorded
    discharge_reason: str | None = None
    #: ``(domain, status)`` of each goal of the care plan active at discharge
    plan_goals: tuple[tuple[str, str], ...] = ()
    barc10: Barc10Facts | None = None
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckupRecord:
    """A recovery check-up: the year it fell due, its offset and its outcome (if recorded)."""

    client_id: int
    due_year: int
    months_after: int
    outcome: str | None


@dataclass(frozen=True)
class Dataset:
    """Everything the statistics of one year are computed from.

    ``excluded_clients`` counts the clients left out because they withdrew consent to
    anonymised statistics and whose records would otherwise have counted in that year.
    """

    episodes: tuple[EpisodeRecord, ...]
    checkups: tuple[CheckupRecord, ...]
    excluded_clients: int = 0


def episode_counts_in(record: EpisodeRecord, year: int) -> bool:
    """Whether the episode contributes to some table of ``year``."""
    return (
        record.admission_year == year
        or record.discharge_year == year
        or (record.barc10 is not None and record.barc10.latest_year == year)
    )


def checkup_counts_in(record: CheckupRecord, year: int) -> bool:
    """Whether the check-up contributes to the check-up table of ``year``."""
    return record.due_year == year and record.months_after in REPORTED_CHECKUP_MONTHS


__all__ = [
    "AGE_18_24",
    "AGE_25_PLUS",
    "Barc10Facts",
    "CheckupRecord",
    "Dataset",
    "EpisodeRecord",
    "IntakeFacts",
    "NOT_RECORDED",
    "REPORTED_CHECKUP_MONTHS",
    "TOTAL",
    "UNDER_18",
    "YOUTH_GROUPS",
    "age_band_of",
    "age_on",
    "checkup_counts_in",
    "episode_counts_in",
    "youth_group_of",
]
