"""``continuum-admin demo``: fill an installation with synthetic demonstration data.

Stdin line 1 (or a prompt): the administrator's password.  The work is
:func:`clinic_app.demo.populate`; this module only parses the options, reports progress
(on stderr, only when it is a terminal, so piped output stays clean) and prints a summary:
what was made and the demo counsellor accounts with their password.
"""

from __future__ import annotations

import sys

from clinic_app import demo
from clinic_app.cli.base import EXIT_OK, Context, Subparsers, add_command


def _progress(done: int, total: int) -> None:
    if done == total or done % max(1, total // 20) == 0:
        print(f"\r{done}/{total} clients", end="\n" if done == total else "", file=sys.stderr, flush=True)


def cmd_demo(ctx: Context) -> int:
    a = ctx.args
    with ctx.signed_in(ctx.acting_password()) as (ws, actor):
        summary = demo.populate(ws, actor, clients=a.clients, seed=a.seed,
                                progress=_progress if sys.stderr.isatty() else None)
    ctx.say(f"Added {summary.clients} demo clients ({summary.episodes} episodes, {summary.readmissions} readmissions).")
    ctx.say("Discharges: " + ", ".join(f"{reason} {n}" for reason, n in summary.discharges) + ".")
    ctx.say(f"Check-ups: {summary.checkups} scheduled, {summary.checkups_done} done, "
            f"{summary.checkups_overdue} left overdue.")
    ctx.say(f"Care-plan versions: {summary.care_plan_versions}; notes: {summary.notes}; "
            f"family members: {summary.family_members}; BARC-10: {summary.barc10}.")
    ctx.say(f"Demo counsellor accounts: {', '.join(n for n in summary.counsellors if n != actor.name)} "
            f"(password: {summary.password}).")
    return EXIT_OK


def register(subparsers: Subparsers) -> None:
    p = add_command(subparsers, "demo", cmd_demo, "add synthetic demonstration clients (administrators)",
                    "Add realistic synthetic clients with three years of history, made through the same\n"
                    "services as real records, and the demo counsellor accounts lucia and tom\n"
                    f"(password {demo.DEMO_PASSWORD}). The same seed gives the same data on the same day.\n"
                    "Stdin line 1 (or a prompt): your password.")
    p.add_argument("--clients", type=int, default=200, metavar="N",
                   help=f"how many clients (1-{demo.MAX_CLIENTS}, default: %(default)s)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default: %(default)s)")
