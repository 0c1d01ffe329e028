"""Print preview: a printed document's pages on screen, with Print…, Save as PDF… and a language choice.

:func:`open_preview` renders a document through :mod:`clinic_app.services.printing` on the
database thread (the service reads the record and writes the ``document.printed`` audit
entry, so the job is a committed unit of work) and opens a :class:`PrintPreview` when the
bytes arrive.  A refusal (no care plan yet, no intake, not discharged…) is shown as the
service's message; nothing opens.

What the preview offers
-----------------------
* The pages in a ``QPdfView`` (continuous pages, fit to the width by default), the page
  shown and the page count ("Page 2 of 3"), and zoom: fit width, whole page or a fixed
  percentage (Ctrl++ and Ctrl+- step through them).
* **Language** (English/Spanish): starts on the language the service chose (the client's
  preferred language; English for a blank form) and, when changed, renders the document
  again in the new language.  Print and Save stay disabled until the new pages arrive, so
  what is printed or saved is always what is shown.
* **Print…** (Ctrl+P): the system print dialog, then :func:`ui.printing.print_pdf` draws
  the pages the preview shows on the chosen printer.
* **Save as PDF…** (Ctrl+S): the non-blocking save dialog, then the exact bytes the service
  returned (the ones whose SHA-256 the audit log holds) are written on the I/O pool,
  atomically (a temporary file beside the target, renamed into place, readable by the
  owner only).  The folder last saved to is remembered on this computer.
* Esc or Close closes the preview; it is deleted on close, so the bytes do not stay in memory.

Decisions
---------
* **No temporary file**: the PDF is handed to ``QPdfDocument`` through a ``QBuffer``, in
  memory.  A file appears only where the user saves one.
* **Every rendering is audited**: each language switch is a new rendering with its own
  audit entry and hash, exactly as if it had been printed from the command line.
* The preview is a non-modal dialog of the main window, so the idle lock hides it with the
  other dialogs, and the record stays usable beside it.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QBuffer, QByteArray, QCoreApplication, QIODevice, QMargins, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app import codes
from clinic_app.errors import ContinuumError, StorageError
from clinic_app.security.keys import atomic_write
from clinic_app.services import printing
from clinic_app.services.auth import Actor
from clinic_app.services.printing import PrintedDocument
from ui.dialogs import ask_save_path, show_message
from ui.forms import message_label, set_message
from ui.preferences import workstation_settings
from ui.printing import print_pdf
from ui.session import Session
from ui.tasks import UnexpectedError, error_text
from ui.widgets.code_combo import CodeCombo

CONTEXT = "PrintPreview"
SAVE_FOLDER_KEY = "print_preview/save_folder"
#: the preview's size when the screen has room (else 90 % of the screen)
PREFERRED_SIZE = QSize(900, 1000)

#: the service that renders each kind of document
SERVICES: dict[str, Callable[..., PrintedDocument]] = {
    printing.CARE_PLAN: printing.print_care_plan,
    printing.DISCHARGE_SUMMARY: printing.print_discharge_summary,
    printing.INTAKE_SUMMARY: printing.print_intake_summary,
    printing.BLANK_INTAKE: printing.print_blank_intake,
    printing.BLANK_CARE_PLAN: printing.print_blank_care_plan,
}
CLIENT_DOCUMENTS = (printing.CARE_PLAN, printing.DISCHARGE_SUMMARY, printing.INTAKE_SUMMARY)

_TITLES = {
    printing.CARE_PLAN: QT_TRANSLATE_NOOP("PrintPreview", "Care plan"),
    printing.DISCHARGE_SUMMARY: QT_TRANSLATE_NOOP("PrintPreview", "Discharge summary"),
    printing.INTAKE_SUMMARY: QT_TRANSLATE_NOOP("PrintPreview", "Intake summary"),
    printing.BLANK_INTAKE: QT_TRANSLATE_NOOP("PrintPreview", "Blank intake form"),
    printing.BLANK_CARE_PLAN: QT_TRANSLATE_NOOP("PrintPreview", "Blank care-plan form"),
}

#: the zoom choices: two fit modes, then fixed factors
_FIT_WIDTH = QT_TRANSLATE_NOOP("PrintPreview", "Fit width")
_WHOLE_PAGE = QT_TRANSLATE_NOOP("PrintPreview", "Whole page")
ZOOM_FACTORS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


def document_title(kind: str) -> str:
    """The document's name for people ("Care plan", "Blank intake form")."""
    return QCoreApplication.translate(CONTEXT, _TITLES[kind])


@dataclass(frozen=True)
class DocumentRequest:
    """Which document to render: its kind, the client for a client document, and a care-plan version."""

    kind: str
    client_id: int | None = None
    #: a care plan's id (the version to print); the service's default choice when None
    plan_id: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in SERVICES:
            raise ValueError(f"unknown document kind {self.kind!r}")
        if (self.kind in CLIENT_DOCUMENTS) != (self.client_id is not None):
            raise ValueError(f"{self.kind} needs a client id exactly when it is a client document")
        if self.plan_id is not None and self.kind != printing.CARE_PLAN:
            raise ValueError("only a care plan is chosen by plan id")

    def job(self, session: Session, lang: str | None) -> Callable[[], PrintedDocument]:
        """A database job rendering the document in ``lang`` (None: the service's default) and committing its audit entry."""
        args = () if self.client_id is None else (self.client_id,)
        options: dict[str, object] = {"lang": lang}
        if self.plan_id is not None:
            options["plan_id"] = self.plan_id
        return session.call(SERVICES[self.kind], *args, write=True, **options)


def allowed_kinds(actor: Actor) -> tuple[str, ...]:
    """The kinds of document ``actor``'s role may print (the service checks again)."""
    kinds: list[str] = []
    if actor.role in printing.CLIENT_DOCUMENT_ROLES:
        kinds.extend(CLIENT_DOCUMENTS)
    if actor.role in printing.BLANK_FORM_ROLES:
        kinds.extend((printing.BLANK_INTAKE, printing.BLANK_CARE_PLAN))
    return tuple(kinds)


def open_preview(parent: QWidget, session: Session, request: DocumentRequest,
                 on_settled: Callable[[PrintPreview | None], object] | None = None) -> None:
    """Render ``request`` on the database thread, then open its preview over ``parent``'s window.

    ``on_settled`` receives the preview once it is shown, or None when the service refused
    (its message has been shown by then).  Nothing happens if ``parent`` is gone meanwhile.
    """

    def arrived(document: PrintedDocument) -> None:
        if not shiboken6.isValid(parent):
            return
        preview = PrintPreview(session, request, document, parent.window())
        preview.show()
        if on_settled is not None:
            on_settled(preview)

    def refused(exc: ContinuumError) -> None:
        if not shiboken6.isValid(parent):
            return
        if not isinstance(exc, UnexpectedError):  # the runner has shown that one already
            show_message(parent, QCoreApplication.translate("PrintPreview", "Print"), error_text(exc), error=True)
        if on_settled is not None:
            on_settled(None)

    session.runner.run_db(request.job(session, None), arrived, refused)


def blank_form_actions(window: QWidget, session: Session) -> list[QAction]:
    """File-menu actions "Print blank intake form…" and "Print blank care-plan form…" (for roles that may)."""
    labels = {
        printing.BLANK_INTAKE: QCoreApplication.translate("PrintPreview", "Print blank &intake form…"),
        printing.BLANK_CARE_PLAN: QCoreApplication.translate("PrintPreview", "Print blank care-p&lan form…"),
    }
    actions = []
    for kind, label in labels.items():
        if kind not in allowed_kinds(session.actor):
            continue
        action = QAction(label, window)
        action.setObjectName(f"print_{kind}")
        action.triggered.connect(lambda _checked=False, k=kind: open_preview(window, session, DocumentRequest(k)))
        actions.append(action)
    return actions


def _write(path: Path, pdf: bytes) -> int:
    """Write ``pdf`` to ``path`` atomically (I/O pool); an OS error becomes a readable message."""
    try:
        atomic_write(path, pdf)
    except OSError as exc:
        raise StorageError(QCoreApplication.translate(
            "PrintPreview", "The PDF could not be saved as {path} ({reason}).").format(
                path=path, reason=exc.strerror or exc)) from None
    return len(pdf)


class PrintPreview(QDialog):
    """The pages of one rendered document, with Print…, Save as PDF…, zoom and language."""

    def __init__(self, session: Session, request: DocumentRequest, document: PrintedDocument,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.request = request
        self.document = document
        self._buffer: QBuffer | None = None
        self.setObjectName("printPreview")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.NonModal)
        area = (parent.screen() if parent is not None else QApplication.primaryScreen()).availableGeometry()
        self.resize(min(PREFERRED_SIZE.width(), round(area.width() * 0.9)),
                    min(PREFERRED_SIZE.height(), round(area.height() * 0.9)))

        self.pdf = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setAccessibleName(self.tr("Document pages"))
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setPageSpacing(12)
        self.view.setDocumentMargins(QMargins(12, 12, 12, 12))
        self.view.pageNavigator().currentPageChanged.connect(self._show_page_count)
        self.pdf.pageCountChanged.connect(self._show_page_count)

        self.language = CodeCombo(codes.LANGUAGE, self)
        self.language.setAccessibleName(self.tr("Language of the document"))
        language_label = QLabel(self.tr("&Language:"), self)
        language_label.setBuddy(self.language)
        self.language.code_changed.connect(self._language_chosen)

        self.zoom = QComboBox(self)
        self.zoom.setAccessibleName(self.tr("Zoom"))
        zoom_label = QLabel(self.tr("&Zoom:"), self)
        zoom_label.setBuddy(self.zoom)
        self.zoom.addItem(QCoreApplication.translate(CONTEXT, _FIT_WIDTH), QPdfView.ZoomMode.FitToWidth)
        self.zoom.addItem(QCoreApplication.translate(CONTEXT, _WHOLE_PAGE), QPdfView.ZoomMode.FitInView)
        for factor in ZOOM_FACTORS:
            self.zoom.addItem(self.tr("{percent} %").format(percent=round(factor * 100)), factor)
        self.zoom.currentIndexChanged.connect(self._apply_zoom)
        self.zoom_out_button = self._tool_button("−", self.tr("Zoom out"), QKeySequence.StandardKey.ZoomOut,
                                                 lambda: self.step_zoom(-1))
        self.zoom_in_button = self._tool_button("+", self.tr("Zoom in"), QKeySequence.StandardKey.ZoomIn,
                                                lambda: self.step_zoom(1))

        self.page_label = QLabel(self)
        self.page_label.setObjectName("pageCount")
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_button.setToolTip(self.tr("Choose a printer and print these pages (Ctrl+P)"))
        self.print_button.clicked.connect(self.ask_printer)
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.save_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_button.setToolTip(self.tr("Save exactly this document as a PDF file (Ctrl+S)"))
        self.save_button.clicked.connect(self.ask_save)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.close)
        self.status = message_label("hint", self)

        bar = QHBoxLayout()
        bar.addWidget(language_label)
        bar.addWidget(self.language)
        bar.addSpacing(16)
        bar.addWidget(zoom_label)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom)
        bar.addWidget(self.zoom_in_button)
        bar.addSpacing(16)
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)

        self._show(document)
        self.view.setFocus()

    def _tool_button(self, text: str, name: str, key: QKeySequence.StandardKey,
                     slot: Callable[[], object]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setAccessibleName(name)
        button.setToolTip(f"{name} ({QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)})")
        button.setShortcut(QKeySequence(key))
        button.clicked.connect(slot)
        return button

    # --- showing ------------------------------------------------------------------------------
    def _show(self, document: PrintedDocument) -> None:
        """Show ``document``'s pages (read from memory) and its language."""
        self.document = document
        old = self._buffer
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(document.pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(self._buffer)
        if old is not None:
            old.close()
            old.deleteLater()
        title = document_title(document.kind)
        self.setWindowTitle(self.tr("{document} · {client} · Print preview").format(
            document=title, client=document.client_code) if document.client_code
            else self.tr("{document} · Print preview").format(document=title))
        self.language.blockSignals(True)
        self.language.set_code(document.lang)
        self.language.blockSignals(False)
        self._apply_zoom()
        self._show_page_count()
        ready = self.pdf.status() == QPdfDocument.Status.Ready and self.pdf.pageCount() > 0
        self._set_busy(False, ready)
        if not ready:
            set_message(self.status, self.tr("The document could not be shown."), "error")

    def page_count(self) -> int:
        return self.pdf.pageCount()

    def _show_page_count(self, *_args: object) -> None:
        count = self.pdf.pageCount()
        page = min(self.view.pageNavigator().currentPage() + 1, count)
        self.page_label.setText(self.tr("Page {page} of {count}").format(page=page, count=count))

    def _apply_zoom(self, *_args: object) -> None:
        choice = self.zoom.currentData()
        if isinstance(choice, QPdfView.ZoomMode):
            self.view.setZoomMode(choice)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(choice))

    def step_zoom(self, step: int) -> None:
        """Zoom in (``step`` 1) or out (-1) to the next fixed percentage."""
        current = self.view.zoomFactor()  # a fit mode keeps the factor it computed
        factors = list(ZOOM_FACTORS)
        if step > 0:
            wanted = next((f for f in factors if f > current + 0.01), factors[-1])
        else:
            wanted = next((f for f in reversed(factors) if f < current - 0.01), factors[0])
        self.zoom.setCurrentIndex(self.zoom.findData(wanted))

    def _set_busy(self, busy: bool, ready: bool = True) -> None:
        self.language.setEnabled(not busy)
        self.print_button.setEnabled(not busy and ready)
        self.save_button.setEnabled(not busy and ready)
        if busy:
            set_message(self.status, self.tr("Preparing the document…"), "hint")
        else:
            set_message(self.status, "")

    # --- language -----------------------------------------------------------------------------
    def _language_chosen(self, lang: str) -> None:
        if not lang or lang == self.document.lang:
            return
        self.choose_language(lang)

    def choose_language(self, lang: str) -> None:
        """Render the document again in ``lang`` (database thread); the pages change when it arrives."""
        self._set_busy(True)
        self.session.runner.run_db(self.request.job(self.session, lang), self._rendered, self._render_failed)

    def _rendered(self, document: PrintedDocument) -> None:
        self._show(document)

    def _render_failed(self, exc: ContinuumError) -> None:
        self._show(self.document)  # back to the language still shown
        set_message(self.status, error_text(exc), "error")

    # --- printing and saving ------------------------------------------------------------------
    def ask_printer(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.document.suggested_filename)
        dialog = QPrintDialog(printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self.print_to(printer))
        dialog.show()  # PySide exposes only QPrintDialog.open(receiver, member); this is the plain open()

    def print_to(self, printer: QPrinter) -> None:
        """Draw the pages shown on ``printer``."""
        try:
            pages = print_pdf(self.document.pdf, printer)
        except ContinuumError as exc:
            set_message(self.status, error_text(exc), "error")
            return
        set_message(self.status, self.tr("Sent to the printer (pages: {pages}).").format(pages=pages), "ok")

    def ask_save(self) -> None:
        folder = workstation_settings().value(SAVE_FOLDER_KEY)
        start = Path(folder) if isinstance(folder, str) and Path(folder).is_dir() else Path.home()
        ask_save_path(self, self.tr("Save as PDF"), str(start / self.document.suggested_filename),
                      self.tr("PDF documents (*.pdf)"), "pdf", self.save_to)

    def save_to(self, path: str) -> None:
        """Write the bytes shown to ``path`` on the I/O pool (atomically)."""
        target = Path(path)
        workstation_settings().setValue(SAVE_FOLDER_KEY, os.fspath(target.parent))
        self._set_busy(True)
        self.session.runner.run_io(functools.partial(_write, target, self.document.pdf),
                                   functools.partial(self._saved, target), self._save_failed)

    def _saved(self, path: Path, _size: int) -> None:
        self._set_busy(False)
        set_message(self.status, self.tr("Saved as {path}.").format(path=path), "ok")

    def _save_failed(self, exc: ContinuumError) -> None:
        self._set_busy(False)
        set_message(self.status, error_text(exc), "error")
