"""Test helpers for the record services: one installation with every kind of user, and
clients, episodes and intakes inserted as ORM rows directly (so tests of care plans, notes,
family, assessments, discharge and check-ups do not depend on the client services).

    team = module_team()            # in a test module: a module-scoped ``team`` fixture

    def test_x(team: Team) -> None:
        client_id, episode_id = make_client(team.ws, counsellor_id=team.counsellor.user_id)

Rows are made the way the client services would store them (valid codes, ``sort_name``,
an open episode), but without the services' validation or audit entries (no search terms
either).  Client codes are ``T-<year>-<n>``, so they never collide with codes the real
services hand out.

Shared assertions: :func:`check_permission` (one cell of a service × role permission table:
record roles succeed with a frozen result, statistics staff and deactivated accounts get
``PermissionDenied`` before anything is audited) and :func:`audit_actions` (what was audited
for a client, oldest first).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from sqlalchemy import func, select

from clinic_app import codes, workspace
from clinic_app.db.models import AuditEntry, Client, Episode, IntakeAssessment, IntakeSubstance, User
from clinic_app.errors import PermissionDenied
from clinic_app.services import accounts, audit, search
from clinic_app.services.auth import ADMINISTRATOR, COUNSELLOR, STATISTICS, Actor
from clinic_app.services.common import today
from clinic_app.uow import UnitOfWork
from clinic_app.workspace import Workspace

ORG_NAME = "Fundación Esperanza Records"
ADMIN_PASSWORD = "Admin-records-2026"
USER_PASSWORD = "Records-user-pass-2026"


@dataclass(frozen=True)
class Team:
    """An installation and one actor of each kind the permission rules distinguish."""

    data_dir: Path
    ws: Workspace
    admin: Actor
    #: the counsellor tests assign clients to
    counsellor: Actor
    #: a second counsellor, not assigned to the test clients
    other_counsellor: Actor
    stats: Actor
    #: a counsellor account that has been deactivated
    deactivated: Actor

    def by_role(self) -> dict[str, Actor]:
        """``{"admin": …, "counsellor": …, "statistics": …, "deactivated": …}`` for permission tables."""
        return {"admin": self.admin, "counsellor": self.counsellor, "statistics": self.stats,
                "deactivated": self.deactivated}


def create_team(data_dir: Path) -> Team:
    """A new installation at ``data_dir`` with an administrator, two counsellors, statistics
    staff and a deactivated counsellor."""
    ws, admin, _code = workspace.create_installation(data_dir, ORG_NAME, "admin", ADMIN_PASSWORD)
    with ws.unit_of_work() as uow:
        made = {
            name: accounts.add_user(uow, admin, name, role, USER_PASSWORD, full)
            for name, role, full in (
                ("carmen", COUNSELLOR, "Carmen Ruiz"),
                ("omar", COUNSELLOR, "Omar Haddad"),
                ("stats", STATISTICS, ""),
                ("dora", COUNSELLOR, "Dora Former"),
            )
        }
        accounts.deactivate_user(uow, admin, "dora")
        uow.commit()
    actor = {name: Actor(info.id, info.name, info.role) for name, info in made.items()}
    return Team(data_dir, ws, admin, actor["carmen"], actor["omar"], actor["stats"], actor["dora"])


def module_team() -> Callable[..., Iterator[Team]]:
    """A module-scoped ``team`` fixture: assign it to the name ``team`` in a test module."""

    @pytest.fixture(scope="module")
    def team(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Team]:
        made = create_team(tmp_path_factory.mktemp("records") / "data")
        yield made
        made.ws.close()

    return team


class MadeClient(NamedTuple):
    client_id: int
    episode_id: int


def _admin_id(session: Any) -> int:
    return session.execute(
        select(User.id).where(User.role == ADMINISTRATOR).order_by(User.id).limit(1)
    ).scalar_one()


def make_client(
    ws: Workspace,
    *,
    counsellor_id: int | None = None,
    given_names: str = "Ana María",
    family_name: str = "García López",
    date_of_birth: date = date(1988, 5, 17),
    sex: str = "female",
    gender_identity: str = "woman",
    nationality: str = "national",
    preferred_language: str = "es",
    admission_date: date | None = None,
    programme: str = "aftercare",
    created_by: int | None = None,
    intake: bool = False,
) -> MadeClient:
    """Insert a client with one open episode (admitted 60 days ago unless given); with
    ``intake=True`` also an intake assessment (see :func:`add_intake`).  Committed."""
    for code_list, value in ((codes.SEX, sex), (codes.GENDER_IDENTITY, gender_identity),
                             (codes.NATIONALITY, nationality), (codes.LANGUAGE, preferred_language)):
        code_list.validate(value, code_list.name)
    with ws.unit_of_work() as uow:
        s = uow.session
        number = s.execute(select(func.count()).select_from(Client)).scalar_one() + 1
        client = Client(
            code=f"T-{today().year}-{number:04d}",
            given_names=given_names,
            family_name=family_name,
            date_of_birth=date_of_birth,
            sex=sex,
            gender_identity=gender_identity,
            nationality=nationality,
            preferred_language=preferred_language,
            counsellor_id=counsellor_id,
            status="open",
        )
        s.add(client)
        s.flush()
        search.index_client(s, client)
        client_id = client.id
        uow.commit()
    episode_id = make_episode(
        ws, client_id,
        created_by=created_by or counsellor_id,
        admission_date=admission_date or today() - timedelta(days=60),
        programme=programme,
    )
    if intake:
        add_intake(ws, episode_id)
    return MadeClient(client_id, episode_id)


def make_episode(
    ws: Workspace,
    client_id: int,
    *,
    admission_date: date,
    created_by: int | None = None,
    programme: str = "aftercare",
    centre_type: str = "outpatient",
    referral_source: str = "self",
    previously_treated: str = "yes",
    discharge_date: date | None = None,
) -> int:
    """Insert an episode (discharged when ``discharge_date`` is given) and keep the client's
    denormalised ``status`` in step.  Committed; returns the episode id."""
    for code_list, value in ((codes.PROGRAMME, programme), (codes.TREATMENT_CENTRE, centre_type),
                             (codes.REFERRAL_SOURCE, referral_source),
                             (codes.PREVIOUSLY_TREATED, previously_treated)):
        code_list.validate(value, code_list.name)
    with ws.unit_of_work() as uow:
        s = uow.session
        episode = Episode(
            client_id=client_id,
            admission_date=admission_date,
            programme=programme,
            centre_type=centre_type,
            referral_source=referral_source,
            previously_treated=previously_treated,
            status="discharged" if discharge_date else "open",
            discharge_date=discharge_date,
            created_by=created_by or _admin_id(s),
        )
        s.add(episode)
        s.flush()
        any_open = s.execute(
            select(func.count()).select_from(Episode).where(Episode.client_id == client_id, Episode.status == "open")
        ).scalar_one()
        client = s.get(Client, client_id)
        assert client is not None
        client.status = "open" if any_open else "discharged"
        episode_id = episode.id
        uow.commit()
    return episode_id


INTAKE_DEFAULTS: dict[str, Any] = {
    "living_with": "alone",
    "living_with_children": "no",
    "has_children": "yes",
    "number_of_children": 1,
    "housing": "stable",
    "labour_status": "unemployed",
    "education": "upper_secondary",
    "injecting": "never",
    "opioid_substitution": "never",
    "tested_hiv": "tested_last_12_months",
    "tested_hcv": "tested_last_12_months",
    "tested_hbv": "not_known",
}

_INTAKE_CODES = {
    "living_with": codes.LIVING_WITH,
    "living_with_children": codes.LIVING_WITH_CHILDREN,
    "has_children": codes.HAS_CHILDREN,
    "housing": codes.HOUSING,
    "labour_status": codes.LABOUR_STATUS,
    "education": codes.EDUCATION,
    "injecting": codes.INJECTING,
    "opioid_substitution": codes.OST,
    "tested_hiv": codes.BBV_TESTING,
    "tested_hcv": codes.BBV_TESTING,
    "tested_hbv": codes.BBV_TESTING,
}


def add_intake(
    ws: Workspace,
    episode_id: int,
    *,
    assessed_on: date | None = None,
    substances: tuple[tuple[str, str, str, int | None], ...] = (("heroin", "smoke_inhale", "daily", 19),),
    **overrides: Any,
) -> int:
    """Insert an intake assessment for an episode: :data:`INTAKE_DEFAULTS` with ``overrides``,
    and ``substances`` as ``(drug, route, frequency, age at first use)``, primary first.
    ``assessed_on`` defaults to the admission date.  Committed; returns the intake id."""
    settable = {c.key for c in IntakeAssessment.__table__.columns} - {"id", "episode_id", "assessed_on"}
    unknown = set(overrides) - settable
    if unknown:
        raise TypeError(f"unknown intake fields: {sorted(unknown)}")
    values = {**INTAKE_DEFAULTS, **overrides}
    for name, code_list in _INTAKE_CODES.items():
        code_list.validate(values[name], name)
    with ws.unit_of_work() as uow:
        s = uow.session
        episode = s.get(Episode, episode_id)
        assert episode is not None
        intake = IntakeAssessment(episode_id=episode_id, assessed_on=assessed_on or episode.admission_date,
                                  **values)
        s.add(intake)
        s.flush()
        for rank, (drug, route, frequency, age) in enumerate(substances, start=1):
            s.add(IntakeSubstance(intake_id=intake.id, rank=rank, substance=codes.DRUG.validate(drug, "substance"),
                                  route=codes.ROUTE.validate(route, "route"),
                                  frequency=codes.FREQUENCY.validate(frequency, "frequency"), age_first_use=age))
        intake_id = intake.id
        uow.commit()
    return intake_id


# --- shared assertions -----------------------------------------------------------------

ALLOWED_ROLES = ("admin", "counsellor")
DENIED_ROLES = ("statistics", "deactivated")
ROLES = ALLOWED_ROLES + DENIED_ROLES

ServiceCall = Callable[[UnitOfWork, Actor], object]


def _audit_seq(uow: UnitOfWork) -> int:
    return uow.session.execute(select(func.coalesce(func.max(AuditEntry.seq), 0))).scalar_one()


def _assert_frozen_result(result: object) -> None:
    """A service returns frozen dataclasses (or tuples of them), a plain id, or nothing."""
    items = result if isinstance(result, tuple) else (result,)
    for item in items:
        if item is None or isinstance(item, int):
            continue
        assert dataclasses.is_dataclass(item) and not isinstance(item, type), f"{item!r} is not a dataclass"
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(item, dataclasses.fields(item)[0].name, None)


def check_permission(team: Team, role: str, call: ServiceCall) -> None:
    """Run ``call`` as ``role``: record roles succeed (and get a frozen result); statistics
    staff and deactivated accounts get ``PermissionDenied`` before anything is written."""
    actor = team.by_role()[role]
    with team.ws.unit_of_work() as uow:
        before = _audit_seq(uow)
        if role in DENIED_ROLES:
            with pytest.raises(PermissionDenied):
                call(uow, actor)
            assert _audit_seq(uow) == before
        else:
            _assert_frozen_result(call(uow, actor))
            uow.commit()


def audit_actions(team: Team, client_id: int) -> list[str]:
    """The actions audited for a client, oldest first."""
    with team.ws.unit_of_work(write=False) as uow:
        rows = audit.list_entries(uow, team.admin, client_id=client_id, limit=10_000)
    return [row.action for row in reversed(rows)]
