"""Backup now, the daily start-up copy, backup to a file, and restore — on real files."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from app.domain.records import AthleteData
from app.models import backup as files
from app.models.db import make_engine, open_database, upgrade
from app.models.schema import HEAD, REVISIONS
from app.services import backups
from app.services.athletes import create_athlete, list_athletes
from app.services.progress import Cancelled, Progress
from app.services.settings import get_settings, save_settings

NOON = dt.datetime(2026, 11, 25, 12, 0, 0)
pytestmark = pytest.mark.sqlite_only  # file backups; a server is backed up by its own tools


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(path: Path) -> list[str]:
    db = open_database(str(path), create=False)
    try:
        return sorted(a.name for a in list_athletes(db, include_archived=True))
    finally:
        db.dispose()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_backup_now_writes_beside_and_into_the_settings_folder(db, db_path, athlete, tmp_path):
    extra = tmp_path / "usb" / "untwist-backups"
    settings = get_settings(db)
    settings.backup_folder = str(extra)
    save_settings(db, settings)
    result = backups.backup_now(db, now=NOON)
    beside, copy = result.files
    assert beside == db_path.parent / "backups" / "untwist-20261125-120000-manual.sqlite"
    assert copy == extra / beside.name and result.problems == []
    assert digest(beside) == digest(copy)
    assert mode(beside) == mode(copy) == 0o600 and mode(extra) == 0o700
    assert names(copy) == ["Test Runner"]


def test_an_unwritable_settings_folder_is_reported_and_the_copy_beside_is_kept(db, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    result = backups.backup_now(db, now=NOON, settings_folder=str(blocker))
    assert len(result.files) == 1 and result.files[0].exists()
    assert len(result.problems) == 1 and str(blocker) in result.problems[0]


def test_startup_backup_at_most_once_a_day(db, db_path):
    first = backups.startup_backup(db, now=NOON)
    assert first is not None and first.files[0].name.endswith("-daily.sqlite")
    assert backups.startup_backup(db, now=NOON + dt.timedelta(hours=5)) is None
    backups.backup_now(db, now=NOON + dt.timedelta(hours=6))  # a manual copy changes nothing
    assert backups.startup_backup(db, now=NOON + dt.timedelta(hours=7)) is None
    second = backups.startup_backup(db, now=NOON + dt.timedelta(days=1))
    assert second is not None
    daily = [b for b in files.list_backups(db_path.parent / "backups", "untwist")]
    assert [b.reason for b in daily].count("daily") == 2


def test_no_startup_backup_for_demo_or_read_only(db, db_path):
    assert backups.startup_backup(db, demo=True, now=NOON) is None
    viewer = open_database(str(db_path), create=False, read_only=True)
    try:
        assert backups.startup_backup(viewer, now=NOON) is None
    finally:
        viewer.dispose()
    assert not (db_path.parent / "backups").exists()


def test_backup_now_can_be_cancelled_without_leaving_a_file(db, db_path):
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        backups.backup_now(db, progress, now=NOON)
    assert list((db_path.parent / "backups").glob("*")) == []


def test_backup_to_file_refuses_to_overwrite_and_server_urls(db, db_path, tmp_path):
    out = tmp_path / "copy.sqlite"
    assert backups.backup_to_file(str(db_path), out) == out
    assert mode(out) == 0o600 and names(out) == []
    with pytest.raises(backups.BackupFailed, match="already exists"):
        backups.backup_to_file(str(db_path), out)
    with pytest.raises(backups.ServiceError, match="pg_dump"):
        backups.backup_to_file("postgresql+psycopg://u@localhost/x", tmp_path / "pg.sqlite")


def test_restore_puts_the_backup_in_place_and_keeps_the_current_file(db, db_path):
    create_athlete(db, AthleteData(name="Before"))
    copy = backups.backup_now(db, now=NOON).files[0]
    create_athlete(db, AthleteData(name="After"))
    db.dispose()
    result = backups.restore(str(db_path), copy, now=NOON + dt.timedelta(minutes=1))
    assert result.revision == HEAD and result.database == db_path
    assert names(db_path) == ["Before"]
    assert result.moved_aside == db_path.with_name("untwist-replaced-20261125-120100.sqlite")
    assert names(result.moved_aside) == ["After", "Before"]  # never deleted, WAL and all
    assert result.safety_copy is not None and names(result.safety_copy) == ["After", "Before"]
    assert mode(db_path) == 0o600
    assert not db_path.with_name(db_path.name + ".restoring").exists()


def test_restore_moves_an_unmerged_wal_along_with_the_old_file(tmp_path):
    """A WAL left beside would be replayed into the restored file: it must move too."""
    path = tmp_path / "u.sqlite"
    db = open_database(str(path), create=True)
    backup = backups.backup_now(db, now=NOON).files[0]
    db.dispose()
    writer = sqlite3.connect(path)  # keep a WAL with committed rows that were never merged
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute(
        "INSERT INTO athletes (name, folded_name, archived, version) "
        "VALUES ('In the WAL', 'in the wal', 0, 1)"
    )
    writer.commit()
    wal = Path(f"{path}-wal")
    assert wal.stat().st_size > 0
    # The writer "crashed": its connection is gone without a checkpoint (copy the files aside).
    frozen = tmp_path / "frozen"
    frozen.mkdir()
    for p in (path, wal):
        (frozen / p.name).write_bytes(p.read_bytes())
    writer.close()
    for p in (path, wal):
        p.write_bytes((frozen / p.name).read_bytes())
    result = backups.restore(str(path), backup, now=NOON)
    assert names(path) == []
    assert result.moved_aside is not None
    assert Path(f"{result.moved_aside}-wal").exists()
    assert names(result.moved_aside) == ["In the WAL"]


def test_restore_works_when_the_current_database_is_corrupt(db, db_path, tmp_path):
    create_athlete(db, AthleteData(name="Saved"))
    copy = backups.backup_now(db, now=NOON).files[0]
    db.dispose()
    db_path.write_bytes(os.urandom(20000))  # the disaster
    wreck = digest(db_path)
    result = backups.restore(str(db_path), copy, now=NOON)
    assert names(db_path) == ["Saved"]
    assert result.safety_copy is None  # nothing consistent to copy
    assert result.moved_aside is not None and digest(result.moved_aside) == wreck


def test_restore_into_a_missing_database_just_copies(db, db_path, tmp_path):
    copy = backups.backup_now(db, now=NOON).files[0]
    target = tmp_path / "new" / "fresh.sqlite"
    target.parent.mkdir()
    result = backups.restore(str(target), copy)
    assert result.moved_aside is None and names(target) == []


def corrupt_copy(good: Path, to: Path) -> Path:
    data = bytearray(good.read_bytes())
    middle = len(data) // 4096 // 2 * 4096
    for i in range(middle, middle + 12):
        data[i] ^= 0xFF
    to.write_bytes(bytes(data))
    return to


@pytest.mark.parametrize("kind", ["corrupt", "random", "foreign", "newer", "missing", "itself"])
def test_restore_refuses_a_bad_file_and_changes_nothing(db, db_path, tmp_path, kind):
    for i in range(60):
        create_athlete(db, AthleteData(name=f"A{i}", notes="x" * 400))
    good = backups.backup_now(db, now=NOON).files[0]
    db.dispose()
    bad = tmp_path / f"{kind}.sqlite"
    expected = {
        "corrupt": "is damaged",
        "random": "not an SQLite file",
        "foreign": "not an Untwist database",
        "newer": "newer version",
        "missing": "there is no file",
        "itself": "is the database itself",
    }[kind]
    if kind == "corrupt":
        corrupt_copy(good, bad)
    elif kind == "random":
        bad.write_bytes(os.urandom(8192))
    elif kind == "foreign":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE contacts (id INTEGER)")
        conn.close()
    elif kind == "newer":
        bad.write_bytes(good.read_bytes())
        conn = sqlite3.connect(bad)
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
        conn.commit()
        conn.close()
    elif kind == "itself":
        bad = db_path
    before = digest(db_path)
    listing = sorted(p.name for p in db_path.parent.iterdir())
    with pytest.raises(backups.BackupFailed, match=expected) as caught:
        backups.restore(str(db_path), bad)
    assert "Restore it from a backup" not in str(caught.value)
    assert digest(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == listing


def test_restoring_an_older_schema_upgrades_on_next_open(tmp_path, db_path, db):
    db.dispose()
    old = tmp_path / "old.sqlite"
    engine = make_engine(f"sqlite:///{old}")
    upgrade(engine, REVISIONS[0])
    with engine.begin() as c:
        c.exec_driver_sql("INSERT INTO athletes (name, archived, version) VALUES ('Old', 0, 1)")
    engine.dispose()
    result = backups.restore(str(db_path), old)
    assert result.revision == REVISIONS[0]
    assert names(db_path) == ["Old"]


def test_restore_refuses_server_urls(tmp_path):
    with pytest.raises(backups.ServiceError, match="pg_restore"):
        backups.restore("postgresql+psycopg://u@localhost/x", tmp_path / "b.sqlite")


def test_restore_candidates_list_both_folders_newest_first(db, db_path, tmp_path):
    extra = tmp_path / "extra"
    backups.backup_now(db, now=NOON, settings_folder=str(extra))
    backups.startup_backup(db, now=NOON + dt.timedelta(days=1), settings_folder="")
    found = backups.list_restore_candidates(db_path, str(extra))
    assert [(b.taken.day, b.reason, b.path.parent.name) for b in found] == [
        (26, "daily", "backups"),
        (25, "manual", "backups"),
        (25, "manual", "extra"),
    ]


def test_paths_with_uri_characters_are_not_misread(tmp_path):
    """``?``, ``#`` and ``%`` in a folder name: every connection reaches that very file."""
    folder = tmp_path / "Clinic #2? 100%"
    folder.mkdir()
    path = folder / "untwist.sqlite"
    db = open_database(str(path), create=True)
    create_athlete(db, AthleteData(name="Odd Path"))
    copy = backups.backup_now(db, now=NOON).files[0]
    db.dispose()
    viewer = open_database(str(path), create=False, read_only=True)
    assert [a.name for a in list_athletes(viewer)] == ["Odd Path"]
    viewer.dispose()
    assert backups.restore(str(path), copy, now=NOON).moved_aside is not None
    assert names(path) == ["Odd Path"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Clinic #2? 100%"]  # nothing stray
    assert sorted(p.name for p in copy.parent.iterdir()) == sorted(  # checking left no -wal
        [copy.name, "untwist-20261125-120000-before-restore.sqlite"]
    )


def test_a_server_database_is_left_to_its_own_tools(pg_url):
    server = open_database(pg_url, create=True)
    try:
        with pytest.raises(backups.ServiceError, match="pg_dump"):
            backups.backup_now(server)
        assert backups.startup_backup(server, now=NOON) is None
    finally:
        server.dispose()


def test_backups_through_a_symbolic_link_live_beside_the_real_file(tmp_path):
    """Every backup of one database in one place, whichever name opened it: the daily and
    manual copies used to go beside the link while the copy before a restore went beside the
    real file, so the restore list through the link missed it."""
    real = tmp_path / "nas" / "clinic.sqlite"
    real.parent.mkdir()
    open_database(str(real), create=True).dispose()
    link = tmp_path / "desk" / "untwist.sqlite"
    link.parent.mkdir()
    link.symlink_to(real)
    db = open_database(str(link), create=False)
    try:
        manual = backups.backup_now(db, now=NOON).files[0]
    finally:
        db.dispose()
    assert manual.parent == real.parent / "backups"
    assert not (link.parent / "backups").exists()
    backups.restore(str(link), manual, now=NOON + dt.timedelta(minutes=1))
    found = {b.path for b in backups.list_restore_candidates(link)}
    assert manual in found
    assert any("before-restore" in p.name for p in found)
    assert link.is_symlink()
