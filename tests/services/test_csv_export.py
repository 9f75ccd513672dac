"""CSV export: columns, order, numbers, formula safety, atomic private files, round trip."""

import csv
import datetime as dt
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from app.domain.records import AthleteData, MeasurementInput
from app.models import Assessment, Athlete, Measurement
from app.models.db import open_database
from app.services.athletes import create_athlete
from app.services.catalog import load_catalog
from app.services.csv_export import export_csv
from app.services.csv_import import import_csv
from app.services.demo import create_demo
from app.services.interchange import escape_formula, unescape_formula
from app.services.progress import Cancelled, Progress
from app.services.sessions import record_session
from tests.conftest import session_inputs

UNSAFE = ("=", "+", "@", "\t", "\r")


def read(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheets need the BOM to read UTF-8
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def results(db):
    """(athlete name, date, key) → (left, right, notes): what the CSV carries."""
    query = (
        select(
            Athlete.name,
            Assessment.date,
            Measurement.key,
            Measurement.left,
            Measurement.right,
            Measurement.notes,
        )
        .join(Assessment, Assessment.athlete_id == Athlete.id)
        .join(Measurement, Measurement.assessment_id == Assessment.id)
    )
    with db.read() as s:
        return {(r[0], r[1], r[2]): tuple(r[3:]) for r in s.execute(query)}


@pytest.fixture
def sample(db, catalog):
    return make_sample(db, catalog)


def make_sample(db, catalog):
    zoe = create_athlete(db, AthleteData(name="Zoë Adams"))
    ava_1 = create_athlete(db, AthleteData(name="ava Berg"))
    ava_2 = create_athlete(db, AthleteData(name="Ava Berg"))
    record_session(
        db,
        catalog,
        ava_1.id,
        dt.date(2026, 3, 16),
        [
            MeasurementInput("hip_er_deg", (40,), (31.5,), notes="-tight on the right"),
            MeasurementInput("hip_ir_deg", (40, 41, 43), ()),
            MeasurementInput("foot_posture_index", (-3,), (2,)),
            MeasurementInput("adduction_drop_test", ("fail",), ("pass",), notes="=1+1"),
        ],
    )
    record_session(db, catalog, ava_1.id, dt.date(2026, 3, 2), session_inputs(hip_ir_deg=(24, 40)))
    record_session(
        db, catalog, ava_2.id, dt.date(2026, 1, 5), session_inputs(single_hop_cm=(150, 162.4))
    )
    record_session(
        db,
        catalog,
        zoe.id,
        dt.date(2026, 1, 5),
        [MeasurementInput("side_plank_s", (60,), (58,), notes="@home\twith\rbreaks")],
    )
    return zoe, ava_1, ava_2


def test_columns_order_and_numbers(db, catalog, sample, tmp_path):
    zoe, ava_1, ava_2 = sample
    path = tmp_path / "out.csv"
    result = export_csv(db, catalog, path)
    assert (result.measurements, result.athletes) == (7, 3)
    rows = read(path)
    assert rows[0] == [
        "athlete", "date", "measurement", "left", "right", "notes", "unit", "athlete_id"
    ]  # fmt: skip
    assert [(r[0], r[1], r[2], r[7]) for r in rows[1:]] == [
        ("ava Berg", "2026-03-02", "hip_ir_deg", str(ava_1.id)),
        ("ava Berg", "2026-03-16", "hip_ir_deg", str(ava_1.id)),
        ("ava Berg", "2026-03-16", "hip_er_deg", str(ava_1.id)),
        ("ava Berg", "2026-03-16", "foot_posture_index", str(ava_1.id)),
        ("ava Berg", "2026-03-16", "adduction_drop_test", str(ava_1.id)),
        ("Ava Berg", "2026-01-05", "single_hop_cm", str(ava_2.id)),
        ("Zoë Adams", "2026-01-05", "side_plank_s", str(zoe.id)),
    ]
    by_key = {(r[1], r[2]): r for r in rows[1:]}
    assert by_key[("2026-03-02", "hip_ir_deg")][3:7] == ["24", "40", "", "deg"]
    assert by_key[("2026-03-16", "hip_ir_deg")][3:5] == [repr((40 + 41 + 43) / 3), ""]
    assert by_key[("2026-03-16", "hip_er_deg")][3:5] == ["40", "31.5"]
    assert by_key[("2026-03-16", "foot_posture_index")][3:5] == ["-3", "2"]
    assert by_key[("2026-03-16", "adduction_drop_test")][3:7] == [
        "fail",
        "pass",
        "'=1+1",
        "pass/fail",
    ]
    assert by_key[("2026-01-05", "single_hop_cm")][3:5] == ["150", "162.4"]
    raw = path.read_bytes()
    assert raw.count(b"\r\n") == 8  # one line end per row; the note's CR stays inside quotes
    assert export_csv(db, catalog, tmp_path / "again.csv") == result
    assert (tmp_path / "again.csv").read_bytes() == raw  # stable


def test_no_cell_could_run_as_a_formula(db, catalog, sample, tmp_path):
    create_athlete(db, AthleteData(name='=HYPERLINK("http://x","y")'))
    with db.read() as s:
        evil = s.scalar(select(Athlete.id).where(Athlete.name.startswith("=")))
    record_session(
        db,
        catalog,
        evil,
        dt.date(2026, 2, 1),
        [
            MeasurementInput("hip_ir_deg", (30,), (31,), notes="+cmd|' /C calc'!A0"),
            MeasurementInput("foot_posture_index", (-12,), (-1,), notes="'=already quoted"),
        ],
    )
    path = tmp_path / "out.csv"
    export_csv(db, catalog, path)
    cells = [cell for row in read(path) for cell in row]
    assert cells
    for cell in cells:
        assert not cell.startswith(UNSAFE), cell
        if cell.startswith("-"):
            float(cell)  # a minus only starts a number
    assert "'-tight on the right" in cells and "'@home\twith\rbreaks" in cells
    assert "''=already quoted" in cells and "-12" in cells


def test_export_then_import_into_an_empty_database_gives_the_same_results(db, catalog, tmp_path):
    create_demo(db, catalog)
    make_sample(db, catalog)
    create_athlete(db, AthleteData(name="+Plus Person"))
    path = tmp_path / "out.csv"
    export_csv(db, catalog, path)
    target = open_database(str(tmp_path / "copy.sqlite"), create=True)
    try:
        imported = import_csv(target, load_catalog(target), path)
        assert results(target) == results(db)
        assert imported.measurements == len(results(db))
        with db.read() as s, target.read() as t:
            in_file = select(Athlete.id, Athlete.name).where(Athlete.assessments.any())
            assert set(t.execute(in_file)) == set(s.execute(in_file))  # ids kept
        assert import_csv(target, load_catalog(target), path).measurements == 0
    finally:
        target.dispose()
    assert import_csv(db, catalog, path).measurements == 0  # back into the source: nothing new


def test_one_athlete_only(db, catalog, sample, tmp_path):
    zoe, *_ = sample
    path = tmp_path / "zoe.csv"
    result = export_csv(db, catalog, path, athlete_id=zoe.id)
    rows = read(path)
    assert result.measurements == 1 and [r[0] for r in rows[1:]] == ["Zoë Adams"]


def test_the_file_is_private_and_a_cancelled_export_leaves_nothing(
    db, catalog, sample, tmp_path, monkeypatch
):
    path = tmp_path / "out.csv"
    export_csv(db, catalog, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    before = path.read_bytes()

    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        export_csv(db, catalog, tmp_path / "new.csv", progress=progress)
    monkeypatch.setattr("app.services.csv_export.STEP", 2)  # several steps for 7 rows
    late = Progress(lambda done, total, text: late.cancel() if done else None)
    with pytest.raises(Cancelled):
        export_csv(db, catalog, path, progress=late)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("untwist")) == [
        "out.csv"
    ]
    assert path.read_bytes() == before  # the earlier export is untouched


@given(st.text(max_size=20))
def test_escaping_is_safe_and_reversible(text):
    escaped = escape_formula(text)
    assert not escaped.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert unescape_formula(escaped) == text


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False))
def test_numbers_are_written_without_an_exponent_and_read_back_exactly(value):
    """``1.016e-07`` is not a number the CSV import reads: an export must re-import."""
    from app.domain.validation import parse_number
    from app.services.csv_export import format_number

    text = format_number(value)
    assert "e" not in text.lower()
    assert parse_number(text) == value


def test_a_note_with_spaces_around_it_does_not_stop_the_export_re_importing(db, catalog, tmp_path):
    """A JSON import keeps a note's spaces, a CSV cell loses them: the database then refused
    its own export ("already stored with other notes")."""
    athlete = create_athlete(db, AthleteData(name="Ann"))
    record_session(
        db, catalog, athlete.id, dt.date(2026, 3, 2), session_inputs(hip_ir_deg=(30, 40))
    )
    with db.transaction() as s:
        s.scalars(select(Measurement)).one().notes = "tight calf "
    path = tmp_path / "out.csv"
    export_csv(db, catalog, path)
    again = import_csv(db, catalog, path)
    assert again.measurements == 0
