"""Real SQLite failures while saving: a plain message, the form kept, Save works again later."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import event

from app.domain.records import AthleteData
from app.services.athletes import create_athlete
from app.services.context import AppContext
from app.services.sessions import list_sessions
from app.views.session_editor import SessionEditor


@pytest.fixture
def editor(qtbot, db, monkeypatch):
    athlete = create_athlete(db, AthleteData(name="Err Or"))
    context = AppContext(db)
    widget = SessionEditor(context, athlete, ["hip_ir_deg", "hip_er_deg"])
    qtbot.addWidget(widget)
    qtbot.keyClicks(widget.rows[0].left[0], "30")
    qtbot.keyClicks(widget.rows[0].right[0], "41")
    qtbot.keyClicks(widget.rows[1].left[0], "45")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    widget.warnings = warnings
    widget.athlete_id = athlete.id
    return widget


def test_disk_full_keeps_the_form_and_writes_nothing(db, editor):
    # SQLite reports SQLITE_FULL when the file may not grow: the same error as a full disk.
    def cap(dbapi_connection, _record):
        count = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={count}")

    db.engine.dispose()
    event.listen(db.engine, "connect", cap)
    editor.notes.setText("x" * 4900)  # needs a new page, which the file may not take
    editor.save()
    assert editor.warnings and "full" in editor.warnings[0]
    assert "Traceback" not in editor.warnings[0]
    assert editor.rows[0].left[0].text() == "30"  # nothing typed is lost
    event.remove(db.engine, "connect", cap)
    db.engine.dispose()
    assert list_sessions(db, editor.athlete_id) == []  # nothing half-written
    editor.notes.setText("")
    editor.save()  # the disk has room again: Save works
    assert len(list_sessions(db, editor.athlete_id)) == 1


def test_locked_database_gives_the_plain_message(db, db_path, editor, monkeypatch):
    import app.models.db as dbmodule

    holder = sqlite3.connect(db_path, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the database
    try:
        db.engine.dispose()

        def short_wait(dbapi_connection, _record):
            dbapi_connection.execute("PRAGMA busy_timeout=100")

        event.listen(db.engine, "connect", short_wait)
        monkeypatch.setattr(dbmodule, "LOCK_WAIT_S", 0.1)
        editor.save()
        assert editor.warnings and "locked" in editor.warnings[0]
        assert editor.rows[0].left[0].text() == "30"  # the form is kept
    finally:
        holder.rollback()
        holder.close()
    editor.save()
    assert len(list_sessions(db, editor.athlete_id)) == 1
