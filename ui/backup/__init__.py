"""Backups in the desktop application: the Backups tab, the warning, automatic backups, restore.

The core (:mod:`clinic_app.backup`) does the work; this package puts it on screen and
runs it off the GUI thread (database work on the runner's database thread, file checks on
the I/O pool), with a busy indicator while it runs.

- :mod:`ui.backup.jobs`: the functions the worker threads run (no Qt).
- :mod:`ui.backup.common`: the per-session :class:`~ui.backup.common.BackupCoordinator`
  (runs backups and status checks, caches the last status, tells every view), dialogs to
  choose a folder or a backup file, and the texts shared by the views.
- :mod:`ui.backup.folder_field`: the backup folder field (the folder, "Choose folder…",
  the checks that a folder can take backups) shared by the Backups tab and the setup wizard.
- :mod:`ui.backup.panel`: the Backups tab of the Administration screen: the destination
  folder, "Back up now", the backups in the folder, "Test restore", the keep rule.
- :mod:`ui.backup.monitor`: what the main window gets: the warning banner, the
  automatic backup once a day while open, and the backup when the window closes.
- :mod:`ui.backup.restore_wizard`: the guided restore (also onto a new computer).
- :mod:`ui.backup.problems`: the explanation shown when the data folder or the database
  fails its start-up checks, offering the newest backup.

Decisions
---------
* **Automatic backups run only while an administrator is signed in.**  Making a backup is
  an administrator's action in the core (it copies everybody's records and is audited as
  theirs), and the app does not go around that rule.  So the backup when the window
  closes and the daily one run in an administrator's session only; in a counsellor's
  session the warning says so and asks them to tell an administrator.
* **"Daily" means: when the last good backup is a day old or more.**  The status is
  checked when the window opens and every :data:`~ui.backup.monitor.CHECK_INTERVAL_MS`;
  when it is due, one backup is made (a failed one is not retried until the next check).
* **The backup on closing** runs every time an administrator closes the window and the
  backup folder was found at the last check.  The window stays open, covered by a
  progress dialog, until it is written; if it fails, the dialog says why and closing goes
  on when the user says so (the records themselves are safe on this computer).
* **Every backup is followed by rotation** with the keep rule of
  ``clinic_app.backup.destination.configured_rotation`` (7 daily, 4 weekly, 12 monthly
  unless an administrator changed it in the Backups tab), for this installation's archives
  only: a shared folder may hold other installations' backups, which are never touched.
* **The warning** (a banner above the screens) appears when there is no backup folder,
  the folder cannot be found (a USB stick not plugged in), it holds no backup that passes
  its checks, or the newest good one is more than 7 days old (the core's rule).  It is
  hidden while the idle lock covers the window.
* **Restoring is never done from inside a signed-in session**: the database must be
  closed while it is replaced.  The restore wizard is opened from the sign-in window
  ("Restore from a backup…"), from the first page of the setup wizard (a new computer),
  and from the start-up problem explanation.  The Backups tab says how.
"""
