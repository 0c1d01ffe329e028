"""Continuum core: everything the application does, with no Qt.

The desktop GUI (package ``ui``), the ``continuum-admin`` command line and the tests all
call into this package.  It must never import PySide6 (``tests/test_architecture.py``
enforces it).
"""

__version__ = "0.1.0"
