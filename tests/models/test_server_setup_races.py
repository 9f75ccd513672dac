"""Several desks starting at once on one PostgreSQL database: the first sets up or upgrades
the schema, the others wait for it and then open the result (a file lock cannot cover a
server; a PostgreSQL advisory lock does)."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine, text

from app.models.db import upgrade
from app.models.schema import HEAD, REVISIONS
from tests.cli import ROOT

DESKS = 4
DESK = """
import sys, time
from app.models.db import open_database
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
open_database(sys.argv[1], create=True).dispose()
"""


def start_together(url: str) -> list[str]:
    """Open ``url`` from ``DESKS`` processes (as desks are) released at one instant; the
    error output of each that failed."""
    at = time.time() + 3  # after every interpreter has imported the app
    desks = [
        subprocess.Popen(
            [sys.executable, "-c", DESK, url, str(at)],
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(DESKS)
    ]
    failed = []
    for desk in desks:
        _, err = desk.communicate(timeout=120)
        if desk.returncode:
            failed.append(err.strip().splitlines()[-1])
    return failed


def revision_of(url: str) -> str:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()


@pytest.mark.parametrize("start", ["empty", REVISIONS[0]])
def test_desks_starting_together_set_up_the_schema_once(pg_url, start):
    if start != "empty":
        engine = create_engine(pg_url)
        try:
            upgrade(engine, start)
        finally:
            engine.dispose()
    assert start_together(pg_url) == []
    assert revision_of(pg_url) == HEAD
