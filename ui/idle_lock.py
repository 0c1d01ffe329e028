"""The idle lock: after a quiet spell the main window is covered and asks for the password.

- An application-wide event filter notes the time of the last key, mouse, wheel, touch or
  tablet input.  A timer checks every few seconds whether the idle time has passed.  Idle
  time is measured on both the monotonic and the wall clock, whichever says more, so a
  computer that slept with Continuum open is locked when it wakes.
- Locking hides the window's content (central widget, menu bar, status bar), hides any
  open dialog, disables every action (so no shortcut works underneath) and shows an opaque
  overlay over the whole window.  Nothing is destroyed: whatever was typed is still there
  after unlocking, and the dialogs come back as they were.
- Unlocking checks the signed-in user's password with ``workspace.verify_password`` on the
  database thread (same back-off as sign-in).  Ctrl+L (File > Lock) locks at once.
- The timeout comes from the organisation setting ``idle_lock_minutes``;
  :meth:`IdleLock.set_timeout_ms` sets any interval (tests use a fraction of a second).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app import workspace
from clinic_app.errors import ContinuumError, SignInFailed
from ui.dialogs import confirm
from ui.forms import Form, heading
from ui.session import Session

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress,
    QEvent.Type.TabletMove,
})

DEFAULT_MINUTES = 10


class LockOverlay(QFrame):
    """The opaque panel that covers the locked window and asks for the password."""

    def __init__(self, window: QMainWindow, session: Session) -> None:
        super().__init__(window)
        self.session = session
        self.setObjectName("lockOverlay")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self.setFrameShape(QFrame.Shape.NoFrame)

        panel = QFrame(self)
        panel.setObjectName("lockPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setMaximumWidth(520)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        inner.addWidget(heading(self.tr("Continuum is locked"), panel))
        self.explanation = QLabel(self.tr(
            "The records are hidden until the password of {name} is typed. Nothing is lost: "
            "everything comes back as it was.").format(name=session.actor.name), panel)
        self.explanation.setWordWrap(True)
        inner.addWidget(self.explanation)
        self.form = Form(panel)
        self.password = QLineEdit(panel)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add_field("password", self.tr("&Password:"), self.password)
        inner.addWidget(self.form)
        buttons = QHBoxLayout()
        self.quit_button = QPushButton(self.tr("&Quit Continuum"), panel)
        self.unlock_button = QPushButton(self.tr("&Unlock"), panel)
        self.unlock_button.setDefault(True)
        self.form.add_action(self.unlock_button)
        self.form.add_action(self.quit_button)
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner.addLayout(buttons)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.hide()


class IdleLock(QObject):
    """Watches for input anywhere in the application and locks ``window`` when idle."""

    locked_changed = Signal(bool)

    def __init__(self, window: QMainWindow, session: Session) -> None:
        super().__init__(window)
        self.window, self.session = window, session
        self.overlay = LockOverlay(window, session)
        self.overlay.unlock_button.clicked.connect(self.try_unlock)
        self.overlay.password.returnPressed.connect(self.try_unlock)
        self.overlay.quit_button.clicked.connect(self._ask_quit)
        self._locked = False
        self._hidden: list[QWidget] = []
        self._disabled: list[QAction] = []
        self._timeout_ms = DEFAULT_MINUTES * 60_000
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        self.touch()
        self._restart_timer()
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        window.installEventFilter(self)

    def stop(self) -> None:
        """Stop watching (the window is closing)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # --- timing -------------------------------------------------------------------------
    def set_timeout_ms(self, milliseconds: int) -> None:
        self._timeout_ms = max(1, milliseconds)
        self.touch()
        self._restart_timer()

    def set_minutes(self, minutes: int) -> None:
        self.set_timeout_ms(minutes * 60_000)

    def timeout_ms(self) -> int:
        return self._timeout_ms

    def _restart_timer(self) -> None:
        self._timer.start(max(20, min(5_000, self._timeout_ms // 4)))

    def touch(self) -> None:
        """Count now as the last input."""
        self._last = (time.monotonic(), time.time())

    def idle_ms(self) -> float:
        mono, wall = self._last
        return 1000 * max(time.monotonic() - mono, time.time() - wall)

    def _check(self) -> None:
        if not self._locked and self.idle_ms() >= self._timeout_ms:
            self.lock()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _INPUT_EVENTS:
            self._last = (time.monotonic(), time.time())
        elif kind == QEvent.Type.Resize and watched is self.window:
            self.overlay.setGeometry(self.window.rect())
        return False

    # --- locking ------------------------------------------------------------------------
    def is_locked(self) -> bool:
        return self._locked

    def _content(self) -> list[QWidget]:
        w = self.window
        return [widget for widget in (w.centralWidget(), w.menuBar(), w.statusBar()) if widget is not None and widget.isVisible()]

    def lock(self) -> None:
        """Cover the window now (nothing is closed or lost)."""
        if self._locked:
            return
        self._locked = True
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
        self._hidden = dialogs + self._content()
        for widget in self._hidden:
            widget.hide()
        self._disabled = [a for a in self.window.findChildren(QAction) if a.isEnabled()]
        for action in self._disabled:
            action.setEnabled(False)
        self.overlay.form.clear_errors()
        self.overlay.password.clear()
        self.overlay.setGeometry(self.window.rect())
        self.overlay.show()
        self.overlay.raise_()
        self.overlay.password.setFocus(Qt.FocusReason.OtherFocusReason)
        self.locked_changed.emit(True)

    def unlock(self) -> None:
        """Uncover the window (called once the password has been checked)."""
        if not self._locked:
            return
        self._locked = False
        self.overlay.hide()
        self.overlay.password.clear()
        for action in self._disabled:
            action.setEnabled(True)
        for widget in self._hidden:
            widget.show()
        self._hidden, self._disabled = [], []
        self.touch()
        self.locked_changed.emit(False)

    def try_unlock(self) -> None:
        """Check the typed password on the database thread; unlock if it is right."""
        if not self._locked or self.overlay.form.busy:
            return
        ws, actor, password = self.session.ws, self.session.actor, self.overlay.password.text()
        self.overlay.form.submit(self.session.runner, lambda: workspace.verify_password(ws, actor, password),
                                 self._unlocked, self._refused)

    def _unlocked(self, _result: None) -> None:
        self.unlock()

    def _refused(self, exc: ContinuumError) -> None:
        self.overlay.password.clear()
        if isinstance(exc, SignInFailed):
            self.overlay.form.show_errors({"password": str(exc)})
        else:
            self.overlay.form.show_error(exc)

    def _ask_quit(self) -> None:
        confirm(self.overlay, self.tr("Quit Continuum"),
                self.tr("Quit without unlocking? Anything typed but not yet saved will be lost."),
                self.tr("Quit"), self.window.close)
