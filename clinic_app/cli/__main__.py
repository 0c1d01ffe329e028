"""``python -m clinic_app.cli``: the same as the ``continuum-admin`` command."""

import sys

from clinic_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
