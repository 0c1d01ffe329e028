"""Open the SQLCipher database through SQLAlchemy with a raw 256-bit key.

- Dialect ``sqlite`` with ``module=sqlcipher3``; the key never appears in a URL.  A
  ``connect`` listener, inserted before any other, makes ``PRAGMA key = "x'…'"`` the first
  statement on every connection, so SQLCipher's passphrase KDF is never paid.
- Right after keying, ``cipher_version`` must answer: if it is empty the module is plain
  SQLite and the app refuses to go on (never a silent unencrypted database).
- Pragmas on every connection: ``secure_delete=ON`` (deleted records are overwritten, not
  left in free pages), ``foreign_keys=ON``, ``temp_store=MEMORY`` (no plaintext temp files),
  WAL journal with ``synchronous=FULL``, and a busy timeout.
- ``cache_size`` is 32 MiB per connection (SQLite's default is 2 MiB).  Every page read
  from the file is decrypted and checked, so a page cache too small for the screens' working
  set decrypts the same pages again on every load: at 100,000 clients the Today lists took
  120 ms CPU with 2 MiB and 74 ms with 32 MiB.  The cache holds decrypted pages in memory,
  as the smaller one did; the memory target (400 MB with the client list open) holds.
- ``cipher_memory_security`` is set OFF explicitly (DESIGN.md listed it ON).  It zeroes and
  locks every block SQLite frees, which the benchmark measured at about 3x the CPU of every
  query (encrypted/plain ratio 5.1 at 10,000 clients with it, 1.26 without), and SQLCipher
  itself made it off by default in 4.5.0 for that reason.  What it protects against is an
  attacker reading the memory of the running process, who could read the data key from
  that same memory anyway; at rest the files stay encrypted either way.
- Transactions: the driver's own implicit transaction handling is switched off and the
  unit of work emits ``BEGIN`` itself: ``BEGIN IMMEDIATE`` for work that writes, so the
  audit chain head is read and advanced under the write lock (on PostgreSQL the same code
  path relies on ``SELECT … FOR UPDATE``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

from clinic_app.errors import StorageError

BUSY_TIMEOUT_SECONDS = 30.0
#: page cache per connection, in KiB (see the module docstring)
PAGE_CACHE_KIB = 32 * 1024
#: set on every connection after the key (the benchmark's plain copy uses the same list)
STORAGE_PRAGMAS: tuple[str, ...] = (
    f"cache_size = -{PAGE_CACHE_KIB}",
    "secure_delete = ON",
    "foreign_keys = ON",
    "temp_store = MEMORY",
    "journal_mode = WAL",
    "synchronous = FULL",
)


class NotEncryptedError(StorageError):
    """The SQLite module in use has no SQLCipher codec."""


def _key_pragma(key: bytes) -> str:
    if len(key) != 32:
        raise ValueError("the data key must be 256 bits")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _configure(dbapi_conn: Any, key: bytes) -> None:
    cur = dbapi_conn.cursor()
    try:
        cur.execute(_key_pragma(key))
        row = cur.execute("PRAGMA cipher_version").fetchone()
        if not row or not row[0]:
            raise NotEncryptedError("SQLCipher is not available: refusing to open the database without encryption.")
        cur.execute("PRAGMA cipher_memory_security = OFF")
        for pragma in STORAGE_PRAGMAS:
            cur.execute(f"PRAGMA {pragma}")
    finally:
        cur.close()


def make_engine(path: Path, key: bytes, *, pooled: bool = True) -> Engine:
    """An engine on the encrypted database at ``path``.

    ``pooled=False`` gives a connection per use (for short-lived tools such as backups).
    """
    engine = create_engine(
        f"sqlite:///{path}",
        module=sqlcipher3,
        connect_args={"timeout": BUSY_TIMEOUT_SECONDS, "check_same_thread": False},
        hide_parameters=True,  # never put client data or keys into error messages and logs
        **({} if pooled else {"poolclass": NullPool}),
    )

    @event.listens_for(engine, "connect", insert=True)
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        _configure(dbapi_conn, key)
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see module docstring)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.info.get("begin_mode", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine


def integrity_report(engine: Engine) -> dict[str, list[str]]:
    """SQLCipher's page-HMAC check and SQLite's structural check: problems by check (empty = fine)."""
    out: dict[str, list[str]] = {}
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        cipher = [r[0] for r in raw.execute("PRAGMA cipher_integrity_check").fetchall()]
        out["cipher_integrity_check"] = cipher
        sqlite_rows = [r[0] for r in raw.execute("PRAGMA integrity_check").fetchall()]
        out["integrity_check"] = [r for r in sqlite_rows if r != "ok"]
        fk = raw.execute("PRAGMA foreign_key_check").fetchall()
        out["foreign_key_check"] = [f"table {r[0]} row {r[1]} -> {r[2]}" for r in fk]
    return out
