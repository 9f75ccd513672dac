"""JSON export/import: every table field for field, refusals, merge, bad files, cancel."""

import datetime as dt
import json
import stat
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.domain.records import AthleteData
from app.models import (
    AdherenceEntry,
    Assessment,
    Base,
    Drill,
    Measurement,
    MeasurementDefinition,
    Program,
    ProgramItem,
)
from app.models.db import open_database
from app.services.athletes import create_athlete
from app.services.catalog import load_catalog
from app.services.demo import create_demo
from app.services.interchange import ImportFileError, ImportRejected, NotEmpty
from app.services.json_io import FORMAT_VERSION, export_json, import_json
from app.services.progress import Cancelled, Progress
from app.services.settings import get_settings, save_settings
from tests.services.test_drills import png_bytes

DAY = dt.date(2026, 11, 25)
DOSAGE = '{"amount": "8", "each_side": true, "per_week": 3, "sets": "2–3", "unit": "reps"}'


def dump(db) -> dict[str, list[tuple]]:
    """Every row of every table, by primary key: what "field for field" compares."""
    with db.engine.connect() as conn:
        return {
            t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
            for t in Base.metadata.sorted_tables
            if t.name != "alembic_version"
        }


def fill(db) -> None:
    """Demo data plus a row in every table, with awkward values."""
    catalog = load_catalog(db)
    create_demo(db, catalog, today=DAY)
    athlete = create_athlete(
        db,
        AthleteData(
            name="Zoë “Quotes” O'Neil",
            birth_date=dt.date(1990, 2, 28),
            sex="female",
            sport="trail running",
            dominant_side="left",
            involved_side="right",
            injury_date=dt.date(2025, 6, 1),
            injury_notes="ACL reconstruction\nsecond line",
            leg_length_left_cm=91.5,
            leg_length_right_cm=92.0,
            notes="=not a formula",
        ),
    )
    settings = get_settings(db)
    settings.clinic_name = "Clinique Saint-Éloi"
    settings.thresholds = {"hip_ir_deg": 8.0}
    settings.length_unit = "in"
    save_settings(db, settings)
    with db.transaction() as s:
        s.add(
            MeasurementDefinition(
                key="grip_kg", name="Grip", unit="kg", kind="number", rule="lsi", min=0,
                max=120, threshold=90, mdc=2.5, protocol="Dynamometer, elbow at 90°.",
            )
        )  # fmt: skip
        drill = s.scalars(select(Drill).order_by(Drill.id)).first()
        drill.name = drill.name + " (our way)"
        s.add(
            Drill(
                key="clinic-wall-slide", name="Wall slide", steps='["one", "two"]',
                region="hip", dosage=DOSAGE, image=png_bytes(), image_type="png", builtin=False,
            )
        )  # fmt: skip
        session = Assessment(athlete_id=athlete.id, date=DAY, clinician="Dr. Ñ", notes="x")
        session.measurements = [
            Measurement(key="single_hop_cm", left_1=150.5, left_2=162.25, left_3=158.0,
                        right_1=140.0, left=162.25, right=140.0, pain_left=3, pain_right=0,
                        notes="trials"),
            Measurement(key="grip_kg", left_1=41.0, left=41.0, right=None),
        ]  # fmt: skip
        s.add(session)
        program = Program(
            athlete_id=athlete.id, start_date=DAY, weeks=6, pattern="left",
            reasons='["hip IR"]', notes="top-down",
        )  # fmt: skip
        program.items = [
            ProgramItem(position=1, drill_key="clinic-wall-slide", side="left",
                        dosage=DOSAGE, notes="slow"),
            ProgramItem(position=2, drill_key=drill.key, side="both", dosage=DOSAGE),
        ]  # fmt: skip
        s.add(program)
        s.flush()
        s.add_all(
            [
                AdherenceEntry(item_id=program.items[0].id, date=DAY, done=True),
                AdherenceEntry(item_id=program.items[0].id, date=DAY + dt.timedelta(1), done=False),
            ]
        )


@pytest.fixture
def source(db):
    fill(db)
    return db


def new_db(tmp_path: Path, name: str = "copy.sqlite"):
    return open_database(str(tmp_path / name), create=True)


def test_export_then_import_into_an_empty_database_gives_every_table_back(source, tmp_path):
    path = tmp_path / "all.json"
    counts = export_json(source, path)
    expected = dump(source)
    assert counts == {name: len(rows) for name, rows in expected.items()}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format_version"] == FORMAT_VERSION == 1
    assert all(expected[name] for name in expected)  # every table has rows
    target = new_db(tmp_path)
    try:
        result = import_json(target, path)
        assert dump(target) == expected
        assert result.added["athletes"] == 4
        sessions = len(expected["assessments"])
        assert result.summary().startswith(f"imported 4 athletes, {sessions} sessions")
        export_json(target, tmp_path / "again.json")
        assert (tmp_path / "again.json").read_bytes() == path.read_bytes()
    finally:
        target.dispose()


def test_a_database_in_use_is_refused_unless_merging(source, tmp_path):
    path = tmp_path / "all.json"
    export_json(source, path)
    before = dump(source)
    with pytest.raises(NotEmpty, match="--merge"):
        import_json(source, path)
    assert dump(source) == before
    result = import_json(source, path, merge=True)  # into itself: everything is already there
    assert sum(result.added.values()) == 0 and result.conflicts == []
    assert dump(source) == before


def test_a_file_from_before_settings_had_versions_imports_and_merges(source, tmp_path):
    """Settings and own measurements gained a version (schema 0003): older files lack the
    field, their rows start at version 1, and a version alone is never a merge conflict."""
    path = tmp_path / "all.json"
    export_json(source, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    for table in ("settings", "measurement_definitions"):
        assert document["tables"][table]
        for row in document["tables"][table]:
            assert row.pop("version") == 1
    old = tmp_path / "old.json"
    old.write_text(json.dumps(document), encoding="utf-8")
    target = new_db(tmp_path)
    try:
        import_json(target, old)
        assert dump(target) == dump(source)
    finally:
        target.dispose()
    for name in ("Renamed", "Clinique Saint-Éloi"):  # same value again, at version 3
        settings = get_settings(source)
        settings.clinic_name = name
        save_settings(source, settings)
    result = import_json(source, old, merge=True)
    assert sum(result.added.values()) == 0 and result.conflicts == []


def test_merge_adds_what_is_missing_and_reports_conflicts(source, tmp_path):
    path = tmp_path / "all.json"
    export_json(source, path)
    target = new_db(tmp_path)
    try:
        create_demo(target, load_catalog(target), today=DAY)
        with target.transaction() as s:
            ava_last = s.scalars(select(Assessment).order_by(Assessment.id.desc())).first()
            s.delete(ava_last)  # missing here: comes back with the merge
            first = s.scalars(select(Measurement).order_by(Measurement.id)).first()
            changed_key = first.key
            first.left = (first.left or 0) + 1  # a conflict: kept as it is here
        settings = get_settings(target)
        settings.clinic_name = "Other clinic"
        save_settings(target, settings)
        kept = dump(target)["measurements"]

        result = import_json(target, path, merge=True)
        assert result.added["athletes"] == 1 and result.added["assessments"] == 2
        assert result.added["programs"] == 1 and result.added["program_items"] == 2
        assert result.added["adherence_entries"] == 2
        assert result.added["measurement_definitions"] == 1 and result.added["drills"] == 1
        assert any(f": {changed_key} differs" in c for c in result.conflicts)
        assert any(c.startswith("setting clinic_name") for c in result.conflicts)
        assert get_settings(target).clinic_name == "Other clinic"
        after = {r[0]: r for r in dump(target)["measurements"]}
        assert all(after[r[0]] == r for r in kept)  # nothing here was overwritten
        assert result.summary().startswith("merged 1 athlete, 2 sessions")

        again = import_json(target, path, merge=True)
        assert sum(again.added.values()) == 0
        assert again.conflicts == result.conflicts
    finally:
        target.dispose()


def write_json(tmp_path: Path, document, name: str = "bad.json") -> Path:
    path = tmp_path / name
    path.write_text(document if isinstance(document, str) else json.dumps(document))
    return path


def test_bad_files_are_refused_and_nothing_is_written(source, tmp_path):
    good = tmp_path / "all.json"
    export_json(source, good)
    document = json.loads(good.read_text())
    target = new_db(tmp_path)
    try:
        empty = dump(target)
        for content, error, message in [
            ("not json", ImportFileError, "not a valid JSON"),
            ({"tables": {}}, ImportFileError, "not an Untwist JSON export"),
            ({**document, "format_version": 2}, ImportFileError, "newer Untwist"),
            ({**document, "tables": {"nope": []}}, ImportFileError, "unknown table nope"),
            (good.read_text().replace("91.5", "NaN"), ImportFileError, "NaN is not allowed"),
        ]:
            with pytest.raises(error, match=message):
                import_json(target, write_json(tmp_path, content))
        broken = json.loads(good.read_text())
        athletes = broken["tables"]["athletes"]
        athletes[0]["name"] = 42
        athletes[1]["birth_date"] = "yesterday"
        athletes[2]["colour"] = "blue"
        del athletes[3]["name"]
        broken["tables"]["measurements"][0]["assessment_id"] = 99999
        broken["tables"]["measurements"][1]["key"] = "no_such_key"
        with pytest.raises(ImportRejected) as caught:
            import_json(target, write_json(tmp_path, broken))
        reasons = [str(e) for e in caught.value.errors]
        assert "athletes row 1: name: expected text" in reasons
        assert any(r.startswith("athletes row 2: birth_date:") for r in reasons)
        assert "athletes row 3: unknown field 'colour'" in reasons
        assert "athletes row 4: name is missing" in reasons
        assert "measurements row 1: assessment_id 99999 is not in assessments" in reasons
        assert "measurements row 2: unknown measurement 'no_such_key'" in reasons
        assert dump(target) == empty
    finally:
        target.dispose()


def test_cancel_writes_nothing(source, tmp_path):
    path = tmp_path / "all.json"
    export_json(source, path)
    target = new_db(tmp_path)
    try:
        with target.transaction() as s:  # a seeded table the import replaces
            s.execute(update(Drill).values(name="edited here"))
        before = dump(target)

        def report(done, total, text):
            if text.startswith("Writing measurements"):
                progress.cancel()

        progress = Progress(report)
        with pytest.raises(Cancelled):
            import_json(target, path, progress=progress)
        assert dump(target) == before
        cancelled = Progress()
        cancelled.cancel()
        with pytest.raises(Cancelled):
            export_json(source, tmp_path / "never.json", progress=cancelled)
        assert not (tmp_path / "never.json").exists()
    finally:
        target.dispose()


@pytest.mark.sqlite_only  # the source is SQLite; the target is the PostgreSQL server
def test_postgresql_gets_the_same_rows_and_new_ids_follow_the_imported_ones(
    source, tmp_path, pg_url
):
    path = tmp_path / "all.json"
    export_json(source, path)
    server = open_database(pg_url, create=True)
    try:
        import_json(server, path)
        assert dump(server) == dump(source)
        fresh = create_athlete(server, AthleteData(name="After The Import"))
        assert fresh.id > max(r[0] for r in dump(source)["athletes"])  # sequence was moved
    finally:
        server.dispose()
