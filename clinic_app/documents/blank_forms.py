"""Blank paper forms: an intake form and a care-plan form, to fill in by hand when the
computer is not available and to type into Continuum afterwards.

Both are laid out from the code lists themselves (:mod:`clinic_app.codes`), with one tick
box per code, so the paper asks exactly what the screens ask and every answer ticked on
paper has a code to be entered later.  The intake form asks its questions in the order and
with the labels of the intake summary (:data:`.record_parts.INTAKE_ITEMS`).

Decisions
---------
* Substances are one table whose four answer columns are the primary and up to three
  secondary substances: the drug, its route and its frequency are ticked in the same
  column, so a paper form cannot mix up which route goes with which drug.
* The care-plan form has one table per recovery domain with two empty goal rows; a
  goal's status is ticked from :data:`clinic_app.codes.GOAL_STATUS` in its row.
* Each form ends with signature lines and a small "for the office" box (entered into
  Continuum on / by), so a paper form that was typed in can be told from one that was not.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, TableStyle

from clinic_app import codes
from clinic_app.codes import CONSENT_KIND, DRUG, FREQUENCY, GOAL_STATUS, RECOVERY_DOMAIN, ROUTE
from clinic_app.documents import layout
from clinic_app.documents.record_parts import (
    EPISODE_ITEMS,
    INTAKE_ITEMS,
    INTAKE_TEXTS,
    PERSON_ITEMS,
    TICK,
    Letterhead,
    answer_width,
    barc10_scale_legend,
    blank_barc10_table,
    code_labels,
    extra_styles,
    heading,
    keep_together,
    lined_box,
    markup,
    paragraph,
    question_table,
    signature_block,
    subheading,
    tick_grid,
    title_block,
    write_in_boxes,
)
from clinic_app.i18n import normalise_lang, tr

#: blank goal table columns as shares of the width: goal, actions, responsible, target date, status
BLANK_GOAL_COLUMNS = (0.25, 0.29, 0.15, 0.13, 0.18)
BLANK_GOAL_ROWS = 2
GOAL_ROW_HEIGHT = 24 * mm  # room to write a goal by hand
SUBSTANCE_COLUMNS = 1 + codes.MAX_SECONDARY_DRUGS


def _questions(items: tuple[tuple[str, str, codes.CodeList], ...], lang: str,
               extra: dict[str, tuple[str, str]] | None = None) -> Flowable:
    """A question table with tick boxes for each item; ``extra[field]`` adds a write-in
    question ``(label, answer text)`` right after ``field``."""
    width = answer_width()
    rows: list[tuple[str, Flowable | str]] = []
    for field, label, code_list in items:
        rows.append((tr(label, lang), tick_grid(code_labels(code_list, lang), width)))
        if extra and field in extra:
            rows.append(extra[field])
    return question_table(rows)


def _office_box(lang: str) -> list[Flowable]:
    return [Spacer(1, 4 * mm), subheading(tr("For the office", lang)),
            write_in_boxes([[tr("Entered into Continuum on", lang), tr("By", lang)]], height=9 * mm)]


# --- intake form ------------------------------------------------------------------------------


def _substance_columns(lang: str) -> tuple[list[Any], list[float]]:
    """The header row and column widths shared by the two substance tables."""
    st = extra_styles()
    width = layout.content_width()
    tick_share = 0.13
    names = [tr("Primary", lang)] + [tr("Secondary {number}", lang, number=n) for n in range(1, SUBSTANCE_COLUMNS)]
    header: list[Any] = [""] + [Paragraph(markup(name), st["centre_bold"]) for name in names]
    return header, [width * (1 - tick_share * SUBSTANCE_COLUMNS)] + [width * tick_share] * SUBSTANCE_COLUMNS


def _substance_tables(lang: str) -> tuple[Flowable, Flowable]:
    """Two tables with the same four substance columns: which substances (one per column),
    then their route, frequency and age at first use.  Each is kept on one page."""
    st = {**layout.styles(), **extra_styles()}
    header, widths = _substance_columns(lang)

    def ticks(label: str) -> list[Any]:
        return [label] + [Paragraph(TICK, st["tick_cell"]) for _ in range(SUBSTANCE_COLUMNS)]

    def group_row(title: str) -> list[Any]:
        return [Paragraph(markup(title), st["cell_bold"])] + [""] * SUBSTANCE_COLUMNS

    def styled(rows: list[list[Any]], groups: list[int]) -> Flowable:
        table = layout.table(rows, widths)
        commands: list[tuple[Any, ...]] = [("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white])]
        for r in groups:
            commands += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), layout.STRIPE_FILL)]
        table.setStyle(TableStyle(commands))
        return keep_together([table, Spacer(1, 3 * mm)])

    drug_rows = [header, group_row(tr("Substance", lang))] + [ticks(label) for label in code_labels(DRUG, lang)]
    use_rows: list[list[Any]] = [header]
    groups: list[int] = []
    for title, code_list in ((tr("Route", lang), ROUTE), (tr("Frequency (last 30 days)", lang), FREQUENCY)):
        groups.append(len(use_rows))
        use_rows.append(group_row(title))
        use_rows += [ticks(label) for label in code_labels(code_list, lang)]
    use_rows.append([Paragraph(markup(tr("Age at first use", lang)), st["cell_bold"])]
                    + [Spacer(1, 6 * mm)] + [""] * (SUBSTANCE_COLUMNS - 1))
    return styled(drug_rows, [1]), styled(use_rows, groups)


def _consent_table(lang: str) -> Flowable:
    st = extra_styles()
    width = layout.content_width()
    rows: list[list[Any]] = [[tr("Consent", lang), tr("Given", lang), tr("Date given", lang),
                              tr("Named services", lang)]]
    for kind in CONSENT_KIND:
        rows.append([kind.label(lang), Paragraph(TICK, st["tick_cell"]), Spacer(1, 7 * mm), ""])
    table = layout.table(rows, [width * share for share in (0.36, 0.1, 0.18, 0.36)])
    table.setStyle(TableStyle([("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white])]))
    return table


def render_blank_intake(letterhead: Letterhead) -> bytes:
    """The PDF of the blank intake form, in ``letterhead.lang``."""
    lang = normalise_lang(letterhead.lang)
    title = tr("Intake form", lang)
    children = {"has_children": (tr("Number of children", lang), "")}
    drugs, use = _substance_tables(lang)
    first_box, *other_boxes = [lined_box(tr(label, lang)) for _, label in INTAKE_TEXTS]
    story: list[Flowable] = [
        *title_block(title, tr("To fill in by hand when the computer is not available", lang)),
        paragraph(tr("Enter this form into Continuum as soon as the computer is available. Tick one box for "
                     "each question unless it says otherwise, and write dates as day, month and year.", lang),
                  "note"),
        heading(tr("Personal details", lang)),
        write_in_boxes([[tr("Given names", lang), tr("Family name", lang)],
                        [tr("Date of birth", lang), tr("Client code (given by Continuum)", lang)],
                        [tr("Phone", lang), tr("E-mail", lang)],
                        [tr("Address", lang)],
                        [tr("Counsellor", lang)]]),
        Spacer(1, 3 * mm),
        _questions(PERSON_ITEMS, lang),
        heading(tr("Episode of care", lang)),
        write_in_boxes([[tr("Admission date", lang)]]),
        Spacer(1, 3 * mm),
        _questions(EPISODE_ITEMS, lang),
        heading(tr("Intake assessment", lang)),
        write_in_boxes([[tr("Assessed on", lang)]]),
        Spacer(1, 3 * mm),
        _questions(INTAKE_ITEMS, lang, children),
        keep_together([
            heading(tr("Substances", lang)),
            paragraph(tr("Each column is one substance: tick the substance, its usual route and how often it "
                         "was used in the last 30 days in the same column. Up to three secondary substances.",
                         lang), "small"),
            drugs,
        ]),
        use,
        keep_together([heading(tr("Health, legal situation and risks", lang)), first_box]),
        *other_boxes,
        keep_together([
            heading(tr("Consents", lang)),
            paragraph(tr("Tick each consent the client gives and write the date. Sharing with named services "
                         "needs the names of the services.", lang), "small"),
            _consent_table(lang),
        ]),
        keep_together([
            heading(tr("Recovery capital (BARC-10)", lang)),
            paragraph(tr("Read each statement to the client, or let them read it, and tick one box per line.",
                         lang), "small"),
            barc10_scale_legend(lang),
            blank_barc10_table(lang),
        ]),
        signature_block(lang),
        *_office_box(lang),
    ]
    return layout.build_pdf(letterhead.frame(title), story)


# --- care-plan form ---------------------------------------------------------------------------


def _blank_goal_table(lang: str) -> Flowable:
    width = layout.content_width()
    status_width = width * BLANK_GOAL_COLUMNS[-1] - 8
    header = [tr("Goal", lang), tr("Actions", lang), tr("Responsible", lang), tr("Target date", lang),
              tr("Status", lang)]
    rows: list[list[Any]] = [header]
    for _ in range(BLANK_GOAL_ROWS):
        rows.append([Spacer(1, GOAL_ROW_HEIGHT), None, None, None,
                     tick_grid(code_labels(GOAL_STATUS, lang), status_width)])
    table = layout.table(rows, [width * share for share in BLANK_GOAL_COLUMNS])
    table.setStyle(TableStyle([("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white])]))
    return table


def render_blank_care_plan(letterhead: Letterhead) -> bytes:
    """The PDF of the blank care-plan form, in ``letterhead.lang``."""
    lang = normalise_lang(letterhead.lang)
    title = tr("Care plan form", lang)
    story: list[Flowable] = [
        *title_block(title, tr("To fill in by hand when the computer is not available", lang)),
        paragraph(tr("Write the goals agreed with the client under each area of life that applies and leave "
                     "the others empty. Tick the status of each goal. Enter the plan into Continuum as soon "
                     "as the computer is available.", lang), "note"),
        write_in_boxes([[tr("Client code", lang), tr("Client", lang)],
                        [tr("Admission date", lang), tr("Plan version", lang)],
                        [tr("Review date", lang), tr("Counsellor", lang)]]),
        heading(tr("Goals", lang)),
    ]
    for domain in RECOVERY_DOMAIN:
        story.append(keep_together([subheading(domain.label(lang)), _blank_goal_table(lang)]))
    story += [
        keep_together([
            heading(tr("Recovery capital (BARC-10)", lang)),
            paragraph(tr("At a review of the plan: read each statement to the client, or let them read it, "
                         "and tick one box per line.", lang), "small"),
            write_in_boxes([[tr("Date taken", lang)]], height=9 * mm),
            Spacer(1, 2 * mm),
            barc10_scale_legend(lang),
            blank_barc10_table(lang),
        ]),
        signature_block(lang),
        *_office_box(lang),
    ]
    return layout.build_pdf(letterhead.frame(title), story)


__all__ = ["BLANK_GOAL_COLUMNS", "render_blank_care_plan", "render_blank_intake"]
