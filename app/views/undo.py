"""Undoable actions (Ctrl+Z / Ctrl+Shift+Z) — cheap ones: deleting a session, archiving."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from app.domain.records import SessionRecord
from app.services.athletes import set_archived
from app.services.context import AppContext
from app.services.sessions import delete_session, restore_session


class DeleteSessionCommand(QUndoCommand):
    """Delete on redo, put back on undo (the restored session gets a new id)."""

    def __init__(self, context: AppContext, session_id: int, changed: Callable[[], None]):
        super().__init__()
        self.context = context
        self.session_id = session_id
        self.changed = changed
        self.snapshot: SessionRecord | None = None

    def redo(self) -> None:
        self.snapshot = delete_session(self.context.db, self.session_id)
        self.setText(f"delete session of {self.snapshot.date.isoformat()}")
        self.changed()

    def undo(self) -> None:
        assert self.snapshot is not None
        self.session_id = restore_session(self.context.db, self.snapshot).id
        self.changed()


class ArchiveAthleteCommand(QUndoCommand):
    def __init__(
        self, context: AppContext, athlete_id: int, archived: bool, changed: Callable[[], None]
    ):
        super().__init__("archive athlete" if archived else "unarchive athlete")
        self.context = context
        self.athlete_id = athlete_id
        self.archived = archived
        self.changed = changed

    def redo(self) -> None:
        set_archived(self.context.db, self.athlete_id, self.archived)
        self.changed()

    def undo(self) -> None:
        set_archived(self.context.db, self.athlete_id, not self.archived)
        self.changed()
