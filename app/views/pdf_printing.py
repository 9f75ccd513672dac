"""Print a finished PDF on a real printer: any report the app draws (the handout, a progress
report), given as bytes or as a file.

Qt prints by painting pages; the PDF's pages are rasterised for it by PDFium (``pypdfium2``,
imported when a page is first drawn: QtPdf is not part of PySide6-Essentials) at the printer's
resolution, capped at :data:`MAX_DPI` so a 1200 dpi printer does not need 400 MB per page. The
page is scaled to fit the paper, centred, keeping its proportions, so the report's own margins
print as drawn. Rendering runs off the GUI thread (:func:`app.views.operations.run_operation`)
with a progress dialog whose Cancel aborts the job.

The last printer chosen is remembered per desk (QSettings, :data:`app.config.LAST_PRINTER_KEY`)
and offered first the next time. Tests and callers that already have a printer pass ``choose``
instead of the dialog.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, QSettings
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import (
    QAbstractPrintDialog,
    QPrintDialog,
    QPrinter,
    QPrinterInfo,
)
from PySide6.QtWidgets import QDialog, QWidget

from app.config import LAST_PRINTER_KEY
from app.errors import UserFacingError
from app.services.progress import Progress
from app.views.operations import Operation, run_operation

if TYPE_CHECKING:
    import pypdfium2

MAX_DPI = 600  # a page at 600 dpi is ~35 megapixels; finer gains nothing for these reports
POINTS_PER_INCH = 72

# PDFium is not thread-safe: one document is worked on at a time, by whichever thread.
_PDFIUM = threading.Lock()

PdfSource = bytes | Path


class NotAPdf(UserFacingError):
    """The file given to print cannot be read as a PDF."""


@dataclass(frozen=True)
class Printed:
    """What went to the printer: its name (or the file of a PDF printer) and the pages."""

    printer: str
    pages: int


def _tr(text: str) -> str:
    return QCoreApplication.translate("pdf_printing", text)


def _open(pdf: PdfSource) -> pypdfium2.PdfDocument:
    import pypdfium2

    try:
        return pypdfium2.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    except (pypdfium2.PdfiumError, OSError):
        problem = _tr("Cannot print: the file is not a readable PDF; write it again.")
        raise NotAPdf(problem) from None


def page_count(pdf: PdfSource) -> int:
    """How many pages ``pdf`` has (the print dialog's page range)."""
    with _PDFIUM:
        document = _open(pdf)
        try:
            return len(document)
        finally:
            document.close()


def render_page(
    document: pypdfium2.PdfDocument, index: int, dpi: float, grayscale: bool = False
) -> QImage:
    """Page ``index`` of an open document as an image at ``dpi`` (white paper, no alpha).

    Call it holding no other PDFium work in another thread (:func:`rendered_pages` takes the
    lock); the self-test calls it to prove the frozen build carries PDFium's library.
    """
    page = document[index]
    try:
        bitmap = page.render(
            scale=dpi / POINTS_PER_INCH,
            grayscale=grayscale,
            rev_byteorder=True,
            prefer_bgrx=True,
            optimize_mode="print",
            draw_annots=True,
        )
        fmt = QImage.Format.Format_Grayscale8 if grayscale else QImage.Format.Format_RGBX8888
        image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt)
        return image.copy()  # own the pixels: the bitmap's buffer goes with it
    finally:
        page.close()


def rendered_pages(pdf: PdfSource, dpi: float, grayscale: bool = False) -> list[QImage]:
    """Every page of ``pdf`` as an image (tests, previews); printing draws page by page."""
    with _PDFIUM:
        document = _open(pdf)
        try:
            return [render_page(document, i, dpi, grayscale) for i in range(len(document))]
        finally:
            document.close()


def printer_dpi(printer: QPrinter) -> int:
    return max(72, min(printer.resolution(), MAX_DPI))


def chosen_pages(printer: QPrinter, total: int) -> range:
    """The 0-based pages the print dialog's range asks for (all when none was set)."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        return range(total)
    return range(max(first, 1) - 1, min(last, total))


def send_to_printer(pdf: PdfSource, printer: QPrinter, progress: Progress) -> Printed:
    """Paint the pages of ``pdf`` on ``printer``; any thread (QPainter may paint a printer
    outside the GUI thread). A cancel between pages aborts the job: nothing is printed."""
    from app.services.progress import Cancelled

    printer.setFullPage(True)  # coordinates of the whole sheet: the PDF carries its margins
    grayscale = printer.colorMode() == QPrinter.ColorMode.GrayScale
    dpi = printer_dpi(printer)
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    with _PDFIUM:
        document = _open(pdf)
        try:
            pages = chosen_pages(printer, len(document))
            if not pages:
                raise NotAPdf(_tr("Cannot print: the pages chosen are not in the document."))
            painter = QPainter()
            if not painter.begin(printer):
                raise UserFacingError(
                    _tr("The printer {0} cannot be used; check that it is on and try again.")
                    .format(printer.printerName() or printer.outputFileName())
                )  # fmt: skip
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            total, done = len(pages) * copies, 0
            try:
                for _ in range(copies):
                    for n, index in enumerate(pages):
                        progress.step(done, total, _tr("Printing page {0} of {1}…").format(
                            n + 1, len(pages)))  # fmt: skip
                        if done and not printer.newPage():
                            raise UserFacingError(
                                _tr("The printer stopped taking pages; check it and try again.")
                            )
                        _draw(painter, printer, render_page(document, index, dpi, grayscale))
                        done += 1
                progress.step(total, total)
            except BaseException as exc:
                if isinstance(exc, Cancelled):
                    printer.abort()
                painter.end()
                raise
            if not painter.end():
                raise UserFacingError(_tr("The printer did not take the job; try again."))
        finally:
            document.close()
    return Printed(printer.printerName() or printer.outputFileName(), len(pages))


def _draw(painter: QPainter, printer: QPrinter, image: QImage) -> None:
    """The page image scaled to fit the sheet, centred, proportions kept."""
    sheet = printer.paperRect(QPrinter.Unit.DevicePixel)
    scale = min(sheet.width() / image.width(), sheet.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    target = QRectF(
        sheet.x() + (sheet.width() - width) / 2,
        sheet.y() + (sheet.height() - height) / 2,
        width,
        height,
    )
    painter.drawImage(target, image)


def ask_for_printer(parent: QWidget, pages: int) -> QPrinter | None:
    """The platform's print dialog, opened on the printer used last; None: cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    last = QSettings().value(LAST_PRINTER_KEY)
    if isinstance(last, str) and last in QPrinterInfo.availablePrinterNames():
        printer.setPrinterName(last)
    dialog = QPrintDialog(printer, parent)
    dialog.setMinMax(1, max(1, pages))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    remember_printer(printer)
    return printer


def remember_printer(printer: QPrinter) -> None:
    """Keep a real printer's name for next time (a "print to file" choice is not a printer)."""
    if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and printer.printerName():
        QSettings().setValue(LAST_PRINTER_KEY, printer.printerName())


ChoosePrinter = Callable[[QWidget, int], "QPrinter | None"]


def print_pdf(
    parent: QWidget,
    pdf: PdfSource,
    *,
    title: str | None = None,
    choose: ChoosePrinter = ask_for_printer,
    on_printed: Callable[[Printed], object] | None = None,
    on_failure: Callable[[BaseException], object] | None = None,
    on_cancel: Callable[[], object] | None = None,
) -> Operation | None:
    """Ask for a printer (``choose``: the print dialog by default) and print ``pdf`` on it in
    the background. Returns the running operation, or None when no printer was chosen (then
    ``on_cancel`` has run). Errors meant for a person reach ``on_failure``."""
    try:
        pages = page_count(pdf)
    except UserFacingError as exc:
        if on_failure is None:
            raise
        on_failure(exc)
        return None
    printer = choose(parent, pages)
    if printer is None:
        if on_cancel is not None:
            on_cancel()
        return None

    def work(progress: Progress) -> Printed:  # holds the printer until the job is over
        return send_to_printer(pdf, printer, progress)

    return run_operation(
        parent,
        title or _tr("Printing"),
        work,
        on_success=on_printed,
        on_failure=on_failure,
        on_cancel=on_cancel,
    )
