"""CSV import, the parsing and file layer (DOMAIN.md §6): quotes, control characters, dates,
encodings, what is read at all, and two sessions on one day. Real files, real databases."""

import datetime as dt
import os
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain.records import AthleteData
from app.models import Assessment, Athlete, Measurement
from app.models.db import Database, open_database
from app.services import csv_import as csv_import_module
from app.services.athletes import create_athlete
from app.services.catalog import load_catalog
from app.services.csv_export import export_csv
from app.services.csv_import import import_csv, read_preview
from app.services.interchange import ImportFileError, ImportRejected, file_format
from app.services.sessions import list_sessions, record_session
from tests.conftest import session_inputs

HEADER = "athlete,date,measurement,left,right,notes"


def write(folder: Path, content: str | bytes, name: str = "m.csv") -> Path:
    path = folder / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def counts(db) -> tuple[int, int, int]:
    with db.read() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(model))
            for model in (Athlete, Assessment, Measurement)
        )


@pytest.fixture
def sqlite_db(tmp_path: Path):
    """Parsing does not depend on the engine: one SQLite file is enough."""
    database = open_database(str(tmp_path / "p.sqlite"), create=True)
    yield database
    database.dispose()


def refused(db, path) -> dict[int, str]:
    with pytest.raises(ImportRejected) as caught:
        import_csv(db, load_catalog(db), path)
    assert counts(db) == (0, 0, 0)
    return {e.line: e.reason for e in caught.value.errors}


# -- 2. quotes ------------------------------------------------------------------------------


@pytest.mark.parametrize("line_end", ["\n", "\r\n", "\r"])
def test_an_unclosed_quote_is_an_error_where_it_opened_not_a_merged_row(
    sqlite_db, tmp_path, line_end
):
    rows = [
        HEADER,
        "Ava,2024-03-02,hip_ir_deg,24,40,fine",
        'Ava,2024-03-03,hip_ir_deg,24,40,"never closed',
        "Ava,2024-03-04,hip_ir_deg,24,40,",
        "Ava,2024-03-05,hip_ir_deg,24,40,",
    ]
    errors = refused(sqlite_db, write(tmp_path, line_end.join(rows) + line_end))
    assert list(errors) == [3]
    assert "not closed before the end of the file" in errors[3]


def test_the_open_quote_is_found_after_a_closed_multi_line_field(sqlite_db, tmp_path):
    text = (
        f"{HEADER},unit\n"
        'Ava,2024-03-02,hip_ir_deg,24,40,"two\nlines",deg\n'  # 2-3: closed, fine
        'Ava,2024-03-03,hip_ir_deg,24,40,"ok ""quoted""\nstill ok",\n'  # 4-5
        'Ava,2024-03-04,hip_er_deg,24,40,"also\nfine","\n'  # 6-7: unit opens on 7, never closes
        "Ava,2024-03-05,hip_ir_deg,24,40,,\n"
    )
    assert refused(sqlite_db, write(tmp_path, text)) == {
        7: "a quoted field opened on this line is not closed before the end of the file: "
        'a closing quote (") is missing'
    }


def test_a_quote_left_open_early_in_a_long_file_stops_at_the_field_limit(sqlite_db, tmp_path):
    rows = [f"A{i},2024-03-02,hip_ir_deg,30,31," for i in range(6000)]  # > 131072 characters
    text = "\n".join([HEADER, rows[0], 'Ben,2024-03-02,hip_ir_deg,1,2,"oops', *rows[1:]])
    errors = refused(sqlite_db, write(tmp_path, text + "\n"))
    assert list(errors) == [3]
    assert "runs on for more than 131,072 characters" in errors[3]


def test_text_after_a_closing_quote_is_an_error_of_its_row(sqlite_db, tmp_path):
    text = (
        f"{HEADER}\n"
        'Ava,2024-03-02,hip_ir_deg,24,40,"said "hi" then"\n'
        'Ava,2024-03-03,hip_ir_deg,24,40,"x" ,\n'
        "Ava,2024-03-04,hip_ir_deg,24,40,5 \"inch\" mark\n"  # a quote inside a plain field
    )
    errors = refused(sqlite_db, write(tmp_path, text))
    assert sorted(errors) == [2, 3]
    assert all("closing quote" in reason and '("")' in reason for reason in errors.values())


def test_a_well_quoted_file_still_imports(sqlite_db, tmp_path):
    text = (
        f"\ufeff{HEADER}\r\n"
        '"Lindqvist, Ava",2024-03-02,hip_ir_deg,"24","40","said ""tight"",\r\nthen\tbetter"\r\n'
        'Ava,2024-03-03,hip_ir_deg,24,40,5 "inch" mark\r\n'
    )
    result = import_csv(sqlite_db, load_catalog(sqlite_db), write(tmp_path, text))
    assert result.measurements == 2
    with sqlite_db.read() as s:
        notes = set(s.scalars(select(Measurement.notes)))
    assert notes == {'said "tight",\r\nthen\tbetter', '5 "inch" mark'}


def test_the_preview_names_the_unclosed_quote(tmp_path):
    path = write(tmp_path, f'{HEADER}\nAva,2024-03-02,hip_ir_deg,1,2,"open\n')
    assert read_preview(path).problem == (
        "line 2: a quoted field opened on this line is not closed before the end of the file: "
        'a closing quote (") is missing.'
    )


# -- control characters -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "column", "code"),
    [
        ("Ava,2024-03-02,hip_ir_deg,24,40,a\x00b,", "notes", "U+0000"),
        ("Ava\x1b[2J,2024-03-02,hip_ir_deg,24,40,,", "athlete", "U+001B"),
        ("Ava,2024-03-02,hip_ir_deg,24\x07,40,,", "left", "U+0007"),
        ("Ava,2024-03-02\x0b,hip_ir_deg,24,40,,", "date", "U+000B"),
        ("Ava,2024-03-02,hip_ir_deg,24,40,\x7f,", "notes", "U+007F"),
        ("Ava,2024-03-02,hip_ir_deg,24,40,\u009b31m,", "notes", "U+009B"),
        ("Ava,2024-03-02,hip_ir_deg,24,40,,\x0c", "unit", "U+000C"),
    ],
)
def test_a_control_character_in_any_field_is_an_error_of_its_row(
    sqlite_db, tmp_path, row, column, code
):
    text = f"{HEADER},unit\nAva,2024-03-01,hip_ir_deg,24,40,,\n{row}\n"
    errors = refused(sqlite_db, write(tmp_path, text))
    assert errors == {3: f"{column} holds a control character ({code}): remove it"}


def test_tab_and_line_breaks_are_whitespace_not_control_characters(sqlite_db, tmp_path):
    text = f'{HEADER}\n"Ava\tLind",2024-03-02,hip_ir_deg,"24\n",40,"one\ttwo\r\nthree\rfour"\n'
    assert import_csv(sqlite_db, load_catalog(sqlite_db), write(tmp_path, text)).measurements == 1
    with sqlite_db.read() as s:
        assert s.scalar(select(Athlete.name)) == "Ava Lind"
        assert s.scalar(select(Measurement.notes)) == "one\ttwo\r\nthree\rfour"


# -- dates ----------------------------------------------------------------------------------


def test_a_date_after_today_or_before_1900_is_an_error(sqlite_db, tmp_path):
    today = dt.date.today()
    text = (
        f"{HEADER}\n"
        f"Ava,{today.isoformat()},hip_ir_deg,24,40,\n"
        f"Ava,{(today + dt.timedelta(days=1)).isoformat()},hip_ir_deg,24,40,\n"
        "Ava,9999-12-31,hip_er_deg,24,40,\n"
        "Ava,1899-12-31,hip_ir_deg,24,40,\n"
        "Ava,0001-01-01,hip_er_deg,24,40,\n"
        "Ava,1900-01-01,hip_ir_deg,24,40,\n"
    )
    assert refused(sqlite_db, write(tmp_path, text)) == {
        3: f"date is in the future ({(today + dt.timedelta(days=1)).isoformat()})",
        4: "date is in the future (9999-12-31)",
        5: "date is before 1900-01-01 (1899-12-31)",
        6: "date is before 1900-01-01 (0001-01-01)",
    }


# -- encodings and what is read at all -----------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "name"),
    [
        ("utf-32", "UTF-32"),
        ("utf-32-le", "UTF-32"),
        ("utf-32-be", "UTF-32"),
        ("utf-16", "UTF-16"),
        ("utf-16-le", "UTF-16"),
        ("utf-16-be", "UTF-16"),
    ],
)
def test_utf16_and_utf32_are_named_for_what_they_are(sqlite_db, tmp_path, encoding, name):
    path = write(tmp_path, f"{HEADER}\nAva,2024-03-02,hip_ir_deg,30,31,\n".encode(encoding))
    with pytest.raises(ImportFileError, match=f"is {name} text; save it as UTF-8") as caught:
        import_csv(sqlite_db, load_catalog(sqlite_db), path)
    assert ("UTF-16" if name == "UTF-32" else "UTF-32") not in str(caught.value)
    assert read_preview(path).problem == str(caught.value)
    assert counts(sqlite_db) == (0, 0, 0)


def _within(seconds: float, call):
    """Run ``call`` in a thread: its result or exception, or a failure if it is still blocked."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as exc:  # handed to the test
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    return worker, outcome


def test_pipes_and_devices_are_refused_without_reading(sqlite_db, tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    # The pipe has a writer (this test) that sent a header and never closes: a reader that
    # does not refuse it blocks. The call runs in a thread with a time limit, and closing the
    # writer afterwards ends any blocked read, so a regression fails instead of hanging.
    guard = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
    try:
        os.write(guard, f"{HEADER}\n".encode())
        catalog = load_catalog(sqlite_db)
        for path, kind in ((fifo, "named pipe"), (Path("/dev/zero"), "device")):
            worker, outcome = _within(20, lambda p=path: import_csv(sqlite_db, catalog, p))
            assert not worker.is_alive(), f"reading {path} blocked"
            assert isinstance(outcome[0], ImportFileError), outcome
            assert f"is a {kind}, not a regular file" in str(outcome[0])
            worker, outcome = _within(20, lambda p=path: (read_preview(p), file_format(p)))
            assert not worker.is_alive(), f"previewing {path} blocked"
            preview, kind_of_file = outcome[0]
            assert preview.problem.endswith("save the data to a file and import that.")
            assert kind_of_file == "csv"
    finally:
        os.close(guard)
    assert counts(sqlite_db) == (0, 0, 0)


def test_reading_is_bounded_even_when_the_size_looked_fine(sqlite_db, tmp_path, monkeypatch):
    """A file that grows after it was checked (or says size 0, like /proc files) is still read
    only up to the limit, and the message names it."""
    rows = [f"A{i},2024-03-02,hip_ir_deg,30,31," for i in range(200)]
    path = write(tmp_path, "\n".join([HEADER, *rows]) + "\n")
    monkeypatch.setattr(csv_import_module, "MAX_IMPORT_BYTES", 2000)  # as read, not as stat'd
    too_large = r"m.csv is too large; files up to \d+ MB can be imported"
    with pytest.raises(ImportFileError, match=too_large):
        import_csv(sqlite_db, load_catalog(sqlite_db), path)
    assert counts(sqlite_db) == (0, 0, 0)


def test_one_endless_line_is_refused_without_holding_it(sqlite_db, tmp_path):
    path = tmp_path / "one-line.csv"
    with path.open("wb") as fh:
        fh.write(f"{HEADER}\n".encode())
        fh.write(b"x" * (3 * 1024 * 1024))
    with pytest.raises(ImportFileError, match="line 2 is longer than 1 MB"):
        import_csv(sqlite_db, load_catalog(sqlite_db), path)


def test_a_large_file_with_lines_ended_by_cr_alone_still_imports(sqlite_db, tmp_path):
    rows = [f"Athlete {i:05d},2024-03-02,hip_ir_deg,30,31,old mac" for i in range(60_000)]
    text = "\r".join([HEADER, *rows]) + "\r"
    assert len(text) > 2 * 1024 * 1024  # more than one bounded read
    result = import_csv(sqlite_db, load_catalog(sqlite_db), write(tmp_path, text))
    assert result.measurements == 60_000


# -- 9. two sessions on one day --------------------------------------------------------------


def two_sessions_on_one_day(db: Database) -> int:
    """Ava: before and after treatment on 2024-03-02, plus one session a week later."""
    catalog = load_catalog(db)
    ava = create_athlete(db, AthleteData(name="Ava Lindqvist"))
    day = dt.date(2024, 3, 2)
    before = session_inputs(hip_ir_deg=(24, 40), hip_er_deg=(40, 31))
    record_session(db, catalog, ava.id, day, before)
    record_session(db, catalog, ava.id, day, session_inputs(hip_ir_deg=(30, 39)), notes="after")
    record_session(db, catalog, ava.id, dt.date(2024, 3, 9), session_inputs(hip_ir_deg=(33, 38)))
    ben = create_athlete(db, AthleteData(name="Ben Okafor"))
    record_session(db, catalog, ben.id, day, session_inputs(hip_ir_deg=(35, 36)))
    return ava.id


def sessions_of(db: Database) -> list[tuple[str, dt.date, tuple]]:
    """Every session as (athlete, date, its measurements), in the order they were recorded."""
    with db.read() as s:
        athletes = dict(s.execute(select(Athlete.id, Athlete.name)).all())
        ids = {a: i for i, a in athletes.items()}
    found = []
    for name in sorted(ids):
        for session in sorted(list_sessions(db, ids[name]), key=lambda x: x.id):
            values = tuple(sorted((m.key, m.left, m.right) for m in session.measurements))
            found.append((name, session.date, values))
    return found


def test_two_sessions_on_one_day_export_and_import_into_the_same_sessions(db, tmp_path):
    two_sessions_on_one_day(db)
    path = tmp_path / "out.csv"
    export_csv(db, load_catalog(db), path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == f"{HEADER},unit,athlete_id,session"
    assert lines[1:] == [
        "Ava Lindqvist,2024-03-02,hip_ir_deg,24,40,,deg,1,1",
        "Ava Lindqvist,2024-03-02,hip_er_deg,40,31,,deg,1,1",
        "Ava Lindqvist,2024-03-02,hip_ir_deg,30,39,,deg,1,2",
        "Ava Lindqvist,2024-03-09,hip_ir_deg,33,38,,deg,1,",
        "Ben Okafor,2024-03-02,hip_ir_deg,35,36,,deg,2,",
    ]
    target = open_database(str(tmp_path / "copy.sqlite"), create=True)
    try:
        first = import_csv(target, load_catalog(target), path)
        assert (first.measurements, first.sessions) == (5, 4)
        assert sessions_of(target) == sessions_of(db)
        again = import_csv(target, load_catalog(target), path)
        assert (again.measurements, again.unchanged) == (0, 5)
        assert sessions_of(target) == sessions_of(db)
    finally:
        target.dispose()
    back = import_csv(db, load_catalog(db), path)  # into the database it came from
    assert (back.measurements, back.unchanged) == (0, 5)


def test_without_two_sessions_on_a_day_the_export_keeps_its_columns(sqlite_db, tmp_path):
    catalog = load_catalog(sqlite_db)
    ava = create_athlete(sqlite_db, AthleteData(name="Ava"))
    day = dt.date(2024, 3, 2)
    record_session(sqlite_db, catalog, ava.id, day, session_inputs(hip_ir_deg=(1, 2)))
    path = tmp_path / "plain.csv"
    export_csv(sqlite_db, catalog, path)
    assert path.read_text(encoding="utf-8-sig").splitlines() == [
        f"{HEADER},unit,athlete_id",
        "Ava,2024-03-02,hip_ir_deg,1,2,,deg,1",
    ]


def test_session_labels_tell_the_sessions_of_a_day_apart(db, tmp_path):
    text = (
        f"{HEADER},session\n"
        "Ava,2024-03-02,hip_ir_deg,24,40,,AM\n"
        "Ava,2024-03-02,hip_ir_deg,30,39,, pm \n"
        "Ava,2024-03-02,hip_er_deg,40,31,,am\n"
        "Ava,2024-03-09,hip_ir_deg,33,38,,\n"
    )
    path = write(tmp_path, text)
    result = import_csv(db, load_catalog(db), path)
    assert (result.measurements, result.sessions) == (4, 3)
    assert sessions_of(db) == [
        ("Ava", dt.date(2024, 3, 2), (("hip_er_deg", 40, 31), ("hip_ir_deg", 24, 40))),
        ("Ava", dt.date(2024, 3, 2), (("hip_ir_deg", 30, 39),)),
        ("Ava", dt.date(2024, 3, 9), (("hip_ir_deg", 33, 38),)),
    ]
    assert import_csv(db, load_catalog(db), path).measurements == 0
    assert counts(db) == (1, 3, 4)


def test_one_measurement_twice_in_one_labelled_session_is_an_error(sqlite_db, tmp_path):
    text = (
        f"{HEADER},session\n"
        "Ava,2024-03-02,hip_ir_deg,24,40,,am\n"
        "Ava,2024-03-02,hip_ir_deg,25,40,,AM\n"
        f"Ava,2024-03-02,hip_er_deg,25,40,,{'x' * 21}\n"
    )
    errors = refused(sqlite_db, write(tmp_path, text))
    assert errors[3] == "hip_ir_deg for Ava on 2024-03-02 (session 'am') is already on line 2"
    assert errors[4] == "the session label is longer than 20 characters"


def test_a_day_with_two_stored_sessions_needs_labels_to_add_to_it(db, tmp_path):
    two_sessions_on_one_day(db)
    before = counts(db)
    unchanged = write(tmp_path, f"{HEADER}\nAva Lindqvist,2024-03-02,hip_ir_deg,24,40,\n", "u.csv")
    assert import_csv(db, load_catalog(db), unchanged).unchanged == 1  # nothing to decide
    adding = write(
        tmp_path,
        f"{HEADER}\nAva Lindqvist,2024-03-09,hip_er_deg,41,42,\n"
        "Ava Lindqvist,2024-03-02,thoracic_rot_deg,50,51,\n",
        "a.csv",
    )
    with pytest.raises(ImportRejected) as caught:
        import_csv(db, load_catalog(db), adding)
    assert [str(e) for e in caught.value.errors] == [
        "line 3: Ava Lindqvist has 2 sessions on 2024-03-02 in this database and this file "
        "gives 1: tell them apart with a session column (a label per session, in the order "
        "they were recorded)"
    ]
    assert counts(db) == before
    labelled = write(
        tmp_path,
        f"{HEADER},session\nAva Lindqvist,2024-03-02,hip_ir_deg,24,40,,before\n"
        "Ava Lindqvist,2024-03-02,thoracic_rot_deg,50,51,,after\n",
        "l.csv",
    )
    assert import_csv(db, load_catalog(db), labelled).measurements == 1
    day = [s for s in sessions_of(db) if s[1] == dt.date(2024, 3, 2) and s[0] == "Ava Lindqvist"]
    assert day[1][2] == (("hip_ir_deg", 30, 39), ("thoracic_rot_deg", 50, 51))


def test_a_control_character_is_found_in_lines_ended_by_cr_alone(sqlite_db, tmp_path):
    text = f"{HEADER}\rAva,2024-03-02,hip_ir_deg,24,40,\rAva,2024-03-03,hip_ir_deg,24,40,\x1b\r"
    assert refused(sqlite_db, write(tmp_path, text)) == {
        3: "notes holds a control character (U+001B): remove it"
    }


def test_the_preview_knows_the_session_column(tmp_path):
    text = f"{HEADER},unit,athlete_id,session\nAva,2024-03-02,hip_ir_deg,1,2,,,,am\n"
    path = write(tmp_path, text)
    preview = read_preview(path)
    assert preview.problem is None
    assert preview.mapping[-1] == "session" and preview.rows[0][-1] == "am"
