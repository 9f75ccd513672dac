"""A clinic server that stops answering costs a desk seconds, not a frozen window.

The server here listens on TCP 127.0.0.1, like a clinic's, and is "hung" with SIGSTOP on every
one of its processes: the kernel still accepts connections and acknowledges packets, but no
process answers. Each kind of wait must end within its bound with a plain DatabaseProblem.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import text

from app.domain.records import AthleteData
from app.models import db as db_module
from app.models.db import (
    CONNECT_TIMEOUT_S,
    PING_TIMEOUT_S,
    open_database,
    server_connect_params,
)
from app.models.errors import DatabaseLocked, DatabaseProblem
from app.services.athletes import create_athlete
from app.services.freshness import change_token
from tests.conftest import serve_postgres
from tests.pgserver import PostgresServer

MARGIN_S = 3  # a loaded test machine: scheduling, process start, Python


@pytest.fixture(scope="module")
def tcp_server() -> Iterator[PostgresServer]:
    yield from serve_postgres(tcp=True, what="PostgreSQL on TCP")


@pytest.fixture
def url(tcp_server) -> str:
    name = tcp_server.create_database()
    yield tcp_server.url(name)
    tcp_server.drop_database(name)


def show(db, setting: str) -> str:
    with db.read() as session:
        return str(session.execute(text(f"SHOW {setting}")).scalar())


def test_the_server_side_timeouts_are_set_and_the_url_can_change_them(url):
    db = open_database(url, create=True)
    try:
        assert show(db, "statement_timeout") == "15s"
        assert show(db, "lock_timeout") == "10s"
        assert show(db, "idle_in_transaction_session_timeout") == "1min"
    finally:
        db.dispose()
    db = open_database(url + "?options=-c%20statement_timeout%3D60s", create=False)
    try:
        assert show(db, "statement_timeout") == "1min"  # the clinic's URL wins
        assert show(db, "lock_timeout") == "10s"
    finally:
        db.dispose()
    assert server_connect_params({"connect_timeout": 15})["connect_timeout"] == 15


def test_a_statement_past_its_timeout_is_a_plain_problem_and_the_desk_carries_on(url):
    db = open_database(url, create=True)
    try:
        with pytest.raises(DatabaseProblem, match="took too long"), db.read() as session:
            session.execute(text("SET LOCAL statement_timeout = '200ms'"))
            session.execute(text("SELECT pg_sleep(5)"))
        change_token(db)  # the same pool, still working
    finally:
        db.dispose()


def test_waiting_for_another_desks_lock_is_a_plain_problem(url):
    """lock_timeout (here 200 ms instead of LOCK_TIMEOUT_S): a row another desk keeps locked."""
    db = open_database(url, create=True)
    other = open_database(url, create=False)
    try:
        athlete = create_athlete(db, AthleteData(name="Ada"))
        change = text("UPDATE athletes SET notes = :notes WHERE id = :id")
        with other.engine.connect() as holder:
            holder.execute(change, {"notes": "theirs", "id": athlete.id})  # not committed
            with pytest.raises(DatabaseLocked, match="Another desk"), db.transaction() as session:
                session.execute(text("SET LOCAL lock_timeout = '200ms'"))
                session.execute(change, {"notes": "mine", "id": athlete.id})
            holder.rollback()
    finally:
        other.dispose()
        db.dispose()


def elapsed_until_problem(action: Callable[[], object]) -> float:
    started = time.monotonic()
    with pytest.raises(DatabaseProblem):
        action()
    return time.monotonic() - started


def test_a_paused_server_is_given_up_within_the_bounds(tcp_server, url, monkeypatch):
    db = open_database(url, create=True)
    try:
        change_token(db)  # one pooled connection, idle and healthy
        with tcp_server.paused():
            # the pooled connection: the ping gives up, then the reconnection does
            waited = elapsed_until_problem(lambda: change_token(db))
            assert waited < PING_TIMEOUT_S + CONNECT_TIMEOUT_S + MARGIN_S
            # a desk that opens the database now
            waited = elapsed_until_problem(lambda: open_database(url, create=False))
            assert waited < CONNECT_TIMEOUT_S + MARGIN_S
        change_token(db)  # resumed: the next poll works again
    finally:
        db.dispose()


def test_a_server_that_stops_in_the_middle_of_a_unit_of_work(tcp_server, url, monkeypatch):
    """The silence bound, here 3 s instead of SERVER_SILENCE_S (20 s) to keep the test short:
    nothing else ends this wait (keepalives are answered by the kernel, the statement timeout
    needs a running server)."""
    monkeypatch.setattr(db_module, "SERVER_SILENCE_S", 3)
    db = open_database(url, create=True)
    try:
        started = None

        def save() -> None:
            nonlocal started
            with db.transaction() as session:
                session.execute(text("SELECT 1"))  # connected and answering
                with tcp_server.paused():
                    started = time.monotonic()
                    session.execute(text("SELECT count(*) FROM athletes"))

        with pytest.raises(DatabaseProblem, match="did not answer"):
            save()
        assert started is not None and time.monotonic() - started < 3 + MARGIN_S
        change_token(db)  # the broken connection was dropped from the pool
    finally:
        db.dispose()
