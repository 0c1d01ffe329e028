"""Package data for the GUI (style sheet), read with :mod:`importlib.resources`."""
