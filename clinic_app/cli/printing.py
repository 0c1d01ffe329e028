"""``continuum-admin print …``: printed documents as PDF files.

Secrets on stdin (see :mod:`clinic_app.cli.base`): line 1 is your password.

- ``print care-plan --client CODE --out FILE.pdf [--lang en|es] [--version N] [--force]``:
  the care plan of the client's current episode (the active version, else the draft;
  ``--version`` picks another version).
- ``print discharge-summary --client CODE --out FILE.pdf [--lang en|es] [--force]``
- ``print intake-summary --client CODE --out FILE.pdf [--lang en|es] [--force]``
- ``print blank-intake --out FILE.pdf [--lang en|es] [--force]``
- ``print blank-care-plan --out FILE.pdf [--lang en|es] [--force]``

Decisions:

- A client document is in the client's preferred language unless ``--lang`` says otherwise;
  a blank form is in English unless ``--lang`` says otherwise.
- The output file is checked before the password is asked for: a folder, a missing folder
  or an existing file (without ``--force``) is refused with exit 2 and nothing is printed
  or audited.
- The print is audited (with the SHA-256 of the PDF) and committed before the file is
  written, so no PDF ever leaves the program unrecorded; the file is then written
  atomically (a temporary file renamed into place) and readable by its owner only.  The
  hash is printed, so a file can be matched with its audit entry.
- ReportLab is imported only when a command runs, to keep every other command quick.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from clinic_app.cli.base import EXIT_OK, Context, Subparsers, UsageError, add_command, add_group
from clinic_app.errors import StorageError, ValidationError
from clinic_app.i18n import SUPPORTED_LANGUAGES
from clinic_app.security.keys import atomic_write
from clinic_app.services.auth import Actor
from clinic_app.uow import UnitOfWork

if TYPE_CHECKING:
    from clinic_app.services.printing import PrintedDocument

Render = Callable[[UnitOfWork, Actor], "PrintedDocument"]


def output_path(value: str, force: bool) -> Path:
    """The resolved ``--out`` path, or a usage error naming what is wrong with it."""
    path = Path(value).expanduser()
    if path.is_dir():
        raise ValidationError({"--out": f"{path} is a folder; give the name of the PDF file to write."})
    if not path.parent.is_dir():
        raise ValidationError({"--out": f"The folder {path.parent} does not exist."})
    if path.exists() and not force:
        raise UsageError(f"{path} already exists; nothing was printed. Give --force to replace it, "
                         "or choose another file name.")
    return path.resolve()


def _print(ctx: Context, what: str, render: Render) -> int:
    path = output_path(ctx.args.out, ctx.args.force)
    with ctx.signed_in(ctx.acting_password()) as (ws, actor), ws.unit_of_work() as uow:
        document = render(uow, actor)
        uow.commit()
    try:
        atomic_write(path, document.pdf)
    except OSError as exc:
        raise StorageError(f"The {what} could not be written to {path} ({exc.strerror or exc}).") from None
    whose = f" of {document.client_code}" if document.client_code else ""
    ctx.say(f"Wrote the {what}{whose} ({document.lang}) to {path}.")
    ctx.say(f"SHA-256: {document.sha256}")
    return EXIT_OK


def _client_document(ctx: Context, what: str,
                     render: Callable[[UnitOfWork, Actor, int], PrintedDocument]) -> int:
    from clinic_app.services import printing

    def run(uow: UnitOfWork, actor: Actor) -> PrintedDocument:
        return render(uow, actor, printing.client_id_by_code(uow, actor, ctx.args.client))

    return _print(ctx, what, run)


def cmd_care_plan(ctx: Context) -> int:
    from clinic_app.services import printing

    a = ctx.args
    return _client_document(ctx, "care plan", lambda uow, actor, client_id: printing.print_care_plan(
        uow, actor, client_id, lang=a.lang, version=a.version))


def cmd_discharge_summary(ctx: Context) -> int:
    from clinic_app.services import printing

    a = ctx.args
    return _client_document(ctx, "discharge summary", lambda uow, actor, client_id: (
        printing.print_discharge_summary(uow, actor, client_id, lang=a.lang)))


def cmd_intake_summary(ctx: Context) -> int:
    from clinic_app.services import printing

    a = ctx.args
    return _client_document(ctx, "intake summary", lambda uow, actor, client_id: printing.print_intake_summary(
        uow, actor, client_id, lang=a.lang))


def cmd_blank_intake(ctx: Context) -> int:
    from clinic_app.services import printing

    return _print(ctx, "blank intake form", lambda uow, actor: printing.print_blank_intake(
        uow, actor, lang=ctx.args.lang))


def cmd_blank_care_plan(ctx: Context) -> int:
    from clinic_app.services import printing

    return _print(ctx, "blank care-plan form", lambda uow, actor: printing.print_blank_care_plan(
        uow, actor, lang=ctx.args.lang))


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a version number (1, 2, …), not {value!r}")
    return number


def register(subparsers: Subparsers) -> None:
    group = add_group(subparsers, "print", "print documents as PDF files",
                      "Print documents as PDF files. Each print is recorded in the audit log with the "
                      "SHA-256 of the file.")
    commands = (
        ("care-plan", cmd_care_plan, "a client's care plan (current episode; active version, else draft)", True),
        ("discharge-summary", cmd_discharge_summary, "a client's discharge summary (current episode)", True),
        ("intake-summary", cmd_intake_summary, "a client's intake summary (current episode)", True),
        ("blank-intake", cmd_blank_intake, "a blank intake form to fill in by hand", False),
        ("blank-care-plan", cmd_blank_care_plan, "a blank care-plan form to fill in by hand", False),
    )
    for name, handler, help_text, for_client in commands:
        p = add_command(group, name, handler, help_text)
        if for_client:
            p.add_argument("--client", metavar="CODE", required=True, help="the client code, e.g. C-2026-0042")
        p.add_argument("--out", metavar="FILE.pdf", required=True, help="the PDF file to write")
        p.add_argument("--lang", choices=SUPPORTED_LANGUAGES,
                       help=("language of the document (default: the client's preferred language)" if for_client
                             else "language of the form (default: en)"))
        p.add_argument("--force", action="store_true", help="replace FILE.pdf if it exists")
        if name == "care-plan":
            p.add_argument("--version", metavar="N", type=_positive, help="print version N of the plan")
