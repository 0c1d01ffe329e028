"""Synthetic demonstration data: realistic clients over the last three years, made through the
same services a counsellor uses, so every record passed the same validation.

:func:`populate` adds ``clients`` clients, each with a whole history: an intake (TDI items,
substances, consents, a first BARC-10), family members and children (some with
safeguarding concerns) and family notes (some sensitive), a care plan (drafts, active
versions, reviews that make new versions), progress notes (signed, some amended, a few
drafts left open), BARC-10 assessments over time, and for most a discharge (plan,
referrals, reason) followed by recovery check-ups: contact attempts and outcomes, some on
time, some overdue.  Some discharged clients come back for a second episode.  Names are
Spanish and English, with accents (``Íñigo Muñoz Peña``, ``Siobhán O'Brien``).

It also creates two counsellor accounts, ``lucia`` and ``tom``, with the password
:data:`DEMO_PASSWORD`, and shares the clients between them and the acting administrator.
Existing accounts with those names are reused as they are.

Decisions:
- **Deterministic.**  Everything is drawn from ``random.Random`` seeded per client from
  ``seed``, and dates count back from today.  The same seed on the same day gives the same
  records (ids, codes, names, dates, texts); only timestamps (created, signed, activated
  at) differ.  The services check dates against the real calendar (no date in the
  future, review dates from today on), so the anchor cannot be moved to another day.
- **Through the services.**  Intake, consents, family, plans, notes, BARC-10, discharge
  and check-ups all go through their public services, with the assigned counsellor (or
  the administrator) as the acting user, so audit entries are written as in real use.
  One thing the services rightly refuse is a care-plan review date in the past; so that
  the dashboard shows overdue reviews and discharged episodes have review dates within
  their own time line, the review dates of the plans made here are moved back afterwards
  (:func:`_backdate_reviews`).  That column is the only one written around the services.
- Every reason of ``codes.DISCHARGE_REASON`` occurs: the first clients are discharged with
  each reason in turn (all of them once ``clients`` ≥ 11), later ones by realistic weights.
- Work is committed every :data:`COMMIT_EVERY` clients; ``progress(done, total)`` is called
  after each client, so a GUI can show progress from its worker thread.  An interrupted
  run keeps the batches already committed (each client whole).
- Speed: about 0.13 s per client on a 2-core machine (200 clients in 25 s, 2,000 in about
  5 minutes), most of it the services' own work (one audit entry per call).  That is
  fast enough for a demonstration, so there is no separate bulk path.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeVar

from sqlalchemy import update

from clinic_app import codes
from clinic_app.db.models import CarePlan
from clinic_app.errors import ValidationError
from clinic_app.services import (
    accounts,
    assessments,
    care_plans,
    consents,
    discharge,
    episodes,
    family,
    followups,
    intake,
    notes,
)
from clinic_app.services.auth import ADMINISTRATOR, COUNSELLOR, RECORD_ROLES, Actor, require
from clinic_app.services.clients import ClientDetails
from clinic_app.services.common import today as real_today
from clinic_app.services.episodes import EpisodeDetails, IntakeDetails, SubstanceUse
from clinic_app.uow import UnitOfWork
from clinic_app.workspace import Workspace

DEMO_PASSWORD = "Continuum-demo-2026"
"""The password of the demo counsellor accounts (documented in the user guide)."""
DEMO_COUNSELLORS: tuple[tuple[str, str], ...] = (("lucia", "Lucía Fernández Ortiz"), ("tom", "Tom Whitaker"))
MAX_CLIENTS = 20_000
HISTORY_DAYS = 3 * 365
COMMIT_EVERY = 25

Progress = Callable[[int, int], None]
T = TypeVar("T")


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`populate` made."""

    clients: int
    episodes: int
    readmissions: int
    #: (reason code, how many discharges), in the code list's order, reasons used only
    discharges: tuple[tuple[str, int], ...]
    checkups: int
    checkups_done: int
    checkups_overdue: int
    care_plan_versions: int
    notes: int
    family_members: int
    barc10: int
    counsellors: tuple[str, ...]
    password: str


# --- the material: names, places and texts ---------------------------------------------------

ES_GIVEN_F = ("María José", "Lucía", "Begoña", "Inés", "Ainhoa", "Raquel", "Noelia", "Sofía", "Mónica", "Rocío",
              "Concepción", "Ana Belén", "Nuria", "Itziar", "Verónica", "Montserrat", "Nerea", "Álba")
ES_GIVEN_M = ("José Luis", "Íñigo", "Andrés", "Joaquín", "Martín", "Sergio", "Rubén", "Álvaro", "Jesús", "Raúl",
              "Óscar", "Adrián", "Fermín", "Ramón", "Héctor", "Agustín", "Iván", "Tomás")
ES_FAMILY = ("García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez",
             "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Gutiérrez", "Navarro",
             "Domínguez", "Vázquez", "Ramírez", "Suárez", "Ortiz", "Marín", "Núñez", "Iglesias", "Cortés",
             "Méndez", "Gallego", "León", "Márquez", "Peña", "Carrasco", "Díez", "Ibáñez", "Durán", "Benítez",
             "Román", "Sáez", "Bravo", "Muñiz", "Castaño", "Zúñiga", "Echevarría", "Arregui")
EN_GIVEN_F = ("Zoë", "Chloé", "Renée", "Siobhán", "Aoife", "Niamh", "Emily", "Hannah", "Olivia", "Grace",
              "Jessica", "Amélie", "Sinéad", "Charlotte", "Megan", "Bríd")
EN_GIVEN_M = ("Seán", "Liam", "Oliver", "James", "Noël", "Ciarán", "Daniel", "Thomas", "Jack", "Harry", "Rhys",
              "Dáithí", "Owen", "Matthew", "Luke", "Pádraig")
EN_FAMILY = ("Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Johnson", "Roberts",
             "Robinson", "Thompson", "Wright", "Walker", "Edwards", "Hughes", "Green", "Hall", "Clarke", "Patel",
             "Turner", "Cooper", "Ward", "Morris", "King", "Baker", "Morgan", "O'Brien", "O'Sullivan", "Brontë",
             "Ó Briain", "MacNéill", "D'Arcy", "Ní Bhriain", "Fitzgerald", "Murphy", "Kelly", "Lefèvre")
ES_STREETS = ("Calle de Alcalá", "Calle Mayor", "Calle del Olivo", "Avenida de la Peña", "Calle de Cervantes",
              "Camino Real", "Plaza de San Vicente", "Calle del Río Ebro", "Ronda de Segovia")
ES_CITIES = (("28014", "Madrid"), ("41003", "Sevilla"), ("50001", "Zaragoza"), ("46002", "València"),
             ("29008", "Málaga"), ("14002", "Córdoba"), ("24003", "León"), ("11005", "Cádiz"))
EN_STREETS = ("Church Lane", "Victoria Road", "Mill Street", "Queen's Parade", "Station Road", "Harbour View")
EN_CITIES = (("LS6 2AB", "Leeds"), ("BS1 4DJ", "Bristol"), ("M14 5RT", "Manchester"), ("T12 X70", "Cork"),
             ("BT7 1NN", "Belfast"))

# (domain, goal en/es, actions en/es)
GOALS: tuple[tuple[str, str, str, str, str], ...] = (
    ("housing", "Move into stable accommodation", "Conseguir una vivienda estable",
     "Apply for supported housing; visit two flats a month", "Solicitar vivienda tutelada; visitar dos pisos al mes"),
    ("employment_income", "Start a training course or job", "Empezar un curso de formación o un empleo",
     "CV workshop on Thursdays; register with the job centre",
     "Taller de currículum los jueves; inscribirse en el SEPE"),
    ("physical_health", "Complete hepatitis C treatment", "Completar el tratamiento de la hepatitis C",
     "Appointments at the liver clinic; weekly check-in", "Citas en la unidad de hepatología; seguimiento semanal"),
    ("mental_health", "Reduce anxiety without medication misuse", "Reducir la ansiedad sin mal uso de medicación",
     "Mindfulness group; referral to the mental health team", "Grupo de mindfulness; derivación a salud mental"),
    ("family_children", "Rebuild contact with the children", "Recuperar el contacto con los hijos",
     "Supervised visits every fortnight; parenting group", "Visitas supervisadas cada quince días; grupo de crianza"),
    ("social_support", "Build a sober support network", "Crear una red de apoyo sin consumo",
     "Attend a mutual-aid group twice a week", "Ir a un grupo de ayuda mutua dos veces por semana"),
    ("legal", "Settle the pending court case", "Resolver el juicio pendiente",
     "Meet the duty solicitor; keep probation appointments",
     "Reunión con el abogado de oficio; cumplir la libertad vigilada"),
    ("education", "Finish secondary school certificate", "Obtener el graduado en ESO",
     "Enrol in the adult education centre", "Matricularse en el centro de educación de adultos"),
    ("medication", "Keep taking methadone as prescribed", "Mantener la metadona según la pauta",
     "Daily dispensing at the pharmacy; review with GP", "Dispensación diaria en farmacia; revisión con el médico"),
    ("stigma", "Feel able to tell the employer about recovery", "Poder hablar de la recuperación en el trabajo",
     "Role-play in sessions; peer mentor support", "Ensayos en sesión; apoyo de un mentor par"),
)
NOTES_EN = (
    "Reviewed the week; cravings lower since starting the evening walking group.",
    "Missed Tuesday's appointment; phoned and rearranged for Friday. Sounds well.",
    "Talked through a lapse at a family party; made a plan for the next celebration.",
    "Housing officer called back: a room in supported housing may be free next month.",
    "Group session on triggers; shared openly for the first time.",
    "Attended the job fair with a peer mentor; two interviews booked.",
    "Sleeping badly; agreed to see the GP about it rather than buying pills.",
    "Brought a letter from the court; explained the next steps together.",
    "Good session. Proud of 90 days without using; planning a small celebration.",
    "Worried about money this month; referred to the food bank and debt advice.",
)
NOTES_ES = (
    "Repasamos la semana; menos ansia de consumo desde que empezó el grupo de caminar por las tardes.",
    "No vino el martes; le llamé y quedamos el viernes. Se le oye bien.",
    "Hablamos de una recaída puntual en una fiesta familiar; preparamos un plan para la próxima.",
    "La trabajadora social confirma que puede haber plaza en un piso tutelado el mes que viene.",
    "Sesión de grupo sobre desencadenantes; participó abiertamente por primera vez.",
    "Acudió a la feria de empleo con su mentor; tiene dos entrevistas.",
    "Duerme mal; acordamos que lo hable con su médica en vez de comprar pastillas.",
    "Trajo la citación del juzgado; revisamos juntos los siguientes pasos.",
    "Buena sesión. Orgulloso de 90 días sin consumo; planea una pequeña celebración.",
    "Preocupación por el dinero este mes; derivación al banco de alimentos y a asesoría de deudas.",
)
AMENDMENT = ("Correction to the note of {day}: the appointment is on Thursday, not Tuesday.",
             "Corrección a la nota del {day}: la cita es el jueves, no el martes.")
DRAFT = ("To finish after the call with the housing officer.", "Completar tras hablar con la trabajadora social.")
FAMILY_NOTES = (
    ("Mother came to the family session; relationship slowly improving.",
     "La madre vino a la sesión familiar; la relación mejora poco a poco."),
    ("Partner asked for information about the family support group.",
     "La pareja pidió información sobre el grupo de apoyo a familias."),
    ("Sister offered a room for the weekends.", "La hermana le ofrece una habitación los fines de semana."),
)
SENSITIVE_NOTES = (
    ("Disclosed past violence from an ex-partner; safety plan agreed and kept on file.",
     "Relata violencia de una expareja en el pasado; plan de seguridad acordado."),
    ("Child protection meeting attended; conditions of contact explained.",
     "Asistimos a la reunión de protección de menores; se explican las condiciones de las visitas."),
)
SCHOOLS = ("CEIP Miguel Hernández", "IES Rosalía de Castro", "Colegio Nuestra Señora del Pilar",
           "St Mary's Primary School", "Greenfield Academy")
CHILD_NEEDS = (("Speech therapy; after-school club.", "Logopedia; actividades extraescolares."),
               ("Anxious about the parent's recovery; school counsellor informed.",
                "Ansiedad por la recuperación de su madre o padre; la orientadora del centro lo sabe."),
               ("", ""))
REFERRALS = (
    ("Narcotics Anonymous – área Centro", "Martes y jueves 19:00, Parroquia San José",
     "Primera reunión acompañado"),
    ("Community Mental Health Team", "0113 496 0123", "Referral letter sent by the GP"),
    ("Servicio de Empleo – Programa Incorpora", "incorpora@example.org", ""),
    ("Housing First", "01632 960 555", "Key worker: Aoife"),
    ("Centro de Salud Mental Retiro", "91 496 02 11", "Cita pendiente"),
)
AFTERCARE = ("Weekly peer-support group and monthly call with the counsellor.",
             "Grupo de apoyo semanal y llamada mensual con la persona de referencia.")
RELAPSE_PLAN = ("Triggers: payday, old friends from the estate. Plan: call sponsor, go to the Tuesday meeting.",
                "Desencadenantes: el día de cobro, antiguos amigos del barrio. "
                "Plan: llamar al padrino, ir a la reunión.")
HEALTH = (("Hepatitis C treated in 2023; otherwise well.", "Hepatitis C tratada en 2023; por lo demás bien."),
          ("Chronic back pain.", "Dolor lumbar crónico."), ("", ""))
MOODS = (("Low mood in winter; no current risk.", "Ánimo bajo en invierno; sin riesgo actual."),
         ("Anxiety, treated by the GP.", "Ansiedad, en tratamiento con su médica."), ("", ""))
CHECKUP_NOTES = (("Doing well; working part-time.", "Va bien; trabaja a media jornada."),
                 ("Finding weekends hard; offered a catch-up session.",
                  "Los fines de semana se le hacen difíciles; le ofrecemos una sesión."),
                 ("", ""))

# (drug, weight, ((route, weight), ...))
DRUGS: tuple[tuple[str, int, tuple[tuple[str, int], ...]], ...] = (
    ("heroin", 20, (("inject", 4), ("smoke_inhale", 5), ("sniff", 1))),
    ("cocaine_powder", 18, (("sniff", 17), ("inject", 2), ("smoke_inhale", 1))),
    ("crack", 8, (("smoke_inhale", 1),)),
    ("alcohol", 20, (("eat_drink", 1),)),
    ("cannabis", 14, (("smoke_inhale", 1),)),
    ("amphetamine", 4, (("sniff", 3), ("eat_drink", 2), ("inject", 1))),
    ("methamphetamine", 3, (("smoke_inhale", 3), ("inject", 1))),
    ("benzodiazepines", 4, (("eat_drink", 1),)),
    ("mdma", 2, (("eat_drink", 1),)),
    ("synthetic_cathinones", 2, (("sniff", 2), ("inject", 1))),
    ("ghb_gbl", 2, (("eat_drink", 1),)),
    ("fentanyls", 1, (("inject", 1), ("smoke_inhale", 1))),
    ("pregabalin", 2, (("eat_drink", 1),)),
)
OPIOIDS = frozenset(d.code for d in codes.DRUG if d.group == "opioids")
# discharge reasons after the first round of each, by weight
REASON_WEIGHTS = {"completed_drug_free": 22, "completed": 14, "transferred": 12, "dropped_out": 22, "declined": 6,
                  "terminated": 4, "incarcerated": 4, "moved": 6, "died": 1, "other": 4, "not_known": 5}
OUTCOME_WEIGHTS = {"doing_well": 45, "needs_support": 20, "relinked_to_treatment": 8, "declined": 7,
                   "lost_to_contact": 20}
REACHED_OUTCOMES = frozenset({"doing_well", "needs_support", "relinked_to_treatment"})


def _pick(rng: random.Random, weights: Mapping[T, int] | Sequence[tuple[T, int]]) -> T:
    """One key, drawn with the given weights."""
    items = list(weights.items()) if isinstance(weights, Mapping) else list(weights)
    return rng.choices([k for k, _ in items], [w for _, w in items])[0]


def given_names_for(lang: int, female: bool) -> tuple[str, ...]:
    return ((EN_GIVEN_M, EN_GIVEN_F), (ES_GIVEN_M, ES_GIVEN_F))[lang][female]


def _day_between(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _barc(rng: random.Random, level: float) -> dict[str, int]:
    """BARC-10 answers around ``level`` (1-6)."""
    return {item: min(6, max(1, round(rng.gauss(level, 0.9)))) for item in codes.BARC10_ITEM.codes()}


# --- one client ---------------------------------------------------------------------------------


@dataclass
class _Tally:
    counts: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    backdated: list[tuple[int, date]] = field(default_factory=list)


@dataclass
class _Client:
    """What the generator needs to remember while it writes one client's history."""

    rng: random.Random
    lang: int  # 0 English, 1 Spanish: index into the (en, es) text pairs
    actor: Actor
    client_id: int
    date_of_birth: date


class _Generator:
    def __init__(self, uow: UnitOfWork, anchor: date, staff: Sequence[tuple[Actor, int]], tally: _Tally) -> None:
        self.uow = uow
        self.anchor = anchor
        self.staff = staff
        self.tally = tally

    # -- person and intake ----------------------------------------------------------------

    def _person(self, rng: random.Random) -> tuple[ClientDetails, date, int, Actor]:
        """Personal details, date of birth, language (0 en, 1 es) and the assigned counsellor."""
        spanish = rng.random() < 0.6
        sex = _pick(rng, {"female": 45, "male": 53, "not_known": 2})
        gender = {"female": "woman", "male": "man"}.get(sex, "prefers_not_to_say")
        if rng.random() < 0.03:
            gender = "non_binary"
        female = sex == "female" or (sex == "not_known" and rng.random() < 0.5)
        given = rng.choice(given_names_for(int(spanish), female))
        if spanish:
            family_name = f"{rng.choice(ES_FAMILY)} {rng.choice(ES_FAMILY)}"
            street, (postcode, city) = rng.choice(ES_STREETS), rng.choice(ES_CITIES)
            address = f"{street} {rng.randint(1, 180)}, {rng.randint(1, 8)}º {rng.choice('ABCD')}, {postcode} {city}"
            phone = f"+34 6{rng.randint(0, 99):02d} {rng.randint(0, 999):03d} {rng.randint(0, 999):03d}"
        else:
            family_name = rng.choice(EN_FAMILY)
            street, (postcode, city) = rng.choice(EN_STREETS), rng.choice(EN_CITIES)
            address = f"{rng.randint(1, 240)} {street}, {city} {postcode}"
            phone = f"07{rng.randint(100, 999)} {rng.randint(0, 999_999):06d}"
        folded = [codes.normalise_text(p).replace(" ", "") for p in (given.split()[0], family_name.split()[0])]
        email = f"{folded[0]}.{folded[1]}{rng.randint(1, 99)}@example.org" if rng.random() < 0.6 else ""
        dob = self.anchor - timedelta(days=rng.randint(19, 64) * 365 + rng.randint(0, 364))
        actor, counsellor_id = self.staff[rng.choices(range(len(self.staff)), [45, 45, 10][: len(self.staff)])[0]]
        details = ClientDetails(
            given_names=given, family_name=family_name, date_of_birth=dob, sex=sex, gender_identity=gender,
            nationality=_pick(rng, {"national": 80, "foreign_eu": 8, "foreign_other": 10, "not_known": 2}),
            phone=phone if rng.random() < 0.9 else "", email=email, address=address if rng.random() < 0.85 else "",
            preferred_language="es" if spanish else "en", counsellor_id=counsellor_id,
        )
        return details, dob, int(spanish), actor

    def _episode(self, rng: random.Random, admitted: date, readmission: bool) -> EpisodeDetails:
        programme = _pick(rng, {"aftercare": 40, "outpatient": 25, "residential": 10, "recovery_housing": 10,
                                "day_care": 10, "low_threshold_other": 5})
        centre = {"residential": "inpatient", "low_threshold_other": "low_threshold"}.get(programme, "outpatient")
        return EpisodeDetails(
            admission_date=admitted, programme=programme, centre_type=centre,
            referral_source=_pick(rng, {"self": 25, "family_friends": 10, "other_drug_service": 30, "gp": 10,
                                        "hospital_medical": 8, "social_services": 8, "justice": 7, "not_known": 2}),
            previously_treated="yes" if readmission else _pick(rng, {"yes": 60, "never": 35, "not_known": 5}),
        )

    def _intake(self, rng: random.Random, lang: int, assessed_on: date, dob: date) -> IntakeDetails:
        age = episodes.age_on(dob, assessed_on)
        drugs = [(d, w) for d, w, _ in DRUGS]
        routes = {d: r for d, _, r in DRUGS}
        primary = _pick(rng, drugs)
        others = [d for d, _ in drugs if d != primary]
        secondary = rng.sample(others, k=_pick(rng, {0: 4, 1: 4, 2: 2}))

        def use(drug: str, main: bool) -> SubstanceUse:
            frequency = _pick(rng, {"daily": 45, "days_4_6_week": 20, "days_2_3_week": 15, "weekly_or_less": 10,
                                    "not_used": 10} if main else {"days_2_3_week": 40, "weekly_or_less": 60})
            return SubstanceUse(drug, _pick(rng, routes[drug]), frequency, rng.randint(12, min(30, age)))

        uses = [use(primary, True)] + [use(d, False) for d in secondary]
        injected = any(u.route == "inject" for u in uses)
        children = rng.random() < 0.45
        return IntakeDetails(
            living_with=_pick(rng, {"alone": 30, "relatives": 25, "partner": 20, "friends": 8, "institution": 4,
                                    "no_fixed_abode": 8, "other": 3, "not_known": 2}),
            living_with_children=("yes" if rng.random() < 0.5 else "no") if children else "no",
            has_children="yes" if children else "no",
            number_of_children=rng.randint(1, 3) if children else None,
            housing=_pick(rng, {"stable": 60, "unstable": 30, "institution": 7, "not_known": 3}),
            labour_status=_pick(rng, {"employed": 25, "student": 4, "unemployed": 50, "inactive": 15, "other": 6}),
            education=_pick(rng, {"primary": 15, "lower_secondary": 35, "upper_secondary": 30, "post_secondary": 8,
                                  "tertiary": 10, "not_known": 2}),
            injecting=(_pick(rng, {"last_30_days": 3, "last_12_months": 4, "over_12_months": 3}) if injected
                       else _pick(rng, {"never": 85, "over_12_months": 10, "not_known": 5})),
            opioid_substitution=(_pick(rng, {"current": 5, "past": 3, "never": 2}) if primary in OPIOIDS
                                 else "never"),
            tested_hiv=_pick(rng, {"tested_last_12_months": 50, "tested_earlier": 25, "never_tested": 20,
                                   "not_known": 5}),
            tested_hcv=_pick(rng, {"tested_last_12_months": 45, "tested_earlier": 25, "never_tested": 25,
                                   "not_known": 5}),
            tested_hbv=_pick(rng, {"tested_last_12_months": 30, "tested_earlier": 20, "never_tested": 35,
                                   "not_known": 15}),
            primary=uses[0], secondary=tuple(uses[1:]), assessed_on=assessed_on,
            physical_health=rng.choice(HEALTH)[lang], mental_health=rng.choice(MOODS)[lang],
            risks=("Overdose risk after the residential stay.", "Riesgo de sobredosis tras el alta residencial.")[lang]
            if primary in OPIOIDS else "",
        )

    # -- the record, step by step --------------------------------------------------------------

    def client(self, rng: random.Random, forced_reason: str | None) -> None:
        """One client's whole history; ``forced_reason``: discharged, with this reason."""
        details, dob, lang, actor = self._person(rng)
        # a client discharged for a given reason was admitted long enough ago to have been in care
        newest = 14 if forced_reason is None else 120
        admitted = self.anchor - timedelta(days=rng.randint(newest, HISTORY_DAYS))
        intake_details = self._intake(rng, lang, admitted + timedelta(days=rng.randint(0, 7)), dob)
        given = [consents.ConsentGiven("treatment", admitted)] if rng.random() < 0.93 else []
        if rng.random() < 0.7:
            given.append(consents.ConsentGiven("statistics", admitted))
        if rng.random() < 0.35:
            given.append(consents.ConsentGiven("share_family", admitted))
        if rng.random() < 0.2:
            given.append(consents.ConsentGiven("share_services", admitted, rng.choice(REFERRALS)[0]))
        made = intake.register_client(
            self.uow, actor, details, self._episode(rng, admitted, readmission=False), intake_details, given,
            barc10=_barc(rng, 3.0) if rng.random() < 0.8 else None,
        )
        self.tally.counts.update(clients=1, episodes=1, barc10=made.barc10_id is not None)
        c = _Client(rng, lang, actor, made.client_id, dob)
        if given and given[0].kind == "treatment" and rng.random() < 0.05:
            record = next(r for r in consents.client_consents(self.uow, c.client_id) if r.kind == "treatment")
            consents.withdraw_consent(self.uow, actor, record.id, _day_between(rng, admitted, self.anchor))
        self._family(c, admitted, int(intake_details.number_of_children or 0))

        ended = self._ending(rng, admitted, forced_reason)
        end = ended[0] if ended else self.anchor
        self._care(c, made.episode_id, admitted, end, discharged=ended is not None)
        if ended is None:
            return
        discharged_on, reason = ended
        checkups = self._discharge(c, made.episode_id, admitted, discharged_on, reason)
        readmit = None
        if reason != "died" and (self.anchor - discharged_on).days > 75 and rng.random() < 0.15:
            readmit = _day_between(rng, discharged_on + timedelta(days=30), self.anchor - timedelta(days=30))
        self._checkups(c, checkups, discharged_on, readmit)
        if readmit is not None:
            self._readmit(c, readmit)

    def _ending(self, rng: random.Random, admitted: date, forced: str | None) -> tuple[date, str] | None:
        """(discharge date, reason), or None if the episode is still open."""
        length = rng.randint(45, 420)
        if forced is not None:
            latest = self.anchor - timedelta(days=1)
            return min(admitted + timedelta(days=length), latest), forced
        if admitted + timedelta(days=length) < self.anchor and rng.random() < 0.8:
            return admitted + timedelta(days=length), _pick(rng, REASON_WEIGHTS)
        return None

    def _family(self, c: _Client, admitted: date, children: int) -> None:
        rng, uow = c.rng, self.uow
        members = []
        for _ in range(children):
            born = max(c.date_of_birth.year + 17, self.anchor.year - rng.randint(1, 17))
            concern = rng.random() < 0.1
            member = family.add_member(
                uow, c.actor, c.client_id, "child", rng.choice(given_names_for(c.lang, rng.random() < 0.5)),
                birth_year=min(born, self.anchor.year), lives_with_client=rng.random() < 0.5,
                carer=_pick(rng, {"client": 35, "other_parent": 30, "grandparent": 20, "foster_care": 8,
                                  "other_relative": 5, "not_known": 2}),
                school=rng.choice(SCHOOLS) if self.anchor.year - born >= 3 else "",
                needs=rng.choice(CHILD_NEEDS)[c.lang], safeguarding_concern=concern,
                referral_made=("Children's services informed.", "Comunicado a servicios sociales de menores.")[c.lang]
                if concern else "",
            )
            members.append(member)
        if rng.random() < 0.6:
            relationship = _pick(rng, {"partner": 3, "parent": 4, "sibling": 2, "friend": 1})
            members.append(family.add_member(uow, c.actor, c.client_id, relationship,
                                             rng.choice(given_names_for(c.lang, rng.random() < 0.5))))
        self.tally.counts.update(family_members=len(members))
        for member in members:
            if rng.random() < 0.5:
                sensitive = member.safeguarding_concern or rng.random() < 0.25
                text = rng.choice(SENSITIVE_NOTES if sensitive else FAMILY_NOTES)[c.lang]
                family.add_note(uow, c.actor, c.client_id, _day_between(rng, admitted, self.anchor), text,
                                sensitive=sensitive, family_member_id=member.id)

    def _care(self, c: _Client, episode_id: int, admitted: date, end: date, discharged: bool) -> None:
        """Care plan (with versions), progress notes and an extra BARC-10 for one episode."""
        rng, uow, anchor = c.rng, self.uow, self.anchor
        kind = _pick(rng, {"active": 85, "draft": 5, "none": 10})
        if kind != "none":
            plan = care_plans.create_draft(uow, c.actor, episode_id)
            for domain, goal_en, goal_es, act_en, act_es in rng.sample(GOALS, rng.randint(2, 4)):
                care_plans.add_goal(uow, c.actor, plan.id, domain, (goal_en, goal_es)[c.lang],
                                    (act_en, act_es)[c.lang], ("Client and counsellor", "Usuario y referente")[c.lang],
                                    _day_between(rng, admitted + timedelta(days=30), admitted + timedelta(days=365)),
                                    _pick(rng, {"not_started": 3, "in_progress": 5, "achieved": 2}))
            care_plans.set_review_date(uow, c.actor, plan.id, anchor + timedelta(days=rng.randint(0, 90)))
            versions = [plan.id]
            if kind == "active":
                plan = care_plans.activate_plan(uow, c.actor, plan.id)
                for _ in range(_pick(rng, {0: 5, 1: 4, 2: 2})):
                    review = care_plans.review_plan(
                        uow, c.actor, plan.id, anchor,
                        {g.id: _pick(rng, {"in_progress": 5, "achieved": 3, "dropped": 1}) for g in plan.goals},
                        anchor + timedelta(days=rng.randint(0, 90)),
                        _barc(rng, 3.8) if rng.random() < 0.7 else None,
                    )
                    plan = review.plan
                    versions.append(plan.id)
                    self.tally.counts.update(barc10=review.barc10 is not None)
            self.tally.counts.update(care_plan_versions=len(versions))
            self._plan_timeline(rng, versions, admitted, end, discharged, active=kind == "active")
        for _ in range(rng.randint(2, 9)):
            self._note(c, episode_id, _day_between(rng, admitted, end))
        if not discharged and rng.random() < 0.12:
            notes.save_draft(uow, c.actor, None, c.client_id, end, "individual", DRAFT[c.lang], episode_id)
            self.tally.counts.update(notes=1)
        if rng.random() < 0.3:
            assessments.record_barc10(uow, c.actor, c.client_id, _day_between(rng, admitted, end), _barc(rng, 3.5),
                                      assessments.OTHER, episode_id)
            self.tally.counts.update(barc10=1)

    def _plan_timeline(self, rng: random.Random, versions: list[int], admitted: date, end: date,
                       discharged: bool, active: bool) -> None:
        """Where the review dates belong in the episode's own time line: every version of a
        discharged episode's plan, and the superseded versions of an open one, were reviewed
        before the end; some active plans of open episodes are overdue for review."""
        past = versions if discharged else versions[:-1] if active else []
        span = max(1, (end - admitted).days)
        for n, plan_id in enumerate(past, start=1):
            self.tally.backdated.append((plan_id, admitted + timedelta(days=span * n // (len(past) + 1))))
        if active and not discharged and rng.random() < 0.15:
            self.tally.backdated.append((versions[-1], self.anchor - timedelta(days=rng.randint(1, 40))))

    def _note(self, c: _Client, episode_id: int, day: date) -> None:
        rng, uow = c.rng, self.uow
        note_type = _pick(rng, {"individual": 50, "group": 15, "family": 10, "phone": 15, "outreach": 5})
        text = rng.choice(NOTES_ES if c.lang else NOTES_EN)
        note_id = notes.save_draft(uow, c.actor, None, c.client_id, day, note_type, text, episode_id)
        notes.sign_note(uow, c.actor, note_id)
        self.tally.counts.update(notes=1)
        if rng.random() < 0.08:
            fix = notes.save_draft(uow, c.actor, None, c.client_id, _day_between(rng, day, self.anchor), note_type,
                                   AMENDMENT[c.lang].format(day=day.isoformat()), episode_id, amends_id=note_id)
            notes.sign_note(uow, c.actor, fix)
            self.tally.counts.update(notes=1)

    def _discharge(self, c: _Client, episode_id: int, admitted: date, on: date,
                   reason: str) -> tuple[followups.CheckupInfo, ...]:
        rng, uow = c.rng, self.uow
        planned = max(admitted, on + timedelta(days=rng.randint(-20, 20)))
        referrals = [{"service": s, "contact": ct, "notes": n} for s, ct, n in rng.sample(REFERRALS, rng.randint(0, 2))]
        if reason != "died":
            discharge.save_plan(uow, c.actor, episode_id, planned_date=planned, aftercare=AFTERCARE[c.lang],
                                relapse_prevention=RELAPSE_PLAN[c.lang] if rng.random() < 0.8 else "",
                                referrals=referrals)
        took_barc = reason in ("completed_drug_free", "completed", "transferred") and rng.random() < 0.7
        result = discharge.discharge(uow, c.actor, episode_id, on, reason,
                                     barc10=_barc(rng, 4.3) if took_barc else None)
        self.tally.reasons.update([reason])
        self.tally.counts.update(barc10=took_barc, checkups=len(result.checkups))
        return result.checkups

    def _checkups(self, c: _Client, checkups: Sequence[followups.CheckupInfo], discharged_on: date,
                  readmit: date | None) -> None:
        """Work the check-ups that have come due: most done (some after attempts), some left overdue."""
        rng, uow = c.rng, self.uow
        last_day = (readmit - timedelta(days=1)) if readmit else self.anchor
        due = [ck for ck in checkups if ck.due_date <= last_day]
        for n, ck in enumerate(due):
            recent = (self.anchor - ck.due_date).days < 45
            if readmit is None and rng.random() < (0.35 if recent else 0.06):
                if rng.random() < 0.5:
                    followups.record_attempt(uow, c.actor, ck.id, _day_between(rng, ck.due_date, last_day),
                                             "phone", False)
                self.tally.counts.update(checkups_overdue=ck.due_date < self.anchor)
                continue
            outcome = "relinked_to_treatment" if readmit and n == len(due) - 1 else _pick(rng, OUTCOME_WEIGHTS)
            first = max(discharged_on, ck.due_date - timedelta(days=5))
            day = _day_between(rng, first, min(last_day, ck.due_date + timedelta(days=10)))
            misses = max(rng.choice((0, 0, 0, 1, 1, 2)), 1 if outcome == "lost_to_contact" else 0)
            for _ in range(misses):
                followups.record_attempt(uow, c.actor, ck.id, day, _pick(rng, {"phone": 6, "message": 3,
                                                                               "home_visit": 1}), False)
            if outcome != "lost_to_contact":
                followups.record_attempt(uow, c.actor, ck.id, day, _pick(rng, {"phone": 6, "in_person": 3,
                                                                               "video": 1}), True)
            barc = _barc(rng, 4.5 if outcome == "doing_well" else 3.4) if (
                outcome in REACHED_OUTCOMES and rng.random() < 0.5) else None
            followups.record_outcome(uow, c.actor, ck.id, outcome, day, rng.choice(CHECKUP_NOTES)[c.lang]
                                     if outcome in REACHED_OUTCOMES else "", barc10=barc)
            self.tally.counts.update(checkups_done=1, barc10=barc is not None)

    def _readmit(self, c: _Client, admitted: date) -> None:
        rng = c.rng
        record = episodes.open_episode(
            self.uow, c.actor, c.client_id, self._episode(rng, admitted, readmission=True),
            self._intake(rng, c.lang, admitted, c.date_of_birth),
        )
        followups.cancel_pending_checkups(self.uow, c.client_id)  # re-entering care ends the follow-up
        self.tally.counts.update(episodes=1, readmissions=1)
        self._care(c, record.id, admitted, self.anchor, discharged=False)


# --- accounts and the run --------------------------------------------------------------------------


def demo_staff(uow: UnitOfWork, actor: Actor) -> list[tuple[Actor, int]]:
    """(acting user, counsellor id) for lucia, tom and the administrator; accounts made if missing."""
    existing = {u.name: u for u in accounts.list_users(uow, actor)}
    staff = []
    for name, full_name in DEMO_COUNSELLORS:
        info = existing.get(name) or accounts.add_user(uow, actor, name, COUNSELLOR, DEMO_PASSWORD, full_name)
        if info.active and info.role in RECORD_ROLES:
            staff.append((Actor(info.id, info.name, info.role), info.id))
    staff.append((actor, actor.user_id))
    return staff


def _backdate_reviews(uow: UnitOfWork, backdated: list[tuple[int, date]]) -> None:
    """Move review dates back into their episode's time line (see the module docstring)."""
    for plan_id, review_date in backdated:
        uow.session.execute(update(CarePlan).where(CarePlan.id == plan_id).values(review_date=review_date))
    backdated.clear()


def populate(ws: Workspace, actor: Actor, clients: int = 200, seed: int = 1,
             progress: Progress | None = None) -> DemoSummary:
    """Add ``clients`` synthetic clients with their whole histories (administrators only)."""
    if isinstance(clients, bool) or not isinstance(clients, int) or not 1 <= clients <= MAX_CLIENTS:
        raise ValidationError({"clients": f"Enter a number of clients between 1 and {MAX_CLIENTS}."})
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValidationError({"seed": "The seed is a whole number."})
    anchor = real_today()
    tally = _Tally()
    reasons = codes.DISCHARGE_REASON.codes()
    with ws.unit_of_work() as uow:
        require(uow, actor, ADMINISTRATOR)
        staff = demo_staff(uow, actor)
        uow.commit()
    done = 0
    while done < clients:
        with ws.unit_of_work() as uow:
            generator = _Generator(uow, anchor, staff, tally)
            for index in range(done, min(clients, done + COMMIT_EVERY)):
                rng = random.Random(f"continuum-demo:{seed}:{index}")
                generator.client(rng, reasons[index] if index < len(reasons) else None)
                if progress is not None:
                    progress(index + 1, clients)
            _backdate_reviews(uow, tally.backdated)
            uow.commit()
        done = min(clients, done + COMMIT_EVERY)
    counts = tally.counts
    return DemoSummary(
        clients=counts["clients"], episodes=counts["episodes"], readmissions=counts["readmissions"],
        discharges=tuple((r, tally.reasons[r]) for r in reasons if tally.reasons[r]),
        checkups=counts["checkups"], checkups_done=counts["checkups_done"],
        checkups_overdue=counts["checkups_overdue"], care_plan_versions=counts["care_plan_versions"],
        notes=counts["notes"], family_members=counts["family_members"], barc10=counts["barc10"],
        counsellors=tuple(a.name for a, _ in staff), password=DEMO_PASSWORD,
    )
