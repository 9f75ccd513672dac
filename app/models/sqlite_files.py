"""How a database file is named to SQLite: the one place both opening and backing up use.

A leaf module (nothing from ``app`` here), so :mod:`app.models.db` (which backs a file up before
an upgrade) and :mod:`app.models.backup` (which opens files to copy them) both import it
without importing each other.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["sqlite_uri"]


def sqlite_uri(path: Path, *, read_only: bool = True, at_rest: bool = False) -> str:
    """A ``file:`` URI for ``sqlite3.connect(..., uri=True)``.

    The path is percent-encoded: in a plain URI or SQLAlchemy URL a folder named
    ``Backups #2?`` would end the path at ``#`` or ``?`` and SQLite would open (or create!)
    another file. ``at_rest``: a file nobody is writing (a backup being checked or restored) with
    no journal beside it is opened ``immutable``, so checking it leaves no ``-wal``/``-shm``
    files behind and works on read-only media.
    """
    path = Path(path).absolute()
    if not read_only:
        return path.as_uri()  # SQLite's default for a URI: read-write, create
    companions = (path.with_name(path.name + suffix) for suffix in ("-wal", "-journal"))
    if (at_rest or on_read_only_media(path)) and not any(c.exists() for c in companions):
        return path.as_uri() + "?immutable=1"
    return path.as_uri() + "?mode=ro"


def on_read_only_media(path: Path) -> bool:
    """Whether ``path`` lies on a file system mounted read-only (a CD, a write-protected USB
    stick, a read-only share). Nobody writes there, and a WAL file there cannot be read with
    ``mode=ro`` (SQLite would have to create its ``-shm``): it is opened ``immutable``."""
    import os

    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows): assume an ordinary disk
        return False
