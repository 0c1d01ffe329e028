"""Test helper process: registers clients through the intake service, one transaction each, forever.

Usage: python crash_writer.py DATA_DIR USER PASSWORD TAG
Prints "ready" once signed in, then "committed <client id>" after each committed intake
(flushed at once); the parent kills it at random moments and checks every reported intake.
"""

from __future__ import annotations

import sys
from pathlib import Path

from client_inputs import register

from clinic_app import workspace


def main() -> None:
    data_dir, user, password, tag = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    ws, actor = workspace.sign_in(data_dir, user, password)
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        result = register(ws, actor, client={"family_name": f"Crash {tag} {n}"})
        print(f"committed {result.client_id}", flush=True)


if __name__ == "__main__":
    main()
