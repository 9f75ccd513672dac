"""The window's side of data safety: open a database safely, back it up, restore it.

For the main window (the lead wires these in):

* :func:`open_for_window` — the start-up path: instance lock (a second window is offered
  read-only or to bring the first to the front), then :func:`open_database`; a bad file opens
  :class:`BadDatabaseDialog` ("Restore from backup", "Open another file…", "Quit").
* :class:`DataSafetyActions` — File → "Backup now" and "Restore…" with progress, and the daily
  start-up backup, started after the window is shown so it never delays the first paint.
* :func:`show_read_only_notice` — a banner saying the database is read-only and why.

Everything slow runs through :func:`run_operation`; the services do the work.
"""

from __future__ import annotations

import enum
import html
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QObject,
    Qt,
    QTime,
    QTimer,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError
from app.locking import InstanceLock, LockHolder, request_activation
from app.services import backups
from app.services.context import AppContext
from app.services.database import (
    BackupFile,
    Database,
    DatabaseProblem,
    UnusableTarget,
    describe,
    make_database_folder,
    open_database,
    sqlite_path,
)
from app.services.progress import Progress
from app.views.operations import Operation, run_operation
from app.views.translation import QT_TRANSLATE_NOOP, user_text

log = logging.getLogger(__name__)
DATABASE_FILTER = QT_TRANSLATE_NOOP(
    "DataSafety", "Untwist databases (*.sqlite *.db);;All files (*)"
)
translate = QCoreApplication.translate  # a literal context, so pyside6-lupdate extracts it


def reason_label(reason: str) -> str:
    if reason == "daily":
        return translate("DataSafety", "daily copy")
    if reason == "manual":
        return translate("DataSafety", "Backup now")
    if reason.startswith("before-restore"):
        return translate("DataSafety", "taken before a restore")
    if reason.startswith("before-upgrade"):
        return translate("DataSafety", "taken before an upgrade")
    return reason


class BackupList(QListWidget):
    """Backups of one database, newest first; each item holds its path."""

    def __init__(self, found: list[BackupFile], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Backups"))
        locale = QLocale()
        for backup in found:
            taken = backup.taken
            moment = QDateTime(
                QDate(taken.year, taken.month, taken.day),
                QTime(taken.hour, taken.minute, taken.second),
            )
            when = locale.toString(moment, "ddd d MMM yyyy, HH:mm")
            item = QListWidgetItem(f"{when} — {reason_label(backup.reason)}")
            item.setToolTip(str(backup.path))
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            self.addItem(item)
        if self.count():
            self.setCurrentRow(0)

    def selected_path(self) -> Path | None:
        item = self.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item else None


def _choose_file(parent: QWidget | None, title: str) -> Path | None:
    filters = translate("DataSafety", DATABASE_FILTER)
    name, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return Path(name) if name else None


class Choice(enum.Enum):
    RESTORED = "restored"  # a backup is now in place: open the same target again
    OPEN_OTHER = "open-other"  # open ``BadDatabaseDialog.other`` instead
    QUIT = "quit"


class BadDatabaseDialog(QDialog):
    """A database that cannot be opened: say why, offer a way out, never touch the file.

    "Restore from backup" runs the restore service right here, with progress; the damaged
    file is moved aside, not deleted. ``choose_file`` is the file picker (tests replace it).
    """

    def __init__(
        self,
        problem: DatabaseProblem,
        target: str,
        parent: QWidget | None = None,
        choose_file: Callable[[QWidget | None, str], Path | None] = _choose_file,
    ) -> None:
        super().__init__(parent)
        self.problem = problem
        self.target = target
        self.choose_file = choose_file
        self.choice = Choice.QUIT
        self.other: Path | None = None
        self.restored: backups.RestoreResult | None = None
        self.operation: Operation | None = None
        self.path = sqlite_path(target)
        self.setWindowTitle(self.tr("Untwist cannot open the database"))
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Untwist cannot open this database"))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        layout.addWidget(heading)
        message = QLabel(user_text(problem))
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = message
        layout.addWidget(message)
        note = QLabel(self.tr("The file was not changed."))
        layout.addWidget(note)
        found = backups.list_restore_candidates(self.path) if self.path else []
        self.backups = BackupList(found)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setVisible(False)
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("Restore from backup"))
        self.restore_file_button = QPushButton(self.tr("Restore from file…"))
        self.open_button = QPushButton(self.tr("Open another file…"))
        self.quit_button = QPushButton(self.tr("Quit"))
        if self.path is not None:
            if found:
                layout.addWidget(QLabel(self.tr("Backups of this database:")))
                layout.addWidget(self.backups)
                buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
            else:
                layout.addWidget(QLabel(self.tr("No backups were found beside this database.")))
            buttons.addButton(self.restore_file_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.restore_button.clicked.connect(self._restore_selected)
        self.restore_file_button.clicked.connect(self._restore_file)
        self.open_button.clicked.connect(self._open_other)
        self.quit_button.clicked.connect(self.reject)
        self.backups.itemDoubleClicked.connect(lambda _item: self._restore_selected())
        self.resize(560, 380 if found else 200)

    def _restore_selected(self) -> None:
        chosen = self.backups.selected_path()
        if chosen is not None:
            self.restore_from(chosen)

    def _restore_file(self) -> None:
        chosen = self.choose_file(self, self.tr("Choose a backup to restore"))
        if chosen is not None:
            self.restore_from(chosen)

    def _open_other(self) -> None:
        chosen = self.choose_file(self, self.tr("Open another database"))
        if chosen is not None:
            self.other = chosen
            self.choice = Choice.OPEN_OTHER
            self.accept()

    def restore_from(self, file: Path) -> Operation:
        self._busy(True)
        self.status.setVisible(False)
        self.operation = run_operation(
            self,
            self.tr("Restoring…"),
            lambda progress: backups.restore(self.target, file, progress),
            on_success=self._restore_done,
            on_failure=self._restore_failed,
            on_cancel=lambda: self._busy(False),
        )
        return self.operation

    def _busy(self, busy: bool) -> None:
        for button in (
            self.restore_button,
            self.restore_file_button,
            self.open_button,
            self.quit_button,
        ):
            button.setEnabled(not busy)

    def _restore_done(self, result: backups.RestoreResult) -> None:
        self.restored = result
        self.choice = Choice.RESTORED
        self._busy(False)
        self.accept()

    def _restore_failed(self, exc: BaseException) -> None:
        self._busy(False)
        if not isinstance(exc, UserFacingError | OSError):
            raise exc
        self.status.setText(user_text(exc))
        self.status.setVisible(True)


class SecondInstance(enum.Enum):
    BRING_TO_FRONT = "front"
    READ_ONLY = "read-only"
    CANCEL = "cancel"


def second_instance_box(
    database: Path, holder: LockHolder | None, parent: QWidget | None = None
) -> tuple[QMessageBox, dict[QPushButton, SecondInstance]]:
    """The question a second ``untwist`` on the same file asks (built apart, for tests)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(translate("DataSafety", "Untwist is already open"))
    who = f" ({holder.describe()})" if holder else ""
    text = translate("DataSafety", "{path} is already open in another Untwist window{who}.")
    box.setText(text.format(path=database, who=who))
    box.setInformativeText(
        translate(
            "DataSafety",
            "Switch to that window, or open the database read-only here: you can look but "
            "not change anything, so the two windows cannot overwrite each other.",
        )
    )
    front = box.addButton(
        translate("DataSafety", "Switch to the open window"), QMessageBox.ButtonRole.AcceptRole
    )
    read_only = box.addButton(
        translate("DataSafety", "Open read-only"), QMessageBox.ButtonRole.ActionRole
    )
    cancel = box.addButton(translate("DataSafety", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(front)
    box.setEscapeButton(cancel)
    return box, {
        front: SecondInstance.BRING_TO_FRONT,
        read_only: SecondInstance.READ_ONLY,
        cancel: SecondInstance.CANCEL,
    }


def ask_second_instance(
    database: Path, holder: LockHolder | None, parent: QWidget | None = None
) -> SecondInstance:
    box, answers = second_instance_box(database, holder, parent)
    box.exec()
    clicked = box.clickedButton()
    return next((a for b, a in answers.items() if b == clicked), SecondInstance.CANCEL)


def ask_bad_database(
    problem: DatabaseProblem, target: str, parent: QWidget | None = None
) -> BadDatabaseDialog:
    dialog = BadDatabaseDialog(problem, target, parent)
    dialog.exec()
    return dialog


@dataclass
class Opened:
    """What :func:`open_for_window` ends with: a database, or the exit code to quit with."""

    db: Database | None
    lock: InstanceLock | None = None
    target: str = ""
    exit_code: int = 0
    restored: backups.RestoreResult | None = None


def open_for_window(
    target: str,
    parent: QWidget | None = None,
    *,
    ask_second: Callable[..., SecondInstance] = ask_second_instance,
    ask_bad: Callable[..., BadDatabaseDialog] = ask_bad_database,
    activate: Callable[[Path], bool] = request_activation,
) -> Opened:
    """Open ``target`` for the window, asking the user when something is in the way.

    Keeps ``Opened.lock`` for as long as the window lives (release it on close). Exit codes:
    0 when the other window was brought to the front or the user cancelled that question,
    2 when the user quit over a bad database.
    """
    restored: backups.RestoreResult | None = None
    lock: InstanceLock | None = None
    while True:
        path = sqlite_path(target)
        read_only = False
        if lock is not None and (path is None or lock.database != path):
            lock.release()
            lock = None
        if path is not None and lock is None:
            if not path.parent.is_dir():  # the data folder on a first start: 0700
                make_database_folder(path.parent, str(path))
            lock = InstanceLock(path)
            if not lock.acquire():
                if lock.held_by_another():
                    answer = ask_second(path, lock.holder(), parent)
                    if answer is SecondInstance.BRING_TO_FRONT:
                        if activate(path):
                            return Opened(None, exit_code=0)
                        answer = SecondInstance.READ_ONLY if path.exists() else answer
                    if answer is SecondInstance.CANCEL or answer is SecondInstance.BRING_TO_FRONT:
                        return Opened(None, exit_code=0)
                    read_only = True
                lock = None  # no lock: read-only, or a folder we may not write (read-only too)
        try:
            # the whole-file check runs after the first paint (start_startup_backup)
            db = open_database(target, create=True, read_only=read_only, check_pages=False)
        except UnusableTarget:  # no database to restore or replace: the caller says so
            if lock is not None:
                lock.release()
            raise
        except DatabaseProblem as problem:
            log.info("cannot open %s: %s", describe(target), problem)
            dialog = ask_bad(problem, target, parent)
            if dialog.choice is Choice.RESTORED:
                restored = dialog.restored
                continue
            if dialog.choice is Choice.OPEN_OTHER and dialog.other is not None:
                target = str(dialog.other)
                continue
            if lock is not None:
                lock.release()
            return Opened(None, exit_code=2)
        return Opened(db, lock, target, restored=restored)


class ReadOnlyBanner(QFrame):
    """A strip across the top of the window: this database cannot be changed here."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#readOnlyBanner { background: #fff4ce; border: 1px solid #e0c060; }"
            "#readOnlyBanner QLabel { color: #3d3000; }"
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        name = db.path.name if db.path else db.label
        self.label = QLabel(
            self.tr(
                "<b>Read-only</b> — {name} is open in another Untwist window or is "
                "write-protected: you can look, print and export, but not change anything."
            ).format(name=html.escape(name))
        )
        self.label.setToolTip(db.label)
        self.label.setAccessibleName(self.tr("Read-only notice"))
        layout.addWidget(self.label, 1)


def show_read_only_notice(window: QMainWindow, db: Database) -> QToolBar | None:
    """Put a :class:`ReadOnlyBanner` at the top of ``window`` when ``db`` is read-only.

    The window should also disable its editing actions (``db.read_only``); services refuse
    writes in any case, with :class:`DatabaseReadOnly`.
    """
    if not db.read_only:
        return None
    bar = QToolBar(translate("DataSafety", "Read-only"), window)
    bar.setObjectName("readOnlyBar")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.addWidget(ReadOnlyBanner(db, bar))
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
    if "read-only" not in window.windowTitle():
        window.setWindowTitle(window.windowTitle() + translate("DataSafety", " — read-only"))
    return bar


def start_startup_backup(
    window: QWidget, context: AppContext, done: Callable[[object], None] | None = None
) -> Operation | None:
    """Start the whole-file check and the daily copy in the background; ``None`` when there
    is nothing to check (a demo or a server database).

    Started after the window is shown, so neither delays the first paint (a ten-year clinic
    file: about 0.5 s of checking and 0.5 s of copying; the progress dialog only appears for
    work longer than 0.4 s). A read-only file is checked but not copied. The outcome goes to
    the status bar; a failure is logged, and only damage found by the check opens a (non-
    blocking) message, since the user must not go on trusting that file.
    """
    db = context.db
    if context.demo or db.path is None:
        return None
    folder = context.settings.backup_folder

    def status(text: str) -> None:
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 10000)

    def succeeded(result: backups.BackupResult | None) -> None:
        if result is not None and result.problems:
            status(translate("DataSafety", "Daily backup: not written to {folders}").format(
                folders=", ".join(user_text(p) for p in result.problems)
            ))  # fmt: skip
        elif result is not None:
            status(translate("DataSafety", "Daily backup saved."))
        if done:
            done(result)

    def failed(exc: BaseException) -> None:
        log.warning("start-up check or backup failed", exc_info=exc)
        if isinstance(exc, backups.DatabaseDamaged):
            status(user_text(exc))
            box = QMessageBox(QMessageBox.Icon.Warning, "Untwist", user_text(exc), parent=window)
            box.setObjectName("damagedDatabaseBox")
            box.open()  # not exec(): the window keeps running (export what can be read)
        else:
            status(translate("DataSafety", "The daily backup failed: {why}").format(why=exc))
        if done:
            done(exc)

    if db.read_only:

        def work(progress: Progress) -> object:
            progress.step(0, 0, translate("DataSafety", "Checking the database…"))
            backups.check_whole_file(db)
            return None

    else:

        def work(progress: Progress) -> object:
            return backups.startup_checks(db, progress=progress, settings_folder=folder)

    return run_operation(
        window,
        translate("DataSafety", "Checking the database…"),
        work,
        on_success=succeeded,
        on_failure=failed,
    )


def bring_to_front(window: QWidget) -> None:
    """What the first window does when a second ``untwist`` on its database asks for it."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def after_show(
    window: QMainWindow,
    context: AppContext,
    lock: InstanceLock | None,
    front: Callable[[], object] | None = None,
) -> None:
    """The start-up hooks that need the window: read-only banner, answering a second
    instance (``front``: what brings the window up, when it may be rebuilt), and the daily
    backup (queued, so the first paint happens first)."""
    show_read_only_notice(window, context.db)
    if lock is not None:
        lock.activation_requested.connect(front or (lambda: bring_to_front(window)))
    QTimer.singleShot(0, lambda: start_startup_backup(window, context))


class DataSafetyActions(QObject):
    """File → "Backup now" and "Restore…", and the daily start-up backup.

    ``context`` returns the window's current :class:`AppContext`; ``replace_database`` is
    called with the newly opened database after a restore (and with the old one reopened if
    the restore failed): the window rebuilds its context from it. During a restore the window's
    contents are disabled and its database is closed.
    """

    def __init__(
        self,
        window: QWidget,
        context: Callable[[], AppContext],
        replace_database: Callable[[Database], None],
        *,
        choose_file: Callable[[QWidget | None, str], Path | None] = _choose_file,
        confirm: Callable[[str], bool] | None = None,
        inform: Callable[[str, str], None] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.replace_database = replace_database
        self.choose_file = choose_file
        self.confirm = confirm or self._confirm
        self.inform = inform or self._inform
        self.operation: Operation | None = None
        self.last_result: object = None
        self.backup_action = QAction(self.tr("Backup now"), window)
        self.backup_action.setStatusTip(self.tr("Save a copy of the database in its backups"))
        self.backup_action.triggered.connect(self.backup_now)
        self.restore_action = QAction(self.tr("Restore…"), window)
        self.restore_action.setStatusTip(self.tr("Replace the database with a backup"))
        self.restore_action.triggered.connect(self.restore)
        self.update_actions()

    def actions(self) -> list[QAction]:
        return [self.backup_action, self.restore_action]

    def update_actions(self) -> None:
        context = self.context()
        db = context.db
        file_backed = db.path is not None and not context.demo
        self.backup_action.setEnabled(file_backed)
        self.restore_action.setEnabled(file_backed and not db.read_only)
        if db.path is None:
            tip = self.tr("A server database is backed up with the server's own tools.")
            self.backup_action.setToolTip(tip)
            self.restore_action.setToolTip(tip)
        elif db.read_only:
            self.restore_action.setToolTip(self.tr("Read-only: restore from the other window."))

    # Backup now ---------------------------------------------------------------------------

    def backup_now(self) -> Operation | None:
        context = self.context()
        if not self.backup_action.isEnabled():
            return None
        folder = context.settings.backup_folder
        self.operation = run_operation(
            self.window,
            self.tr("Backing up…"),
            lambda progress: backups.backup_now(context.db, progress, settings_folder=folder),
            on_success=self._backed_up,
            on_failure=self._failed,
        )
        return self.operation

    def _backed_up(self, result: backups.BackupResult) -> None:
        self.last_result = result
        lines = [self.tr("The backup was saved:")] + [str(p) for p in result.files]
        if result.problems:
            lines += [
                "",
                self.tr("These folders could not be written:"),
                *(user_text(p) for p in result.problems),
            ]
        self.inform(self.tr("Backup now"), "\n".join(lines))

    def _failed(self, exc: BaseException) -> None:
        self.last_result = exc
        if not isinstance(exc, UserFacingError | OSError):
            raise exc
        self.inform(self.tr("Untwist"), user_text(exc))

    # Start-up backup ----------------------------------------------------------------------

    def start_startup_backup(self) -> Operation | None:
        """The daily copy, in the background once the window is up (skipped when not due)."""

        def done(result: object) -> None:
            self.last_result = result

        self.operation = start_startup_backup(self.window, self.context(), done)
        return self.operation

    # Restore ------------------------------------------------------------------------------

    def restore(self) -> Operation | None:
        context = self.context()
        db = context.db
        if db.path is None or not self.restore_action.isEnabled():
            return None
        picker = RestoreDialog(db.path, context.settings.backup_folder, self.window)
        picker.choose_file = self.choose_file
        if picker.exec() != QDialog.DialogCode.Accepted or picker.chosen is None:
            return None
        return self.restore_from(picker.chosen)

    def restore_from(self, file: Path) -> Operation | None:
        db = self.context().db
        assert db.path is not None
        question = self.tr(
            "Replace {database} with the backup {backup}?\n\nThe current file is not deleted: "
            "it is kept beside it as {stem}-replaced-<date and time>{suffix}."
        ).format(database=db.path, backup=file, stem=db.path.stem, suffix=db.path.suffix)
        if not self.confirm(question):
            return None
        target = str(db.path)
        self._freeze(True)
        db.dispose()
        self.operation = run_operation(
            self.window,
            self.tr("Restoring…"),
            lambda progress: backups.restore(target, file, progress),
            on_success=lambda result: self._restored(target, result),
            on_failure=lambda exc: self._restore_failed(target, exc),
            on_cancel=lambda: self._reopen_after_cancel(target),
        )
        return self.operation

    def _reopen_after_cancel(self, target: str) -> None:
        self._reopen(target)

    def _freeze(self, frozen: bool) -> None:
        """Disable the window's contents, but not the progress dialog (a window of its own)."""
        for child in self.window.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        ):
            if not child.isWindow():
                child.setEnabled(not frozen)

    def _reopen(self, target: str) -> Database | None:
        self._freeze(False)
        try:
            db = open_database(target, create=False)
        except DatabaseProblem as exc:
            self.inform(self.tr("Untwist"), user_text(exc))
            return None
        self.replace_database(db)
        self.update_actions()
        return db

    def _restored(self, target: str, result: backups.RestoreResult) -> None:
        self.last_result = result
        if self._reopen(target) is None:
            return
        kept = (
            self.tr("The previous file was kept as {path}.").format(path=result.moved_aside)
            if result.moved_aside
            else ""
        )
        self.inform(
            self.tr("Restore"),
            self.tr("The backup {backup} was restored.").format(backup=result.restored_from)
            + ("\n" + kept if kept else ""),
        )

    def _restore_failed(self, target: str, exc: BaseException) -> None:
        self.last_result = exc
        self._reopen(target)
        if not isinstance(exc, UserFacingError | OSError):
            raise exc
        self.inform(self.tr("Restore"), user_text(exc))

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self.window,
            self.tr("Restore"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _inform(self, title: str, text: str) -> None:
        QMessageBox.information(self.window, title, text)


class RestoreDialog(QDialog):
    """File → Restore…: pick one of the database's backups, or any file."""

    def __init__(self, database: Path, settings_folder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.chosen: Path | None = None
        self.choose_file: Callable[[QWidget | None, str], Path | None] = _choose_file
        layout = QVBoxLayout(self)
        found = backups.list_restore_candidates(database, settings_folder)
        layout.addWidget(
            QLabel(
                self.tr("Backups of {name}:").format(name=database.name)
                if found
                else self.tr("No backups of {name} were found.").format(name=database.name)
            )
        )
        self.backups = BackupList(found)
        self.backups.setVisible(bool(found))
        layout.addWidget(self.backups)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(bool(found))
        self.file_button = buttons.addButton(
            self.tr("Other file…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout.addWidget(buttons)
        self.restore_button.clicked.connect(self._take_selected)
        self.file_button.clicked.connect(self._take_file)
        buttons.rejected.connect(self.reject)
        self.backups.itemDoubleClicked.connect(lambda _item: self._take_selected())
        self.resize(520, 360)

    def _take_selected(self) -> None:
        self.chosen = self.backups.selected_path()
        if self.chosen is not None:
            self.accept()

    def _take_file(self) -> None:
        self.chosen = self.choose_file(self, self.tr("Choose a backup to restore"))
        if self.chosen is not None:
            self.accept()
