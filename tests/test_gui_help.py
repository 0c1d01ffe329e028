"""The Help menu: the user guide (F1), where the data is, the how-to pages (offscreen Qt).

The guide is the README rendered from Markdown: the user part only, pictures resolved
when their files exist and removed (never broken) when they do not, contents links that
scroll.  "Where is my data?" shows the real data, backup and log folders.  The how-to
pages name the buttons the app really has, checked against the widgets themselves.
A Spanish window shows the Spanish guide (``ui/help/user_guide.es.md``), which is held to
the README's structure (headings, pictures, commands) and quotes the GUI's own Spanish labels.
``CONTINUUM_SCREENSHOTS=/some/folder`` keeps the pictures.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path

import platformdirs
import pytest
from conftest import Installation
from gui_helpers import save_screenshot, unlabelled_inputs
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_gui_shell import _configured_app, _gui_settings, open_window, runner  # noqa: F401 - shared GUI fixtures
from test_translations import CATALOGUE_TS, read_ts, restored_language  # noqa: F401 - a shared fixture

import ui
from clinic_app.backup import destination
from clinic_app.config import APP_AUTHOR, APP_NAME
from ui import language
from ui.backup.panel import BackupsPanel
from ui.backup.restore_wizard import RestoreWizard
from ui.forms import plain_label
from ui.help import folders, guide
from ui.help.window import HelpWindow
from ui.main_window import MainWindow
from ui.session import Session
from ui.setup_wizard import SetupWizard
from ui.sign_in import SignInDialog
from ui.tasks import TaskRunner

README = Path(ui.__file__).resolve().parent.parent / "README.md"
SPANISH_GUIDE = Path(guide.__file__).resolve().parent / guide.TRANSLATED_GUIDES["es"]
#: italic text in the Spanish guide that is not one of Continuum's labels (Windows' own Settings)
NOT_CONTINUUMS_LABELS = {"Configuración → Aplicaciones → Continuum → Desinstalar"}
_FENCE = re.compile(r"^```.*?^```", re.DOTALL | re.MULTILINE)
_CODE = re.compile(r"`[^`]*`")
_BOLD = re.compile(r"\*\*[^*]+\*\*")
_ITALIC = re.compile(r"\*([^*\s][^*]*?)\*")
PICTURES = """# Guide

- [Start](#start)
- [For developers](#for-developers)

## Start

![The main window](docs/images/main.png)
![Gone](docs/images/gone.png)

| care plan | summary |
|---|---|
| ![](docs/images/plan.png) | ![](docs/images/summary.png) |

| lost | pictures |
|---|---|
| ![](docs/images/lost-1.png) | ![](docs/images/lost-2.png) |

| command | what |
|---|---|
| `backup` | makes a backup |

## For developers

Run the tests.
"""


@pytest.fixture
def window(qtbot: QtBot, installation: Installation, runner: TaskRunner) -> Iterator[MainWindow]:
    main = open_window(qtbot, Session(installation.ws, installation.counsellor, runner))
    yield main
    main.close()
    runner.wait_idle()


@pytest.fixture
def spanish_window(qapp: QApplication, restored_language: None) -> None:
    """Continuum is in Spanish (translations and locale) for the test, English again afterwards."""
    assert language.install_translations(qapp, "es").language == "es"


def help_windows() -> list[HelpWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, HelpWindow) and w.isVisible()]


# --- the guide's text ---------------------------------------------------------------------------------------
def test_prepare_guide_keeps_the_user_part_and_only_pictures_that_exist(tmp_path: Path) -> None:
    images = tmp_path / "docs" / "images"
    images.mkdir(parents=True)
    for name in ("main.png", "plan.png", "summary.png"):
        (images / name).write_bytes(b"png")
    text = guide.prepare_guide(PICTURES, tmp_path)
    assert "For developers" not in text and "Run the tests" not in text  # the contents entry goes too
    assert "- [Start](#start)" in text
    assert f"![The main window]({(images / 'main.png').as_uri()})" in text
    assert "gone.png" not in text and "Gone" not in text
    assert f"![plan]({(images / 'plan.png').as_uri()})" in text  # alt text added: Qt drops a bare cell image
    assert "lost" not in text and "pictures" not in text  # a table that lost every picture goes whole
    assert "| `backup` | makes a backup |" in text

    without = guide.prepare_guide(PICTURES, None)  # a package without docs/images
    assert "![" not in without and "care plan" not in without and "| `backup` |" in without


def test_the_packaged_guide_comes_first_then_the_checkout_readme(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    packaged = tmp_path / "package"
    packaged.mkdir()
    monkeypatch.setattr(guide.resources, "files", lambda _package: packaged)
    found = guide.read_guide()
    assert found is not None and found.markdown == README.read_text("utf-8") and found.base == README.parent

    (packaged / "README.md").write_text("# Packaged guide\n", "utf-8")
    assert guide.read_guide() == guide.GuideText("# Packaged guide\n", packaged)

    (packaged / "README.md").unlink()
    monkeypatch.setattr(ui, "__file__", str(tmp_path / "nowhere" / "ui" / "__init__.py"))
    assert guide.read_guide() is None
    missing = guide.UserGuideWindow()
    assert "The user guide is missing" in missing.browser.toPlainText()


@pytest.mark.parametrize(("title", "anchor"), [
    ("The recovery code", "the-recovery-code"),
    ("Backups, restoring, and moving to a new computer", "backups-restoring-and-moving-to-a-new-computer"),
    ("The command line: continuum-admin", "the-command-line-continuum-admin"),
])
def test_slug_matches_githubs_anchors(title: str, anchor: str) -> None:
    assert guide.slug(title) == anchor


def readme_user_part() -> str:
    return README.read_text("utf-8").split("\n" + guide.DEVELOPER_SECTION, 1)[0]


def outline(markdown: str) -> Counter[int]:
    """How many headings there are at each level (code blocks left out)."""
    headings = (line for line in _FENCE.sub("", markdown).splitlines() if guide._HEADING.match(line))
    return Counter(len(line) - len(line.lstrip("#")) for line in headings)


def pictures(markdown: str) -> Counter[str]:
    return Counter(m.group("path") for m in guide._IMAGE.finditer(markdown))


def quoted_labels(markdown: str) -> set[str]:
    """The italic text (the guide's way of quoting a window's label), whitespace made single."""
    text = _BOLD.sub("", _CODE.sub("", _FENCE.sub("", markdown)))
    return {" ".join(m.group(1).split()) for m in _ITALIC.finditer(text)}


def test_the_spanish_guide_has_the_readmes_structure_pictures_and_commands() -> None:
    english, spanish = readme_user_part(), SPANISH_GUIDE.read_text("utf-8")
    assert outline(spanish) == outline(english)
    assert pictures(spanish) == pictures(english)
    assert _FENCE.findall(spanish) == _FENCE.findall(english)  # commands unchanged, same order
    anchors = {guide.slug(guide._plain_heading(m.group("title")))
               for line in _FENCE.sub("", spanish).splitlines() if (m := guide._HEADING.match(line))}
    links = re.findall(r"\]\(#([^)\s]+)\)", spanish)
    assert len(links) == len(re.findall(r"\]\(#([^)\s]+)\)", english)) - 1  # no "For developers" entry
    assert [link for link in links if link not in anchors] == []
    assert guide.prepare_guide(spanish, README.parent).count("](file:") == sum(pictures(spanish).values())


def test_the_spanish_guide_quotes_the_guis_own_spanish_labels() -> None:
    labels = {plain_label(message.translation) for message in read_ts(CATALOGUE_TS).values() if message.finished}
    quoted = quoted_labels(SPANISH_GUIDE.read_text("utf-8"))
    assert NOT_CONTINUUMS_LABELS <= quoted
    assert "Administración → Copias de seguridad" in quoted and "Archivo → Idioma…" in quoted
    unknown = sorted(part for label in quoted - NOT_CONTINUUMS_LABELS for part in label.split(" → ")
                     if part not in labels)
    assert unknown == []


def test_the_guide_is_read_in_the_language_asked_for_else_in_english(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spanish = guide.read_guide("es")
    assert spanish == guide.GuideText(SPANISH_GUIDE.read_text("utf-8"), README.parent)  # the README's pictures
    assert guide.read_guide("en") == guide.GuideText(README.read_text("utf-8"), README.parent)
    packaged = tmp_path / "package"
    packaged.mkdir()
    monkeypatch.setattr(guide.resources, "files", lambda _package: packaged)
    assert guide.read_guide("es") == guide.read_guide("en")  # no translation installed: the README

    package_data = tomllib.loads((README.parent / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    assert any(fnmatch(f"help/{SPANISH_GUIDE.name}", pattern) for pattern in package_data["package-data"]["ui"])


# --- the menu and its windows --------------------------------------------------------------------------------
def test_f1_opens_the_user_guide_with_the_readme_and_its_pictures(qtbot: QtBot, window: MainWindow) -> None:
    menu = window.help
    actions = (menu.guide_action, menu.data_action, menu.backup_action, menu.moving_action, menu.about_action)
    assert [plain_label(a.text()) for a in actions] == [
        "User guide", "Where is my data?", "How to back up and restore", "How to move to a new computer",
        "About Continuum"]
    [help_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&Help"]
    assert all(a in help_menu.actions() for a in actions)
    assert menu.guide_action.shortcut().toString() == "F1"
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    [shown] = help_windows()
    assert isinstance(shown, guide.UserGuideWindow) and shown.windowTitle() == "User guide – Continuum"
    text = shown.browser.toPlainText()
    assert "The recovery code" in text and "Moving to a new computer" in text
    assert "For developers" not in text and "Performance benchmark" not in text
    assert unlabelled_inputs(shown) == []

    pictures = shown.browser.document().toHtml().count("<img ")
    assert pictures == README.read_text("utf-8").count("](docs/images/")  # a source checkout has them all
    shown.resize(900, 700)
    save_screenshot(shown, "help-guide")
    assert not shown.browser.horizontalScrollBar().isVisible()  # pictures scaled down, code wrapped
    scrollbar = shown.browser.verticalScrollBar()
    assert scrollbar.value() == 0
    shown.follow(QUrl("#the-recovery-code"))
    assert scrollbar.value() > 0
    assert shown.heading_position("no-such-heading") is None
    assert menu.open_guide() is shown  # one guide window, brought to the front


def link_targets(document: QTextDocument) -> list[str]:
    targets = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            if fragments.fragment().charFormat().isAnchor():
                targets.append(fragments.fragment().charFormat().anchorHref())
            fragments += 1
        block = block.next()
    return targets


def test_f1_shows_the_spanish_guide_in_a_spanish_window(
        qtbot: QtBot, spanish_window: None, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    shown = window.help.open_guide()
    assert shown.isVisible() and shown.windowTitle() == "Guía de uso – Continuum"
    text = shown.browser.toPlainText()
    assert "El código de recuperación" in text and "Copias de seguridad, restauración y traslado" in text
    assert "The recovery code" not in text and "For developers" not in text
    pictures_shown = shown.browser.document().toHtml().count("<img ")
    assert pictures_shown == SPANISH_GUIDE.read_text("utf-8").count("](docs/images/")
    shown.resize(900, 700)
    save_screenshot(shown, "help-guide-es")
    assert not shown.browser.horizontalScrollBar().isVisible()

    contents = link_targets(shown.browser.document())
    assert "#el-código-de-recuperación" in contents  # a contents entry, accents and all
    scrollbar = shown.browser.verticalScrollBar()
    assert scrollbar.value() == 0
    shown.follow(QUrl("#el-código-de-recuperación"))
    assert scrollbar.value() > 0
    assert all(shown.heading_position(QUrl(target).fragment()) is not None
               for target in contents if target.startswith("#"))


def test_where_is_my_data_shows_the_data_backup_and_log_folders(
        qtbot: QtBot, window: MainWindow, installation: Installation, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(folders, "open_folder", lambda folder: opened.append(folder) or True)
    dialog = window.help.open_data_folders()
    assert window.session.runner.wait_idle()
    assert unlabelled_inputs(dialog) == []
    assert dialog.data_row.path.text() == str(installation.data_dir)
    assert "continuum.db" in dialog.data_row.note.text()
    assert dialog.log_row.path.text() == platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)
    assert dialog.backup_row.path.text() == "" and "No backup folder" in dialog.backup_row.note.text()
    assert not dialog.backup_row.open_button.isEnabled() and not dialog.backup_row.copy_button.isEnabled()

    usb = tmp_path / "usb-stick"
    usb.mkdir()
    destination.remember_destination(installation.data_dir, usb)
    assert window.help.open_data_folders() is dialog
    assert window.session.runner.wait_idle()
    assert dialog.backup_row.path.text() == str(usb.resolve()) and dialog.backup_row.open_button.isEnabled()
    dialog.backup_row.open_button.click()
    dialog.data_row.copy_button.click()
    assert opened == [usb.resolve()]
    assert QGuiApplication.clipboard().text() == str(installation.data_dir)
    assert str(installation.data_dir) in dialog.message.text()
    dialog.resize(820, 400)
    save_screenshot(dialog, "help-data")

    monkeypatch.setattr(folders, "open_folder", lambda _folder: False)
    dialog.data_row.open_button.click()
    assert "could not be opened" in dialog.message.text()

    usb.rmdir()  # the USB stick is taken out
    window.help.open_data_folders()
    assert window.session.runner.wait_idle()
    assert "cannot be found" in dialog.backup_row.note.text() and not dialog.backup_row.open_button.isEnabled()


def test_the_how_to_pages_name_the_buttons_the_app_really_has(
        qtbot: QtBot, installation: Installation, runner: TaskRunner, tmp_path: Path) -> None:
    admin = open_window(qtbot, Session(installation.ws, installation.admin, runner))
    panel = admin.open_screen("Administration").backups
    assert isinstance(panel, BackupsPanel)
    backing_up = admin.help.open_backup_help()
    moving = admin.help.open_moving_help()
    assert unlabelled_inputs(backing_up) == [] and unlabelled_inputs(moving) == []
    backup_text, moving_text = backing_up.browser.toPlainText(), moving.browser.toPlainText()
    save_screenshot(backing_up, "help-backup")
    save_screenshot(moving, "help-moving")
    names = {"Choose folder…": panel.folder_field.choose_button.text(),
             "Back up now": panel.back_up_button.text(),
             "Test restore": panel.test_button.text()}
    admin.close()
    runner.wait_idle()

    sign_in = SignInDialog(installation.data_dir, runner)
    setup = SetupWizard(tmp_path / "new-computer", runner)
    restore = RestoreWizard(tmp_path / "new-computer", runner)
    for widget in (sign_in, setup, restore):
        qtbot.addWidget(widget)
    assert runner.wait_idle()
    names |= {
        "Restore from a backup…": sign_in.restore.text(),
        "Forgot your password? Use the recovery code…": sign_in.forgot.text(),
        "Restore a backup instead…": setup.welcome_page.restore_button.text(),
        "Restore": restore.credentials_page.buttonText(restore.WizardButton.CommitButton),
    }
    for name, real in names.items():
        assert plain_label(real) == name
        assert f"“{name}”" in backup_text + moving_text, name
    assert "pre-restore-backups" in backup_text
    assert "continuum-admin --data-dir FOLDER restore --from FILE" in backup_text
    assert "recovery code" in moving_text and "Administration › Accounts" in moving_text
