"""Driver errors are told apart by their code, never by their words.

Each error here is raised for real by SQLite or by a PostgreSQL server; the tests then show
that the classification follows SQLite's result code and PostgreSQL's SQLSTATE: the same code
with other words gives the same answer, and the right words with another code give none.
"""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError, OperationalError

from app.models.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseReadOnly,
    DatabaseUnreachable,
    DiskFull,
    classify_driver_error,
    sqlite_code,
)
from tests.driver_errors import SQLITE_CONDITIONS, trigger_saying

EXPECTED = {
    "locked": (DatabaseLocked, "SQLITE_BUSY", "locked by another program"),
    "read-only": (DatabaseReadOnly, "SQLITE_READONLY", "is read-only"),
    "full": (DiskFull, "SQLITE_FULL", "The disk holding the file is full"),
    "not-a-database": (DatabaseCorrupt, "SQLITE_NOTADB", "is damaged"),
    "corrupt": (DatabaseCorrupt, "SQLITE_CORRUPT", "is damaged"),
    "cannot-open": (DatabaseMissing, "SQLITE_CANTOPEN", "cannot be opened"),
}


def wrapped(exc: BaseException) -> DBAPIError:
    """What SQLAlchemy raises around a driver error (the driver's one is ``orig``)."""
    return DBAPIError.instance("INSERT …", {}, exc, sqlite3.Error)


@pytest.mark.parametrize("condition", sorted(SQLITE_CONDITIONS))
def test_each_real_sqlite_condition_is_classified_by_its_code(tmp_path, condition):
    kind, name, words = EXPECTED[condition]
    exc = SQLITE_CONDITIONS[condition](tmp_path)
    assert exc.sqlite_errorname == name  # the condition really happened
    for raised in (exc, wrapped(exc)):
        problem = classify_driver_error(raised, "the file")
        assert isinstance(problem, kind) and words in str(problem)
        assert problem.environment


@pytest.mark.parametrize("condition", sorted(SQLITE_CONDITIONS))
def test_the_words_do_not_matter_only_the_code(tmp_path, condition):
    kind, _, _ = EXPECTED[condition]
    exc = SQLITE_CONDITIONS[condition](tmp_path)
    exc.args = ("everything is fine, nothing to see",)  # same code, misleading text
    assert isinstance(classify_driver_error(wrapped(exc), "the file"), kind)


@pytest.mark.parametrize(
    "words",
    [
        "database is locked",
        "database or disk is full",
        "attempt to write a readonly database",
        "file is not a database",
        "unable to open database file",
        "server closed the connection unexpectedly",
    ],
)
def test_a_bug_that_uses_the_words_of_an_environment_failure_stays_a_bug(tmp_path, words):
    exc = trigger_saying(tmp_path, words)
    assert str(exc) == words and exc.sqlite_errorname == "SQLITE_CONSTRAINT_TRIGGER"
    assert classify_driver_error(exc) is None
    assert classify_driver_error(wrapped(exc)) is None


def test_extended_codes_count_by_their_primary_code(tmp_path):
    # SQLite reports extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_READONLY_DBMOVED, …);
    # their low byte is the primary code the classification looks at.
    exc = trigger_saying(tmp_path, "x")
    assert exc.sqlite_errorcode == 19 | (7 << 8)  # SQLITE_CONSTRAINT_TRIGGER
    assert sqlite_code(exc) == 19


def test_errors_python_raises_itself_have_no_code_and_are_bugs():
    conn = sqlite3.connect(":memory:")
    conn.close()
    with pytest.raises(sqlite3.ProgrammingError) as caught:
        conn.execute("SELECT 1")
    assert sqlite_code(caught.value) is None
    assert classify_driver_error(caught.value) is None
    assert classify_driver_error(KeyError("locked")) is None
    assert classify_driver_error(OSError("disk full")) is None


# -- PostgreSQL: SQLSTATE ------------------------------------------------------------------------


def pg_error(url: str, *statements: str) -> DBAPIError:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement))
    except DBAPIError as exc:
        return exc
    finally:
        engine.dispose()
    raise AssertionError("the server did not refuse")


def raise_with(state: str, message: str) -> str:
    quoted = message.replace("'", "''")
    return f"DO $$ BEGIN RAISE EXCEPTION '{quoted}' USING ERRCODE = '{state}'; END $$"


@pytest.mark.parametrize(
    ("statements", "kind", "state"),
    [
        (["SET TRANSACTION READ ONLY", "CREATE TABLE t (x int)"], DatabaseReadOnly, "25006"),
        (["SET LOCAL statement_timeout = 20", "SELECT pg_sleep(2)"], DatabaseUnreachable, "57014"),
        (["SELECT pg_terminate_backend(pg_backend_pid())"], DatabaseUnreachable, "57P01"),
        ([raise_with("53100", "all is well")], DiskFull, "53100"),
        ([raise_with("55P03", "hello")], DatabaseLocked, "55P03"),
        ([raise_with("40P01", "hello")], DatabaseLocked, "40P01"),
        ([raise_with("P0001", "disk full, database is locked, connection lost")], None, "P0001"),
        (["SELECT * FROM no_such_table"], None, "42P01"),
    ],
    ids=["read-only", "timeout", "terminated", "disk-full", "lock", "deadlock", "words", "bug"],
)  # fmt: skip
def test_postgres_errors_are_classified_by_sqlstate(pg_url, statements, kind, state):
    exc = pg_error(pg_url, *statements)
    assert exc.orig.sqlstate == state  # the server really said it
    problem = classify_driver_error(exc, "the clinic server")
    if kind is None:
        assert problem is None
    else:
        assert isinstance(problem, kind) and problem.environment


def test_a_lock_held_by_another_connection_is_locked(pg_url):
    engine = create_engine(pg_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (x int)"))
        with engine.connect() as holder, holder.begin():
            holder.execute(text("LOCK TABLE t IN ACCESS EXCLUSIVE MODE"))
            exc = pg_error(pg_url, "LOCK TABLE t IN ACCESS EXCLUSIVE MODE NOWAIT")
    finally:
        engine.dispose()
    assert exc.orig.sqlstate == "55P03"
    assert isinstance(classify_driver_error(exc, "the clinic server"), DatabaseLocked)


def test_no_server_at_all_is_unreachable(postgres_server):
    url = postgres_server.url("postgres").replace(
        f"port={postgres_server.port}", f"port={postgres_server.port + 3}"
    )
    engine = create_engine(url)
    with pytest.raises(OperationalError) as caught:
        engine.connect()
    engine.dispose()
    assert caught.value.orig.sqlstate is None  # the client said it: no server answered
    problem = classify_driver_error(caught.value, "the clinic server")
    assert isinstance(problem, DatabaseUnreachable)
    assert str(problem).startswith("Cannot reach the clinic server: ")
