"""Consistent copies of SQLite databases with SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

BACKUP_FOLDER = "backups"


def sqlite_backup(source: Path, destination: Path) -> Path:
    """Copy ``source`` to ``destination`` page by page while others may be using it."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".part")
    fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            dst.execute("PRAGMA synchronous=FULL")
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(partial, destination)
    return destination


def backup_beside(database: Path, reason: str, now: dt.datetime | None = None) -> Path:
    """Back up into the ``backups/`` folder beside the database, named by time and reason."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    name = f"{database.stem}-{stamp}-{reason}.sqlite"
    return sqlite_backup(database, database.parent / BACKUP_FOLDER / name)
