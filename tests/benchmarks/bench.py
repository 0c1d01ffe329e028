"""Performance at scale: one table of timings for demo databases of 1,000 to 100,000 clients.

    python -m tests.benchmarks.bench [--sizes 1000,10000,100000] [--repeat N]
    python tests/benchmarks/bench.py --sizes 1000

Databases are made once with :func:`clinic_app.demo_bulk.generate` and cached under
``tests/benchmarks/.cache/<size>/`` (git-ignored; ``CONTINUUM_BENCH_CACHE`` names another
folder), with a plain (unencrypted) copy made by ``sqlcipher_export`` for the
encrypted/plain comparison; delete the folder to rebuild.  Signing in upgrades a cached
database to the newest schema (after the app's pre-upgrade backup); the plain copy is then
exported again, so both always have the same indexes.

Measured per size (median and p95 of wall-clock milliseconds, plus the median CPU time of
this process, which is far less disturbed by other work on a shared machine):
sign-in (key derivation and first query), cold start of a fresh offscreen process to the
sign-in window, to the main window shown and to its first screen loaded (``probe.py``), the
Today screen's six lists, search as you type (list of 100 plus count, several prefixes),
opening the long record (50 notes) as the Overview and Notes tabs
do, saving and signing a note, printing a 10-goal care plan, the annual statistics of the
busiest year as the Reports screen opens (tables and quality check), a verified backup, and the peak memory of a process showing the Clients
screen.  The database workload (Today, search, open, save, statistics) is repeated on the plain
copy and reported as a ratio.

Decisions: every operation is a committed unit of work as the GUI runs it (audit entries
included); the first run of each operation is a warm-up and not counted; the plain copy
uses the same pragmas as ``clinic_app.db.engine`` minus the key, so the ratio is the
price of the encryption alone.

What the first run found, and what was done (README.md has the before/after table):

- ``PRAGMA cipher_memory_security = ON`` cost about 3x CPU on every query (encrypted/plain
  5.1 at 10,000 clients, 1.26 without it): now OFF, decision in ``clinic_app/db/engine.py``,
  which also sets a 32 MiB page cache (decrypted pages were decrypted again on every load).
- Search: an ``IN (subquery)`` per typed word sorted the whole match set; now the ids come
  from the term indexes (rarest word first), large matches walk the name index and stop at
  the page, counts come from the index (``clinic_app/services/search.py``, revision 0004).
- Annual statistics: ~40 s CPU at 100,000, in a write transaction; now a temp table of the
  year's episodes, aggregation in SQL, covering indexes (revision 0006), computed outside
  the write lock, report and quality check from one reading (``statistics/collect.py``).
- Cold start: ~1.3 s of imports before the sign-in window; now lazy (``ui/app.py``,
  ``ui/sign_in.py``, ``db/schema.py``), with a test on what the sign-in window imports.
- Start to main window at 100,000: the full integrity checks ran at every sign-in (tens of
  seconds); now in the background, at most daily (``backup/startup.scheduled_check``).
- Today's worklists (found later): 5-7 s at 100,000, joining every matching row to its
  client; now counts from indexes and pages that walk an index in sort order (revision 0005).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import sqlcipher3  # noqa: E402
from sqlalchemy import Engine, create_engine, event, func, select  # noqa: E402

from clinic_app import demo_bulk, workspace  # noqa: E402
from clinic_app.backup.operations import create_backup  # noqa: E402
from clinic_app.db.engine import BUSY_TIMEOUT_SECONDS, STORAGE_PRAGMAS, _configure  # noqa: E402
from clinic_app.db.models import Episode  # noqa: E402
from clinic_app.services import care_plans, clients, followups, notes, printing, search, worklists  # noqa: E402
from clinic_app.services import statistics as stats_service  # noqa: E402
from clinic_app.services.auth import Actor  # noqa: E402
from clinic_app.uow import UnitOfWork  # noqa: E402

CACHE = Path(os.environ.get("CONTINUUM_BENCH_CACHE", HERE / ".cache"))
ADMIN, PASSWORD = "admin", "Benchmark-pässwörd-2026"
PREFIXES = ("ma", "mar", "maria", "garc", "c-2025-00", "maria lo")
SEED = 7
#: metric -> (target in ms, or MB for memory; applies at 100,000 clients unless noted)
TARGETS: dict[str, float] = {
    "search": 30, "open record": 100, "care plan PDF": 300, "annual statistics": 3000,
    "start → sign-in window": 1500, "peak memory (MB)": 400, "encrypted/plain ratio": 1.3,
}


@dataclass(frozen=True)
class Cached:
    data_dir: Path
    plain: Path
    long_client: int
    generation_s: float


@dataclass(frozen=True)
class Result:
    metric: str
    wall_ms: list[float]
    cpu_ms: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.wall_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.wall_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpu_ms) if self.cpu_ms else float("nan")


# --- databases -----------------------------------------------------------------------------------


def prepare(size: int) -> Cached:
    """The cached database of ``size`` clients and its plain copy, made if missing."""
    folder = CACHE / str(size)
    marker = folder / "ready.json"
    if marker.exists():
        info = json.loads(marker.read_text())
        return Cached(folder / "data", folder / "plain.db", info["long_client"], info["generation_s"])
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    started = time.perf_counter()
    ws, admin, _code = workspace.create_installation(folder / "data", "Benchmark NGO", ADMIN, PASSWORD)
    try:
        summary = demo_bulk.generate(ws, admin, size, seed=SEED, progress=lambda done, total: print(
            f"  generating {size:,}: {done:,}/{total:,}", end="\r", file=sys.stderr, flush=True))
        key, database = ws.data_key, ws.paths.database
    finally:
        ws.close()
    generation = time.perf_counter() - started
    export_plain(database, key, folder / "plain.db")
    marker.write_text(json.dumps({"long_client": summary.long_record_client_id, "generation_s": generation,
                                  "rows": dict(summary.rows)}))
    print(f"  generated {size:,} clients in {generation:.1f} s", file=sys.stderr)
    return Cached(folder / "data", folder / "plain.db", summary.long_record_client_id, generation)


def export_plain(database: Path, key: bytes, target: Path) -> None:
    """A plaintext copy of the encrypted database (benchmark only; it stays in the cache folder)."""
    target.unlink(missing_ok=True)
    conn = sqlcipher3.connect(str(database), isolation_level=None)
    try:
        _configure(conn, key)
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()


def refresh_plain(ws: Any, plain: Path) -> None:
    """Export the plain copy again when the signed-in database was upgraded to a newer schema.

    Signing in runs the app's migrations on the encrypted copy only; comparing against a plain
    copy without the newer indexes would measure the schema, not the encryption.
    """
    with ws.engine.connect() as conn:
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    plain_conn = sqlite3.connect(plain)
    try:
        plain_revision = plain_conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        plain_conn.close()
    if plain_revision != revision:
        print(f"  plain copy at {plain_revision}, database at {revision}: exporting it again", file=sys.stderr)
        export_plain(ws.paths.database, ws.data_key, plain)


def plain_engine(path: Path) -> Engine:
    """The app's engine set-up (``clinic_app.db.engine.make_engine``) on stdlib sqlite3, no key."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_SECONDS,
                                                               "check_same_thread": False}, hide_parameters=True)

    @event.listens_for(engine, "connect", insert=True)
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        for pragma in STORAGE_PRAGMAS:
            cur.execute(f"PRAGMA {pragma}")
        cur.close()
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(f"BEGIN {conn.info.get('begin_mode', '')}".strip())

    return engine


class PlainWorkspace:
    """Just enough of ``Workspace`` for units of work on the plain copy (same audit key)."""

    def __init__(self, engine: Engine, audit_key: bytes) -> None:
        self.engine, self.audit_key = engine, audit_key

    def unit_of_work(self, write: bool = True) -> UnitOfWork:
        return UnitOfWork(self, self.engine, write=write)  # type: ignore[arg-type]

    def close(self) -> None:
        self.engine.dispose()


# --- timing ----------------------------------------------------------------------------------------


def timed(metric: str, job: Callable[[], object], runs: int, warm_up: bool = True) -> Result:
    if warm_up:
        job()
    wall, cpu = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        job()
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - w) * 1000)
    return Result(metric, wall, cpu)


def merged(metric: str, results: Iterable[Result]) -> Result:
    items = list(results)
    return Result(metric, [w for r in items for w in r.wall_ms], [c for r in items for c in r.cpu_ms])


def in_uow(ws: Any, work: Callable[[UnitOfWork], object]) -> Callable[[], None]:
    def job() -> None:
        with ws.unit_of_work() as uow:
            work(uow)
            uow.commit()
    return job


def busiest_year(ws: Any) -> int:
    year = func.strftime("%Y", Episode.admission_date)
    with ws.unit_of_work(write=False) as uow:
        return int(uow.session.execute(select(year).group_by(year).order_by(func.count().desc()).limit(1))
                   .scalar_one())


def database_workload(ws: Any, actor: Actor, client_id: int, runs: int) -> list[Result]:
    """Search, open record, save note, statistics: the part compared with plain SQLite."""
    def search_job(prefix: str) -> Callable[[], None]:
        return in_uow(ws, lambda uow: (search.list_clients(uow, actor, search=prefix, limit=100),
                                       search.count_clients(uow, actor, search=prefix)))

    def open_record(uow: UnitOfWork) -> None:
        record = clients.get_client(uow, actor, client_id)
        notes.timeline(uow, actor, client_id)
        episode = record.open_episode or record.episodes[-1]
        care_plans.active_plan(uow, actor, episode.id)
        followups.list_checkups(uow, actor, client_id)

    def save_note(uow: UnitOfWork) -> None:
        note_id = notes.save_draft(uow, actor, None, client_id, date.today(), "individual",
                                   "Benchmark: reviewed the week; agreed next steps.")
        notes.sign_note(uow, actor, note_id)

    def today_screen() -> None:
        for worklist in (worklists.checkups_overdue, worklists.checkups_due, worklists.plan_reviews_due,
                         worklists.without_active_plan, worklists.consent_missing, worklists.my_clients):
            in_uow(ws, lambda uow, fetch=worklist: fetch(uow, actor))()  # one unit of work each, as the screen

    year = busiest_year(ws)
    return [
        timed("Today screen (6 lists)", today_screen, runs),
        merged("search", (timed("search", search_job(p), runs) for p in PREFIXES)),
        timed("open record", in_uow(ws, open_record), runs),
        timed("save note", in_uow(ws, save_note), runs),
        timed("annual statistics", lambda: stats_service.report_and_quality_unlocked(ws, actor, year),
              max(1, min(runs, 3))),  # as the Reports screen opens: tables and quality check, one reading
    ]


def probe(mode: str, data_dir: Path) -> dict[str, float]:
    """Run ``probe.py`` in a fresh process; its events as seconds after the process was started."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.time()
    out = subprocess.run([sys.executable, str(HERE / "probe.py"), mode, str(data_dir), ADMIN, PASSWORD],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=900, check=True).stdout
    events = dict(line.split(" ", 1) for line in out.splitlines() if line.count(" ") == 1)
    return {k: float(v) - (started if mode == "startup" else 0.0) for k, v in events.items()}


def run_size(size: int, runs: int) -> tuple[list[Result], Cached]:
    cached = prepare(size)
    results: list[Result] = []

    def sign_in() -> None:
        ws_, _ = workspace.sign_in(cached.data_dir, ADMIN, PASSWORD)
        ws_.close()
    results.append(timed("sign-in", sign_in, max(1, min(runs, 5))))
    ws, actor = workspace.sign_in(cached.data_dir, ADMIN, PASSWORD)
    try:
        refresh_plain(ws, cached.plain)
        encrypted = database_workload(ws, actor, cached.long_client, runs)
        results += encrypted
        results.append(timed("care plan PDF", in_uow(ws, lambda uow: printing.print_care_plan(
            uow, actor, cached.long_client)), runs))
        backups = cached.data_dir.parent / "backups"

        def backup() -> None:
            backups.mkdir(exist_ok=True)
            create_backup(ws, actor, backups)
            shutil.rmtree(backups, ignore_errors=True)
        results.append(timed("backup (verified)", backup, max(1, min(runs, 2)), warm_up=False))
        plain_ws = PlainWorkspace(plain_engine(cached.plain), ws.audit_key)
        try:
            plain = database_workload(plain_ws, actor, cached.long_client, runs)
        finally:
            plain_ws.close()
    finally:
        ws.close()
    for enc, pl in zip(encrypted, plain):
        results.append(Result(f"plain: {pl.metric}", pl.wall_ms, pl.cpu_ms))
    ratio = sum(r.median for r in encrypted) / sum(r.median for r in plain)
    cpu_ratio = sum(r.cpu for r in encrypted) / sum(r.cpu for r in plain)
    results.append(Result("encrypted/plain ratio", [ratio], [cpu_ratio]))
    starts = [probe("startup", cached.data_dir) for _ in range(max(1, min(runs, 3)))]
    results.append(Result("start → sign-in window", [s["signin_shown"] * 1000 for s in starts], []))
    results.append(Result("start → main window shown", [s["main_visible"] * 1000 for s in starts], []))
    results.append(Result("start → first screen loaded", [s["main_shown"] * 1000 for s in starts], []))
    memory = probe("memory", cached.data_dir)
    results.append(Result("peak memory (MB)", [memory["maxrss_kib"] / 1024], []))
    return results, cached


# --- report ----------------------------------------------------------------------------------------


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    mem = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    conn = sqlcipher3.connect(":memory:")
    conn.execute("PRAGMA key = 'x'")
    cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
    sqlite = conn.execute("SELECT sqlite_version()").fetchone()[0]
    conn.close()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} CPUs ({model}), {mem / 1024 / 1024:.1f} GiB RAM, Python {platform.python_version()}, "
            f"SQLCipher {cipher} (SQLite {sqlite}), load average {load}")


def table(rows: list[tuple[int, list[Result], Cached]]) -> str:
    lines = [f"{'clients':>8} | {'measure':<30} | {'median':>9} | {'p95':>9} | {'cpu med':>8} | {'n':>3} | target",
             "-" * 92]
    for size, results, cached in rows:
        lines.append(f"{size:>8,} | {'(generation, s)':<30} | {cached.generation_s:>9.1f} | {'':>9} | {'':>8} | "
                     f"{'':>3} |")
        for r in results:
            unit_is_ms = r.metric not in ("peak memory (MB)", "encrypted/plain ratio")
            fmt = "{:>9.1f}" if unit_is_ms else "{:>9.2f}"
            target = TARGETS.get(r.metric)
            verdict = "" if target is None else (f"≤ {target:g} " + ("met" if (r.p95 if r.metric == "search"
                                                                              else r.median) <= target else "MISSED"))
            lines.append(f"{size:>8,} | {r.metric:<30} | {fmt.format(r.median)} | {fmt.format(r.p95)} | "
                         f"{r.cpu:>8.1f} | {len(r.wall_ms):>3} | {verdict}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="client counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=10, help="runs per measurement (fewer for slow ones)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(machine(), flush=True)
    rows = []
    for size in sizes:
        results, cached = run_size(size, max(1, args.repeat))
        rows.append((size, results, cached))
        print(table([rows[-1]]), flush=True)
    print()
    print(table(rows))
    print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; "
          f"{machine()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
