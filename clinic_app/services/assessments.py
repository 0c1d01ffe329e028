"""Recovery capital: BARC-10 assessments, recorded over time for each client.

The Brief Assessment of Recovery Capital (Vilsaint et al. 2017) is ten statements answered
on a six-point agreement scale (1 strongly disagree … 6 strongly agree), total 10–60.  It
is taken at intake, at each care-plan review, at discharge and at each recovery check-up,
so a client's assessments form a time series (:func:`barc10_series`).

Two entry points:

* :func:`record_barc10` is the service the GUI calls: role check, validation, write, audit.
* :func:`add_barc10` does the same without the role check, for services that already
  checked the role and take a BARC-10 as part of their own work (intake, care-plan review,
  discharge, check-ups).  :func:`check_answers` lets such a service collect BARC-10 errors
  into its own :class:`~clinic_app.services.common.Checker`, so the form gets every problem
  at once.  :func:`check_episode` (is this episode one of this client's?) is shared with the
  progress notes.

Decisions
---------
* Answers are ``{item code: answer}`` covering all ten items of
  :data:`clinic_app.codes.BARC10_ITEM`; an answer is 1–6, a scale code or a scale label.
  A missing, unknown or out-of-range answer is reported under the item's code.  The
  stored scores are the points (1–6), so a total is always recomputable.
* The occasion is coded (:data:`BARC10_CONTEXT`: ``intake``, ``review``, ``discharge``,
  ``check_up`` and ``other`` for an assessment taken between those occasions).
* ``assessed_on`` may not be in the future nor before the client's date of birth.  An
  episode, when given, must be one of this client's episodes; a discharged episode is
  accepted (discharge and check-ups happen after or at the end of care).
* Any counsellor or administrator may record and read assessments (the sensitive-note rule
  covers family notes only).  Writes are audited as ``barc10.recorded``, reads of the series
  as ``barc10.read``, both with the client's id; the answers are not copied into the log.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from clinic_app import codes
from clinic_app.codes import BARC10_ITEM, Code, CodeList
from clinic_app.db.models import Barc10 as Barc10Row
from clinic_app.db.models import Client, Episode
from clinic_app.errors import ValidationError
from clinic_app.services import audit
from clinic_app.services.auth import Actor
from clinic_app.services.common import Checker, load_client, require_records
from clinic_app.uow import UnitOfWork

INTAKE = "intake"
REVIEW = "review"
DISCHARGE = "discharge"
CHECK_UP = "check_up"
OTHER = "other"

BARC10_CONTEXT = CodeList("barc10_context", (
    Code(INTAKE, "Intake", "Admisión"),
    Code(REVIEW, "Care-plan review", "Revisión del plan de atención"),
    Code(DISCHARGE, "Discharge", "Alta"),
    Code(CHECK_UP, "Recovery check-up", "Revisión de seguimiento"),
    Code(OTHER, "Other occasion", "Otra ocasión"),
), allows_not_known=False)
"""The occasion a BARC-10 was taken on."""


@dataclass(frozen=True)
class Barc10Result:
    """One stored assessment; ``scores`` are ``(item code, points 1–6)`` in item order."""

    id: int
    client_id: int
    episode_id: int | None
    assessed_on: date
    context: str
    scores: tuple[tuple[str, int], ...]
    total: int
    recorded_by: int

    def score(self, item: str) -> int:
        """Points given to one item (``KeyError`` for an unknown item code)."""
        return dict(self.scores)[item]


def _result(row: Barc10Row) -> Barc10Result:
    return Barc10Result(
        id=row.id,
        client_id=row.client_id,
        episode_id=row.episode_id,
        assessed_on=row.assessed_on,
        context=row.context,
        scores=tuple((item, int(row.scores[item])) for item in BARC10_ITEM.codes()),
        total=row.total,
        recorded_by=row.recorded_by,
    )


def check_answers(c: Checker, answers: Any) -> dict[str, int]:
    """Points per item from ``answers``; problems go into ``c`` keyed by item code."""
    if not isinstance(answers, Mapping):
        c.fail("answers", "Expected an answer for each of the ten BARC-10 statements.")
        return {}
    errors: dict[str, str] = {}
    points: dict[str, int] = {}
    try:
        codes.barc10_total(answers)
    except ValidationError as exc:
        errors = exc.errors
    for field, message in errors.items():
        c.fail(field, message)
    for item in BARC10_ITEM.codes():
        if item not in errors:
            points[item] = codes.barc10_score(answers[item], item)
    return points


def check_episode(uow: UnitOfWork, c: Checker, client: Client, episode_id: Any) -> Episode | None:
    """The episode ``episode_id`` (``None`` stays ``None``) if it is one of ``client``'s episodes."""
    if episode_id is None:
        return None
    episode = uow.session.get(Episode, episode_id) if isinstance(episode_id, int) else None
    if episode is None or episode.client_id != client.id:
        c.fail("episode_id", "Choose one of this client's episodes of care.")
        return None
    return episode


def _check(
    uow: UnitOfWork, c: Checker, client: Client, assessed_on: Any, answers: Any, context: Any, episode_id: int | None
) -> tuple[date | None, dict[str, int], str | None]:
    when = c.date(assessed_on, "assessed_on", past_only=True, not_before=client.date_of_birth,
                  not_before_label="the client's date of birth")
    ctx = c.code(BARC10_CONTEXT, context, "context")
    points = check_answers(c, answers)
    check_episode(uow, c, client, episode_id)
    return when, points, ctx


def add_barc10(
    uow: UnitOfWork,
    actor: Actor,
    client: Client,
    assessed_on: date | str,
    answers: Mapping[str, int | str],
    context: str,
    episode_id: int | None = None,
) -> Barc10Result:
    """Validate, store and audit one BARC-10 for ``client``; the caller has checked the role."""
    c = Checker()
    when, points, ctx = _check(uow, c, client, assessed_on, answers, context, episode_id)
    c.raise_if_any()
    assert when is not None and ctx is not None  # guaranteed by raise_if_any
    row = Barc10Row(
        client_id=client.id,
        episode_id=episode_id,
        assessed_on=when,
        context=ctx,
        scores=points,
        total=sum(points.values()),
        recorded_by=actor.user_id,
    )
    uow.session.add(row)
    uow.session.flush()
    audit.record(uow, actor, "barc10.recorded", entity="barc10", entity_id=row.id, client_id=client.id,
                 details={"context": ctx})
    return _result(row)


def record_barc10(
    uow: UnitOfWork,
    actor: Actor,
    client_id: int,
    assessed_on: date | str,
    answers: Mapping[str, int | str],
    context: str,
    episode_id: int | None = None,
) -> Barc10Result:
    """Record a BARC-10 for a client (counsellors and administrators)."""
    require_records(uow, actor)
    return add_barc10(uow, actor, load_client(uow, client_id), assessed_on, answers, context, episode_id)


def barc10_series(uow: UnitOfWork, actor: Actor, client_id: int) -> tuple[Barc10Result, ...]:
    """Every BARC-10 of a client, oldest first (the order a chart plots them)."""
    require_records(uow, actor)
    client = load_client(uow, client_id)
    rows = uow.session.execute(
        select(Barc10Row).where(Barc10Row.client_id == client.id).order_by(Barc10Row.assessed_on, Barc10Row.id)
    ).scalars()
    series = tuple(_result(row) for row in rows)
    audit.record(uow, actor, "barc10.read", entity="client", entity_id=client.id, client_id=client.id)
    return series
