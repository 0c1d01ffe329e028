"""The Spanish translation: the Qt catalogue, its build, the language setting, the core's messages.

- The catalogue ``ui/resources/translations/continuum_es.ts`` must hold a finished
  translation of every string ``lupdate`` finds in ``ui`` today (lupdate runs once per
  module into a temporary file), with the same ``{placeholders}`` and the same number of
  ``&`` accelerators as its source.  A test proves the check itself on a copy filled with
  dummy translations.
- ``lupdate`` must see every string: the calls it understands (``self.tr("…")``,
  ``QCoreApplication.translate("Context", "…")``, ``QT_TRANSLATE_NOOP``) are found here
  with Python's own parser and compared; a translation helper called with a literal (which
  lupdate cannot see) fails.
- The build hook in ``setup.py`` compiles the ``.ts`` into the package and copies the
  README; the ``.qm`` it writes loads in ``QTranslator`` and translates.
- :mod:`ui.language`: resolving the setting, installing the translators and the locale.
- The core's messages: every error text in ``clinic_app`` (found with Python's parser, the
  placeholders of f-strings and ``.format`` templates matched by position) has a Spanish
  entry, and the window shows them in its language.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from clinic_app.errors import NotFound, SignInThrottled, ValidationError
from clinic_app.i18n_es import CATALOGUE
from ui import language
from ui.core_messages import core_text, localise_error
from ui.forms import set_message
from ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE_TS = ROOT / "ui" / "resources" / "translations" / "continuum_es.ts"
_FIELD = re.compile(r"\{[^{}]*\}")
_WORDS = re.compile(r"[^\W\d_]{2}")
_ENTITY = re.compile(r"&[a-zA-Z]+;|&#\d+;")


# --- reading .ts files ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    finished: bool


def read_ts(path: Path) -> dict[tuple[str, str], Message]:
    messages = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            element = message.find("translation")
            text = (element.text or "") if element is not None else ""
            kind = element.get("type") if element is not None else "unfinished"
            messages[(name, source)] = Message(name, source, text, bool(text.strip()) and kind is None)
    return messages


def missing_translations(wanted: dict[tuple[str, str], Message], catalogue: dict[tuple[str, str], Message]
                         ) -> list[tuple[str, str]]:
    """The (context, source) pairs of ``wanted`` without a finished translation in ``catalogue``."""
    return sorted(key for key in wanted if key not in catalogue or not catalogue[key].finished)


def lupdate(files: list[Path], ts: Path) -> None:
    subprocess.run([str(language.qt_tool("lupdate")), "-silent", *map(str, files), "-ts", str(ts), "-no-obsolete",
                    "-locations", "none"], check=True, capture_output=True)


def ui_sources() -> list[Path]:
    return sorted(p for p in (ROOT / "ui").rglob("*.py") if "__pycache__" not in p.parts)


@pytest.fixture(scope="module")
def found_by_lupdate(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Message]:
    ts = tmp_path_factory.mktemp("lupdate") / "fresh.ts"
    lupdate(ui_sources(), ts)
    return read_ts(ts)


# --- the catalogue ----------------------------------------------------------------------------------------
def test_every_gui_string_has_a_finished_spanish_translation(found_by_lupdate: dict[tuple[str, str], Message]) -> None:
    missing = missing_translations(found_by_lupdate, read_ts(CATALOGUE_TS))
    assert not missing, (f"{len(missing)} GUI strings have no finished Spanish translation in {CATALOGUE_TS.name} "
                         "(run lupdate, translate in Qt Linguist; see the README):\n"
                         + "\n".join(f"  [{context}] {source!r}" for context, source in missing[:60]))


def test_the_check_passes_on_a_filled_catalogue_and_names_what_is_missing(
        found_by_lupdate: dict[tuple[str, str], Message], tmp_path: Path) -> None:
    tree = ET.parse(CATALOGUE_TS)
    for element in tree.getroot().iter("translation"):
        element.text = "ES"
        element.attrib.pop("type", None)
    filled = tmp_path / "filled.ts"
    tree.write(filled, encoding="utf-8")
    catalogue = read_ts(filled)
    fresh_only_in_code = {key for key in found_by_lupdate if key not in catalogue}
    assert missing_translations(found_by_lupdate, catalogue) == sorted(fresh_only_in_code)
    first = next(iter(found_by_lupdate))
    catalogue = {key: m for key, m in catalogue.items() if key != first}
    assert first in missing_translations(found_by_lupdate, catalogue)


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{\w*\}|%\d+|%n", text))


def _accelerators(text: str) -> int:
    return _ENTITY.sub("", text.replace("&&", "")).count("&")


def test_translations_keep_placeholders_and_accelerators() -> None:
    wrong = [f"[{m.context}] {m.source!r} -> {m.translation!r}" for m in read_ts(CATALOGUE_TS).values()
             if m.finished and (_placeholders(m.source) != _placeholders(m.translation)
                                or _accelerators(m.source) != _accelerators(m.translation))]
    assert not wrong, "placeholders or & accelerators differ:\n" + "\n".join(wrong)


def test_the_catalogue_holds_no_strings_that_are_gone(found_by_lupdate: dict[tuple[str, str], Message]) -> None:
    gone = sorted(set(read_ts(CATALOGUE_TS)) - set(found_by_lupdate))
    assert not gone, "run lupdate with -no-obsolete; no longer in the code:\n" + "\n".join(map(str, gone))


# --- lupdate sees every string ---------------------------------------------------------------------------------
def _call_name(node: ast.expr) -> str | None:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def translatable_strings(path: Path) -> tuple[set[tuple[str, str]], list[str]]:
    """The (context, source) pairs Qt will look up in ``path``, and the calls lupdate cannot read."""
    tree = ast.parse(path.read_text("utf-8"))
    found: set[tuple[str, str]] = set()
    problems: list[str] = []
    helpers = {node.name for node in tree.body if isinstance(node, ast.FunctionDef) and node.args.args
               and any(_call_name(call.func) == "translate" and len(call.args) > 1
                       and isinstance(call.args[1], ast.Name) and call.args[1].id == node.args.args[0].arg
                       for call in ast.walk(node) if isinstance(call, ast.Call))}

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Call):
                name, where = _call_name(child.func), f"{path.relative_to(ROOT)}:{child.lineno}"
                first = _literal(child.args[0]) if child.args else None
                if name == "tr" and isinstance(child.func, ast.Attribute):
                    owner = child.func.value
                    if not (isinstance(owner, ast.Name) and owner.id == "self" and cls):
                        problems.append(f"{where}: tr() on something other than self: {ast.unparse(child)[:80]}")
                    elif first is not None:
                        found.add((cls, first))
                    else:
                        problems.append(f"{where}: self.tr() of a non-literal: {ast.unparse(child)[:80]}")
                elif name in ("translate", "QT_TRANSLATE_NOOP") and len(child.args) > 1:
                    source = _literal(child.args[1])  # a variable's texts are marked where they are written
                    if source is not None and first is None:
                        problems.append(f"{where}: the context is not written out: {ast.unparse(child)[:80]}")
                    elif source is not None and first is not None:
                        found.add((first, source))
                elif name in helpers and first is not None:
                    problems.append(f"{where}: lupdate cannot see a helper's literal: {ast.unparse(child)[:80]}")
            visit(child, child.name if isinstance(child, ast.ClassDef) else cls)

    visit(tree, None)
    return found, problems


def test_lupdate_finds_every_string_qt_will_look_up(found_by_lupdate: dict[tuple[str, str], Message]) -> None:
    expected: set[tuple[str, str]] = set()
    problems: list[str] = []
    for path in ui_sources():
        found, trouble = translatable_strings(path)
        expected |= found
        problems += trouble
    problems += [f"lupdate misses [{context}] {source!r}"
                 for context, source in sorted(expected - set(found_by_lupdate))]
    assert not problems, "\n".join(problems)


# --- the build hook --------------------------------------------------------------------------------------------
def _setup_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("continuum_setup", ROOT / "setup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _one_message_ts(path: Path, context: str, source: str, translation: str) -> None:
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="es">\n'
                    f"<context><name>{escape(context)}</name><message><source>{escape(source)}</source>"
                    f"<translation>{escape(translation)}</translation></message></context>\n</TS>\n", "utf-8")


def test_the_build_hook_compiles_a_catalogue_that_qt_loads(tmp_path: Path, qapp: QApplication) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    _one_message_ts(sources / "continuum_es.ts", "MainWindow", "&File", "&Archivo")
    written = _setup_module().compile_translations(sources, tmp_path / "built")
    assert written == [tmp_path / "built" / "continuum_es.qm"]
    translator = QTranslator()
    assert translator.load(str(written[0]))
    assert translator.translate("MainWindow", "&File") == "&Archivo"


def test_the_package_build_carries_the_compiled_catalogue_and_the_guide(tmp_path: Path, qapp: QApplication) -> None:
    build = tmp_path / "build"
    command = ["egg_info", "--egg-base", str(tmp_path), "build_py", "--build-lib", str(build)]  # none in the checkout
    subprocess.run([sys.executable, "setup.py", "-q", *command], cwd=ROOT, check=True, capture_output=True)
    qm = build / "ui" / "resources" / "translations" / "continuum_es.qm"
    translator = QTranslator()
    assert translator.load(str(qm)), "the package build wrote no loadable continuum_es.qm"
    for message in read_ts(CATALOGUE_TS).values():
        if message.finished:
            assert translator.translate(message.context, message.source) == message.translation
    assert (build / "ui" / "help" / "README.md").read_bytes() == (ROOT / "README.md").read_bytes()


# --- the language setting -------------------------------------------------------------------------------------
@pytest.fixture
def settings_in(tmp_path: Path) -> None:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


@pytest.fixture
def restored_language(qapp: QApplication) -> Iterator[None]:
    """Whatever a test installs, the application is English with the locale it had afterwards."""
    before, installed = QLocale(), language.installed_language()
    yield
    for translator in qapp.findChildren(QTranslator, "continuum-translator"):
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)
    language._installed = installed


def test_the_setting_is_resolved_from_the_system_or_taken_as_it_is(settings_in: None) -> None:
    assert language.language_setting() == language.SYSTEM
    assert language.resolve_language("system", QLocale("es_AR")) == "es"
    assert language.resolve_language("system", QLocale("de_DE")) == "en"
    assert language.resolve_language("system", QLocale.c()) == "en"
    assert language.resolve_language("en", QLocale("es_MX")) == "en"
    assert language.resolve_language("es", QLocale("en_GB")) == "es"
    assert language.locale_for("es", QLocale("es_AR")).name() == "es_AR"  # the computer's own conventions
    assert language.locale_for("es", QLocale("en_GB")).name() == "es_ES"
    assert language.locale_for("en", QLocale("es_AR")).name() == "en_US"
    language.set_language_setting("es")
    assert language.language_setting() == "es"
    QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, "Continuum", "Continuum").setValue(
        language.LANGUAGE_KEY, "klingon")
    assert language.language_setting() == language.SYSTEM
    with pytest.raises(ValueError):
        language.set_language_setting("fr")


def test_installing_spanish_translates_the_window_and_sets_the_locale(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication, restored_language: None) -> None:
    _one_message_ts(tmp_path / "continuum_es.ts", "MainWindow", "&File", "&Archivo")
    monkeypatch.setattr(language, "translations_folder", lambda: tmp_path)
    installed = language.install_translations(qapp, "es")  # the .qm is missing: compiled from the .ts
    assert installed == language.InstalledLanguage("es", "es", "")
    assert (tmp_path / "continuum_es.qm").is_file()
    assert QCoreApplication.translate("MainWindow", "&File") == "&Archivo"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"  # Qt's own (qtbase_es)
    assert QLocale().language() == QLocale.Language.Spanish and language.ui_language() == "es"
    assert QLocale().toString(1234567.5, "f", 1) in ("1.234.567,5", "1234567,5", "1 234 567,5")
    assert language.install_translations(qapp, "en").language == "en"  # replaces, never stacks
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_a_catalogue_that_cannot_be_loaded_is_reported_not_silently_english(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication, restored_language: None,
        caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(language, "translations_folder", lambda: tmp_path)
    installed = language.install_translations(qapp, "es")
    assert installed.language == "en" and "continuum_es.qm" in installed.problem
    assert "The 'es' translation could not be loaded" in caplog.text


def test_the_language_dialog_saves_the_setting(qtbot: QtBot, settings_in: None, restored_language: None) -> None:
    dialog = language.LanguageDialog()
    qtbot.addWidget(dialog)
    assert dialog.chosen() == language.SYSTEM and dialog.note.isHidden()
    dialog.combo.setCurrentIndex(dialog.combo.findData("es" if language.ui_language() == "en" else "en"))
    assert not dialog.note.isHidden() and "next time it starts" in dialog.note.text()
    dialog.accept()
    assert language.language_setting() == dialog.chosen()


# --- the core's messages ----------------------------------------------------------------------------------------
def _error_classes(trees: list[ast.Module]) -> set[str]:
    known, grown = {"ContinuumError"}, True
    while grown:
        grown = False
        for tree in trees:
            for node in ast.walk(tree):
                if (isinstance(node, ast.ClassDef) and node.name not in known
                        and any(_call_name(base) in known for base in node.bases)):
                    known.add(node.name)
                    grown = True
    return known


def _templates(expr: ast.expr) -> list[str]:
    """The texts ``expr`` can make, with ``{}`` for each part filled in (f-strings, ``.format``, ``+``)."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return [expr.value]
    if isinstance(expr, ast.JoinedStr):
        return ["".join(v.value if isinstance(v, ast.Constant) else "{}" for v in expr.values)]
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "format":
        return _templates(expr.func.value)
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        return [a + b for a in _templates(expr.left) or ["{}"] for b in _templates(expr.right) or ["{}"]]
    parts: list[ast.expr] = []
    if isinstance(expr, ast.IfExp):
        parts = [expr.body, expr.orelse]
    elif isinstance(expr, ast.BoolOp):
        parts = expr.values
    elif isinstance(expr, ast.Dict):
        parts = expr.values
    elif isinstance(expr, (ast.DictComp, ast.ListComp)):
        parts = [expr.value if isinstance(expr, ast.DictComp) else expr.elt]
    elif isinstance(expr, (ast.List, ast.Tuple)):
        parts = expr.elts
    return [t for part in parts for t in _templates(part)]


def _message_expressions(tree: ast.Module, errors: set[str]) -> Iterator[ast.expr]:
    """Where the core writes a message for people: error arguments, checker failures, error and problem lists,
    what a backup check found, what the password store says."""
    error_bodies = [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef) and node.name in errors]
    for node in error_bodies:  # class MESSAGE = "…" and super().__init__(f"…")
        for item in ast.walk(node):
            if isinstance(item, ast.Assign) and isinstance(item.value, ast.Constant):
                yield item.value
            if isinstance(item, ast.Call) and _call_name(item.func) == "__init__":
                yield from item.args
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _call_name(node.func)
            if name in errors:
                yield from node.args
                yield from (k.value for k in node.keywords if k.arg != "field")
            elif name in ("fail", "ArchiveProblem") and len(node.args) >= 2:
                yield node.args[1]
            elif name == "KeyringStatus":
                yield node.args[-1]
            elif name in ("append", "insert") and isinstance(node.func, ast.Attribute) \
                    and _call_name(node.func.value) == "problems":
                yield node.args[-1]
            yield from (k.value for k in node.keywords if k.arg == "not_before_label")
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                if _call_name(target.value if isinstance(target, ast.Subscript) else target) in (
                        "errors", "problems", "PART_LABELS"):
                    yield node.value


def core_messages() -> dict[str, str]:
    """Every message template the core can show in the GUI -> where it is (the command line's own are left out)."""
    core = ROOT / "clinic_app"
    paths = [p for p in sorted(core.rglob("*.py")) if "cli" not in p.relative_to(core).parts]
    trees = {path: ast.parse(path.read_text("utf-8")) for path in paths}
    errors = _error_classes(list(trees.values()))
    found: dict[str, str] = {}
    for path, tree in trees.items():
        for expr in _message_expressions(tree, errors):
            for template in _templates(expr):
                if _WORDS.search(_FIELD.sub("", template)):
                    found.setdefault(template, f"{path.relative_to(ROOT)}:{expr.lineno}")
    return found


def test_every_core_message_has_a_spanish_entry() -> None:
    shapes = {_FIELD.sub("{}", key) for key in CATALOGUE}
    messages = core_messages()
    assert len(messages) > 200  # the scan still finds the messages
    missing = sorted(f"{where}: {template!r}" for template, where in messages.items()
                     if _FIELD.sub("{}", template) not in shapes)
    assert not missing, "add these to clinic_app/i18n_es.py:\n" + "\n".join(missing)


def test_core_messages_are_shown_in_the_window_language() -> None:
    assert core_text("This field is required.", "es") == "Este campo es obligatorio."
    assert core_text("At most 200 characters (this has 250).", "es") == "Como máximo 200 caracteres (este tiene 250)."
    assert (core_text("The date cannot be before the admission date (2026-03-01).", "es")
            == "La fecha no puede ser anterior a la fecha de admisión (2026-03-01).")  # the inner part too
    assert core_text("Choose a value for primary drug.\nExpected text.", "es") == (
        "Elija un valor en «sustancia principal».\nSe esperaba un texto.")
    assert core_text("María's own words", "es") == "María's own words"
    assert core_text("This field is required.", "en") == "This field is required."
    assert str(localise_error(SignInThrottled(1), "es")) == (
        "Demasiados intentos fallidos. Espere 1 segundo y vuelva a intentarlo.")
    assert str(localise_error(NotFound("This note does not exist."), "es")) == "Esta nota no existe."
    error = localise_error(ValidationError({"given_names": "This field is required."}), "es")
    assert error.errors == {"given_names": "Este campo es obligatorio."}
    assert str(error) == "given_names: Este campo es obligatorio."


def test_the_gui_shows_service_errors_and_live_checks_in_its_language(qtbot: QtBot, restored_language: None) -> None:
    QLocale.setDefault(QLocale("es_ES"))
    runner = TaskRunner()
    received: list[ValidationError] = []

    def fail() -> None:
        raise ValidationError({"text": "Enter a whole number between 1 and 30."})

    try:
        runner.run_db(fail, None, received.append)
        assert runner.wait_idle()
    finally:
        runner.shutdown()
    assert received[0].errors == {"text": "Escriba un número entero entre 1 y 30."}
    label = QLabel()
    qtbot.addWidget(label)
    set_message(label, "The date cannot be in the future.", "error")  # a check the form runs with the core's rules
    assert label.text() == "La fecha no puede ser futura."


def test_the_sources_ship_no_compiled_catalogue() -> None:
    tracked = subprocess.run(["git", "ls-files", "*.qm"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert tracked.stdout == "", "a .qm is build output (setup.py makes it); remove it from git"
