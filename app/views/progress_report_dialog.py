""" "Progress report…": the clinician's assessment and plan, the language, then Save PDF.

The progress report (for the referring doctor or insurer) needs no saved program, so the
Program page offers it for any athlete with an open database. The texts typed here go into
the PDF only; nothing is stored (keeping them with the athlete would be a schema change).
The PDF is drawn off the GUI thread like the handout.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.language import LANGUAGES
from app.domain.records import AthleteInfo
from app.errors import UserFacingError
from app.services.context import AppContext
from app.services.programs import WrittenPdf, report_language
from app.services.progress import Progress
from app.services.reports import write_progress_report
from app.views.operations import Operation, run_operation
from app.views.translation import user_text


class ProgressReportDialog(QDialog):
    """Asks for the assessment, the plan and the language; Save PDF writes the report."""

    def __init__(
        self, context: AppContext, athlete: AthleteInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.athlete = athlete
        self.operation: Operation | None = None
        self.written: WrittenPdf | None = None
        self.setWindowTitle(self.tr("Progress report for {0}").format(athlete.name))
        intro = QLabel(
            self.tr(
                "For the referring doctor or insurer: every measurement first against latest, "
                "judged against its error, the flags, and the program with its adherence when "
                "there is one. Your assessment and plan are printed as typed (and not stored); "
                "left empty, the report has room to write by hand."
            )
        )
        intro.setWordWrap(True)
        self.assessment = QPlainTextEdit()
        self.assessment.setTabChangesFocus(True)
        self.assessment.setAccessibleName(self.tr("Assessment"))
        self.plan = QPlainTextEdit()
        self.plan.setTabChangesFocus(True)
        self.plan.setAccessibleName(self.tr("Plan"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(report_language(athlete))))
        form = QFormLayout()
        form.addRow(self.tr("&Assessment:"), self.assessment)
        form.addRow(self.tr("P&lan:"), self.plan)
        form.addRow(self.tr("Lang&uage:"), self.language)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(
            self.tr("&Save PDF…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self._save_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(560, 460)

    def choose_file(self) -> Path | None:
        name = f"progress-{dt.date.today().isoformat()}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the progress report as"),
            str(Path.home() / name),
            self.tr("PDF files (*.pdf)"),
        )
        if not path:
            return None
        return Path(path if path.lower().endswith(".pdf") else path + ".pdf")

    def _save_clicked(self) -> None:
        path = self.choose_file()
        if path is not None:
            self.export(path)

    def export(self, path: Path) -> Operation:
        """Write the report to ``path`` in the background; the dialog closes when it is
        written and stays open (with the texts) when it fails."""
        context = self.context
        db, catalog, settings = context.db, context.catalog, context.settings
        athlete_id = self.athlete.id
        assessment, plan = self.assessment.toPlainText(), self.plan.toPlainText()
        language = str(self.language.currentData())
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Writing the progress report…"))

        def work(progress: Progress) -> WrittenPdf:
            return write_progress_report(
                db, catalog, settings, athlete_id, path, language=language,
                assessment=assessment, plan=plan, progress=progress,
            )  # fmt: skip

        self.operation = run_operation(
            self,
            self.tr("Writing the progress report"),
            work,
            on_success=self._written,
            on_failure=self._failed,
            on_cancel=lambda: self._failed(None),
        )
        return self.operation

    def _written(self, written: WrittenPdf) -> None:
        self.written = written
        self.save_button.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException | None) -> None:
        self.save_button.setEnabled(True)
        if exc is None:
            self.status.setText(self.tr("Cancelled; no file was written."))
            return
        if not isinstance(exc, UserFacingError):
            raise exc  # our bug: the crash dialog takes it
        self.status.setText(html.escape(user_text(exc)))
        QMessageBox.warning(self, self.tr("Cannot write the progress report"), user_text(exc))
