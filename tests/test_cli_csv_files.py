"""`untwist import` with hostile files and `untwist summary` with hostile names, as a user runs
them: real processes (each with a timeout, so a hang fails the test), real files and folders."""

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from app.domain.records import AthleteData
from app.models.db import open_database
from app.services.athletes import create_athlete
from app.services.catalog import load_catalog
from app.services.sessions import record_session
from tests.cli import untwist
from tests.conftest import session_inputs

HEADER = "athlete,date,measurement,left,right,notes"


def test_an_unclosed_quote_exits_1_on_its_line_and_writes_nothing(tmp_path):
    data = tmp_path / "m.csv"
    data.write_text(
        f"{HEADER}\nAva,2024-03-02,hip_ir_deg,24,40,ok\n"
        'Ava,2024-03-03,hip_ir_deg,24,40,"swallows the rest\n'
        "Ava,2024-03-04,hip_ir_deg,24,40,\nAva,2024-03-05,hip_ir_deg,24,40,\n"
    )
    db = tmp_path / "db.sqlite"
    result = untwist("import", data, "--db", db)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        "line 3: a quoted field opened on this line is not closed before the end of the file: "
        'a closing quote (") is missing',
        "untwist import: 1 invalid row; nothing was imported.",
    ]
    assert not db.exists()


def test_control_characters_and_dates_are_errors_of_their_rows_exit_1(tmp_path):
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    data = tmp_path / "m.csv"
    data.write_bytes(
        f"{HEADER}\nAva,2024-03-02,hip_ir_deg,24,40,a\x00b\n"
        f"Ava\x1b]0;owned\x07,2024-03-02,hip_er_deg,24,40,\n"
        f"Ava,{tomorrow.isoformat()},hip_ir_deg,24,40,\n"
        "Ava,1899-12-31,hip_ir_deg,24,40,\n".encode()
    )
    existing = tmp_path / "db.sqlite"
    assert untwist("demo", "--db", existing).returncode == 0
    result = untwist("import", data, "--db", existing)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "line 2: notes holds a control character (U+0000): remove it",
        "line 3: athlete holds a control character (U+001B): remove it",
        f"line 4: date is in the future ({tomorrow.isoformat()})",
        "line 5: date is before 1900-01-01 (1899-12-31)",
        "untwist import: 4 invalid rows; nothing was imported.",
    ]
    conn = sqlite3.connect(existing)
    try:
        assert conn.execute("SELECT COUNT(*) FROM athletes WHERE name = 'Ava'").fetchone() == (0,)
    finally:
        conn.close()


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.csv"
    os.mkfifo(path)
    return path


def _utf32(tmp_path: Path) -> Path:
    path = tmp_path / "wide.csv"
    path.write_bytes(f"{HEADER}\nAva,2024-03-02,hip_ir_deg,1,1,\n".encode("utf-32"))
    return path


def _text(content: bytes, name: str = "m.csv"):
    def make(tmp_path: Path) -> Path:
        path = tmp_path / name
        path.write_bytes(content)
        return path

    return make


REFUSALS = {
    "latin-1": (_text(f"{HEADER}\nZo\xe9,2024-03-02,hip_ir_deg,1,1,\n".encode("latin-1")), 2,
                "is not UTF-8 text (line 2)"),
    "late bad byte": (_text((f"{HEADER}\n" + "Ava,2024-03-02,hip_ir_deg,1,1,\n" * 9000).encode()
                            + b"Zo\xe9,2024-03-09,hip_ir_deg,1,1,\n"), 2, "(line 9002)"),
    "utf-16": (_text(f"{HEADER}\n".encode("utf-16")), 2, "is UTF-16 text"),
    "utf-32": (_utf32, 2, "is UTF-32 text"),
    "header": (_text(b"athlete,date\n"), 2, "missing columns"),
    "empty": (_text(b""), 2, "is empty"),
    "bad rows": (_text(f"{HEADER}\nAva,2024-03-02,hip_ir_deg,99,1,\n".encode()), 1,
                 "1 invalid row"),
    "unclosed quote": (_text(f'{HEADER}\nAva,2024-03-02,hip_ir_deg,1,1,"x\n'.encode()), 1,
                       "1 invalid row"),
    "fifo": (_fifo, 2, "is a named pipe, not a regular file"),
    "device": (lambda _: Path("/dev/zero"), 2, "is a device, not a regular file"),
    "json": (_text(b'{"format_version": 1, "athletes": 3}', "x.json"), 1,
             "is not an Untwist JSON export"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_a_refused_import_creates_no_database_and_no_folder(tmp_path, case):
    make, code, message = REFUSALS[case]
    source = tmp_path / "in"
    source.mkdir()
    data = make(source)
    out = tmp_path / "out"
    out.mkdir()
    db = out / "new" / "deeper" / "db.sqlite"
    result = untwist("import", data, "--db", db, timeout=60)  # a FIFO that blocks fails here
    assert result.returncode == code, result.stderr
    assert message in result.stderr
    # one line; refused rows are listed first, then the summary line
    assert len(result.stderr.splitlines()) == (2 if "invalid row" in message else 1)
    assert list(out.iterdir()) == []  # no database, no temporary file, no folder


def test_a_successful_import_creates_the_file_and_its_folders_privately(tmp_path):
    data = tmp_path / "m.csv"
    data.write_text(f"{HEADER}\nAva,2024-03-02,hip_ir_deg,24,40,\n")
    db = tmp_path / "new" / "db.sqlite"
    result = untwist("import", data, "--db", db)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in db.parent.iterdir()) == ["db.sqlite"]
    assert (db.stat().st_mode & 0o777, db.parent.stat().st_mode & 0o777) == (0o600, 0o700)
    assert untwist("summary", "--db", db, "--athlete", "Ava").returncode == 0


def test_utf32_is_called_utf32(tmp_path):
    result = untwist("import", _utf32(tmp_path), "--db", tmp_path / "db.sqlite")
    assert result.returncode == 2
    assert "is UTF-32 text; save it as UTF-8 CSV" in result.stderr
    assert "UTF-16" not in result.stderr


def test_summary_shows_control_characters_in_names_instead_of_sending_them(tmp_path):
    path = tmp_path / "db.sqlite"
    db = open_database(str(path), create=True)
    try:
        athlete = create_athlete(db, AthleteData(name="Placeholder"))
        record_session(
            db, load_catalog(db), athlete.id, dt.date(2024, 3, 2), session_inputs(hip_ir_deg=(1, 2))
        )
    finally:
        db.dispose()
    # A name from elsewhere (an old file, another program): what reaches a terminal matters.
    hostile = "Eve\x1b[2J\x1b]0;pwned\x07\u009b31m\u202eevil\r"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE athletes SET name = ?, dominant_side = ?", (hostile, "\x1b[5mleft"))
    conn.close()
    result = untwist("summary", "--db", path, "--athlete-id", athlete.id)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert not any((ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F for c in out)
    assert "\u202e" not in out
    assert out.splitlines()[0] == ("Eve\\x1b[2J\\x1b]0;pwned\\x07\\x9b31m\\u202eevil\\x0d (id 1)")
    assert "Dominant side: \\x1b[5mleft" in out
    assert untwist("summary", "--db", path, "--athlete-id", athlete.id).stdout == out
    missing = untwist("summary", "--db", path, "--athlete", "Eve\x1b[2J")
    assert missing.returncode == 2 and "\x1b" not in missing.stderr


def _sessions(path: Path) -> tuple[list[tuple], list[tuple]]:
    """Every measurement with its session's athlete and date (sessions in recorded order), and
    the number of sessions per athlete and day."""
    conn = sqlite3.connect(path)
    try:
        values = conn.execute(
            "SELECT a.name, s.date, m.key, m.left, m.right FROM measurements m "
            "JOIN assessments s ON s.id = m.assessment_id JOIN athletes a ON a.id = s.athlete_id "
            "ORDER BY a.name, s.date, s.id, m.key"
        ).fetchall()
        per_day = conn.execute(
            "SELECT athlete_id, date, COUNT(*) FROM assessments GROUP BY athlete_id, date "
            "ORDER BY 1, 2"
        ).fetchall()
        return values, per_day
    finally:
        conn.close()


def test_before_and_after_treatment_round_trip_through_csv(tmp_path):
    source = tmp_path / "clinic.sqlite"
    db = open_database(str(source), create=True)
    try:
        catalog = load_catalog(db)
        ava = create_athlete(db, AthleteData(name="Ava"))
        day = dt.date(2024, 3, 2)
        record_session(db, catalog, ava.id, day, session_inputs(hip_ir_deg=(24, 40)))
        record_session(db, catalog, ava.id, day, session_inputs(hip_ir_deg=(31, 39)))
    finally:
        db.dispose()
    data = tmp_path / "out.csv"
    assert untwist("export", "--db", source, "-o", data).returncode == 0
    assert data.read_text(encoding="utf-8-sig").splitlines()[0].endswith(",athlete_id,session")
    copy = tmp_path / "copy.sqlite"
    first = untwist("import", data, "--db", copy)
    assert first.stdout == "imported 2 measurements in 2 sessions for 1 athlete (1 new)\n"
    assert _sessions(copy) == _sessions(source)
    again = untwist("import", data, "--db", copy)
    assert again.stdout == "imported 0 measurements in 0 sessions for 0 athletes (0 new)\n"
    assert _sessions(copy) == _sessions(source)
