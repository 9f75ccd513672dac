"""The whole-file check moved off the first-paint path (issue 21), without losing it.

Opening for the window and for the read-only reports skips ``PRAGMA quick_check`` (its cost
grows with the file); the check then runs in the background after the first paint, before
every backup, and a restore still runs the full ``integrity_check``. Each test damages a real
file the way a disk does (one b-tree page in the middle of the file, not the schema page that
every open reads) and proves where the damage is caught, and that the file is left as it was.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from app.domain.records import AthleteData
from app.models.db import open_database
from app.models.errors import DatabaseCorrupt
from app.services import backups
from app.services.athletes import create_athlete
from app.services.context import AppContext
from app.views import data_safety as ds
from tests.cli import untwist

PAGE = 4096


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damaged_file(path: Path) -> Path:
    """A real database of 150 athletes with one b-tree page header in the middle flipped."""
    db = open_database(str(path), create=True)
    for i in range(150):
        create_athlete(db, AthleteData(name=f"Athlete {i:03d}", notes="n" * 300))
    db.dispose()
    data = bytearray(path.read_bytes())
    start = len(data) // PAGE // 2 * PAGE
    for i in range(start, start + 12):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


def test_the_window_opens_without_the_whole_file_check(tmp_path):
    path = damaged_file(tmp_path / "damaged.sqlite")
    with pytest.raises(DatabaseCorrupt, match="is damaged"):  # an ordinary open checks
        open_database(str(path), create=False)
    db = open_database(str(path), create=False, check_pages=False)  # the window's open
    db.dispose()


def test_the_background_check_finds_the_damage_and_no_backup_is_written(tmp_path):
    path = damaged_file(tmp_path / "damaged.sqlite")
    before = digest(path)
    db = open_database(str(path), create=False, check_pages=False)
    try:
        with pytest.raises(backups.DatabaseDamaged, match="is damaged"):
            backups.startup_checks(db)
        with pytest.raises(backups.DatabaseDamaged, match="is damaged") as caught:
            backups.backup_now(db)  # never rotates a good copy away for a damaged one
        assert "Restore it from a backup" in str(caught.value)
        assert len(str(caught.value).splitlines()) == 1
    finally:
        db.dispose()
    assert not (tmp_path / "backups").exists()
    assert digest(path) == before


def test_an_intact_file_passes_the_check_and_gets_its_daily_copy(db, db_path):
    result = backups.startup_checks(db)
    assert result is not None and result.files[0].name.endswith("daily.sqlite")
    backups.check_whole_file(db)  # nothing to say


def test_the_window_says_plainly_after_its_first_paint(qtbot, tmp_path):
    from PySide6.QtWidgets import QMainWindow, QMessageBox

    path = damaged_file(tmp_path / "damaged.sqlite")
    db = open_database(str(path), create=False, check_pages=False)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    outcome: list[object] = []
    try:
        operation = ds.start_startup_backup(window, AppContext(db), outcome.append)
        assert operation is not None
        with qtbot.waitSignal(operation.finished, timeout=10000):
            pass
        assert isinstance(outcome[0], backups.DatabaseDamaged)
        box = window.findChild(QMessageBox, "damagedDatabaseBox")
        assert box is not None and box.isVisible() and "is damaged" in box.text()
        assert "is damaged" in window.statusBar().currentMessage()
        box.close()
    finally:
        db.dispose()
    assert not (tmp_path / "backups").exists()


def test_read_only_reports_skip_the_check_but_every_other_command_runs_it(tmp_path):
    path = damaged_file(tmp_path / "damaged.sqlite")
    before = digest(path)
    # the athlete's rows are not on the damaged page: the report is right, and costs the same
    # on a file of any size
    summary = untwist("summary", "--db", str(path), "--athlete", "Athlete 000")
    assert summary.returncode == 0, summary.stderr
    for command in (
        ("export", "--db", str(path), "--format", "csv", "-o", str(tmp_path / "out.csv")),
        ("backup", "--db", str(path), "-o", str(tmp_path / "copy.sqlite")),
    ):
        result = untwist(*command)
        assert result.returncode == 2, result.stderr
        assert "is damaged" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert digest(path) == before
