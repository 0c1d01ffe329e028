"""The printed care plan: one version of an episode's plan, for the client and the file.

Contents, in order: the client (code and name), the episode, the plan's version, status and
review date, and the counsellor; a notice when the version is a draft or superseded; the
goals grouped by recovery domain (in the order of :data:`clinic_app.codes.RECOVERY_DOMAIN`),
one table per domain with goal, actions, who is responsible, target date and status; the
BARC-10 at intake and the latest one of the episode; and signature and date lines for the
client and the counsellor, with the signatures already recorded noted above them.

Decisions
---------
* The table header repeats on every page a domain's goals run onto, and a goal taller than
  a page is split rather than cut (both from :func:`.layout.table`), so a long plan never
  loses text.
* BARC-10 "at intake" is the episode's assessment taken at intake (else its first one);
  "latest" is its most recent one, shown only when it is another assessment.  Assessments
  recorded without an episode count when dated inside the episode.
* The PDF title is "Care plan" in the document's language: never the client's name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable

from clinic_app.codes import CARE_PLAN_STATUS, GOAL_STATUS, RECOVERY_DOMAIN
from clinic_app.documents import layout
from clinic_app.documents.record_parts import (
    EMPTY,
    Letterhead,
    barc10_scale_legend,
    barc10_table,
    client_name,
    day,
    details_grid,
    episode_text,
    find_episode,
    heading,
    keep_together,
    paragraph,
    signature_block,
    subheading,
    title_block,
)
from clinic_app.i18n import format_date, normalise_lang, tr
from clinic_app.services.assessments import INTAKE, Barc10Result
from clinic_app.services.care_plans import ACTIVE, DRAFT, SUPERSEDED, CarePlan, Goal
from clinic_app.services.clients import ClientRecord
from clinic_app.services.episodes import EpisodeRecord

#: goal table columns as shares of the width: goal, actions, responsible, target date, status
GOAL_COLUMNS = (0.27, 0.31, 0.16, 0.13, 0.13)


def episode_barc10(series: Sequence[Barc10Result], episode: EpisodeRecord) -> list[Barc10Result]:
    """The assessments of ``series`` that belong to ``episode``, oldest first."""

    def inside(result: Barc10Result) -> bool:
        if result.episode_id is not None:
            return result.episode_id == episode.id
        ends = episode.discharge_date
        return result.assessed_on >= episode.admission_date and (ends is None or result.assessed_on <= ends)

    return sorted((r for r in series if inside(r)), key=lambda r: (r.assessed_on, r.id))


def intake_and_latest(series: Sequence[Barc10Result], episode: EpisodeRecord
                      ) -> tuple[Barc10Result | None, Barc10Result | None]:
    """The episode's BARC-10 at intake and its latest one (``None`` when there is no other)."""
    mine = episode_barc10(series, episode)
    if not mine:
        return None, None
    first = next((r for r in mine if r.context == INTAKE), mine[0])
    latest = mine[-1]
    return first, (latest if latest.id != first.id else None)


def _goal_table(goals: Sequence[Goal], lang: str) -> Flowable:
    width = layout.content_width()
    header = [tr("Goal", lang), tr("Actions", lang), tr("Responsible", lang), tr("Target date", lang),
              tr("Status", lang)]
    rows: list[list[Any]] = [header]
    for goal in goals:
        rows.append([
            goal.goal,
            goal.actions,
            goal.responsible,
            day(goal.target_date, lang) if goal.target_date else "",
            GOAL_STATUS.label(goal.status, lang),
        ])
    return layout.table(rows, [width * share for share in GOAL_COLUMNS])


def _status_summary(goals: Sequence[Goal], lang: str) -> str:
    counts = {code: sum(1 for g in goals if g.status == code) for code in GOAL_STATUS.codes()}
    parts = [f"{GOAL_STATUS.label(code, lang)}: {n}" for code, n in counts.items() if n]
    count = tr("1 goal", lang) if len(goals) == 1 else tr("{count} goals", lang, count=len(goals))
    return f"{count} ({', '.join(parts)})"


def _status_text(plan: CarePlan, lang: str) -> str:
    text = CARE_PLAN_STATUS.label(plan.status, lang)
    if plan.status == ACTIVE and plan.activated_at is not None:
        text += " " + tr("since {date}", lang, date=format_date(plan.activated_at.astimezone(), lang))
    return text


def _notices(plan: CarePlan, lang: str) -> list[Flowable]:
    if plan.status == DRAFT:
        return [paragraph(tr("Draft: this version is not in force yet. It may still change before "
                             "it is agreed and signed.", lang), "note")]
    if plan.status == SUPERSEDED:
        when = plan.superseded_at.astimezone() if plan.superseded_at else None
        return [paragraph(tr("Superseded on {date}: this is not the current version of the plan.", lang,
                             date=day(when.date() if when else None, lang)), "note")]
    return []


def _goals_section(plan: CarePlan, lang: str) -> list[Flowable]:
    story: list[Flowable] = [heading(tr("Goals", lang))]
    if not plan.goals:
        return story + [paragraph(tr("This version of the plan has no goals yet.", lang), "empty")]
    story.append(paragraph(_status_summary(plan.goals, lang), "small"))
    for domain in RECOVERY_DOMAIN:
        goals = [g for g in plan.goals if g.domain == domain.code]
        if goals:
            story += [subheading(domain.label(lang)), _goal_table(goals, lang)]
    # A goal whose domain is not (or no longer) in the code list still prints.
    others = [g for g in plan.goals if g.domain not in RECOVERY_DOMAIN]
    if others:
        story += [subheading(tr("Other area", lang)), _goal_table(others, lang)]
    return story


def _barc10_section(series: Sequence[Barc10Result], episode: EpisodeRecord, lang: str) -> list[Flowable]:
    title = heading(tr("Recovery capital (BARC-10)", lang))
    first, latest = intake_and_latest(series, episode)
    if first is None:
        return [title, paragraph(tr("No BARC-10 has been recorded in this episode.", lang), "empty")]
    first_heading = tr("At intake", lang) if first.context == INTAKE else tr("First assessment", lang)
    columns = [(first_heading, first)] + ([(tr("Latest", lang), latest)] if latest else [])
    return [keep_together([title, barc10_scale_legend(lang), barc10_table(columns, lang)])]


def _signature_notes(plan: CarePlan, signed_by: str | None, lang: str) -> list[str]:
    notes = []
    if plan.client_signed_on is not None:
        notes.append(tr("The client's signature was recorded on {date}.", lang,
                        date=format_date(plan.client_signed_on, lang)))
    if plan.counsellor_signed_on is not None:
        notes.append(tr("The counsellor's signature was recorded on {date} ({name}).", lang,
                        date=format_date(plan.counsellor_signed_on, lang), name=signed_by or EMPTY))
    return notes


def render_care_plan(letterhead: Letterhead, client: ClientRecord, plan: CarePlan,
                     barc10: Sequence[Barc10Result] = (), signed_by: str | None = None) -> bytes:
    """The PDF of one version of a care plan.

    ``client`` must hold the plan's episode; ``barc10`` is the client's BARC-10 series (any
    order; only the episode's assessments are used); ``signed_by`` is the name of the user
    whose counsellor signature is recorded on the plan.
    """
    lang = normalise_lang(letterhead.lang)
    title = tr("Care plan", lang)
    episode = find_episode(client, plan.episode_id)
    details = [
        (tr("Client", lang), client_name(client)),
        (tr("Client code", lang), client.code),
        (tr("Date of birth", lang), day(client.date_of_birth, lang)),
        (tr("Episode of care", lang), episode_text(episode, lang)),
        (tr("Plan version", lang), str(plan.version)),
        (tr("Status", lang), _status_text(plan, lang)),
        (tr("Review date", lang), day(plan.review_date, lang)),
        (tr("Counsellor", lang), client.counsellor_name or ""),
        (tr("Created on", lang), day(plan.created_at.astimezone().date(), lang)),
    ]
    story: list[Flowable] = [
        *title_block(title, " · ".join([client.code, tr("Version {version}", lang, version=plan.version),
                                         CARE_PLAN_STATUS.label(plan.status, lang)])),
        details_grid(details),
        *_notices(plan, lang),
        *_goals_section(plan, lang),
        *_barc10_section(barc10, episode, lang),
        signature_block(lang, _signature_notes(plan, signed_by, lang)),
    ]
    return layout.build_pdf(letterhead.frame(title), story)


__all__ = ["GOAL_COLUMNS", "episode_barc10", "intake_and_latest", "render_care_plan"]
