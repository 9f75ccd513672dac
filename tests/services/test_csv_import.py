"""CSV import (DOMAIN.md §6): real files written to tmp_path, a real SQLite database."""

import datetime as dt
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.domain.records import AthleteData
from app.models import Assessment, Athlete, Measurement, MeasurementDefinition
from app.models.db import open_database
from app.services.athletes import create_athlete
from app.services.catalog import load_catalog
from app.services.csv_import import CHUNK, import_csv, read_preview
from app.services.interchange import ImportFileError, ImportRejected
from app.services.progress import Cancelled, Progress
from app.services.sessions import list_sessions, record_session
from tests.conftest import session_inputs

HEADER = "athlete,date,measurement,left,right,notes"


def write(folder: Path, text: str, name: str = "m.csv", encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def counts(db) -> tuple[int, int, int]:
    with db.read() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(model))
            for model in (Athlete, Assessment, Measurement)
        )


def stored(db):
    """(athlete name, date, key) → (left, right, notes, trials) for every measurement."""
    query = (
        select(
            Athlete.name,
            Assessment.date,
            Measurement.key,
            Measurement.left,
            Measurement.right,
            Measurement.notes,
            Measurement.left_1,
            Measurement.left_2,
            Measurement.right_1,
        )
        .join(Assessment, Assessment.athlete_id == Athlete.id)
        .join(Measurement, Measurement.assessment_id == Assessment.id)
    )
    with db.read() as s:
        return {(r[0], r[1], r[2]): tuple(r[3:]) for r in s.execute(query)}


def test_rows_become_athletes_sessions_and_single_trial_measurements(db, catalog, tmp_path):
    path = write(
        tmp_path,
        f"{HEADER}\n"
        "Ava Lindqvist,2026-03-02,hip_ir_deg,24,40.5,seated\n"
        "Ava Lindqvist,2026-03-02,adduction_drop_test,fail,pass,\n"
        "Ava Lindqvist,2026-03-16,hip_ir_deg,27,,left only\n"
        "Ben Okafor,2026-03-02,foot_posture_index,-3,+2,\n",
    )
    result = import_csv(db, catalog, path)
    assert result.summary() == "imported 4 measurements in 3 sessions for 2 athletes (2 new)"
    values = stored(db)
    assert values[("Ava Lindqvist", dt.date(2026, 3, 2), "hip_ir_deg")] == (
        24.0,
        40.5,
        "seated",
        24.0,
        None,
        40.5,
    )
    assert values[("Ava Lindqvist", dt.date(2026, 3, 2), "adduction_drop_test")][:2] == (0.0, 1.0)
    assert values[("Ava Lindqvist", dt.date(2026, 3, 16), "hip_ir_deg")][:3] == (
        27.0,
        None,
        "left only",
    )
    assert values[("Ben Okafor", dt.date(2026, 3, 2), "foot_posture_index")][:2] == (-3.0, 2.0)
    assert counts(db) == (2, 3, 4)


def test_importing_the_same_file_twice_adds_nothing(db, catalog, tmp_path):
    path = write(
        tmp_path,
        f"{HEADER}\nAva,2026-03-02,hip_ir_deg,24,40,x\nAva,2026-03-02,hip_er_deg,40,30,\n",
    )
    import_csv(db, catalog, path)
    before = counts(db)
    again = import_csv(db, catalog, path)
    assert (again.measurements, again.sessions, again.athletes, again.new_athletes) == (0, 0, 0, 0)
    assert again.unchanged == 2
    assert counts(db) == before


def test_bom_crlf_quoted_fields_and_case_of_names_are_accepted(db, catalog, tmp_path):
    text = (
        f"\ufeff{HEADER},unit\r\n"
        '"Lindqvist, Ava",2026-03-02,hip_ir_deg,"24","40","said ""tight"", then\r\nbetter",deg\r\n'
        "\r\n"
        '"  lindqvist,   ava ",2026-03-02,HIP_ER_DEG,40,30,,\r\n'
    )
    path = write(tmp_path, text)
    result = import_csv(db, catalog, path)
    assert (result.measurements, result.sessions, result.new_athletes) == (2, 1, 1)
    values = stored(db)
    notes = values[("Lindqvist, Ava", dt.date(2026, 3, 2), "hip_ir_deg")][2]
    assert notes == 'said "tight", then\r\nbetter'
    assert ("Lindqvist, Ava", dt.date(2026, 3, 2), "hip_er_deg") in values


def test_every_bad_row_is_reported_by_line_and_nothing_is_written(db, catalog, tmp_path):
    long_notes = "n" * 10_000
    lines = [
        HEADER + ",unit",  # 1
        "Ava,2026-03-02,hip_ir_deg,24,40,,",  # 2 fine
        "Ava,2026-03-02,hip_ir_deg,25,40,,",  # 3 same measurement again
        "Ava,02/03/2026,hip_er_deg,24,40,,",  # 4 not ISO
        "Ava,2026-02-30,hip_er_deg,24,40,,",  # 5 no such day
        "Ava,2026-03-02,hip_flexion,24,40,,",  # 6 unknown key
        'Ava,2026-03-02,thoracic_rot_deg,24.5,"40,5",,',  # 7 comma decimal
        "Ava,2026-03-02,foot_posture_index,,,,",  # 8 no side
        "Ava,2026-03-02,ybt_anterior_cm,60,nan,,",  # 9 NaN
        "Ava,2026-03-02,single_hop_cm,1e3,100,,",  # 10 exponent
        "Ava,2026-03-02,calf_raise_reps,30.5,30,,",  # 11 not whole
        "Ava,2026-03-02,adduction_drop_test,yes,pass,,",  # 12 not pass/fail
        "Ava,2026-03-02,side_plank_s,60,60,,min",  # 13 wrong unit
        f"Ava,2026-03-02,single_leg_bridge_reps,20,20,{long_notes},",  # 14 notes too long
        ",2026-03-02,hip_er_deg,24,40,,",  # 15 no name
        "Ava,2026-03-02,hip_er_deg,24,40",  # 16 missing fields
        "Ava,2026-03-02,hip_er_deg,95,40,,",  # 17 out of range
        "",  # 18 blank: skipped
        ",,,,,,",  # 19 separators only: skipped
        "Ava,2026-03-09,hip_er_deg,=1+1,40,,",  # 20 formula
        "Ava,2026-03-02,ankle_df_lunge_cm,5,4,,in",  # 21 fine (inches)
    ]
    path = write(tmp_path, "\n".join(lines) + "\n")
    with pytest.raises(ImportRejected) as caught:
        import_csv(db, catalog, path)
    errors = {e.line: e.reason for e in caught.value.errors}
    assert sorted(errors) == [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 20]
    assert "already on line 2" in errors[3]
    assert "2026-03-31" in errors[4] and "does not exist" in errors[5]
    assert "unknown measurement 'hip_flexion'" in errors[6]
    assert "comma" in errors[7] and "right" in errors[7]
    assert "both empty" in errors[8]
    assert errors[9].startswith("right:")
    assert "not a number" in errors[10]
    assert "whole number" in errors[11]
    assert "pass or fail" in errors[12]
    assert "unit 'min'" in errors[13] and "use s" in errors[13]
    assert "longer than" in errors[14]
    assert "name is empty" in errors[15]
    assert "5 fields where the header has 7" in errors[16]
    assert "95 is outside" in errors[17]
    assert str(caught.value.errors[0]).startswith("line 3: ")
    assert counts(db) == (0, 0, 0)


def test_inches_are_converted_to_cm_and_other_units_refused(db, catalog, tmp_path):
    path = write(
        tmp_path,
        f"{HEADER},unit\nAva,2026-03-02,ankle_df_lunge_cm,4,3.5,,in\n"
        "Ava,2026-03-02,ybt_anterior_cm,60,58,,CM\n",
    )
    import_csv(db, catalog, path)
    values = stored(db)
    lunge = values[("Ava", dt.date(2026, 3, 2), "ankle_df_lunge_cm")]
    assert lunge[:2] == pytest.approx((10.16, 8.89))
    bad = write(tmp_path, f"{HEADER},unit\nAva,2026-03-09,hip_ir_deg,4,3,,in\n", "bad.csv")
    with pytest.raises(ImportRejected, match="1 invalid row") as caught:
        import_csv(db, catalog, bad)
    assert "does not fit hip_ir_deg (use deg)" in caught.value.errors[0].reason


def test_an_inch_value_is_checked_against_the_cm_range(db, catalog, tmp_path):
    path = write(tmp_path, f"{HEADER},unit\nAva,2026-03-02,ankle_df_lunge_cm,10,,,in\n")
    with pytest.raises(ImportRejected) as caught:
        import_csv(db, catalog, path)
    assert "25.4 is outside 0 to 25 cm" in caught.value.errors[0].reason


def test_two_athletes_with_one_name_need_athlete_id(db, catalog, tmp_path):
    first = create_athlete(db, AthleteData(name="Sam Lee"))
    second = create_athlete(db, AthleteData(name="Sam Lee"))
    path = write(tmp_path, f"{HEADER}\nSam Lee,2026-03-02,hip_ir_deg,30,31,\n")
    with pytest.raises(ImportRejected) as caught:
        import_csv(db, catalog, path)
    assert f"ids {first.id}, {second.id}" in caught.value.errors[0].reason
    assert "athlete_id" in caught.value.errors[0].reason
    ok = write(
        tmp_path,
        f"{HEADER},athlete_id\nSam Lee,2026-03-02,hip_ir_deg,30,31,,{second.id}\n",
        "ok.csv",
    )
    import_csv(db, catalog, ok)
    assert [s.athlete_id for s in list_sessions(db, second.id)] == [second.id]
    assert list_sessions(db, first.id) == []
    wrong = write(
        tmp_path, f"{HEADER},athlete_id\nAva,2026-03-09,hip_ir_deg,30,31,,{first.id}\n", "w.csv"
    )
    with pytest.raises(ImportRejected, match="1 invalid row") as caught:
        import_csv(db, catalog, wrong)
    assert f"athlete_id {first.id} is 'Sam Lee' in this database, not 'Ava'" in str(
        caught.value.errors[0]
    )


def test_new_athletes_keep_free_file_ids_and_automatic_ids_avoid_them(db, catalog, tmp_path):
    path = write(
        tmp_path,
        f"{HEADER},athlete_id\n"
        "Bob,2026-03-02,hip_ir_deg,30,31,,\n"
        "Ann,2026-03-02,hip_ir_deg,30,31,,1\n"
        "ann,2026-03-09,hip_ir_deg,30,31,,1\n"
        "Sam Lee,2026-03-02,hip_ir_deg,30,31,,7\n"
        "Sam Lee,2026-03-02,hip_ir_deg,30,31,,8\n",
    )
    result = import_csv(db, catalog, path)
    assert (result.new_athletes, result.measurements) == (4, 5)
    with db.read() as s:
        query = select(Athlete.name, Athlete.id).where(Athlete.name != "Sam Lee")
        ids = {name: i for name, i in s.execute(query)}
        sams = s.scalars(select(Athlete.id).where(Athlete.name == "Sam Lee")).all()
    assert ids["Ann"] == 1 and ids["Bob"] not in (1, 7, 8) and sorted(sams) == [7, 8]
    assert import_csv(db, catalog, path).unchanged == 5
    clash = write(tmp_path, f"{HEADER},athlete_id\nZed,2026-03-02,hip_ir_deg,1,1,,7\n", "z.csv")
    with pytest.raises(ImportRejected, match="1 invalid row") as caught:
        import_csv(db, catalog, clash)
    assert "athlete_id 7 is 'Sam Lee' in this database, not 'Zed'" in caught.value.errors[0].reason


def test_an_existing_session_gets_the_missing_measurements_and_conflicts_are_errors(
    db, catalog, athlete, tmp_path
):
    day = dt.date(2026, 3, 2)
    record_session(db, catalog, athlete.id, day, session_inputs(hip_ir_deg=(30, 35)))
    path = write(
        tmp_path,
        f"{HEADER}\nTest Runner,2026-03-02,hip_ir_deg,30,35,\n"
        "Test Runner,2026-03-02,hip_er_deg,40,42,\n",
    )
    result = import_csv(db, catalog, path)
    assert (result.measurements, result.unchanged, result.sessions, result.new_athletes) == (
        1,
        1,
        1,
        0,
    )
    sessions = list_sessions(db, athlete.id)
    assert len(sessions) == 1 and {m.key for m in sessions[0].measurements} == {
        "hip_ir_deg",
        "hip_er_deg",
    }
    conflict = write(
        tmp_path,
        f"{HEADER}\nTest Runner,2026-03-02,hip_ir_deg,31,35,\n"
        "Test Runner,2026-03-02,thoracic_rot_deg,50,50,\n",
        "c.csv",
    )
    with pytest.raises(ImportRejected) as caught:
        import_csv(db, catalog, conflict)
    assert [e.line for e in caught.value.errors] == [2]
    assert "already stored with other values (left 30, right 35)" in caught.value.errors[0].reason
    assert counts(db)[2] == 2


def test_custom_measurements_of_the_database_can_be_imported(db, tmp_path):
    with db.transaction() as s:
        s.add(
            MeasurementDefinition(
                key="grip_kg", name="Grip strength", unit="kg", kind="number", rule="lsi",
                min=0, max=120, threshold=90,
            )
        )  # fmt: skip
    catalog = load_catalog(db)
    path = write(tmp_path, f"{HEADER},unit\nAva,2026-03-02,grip_kg,41.5,44,,kg\n")
    assert import_csv(db, catalog, path).measurements == 1


@pytest.mark.parametrize(
    ("content", "encoding", "message"),
    [
        (f"{HEADER}\nChloé,2026-03-02,hip_ir_deg,30,31,\n", "latin-1", "not UTF-8"),
        (f"{HEADER}\nAva,2026-03-02,hip_ir_deg,30,31,\n", "utf-16", "UTF-16"),
        ("athlete,date,measurement,left,right\nAva,2026-03-02,hip_ir_deg,30,31\n", "utf-8",
         "missing column notes"),
        ("athlete;date;measurement;left;right;notes\n", "utf-8", "separated by semicolons"),
        (f"{HEADER},units\n", "utf-8", "unknown column 'units'"),
        (f"{HEADER},notes\n", "utf-8", "appears twice"),
        ("", "utf-8", "empty"),
    ],
)  # fmt: skip
def test_file_level_problems_are_one_clear_message(
    db, catalog, tmp_path, content, encoding, message
):
    path = write(tmp_path, content, encoding=encoding)
    with pytest.raises(ImportFileError, match=message):
        import_csv(db, catalog, path)
    assert counts(db) == (0, 0, 0)


def test_a_bad_byte_late_in_the_file_rolls_back_what_was_checked(db, catalog, tmp_path):
    rows = [f"A{i},2026-03-02,hip_ir_deg,30,31," for i in range(CHUNK + 10)]
    path = tmp_path / "late.csv"
    path.write_bytes(("\n".join([HEADER, *rows]) + "\n").encode() + b"Zo\xe9,2026-03-02,x,1,1,\n")
    with pytest.raises(ImportFileError, match=f"line {CHUNK + 12}"):
        import_csv(db, catalog, path)
    assert counts(db) == (0, 0, 0)


def test_files_over_200_mb_and_missing_files_are_refused(db, catalog, tmp_path):
    big = tmp_path / "big.csv"
    with big.open("wb") as fh:
        fh.write(f"{HEADER}\n".encode())
        fh.truncate(200 * 1024 * 1024 + 1)  # sparse: no 200 MB actually written
    with pytest.raises(ImportFileError, match=r"too large \(200.0 MB\); files up to 200 MB"):
        import_csv(db, catalog, big)
    with pytest.raises(ImportFileError, match="no such file"):
        import_csv(db, catalog, tmp_path / "nope.csv")
    with pytest.raises(ImportFileError, match="folder"):
        import_csv(db, catalog, tmp_path)


def test_cancel_rolls_back_rows_already_inserted(db, catalog, tmp_path):
    rows = [f"A{i // 10},2026-03-02,{k},30,31," for i, k in enumerate(
        ["hip_ir_deg", "hip_er_deg"] * (CHUNK + 1000))]  # fmt: skip
    rows = [f"A{i},2026-03-02,hip_ir_deg,30,31," for i in range(3 * CHUNK)]
    path = write(tmp_path, "\n".join([HEADER, *rows]) + "\n")
    seen = []

    def report(done: int, total: int, text: str) -> None:
        seen.append(done)
        if done > 0:
            progress.cancel()  # after the first chunk was inserted

    progress = Progress(report)
    with pytest.raises(Cancelled):
        import_csv(db, catalog, path, progress)
    assert len(seen) >= 2
    assert counts(db) == (0, 0, 0)


def test_the_preview_reads_only_the_first_rows(tmp_path):
    rows = [f"A{i},2026-03-02,hip_ir_deg,30,31," for i in range(1000)]
    path = write(tmp_path, "\n".join([HEADER + ",Colour", *rows]) + "\n")
    preview = read_preview(path, limit=5)
    assert preview.header[-1] == "Colour" and preview.mapping[-1] is None
    assert preview.mapping[:6] == list(HEADER.split(","))
    assert len(preview.rows) == 5 and preview.rows[0][0] == "A0"
    assert "unknown column 'Colour'" in preview.problem


# -- fuzzing --------------------------------------------------------------------------------

# Any character a text file can hold: lone surrogates (category Cs) cannot be written at all.
TEXT_CHARS = st.characters(blacklist_categories=("Cs",))
CELLS = st.one_of(
    st.sampled_from(
        [
            "", "Ava", "Ben Okafor", "2026-03-02", "2026-13-40", "hip_ir_deg",
            "adduction_drop_test", "foot_posture_index", "30", "-4", "12.5", "1e999", "nan",
            "NaN", "inf", "pass", "fail", "=1+2", "+SUM(A1)", "@cmd", "-x", "\t", "\r", "'", "in",
            "cm", "1", "999999999999999999999", "0.00000000001", "12,5", "ü", "\x00",
        ]
    ),
    st.text(alphabet=TEXT_CHARS, max_size=30),
    st.tuples(TEXT_CHARS, st.integers(9_990, 10_010)).map(lambda t: t[0] * t[1]),
)  # fmt: skip
_SIDES = {
    "hip_ir_deg": st.sampled_from(["", "0", "12", "33.5", "90", "95", "x"]),
    "foot_posture_index": st.sampled_from(["", "-12", "-3", "+4", "12", "2.5"]),
    "adduction_drop_test": st.sampled_from(["", "pass", "fail", "FAIL", "1"]),
}
VALID_ROW = st.sampled_from(sorted(_SIDES)).flatmap(
    lambda key: st.tuples(
        st.sampled_from(["Ava", "ava", "Ben Okafor", "=Chloé", "Dan"]),
        st.dates(dt.date(2020, 1, 1), dt.date(2026, 11, 25)).map(dt.date.isoformat),
        st.just(key),
        _SIDES[key],
        _SIDES[key],
        st.sampled_from(["", "note", "=cmd()", "'+1", "line\nbreak"]),
    ).map(list)
)
ROWS = st.lists(st.one_of(VALID_ROW, st.lists(CELLS, min_size=0, max_size=9)), max_size=12)


@given(
    rows=ROWS,
    with_header=st.booleans(),
    extra=st.sampled_from(["", ",unit", ",athlete_id", ",unit,athlete_id"]),
    separator=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "utf-16", "cp1252"]),
    line_end=st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_fuzzed_files_never_crash_and_never_write_partially(
    rows, with_header, extra, separator, encoding, line_end
):
    header = (HEADER + extra).replace(",", separator) if with_header else None
    _import_once(rows, header, separator, encoding, line_end)


@given(
    rows=st.lists(st.one_of(VALID_ROW, VALID_ROW, st.just([])), max_size=15),
    encoding=st.sampled_from(["utf-8", "utf-8-sig"]),
    line_end=st.sampled_from(["\n", "\r\n"]),
)
def test_fuzzed_plausible_files_import_whole_and_once(rows, encoding, line_end):
    _import_once(rows, HEADER, ",", encoding, line_end)


def _import_once(rows, header, separator, encoding, line_end):
    """Import a generated file into a fresh database: a result or a clean refusal, never a
    crash; a refusal writes nothing, a success adds exactly what it reports, and only once."""
    folder = Path(tempfile.mkdtemp())
    db = open_database(str(folder / "f.sqlite"), create=True)
    try:
        catalog = load_catalog(db)
        create_athlete(db, AthleteData(name="Ben Okafor"))
        lines = [header] if header is not None else []
        for cells in rows:
            lines.append(
                separator.join('"' + c.replace('"', '""') + '"' if i % 2 else c
                               for i, c in enumerate(cells))
            )  # fmt: skip
        try:
            raw = line_end.join(lines).encode(encoding)
        except UnicodeEncodeError:
            raw = line_end.join(lines).encode("utf-8")
        path = folder / "fuzz.csv"
        path.write_bytes(raw)
        before = counts(db)
        try:
            result = import_csv(db, catalog, path)
        except (ImportFileError, ImportRejected) as exc:
            event(type(exc).__name__)
            assert str(exc)
            if isinstance(exc, ImportRejected):
                assert exc.errors and all(e.line >= 2 for e in exc.errors)
            assert counts(db) == before
        else:
            event("imported" if result.measurements else "imported nothing")
            after = counts(db)
            assert after[2] - before[2] == result.measurements
            assert after[0] - before[0] == result.new_athletes
            again = import_csv(db, catalog, path)
            assert again.measurements == 0 and counts(db) == after
    finally:
        db.dispose()
        for f in folder.iterdir():
            os.unlink(f)
        folder.rmdir()


def test_postgresql_import_keeps_file_ids_and_later_ids_follow(tmp_path, pg_url):
    server = open_database(pg_url, create=True)
    try:
        catalog = load_catalog(server)
        path = write(
            tmp_path,
            f"{HEADER},athlete_id\nAnn,2026-03-02,hip_ir_deg,30,31.5,x,5\n"
            "Bob,2026-03-02,adduction_drop_test,pass,fail,,\n",
        )
        result = import_csv(server, catalog, path)
        assert (result.measurements, result.new_athletes) == (2, 2)
        values = stored(server)
        assert values[("Ann", dt.date(2026, 3, 2), "hip_ir_deg")][:3] == (30.0, 31.5, "x")
        assert import_csv(server, catalog, path).unchanged == 2
        with server.read() as s:
            ids = {name: i for name, i in s.execute(select(Athlete.name, Athlete.id))}
        assert ids["Ann"] == 5 and ids["Bob"] == 6
        assert create_athlete(server, AthleteData(name="Cy")).id == 7
    finally:
        server.dispose()


@pytest.mark.parametrize("id_first", [True, False])
def test_a_new_athlete_named_with_and_without_an_id_is_created_once(
    db, catalog, tmp_path, id_first
):
    with_id = "Zoe Park,2026-03-02,hip_ir_deg,30,31,,12\n"
    without = "Zoe Park,2026-03-09,hip_ir_deg,32,31,,\n"
    rows = with_id + without if id_first else without + with_id
    result = import_csv(db, catalog, write(tmp_path, f"{HEADER},athlete_id\n{rows}"))
    assert (result.new_athletes, result.measurements) == (1, 2)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Athlete)) == 1


def test_a_row_without_id_cannot_pick_between_two_new_athletes_of_its_name(db, catalog, tmp_path):
    path = write(
        tmp_path,
        f"{HEADER},athlete_id\n"
        "Sam Lee,2026-03-02,hip_ir_deg,30,31,,7\n"
        "Sam Lee,2026-03-02,hip_ir_deg,30,31,,8\n"
        "Sam Lee,2026-03-09,hip_ir_deg,30,31,,\n",
    )
    with pytest.raises(ImportRejected) as caught:
        import_csv(db, catalog, path)
    assert "give this row its athlete_id" in caught.value.errors[0].reason


def test_sessions_get_the_ids_and_rows_the_file_says_in_chunks(db, catalog, tmp_path, monkeypatch):
    """New sessions are inserted in bulk with the ids SQLite would give (issue 21): every
    measurement lands in its own athlete's session of that day and label, across chunks,
    after sessions already stored (and a deleted one), and a second import adds nothing."""
    from app.services.sessions import delete_session

    monkeypatch.setattr("app.services.csv_import.CHUNK", 7)  # many flushes, ids continued
    known = create_athlete(db, AthleteData(name="Kim Known"))
    hip = session_inputs(hip_ir_deg=(30, 31))
    kept = record_session(db, catalog, known.id, dt.date(2025, 1, 1), hip)
    gone = record_session(db, catalog, known.id, dt.date(2025, 1, 2), hip)
    delete_session(db, gone.id)
    lines = ["athlete,date,measurement,left,right,notes,session"]
    expected: dict[tuple[str, str, str, str], tuple[float, float]] = {}
    for a, name in enumerate(("Kim Known", "Lee New", "Mo New")):
        for d in range(4):
            day = f"2025-0{d + 2}-1{a}"
            for label in ("1", "2") if d == 3 else ("",):
                for k, key in enumerate(("hip_ir_deg", "hip_er_deg", "side_plank_s")):
                    left, right = 20 + a + d + k, 25 + a + d + k + (label == "2")
                    lines.append(f"{name},{day},{key},{left},{right},,{label}")
                    expected[(name, day, label, key)] = (float(left), float(right))
    path = write(tmp_path, "\n".join(lines) + "\n")
    result = import_csv(db, catalog, path)
    assert result.measurements == len(expected) and result.new_athletes == 2
    with db.read() as s:
        rows = s.execute(
            select(Athlete.name, Assessment.id, Assessment.date, Assessment.created_at,
                   Measurement.key, Measurement.left, Measurement.right)
            .join(Assessment, Assessment.athlete_id == Athlete.id)
            .join(Measurement, Measurement.assessment_id == Assessment.id)
            .where(Assessment.id != kept.id)
            .order_by(Assessment.id, Measurement.id)
        ).all()  # fmt: skip
    by_session: dict[int, set[tuple[str, str]]] = {}
    for name, sid, day, created, key, left, right in rows:
        assert created is not None
        by_session.setdefault(sid, set()).add((name, day.isoformat()))
        assert any(
            expected.get((name, day.isoformat(), label, key)) == (left, right)
            for label in ("", "1", "2")
        )
    assert all(len(owners) == 1 for owners in by_session.values())  # one athlete-day each
    assert len(by_session) == 3 * 5  # four days each, the last with two sessions
    assert min(by_session) > kept.id
    assert sorted(by_session) == list(range(min(by_session), min(by_session) + 15))
    again = import_csv(db, catalog, path)
    assert again.measurements == 0 and again.unchanged == len(expected)
