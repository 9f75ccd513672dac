"""The machine's faults on every bulk command: one plain line on stderr and exit code 2.

DOMAIN.md §7: a read-only or locked file, a full disk or a server that is gone, during CSV or
JSON import (and ``--merge``), CSV or JSON export, ``db copy`` (both ways), ``backup`` and
``restore``. Each condition is made for real and the real command runs as a subprocess:

- read-only: ``chattr +i`` (immutable: refused even to root), on the database or the folder
  an output goes to;
- locked: another process holds the file. A *writer* lock (``BEGIN EXCLUSIVE`` in WAL mode)
  lets readers through, so it is used where the command writes; an *exclusive* lock
  (``locking_mode=EXCLUSIVE``) also stops readers, for the commands that only read;
- full disk: a small tmpfs, filled up but for a few pages;
- server gone: a PostgreSQL cluster of its own, stopped before the command starts, or while
  the command waits for a table another connection locked (so "during" is certain, not a race).

Every case also checks that nothing was written: the database keeps its bytes or its rows.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.models.db import open_database
from app.services.catalog import load_catalog
from app.services.db_copy import copy_database
from app.services.demo import create_demo
from app.services.json_io import export_json
from tests.cli import untwist
from tests.conditions import Immutable, OwnServer, fill, held, tmpfs

ROOT = Path(__file__).resolve().parents[1]
ROWS = 3000  # CSV rows of new data: far more than the few pages left on a "full" disk


def untwist_in_background(*args: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "app", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def plain_failure(result: subprocess.CompletedProcess[str], *words: str) -> str:
    """Exit 2 and one line (``untwist <command>: …``) holding ``words``; no traceback."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("untwist ") and "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count(path: Path, table: str = "measurements") -> int:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


@dataclass(frozen=True)
class Sources:
    demo: Path  # an Untwist database in use (three athletes, sessions, programs)
    empty: Path  # a new Untwist database with no data
    csv: Path  # ROWS measurements of athletes the demo does not have
    json: Path  # the demo's full JSON export


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Sources:
    folder = tmp_path_factory.mktemp("sources")
    demo, empty = folder / "demo.sqlite", folder / "empty.sqlite"
    db = open_database(str(demo), create=True)
    create_demo(db, load_catalog(db))
    export_json(db, folder / "demo.json")
    db.dispose()
    open_database(str(empty), create=True).dispose()
    data = folder / "new.csv"
    with data.open("w", encoding="utf-8") as fh:
        fh.write("athlete,date,measurement,left,right,notes\n")
        keys = ("hip_ir_deg", "hip_er_deg", "thoracic_rot_deg")
        for n in range(ROWS):  # each new athlete: 28 days, three measurements a day
            day = 1 + n // 3 % 28
            fh.write(f"New Athlete {n // 84},2025-03-{day:02d},{keys[n % 3]},30,31,note {n}\n")
    return Sources(demo, empty, data, folder / "demo.json")


def place(source: Path, folder: Path, name: str = "db.sqlite") -> Path:
    """A copy of a closed database file (no ``-wal`` beside it) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copyfile(source, folder / name))


# -- the conditions (tests/conditions.py) ---------------------------------------------------------


@pytest.fixture
def immutable() -> Iterator[Immutable]:
    protect = Immutable()
    yield protect
    protect.undo()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MiB disk of its own."""
    with tmpfs(tmp_path / "small-disk", "2m") as mount:
        yield mount


# -- read-only -----------------------------------------------------------------------------------


READ_ONLY_DB = {
    "csv-import": lambda s, db: ("import", s.csv, "--db", db),
    "json-import": lambda s, db: ("import", s.json, "--db", db),
    "json-merge": lambda s, db: ("import", s.json, "--merge", "--db", db),
    "copy-to": lambda s, db: ("db", "copy", "--from", s.demo, "--to", db),
}


@pytest.mark.parametrize("command", sorted(READ_ONLY_DB))
def test_writing_into_a_read_only_database(sources, tmp_path, immutable, command):
    db = immutable(place(sources.empty, tmp_path))
    before = digest(db)
    plain_failure(untwist(*READ_ONLY_DB[command](sources, db)), "read-only", str(db))
    assert digest(db) == before


def test_restoring_over_a_read_only_database(sources, tmp_path, immutable):
    db = immutable(place(sources.empty, tmp_path))
    before = digest(db)
    line = plain_failure(untwist("restore", "--db", db, sources.demo), "read-only", str(db))
    assert "Nothing was restored" in line
    assert digest(db) == before and sorted(p.name for p in tmp_path.iterdir()) == ["db.sqlite"]


OUTPUTS = {
    "csv-export": lambda s, out: ("export", "--db", s.demo, "-o", out / "m.csv"),
    "json-export": lambda s, out: ("export", "--db", s.demo, "-o", out / "all.json"),
    "backup": lambda s, out: ("backup", "--db", s.demo, "-o", out / "copy.sqlite"),
}


@pytest.mark.parametrize("command", sorted(OUTPUTS))
def test_writing_into_a_read_only_folder(sources, tmp_path, immutable, command):
    out = tmp_path / "out"
    out.mkdir()
    immutable(out)
    plain_failure(untwist(*OUTPUTS[command](sources, out)), str(out))
    assert list(out.iterdir()) == []


# -- locked --------------------------------------------------------------------------------------


WRITERS = {  # the database the command writes; its reads still work under a writer lock
    "csv-import": lambda s, db: ("import", s.csv, "--db", db),
    "json-merge": lambda s, db: ("import", s.json, "--merge", "--db", db),
    "copy-to": lambda s, db: ("db", "copy", "--from", s.demo, "--to", db),
}


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_writing_while_another_program_writes(sources, tmp_path, command):
    db = place(sources.empty, tmp_path)
    with held(db, readers_too=False):
        result = untwist(*WRITERS[command](sources, db))
    plain_failure(result, "locked by another program", str(db))
    assert count(db, "athletes") == 0 and count(db) == 0


def test_restoring_while_another_program_writes(sources, tmp_path):
    db = place(sources.empty, tmp_path)
    with held(db, readers_too=False):
        result = untwist("restore", "--db", db, sources.demo)
    line = plain_failure(result, "locked by another program", str(db))
    assert "Nothing was restored" in line
    assert count(db, "athletes") == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".sqlite") == ["db.sqlite"]


READERS = {  # the database the command reads, held so that nobody may read it
    "csv-export": lambda db, out: ("export", "--db", db, "-o", out / "m.csv"),
    "json-export": lambda db, out: ("export", "--db", db, "-o", out / "all.json"),
    "copy-from": lambda db, out: ("db", "copy", "--from", db, "--to", out / "copy.sqlite"),
    "backup": lambda db, out: ("backup", "--db", db, "-o", out / "copy.sqlite"),
}


@pytest.mark.parametrize("command", sorted(READERS))
def test_reading_while_another_program_holds_the_file(sources, tmp_path, command):
    db = place(sources.demo, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    with held(db, readers_too=True):
        result = untwist(*READERS[command](db, out))
    plain_failure(result, "locked by another program", str(db))
    assert list(out.iterdir()) == []


# -- full disk -----------------------------------------------------------------------------------


FILLS = {  # the database sits on the small disk and the command makes it grow
    "csv-import": lambda s, db: ("import", s.csv, "--db", db),
    "json-import": lambda s, db: ("import", s.json, "--db", db),
    "json-merge": lambda s, db: ("import", s.json, "--merge", "--db", db),
}


@pytest.mark.parametrize("command", sorted(FILLS))
def test_a_full_disk_under_the_database(sources, small_disk, command):
    db = place(sources.empty, small_disk)
    fill(small_disk, leave=64 * 1024)
    plain_failure(untwist(*FILLS[command](sources, db)), "is full", str(db))
    assert count(db, "athletes") == 0 and count(db) == 0


def test_a_copy_onto_a_full_disk_leaves_no_file(sources, small_disk):
    fill(small_disk, leave=64 * 1024)
    target = small_disk / "copy.sqlite"
    plain_failure(untwist("db", "copy", "--from", sources.demo, "--to", target), "is full")
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_restoring_on_a_full_disk(sources, small_disk):
    db = place(sources.empty, small_disk)
    before = digest(db)
    fill(small_disk, leave=64 * 1024)
    line = plain_failure(untwist("restore", "--db", db, sources.demo), "Nothing was restored")
    assert "is full" in line or "No space left" in line
    assert digest(db) == before and count(db, "athletes") == 0


@pytest.mark.parametrize("command", sorted(OUTPUTS))
def test_writing_onto_a_full_disk(sources, small_disk, command):
    out = small_disk / "out"
    out.mkdir()
    fill(small_disk, leave=0)
    line = plain_failure(untwist(*OUTPUTS[command](sources, out)), str(out))
    assert "is full" in line or "No space left" in line
    assert list(out.iterdir()) == []


# -- PostgreSQL: the server goes away, refuses writes ---------------------------------------------


@pytest.fixture(scope="module")
def own_server(postgres_server) -> Iterator[OwnServer]:
    server = OwnServer(postgres_server.bin_dir)
    server.start()
    yield server
    server.stop()


@dataclass(frozen=True)
class Server:
    server: OwnServer
    demo: str  # the name of a database holding the demo
    empty: str  # the name of an empty Untwist database

    def url(self, name: str) -> str:
        return self.server.url(name)


@pytest.fixture
def pg(own_server, sources) -> Iterator[Server]:
    names = [own_server.create_database() for _ in range(2)]
    copy_database(str(sources.demo), own_server.url(names[0]))
    open_database(own_server.url(names[1]), create=True).dispose()
    yield Server(own_server, *names)
    for name in names:
        own_server.drop_database(name)


SERVER_COMMANDS = {
    "csv-import": lambda s, p, out: ("import", s.csv, "--db", p.url(p.empty)),
    "json-import": lambda s, p, out: ("import", s.json, "--db", p.url(p.empty)),
    "csv-export": lambda s, p, out: ("export", "--db", p.url(p.demo), "-o", out / "m.csv"),
    "json-export": lambda s, p, out: ("export", "--db", p.url(p.demo), "-o", out / "all.json"),
    "copy-to": lambda s, p, out: ("db", "copy", "--from", s.demo, "--to", p.url(p.empty)),
    "copy-from": lambda s, p, out: ("db", "copy", "--from", p.url(p.demo), "--to", out / "c.db"),
}  # fmt: skip


def stop_while_waiting(pg: Server, dbname: str, args: tuple[object, ...]):  # type: ignore[no-untyped-def]
    """Run the command while a table it needs is locked; stop the server once it waits."""
    holder = pg.server.connect(dbname, autocommit=False)
    holder.execute("LOCK TABLE measurements IN ACCESS EXCLUSIVE MODE")
    command = untwist_in_background(*args)
    try:
        with pg.server.connect() as watcher:
            deadline = time.monotonic() + 60
            while not watcher.execute(
                "SELECT 1 FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'",
                (dbname,),
            ).fetchone():
                assert command.poll() is None, command.communicate()
                assert time.monotonic() < deadline, "the command never reached the locked table"
                time.sleep(0.05)
        pg.server.halt()
        stdout, stderr = command.communicate(timeout=60)
    finally:
        if command.poll() is None:
            command.kill()
            command.communicate()
        with contextlib.suppress(Exception):
            holder.close()
        pg.server.resume()
    return subprocess.CompletedProcess(command.args, command.returncode, stdout, stderr)


@pytest.mark.parametrize("when", ["before", "during"])
@pytest.mark.parametrize("command", sorted(SERVER_COMMANDS))
def test_the_server_goes_away(sources, pg, tmp_path, command, when):
    out = tmp_path / "out"
    out.mkdir()
    args = SERVER_COMMANDS[command](sources, pg, out)
    if when == "before":
        pg.server.halt()
        try:
            result = untwist(*args)
        finally:
            pg.server.resume()
    else:
        used = pg.empty if command in ("csv-import", "json-import", "copy-to") else pg.demo
        result = stop_while_waiting(pg, used, args)
    written = pg.empty if command in ("csv-import", "json-import", "copy-to") else pg.demo
    line = plain_failure(result, "Cannot reach")
    assert f"/{written}?" in line  # the server database, not the file on the other side
    assert list(out.iterdir()) == []
    with pg.server.connect(pg.empty) as conn:  # nothing was half written
        assert conn.execute("SELECT COUNT(*) FROM athletes").fetchone()[0] == 0


@pytest.mark.parametrize("command", ["csv-import", "json-merge", "copy-to"])
def test_a_read_only_server_database(sources, pg, command):
    with pg.server.connect() as admin:
        admin.execute(f'ALTER DATABASE "{pg.empty}" SET default_transaction_read_only = on')
    url = pg.url(pg.empty)
    args = {
        "csv-import": ("import", sources.csv, "--db", url),
        "json-merge": ("import", sources.json, "--merge", "--db", url),
        "copy-to": ("db", "copy", "--from", sources.demo, "--to", url),
    }[command]
    plain_failure(untwist(*args), "read-only")
    with pg.server.connect(pg.empty) as conn:
        assert conn.execute("SELECT COUNT(*) FROM athletes").fetchone()[0] == 0


@pytest.mark.parametrize("command", ["csv-import", "json-import", "copy-to"])
def test_a_full_disk_under_the_server(sources, own_server, command):
    """The database lives in a tablespace on a small disk of the server's (SQLSTATE 53100)."""
    mount = own_server.root / f"disk-{uuid.uuid4().hex[:8]}"  # a folder the server may reach
    with tmpfs(mount, "24m", owner="postgres") as disk:
        space = disk / "space"
        space.mkdir()
        shutil.chown(space, "postgres", "postgres")
        tablespace, name = f"small_{uuid.uuid4().hex[:8]}", f"full_{uuid.uuid4().hex[:8]}"
        with own_server.connect() as admin:
            admin.execute(f"CREATE TABLESPACE {tablespace} LOCATION '{space}'")
            admin.execute(f"CREATE DATABASE {name} TABLESPACE {tablespace}")
        try:
            url = own_server.url(name)
            open_database(url, create=True).dispose()
            # One more connection after the schema's DDL: the server rewrites its relation
            # cache file (pg_internal.init) for the database then. Left to the command, a
            # full disk refuses the connection itself ("FATAL: could not write init file",
            # which libpq passes on without a SQLSTATE): a different case from the one here.
            with own_server.connect(name) as conn:
                conn.execute("SELECT COUNT(*) FROM athletes").fetchone()
            fill(disk, leave=64 * 1024)
            args = {
                "csv-import": ("import", sources.csv, "--db", url),
                "json-import": ("import", sources.json, "--db", url),
                "copy-to": ("db", "copy", "--from", sources.demo, "--to", url),
            }[command]
            plain_failure(untwist(*args), "The disk holding", f"/{name}?", "is full")
            with own_server.connect(name) as conn:
                assert conn.execute("SELECT COUNT(*) FROM athletes").fetchone()[0] == 0
        finally:
            own_server.drop_database(name)
            with own_server.connect() as admin:
                admin.execute(f"DROP TABLESPACE {tablespace}")
