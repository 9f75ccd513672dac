"""Errors made below the views reach a German or Spanish window in its language (issue 18
point 4), while ``str(error)`` stays the CLI's English word for word."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy import event

from app.domain.records import MeasurementInput
from app.errors import UserFacingError
from app.models.db import Database, open_database
from app.models.errors import DatabaseProblem, classify_driver_error
from app.services.athletes import AthleteData, create_athlete, update_athlete
from app.services.catalog import load_catalog
from app.services.context import AppContext
from app.services.csv_import import import_csv
from app.services.interchange import ImportRejected
from app.services.json_io import import_json
from app.services.sessions import record_session
from app.views.import_export import start_import
from app.views.session_editor import SessionEditor
from app.views.translation import apply_ui_language, user_text
from tests.driver_errors import SQLITE_CONDITIONS

# English words of the templates that no German or Spanish rendering keeps.
ENGLISH = ("line ", " is ", " the ", "future", "outside", "cannot", "read-only", "invalid", " not ")


@pytest.fixture(params=["de", "es"])
def window_language(request, qapp):
    apply_ui_language(request.param)
    yield request.param
    apply_ui_language("en")


def _bad_inputs(db: Database, tmp_path: Path) -> list[UserFacingError]:
    """Realistic refusals from the services, each caught as a person would meet it."""
    catalog = load_catalog(db)
    athlete = create_athlete(db, AthleteData(name="Ana Ruiz", dominant_side="right"))
    caught: list[UserFacingError] = []
    attempts = [
        lambda: record_session(
            db,
            catalog,
            athlete.id,
            dt.date(2099, 3, 2),
            [MeasurementInput("hip_ir_deg", (30.0,), (32.0,))],
        ),
        lambda: record_session(
            db,
            catalog,
            athlete.id,
            dt.date(2026, 1, 5),
            [MeasurementInput("hip_ir_deg", (930.5,), (32.0,))],
        ),
        lambda: create_athlete(db, AthleteData(name="", dominant_side="right")),
        lambda: update_athlete(db, 987654, AthleteData(name="X", dominant_side="right"), 1),
    ]
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "athlete,date,measurement,left,right,notes\n"
        "Ana Ruiz,2099-03-02,hip_ir_deg,30,31,\n"
        "Ana Ruiz,2026-01-05,hip_ir_deg,1;5,31,\n",
        encoding="utf-8",
    )
    attempts.append(lambda: import_csv(db, catalog, bad))
    utf16 = tmp_path / "utf16.csv"
    utf16.write_text("athlete,date,measurement,left,right,notes\n", encoding="utf-16")
    attempts.append(lambda: import_csv(db, catalog, utf16))  # a refused file, as a whole
    semicolons = tmp_path / "semicolons.csv"
    semicolons.write_text("athlete;date;measurement;left;right;notes\n", encoding="utf-8")
    attempts.append(lambda: import_csv(db, catalog, semicolons))
    not_export = tmp_path / "other.json"
    not_export.write_text('{"hello": 1}', encoding="utf-8")
    attempts.append(lambda: import_json(db, not_export))
    for attempt in attempts:
        with pytest.raises(UserFacingError) as exc:
            attempt()
        caught.append(exc.value)
    return caught


def test_service_errors_reach_the_window_in_its_language(window_language, tmp_path):
    db = open_database(str(tmp_path / "clinic.sqlite"), create=True)
    try:
        caught = _bad_inputs(db, tmp_path)
    finally:
        db.dispose()
    assert len(caught) == 8
    for error in caught:
        shown = user_text(error)
        english = str(error)
        assert shown != english, english
        assert not [w for w in ENGLISH if w in f" {shown} "], (english, shown)
        if isinstance(error, ImportRejected):
            rows = [user_text(e.message) for e in error.errors]
            assert str(error.errors[0]).startswith("line 2: date is in the future (2099-03-02)")
            assert rows[0].startswith("Zeile 2: " if window_language == "de" else "línea 2: ")
            assert not [w for r in rows for w in ENGLISH if w in f" {r} "], rows


def test_the_future_date_reads_in_the_window_language_and_stays_english_for_the_cli(
    window_language, tmp_path
):
    db = open_database(str(tmp_path / "clinic.sqlite"), create=True)
    try:
        catalog = load_catalog(db)
        athlete = create_athlete(db, AthleteData(name="Ana Ruiz", dominant_side="right"))
        with pytest.raises(UserFacingError) as exc:
            record_session(
                db,
                catalog,
                athlete.id,
                dt.date(2099, 3, 2),
                [MeasurementInput("hip_ir_deg", (30.0,), ())],
            )
    finally:
        db.dispose()
    assert str(exc.value) == "The session date is in the future (2099-03-02)."
    expected = {
        "de": "Das Datum der Sitzung liegt in der Zukunft (2099-03-02).",
        "es": "La fecha de la sesión está en el futuro (2099-03-02).",
    }
    assert user_text(exc.value) == expected[window_language]


@pytest.mark.parametrize(
    "condition", ["locked", "read-only", "full", "corrupt", "not-a-database", "cannot-open"]
)
def test_the_database_s_faults_are_said_in_the_window_language(
    window_language, tmp_path, condition
):
    """Real driver errors (tests/driver_errors.py), classified as the services do."""
    error = classify_driver_error(SQLITE_CONDITIONS[condition](tmp_path))
    assert isinstance(error, DatabaseProblem)
    shown = user_text(error)
    assert shown != str(error)
    assert not [w for w in ENGLISH if w in f" {shown} "], (str(error), shown)
    german = {"locked": "gesperrt", "read-only": "schreibgeschützt", "full": "voll",
              "corrupt": "beschädigt", "not-a-database": "beschädigt",
              "cannot-open": "nicht geöffnet"}  # fmt: skip
    spanish = {"locked": "bloqueada", "read-only": "solo lectura", "full": "lleno",
               "corrupt": "dañada", "not-a-database": "dañada",
               "cannot-open": "No se puede abrir"}  # fmt: skip
    expected = german if window_language == "de" else spanish
    assert expected[condition] in shown


# -- real widgets -------------------------------------------------------------------------------


@pytest.fixture
def editor(qtbot, db, monkeypatch, window_language):
    athlete = create_athlete(db, AthleteData(name="Err Or"))
    widget = SessionEditor(AppContext(db), athlete, ["hip_ir_deg", "hip_er_deg"])
    qtbot.addWidget(widget)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    widget.warnings = warnings
    widget.athlete_id = athlete.id
    return widget


def test_a_bad_session_value_is_said_in_the_window_language(qtbot, editor, window_language):
    qtbot.keyClicks(editor.rows[0].left[0], "930")
    shown = editor.message.text()
    assert "930" in shown
    assert ("außerhalb von" if window_language == "de" else "está fuera de") in shown
    assert "outside" not in shown


def test_a_locked_database_on_save_is_said_in_the_window_language(
    qtbot, db, db_path, editor, monkeypatch, window_language
):
    import app.models.db as dbmodule

    qtbot.keyClicks(editor.rows[0].left[0], "30")
    qtbot.keyClicks(editor.rows[0].right[0], "41")
    holder = sqlite3.connect(db_path, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the database
    try:
        db.engine.dispose()

        def short_wait(dbapi_connection, _record):
            dbapi_connection.execute("PRAGMA busy_timeout=100")

        event.listen(db.engine, "connect", short_wait)
        monkeypatch.setattr(dbmodule, "LOCK_WAIT_S", 0.1)
        editor.save()
    finally:
        holder.rollback()
        holder.close()
    assert editor.warnings
    shown = editor.warnings[0]
    assert ("gesperrt" if window_language == "de" else "bloqueada") in shown
    assert "by another program" not in shown and "try again" not in shown


def test_refused_import_rows_are_listed_in_the_window_language(
    qtbot, db, tmp_path, window_language
):
    parent = QWidget()
    qtbot.addWidget(parent)
    path = tmp_path / "m.csv"
    path.write_text(
        "athlete,date,measurement,left,right,notes\n"
        "Ava,2026-03-02,hip_ir_deg,999,31,\nAva,2099-03-02,hip_er_deg,30,31,\n"
        "Ava,2026-03-03,hip_er_deg,3;0,31,\n",
        encoding="utf-8",
    )
    done: list[object] = []
    flow = start_import(parent, AppContext(db), str(path), on_done=done.append)
    assert flow is not None
    qtbot.mouseClick(flow.preview_dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    assert isinstance(done[0], ImportRejected)
    assert [str(e) for e in done[0].errors][1] == "line 3: date is in the future (2099-03-02)"
    rows = flow.errors_dialog.model.stringList()
    assert len(rows) == 3
    if window_language == "de":
        assert rows[1] == "Zeile 3: Datum liegt in der Zukunft (2099-03-02)"
        assert rows[0].startswith("Zeile 2: links: Hip IR: 999 liegt außerhalb von 0 bis 90")
    else:
        assert rows[1] == "línea 3: fecha está en el futuro (2099-03-02)"
        assert rows[0].startswith("línea 2: izquierda: Hip IR: 999 está fuera de 0 a 90")
    assert not [w for r in rows for w in ENGLISH if w in f" {r} "], rows
