"""An old database for an upgrade test: the schema at a given revision, on SQLite or
PostgreSQL, filled with plain SQL (the models describe the head, not the old schema)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Connection, create_engine

from app.models.db import upgrade

ENGINES = ["sqlite", "postgresql"]


def database_at(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    revision: str,
    fill: Callable[[Connection], None],
) -> str:
    """A database (``request.param``: an engine of :data:`ENGINES`) at ``revision``, filled by
    ``fill`` in one transaction; returns its target (a path or a URL) for ``open_database``."""
    if request.param == "sqlite":
        target, url = str(tmp_path / "old.sqlite"), f"sqlite:///{tmp_path / 'old.sqlite'}"
    else:
        target = url = request.getfixturevalue("pg_url")
    engine = create_engine(url)
    try:
        upgrade(engine, revision)
        with engine.begin() as connection:
            fill(connection)
    finally:
        engine.dispose()
    return target
