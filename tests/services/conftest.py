"""The service-level suite runs on both engines: SQLite (the default) and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.models.db import Database, open_database


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, db_path: Path) -> Database:
    target = str(db_path) if request.param == "sqlite" else request.getfixturevalue("pg_url")
    database = open_database(target, create=True)
    yield database
    database.dispose()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``sqlite_only`` (file backups, say) run on SQLite alone, and those marked
    ``server_only`` (a race SQLite's write lock rules out) on PostgreSQL alone."""
    keep, drop = [], []
    for item in items:
        engine_only = (
            ("[postgresql", "sqlite_only"),
            ("[sqlite", "server_only"),
        )
        if any(param in item.nodeid and item.get_closest_marker(m) for param, m in engine_only):
            drop.append(item)
        else:
            keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
