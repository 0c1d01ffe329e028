"""``continuum --self-test``: prove that this build of Continuum works, headless, and leave nothing behind.

Made for the installed bundle (PyInstaller one-folder build): CI runs it on the fresh
bundle from a clean environment, and a person can run it on a computer where the
application misbehaves.  It needs no screen, no account and no data: everything happens
in a new temporary folder that is removed at the end.

What it checks, one line each, in this order (``ok   <check>`` or ``FAIL <check>: <reason>``):

- the Qt side: the platform plugin loaded (``QT_QPA_PLATFORM`` is set to ``offscreen`` when
  it is unset, so it runs without a display), a widget with text can be shown and grabbed
  (fonts draw), the SVG icons render and the style sheet loads, the GUI's modules import
  (QtPdf, QtCharts, print support), and the Spanish catalogue that the window would use
  (``ui.language.catalogue_file``) loads with ``QTranslator`` and holds translations;
- the platform services: ``keyring``'s backends are registered (its entry points, which a
  bundle loses unless it copies keyring's metadata) and the native one for this system
  imports; the per-user data folder can be named (platformdirs); the common-password
  list is shipped;
- the records: an encrypted installation is created in the temporary folder (this runs
  every Alembic migration from the script files), the database file does not start with
  SQLite's plaintext header, a client with an intake and a care-plan goal is recorded
  through the services, the care plan is rendered as a PDF (kept in memory; it must start
  with ``%PDF-``, end with ``%%EOF`` and open in QtPdf), the anonymised statistics are
  exported into the temporary folder, and the audit chain verifies;
- privacy: no byte of any file written under the temporary folder (the database, its WAL
  while it is open and after closing, the key slots, the export) holds the invented
  client's names, a free-text note, the administrator's password or the recovery code,
  in UTF-8 (composed and decomposed), UTF-16 or the folded search form;
- the temporary folder is removed (the database was closed properly).

Decisions
---------
* **No client data, no secrets in the output**: the client's names, the note and the
  password are random per run and are replaced by ``…`` in any error text; a reason names
  a check or a file, never what was found in it.
* **Dependencies**: a check whose input failed is reported ``FAIL <check>: not run,
  <other> failed`` rather than skipped, so one broken part cannot make the run pass.
* **Exit code**: 0 when every check passed, else 1.  A missing Qt platform plugin makes
  Qt abort the process (non-zero exit) before any check runs; Qt prints why.
* **Where the lines go**: the file given by ``--self-test-output`` (created or replaced),
  else standard output; when there is none (a windowed Windows build), the console of
  the parent process (``AttachConsole(ATTACH_PARENT_PROCESS)`` and ``CONOUT$``); failing
  that, only the exit code tells.
* **Translations**: a bundle without the compiled catalogue, or with an empty one, fails:
  Spanish-speaking users would get an English window.  In a source tree the catalogue is
  compiled first when it is missing or stale, as the application itself does at start.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import string
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from importlib import import_module, resources
from importlib.metadata import entry_points
from pathlib import Path
from typing import TextIO

import platformdirs
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, QTranslator
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from clinic_app import codes, workspace
from clinic_app.config import APP_AUTHOR, APP_NAME, DataPaths
from clinic_app.errors import ContinuumError, ValidationError
from clinic_app.security import keystore
from clinic_app.security.passwords import check_password_policy
from clinic_app.services import audit, care_plans, intake, printing, statistics
from clinic_app.services.auth import Actor
from clinic_app.services.clients import ClientDetails
from clinic_app.services.episodes import EpisodeDetails, IntakeDetails, SubstanceUse
from clinic_app.workspace import Workspace
from ui import language

PLAINTEXT_HEADER = b"SQLite format 3\x00"
GUI_MODULES = ("ui.main_window", "ui.print_preview", "ui.reports.page", "ui.setup_wizard", "ui.sign_in")
#: the keyring backend that should be found on each system (keyring's entry-point names)
NATIVE_KEYRING = {"win32": "Windows", "darwin": "macOS"}
DEFAULT_NATIVE_KEYRING = "SecretService"
COMMON_PASSWORD = "qwertyuiop123"  # in clinic_app/resources/common-passwords.txt
ADMIN_NAME = "selftest"
MIN_AUDIT_ENTRIES = 5
REASON_MAX_LEN = 300


class CheckFailed(Exception):
    """A check's own reason for failing (written here: no client data, no secret)."""


def _random_word(length: int = 10) -> str:
    return "".join(secrets.choice(string.ascii_lowercase) for _ in range(length)).capitalize()


@dataclass
class State:
    """What the checks share: the temporary folder, the invented data, and what was made."""

    root: Path
    given_names: str = field(default_factory=lambda: f"Íñigo {_random_word()}")
    family_name: str = field(default_factory=lambda: f"Núñez-{_random_word()}")
    note: str = field(default_factory=lambda: f"Nota de prueba {_random_word()}")
    password: str = field(default_factory=lambda: secrets.token_urlsafe(18))
    recovery_code: str = ""
    ws: Workspace | None = None
    admin: Actor | None = None
    client_id: int | None = None

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def export_dir(self) -> Path:
        return self.root / "export"

    def hidden_texts(self) -> tuple[str, ...]:
        """Every text that must never be readable in a file or in this test's output."""
        return tuple(s for s in (self.given_names, self.family_name, self.note, self.password, self.recovery_code) if s)

    def opened(self) -> tuple[Workspace, Actor]:
        if self.ws is None or self.admin is None:
            raise CheckFailed("the installation is not open")
        return self.ws, self.admin

    def close(self) -> None:
        if self.ws is not None:
            self.ws.close()
            self.ws = None

    def safe_reason(self, exc: BaseException) -> str:
        """One line about ``exc`` with every invented name and secret (and each of their words,
        in any case, with or without accents) blanked out."""
        if isinstance(exc, (CheckFailed, ContinuumError)):
            text = str(exc)
        else:
            first_line = (str(exc).strip().splitlines() or [""])[0]
            text = f"{type(exc).__name__}: {first_line}" if first_line else type(exc).__name__
        words: set[str] = set()
        for hidden in self.hidden_texts():
            words.update({hidden, *re.split(r"[\s\-]+", hidden), *codes.normalise_text(hidden).split()})
        longest_first = sorted((w for w in words if len(w) >= 4), key=len, reverse=True)
        if longest_first:
            text = re.sub("|".join(map(re.escape, longest_first)), "…", text, flags=re.IGNORECASE)
        text = " ".join(text.split())
        return text if len(text) <= REASON_MAX_LEN else text[: REASON_MAX_LEN - 1] + "…"


@dataclass(frozen=True)
class Check:
    name: str
    #: raises on failure
    run: Callable[[State], None]
    needs: tuple[str, ...] = ()


# --- Qt ----------------------------------------------------------------------------------------


def _application() -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    assert isinstance(app, QApplication)
    return app


def check_qt_platform(_state: State) -> None:
    if not _application().platformName():
        raise CheckFailed("Qt started without a platform plugin")


def _distinct_colours(widget: QWidget) -> int:
    image = widget.grab().toImage()
    if image.isNull():
        raise CheckFailed("grabbing the widget gave an empty image")
    return len({image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)})


def check_widget(_state: State) -> None:
    app = _application()
    if not QFontDatabase.families():
        raise CheckFailed("Qt found no fonts")
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("Continuum — Núñez, Øyvind, Đorđe"))
    layout.addWidget(QLineEdit("self-test"))
    layout.addWidget(QPushButton("OK"))
    window.resize(360, 140)
    window.show()
    app.processEvents()
    try:
        if _distinct_colours(window) < 3:
            raise CheckFailed("the grabbed widget shows no text or frames")
    finally:
        window.close()
        window.deleteLater()


def check_icons_and_style(_state: State) -> None:
    package = resources.files("ui.resources")
    style = package.joinpath("style.qss").read_text("utf-8")
    if not style.strip():
        raise CheckFailed("the style sheet is empty")
    probe = QWidget()  # the style is applied to a throwaway widget: the application's own is left alone
    probe.setStyleSheet(style)
    probe.ensurePolished()
    icons = sorted(p.name for p in package.joinpath("icons").iterdir() if p.name.endswith(".svg"))
    if not icons:
        raise CheckFailed("no icons are shipped")
    for name in icons:
        with resources.as_file(package.joinpath("icons", name)) as path:
            if QIcon(str(path)).pixmap(QSize(32, 32)).isNull():
                raise CheckFailed(f"icon {name} does not render (is the SVG plugin missing?)")


def check_gui_modules(_state: State) -> None:
    for module in GUI_MODULES:
        import_module(module)


def check_translations(_state: State) -> None:
    qm = language.catalogue_file("es")  # what the window would load (in a source tree: compiled if stale)
    translator = QTranslator()
    if not translator.load(str(qm)):
        raise CheckFailed(f"{qm.name} does not load")
    if translator.isEmpty():
        raise CheckFailed(f"{qm.name} holds no translations")


# --- platform services ---------------------------------------------------------------------


def check_keyring(_state: State) -> None:
    registered = {ep.name: ep for ep in entry_points(group="keyring.backends")}
    if not registered:
        raise CheckFailed("keyring has no registered backends (its package metadata is missing)")
    native = NATIVE_KEYRING.get(sys.platform, DEFAULT_NATIVE_KEYRING)
    if native not in registered:
        raise CheckFailed(f"keyring's {native} backend is not registered")
    registered[native].load()
    if keystore.keyring_status().backend == "unavailable":
        raise CheckFailed("keyring could not choose a backend")


def check_data_folder(_state: State) -> None:
    if not Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False)).is_absolute():
        raise CheckFailed("the per-user data folder is not an absolute path")


def check_password_list(_state: State) -> None:
    try:
        check_password_policy(ADMIN_NAME, COMMON_PASSWORD)
    except ValidationError:
        return
    raise CheckFailed("a common password was accepted (is the password list missing?)")


# --- the records ---------------------------------------------------------------------------


def check_create(state: State) -> None:
    state.ws, state.admin, state.recovery_code = workspace.create_installation(
        state.data_dir, "Continuum self-test", ADMIN_NAME, state.password, "Self-test Administrator")


def check_database_encrypted(state: State) -> None:
    database = DataPaths(state.data_dir).database
    with database.open("rb") as f:
        header = f.read(len(PLAINTEXT_HEADER))
    if len(header) < len(PLAINTEXT_HEADER):
        raise CheckFailed("the database file is empty")
    if header == PLAINTEXT_HEADER:
        raise CheckFailed("the database file is plain SQLite, not encrypted")


def check_client(state: State) -> None:
    ws, admin = state.opened()
    today = date.today()
    client = ClientDetails(given_names=state.given_names, family_name=state.family_name,
                           date_of_birth=date(today.year - 35, 6, 15), sex="not_known",
                           gender_identity="not_known", nationality="not_known", preferred_language="es")
    episode = EpisodeDetails(admission_date=today, programme="aftercare", centre_type="outpatient",
                             referral_source="self", previously_treated="never")
    assessment = IntakeDetails(
        living_with="alone", living_with_children="no", has_children="no", housing="stable",
        labour_status="employed", education="upper_secondary", injecting="never", opioid_substitution="never",
        tested_hiv="not_known", tested_hcv="not_known", tested_hbv="not_known",
        primary=SubstanceUse("alcohol", "eat_drink", "daily", 18), notes=state.note,
    )
    with ws.unit_of_work() as uow:
        result = intake.register_client(uow, admin, client, episode, assessment)
        plan = care_plans.create_draft(uow, admin, result.episode_id)
        care_plans.add_goal(uow, admin, plan.id, "housing", "Keep the tenancy", actions="A weekly budget session",
                            responsible="Counsellor")
        uow.commit()
    state.client_id = result.client_id


def _pdf_pages(pdf: bytes) -> int:
    """How many pages QtPdf finds in ``pdf`` (after rendering the first one); 0 if it cannot read it."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    try:
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
            return 0
        return document.pageCount() if not document.render(0, QSize(200, 280)).isNull() else 0
    finally:
        document.close()


def check_pdf_bytes(pdf: bytes, what: str) -> None:
    if not pdf.startswith(b"%PDF-"):
        raise CheckFailed(f"the {what} does not start with %PDF-")
    if b"%%EOF" not in pdf[-1024:]:
        raise CheckFailed(f"the {what} does not end with %%EOF")
    if _pdf_pages(pdf) == 0:
        raise CheckFailed(f"QtPdf cannot read the {what}")


def check_care_plan_pdf(state: State) -> None:
    ws, admin = state.opened()
    assert state.client_id is not None
    with ws.unit_of_work() as uow:
        pdf = printing.print_care_plan(uow, admin, state.client_id).pdf  # kept in memory: it names the client
        uow.commit()
    check_pdf_bytes(pdf, "care-plan PDF")


def check_statistics(state: State) -> None:
    ws, admin = state.opened()
    with ws.unit_of_work() as uow:
        statistics.export_statistics(uow, admin, date.today().year, state.export_dir, lang="es")
        uow.commit()
    summary = state.export_dir / "statistics.json"
    if not summary.is_file() or not json.loads(summary.read_text("utf-8")):
        raise CheckFailed("statistics.json is missing or empty")
    if not any(state.export_dir.glob("*.csv")):
        raise CheckFailed("no CSV table was written")
    check_pdf_bytes((state.export_dir / "report.pdf").read_bytes(), "statistics report")


def check_audit(state: State) -> None:
    ws, admin = state.opened()
    with ws.unit_of_work(write=False) as uow:
        report = audit.verify(uow, admin)
    if not report.ok:
        raise CheckFailed(report.problem or "the audit chain does not verify")
    if report.checked < MIN_AUDIT_ENTRIES:
        raise CheckFailed(f"only {report.checked} audit entries were written")


def byte_forms(text: str) -> set[bytes]:
    """The byte patterns ``text`` could be stored as (patterns under 6 bytes could occur by chance)."""
    folded = codes.normalise_text(text)
    variants = {text, unicodedata.normalize("NFD", text), text.casefold(), folded, *folded.split(), *text.split()}
    return {v.encode(encoding) for v in variants if len(v.encode("utf-8")) >= 6
            for encoding in ("utf-8", "utf-16-le", "utf-16-be")}


def files_with_clear_text(folder: Path, texts: Iterable[str]) -> list[str]:
    """The files under ``folder`` (relative names) in which any of ``texts`` is readable."""
    patterns = set().union(*(byte_forms(t) for t in texts))
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if any(pattern in data for pattern in patterns):
            found.append(path.relative_to(folder).as_posix())
    return found


def check_no_clear_text(state: State) -> None:
    state.opened()
    while_open = files_with_clear_text(state.root, state.hidden_texts())
    state.close()
    after_close = files_with_clear_text(state.root, state.hidden_texts())
    found = sorted(set(while_open) | set(after_close))
    if found:
        raise CheckFailed(f"a name or secret is readable in {', '.join(found)}")


def check_removed(state: State) -> None:
    state.close()
    shutil.rmtree(state.root)


CREATE = "encrypted database created by the migrations"
CLIENT = "client recorded through the services"
CHECKS: tuple[Check, ...] = (
    Check("qt platform plugin", check_qt_platform),
    Check("widget shown and grabbed", check_widget, ("qt platform plugin",)),
    Check("icons and style sheet", check_icons_and_style, ("qt platform plugin",)),
    Check("gui modules", check_gui_modules),
    Check("spanish translations", check_translations),
    Check("keyring backends", check_keyring),
    Check("per-user data folder", check_data_folder),
    Check("common-password list", check_password_list),
    Check(CREATE, check_create),
    Check("database file encrypted", check_database_encrypted, (CREATE,)),
    Check(CLIENT, check_client, (CREATE,)),
    Check("care-plan pdf", check_care_plan_pdf, (CLIENT,)),
    Check("statistics export", check_statistics, (CLIENT,)),
    Check("audit chain verified", check_audit, (CREATE,)),
    Check("no name or secret in the clear", check_no_clear_text, (CLIENT,)),
    Check("temporary folder removed", check_removed),
)


def run_checks(state: State, checks: Sequence[Check], emit: Callable[[str], None]) -> bool:
    """Run ``checks`` in order, emitting one line each; True if all passed."""
    failed: list[str] = []
    for check in checks:
        blocked = next((name for name in check.needs if name in failed), None)
        if blocked is not None:
            reason: str | None = f"not run, {blocked} failed"
        else:
            try:
                check.run(state)
                reason = None
            except Exception as exc:  # noqa: BLE001 - every failure becomes one line, never a traceback
                reason = state.safe_reason(exc)
        if reason is None:
            emit(f"ok   {check.name}")
        else:
            failed.append(check.name)
            emit(f"FAIL {check.name}: {reason}")
    return not failed


# --- output --------------------------------------------------------------------------------


def _parent_console() -> TextIO | None:
    """The console of the process that started this one (Windows, windowed build), if any."""
    if sys.platform != "win32":
        return None
    import ctypes

    attach_parent_process = -1
    if not ctypes.windll.kernel32.AttachConsole(attach_parent_process):
        return None
    try:
        return open("CONOUT$", "w", encoding="utf-8", errors="replace")
    except OSError:
        return None


@contextmanager
def output_stream(path: str | None) -> Iterator[TextIO | None]:
    """Where the lines go: ``path``, else standard output, else the parent's console (or nowhere)."""
    if path:
        with open(path, "w", encoding="utf-8") as f:
            yield f
    elif sys.stdout is not None:
        yield sys.stdout
    else:
        console = _parent_console()
        try:
            yield console
        finally:
            if console is not None:
                console.close()


def main(output: str | None = None) -> int:
    """Run the self-test; return the exit code (0: every check passed, 1: any failed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    state = State(Path(tempfile.mkdtemp(prefix="continuum-self-test-")))
    with output_stream(output) as stream:

        def emit(line: str) -> None:
            if stream is not None:
                stream.write(line + "\n")
                stream.flush()

        try:
            passed = run_checks(state, CHECKS, emit)
        finally:
            state.close()
            shutil.rmtree(state.root, ignore_errors=True)
    return 0 if passed else 1
