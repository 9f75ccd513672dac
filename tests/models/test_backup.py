"""Backup files: consistent copies, private modes, rotation on a fake clock."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
from pathlib import Path

import pytest

from app.domain.records import AthleteData
from app.models import backup as files
from app.services.athletes import create_athlete


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def touch_backup(folder: Path, stem: str, when: dt.datetime, reason: str) -> Path:
    """An (empty) file named like a backup: rotation reads only names."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / files.backup_name(Path(f"{stem}.sqlite"), reason, when)
    path.write_bytes(b"")
    return path


def test_backup_is_a_consistent_private_copy(db, db_path, athlete):
    create_athlete(db, AthleteData(name="Second"))
    steps: list[tuple[int, int]] = []
    copy = files.backup_beside(db_path, "manual", on_step=lambda d, t: steps.append((d, t)))
    assert copy.parent == db_path.parent / "backups"
    assert mode(copy) == 0o600 and mode(copy.parent) == 0o700
    assert steps and steps[-1][0] == steps[-1][1] > 0  # progress reached the total
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one file
        names = [r[0] for r in conn.execute("SELECT name FROM athletes ORDER BY id")]
        assert names == ["Test Runner", "Second"]
    finally:
        conn.close()
    assert list(copy.parent.iterdir()) == [copy]  # no .part left


def test_a_stopped_backup_leaves_no_file(db, db_path):
    class Stop(Exception):
        pass

    def stop(_done: int, _total: int) -> None:
        raise Stop

    with pytest.raises(Stop):
        files.backup_beside(db_path, "manual", on_step=stop)
    assert list((db_path.parent / "backups").iterdir()) == []


def test_two_backups_in_the_same_second_both_survive(db, db_path):
    now = dt.datetime(2026, 3, 1, 9, 0, 0)
    a = files.backup_beside(db_path, "before-restore", now)
    b = files.backup_beside(db_path, "before-restore", now)
    assert a != b and a.exists() and b.exists()
    assert {x.path for x in files.list_backups(a.parent, db_path.stem)} == {a, b}


def test_rotation_keeps_14_daily_and_8_weekly(tmp_path):
    folder = tmp_path / "backups"
    first = dt.datetime(2026, 1, 1, 9, 30)  # a Thursday; 60 days of start-ups to 1 March
    for day in range(60):
        touch_backup(folder, "untwist", first + dt.timedelta(days=day), files.DAILY)
        files.rotate(folder, "untwist")
    kept = sorted(b.taken.date() for b in files.list_backups(folder, "untwist"))
    last_14 = [dt.date(2026, 2, 16) + dt.timedelta(days=n) for n in range(14)]  # to Sun 1 Mar
    # The newest of each of the 8 latest ISO weeks: the Sundays, 1 March back to 11 January.
    sundays = [dt.date(2026, 3, 1) - dt.timedelta(weeks=n) for n in range(8)]
    assert kept == sorted(set(last_14) | set(sundays))
    assert len(kept) == 20


def test_rotation_keeps_only_the_newest_of_a_day(tmp_path):
    folder = tmp_path / "backups"
    day = dt.datetime(2026, 5, 4, 8, 0)
    paths = [touch_backup(folder, "u", day + dt.timedelta(hours=h), files.MANUAL) for h in (0, 3)]
    files.rotate(folder, "u")
    assert [b.path for b in files.list_backups(folder, "u")] == [paths[1]]


def test_safety_copies_are_never_rotated_and_series_are_apart(tmp_path):
    folder = tmp_path / "backups"
    start = dt.datetime(2025, 1, 1, 12, 0)
    upgrade_copy = touch_backup(folder, "u", start, "before-upgrade-0001_core")
    restore_copy = touch_backup(folder, "u", start, "before-restore")
    for n in range(30):  # a month of daily copies
        touch_backup(folder, "u", start + dt.timedelta(days=370 + n), files.DAILY)
    daily = touch_backup(folder, "u", start + dt.timedelta(days=400), files.DAILY)
    manual = touch_backup(folder, "u", start + dt.timedelta(days=400, hours=1), files.MANUAL)
    files.rotate(folder, "u")
    left = {b.path for b in files.list_backups(folder, "u")}
    assert {upgrade_copy, restore_copy, manual} <= left  # a year old, still there
    assert daily in left  # the later manual copy of the same day did not push it out
    dailies = sorted(b.taken.date() for b in files.list_backups(folder, "u") if b.reason == "daily")
    # 14 days to Thu 5 Feb 2026, and the Sundays that end the two older weeks with copies.
    last_14 = [dt.date(2026, 1, 23) + dt.timedelta(days=n) for n in range(14)]
    assert dailies == [dt.date(2026, 1, 11), dt.date(2026, 1, 18), *last_14]


def test_backups_of_other_databases_are_left_alone(tmp_path):
    folder = tmp_path / "backups"
    when = dt.datetime(2026, 1, 1)
    other = touch_backup(folder, "untwist-old", when, files.DAILY)
    stranger = folder / "untwist-notes.txt"
    stranger.write_text("keep me")
    for n in range(20):
        touch_backup(folder, "untwist", when + dt.timedelta(days=n), files.DAILY)
    files.rotate(folder, "untwist", keep_daily=2, keep_weekly=0)
    assert other.exists() and stranger.exists()
    assert [b.path for b in files.list_backups(folder, "untwist-old")] == [other]
    assert len(files.list_backups(folder, "untwist")) == 2


def test_has_backup_on_a_day(tmp_path):
    folder = tmp_path / "b"
    touch_backup(folder, "u", dt.datetime(2026, 2, 2, 23, 59), files.DAILY)
    touch_backup(folder, "u", dt.datetime(2026, 2, 3, 10, 0), files.MANUAL)
    assert files.has_backup_on(folder, "u", dt.date(2026, 2, 2))
    assert not files.has_backup_on(folder, "u", dt.date(2026, 2, 3))  # manual is no daily
    assert not files.has_backup_on(tmp_path / "missing", "u", dt.date(2026, 2, 2))
