"""Bulk paths run in the database's guarded units of work (``bulk``, ``snapshot``).

A JSON export reads table after table; a desk that saves meanwhile must not produce a file
whose measurements point at a session the file does not hold (it would not import again).
Runs on SQLite and on PostgreSQL (see conftest.py).
"""

from __future__ import annotations

import datetime as dt
import json

from app.domain.records import AthleteData
from app.models.db import open_database
from app.services.athletes import create_athlete
from app.services.catalog import load_catalog
from app.services.demo import create_demo
from app.services.json_io import export_json, import_json
from app.services.progress import Progress
from app.services.sessions import record_session
from tests.conftest import session_inputs


def test_a_json_export_is_one_moment_while_another_desk_saves(db, tmp_path):
    catalog = load_catalog(db)
    create_demo(db, catalog)
    other_desk = open_database(db.url, create=False)
    saved = []

    def meanwhile(_done: int, _total: int, text: str) -> None:
        if text == "Reading measurements…" and not saved:  # sessions are read already
            athlete = create_athlete(other_desk, AthleteData(name="Saved Meanwhile"))
            inputs = session_inputs(hip_ir_deg=(28, 41))
            saved.append(record_session(other_desk, catalog, athlete.id, dt.date.today(), inputs))

    try:
        export_json(db, tmp_path / "all.json", Progress(meanwhile))
    finally:
        other_desk.dispose()
    assert saved  # the other desk really saved in the middle of the export
    tables = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))["tables"]
    sessions = {row["id"] for row in tables["assessments"]}
    assert all(row["assessment_id"] in sessions for row in tables["measurements"])
    assert "Saved Meanwhile" not in {row["name"] for row in tables["athletes"]}
    empty = open_database(str(tmp_path / "again.sqlite"), create=True)
    try:
        result = import_json(empty, tmp_path / "all.json")  # the file imports again, whole
        assert result.added["measurements"] == len(tables["measurements"])
    finally:
        empty.dispose()
