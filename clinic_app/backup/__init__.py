"""Backups: one encrypted archive file per backup, restore, rotation and start-up checks.

The package is split by job; import the module you need (this ``__init__`` imports nothing,
so that ``clinic_app.workspace`` can use :mod:`clinic_app.backup.archive` without an import
cycle):

- :mod:`clinic_app.backup.archive`: the archive format.  Makes a consistent encrypted copy
  of a live database (``sqlcipher_export`` inside one read transaction, with the same
  key), writes the ``*.continuum-backup`` file to a temporary name, verifies it and only
  then renames it; checks an archive's structure and hashes without any credential;
  opens one with an account's password or the recovery code.  Also the automatic backup
  taken before a schema upgrade (``<data_dir>/pre-upgrade-backups/``).
- :mod:`clinic_app.backup.operations`: what a signed-in administrator does: make a backup,
  restore (onto the same or a new computer), test-restore into a temporary folder.
- :mod:`clinic_app.backup.destination`: a backup folder: list, rotate (7 daily, 4 weekly,
  12 monthly by default), status ("the last good backup is N days old"), and the folder
  remembered as this installation's destination.
- :mod:`clinic_app.backup.startup`: the checks run before sign-in (missing or damaged
  files, pointing to the newest backup) and after it (integrity checks, audit chain).

Backups are SQLCipher-specific by nature (an installation on PostgreSQL would use the
server's own dump tools), so this package, like ``clinic_app/db``, talks to SQLCipher
directly where it must.
"""
