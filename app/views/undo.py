"""Undoable actions (Ctrl+Z / Ctrl+Shift+Z) — cheap ones: deleting a session, archiving.

The pages hear of each step through the application state's change bus, like any other write.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from app.domain.records import SessionRecord
from app.services.athletes import set_archived
from app.services.context import AppContext
from app.services.sessions import delete_session, restore_session
from app.views.translation import translate


class DeleteSessionCommand(QUndoCommand):
    """Delete on redo, put back on undo (the restored session gets a new id)."""

    def __init__(self, context: AppContext, session_id: int):
        super().__init__()
        self.context = context
        self.session_id = session_id
        self.snapshot: SessionRecord | None = None

    def redo(self) -> None:
        self.snapshot = delete_session(self.context.db, self.session_id)
        self.setText(
            translate("Undo", "delete session of {0}").format(self.snapshot.date.isoformat())
        )

    def undo(self) -> None:
        assert self.snapshot is not None
        self.session_id = restore_session(self.context.db, self.snapshot).id


class ArchiveAthleteCommand(QUndoCommand):
    def __init__(self, context: AppContext, athlete_id: int, archived: bool):
        archive = translate("Undo", "archive athlete")
        super().__init__(archive if archived else translate("Undo", "unarchive athlete"))
        self.context = context
        self.athlete_id = athlete_id
        self.archived = archived

    def redo(self) -> None:
        set_archived(self.context.db, self.athlete_id, self.archived)

    def undo(self) -> None:
        set_archived(self.context.db, self.athlete_id, not self.archived)
