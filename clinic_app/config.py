"""Where an installation keeps its data, and the names of the files in that folder.

One data folder per installation.  Resolution order (first wins):

1. an explicit folder (``--data-dir`` on the command line, or the GUI's argument),
2. the ``CONTINUUM_DATA_DIR`` environment variable,
3. platformdirs' per-user data folder for "Continuum".

The folder holds the encrypted database (plus SQLite's ``-wal``/``-shm`` files while it is
open), the key-slot file, and nothing else that names a person.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Continuum"
APP_AUTHOR = "Continuum"
ENV_DATA_DIR = "CONTINUUM_DATA_DIR"

DATABASE_FILE = "continuum.db"
KEYSLOT_FILE = "keyslots.json"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Return the data folder to use (not created here)."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


def log_dir() -> Path:
    """The per-user folder for Continuum's error log (it never holds records)."""
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


@dataclass(frozen=True)
class DataPaths:
    """The files of one installation's data folder."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE_FILE

    @property
    def keyslots(self) -> Path:
        return self.root / KEYSLOT_FILE

    def is_initialised(self) -> bool:
        return self.database.exists() or self.keyslots.exists()
