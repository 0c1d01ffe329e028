"""Demo data: deterministic for a seed, every discharge reason, the shapes the dashboard and
the record screens need, the accounts, progress, permissions, and the CLI command."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from records_factory import create_team
from sqlalchemy import func, select

from clinic_app import codes, demo, workspace
from clinic_app.cli import main
from clinic_app.db.models import (
    AuditEntry,
    AuditHead,
    Barc10,
    Base,
    CarePlan,
    Checkup,
    Client,
    DischargePlan,
    FamilyMember,
    FamilyNote,
    ProgressNote,
    Setting,
    User,
)
from clinic_app.db.types import UTCDateTime
from clinic_app.errors import PermissionDenied, ValidationError
from clinic_app.services import worklists
from clinic_app.services.auth import Actor
from clinic_app.services.common import today
from clinic_app.workspace import Workspace

ADMIN_PASSWORD = "Demo-admin-pass-2026"
SKIPPED_TABLES = {AuditEntry.__tablename__, AuditHead.__tablename__, Setting.__tablename__}


@dataclass(frozen=True)
class Demo:
    ws: Workspace
    admin: Actor
    summary: demo.DemoSummary
    progress: list[tuple[int, int]]


def _install(path: Path) -> tuple[Workspace, Actor]:
    ws, admin, _code = workspace.create_installation(path, "Fundación Demo", "demo", ADMIN_PASSWORD)
    return ws, admin


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """60 demo clients, seed 3."""
    ws, admin = _install(tmp_path_factory.mktemp("demo") / "data")
    calls: list[tuple[int, int]] = []
    summary = demo.populate(ws, admin, clients=60, seed=3, progress=lambda done, total: calls.append((done, total)))
    yield Demo(ws, admin, summary, calls)
    ws.close()


def _dump(ws: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """Every record table, rows in key order, without timestamps (which record when it ran)."""
    out = {}
    with ws.unit_of_work(write=False) as uow:
        for table in Base.metadata.sorted_tables:
            if table.name in SKIPPED_TABLES:
                continue
            columns = [c for c in table.columns if not isinstance(c.type, UTCDateTime)]
            rows = uow.session.execute(select(*columns).order_by(*table.primary_key.columns)).all()
            out[table.name] = [tuple(r) for r in rows]
    return out


def test_same_seed_same_data_other_seed_other_data(tmp_path: Path) -> None:
    dumps, summaries = [], []
    for name, seed, clients in (("a", 11, 11), ("b", 11, 11), ("c", 12, 3)):
        ws, admin = _install(tmp_path / name)
        summaries.append(demo.populate(ws, admin, clients=clients, seed=seed))
        dumps.append(_dump(ws))
        ws.close()
    assert summaries[0] == summaries[1]
    assert dumps[0] == dumps[1]
    assert dumps[0]["clients"] and dumps[0]["progress_notes"] and dumps[0]["checkups"]
    assert dumps[2]["clients"] != dumps[0]["clients"][:3]
    # the first eleven clients are discharged with each reason in turn
    assert [r for r, _ in summaries[0].discharges] == list(codes.DISCHARGE_REASON.codes())


def test_summary_matches_the_database(made: Demo) -> None:
    s = made.summary
    with made.ws.unit_of_work(write=False) as uow:
        def count(model: Any, *where: Any) -> int:
            return uow.session.execute(select(func.count()).select_from(model).where(*where)).scalar_one()

        assert count(Client) == s.clients == 60
        assert count(Checkup) == s.checkups and count(Checkup, Checkup.status == "done") == s.checkups_done
        assert count(Checkup, Checkup.status == "due", Checkup.due_date < today()) == s.checkups_overdue > 0
        assert count(ProgressNote) == s.notes and count(FamilyMember) == s.family_members
        assert count(Barc10) == s.barc10 and count(CarePlan) == s.care_plan_versions
        reasons = dict(uow.session.execute(
            select(DischargePlan.reason, func.count()).where(DischargePlan.reason.is_not(None))
            .group_by(DischargePlan.reason)).all())
    assert reasons == dict(s.discharges)
    assert set(reasons) == set(codes.DISCHARGE_REASON.codes())
    assert made.progress == [(n, 60) for n in range(1, 61)]


def test_the_data_has_every_shape_the_screens_show(made: Demo) -> None:
    with made.ws.unit_of_work(write=False) as uow:
        s = uow.session
        names = " ".join(f"{g} {f}" for g, f in s.execute(select(Client.given_names, Client.family_name)))
        assert any(ch in names for ch in "áéíóúñÁÉÍÓÚÑ") and any(ch in names for ch in "ëöÓ'")
        assert set(s.execute(select(Client.preferred_language).distinct()).scalars()) == {"en", "es"}
        notes = dict(s.execute(select(ProgressNote.status, func.count()).group_by(ProgressNote.status)).all())
        assert notes.get("signed", 0) > 100 and notes.get("draft", 0) >= 1
        assert s.execute(select(func.count()).where(ProgressNote.amends_id.is_not(None))).scalar_one() >= 1
        assert s.execute(select(func.count()).where(FamilyNote.sensitive.is_(True))).scalar_one() >= 1
        assert s.execute(select(func.count()).where(FamilyMember.is_child.is_(True))).scalar_one() >= 5
        assert s.execute(select(func.count()).where(FamilyMember.safeguarding_concern.is_(True))).scalar_one() >= 1
        assert set(s.execute(select(Barc10.context).distinct()).scalars()) == {
            "intake", "review", "discharge", "check_up", "other"}
        assert set(s.execute(select(CarePlan.status).distinct()).scalars()) == {"draft", "active", "superseded"}
        assert set(s.execute(select(Checkup.status).distinct()).scalars()) == {"due", "done", "cancelled"}
        assert made.summary.readmissions >= 1
        users = {u.name: u.role for u in s.execute(select(User)).scalars()}
    assert users == {"demo": "administrator", "lucia": "counsellor", "tom": "counsellor"}
    with made.ws.unit_of_work() as uow:
        lists = {fn.__name__: fn(uow, made.admin).total for fn in (
            worklists.checkups_overdue, worklists.plan_reviews_due, worklists.without_active_plan,
            worklists.consent_missing)}
        overdue_reviews = [r for r in worklists.plan_reviews_due(uow, made.admin, limit=500).rows if r.overdue]
    assert all(lists.values()), lists
    assert overdue_reviews


def test_the_demo_counsellors_can_sign_in(made: Demo) -> None:
    ws, actor = workspace.sign_in(made.ws.paths.root, "lucia", demo.DEMO_PASSWORD)
    ws.close()
    assert actor.role == "counsellor"


def test_only_administrators_and_sane_numbers(tmp_path: Path) -> None:
    team = create_team(tmp_path / "data")
    try:
        with pytest.raises(PermissionDenied):
            demo.populate(team.ws, team.counsellor, clients=1)
        for kwargs, field in (({"clients": 0}, "clients"), ({"clients": demo.MAX_CLIENTS + 1}, "clients"),
                              ({"clients": "5"}, "clients"), ({"seed": 1.5}, "seed")):
            with pytest.raises(ValidationError) as exc:
                demo.populate(team.ws, team.admin, **kwargs)
            assert field in exc.value.errors
        with team.ws.unit_of_work(write=False) as uow:
            assert uow.session.execute(select(func.count()).select_from(Client)).scalar_one() == 0
    finally:
        team.ws.close()


def test_cli_demo_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    ws, _ = _install(tmp_path / "data")
    ws.close()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(f"{ADMIN_PASSWORD}\n".encode()), encoding="utf-8"))
    code = main(["--data-dir", str(tmp_path / "data"), "--user", "demo", "demo", "--clients", "3", "--seed", "5"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Added 3 demo clients" in out and f"password: {demo.DEMO_PASSWORD}" in out and "lucia, tom" in out
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(f"{ADMIN_PASSWORD}\n".encode()), encoding="utf-8"))
    assert main(["--data-dir", str(tmp_path / "data"), "--user", "demo", "demo", "--clients", "0"]) == 2
    assert "clients:" in capsys.readouterr().err
