"""Real failures of the machine in the window: a plain message, nothing lost or half written.

Saving a session keeps the form and works again later; File → Import… and Export… show the
same one line as the command line (DOMAIN.md §7).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy import event, func, select

from app.domain.records import AthleteData
from app.models import Athlete, Measurement
from app.models.db import open_database
from app.services.athletes import create_athlete
from app.services.catalog import load_catalog
from app.services.context import AppContext
from app.services.demo import create_demo
from app.services.json_io import export_json
from app.services.sessions import list_sessions
from app.views.import_export import start_export, start_import
from app.views.session_editor import SessionEditor
from tests.conditions import Immutable, OwnServer, fill, tmpfs


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


# -- File → Import… / Export… meet the machine's faults -----------------------------------------
# The same conditions as tests/test_cli_environment.py, made for real (tests/conditions.py); the
# flow shows the same one-line message the command line prints, and nothing is written.

IMPORT_ROWS = 3000


def new_rows_csv(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        fh.write("athlete,date,measurement,left,right,notes\n")
        keys = ("hip_ir_deg", "hip_er_deg", "thoracic_rot_deg")
        for n in range(IMPORT_ROWS):
            day = 1 + n // 3 % 28
            fh.write(f"New {n // 84},2025-03-{day:02d},{keys[n % 3]},30,31,note {n}\n")
    return path


@pytest.fixture(scope="module")
def demo_json(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo-json")
    db = open_database(str(folder / "demo.sqlite"), create=True)
    try:
        create_demo(db, load_catalog(db))
        export_json(db, folder / "demo.json")
    finally:
        db.dispose()
    return folder / "demo.json"


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def immutable():
    protect = Immutable()
    yield protect
    protect.undo()


def imported(qtbot, parent, context: AppContext, path: Path, before_ok=None) -> tuple[object, str]:
    """Run File → Import… on ``path`` to the end: (what it finished with, the message shown).

    ``before_ok`` runs while the preview is open, before Import is pressed.
    """
    done: list[object] = []
    flow = start_import(parent, context, str(path), on_done=done.append)
    if not done:
        if before_ok is not None:
            before_ok()
        flow.preview_dialog.accept()
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    return done[0], flow.message.text() if flow.message else ""


def exported(qtbot, parent, context: AppContext, path: Path, before_ok=None) -> tuple[object, str]:
    done: list[object] = []
    flow = start_export(parent, context, path=str(path), on_done=done.append)
    if not done:
        flow.dialog.json.setChecked(path.suffix == ".json")
        if before_ok is not None:
            before_ok()
        flow.dialog.accept()
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    return done[0], flow.message.text() if flow.message else ""


def count(db, model) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_import_while_another_program_writes(qtbot, parent, db, db_path, tmp_path, demo_json, kind):
    path = new_rows_csv(tmp_path / "new.csv") if kind == "csv" else demo_json
    context = AppContext(db)
    holder = sqlite3.connect(db_path, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")  # WAL: another program's writer lock; reading still works
    try:
        db.engine.dispose()

        def short_wait(dbapi_connection, _record):  # the lock is real; only the wait is short
            dbapi_connection.execute("PRAGMA busy_timeout=100")

        event.listen(db.engine, "connect", short_wait)
        result, message = imported(qtbot, parent, context, path)
    finally:
        holder.rollback()
        holder.close()
    assert result is None
    assert message == (
        f"{db_path} is locked by another program (another Untwist window?). "
        "Close it and try again."
    )
    assert count(db, Athlete) == 0 and count(db, Measurement) == 0


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_import_onto_a_full_disk(qtbot, parent, tmp_path, demo_json, kind):
    path = new_rows_csv(tmp_path / "new.csv") if kind == "csv" else demo_json
    with tmpfs(tmp_path / "disk", "2m") as disk:
        db = open_database(str(disk / "db.sqlite"), create=True)
        try:
            context = AppContext(db)
            fill(disk, leave=64 * 1024)
            result, message = imported(qtbot, parent, context, path)
            assert result is None
            assert message == (
                f"The disk holding {disk / 'db.sqlite'} is full: free some space and try again."
            )
            assert count(db, Athlete) == 0 and count(db, Measurement) == 0
        finally:
            db.dispose()


@pytest.mark.parametrize("name", ["m.csv", "all.json"])
def test_export_into_a_read_only_folder(qtbot, parent, db, catalog, tmp_path, immutable, name):
    create_demo(db, catalog)
    out = tmp_path / "out"
    out.mkdir()
    immutable(out)
    result, message = exported(qtbot, parent, AppContext(db), out / name)
    assert result is None
    assert message == f"{out / name} cannot be written (Operation not permitted)."
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("name", ["m.csv", "all.json"])
def test_export_onto_a_full_disk(qtbot, parent, db, catalog, tmp_path, name):
    create_demo(db, catalog)
    with tmpfs(tmp_path / "disk", "1m") as disk:
        fill(disk, leave=0)
        result, message = exported(qtbot, parent, AppContext(db), disk / name)
        assert result is None
        assert message == f"{disk / name} cannot be written (No space left on device)."
        assert sorted(p.name for p in disk.iterdir()) == ["filler"]


@pytest.fixture(scope="module")
def own_server(postgres_server):
    server = OwnServer(postgres_server.bin_dir)
    server.start()
    yield server
    server.stop()


@pytest.mark.parametrize("when", ["before-the-dialog", "while-the-dialog-is-open"])
@pytest.mark.parametrize("flow", ["csv-import", "json-import", "csv-export", "json-export"])
def test_the_server_goes_away(qtbot, parent, own_server, tmp_path, demo_json, flow, when):
    url = own_server.url(own_server.create_database())
    db = open_database(url, create=True)
    try:
        context = AppContext(db)
        if when == "before-the-dialog":
            own_server.halt()
            before_ok = None
        else:
            before_ok = own_server.halt
        try:
            if flow.endswith("import"):
                path = new_rows_csv(tmp_path / "new.csv") if flow == "csv-import" else demo_json
                result, message = imported(qtbot, parent, context, path, before_ok)
            else:
                out = tmp_path / f"out.{flow.split('-')[0]}"
                result, message = exported(qtbot, parent, context, out, before_ok)
        finally:
            own_server.resume()
        assert result is None
        assert message.startswith(f"Cannot reach {db.label}: ") and "\n" not in message
        assert count(db, Athlete) == 0  # nothing half written; the server is back
        assert not list(tmp_path.glob("out.*")) and not list(tmp_path.glob(".out.*"))
    finally:
        db.dispose()
