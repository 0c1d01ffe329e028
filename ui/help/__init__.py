"""The Help menu's windows: the user guide, where the data is, backing up, moving, about.

- :mod:`ui.help.menu`: :class:`~ui.help.menu.HelpMenu`, the actions the main window puts
  in its Help menu (User guide, F1; Where is my data?; How to back up and restore; How to
  move to a new computer; About Continuum), each opening one window, reused while open.
- :mod:`ui.help.window`: the frame every help window shares (a heading, the content, Close).
- :mod:`ui.help.guide`: the user guide: the README rendered from Markdown.
- :mod:`ui.help.folders`: "Where is my data?": the data, backup and log folders, with
  "Open folder" and "Copy".
- :mod:`ui.help.howto`: the short how-to pages, written here (translatable) rather than
  cut from the README, and kept true to what the Backups tab, the restore wizard and
  ``continuum-admin`` really do.

Help windows are non-modal dialogs owned by the main window: they stay open beside it,
close with it, and the idle lock hides them with every other dialog.
"""
