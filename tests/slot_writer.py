"""Test helper process: changes a user's password back and forth forever.

Usage: python slot_writer.py DATA_DIR USER PASSWORD_A PASSWORD_B
Prints "changed N" after each committed change; the parent kills it at random moments.
"""

from __future__ import annotations

import sys
from pathlib import Path

from clinic_app import workspace
from clinic_app.services import accounts


def main() -> None:
    data_dir, user, a, b = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    ws, actor = workspace.sign_in(data_dir, user, a)
    current, n = a, 0
    while True:
        new = b if current == a else a
        with ws.unit_of_work() as uow:
            accounts.change_own_password(uow, actor, current, new)
            uow.commit()
        current, n = new, n + 1
        print(f"changed {n}", flush=True)


if __name__ == "__main__":
    main()
