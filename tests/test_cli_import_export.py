"""`untwist import` / `untwist export` run as a user runs them: real processes, real files."""

import csv
import json
import sqlite3

import pytest

from tests.cli import untwist

HEADER = "athlete,date,measurement,left,right,notes"


def measurements(db_path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT COUNT(*) FROM measurements").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-io") / "demo.sqlite"
    assert untwist("demo", "--db", path).returncode == 0
    return path


def test_import_creates_the_database_and_prints_one_count_line(tmp_path):
    data = tmp_path / "m.csv"
    data.write_text(
        f"{HEADER}\nAva,2026-03-02,hip_ir_deg,24,40,\nAva,2026-03-02,hip_er_deg,40,31,\n"
        "Ben,2026-03-09,hip_ir_deg,30,31,\n"
    )
    db = tmp_path / "new.sqlite"
    result = untwist("import", data, "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "imported 3 measurements in 2 sessions for 2 athletes (2 new)\n"
    again = untwist("import", data, "--db", db)
    assert again.returncode == 0
    assert again.stdout == "imported 0 measurements in 0 sessions for 0 athletes (0 new)\n"
    assert measurements(db) == 3


def test_invalid_rows_exit_1_listing_every_line_and_write_nothing(tmp_path):
    data = tmp_path / "m.csv"
    data.write_text(
        f"{HEADER}\nAva,2026-03-02,hip_ir_deg,24,40,\nAva,2026-03-02,hip_ir_deg,99,40,\n"
        "Ava,2026-03-40,hip_er_deg,40,31,\nAva,2026-03-09,hip_er_deg,40,31,\n"
    )
    db = tmp_path / "db.sqlite"
    result = untwist("import", data, "--db", db)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "line 3: left: Hip IR: 99 is outside 0 to 90 deg"
    assert lines[1] == "line 4: date '2026-03-40' does not exist"
    assert lines[2] == "untwist import: 2 invalid rows; nothing was imported."
    assert result.stdout == ""
    assert not db.exists()  # a refused import leaves no database behind


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"athlete,date,measurement,left,right\n", "missing column notes"),
        (f"{HEADER}\nZo\xe9,2026-03-02,hip_ir_deg,1,1,\n".encode("latin-1"), "not UTF-8"),
        (None, "no such file"),
        ("big", "too large"),
    ],
)
def test_file_problems_exit_2_with_one_line_and_create_no_database(tmp_path, content, message):
    data = tmp_path / "m.csv"
    if content == "big":
        with data.open("wb") as fh:
            fh.truncate(200 * 1024 * 1024 + 1)
    elif content is not None:
        data.write_bytes(content)
    db = tmp_path / "never.sqlite"
    result = untwist("import", data, "--db", db)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr
    assert not db.exists()


def test_merge_is_for_json_only(tmp_path):
    data = tmp_path / "m.csv"
    data.write_text(f"{HEADER}\n")
    result = untwist("import", data, "--db", tmp_path / "db.sqlite", "--merge")
    assert result.returncode == 2 and "--merge is for JSON" in result.stderr


def test_export_csv_all_and_one_athlete(demo_db, tmp_path):
    out = tmp_path / "all.csv"
    result = untwist("export", "--db", demo_db, "--format", "csv", "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("exported ") and str(out) not in result.stdout
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == [*HEADER.split(","), "unit", "athlete_id"]
    assert len(rows) - 1 == measurements(demo_db)
    one = tmp_path / "ben.csv"
    result = untwist("export", "--db", demo_db, "-o", one, "--athlete", "Ben Okafor")
    assert result.returncode == 0, result.stderr
    with one.open(encoding="utf-8-sig", newline="") as fh:
        names = {row[0] for row in list(csv.reader(fh))[1:]}
    assert names == {"Ben Okafor"}


def test_export_of_a_missing_database_exits_2_and_creates_nothing(tmp_path):
    db = tmp_path / "missing.sqlite"
    result = untwist("export", "--db", db, "--format", "csv", "-o", tmp_path / "x.csv")
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    assert not db.exists() and not (tmp_path / "x.csv").exists()


def test_export_of_an_ambiguous_name_lists_the_ids(tmp_path):
    data = tmp_path / "m.csv"
    data.write_text(
        f"{HEADER},athlete_id\nSam,2026-03-02,hip_ir_deg,1,1,,5\nSam,2026-03-02,hip_ir_deg,2,2,,6\n"
    )
    db = tmp_path / "db.sqlite"
    assert untwist("import", data, "--db", db).returncode == 0
    result = untwist("export", "--db", db, "-o", tmp_path / "x.csv", "--athlete", "Sam")
    assert result.returncode == 2 and "ids 5, 6" in result.stderr
    ok = untwist("export", "--db", db, "-o", tmp_path / "x.csv", "--athlete-id", "6")
    assert ok.returncode == 0 and ok.stdout == "exported 1 measurement for 1 athlete\n"


def test_json_export_import_and_merge(demo_db, tmp_path):
    out = tmp_path / "all.json"
    result = untwist("export", "--db", demo_db, "--format", "json", "-o", out)
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text())["format_version"] == 4
    copy = tmp_path / "copy.sqlite"
    first = untwist("import", out, "--db", copy)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("imported 3 athletes, 42 sessions")
    assert measurements(copy) == measurements(demo_db)
    refused = untwist("import", out, "--db", copy)
    assert refused.returncode == 2 and "--merge" in refused.stderr
    merged = untwist("import", out, "--db", copy, "--merge")
    assert merged.returncode == 0
    assert (
        merged.stdout == "merged 0 athletes, 0 sessions, 0 measurements, 0 programs; 0 conflicts\n"
    )
    athlete_json = untwist("export", "--db", demo_db, "-o", out, "--athlete", "Ben Okafor")
    assert athlete_json.returncode == 2 and "--athlete is for CSV" in athlete_json.stderr
