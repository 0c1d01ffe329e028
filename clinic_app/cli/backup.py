"""The backup commands of ``continuum-admin``: backup (make, list, verify, rotate, status) and restore.

    backup --to DIR          make a verified backup archive in DIR (administrators; --user,
                             stdin line 1: your password)
    backup list DIR          the archives in DIR, newest first (no credential)
    backup verify FILE       the archive's structure, seal and SHA-256 of every part (no
                             credential); with --user (line 1: that account's password) or
                             --recovery-code (line 1: the code) also a test restore into a
                             temporary folder: integrity checks, row counts, audit chain
    backup rotate DIR        delete the archives the keep rules do not keep
    backup status [DIR]      when the last good backup was made (DIR default: the data
                             folder's configured destination); exit 1 if it needs attention
    restore --from FILE      restore onto --data-dir; with --user, line 1 is that
                             administrator's password, without --user it is the recovery code

Exit codes (see :mod:`clinic_app.cli.base`): a backup or archive that fails a check exits
1, naming the part; a newer archive, a missing file or folder, or a forbidden role exits
2; a wrong password or recovery code exits 3.  Lists are tab-separated without a header;
times are local, ISO 8601.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from clinic_app.backup import archive, destination, operations
from clinic_app.backup.archive import BackupCheckFailed, BackupEntry
from clinic_app.cli.base import EXIT_CHECK_FAILED, EXIT_OK, CheckFailed, Context, Subparsers, UsageError, add_command

LIST_COLUMNS = "file, created, kind, schema revision, app version, installation id, size in bytes"


def _when(entry: BackupEntry) -> str:
    return entry.created_at.astimezone().isoformat(timespec="seconds")


def _existing_file(value: str) -> Path:
    path = Path(value).expanduser()
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"there is no file {path}")
    return path


def _existing_folder(value: str) -> Path:
    path = Path(value).expanduser()
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"there is no folder {path}")
    return path


def _keep(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of 0 or more")
    return int(value)


# --- backup --------------------------------------------------------------------------------------------


def cmd_backup(ctx: Context) -> int:
    folder: Path | None = ctx.args.to
    if folder is None:
        raise UsageError("Give --to DIR to make a backup, or a command: list, verify, rotate, status "
                         "(see 'continuum-admin backup --help').")
    password = ctx.acting_password()
    with ctx.signed_in(password) as (ws, actor):
        try:
            entry = operations.create_backup(ws, actor, folder)
        except BackupCheckFailed as exc:
            raise CheckFailed(str(exc)) from exc
    ctx.say(str(entry.path))
    return EXIT_OK


def cmd_list(ctx: Context) -> int:
    listing = destination.list_backups(ctx.args.folder)
    for e in listing.backups:
        ctx.row(e.path.name, _when(e), e.kind, e.schema_revision, e.app_version, e.db_id, e.size)
    for bad in listing.unreadable:
        ctx.row(bad.path.name, "", "unreadable", bad.message)
    return EXIT_OK


def _credentials(ctx: Context) -> dict[str, str]:
    """The credential for opening an archive: --user's password, or the recovery code."""
    if ctx.args.user is not None and getattr(ctx.args, "recovery_code", False):
        raise UsageError("Give either --user (and that account's password) or --recovery-code, not both.")
    if ctx.args.user is not None:
        return {"user": ctx.require_user(), "password": ctx.acting_password()}
    return {"recovery_code": ctx.secrets.secret("the recovery code", "Recovery code: ")}


def cmd_verify(ctx: Context) -> int:
    path: Path = ctx.args.file
    opening = ctx.args.user is not None or ctx.args.recovery_code
    credentials = _credentials(ctx) if opening else {}
    check = archive.verify_archive(path)
    for problem in check.problems:
        ctx.row(problem.part, "FAILED", problem.message)
    if not check.ok:
        raise CheckFailed(f"The backup {path.name} failed its checks: "
                          f"{', '.join(p.part for p in check.problems)} (details above).")
    assert check.manifest is not None
    m = check.manifest
    ctx.row("archive", "ok", f"made {m.created_at.astimezone().isoformat(timespec='seconds')}, {m.kind}, "
                             f"schema {m.schema_revision}, Continuum {m.app_version}")
    for name, part in m.parts.items():
        ctx.row(name, "ok", f"sha256 {part.sha256}")
    if not opening:
        return EXIT_OK
    report = operations.test_restore(path, **credentials)
    for check_name, lines in report.integrity.items():
        ctx.row(check_name, "ok" if not lines else "FAILED", "; ".join(lines))
    if report.audit_entries_checked is None:
        ctx.row("audit chain", "not checked", "the database failed its integrity checks")
    else:
        ctx.row("audit chain", "FAILED" if report.audit_problem else "ok",
                report.audit_problem or f"{report.audit_entries_checked} entries checked")
    for table, count in report.row_counts.items():
        ctx.row("rows", table, count)
    if not report.ok:
        for problem in report.problems:
            ctx.row("problem", "FAILED", problem)
        raise CheckFailed(f"The test restore of {path.name} found problems (listed above).")
    return EXIT_OK


def cmd_rotate(ctx: Context) -> int:
    a = ctx.args
    result = destination.rotate(a.folder, a.keep_daily, a.keep_weekly, a.keep_monthly)
    for path in result.removed:
        ctx.row("removed", path.name)
    for path in result.kept:
        ctx.row("kept", path.name)
    for path in result.removed_partials:
        ctx.row("removed", path.name)
    if result.skipped:
        raise CheckFailed(" ".join(result.skipped))
    return EXIT_OK


def cmd_status(ctx: Context) -> int:
    folder = ctx.args.folder or destination.configured_destination(ctx.data_dir)
    status = destination.backup_status(folder)
    ctx.say(status.message)
    return EXIT_CHECK_FAILED if status.needs_attention else EXIT_OK


# --- restore --------------------------------------------------------------------------------------------


def cmd_restore(ctx: Context) -> int:
    path: Path = ctx.args.source
    credentials = _credentials(ctx)
    try:
        report = operations.restore(path, ctx.data_dir, **credentials)
    except BackupCheckFailed as exc:
        raise CheckFailed(str(exc)) from exc
    ctx.say(f"Restored {path.name} (made {report.created_at.astimezone():%Y-%m-%d %H:%M}) into {report.data_dir}.")
    if report.migrated:
        ctx.say(f"The database was upgraded from schema {report.schema_from} to {report.schema_to}.")
    if report.pre_restore_backup:
        ctx.say(f"The database that was there before is kept in the backup {report.pre_restore_backup}.")
    for path_aside in report.set_aside:
        ctx.say(f"A file that could not be backed up was kept as {path_aside}.")
    return EXIT_OK


def register(subparsers: Subparsers) -> None:
    p = add_command(subparsers, "backup", cmd_backup, "make, list, verify and rotate backups",
                    "With --to DIR: make a verified, encrypted backup archive in DIR (administrators;\n"
                    "stdin line 1: your password). Or one of the commands below.")
    p.add_argument("--to", type=_existing_folder, metavar="DIR", help="the folder to write the backup into")
    commands = p.add_subparsers(title="commands", metavar="COMMAND")
    q = add_command(commands, "list", cmd_list, "list the backups in a folder", f"Tab-separated: {LIST_COLUMNS}.")
    q.add_argument("folder", type=_existing_folder, metavar="DIR")
    q = add_command(commands, "verify", cmd_verify, "check a backup archive",
                    "Check the archive's structure, seal and the SHA-256 of every part (no credential).\n"
                    "With --user NAME (stdin line 1: that account's password) or --recovery-code (line 1:\n"
                    "the code), also restore it into a temporary folder and run the integrity checks.\n"
                    "Exits 1 naming any part that fails.")
    q.add_argument("file", type=_existing_file, metavar="FILE")
    q.add_argument("--recovery-code", action="store_true", help="open the archive with the recovery code (stdin line 1)")
    q = add_command(commands, "rotate", cmd_rotate, "delete old backups, keeping daily, weekly and monthly ones",
                    "Keep the newest backup of each of the last N days, weeks and months (and always the\n"
                    "newest); delete the others. Nothing is deleted if the newest backup fails its checks.")
    q.add_argument("folder", type=_existing_folder, metavar="DIR")
    q.add_argument("--keep-daily", type=_keep, default=7, metavar="N", help="(default: %(default)s)")
    q.add_argument("--keep-weekly", type=_keep, default=4, metavar="N", help="(default: %(default)s)")
    q.add_argument("--keep-monthly", type=_keep, default=12, metavar="N", help="(default: %(default)s)")
    q = add_command(commands, "status", cmd_status, "say when the last good backup was made",
                    "The last good backup in DIR (default: the folder of the last backup made from\n"
                    "the data folder). Exits 1 if it needs attention: none, older than 7 days, or the\n"
                    "folder is missing.")
    q.add_argument("folder", nargs="?", type=Path, metavar="DIR")

    p = add_command(subparsers, "restore", cmd_restore, "restore a backup onto the data folder",
                    "Restore a backup archive as the installation in --data-dir (also on a new computer).\n"
                    "With --user NAME, stdin line 1 is that administrator's password; without --user it\n"
                    "is the recovery code. What the data folder held before is backed up (or, if damaged,\n"
                    "kept as *.damaged-*) first.")
    p.add_argument("--from", dest="source", required=True, type=_existing_file, metavar="FILE",
                   help="the backup archive (*.continuum-backup)")
