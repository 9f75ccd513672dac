"""The application state: the open database and its context, and the change bus.

One :class:`AppState` per window. Every page gets it, reads ``state.context`` when it needs the
database or the catalog, and subscribes to the kinds of change it shows; no page knows another.
Writes publish what they changed (the database layer reads it from the SQL that ran, see
:meth:`app.models.db.Database.subscribe`), the freshness poll publishes another desk's changes as
the same :class:`~app.domain.changes.Changes`, and replacing the database (a restore) is one
signal. Modelled on Anki's ``OpChanges``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal

from app.domain.changes import KINDS, Changes
from app.errors import UserFacingError
from app.services.context import AppContext, Database


class AppState(QObject):
    athletes_changed = Signal()
    sessions_changed = Signal()
    programs_changed = Signal()
    adherence_changed = Signal()
    drills_changed = Signal()
    settings_changed = Signal()
    database_replaced = Signal()
    # every publication, after the signals per kind: (Changes, whether it came from this desk)
    changed = Signal(object, bool)
    # a commit in any thread, carried to the GUI thread (queued when it came from a worker)
    _committed = Signal(object)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._committed.connect(self._own_commit, Qt.ConnectionType.AutoConnection)
        self._forward = self._committed.emit
        context.db.subscribe(self._forward)

    @property
    def context(self) -> AppContext:
        return self._context

    @property
    def db(self) -> Database:
        return self._context.db

    def _own_commit(self, changes: Changes) -> None:
        self.publish(changes, own=True)

    def publish(self, changes: Changes, *, own: bool = False) -> None:
        """Tell every subscriber what changed; settings first re-read the catalog they shape."""
        if not changes:
            return
        if changes.settings:
            self._context.reload()
        for kind in KINDS:
            if getattr(changes, kind):
                getattr(self, f"{kind}_changed").emit()
        self.changed.emit(changes, own)

    def replace_database(self, db: Database) -> None:
        """Switch every page to ``db`` (after a restore): one signal, pages reload from it."""
        self._context.db.unsubscribe(self._forward)
        self._context = AppContext(db, demo=self._context.demo, language=self._context.language)
        db.subscribe(self._forward)
        self.database_replaced.emit()

    def close(self) -> None:
        self._context.db.unsubscribe(self._forward)


T = TypeVar("T")


class Loader(QObject):
    """Reads a page's data the way the open database needs it, newest request wins.

    A local SQLite file answers in milliseconds: the read runs inline, so a click shows its
    result at once (and tests and benchmarks see it synchronously). A server may stop
    answering: the read runs off the GUI thread (``app.views.operations``), so the window stays
    responsive until the connection's timeouts give up; a result that arrives after a newer
    request was made is dropped, so a slow answer never overwrites the athlete clicked since.
    """

    def __init__(self, state: AppState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._generation = 0
        self._calls: set[QObject] = set()

    @property
    def loading(self) -> bool:
        return bool(self._calls)

    def load(
        self,
        work: Callable[[Database], T],
        done: Callable[[T], None],
        failed: Callable[[UserFacingError], None],
    ) -> None:
        self._generation += 1
        generation, db = self._generation, self._state.db
        if db.is_sqlite:
            try:
                result = work(db)
            except UserFacingError as exc:
                failed(exc)
                return
            done(result)
            return
        from app.views.operations import run_quietly

        def finish(callback: Callable[[], None], call: QObject) -> None:
            self._calls.discard(call)
            if generation == self._generation and db is self._state.db:
                callback()

        def succeeded(result: T) -> None:
            finish(lambda: done(result), call)

        def failure(exc: BaseException) -> None:
            if not isinstance(exc, UserFacingError):
                self._calls.discard(call)
                raise exc
            finish(lambda: failed(exc), call)

        call = run_quietly(self, lambda _progress: work(db), succeeded, failure)
        self._calls.add(call)
