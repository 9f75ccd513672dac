"""The main window: athletes on the left, the selected athlete's pages on the right.

The window owns the :class:`~app.views.state.AppState`; each page gets it, subscribes to the
changes it shows, and is told by the window only which athlete is selected (the
:class:`~app.views.page.Page` protocol). Pages that need heavy libraries (pyqtgraph for trends)
are built the first time they are shown, so the window paints fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from app.domain.changes import Changes
from app.domain.records import AthleteInfo, SessionRecord
from app.errors import UserFacingError
from app.services.athletes import delete_athlete
from app.services.context import AppContext, Database
from app.services.freshness import ChangeToken, change_token
from app.services.sessions import get_session
from app.views.athlete_dialog import AthleteDialog
from app.views.athlete_list import AthleteList
from app.views.operations import run_quietly
from app.views.page import AthletePage, KeepsEdits, Page
from app.views.session_editor import SessionEditor
from app.views.sessions_page import SessionsPage
from app.views.state import AppState
from app.views.translation import user_text
from app.views.undo import ArchiveAthleteCommand, DeleteSessionCommand
from app.views.unsaved import Answer, ask_unsaved

VIEWS = ("sessions", "trends", "program", "library")
# Clinic mode: how often an active window asks whether another desk changed something.
FRESHNESS_INTERVAL_MS = 10_000


P = TypeVar("P", bound=Page)


class LazyPage(QStackedWidget, Generic[P]):
    """Holds a placeholder until the real page is first needed, then builds it once.

    An import error while building is a bug and reaches the crash dialog like any other.
    """

    def __init__(self, factory: Callable[[], P], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self.page: P | None = None
        self.addWidget(QLabel(self.tr("Loading…"), alignment=Qt.AlignmentFlag.AlignCenter))

    def ensure(self) -> P:
        if self.page is None:
            page = self._factory()
            assert isinstance(page, QWidget)
            self.page = page
            self.addWidget(page)
            self.setCurrentWidget(page)
        return self.page


class MainWindow(QMainWindow):
    # a freshness check came back: whether it found another desk's (or our own) changes
    freshness_checked = Signal(bool)

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, remember_geometry: bool = True
    ) -> None:
        super().__init__(parent)
        self.state = AppState(context, self)
        self.remember_geometry = remember_geometry  # off for screenshots: same picture each time
        self.undo_stack = QUndoStack(self)
        self.athlete: AthleteInfo | None = None
        # rebuilds the window in a new language (app.views.window_host); None: at next start
        self.language_switcher: Callable[[str], bool] | None = None
        title = self.tr("Untwist")
        if context.demo:
            title += self.tr(" — demo database")
        elif context.db.read_only:
            title += self.tr(" — read-only")
        self.setWindowTitle(title)
        self.setMinimumSize(800, 560)

        self.athlete_list = AthleteList(self.state)
        self.sessions_page = SessionsPage(self.state)
        self.trends = LazyPage(self._make_trends)
        self.program = LazyPage(self._make_program)
        self.library = LazyPage(self._make_library)
        self.pages = QTabWidget()
        # no Alt+letter on the tabs: Ctrl+1…4 switch them (View menu), and the pages' own
        # buttons keep their letters (Alt+S is Suggest, not the Sessions tab)
        for n, (page, title) in enumerate(
            (
                (self.sessions_page, self.tr("Sessions")),
                (self.trends, self.tr("Trends")),
                (self.program, self.tr("Program")),
                (self.library, self.tr("Library")),
            )
        ):
            self.pages.addTab(page, title)
            self.pages.setTabToolTip(n, self.tr("Ctrl+{0}").format(n + 1))
        self.pages.currentChanged.connect(self._page_changed)
        splitter = QSplitter()
        splitter.addWidget(self.athlete_list)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 1080])
        self.splitter = splitter
        self.setCentralWidget(splitter)

        self.sessions_page.new_requested.connect(self.new_session)
        self.sessions_page.new_athlete_requested.connect(self.new_athlete)
        self.sessions_page.edit_requested.connect(self.edit_session)
        self.sessions_page.delete_requested.connect(self.delete_session)
        self.athlete_list.athlete_changed.connect(self._athlete_changed)
        self.athlete_list.may_leave = self.edits_settled
        self.athlete_list.problem.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.state.settings_changed.connect(self.apply_mode)
        self.state.database_replaced.connect(self._database_replaced)
        self.state.changed.connect(self._changed)
        self._build_menus()
        self.statusBar().showMessage(self._database_text())
        self._restore_geometry()
        self.apply_mode()
        # Freshness (clinic mode, see app/services/freshness.py): poll when the window becomes
        # active and every few seconds while it stays active; nothing while in the background.
        self._token: ChangeToken | None = None
        self._commits = 0
        self._polling = False
        self.freshness_timer = QTimer(self)
        self.freshness_timer.setInterval(FRESHNESS_INTERVAL_MS)
        self.freshness_timer.timeout.connect(self.check_freshness)
        self.check_freshness()  # the baseline

    @property
    def context(self) -> AppContext:
        return self.state.context

    @property
    def freshness_pending(self) -> bool:
        """A freshness check is out (waiting for the database)."""
        return self._polling

    # -- construction -------------------------------------------------------------------
    def _make_trends(self) -> AthletePage:
        from app.views.trends import TrendsPage

        page = TrendsPage(self.state)
        page.set_athlete(self.athlete)
        return page

    def _make_program(self) -> AthletePage:
        from app.views.program_page import ProgramPage

        page = ProgramPage(self.state)
        page.set_athlete(self.athlete)
        return page

    def _make_library(self) -> Page:
        from app.views.library_page import LibraryPage

        return LibraryPage(self.state)

    def _athlete_pages(self) -> Iterator[AthletePage]:
        """The pages built so far that show the selected athlete."""
        yield self.sessions_page
        for lazy in (self.trends, self.program):
            if lazy.page is not None:
                yield lazy.page

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
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
        redo.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)]
        )
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        self.find_athlete_action = self._action(
            edit, self.tr("&Find athlete"), self.focus_search, QKeySequence.StandardKey.Find
        )
        self.edit_athlete_action = self._action(
            edit, self.tr("&Edit athlete…"), self.edit_athlete, "Ctrl+Shift+E"
        )
        self.archive_action = self._action(edit, self.tr("&Archive athlete"), self.toggle_archive)
        self.delete_athlete_action = self._action(
            edit, self.tr("&Delete athlete permanently…"), self.delete_athlete_permanently
        )

        view = bar.addMenu(self.tr("&View"))
        for index, name in enumerate(
            (self.tr("&Sessions"), self.tr("&Trends"), self.tr("&Program"), self.tr("&Library"))
        ):

            def show(_checked: bool = False, i: int = index) -> None:
                self.pages.setCurrentIndex(i)

            self._action(view, name, show, f"Ctrl+{index + 1}")
        help_menu = bar.addMenu(self.tr("&Help"))
        self.shortcuts_action = self._action(
            help_menu, self.tr("&Keyboard shortcuts"), self.show_shortcuts, "Ctrl+?"
        )
        self._action(help_menu, self.tr("&About Untwist"), self.about)
        self._update_actions()

    def _database_text(self) -> str:
        if self.context.demo:
            return self.tr("Demo database (temporary; discarded on exit)")
        text = self.tr("Database: {0}").format(self.context.db.label)
        if self.context.db.read_only:
            text += self.tr(" — read-only: editing is disabled")
        if self.context.catalog.damaged:  # stays in view until corrected (see load_catalog)
            text += " — " + self.context.catalog.damaged[0]
        return text

    # -- files: import, export, another database ------------------------------------------
    def import_file(self) -> None:
        from app.views.import_export import start_import

        if self.context.db.read_only:
            return
        self.import_flow = start_import(self, self.context)

    def export_file(self) -> None:
        from app.views.import_export import start_export

        self.export_flow = start_export(
            self, self.context, self.athlete.id if self.athlete else None
        )

    def replace_database(self, db: Database) -> None:
        """Switch to another open database (after a restore): every page reloads from it."""
        self.state.replace_database(db)

    def _database_replaced(self) -> None:
        self.undo_stack.clear()  # undo steps belong to the old file
        self._token = None  # another database: start comparing afresh
        self.statusBar().showMessage(self._database_text())
        self.apply_mode()
        self._update_actions()

    # -- settings and mode ----------------------------------------------------------------
    @property
    def solo(self) -> bool:
        return self.context.settings.mode == "solo"

    def apply_mode(self) -> None:
        """Solo mode opens straight on the one athlete and hides what only clinics need."""
        solo = self.solo
        self.athlete_list.setVisible(not solo)
        for action in (
            self.new_athlete_action,
            self.delete_athlete_action,
            self.archive_action,
            self.find_athlete_action,  # the athlete list it searches is hidden
        ):
            action.setVisible(not solo)
        self.edit_athlete_action.setText(
            self.tr("&My details…") if solo else self.tr("&Edit athlete…")
        )
        athlete_id = self.context.settings.solo_athlete_id if solo else None
        self.athlete_list.reload(athlete_id)

    def open_settings(self) -> None:
        from app.views.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.context, self)
        if dialog.exec():  # the pages hear of the new settings through the state
            self.statusBar().showMessage(self.tr("Settings saved"), 5000)
            self._apply_language()

    def _apply_language(self) -> None:
        """A new window language was saved: rebuild the window in it now (after asking about
        unsaved edits); kept for the next start when there is no rebuild or the user cancels."""
        from app.views.language_choice import window_language

        language = window_language()
        if language == self.context.language:
            return
        if self.language_switcher is None or not self.language_switcher(language):
            self.statusBar().showMessage(
                self.tr("Settings saved; the new language applies when Untwist starts again."),
                10_000,
            )

    # -- athletes -------------------------------------------------------------------------
    def _athlete_changed(self, athlete: AthleteInfo | None) -> None:
        """Another athlete chosen, or the same one re-read (after an edit, from another desk).

        Each page keeps an unsaved edit when it is told the athlete it already shows.
        """
        self.athlete = athlete
        for page in self._athlete_pages():
            page.set_athlete(athlete)
        self._update_actions()

    def _built_pages(self) -> Iterator[object]:
        yield self.sessions_page
        for lazy in (self.trends, self.program, self.library):
            if lazy.page is not None:
                yield lazy.page

    def edits_settled(self) -> bool:
        """Ask Save / Discard / Cancel for each page holding unsaved edits (before another
        athlete is shown, or the window closes); False: the user chose to stay."""
        for page in self._built_pages():
            if not isinstance(page, KeepsEdits):
                continue
            what = page.unsaved_changes()
            if not what:
                continue
            answer = ask_unsaved(self, what)
            if answer is Answer.CANCEL:
                return False
            if answer is Answer.SAVE:
                if not page.save_changes():
                    return False  # refused (the page said why) or still saving: stay
            else:
                page.discard_changes()
        return True

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
                else self.tr("&Archive athlete")
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
            lambda: self.undo_stack.push(ArchiveAthleteCommand(self.context, athlete_id, archived))
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
        count = self.sessions_page.session_count
        answer = QMessageBox.warning(
            self,
            self.tr("Delete athlete permanently?"),
            self.tr(
                "Delete {0} and everything recorded for them: {1} with all their "
                "measurements, and every program and adherence record?\n\n"
                "This cannot be undone. To keep the record but hide it, archive instead."
            ).format(a.name, self.tr("%n session(s)", "", count)),
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._run(lambda: delete_athlete(self.context.db, a.id)):
            self.undo_stack.clear()  # older undo steps may refer to the deleted athlete
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
            QMessageBox.warning(self, self.tr("Cannot edit"), user_text(exc))
            self.sessions_page.refresh()
            return
        editor = SessionEditor(
            self.context, self.athlete, self.sessions_page.usual_keys(), session, parent=self
        )
        editor.saved.connect(self._session_saved)
        self.editor = editor
        editor.open()

    def _session_saved(self, record: SessionRecord) -> None:
        self.sessions_page.select_session(record.id)  # the new one, not the one before
        self.statusBar().showMessage(self.tr("Session saved"), 5000)

    def delete_session(self, session_id: int) -> None:
        if self._run(lambda: self.undo_stack.push(DeleteSessionCommand(self.context, session_id))):
            self.statusBar().showMessage(self.tr("Session deleted — Ctrl+Z to undo"), 8000)

    def _run(self, action: Callable[[], object]) -> bool:
        """Run a database action; a problem becomes a message, never a traceback."""
        try:
            action()
        except UserFacingError as exc:
            QMessageBox.warning(self, self.tr("Untwist"), user_text(exc))
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
        """Ask, off the GUI thread, whether the database changed since the last look.

        A server that does not answer then never freezes the window. Never while a dialog is
        open (an editor, a question), nor while the previous check is still out: the check
        runs again when the window is active once more. Returns whether a check started.
        """
        if QApplication.activeModalWidget() is not None or self._polling:
            return False
        db = self.context.db
        commits = db.commits
        self._polling = True
        self.freshness_check = run_quietly(
            self,
            lambda _progress: change_token(db),
            lambda token: self._fresh_token(db, token, commits),
            self._freshness_failed,
        )
        return True

    def _fresh_token(self, db: Database, token: ChangeToken, commits: int) -> None:
        """Publish what another desk changed, as the same :class:`Changes` our writes do."""
        self._polling = False
        if db is not self.context.db:
            self.freshness_checked.emit(False)
            return  # the database was replaced while the check was out
        previous, own = self._token, commits != self._commits
        self._token, self._commits = token, commits
        if previous is None or token == previous:
            self.freshness_checked.emit(False)
            return
        self.state.publish(token.changed(previous), own=own)
        self.freshness_checked.emit(True)

    def _freshness_failed(self, exc: BaseException) -> None:
        self._polling = False
        self.freshness_checked.emit(False)
        if not isinstance(exc, UserFacingError):
            raise exc
        self.statusBar().showMessage(user_text(exc), FRESHNESS_INTERVAL_MS)

    def _changed(self, changes: Changes, own: bool) -> None:
        """Another desk's change says so; ours were announced by the form that saved them."""
        if not own:
            self.statusBar().showMessage(self.tr("Updated from another desk"), 8000)
        if changes.athletes:
            self._update_actions()

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
        page: Page | None = {
            "sessions": self.sessions_page,
            "trends": self.trends.page,
            "program": self.program.page,
            "library": self.library.page,
        }[view]
        return page is not None and page.is_ready()

    def show_shortcuts(self) -> None:
        from app.views.shortcuts import ShortcutsDialog

        self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.open()

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
        if not self.edits_settled():
            event.ignore()
            return
        self.freshness_timer.stop()
        if self.remember_geometry:  # a screenshot's size is not this desk's window size
            settings = QSettings()
            settings.setValue("window/geometry", self.saveGeometry())
            settings.setValue("window/splitter", self.splitter.saveState())
        super().closeEvent(event)
