"""Print a program's handout to PDF off the GUI thread, and open the file written.

The Program page owns the buttons and the status line; :class:`HandoutPrinter` drives them while
the handout is drawn (:func:`app.views.operations.run_operation`), so the page only says what to
print and where.
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
from app.services.programs import WrittenPdf, write_handout
from app.services.progress import Progress
from app.views.operations import Operation, run_operation


class HandoutPrinter(QObject):
    """Writes handouts for ``parent``; ``print_button`` is off while one is being drawn,
    ``open_button`` shows the last one written, ``status`` tells how it went."""

    def __init__(
        self, parent: QWidget, print_button: QPushButton, open_button: QPushButton, status: QLabel
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.print_button = print_button
        self.open_button = open_button
        self.status = status
        self.last_pdf: Path | None = None
        self.operation: Operation | None = None
        open_button.clicked.connect(self.open_pdf)

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
    ) -> Operation:
        """Write the handout of ``program`` to ``path``, in the background; ``photos``: the
        kept photos the clinician chose to print (none by default)."""
        db, catalog, settings = context.db, context.catalog, context.settings
        self.print_button.setEnabled(False)
        self.open_button.setVisible(False)
        self.status.setText(self.tr("Writing the handout…"))

        def work(progress: Progress) -> WrittenPdf:
            return write_handout(
                db, catalog, settings, athlete_id, path, program, progress=progress,
                photos=photos,
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

    def _written(self, written: WrittenPdf) -> None:
        self.last_pdf = written.path
        self.print_button.setEnabled(True)
        self.open_button.setVisible(True)
        self.status.setText(
            self.tr("Handout written: {0} ({1}).").format(
                html.escape(str(written.path)),
                self.tr("%n page(s)", "", written.pages),
            )
        )

    def _failed(self, exc: BaseException | None) -> None:
        self.print_button.setEnabled(True)
        if exc is None:
            self.status.setText(self.tr("Printing cancelled; no file was written."))
            return
        if not isinstance(exc, UserFacingError):
            raise exc  # our bug: the crash dialog takes it
        self.status.setText(html.escape(str(exc)))
        QMessageBox.warning(self.parent_widget, self.tr("Cannot write the handout"), str(exc))

    def open_pdf(self) -> None:
        if self.last_pdf is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_pdf)))
