"""The printed intake summary of one episode of care.

Contents: personal details (code, names, date of birth, the coded personal items, contact
details, counsellor), the episode (admission date and the coded episode items), the intake
assessment (every coded item of :data:`.record_parts.INTAKE_ITEMS` with its label in the
document's language, the number of children, the substances used, and the free-text
health, legal and risk notes), the consents recorded, the BARC-10 taken at intake, and
signature lines for the client and the counsellor.

Decisions
---------
* Items are printed in the same order, with the same labels, as the blank intake form
  (:mod:`.blank_forms`), so the paper form and its summary can be read side by side.
* Every consent ever recorded is listed, with the date it was withdrawn if it was: the
  summary is a record, and a withdrawn consent is part of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable

from clinic_app.codes import CONSENT_KIND, DRUG, FREQUENCY, ROUTE
from clinic_app.documents import layout
from clinic_app.documents.record_parts import (
    EMPTY,
    EPISODE_ITEMS,
    INTAKE_ITEMS,
    INTAKE_TEXTS,
    PERSON_ITEMS,
    Letterhead,
    barc10_scale_legend,
    barc10_table,
    day,
    details_grid,
    find_episode,
    heading,
    keep_together,
    paragraph,
    signature_block,
    text_section,
    title_block,
)
from clinic_app.i18n import format_date, normalise_lang, tr
from clinic_app.services.assessments import Barc10Result
from clinic_app.services.clients import ClientRecord
from clinic_app.services.consents import ConsentRecord
from clinic_app.services.episodes import EpisodeRecord, IntakeRecord, SubstanceRecord


def _person(client: ClientRecord, lang: str) -> list[Flowable]:
    items = [
        (tr("Given names", lang), client.given_names),
        (tr("Family name", lang), client.family_name),
        (tr("Client code", lang), client.code),
        (tr("Date of birth", lang), day(client.date_of_birth, lang)),
        *[(tr(label, lang), code_list.label(getattr(client, field), lang))
          for field, label, code_list in PERSON_ITEMS],
        (tr("Counsellor", lang), client.counsellor_name or ""),
        (tr("Phone", lang), client.phone),
        (tr("E-mail", lang), client.email),
    ]
    return [heading(tr("Personal details", lang)), details_grid(items),
            details_grid([(tr("Address", lang), client.address)], columns=1)]


def _episode(episode: EpisodeRecord, lang: str) -> list[Flowable]:
    items = [(tr("Admission date", lang), day(episode.admission_date, lang))]
    items += [(tr(label, lang), code_list.label(getattr(episode, field), lang))
              for field, label, code_list in EPISODE_ITEMS]
    items.append((tr("Discharge date", lang), day(episode.discharge_date, lang)))
    return [heading(tr("Episode of care", lang)), details_grid(items)]


def _substance_rank(substance: SubstanceRecord, lang: str) -> str:
    if substance.rank == 1:
        return tr("Primary", lang)
    return tr("Secondary {number}", lang, number=substance.rank - 1)


def _substances(substances: Sequence[SubstanceRecord], lang: str) -> Flowable:
    width = layout.content_width()
    rows: list[list[Any]] = [[tr("Substance", lang), "", tr("Route", lang), tr("Frequency (last 30 days)", lang),
                              tr("Age at first use", lang)]]
    for s in substances:
        rows.append([_substance_rank(s, lang), DRUG.label(s.drug, lang), ROUTE.label(s.route, lang),
                     FREQUENCY.label(s.frequency, lang),
                     str(s.age_first_use) if s.age_first_use is not None else EMPTY])
    table = layout.table(rows, [width * share for share in (0.14, 0.26, 0.2, 0.24, 0.16)])
    table.setStyle([("SPAN", (0, 0), (1, 0))])
    return table


def _assessment(intake: IntakeRecord | None, lang: str) -> list[Flowable]:
    story: list[Flowable] = [heading(tr("Intake assessment", lang))]
    if intake is None:
        return story + [paragraph(tr("No intake assessment has been recorded for this episode.", lang), "empty")]
    items = [(tr("Assessed on", lang), day(intake.assessed_on, lang))]
    for field, label, code_list in INTAKE_ITEMS:
        items.append((tr(label, lang), code_list.label(getattr(intake, field), lang)))
        if field == "has_children":
            children = intake.number_of_children
            items.append((tr("Number of children", lang), str(children) if children is not None else ""))
    story += [details_grid(items), heading(tr("Substances", lang)), _substances(intake.substances, lang),
              heading(tr("Health, legal situation and risks", lang))]
    for field, label in INTAKE_TEXTS:
        story += text_section(tr(label, lang), getattr(intake, field), lang)
    return story


def _consents(consents: Sequence[ConsentRecord], lang: str) -> list[Flowable]:
    story: list[Flowable] = [heading(tr("Consents", lang))]
    if not consents:
        return story + [paragraph(tr("No consent has been recorded.", lang), "empty")]
    width = layout.content_width()
    rows: list[list[Any]] = [[tr("Consent", lang), tr("Named services", lang), tr("Given on", lang),
                              tr("Withdrawn on", lang)]]
    rows += [[CONSENT_KIND.label(c.kind, lang), c.scope, day(c.given_on, lang),
              day(c.withdrawn_on, lang) if c.withdrawn_on else ""] for c in consents]
    return story + [layout.table(rows, [width * share for share in (0.34, 0.34, 0.16, 0.16)])]


def _barc10(barc10: Barc10Result | None, lang: str) -> list[Flowable]:
    title = heading(tr("Recovery capital (BARC-10)", lang))
    if barc10 is None:
        return [title, paragraph(tr("No BARC-10 was taken at intake.", lang), "empty")]
    return [keep_together([title, barc10_scale_legend(lang),
                          barc10_table([(tr("At intake", lang), barc10)], lang)])]


def render_intake_summary(letterhead: Letterhead, client: ClientRecord, episode_id: int,
                          barc10: Barc10Result | None = None) -> bytes:
    """The PDF of the intake summary of ``client``'s episode ``episode_id``.

    ``barc10`` is the assessment taken at intake, if any.
    """
    lang = normalise_lang(letterhead.lang)
    title = tr("Intake summary", lang)
    episode = find_episode(client, episode_id)
    story: list[Flowable] = [
        *title_block(title, f"{client.code} · " + tr("Admitted on {date}", lang,
                                                      date=format_date(episode.admission_date, lang))),
        *_person(client, lang),
        *_episode(episode, lang),
        *_assessment(episode.intake, lang),
        *_consents(client.consents, lang),
        *_barc10(barc10, lang),
        signature_block(lang),
    ]
    return layout.build_pdf(letterhead.frame(title), story)


__all__ = ["render_intake_summary"]
