"""File → Import… and File → Export…: dialogs and the flows that run them in the background.

Import: the user picks a file, sees its first rows and how each column is understood, then the
import runs off the GUI thread with progress and cancel. Rows that are invalid come back as a
list in a dialog (nothing was written); a file that cannot be read at all is one message.
Only the preview's first rows ever reach a widget, so a 100k-row file stays cheap to show.

Export: choose all athletes or one, CSV (spreadsheets) or JSON (everything), then a file name.
Both flows are QObjects the caller keeps (``start_import`` / ``start_export`` return them), so
tests and the main window can follow their dialogs and their ``finished`` signal.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.records import AthleteInfo
from app.errors import UserFacingError
from app.services.athletes import list_athletes
from app.services.context import AppContext
from app.services.csv_export import ExportResult, export_csv
from app.services.csv_import import CsvPreview, ImportResult, import_csv, read_preview
from app.services.interchange import ImportRejected, file_format
from app.services.json_io import JsonResult, export_json, import_json
from app.services.progress import Progress
from app.views.operations import Operation, run_operation
from app.views.translation import QT_TRANSLATE_NOOP, user_text

IMPORT_FILTER = QT_TRANSLATE_NOOP(
    "ImportExport", "Measurements CSV or Untwist JSON (*.csv *.json);;All files (*)"
)
translate = QCoreApplication.translate  # a literal context, so pyside6-lupdate extracts it


def column_meanings() -> dict[str, str]:
    return {
        "athlete": translate("ImportExport", "athlete's name"),
        "date": translate("ImportExport", "session date"),
        "measurement": translate("ImportExport", "measurement key"),
        "left": translate("ImportExport", "left value"),
        "right": translate("ImportExport", "right value"),
        "notes": translate("ImportExport", "notes"),
        "unit": translate("ImportExport", "unit (optional)"),
        "athlete_id": translate("ImportExport", "athlete id (optional)"),
    }


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(size, 1) / 1024:.0f} kB"


class ImportPreviewDialog(QDialog):
    """The file's first rows, how each column is understood, and Import / Cancel."""

    def __init__(
        self,
        path: str,
        preview: CsvPreview | None,
        *,
        database_empty: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import %1").replace("%1", Path(path).name))
        self.resize(820, 480)
        layout = QVBoxLayout(self)
        self.table: QTableWidget | None = None
        self.merge: QCheckBox | None = None
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #c0262d;")
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if preview is None:
            self._json_page(layout, path, database_empty)
        else:
            self._csv_page(layout, path, preview)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.problem.setVisible(bool(self.problem.text()))
        self.import_button.setEnabled(not self.problem.text())

    def _csv_page(self, layout: QVBoxLayout, path: str, preview: CsvPreview) -> None:
        intro = QLabel(
            self.tr("%1 (%2). The first rows, and what each column is read as:")
            .replace("%1", path)
            .replace("%2", _size_text(preview.size))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        meanings = column_meanings()
        headers = [
            f"{name}\n→ {meanings[m] if m else self.tr('not recognised')}"
            for name, m in zip(preview.header, preview.mapping, strict=True)
        ]
        width = max([len(headers), *(len(r) for r in preview.rows)], default=0)
        table = QTableWidget(len(preview.rows), width, self)
        table.setHorizontalHeaderLabels(headers + [""] * (width - len(headers)))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setVerticalHeaderLabels([str(n + 2) for n in range(len(preview.rows))])
        for r, row in enumerate(preview.rows):
            for c, cell in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(cell))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setAccessibleName(self.tr("First rows of the file"))
        layout.addWidget(table, 1)
        self.table = table
        if preview.problem:
            self.problem.setText(user_text(preview.problem))
        elif not preview.rows:
            self.problem.setText(self.tr("The file has a header but no rows."))
        note = QLabel(
            self.tr(
                "All rows are checked before anything is saved: if one is invalid, nothing is "
                "imported and you get the list of lines to fix."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)

    def _json_page(self, layout: QVBoxLayout, path: str, database_empty: bool) -> None:
        text = self.tr(
            "%1 is read as a full Untwist export (athletes, sessions, programs, drills, settings)."
        ).replace("%1", path)
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.merge = QCheckBox(
            self.tr("Merge into this database: add only what is missing, report differences")
        )
        self.merge.setChecked(not database_empty)
        self.merge.setEnabled(database_empty)  # a database in use can only be merged into
        layout.addWidget(self.merge)
        if not database_empty:
            hint = QLabel(
                self.tr(
                    "This database already holds data, so the file is merged: nothing here is "
                    "overwritten."
                )
            )
            hint.setWordWrap(True)
            layout.addWidget(hint)
        layout.addStretch(1)

    @property
    def merging(self) -> bool:
        return bool(self.merge and self.merge.isChecked())


class ImportErrorsDialog(QDialog):
    """Every invalid row with its line number. A list model keeps 100k errors cheap."""

    def __init__(self, errors: list[str], headline: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import: rows to fix"))
        self.resize(720, 420)
        self.errors = errors
        layout = QVBoxLayout(self)
        heading = QLabel(headline)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.model = QStringListModel(errors, self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAccessibleName(self.tr("Invalid rows"))
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy list"))
        self.save_button = QPushButton(self.tr("Save list…"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def text(self) -> str:
        return "\n".join(self.errors) + "\n"

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())

    def _save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the list"), "import-errors.txt", self.tr("Text (*.txt)")
        )
        if path:
            self.save(path)

    def save(self, path: str) -> None:
        try:
            Path(path).write_text(self.text(), encoding="utf-8")
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Save the list"), user_text(exc))


class _Flow(QObject):
    """What the import and export flows share: background work and messages."""

    finished = Signal(object)  # the result, or None when nothing was done

    def __init__(self, parent: QWidget, context: AppContext) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.context = context
        self.operation: Operation | None = None
        self.message: QMessageBox | None = None
        self.result: object = None

    def _inform(self, title: str, text: str, icon: QMessageBox.Icon, details: str = "") -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.parent_widget)
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message = box
        box.open()

    def _done(self, result: object) -> None:
        self.result = result
        self.finished.emit(result)

    def _problem(self, title: str, exc: BaseException) -> None:
        """A read-only, locked or full disk, a server gone: the same one line as the CLI."""
        if not isinstance(exc, UserFacingError | OSError):
            self._done(None)
            raise exc  # our bug: the crash dialog takes it
        self._inform(title, user_text(exc), QMessageBox.Icon.Warning)
        self._done(None)


class ImportFlow(_Flow):
    def __init__(
        self,
        parent: QWidget,
        context: AppContext,
        path: str,
        on_done: Callable[[object], None] | None = None,
    ) -> None:
        super().__init__(parent, context)
        self.path = path
        self.kind = file_format(path)
        self.preview_dialog: ImportPreviewDialog | None = None
        self.errors_dialog: ImportErrorsDialog | None = None
        if on_done is not None:
            self.finished.connect(on_done)

    def start(self) -> ImportFlow:
        if self.context.db.read_only:
            self._inform(
                self.tr("Import"),
                self.tr("This database is open read-only: nothing can be imported into it."),
                QMessageBox.Icon.Warning,
            )
            self._done(None)
            return self
        if self.kind == "csv":
            preview: CsvPreview | None = read_preview(self.path)
            empty = True
        else:
            preview = None
            try:
                empty = not list_athletes(self.context.db, include_archived=True)
            except UserFacingError as exc:  # the server is gone before anything started
                self._problem(self.tr("Import"), exc)
                return self
        dialog = ImportPreviewDialog(
            self.path, preview, database_empty=empty, parent=self.parent_widget
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._run)
        dialog.rejected.connect(lambda: self._done(None))
        self.preview_dialog = dialog
        dialog.open()
        return self

    def _work(self) -> Callable[[Progress], object]:
        db, catalog, path = self.context.db, self.context.catalog, self.path
        if self.kind == "csv":
            return lambda progress: import_csv(db, catalog, path, progress)
        merge = bool(self.preview_dialog and self.preview_dialog.merging)
        return lambda progress: import_json(db, path, merge=merge, progress=progress)

    def _run(self) -> None:
        self.operation = run_operation(
            self.parent_widget,
            self.tr("Importing %1…").replace("%1", Path(self.path).name),
            self._work(),
            on_success=self._succeeded,
            on_failure=self._failed,
            on_cancel=self._cancelled,
        )

    def _succeeded(self, result: ImportResult | JsonResult) -> None:
        if isinstance(result, JsonResult):
            self.context.reload()  # custom measurements and settings may have come with it
            details = "\n".join(user_text(c) for c in result.conflicts)
            text = user_text(result.summary())
            if result.conflicts:
                text += "\n" + self.tr(
                    "Where the file and this database differ, this database's values were kept "
                    "(see the details)."
                )
        else:
            details = ""
            text = user_text(result.summary())
            if result.unchanged:
                text += "\n" + self.tr("%1 rows were already stored and were left as they were.")
                text = text.replace("%1", str(result.unchanged))
        self._inform(self.tr("Import"), text, QMessageBox.Icon.Information, details)
        self._done(result)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ImportRejected):
            headline = self.tr(
                "%1 rows of %2 are invalid, so nothing was imported. Fix these lines in the file "
                "(line 1 is the header) and import it again."
            )
            headline = headline.replace("%1", str(len(exc.errors))).replace(
                "%2", Path(self.path).name
            )
            self.errors_dialog = ImportErrorsDialog(
                [user_text(e.message) for e in exc.errors], headline, self.parent_widget
            )
            self.errors_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.errors_dialog.open()
            self._done(exc)
            return
        self._problem(self.tr("Import"), exc)

    def _cancelled(self) -> None:
        self._inform(
            self.tr("Import"),
            self.tr("The import was cancelled; nothing was written."),
            QMessageBox.Icon.Information,
        )
        self._done(None)


def start_import(
    parent: QWidget,
    context: AppContext,
    path: str | None = None,
    on_done: Callable[[object], None] | None = None,
) -> ImportFlow | None:
    """File → Import…: ask for a file (unless ``path``), preview it, import it in the background.

    ``on_done`` receives the result (:class:`ImportResult` / :class:`JsonResult`), the
    :class:`ImportRejected` error whose rows are listed, or ``None`` (cancelled or failed).
    """
    if path is None:
        title = translate("ImportExport", "Import")
        filters = translate("ImportExport", IMPORT_FILTER)
        path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        if not path:
            return None
    return ImportFlow(parent, context, path, on_done).start()


class ExportDialog(QDialog):
    """Which athletes (all, or one) and which format."""

    def __init__(
        self,
        context: AppContext,
        athlete_id: int | None = None,
        parent: QWidget | None = None,
        athletes: list[AthleteInfo] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        layout = QVBoxLayout(self)
        what = QGroupBox(self.tr("Format"))
        grid = QGridLayout(what)
        self.csv = QRadioButton(self.tr("CSV for spreadsheets: one row per measurement result"))
        self.json = QRadioButton(
            self.tr("JSON: everything, lossless (trials, pain, programs, drills, settings)")
        )
        self.csv.setChecked(True)
        grid.addWidget(self.csv, 0, 0)
        grid.addWidget(self.json, 1, 0)
        layout.addWidget(what)
        who = QGroupBox(self.tr("Athletes"))
        grid = QGridLayout(who)
        self.all = QRadioButton(self.tr("All athletes"))
        self.one = QRadioButton(self.tr("One athlete:"))
        self.athlete = QComboBox()
        self.athlete.setAccessibleName(self.tr("Athlete to export"))
        if athletes is None:
            athletes = list_athletes(context.db, include_archived=True)
        names = [a.name.lower() for a in athletes]
        for a in athletes:
            label = a.name if names.count(a.name.lower()) == 1 else f"{a.name} (#{a.id})"
            self.athlete.addItem(label, a.id)
        group = QButtonGroup(self)
        group.addButton(self.all)
        group.addButton(self.one)
        grid.addWidget(self.all, 0, 0, 1, 2)
        grid.addWidget(self.one, 1, 0)
        grid.addWidget(self.athlete, 1, 1)
        layout.addWidget(who)
        index = self.athlete.findData(athlete_id) if athlete_id is not None else -1
        if index >= 0:
            self.athlete.setCurrentIndex(index)
            self.one.setChecked(True)
        else:
            self.all.setChecked(True)
        self.one.setEnabled(bool(athletes))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.json.toggled.connect(self._update)
        self.one.toggled.connect(self._update)
        self._update()

    def _update(self) -> None:
        # JSON is the whole database by design (it is the lossless backup-like format).
        who_enabled = not self.json.isChecked()
        self.one.setEnabled(who_enabled and self.athlete.count() > 0)
        self.all.setEnabled(who_enabled)
        if not who_enabled:
            self.all.setChecked(True)
        self.athlete.setEnabled(who_enabled and self.one.isChecked())

    @property
    def fmt(self) -> str:
        return "json" if self.json.isChecked() else "csv"

    @property
    def athlete_id(self) -> int | None:
        if self.fmt == "csv" and self.one.isChecked():
            return self.athlete.currentData()
        return None

    def suggested_name(self) -> str:
        if self.fmt == "json":
            return "untwist-export.json"
        if self.athlete_id is not None:
            slug = re.sub(r"[^\w-]+", "-", self.athlete.currentText()).strip("-").lower()
            return f"{slug or 'athlete'}-measurements.csv"
        return "untwist-measurements.csv"


class ExportFlow(_Flow):
    def __init__(
        self,
        parent: QWidget,
        context: AppContext,
        athlete_id: int | None = None,
        path: str | None = None,
        on_done: Callable[[object], None] | None = None,
    ) -> None:
        super().__init__(parent, context)
        self.path = path
        self.early_problem: UserFacingError | None = None
        try:
            athletes = list_athletes(context.db, include_archived=True)
        except UserFacingError as exc:  # the server is gone before anything started
            self.early_problem, athletes = exc, []
        self.dialog = ExportDialog(context, athlete_id, parent, athletes)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.accepted.connect(self._chosen)
        self.dialog.rejected.connect(lambda: self._done(None))
        if on_done is not None:
            self.finished.connect(on_done)

    def start(self) -> ExportFlow:
        if self.early_problem is not None:
            self.dialog.deleteLater()
            self._problem(self.tr("Export"), self.early_problem)
            return self
        self.dialog.open()
        return self

    def _chosen(self) -> None:
        fmt, athlete_id = self.dialog.fmt, self.dialog.athlete_id
        path = self.path
        if path is None:
            filters = self.tr("CSV (*.csv)") if fmt == "csv" else self.tr("JSON (*.json)")
            path, _ = QFileDialog.getSaveFileName(
                self.parent_widget,
                self.tr("Export to"),
                os.path.join(os.path.expanduser("~"), self.dialog.suggested_name()),
                filters,
            )
            if not path:
                self._done(None)
                return
            if not path.lower().endswith(f".{fmt}"):
                path += f".{fmt}"
        db, catalog, target = self.context.db, self.context.catalog, path
        if fmt == "json":

            def work(progress: Progress) -> object:
                return export_json(db, target, progress)
        else:

            def work(progress: Progress) -> object:
                return export_csv(db, catalog, target, athlete_id, progress)

        self.path = path
        self.operation = run_operation(
            self.parent_widget,
            self.tr("Exporting…"),
            work,
            on_success=self._succeeded,
            on_failure=lambda exc: self._problem(self.tr("Export"), exc),
            on_cancel=self._cancelled,
        )

    def _succeeded(self, result: ExportResult | dict[str, int]) -> None:
        if isinstance(result, ExportResult):
            text = user_text(result.summary())
        else:
            text = self.tr("exported %1 athletes, %2 sessions, %3 measurements")
            for n, key in enumerate(("athletes", "assessments", "measurements"), start=1):
                text = text.replace(f"%{n}", str(result.get(key, 0)))
        self._inform(self.tr("Export"), f"{text}\n{self.path}", QMessageBox.Icon.Information)
        self._done(result)

    def _cancelled(self) -> None:
        self._inform(
            self.tr("Export"),
            self.tr("The export was cancelled; no file was written."),
            QMessageBox.Icon.Information,
        )
        self._done(None)


def start_export(
    parent: QWidget,
    context: AppContext,
    athlete_id: int | None = None,
    path: str | None = None,
    on_done: Callable[[object], None] | None = None,
) -> ExportFlow:
    """File → Export…: choose athletes and format, then a file (unless ``path``), then write it
    in the background. ``athlete_id`` preselects that athlete (the one on screen)."""
    return ExportFlow(parent, context, athlete_id, path, on_done).start()
