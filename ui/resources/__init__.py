"""Package data for the GUI (style sheet, icons), read with :mod:`importlib.resources`.

Importing the package registers the Qt search path ``continuum:`` for its ``icons`` folder, so
the style sheet can name images (``url(continuum:arrow-down.svg)``) without a compiled Qt
resource file or a path that depends on the working folder.  The application reads the style
sheet through this package, so the path is always there before the sheet is used.
"""

from importlib import resources

from PySide6.QtCore import QDir

SEARCH_PREFIX = "continuum"

QDir.addSearchPath(SEARCH_PREFIX, str(resources.files(__name__).joinpath("icons")))
