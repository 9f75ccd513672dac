"""Run long work off the GUI thread with a progress dialog and a cancel button.

Like Anki's operations: the work function runs in a QThreadPool worker and must not touch
widgets; success and failure callbacks run back on the GUI thread. The dialog appears only if
the work takes longer than a moment, so quick operations do not flash a window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import UserFacingError
from app.services.context import Database
from app.services.progress import Cancelled, Progress, throttled
from app.views.translation import user_text

log = logging.getLogger(__name__)
SHOW_AFTER_MS = 400


class _Relay(QObject):
    """The one object worker threads report to; it lives as long as the process.

    A worker never emits a signal of a per-call object: such an object belongs to a window
    that may be closed (or collected: PySide's signal instances hold their source weakly,
    which raised "Signal source has been deleted" in the worker and left the status at
    "Writing the handout…"). Workers post ``(ticket, kind, payload)`` here instead; the
    queued connection carries it to the GUI thread, which looks the ticket up and calls its
    handler only while the object that asked (its *owner*) still exists. A result for a
    closed window is dropped there, on the GUI thread, with nothing to catch.
    """

    report = Signal(int, str, object)

    def __init__(self) -> None:
        super().__init__()
        self._handlers: dict[int, tuple[QObject, Callable[[str, object], None]]] = {}
        self._next = 0
        self.report.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def register(self, owner: QObject, handler: Callable[[str, object], None]) -> int:
        """A ticket for one call; ``handler(kind, payload)`` runs on the GUI thread."""
        self._next += 1
        self._handlers[self._next] = (owner, handler)
        return self._next

    def post(self, ticket: int, kind: str, payload: object = None) -> None:
        """From any thread: report ``kind`` (progress, succeeded, failed, cancelled)."""
        self.report.emit(ticket, kind, payload)

    def pending(self) -> int:
        return len(self._handlers)

    def _deliver(self, ticket: int, kind: str, payload: object) -> None:
        entry = self._handlers.get(ticket) if kind == "progress" else self._handlers.pop(ticket)
        if entry is None:
            return
        owner, handler = entry
        if not shiboken6.isValid(owner):
            log.debug("a background result arrived after its window closed: dropped")
            return
        handler(kind, payload)


_RELAY: _Relay | None = None


def relay() -> _Relay:
    """The process's relay, made on the GUI thread the first time work is started."""
    global _RELAY
    if _RELAY is None:
        app = QCoreApplication.instance()
        assert app is not None and QThread.currentThread() is app.thread(), "GUI thread only"
        _RELAY = _Relay()
    return _RELAY


class _Worker(QRunnable):
    """Runs ``work`` in a pool thread; reports through the relay by ticket, holding no QObject
    of the caller's (a test checks)."""

    def __init__(self, work: Callable[[Progress], Any], ticket: int, progress: Progress):
        super().__init__()
        self.work = work
        self.ticket = ticket
        self.progress = progress

    def run(self) -> None:
        post = relay_for_workers().post
        try:
            result = self.work(self.progress)
        except Cancelled:
            post(self.ticket, "cancelled")
        except BaseException as exc:
            post(self.ticket, "failed", exc)
        else:
            post(self.ticket, "succeeded", result)


def relay_for_workers() -> _Relay:
    """The relay, from a worker thread: it exists, since work is started on the GUI thread."""
    assert _RELAY is not None
    return _RELAY


def _progress_for(ticket: int) -> Progress:
    """The work's progress, posted to the dialog at most every 100 ms (``throttled``)."""
    target = relay()
    return Progress(
        throttled(lambda done, total, text: target.post(ticket, "progress", (done, total, text)))
    )


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
        self._on_success = on_success
        self._on_failure = on_failure
        self.running = False
        ticket = relay().register(parent, self._report)
        self._worker = _Worker(work, ticket, Progress())
        self._worker.setAutoDelete(False)

    def start(self) -> BackgroundCall:
        self.running = True
        database_pool().start(self._worker)
        return self

    def _report(self, kind: str, payload: Any) -> None:
        if kind == "progress":
            return
        self.running = False
        if shiboken6.isValid(self):
            self.finished.emit()
        if kind == "succeeded":
            self._on_success(payload)
        elif kind == "failed":
            self._on_failure(payload)


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
        ticket = relay().register(parent, self._report)
        self._progress = _progress_for(ticket)
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
        self._worker = _Worker(work, ticket, self._progress)
        self._worker.setAutoDelete(False)

    def start(self) -> Operation:
        self.running = True
        QThreadPool.globalInstance().start(self._worker)
        QTimer.singleShot(SHOW_AFTER_MS, self._maybe_show)
        return self

    def cancel(self) -> None:
        self._progress.cancel()

    def _maybe_show(self) -> None:
        if self.running and shiboken6.isValid(self.dialog):
            self.dialog.show()

    def _report(self, kind: str, payload: Any) -> None:
        """The worker's news, on the GUI thread, while the widget that asked exists."""
        if kind == "progress":
            self._show_progress(*payload)
        elif kind == "succeeded":
            self._succeeded(payload)
        elif kind == "failed":
            self._failed(payload)
        else:
            self._cancelled()

    def _show_progress(self, done: int, total: int, text: str) -> None:
        if not shiboken6.isValid(self.dialog):
            return
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        if text:
            self.dialog.setLabelText(user_text(text))

    def _finish(self) -> None:
        """The work is over: hide the dialog; the callbacks run even if this object was
        deleted meanwhile, as long as the widget that asked is there to hear them."""
        self.running = False
        if shiboken6.isValid(self.dialog):
            self.dialog.hide()
            self.dialog.deleteLater()
        if shiboken6.isValid(self):
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
