"""Family and children: members, children's details, validation, sensitive support notes,
audit and the permission table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from records_factory import ROLES, ServiceCall, Team, audit_actions, check_permission, make_client, module_team

from clinic_app.db.models import Client
from clinic_app.errors import NotFound, ValidationError
from clinic_app.services import audit, family
from clinic_app.services.auth import Actor
from clinic_app.services.common import today

team = module_team()


def _run(team: Team, fn: Callable[..., Any], *args: Any, actor: Actor | None = None, **kwargs: Any) -> Any:
    with team.ws.unit_of_work() as uow:
        result = fn(uow, actor or team.counsellor, *args, **kwargs)
        uow.commit()
    return result


def _errors(team: Team, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> dict[str, str]:
    with pytest.raises(ValidationError) as exc:
        _run(team, fn, *args, **kwargs)
    return exc.value.errors


def _assigned_client(team: Team, **kwargs: Any) -> int:
    return make_client(team.ws, counsellor_id=team.counsellor.user_id, **kwargs).client_id


CHILD: dict[str, Any] = {"relationship": "child", "first_name": "Lucía", "is_child": True, "birth_year": 2016,
                         "lives_with_client": False, "carer": "grandparent", "school": "CEIP San Roque",
                         "needs": "Speech therapy", "safeguarding_concern": True,
                         "referral_made": "Children's services, 2026-01-10"}


# --- members ---------------------------------------------------------------------------


def test_a_child_is_recorded_with_every_field(team: Team) -> None:
    client_id = _assigned_client(team)
    child = _run(team, family.add_member, client_id, **CHILD)
    assert child.is_child and child.client_id == client_id
    assert {k: getattr(child, k) for k in CHILD} == CHILD
    record = _run(team, family.family_record, client_id)
    assert record.members == (child,)
    assert audit_actions(team, client_id) == ["family.member_added", "family.read"]


def test_is_child_follows_the_relationship_unless_given(team: Team) -> None:
    client_id = _assigned_client(team)
    partner = _run(team, family.add_member, client_id, "partner", "Javier", birth_year=1985, lives_with_client=True)
    assert not partner.is_child and partner.carer == "not_known"
    step_child = _run(team, family.add_member, client_id, "other_relative", "Mía", is_child=True, birth_year=2019)
    assert step_child.is_child
    assert set(_errors(team, family.add_member, client_id, "child", "Leo", is_child=False)) == {"is_child"}


def test_update_replaces_the_fields_and_audits_their_names(team: Team) -> None:
    client_id = _assigned_client(team)
    child = _run(team, family.add_member, client_id, **CHILD)
    changed = {**CHILD, "lives_with_client": True, "carer": "client", "safeguarding_concern": False}
    updated = _run(team, family.update_member, child.id, **changed)
    assert (updated.id, updated.lives_with_client, updated.carer, updated.safeguarding_concern) == (
        child.id, True, "client", False)
    assert updated.needs == CHILD["needs"] and updated.created_at == child.created_at
    with team.ws.unit_of_work(write=False) as uow:
        entry = audit.list_entries(uow, team.admin, client_id=client_id, action="family.member_updated")[0]
    assert entry.details == {"fields": ["lives_with_client", "carer", "safeguarding_concern"]}
    with pytest.raises(NotFound):
        _run(team, family.update_member, 999_999, **CHILD)


@pytest.mark.parametrize("field, value", [
    ("relationship", "cousin_twice_removed"),
    ("relationship", ""),
    ("birth_year", today().year + 1),
    ("birth_year", 1899),
    ("birth_year", "two thousand"),
    ("birth_year", 2010.5),
    ("birth_year", 1995),          # the client was born in 1990: not plausible for their child
    ("carer", "neighbour"),
    ("carer", None),
    ("lives_with_client", "yes"),
    ("safeguarding_concern", 1),
    ("first_name", "x" * 201),
    ("school", "s" * 201),
    ("needs", "a\x00b"),
    ("referral_made", ["list"]),
])
def test_bad_member_values_are_rejected_naming_the_field(team: Team, field: str, value: Any) -> None:
    client_id = _assigned_client(team, date_of_birth=date(1990, 3, 1))
    values = {**CHILD, field: value}
    assert set(_errors(team, family.add_member, client_id, **values)) == {field}
    child = _run(team, family.add_member, client_id, **CHILD)
    assert set(_errors(team, family.update_member, child.id, **values)) == {field}
    assert _run(team, family.family_record, client_id).members == (child,)


def test_a_plausible_child_birth_year_is_accepted(team: Team) -> None:
    client_id = _assigned_client(team, date_of_birth=date(1990, 3, 1))
    earliest = 1990 + family.MIN_PARENT_AGE
    assert _run(team, family.add_member, client_id, **{**CHILD, "birth_year": earliest}).birth_year == earliest
    assert _run(team, family.add_member, client_id, **{**CHILD, "birth_year": today().year}).birth_year == today().year
    # adults may be born before the client (a parent)
    assert _run(team, family.add_member, client_id, "parent", birth_year=1950).birth_year == 1950


# --- notes -----------------------------------------------------------------------------


def test_sensitive_note_is_withheld_from_a_counsellor_not_assigned(team: Team) -> None:
    client_id = _assigned_client(team)
    child = _run(team, family.add_member, client_id, **CHILD)
    secret = _run(team, family.add_note, client_id, today(), "Disclosure about the child's father.", True,
                  child.id, actor=team.admin)
    plain = _run(team, family.add_note, client_id, today() - timedelta(days=3), "Family session went well.")

    for reader in (team.counsellor, team.admin):
        notes = _run(team, family.family_record, client_id, actor=reader).notes
        assert [(n.id, n.text, n.restricted) for n in notes] == [
            (secret.id, "Disclosure about the child's father.", False),
            (plain.id, "Family session went well.", False)]

    notes = _run(team, family.family_record, client_id, actor=team.other_counsellor).notes
    assert [(n.id, n.text, n.restricted, n.sensitive) for n in notes] == [
        (secret.id, None, True, True), (plain.id, "Family session went well.", False, False)]
    withheld = notes[0]
    assert (withheld.note_date, withheld.family_member_id, withheld.author_name) == (today(), child.id, "admin")
    with team.ws.unit_of_work(write=False) as uow:
        reads = audit.list_entries(uow, team.admin, client_id=client_id, action="family.read")
    assert [r.details for r in reversed(reads)] == [{"withheld": 0}, {"withheld": 0}, {"withheld": 1}]


def test_reassigning_the_client_moves_who_may_read(team: Team) -> None:
    client_id = _assigned_client(team)
    _run(team, family.add_note, client_id, today(), "Sensitive", True)
    with team.ws.unit_of_work() as uow:
        client = uow.session.get(Client, client_id)
        assert client is not None
        client.counsellor_id = team.other_counsellor.user_id
        uow.commit()
    assert _run(team, family.family_record, client_id, actor=team.other_counsellor).notes[0].text == "Sensitive"
    assert _run(team, family.family_record, client_id, actor=team.counsellor).notes[0].restricted


def test_the_rule_applies_to_the_note_just_written(team: Team) -> None:
    client_id = _assigned_client(team)
    written = _run(team, family.add_note, client_id, today(), "Covering for Carmen", True,
                   actor=team.other_counsellor)
    assert (written.text, written.restricted) == (None, True)
    assert _run(team, family.family_record, client_id).notes[0].text == "Covering for Carmen"


@pytest.mark.parametrize("field, args", [
    ("note_date", (today() + timedelta(days=1), "Text")),
    ("note_date", ("", "Text")),
    ("text", (today(), "  ")),
    ("sensitive", (today(), "Text", "no")),
])
def test_bad_note_values_are_rejected_naming_the_field(team: Team, field: str, args: tuple[Any, ...]) -> None:
    client_id = _assigned_client(team)
    assert set(_errors(team, family.add_note, client_id, *args)) == {field}


def test_a_note_can_only_be_about_this_clients_family(team: Team) -> None:
    client_id = _assigned_client(team)
    other = _assigned_client(team)
    stranger = _run(team, family.add_member, other, "sibling", "Pau")
    assert set(_errors(team, family.add_note, client_id, today(), "x", False, stranger.id)) == {"family_member_id"}
    assert set(_errors(team, family.add_note, client_id, today(), "x", False, 999_999)) == {"family_member_id"}


TEXT = st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]), max_size=200)


@settings(max_examples=25, deadline=None)
@given(first_name=TEXT, school=TEXT, needs=TEXT, referral=TEXT, note=TEXT.filter(str.strip))
def test_any_unicode_text_round_trips(team: Team, first_name: str, school: str, needs: str, referral: str,
                                      note: str) -> None:
    client_id = _assigned_client(team)
    _run(team, family.add_member, client_id, "child", first_name, birth_year=2015, school=school, needs=needs,
         referral_made=referral)
    _run(team, family.add_note, client_id, today(), note, True)
    record = _run(team, family.family_record, client_id, actor=team.admin)
    member = record.members[0]
    assert (member.first_name, member.school, member.needs, member.referral_made) == (first_name, school, needs,
                                                                                      referral)
    assert record.notes[0].text == note


# --- permissions -----------------------------------------------------------------------


def _with_member(call: Callable[..., Any]) -> Callable[[Team], ServiceCall]:
    def setup(team: Team) -> ServiceCall:
        client_id = _assigned_client(team)
        member = _run(team, family.add_member, client_id, **CHILD)
        return lambda uow, actor: call(uow, actor, client_id, member.id)
    return setup


PERMISSION_CALLS: dict[str, Callable[[Team], ServiceCall]] = {
    "add_member": _with_member(lambda uow, a, c, _m: family.add_member(uow, a, c, "sibling", "Ana")),
    "update_member": _with_member(lambda uow, a, _c, m: family.update_member(uow, a, m, **CHILD)),
    "add_note": _with_member(lambda uow, a, c, m: family.add_note(uow, a, c, today(), "Note", True, m)),
    "family_record": _with_member(lambda uow, a, c, _m: family.family_record(uow, a, c)),
}


def test_permission_table_covers_every_service() -> None:
    public = {name for name, value in vars(family).items() if not name.startswith("_") and callable(value)
              and getattr(value, "__module__", "") == family.__name__ and not isinstance(value, type)}
    assert public == set(PERMISSION_CALLS)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("service", sorted(PERMISSION_CALLS))
def test_permissions(team: Team, service: str, role: str) -> None:
    check_permission(team, role, PERMISSION_CALLS[service](team))
