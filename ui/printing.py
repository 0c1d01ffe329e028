"""Printing a PDF the core rendered: each page drawn onto a ``QPrinter`` with QtPdf.

The core renders documents as PDF bytes (ReportLab).  To print them, ``QPdfDocument``
reads the bytes from memory (no temporary file: a recovery sheet must not land on disk),
each page is rasterised at the printer's resolution (capped at 300 dpi) and drawn,
centred and scaled to fit, onto the printable area.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from clinic_app.errors import ContinuumError

MAX_DPI = 300


class PrintError(ContinuumError):
    """The document could not be sent to the printer."""


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print every page of ``pdf`` on ``printer``; return the number of pages printed."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise PrintError(QCoreApplication.translate("Printing", "The document could not be read for printing."))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(QCoreApplication.translate("Printing", "The printer could not be started. Check that it is "
                                                                 "switched on and try again."))
    pages = document.pageCount()
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        area = QRectF(painter.viewport())
        for index in range(pages):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(index, pixels)
            scale = min(area.width() / pixels.width(), area.height() / pixels.height())
            width, height = pixels.width() * scale, pixels.height() * scale
            target = QRectF(area.x() + (area.width() - width) / 2, area.y() + (area.height() - height) / 2, width, height)
            painter.drawImage(target, image)
    finally:
        painter.end()
        document.close()
    return pages
