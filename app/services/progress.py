"""Progress reporting and cancellation for long work, without Qt.

Services that take a while (import, export, backup, PDF) accept a :class:`Progress` and call
``progress.step(...)`` now and then; the window passes one wired to a progress dialog, the CLI
and tests pass the default silent one. Cancelling raises :class:`Cancelled` at the next step, so
the service's transaction rolls back and nothing is written.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

REPORT_INTERVAL = 0.1  # seconds between two reports a person sees (the window's dialog)


class Cancelled(Exception):
    """The user cancelled; the work was rolled back."""


class Progress:
    def __init__(self, report: Callable[[int, int, str], None] | None = None) -> None:
        self._report = report
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def step(self, done: int, total: int, text: str = "") -> None:
        """Report ``done`` of ``total`` (total 0 = unknown); raise Cancelled if asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()
        if self._report is not None:
            self._report(done, total, text)


SILENT = Progress()


def throttled(
    report: Callable[[int, int, str], None], interval: float = REPORT_INTERVAL
) -> Callable[[int, int, str], None]:
    """``report``, passed on at most once per ``interval`` seconds (by the clock, not per step).

    A service steps as often as it likes (each step is a chance to cancel: :meth:`Progress.step`
    checks the flag whether or not the report goes out), but every report the window receives
    is a queued call and a progress dialog repaint on the GUI thread: a CSV export's 600 chunk
    reports kept the event loop busy for 250 ms at a time under load. The start of a phase
    (``0`` of an unknown total) and the end (``done >= total``) always pass, so a dialog never
    ends short of its total or shows the wrong phase for long.
    """
    last = -float("inf")
    lock = threading.Lock()

    def passed_on(done: int, total: int, text: str) -> None:
        nonlocal last
        now = time.monotonic()
        edge = (total == 0 and done == 0) or (total > 0 and done >= total)
        with lock:
            if not edge and now - last < interval:
                return
            last = now
        report(done, total, text)

    return passed_on
