""" "Progress report…": the clinician's assessment and plan, the language, then Save PDF.

The progress report (for the referring doctor or insurer) needs no saved program, so the
Program page offers it for any athlete with an open database. The assessment and plan start
from the athlete's stored note (``app.services.progress_notes``) and what is printed is stored
first, versioned: a note another desk saved since the dialog opened is shown side by side
(Reload / Overwrite / Keep editing) before anything is printed. The PDF is drawn off the GUI
thread like the handout.
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
from app.domain.progress_notes import ProgressNotes
from app.domain.records import AthleteInfo
from app.errors import UserFacingError
from app.services.context import AppContext
from app.services.errors import Conflict, ValidationError
from app.services.programs import WrittenPdf, report_language
from app.services.progress import Progress
from app.services.progress_notes import get_progress_notes, save_progress_notes
from app.services.reports import write_progress_report
from app.views.conflict_dialog import Line, settle_conflict
from app.views.operations import Operation, run_operation, run_quietly, write
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
        self.notes = ProgressNotes(athlete.id)  # as stored when loaded (version 0: none)
        self.loaded = False
        self._path: Path | None = None
        self.setWindowTitle(self.tr("Progress report for {0}").format(athlete.name))
        intro = QLabel(
            self.tr(
                "For the referring doctor or insurer: every measurement first against latest, "
                "judged against its error, the flags, and the program with its adherence when "
                "there is one. Your assessment and plan are printed as typed and kept with the "
                "athlete for the next report; left empty, the report has room to write by hand."
            )
        )
        intro.setWordWrap(True)
        self.assessment = QPlainTextEdit()
        self.assessment.setTabChangesFocus(True)
        self.assessment.setAccessibleName(self.tr("Assessment"))
        self.plan = QPlainTextEdit()
        self.plan.setTabChangesFocus(True)
        self.plan.setAccessibleName(self.tr("Plan"))
        self.saved_when = QLabel()
        self.saved_when.setWordWrap(True)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(report_language(athlete))))
        form = QFormLayout()
        form.addRow(self.tr("&Assessment:"), self.assessment)
        form.addRow(self.tr("P&lan:"), self.plan)
        form.addRow(self.tr("Lang&uage:"), self.language)
        form.addRow(self.saved_when)
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
        self._load_notes()

    # -- the stored note ---------------------------------------------------------------------

    def _load_notes(self) -> None:
        """Start from the stored note: inline on a file, off the GUI thread on a server (Save
        waits for it, so the version saved over is the one shown)."""
        db, athlete_id = self.context.db, self.athlete.id
        if db.is_sqlite:
            try:
                notes = get_progress_notes(db, athlete_id)
            except UserFacingError as exc:
                self._load_failed(exc)
                return
            self.show_notes(notes)
            return
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Reading the stored assessment and plan…"))

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, UserFacingError):
                raise exc
            self._load_failed(exc)

        run_quietly(self, lambda _progress: get_progress_notes(db, athlete_id), self.show_notes,
                    failed)  # fmt: skip

    def _load_failed(self, exc: UserFacingError) -> None:
        self.status.setText(html.escape(str(exc)))
        self.save_button.setEnabled(False)

    def show_notes(self, notes: ProgressNotes) -> None:
        """Put the stored note in the form (on opening, and when the other desk's is chosen)."""
        self.notes = notes
        self.loaded = True
        self.assessment.setPlainText(notes.assessment)
        self.plan.setPlainText(notes.plan)
        self.status.clear()
        self.save_button.setEnabled(True)
        if notes.stored and notes.updated_at is not None:
            when = notes.updated_at.strftime("%Y-%m-%d %H:%M")
            self.saved_when.setText(self.tr("Stored with the athlete on {0}.").format(when))
        else:
            self.saved_when.setText(self.tr("Nothing stored for this athlete yet."))

    def save_notes(self, version: int | None) -> None:
        """Store the texts over ``version``, then write the PDF to the chosen file."""
        db, athlete_id = self.context.db, self.athlete.id
        assessment, plan = self.assessment.toPlainText(), self.plan.toPlainText()
        self.save_button.setEnabled(False)
        write(
            self,
            db,
            lambda: save_progress_notes(db, athlete_id, assessment, plan, version),
            self._notes_saved,
            self._notes_refused,
        )

    def _notes_saved(self, notes: ProgressNotes) -> None:
        self.notes = notes
        if self._path is not None:
            self.export(self._path)

    def _notes_refused(self, exc: UserFacingError) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, Conflict):
            settle_conflict(
                self,
                exc,
                self.tr("The assessment and plan"),
                ProgressNotes,
                lines=self._conflict_lines,
                reload=self.show_notes,
                overwrite=lambda theirs: self.save_notes(
                    theirs.version if theirs is not None else None
                ),
                say=self.status.setText,
                not_saved=self.tr("Not printed yet: another desk changed the assessment and plan."),
                stored=lambda: get_progress_notes(self.context.db, self.athlete.id),
            )
            return
        message = (
            "\n".join(e.message for e in exc.errors)
            if isinstance(exc, ValidationError)
            else str(exc)
        )
        self.status.setText(html.escape(message))
        QMessageBox.warning(self, self.tr("Cannot write the progress report"), message)

    def _conflict_lines(self, theirs: ProgressNotes | None) -> list[Line]:
        def shown(text: str | None) -> str:
            return " ".join((text or "").split()) or "—"

        return [
            Line(self.tr("Assessment"), shown(self.assessment.toPlainText()),
                 shown(theirs.assessment if theirs else None)),
            Line(self.tr("Plan"), shown(self.plan.toPlainText()),
                 shown(theirs.plan if theirs else None)),
        ]  # fmt: skip

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
            self.save_and_export(path)

    def save_and_export(self, path: Path) -> Operation | None:
        """What Save PDF does once the file is chosen: store the texts, then print them.

        Returns the PDF's operation when it started at once (a file database whose note was
        stored without a conflict), else ``None`` (it starts when the server answers)."""
        self._path = path
        self.operation = None
        self.save_notes(self.notes.version)
        return self.operation

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
