"""Build the one-folder bundle ``dist/continuum/`` on the system it runs on (Linux, Windows, macOS).

Usage, with a Python in which Continuum is installed *non-editable* together with PyInstaller::

    python -m venv build/venv && build/venv/bin/pip install . pyinstaller
    build/venv/bin/python installer/build.py

Steps:

1. check the translations: the package build (``setup.py``, run by ``pip install .``)
   compiles every ``continuum_<lang>.ts`` into its ``.qm`` with PySide6's ``lrelease``;
   each must be in the installed ``ui`` package, never taken from a working tree;
2. render the icon ``ui/resources/icons/continuum.svg`` (QtSvg, offscreen) into
   ``build/icons/continuum-256.png`` and ``build/icons/continuum.ico`` (16-256 px, Pillow);
3. run PyInstaller with ``installer/continuum.spec`` (work files in ``build/pyinstaller``,
   output in ``dist/continuum``).  PyInstaller runs from ``build/``, not from the source
   tree, so that ``import ui`` finds the installed package and never the checkout;
4. on Linux, copy ``installer/linux/install.sh``, the desktop entry and the icons into
   ``dist/continuum/``, so that folder (or an archive of it) installs itself.

An editable install is refused: its import hooks point into the checkout, which is not what
is being shipped.  Exit code 0 on success; a failed step prints what failed and exits 1.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
DIST = ROOT / "dist"
BUNDLE = DIST / "continuum"
SPEC = ROOT / "installer" / "continuum.spec"
ICON_SVG = ROOT / "ui" / "resources" / "icons" / "continuum.svg"  # also the window icon (ui/app.py)
LINUX_FILES = (ROOT / "installer" / "linux" / "install.sh", ROOT / "installer" / "linux" / "continuum.desktop")
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


class BuildError(Exception):
    """A step failed; the message says which and why."""


def installed_package_folder(package: str) -> Path:
    """Where ``package`` is imported from; ``BuildError`` if it is missing or is the checkout itself."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise BuildError(f"{package} is not installed in {sys.executable}: run `pip install . pyinstaller` first.")
    folder = Path(spec.origin).resolve().parent
    if folder == (ROOT / package).resolve():
        raise BuildError(f"{package} is imported from the source tree ({folder}): install Continuum non-editable "
                         "(`pip install .`) in a separate virtual environment to build the bundle.")
    return folder


def check_translations() -> list[Path]:
    """The compiled catalogues of the installed ``ui`` package: one ``.qm`` for every ``.ts``.

    The package build (``setup.py``) compiles them with PySide6's ``lrelease``; a missing
    one means the package was built without that step.
    """
    from ui import language

    folder = language.translations_folder()
    sources = sorted(folder.glob(f"{language.CATALOGUE_PREFIX}*.ts"))
    if not sources:
        raise BuildError(f"no {language.CATALOGUE_PREFIX}*.ts in the installed ui package ({folder})")
    missing = [ts.name for ts in sources if not ts.with_suffix(".qm").is_file()]
    if missing:
        raise BuildError(f"the installed package has no compiled catalogue for {', '.join(missing)}: "
                         "its build (setup.py) should have run lrelease")
    return [ts.with_suffix(".qm") for ts in sources]


def render_icons(target: Path) -> list[Path]:
    """Render the SVG icon as a 256-pixel PNG and a multi-size Windows ``.ico``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # alive while painting
    renderer = QSvgRenderer(str(ICON_SVG))
    if not renderer.isValid():
        raise BuildError(f"{ICON_SVG} is not a valid SVG")
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    target.mkdir(parents=True, exist_ok=True)
    png = target / "continuum-256.png"
    if not image.save(str(png)):
        raise BuildError(f"could not write {png}")
    ico = target / "continuum.ico"
    with Image.open(png) as picture:
        picture.save(ico, format="ICO", sizes=[(size, size) for size in ICO_SIZES])
    return [png, ico]


def run_pyinstaller() -> None:
    BUILD.mkdir(exist_ok=True)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"), str(SPEC)]
    if subprocess.run(command, cwd=BUILD, check=False).returncode != 0:
        raise BuildError("PyInstaller failed (its messages are above)")


def add_linux_installer(icons: list[Path]) -> None:
    for source in (*LINUX_FILES, ICON_SVG, *(p for p in icons if p.suffix == ".png")):
        shutil.copy2(source, BUNDLE / source.name)
    (BUNDLE / "install.sh").chmod(0o755)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    started = time.monotonic()

    def step(message: str) -> None:
        print(f"[{time.monotonic() - started:6.1f} s] {message}", flush=True)

    try:
        for package in ("ui", "clinic_app"):
            installed_package_folder(package)
        step("checking the compiled translations")
        for qm in check_translations():
            step(f"  {qm.name}: {qm.stat().st_size} bytes")
        step("rendering the icons")
        icons = render_icons(BUILD / "icons")
        step("running PyInstaller")
        run_pyinstaller()
        if sys.platform.startswith("linux"):
            add_linux_installer(icons)
    except BuildError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    step(f"built {BUNDLE.relative_to(ROOT)}: {folder_size(BUNDLE) / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
