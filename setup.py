"""Build step of the package (the metadata is in ``pyproject.toml``; this adds two files).

``build_py`` is extended so that every build, a wheel or ``pip install -e``, also:

- compiles every Qt translation source ``ui/resources/translations/*.ts`` into its
  ``.qm`` with PySide6's ``lrelease`` (the ``.qm`` files are build output, git-ignored);
- copies ``README.md`` into the package as ``ui/help/README.md`` (the Help menu's user
  guide reads it from there).

In a wheel both land in the build folder.  An editable install compiles the ``.qm`` next
to its ``.ts`` in the source tree and copies no README: ``ui.help.guide`` falls back to the
repository's own, whose pictures (``docs/images``) are only there.

PySide6-Essentials (which has ``lrelease``) is a build requirement in ``pyproject.toml``,
so this works under pip's build isolation on a machine without Qt.  The build cannot import
the package it builds, so the few lines that run ``lrelease`` are here as well as in
``ui.language`` (which compiles a missing ``.qm`` in a source checkout at run time).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
TRANSLATIONS = Path("ui", "resources", "translations")
README = "README.md"
GUIDE = Path("ui", "help", README)


def lrelease_program() -> Path:
    """PySide6's ``lrelease``, found without importing Qt (it sits in the PySide6 package folder)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("PySide6 is needed to build Continuum's translations (install PySide6-Essentials)")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return folder / ("lrelease.exe" if sys.platform == "win32" else "lrelease")


def compile_translations(sources: Path, target: Path) -> list[Path]:
    """Compile every ``*.ts`` in ``sources`` into ``target/<name>.qm``; returns the files written."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sorted(sources.glob("*.ts")):
        qm = target / ts.with_suffix(".qm").name
        result = subprocess.run([str(lrelease_program()), "-silent", str(ts), "-qm", str(qm)],
                                capture_output=True, text=True, check=False)
        if result.returncode != 0 or not qm.is_file():
            raise RuntimeError(f"lrelease failed on {ts}: {(result.stderr or result.stdout).strip()}")
        written.append(qm)
    return written


class BuildWithTranslations(build_py):
    """``build_py`` plus the compiled translations and the user guide (see the module docstring)."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            compile_translations(ROOT / TRANSLATIONS, ROOT / TRANSLATIONS)
            return
        build = Path(self.build_lib)
        compile_translations(ROOT / TRANSLATIONS, build / TRANSLATIONS)
        (build / GUIDE).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / README, build / GUIDE)


if __name__ == "__main__":  # pip and setuptools run this file as __main__; tests import it for its functions
    setup(cmdclass={"build_py": BuildWithTranslations})
