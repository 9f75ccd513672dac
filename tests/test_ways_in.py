"""Every way data gets in runs the same domain checks (issue 16, points 3, 7, 8, 10).

Real files and real ``untwist`` processes: a JSON file that would leave the database unusable,
or that PostgreSQL would refuse, is refused with plain lines (exit 1, no traceback) and the
database keeps every byte; ``db copy`` of an SQLite file holding what PostgreSQL refuses stops
before the server sees a row. The values a form sends go through the same rules.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import sqlite3
import subprocess
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import Athlete
from app.models.db import open_database
from app.services.json_io import holds_no_user_data
from tests.cli import untwist


def digest(path: Path) -> str:
    """The database's bytes, its WAL included (a refused import writes neither)."""
    h = hashlib.sha256()
    for part in (path, path.with_name(path.name + "-wal")):
        if part.exists():
            h.update(part.read_bytes())
    return h.hexdigest()


def refused_cleanly(result: subprocess.CompletedProcess[str], code: int = 1) -> list[str]:
    """No traceback, nothing on stdout, the exit code; returns stderr's lines."""
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == code, (result.returncode, result.stderr[-2000:])
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines and all(line.strip() for line in lines)
    return lines


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, dict]:
    """The demo database and its JSON export, plus a custom measurement, drill and settings."""
    folder = tmp_path_factory.mktemp("ways-in")
    db, out = folder / "demo.sqlite", folder / "demo.json"
    assert untwist("demo", "--db", db).returncode == 0
    assert untwist("export", "--db", db, "-o", out).returncode == 0
    return db, json.loads(out.read_text(encoding="utf-8"))


def write(tmp_path: Path, document: object, name: str = "in.json") -> Path:
    path = tmp_path / name
    text = document if isinstance(document, str) else json.dumps(document, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def empty_db(tmp_path: Path) -> Path:
    """A new database with nothing in it yet (what a full import needs)."""
    path = tmp_path / "target.sqlite"
    open_database(str(path), create=True).dispose()
    return path


def table(document: dict, name: str) -> list[dict]:
    return document["tables"][name]


# -- point 3: one bad entry no longer leaves a database nothing can read -------------------------


def _custom(kind: str = "number", low: float = 0, high: float = 100) -> dict:
    return {
        "id": 1, "key": "grip_kg", "name": "Grip", "unit": "kg", "kind": kind, "rule": "diff",
        "min": low, "max": high, "threshold": 5.0, "strict": False, "mdc": None,
        "result": "mean", "higher": "better", "protocol": None, "retired": False, "version": 1,
    }  # fmt: skip


LIST_UNIT_DOSAGE = (
    '{"sets": "3", "amount": "5", "unit": ["reps"], "each_side": false, "per_week": 3}'
)

def _first(document: dict, name: str, **values: object) -> dict:
    table(document, name)[0].update(values)
    return document


def _same_position(document: dict) -> dict:
    """The second drill of the first program moved onto the first one's position."""
    items = table(document, "program_items")
    first = items[0]
    second = next(i for i in items[1:] if i["program_id"] == first["program_id"])
    second["position"] = first["position"]
    return document


MUTATIONS = {
    "custom measurement of kind 'weird'": (
        lambda d: table(d, "measurement_definitions").append(_custom(kind="weird")) or d,
        "kind",
    ),
    "custom measurement with min > max": (
        lambda d: table(d, "measurement_definitions").append(_custom(low=50, high=10)) or d,
        "min must be below max",
    ),
    "garbage drill dosage": (
        lambda d: _first(d, "drills", dosage='{"sets": [1], "reps": "lots"}'),
        "dosage",
    ),
    "a dosage unit that is a list": (
        lambda d: _first(d, "program_items", dosage=LIST_UNIT_DOSAGE),
        "unit must be one of",
    ),
    "pain 99": (lambda d: _first(d, "measurements", pain_left=99), "pain_left 99"),
    "dominant side 'up'": (lambda d: _first(d, "athletes", dominant_side="up"), "'up'"),
    "paper of the wrong type": (
        lambda d: table(d, "settings").append({"key": "paper", "value": "5", "version": 1}) or d,
        "setting paper",
    ),
    "thresholds that are text": (
        lambda d: table(d, "settings").append(
            {"key": "thresholds", "value": '{"hip_ir_deg": "x"}', "version": 1}
        )
        or d,
        "setting thresholds",
    ),
    "an LSI threshold of 200 %": (
        lambda d: table(d, "settings").append(
            {"key": "thresholds", "value": '{"single_hop_cm": 200}', "version": 1}
        )
        or d,
        "outside 0.1 to 99.9",
    ),
    "a program reason of 5,000 characters": (
        lambda d: _first(d, "programs", reasons=json.dumps(["x" * 5000])),
        "reasons: an item",
    ),
    "two drills at one position": (
        lambda d: _same_position(d),
        "two drills at position",
    ),
    "picture bytes that are no picture": (
        lambda d: _first(d, "drills", image="AAECAwQFBgc=", image_type="png"),
        "the picture",
    ),
    "session in year 9999": (lambda d: _first(d, "assessments", date="9999-12-31"), "future"),
    "birth date in year 0001": (lambda d: _first(d, "athletes", birth_date="0001-01-01"), "1900"),
}
# 1e400 is a change of the text, not of a value: see test_huge_and_deep_json_is_one_line...


@pytest.mark.parametrize("merge", [False, True], ids=["import", "merge"])
@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_a_json_entry_the_forms_would_refuse_is_refused_and_nothing_changes(
    demo, tmp_path, mutation, merge
):
    source, document = demo
    change, message = MUTATIONS[mutation]
    path = write(tmp_path, change(copy.deepcopy(document)))
    target = tmp_path / "merge.sqlite"
    if merge:
        target.write_bytes(source.read_bytes())
    else:
        target = empty_db(tmp_path)
    before = digest(target)
    lines = refused_cleanly(untwist("import", path, "--db", target, *(["--merge"] * merge)))
    assert lines[-1].startswith("untwist import: ") and "nothing was imported" in lines[-1]
    assert any(message in line for line in lines[:-1]), lines
    assert digest(target) == before
    if merge:  # still readable by every command
        summary = untwist("summary", "--db", target, "--athlete", "Ava Lindqvist")
        assert summary.returncode == 0, summary.stderr


def test_a_custom_measurement_imported_whole_keeps_the_database_usable(demo, tmp_path):
    """The valid counterpart: a clinic's own measurement and its values import and read back."""
    _, document = demo
    document = copy.deepcopy(document)
    table(document, "measurement_definitions").append(_custom())
    first = table(document, "measurements")[0]
    table(document, "measurements").append(
        {**first, "id": 99999, "key": "grip_kg", "left_1": 40.0, "left_2": None, "left_3": None,
         "right_1": 38.0, "right_2": None, "right_3": None, "left": 40.0, "right": 38.0}
    )  # fmt: skip
    target = empty_db(tmp_path)
    result = untwist("import", write(tmp_path, document), "--db", target)
    assert result.returncode == 0, result.stderr
    for args in (
        ("summary", "--athlete", "Ava Lindqvist"),
        ("export", "-o", tmp_path / "again.json"),
        ("report", "--athlete", "Ava Lindqvist", "-o", tmp_path / "ava.pdf"),
    ):
        ran = untwist(*args, "--db", target)
        assert ran.returncode == 0, (args, ran.stderr)


def test_settings_that_name_paths_are_never_taken_from_a_file(demo, tmp_path):
    _, document = demo
    document = copy.deepcopy(document)
    elsewhere = json.dumps(str(tmp_path / "their-folder"))
    table(document, "settings").extend(
        [
            {"key": "backup_folder", "value": elsewhere, "version": 1},
            {"key": "clinic_name", "value": '"Their clinic"', "version": 1},
        ]
    )
    path = write(tmp_path, document)
    target = empty_db(tmp_path)
    mine = json.dumps(str(tmp_path / "my-backups"))
    with sqlite3.connect(target) as conn:
        conn.execute("INSERT INTO settings (key, value, version) VALUES ('backup_folder', ?, 1)",
                     (mine,))  # fmt: skip
    conn.close()
    assert untwist("import", path, "--db", target).returncode == 0
    merged = tmp_path / "merged.sqlite"
    merged.write_bytes(demo[0].read_bytes())
    assert untwist("import", path, "--db", merged, "--merge").returncode == 0
    for db, expected in ((target, {"backup_folder": mine}), (merged, {})):
        with sqlite3.connect(db) as conn:
            rows = dict(conn.execute("SELECT key, value FROM settings"))
        conn.close()
        assert rows.get("clinic_name") == '"Their clinic"'  # other settings do come in
        assert {k: v for k, v in rows.items() if k == "backup_folder"} == expected


# -- point 7 (JSON): one line and exit 1 for a file nobody could import ---------------------------


def test_huge_and_deep_json_is_one_line_and_exit_1(demo, tmp_path):
    source, document = demo
    text = json.dumps(document)
    cases = {
        "nested 100,000 deep": "[" * 100_000 + "]" * 100_000,
        "an integer of 400 digits": text.replace('"id": 1,', '"id": ' + "9" * 400 + ",", 1),
        "a float beyond double": text.replace('"leg_length_left_cm": 88.5', '"leg_length_left_cm": 1e400', 1),  # noqa: E501
        "a field given twice": text.replace('"id": 1,', '"id": 1, "id": 2,', 1),
        "top-level garbage": "[1, 2, 3]",
        "a string": '"untwist"',
        "tables not an object": '{"format": "untwist", "format_version": 1, "tables": []}',
        "a table not a list": '{"format": "untwist", "format_version": 1, "tables": {"athletes": 5}}',  # noqa: E501
        "half a file": text[: len(text) // 2],
    }
    target = tmp_path / "t.sqlite"
    target.write_bytes(source.read_bytes())
    before = digest(target)
    for what, content in cases.items():
        path = write(tmp_path, content, "case.json")
        lines = refused_cleanly(untwist("import", path, "--db", target, "--merge"))
        assert len(lines) == 1, (what, lines)
        assert lines[0].startswith("untwist import: "), (what, lines)
        assert len(lines[0]) < 400, (what, lines[0])
    assert digest(target) == before


def test_duplicate_drill_keys_and_measurements_are_row_errors(demo, tmp_path):
    _, document = demo
    document = copy.deepcopy(document)
    drills = table(document, "drills")
    drills.append({**drills[0], "id": 900})  # the same key twice
    measurements = table(document, "measurements")
    measurements.append({**measurements[0], "id": 900_000})  # same session, same measurement
    target = empty_db(tmp_path)
    before = digest(target)
    lines = refused_cleanly(untwist("import", write(tmp_path, document), "--db", target))
    assert f"drills row {len(drills)}: key {drills[0]['key']!r} repeats" in lines
    assert any(line.startswith(f"measurements row {len(measurements)}: assessment_id 1 and key")
               for line in lines)  # fmt: skip
    assert lines[-1] == "untwist import: 2 invalid rows; nothing was imported."
    assert digest(target) == before


# -- point 8: the same limits on both engines ---------------------------------------------------


HOSTILE = {
    "a NUL in the notes": "UPDATE athletes SET notes = 'before' || char(0) || 'after' WHERE id = 1",
    "an id above 2**31-1": f"UPDATE athletes SET id = {2**31 + 5} WHERE id = 3",
    "a sport of 101 characters": f"UPDATE athletes SET sport = '{'x' * 101}' WHERE id = 2",
}


@pytest.fixture
def hostile_file(demo, tmp_path, request) -> Path:
    """A demo file that SQLite holds but PostgreSQL would refuse (made with SQL, as an old
    version or another program could have)."""
    path = tmp_path / "hostile.sqlite"
    path.write_bytes(demo[0].read_bytes())
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        if "id above" in request.param:
            for child in ("assessments", "programs"):
                conn.execute(f"UPDATE {child} SET athlete_id = {2**31 + 5} WHERE athlete_id = 3")
        conn.execute(HOSTILE[request.param])
    conn.close()
    return path


@pytest.mark.parametrize("hostile_file", sorted(HOSTILE), indirect=True)
def test_db_copy_of_what_postgresql_refuses_stops_before_the_server_sees_it(
    hostile_file, pg_url, tmp_path
):
    lines = refused_cleanly(untwist("db", "copy", "--from", hostile_file, "--to", pg_url))
    assert len(lines) == 1 and "Nothing was copied" in lines[0], lines
    server = open_database(pg_url, create=False)
    try:  # as the copy found it: created, holding what a new database holds, nothing else
        with server.read() as session:
            assert holds_no_user_data(session.connection())
            assert session.scalar(select(func.count()).select_from(Athlete)) == 0
    finally:
        server.dispose()


@pytest.mark.parametrize("hostile_file", sorted(HOSTILE), indirect=True)
def test_the_json_export_of_such_a_file_is_refused_cleanly_on_both_engines(
    hostile_file, pg_url, tmp_path
):
    out = tmp_path / "hostile.json"
    assert untwist("export", "--db", hostile_file, "-o", out).returncode == 0
    for target in (str(empty_db(tmp_path)), pg_url):
        lines = refused_cleanly(untwist("import", out, "--db", target))
        assert lines[0].startswith("athletes row "), lines
        assert lines[-1].startswith("untwist import: ") and "nothing was imported" in lines[-1]
    server = open_database(pg_url, create=False)
    try:
        with server.read() as session:
            assert session.scalar(select(func.count()).select_from(Athlete)) == 0
    finally:
        server.dispose()


# -- point 10: names, digits, dates -------------------------------------------------------------


def test_an_nfd_name_finds_the_athlete_who_looks_the_same(demo, tmp_path):
    source, document = demo
    document = copy.deepcopy(document)
    ava = table(document, "athletes")[0]
    assert ava["name"] == "Ava Lindqvist"
    zoe = "Zoë Ångström"
    with sqlite3.connect(source) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM athletes")]
    conn.close()
    target = tmp_path / "t.sqlite"
    target.write_bytes(source.read_bytes())
    with sqlite3.connect(target) as conn:
        conn.execute("UPDATE athletes SET name = ? WHERE id = 1", (zoe,))
    conn.close()
    ava["name"] = unicodedata.normalize("NFD", zoe)
    assert ava["name"] != zoe
    result = untwist("import", write(tmp_path, document), "--db", target, "--merge")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("merged 0 athletes"), result.stdout
    with sqlite3.connect(target) as conn:
        assert len([r for r in conn.execute("SELECT name FROM athletes")]) == len(names)
    conn.close()
    found = untwist("summary", "--db", target, "--athlete", unicodedata.normalize("NFD", zoe))
    assert found.returncode == 0, found.stderr


def test_a_field_left_out_takes_its_default_on_import_and_merge(demo, tmp_path):
    """Found by the fuzz test: a merge read every field of a row (KeyError on a missing one)."""
    source, document = demo
    document = copy.deepcopy(document)
    for entry in table(document, "adherence_entries"):
        if entry["done"] is True:
            del entry["done"]
    for athlete in table(document, "athletes"):
        if athlete["archived"] is False:
            del athlete["archived"]
    path = write(tmp_path, document)
    target = tmp_path / "t.sqlite"
    target.write_bytes(source.read_bytes())
    merged = untwist("import", path, "--db", target, "--merge")
    assert merged.returncode == 0, merged.stderr
    assert merged.stdout.endswith("; 0 conflicts\n"), merged.stdout
    assert untwist("import", path, "--db", empty_db(tmp_path)).returncode == 0


# -- the CSV way in: the same value rules ------------------------------------------------------

CSV_HEADER = "athlete,date,measurement,left,right,notes"


def test_csv_values_follow_the_same_rules(demo, tmp_path):
    """Arabic-Indic and full-width digits, an athlete_id PostgreSQL cannot hold: row errors."""
    source, _ = demo
    target = tmp_path / "t.sqlite"
    target.write_bytes(source.read_bytes())
    before = digest(target)
    data = tmp_path / "m.csv"
    data.write_text(
        f"{CSV_HEADER},athlete_id\n"
        "Ava Lindqvist,2026-03-02,hip_ir_deg,٣٠,31,,1\n"
        "Ava Lindqvist,2026-03-02,hip_er_deg,３０,31,,1\n"
        f"New Person,2026-03-02,hip_ir_deg,30,31,,{2**31}\n",
        encoding="utf-8",
    )
    lines = refused_cleanly(untwist("import", data, "--db", target))
    assert lines[0].startswith("line 2: left:") and "is not a number" in lines[0], lines
    assert lines[1].startswith("line 3: left:") and "is not a number" in lines[1], lines
    assert lines[2] == "line 4: athlete_id 2147483648 is outside 1 to 2147483647", lines
    assert digest(target) == before


def test_a_csv_name_in_nfd_is_the_athlete_already_there(demo, tmp_path):
    source, _ = demo
    target = tmp_path / "t.sqlite"
    target.write_bytes(source.read_bytes())
    with sqlite3.connect(target) as conn:
        conn.execute("UPDATE athletes SET name = 'Zoë Ångström' WHERE id = 1")
        count = conn.execute("SELECT COUNT(*) FROM athletes").fetchone()[0]
    conn.close()
    data = tmp_path / "m.csv"
    nfd = unicodedata.normalize("NFD", "Zoë Ångström")
    data.write_text(f"{CSV_HEADER}\n{nfd},2026-03-02,hip_ir_deg,30,31,\n", encoding="utf-8")
    result = untwist("import", data, "--db", target)
    assert result.returncode == 0, result.stderr
    assert "(0 new)" in result.stdout, result.stdout
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT COUNT(*) FROM athletes").fetchone()[0] == count
    conn.close()


def test_a_picture_in_json_is_stored_as_the_picture_check_hands_it_back(demo, tmp_path):
    """An SVG reaching for a local file is rebuilt without the reference, as in the editor."""
    from tests.hostile_pictures import svg_linking

    _, document = demo
    document = copy.deepcopy(document)
    drill = table(document, "drills")[0]
    picture = svg_linking("/etc/passwd")
    assert b"/etc/passwd" in picture
    drill.update(image=base64.b64encode(picture).decode("ascii"), image_type="svg")
    target = empty_db(tmp_path)
    result = untwist("import", write(tmp_path, document), "--db", target)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(target) as conn:
        stored = conn.execute("SELECT image FROM drills WHERE id = ?", (drill["id"],)).fetchone()
    conn.close()
    assert stored[0] and b"/etc/passwd" not in stored[0] and b"<svg" in stored[0]
