"""The machinery of ``continuum-admin``: parser, global options, secrets from stdin, exit codes.

Command modules (``clinic_app/cli/foundation.py`` and the ones that follow) only describe
their commands; everything every command shares lives here:

- **Exit codes**: 0 success, 1 a check failed (or an internal error), 2 bad usage or
  input, 3 sign-in failed.  A user error is reported as one line on stderr, prefixed with
  the program name, never with a traceback; a ``ValidationError`` gives one
  ``field: message`` line per field.  An unexpected exception prints a one-line "internal
  error" message; its traceback goes to stderr only when ``CONTINUUM_DEBUG=1``.
  Ctrl-C or Ctrl-D at a prompt counts as cancelled input (exit 2); a closed pipe on
  stdout (``… | head``) ends the command quietly.
- **Parser**: ``argparse`` with ``error()`` turned into a one-line message (no usage
  block).  Global options (``--data-dir``, ``--user``) come before the command.
- **Secrets** are never command-line arguments.  When stdin is not a terminal it is read
  as numbered UTF-8 lines (line 1 is the acting user's password, or what the command says);
  only the line ending (``\\n`` or ``\\r\\n``) is removed, never other whitespace, and a
  byte-order mark at the very start of the input is dropped (Windows editors write one).
  When stdin is a terminal, ``getpass`` prompts instead, asking twice for a new password.
  A command reads every secret it needs before the first key derivation, so missing input
  fails fast and leaves no trace in the audit log.

To add commands, write a module under ``clinic_app/cli/`` with a ``register(subparsers)``
function that calls :func:`add_command` for each command, and list the module in
``clinic_app/cli/__init__.py``.  A handler takes a :class:`Context` and returns an exit code.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TextIO, TypeAlias, TypeVar

from clinic_app import workspace
from clinic_app.config import resolve_data_dir
from clinic_app.errors import ContinuumError, SignInFailed, ValidationError
from clinic_app.services.auth import Actor
from clinic_app.uow import UnitOfWork
from clinic_app.workspace import Workspace

PROG = "continuum-admin"
DEBUG_ENV = "CONTINUUM_DEBUG"

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_USAGE = 2
EXIT_SIGN_IN_FAILED = 3

Handler = Callable[["Context"], int]
T = TypeVar("T")


class UsageError(Exception):
    """Bad command line or missing input, found by the command line itself (exit 2)."""


class CheckFailed(Exception):
    """A check the command ran found a problem (exit 1); the message names it."""


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose errors are one line (raised, printed by :func:`run`)."""

    def error(self, message: str) -> Any:  # noqa: D102 - argparse's hook
        raise UsageError(f"{message} (see '{self.prog} --help')")


#: the ``add_subparsers()`` result handed to every ``register`` (argparse has no public name for it)
Subparsers: TypeAlias = "argparse._SubParsersAction[Parser]"


class CommandModule(Protocol):
    """What a module under ``clinic_app/cli/`` provides to contribute commands."""

    def register(self, subparsers: Subparsers) -> None: ...


def add_command(subparsers: Subparsers, name: str, handler: Handler | None, help_text: str,
                description: str | None = None) -> Parser:
    """Add the command ``name``; ``handler`` is None for a group that has its own subcommands."""
    parser = subparsers.add_parser(
        name, help=help_text, description=description or help_text,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    if handler is not None:
        parser.set_defaults(handler=handler, command_name=parser.prog.removeprefix(PROG).strip())
    return parser


def add_group(subparsers: Subparsers, name: str, help_text: str, description: str | None = None) -> Subparsers:
    """Add a command group (``users …``) and return the subparsers its commands go into."""
    parser = add_command(subparsers, name, None, help_text, description)
    return parser.add_subparsers(title="commands", metavar="COMMAND", required=True)


def build_parser(modules: Iterable[CommandModule]) -> Parser:
    parser = Parser(
        prog=PROG,
        description="Headless administration of a Continuum installation.",
        epilog=(
            "Passwords are never arguments. When standard input is not a terminal, line 1 is\n"
            "the acting user's password and line 2 any new password; otherwise you are asked.\n"
            "Exit codes: 0 success, 1 a check failed, 2 bad usage or input, 3 sign-in failed."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--data-dir", metavar="DIR",
                        help="the installation's data folder (default: $CONTINUUM_DATA_DIR, "
                             "else the per-user data folder)")
    parser.add_argument("--user", metavar="NAME", help="the account to sign in as (commands that sign in)")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for module in modules:
        module.register(subparsers)
    return parser


# --- secrets --------------------------------------------------------------------------------


class SecretReader:
    """Secrets in order: numbered lines of a piped stdin, or ``getpass`` prompts on a terminal."""

    def __init__(self, stream: TextIO | None, prompt: Callable[[str], str] | None = None) -> None:
        self._stream = stream
        self._prompt = prompt or getpass.getpass
        self.line_number = 0
        self.interactive = bool(stream is not None and stream.isatty())

    def _next_line(self, what: str) -> str:
        self.line_number += 1
        n = self.line_number
        if self._stream is None:
            raise UsageError(f"There is no standard input to read {what} from (line {n}).")
        buffer = getattr(self._stream, "buffer", None)
        if buffer is not None:
            raw: bytes = buffer.readline()
            if not raw:
                raise UsageError(f"Standard input ended before line {n} ({what}).")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise UsageError(f"Line {n} of standard input ({what}) is not UTF-8 text.") from None
        else:
            text = self._stream.readline()
            if not text:
                raise UsageError(f"Standard input ended before line {n} ({what}).")
        if n == 1 and text.startswith("\ufeff"):
            text = text[1:]
        if text.endswith("\r\n"):
            return text[:-2]
        return text[:-1] if text.endswith("\n") else text

    def secret(self, what: str, prompt: str) -> str:
        """The next secret: the next stdin line, or asked once with ``prompt``."""
        if not self.interactive:
            return self._next_line(what)
        return self._prompt(prompt)

    def new_password(self, what: str, prompt: str) -> str:
        """A password being set: the next stdin line, or asked twice (both must match)."""
        if not self.interactive:
            return self._next_line(what)
        first = self._prompt(prompt)
        if self._prompt("Type it again: ") != first:
            raise UsageError("The two passwords you typed are not the same. Nothing was changed.")
        return first


# --- what a handler gets ----------------------------------------------------------------------


@dataclass
class Context:
    """The parsed command line, the data folder, the secrets and the output of one run."""

    args: argparse.Namespace
    data_dir: Path
    secrets: SecretReader
    out: TextIO

    def require_user(self) -> str:
        user = self.args.user
        if not user or not user.strip():
            raise UsageError(f"This command signs in: give --user NAME before the command "
                             f"(e.g. {PROG} --user admin {self.args.command_name}).")
        return str(user)

    def acting_password(self) -> str:
        """The acting user's password (stdin line 1)."""
        return self.secrets.secret("your password", f"Password for {self.require_user()}: ")

    @contextlib.contextmanager
    def signed_in(self, password: str) -> Iterator[tuple[Workspace, Actor]]:
        """Sign in as ``--user`` with ``password``; the workspace is closed afterwards."""
        ws, actor = workspace.sign_in(self.data_dir, self.require_user(), password)
        try:
            yield ws, actor
        finally:
            ws.close()

    def call(self, password: str, service: Callable[[UnitOfWork, Actor], T], *, write: bool = True) -> T:
        """Sign in, run ``service(uow, actor)`` in one unit of work (committed if ``write``), close."""
        with self.signed_in(password) as (ws, actor), ws.unit_of_work(write=write) as uow:
            result = service(uow, actor)
            if write:
                uow.commit()
        return result

    def say(self, text: str) -> None:
        print(text, file=self.out)

    def row(self, *fields: object) -> None:
        """One tab-separated line; None is empty, and tabs/newlines/backslashes are escaped."""
        self.say("\t".join(_cell(f) for f in fields))


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


# --- running ------------------------------------------------------------------------------------


def _report(lines: Iterable[str], code: int) -> int:
    for line in lines:
        print(f"{PROG}: {line}", file=sys.stderr)
    sys.stderr.flush()
    return code


def _validation_lines(exc: ValidationError) -> list[str]:
    return [msg if field == "__all__" else f"{field}: {msg}" for field, msg in exc.errors.items()]


def run(argv: Sequence[str] | None, modules: Sequence[CommandModule]) -> int:
    """Parse ``argv``, run the command, and turn every outcome into an exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser(modules).parse_args(argv)
        ctx = Context(args, resolve_data_dir(args.data_dir), SecretReader(sys.stdin), sys.stdout)
        code = int(args.handler(ctx))
        sys.stdout.flush()
        return code
    except SystemExit as exc:  # --help
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except UsageError as exc:
        return _report([str(exc)], EXIT_USAGE)
    except CheckFailed as exc:
        return _report([str(exc)], EXIT_CHECK_FAILED)
    except (KeyboardInterrupt, EOFError):
        return _report(["Cancelled."], EXIT_USAGE)
    except SignInFailed as exc:
        return _report([str(exc)], EXIT_SIGN_IN_FAILED)
    except ValidationError as exc:
        return _report(_validation_lines(exc), EXIT_USAGE)
    except ContinuumError as exc:  # PermissionDenied, NotFound, StorageError, …
        return _report([str(exc)], EXIT_USAGE)
    except BrokenPipeError:
        # The reader went away (``… | head``): stop quietly, and keep the final flush quiet too.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_CHECK_FAILED
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a bare traceback
        if os.environ.get(DEBUG_ENV) == "1":
            traceback.print_exc(file=sys.stderr)
            hint = ""
        else:
            hint = f" Run again with {DEBUG_ENV}=1 to see the details."
        return _report([f"internal error ({type(exc).__name__}).{hint}"], EXIT_CHECK_FAILED)
