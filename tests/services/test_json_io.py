"""JSON export/import: every table field for field, refusals, merge, bad files, cancel."""

import datetime as dt
import json
import stat
from pathlib import Path

import pytest
from sqlalchemy import insert, select, update

from app.domain.records import AthleteData, MeasurementInput
from app.errors import UserFacingError
from app.models import (
    AdherenceEntry,
    Assessment,
    Athlete,
    Base,
    Drill,
    Measurement,
    MeasurementDefinition,
    Program,
    ProgramItem,
    ProgressNote,
)
from app.models.db import open_database
from app.models.tables import NOT_DATA
from app.services.athletes import create_athlete
from app.services.catalog import load_catalog
from app.services.demo import create_demo
from app.services.interchange import ImportFileError, ImportRejected, NotEmpty
from app.services.json_io import FORMAT_VERSION, export_json, import_json
from app.services.progress import Cancelled, Progress
from app.services.sessions import _photo_row, record_session
from app.services.settings import get_settings, save_settings
from tests.photos import photo_measurement
from tests.services.test_drills import png_bytes

DAY = dt.date(2026, 11, 25)
DOSAGE = '{"amount": "8", "each_side": true, "per_week": 3, "sets": "2–3", "unit": "reps"}'


def dump(db) -> dict[str, list[tuple]]:
    """Every row of every table, by primary key: what "field for field" compares."""
    with db.engine.connect() as conn:
        return {
            t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
            for t in Base.metadata.sorted_tables
            if t.name not in NOT_DATA
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
            Measurement(key="hip_ir_deg", left_1=30.0, left_2=31.5, left=30.75, right=None,
                        photos=[_photo_row(photo_measurement("left", 2))]),
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
        s.add(
            ProgressNote(
                athlete_id=athlete.id, assessment="Hop LSI 86 %:\n\tbetter", plan="=Review",
                updated_at=dt.datetime(2026, 11, 25, 9, 30, 15, 250000),
            )
        )  # fmt: skip
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
    assert document["format_version"] == FORMAT_VERSION == 4
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
        assert result.added["progress_notes"] == 1  # with its athlete
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
            ({**document, "format_version": FORMAT_VERSION + 1}, ImportFileError, "newer Untwist"),
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


def test_merge_translates_the_solo_athlete_to_this_databases_id(tmp_path):
    """A file's athlete ids mean nothing here: solo mode must follow the athlete, not the
    number (kept verbatim, it would open solo mode on whoever has that id here)."""
    source = new_db(tmp_path, "solo.sqlite")
    target = new_db(tmp_path, "clinic.sqlite")
    try:
        for name in ("Ann", "Bo", "Cy"):
            create_athlete(target, AthleteData(name=name))
        me = create_athlete(source, AthleteData(name="Solo Runner"))
        settings = get_settings(source)
        settings.mode, settings.solo_athlete_id = "solo", me.id
        save_settings(source, settings)
        path = tmp_path / "solo.json"
        export_json(source, path)

        result = import_json(target, path, merge=True)
        assert result.added["athletes"] == 1
        here = get_settings(target).solo_athlete_id
        assert here is not None and here != me.id
        with target.read() as s:
            assert s.get(Athlete, here).name == "Solo Runner"
    finally:
        source.dispose()
        target.dispose()


def test_merge_meets_two_sessions_of_one_day_in_order(tmp_path):
    """Before and after treatment on one day: merging the same file twice adds nothing and
    reports nothing (the second session used to be compared with the first)."""
    source = new_db(tmp_path, "two.sqlite")
    try:
        catalog = load_catalog(source)
        ava = create_athlete(source, AthleteData(name="Ava"))
        for left in (30.0, 36.0):  # before, after
            record_session(
                source, catalog, ava.id, DAY, [MeasurementInput("hip_ir_deg", (left,), (40.0,))]
            )
        path = tmp_path / "two.json"
        export_json(source, path)
        target = new_db(tmp_path, "target.sqlite")
        try:
            first = import_json(target, path, merge=True)
            assert first.added["assessments"] == 2 and not first.conflicts
            again = import_json(target, path, merge=True)
            assert sum(again.added.values()) == 0
            assert again.conflicts == []
        finally:
            target.dispose()
    finally:
        source.dispose()


@pytest.mark.parametrize("work", ["clinic name", "thresholds", "edited drill"])
def test_a_database_with_only_the_clinics_own_settings_is_not_overwritten(source, tmp_path, work):
    """No athlete yet, but a clinic name, thresholds or an edited built-in drill: a full import
    would have replaced them without a word (now: refused; --merge keeps them)."""
    path = tmp_path / "all.json"
    export_json(source, path)
    target = new_db(tmp_path)
    try:
        settings = get_settings(target)
        if work == "clinic name":
            settings.clinic_name = "Our own clinic"
        elif work == "thresholds":
            settings.thresholds = {"hip_ir_deg": 12.0}
        if work != "edited drill":
            save_settings(target, settings)
        else:
            with target.transaction() as s:
                drill = s.scalars(select(Drill).order_by(Drill.id)).first()
                drill.name = "Our way"
        before = dump(target)
        with pytest.raises(NotEmpty):
            import_json(target, path)
        assert dump(target) == before
        merged = import_json(target, path, merge=True)
        assert merged.added["athletes"] > 0
        kept = get_settings(target)
        if work == "clinic name":
            assert kept.clinic_name == "Our own clinic"
        elif work == "thresholds":
            assert kept.thresholds["hip_ir_deg"] == 12.0
        else:
            with target.read() as s:
                assert s.scalars(select(Drill).order_by(Drill.id)).first().name == "Our way"
    finally:
        target.dispose()


def test_the_first_run_choice_alone_leaves_a_database_empty(source, tmp_path):
    path = tmp_path / "all.json"
    export_json(source, path)
    target = new_db(tmp_path)
    try:
        settings = get_settings(target)
        settings.mode = "clinician"
        save_settings(target, settings)
        assert import_json(target, path).added["athletes"] > 0
    finally:
        target.dispose()


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_the_largest_id_a_column_holds_imports(db, tmp_path):
    """2³¹−1 passes the id check; setting the next id to "the largest plus one" then failed
    with a traceback on PostgreSQL. A new athlete after it is refused plainly."""
    source = new_db(tmp_path, "big.sqlite")
    try:
        with source.bulk() as conn:
            conn.execute(
                insert(Base.metadata.tables["athletes"]),
                {"id": 2**31 - 1, "name": "Last Id", "created_at": dt.datetime(2026, 1, 1)},
            )
        path = tmp_path / "big.json"
        export_json(source, path)
    finally:
        source.dispose()
    assert import_json(db, path).added["athletes"] == 1
    with pytest.raises(UserFacingError, match="largest record number"):
        create_athlete(db, AthleteData(name="One more"))


def test_structured_program_reasons_survive_the_round_trip_and_old_files_keep_strings(
    source, tmp_path
):
    """Format 4: a program's reasons are phrases (template + values) worded when shown; a
    file of format 3 holds plain strings, which import and show as they were."""
    from app.domain.language import language
    from app.domain.phrases import Phrase, worded
    from app.services.athletes import find_athlete
    from app.services.programs import get_program, latest_program

    demo = new_db(tmp_path, "demo.sqlite")
    target = new_db(tmp_path, "target.sqlite")
    try:
        create_demo(demo, load_catalog(demo), today=DAY)
        ava = find_athlete(demo, "Ava Lindqvist")
        before = latest_program(demo, ava.id)
        assert before is not None and isinstance(before.reasons[0], Phrase)
        path = tmp_path / "demo.json"
        export_json(demo, path)
        document = json.loads(path.read_text(encoding="utf-8"))
        stored = json.loads(document["tables"]["programs"][0]["reasons"])
        assert isinstance(stored[0], dict) and "msg" in stored[0]
        import_json(target, path)
        after = latest_program(target, find_athlete(target, "Ava Lindqvist").id)
        assert after is not None and after.reasons == before.reasons
        for code in ("de", "es"):
            assert [worded(r, language(code)) for r in after.reasons] == [
                worded(r, language(code)) for r in before.reasons
            ]
        assert worded(after.reasons[0], language("es")).startswith("Hallazgos compatibles")
    finally:
        demo.dispose()
        target.dispose()
    # a format 3 file: plain strings
    path = tmp_path / "old.json"
    export_json(source, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["format_version"] = 3
    path.write_text(json.dumps(document), encoding="utf-8")
    old = new_db(tmp_path, "old.sqlite")
    try:
        import_json(old, path)
        with old.read() as s:
            program_id = s.scalars(select(Program.id).where(Program.reasons == '["hip IR"]')).one()
        assert get_program(old, program_id).reasons == ("hip IR",)
    finally:
        old.dispose()


def test_a_program_reason_that_is_no_phrase_is_refused(source, tmp_path):
    path = tmp_path / "bad.json"
    export_json(source, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["tables"]["programs"][0]["reasons"] = json.dumps(
        [{"msg": "{name} is flagged", "args": {"other": 1}}]
    )
    path.write_text(json.dumps(document), encoding="utf-8")
    target = new_db(tmp_path)
    try:
        with pytest.raises(ImportRejected) as caught:
            import_json(target, path)
        assert any("reasons: an item is neither" in str(e) for e in caught.value.errors)
    finally:
        target.dispose()
