"""The whole schema is checked, not just its revision; checking changes no byte (issue 16, 5).

A file whose ``alembic_version`` names a revision we know but which lacks a table or a column
is refused with a plain message by every way in (open, restore, the commands), on SQLite and on
PostgreSQL, instead of failing later with "no such table". Checking a file, refusing it, and
opening it read-only leave it byte for byte as it was (no journal-mode switch).
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from app.domain.records import AthleteData
from app.models import backup as files
from app.models.db import check_database_file, open_database, upgrade
from app.models.errors import DatabaseProblem, SchemaIncomplete
from app.models.schema import HEAD, REVISIONS
from app.services import backups
from app.services.athletes import create_athlete, list_athletes
from tests.cli import untwist

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def journal_mode(path: Path) -> int:
    """Bytes 18-19 of the header: 1 for a rollback journal, 2 for WAL."""
    return path.read_bytes()[18]




@pytest.fixture
def good(tmp_path: Path) -> Path:
    """An intact database with one athlete, as a backup file is: rollback journal, no WAL."""
    source = tmp_path / "source.sqlite"
    db = open_database(str(source), create=True)
    create_athlete(db, AthleteData(name="Kept"))
    db.dispose()
    copy = files.sqlite_backup(source, tmp_path / "good.sqlite")
    assert journal_mode(copy) == 1
    return copy


BREAKS: dict[str, tuple[str, str]] = {
    "table": ("DROP TABLE adherence_entries", "lacks table adherence_entries"),
    "column": ("ALTER TABLE athletes DROP COLUMN sport", "lacks column athletes.sport"),
    "several": (
        "DROP TABLE adherence_entries; DROP TABLE program_items; DROP TABLE programs; "
        "ALTER TABLE athletes DROP COLUMN sport",
        "and 1 more",
    ),
}


def broken(good: Path, kind: str) -> Path:
    """``good`` with a table or column gone and its revision left as it was."""
    path = good.with_name(f"broken-{kind}.sqlite")
    path.write_bytes(good.read_bytes())
    conn = sqlite3.connect(path)
    conn.executescript(BREAKS[kind][0])
    conn.close()
    assert journal_mode(path) == 1
    return path


@pytest.mark.parametrize("kind", sorted(BREAKS))
def test_a_file_that_lacks_part_of_its_schema_is_refused_and_left_alone(good, kind):
    path = broken(good, kind)
    before = digest(path)
    for create in (False, True):
        with pytest.raises(SchemaIncomplete, match=BREAKS[kind][1]) as caught:
            open_database(str(path), create=create)
        assert f"says schema {HEAD}" in str(caught.value)
        assert "\n" not in str(caught.value)
    with pytest.raises(SchemaIncomplete):
        check_database_file(path)
    assert digest(path) == before and journal_mode(path) == 1  # not switched to WAL


@pytest.mark.parametrize("kind", ["table", "column"])
def test_restore_refuses_a_backup_that_lacks_part_of_its_schema(db, db_path, good, kind):
    create_athlete(db, AthleteData(name="Current"))
    db.dispose()
    bad = broken(good, kind)
    before, listing = digest(db_path), sorted(p.name for p in db_path.parent.iterdir())
    with pytest.raises(backups.BackupFailed, match=r"Nothing was restored: .* is incomplete"):
        backups.restore(str(db_path), bad)
    assert digest(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == listing


def test_restore_refuses_an_older_backup_that_lacks_a_table_of_its_revision(db, db_path, tmp_path):
    """An older revision is compared with what the migrations built up to it."""
    db.dispose()
    old = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{old}")
    upgrade(engine, REVISIONS[0])
    engine.dispose()
    conn = sqlite3.connect(old)
    conn.execute("DROP TABLE measurement_definitions")
    conn.close()
    with pytest.raises(backups.BackupFailed, match="lacks table measurement_definitions"):
        backups.restore(str(db_path), old)
    before = digest(old)
    with pytest.raises(SchemaIncomplete, match=f"says schema {REVISIONS[0]}"):
        open_database(str(old), create=False)  # refused before any upgrade is tried
    assert digest(old) == before and not (tmp_path / "backups").exists()


def test_an_older_file_with_its_whole_schema_still_restores_and_upgrades(db, db_path, tmp_path):
    db.dispose()
    old = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{old}")
    upgrade(engine, REVISIONS[0])
    engine.dispose()
    assert backups.restore(str(db_path), old).revision == REVISIONS[0]
    upgraded = open_database(str(db_path), create=False)
    upgraded.dispose()


def test_a_table_or_column_more_is_no_reason_to_refuse(good):
    conn = sqlite3.connect(good)
    conn.executescript("CREATE TABLE notes_of_the_clinic (id INTEGER); ANALYZE;")
    conn.execute("ALTER TABLE athletes ADD COLUMN shoe_size INTEGER")
    conn.commit()
    conn.close()
    assert check_database_file(good) == HEAD
    opened = open_database(str(good), create=False)
    assert [a.name for a in list_athletes(opened)] == ["Kept"]
    opened.dispose()


@pytest.mark.parametrize("command", ["summary", "export", "report", "import"])
def test_commands_refuse_the_file_in_one_line(good, tmp_path, command):
    path = broken(good, "table")
    before = digest(path)
    data = tmp_path / "m.csv"
    data.write_text("athlete,date,measurement,left,right,notes\nA,2025-01-02,hip_ir_deg,30,31,\n")
    args = {
        "summary": ("summary", "--athlete", "Kept"),
        "export": ("export", "-o", tmp_path / "out.json"),
        "report": ("report", "--athlete", "Kept", "-o", tmp_path / "out.pdf"),
        "import": ("import", data),
    }[command]
    result = untwist(*args, "--db", path)
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert "is incomplete" in lines[0] and "lacks table adherence_entries" in lines[0]
    assert digest(path) == before


def test_a_server_database_that_lacks_a_column_is_refused(pg_url):
    import psycopg

    db = open_database(pg_url, create=True)
    db.dispose()
    with psycopg.connect(pg_url.replace("postgresql+psycopg", "postgresql")) as conn:
        conn.execute("ALTER TABLE athletes DROP COLUMN sport")
    with pytest.raises(SchemaIncomplete, match=r"lacks column athletes\.sport"):
        open_database(pg_url, create=False)


# -- checking writes nothing ---------------------------------------------------------------------


def _read_only_open(path: Path) -> None:
    viewer = open_database(str(path), create=False, read_only=True)
    try:
        assert [a.name for a in list_athletes(viewer)] == ["Kept"]
    finally:
        viewer.dispose()


def _refused(path: Path) -> None:
    for create in (False, True):
        with pytest.raises(DatabaseProblem):
            open_database(str(path), create=create)
    with pytest.raises(backups.BackupFailed):
        backups.verify_backup(path)


CHECKS: dict[str, Callable[[Path], object]] = {
    "check-good": check_database_file,
    "check-good-thoroughly": lambda p: check_database_file(p, thorough=True),
    "verify-backup": backups.verify_backup,
    "refused": _refused,
    "read-only-open": _read_only_open,
}


@pytest.mark.parametrize("journal", ["delete", "wal"])
@pytest.mark.parametrize("check", sorted(CHECKS))
def test_checking_changes_no_byte(good, check, journal):
    path = broken(good, "column") if check == "refused" else good
    if journal == "wal":
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.close()
    before = digest(path)
    CHECKS[check](path)
    assert digest(path) == before


def _rebuilt_measurements(declaration: str) -> str:
    """SQL that rebuilds ``measurements`` with ``declaration`` as its columns and rules."""
    return (
        f"PRAGMA foreign_keys=OFF; CREATE TABLE m2 ({declaration}); "
        "INSERT INTO m2 SELECT * FROM measurements; DROP TABLE measurements; "
        "ALTER TABLE m2 RENAME TO measurements;"
    )


_COLUMNS = (
    "id INTEGER NOT NULL PRIMARY KEY, assessment_id INTEGER NOT NULL "
    "REFERENCES assessments (id) ON DELETE CASCADE, key VARCHAR(64) NOT NULL, "
    "left_1 {t}, left_2 FLOAT, left_3 FLOAT, right_1 FLOAT, right_2 FLOAT, right_3 FLOAT, "
    '"left" FLOAT, "right" FLOAT, pain_left INTEGER, pain_right INTEGER, notes TEXT'
)
SHAPES: dict[str, tuple[str, str]] = {
    "a trigger": (
        "CREATE TRIGGER wipe AFTER INSERT ON measurements "
        "BEGIN DELETE FROM athletes WHERE id = 1; END",
        "a trigger Untwist did not make (wipe)",
    ),
    "a view": ("CREATE VIEW everyone AS SELECT * FROM athletes", "a view Untwist did not make"),
    "no unique rule": (
        _rebuilt_measurements(_COLUMNS.format(t="FLOAT")),
        "the unique rule on measurements (assessment_id, key) is missing",
    ),
    "a text column": (
        _rebuilt_measurements(_COLUMNS.format(t="TEXT") + ", UNIQUE (assessment_id, key)"),
        "column measurements.left_1 has the wrong type",
    ),
}


@pytest.mark.parametrize("kind", sorted(SHAPES))
def test_a_file_not_shaped_as_untwist_makes_it_is_refused(db, db_path, good, kind):
    """Every table and column there, and still not what Untwist made: a trigger that deletes
    an athlete at the next import, a view, a table without its unique rule, a number column
    declared as text. Restore accepted each, and the damage came later."""
    bad = good.with_name(f"shape-{kind.replace(' ', '-')}.sqlite")
    bad.write_bytes(good.read_bytes())
    conn = sqlite3.connect(bad)
    conn.executescript(SHAPES[kind][0])
    conn.close()
    before = digest(bad)
    expected = re.escape(SHAPES[kind][1])
    with pytest.raises(SchemaIncomplete, match="changed outside Untwist: " + expected):
        open_database(str(bad), create=False)
    db.dispose()
    with pytest.raises(backups.BackupFailed, match=expected):
        backups.restore(str(db_path), bad)
    assert digest(bad) == before


VALUES: dict[str, str] = {
    "text in a number column": "UPDATE athletes SET leg_length_left_cm = 'abc'",
    "a date that does not exist": "UPDATE athletes SET birth_date = '2026-02-30'",
    "not JSON where JSON is kept": "UPDATE drills SET dosage = 'three sets'",
    "a time stamp that is no time": "UPDATE athletes SET created_at = 'yesterday'",
}


@pytest.mark.parametrize("kind", sorted(VALUES))
def test_restore_refuses_a_backup_holding_values_untwist_cannot_read(db, db_path, good, kind):
    """SQLite stores whatever it is given: such a file restored fine, and `summary`, `report`
    or `export` then ended in a traceback."""
    bad = good.with_name("values.sqlite")
    bad.write_bytes(good.read_bytes())
    conn = sqlite3.connect(bad)
    conn.execute(VALUES[kind])
    conn.commit()
    conn.close()
    db.dispose()
    before = digest(db_path)
    with pytest.raises(backups.BackupFailed, match="holds values Untwist cannot read"):
        backups.restore(str(db_path), bad)
    assert digest(db_path) == before


def test_a_full_database_passes_the_value_check(tmp_path):
    from app.services.catalog import load_catalog
    from app.services.demo import create_demo

    path = tmp_path / "demo.sqlite"
    demo = open_database(str(path), create=True)
    create_demo(demo, load_catalog(demo))
    demo.dispose()
    assert check_database_file(path, thorough=True) == HEAD
