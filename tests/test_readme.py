"""README.md opens with the two commands, and CI runs the very test command it gives."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    return re.findall(r"```sh\n(.+?)\n```", readme)[:2]


def test_readme_starts_with_demo_and_test_commands() -> None:
    demo, tests = _commands()
    assert "pip install" in demo and demo.endswith("continuum --demo")
    assert "pip install -e '.[test]'" in tests and "pytest" in tests


def test_ci_runs_the_readme_test_command() -> None:
    _, tests = _commands()
    ci = (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
    assert tests in ci
