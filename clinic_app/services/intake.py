"""Intake of a new client, and importing many clients from a spreadsheet (CSV).

:func:`register_client` writes, in the caller's one transaction, the client (with a new
client code and its search terms), the first episode of care, its intake assessment, the
consents given at intake and an optional first BARC-10 (through
``services.assessments.add_barc10``, context "intake").  Everything is checked before
the first row is written and every problem is reported at once; a failure after that
(the caller not committing, a crash) leaves nothing behind, since nothing is committed.

Importing clients (``continuum-admin import-clients FILE.csv``)
----------------------------------------------------------------
For organisations moving from spreadsheets.  One row per client; each row becomes a
client, an open episode and its intake assessment, exactly as if typed into the intake
form.  **Nothing is imported unless every row is valid** (one transaction); every bad row
is reported with its line number and column.  ``--dry-run`` checks everything and imports
nothing.

The file: CSV saved as UTF-8 (Excel: "CSV UTF-8"), separated by commas, semicolons or
tabs (detected from the header line), with a header line naming the columns below in any
order; columns marked "no" may be left out.  Dates are ``YYYY-MM-DD``.  Coded columns
accept the code or its English or Spanish label, ignoring case and accents (``heroin``,
``Heroin``, ``Heroína``).  A blank coded cell means "not known" where the list has that
answer.  Surrounding spaces are removed from every cell.  A row with the same names and
date of birth as an existing client or an earlier row is refused (a file imported twice).

===============================  =========  ==================================================
column                           required   content
===============================  =========  ==================================================
given_names                      yes        given names, as they should be written
family_name                      yes        family name(s)
date_of_birth                    yes        YYYY-MM-DD, not in the future
sex                              no         male, female, not_known
gender_identity                  no         woman, man, non_binary, other, prefers_not_to_say, not_known
nationality                      no         national, foreign_eu, foreign_other, not_known
phone                            no         free text
email                            no         an e-mail address
address                          no         free text
preferred_language               no         en, es (blank: en)
counsellor                       no         user name of an active counsellor or administrator
admission_date                   yes        YYYY-MM-DD, not in the future, not before birth
programme                        yes        aftercare, outpatient, residential, recovery_housing, day_care, low_threshold_other
centre_type                      yes        outpatient, inpatient, prison, general_practitioner, low_threshold, other
referral_source                  no         self, family_friends, other_drug_service, gp, hospital_medical, social_services, education, justice, other, not_known
previously_treated               no         never, yes, not_known
assessed_on                      no         date of the intake assessment (blank: the admission date)
living_with                      no         alone, relatives, partner, friends, institution, no_fixed_abode, other, not_known
living_with_children             no         yes, no, not_known
has_children                     no         yes, no, not_known
number_of_children               no         whole number 0-30
housing                          no         stable, unstable, institution, not_known
labour_status                    no         employed, student, unemployed, inactive, other, not_known
education                        no         none, primary, lower_secondary, upper_secondary, post_secondary, tertiary, not_known
injecting                        no         never, last_30_days, last_12_months, over_12_months, not_known
opioid_substitution              no         never, current, past, not_known
tested_hiv                       no         tested_last_12_months, tested_earlier, never_tested, not_known
tested_hcv                       no         as tested_hiv
tested_hbv                       no         as tested_hiv
primary_drug                     yes        a drug code or label (heroin, cocaine_powder, crack, cannabis, alcohol, …)
primary_route                    no         inject, smoke_inhale, eat_drink, sniff, other, not_known
primary_frequency                no         daily, days_4_6_week, days_2_3_week, weekly_or_less, not_used, not_known
primary_age_first_use            no         whole number, not above the age at the assessment
secondary_N_drug                 no         N = 1, 2, 3: a secondary drug (not the primary, no repeats)
secondary_N_route                no         as primary_route (only with secondary_N_drug)
secondary_N_frequency            no         as primary_frequency (only with secondary_N_drug)
secondary_N_age_first_use        no         as primary_age_first_use (only with secondary_N_drug)
legal_situation                  no         free text
physical_health                  no         free text
mental_health                    no         free text
risks                            no         free text
notes                            no         free text
consent_treatment                no         date the consent to treatment and record keeping was given
consent_share_family             no         date the consent to share with family was given
consent_share_services           no         date the consent to share with named services was given
consent_share_services_scope     no         the named services (required with consent_share_services)
consent_statistics               no         date the consent to anonymised statistics was given
===============================  =========  ==================================================
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from clinic_app import codes
from clinic_app.db.models import Client, User
from clinic_app.errors import ValidationError
from clinic_app.security.keys import normalise_user_name
from clinic_app.services import assessments, audit
from clinic_app.services.auth import Actor
from clinic_app.services.clients import CLIENT_CODED_FIELDS, CleanClient, ClientDetails, add_client, check_client
from clinic_app.services.common import Checker, require_records
from clinic_app.services.consents import SCOPED_KIND, CleanConsent, ConsentGiven, add_consent, check_consents
from clinic_app.services.episodes import (
    EPISODE_CODED_FIELDS,
    INTAKE_CODED_FIELDS,
    INTAKE_TEXT_FIELDS,
    CleanEpisode,
    CleanIntake,
    EpisodeDetails,
    IntakeDetails,
    SubstanceUse,
    add_episode,
    add_intake,
    check_episode,
    check_intake,
    substance_prefix,
)
from clinic_app.services.search import sort_name
from clinic_app.uow import UnitOfWork

BARC10_FIELD_PREFIX = "barc10_"


@dataclass(frozen=True)
class IntakeResult:
    """What an intake created."""

    client_id: int
    code: str
    episode_id: int
    intake_id: int
    barc10_id: int | None


@dataclass(frozen=True)
class _Registration:
    client: CleanClient
    episode: CleanEpisode
    intake: CleanIntake
    consents: tuple[CleanConsent, ...]
    barc10: Mapping[str, int | str] | None


def _check_registration(
    c: Checker,
    uow: UnitOfWork,
    client: ClientDetails,
    episode: EpisodeDetails,
    intake: IntakeDetails,
    consents: Sequence[ConsentGiven],
    barc10: Mapping[str, int | str] | None,
) -> _Registration | None:
    """Check a whole intake; every problem goes to ``c``; ``None`` if there was any."""
    clean_client, dob = check_client(c, uow, client)
    clean_episode, admission = check_episode(c, episode, dob)
    clean_intake = check_intake(c, intake, dob, admission)
    clean_consents = check_consents(c, consents, dob)
    if barc10 is not None:
        barc10_errors = Checker()
        assessments.check_answers(barc10_errors, barc10)
        for field, message in barc10_errors.errors.items():
            c.fail(BARC10_FIELD_PREFIX + field, message)
    if c.errors or clean_client is None or clean_episode is None or clean_intake is None:
        return None
    return _Registration(clean_client, clean_episode, clean_intake, clean_consents, barc10)


def _write_registration(uow: UnitOfWork, actor: Actor, reg: _Registration) -> IntakeResult:
    client = add_client(uow, actor, reg.client)
    episode = add_episode(uow, actor, client, reg.episode)
    intake = add_intake(uow, actor, client.id, episode.id, reg.intake)
    for consent in reg.consents:
        add_consent(uow, actor, client.id, consent)
    barc10_id = None
    if reg.barc10 is not None:
        barc10_id = assessments.add_barc10(uow, actor, client, reg.intake.assessed_on, reg.barc10,
                                           assessments.INTAKE, episode.id).id
    return IntakeResult(client.id, client.code, episode.id, intake.id, barc10_id)


def register_client(
    uow: UnitOfWork,
    actor: Actor,
    client: ClientDetails,
    episode: EpisodeDetails,
    intake: IntakeDetails,
    consents: Sequence[ConsentGiven] = (),
    barc10: Mapping[str, int | str] | None = None,
) -> IntakeResult:
    """Intake of a new client: client, first episode, assessment, consents and optional
    BARC-10 (``{item code: 1-6 or scale code/label}``, errors under ``barc10_<item>``)."""
    require_records(uow, actor)
    c = Checker()
    reg = _check_registration(c, uow, client, episode, intake, consents, barc10)
    c.raise_if_any()
    assert reg is not None  # no errors, so every part was valid
    return _write_registration(uow, actor, reg)


# === CSV import ============================================================================

CLIENT_TEXT_COLUMNS = ("given_names", "family_name", "phone", "email", "address")
CONSENT_COLUMNS = tuple(f"consent_{kind}" for kind in codes.CONSENT_KIND.codes())
SCOPE_COLUMN = "consent_share_services_scope"
SUBSTANCE_SUFFIXES = ("drug", "route", "frequency", "age_first_use")
SUBSTANCE_COLUMNS = tuple(f"{substance_prefix(rank)}_{suffix}"
                          for rank in range(1, 2 + codes.MAX_SECONDARY_DRUGS) for suffix in SUBSTANCE_SUFFIXES)
CODED_COLUMNS: dict[str, codes.CodeList] = dict(
    CLIENT_CODED_FIELDS + EPISODE_CODED_FIELDS + INTAKE_CODED_FIELDS
)
REQUIRED_COLUMNS = ("given_names", "family_name", "date_of_birth", "admission_date", "programme", "centre_type",
                    "primary_drug")
COLUMNS: tuple[str, ...] = (
    *CLIENT_TEXT_COLUMNS, "date_of_birth", *CODED_COLUMNS, "counsellor", "admission_date", "assessed_on",
    "number_of_children", *INTAKE_TEXT_FIELDS, *SUBSTANCE_COLUMNS, *CONSENT_COLUMNS, SCOPE_COLUMN,
)
"""Every column the import accepts (the module docstring documents each)."""
_DEFAULTS = {"preferred_language": "en"}
_DELIMITERS = ",;\t"


@dataclass(frozen=True)
class CsvRow:
    """One data row of an import file: its line number (header = line 1) and cells by column."""

    line: int
    values: Mapping[str, str]


@dataclass(frozen=True)
class ImportProblem:
    line: int
    field: str
    message: str


@dataclass(frozen=True)
class ImportedClient:
    line: int
    client_id: int
    code: str


@dataclass(frozen=True)
class ImportReport:
    """``problems`` empty: every row was valid (and, unless a dry run, imported)."""

    rows: int
    imported: tuple[ImportedClient, ...]
    problems: tuple[ImportProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def read_clients_csv(path: Path) -> tuple[CsvRow, ...]:
    """Read an import file; problems with the file or its header raise ``ValidationError``
    (key ``file`` or ``line 1``).  Cells are not checked here: see :func:`import_clients`."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError({"file": "The file is not UTF-8 text; save it as “CSV UTF-8”."}) from None
    except OSError as exc:
        raise ValidationError({"file": f"Cannot read {path}: {exc.strerror or exc}."}) from None
    header_line = text.split("\n", 1)[0]
    delimiter = max(_DELIMITERS, key=header_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        raise ValidationError({"file": "The file is empty; the first line must name the columns."}) from None
    problems: list[str] = []
    unknown = [name for name in header if name not in COLUMNS]
    if unknown:
        problems.append("unknown column" + ("s " if len(unknown) > 1 else " ") + ", ".join(map(repr, unknown)))
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        problems.append("repeated column" + ("s " if len(repeated) > 1 else " ") + ", ".join(map(repr, repeated)))
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        problems.append("missing required column" + ("s " if len(missing) > 1 else " ") + ", ".join(missing))
    if problems:
        raise ValidationError({"line 1": "; ".join(problems) + "."})
    rows: list[CsvRow] = []
    line = reader.line_num + 1
    errors: dict[str, str] = {}
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                if len(cells) > len(header):
                    errors[f"line {line}"] = f"{len(cells)} cells, but the header names {len(header)} columns."
                rows.append(CsvRow(line, {name: cell.strip() for name, cell in zip(header, cells)}))
            line = reader.line_num + 1
    except csv.Error as exc:
        errors[f"line {line}"] = f"This line cannot be read as CSV ({exc})."
    if errors:
        raise ValidationError(errors)
    if not rows:
        raise ValidationError({"file": "The file has no rows below its header line."})
    return tuple(rows)


def _row_details(c: Checker, uow: UnitOfWork, values: Mapping[str, str]) -> tuple[
        ClientDetails, EpisodeDetails, IntakeDetails, list[ConsentGiven]]:
    """Turn one row's cells into the intake's input (labels to codes, user name to id)."""
    cell = {name: values.get(name, "") for name in COLUMNS}
    coded: dict[str, str] = {}
    for column, code_list in CODED_COLUMNS.items():
        coded[column] = _parse_code(c, code_list, cell[column] or _DEFAULTS.get(column, ""), column)
    counsellor_id = None
    if cell["counsellor"]:
        counsellor_id = uow.session.execute(
            select(User.id).where(User.name_key == normalise_user_name(cell["counsellor"]))
        ).scalar_one_or_none()
        if counsellor_id is None:
            c.fail("counsellor", f"There is no account named “{cell['counsellor']}”.")
    client = ClientDetails(
        **{name: cell[name] for name in CLIENT_TEXT_COLUMNS}, date_of_birth=cell["date_of_birth"],
        **{name: coded[name] for name, _ in CLIENT_CODED_FIELDS}, counsellor_id=counsellor_id,
    )
    episode = EpisodeDetails(cell["admission_date"], **{name: coded[name] for name, _ in EPISODE_CODED_FIELDS})
    uses: list[SubstanceUse] = []
    for rank in range(1, 2 + codes.MAX_SECONDARY_DRUGS):
        prefix = substance_prefix(rank)
        drug, route, frequency, age = (cell[f"{prefix}_{suffix}"] for suffix in SUBSTANCE_SUFFIXES)
        if rank > 1 and not drug:
            if route or frequency or age:
                c.fail(f"{prefix}_drug", f"Give the drug, or leave {prefix}_route, _frequency and "
                                         f"_age_first_use empty.")
            continue
        uses.append(SubstanceUse(
            _parse_code(c, codes.DRUG, drug, f"{prefix}_drug"),
            _parse_code(c, codes.ROUTE, route, f"{prefix}_route"),
            _parse_code(c, codes.FREQUENCY, frequency, f"{prefix}_frequency"),
            age or None,
        ))
    intake = IntakeDetails(
        **{name: coded[name] for name, _ in INTAKE_CODED_FIELDS},
        primary=uses[0], secondary=tuple(uses[1:]), number_of_children=cell["number_of_children"] or None,
        assessed_on=cell["assessed_on"] or None, **{name: cell[name] for name in INTAKE_TEXT_FIELDS},
    )
    consents = [ConsentGiven(kind, cell[f"consent_{kind}"], cell[SCOPE_COLUMN] if kind == SCOPED_KIND else "")
                for kind in codes.CONSENT_KIND.codes() if cell[f"consent_{kind}"]]
    if cell[SCOPE_COLUMN] and not cell[f"consent_{SCOPED_KIND}"]:
        c.fail(SCOPE_COLUMN, "Give the date in consent_share_services too, or leave the services empty.")
    return client, episode, intake, consents


def _parse_code(c: Checker, code_list: codes.CodeList, text: str, column: str) -> str:
    """The code for ``text`` (blank: "not known" in an optional column whose list has it)."""
    if not text:
        if code_list.allows_not_known and column not in REQUIRED_COLUMNS:
            return codes.NOT_KNOWN
        c.fail(column, f"{column} is required.")
        return ""
    try:
        return code_list.parse(text, column)
    except ValidationError as exc:
        for field, message in exc.errors.items():
            c.fail(field, message)
        return text


def import_clients(uow: UnitOfWork, actor: Actor, rows: Sequence[CsvRow], *, dry_run: bool = False) -> ImportReport:
    """Check every row; if all are valid (and not ``dry_run``), register each as an intake.

    Nothing is written unless every row is valid, so the caller commits only a report
    that is ``ok`` and not a dry run.  Audited per client as an intake, plus one
    "clients.imported" entry with the number of clients.
    """
    require_records(uow, actor)
    problems: list[ImportProblem] = []
    checked: list[tuple[int, _Registration]] = []
    seen: dict[tuple[str, date], int] = {}
    for row in rows:
        c = Checker()
        client, episode, intake, consents = _row_details(c, uow, row.values)
        reg = _check_registration(c, uow, client, episode, intake, consents, None)
        if reg is not None:
            key = (sort_name(reg.client.family_name, reg.client.given_names), reg.client.date_of_birth)
            existing = uow.session.execute(
                select(Client.code).where(Client.sort_name == key[0], Client.date_of_birth == key[1]).limit(1)
            ).scalar_one_or_none()
            if existing is not None:
                c.fail("family_name", f"A client with the same names and date of birth is already recorded "
                                      f"({existing}).")
            elif key in seen:
                c.fail("family_name", f"Same names and date of birth as line {seen[key]}.")
            else:
                seen[key] = row.line
                checked.append((row.line, reg))
        problems.extend(ImportProblem(row.line, field, message) for field, message in c.errors.items())
    if problems or dry_run:
        return ImportReport(len(rows), (), tuple(problems))
    imported = []
    for line, reg in checked:
        result = _write_registration(uow, actor, reg)
        imported.append(ImportedClient(line, result.client_id, result.code))
    audit.record(uow, actor, "clients.imported", entity="client", details={"count": len(imported)})
    return ImportReport(len(rows), tuple(imported), ())
