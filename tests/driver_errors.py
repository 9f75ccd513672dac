"""Real driver errors, each produced by making SQLite meet the condition (no hand-built ones).

Shared by the classification tests and the crash-dialog test: every function takes a scratch
folder and returns the ``sqlite3.Error`` SQLite raised, with its own code and message.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path


def _raised(action: Callable[[], object]) -> sqlite3.Error:
    try:
        action()
    except sqlite3.Error as exc:
        return exc
    raise AssertionError("SQLite did not refuse")


def _table(path: Path, rows: int = 0) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * rows)
    conn.commit()
    conn.close()
    return path


def locked(folder: Path) -> sqlite3.Error:
    """Another connection holds ``BEGIN EXCLUSIVE``; a second one may not even read."""
    path = _table(folder / "locked.sqlite")
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(path, timeout=0)
    try:
        return _raised(lambda: other.execute("SELECT * FROM t").fetchall())
    finally:
        other.close()
        holder.rollback()
        holder.close()


def read_only(folder: Path) -> sqlite3.Error:
    """A write through a connection opened ``mode=ro``."""
    path = _table(folder / "ro.sqlite")
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return _raised(lambda: conn.execute("INSERT INTO t VALUES ('x')"))
    finally:
        conn.close()


def full(folder: Path) -> sqlite3.Error:
    """The file may not grow (``max_page_count``): SQLite's SQLITE_FULL, as on a full disk."""
    conn = sqlite3.connect(_table(folder / "full.sqlite"))
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count={pages}")
    try:
        return _raised(lambda: conn.execute("INSERT INTO t VALUES (?)", ("x" * 20_000,)))
    finally:
        conn.close()


def not_a_database(folder: Path) -> sqlite3.Error:
    path = folder / "random.sqlite"
    path.write_bytes(os.urandom(8192))
    return _raised(lambda: sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall())


def corrupt(folder: Path) -> sqlite3.Error:
    """Twelve bytes of a b-tree page header flipped in the middle of a real file."""
    path = _table(folder / "flipped.sqlite", rows=200)
    data = bytearray(path.read_bytes())
    start = 4096 * 5
    for i in range(start, start + 12):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))
    conn = sqlite3.connect(path)
    try:
        return _raised(lambda: conn.execute("SELECT sum(length(x)) FROM t").fetchall())
    finally:
        conn.close()


def cannot_open(folder: Path) -> sqlite3.Error:
    """A database in a folder that does not exist."""
    return _raised(lambda: sqlite3.connect(folder / "no such folder" / "x.sqlite"))


def trigger_saying(folder: Path, message: str) -> sqlite3.Error:
    """A trigger's ``RAISE(ABORT, message)``: SQLITE_CONSTRAINT_TRIGGER, any words we like."""
    conn = sqlite3.connect(_table(folder / "trigger.sqlite"))
    quoted = message.replace("'", "''")
    conn.execute(f"CREATE TRIGGER no BEFORE INSERT ON t BEGIN SELECT RAISE(ABORT, '{quoted}'); END")
    try:
        return _raised(lambda: conn.execute("INSERT INTO t VALUES ('x')"))
    finally:
        conn.close()


SQLITE_CONDITIONS: dict[str, Callable[[Path], sqlite3.Error]] = {
    "locked": locked,
    "read-only": read_only,
    "full": full,
    "not-a-database": not_a_database,
    "corrupt": corrupt,
    "cannot-open": cannot_open,
}
