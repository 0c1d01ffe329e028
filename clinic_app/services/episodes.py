"""Episodes of care and their intake assessments (the TDI items, health and risks).

A client has many episodes and at most one open at a time.  A new client's first
episode is opened by the intake (``services.intake.register_client``); a client who
comes back is readmitted with :func:`open_episode`.  Each episode has at most one intake
assessment, recorded with the episode or later with :func:`record_intake`.

Decisions
---------
* **Input and output types differ.**  ``EpisodeDetails``/``IntakeDetails``/``SubstanceUse``
  carry what a form or a CSV row typed (dates as ``date`` or ``"YYYY-MM-DD"``, numbers as
  ``int`` or digits); ``EpisodeRecord``/``IntakeRecord``/``SubstanceRecord`` carry what is
  stored.  Every problem is collected (``Checker``) and raised at once, each under the
  field's name.  Substance fields are named ``primary_drug``, ``primary_route``,
  ``primary_frequency``, ``primary_age_first_use`` and ``secondary_<n>_…`` for n = 1..3:
  the same names the CSV import uses for its columns.
* **Consistency rules**: ages at first use are at most the client's age on the day of
  the assessment; "has children: no" with a number above 0 (or "yes" with 0) is refused;
  a substance injected contradicts "never injected"; secondary drugs follow
  ``codes.validate_secondary_drugs`` (known, not repeated, not the primary, at most 3).
* **Readmission**: refused while an episode is open; the admission date may not be
  before the latest discharge or admission; "previously treated: never" is refused
  because the client was treated here before.  Whether a readmission counts as a new TDI
  treatment entry (the 6-month rule, ``codes.is_new_treatment_entry``) is for the
  statistics to decide from the dates: every readmission is its own episode here.
* ``clients.status`` is denormalised from the episodes: :func:`sync_client_status` is the
  one place that sets it (discharge calls it too).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from clinic_app import codes
from clinic_app.db.models import Client, Episode, IntakeAssessment, IntakeSubstance
from clinic_app.errors import ValidationError
from clinic_app.services import audit, followups
from clinic_app.services.auth import Actor
from clinic_app.services.common import Checker, load_client, load_episode, require_records
from clinic_app.uow import UnitOfWork

OPEN = "open"
DISCHARGED = "discharged"
HEALTH_TEXT_MAX_LEN = 20_000
MAX_CHILDREN = 30
MAX_AGE = 120

#: (field, code list) of the coded assessment items, in form order
INTAKE_CODED_FIELDS: tuple[tuple[str, codes.CodeList], ...] = (
    ("living_with", codes.LIVING_WITH),
    ("living_with_children", codes.LIVING_WITH_CHILDREN),
    ("has_children", codes.HAS_CHILDREN),
    ("housing", codes.HOUSING),
    ("labour_status", codes.LABOUR_STATUS),
    ("education", codes.EDUCATION),
    ("injecting", codes.INJECTING),
    ("opioid_substitution", codes.OST),
    ("tested_hiv", codes.BBV_TESTING),
    ("tested_hcv", codes.BBV_TESTING),
    ("tested_hbv", codes.BBV_TESTING),
)
#: free-text assessment items
INTAKE_TEXT_FIELDS: tuple[str, ...] = ("legal_situation", "physical_health", "mental_health", "risks", "notes")
#: (field, code list) of the coded episode items
EPISODE_CODED_FIELDS: tuple[tuple[str, codes.CodeList], ...] = (
    ("programme", codes.PROGRAMME),
    ("centre_type", codes.TREATMENT_CENTRE),
    ("referral_source", codes.REFERRAL_SOURCE),
    ("previously_treated", codes.PREVIOUSLY_TREATED),
)


# --- input ----------------------------------------------------------------------------


@dataclass(frozen=True)
class EpisodeDetails:
    admission_date: date | str
    programme: str
    centre_type: str
    referral_source: str
    previously_treated: str


@dataclass(frozen=True)
class SubstanceUse:
    """One substance: a ``codes.DRUG`` code, ``codes.ROUTE``, ``codes.FREQUENCY`` (last 30
    days) and the age at first use in whole years (``None``: not recorded)."""

    drug: str
    route: str
    frequency: str
    age_first_use: int | str | None = None


@dataclass(frozen=True)
class IntakeDetails:
    """The intake assessment of one episode (``assessed_on`` defaults to the admission date)."""

    living_with: str
    living_with_children: str
    has_children: str
    housing: str
    labour_status: str
    education: str
    injecting: str
    opioid_substitution: str
    tested_hiv: str
    tested_hcv: str
    tested_hbv: str
    primary: SubstanceUse
    secondary: tuple[SubstanceUse, ...] = ()
    number_of_children: int | str | None = None
    assessed_on: date | str | None = None
    legal_situation: str = ""
    physical_health: str = ""
    mental_health: str = ""
    risks: str = ""
    notes: str = ""


# --- output ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SubstanceRecord:
    rank: int  # 1 = primary, 2-4 = secondary
    drug: str
    route: str
    frequency: str
    age_first_use: int | None


@dataclass(frozen=True)
class IntakeRecord:
    id: int
    episode_id: int
    assessed_on: date
    living_with: str
    living_with_children: str
    has_children: str
    number_of_children: int | None
    housing: str
    labour_status: str
    education: str
    injecting: str
    opioid_substitution: str
    tested_hiv: str
    tested_hcv: str
    tested_hbv: str
    legal_situation: str
    physical_health: str
    mental_health: str
    risks: str
    notes: str
    substances: tuple[SubstanceRecord, ...]

    @property
    def primary(self) -> SubstanceRecord:
        return self.substances[0]


@dataclass(frozen=True)
class EpisodeRecord:
    id: int
    client_id: int
    admission_date: date
    programme: str
    centre_type: str
    referral_source: str
    previously_treated: str
    status: str
    discharge_date: date | None
    intake: IntakeRecord | None


# --- checking -------------------------------------------------------------------------


def age_on(date_of_birth: date, day: date) -> int:
    """Age in whole years on ``day``."""
    return day.year - date_of_birth.year - ((day.month, day.day) < (date_of_birth.month, date_of_birth.day))


def substance_prefix(rank: int) -> str:
    """Field-name prefix of the substance at ``rank``: ``primary``, ``secondary_1`` … ``secondary_3``."""
    return "primary" if rank == 1 else f"secondary_{rank - 1}"


@dataclass(frozen=True)
class CleanEpisode:
    admission_date: date
    programme: str
    centre_type: str
    referral_source: str
    previously_treated: str


@dataclass(frozen=True)
class CleanIntake:
    assessed_on: date
    coded: dict[str, str]
    number_of_children: int | None
    texts: dict[str, str]
    substances: tuple[SubstanceRecord, ...]


def check_episode(c: Checker, details: EpisodeDetails,
                  date_of_birth: date | None) -> tuple[CleanEpisode | None, date | None]:
    """Check an episode (errors go to ``c``): the cleaned episode (``None`` if any field is
    invalid) and the admission date (``None`` only if it is invalid)."""
    admission = c.date(details.admission_date, "admission_date", past_only=True,
                       not_before=date_of_birth, not_before_label="the date of birth")
    values = {field: c.code(code_list, getattr(details, field), field) for field, code_list in EPISODE_CODED_FIELDS}
    if admission is None or any(field in c.errors for field, _ in EPISODE_CODED_FIELDS):
        return None, admission
    return CleanEpisode(admission, **values), admission  # type: ignore[arg-type]


def _check_substance(c: Checker, use: SubstanceUse, rank: int, age_at_assessment: int | None) -> SubstanceRecord | None:
    prefix = substance_prefix(rank)
    drug = c.code(codes.DRUG, use.drug, f"{prefix}_drug")
    route = c.code(codes.ROUTE, use.route, f"{prefix}_route")
    frequency = c.code(codes.FREQUENCY, use.frequency, f"{prefix}_frequency")
    age_field = f"{prefix}_age_first_use"
    age = c.integer(use.age_first_use, age_field, low=0, high=MAX_AGE)
    if age is not None and age_at_assessment is not None and age > age_at_assessment:
        c.fail(age_field, f"The age at first use ({age}) is above the client's age at the assessment "
                          f"({age_at_assessment}).")
        age = None
    if drug is None or route is None or frequency is None:
        return None
    return SubstanceRecord(rank, drug, route, frequency, age)


def check_intake(c: Checker, details: IntakeDetails, date_of_birth: date | None,
                 admission_date: date | None) -> CleanIntake | None:
    """Check an assessment; ``date_of_birth``/``admission_date`` are ``None`` if they were invalid."""
    if details.assessed_on in (None, ""):
        assessed_on = admission_date
    else:
        assessed_on = c.date(details.assessed_on, "assessed_on", past_only=True,
                             not_before=date_of_birth, not_before_label="the date of birth")
    age = age_on(date_of_birth, assessed_on) if date_of_birth and assessed_on else None
    coded = {field: c.code(code_list, getattr(details, field), field) for field, code_list in INTAKE_CODED_FIELDS}
    texts = {field: c.text(getattr(details, field), field, max_len=HEALTH_TEXT_MAX_LEN)
             for field in INTAKE_TEXT_FIELDS}
    children = c.integer(details.number_of_children, "number_of_children", low=0, high=MAX_CHILDREN)
    if coded["has_children"] == "no" and children:
        c.fail("number_of_children", "The number of children must be 0 or empty when the client has no children.")
    elif coded["has_children"] == "yes" and children == 0:
        c.fail("number_of_children", "The client has children: the number cannot be 0.")

    uses = (details.primary, *details.secondary)
    if len(details.secondary) > codes.MAX_SECONDARY_DRUGS:
        c.fail("secondary_drugs", f"At most {codes.MAX_SECONDARY_DRUGS} secondary drugs can be recorded.")
        uses = uses[: 1 + codes.MAX_SECONDARY_DRUGS]
    substances = [_check_substance(c, use, rank, age) for rank, use in enumerate(uses, start=1)]
    if all(s is not None for s in substances):
        try:
            codes.validate_secondary_drugs(substances[0].drug, [s.drug for s in substances[1:]])  # type: ignore[union-attr]
        except ValidationError as exc:
            for field, message in exc.errors.items():
                c.fail(field, message)
    if coded["injecting"] == "never" and any(s is not None and s.route == "inject" for s in substances):
        c.fail("injecting", "A substance is recorded as injected, so the client has injected.")

    own_fields = {"assessed_on", "number_of_children", "secondary_drugs", *coded, *texts,
                  *(f"{substance_prefix(rank)}_{part}" for rank in range(1, len(uses) + 1)
                    for part in ("drug", "route", "frequency", "age_first_use"))}
    if assessed_on is None or any(field in c.errors for field in own_fields):
        return None
    return CleanIntake(assessed_on, coded, children, texts, tuple(substances))  # type: ignore[arg-type]


def check_ages_against_birth(c: Checker, uow: UnitOfWork, client_id: int, date_of_birth: date) -> None:
    """A changed date of birth must still be before every admission and consistent with
    every recorded age at first use (errors go under ``date_of_birth``)."""
    rows = uow.session.execute(
        select(Episode.admission_date, IntakeAssessment.assessed_on, IntakeSubstance.age_first_use)
        .outerjoin(IntakeAssessment, IntakeAssessment.episode_id == Episode.id)
        .outerjoin(IntakeSubstance, IntakeSubstance.intake_id == IntakeAssessment.id)
        .where(Episode.client_id == client_id)
    ).all()
    for admission, assessed_on, first_use in rows:
        if admission < date_of_birth or (assessed_on is not None and assessed_on < date_of_birth):
            c.fail("date_of_birth", "The date of birth cannot be after an admission or assessment date.")
            return
        if first_use is not None and first_use > age_on(date_of_birth, assessed_on):
            c.fail("date_of_birth", f"With this date of birth, a recorded age at first use ({first_use}) "
                                    f"would be above the client's age at the assessment.")
            return


# --- writing --------------------------------------------------------------------------


def add_episode(uow: UnitOfWork, actor: Actor, client: Client, episode: CleanEpisode) -> Episode:
    """Insert an open episode for ``client`` and audit it ("episode.opened")."""
    row = Episode(client_id=client.id, admission_date=episode.admission_date, programme=episode.programme,
                  centre_type=episode.centre_type, referral_source=episode.referral_source,
                  previously_treated=episode.previously_treated, status=OPEN, created_by=actor.user_id)
    uow.session.add(row)
    uow.session.flush()
    sync_client_status(uow, client)
    audit.record(uow, actor, "episode.opened", entity="episode", entity_id=row.id, client_id=client.id,
                 details={"programme": episode.programme})
    return row


def add_intake(uow: UnitOfWork, actor: Actor, client_id: int, episode_id: int, intake: CleanIntake) -> IntakeAssessment:
    """Insert a checked assessment and its substances, and audit it ("intake.created")."""
    row = IntakeAssessment(episode_id=episode_id, assessed_on=intake.assessed_on,
                           number_of_children=intake.number_of_children, **intake.coded, **intake.texts)
    uow.session.add(row)
    uow.session.flush()
    uow.session.add_all(
        IntakeSubstance(intake_id=row.id, rank=s.rank, substance=s.drug, route=s.route, frequency=s.frequency,
                        age_first_use=s.age_first_use)
        for s in intake.substances
    )
    uow.session.flush()
    audit.record(uow, actor, "intake.created", entity="intake_assessment", entity_id=row.id, client_id=client_id,
                 details={"episode_id": episode_id})
    return row


def sync_client_status(uow: UnitOfWork, client: Client) -> None:
    """Set ``client.status`` from its episodes: "open" if one is open, else "discharged"."""
    has_open = uow.session.execute(
        select(Episode.id).where(Episode.client_id == client.id, Episode.status == OPEN).limit(1)
    ).first()
    client.status = OPEN if has_open else DISCHARGED
    uow.session.flush()


# --- reading --------------------------------------------------------------------------


def _intake_record(row: IntakeAssessment, substances: Sequence[IntakeSubstance]) -> IntakeRecord:
    return IntakeRecord(
        row.id, row.episode_id, row.assessed_on, row.living_with, row.living_with_children, row.has_children,
        row.number_of_children, row.housing, row.labour_status, row.education, row.injecting,
        row.opioid_substitution, row.tested_hiv, row.tested_hcv, row.tested_hbv, row.legal_situation,
        row.physical_health, row.mental_health, row.risks, row.notes,
        tuple(SubstanceRecord(s.rank, s.substance, s.route, s.frequency, s.age_first_use)
              for s in sorted(substances, key=lambda s: s.rank)),
    )


def client_episodes(uow: UnitOfWork, client_id: int) -> tuple[EpisodeRecord, ...]:
    """All episodes of a client with their intakes, oldest first (no role check or audit)."""
    episodes = uow.session.execute(
        select(Episode).where(Episode.client_id == client_id).order_by(Episode.admission_date, Episode.id)
    ).scalars().all()
    intakes = {
        row.episode_id: row
        for row in uow.session.execute(
            select(IntakeAssessment).where(IntakeAssessment.episode_id.in_([e.id for e in episodes]))
        ).scalars()
    }
    substances: dict[int, list[IntakeSubstance]] = {}
    for s in uow.session.execute(
        select(IntakeSubstance).where(IntakeSubstance.intake_id.in_([i.id for i in intakes.values()]))
    ).scalars():
        substances.setdefault(s.intake_id, []).append(s)
    return tuple(
        EpisodeRecord(
            e.id, e.client_id, e.admission_date, e.programme, e.centre_type, e.referral_source,
            e.previously_treated, e.status, e.discharge_date,
            _intake_record(intakes[e.id], substances.get(intakes[e.id].id, [])) if e.id in intakes else None,
        )
        for e in episodes
    )


def _episode_record(uow: UnitOfWork, episode_id: int, client_id: int) -> EpisodeRecord:
    return next(e for e in client_episodes(uow, client_id) if e.id == episode_id)


# --- services -------------------------------------------------------------------------


def open_episode(uow: UnitOfWork, actor: Actor, client_id: int, episode: EpisodeDetails,
                 intake: IntakeDetails | None = None) -> EpisodeRecord:
    """Readmission: open a new episode (and optionally its intake) for an existing client."""
    require_records(uow, actor)
    client = load_client(uow, client_id)
    previous = uow.session.execute(
        select(Episode).where(Episode.client_id == client.id).order_by(Episode.admission_date, Episode.id)
    ).scalars().all()
    if any(e.status == OPEN for e in previous):
        raise ValidationError({"admission_date": "This client already has an open episode of care; "
                                                 "discharge it before opening a new one."})
    c = Checker()
    clean, admission = check_episode(c, episode, client.date_of_birth)
    last = max((e.discharge_date or e.admission_date for e in previous), default=None)
    if admission is not None and last is not None and admission < last:
        c.fail("admission_date", f"The admission date cannot be before the end of the previous episode "
                                 f"({last.isoformat()}).")
    if previous and episode.previously_treated == "never":
        c.fail("previously_treated", "The client was treated here before: choose “Previously treated”.")
    clean_intake = check_intake(c, intake, client.date_of_birth, admission) if intake is not None else None
    c.raise_if_any()
    assert clean is not None  # no errors, so the episode was valid
    cancelled = followups.cancel_pending_checkups(uow, client.id)
    row = add_episode(uow, actor, client, clean)
    if cancelled:
        audit.record(uow, actor, "checkups.cancelled", entity="episode", entity_id=row.id, client_id=client.id,
                     details={"count": cancelled, "reason": "readmitted"})
    if clean_intake is not None:
        add_intake(uow, actor, client.id, row.id, clean_intake)
    return _episode_record(uow, row.id, client.id)


def record_intake(uow: UnitOfWork, actor: Actor, episode_id: int, intake: IntakeDetails) -> IntakeRecord:
    """Record the intake assessment of an episode that has none yet."""
    require_records(uow, actor)
    episode = load_episode(uow, episode_id)
    client = load_client(uow, episode.client_id)
    if uow.session.execute(select(IntakeAssessment.id).where(IntakeAssessment.episode_id == episode.id)).first():
        raise ValidationError({"assessed_on": "This episode already has an intake assessment."})
    c = Checker()
    clean = check_intake(c, intake, client.date_of_birth, episode.admission_date)
    c.raise_if_any()
    assert clean is not None  # no errors, so the assessment was valid
    add_intake(uow, actor, client.id, episode.id, clean)
    intake_record = _episode_record(uow, episode.id, client.id).intake
    assert intake_record is not None
    return intake_record
