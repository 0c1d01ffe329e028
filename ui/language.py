"""The language of the desktop application: the setting, the translators, the dialog.

- The setting is this computer's (``QSettings`` key ``ui/language``): ``"system"`` (the
  default: the first of the operating system's preferred languages that Continuum has,
  else English), ``"en"`` or ``"es"``.  It is read once, at start-up: every window sets
  its texts when it is built, so a change takes effect when Continuum starts again (the
  dialog says so) rather than half the window switching at once.
- :func:`install_translations` (called by ``ui.app.configure_application``) loads
  ``continuum_<lang>.qm`` (ours) and ``qtbase_<lang>.qm`` (Qt's own buttons and dialogs,
  from ``QLibraryInfo``'s translations folder), and makes the locale of that language the
  default ``QLocale``, so dates and numbers (``QLocale().toString``) follow it too.  When
  the operating system's locale is of the same language it is kept (an Argentinian
  computer keeps its own number and date conventions), else the language's own locale is
  used (``es`` -> es_ES).  The core's messages shown in the GUI follow the same language
  (:mod:`ui.core_messages`), as do the code lists (``ui.widgets.code_combo``).
- The ``.qm`` files are built from the ``.ts`` sources by the package build (``setup.py``);
  they are not in git.  In a source checkout where the ``.qm`` is missing or older than
  its ``.ts``, it is compiled on the spot with PySide6's ``lrelease`` (a warning in the log
  says so).  If that fails too, the window stays English and the log and the language
  dialog say why: never silently.
- :func:`language_action` is the "Language…" menu action; :class:`LanguageDialog` the
  dialog it opens (a combo box with the languages named in their own language).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from clinic_app.i18n import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, normalise_lang
from ui.preferences import workstation_settings

log = logging.getLogger(__name__)

#: the ``QSettings`` key of the language setting
LANGUAGE_KEY = "ui/language"
#: the setting's default: follow the operating system's preferred languages
SYSTEM = "system"
SETTINGS: tuple[str, ...] = (SYSTEM, *SUPPORTED_LANGUAGES)
#: each language named in itself, as language menus do (not translated on purpose)
AUTONYMS: dict[str, str] = {"en": "English", "es": "Español"}
#: base name of our catalogues: ``continuum_es.ts`` -> ``continuum_es.qm``
CATALOGUE_PREFIX = "continuum_"
#: object name of the translators installed here (so a second call replaces them)
_TRANSLATOR_NAME = "continuum-translator"


@dataclass(frozen=True)
class InstalledLanguage:
    """What :func:`install_translations` did: the setting, the language in effect, any problem."""

    setting: str
    language: str
    problem: str = ""


_installed: InstalledLanguage | None = None


# --- the setting -------------------------------------------------------------------------------
def language_setting() -> str:
    """This computer's language setting (``"system"`` when unset or not understood)."""
    value = workstation_settings().value(LANGUAGE_KEY, SYSTEM)
    return value if isinstance(value, str) and value in SETTINGS else SYSTEM


def set_language_setting(setting: str) -> None:
    """Remember ``setting`` (one of :data:`SETTINGS`) for the next start."""
    if setting not in SETTINGS:
        raise ValueError(f"unknown language setting {setting!r}; expected one of {', '.join(SETTINGS)}")
    workstation_settings().setValue(LANGUAGE_KEY, setting)


def _language_of(locale: QLocale) -> str | None:
    """``"en"``/``"es"`` for a locale of a language Continuum has (the C locale is English), else None."""
    if locale.language() == QLocale.Language.C:
        return "en"
    code = QLocale.languageToCode(locale.language())
    return code if code in SUPPORTED_LANGUAGES else None


def resolve_language(setting: str, system: QLocale | None = None) -> str:
    """The language the window uses for ``setting``; ``"system"`` looks at ``system``'s preferences.

    The operating system's preferred languages are tried in order (``uiLanguages``); the
    first one Continuum has wins, English when none is.
    """
    if setting in SUPPORTED_LANGUAGES:
        return setting
    system = system if system is not None else QLocale.system()
    for tag in system.uiLanguages():
        language = _language_of(QLocale(tag))
        if language is not None:
            return language
    return _language_of(system) or DEFAULT_LANGUAGE


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The locale for dates and numbers: the system's if it is of ``language``, else the language's own."""
    system = system if system is not None else QLocale.system()
    return system if _language_of(system) == language else QLocale(language)


def ui_language() -> str:
    """The language the window is in (``"en"``/``"es"``), from the default ``QLocale``."""
    return normalise_lang(QLocale().name())


def installed_language() -> InstalledLanguage | None:
    """What the last :func:`install_translations` did (``None`` before it ran)."""
    return _installed


# --- the catalogues ---------------------------------------------------------------------------------
def translations_folder() -> Path:
    """Where ``continuum_<lang>.ts`` and the ``.qm`` built from it are."""
    return Path(str(resources.files("ui.resources").joinpath("translations")))


def qt_tool(name: str) -> Path:
    """One of PySide6's Qt tools (``lrelease``, ``lupdate``): they sit in the PySide6 package folder."""
    import PySide6

    return Path(PySide6.__file__).resolve().parent / (f"{name}.exe" if sys.platform == "win32" else name)


def compile_catalogue(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm`` with ``lrelease``; ``RuntimeError`` with its output if it fails."""
    result = subprocess.run([str(qt_tool("lrelease")), "-silent", str(ts), "-qm", str(qm)],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0 or not qm.is_file():
        raise RuntimeError(f"lrelease failed on {ts.name}: {(result.stderr or result.stdout).strip()}")


def catalogue_file(language: str, folder: Path | None = None) -> Path:
    """The ``.qm`` of ``language``, compiled first if it is missing or older than its ``.ts``.

    A source checkout whose folder cannot be written gets the ``.qm`` in a temporary folder.
    ``FileNotFoundError`` if there is neither; ``RuntimeError`` if compiling fails.
    """
    folder = folder or translations_folder()
    qm, ts = folder / f"{CATALOGUE_PREFIX}{language}.qm", folder / f"{CATALOGUE_PREFIX}{language}.ts"
    if not ts.is_file():
        if not qm.is_file():
            raise FileNotFoundError(f"there is no {qm.name} (nor {ts.name}) in {folder}")
        return qm
    if qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    log.warning("%s is missing or older than %s: compiling it with lrelease", qm.name, ts.name)
    target = qm if os.access(folder, os.W_OK) else Path(tempfile.mkdtemp(prefix="continuum-qm-")) / qm.name
    compile_catalogue(ts, target)
    return target


def _load(app: QApplication, path: Path) -> str:
    """Install the translations in ``path``; '' if done, else why not."""
    translator = QTranslator(app)
    translator.setObjectName(_TRANSLATOR_NAME)
    if not translator.load(str(path)) or translator.isEmpty():
        translator.deleteLater()
        return f"{path.name} could not be read or holds no translation"
    app.installTranslator(translator)
    return ""


def install_translations(app: QApplication, setting: str | None = None) -> InstalledLanguage:
    """Put the window, Qt's own texts, dates and numbers into the language of ``setting``.

    ``setting`` defaults to this computer's (:func:`language_setting`).  Translators a
    previous call installed are removed first.  Returns what was done; a catalogue that
    could not be loaded leaves the window English and is logged as an error.
    """
    global _installed
    setting = setting if setting is not None else language_setting()
    language = resolve_language(setting)
    for old in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.deleteLater()
    problem = ""
    if language != DEFAULT_LANGUAGE:
        try:
            problem = _load(app, catalogue_file(language))
        except (OSError, RuntimeError) as exc:
            problem = str(exc)
        if problem:
            log.error("The '%s' translation could not be loaded (%s); the window stays in English.", language, problem)
            language = DEFAULT_LANGUAGE
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if language != DEFAULT_LANGUAGE and _load(app, qt_folder / f"qtbase_{language}.qm"):
        log.warning("Qt's own '%s' translation (qtbase_%s.qm) is not in %s", language, language, qt_folder)
    QLocale.setDefault(locale_for(language))
    _installed = InstalledLanguage(setting, language, problem)
    return _installed


# --- the dialog ----------------------------------------------------------------------------------------
class LanguageDialog(QDialog):
    """Choose the language setting; it takes effect at the next start."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Language"))
        self.setMinimumWidth(420)
        self.combo = QComboBox(self)
        system = AUTONYMS[resolve_language(SYSTEM)]
        self.combo.addItem(self.tr("Same as the computer ({language})").format(language=system), SYSTEM)
        for language in SUPPORTED_LANGUAGES:
            self.combo.addItem(AUTONYMS[language], language)
        self.combo.setCurrentIndex(self.combo.findData(language_setting()))
        label = QLabel(self.tr("&Language of Continuum:"), self)
        label.setBuddy(self.combo)
        self.combo.setAccessibleName(self.tr("Language of Continuum"))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setObjectName("languageNote")
        self.note.setProperty("kind", "hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (label, self.combo, self.note, buttons):
            layout.addWidget(widget)
        self.combo.currentIndexChanged.connect(self._update_note)
        self._update_note()

    def chosen(self) -> str:
        return str(self.combo.currentData())

    def _update_note(self) -> None:
        installed = installed_language()
        current = installed.language if installed is not None else ui_language()
        lines = []
        if installed is not None and installed.problem:
            wanted = AUTONYMS[resolve_language(installed.setting)]
            lines.append(self.tr("The {language} translation could not be loaded, so Continuum is in English. "
                                 "The log file says why.").format(language=wanted))
        if resolve_language(self.chosen()) != current:
            lines.append(self.tr("Continuum changes to {language} the next time it starts.").format(
                language=AUTONYMS[resolve_language(self.chosen())]))
        self.note.setText("\n".join(lines))
        self.note.setVisible(bool(lines))

    def accept(self) -> None:
        set_language_setting(self.chosen())
        super().accept()


def open_language_dialog(parent: QWidget) -> LanguageDialog:
    """Open the language dialog over ``parent`` (window-modal, no nested event loop)."""
    dialog = LanguageDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def language_action(parent: QWidget) -> QAction:
    """The "Language…" menu action: opens :class:`LanguageDialog` over ``parent``."""
    action = QAction(QCoreApplication.translate("LanguageDialog", "&Language…"), parent)
    action.setObjectName("languageAction")
    action.triggered.connect(lambda: open_language_dialog(parent))
    return action
