"""Progress reporting and cancellation for long work, without Qt.

Services that take a while (import, export, backup, PDF) accept a :class:`Progress` and call
``progress.step(...)`` now and then; the window passes one wired to a progress dialog, the CLI
and tests pass the default silent one. Cancelling raises :class:`Cancelled` at the next step, so
the service's transaction rolls back and nothing is written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


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
