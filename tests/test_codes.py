"""Tests for clinic_app.codes: the coded answers, their labels, parsing and mappings."""

from __future__ import annotations

import re
from datetime import date

import pytest

from clinic_app import codes
from clinic_app.codes import (
    ALL_LISTS,
    BARC10_ITEM,
    BARC10_SCALE,
    DISCHARGE_REASON,
    DISCHARGE_REASONS,
    DRUG,
    DRUG_GROUP,
    NDTMS_GROUP,
    NOT_KNOWN,
    SEX,
    TEDS_GROUP,
    TEDS_NUMBER,
    Code,
    CodeList,
)
from clinic_app.errors import ValidationError

LISTS = sorted(ALL_LISTS.values(), key=lambda cl: cl.name)
LIST_IDS = [cl.name for cl in LISTS]


# -- the lists as a whole ------------------------------------------------------------


def test_registry_holds_every_module_level_list() -> None:
    module_lists = {v.name for v in vars(codes).values() if isinstance(v, CodeList)}
    assert module_lists == set(ALL_LISTS)
    for name, cl in ALL_LISTS.items():
        assert cl.name == name
    assert codes.get_list("drug") is DRUG
    with pytest.raises(KeyError):
        codes.get_list("user_role")  # roles belong to accounts, not here


def test_version_is_set() -> None:
    assert codes.CODE_LIST_VERSION == "2026.1"


@pytest.mark.parametrize("cl", LISTS, ids=LIST_IDS)
def test_codes_are_unique_stable_identifiers(cl: CodeList) -> None:
    assert len(cl.codes()) == len(set(cl.codes())) == len(cl)
    for code in cl.codes():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", code), code


@pytest.mark.parametrize("cl", LISTS, ids=LIST_IDS)
def test_every_item_has_english_and_spanish_labels(cl: CodeList) -> None:
    for item in cl:
        assert item.en.strip(), item.code
        assert item.es.strip(), item.code
        assert cl.label(item.code, "en") == item.en
        assert cl.label(item.code, "es") == item.es


@pytest.mark.parametrize("cl", LISTS, ids=LIST_IDS)
def test_not_known_present_exactly_when_allowed(cl: CodeList) -> None:
    assert (NOT_KNOWN in cl) is cl.allows_not_known
    if cl.allows_not_known:
        assert cl.codes()[-1] == NOT_KNOWN  # shown last


@pytest.mark.parametrize("cl", LISTS, ids=LIST_IDS)
def test_every_code_and_label_parses_back_to_its_code(cl: CodeList) -> None:
    for item in cl:
        for text in (item.code, item.en, item.es, item.en.upper(), f"  {item.es.lower()}  "):
            assert cl.parse(text, "f") == item.code, text


def test_questions_that_allow_not_known() -> None:
    for name in ("previously_treated", "referral_source", "sex", "gender_identity", "living_with",
                 "living_with_children", "has_children", "housing", "nationality", "labour_status",
                 "education", "drug", "route", "frequency", "injecting", "ost", "bbv_testing",
                 "discharge_reason", "ndtms_group", "child_carer"):
        assert ALL_LISTS[name].allows_not_known, name
    for name in ("programme", "language", "consent_kind", "note_type", "goal_status",
                 "care_plan_status", "episode_status", "barc10_item", "barc10_scale", "recovery_domain"):
        assert not ALL_LISTS[name].allows_not_known, name


def test_expected_answers_are_present() -> None:
    assert ALL_LISTS["previously_treated"].codes() == ("never", "yes", "not_known")
    assert set(ALL_LISTS["living_with"].codes()) >= {
        "alone", "relatives", "partner", "friends", "institution", "no_fixed_abode", "not_known"}
    assert ALL_LISTS["language"].codes() == ("en", "es")
    assert ALL_LISTS["goal_status"].codes() == ("not_started", "in_progress", "achieved", "dropped")
    assert ALL_LISTS["care_plan_status"].codes() == ("draft", "active", "superseded")
    assert ALL_LISTS["episode_status"].codes() == ("open", "discharged")
    assert len(ALL_LISTS["recovery_domain"]) == 10
    assert len(ALL_LISTS["consent_kind"]) == 4


# -- Code / CodeList behaviour ---------------------------------------------------------


def test_code_and_list_are_frozen() -> None:
    with pytest.raises(AttributeError):
        SEX.items[0].code = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        SEX.name = "x"  # type: ignore[misc]


def test_label_falls_back_to_english_for_unknown_language() -> None:
    assert DRUG.label("heroin", "es") == "Heroína"
    assert DRUG.label("heroin", "es-AR") == "Heroína"
    assert DRUG.label("heroin", "fr") == "Heroin"
    assert DRUG.label("heroin") == "Heroin"
    assert DRUG.get("heroin") is not None and DRUG.get("heroin").label("de") == "Heroin"


def test_label_of_odd_values() -> None:
    assert DRUG.label(None) == ""
    assert DRUG.label("retired_code") == "retired_code"
    assert DRUG.get("retired_code") is None


def test_contains_and_choices() -> None:
    assert "heroin" in DRUG
    assert "Heroin" not in DRUG  # membership is by exact code, not label
    assert 11 not in DRUG
    assert SEX.choices("es") == [("male", "Masculino"), ("female", "Femenino"), ("not_known", "No consta")]


def test_parse_accepts_code_english_and_spanish_with_or_without_accents() -> None:
    assert DRUG.parse("heroin", "primary_drug") == "heroin"
    assert DRUG.parse("Heroin", "primary_drug") == "heroin"
    assert DRUG.parse("Heroína", "primary_drug") == "heroin"
    assert DRUG.parse("heroina", "primary_drug") == "heroin"
    assert DRUG.parse("HEROÍNA", "primary_drug") == "heroin"
    assert DRUG.parse("cocaine_powder", "primary_drug") == "cocaine_powder"
    assert DRUG.parse("Cocaine powder", "primary_drug") == "cocaine_powder"
    assert DRUG.parse("cocaína en polvo", "primary_drug") == "cocaine_powder"
    assert DRUG.parse("Cocaina en Polvo", "primary_drug") == "cocaine_powder"
    assert DRUG.parse("Catinonas sinteticas", "primary_drug") == "synthetic_cathinones"
    assert DRUG.parse("Not known", "primary_drug") == NOT_KNOWN
    assert DRUG.parse("No consta", "primary_drug") == NOT_KNOWN
    assert DRUG.parse("desconocido", "primary_drug") == NOT_KNOWN
    assert ALL_LISTS["language"].parse("Español", "language") == "es"
    assert ALL_LISTS["language"].parse("espanol", "language") == "es"
    assert ALL_LISTS["has_children"].parse("si", "has_children") == "yes"
    assert ALL_LISTS["has_children"].parse("Sí", "has_children") == "yes"


@pytest.mark.parametrize("bad", ["heroine x", "", "   ", None, 11, "crack cocaine powder"])
def test_parse_rejects_unknown_text_naming_the_field(bad: object) -> None:
    with pytest.raises(ValidationError) as exc:
        DRUG.parse(bad, "primary_drug")
    assert set(exc.value.errors) == {"primary_drug"}
    assert "expected one of" in exc.value.errors["primary_drug"]


def test_validate_returns_known_code() -> None:
    assert SEX.validate("female", "sex") == "female"
    assert SEX.validate_optional(None, "sex") is None
    assert SEX.validate_optional("", "sex") is None
    assert SEX.validate_optional("male", "sex") == "male"


@pytest.mark.parametrize("bad", ["unknown_drug", "Heroin", "heroína", "", None, 11])
def test_validate_raises_naming_field_and_listing_choices(bad: object) -> None:
    with pytest.raises(ValidationError) as exc:
        DRUG.validate(bad, "primary_drug")
    assert set(exc.value.errors) == {"primary_drug"}
    message = exc.value.errors["primary_drug"]
    assert "expected one of" in message
    assert "heroin" in message
    assert "primary_drug" in str(exc.value)


def test_validate_message_lists_all_choices_of_a_short_list() -> None:
    with pytest.raises(ValidationError) as exc:
        SEX.validate("x", "sex")
    message = exc.value.errors["sex"]
    for code in SEX.codes():
        assert code in message
    assert "“x”" in message


def test_validate_shortens_long_input() -> None:
    with pytest.raises(ValidationError) as exc:
        SEX.validate("z" * 500, "sex")
    assert len(exc.value.errors["sex"]) < 200


def test_badly_built_lists_are_refused() -> None:
    with pytest.raises(ValueError):
        CodeList("x", (Code("a", "A", "A"), Code("a", "B", "B")), allows_not_known=False)
    with pytest.raises(ValueError):
        CodeList("x", (Code("Bad-Code", "A", "A"),), allows_not_known=False)
    with pytest.raises(ValueError):
        CodeList("x", (Code("a", "A", ""),), allows_not_known=False)
    with pytest.raises(ValueError):  # allows not known but has no not_known
        CodeList("x", (Code("a", "A", "A"),), allows_not_known=True)
    with pytest.raises(ValueError):  # two answers parse() could not tell apart
        CodeList("x", (Code("a", "Same", "Uno"), Code("b", "Other", "same")), allows_not_known=False)


# -- drugs -------------------------------------------------------------------------------


def test_drugs_cover_the_issue_list_and_have_groups() -> None:
    required = {
        "heroin", "methadone_misused", "buprenorphine_misused", "fentanyls", "tramadol", "other_opioids",
        "cocaine_powder", "crack", "amphetamine", "methamphetamine", "mdma", "synthetic_cathinones",
        "benzodiazepines", "barbiturates", "ghb_gbl", "pregabalin", "hallucinogens", "inhalants",
        "cannabis", "alcohol", "other", "not_known",
    }
    assert required <= set(DRUG.codes())
    for item in DRUG:
        if item.code != NOT_KNOWN:
            assert item.group in DRUG_GROUP, item.code
    assert DRUG.get("heroin").group == "opioids"
    assert DRUG.get("crack").group == "cocaine"
    assert DRUG.get("ghb_gbl").group == "hypnotics_sedatives"


def test_tdi_numbers_where_known() -> None:
    assert DRUG.get("heroin").tdi == 11
    assert DRUG.get("cocaine_powder").tdi == 21
    assert DRUG.get("crack").tdi == 22
    assert DRUG.get(NOT_KNOWN).tdi == 99
    assert SEX.get("male").tdi == 1 and SEX.get("female").tdi == 2
    # a drug's TDI number starts with its group's TDI number
    for item in DRUG:
        group = DRUG_GROUP.get(item.group) if item.group else None
        if item.tdi is not None and group is not None and group.tdi is not None:
            assert str(item.tdi).startswith(str(group.tdi)), item.code


def test_secondary_drugs() -> None:
    assert codes.validate_secondary_drugs("heroin", ["crack", "alcohol"]) == ("crack", "alcohol")
    assert codes.validate_secondary_drugs("heroin", []) == ()
    for bad in (["crack", "alcohol", "cannabis", "mdma"], ["crack", "crack"], ["heroin"],
                ["not_a_drug"], [NOT_KNOWN]):
        with pytest.raises(ValidationError) as exc:
            codes.validate_secondary_drugs("heroin", bad, field="secondary_drugs")
        assert "secondary_drugs" in exc.value.errors


# -- discharge -------------------------------------------------------------------------


def test_every_discharge_reason_maps_to_teds_and_ndtms() -> None:
    assert DISCHARGE_REASON.codes() == tuple(r.code for r in DISCHARGE_REASONS)
    for reason in DISCHARGE_REASON.codes():
        assert codes.teds_group(reason) in TEDS_GROUP
        assert codes.ndtms_group(reason) in NDTMS_GROUP


def test_discharge_reasons_cover_the_issue_list() -> None:
    assert set(DISCHARGE_REASON.codes()) == {
        "completed_drug_free", "completed", "transferred", "dropped_out", "declined", "terminated",
        "incarcerated", "moved", "died", "other", "not_known"}
    assert set(TEDS_GROUP.codes()) >= {
        "completed", "dropped_out", "terminated", "transferred", "incarcerated", "died", "other"}
    assert set(NDTMS_GROUP.codes()) >= {
        "completed_drug_free", "completed", "referred_on", "dropped_out", "declined", "prison",
        "moved", "died", "not_known"}


@pytest.mark.parametrize("reason, teds, ndtms", [
    ("completed_drug_free", "completed", "completed_drug_free"),
    ("completed", "completed", "completed"),
    ("transferred", "transferred", "referred_on"),
    ("dropped_out", "dropped_out", "dropped_out"),
    ("declined", "dropped_out", "declined"),
    ("terminated", "terminated", "withdrawn"),
    ("incarcerated", "incarcerated", "prison"),
    ("moved", "other", "moved"),
    ("died", "died", "died"),
    ("not_known", "not_known", "not_known"),
])
def test_discharge_mapping(reason: str, teds: str, ndtms: str) -> None:
    assert codes.teds_group(reason) == teds
    assert codes.ndtms_group(reason) == ndtms


def test_successful_and_planned_flags() -> None:
    assert codes.is_successful("completed") is True
    assert codes.is_successful("completed_drug_free") is True
    for reason in ("transferred", "dropped_out", "declined", "terminated", "incarcerated", "moved",
                   "died", "other", "not_known"):
        assert codes.is_successful(reason) is False, reason
    assert codes.is_planned("transferred") is True
    assert codes.is_planned("completed") is True
    assert codes.is_planned("dropped_out") is False
    assert {r.code for r in DISCHARGE_REASONS if r.successful} == {"completed", "completed_drug_free"}


def test_teds_numbers() -> None:
    assert TEDS_NUMBER["completed"] == 1
    assert TEDS_NUMBER["died"] == 6
    assert set(TEDS_NUMBER) == set(TEDS_GROUP.codes()) - {NOT_KNOWN}


def test_unknown_discharge_reason_is_a_validation_error() -> None:
    with pytest.raises(ValidationError) as exc:
        codes.is_successful("graduated")
    assert "discharge_reason" in exc.value.errors


# -- BARC-10 ----------------------------------------------------------------------------


def test_barc10_has_ten_items_and_six_point_scale() -> None:
    assert len(BARC10_ITEM) == 10
    assert len(BARC10_SCALE) == 6
    assert [codes.BARC10_POINTS[c] for c in BARC10_SCALE.codes()] == [1, 2, 3, 4, 5, 6]
    assert BARC10_SCALE.codes()[0] == "strongly_disagree"
    assert BARC10_SCALE.codes()[-1] == "strongly_agree"
    assert (codes.BARC10_MIN_TOTAL, codes.BARC10_MAX_TOTAL) == (10, 60)
    for item in BARC10_ITEM:
        assert item.group  # each item names its recovery-capital domain


def test_barc10_scoring() -> None:
    items = BARC10_ITEM.codes()
    assert codes.barc10_total({c: 1 for c in items}) == 10
    assert codes.barc10_total({c: 6 for c in items}) == 60
    mixed = dict.fromkeys(items, 3)
    mixed[items[0]] = "strongly_agree"
    mixed[items[1]] = "Totalmente de acuerdo"
    mixed[items[2]] = "5"
    assert codes.barc10_total(mixed) == 3 * 7 + 6 + 6 + 5
    assert codes.barc10_score("Algo de acuerdo") == 4


@pytest.mark.parametrize("change", ["missing", "zero", "seven", "bool", "extra", "text"])
def test_barc10_total_rejects_bad_answers(change: str) -> None:
    items = BARC10_ITEM.codes()
    answers: dict[str, object] = dict.fromkeys(items, 4)
    if change == "missing":
        del answers[items[3]]
    elif change == "zero":
        answers[items[3]] = 0
    elif change == "seven":
        answers[items[3]] = 7
    elif change == "bool":
        answers[items[3]] = True
    elif change == "extra":
        answers["not_an_item"] = 4
    else:
        answers[items[3]] = "maybe"
    with pytest.raises(ValidationError) as exc:
        codes.barc10_total(answers)  # type: ignore[arg-type]
    expected_key = "not_an_item" if change == "extra" else items[3]
    assert expected_key in exc.value.errors


# -- age bands and the 6-month rule ---------------------------------------------------


@pytest.mark.parametrize("age, band", [
    (0, "<15"), (14, "<15"), (15, "15-19"), (19, "15-19"), (20, "20-24"), (24, "20-24"),
    (25, "25-29"), (34, "30-34"), (35, "35-39"), (44, "40-44"), (49, "45-49"), (50, "50-54"),
    (59, "55-59"), (60, "60-64"), (64, "60-64"), (65, "65+"), (99, "65+"),
])
def test_age_band_boundaries(age: int, band: str) -> None:
    assert codes.age_band(age) == band


def test_every_age_band_is_reachable_and_ordered() -> None:
    seen = [codes.age_band(a) for a in range(0, 80)]
    assert list(dict.fromkeys(seen)) == list(codes.AGE_BANDS)
    assert len(codes.AGE_BANDS) == 12


@pytest.mark.parametrize("bad", [-1, 15.5, "20", None, True])
def test_age_band_rejects_non_ages(bad: object) -> None:
    with pytest.raises(ValidationError):
        codes.age_band(bad)  # type: ignore[arg-type]


def test_six_month_rule() -> None:
    assert codes.is_new_treatment_entry(date(2026, 1, 10), date(2026, 7, 9)) is False
    assert codes.is_new_treatment_entry(date(2026, 1, 10), date(2026, 7, 10)) is True
    assert codes.is_new_treatment_entry(date(2025, 8, 31), date(2026, 2, 27)) is False
    assert codes.is_new_treatment_entry(date(2025, 8, 31), date(2026, 2, 28)) is True
    assert codes.is_new_treatment_entry(date(2026, 1, 10), date(2026, 1, 10)) is False
    with pytest.raises(ValidationError):
        codes.is_new_treatment_entry(date(2026, 1, 10), date(2025, 12, 1))
    assert "6" in (codes.is_new_treatment_entry.__doc__ or "") or "six" in (codes.is_new_treatment_entry.__doc__ or "")


# -- no Qt ------------------------------------------------------------------------------


def test_codes_module_does_not_import_qt() -> None:
    source = open(codes.__file__, encoding="utf-8").read()
    assert "PySide" not in source and "PyQt" not in source
