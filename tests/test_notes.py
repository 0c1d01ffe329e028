"""Progress notes: autosaved drafts, signing, amendments, the timeline, drafts after a crash,
validation, sparing audit and the permission table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from records_factory import (
    ALLOWED_ROLES,
    ROLES,
    ServiceCall,
    Team,
    audit_actions,
    check_permission,
    make_client,
    module_team,
)

from clinic_app.db.models import ProgressNote as NoteRow
from clinic_app.errors import NotFound, PermissionDenied, ValidationError
from clinic_app.services import notes
from clinic_app.services.auth import Actor
from clinic_app.services.common import today

team = module_team()


def _run(team: Team, fn: Callable[..., Any], *args: Any, actor: Actor | None = None, **kwargs: Any) -> Any:
    with team.ws.unit_of_work() as uow:
        result = fn(uow, actor or team.counsellor, *args, **kwargs)
        uow.commit()
    return result


def _save(team: Team, note_id: int | None, client_id: int, text: str = "Talked about work.", *,
          actor: Actor | None = None, note_type: str = "individual", note_date: Any = None, **kwargs: Any) -> int:
    when = today() if note_date is None else note_date
    return _run(team, notes.save_draft, note_id, client_id, when, note_type, text, actor=actor, **kwargs)


def _signed(team: Team, client_id: int, text: str = "Signed text.", *, actor: Actor | None = None,
            **kwargs: Any) -> notes.Note:
    return _run(team, notes.sign_note, _save(team, None, client_id, text, actor=actor, **kwargs), actor=actor)


def _errors(attempt: Callable[[], object]) -> dict[str, str]:
    with pytest.raises(ValidationError) as exc:
        attempt()
    return exc.value.errors


# --- drafts ----------------------------------------------------------------------------


def test_draft_saves_keep_one_note_and_are_audited_once(team: Team) -> None:
    client_id, episode_id = make_client(team.ws)
    note_id = _save(team, None, client_id, "T")
    for text in ("Ta", "Tal", "Talked about housing"):
        assert _save(team, note_id, client_id, text, note_type="phone", episode_id=episode_id) == note_id
    note = _run(team, notes.get_note, note_id)
    assert (note.text, note.note_type, note.status, note.episode_id) == (
        "Talked about housing", "phone", "draft", episode_id)
    assert note.author_id == team.counsellor.user_id and note.author_name == "Carmen Ruiz"
    assert audit_actions(team, client_id) == ["note.draft_created", "notes.read"]


def test_resuming_a_draft_after_a_pause_is_audited(team: Team) -> None:
    client_id, _ = make_client(team.ws)
    note_id = _save(team, None, client_id, "Started")
    with team.ws.unit_of_work() as uow:
        row = uow.session.get(NoteRow, note_id)
        assert row is not None
        row.updated_at = row.updated_at - notes.EDIT_SESSION_GAP - timedelta(seconds=1)
        uow.commit()
    _save(team, note_id, client_id, "Started, and continued the next day")
    _save(team, note_id, client_id, "Started, and continued the next day.")
    assert audit_actions(team, client_id) == ["note.draft_created", "note.draft_saved"]


def test_my_drafts_lists_only_my_unsigned_drafts(team: Team) -> None:
    first, _ = make_client(team.ws)
    second, _ = make_client(team.ws, given_names="Luis", family_name="Pérez")
    mine_a = _save(team, None, first, "A", actor=team.other_counsellor)
    mine_b = _save(team, None, second, "B", actor=team.other_counsellor)
    _save(team, None, first, "Someone else's", actor=team.admin)
    signed = _save(team, None, first, "Done", actor=team.other_counsellor)
    _run(team, notes.sign_note, signed, actor=team.other_counsellor)
    drafts = _run(team, notes.my_drafts, actor=team.other_counsellor)
    assert [d.id for d in drafts] == [mine_b, mine_a]
    assert {d.client_id for d in drafts} == {first, second}
    assert audit_actions(team, second)[-1] == "notes.read"


def test_only_the_author_touches_a_draft(team: Team) -> None:
    client_id, _ = make_client(team.ws)
    note_id = _save(team, None, client_id, "Private until signed")
    for intruder in (team.other_counsellor, team.admin):
        with pytest.raises(PermissionDenied):
            _save(team, note_id, client_id, "overwritten", actor=intruder)
        with pytest.raises(PermissionDenied):
            _run(team, notes.sign_note, note_id, actor=intruder)
        with pytest.raises(PermissionDenied):
            _run(team, notes.discard_draft, note_id, actor=intruder)
        with pytest.raises(NotFound):
            _run(team, notes.get_note, note_id, actor=intruder)
        assert [n.id for n in _run(team, notes.timeline, client_id, actor=intruder)] == []
    assert _run(team, notes.get_note, note_id).text == "Private until signed"


def test_discarding_a_draft_removes_it(team: Team) -> None:
    client_id, _ = make_client(team.ws)
    note_id = _save(team, None, client_id, "Oops, wrong client")
    _run(team, notes.discard_draft, note_id)
    with pytest.raises(NotFound):
        _run(team, notes.get_note, note_id)
    assert audit_actions(team, client_id) == ["note.draft_created", "note.draft_discarded"]


# --- signing and amendments ------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_signing_an_empty_note_is_refused(team: Team, text: str) -> None:
    client_id, _ = make_client(team.ws)
    note_id = _save(team, None, client_id, text)
    assert set(_errors(lambda: _run(team, notes.sign_note, note_id))) == {"text"}
    assert _run(team, notes.get_note, note_id).status == "draft"


def test_a_signed_note_is_never_changed(team: Team) -> None:
    client_id, _ = make_client(team.ws)
    note = _signed(team, client_id, "The record as signed.")
    assert note.status == "signed" and note.signed_at is not None
    assert "amendment" in _errors(lambda: _save(team, note.id, client_id, "rewritten"))["note_id"]
    assert "note_id" in _errors(lambda: _run(team, notes.sign_note, note.id))
    assert "note_id" in _errors(lambda: _run(team, notes.discard_draft, note.id))
    with pytest.raises(ValidationError):  # not even by an administrator
        _save(team, note.id, client_id, "rewritten", actor=team.admin)
    assert _run(team, notes.get_note, note.id) == note


def test_an_amendment_is_a_new_note_linked_to_the_signed_one(team: Team) -> None:
    client_id, _ = make_client(team.ws)
    original = _signed(team, client_id, "Client reported 3 days abstinent.")
    draft_id = _save(team, None, client_id, "Correction: 30 days.", amends_id=original.id, actor=team.admin)
    _save(team, draft_id, client_id, "Correction: 30 days, not 3.", amends_id=original.id, actor=team.admin)
    amendment = _run(team, notes.sign_note, draft_id, actor=team.admin)
    assert amendment.id != original.id and amendment.amends_id == original.id
    line = _run(team, notes.timeline, client_id, actor=team.other_counsellor)
    assert [n.id for n in line] == [amendment.id, original.id]
    assert line[1].amended_by == (amendment.id,)
    assert line[1].text == "Client reported 3 days abstinent." and line[1].signed_at == original.signed_at
    assert line[0].text == "Correction: 30 days, not 3."
    assert audit_actions(team, client_id)[-2] == "note.signed"


def test_amendment_links_are_checked(team: Team) -> None:
    client_id, _ = make_client(team.ws)
    other_client, _ = make_client(team.ws)
    signed = _signed(team, client_id)
    draft = _save(team, None, client_id, "still a draft")
    foreign = _signed(team, other_client)
    for target in (draft, foreign.id, 999_999):
        with pytest.raises(ValidationError) as exc:
            _save(team, None, client_id, "fix", amends_id=target)
        assert set(exc.value.errors) == {"amends_id"}
    amendment = _save(team, None, client_id, "fix", amends_id=signed.id)
    changed_link = _errors(lambda: _save(team, amendment, client_id, "fix", amends_id=None))
    assert "cannot be changed" in changed_link["amends_id"]
    assert set(_errors(lambda: _save(team, draft, client_id, "x", amends_id=signed.id))) == {"amends_id"}


# --- timeline and validation -----------------------------------------------------------


def test_timeline_is_newest_first_with_own_drafts_only(team: Team) -> None:
    client_id, _ = make_client(team.ws)
    old = _signed(team, client_id, "Old", note_date=today() - timedelta(days=20))
    new = _signed(team, client_id, "New", note_date=today() - timedelta(days=1), actor=team.admin)
    middle = _signed(team, client_id, "Middle", note_date=today() - timedelta(days=10))
    mine = _save(team, None, client_id, "My draft", note_date=today())
    theirs = _save(team, None, client_id, "Their draft", actor=team.other_counsellor)
    assert [n.id for n in _run(team, notes.timeline, client_id)] == [mine, new.id, middle.id, old.id]
    assert [n.id for n in _run(team, notes.timeline, client_id, actor=team.other_counsellor)] == [
        theirs, new.id, middle.id, old.id]
    assert audit_actions(team, client_id)[-2:] == ["notes.read", "notes.read"]


@pytest.mark.parametrize("field, kwargs", [
    ("note_type", {"note_type": "chat"}),
    ("note_type", {"note_type": ""}),
    ("note_date", {"note_date": today() + timedelta(days=1)}),
    ("note_date", {"note_date": "1899-01-01"}),
    ("note_date", {"note_date": "tomorrow"}),
    ("text", {"text": "a\x00b"}),
    ("text", {"text": "x" * (notes.TEXT_MAX + 1)}),
])
def test_bad_values_are_rejected_naming_the_field(team: Team, field: str, kwargs: dict[str, Any]) -> None:
    client_id, _ = make_client(team.ws)
    text = kwargs.pop("text", "Fine")
    assert set(_errors(lambda: _save(team, None, client_id, text, **kwargs))) == {field}


def test_episode_and_client_must_match(team: Team) -> None:
    client_id, _ = make_client(team.ws)
    other_client, other_episode = make_client(team.ws)
    assert set(_errors(lambda: _save(team, None, client_id, "x", episode_id=other_episode))) == {"episode_id"}
    note_id = _save(team, None, client_id, "x")
    assert set(_errors(lambda: _save(team, note_id, other_client, "x"))) == {"client_id"}
    with pytest.raises(NotFound):
        _save(team, None, 999_999, "x")


TEXT = st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]), max_size=500)


@settings(max_examples=25, deadline=None)
@given(draft=TEXT, final=TEXT.filter(str.strip))
def test_any_unicode_text_round_trips(team: Team, draft: str, final: str) -> None:
    client_id, _ = make_client(team.ws)
    note_id = _save(team, None, client_id, draft)
    assert _run(team, notes.get_note, note_id).text == draft
    _save(team, note_id, client_id, final)
    assert _run(team, notes.sign_note, note_id).text == final
    assert _run(team, notes.timeline, client_id, actor=team.admin)[0].text == final


# --- permissions -----------------------------------------------------------------------


Setup = Callable[[Team, str], ServiceCall]


def _on_own_draft(call: Callable[..., Any]) -> Setup:
    """A draft written by the role's own actor (by the counsellor for roles that cannot write)."""
    def setup(team: Team, role: str) -> ServiceCall:
        client_id, _ = make_client(team.ws)
        author = team.by_role()[role] if role in ALLOWED_ROLES else team.counsellor
        note_id = _save(team, None, client_id, "Draft", actor=author)
        return lambda uow, actor: call(uow, actor, note_id, client_id)
    return setup


def _on_signed(call: Callable[..., Any]) -> Setup:
    def setup(team: Team, role: str) -> ServiceCall:
        client_id, _ = make_client(team.ws)
        note_id = _signed(team, client_id).id
        return lambda uow, actor: call(uow, actor, note_id, client_id)
    return setup


PERMISSION_CALLS: dict[str, Setup] = {
    "save_draft": _on_signed(lambda uow, a, _n, c: notes.save_draft(uow, a, None, c, today(), "group", "Hi")),
    "sign_note": _on_own_draft(lambda uow, a, n, _c: notes.sign_note(uow, a, n)),
    "discard_draft": _on_own_draft(lambda uow, a, n, _c: notes.discard_draft(uow, a, n)),
    "get_note": _on_signed(lambda uow, a, n, _c: notes.get_note(uow, a, n)),
    "timeline": _on_signed(lambda uow, a, _n, c: notes.timeline(uow, a, c)),
    "my_drafts": _on_own_draft(lambda uow, a, _n, _c: notes.my_drafts(uow, a)),
}


def test_permission_table_covers_every_service() -> None:
    public = {name for name, value in vars(notes).items() if not name.startswith("_") and callable(value)
              and getattr(value, "__module__", "") == notes.__name__ and not isinstance(value, type)}
    assert public == set(PERMISSION_CALLS)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("service", sorted(PERMISSION_CALLS))
def test_permissions(team: Team, service: str, role: str) -> None:
    check_permission(team, role, PERMISSION_CALLS[service](team, role))
