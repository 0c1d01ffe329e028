"""``continuum-admin``: the headless command line (entry point ``clinic_app.cli:main``).

The machinery (parser, global options, secrets from stdin, exit codes) is in
:mod:`clinic_app.cli.base`; the commands live in modules beside it, each with a
``register(subparsers)`` function.  To add commands, write such a module and add it to the
import and to ``COMMAND_MODULES`` below; the order there is the order in ``--help``.
"""

from __future__ import annotations

from collections.abc import Sequence

from clinic_app.cli import backup, demo, foundation, printing, records, statistics
from clinic_app.cli.base import CommandModule, run

COMMAND_MODULES: tuple[CommandModule, ...] = (foundation, records, printing, backup, demo, statistics)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``continuum-admin`` with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    return run(argv, COMMAND_MODULES)
