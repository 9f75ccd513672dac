"""The last line of defence: an exception nobody caught becomes a dialog, not a dead window.

Errors that are the environment's fault (disk full, database locked or read-only, a server
gone) get a plain message; anything else is our bug and shows the details to copy into a report.
The app keeps running where it can.

Exceptions from other threads (``threading.excepthook``, or Qt calling ``sys.excepthook`` from
a pool thread) are logged at once, in that thread; the dialog is built on the GUI thread, by a
queued signal, since widgets may only be made there.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.database import plain_problem
from app.views.translation import user_text

log = logging.getLogger("untwist.crash")


translate = QCoreApplication.translate  # a literal context, so pyside6-lupdate extracts it


__all__ = ["CrashDialog", "plain_problem"]


class CrashDialog(QDialog):
    def __init__(self, message: str, details: str, log_file: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("CrashDialog", "Something went wrong"))
        self.details = details
        intro = QLabel(
            translate("CrashDialog",
                "<b>Untwist hit an error it did not expect.</b><br>Your saved data is safe; "
                "the action you were doing may not have finished.<br><br>{0}"
            ).format(message)
        )
        intro.setWordWrap(True)
        where = QLabel(
            translate("CrashDialog", "The details are also in the log: {0}").format(log_file)
        )
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QPlainTextEdit(details)
        box.setReadOnly(True)
        box.setAccessibleName(translate("CrashDialog", "Error details"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(translate("CrashDialog", "&Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addWidget(box, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def copy(self) -> None:
        QApplication.clipboard().setText(self.details)


class _ToGuiThread(QObject):
    """Carries a report from any thread to ``present`` on the GUI thread, where this lives."""

    report = Signal(object, object, str)  # exception, its kind, the details

    def __init__(self, present: Callable[[BaseException, type[BaseException], str], None]):
        super().__init__()
        self._present = present
        app = QCoreApplication.instance()
        if app is not None and self.thread() != app.thread():
            self.moveToThread(app.thread())
        self.report.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object, str)
    def _deliver(self, exc: BaseException, kind: type[BaseException], details: str) -> None:
        self._present(exc, kind, details)


def on_gui_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() == app.thread()


class ExceptionHook:
    """Installed as ``sys.excepthook`` and ``threading.excepthook`` while the window runs.

    Make it on the GUI thread: that is where its dialogs are built, whichever thread failed.
    """

    def __init__(self, log_file: str, interactive: bool = True) -> None:
        self.log_file = log_file
        self.interactive = interactive
        self.shown: list[QDialog] = []
        self._previous = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._to_gui = _ToGuiThread(self._present)

    def install(self) -> ExceptionHook:
        self._previous = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self
        threading.excepthook = self.thread_hook
        return self

    def uninstall(self) -> None:
        sys.excepthook = self._previous
        threading.excepthook = self._previous_thread_hook

    def __call__(
        self,
        kind: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()  # safe from any thread
            return
        self._report(kind, exc, tb, threading.current_thread())

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        """``threading.excepthook``: a ``threading.Thread`` ended with an exception."""
        if issubclass(args.exc_type, SystemExit):
            return  # ends the thread quietly, as Python's own hook does
        if args.exc_value is None:
            self._previous_thread_hook(args)
            return
        self._report(args.exc_type, args.exc_value, args.exc_traceback, args.thread)

    def _report(
        self,
        kind: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        thread: threading.Thread | None,
    ) -> None:
        details = "".join(traceback.format_exception(kind, exc, tb))
        if thread is not None and thread is not threading.main_thread():
            details = f"In thread {thread.name!r}:\n{details}"
        log.error("uncaught exception\n%s", details)
        if not self.interactive:
            return
        if on_gui_thread():
            self._present(exc, kind, details)
        else:
            self._to_gui.report.emit(exc, kind, details)

    def _present(self, exc: BaseException, kind: type[BaseException], details: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        problem = plain_problem(exc)
        parent = QApplication.activeWindow()
        if problem is not None:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                translate("CrashDialog", "Untwist"),
                user_text(problem),
                QMessageBox.StandardButton.Ok,
                parent,
            )
            self.shown.append(box)
            box.open()
            return
        dialog = CrashDialog(f"{kind.__name__}: {exc}", details, self.log_file, parent)
        self.shown.append(dialog)
        dialog.open()
