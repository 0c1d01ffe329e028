"""Continuum's PySide6 desktop GUI.

The GUI is a thin shell over :mod:`clinic_app`: it calls ``clinic_app.workspace`` and the
``clinic_app.services`` functions through the task runner (:mod:`ui.tasks`) and never
touches SQL, the ORM or cryptography itself.  Every user-visible string goes through Qt's
``tr()``.
"""
