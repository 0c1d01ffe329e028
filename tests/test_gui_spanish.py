"""The main screens in Spanish, looked at: pictures for the README, and what they must not show.

(The accessibility walk of every screen and dialog runs in Spanish too: ``test_accessibility``.)

One installation with demonstration records (:func:`clinic_app.demo.populate`: Spanish- and
English-speaking clients with intakes, plans, notes, discharges and check-ups) is shown with
the Spanish catalogue installed, in a 1280×800 window, the way a Spanish-speaking
organisation meets it: the sign-in window, Today, Clients with a record open (Overview, Care
plan, Notes, Follow-up), Reports, Administration › Backups, the setup wizard's backup page
and the print preview of a care plan.  The record shown is a Spanish-speaking client's, so
what the counsellors typed is Spanish too (the client list still holds English-speaking
clients' names: those are names, not texts to translate).

Each picture is written by ``gui_helpers.save_screenshot`` as ``es-<screen>.png`` into
``CONTINUUM_SCREENSHOTS``; the README's pictures are refreshed with
``CONTINUUM_SCREENSHOTS=docs/images/es pytest tests/test_gui_spanish.py``.

Checked on every screen (so a picture nobody looks at again still cannot go wrong silently):

- **Nothing left in English.**  No label, button, group title, tab, column title, table
  cell, list item, combo box item, placeholder, tooltip, menu or window title shows an
  English text that has a different Spanish one: a source text of the Qt catalogue, an
  English label of a coded answer (``clinic_app.codes``), or a core message
  (``clinic_app.i18n_es``).  Texts are compared without their ``&`` and a trailing colon
  or ellipsis.
- **Nothing clipped** (``test_accessibility.clipped_text``): every label, button and column
  title fits the room the layout gives it, and no screen makes the window wider than 1280 px.

And in the catalogue: a Spanish sentence that quotes a label of the window (“Back up now”,
Administration › Backups) quotes that label's Spanish (“Hacer copia ahora”, Administración ›
Copias de seguridad), so a relabelled button cannot leave the help pointing at a name the
window no longer shows.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import ADMIN_PASSWORD
from gui_helpers import save_screenshot
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTabBar,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot
from test_accessibility import activate, clipped_text, fill_setup_page, idle, lang, show_client  # noqa: F401 - lang
from test_gui_print import wait_drawn
from test_gui_shell import _configured_app, _gui_settings, runner  # noqa: F401 - shared GUI fixtures

from clinic_app import codes, demo, workspace
from clinic_app.backup import archive, destination
from clinic_app.i18n_es import CATALOGUE
from clinic_app.services import care_plans, clients, followups, notes, search
from clinic_app.services.auth import Actor
from clinic_app.services.followups import DUE
from clinic_app.workspace import Workspace
from ui.admin.page import AdministrationPage
from ui.client_record.care_plan import CarePlanTab
from ui.client_record.followup import FollowupTab
from ui.client_record.notes import NotesTab
from ui.client_record.overview import OverviewTab
from ui.main_window import MainWindow
from ui.navigation import TODAY
from ui.print_preview import PrintPreview
from ui.reports.page import ReportsPage
from ui.session import Session
from ui.setup_wizard import SetupWizard
from ui.sign_in import SignInDialog
from ui.tasks import TaskRunner

CATALOGUE_TS = Path(__file__).resolve().parent.parent / "ui" / "resources" / "translations" / "continuum_es.ts"
SIZE = (1280, 800)
ORGANISATION = "Asociación Renacer"
DEMO_CLIENTS = 24
#: how many rows of a table or list are read for English left in it
ROWS_READ = 40
SPANISH = pytest.mark.parametrize("lang", ["es"], indirect=True)


# --- what English would look like -------------------------------------------------------------------
def plain(text: str) -> str:
    """``text`` as compared: no accelerator ``&``, no markup, no trailing colon or ellipsis, one line."""
    text = re.sub(r"<[^>]+>", " ", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split()).rstrip(":…").strip()


def english_texts() -> frozenset[str]:
    """Every English text whose Spanish differs: catalogue sources, coded answers, core messages."""
    pairs: list[tuple[str, str]] = []
    for message in ET.parse(CATALOGUE_TS).getroot().iter("message"):
        pairs.append((message.findtext("source") or "", message.findtext("translation") or ""))
    for value in vars(codes).values():
        if isinstance(value, codes.CodeList):
            pairs += [(code.label("en"), code.label("es")) for code in value]
    pairs += CATALOGUE.items()
    return frozenset(plain(en) for en, es in pairs
                     if plain(en) != plain(es) and re.search(r"[^\W\d_]{2}", plain(en)) and "{" not in en)


ENGLISH = english_texts()


def model_texts(model: QAbstractItemModel, parent: QModelIndex = QModelIndex(), depth: int = 0) -> Iterator[str]:
    """Column titles and the first rows' cells (tree children one level down) of ``model``."""
    flat = isinstance(model, (QAbstractListModel, QAbstractTableModel))  # (their tree methods are private)
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    for column in range(columns):
        yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(min(model.rowCount(parent), ROWS_READ)):
        for column in range(columns):
            index = model.index(row, column, parent)
            yield str(model.data(index) or "")
            yield str(model.data(index, Qt.ItemDataRole.ToolTipRole) or "")
            if depth == 0 and column == 0 and not flat and model.hasChildren(index):
                yield from model_texts(model, index, depth + 1)


def shown_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text ``window`` shows or has ready to show (menus, tooltips)."""
    yield "window title", window.windowTitle()
    if isinstance(window, QMainWindow):
        for menu_action in window.menuBar().actions():
            yield "menu", menu_action.text()
            if menu_action.menu() is not None:
                yield from (("menu item", a.text()) for a in menu_action.menu().actions())
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        kind = type(widget).__name__
        yield f"{kind} tooltip", widget.toolTip()
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield kind, widget.text()
        elif isinstance(widget, QGroupBox):
            yield kind, widget.title()
        elif isinstance(widget, QTabBar):
            yield from ((kind, widget.tabText(i)) for i in range(widget.count()))
        elif isinstance(widget, QComboBox):
            yield from ((kind, widget.itemText(i)) for i in range(widget.count()))
        elif isinstance(widget, QLineEdit):
            yield f"{kind} placeholder", widget.placeholderText()
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from ((kind, text) for text in model_texts(widget.model()))


def english_left(window: QWidget) -> list[str]:
    """What ``window`` shows in English although Spanish exists (each line of a text is compared too)."""
    found = []
    for where, text in shown_texts(window):
        for part in {text, *text.splitlines()}:
            if plain(part) in ENGLISH:
                found.append(f"{where}: {part!r}")
    return sorted(set(found))


def looked_at(window: QWidget, name: str) -> list[str]:
    """Save the picture ``es-<name>.png``; return what is left in English or clipped in it."""
    save_screenshot(window, f"es-{name}")
    problems = english_left(window) + clipped_text(window)
    if isinstance(window, QMainWindow) and window.width() > SIZE[0]:
        problems.append(f"the window grew to {window.width()} px wide to fit this screen")
    return [f"{name}: {p}" for p in problems]


# --- the installation ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Organisation:
    data_dir: Path
    ws: Workspace
    admin: Actor
    #: Spanish-speaking, in care, with an active care plan and signed notes
    in_care: int
    #: Spanish-speaking, discharged, with check-ups done and still due
    discharged: int


def _spanish_client(ws: Workspace, admin: Actor, status: str, score: Callable[[int], int]) -> int:
    """The Spanish-speaking client of ``status`` with the highest ``score``."""
    with ws.unit_of_work(write=False) as uow:
        ids = [s.id for s in search.list_clients(uow, admin, status=status)
               if clients.get_client(uow, admin, s.id).preferred_language == "es"]
    assert ids, f"the demo made no Spanish-speaking client with status {status}"
    return max(ids, key=score)


@pytest.fixture(scope="module")
def organisation(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Organisation]:
    data_dir = tmp_path_factory.mktemp("spanish") / "data"
    ws, admin, _code = workspace.create_installation(data_dir, ORGANISATION, "ana", ADMIN_PASSWORD, "Ana Torres Vidal")
    demo.populate(ws, admin, clients=DEMO_CLIENTS, seed=5)
    backups = data_dir.parent / "COPIAS-USB"  # backups set up, so the panel lists some and no banner asks for them
    backups.mkdir()
    destination.remember_destination(data_dir, backups)
    for days_ago in (1, 0):
        archive.backup_database(ws.paths, ws.data_key, backups, kind=archive.MANUAL,
                                now=datetime.now(UTC) - timedelta(days=days_ago))

    def in_care_score(client_id: int) -> int:
        with ws.unit_of_work(write=False) as uow:
            episode = clients.get_client(uow, admin, client_id).open_episode
            plan = care_plans.active_plan(uow, admin, episode.id) if episode is not None else None
            written = notes.timeline(uow, admin, client_id)
        return (len(plan.goals) if plan is not None else -100) + min(len(written), 6)

    def discharged_score(client_id: int) -> int:
        with ws.unit_of_work(write=False) as uow:
            checkups = followups.list_checkups(uow, admin, client_id)
        return len({c.status for c in checkups}) * 10 + sum(c.status == DUE for c in checkups)

    yield Organisation(data_dir, ws, admin, _spanish_client(ws, admin, "open", in_care_score),
                       _spanish_client(ws, admin, "discharged", discharged_score))
    ws.close()


@pytest.fixture
def window(lang: str, qtbot: QtBot, organisation: Organisation, runner: TaskRunner) -> Iterator[MainWindow]:
    """The administrator's main window in ``lang``, 1280×800."""
    main = MainWindow(Session(organisation.ws, organisation.admin, runner))
    main.resize(*SIZE)
    main.show()
    qtbot.waitExposed(main)
    activate(qtbot, main)
    idle(main.session)
    yield main
    main.close()
    runner.wait_idle()


# --- the pictures ------------------------------------------------------------------------------------
@SPANISH
def test_main_window_screens_in_spanish(window: MainWindow, organisation: Organisation, qtbot: QtBot) -> None:
    window.open_screen(TODAY)
    idle(window.session)
    problems = looked_at(window, "today")
    for kind, name in ((OverviewTab, "clients-overview"), (CarePlanTab, "care-plan"), (NotesTab, "notes")):
        tab = show_client(window, organisation.in_care, kind.key)
        assert isinstance(tab, kind)
        problems += looked_at(window, name)
    assert isinstance(show_client(window, organisation.discharged, FollowupTab.key), FollowupTab)
    problems += looked_at(window, "followup")
    reports = window.open_screen("Reports")
    assert isinstance(reports, ReportsPage)
    qtbot.waitUntil(lambda: not reports.reload_pending() and reports.report is not None, timeout=20_000)
    idle(window.session)
    problems += looked_at(window, "reports")
    administration = window.open_screen("Administration")
    assert isinstance(administration, AdministrationPage)
    administration.tabs.setCurrentWidget(administration.backups)
    idle(window.session)
    problems += looked_at(window, "backups")
    assert not problems, "\n".join(problems)


@SPANISH
def test_care_plan_print_preview_in_spanish(window: MainWindow, organisation: Organisation, qtbot: QtBot) -> None:
    show_client(window, organisation.in_care, CarePlanTab.key)
    window.print_current()
    qtbot.waitUntil(lambda: any(isinstance(w, PrintPreview) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=20_000)
    preview = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreview) and w.isVisible())
    assert preview.document.lang == "es"  # the client's language
    preview.resize(1000, 800)
    wait_drawn(qtbot, preview)
    problems = looked_at(preview, "care-plan-print-preview")
    preview.close()
    assert not problems, "\n".join(problems)


def to_backup_page(qtbot: QtBot, runner: TaskRunner, data_dir: Path) -> SetupWizard:
    """A setup wizard taken to its backup page, each page answered as the user would."""
    wizard = SetupWizard(data_dir, runner)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    while wizard.currentPage() is not wizard.backup_page:
        fill_setup_page(wizard)
        forward = next(b for b in (wizard.button(QWizard.WizardButton.CommitButton),
                                   wizard.button(QWizard.WizardButton.NextButton)) if b.isVisible())
        page_id = wizard.currentId()
        forward.click()
        qtbot.waitUntil(lambda: wizard.currentId() != page_id, timeout=20_000)
    return wizard


@SPANISH
def test_sign_in_and_setup_wizard_in_spanish(lang: str, qtbot: QtBot, organisation: Organisation,
                                             runner: TaskRunner, tmp_path: Path) -> None:
    sign_in = SignInDialog(organisation.data_dir, runner)
    qtbot.addWidget(sign_in)
    sign_in.show()
    qtbot.waitExposed(sign_in)
    problems = looked_at(sign_in, "sign-in")
    wizard = to_backup_page(qtbot, runner, tmp_path / "new-data")
    try:
        wizard.backup_page.field.edit.setText("/media/ana/COPIAS-USB")  # as typed: checked only by Next
        problems += looked_at(wizard, "setup-backup")
    finally:
        if wizard.workspace is not None:
            wizard.workspace.close()
    assert not problems, "\n".join(problems)


# --- sentences that name a label --------------------------------------------------------------------
QUOTED = re.compile(r"“([^”]{2,100})”")
PATH = re.compile(r"\b([A-Z][\w ]*(?: › [\w ]*\w)+)")


def catalogue_pairs() -> list[tuple[str, str, str]]:
    """(context, source, translation) of every message of the Spanish catalogue."""
    return [(context.findtext("name") or "", message.findtext("source") or "", message.findtext("translation") or "")
            for context in ET.parse(CATALOGUE_TS).getroot().iter("context") for message in context.iter("message")]


def label_translations(pairs: list[tuple[str, str, str]]) -> dict[str, set[str]]:
    """Each short source text (a label, a menu item, a title) -> its Spanish texts, in every context."""
    found: dict[str, set[str]] = {}
    for _context, source, translation in pairs:
        if "{" not in source and len(source) <= 80:
            found.setdefault(plain(source), set()).add(plain(translation))
    return found


def misquoted_labels(pairs: list[tuple[str, str, str]]) -> list[str]:
    """Sentences whose Spanish does not name a label the English quotes (or points to with ›) as translated."""
    labels = label_translations(pairs)
    problems = []
    for context, source, translation in pairs:
        named = [part for quote in QUOTED.findall(source) + PATH.findall(source) for part in quote.split(" › ")]
        spanish = {plain(part) for quote in QUOTED.findall(translation) + [translation]
                   for part in quote.split(" › ")}
        for label in named:
            wanted = labels.get(plain(label), set())
            if wanted and not wanted & spanish and not any(w in plain(translation) for w in wanted):
                problems.append(f"[{context}] {source!r} names “{label}”, shown as {sorted(wanted)}; "
                                f"the Spanish says {translation!r}")
    return problems


def test_spanish_sentences_name_the_labels_as_the_window_shows_them() -> None:
    pairs = catalogue_pairs()
    assert not misquoted_labels(pairs), "\n".join(misquoted_labels(pairs))
    sentence = ("MovingHowToWindow", "Choose “Back up now” in Administration › Backups.",
                "Elija “Copia ya” en Administración › Copias.")
    assert len(misquoted_labels([*pairs, sentence])) == 2  # the check itself: a wrong button, a wrong tab
