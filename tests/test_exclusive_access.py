"""One exclusive-access rule (issue 16, point 1), proved with real processes and real files.

Every process that opens a database file holds a shared lock on its real path (symbolic links
followed) for as long as it has it open: a window, every command. A restore and a schema
upgrade need the file alone: they are refused at once, with one plain line (exit 2 in the
CLI), while anyone else holds it, and nothing is written anywhere, least of all into a file
moved aside. Once the others are gone, the restore goes through, and through a symbolic link
it replaces the real file and leaves the link a link.
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from app.domain.records import AthleteData
from app.models import access
from app.models.access import AccessLock, lock_file
from app.models.db import open_database, upgrade
from app.models.errors import DatabaseInUse
from app.models.schema import HEAD, REVISIONS
from app.services import backups
from app.services.athletes import create_athlete, list_athletes
from app.services.db_copy import copy_database
from tests.cli import untwist

ROOT = Path(__file__).resolve().parents[1]
IN_USE = "is in use by another Untwist (window or command); close it and try again"
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}




def plain_failure(result: subprocess.CompletedProcess[str], *words: str) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM athletes"))
    finally:
        conn.close()


def count(path: Path, table: str) -> int:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def replaced(folder: Path) -> list[Path]:
    return sorted(folder.glob("*-replaced-*.sqlite"))


class Window:
    """A window-like process: opens the database through the service, as the window does,
    keeps it open, and saves an athlete when asked (``save NAME``); closes on end of input."""

    CODE = """
import sys
from app.domain.records import AthleteData
from app.services.athletes import create_athlete
from app.services.database import open_database
db = open_database(sys.argv[1], create=False)
print("open", flush=True)
for line in sys.stdin:
    create_athlete(db, AthleteData(name=line.strip()))
    print("saved", flush=True)
db.dispose()
"""

    def __init__(self, target: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", self.CODE, str(target)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=ENV,
        )
        assert self._line() == "open"

    def _line(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def save(self, name: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(name + "\n")
        self.process.stdin.flush()
        assert self._line() == "saved"

    def close(self) -> None:
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()
        self.process.wait(timeout=30)


class Holder:
    """A process holding the access lock the way any Untwist holds it (``shared`` while it has
    the file open, ``exclusive`` while it restores or upgrades it), until told to stop."""

    CODE = """
import sys
from pathlib import Path
from app.models.access import AccessLock
lock = AccessLock(Path(sys.argv[1]))
lock.share() if sys.argv[2] == "shared" else lock.exclusive()
print(lock.held, flush=True)
sys.stdin.readline()
lock.release()
"""

    def __init__(self, target: Path, mode: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", self.CODE, str(target), mode],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == mode

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    """A database with one athlete in ``data/``, its backup, and a symbolic link to it kept
    in another folder (as a shortcut on the desktop would be)."""
    data, elsewhere = tmp_path / "data", tmp_path / "desktop"
    data.mkdir()
    elsewhere.mkdir()
    real = data / "untwist.sqlite"
    db = open_database(str(real), create=True)
    create_athlete(db, AthleteData(name="Original"))
    db.dispose()
    backup = tmp_path / "backup.sqlite"
    conn = sqlite3.connect(real)  # leaves no -wal or -shm beside the database
    conn.execute(f"VACUUM INTO '{backup}'")
    conn.close()
    link = elsewhere / "clinic.sqlite"
    link.symlink_to(real)
    return {"real": real, "link": link, "backup": backup}


@pytest.mark.parametrize(
    ("window_opens", "restore_names"), [("link", "real"), ("real", "link"), ("link", "link")]
)
def test_restore_is_refused_while_a_window_has_the_database(setup, window_opens, restore_names):
    real = setup["real"]
    window = Window(setup[window_opens])
    try:
        before = digest(real)
        result = untwist("restore", "--db", setup[restore_names], setup["backup"])
        plain_failure(result, "Nothing was restored", IN_USE)
        assert digest(real) == before and replaced(real.parent) == []
        assert setup["link"].is_symlink()
        window.save("Saved after the refusal")  # lands in the database, not in a copy aside
        assert names(real) == ["Original", "Saved after the refusal"]
        assert replaced(real.parent) == [] and replaced(setup["link"].parent) == []
    finally:
        window.close()
    # Everyone is gone: the restore goes through, into the real file.
    result = untwist("restore", "--db", setup[restore_names], setup["backup"])
    assert result.returncode == 0, result.stderr
    assert names(real) == ["Original"]
    assert setup["link"].is_symlink() and setup["link"].resolve() == real
    (aside,) = replaced(real.parent)
    assert names(aside) == ["Original", "Saved after the refusal"]
    assert replaced(setup["link"].parent) == []
    assert not lock_file(real).exists()  # the last one out removed the lock file


def test_restore_through_a_symlink_replaces_the_real_file(setup):
    link, real = setup["link"], setup["real"]
    db = open_database(str(real), create=False)
    create_athlete(db, AthleteData(name="Later"))
    db.dispose()
    result = untwist("restore", "--db", link, setup["backup"])
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert names(real) == ["Original"] and names(link) == ["Original"]
    (aside,) = replaced(real.parent)
    assert names(aside) == ["Later", "Original"]
    assert sorted(p.name for p in link.parent.iterdir()) == ["clinic.sqlite"]


def test_restore_is_refused_while_an_import_runs(setup, tmp_path):
    real = setup["real"]
    rows = 20000
    data = tmp_path / "big.csv"
    keys = ("hip_ir_deg", "hip_er_deg", "thoracic_rot_deg")
    with data.open("w", encoding="utf-8") as fh:
        fh.write("athlete,date,measurement,left,right,notes\n")
        for n in range(rows):
            fh.write(f"New Athlete {n // 84},2025-03-{1 + n // 3 % 28:02d},{keys[n % 3]},30,31,\n")
    shm = real.with_name(real.name + "-shm")
    assert not shm.exists()
    importing = subprocess.Popen(
        [sys.executable, "-m", "app", "import", str(data), "--db", str(setup["link"])],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=ENV,
    )
    try:
        deadline = time.monotonic() + 60
        while not shm.exists():  # SQLite's shared memory: the import has the file open
            assert importing.poll() is None, importing.communicate()
            assert time.monotonic() < deadline, "the import never opened the database"
            time.sleep(0.005)
        # Hold the import right there, whatever it is doing (reading, checking or writing):
        # the restore is tried while the import certainly has the database open.
        importing.send_signal(signal.SIGSTOP)
        try:
            result = untwist("restore", "--db", real, setup["backup"])
        finally:
            importing.send_signal(signal.SIGCONT)
    finally:
        out, err = importing.communicate(timeout=120)
    plain_failure(result, "Nothing was restored", IN_USE)
    assert importing.returncode == 0, err
    assert out.startswith(f"imported {rows} measurements")
    assert count(real, "measurements") == rows  # every row in the database, none aside
    assert replaced(real.parent) == []


def old_database(path: Path) -> Path:
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, REVISIONS[0])
    with engine.begin() as c:
        c.exec_driver_sql("INSERT INTO athletes (name, archived, version) VALUES ('Old', 0, 1)")
    engine.dispose()
    return path


def test_an_upgrade_is_refused_while_another_untwist_has_the_file_open(tmp_path):
    path = old_database(tmp_path / "old.sqlite")
    before = digest(path)
    holder = Holder(path, "shared")  # e.g. an older Untwist's window on it
    try:
        result = untwist("export", "--db", path, "-o", tmp_path / "all.json")
        plain_failure(result, "needs an upgrade (schema 0001_core)", IN_USE)
        assert digest(path) == before
        assert not (tmp_path / "backups").exists()  # not even the safety copy
        assert not (tmp_path / "all.json").exists()
    finally:
        holder.close()
    assert untwist("export", "--db", path, "-o", tmp_path / "all.json").returncode == 0
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
    conn.close()


def test_setting_up_a_new_database_is_refused_while_another_holds_it(tmp_path):
    """An empty file another process holds (it is setting it up itself) is not set up twice."""
    path = tmp_path / "new.sqlite"
    path.touch()
    holder = Holder(path, "shared")
    try:
        plain_failure(untwist("demo", "--db", path), "needs to be set up", IN_USE)
        assert path.read_bytes() == b""
    finally:
        holder.close()


def test_a_lock_dies_with_its_process(setup):
    """A window that crashed (SIGKILL) holds nothing: the restore goes through."""
    window = Window(setup["link"])
    window.process.send_signal(signal.SIGKILL)
    window.process.wait(timeout=10)
    result = untwist("restore", "--db", setup["real"], setup["backup"])
    assert result.returncode == 0, result.stderr


# -- every way in holds the lock; opening waits for a restore (in this process, real holder) -----


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(access, "SHARED_WAIT_S", 0.3)


OPENERS = {
    "open": lambda real, tmp: open_database(str(real), create=False).dispose(),
    "open-read-only": lambda real, tmp: open_database(
        str(real), create=False, read_only=True
    ).dispose(),
    "backup": lambda real, tmp: backups.backup_to_file(str(real), tmp / "copy.sqlite"),
    "copy-from": lambda real, tmp: copy_database(str(real), str(tmp / "copy.sqlite")),
    "copy-to": lambda real, tmp: copy_database(str(tmp / "source.sqlite"), str(real)),
}


@pytest.mark.parametrize("way", sorted(OPENERS))
def test_every_way_in_waits_for_a_restore_then_says_so(setup, tmp_path, short_wait, way):
    real = setup["real"]
    if way == "copy-to":
        open_database(str(tmp_path / "source.sqlite"), create=True).dispose()
        real.unlink()  # db copy writes a new file
    holder = Holder(setup["link"], "exclusive")  # a restore or an upgrade under way
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseInUse, match="being restored or upgraded by another Untwist"):
            OPENERS[way](real, tmp_path)
        assert time.monotonic() - started < 5
        assert not (tmp_path / "copy.sqlite").exists()
    finally:
        holder.close()
    OPENERS[way](real, tmp_path)  # and once it is done, they work


def test_an_open_database_holds_the_file_shared_until_disposed(setup):
    real = setup["real"]
    for read_only in (False, True):
        db = open_database(str(setup["link"]), create=False, read_only=read_only)
        assert db.access is not None and db.access.held == "shared"
        with pytest.raises(DatabaseInUse, match=re.escape(IN_USE)):
            AccessLock(real).exclusive()
        assert [a.name for a in list_athletes(db)] == ["Original"]
        db.dispose()
        lock = AccessLock(real)
        lock.exclusive()  # free again
        lock.release()
    assert not lock_file(real).exists()
