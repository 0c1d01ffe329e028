"""The foundation commands of ``continuum-admin``: init, users, change-password, recover, verify, audit.

Secrets on stdin (see :mod:`clinic_app.cli.base`), line 1 / line 2:

- ``init``: the new administrator's password / -
- ``users list|deactivate|set-role``, ``verify``, ``audit``: your password / -
- ``users add|reset-password|reactivate``: your password / the account's new password
- ``change-password``: your current password / your new password
- ``recover``: the recovery code / the administrator's new password

Decisions:

- ``init`` prints ``Recovery code: <code>`` before writing the optional recovery sheet, so
  a sheet that cannot be written never costs the only copy of the code.  The sheet is
  written atomically and readable by its owner only; an existing file is never
  overwritten (it may be the sheet of another installation).  ReportLab is imported only
  when a sheet is asked for, to keep every other command quick to start.
- ``recover`` checks the code's typo check as soon as it is read, so a mistyped code is
  refused before the new password is asked for and before any key derivation.
- ``verify`` and ``audit`` are for administrators.  ``verify`` runs SQLCipher's
  ``cipher_integrity_check``, SQLite's ``integrity_check`` and ``foreign_key_check``, and
  walks the audit chain; it prints each check with its outcome and exits 1 naming what
  is wrong.  Signing in appends an audit entry before the walk; an entry appended to a
  damaged chain does not hide the damage.
- Lists are tab-separated, without a header, one record per line (columns are in the
  help text); dates are local time, ISO 8601.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from clinic_app import workspace
from clinic_app.cli.base import (
    EXIT_OK,
    CheckFailed,
    Context,
    Subparsers,
    add_command,
    add_group,
)
from clinic_app.db.engine import integrity_report
from clinic_app.errors import StorageError, ValidationError
from clinic_app.i18n import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES
from clinic_app.security.keys import atomic_write
from clinic_app.security.recovery_code import parse_recovery_code
from clinic_app.services import accounts, audit
from clinic_app.services.accounts import UserInfo
from clinic_app.services.auth import ADMINISTRATOR, ROLES, require

AUDIT_LIMIT_MAX = 10_000


def _new_password(ctx: Context, name: str) -> str:
    return ctx.secrets.new_password(f"the new password for {name}", f"New password for {name}: ")


def _status(info: UserInfo) -> str:
    return "active" if info.active else "deactivated"


# --- init -------------------------------------------------------------------------------------


def _sheet_path(value: str) -> Path:
    path = Path(value).expanduser()
    if path.is_dir():
        raise ValidationError({"--recovery-sheet": f"{path} is a folder; give the name of the PDF file to write."})
    if path.exists():
        raise ValidationError({"--recovery-sheet": f"{path} already exists; choose a new file name."})
    if not path.parent.is_dir():
        raise ValidationError({"--recovery-sheet": f"The folder {path.parent} does not exist."})
    return path.resolve()


def _write_sheet(path: Path, org_name: str, code: str, lang: str) -> None:
    from clinic_app.documents.recovery_sheet import render_recovery_sheet

    pdf = render_recovery_sheet(org_name, code, date.today(), lang)
    try:
        atomic_write(path, pdf)
    except OSError as exc:
        raise StorageError(
            f"The database was created, but the recovery sheet could not be written to {path} "
            f"({exc.strerror or exc}). Copy the recovery code printed above by hand."
        ) from None


def cmd_init(ctx: Context) -> int:
    a = ctx.args
    sheet = _sheet_path(a.recovery_sheet) if a.recovery_sheet else None
    password = ctx.secrets.new_password(
        "the new administrator's password", f"Password for the new administrator {a.admin}: "
    )
    ws, admin, code = workspace.create_installation(ctx.data_dir, a.org, a.admin, password)
    ws.close()
    org_name = a.org.strip()
    ctx.say(f"Created the Continuum database for {org_name} in {ctx.data_dir}; administrator: {admin.name}.")
    ctx.say(f"Recovery code: {code}")
    ctx.say("The recovery code is shown only this once. Print it or write it down, and lock it away.")
    ctx.out.flush()
    if sheet is not None:
        _write_sheet(sheet, org_name, code, a.lang)
        ctx.say(f"Recovery sheet written to {sheet}.")
    return EXIT_OK


# --- users ------------------------------------------------------------------------------------


def cmd_users_list(ctx: Context) -> int:
    users = ctx.call(ctx.acting_password(), accounts.list_users, write=False)
    for u in users:
        ctx.row(u.name, u.role, _status(u), u.full_name, u.password_changed_at.astimezone().date().isoformat())
    return EXIT_OK


def cmd_users_add(ctx: Context) -> int:
    a = ctx.args
    mine = ctx.acting_password()
    new = _new_password(ctx, a.name)
    info = ctx.call(mine, lambda uow, actor: accounts.add_user(uow, actor, a.name, a.role, new, a.full_name))
    ctx.say(f"Added {info.name} ({info.role}).")
    return EXIT_OK


def cmd_users_reset_password(ctx: Context) -> int:
    a = ctx.args
    mine = ctx.acting_password()
    new = _new_password(ctx, a.name)
    info = ctx.call(mine, lambda uow, actor: accounts.reset_password(uow, actor, a.name, new))
    if info.active:
        ctx.say(f"The password of {info.name} was reset.")
    else:
        ctx.say(f"{info.name} is deactivated, so no password was stored; "
                f"'users reactivate {info.name}' sets one.")
    return EXIT_OK


def cmd_users_deactivate(ctx: Context) -> int:
    a = ctx.args
    info = ctx.call(ctx.acting_password(), lambda uow, actor: accounts.deactivate_user(uow, actor, a.name))
    ctx.say(f"{info.name} is deactivated; their password no longer opens anything.")
    return EXIT_OK


def cmd_users_reactivate(ctx: Context) -> int:
    a = ctx.args
    mine = ctx.acting_password()
    new = _new_password(ctx, a.name)
    info = ctx.call(mine, lambda uow, actor: accounts.reactivate_user(uow, actor, a.name, new))
    ctx.say(f"{info.name} is active again, with the new password.")
    return EXIT_OK


def cmd_users_set_role(ctx: Context) -> int:
    a = ctx.args
    info = ctx.call(ctx.acting_password(), lambda uow, actor: accounts.set_role(uow, actor, a.name, a.role))
    ctx.say(f"{info.name} is now {info.role}.")
    return EXIT_OK


# --- own password and recovery ------------------------------------------------------------------


def cmd_change_password(ctx: Context) -> int:
    name = ctx.require_user()
    current = ctx.acting_password()
    new = ctx.secrets.new_password("your new password", f"New password for {name}: ")
    ctx.call(current, lambda uow, actor: accounts.change_own_password(uow, actor, current, new))
    ctx.say("Your password was changed.")
    return EXIT_OK


def cmd_recover(ctx: Context) -> int:
    a = ctx.args
    code = ctx.secrets.secret("the recovery code", "Recovery code: ")
    parse_recovery_code(code)  # a typing mistake is reported now, before anything else
    new = _new_password(ctx, a.admin)
    ws, actor = workspace.recover(ctx.data_dir, code, a.admin, new)
    ws.close()
    ctx.say(f"{actor.name} can sign in again with the new password. The recovery code still works; "
            "keep the sheet locked away.")
    return EXIT_OK


# --- checks and the audit log ------------------------------------------------------------------


def cmd_verify(ctx: Context) -> int:
    problems: list[str] = []
    with ctx.signed_in(ctx.acting_password()) as (ws, actor):
        with ws.unit_of_work(write=False) as uow:
            require(uow, actor, ADMINISTRATOR)
        ctx.say(f"Database: {ws.paths.database}")
        for check, found in integrity_report(ws.engine).items():
            ctx.say(f"{check}: {'ok' if not found else 'FAILED'}")
            for line in found:
                ctx.say(f"  {line}")
            if found:
                problems.append(f"{check}: {found[0]}" + (f" (and {len(found) - 1} more)" if len(found) > 1 else ""))
        with ws.unit_of_work(write=False) as uow:
            chain = audit.verify_chain(uow)
        if chain.ok:
            ctx.say(f"audit chain: ok ({chain.checked} entries)")
        else:
            ctx.say(f"audit chain: FAILED: {chain.problem} ({chain.checked} entries verified before it)")
            problems.append(str(chain.problem))
    if problems:
        ctx.out.flush()
        raise CheckFailed("verify found a problem: " + "; ".join(problems))
    return EXIT_OK


def cmd_audit(ctx: Context) -> int:
    limit = ctx.args.limit
    rows = ctx.call(ctx.acting_password(), lambda uow, actor: audit.list_entries(uow, actor, limit=limit), write=False)
    for r in rows:
        details = "" if r.details is None else json.dumps(r.details, ensure_ascii=False, sort_keys=True)
        ctx.row(r.seq, r.at.astimezone().isoformat(timespec="seconds"), r.user_name, r.action,
                r.entity, r.entity_id, r.client_id, details)
    return EXIT_OK


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= AUDIT_LIMIT_MAX:
        raise argparse.ArgumentTypeError(f"give a whole number from 1 to {AUDIT_LIMIT_MAX}, not {text!r}")
    return value


# --- registration ------------------------------------------------------------------------------


def register(subparsers: Subparsers) -> None:
    p = add_command(subparsers, "init", cmd_init, "create a new installation and its first administrator",
                    "Create the encrypted database in the data folder, with its first administrator.\n"
                    "Stdin line 1 (or a prompt): the administrator's password. Prints the recovery code.")
    p.add_argument("--org", required=True, metavar="NAME", help="the organisation's name")
    p.add_argument("--admin", required=True, metavar="NAME", help="the first administrator's user name")
    p.add_argument("--recovery-sheet", metavar="FILE.pdf", help="also write the one-page recovery sheet (PDF)")
    p.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default=DEFAULT_LANGUAGE,
                   help="language of the recovery sheet (default: %(default)s)")

    users = add_group(subparsers, "users", "list and manage accounts (administrators)")
    add_command(users, "list", cmd_users_list, "list accounts",
                "Tab-separated: name, role, status (active/deactivated), full name, "
                "date the password was last set.")
    p = add_command(users, "add", cmd_users_add, "add an account",
                    "Add an account. Stdin line 2 (or a prompt): its password.")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--role", required=True, choices=ROLES)
    p.add_argument("--full-name", default="", metavar="TEXT", help="the person's full name")
    p = add_command(users, "reset-password", cmd_users_reset_password, "set a new password for an account",
                    "Set a new password for an account. Stdin line 2 (or a prompt): the new password.")
    p.add_argument("name", metavar="NAME")
    p = add_command(users, "deactivate", cmd_users_deactivate, "deactivate an account",
                    "Deactivate an account: it can no longer sign in and its password opens nothing.")
    p.add_argument("name", metavar="NAME")
    p = add_command(users, "reactivate", cmd_users_reactivate, "reactivate an account with a new password",
                    "Reactivate an account. Stdin line 2 (or a prompt): its new password.")
    p.add_argument("name", metavar="NAME")
    p = add_command(users, "set-role", cmd_users_set_role, "change an account's role")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--role", required=True, choices=ROLES)

    add_command(subparsers, "change-password", cmd_change_password, "change your own password",
                "Stdin line 1: your current password; line 2: the new one (or prompts).")
    p = add_command(subparsers, "recover", cmd_recover, "regain access with the recovery code",
                    "Open the database with the recovery code and give an administrator a new password.\n"
                    "Stdin line 1: the recovery code; line 2: the new password (or prompts).")
    p.add_argument("--admin", required=True, metavar="NAME", help="the administrator who gets the new password")

    add_command(subparsers, "verify", cmd_verify, "check the database and the audit chain",
                "Run SQLCipher's and SQLite's integrity checks and verify the audit chain.\n"
                "Exits 1 naming anything that is wrong.")
    p = add_command(subparsers, "audit", cmd_audit, "show the latest audit entries",
                    "Newest first, tab-separated: seq, time, user, action, entity, entity id, "
                    "client id, details (JSON).")
    p.add_argument("--limit", type=_limit, default=20, metavar="N", help="how many entries (default: %(default)s)")
