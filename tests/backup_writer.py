"""Test helper process: makes backups of an installation into one folder, forever.

Usage: python backup_writer.py DATA_DIR USER PASSWORD FOLDER
Prints "ready" once signed in, then "made <path>" after each finished backup (flushed);
the parent kills it at random moments and checks what the folder holds.
"""

from __future__ import annotations

import sys
from pathlib import Path

from clinic_app import workspace
from clinic_app.backup import operations


def main() -> None:
    data_dir, user, password, folder = Path(sys.argv[1]), sys.argv[2], sys.argv[3], Path(sys.argv[4])
    ws, actor = workspace.sign_in(data_dir, user, password)
    print("ready", flush=True)
    while True:
        entry = operations.create_backup(ws, actor, folder)
        print(f"made {entry.path}", flush=True)


if __name__ == "__main__":
    main()
