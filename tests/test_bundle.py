"""The installers' own logic, without building a bundle (``installer/ci_bundle.sh`` builds and runs one).

- ``installer/linux/install.sh`` installs a bundle for one user (no root), upgrades it in
  place, uninstalls it, and never touches the data folder;
- the desktop entry is valid and has its Spanish texts;
- the PyInstaller spec leaves out no Qt module the code imports;
- the Windows installer is per-user and never deletes the data folder.
"""

from __future__ import annotations

import ast
import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
INSTALL_SH = INSTALLER / "linux" / "install.sh"
DESKTOP = INSTALLER / "linux" / "continuum.desktop"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="install.sh is for Linux")


def _fake_bundle(folder: Path, version: str) -> Path:
    """A folder shaped like ``dist/continuum`` after ``installer/build.py`` (the program only says its version)."""
    (folder / "_internal").mkdir(parents=True)
    program = folder / "continuum"
    program.write_text(f"#!/bin/sh\necho {version}\n", "utf-8")
    program.chmod(0o755)
    shutil.copy2(INSTALL_SH, folder / "install.sh")
    shutil.copy2(DESKTOP, folder / "continuum.desktop")
    shutil.copy2(ROOT / "ui" / "resources" / "icons" / "continuum.svg", folder / "continuum.svg")
    (folder / "continuum-256.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return folder


def _run(script: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home)}
    return subprocess.run(["sh", str(script), *args], env=env, capture_output=True, text=True, check=False, timeout=60)


def test_install_sh_installs_for_the_user_upgrades_and_uninstalls_keeping_the_data(tmp_path: Path) -> None:
    home = tmp_path / "home"
    records = home / ".local" / "share" / "Continuum"
    records.mkdir(parents=True)
    (records / "continuum.db").write_bytes(b"encrypted records")
    opt = home / ".local" / "opt" / "continuum"
    entry = home / ".local" / "share" / "applications" / "continuum.desktop"
    icon = home / ".local" / "share" / "icons" / "hicolor" / "scalable" / "apps" / "continuum.svg"

    first = _fake_bundle(tmp_path / "v1", "1.0")
    result = _run(first / "install.sh", home=home)  # from inside the bundle, as a user would
    assert result.returncode == 0, result.stderr
    assert subprocess.run([str(opt / "continuum")], capture_output=True, text=True, check=True).stdout == "1.0\n"
    lines = entry.read_text("utf-8").splitlines()
    assert f'Exec="{opt}/continuum"' in lines
    assert f"TryExec={opt}/continuum" in lines
    assert icon.is_file()
    assert (home / ".local" / "share" / "icons" / "hicolor" / "256x256" / "apps" / "continuum.png").is_file()
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(entry)], check=True)

    second = _fake_bundle(tmp_path / "v2", "2.0")
    assert _run(INSTALL_SH, str(second), home=home).returncode == 0  # the bundle given as an argument
    assert subprocess.run([str(opt / "continuum")], capture_output=True, text=True, check=True).stdout == "2.0\n"
    assert sorted(p.name for p in opt.parent.iterdir()) == ["continuum"]

    result = _run(INSTALL_SH, "--uninstall", home=home)
    assert result.returncode == 0, result.stderr
    assert not opt.exists() and not entry.exists() and not icon.exists()
    assert (records / "continuum.db").read_bytes() == b"encrypted records"


def test_install_sh_refuses_a_folder_that_is_not_a_bundle(tmp_path: Path) -> None:
    result = _run(INSTALL_SH, str(tmp_path), home=tmp_path / "home")
    assert result.returncode == 2
    assert "is not a Continuum bundle" in result.stderr
    assert not (tmp_path / "home" / ".local" / "opt").exists()


def test_the_desktop_entry_has_its_spanish_texts() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Icon"] == "continuum" and entry["Terminal"] == "false"
    assert entry["Name[es]"] and entry["Comment[es]"] and entry["Comment[es]"] != entry["Comment"]


def _pyside_modules_imported(package: str) -> set[str]:
    found = set()
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            found.update(n.split(".")[1] for n in names if n.startswith("PySide6."))
    return found


def test_the_spec_leaves_out_no_qt_module_the_code_imports() -> None:
    tree = ast.parse((INSTALLER / "continuum.spec").read_text("utf-8"))
    excluded = next(ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == "UNUSED_QT_MODULES" for t in node.targets))
    used = _pyside_modules_imported("ui") | _pyside_modules_imported("clinic_app")
    assert {"QtWidgets", "QtPdf"} <= used
    assert used.isdisjoint(excluded)


def test_the_windows_installer_is_per_user_and_never_deletes_the_data() -> None:
    script = (INSTALLER / "windows" / "continuum.iss").read_text("utf-8-sig")
    lines = [line.strip() for line in script.splitlines() if not line.lstrip().startswith(";")]
    assert "PrivilegesRequired=lowest" in lines
    assert "[UninstallDelete]" not in lines
    assert any(line.startswith('Name: "spanish"') for line in lines)
    assert all("{localappdata}" not in line.lower() and "continuum\\continuum" not in line.lower()
               for line in lines if line.startswith("Type:"))
