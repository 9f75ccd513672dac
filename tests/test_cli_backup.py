"""`untwist backup` and `untwist restore`, run as a user runs them: real processes, real files."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app.domain.records import AthleteData
from app.models.db import open_database
from app.services.athletes import create_athlete, list_athletes
from tests.cli import untwist

ROOT = Path(__file__).resolve().parents[1]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(path: Path) -> list[str]:
    db = open_database(str(path), create=False)
    try:
        return sorted(a.name for a in list_athletes(db))
    finally:
        db.dispose()


def one_line_error(result: subprocess.CompletedProcess[str], text: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert text in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


@pytest.fixture
def saved(db, db_path):
    create_athlete(db, AthleteData(name="Original"))
    db.dispose()
    return db_path


def test_backup_then_restore_round_trip(saved, tmp_path):
    copy = tmp_path / "copies" / "monday.sqlite"
    result = untwist("backup", "--db", str(saved), "-o", str(copy))
    assert result.returncode == 0, result.stderr
    assert f"backup written to {copy}" in result.stdout
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    db = open_database(str(saved), create=False)
    create_athlete(db, AthleteData(name="Added later"))
    db.dispose()

    result = untwist("restore", "--db", str(saved), str(copy))
    assert result.returncode == 0, result.stderr
    assert names(saved) == ["Original"]
    aside = next(saved.parent.glob("untwist-replaced-*.sqlite"))
    assert f"kept as {aside}" in result.stdout
    assert names(aside) == ["Added later", "Original"]  # the replaced file is kept, whole


def test_backup_never_creates_a_database_or_overwrites_a_file(tmp_path, saved):
    missing = tmp_path / "missing.sqlite"
    one_line_error(
        untwist("backup", "--db", str(missing), "-o", str(tmp_path / "x")), "No database"
    )
    assert not missing.exists() and not (tmp_path / "x").exists()
    existing = tmp_path / "existing.sqlite"
    existing.write_text("precious")
    one_line_error(untwist("backup", "--db", str(saved), "-o", str(existing)), "already exists")
    assert existing.read_text() == "precious"


def test_backup_refuses_a_server_database(tmp_path):
    result = untwist("backup", "--db", "postgresql+psycopg://u@localhost/x", "-o", "x.sqlite")
    one_line_error(result, "pg_dump")


def test_restore_of_a_corrupt_backup_is_refused(saved, tmp_path):
    backup = tmp_path / "bad.sqlite"
    backup.write_bytes(saved.read_bytes())
    data = bytearray(backup.read_bytes())
    for i in range(100, 108):
        data[i] ^= 0xFF
    backup.write_bytes(bytes(data))
    before = digest(saved)
    listing = sorted(p.name for p in saved.parent.iterdir())
    one_line_error(untwist("restore", "--db", str(saved), str(backup)), "Nothing was restored")
    assert digest(saved) == before
    assert sorted(p.name for p in saved.parent.iterdir()) == listing


def test_restore_works_when_the_database_is_corrupt(saved, tmp_path):
    backup = tmp_path / "good.sqlite"
    assert untwist("backup", "--db", str(saved), "-o", str(backup)).returncode == 0
    saved.write_bytes(b"SQLite format 3\x00" + os.urandom(10000))
    wreck = digest(saved)
    assert untwist("summary", "--db", str(saved), "--athlete", "Original").returncode == 2
    result = untwist("restore", "--db", str(saved), str(backup))
    assert result.returncode == 0, result.stderr
    assert names(saved) == ["Original"]
    assert digest(next(saved.parent.glob("untwist-replaced-*.sqlite"))) == wreck


def test_restore_creates_a_missing_database(saved, tmp_path):
    target = tmp_path / "new-place" / "restored.sqlite"
    result = untwist("restore", "--db", str(target), str(saved))
    assert result.returncode == 0, result.stderr
    assert names(target) == ["Original"] and "kept as" not in result.stdout
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_restore_is_refused_while_a_window_has_the_database(saved, tmp_path):
    backup = tmp_path / "b.sqlite"
    conn = sqlite3.connect(saved)
    conn.execute(f"VACUUM INTO '{backup}'")
    conn.close()
    window = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\nfrom pathlib import Path\n"
            "from PySide6.QtCore import QCoreApplication\n"
            "from app.locking import InstanceLock\n"
            "app = QCoreApplication([])\n"
            "lock = InstanceLock(Path(sys.argv[1]))\n"
            "print(lock.acquire(), flush=True)\n"
            "sys.stdin.readline()\n",
            str(saved),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert window.stdout is not None and window.stdout.readline().strip() == "True"
        before = digest(saved)
        result = untwist("restore", "--db", str(saved), str(backup))
        one_line_error(result, f"(process {window.pid}")
        assert "is in use by another Untwist (window or command)" in result.stderr
        assert digest(saved) == before
    finally:
        assert window.stdin is not None
        window.stdin.close()
        window.wait(timeout=10)
    assert untwist("restore", "--db", str(saved), str(backup)).returncode == 0
