"""The last line of defence: an exception nobody caught becomes a dialog, not a dead window.

Errors that are the environment's fault (disk full, database locked or read-only, a server
gone) get a plain message; anything else is our bug and shows the details to copy into a report.
The app keeps running where it can.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
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

from app.models.errors import DatabaseProblem, classify_driver_error

log = logging.getLogger("untwist.crash")


def tr(text: str) -> str:
    return QCoreApplication.translate("CrashDialog", text)


def plain_problem(exc: BaseException) -> DatabaseProblem | None:
    """The environment's fault, said plainly — or None when it is our bug."""
    if isinstance(exc, DatabaseProblem):
        return exc
    return classify_driver_error(exc)  # by the driver's code; None for anything else


class CrashDialog(QDialog):
    def __init__(self, message: str, details: str, log_file: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Something went wrong"))
        self.details = details
        intro = QLabel(
            tr(
                "<b>Untwist hit an error it did not expect.</b><br>Your saved data is safe; "
                "the action you were doing may not have finished.<br><br>{0}"
            ).format(message)
        )
        intro.setWordWrap(True)
        where = QLabel(tr("The details are also in the log: {0}").format(log_file))
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QPlainTextEdit(details)
        box.setReadOnly(True)
        box.setAccessibleName(tr("Error details"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(tr("&Copy details"))
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


class ExceptionHook:
    """Installed as ``sys.excepthook`` while the window runs."""

    def __init__(self, log_file: str, interactive: bool = True) -> None:
        self.log_file = log_file
        self.interactive = interactive
        self.shown: list[QDialog] = []
        self._previous = sys.excepthook

    def install(self) -> ExceptionHook:
        sys.excepthook = self
        return self

    def uninstall(self) -> None:
        sys.excepthook = self._previous

    def __call__(
        self,
        kind: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        details = "".join(traceback.format_exception(kind, exc, tb))
        log.error("uncaught exception\n%s", details)
        if not self.interactive:
            return
        from PySide6.QtWidgets import QMessageBox

        problem = plain_problem(exc)
        parent = QApplication.activeWindow()
        if problem is not None:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                tr("Untwist"),
                str(problem),
                QMessageBox.StandardButton.Ok,
                parent,
            )
            self.shown.append(box)
            box.open()
            return
        dialog = CrashDialog(f"{kind.__name__}: {exc}", details, self.log_file, parent)
        self.shown.append(dialog)
        dialog.open()
