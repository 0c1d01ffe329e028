"""House rules that the code's shape must keep."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_core_and_cli_load_no_qt() -> None:
    code = (
        "import sys, clinic_app, clinic_app.cli\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"clinic_app imported Qt modules: {out.stdout}"


def _imports(package: str) -> dict[Path, set[str]]:
    found: dict[Path, set[str]] = {}
    for path in (ROOT / package).rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
        found[path] = names
    return found


def test_core_never_imports_qt() -> None:
    offenders = {p: n & {"PySide6", "shiboken6"} for p, n in _imports("clinic_app").items()}
    assert not {p: n for p, n in offenders.items() if n}


def test_ui_never_touches_sql_or_crypto() -> None:
    forbidden = {"sqlalchemy", "sqlcipher3", "cryptography", "sqlite3"}
    offenders = {p: n & forbidden for p, n in _imports("ui").items()}
    assert not {p: n for p, n in offenders.items() if n}
