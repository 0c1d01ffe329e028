"""The bundle's entry point: PyInstaller freezes this script as the ``continuum`` executable.

It is the same as the ``continuum`` command a ``pip install`` makes (``ui.app:main``).
"""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())
