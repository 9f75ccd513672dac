"""Save a program's handout as a PDF or print it, off the GUI thread; open the file written.

The Program page owns the buttons and the status line; :class:`HandoutPrinter` drives them while
the handout is drawn (:func:`app.views.operations.run_operation`), so the page only says what to
print and where. Printing draws the handout in memory and hands the PDF to
:func:`app.views.pdf_printing.print_pdf` (the print dialog, then the pages rendered for the
printer), the same path any other report prints by.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QPushButton, QWidget

from app.domain.programs import ProgramData, ProgramRecord
from app.errors import UserFacingError
from app.services.context import AppContext
from app.services.programs import HandoutBytes, WrittenPdf, handout_pdf, write_handout
from app.services.progress import Progress
from app.views.operations import Operation, run_operation
from app.views.pdf_printing import ChoosePrinter, Printed, ask_for_printer, print_pdf
from app.views.translation import user_text


class HandoutPrinter(QObject):
    """Writes and prints handouts for ``parent``; ``pdf_button`` and ``print_button`` are off
    while one is being drawn or printed, ``open_button`` shows the last file written,
    ``status`` tells how it went. ``choose_printer`` is the print dialog (tests replace it)."""

    def __init__(
        self,
        parent: QWidget,
        pdf_button: QPushButton,
        print_button: QPushButton,
        open_button: QPushButton,
        status: QLabel,
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.pdf_button = pdf_button
        self.print_button = print_button
        self.open_button = open_button
        self.status = status
        self.last_pdf: Path | None = None
        self.operation: Operation | None = None
        self.choose_printer: ChoosePrinter = ask_for_printer
        open_button.clicked.connect(self.open_pdf)

    def _busy(self, busy: bool) -> None:
        self.pdf_button.setEnabled(not busy)
        self.print_button.setEnabled(not busy)

    def choose_file(self) -> Path | None:
        """Ask where to save the handout (``.pdf`` added when missing); None: cancelled."""
        name = f"program-{dt.date.today().isoformat()}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget,
            self.tr("Save the handout as"),
            str(Path.home() / name),
            self.tr("PDF files (*.pdf)"),
        )
        if not path:
            return None
        return Path(path if path.lower().endswith(".pdf") else path + ".pdf")

    def export(
        self,
        context: AppContext,
        athlete_id: int,
        program: ProgramRecord | ProgramData,
        path: Path,
        photos: Sequence[int] = (),
        ticks: str = "from-today",
    ) -> Operation:
        """Write the handout of ``program`` to ``path``, in the background; ``photos``: the
        kept photos the clinician chose to print (none by default)."""
        db, catalog, settings = context.db, context.catalog, context.settings
        self._busy(True)
        self.open_button.setVisible(False)
        self.status.setText(self.tr("Writing the handout…"))

        def work(progress: Progress) -> WrittenPdf:
            return write_handout(
                db, catalog, settings, athlete_id, path, program, progress=progress,
                photos=photos, ticks=ticks,
            )  # fmt: skip

        self.operation = run_operation(
            self.parent_widget,
            self.tr("Printing the handout"),
            work,
            on_success=self._written,
            on_failure=self._failed,
            on_cancel=lambda: self._failed(None),
        )
        return self.operation

    def print_handout(
        self,
        context: AppContext,
        athlete_id: int,
        program: ProgramRecord | ProgramData,
        photos: Sequence[int] = (),
    ) -> Operation:
        """Draw the handout of ``program`` in memory, then ask for a printer and print it."""
        db, catalog, settings = context.db, context.catalog, context.settings
        self._busy(True)
        self.status.setText(self.tr("Preparing the handout for the printer…"))

        def work(progress: Progress) -> HandoutBytes:
            return handout_pdf(
                db, catalog, settings, athlete_id, program, progress=progress, photos=photos
            )

        self.operation = run_operation(
            self.parent_widget,
            self.tr("Preparing the handout"),
            work,
            on_success=self._send,
            on_failure=self._print_failed,
            on_cancel=lambda: self._print_failed(None),
        )
        return self.operation

    def _send(self, handout: HandoutBytes) -> None:
        self.status.setText(self.tr("Choose a printer…"))
        self.operation = print_pdf(
            self.parent_widget,
            handout.data,
            title=self.tr("Printing the handout"),
            choose=self.choose_printer,
            on_printed=self._printed,
            on_failure=self._print_failed,
            on_cancel=lambda: self._print_failed(None),
        )

    def _printed(self, printed: Printed) -> None:
        self._busy(False)
        self.status.setText(
            self.tr("Handout sent to {0} ({1}).").format(
                html.escape(printed.printer),
                self.tr("%n page(s)", "", printed.pages),
            )
        )

    def _print_failed(self, exc: BaseException | None) -> None:
        self._busy(False)
        if exc is None:
            self.status.setText(self.tr("Printing cancelled."))
            return
        if not isinstance(exc, UserFacingError):
            raise exc  # our bug: the crash dialog takes it
        self.status.setText(html.escape(user_text(exc)))
        QMessageBox.warning(self.parent_widget, self.tr("Cannot print the handout"), user_text(exc))

    def _written(self, written: WrittenPdf) -> None:
        self.last_pdf = written.path
        self._busy(False)
        self.open_button.setVisible(True)
        self.status.setText(
            self.tr("Handout written: {0} ({1}).").format(
                html.escape(str(written.path)),
                self.tr("%n page(s)", "", written.pages),
            )
        )

    def _failed(self, exc: BaseException | None) -> None:
        self._busy(False)
        if exc is None:
            self.status.setText(self.tr("Printing cancelled; no file was written."))
            return
        if not isinstance(exc, UserFacingError):
            raise exc  # our bug: the crash dialog takes it
        self.status.setText(html.escape(user_text(exc)))
        QMessageBox.warning(self.parent_widget, self.tr("Cannot write the handout"), user_text(exc))

    def open_pdf(self) -> None:
        if self.last_pdf is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_pdf)))
