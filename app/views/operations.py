"""Run long work off the GUI thread with a progress dialog and a cancel button.

Like Anki's operations: the work function runs in a QThreadPool worker and must not touch
widgets; success and failure callbacks run back on the GUI thread. The dialog appears only if
the work takes longer than a moment, so quick operations do not flash a window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import UserFacingError
from app.services.context import Database
from app.services.progress import Cancelled, Progress

log = logging.getLogger(__name__)
SHOW_AFTER_MS = 400


class _Signals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Worker(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals, progress: Progress):
        super().__init__()
        self.work = work
        self.signals = signals
        self.progress = progress

    def run(self) -> None:
        try:
            result = self.work(self.progress)
        except Cancelled:
            self._say(self.signals.cancelled)
        except BaseException as exc:
            self._say(self.signals.failed, exc)
        else:
            self._say(self.signals.succeeded, result)

    @staticmethod
    def _say(signal: Any, *args: object) -> None:
        """Report back, unless the window that asked is gone (closed while this ran)."""
        try:
            signal.emit(*args)
        except RuntimeError:  # "Signal source has been deleted": nobody is waiting
            log.debug("a background result arrived after its window closed")


def database_pool() -> QThreadPool:
    """Threads for database calls only: a server that stopped answering can hold a few of them
    until the connection's timeouts give up, without starving PDFs, imports or each other."""
    global _DATABASE_POOL
    if _DATABASE_POOL is None:
        _DATABASE_POOL = QThreadPool()
        _DATABASE_POOL.setMaxThreadCount(8)
    return _DATABASE_POOL


_DATABASE_POOL: QThreadPool | None = None
FINISH_WAIT_MS = 30_000  # the longest a server round trip may take (app.models.db timeouts)


def finish_database_calls(timeout_ms: int = FINISH_WAIT_MS) -> bool:
    """Wait for the background database calls still out (at exit, before the file goes)."""
    return _DATABASE_POOL is None or _DATABASE_POOL.waitForDone(timeout_ms)


class BackgroundCall(QObject):
    """Database work that may block (a server that does not answer), with no dialog.

    For the quick things a window does on its own (the freshness poll, a page load): the GUI
    stays responsive however long the call takes, and the callback runs on the GUI thread.
    Keep a reference (``parent`` owns it) until it has finished.
    """

    finished = Signal()

    def __init__(
        self,
        parent: QObject,
        work: Callable[[Progress], Any],
        on_success: Callable[[Any], object],
        on_failure: Callable[[BaseException], object],
    ) -> None:
        super().__init__(parent)
        self._signals = _Signals()
        self._signals.succeeded.connect(self._succeeded)
        self._signals.failed.connect(self._failed)
        self._on_success = on_success
        self._on_failure = on_failure
        self.running = False
        self._worker = _Worker(work, self._signals, Progress())
        self._worker.setAutoDelete(False)

    def start(self) -> BackgroundCall:
        self.running = True
        database_pool().start(self._worker)
        return self

    def _succeeded(self, result: object) -> None:
        self.running = False
        self.finished.emit()
        self._on_success(result)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.finished.emit()
        self._on_failure(exc)


def run_quietly(
    parent: QObject,
    work: Callable[[Progress], Any],
    on_success: Callable[[Any], object],
    on_failure: Callable[[BaseException], object],
) -> BackgroundCall:
    """Start ``work(progress)`` off the GUI thread with no dialog; callbacks on the GUI thread."""
    return BackgroundCall(parent, work, on_success, on_failure).start()


class Operation(QObject):
    """One background job; keep a reference (``parent`` owns it) until ``finished`` fires."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        title: str,
        work: Callable[[Progress], Any],
        on_success: Callable[[Any], object] | None = None,
        on_failure: Callable[[BaseException], object] | None = None,
        on_cancel: Callable[[], object] | None = None,
        cancellable: bool = True,
    ) -> None:
        super().__init__(parent)
        self._signals = _Signals()
        self._progress = Progress(self._signals.progress.emit)
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_cancel = on_cancel
        self.running = False
        self.dialog = QProgressDialog(title, self.tr("Cancel") if cancellable else "", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self._progress.cancel)
        self._signals.progress.connect(self._show_progress)
        self._signals.succeeded.connect(self._succeeded)
        self._signals.failed.connect(self._failed)
        self._signals.cancelled.connect(self._cancelled)
        self._worker = _Worker(work, self._signals, self._progress)
        self._worker.setAutoDelete(False)

    def start(self) -> Operation:
        self.running = True
        QThreadPool.globalInstance().start(self._worker)
        QTimer.singleShot(SHOW_AFTER_MS, self._maybe_show)
        return self

    def cancel(self) -> None:
        self._progress.cancel()

    def _maybe_show(self) -> None:
        if self.running:
            self.dialog.show()

    def _show_progress(self, done: int, total: int, text: str) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        if text:
            self.dialog.setLabelText(text)

    def _finish(self) -> None:
        self.running = False
        self.dialog.hide()
        self.dialog.deleteLater()
        self.finished.emit()

    def _succeeded(self, result: object) -> None:
        self._finish()
        if self._on_success:
            self._on_success(result)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if self._on_failure:
            self._on_failure(exc)
        else:
            log.error("background operation failed", exc_info=exc)
            raise exc

    def _cancelled(self) -> None:
        self._finish()
        if self._on_cancel:
            self._on_cancel()


T = TypeVar("T")
R = TypeVar("R")


def write(
    parent: QWidget,
    db: Database,
    work: Callable[[], T],
    saved: Callable[[T], R],
    refused: Callable[[UserFacingError], R],
) -> R | None:
    """A save, run the way the open database needs it.

    On a local SQLite file a save takes milliseconds: it runs inline and this returns what the
    callback returned, so a click's result is there at once. On a server it runs off the GUI
    thread behind a window-modal "Saving…" (shown after a moment, no Cancel: a commit in flight
    cannot be taken back, the connection's timeouts bound the wait); this returns ``None`` and
    one callback runs on the GUI thread when the server answered. Anything but a
    :class:`UserFacingError` is our bug and reaches the crash dialog.
    """
    if db.is_sqlite:
        try:
            result = work()
        except UserFacingError as exc:
            return refused(exc)
        return saved(result)

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, UserFacingError):
            raise exc
        refused(exc)

    operation = run_operation(
        parent,
        QCoreApplication.translate("operations", "Saving…"),
        lambda _progress: work(),
        saved,
        failed,
        cancellable=False,
    )
    _RUNNING.add(operation)  # kept alive while it runs, whoever holds the form
    operation.finished.connect(lambda: _RUNNING.discard(operation))
    return None


_RUNNING: set[Operation] = set()


def run_operation(
    parent: QWidget,
    title: str,
    work: Callable[[Progress], Any],
    on_success: Callable[[Any], object] | None = None,
    on_failure: Callable[[BaseException], object] | None = None,
    on_cancel: Callable[[], object] | None = None,
    cancellable: bool = True,
) -> Operation:
    """Start ``work(progress)`` in the background; callbacks run on the GUI thread."""
    return Operation(parent, title, work, on_success, on_failure, on_cancel, cancellable).start()
