"""Client-record commands of ``continuum-admin``: ``clients list`` and ``import-clients``.

Secrets on stdin (see :mod:`clinic_app.cli.base`): line 1 is your password.

- ``clients list [--search TEXT] [--status open|discharged]``: one client per line,
  tab-separated: client code, family name, given names, status; ordered by name.  The
  search works as in the app (client code or names, any case, accents ignored, every
  word a prefix).
- ``import-clients FILE.csv [--dry-run]``: one new client (with an open episode and its
  intake assessment) per row; the columns are documented in
  :mod:`clinic_app.services.intake`.  The file and its header are checked before the
  password is asked for.  Every bad row is reported on stderr as
  ``line N, column: message`` (exit 2), and then nothing is imported.  On success each
  imported row prints ``line<TAB>client code``, so the new codes can be copied back into
  the spreadsheet.  ``--dry-run`` checks every row and imports nothing.
"""

from __future__ import annotations

from pathlib import Path

from clinic_app.cli.base import EXIT_OK, Context, Subparsers, add_command, add_group
from clinic_app.errors import ValidationError
from clinic_app.services import intake, search
from clinic_app.services.auth import Actor
from clinic_app.services.search import ClientSummary
from clinic_app.uow import UnitOfWork


def cmd_clients_list(ctx: Context) -> int:
    a = ctx.args

    def every_page(uow: UnitOfWork, actor: Actor) -> list[ClientSummary]:
        found: list[ClientSummary] = []
        while True:
            page = search.list_clients(uow, actor, search=a.search, status=a.status, offset=len(found),
                                       limit=search.MAX_PAGE)
            found.extend(page)
            if len(page) < search.MAX_PAGE:
                return found

    for client in ctx.call(ctx.acting_password(), every_page):
        ctx.row(client.code, client.family_name, client.given_names, client.status)
    return EXIT_OK


def cmd_import_clients(ctx: Context) -> int:
    a = ctx.args
    rows = intake.read_clients_csv(Path(a.file))
    with ctx.signed_in(ctx.acting_password()) as (ws, actor), ws.unit_of_work() as uow:
        report = intake.import_clients(uow, actor, rows, dry_run=a.dry_run)
        if report.ok and not a.dry_run:
            uow.commit()
    if not report.ok:
        errors = {f"line {p.line}, {p.field}": p.message for p in report.problems}
        rows_with_problems = len({p.line for p in report.problems})
        errors["__all__"] = (f"{rows_with_problems} of {report.rows} rows have problems; nothing was imported.")
        raise ValidationError(errors)
    if a.dry_run:
        ctx.say(f"All {report.rows} rows are valid; nothing was imported (dry run).")
        return EXIT_OK
    for item in report.imported:
        ctx.row(item.line, item.code)
    ctx.say(f"Imported {len(report.imported)} clients.")
    return EXIT_OK


def _columns_help() -> str:
    optional = [name for name in intake.COLUMNS if name not in intake.REQUIRED_COLUMNS]
    return (
        "Imports one client per row: client, open episode and intake assessment.\n"
        "Nothing is imported unless every row is valid; bad rows are reported by line and column.\n"
        "UTF-8 CSV (comma, semicolon or tab), header line first, dates YYYY-MM-DD; coded\n"
        "columns take the code or its English/Spanish label; a blank coded cell means 'not known'.\n\n"
        f"Required columns: {', '.join(intake.REQUIRED_COLUMNS)}.\n"
        f"Optional columns: {', '.join(optional)}."
    )


def register(subparsers: Subparsers) -> None:
    clients = add_group(subparsers, "clients", "client records")
    p = add_command(clients, "list", cmd_clients_list,
                    "list clients (tab-separated: code, family name, given names, status)")
    p.add_argument("--search", metavar="TEXT", help="client code or names; every word matches a prefix")
    p.add_argument("--status", metavar="STATUS", help="open or discharged")

    p = add_command(subparsers, "import-clients", cmd_import_clients, "import clients from a CSV file",
                    _columns_help())
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument("--dry-run", action="store_true", help="check every row, import nothing")
