"""The printed discharge summary of one episode of care.

Contents: the client and the episode (admission, planned and actual discharge dates, the
reason for discharge); the care-plan goals that were achieved; the aftercare arrangements;
the referrals with their contact details; the relapse-prevention plan; the recovery
check-up dates; and signature lines for the client and the counsellor.

Decisions
---------
* An episode that is not discharged yet prints as the discharge plan so far, with a notice
  saying so, and check-ups are described as "scheduled at discharge" (they do not exist
  until then).
* "Goals achieved" come from the care plan in force at discharge (the active version; a
  plan of a discharged episode no longer changes).  The count of all its goals is given
  beside them so that nothing reads as more than it was.
* Check-ups show when each is due, and its outcome once recorded (or that it is still
  pending, or was cancelled because the client came back into care).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable

from clinic_app.codes import CHECKUP_OUTCOME, DISCHARGE_REASON, GOAL_STATUS, PROGRAMME, RECOVERY_DOMAIN
from clinic_app.documents import layout
from clinic_app.documents.record_parts import (
    EMPTY,
    Letterhead,
    client_name,
    day,
    details_grid,
    find_episode,
    heading,
    paragraph,
    signature_block,
    text_section,
    title_block,
)
from clinic_app.i18n import format_date, normalise_lang, tr
from clinic_app.services.care_plans import CarePlan
from clinic_app.services.clients import ClientRecord
from clinic_app.services.discharge import DischargePlanInfo
from clinic_app.services.episodes import EpisodeRecord
from clinic_app.services.followups import CANCELLED, DONE, CheckupInfo

ACHIEVED = "achieved"


def _episode_details(client: ClientRecord, episode: EpisodeRecord, plan: DischargePlanInfo | None,
                     lang: str) -> list[tuple[str, str]]:
    reason = plan.reason if plan is not None else None
    return [
        (tr("Client", lang), client_name(client)),
        (tr("Client code", lang), client.code),
        (tr("Date of birth", lang), day(client.date_of_birth, lang)),
        (tr("Programme", lang), PROGRAMME.label(episode.programme, lang)),
        (tr("Admission date", lang), day(episode.admission_date, lang)),
        (tr("Counsellor", lang), client.counsellor_name or ""),
        (tr("Planned discharge date", lang), day(plan.planned_date if plan else None, lang)),
        (tr("Discharge date", lang), day(episode.discharge_date, lang)),
        (tr("Reason for discharge", lang), DISCHARGE_REASON.label(reason, lang) if reason else EMPTY),
    ]


def _goals_section(care_plan: CarePlan | None, lang: str) -> list[Flowable]:
    story: list[Flowable] = [heading(tr("Goals achieved", lang))]
    if care_plan is None or not care_plan.goals:
        return story + [paragraph(tr("No care plan was in force for this episode.", lang), "empty")]
    achieved = [g for g in care_plan.goals if g.status == ACHIEVED]
    story.append(paragraph(tr("Goals achieved: {achieved} of {total} (care plan, version {version}).", lang,
                              achieved=len(achieved), total=len(care_plan.goals), version=care_plan.version),
                           "small"))
    if not achieved:
        return story
    width = layout.content_width()
    rows: list[list[Any]] = [[tr("Area of life", lang), tr("Goal", lang), tr("Actions", lang)]]
    order = {code: i for i, code in enumerate(RECOVERY_DOMAIN.codes())}
    for goal in sorted(achieved, key=lambda g: (order.get(g.domain, len(order)), g.position)):
        rows.append([RECOVERY_DOMAIN.label(goal.domain, lang), goal.goal, goal.actions])
    story.append(layout.table(rows, [width * 0.22, width * 0.38, width * 0.40]))
    others = [g for g in care_plan.goals if g.status != ACHIEVED]
    if others:
        parts = [f"{GOAL_STATUS.label(code, lang)}: {sum(1 for g in others if g.status == code)}"
                 for code in GOAL_STATUS.codes() if any(g.status == code for g in others)]
        story.append(paragraph(tr("Other goals", lang) + " — " + ", ".join(parts), "small"))
    return story


def _referrals_section(plan: DischargePlanInfo | None, lang: str) -> list[Flowable]:
    story: list[Flowable] = [heading(tr("Referrals", lang))]
    if plan is None or not plan.referrals:
        return story + [paragraph(tr("No referrals were made.", lang), "empty")]
    width = layout.content_width()
    rows: list[list[Any]] = [[tr("Service", lang), tr("Contact details", lang), tr("Notes", lang)]]
    rows += [[r.service, r.contact, r.notes] for r in plan.referrals]
    return story + [layout.table(rows, [width * 0.3, width * 0.35, width * 0.35])]


def _checkup_state(checkup: CheckupInfo, lang: str) -> str:
    if checkup.status == DONE:
        outcome = CHECKUP_OUTCOME.label(checkup.outcome, lang) if checkup.outcome else EMPTY
        when = format_date(checkup.completed_on, lang) if checkup.completed_on else EMPTY
        return tr("{outcome} (on {date})", lang, outcome=outcome, date=when)
    if checkup.status == CANCELLED:
        return tr("Cancelled: the client came back into care", lang)
    return tr("Pending", lang)


def _checkups_section(episode: EpisodeRecord, checkups: Sequence[CheckupInfo], lang: str
                      ) -> list[Flowable]:
    story: list[Flowable] = [heading(tr("Recovery check-ups", lang))]
    if episode.discharge_date is None:
        return story + [paragraph(tr("Recovery check-ups are scheduled when the episode is discharged.",
                                     lang), "empty")]
    if not checkups:
        return story + [paragraph(tr("No recovery check-ups are scheduled.", lang), "empty")]
    story.append(paragraph(tr("We will get in touch around these dates to hear how you are doing.", lang),
                           "body"))
    width = layout.content_width()
    rows: list[list[Any]] = [[tr("Check-up", lang), tr("Date", lang), tr("Outcome", lang)]]
    for checkup in sorted(checkups, key=lambda c: (c.due_date, c.id)):
        rows.append([tr("{months} months after discharge", lang, months=checkup.months_after),
                     format_date(checkup.due_date, lang), _checkup_state(checkup, lang)])
    return story + [layout.table(rows, [width * 0.35, width * 0.2, width * 0.45])]


def render_discharge_summary(letterhead: Letterhead, client: ClientRecord, episode_id: int,
                             plan: DischargePlanInfo | None, care_plan: CarePlan | None,
                             checkups: Sequence[CheckupInfo] = ()) -> bytes:
    """The PDF of the discharge summary of ``client``'s episode ``episode_id``.

    ``plan`` is the episode's discharge plan (``None`` if none was written), ``care_plan``
    the plan in force at discharge (or ``None``), ``checkups`` the episode's check-ups.
    """
    lang = normalise_lang(letterhead.lang)
    title = tr("Discharge summary", lang)
    episode = find_episode(client, episode_id)
    status = (tr("Discharged on {date}", lang, date=format_date(episode.discharge_date, lang))
              if episode.discharge_date else tr("Not discharged yet", lang))
    story: list[Flowable] = [*title_block(title, f"{client.code} · {status}"),
                             details_grid(_episode_details(client, episode, plan, lang))]
    if episode.discharge_date is None:
        story.append(paragraph(tr("This episode of care has not been discharged yet: this is the discharge "
                                  "plan as it stands.", lang), "note"))
    story += _goals_section(care_plan, lang)
    story += [heading(tr("After discharge", lang)),
              *text_section(tr("Aftercare arrangements", lang), plan.aftercare if plan else "", lang),
              *text_section(tr("Relapse-prevention plan", lang), plan.relapse_prevention if plan else "",
                            lang)]
    story += _referrals_section(plan, lang)
    story += _checkups_section(episode, checkups, lang)
    story.append(signature_block(lang))
    return layout.build_pdf(letterhead.frame(title), story)


__all__ = ["render_discharge_summary"]
