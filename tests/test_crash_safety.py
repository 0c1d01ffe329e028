"""Crash safety: processes killed with SIGKILL at random moments never cost committed work,
never damage the database and never leave a backup file that looks valid but is not.

- Intakes (``services.intake.register_client``, one transaction each) are written in a
  loop by ``crash_writer.py``, which reports each committed client id; it is killed 30
  times (three installations side by side, to keep the test short).  After each kill the
  database opens, passes SQLCipher's and SQLite's integrity checks and the audit chain,
  every reported intake is there, and no intake is half-saved.
- Backups are made in a loop by ``backup_writer.py`` and killed the same way: afterwards
  every ``*.continuum-backup`` file verifies, and anything else is a recognisably
  temporary ``.continuum-backup-partial-*`` folder.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from records_factory import make_client
from sqlalchemy import func, select

from clinic_app import workspace
from clinic_app.backup import archive
from clinic_app.config import DataPaths
from clinic_app.db.engine import integrity_report, make_engine
from clinic_app.db.models import Client, ClientSearchTerm, Episode, IntakeAssessment, IntakeSubstance, ProgressNote
from clinic_app.services import audit
from clinic_app.workspace import Workspace
from conftest import ADMIN_NAME, ADMIN_PASSWORD, ORG_NAME, Installation

pytestmark = pytest.mark.slow

HERE = Path(__file__).resolve().parent
KILL_AFTER = (0.2, 1.5)


class Killed:
    """Run a helper script, wait until it is ready, kill it after a random delay; keep its output."""

    def __init__(self, script: str, args: Sequence[str], rng: random.Random) -> None:
        env = dict(os.environ, PYTHONPATH=str(HERE.parent), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
        self.proc = subprocess.Popen([sys.executable, str(HERE / script), *args], stdout=subprocess.PIPE, env=env)
        self.lines: list[str] = []
        self.ready = threading.Event()
        reader = threading.Thread(target=self._read)
        reader.start()
        assert self.ready.wait(60) and self.proc.poll() is None, f"{script} did not start"
        time.sleep(rng.uniform(*KILL_AFTER))
        self.proc.kill()  # SIGKILL
        assert self.proc.wait() == -signal.SIGKILL, f"{script} ended by itself"
        reader.join()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            line = raw.decode().strip()
            if line == "ready":
                self.ready.set()
            else:
                self.lines.append(line)
        self.ready.set()  # also if it died before being ready (the assertion above reports it)


def check_database(paths: DataPaths, key: bytes, db_id: str) -> None:
    """Opens; both integrity checks and the audit chain pass."""
    engine = make_engine(paths.database, key, pooled=False)
    try:
        assert integrity_report(engine) == {"cipher_integrity_check": [], "integrity_check": [], "foreign_key_check": []}
    finally:
        engine.dispose()
    ws = Workspace(paths, key, db_id)
    try:
        with ws.unit_of_work(write=False) as uow:
            chain = audit.verify_chain(uow)
            assert chain.ok, chain.problem
    finally:
        ws.close()


def intake_lane(ws: Workspace, kills: int, seed: int) -> int:
    """Kill an intake writer ``kills`` times; check everything after each kill; return intakes reported."""
    key, db_id, paths = ws.data_key, ws.db_id, ws.paths
    data_dir = paths.root
    rng = random.Random(seed)
    reported: set[int] = set()
    for kill in range(kills):
        run = Killed("crash_writer.py", [str(data_dir), ADMIN_NAME, ADMIN_PASSWORD, f"{seed}-{kill}"], rng)
        reported |= {int(line.split()[1]) for line in run.lines if line.startswith("committed ")}
        check_database(paths, key, db_id)
        engine = make_engine(paths.database, key, pooled=False)
        try:
            with engine.connect() as conn:
                present = set(conn.execute(select(Client.id)).scalars())
                assert reported <= present, f"after kill {kill}: committed intakes lost: {sorted(reported - present)}"
                count = {m.__tablename__: conn.execute(select(func.count()).select_from(m)).scalar_one()
                         for m in (Client, Episode, IntakeAssessment)}
                assert len(set(count.values())) == 1, f"after kill {kill}: an intake is half-saved: {count}"
                without_terms = conn.execute(select(func.count()).select_from(Client).where(
                    ~Client.id.in_(select(ClientSearchTerm.client_id)))).scalar_one()
                without_drug = conn.execute(select(func.count()).select_from(IntakeAssessment).where(
                    ~IntakeAssessment.id.in_(select(IntakeSubstance.intake_id)))).scalar_one()
                assert without_terms == without_drug == 0, f"after kill {kill}: an intake is half-saved"
        finally:
            engine.dispose()
    return len(reported)


def test_killed_intake_writer_loses_no_committed_intake(tmp_path: Path) -> None:
    lanes, kills_per_lane = 3, 10
    results: dict[int, int | BaseException] = {}
    installations = []
    for i in range(lanes):  # one after the other: Alembic's migration context is global, not per thread
        ws, _, _ = workspace.create_installation(tmp_path / f"data-{i}", ORG_NAME, ADMIN_NAME, ADMIN_PASSWORD)
        ws.close()
        installations.append(ws)

    def lane(i: int) -> None:
        try:
            results[i] = intake_lane(installations[i], kills_per_lane, seed=100 + i)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            results[i] = exc

    threads = [threading.Thread(target=lane, args=(i,)) for i in range(lanes)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for outcome in results.values():
        if isinstance(outcome, BaseException):
            raise outcome
    assert len(results) == lanes
    assert sum(results.values()) >= lanes * kills_per_lane  # type: ignore[arg-type]  (the kills hit a writing loop)


def test_killed_backup_never_leaves_a_valid_looking_archive(installation: Installation, tmp_path: Path) -> None:
    inst = installation
    client_id, episode_id = make_client(inst.ws, counsellor_id=inst.counsellor.user_id)
    rng = random.Random(5)
    with inst.ws.unit_of_work() as uow:  # some megabytes, so that a backup takes a while
        uow.session.add_all(
            ProgressNote(client_id=client_id, episode_id=episode_id, note_date=date(2025, 1, 1), note_type="individual",
                         author_id=inst.admin.user_id, text=rng.randbytes(4000).hex())
            for _ in range(250)
        )
        uow.commit()
    key, db_id, paths = inst.ws.data_key, inst.ws.db_id, inst.ws.paths
    inst.ws.close()
    folder = tmp_path / "usb"
    folder.mkdir()
    made: list[Path] = []
    partial_seen = 0
    for _ in range(10):
        run = Killed("backup_writer.py", [str(inst.data_dir), ADMIN_NAME, ADMIN_PASSWORD, str(folder)], rng)
        made += [Path(line.split(" ", 1)[1]) for line in run.lines if line.startswith("made ")]
        for path in folder.iterdir():
            if path.name.endswith(archive.SUFFIX):
                check = archive.verify_archive(path)
                assert check.ok, f"{path.name} looks like a backup but is not: {check.summary()}"
            else:
                assert path.name.startswith(archive.TEMP_PREFIX), f"unexpected file {path.name}"
                partial_seen += 1
                assert not list(path.rglob(f"*{archive.SUFFIX}"))
        check_database(paths, key, db_id)
    assert all(p.exists() for p in made)  # every backup reported as made is still there (and verified above)
    assert partial_seen, "no kill landed in the middle of a backup"
