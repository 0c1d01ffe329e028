"""Valid inputs for the client services (intake, episodes), shared by the client, intake,
search and import tests.  Each builder takes keyword overrides of any field.

    result = register(team.ws, team.counsellor, client={"family_name": "Núñez"})
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from clinic_app.db.models import Client, Episode
from clinic_app.services.auth import Actor
from clinic_app.services.consents import ConsentGiven
from clinic_app.services.clients import ClientDetails
from clinic_app.services.episodes import DISCHARGED, EpisodeDetails, IntakeDetails, SubstanceUse, sync_client_status
from clinic_app.services.intake import IntakeResult, register_client
from clinic_app.workspace import Workspace

DOB = date(1990, 4, 2)
ADMISSION = date(2025, 3, 10)


def client_details(**overrides: Any) -> ClientDetails:
    base = ClientDetails(given_names="María José", family_name="Núñez", date_of_birth=DOB, sex="female",
                         gender_identity="woman", nationality="national", phone="+34 600 000 000",
                         email="maria@example.org", address="Calle Mayor 1\nMadrid", preferred_language="es")
    return dataclasses.replace(base, **overrides)


def episode_details(**overrides: Any) -> EpisodeDetails:
    base = EpisodeDetails(admission_date=ADMISSION, programme="aftercare", centre_type="outpatient",
                          referral_source="self", previously_treated="yes")
    return dataclasses.replace(base, **overrides)


def intake_details(**overrides: Any) -> IntakeDetails:
    base = IntakeDetails(
        living_with="alone", living_with_children="no", has_children="yes", housing="stable",
        labour_status="unemployed", education="upper_secondary", injecting="never", opioid_substitution="never",
        tested_hiv="tested_last_12_months", tested_hcv="tested_earlier", tested_hbv="not_known",
        primary=SubstanceUse("heroin", "smoke_inhale", "daily", 19),
        secondary=(SubstanceUse("cannabis", "smoke_inhale", "days_2_3_week", 15),),
        number_of_children=2,
    )
    return dataclasses.replace(base, **overrides)


def register(ws: Workspace, actor: Actor, *, client: Mapping[str, Any] | None = None,
             episode: Mapping[str, Any] | None = None, intake: Mapping[str, Any] | None = None,
             consents: Sequence[ConsentGiven] = (), barc10: Mapping[str, int | str] | None = None) -> IntakeResult:
    """Register a client through the real intake service and commit."""
    with ws.unit_of_work() as uow:
        result = register_client(uow, actor, client_details(**(client or {})), episode_details(**(episode or {})),
                                 intake_details(**(intake or {})), consents, barc10)
        uow.commit()
    return result


def discharge_directly(ws: Workspace, episode_id: int, on: date) -> None:
    """Mark an episode discharged as the discharge service would (rows only: that service is
    not this module's subject)."""
    with ws.unit_of_work() as uow:
        episode = uow.session.get(Episode, episode_id)
        assert episode is not None
        episode.status, episode.discharge_date = DISCHARGED, on
        client = uow.session.get(Client, episode.client_id)
        assert client is not None
        sync_client_status(uow, client)
        uow.commit()
