"""Printed documents: care plan, discharge summary, intake summary and the blank forms.

Every document is printed through :mod:`clinic_app.services.printing` from records made with
the real services, and read back with pypdf: the fields entered are found in the text in
English and Spanish, fonts are embedded, long plans paginate with repeated table headers,
a name outside Latin-1 survives, and each print is audited with the SHA-256 of its bytes.
The command line is run end to end in subprocesses.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from client_inputs import ADMISSION, register
from pypdf import PdfReader
from records_factory import USER_PASSWORD, Team, module_team
from test_cli import RunMain, cli, run_main  # noqa: F401 - run_main is a fixture

from clinic_app import codes
from clinic_app.errors import NotFound, PermissionDenied, ValidationError
from clinic_app.i18n import format_date
from clinic_app.services import audit, care_plans, discharge, followups, printing, settings
from clinic_app.services.auth import Actor
from clinic_app.services.consents import ConsentGiven
from clinic_app.services.printing import PrintedDocument
from clinic_app.uow import UnitOfWork

team = module_team()

GIVEN = "Đorđe Øyvind"
FAMILY = "Núñez"
FULL_NAME = f"{GIVEN} {FAMILY}"  # "Đ" and "đ" are not in Latin-1
ORG_ADDRESS = "Calle Ficticia 123, 28000 Ciudad Demo"
TODAY = date.today()
DISCHARGED_ON = TODAY - timedelta(days=1)
REVIEW = TODAY + timedelta(days=90)
BARC10 = {item: 1 + i % 6 for i, item in enumerate(codes.BARC10_ITEM.codes())}
BARC10_TOTAL = sum(BARC10.values())
DISCHARGE_BARC10 = {item: 6 for item in codes.BARC10_ITEM.codes()}

#: (domain, goal, actions, responsible, target date, status)
GOALS = (
    ("housing", "Move into a flat with a signed tenancy", "Visit two flats a month with the housing officer",
     "Client and key worker", date(2025, 9, 30), "achieved"),
    ("employment_income", "Start the carpentry course", "Enrol at the adult college; ask for the grant",
     "Client", date(2025, 12, 1), "in_progress"),
    ("family_children", "Weekly visits with the children", "Supervised visits on Saturdays",
     "Social worker", None, "not_started"),
)
REFERRALS = (
    {"service": "Centro de Salud Demo – Hepatología", "contact": "Calle Falsa 1, tel. 900 000 001",
     "notes": "First appointment booked"},
    {"service": "Servicio de Empleo Demo", "contact": "empleo@example.org", "notes": ""},
)
AFTERCARE = "Recovery group every Tuesday at 18:00; peer mentor calls on Fridays."
RELAPSE = "Triggers: payday and old friends. Plan: call the peer mentor, keep no cash at home."
HEALTH = "Hepatitis C diagnosed last year, not yet treated."


@dataclass(frozen=True)
class Record:
    """A client with a whole first episode: intake, active care plan, discharge."""

    client_id: int
    code: str
    episode_id: int
    plan_id: int


def _uow_call(team: Team, actor: Actor, call: Callable[[UnitOfWork, Actor], PrintedDocument]) -> PrintedDocument:
    with team.ws.unit_of_work() as uow:
        document = call(uow, actor)
        uow.commit()
    return document


@pytest.fixture(scope="module")
def record(team: Team) -> Record:
    with team.ws.unit_of_work() as uow:
        settings.update_settings(uow, team.admin, address=ORG_ADDRESS)
        uow.commit()
    made = register(
        team.ws, team.counsellor,
        client={"given_names": GIVEN, "family_name": FAMILY, "counsellor_id": team.counsellor.user_id,
                "preferred_language": "es"},
        intake={"physical_health": HEALTH},
        consents=[ConsentGiven("treatment", ADMISSION),
                  ConsentGiven("share_services", ADMISSION, "Centro de Salud Demo")],
        barc10=BARC10,
    )
    c = team.counsellor
    with team.ws.unit_of_work() as uow:
        plan = care_plans.create_draft(uow, c, made.episode_id, copy_latest=False)
        for domain, goal, actions, responsible, target, status in GOALS:
            care_plans.add_goal(uow, c, plan.id, domain, goal, actions, responsible, target, status)
        care_plans.set_review_date(uow, c, plan.id, REVIEW)
        care_plans.activate_plan(uow, c, plan.id)
        discharge.save_plan(uow, c, made.episode_id, planned_date=DISCHARGED_ON, aftercare=AFTERCARE,
                            relapse_prevention=RELAPSE, referrals=REFERRALS)
        discharge.discharge(uow, c, made.episode_id, DISCHARGED_ON, "completed_drug_free", DISCHARGE_BARC10)
        uow.commit()
    return Record(made.client_id, made.code, made.episode_id, plan.id)


# --- reading PDFs ----------------------------------------------------------------------------


def _reader(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(pdf))


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in _reader(pdf).pages]


def _squashed(text: str) -> str:
    """Text without whitespace, so that wrapped cell text still matches."""
    return "".join(text.split())


def _has(text: str, *wanted: str) -> None:
    flat = _squashed(text)
    missing = [w for w in wanted if _squashed(w) not in flat]
    assert not missing, f"not in the document: {missing}"


def _assert_fonts_embedded(pdf: bytes) -> None:
    """Every font on every page is an embedded TrueType subset; no standard font is used."""
    reader = _reader(pdf)
    seen = 0
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].get_object().values():
            font = ref.get_object()
            seen += 1
            name = str(font["/BaseFont"])
            assert "Helvetica" not in name and "Times" not in name and "Courier" not in name, name
            assert "/FontDescriptor" in font, f"not embedded: {name}"
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), name
    assert seen


def _assert_private_metadata(pdf: bytes, title: str) -> None:
    meta = _reader(pdf).metadata
    assert meta.title == title
    assert not meta.author and not meta.subject and not meta.get("/Keywords")
    everything = " ".join(str(v) for v in meta.values())
    for part in (GIVEN, FAMILY, "Đorđe", "Nunez"):
        assert part not in everything


def _assert_numbered(pages: list[str], lang: str = "en") -> None:
    label = "Page {n} of {m}" if lang == "en" else "Página {n} de {m}"
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        assert label.format(n=number, m=total) in text, f"page {number}"
        found = re.findall(r"(?:Page|Página) (\d+) (?:of|de) (\d+)", text)
        assert found == [(str(number), str(total))], found


# --- care plan -------------------------------------------------------------------------------

CARE_PLAN_WORDS = {
    "en": ("Care plan", "Client code", "Episode of care", "Review date", "Housing", "Employment and income",
           "Family and children", "Achieved", "In progress", "Not started", "Responsible", "Target date",
           "Recovery capital (BARC-10)", "At intake", "Latest", "Signature of the client",
           "Signature of the counsellor", "Active", "may not be disclosed further"),
    "es": ("Plan de atención", "Código de la persona usuaria", "Episodio de atención", "Fecha de revisión",
           "Vivienda", "Empleo e ingresos", "Familia e hijos", "Conseguido", "En curso", "Sin empezar",
           "Responsable", "Fecha prevista", "Capital de recuperación (BARC-10)", "En la admisión", "Última",
           "Firma de la persona usuaria", "Firma del o la profesional de referencia", "Vigente",
           "No puede divulgarse"),
}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_care_plan_prints_what_was_entered(team: Team, record: Record, lang: str) -> None:
    document = _uow_call(team, team.counsellor,
                         lambda uow, actor: printing.print_care_plan(uow, actor, record.client_id, lang=lang))
    assert document.kind == printing.CARE_PLAN and document.lang == lang
    pages = _pages(document.pdf)
    text = "\n".join(pages)
    _has(text, *CARE_PLAN_WORDS[lang], FULL_NAME, record.code, format_date(REVIEW, lang),
         format_date(ADMISSION, lang), "Fundación Esperanza Records", ORG_ADDRESS)
    for _, goal, actions, responsible, target, _ in GOALS:
        _has(text, goal, actions, responsible)
        if target is not None:
            _has(text, format_date(target, lang))
    _has(text, str(BARC10_TOTAL), str(6 * len(DISCHARGE_BARC10)))  # intake and latest (discharge)
    assert ("Printed on" if lang == "en" else "Impreso el") in pages[0] and "Carmen Ruiz" in pages[0]
    # goals are grouped by domain in the code list's order
    flat = _squashed(text)
    order = [flat.index(_squashed(codes.RECOVERY_DOMAIN.label(d, lang))) for d in
             ("housing", "employment_income", "family_children")]
    assert order == sorted(order)
    _assert_numbered(pages, lang)
    _assert_fonts_embedded(document.pdf)
    _assert_private_metadata(document.pdf, "Care plan" if lang == "en" else "Plan de atención")


def test_client_documents_default_to_the_preferred_language(team: Team, record: Record) -> None:
    for call in (printing.print_care_plan, printing.print_discharge_summary, printing.print_intake_summary):
        document = _uow_call(team, team.counsellor, lambda uow, actor, call=call: call(uow, actor, record.client_id))
        assert document.lang == "es"
        assert "Página 1 de" in _pages(document.pdf)[0]


def test_a_name_outside_latin_1_survives_every_client_document(team: Team, record: Record) -> None:
    with pytest.raises(UnicodeEncodeError):
        FULL_NAME.encode("latin-1")
    # (service, title, how the name is printed: whole, or given and family names apart)
    calls = ((printing.print_care_plan, "Care plan", (FULL_NAME,)),
             (printing.print_discharge_summary, "Discharge summary", (FULL_NAME,)),
             (printing.print_intake_summary, "Intake summary", (GIVEN, FAMILY)))
    for call, title, names in calls:
        document = _uow_call(team, team.admin,
                             lambda uow, actor, call=call: call(uow, actor, record.client_id, lang="en"))
        text = "\n".join(_pages(document.pdf))
        assert all(name in text for name in names), names
        _assert_private_metadata(document.pdf, title)
        assert document.suggested_filename == f"{document.kind.replace('_', '-')}-{record.code}.pdf"


def test_long_plan_paginates_with_repeated_headers(team: Team) -> None:
    made = register(team.ws, team.counsellor, client={"given_names": "Zoë", "family_name": "Lang-Plan"})
    with team.ws.unit_of_work() as uow:
        plan = care_plans.create_draft(uow, team.counsellor, made.episode_id, copy_latest=False)
        for n in range(1, 41):
            care_plans.add_goal(uow, team.counsellor, plan.id, "housing" if n <= 30 else "legal",
                                f"Objective {n:02d} to reach", f"Step one and step two for item {n:02d}. " * 3
                                + f"end-{n:02d}", "Client", ADMISSION + timedelta(days=n), "in_progress")
        care_plans.set_review_date(uow, team.counsellor, plan.id, REVIEW)
        care_plans.activate_plan(uow, team.counsellor, plan.id)
        uow.commit()
    document = _uow_call(team, team.counsellor,
                         lambda uow, actor: printing.print_care_plan(uow, actor, made.client_id, lang="en"))
    pages = _pages(document.pdf)
    assert len(pages) >= 3
    _assert_numbered(pages)
    with_goals = [i for i, text in enumerate(pages) if re.search(r"Objective \d\d", text)]
    assert len(with_goals) >= 2
    for index in with_goals:
        _has(pages[index], "Actions", "Responsible", "Target date", "Status")
    flat = _squashed("\n".join(pages))
    positions = [flat.find(f"Objective{n:02d}toreach") for n in range(1, 41)]
    assert -1 not in positions and positions == sorted(positions)  # all there, in order
    for n in range(1, 41):
        assert f"end-{n:02d}" in flat  # the end of every goal's actions: nothing is cut off
    _assert_fonts_embedded(document.pdf)


def test_draft_and_superseded_versions_say_so(team: Team, record: Record) -> None:
    made = register(team.ws, team.counsellor, client={"given_names": "Renée", "family_name": "Versions"})
    c = team.counsellor
    with team.ws.unit_of_work() as uow:
        first = care_plans.create_draft(uow, c, made.episode_id, copy_latest=False)
        care_plans.add_goal(uow, c, first.id, "housing", "First version goal")
        care_plans.set_review_date(uow, c, first.id, REVIEW)
        care_plans.activate_plan(uow, c, first.id)
        care_plans.create_draft(uow, c, made.episode_id)
        uow.commit()

    def text_of(**choice: object) -> str:
        document = _uow_call(team, c, lambda uow, actor: printing.print_care_plan(
            uow, actor, made.client_id, lang="en", **choice))  # type: ignore[arg-type]
        return "\n".join(_pages(document.pdf))

    active = text_of()  # an active version exists, so it is printed rather than the draft
    assert "Version 1" in active and "Draft:" not in active
    draft = text_of(version=2)
    assert "Version 2" in draft and "Draft: this version is not in force yet" in draft
    with team.ws.unit_of_work() as uow:
        care_plans.activate_plan(uow, c, care_plans.list_versions(uow, c, made.episode_id)[-1].id)
        uow.commit()
    assert "Superseded on" in text_of(version=1)
    assert "Superseded on" in text_of(plan_id=first.id)
    with team.ws.unit_of_work() as uow:
        with pytest.raises(ValidationError) as err:
            printing.print_care_plan(uow, c, made.client_id, plan_id=first.id, version=1)
        assert "version" in err.value.errors
        other = care_plans.list_versions(uow, c, made.episode_id)[-1].id
        with pytest.raises(ValidationError) as err:  # a plan of another client
            printing.print_care_plan(uow, c, record.client_id, plan_id=other)
        assert "plan_id" in err.value.errors
    with team.ws.unit_of_work() as uow, pytest.raises(ValidationError) as err:
        printing.print_care_plan(uow, c, made.client_id, version=9)
    assert "no version 9" in err.value.errors["version"]


# --- discharge summary -----------------------------------------------------------------------

DISCHARGE_WORDS = {
    "en": ("Discharge summary", "Admission date", "Planned discharge date", "Discharge date",
           "Reason for discharge", "Completed – drug-free", "Goals achieved", "Aftercare arrangements",
           "Relapse-prevention plan", "Referrals", "Contact details", "Recovery check-ups",
           "3 months after discharge", "24 months after discharge", "Pending"),
    "es": ("Informe de alta", "Fecha de admisión", "Fecha prevista del alta", "Fecha del alta", "Motivo del alta",
           "Finalizado – sin consumo", "Objetivos conseguidos", "Apoyo acordado tras el alta",
           "Plan de prevención de recaídas", "Derivaciones", "Datos de contacto", "Revisiones de seguimiento",
           "3 meses después del alta", "24 meses después del alta", "Pendiente"),
}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_discharge_summary_prints_what_was_entered(team: Team, record: Record, lang: str) -> None:
    document = _uow_call(team, team.counsellor, lambda uow, actor: printing.print_discharge_summary(
        uow, actor, record.client_id, lang=lang))
    pages = _pages(document.pdf)
    text = "\n".join(pages)
    _has(text, *DISCHARGE_WORDS[lang], FULL_NAME, record.code, AFTERCARE, RELAPSE,
         format_date(ADMISSION, lang), format_date(DISCHARGED_ON, lang))
    for referral in REFERRALS:
        _has(text, referral["service"], referral["contact"], referral["notes"])
    _has(text, GOALS[0][1])  # the achieved goal
    assert _squashed(GOALS[1][1]) not in _squashed(text)  # goals not achieved are only counted
    _has(text, "1 of 3" if lang == "en" else "1 de 3")
    with team.ws.unit_of_work(write=False) as uow:
        checkups = followups.list_checkups(uow, team.admin, record.client_id)
    assert checkups
    for checkup in checkups:
        _has(text, format_date(checkup.due_date, lang))
    _assert_numbered(pages, lang)
    _assert_fonts_embedded(document.pdf)
    _assert_private_metadata(document.pdf, "Discharge summary" if lang == "en" else "Informe de alta")


def test_open_episode_prints_its_discharge_plan_or_is_refused(team: Team) -> None:
    made = register(team.ws, team.counsellor, client={"given_names": "Aoife", "family_name": "Still-Open"})
    with team.ws.unit_of_work() as uow, pytest.raises(ValidationError) as err:
        printing.print_discharge_summary(uow, team.counsellor, made.client_id)
    assert "no discharge plan yet" in err.value.errors["episode_id"]
    with team.ws.unit_of_work() as uow:
        discharge.save_plan(uow, team.counsellor, made.episode_id, aftercare="Weekly group")
        uow.commit()
    document = _uow_call(team, team.counsellor, lambda uow, actor: printing.print_discharge_summary(
        uow, actor, made.client_id, lang="en"))
    text = "\n".join(_pages(document.pdf))
    _has(text, "has not been discharged yet", "Weekly group", "scheduled when the episode is discharged")


# --- intake summary --------------------------------------------------------------------------

INTAKE_WORDS = {
    "en": ("Intake summary", "Personal details", "Given names", "Family name", "Date of birth", "Female",
           "Intake assessment", "Living with", "Alone", "Labour status", "Unemployed", "Heroin", "Cannabis",
           "Smoke or inhale", "Daily", "Primary", "Secondary 1", "Age at first use", "Physical health",
           "Consents", "Treatment and record keeping", "Sharing information with named services",
           "Centro de Salud Demo", "Recovery capital (BARC-10)", "Aftercare", "Self-referral",
           "Number of children"),
    "es": ("Resumen de admisión", "Datos personales", "Nombre", "Apellidos", "Fecha de nacimiento", "Femenino",
           "Evaluación de admisión", "Con quién vive", "Solo o sola", "Situación laboral", "En desempleo",
           "Heroína", "Cannabis", "Fumada o inhalada", "A diario", "Principal", "Secundaria 1", "Edad de inicio",
           "Salud física", "Consentimientos", "Tratamiento y registro de datos",
           "Compartir información con servicios designados", "Centro de Salud Demo",
           "Capital de recuperación (BARC-10)", "Seguimiento tras el tratamiento", "Iniciativa propia",
           "Número de hijos"),
}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_intake_summary_prints_what_was_entered(team: Team, record: Record, lang: str) -> None:
    document = _uow_call(team, team.counsellor, lambda uow, actor: printing.print_intake_summary(
        uow, actor, record.client_id, lang=lang))
    pages = _pages(document.pdf)
    text = "\n".join(pages)
    _has(text, *INTAKE_WORDS[lang], GIVEN, FAMILY, record.code, HEALTH, "maria@example.org",
         "+34 600 000 000", format_date(ADMISSION, lang), str(BARC10_TOTAL), "19", "15")
    _assert_numbered(pages, lang)
    _assert_fonts_embedded(document.pdf)
    _assert_private_metadata(document.pdf, "Intake summary" if lang == "en" else "Resumen de admisión")


# --- blank forms -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
def test_blank_intake_has_a_tick_box_for_every_code(team: Team, lang: str) -> None:
    document = _uow_call(team, team.counsellor, lambda uow, actor: printing.print_blank_intake(uow, actor,
                                                                                               lang=lang))
    pages = _pages(document.pdf)
    text = "\n".join(pages)
    lists = (codes.SEX, codes.GENDER_IDENTITY, codes.NATIONALITY, codes.LANGUAGE, codes.PROGRAMME,
             codes.TREATMENT_CENTRE, codes.REFERRAL_SOURCE, codes.PREVIOUSLY_TREATED, codes.LIVING_WITH,
             codes.HOUSING, codes.LABOUR_STATUS, codes.EDUCATION, codes.INJECTING, codes.OST, codes.BBV_TESTING,
             codes.DRUG, codes.ROUTE, codes.FREQUENCY, codes.CONSENT_KIND, codes.BARC10_ITEM)
    for code_list in lists:
        _has(text, *(label for _, label in code_list.choices(lang)))
    ticks = text.count("\u2610")
    # one per option of each question (BBV testing is asked three times, yes/no twice), four per
    # drug/route/frequency row (the substance columns), six per BARC-10 statement, one per consent
    expected = (sum(len(cl) for cl in lists[:15]) + 2 * len(codes.BBV_TESTING) + 2 * len(codes.HAS_CHILDREN)
                + 4 * (len(codes.DRUG) + len(codes.ROUTE) + len(codes.FREQUENCY))
                + 6 * len(codes.BARC10_ITEM) + len(codes.CONSENT_KIND))
    assert ticks == expected
    _has(text, "Intake form" if lang == "en" else "Formulario de admisión",
         "For the office" if lang == "en" else "Para la oficina")
    _assert_numbered(pages, lang)
    _assert_fonts_embedded(document.pdf)
    _assert_private_metadata(document.pdf, "Intake form" if lang == "en" else "Formulario de admisión")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_blank_care_plan_has_every_domain_and_status(team: Team, lang: str) -> None:
    document = _uow_call(team, team.admin, lambda uow, actor: printing.print_blank_care_plan(uow, actor,
                                                                                            lang=lang))
    pages = _pages(document.pdf)
    text = "\n".join(pages)
    _has(text, *(label for _, label in codes.RECOVERY_DOMAIN.choices(lang)))
    for _, label in codes.GOAL_STATUS.choices(lang):
        # two goal rows per domain, each with every status to tick
        assert _squashed(text).count("\u2610" + _squashed(label)) == 2 * len(codes.RECOVERY_DOMAIN), label
    _has(text, "Care plan form" if lang == "en" else "Formulario del plan de atención")
    _assert_numbered(pages, lang)
    _assert_fonts_embedded(document.pdf)


# --- audit and permissions -------------------------------------------------------------------

PRINTS: dict[str, Callable[[UnitOfWork, Actor, int], PrintedDocument]] = {
    "care_plan": lambda uow, actor, client_id: printing.print_care_plan(uow, actor, client_id),
    "discharge_summary": lambda uow, actor, client_id: printing.print_discharge_summary(uow, actor, client_id),
    "intake_summary": lambda uow, actor, client_id: printing.print_intake_summary(uow, actor, client_id),
    "blank_intake": lambda uow, actor, _client_id: printing.print_blank_intake(uow, actor),
    "blank_care_plan": lambda uow, actor, _client_id: printing.print_blank_care_plan(uow, actor),
}


@pytest.mark.parametrize("kind", list(PRINTS))
def test_each_print_is_audited_with_the_hash_of_its_bytes(team: Team, record: Record, kind: str) -> None:
    document = _uow_call(team, team.counsellor, lambda uow, actor: PRINTS[kind](uow, actor, record.client_id))
    assert document.kind == kind
    with team.ws.unit_of_work(write=False) as uow:
        entry = audit.list_entries(uow, team.admin, action=printing.PRINTED, limit=1)[0]
    assert entry.user_name == team.counsellor.name
    assert entry.details["document"] == kind
    assert entry.details["sha256"] == hashlib.sha256(document.pdf).hexdigest() == document.sha256
    assert entry.details["bytes"] == len(document.pdf)
    assert entry.client_id == (None if kind.startswith("blank") else record.client_id)
    if kind == "care_plan":
        assert (entry.entity, entry.entity_id, entry.details["version"]) == ("care_plan", str(record.plan_id), 1)


@pytest.mark.parametrize("kind", list(PRINTS))
@pytest.mark.parametrize("role", ["statistics", "deactivated"])
def test_statistics_staff_and_deactivated_accounts_print_nothing(team: Team, record: Record, kind: str,
                                                                 role: str) -> None:
    actor = team.by_role()[role]
    with team.ws.unit_of_work() as uow:
        before = audit.list_entries(uow, team.admin, limit=1)[0].seq
        with pytest.raises(PermissionDenied):
            PRINTS[kind](uow, actor, record.client_id)
        assert audit.list_entries(uow, team.admin, limit=1)[0].seq == before


def test_bad_requests_are_refused_with_the_field_named(team: Team, record: Record) -> None:
    with team.ws.unit_of_work() as uow:
        with pytest.raises(ValidationError) as err:
            printing.print_care_plan(uow, team.counsellor, record.client_id, lang="fr")
        assert "lang" in err.value.errors
        with pytest.raises(ValidationError) as err:
            printing.print_blank_intake(uow, team.counsellor, lang="de")
        assert "lang" in err.value.errors
        with pytest.raises(ValidationError) as err:
            printing.print_intake_summary(uow, team.counsellor, record.client_id, episode_id=10_000)
        assert "episode_id" in err.value.errors
        with pytest.raises(NotFound):
            printing.client_id_by_code(uow, team.counsellor, "C-1999-9999")
        assert printing.client_id_by_code(uow, team.counsellor, f"  {record.code.lower()} ") == record.client_id
    made = register(team.ws, team.counsellor, client={"given_names": "Liam", "family_name": "No-Plan"})
    with team.ws.unit_of_work() as uow, pytest.raises(ValidationError) as err:
        printing.print_care_plan(uow, team.counsellor, made.client_id)
    assert "no care plan yet" in err.value.errors["client"]


def test_the_organisations_notice_is_on_every_page(team: Team, record: Record) -> None:
    notice = "Confidencial – Asociación Demo. Do not copy."
    with team.ws.unit_of_work() as uow:
        settings.update_settings(uow, team.admin, confidentiality_notice=notice)
        uow.commit()
    try:
        document = _uow_call(team, team.counsellor, lambda uow, actor: printing.print_blank_care_plan(uow, actor))
        pages = _pages(document.pdf)
        assert len(pages) > 1
        for text in pages:
            _has(text, notice)
            assert "may not be disclosed further" not in text
    finally:
        with team.ws.unit_of_work() as uow:
            settings.update_settings(uow, team.admin, confidentiality_notice="")
            uow.commit()


# --- the command line ------------------------------------------------------------------------


@pytest.fixture
def out_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "prints"
    folder.mkdir()
    yield folder


@pytest.mark.e2e
def test_cli_prints_a_care_plan_and_refuses_to_overwrite(team: Team, record: Record, out_dir: Path,
                                                         run_main: RunMain) -> None:
    target = out_dir / "plan.pdf"
    args = ("print", "care-plan", "--client", record.code, "--out", str(target))
    done = cli(team.data_dir, *args, "--lang", "en", user="carmen", stdin=USER_PASSWORD + "\n")
    assert done.code == 0, done.err
    pdf = target.read_bytes()
    digest = hashlib.sha256(pdf).hexdigest()
    assert f"SHA-256: {digest}" in done.out and record.code in done.out
    _has("\n".join(_pages(pdf)), "Care plan", FULL_NAME, GOALS[0][1])
    with team.ws.unit_of_work(write=False) as uow:
        entry = audit.list_entries(uow, team.admin, action=printing.PRINTED, limit=1)[0]
    assert entry.details["sha256"] == digest and entry.client_id == record.client_id

    # the same command in-process (quicker): the file exists, so nothing is printed without --force
    again = run_main(team.data_dir, *args, user="carmen", stdin=USER_PASSWORD + "\n")
    assert again.code == 2 and "already exists" in again.err and "--force" in again.err
    assert target.read_bytes() == pdf  # untouched
    forced = run_main(team.data_dir, *args, "--force", user="carmen", stdin=USER_PASSWORD + "\n")
    assert forced.code == 0, forced.err
    assert "Plan de atención" in _pages(target.read_bytes())[0]  # the client's preferred language

    for command, title in (("discharge-summary", "Discharge summary"), ("intake-summary", "Intake summary")):
        other = out_dir / f"{command}.pdf"
        result = run_main(team.data_dir, "print", command, "--client", record.code, "--out", str(other), "--lang",
                          "en", user="carmen", stdin=USER_PASSWORD + "\n")
        assert result.code == 0, result.err
        _has(_pages(other.read_bytes())[0], title, record.code)

    unknown = run_main(team.data_dir, "print", "care-plan", "--client", "C-1999-0001", "--out",
                       str(out_dir / "none.pdf"), user="carmen", stdin=USER_PASSWORD + "\n")
    assert unknown.code == 2 and "no client with the code C-1999-0001" in unknown.err
    assert not (out_dir / "none.pdf").exists()


@pytest.mark.e2e
def test_cli_prints_a_blank_intake_form(team: Team, out_dir: Path, run_main: RunMain) -> None:
    target = out_dir / "intake.pdf"
    done = cli(team.data_dir, "print", "blank-intake", "--out", str(target), "--lang", "es", user="carmen",
               stdin=USER_PASSWORD + "\n")
    assert done.code == 0, done.err
    pages = _pages(target.read_bytes())
    _has(pages[0], "Formulario de admisión", "Datos personales")
    _assert_numbered(pages, "es")
    assert target.stat().st_mode & 0o077 == 0  # readable by its owner only

    denied = run_main(team.data_dir, "print", "blank-intake", "--out", str(out_dir / "stats.pdf"), user="stats",
                      stdin=USER_PASSWORD + "\n")
    assert denied.code == 2 and "role does not allow" in denied.err
    assert not (out_dir / "stats.pdf").exists()

    no_folder = run_main(team.data_dir, "print", "blank-care-plan", "--out", str(out_dir / "missing" / "f.pdf"),
                         user="carmen")
    assert no_folder.code == 2 and "does not exist" in no_folder.err
    bad_version = run_main(team.data_dir, "print", "care-plan", "--client", "C-1", "--version", "0", "--out",
                           str(out_dir / "v.pdf"), user="carmen")
    assert bad_version.code == 2 and "--version" in bad_version.err
