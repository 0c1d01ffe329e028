"""Fast bulk demonstration data: the shapes of :mod:`clinic_app.demo`, written at scale.

:func:`generate` adds ``clients`` clients with the same kinds of history as
:func:`clinic_app.demo.populate` (intake with TDI items and substances, consents, BARC-10s,
family members and children with notes, care plans with goals and review versions, signed
progress notes and a few drafts, discharges with plans, referrals and check-ups with
attempts and outcomes, readmissions), drawing names, texts and weights from
:mod:`clinic_app.demo`.  It exists for benchmarks and load tests: 100,000 clients in
minutes instead of hours.

Decisions:
- **Around the services, on purpose.**  Rows are built in Python and inserted with
  SQLAlchemy Core ``executemany`` (ids assigned here, so no round trip per row), in one
  transaction per :data:`BATCH_CLIENTS` clients.  Validation is replaced by construction:
  every coded value is a code of :mod:`clinic_app.codes` and every date lies in the
  client's own time line.  Search terms and sort names come from the services' own
  helpers (:func:`clinic_app.services.search.client_terms` and ``sort_name``), so search
  behaves exactly as on data entered by hand.
- **Audit**: no entry per row (that cost is what makes the service path slow); one
  ``demo.bulk_generated`` entry records what was made.
- **Client codes** carry the admission year (``C-2025-0042``) and the per-year sequence
  (``client_code_sequence``) is advanced past them, so codes the app hands out later
  never collide.
- **Deterministic**: one ``random.Random`` per client seeded from ``seed`` and its index;
  dates count back from ``anchor`` (today by default).  Same seed and anchor, same data
  (timestamps included: they are derived from the dates).
- **The first client is the "long record"**: an open episode, 50 signed notes and an active
  care plan with all ten goals, so benchmarks can open and print a heavy record.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import Table, func, select

from clinic_app import codes
from clinic_app.db import models as m
from clinic_app.demo import (
    AFTERCARE, AMENDMENT, CHECKUP_NOTES, CHILD_NEEDS, DRAFT, DRUGS, EN_CITIES, EN_FAMILY, EN_STREETS, ES_CITIES,
    ES_FAMILY, ES_STREETS, FAMILY_NOTES, GOALS, HEALTH, HISTORY_DAYS, MOODS, NOTES_EN, NOTES_ES, OPIOIDS,
    OUTCOME_WEIGHTS, REACHED_OUTCOMES, REASON_WEIGHTS, REFERRALS, RELAPSE_PLAN, SCHOOLS, SENSITIVE_NOTES,
    given_names_for, demo_staff,
)
from clinic_app.errors import ValidationError
from clinic_app.services import audit
from clinic_app.services.assessments import CHECK_UP, DISCHARGE, INTAKE, OTHER, REVIEW
from clinic_app.services.auth import ADMINISTRATOR, Actor, require
from clinic_app.services.common import today as real_today
from clinic_app.services.discharge import NO_FOLLOWUP_REASONS
from clinic_app.services.followups import checkup_due_dates
from clinic_app.services.search import client_terms, sort_name
from clinic_app.services.settings import read_settings
from clinic_app.workspace import Workspace

MAX_CLIENTS = 1_000_000
BATCH_CLIENTS = 10_000
LONG_RECORD_NOTES = 50
Progress = Callable[[int, int], None]

_TABLES: tuple[type[m.Base], ...] = (
    m.Client, m.ClientSearchTerm, m.Consent, m.Episode, m.IntakeAssessment, m.IntakeSubstance, m.Barc10,
    m.CarePlan, m.CarePlanGoal, m.ProgressNote, m.FamilyMember, m.FamilyNote, m.DischargePlan, m.Referral,
    m.Checkup, m.CheckupAttempt,
)


@dataclass(frozen=True)
class BulkSummary:
    """What :func:`generate` made: rows per table, and the first client's id (the long record)."""

    clients: int
    rows: tuple[tuple[str, int], ...]
    long_record_client_id: int


def _pick(rng: random.Random, weights: dict[Any, int]) -> Any:
    return rng.choices(tuple(weights), tuple(weights.values()))[0]


def _between(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _at(day: date, rng: random.Random) -> datetime:
    """A UTC timestamp in office hours on ``day``."""
    return datetime.combine(day, time(8 + rng.randint(0, 9), rng.randint(0, 59)), tzinfo=timezone.utc)


def _barc_scores(rng: random.Random, level: float) -> dict[str, int]:
    return {item: min(6, max(1, round(rng.gauss(level, 0.9)))) for item in codes.BARC10_ITEM.codes()}


@dataclass
class _Batch:
    """Rows waiting to be inserted, and the next id of every table."""

    next_id: dict[str, int]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, model: type[m.Base], **values: Any) -> int:
        name = model.__tablename__
        if "id" in model.__table__.c and "id" not in values:
            values["id"] = self.next_id[name]
            self.next_id[name] += 1
        self.rows.setdefault(name, []).append(values)
        self.counts[name] += 1
        return int(values.get("id", 0))


class _Builder:
    """Builds one client's rows into a :class:`_Batch`."""

    def __init__(self, anchor: date, staff: Sequence[int], months: Sequence[int], batch: _Batch,
                 sequences: dict[int, int]) -> None:
        self.anchor, self.staff, self.months, self.b, self.sequences = anchor, staff, months, batch, sequences

    def client(self, rng: random.Random, long_record: bool) -> int:
        b, anchor = self.b, self.anchor
        spanish = rng.random() < 0.6
        lang = int(spanish)
        sex = _pick(rng, {"female": 45, "male": 53, "not_known": 2})
        gender = "non_binary" if rng.random() < 0.03 else {"female": "woman", "male": "man"}.get(
            sex, "prefers_not_to_say")
        female = sex == "female" or (sex == "not_known" and rng.random() < 0.5)
        given = rng.choice(given_names_for(lang, female))
        if spanish:
            family_name = f"{rng.choice(ES_FAMILY)} {rng.choice(ES_FAMILY)}"
            postcode, city = rng.choice(ES_CITIES)
            address = f"{rng.choice(ES_STREETS)} {rng.randint(1, 180)}, {rng.randint(1, 8)}º {rng.choice('ABCD')}, " \
                      f"{postcode} {city}"
            phone = f"+34 6{rng.randint(0, 99):02d} {rng.randint(0, 999):03d} {rng.randint(0, 999):03d}"
        else:
            family_name = rng.choice(EN_FAMILY)
            postcode, city = rng.choice(EN_CITIES)
            address = f"{rng.randint(1, 240)} {rng.choice(EN_STREETS)}, {city} {postcode}"
            phone = f"07{rng.randint(100, 999)} {rng.randint(0, 999_999):06d}"
        folded = [codes.normalise_text(p).replace(" ", "") for p in (given.split()[0], family_name.split()[0])]
        counsellor = self.staff[rng.choices(range(len(self.staff)), [45, 45, 10][: len(self.staff)])[0]]
        admitted = anchor - timedelta(days=rng.randint(30 if long_record else 14, HISTORY_DAYS))
        dob = admitted - timedelta(days=rng.randint(18, 63) * 365 + rng.randint(0, 364))
        year = admitted.year
        self.sequences[year] = self.sequences.get(year, 0) + 1
        code = f"C-{year}-{self.sequences[year]:04d}"
        created = _at(admitted, rng)
        ended = None if long_record else self._ending(rng, admitted)
        client_id = b.add(
            m.Client, code=code, given_names=given, family_name=family_name, date_of_birth=dob, sex=sex,
            gender_identity=gender,
            nationality=_pick(rng, {"national": 80, "foreign_eu": 8, "foreign_other": 10, "not_known": 2}),
            phone=phone if rng.random() < 0.9 else "",
            email=f"{folded[0]}.{folded[1]}{rng.randint(1, 99)}@example.org" if rng.random() < 0.6 else "",
            address=address if rng.random() < 0.85 else "", preferred_language="es" if spanish else "en",
            counsellor_id=counsellor, status="open" if ended is None else "discharged",
            sort_name=sort_name(family_name, given), created_at=created, updated_at=created,
        )
        for term in sorted(client_terms(given, family_name, code)):
            b.add(m.ClientSearchTerm, client_id=client_id, term=term)
        for kind, chance in (("treatment", 0.93), ("statistics", 0.7), ("share_family", 0.35),
                             ("share_services", 0.2)):
            if rng.random() < chance:
                withdrawn = _between(rng, admitted, anchor) if kind == "treatment" and rng.random() < 0.05 else None
                b.add(m.Consent, client_id=client_id, kind=kind,
                      scope=rng.choice(REFERRALS)[0] if kind == "share_services" else "", given_on=admitted,
                      withdrawn_on=withdrawn, recorded_by=counsellor, recorded_at=created)
        children = self._family(rng, client_id, counsellor, lang, dob, admitted)
        episode = self._episode(rng, client_id, counsellor, lang, dob, admitted, ended, children, False)
        self._care(rng, client_id, episode, counsellor, lang, admitted, ended[0] if ended else anchor,
                   long_record)
        if ended is not None:
            readmit = self._discharge(rng, client_id, episode, counsellor, lang, admitted, *ended)
            if readmit is not None:
                b.rows["clients"][-1]["status"] = "open"
                second = self._episode(rng, client_id, counsellor, lang, dob, readmit, None, children, True)
                self._care(rng, client_id, second, counsellor, lang, readmit, anchor, False)
        return client_id

    def _ending(self, rng: random.Random, admitted: date) -> tuple[date, str] | None:
        length = rng.randint(45, 420)
        if admitted + timedelta(days=length) < self.anchor and rng.random() < 0.8:
            return admitted + timedelta(days=length), _pick(rng, REASON_WEIGHTS)
        return None

    def _family(self, rng: random.Random, client_id: int, author: int, lang: int, dob: date,
                admitted: date) -> int:
        b, anchor = self.b, self.anchor
        children = rng.randint(1, 3) if rng.random() < 0.45 else 0
        members = []
        for _ in range(children):
            born = min(anchor.year, max(dob.year + 17, anchor.year - rng.randint(1, 17)))
            concern = rng.random() < 0.1
            members.append((b.add(
                m.FamilyMember, client_id=client_id, relationship="child",
                first_name=rng.choice(given_names_for(lang, rng.random() < 0.5)), is_child=True, birth_year=born,
                lives_with_client=rng.random() < 0.5,
                carer=_pick(rng, {"client": 35, "other_parent": 30, "grandparent": 20, "foster_care": 8,
                                  "other_relative": 5, "not_known": 2}),
                school=rng.choice(SCHOOLS) if anchor.year - born >= 3 else "", needs=rng.choice(CHILD_NEEDS)[lang],
                safeguarding_concern=concern,
                referral_made=("Children's services informed.", "Comunicado a servicios sociales de menores.")[lang]
                if concern else "", created_at=_at(admitted, rng)), concern))
        if rng.random() < 0.6:
            members.append((b.add(
                m.FamilyMember, client_id=client_id,
                relationship=_pick(rng, {"partner": 3, "parent": 4, "sibling": 2, "friend": 1}),
                first_name=rng.choice(given_names_for(lang, rng.random() < 0.5)), is_child=False, birth_year=None,
                lives_with_client=False, carer="not_known", school="", needs="", safeguarding_concern=False,
                referral_made="", created_at=_at(admitted, rng)), False))
        for member_id, concern in members:
            if rng.random() < 0.5:
                sensitive = concern or rng.random() < 0.25
                day = _between(rng, admitted, self.anchor)
                b.add(m.FamilyNote, client_id=client_id, family_member_id=member_id, note_date=day, author_id=author,
                      text=rng.choice(SENSITIVE_NOTES if sensitive else FAMILY_NOTES)[lang], sensitive=sensitive,
                      created_at=_at(day, rng))
        return children

    def _episode(self, rng: random.Random, client_id: int, by: int, lang: int, dob: date, admitted: date,
                 ended: tuple[date, str] | None, children: int, readmission: bool) -> int:
        b = self.b
        programme = _pick(rng, {"aftercare": 40, "outpatient": 25, "residential": 10, "recovery_housing": 10,
                                "day_care": 10, "low_threshold_other": 5})
        episode_id = b.add(
            m.Episode, client_id=client_id, admission_date=admitted, programme=programme,
            centre_type={"residential": "inpatient", "low_threshold_other": "low_threshold"}.get(programme,
                                                                                                  "outpatient"),
            referral_source=_pick(rng, {"self": 25, "family_friends": 10, "other_drug_service": 30, "gp": 10,
                                        "hospital_medical": 8, "social_services": 8, "justice": 7, "not_known": 2}),
            previously_treated="yes" if readmission else _pick(rng, {"yes": 60, "never": 35, "not_known": 5}),
            status="open" if ended is None else "discharged", discharge_date=ended[0] if ended else None,
            created_by=by, created_at=_at(admitted, rng),
        )
        assessed = admitted + timedelta(days=rng.randint(0, 7))
        age = (assessed - dob).days // 365
        primary = _pick(rng, {d: w for d, w, _ in DRUGS})
        secondary = rng.sample([d for d, _, _ in DRUGS if d != primary], k=_pick(rng, {0: 4, 1: 4, 2: 2}))
        routes = {d: dict(r) for d, _, r in DRUGS}
        uses = [(d, _pick(rng, routes[d])) for d in [primary, *secondary]]
        injected = any(route == "inject" for _, route in uses)
        intake_id = b.add(
            m.IntakeAssessment, episode_id=episode_id, assessed_on=assessed,
            living_with=_pick(rng, {"alone": 30, "relatives": 25, "partner": 20, "friends": 8, "institution": 4,
                                    "no_fixed_abode": 8, "other": 3, "not_known": 2}),
            living_with_children=("yes" if rng.random() < 0.5 else "no") if children else "no",
            has_children="yes" if children else "no", number_of_children=children or None,
            housing=_pick(rng, {"stable": 60, "unstable": 30, "institution": 7, "not_known": 3}),
            labour_status=_pick(rng, {"employed": 25, "student": 4, "unemployed": 50, "inactive": 15, "other": 6}),
            education=_pick(rng, {"primary": 15, "lower_secondary": 35, "upper_secondary": 30, "post_secondary": 8,
                                  "tertiary": 10, "not_known": 2}),
            injecting=(_pick(rng, {"last_30_days": 3, "last_12_months": 4, "over_12_months": 3}) if injected
                       else _pick(rng, {"never": 85, "over_12_months": 10, "not_known": 5})),
            opioid_substitution=_pick(rng, {"current": 5, "past": 3, "never": 2}) if primary in OPIOIDS else "never",
            tested_hiv=_pick(rng, {"tested_last_12_months": 50, "tested_earlier": 25, "never_tested": 20,
                                   "not_known": 5}),
            tested_hcv=_pick(rng, {"tested_last_12_months": 45, "tested_earlier": 25, "never_tested": 25,
                                   "not_known": 5}),
            tested_hbv=_pick(rng, {"tested_last_12_months": 30, "tested_earlier": 20, "never_tested": 35,
                                   "not_known": 15}),
            legal_situation="", physical_health=rng.choice(HEALTH)[lang], mental_health=rng.choice(MOODS)[lang],
            risks=("Overdose risk after the residential stay.", "Riesgo de sobredosis tras el alta residencial.")[lang]
            if primary in OPIOIDS else "", notes="",
        )
        for rank, (drug, route) in enumerate(uses, start=1):
            frequency = _pick(rng, {"daily": 45, "days_4_6_week": 20, "days_2_3_week": 15, "weekly_or_less": 10,
                                    "not_used": 10} if rank == 1 else {"days_2_3_week": 40, "weekly_or_less": 60})
            b.add(m.IntakeSubstance, intake_id=intake_id, rank=rank, substance=drug, route=route,
                  frequency=frequency, age_first_use=rng.randint(12, max(12, min(30, age))))
        if rng.random() < 0.8:
            self._barc(rng, client_id, episode_id, by, assessed, INTAKE, 3.0)
        return episode_id

    def _barc(self, rng: random.Random, client_id: int, episode_id: int | None, by: int, on: date, context: str,
              level: float) -> int:
        scores = _barc_scores(rng, level)
        return self.b.add(m.Barc10, client_id=client_id, episode_id=episode_id, assessed_on=on, context=context,
                          scores=scores, total=sum(scores.values()), recorded_by=by)

    def _care(self, rng: random.Random, client_id: int, episode_id: int, by: int, lang: int, admitted: date,
              end: date, long_record: bool) -> None:
        b, anchor = self.b, self.anchor
        kind = "active" if long_record else _pick(rng, {"active": 85, "draft": 5, "none": 10})
        if kind != "none":
            goals = GOALS if long_record else rng.sample(GOALS, rng.randint(2, 4))
            reviews = 0 if kind == "draft" or long_record else _pick(rng, {0: 5, 1: 4, 2: 2})
            span = max(1, (end - admitted).days)
            for version in range(1, reviews + 2):
                last = version == reviews + 1
                made = admitted + timedelta(days=span * (version - 1) // (reviews + 1))
                activated = None if kind == "draft" else _at(made, rng)
                review = (_between(rng, anchor, anchor + timedelta(days=90)) if last and end == anchor
                          else admitted + timedelta(days=span * version // (reviews + 2)))
                plan_id = b.add(
                    m.CarePlan, episode_id=episode_id, version=version, status=(
                        kind if last and end == anchor else "draft" if kind == "draft" else
                        "active" if last else "superseded"),
                    review_date=review, created_by=by, created_at=_at(made, rng), activated_by=activated and by,
                    activated_at=activated, superseded_at=None if last else _at(
                        admitted + timedelta(days=span * version // (reviews + 1)), rng),
                    client_signed_on=None, counsellor_signed_by=None, counsellor_signed_on=None)
                if version > 1 and rng.random() < 0.7:
                    self._barc(rng, client_id, episode_id, by, made, REVIEW, 3.8)
                for position, (domain, goal_en, goal_es, act_en, act_es) in enumerate(goals, start=1):
                    b.add(m.CarePlanGoal, plan_id=plan_id, position=position, domain=domain,
                          goal=(goal_en, goal_es)[lang], actions=(act_en, act_es)[lang],
                          responsible=("Client and counsellor", "Usuario y referente")[lang],
                          target_date=_between(rng, admitted + timedelta(days=30), admitted + timedelta(days=365)),
                          status=_pick(rng, {"not_started": 3, "in_progress": 5, "achieved": 2} if version == 1
                                       else {"in_progress": 5, "achieved": 3, "dropped": 1}))
        for _ in range(LONG_RECORD_NOTES if long_record else rng.randint(2, 9)):
            day = _between(rng, admitted, end)
            note_type = _pick(rng, {"individual": 50, "group": 15, "family": 10, "phone": 15, "outreach": 5})
            note_id = self._note(rng, client_id, episode_id, by, day, note_type,
                                 rng.choice(NOTES_ES if lang else NOTES_EN), None)
            if rng.random() < 0.08 and not long_record:
                self._note(rng, client_id, episode_id, by, _between(rng, day, anchor), note_type,
                           AMENDMENT[lang].format(day=day.isoformat()), note_id)
        if end == anchor and not long_record and rng.random() < 0.12:
            created = _at(anchor, rng)
            b.add(m.ProgressNote, client_id=client_id, episode_id=episode_id, note_date=anchor,
                  note_type="individual", author_id=by, text=DRAFT[lang], status="draft", signed_at=None,
                  amends_id=None, created_at=created, updated_at=created)
        if rng.random() < 0.3:
            self._barc(rng, client_id, episode_id, by, _between(rng, admitted, end), OTHER, 3.5)

    def _note(self, rng: random.Random, client_id: int, episode_id: int, by: int, day: date, note_type: str,
              text: str, amends_id: int | None) -> int:
        at = _at(day, rng)
        return self.b.add(m.ProgressNote, client_id=client_id, episode_id=episode_id, note_date=day,
                          note_type=note_type, author_id=by, text=text, status="signed",
                          signed_at=at + timedelta(minutes=20), amends_id=amends_id, created_at=at, updated_at=at)

    def _discharge(self, rng: random.Random, client_id: int, episode_id: int, by: int, lang: int, admitted: date,
                   on: date, reason: str) -> date | None:
        """Discharge plan, referrals, check-ups; the readmission date, if the client comes back."""
        b, anchor = self.b, self.anchor
        plan_id = b.add(
            m.DischargePlan, episode_id=episode_id, planned_date=max(admitted, on + timedelta(days=rng.randint(-20, 20))),
            actual_date=on, reason=reason, aftercare=AFTERCARE[lang] if reason != "died" else "",
            relapse_prevention=RELAPSE_PLAN[lang] if reason != "died" and rng.random() < 0.8 else "",
            updated_by=by, updated_at=_at(on, rng))
        for service, contact, note in rng.sample(REFERRALS, rng.randint(0, 2)) if reason != "died" else ():
            b.add(m.Referral, discharge_id=plan_id, service=service, contact=contact, notes=note)
        if reason in ("completed_drug_free", "completed", "transferred") and rng.random() < 0.7:
            self._barc(rng, client_id, episode_id, by, on, DISCHARGE, 4.3)
        readmit = None
        if reason != "died" and (anchor - on).days > 75 and rng.random() < 0.15:
            readmit = _between(rng, on + timedelta(days=30), anchor - timedelta(days=30))
        months = () if reason in NO_FOLLOWUP_REASONS else self.months
        last_day = readmit - timedelta(days=1) if readmit else anchor
        for months_after, due in checkup_due_dates(on, months):
            values: dict[str, Any] = dict(client_id=client_id, episode_id=episode_id, months_after=months_after,
                                          due_date=due, status="due", outcome=None, completed_on=None,
                                          barc10_id=None, notes="")
            if due > last_day:
                b.add(m.Checkup, **{**values, "status": "cancelled" if readmit else "due"})
                continue
            recent = (anchor - due).days < 45
            if readmit is None and rng.random() < (0.35 if recent else 0.06):
                checkup_id = b.add(m.Checkup, **values)
                if rng.random() < 0.5:
                    self._attempt(rng, checkup_id, by, _between(rng, due, last_day), "phone", False)
                continue
            outcome = _pick(rng, OUTCOME_WEIGHTS)
            day = _between(rng, max(on, due - timedelta(days=5)), min(last_day, due + timedelta(days=10)))
            barc = (self._barc(rng, client_id, None, by, day, CHECK_UP, 4.5 if outcome == "doing_well" else 3.4)
                    if outcome in REACHED_OUTCOMES and rng.random() < 0.5 else None)
            checkup_id = b.add(m.Checkup, **{
                **values, "status": "done", "outcome": outcome, "completed_on": day, "barc10_id": barc,
                "notes": rng.choice(CHECKUP_NOTES)[lang] if outcome in REACHED_OUTCOMES else ""})
            for _ in range(max(rng.choice((0, 0, 0, 1, 1, 2)), 1 if outcome == "lost_to_contact" else 0)):
                self._attempt(rng, checkup_id, by, day, _pick(rng, {"phone": 6, "message": 3, "home_visit": 1}), False)
            if outcome != "lost_to_contact":
                self._attempt(rng, checkup_id, by, day, _pick(rng, {"phone": 6, "in_person": 3, "video": 1}), True)
        return readmit

    def _attempt(self, rng: random.Random, checkup_id: int, by: int, on: date, channel: str, reached: bool) -> None:
        self.b.add(m.CheckupAttempt, checkup_id=checkup_id, attempted_on=on, channel=channel, reached=reached,
                   note="", recorded_by=by)


def _flush(conn: Any, batch: _Batch) -> None:
    """Insert the waiting rows, parents before children (the models' order)."""
    for model in _TABLES:
        rows = batch.rows.pop(model.__tablename__, None)
        if rows:
            table: Table = model.__table__  # type: ignore[assignment]
            conn.execute(table.insert(), rows)


def _max_ids(uow: Any) -> dict[str, int]:
    out = {}
    for model in _TABLES:
        table = model.__table__
        if "id" in table.c:
            out[table.name] = int(uow.session.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1
    return out


def generate(ws: Workspace, actor: Actor, clients: int, seed: int = 1, anchor: date | None = None,
             progress: Progress | None = None) -> BulkSummary:
    """Add ``clients`` synthetic clients with whole histories, in bulk (administrators only)."""
    if isinstance(clients, bool) or not isinstance(clients, int) or not 1 <= clients <= MAX_CLIENTS:
        raise ValidationError({"clients": f"Enter a number of clients between 1 and {MAX_CLIENTS}."})
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValidationError({"seed": "The seed is a whole number."})
    anchor = anchor or real_today()
    with ws.unit_of_work() as uow:
        require(uow, actor, ADMINISTRATOR)
        staff = [user_id for _, user_id in demo_staff(uow, actor)]
        uow.commit()
    totals: Counter[str] = Counter()
    first_id = 0
    done = 0
    while done < clients:
        with ws.unit_of_work() as uow:
            months = read_settings(uow).checkup_months
            sequences = {row.year: row.last for row in uow.session.execute(select(m.ClientCodeSequence)).scalars()}
            batch = _Batch(_max_ids(uow))
            builder = _Builder(anchor, staff, months, batch, sequences)
            for index in range(done, min(clients, done + BATCH_CLIENTS)):
                client_id = builder.client(random.Random(f"continuum-bulk:{seed}:{index}"), long_record=index == 0)
                first_id = first_id or client_id
                if progress is not None and (index + 1) % 1000 == 0:
                    progress(index + 1, clients)
            conn = uow.session.connection()
            _flush(conn, batch)
            _save_sequences(conn, sequences)
            totals.update(batch.counts)
            done = min(clients, done + BATCH_CLIENTS)
            if done >= clients:
                audit.record(uow, actor, "demo.bulk_generated", details={"clients": clients, "seed": seed,
                                                                         "rows": dict(sorted(totals.items()))})
            uow.commit()
    return BulkSummary(clients, tuple(sorted(totals.items())), first_id)


def _save_sequences(conn: Any, sequences: dict[int, int]) -> None:
    """Advance ``client_code_sequence`` past the codes handed out here."""
    table = m.ClientCodeSequence.__table__
    existing = {row.year for row in conn.execute(select(table.c.year))}
    for year, last in sequences.items():
        if year in existing:
            conn.execute(table.update().where(table.c.year == year).values(last=last))
        else:
            conn.execute(table.insert().values(year=year, last=last))
