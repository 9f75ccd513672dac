"""The main window: athletes on the left, the selected athlete's pages on the right.

Pages that need heavy libraries (pyqtgraph for trends) are built the first time they are
shown, so the window paints fast.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.records import AthleteInfo
from app.errors import UserFacingError
from app.models.db import Database
from app.models.errors import DatabaseProblem
from app.services.athletes import delete_athlete
from app.services.context import AppContext
from app.services.freshness import ChangeToken, change_token
from app.services.sessions import get_session
from app.views.athlete_dialog import AthleteDialog
from app.views.athlete_list import AthleteList
from app.views.session_editor import SessionEditor
from app.views.sessions_page import SessionsPage
from app.views.undo import ArchiveAthleteCommand, DeleteSessionCommand

VIEWS = ("sessions", "trends", "program", "library")
# Clinic mode: how often an active window asks whether another desk changed something.
FRESHNESS_INTERVAL_MS = 10_000


class LazyPage(QStackedWidget):
    """Holds a placeholder until the real page is first needed, then builds it once."""

    def __init__(self, factory, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._factory = factory
        self.page: QWidget | None = None
        self.addWidget(QLabel(self.tr("Loading…"), alignment=Qt.AlignmentFlag.AlignCenter))

    def ensure(self) -> QWidget:
        if self.page is None:
            self.page = self._factory()
            self.addWidget(self.page)
            self.setCurrentWidget(self.page)
        return self.page


class PlaceholderPage(QWidget):
    """Stands in for a page whose feature has not landed yet."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(text, alignment=Qt.AlignmentFlag.AlignCenter))

    def set_athlete(self, athlete_id: int | None) -> None:
        pass

    def refresh(self) -> None:
        pass

    def is_ready(self) -> bool:
        return True


class MainWindow(QMainWindow):
    def __init__(
        self, context: AppContext, parent: QWidget | None = None, remember_geometry: bool = True
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.remember_geometry = remember_geometry  # off for screenshots: same picture each time
        self.undo_stack = QUndoStack(self)
        self.athlete: AthleteInfo | None = None
        title = self.tr("Untwist")
        if context.demo:
            title += self.tr(" — demo database")
        elif context.db.read_only:
            title += self.tr(" — read-only")
        self.setWindowTitle(title)
        self.setMinimumSize(800, 560)

        self.athlete_list = AthleteList(context)
        self.sessions_page = SessionsPage(context)
        self.trends = LazyPage(self._make_trends)
        self.program = LazyPage(self._make_program)
        self.library = LazyPage(self._make_library)
        self.pages = QTabWidget()
        self.pages.addTab(self.sessions_page, self.tr("&Sessions"))
        self.pages.addTab(self.trends, self.tr("&Trends"))
        self.pages.addTab(self.program, self.tr("&Program"))
        self.pages.addTab(self.library, self.tr("&Library"))
        self.pages.currentChanged.connect(self._page_changed)
        splitter = QSplitter()
        splitter.addWidget(self.athlete_list)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 1080])
        self.splitter = splitter
        self.setCentralWidget(splitter)

        self.sessions_page.new_requested.connect(self.new_session)
        self.sessions_page.edit_requested.connect(self.edit_session)
        self.sessions_page.delete_requested.connect(self.delete_session)
        self.athlete_list.athlete_changed.connect(self._athlete_changed)
        self._build_menus()
        self.statusBar().showMessage(self._database_text())
        self._restore_geometry()
        self.apply_mode()
        # Freshness (clinic mode, see app/services/freshness.py): poll when the window becomes
        # active and every few seconds while it stays active; nothing while in the background.
        self._token: ChangeToken | None = None
        self._commits = 0
        self.freshness_timer = QTimer(self)
        self.freshness_timer.setInterval(FRESHNESS_INTERVAL_MS)
        self.freshness_timer.timeout.connect(self.check_freshness)
        self.check_freshness()  # the baseline

    # -- construction -------------------------------------------------------------------
    def _make_trends(self) -> QWidget:
        try:
            from app.views.trends import TrendsPage
        except ImportError:
            return PlaceholderPage(self.tr("Trends are not available yet."))
        page = TrendsPage(self.context)
        page.set_athlete(self.athlete.id if self.athlete else None)
        return page

    def _make_program(self) -> QWidget:
        try:
            from app.views.program_page import ProgramPage
        except ImportError:
            return PlaceholderPage(self.tr("Programs are not available yet."))
        page = ProgramPage(self.context)
        page.set_athlete(self.athlete.id if self.athlete else None)
        return page

    def _make_library(self) -> QWidget:
        from app.views.library_page import LibraryPage

        page = LibraryPage(self.context)
        page.drills_changed.connect(self._drills_changed)
        return page

    def _drills_changed(self) -> None:
        """A drill was edited: programs showing drill text must re-read it."""
        if self.program.page is not None:
            self.program.page.refresh()  # type: ignore[attr-defined]

    def _action(self, menu, text: str, slot, shortcut=None, tip: str = "") -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        self.new_session_action = self._action(
            file,
            self.tr("&New session…"),
            self.new_session,
            QKeySequence.StandardKey.New,
            self.tr("Record a session for the selected athlete"),
        )
        self.new_athlete_action = self._action(
            file, self.tr("New &athlete…"), self.new_athlete, "Ctrl+Shift+N"
        )
        file.addSeparator()
        self.file_menu = file
        self.import_action = self._action(
            file,
            self.tr("&Import…"),
            self.import_file,
            "Ctrl+I",
            self.tr("Import measurements (CSV) or a whole export (JSON)"),
        )
        self.export_action = self._action(
            file,
            self.tr("&Export…"),
            self.export_file,
            "Ctrl+Shift+X",
            self.tr("Export measurements (CSV) or everything (JSON)"),
        )
        file.addSeparator()
        from app.views.data_safety import DataSafetyActions

        self.data_safety = DataSafetyActions(self, lambda: self.context, self.replace_database)
        for action in self.data_safety.actions():
            file.addAction(action)
        file.addSeparator()
        self.settings_action = self._action(
            file, self.tr("&Settings…"), self.open_settings, QKeySequence.StandardKey.Preferences
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        file.addSeparator()
        self.quit_action = self._action(
            file, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit
        )

        edit = bar.addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        self._action(
            edit, self.tr("&Find athlete"), self.focus_search, QKeySequence.StandardKey.Find
        )
        self.edit_athlete_action = self._action(
            edit, self.tr("&Edit athlete…"), self.edit_athlete, "Ctrl+Shift+E"
        )
        self.archive_action = self._action(edit, self.tr("A&rchive athlete"), self.toggle_archive)
        self.delete_athlete_action = self._action(
            edit, self.tr("&Delete athlete permanently…"), self.delete_athlete_permanently
        )

        view = bar.addMenu(self.tr("&View"))
        for index, name in enumerate(
            (self.tr("&Sessions"), self.tr("&Trends"), self.tr("&Program"), self.tr("&Library"))
        ):
            self._action(
                view,
                name,
                lambda _=False, i=index: self.pages.setCurrentIndex(i),
                f"Ctrl+{index + 1}",
            )
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About Untwist"), self.about)
        self._update_actions()

    def _database_text(self) -> str:
        if self.context.demo:
            return self.tr("Demo database (temporary; discarded on exit)")
        text = self.tr("Database: {0}").format(self.context.db.label)
        if self.context.db.read_only:
            text += self.tr(" — read-only: editing is disabled")
        return text

    # -- files: import, export, another database ------------------------------------------
    def import_file(self) -> None:
        from app.views.import_export import start_import

        if self.context.db.read_only:
            return
        self.import_flow = start_import(self, self.context, on_done=self._imported)

    def _imported(self, result: object) -> None:
        self.context.reload()  # a JSON import may bring settings and own measurements
        self.athlete_list.reload(self.athlete.id if self.athlete else None)
        self._data_changed()

    def export_file(self) -> None:
        from app.views.import_export import start_export

        self.export_flow = start_export(
            self, self.context, self.athlete.id if self.athlete else None
        )

    def replace_database(self, db: Database) -> None:
        """Switch to another open database (after a restore): every page reloads from it."""
        self.context = AppContext(db, demo=self.context.demo)
        for page in (self.athlete_list, self.sessions_page):
            page.context = self.context
        for lazy in (self.trends, self.program, self.library):
            if lazy.page is not None:
                lazy.page.context = self.context  # type: ignore[attr-defined]
        self.undo_stack.clear()  # undo steps belong to the old file
        self._token = None  # another database: start comparing afresh
        self.statusBar().showMessage(self._database_text())
        self.apply_mode()
        self._data_changed()
        self._update_actions()

    # -- settings and mode ----------------------------------------------------------------
    @property
    def solo(self) -> bool:
        return self.context.settings.mode == "solo"

    def apply_mode(self) -> None:
        """Solo mode opens straight on the one athlete and hides what only clinics need."""
        solo = self.solo
        self.athlete_list.setVisible(not solo)
        for action in (self.new_athlete_action, self.delete_athlete_action, self.archive_action):
            action.setVisible(not solo)
        self.edit_athlete_action.setText(
            self.tr("&My details…") if solo else self.tr("&Edit athlete…")
        )
        athlete_id = self.context.settings.solo_athlete_id if solo else None
        self.athlete_list.reload(athlete_id)

    def open_settings(self) -> None:
        from app.views.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.context, self)
        if dialog.exec():
            self.apply_mode()
            self._data_changed()
            if self.library.page is not None:  # own measurements may have changed
                self.library.page.refresh()  # type: ignore[attr-defined]
            self.statusBar().showMessage(self.tr("Settings saved"), 5000)

    # -- athletes -------------------------------------------------------------------------
    def _athlete_changed(self, athlete: AthleteInfo | None) -> None:
        """Another athlete chosen, or the same one re-read (after an edit, from another desk).

        The same athlete re-read only refreshes the pages, which keeps an unsaved program edit.
        """
        same = athlete is not None and self.athlete is not None and athlete.id == self.athlete.id
        self.athlete = athlete
        self.sessions_page.set_athlete(athlete)
        athlete_id = athlete.id if athlete else None
        for lazy in (self.trends, self.program):
            if lazy.page is not None:
                if same:
                    lazy.page.refresh()  # type: ignore[attr-defined]
                else:
                    lazy.page.set_athlete(athlete_id)  # type: ignore[attr-defined]
        self._update_actions()

    def _update_actions(self) -> None:
        has = self.athlete is not None
        writable = not self.context.db.read_only
        self.new_session_action.setEnabled(has and writable)
        self.new_athlete_action.setEnabled(writable)
        self.import_action.setEnabled(writable)
        self.edit_athlete_action.setEnabled(has and writable)
        self.archive_action.setEnabled(has and writable)
        self.delete_athlete_action.setEnabled(has and writable)
        if self.athlete is not None:
            self.archive_action.setText(
                self.tr("Un&archive athlete")
                if self.athlete.archived
                else self.tr("A&rchive athlete")
            )

    def focus_search(self) -> None:
        self.athlete_list.search.setFocus()
        self.athlete_list.search.selectAll()

    def new_athlete(self) -> None:
        dialog = AthleteDialog(self.context, parent=self)
        if dialog.exec() and dialog.result_athlete:
            self.athlete_list.search.clear()
            self.athlete_list.reload(dialog.result_athlete.id)
            self.statusBar().showMessage(
                self.tr("Athlete {0} created").format(dialog.result_athlete.name), 5000
            )

    def edit_athlete(self) -> None:
        if self.athlete is None:
            return
        dialog = AthleteDialog(self.context, self.athlete, parent=self)
        if dialog.exec() and dialog.result_athlete:
            self.athlete_list.reload(dialog.result_athlete.id)

    def toggle_archive(self) -> None:
        if self.athlete is None:
            return
        athlete_id = self.athlete.id
        archived = not self.athlete.archived
        self._run(
            lambda: self.undo_stack.push(
                ArchiveAthleteCommand(
                    self.context, athlete_id, archived, lambda: self.athlete_list.reload(athlete_id)
                )
            )
        )
        if archived:
            self.statusBar().showMessage(
                self.tr("Athlete archived — Ctrl+Z to undo; 'Show archived' lists them"), 8000
            )

    def delete_athlete_permanently(self) -> None:
        a = self.athlete
        if a is None:
            return
        self.sessions_page.ensure_loaded()
        count = len(self.sessions_page.sessions)
        answer = QMessageBox.warning(
            self,
            self.tr("Delete athlete permanently?"),
            self.tr(
                "Delete {0} and everything recorded for them: {1} sessions with all their "
                "measurements, and every program and adherence record?\n\n"
                "This cannot be undone. To keep the record but hide it, archive instead."
            ).format(a.name, count),
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._run(lambda: delete_athlete(self.context.db, a.id)):
            self.undo_stack.clear()  # older undo steps may refer to the deleted athlete
            self.athlete_list.reload()
            self.statusBar().showMessage(self.tr("{0} deleted").format(a.name), 5000)

    # -- sessions ---------------------------------------------------------------------------
    def new_session(self) -> None:
        if self.athlete is None or self.context.db.read_only:
            return
        editor = SessionEditor(
            self.context, self.athlete, self.sessions_page.usual_keys(), parent=self
        )
        editor.saved.connect(self._session_saved)
        self.editor = editor
        editor.open()

    def edit_session(self, session_id: int) -> None:
        if self.athlete is None or self.context.db.read_only:
            return
        try:
            session = get_session(self.context.db, session_id, self.context.catalog)
        except UserFacingError as exc:
            QMessageBox.warning(self, self.tr("Cannot edit"), str(exc))
            self.sessions_page.refresh()
            return
        editor = SessionEditor(
            self.context, self.athlete, self.sessions_page.usual_keys(), session, parent=self
        )
        editor.saved.connect(self._session_saved)
        self.editor = editor
        editor.open()

    def _session_saved(self, record: object) -> None:
        self._data_changed()
        self.statusBar().showMessage(self.tr("Session saved"), 5000)

    def delete_session(self, session_id: int) -> None:
        if self._run(
            lambda: self.undo_stack.push(
                DeleteSessionCommand(self.context, session_id, self._data_changed)
            )
        ):
            self.statusBar().showMessage(self.tr("Session deleted — Ctrl+Z to undo"), 8000)

    def _data_changed(self) -> None:
        self.sessions_page.refresh()
        for lazy in (self.trends, self.program):
            if lazy.page is not None:
                lazy.page.refresh()  # type: ignore[attr-defined]

    def _run(self, action) -> bool:  # type: ignore[no-untyped-def]
        """Run a database action; a problem becomes a message, never a traceback."""
        try:
            action()
        except UserFacingError as exc:
            QMessageBox.warning(self, self.tr("Untwist"), str(exc))
            return False
        return True

    # -- freshness: changes made at another desk ---------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange:
            if self.isActiveWindow():
                self.check_freshness()
                self.freshness_timer.start()
            else:
                self.freshness_timer.stop()
        super().changeEvent(event)

    def check_freshness(self) -> bool:
        """Re-read the list and pages if the database changed since the last look.

        Never while a dialog is open (an editor, a question): the check runs again when the
        window is active once more. Returns whether the pages were refreshed. Our own saves
        refresh quietly; anything else says so in the status bar.
        """
        if QApplication.activeModalWidget() is not None:
            return False
        db = self.context.db
        commits = db.commits
        try:
            token = change_token(db)
        except DatabaseProblem as exc:
            self.statusBar().showMessage(str(exc), FRESHNESS_INTERVAL_MS)
            return False
        previous, own = self._token, commits != self._commits
        self._token, self._commits = token, commits
        if previous is None or token == previous:
            return False
        try:
            # keeps the selection and the search text; the pages refresh through
            # athlete_changed (and keep an unsaved program edit)
            self.athlete_list.reload(self.athlete.id if self.athlete else None)
        except UserFacingError as exc:
            self.statusBar().showMessage(str(exc), FRESHNESS_INTERVAL_MS)
            return False
        if not own:
            self.statusBar().showMessage(self.tr("Updated from another desk"), 8000)
        return True

    # -- pages and screenshots -------------------------------------------------------------
    def _page_changed(self, index: int) -> None:
        widget = self.pages.widget(index)
        if isinstance(widget, LazyPage):
            widget.ensure()

    def show_view(self, view: str) -> None:
        self.pages.setCurrentIndex(VIEWS.index(view))
        self._page_changed(self.pages.currentIndex())

    def page_ready(self, view: str) -> bool:
        """True once the page has drawn everything (charts load lazily)."""
        if not self.isVisible():
            return False
        page = {
            "sessions": self.sessions_page,
            "trends": self.trends.page,
            "program": self.program.page,
            "library": self.library.page,
        }[view]
        return page is not None and page.is_ready()  # type: ignore[attr-defined]

    def about(self) -> None:
        from app import __version__

        QMessageBox.about(
            self,
            self.tr("About Untwist"),
            self.tr(
                "<b>Untwist {0}</b><p>Left-versus-right mobility measurements, asymmetry "
                "trends and exercise programs.</p><p>Findings are suggestions for a "
                "clinician, not a diagnosis.</p>"
            ).format(__version__),
        )

    # -- geometry ---------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        if not self.remember_geometry:
            return
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        super().closeEvent(event)
