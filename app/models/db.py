"""Opening a database: validate first, never touch a file that is not ours, migrate safely.

The order matters. A file named on the command line is checked with read-only means (header,
``PRAGMA quick_check``, schema revision) before any connection that could write to it exists,
so a wrong path, random bytes, a truncated or corrupt file are reported and left byte-for-byte
unchanged. A file the user may not write (permissions, read-only mount, a second window that
chose read-only) is opened with SQLite's ``mode=ro``: reads work, every write is refused with
:class:`DatabaseReadOnly`. An upgrade runs in one transaction after a safety copy, so a failing
revision leaves the file as it was.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import logging
import os
import re
import sqlite3
import struct
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Column, MetaData, String, Table, create_engine, event, select, text
from sqlalchemy.engine import URL, Connection, Engine, ExceptionContext
from sqlalchemy.exc import ArgumentError, DBAPIError, DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

from app.domain.changes import KINDS, Changes
from app.domain.messages import message_of, msg
from app.domain.text import counted
from app.folders import make_private_dirs
from app.models.access import AccessLock, real_path
from app.models.backup import backup_beside
from app.models.base import Base
from app.models.errors import (
    SQLITE_BUSY,
    SQLITE_LOCKED,
    DatabaseCorrupt,
    DatabaseInUse,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseProblem,
    DatabaseReadOnly,
    DatabaseUnreachable,
    DiskFull,
    MigrationFailed,
    NotADatabase,
    NotUntwistDatabase,
    SchemaIncomplete,
    SchemaTooNew,
    UnusableTarget,
    classify_driver_error,
    disk_full,
    sqlite_code,
)
from app.models.schema import HEAD, REVISIONS
from app.models.schema_shape import (
    Shape,
    model_shape,
    read_shape,
    shape_problems,
    value_problems,
)
from app.models.sqlite_files import sqlite_uri
from app.models.tables import CHANGE_KINDS, ChangeCounter

log = logging.getLogger(__name__)

# -- how long a desk waits for the database before it tells the user -------------------------
# libpq's defaults wait forever: a clinic server that is switched off, a pulled network cable
# or a hung server process would freeze whatever waits for it, the window included. Each bound
# below turns one of those waits into a plain DatabaseProblem after a few seconds.
#
# SQLite: another program (a second window, a backup) holding the file's write lock.
SQLITE_BUSY_TIMEOUT_S = 5
# A new connection to the server, TCP and authentication included (libpq connect_timeout).
CONNECT_TIMEOUT_S = 5
# Server side, per statement: our longest statement (a JSON export reading a big table) takes
# a few seconds; beyond this the server cancels it and the connection stays usable.
STATEMENT_TIMEOUT_S = 15
# Server side: waiting for a row another desk has locked (two program saves at once) is brief.
LOCK_TIMEOUT_S = 10
# Server side: a desk that stopped mid-transaction (crashed, asleep) releases its locks after
# this, instead of blocking every other desk until the server notices the desk is gone (hours).
IDLE_IN_TRANSACTION_TIMEOUT_S = 60
# Client side: the server sent nothing for this long while we waited for an answer. This is the
# bound that holds when the server machine is up but the server does not answer (a hung or
# stopped process: its kernel still acknowledges our packets, so neither TCP keepalives nor
# tcp_user_timeout fire, and the statement timeout cannot fire on a server that does not run).
# Longer than STATEMENT_TIMEOUT_S, so a slow but live server cancels its own statement first.
SERVER_SILENCE_S = 20
# Checking a pooled connection before use (it may have died while idle): a live server answers
# an empty statement at once.
PING_TIMEOUT_S = 5
# TCP: notice a dead peer (machine off, network gone) on an idle connection within about
# 10 + 3 × 5 s, and give up on data the peer never acknowledges; ignored on Unix sockets.
KEEPALIVES_IDLE_S, KEEPALIVES_INTERVAL_S, KEEPALIVES_COUNT = 10, 5, 3
TCP_USER_TIMEOUT_S = SERVER_SILENCE_S

SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# How long the read-only check waits for another program's lock. In WAL mode readers never wait
# for writers, so a wait this long means a program holds the file exclusively.
LOCK_WAIT_S = 2.0
RESTORE_ADVICE = "Restore it from a backup."
_version_meta = MetaData()
alembic_version = Table(
    "alembic_version",
    _version_meta,
    Column("version_num", String(32), primary_key=True),
)


def is_url(target: str) -> bool:
    return "://" in target


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def describe(target: str) -> str:
    """A target as it may be shown to a user: a path, or a URL without its password.

    A URL SQLAlchemy cannot parse is shown with whatever stands before an ``@`` masked.
    """
    if not is_url(target):
        return target
    from sqlalchemy.engine import make_url

    try:
        return make_url(target).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return re.sub(r"://[^/@]*@", "://***@", target)


# The table a statement writes, from its SQL (ORM flushes, Core and driver SQL alike).
_WRITE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE
)
_written = threading.local()  # the tables the current thread's unit of work wrote


def _note_write(_conn: Connection, _cursor: object, statement: str, *_args: object) -> None:
    tables: set[str] | None = getattr(_written, "tables", None)
    if tables is not None:
        match = _WRITE.match(statement)
        if match:
            tables.add(match.group(1).lower())


@contextlib.contextmanager
def _collecting() -> Iterator[set[str]]:
    previous = getattr(_written, "tables", None)
    tables: set[str] = set()
    _written.tables = tables
    try:
        yield tables
    finally:
        _written.tables = previous
        if previous is not None:
            previous |= tables


def changes_of(tables: set[str]) -> Changes:
    """The kinds of record behind the tables a unit of work wrote."""
    return Changes.of(CHANGE_KINDS[t] for t in tables if t in CHANGE_KINDS)


def seed_change_counters(connection: Connection) -> None:
    """One counter row per kind of record, at 0 (a new database, and revision 0007)."""
    table = ChangeCounter.__table__
    connection.execute(table.insert(), [{"kind": kind, "counter": 0} for kind in KINDS])


def _count_changes(connection: Connection, tables: set[str]) -> None:
    """Raise the counter of every kind of record the unit of work wrote, before its commit.

    In the same transaction as the writes, so another desk sees the new counters exactly
    when it can see the rows (the freshness poll reads only these). On PostgreSQL the
    counter's row lock is held from here to the commit: the statement comes last for that.
    """
    kinds = sorted({CHANGE_KINDS[t] for t in tables if t in CHANGE_KINDS})
    if kinds:
        table = ChangeCounter.__table__
        connection.execute(
            table.update().where(table.c.kind.in_(kinds)).values(counter=table.c.counter + 1)
        )


@dataclass
class Database:
    """An open, validated, up-to-date database.

    Every unit of work (:meth:`transaction`, :meth:`bulk`) publishes what it changed, after its
    commit, to the callables given to :meth:`subscribe`: the window's state turns them into
    signals. The changes are read from the SQL that ran, so no write path can forget to say.
    """

    url: str
    engine: Engine
    path: Path | None = None
    read_only: bool = False
    access: AccessLock | None = None  # this process's shared lock on the file (app.models.access)
    sessions: sessionmaker[Session] = field(init=False)
    commits: int = field(default=0, init=False)  # this process's commits (see freshness)
    _subscribers: list[Callable[[Changes], None]] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        event.listen(self.engine, "commit", self._committed)
        event.listen(self.engine, "before_cursor_execute", _note_write)
        event.listen(self.engine, "handle_error", self._mark_error)

    def _mark_error(self, context: ExceptionContext) -> None:
        """Say on each driver error which database raised it.

        ``db copy`` works inside two units of work at once (a snapshot of the source, a bulk
        transaction on the target); the first one an error passes through names the database
        the error really came from, not the one whose block happens to be innermost.
        """
        error = context.sqlalchemy_exception
        if error is not None and not hasattr(error, "database_label"):
            error.database_label = self.label  # type: ignore[attr-defined]  # our tag on its exception

    def subscribe(self, callback: Callable[[Changes], None]) -> None:
        """Call ``callback(changes)`` after each commit, in the thread that committed."""
        self._subscribers.append(callback)

    def unsubscribe(self, callback: Callable[[Changes], None]) -> None:
        with contextlib.suppress(ValueError):
            self._subscribers.remove(callback)

    def _publish(self, tables: set[str]) -> None:
        changes = changes_of(tables)
        if changes and getattr(_written, "tables", None) is None:
            for callback in list(self._subscribers):
                callback(changes)

    def _committed(self, _connection: Connection) -> None:
        """Count our own writes, so a window can tell them from another desk's."""
        self.commits += 1

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def label(self) -> str:
        return str(self.path) if self.path else describe(self.url)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error.

        A read-only database refuses here, before anything is attempted, with a message fit
        for the user (SQLite's own ``mode=ro`` refusal stays as the second line of defence).
        """
        self._refuse_read_only()
        with self._plain_problems(), _collecting() as tables, self.sessions.begin() as session:
            if self.is_sqlite:
                _write_from_the_start(session.connection())
            yield session
            session.flush()  # every write noted before the counters are raised
            _count_changes(session.connection(), tables)
        self._publish(tables)

    @contextlib.contextmanager
    def bulk(self) -> Iterator[Connection]:
        """One unit of work in Core, for bulk paths (imports, copies, restores of rows).

        Guarded like :meth:`transaction`: all or nothing, a read-only database refused first,
        and the environment's faults (read-only or locked file, full disk, server gone) raised
        as a :class:`DatabaseProblem` with a plain message, never as a driver traceback.
        """
        self._refuse_read_only()
        with self._plain_problems(), _collecting() as tables, self.engine.begin() as connection:
            if self.is_sqlite:
                _write_from_the_start(connection)
            yield connection
            _count_changes(connection, tables)
        self._publish(tables)

    def _refuse_read_only(self) -> None:
        if self.read_only:
            raise DatabaseReadOnly(
                msg(
                    "{label} is open read-only: changes cannot be saved. Close the other Untwist "
                    "window or make the file writable, then open it again.",
                    label=self.label,
                )
            )

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading, closed when the block ends; problems as in :meth:`transaction`."""
        with self._plain_problems(), self.sessions() as session:
            yield session

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Connection]:
        """A Core connection that sees one moment of the database until the block ends.

        For bulk reads (a JSON export, the source of ``db copy``) that read table after table:
        a desk saving meanwhile must not give a file whose measurements point at a session it
        does not hold. Built on :meth:`read`, so problems are translated the same way.
        PostgreSQL: a read-only ``REPEATABLE READ`` transaction. SQLite (WAL): an explicit
        ``BEGIN`` (the driver starts none before a SELECT); the snapshot is taken at the first
        read and held until the session rolls back at the end.
        """
        with self.read() as session:
            if self.is_sqlite:
                connection = session.connection()
                connection.exec_driver_sql("BEGIN")
            else:
                connection = session.connection(
                    execution_options={
                        "isolation_level": "REPEATABLE READ",
                        "postgresql_readonly": True,
                    }
                )
            yield connection

    @contextlib.contextmanager
    def _plain_problems(self) -> Iterator[None]:
        """Turn the environment's faults into :class:`DatabaseProblem`, our bugs stay as they are.

        A server that is down, a wrong password, a network drop mid-save, a full disk or a
        locked file then reach the views as a plain message they show beside the form they
        keep; the transaction was rolled back (by us, or by the server when the connection
        died), so nothing is half written. The next attempt gets a fresh connection
        (``pool_pre_ping``), so "Save" again works once the server is back.
        """
        try:
            yield
        except DBAPIError as exc:
            # By the driver's code: integrity errors and SQL mistakes stay bugs (crash dialog).
            label = getattr(exc, "database_label", self.label)
            problem = _time_limit_problem(exc, label) or classify_driver_error(exc, label)
            if problem is None:
                raise
            raise problem from exc

    def dispose(self) -> None:
        """Close every pooled connection and let go of the file: this process is done with it
        (a restore may now replace it)."""
        self.engine.dispose()
        if self.access is not None:
            self.access.release()


def _time_limit_problem(exc: DBAPIError, label: str) -> DatabaseProblem | None:
    """One of our server-side time limits ended the wait (by SQLSTATE), said plainly."""
    state = getattr(exc.orig, "sqlstate", None) if "psycopg" in type(exc.orig).__module__ else None
    if state == "57014":  # query_canceled: our statement_timeout (we never cancel otherwise)
        return DatabaseUnreachable(
            msg(
                "{label} took too long to answer (more than {statement_timeout_s} s) and nothing "
                "was changed.",
                label=label,
                statement_timeout_s=STATEMENT_TIMEOUT_S,
            ),
            msg("Try again in a moment; if it keeps happening, the server is overloaded."),
        )
    if state == "55P03":  # lock_not_available: lock_timeout
        return DatabaseLocked(
            msg(
                "Another desk has been changing the same records on {label} for more than "
                "{lock_timeout_s} s; nothing was changed.",
                label=label,
                lock_timeout_s=LOCK_TIMEOUT_S,
            ),
            msg("Try again in a moment."),
        )
    if state == "25P03":  # idle_in_transaction_session_timeout
        return DatabaseUnreachable(
            msg(
                "{label} closed this desk's connection after {idle_in_transaction_timeout_s} s "
                "without activity; nothing was changed.",
                label=label,
                idle_in_transaction_timeout_s=IDLE_IN_TRANSACTION_TIMEOUT_S,
            ),
            msg("Try again."),
        )
    return None


SqlValue = str | bytes | int | float | None


def _unicode_lower(value: SqlValue) -> SqlValue:
    return value.lower() if isinstance(value, str) else value


def _set_reading_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    """Per-connection settings that write nothing to the file (a read-only open uses these)."""
    # SQLite's own lower() folds ASCII only: "ZOË" would not match "zoë" in a search, while
    # PostgreSQL's does. Python's str.lower makes both engines agree.
    dbapi_connection.create_function("lower", 1, _unicode_lower, deterministic=True)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _write_from_the_start(connection: Connection) -> None:
    """Take SQLite's write lock before the unit of work reads anything.

    Python's sqlite3 driver begins a transaction only at the first INSERT/UPDATE/DELETE, so
    what a unit of work read first ("is this athlete known?", "is the database empty?") was
    read outside it: two imports of one file, started together in two processes, each found
    nothing and each added everything. ``BEGIN IMMEDIATE`` makes the second wait (within the
    busy timeout) until the first has committed, and then read what it wrote.
    """
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _set_sqlite_pragmas(dbapi_connection: sqlite3.Connection, record: object) -> None:
    """The reading settings, and WAL: switching the journal mode writes the file's header, so
    only a connection that may write does it (a read-only open changes no byte)."""
    _set_reading_pragmas(dbapi_connection, record)
    with contextlib.suppress(sqlite3.OperationalError):  # e.g. a file another program holds
        dbapi_connection.execute("PRAGMA journal_mode=WAL")


def _file_engine(
    path: Path,
    *,
    read_only: bool = False,
    isolation_level: Any = "",  # "" is pysqlite's deferred BEGIN (typeshed omits it)
    timeout: float = SQLITE_BUSY_TIMEOUT_S,
    **engine_options: Any,
) -> Engine:
    """An engine on a file, whatever characters its path holds (see :func:`sqlite_uri`).

    ``check_same_thread=False`` as SQLAlchemy sets it for files: pooled connections move
    between the GUI thread and background operations, one at a time.
    """
    uri = sqlite_uri(path, read_only=read_only)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(
            uri,
            uri=True,
            timeout=timeout,
            isolation_level=isolation_level,
            check_same_thread=False,
        )

    return create_engine(
        URL.create("sqlite", database=str(path)), creator=connect, **engine_options
    )


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    """An engine on a file or a server, with the bounds above on every wait for it."""
    if url.startswith("sqlite"):
        engine = _file_engine(Path(url.split("///", 1)[1]), read_only=read_only)
        pragmas = _set_reading_pragmas if read_only else _set_sqlite_pragmas
        event.listen(engine, "connect", pragmas)
        return engine
    return _server_engine(url)


def server_connect_params(params: dict[str, Any]) -> dict[str, Any]:
    """libpq parameters with our bounds added; what the URL already says wins.

    The server-side timeouts travel as startup ``options`` (no extra round trip); a clinic
    whose network is slow can raise any of them in the URL, e.g. ``?connect_timeout=15`` or
    ``?options=-c statement_timeout=60s`` (later ``-c`` settings win).
    """
    bounded = dict(params)
    for key, value in (
        ("connect_timeout", CONNECT_TIMEOUT_S),
        ("keepalives", 1),
        ("keepalives_idle", KEEPALIVES_IDLE_S),
        ("keepalives_interval", KEEPALIVES_INTERVAL_S),
        ("keepalives_count", KEEPALIVES_COUNT),
        ("tcp_user_timeout", TCP_USER_TIMEOUT_S * 1000),
    ):
        bounded.setdefault(key, value)
    ours = (
        f"-c statement_timeout={STATEMENT_TIMEOUT_S}s -c lock_timeout={LOCK_TIMEOUT_S}s "
        f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_TIMEOUT_S}s"
    )
    bounded["options"] = f"{ours} {bounded.get('options') or ''}".strip()
    return bounded


def _server_engine(url: str) -> Engine:
    """A PostgreSQL engine whose connections give up on a silent server (see the bounds).

    Pooled connections are checked before use, like ``pool_pre_ping`` but within
    :data:`PING_TIMEOUT_S`: a connection that died while idle is replaced transparently, and a
    server that does not answer at all fails after about ping + connect timeouts.
    """
    connection_class = _bounded_connection_class()
    engine = create_engine(url)

    @event.listens_for(engine, "do_connect")
    def _connect(
        _dialect: object, record: Any, cargs: tuple[Any, ...], cparams: dict[str, Any]
    ) -> Any:
        record.info["fresh"] = True  # it has just answered: no need to ping it on checkout
        return connection_class.connect(*cargs, **server_connect_params(cparams))

    @event.listens_for(engine, "checkout")
    def _ping(dbapi_connection: Any, record: Any, _proxy: object) -> None:
        if record.info.pop("fresh", False):
            return
        try:
            with dbapi_connection.answering_within(PING_TIMEOUT_S):
                engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:  # the pool replaces the connection and tries once more
            raise DisconnectionError(msg(
                "the pooled connection did not answer ({exc})",
                exc=exc,
            )) from exc

    return engine


@functools.cache
def _bounded_connection_class() -> type[Any]:
    """psycopg's connection with a silence bound on every round trip (imported when needed).

    Every exchange with the server (statements, commit, rollback, the ping) goes through
    ``Connection.wait``, which feeds readiness to psycopg's protocol generator; wrapping the
    generator sees each time the socket stays quiet and gives up after the bound. The protocol
    is then mid-message, so the connection is closed (SQLAlchemy sees a disconnect and drops
    it from the pool).
    """
    import psycopg
    from psycopg.waiting import Ready

    class ServerSilent(psycopg.OperationalError):
        pass

    def until_silent(gen: Any, bound: float) -> Any:
        heard = time.monotonic()
        try:
            state = next(gen)
            while True:
                ready = yield state
                now = time.monotonic()
                if ready != Ready.NONE:
                    heard = now
                elif now - heard > bound:
                    raise ServerSilent(
                        f"timeout: the database server did not answer for {bound:g} s"
                    )
                state = gen.send(ready)
        except StopIteration as stop:
            return stop.value

    unset = object()

    class BoundedConnection(psycopg.Connection[Any]):
        _within: Any = unset

        @contextlib.contextmanager
        def answering_within(self, seconds: float | None) -> Iterator[None]:
            """Another bound for the round trips inside the block (``None``: no bound)."""
            before, self._within = self._within, seconds
            try:
                yield
            finally:
                self._within = before

        def wait(self, gen: Any, *args: Any, **kwargs: Any) -> Any:
            bound = SERVER_SILENCE_S if self._within is unset else self._within
            if bound is None:
                return super().wait(gen, *args, **kwargs)
            try:
                return super().wait(until_silent(gen, bound), *args, **kwargs)
            except ServerSilent:
                self.pgconn.finish()  # mid-message: this connection cannot be used again
                raise

    return BoundedConnection


def _truncation(path: Path, header: bytes) -> str | None:
    """Why the file looks cut short, from its own header; ``None`` if its size is plausible.

    The header records the page size and, when bytes 24 and 92 agree, the page count: a file
    shorter than that lost its tail (an interrupted copy, a full disk, a sync tool).
    """
    size = path.stat().st_size
    if len(header) < HEADER_SIZE:
        return f"only {size} bytes, not even a whole header"
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, pages = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    if pages and change_counter == valid_for and size < pages * page_size:
        return f"{size} of {pages * page_size} bytes"
    return None


Columns = dict[str, set[str]]
"""A schema as the checks compare it: each table's name with the names of its columns."""

_SQLITE_COLUMNS = (
    "SELECT m.name, p.name FROM sqlite_master AS m, pragma_table_info(m.name) AS p "
    "WHERE m.type = 'table'"
)


def _inspect_sqlite_file(
    path: Path, *, check: str | None = "quick_check", at_rest: bool = False
) -> tuple[Columns, str | None]:
    """Read-only look at an existing file: (tables and their columns, schema revision).

    ``check`` is ``quick_check`` (O(N) but skips index cross-checks: half a second on a
    ten-year clinic file), ``integrity_check`` (a restore, where a full check is worth its
    cost) or ``None``: header, truncation, schema and revision only, which cost the same on any
    size (the window's start, read-only reports; the whole file is checked later, see
    :func:`open_database`). ``at_rest``: see :func:`sqlite_uri`.
    """
    if path.is_dir():
        raise NotADatabase(msg("{path} is a folder, not an Untwist database.", path=path))
    if path.exists() and not path.is_file():  # opening a pipe would wait for a writer forever
        raise NotADatabase(
            msg(
                "{path} is not a regular file (a pipe or a device), not an Untwist database.",
                path=path,
            )
        )
    try:
        with path.open("rb") as fh:
            header = fh.read(HEADER_SIZE)
    except PermissionError:
        raise DatabaseProblem(msg("{path} cannot be read (no permission).", path=path)) from None
    if header == b"":
        return {}, None
    if header[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise NotADatabase(msg(
            "{path} is not an Untwist database (not an SQLite file).",
            path=path,
        ))
    truncated = _truncation(path, header)
    if truncated and len(header) < HEADER_SIZE:
        raise DatabaseCorrupt(_truncated_message(path, truncated), RESTORE_ADVICE)
    try:
        conn = sqlite3.connect(sqlite_uri(path, at_rest=at_rest), uri=True, timeout=LOCK_WAIT_S)
    except sqlite3.Error as exc:
        raise _sqlite_problem(exc, path, truncated) from None
    try:
        row = conn.execute(f"PRAGMA {check}").fetchone() if check else ("ok",)
        if row is None or row[0] != "ok":
            if truncated:
                raise DatabaseCorrupt(_truncated_message(path, truncated), RESTORE_ADVICE)
            raise DatabaseCorrupt(
                msg(
                    "{path} is damaged (integrity check: {first_problem}).",
                    path=path,
                    first_problem=_first_problem(row),
                ), RESTORE_ADVICE
            )
        tables: Columns = {
            r[0]: set() for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        for table, column in conn.execute(_SQLITE_COLUMNS):
            tables[table].add(column)
        revision = None
        if "alembic_version" in tables:
            found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = found[0] if found else None
        if revision in REVISIONS and not schema_gaps(tables, revision):
            _check_shape(conn, revision, path)  # (missing tables are reported by the caller)
        return tables, revision
    except sqlite3.Error as exc:
        raise _sqlite_problem(exc, path, truncated) from None
    finally:
        conn.close()


def _first_problem(row: tuple[str] | None) -> str:
    """SQLite's first complaint on one short line (it may span lines and pages)."""
    if row is None:
        return msg("no answer")
    words = " ".join(row[0].replace("*** in database main ***", " ").split())
    return words if len(words) <= 120 else words[:119] + "…"


def _truncated_message(path: Path, detail: str) -> str:
    return msg("{path} is incomplete (truncated: {detail}).", path=path, detail=detail)


def _sqlite_problem(
    exc: BaseException, path: Path, truncated: str | None = None
) -> DatabaseProblem:
    """What an error while checking ``path`` means, by SQLite's result code.

    A file that only *looks* broken because it is cut short says so (the header told us).
    Whatever SQLite cannot make sense of is reported as unreadable, never as our bug: the file
    is the user's, not ours, until it passed this check.
    """
    code = sqlite_code(exc)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseLocked(
            msg(
                "{path} is locked by another program (another Untwist, a sync or backup tool?).",
                path=path,
            ),
            msg("Close it and try again."),
        )
    if truncated:
        return DatabaseCorrupt(_truncated_message(path, truncated), RESTORE_ADVICE)
    return classify_driver_error(exc, str(path)) or DatabaseCorrupt(
        msg("{path} cannot be read as a database ({exc}).", path=path, exc=exc)
    )


def check_nobody_writes(path: Path) -> None:
    """Raise :class:`DatabaseLocked` if another program is writing ``path`` right now.

    Reading is no test of that: in WAL mode readers never wait for a writer. Taking the write
    lock for a moment (``BEGIN IMMEDIATE``, then ``ROLLBACK``) is, and writes nothing. Used
    before a restore moves the file aside, which would send another program's writes into the
    old copy. The file must be one :func:`check_database_file` accepted.
    """
    try:
        conn = sqlite3.connect(
            sqlite_uri(path, read_only=False), uri=True, timeout=LOCK_WAIT_S, isolation_level=None
        )
    except sqlite3.Error as exc:
        raise _sqlite_problem(exc, path) from None
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except sqlite3.Error as exc:
        raise _sqlite_problem(exc, path) from None
    finally:
        conn.close()


def _check_revision(revision: str | None, tables: Columns | set[str], label: str) -> None:
    if revision is None and set(tables) - {"sqlite_sequence"}:
        raise NotUntwistDatabase(msg(
            "{label} is not an Untwist database (unknown tables).",
            label=label,
        ))
    if revision is not None and revision not in REVISIONS:
        raise SchemaTooNew(
            msg(
                "{label} was written by a newer version of Untwist (schema {revision}). Update "
                "Untwist to open it.",
                label=label,
                revision=revision,
            )
        )


def _metadata_columns() -> Columns:
    tables = {t.name: {c.name for c in t.columns} for t in Base.metadata.sorted_tables}
    tables["alembic_version"] = {"version_num"}
    return tables


@functools.cache
def expected_schema(revision: str) -> Columns:
    """The tables and columns a database of ``revision`` has.

    The head revision's come from the models (no Alembic needed: that is every ordinary open).
    An older one's are what the migrations build up to it, on a scratch file: only paid when a
    file of that revision is opened (it is about to be upgraded) or restored.
    """
    if revision == HEAD:
        return _metadata_columns()
    return _scratch(revision)[0]


@functools.cache
def _scratch(revision: str) -> tuple[Columns, Shape]:
    """Tables, columns and shape of a scratch database built as Untwist builds ``revision``
    (the migrations up to it; the head: a new database's create-and-stamp)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="untwist-schema-") as folder:
        scratch = Path(folder) / "schema.sqlite"
        engine = create_engine(sqlite_url(scratch))
        try:
            if revision == HEAD:
                with engine.begin() as connection:
                    initialize(connection)
            else:
                upgrade(engine, revision)
        finally:
            engine.dispose()
        conn = sqlite3.connect(scratch)
        try:
            tables: Columns = {}
            for table, column in conn.execute(_SQLITE_COLUMNS):
                tables.setdefault(table, set()).add(column)
            shape = read_shape(conn)
        finally:
            conn.close()
    tables.pop("sqlite_sequence", None)
    return tables, shape


def _check_shape(conn: sqlite3.Connection, revision: str, path: Path) -> None:
    """Refuse a file whose schema is not as Untwist builds ``revision`` (see
    :mod:`app.models.schema_shape`): a trigger or view of its own, a unique rule missing, a
    column of another type. Three reads of SQLite's catalog; a scratch database is built only
    for an older revision or when the file holds triggers or views."""
    found = read_shape(conn)
    expected = model_shape() if revision == HEAD else _scratch(revision)[1]
    code = _scratch(revision)[1].code if found.code else frozenset()
    problems = shape_problems(found, expected, code)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise SchemaIncomplete(
            msg(
                "{path} has been changed outside Untwist: {value}{more}.",
                path=path,
                value=problems[0],
                more=more,
            ),
            RESTORE_ADVICE,
        )


def schema_gaps(found: Columns, revision: str) -> list[str]:
    """What ``found`` lacks of the schema of ``revision``: ``table x``, ``column x.y``.

    Only what is missing counts: a table or column more (``sqlite_stat1`` after an ``ANALYZE``,
    another program's table in a shared PostgreSQL schema) harms nothing.
    """
    gaps: list[str] = []
    for table, columns in sorted(expected_schema(revision).items()):
        if table not in found:
            gaps.append(f"table {table}")
        else:
            gaps += [f"column {table}.{column}" for column in sorted(columns - found[table])]
    return gaps


def _check_schema(found: Columns, revision: str, label: str) -> None:
    """Refuse a database whose revision we know but whose tables or columns are not all there
    (every command afterwards would fail with "no such table")."""
    gaps = schema_gaps(found, revision)
    if gaps:
        shown = ", ".join(gaps[:3]) + (f" and {len(gaps) - 3} more" if len(gaps) > 3 else "")
        raise SchemaIncomplete(
            msg(
                "{label} is incomplete: it says schema {revision} but lacks {shown}.",
                label=label,
                revision=revision,
                shown=shown,
            ),
            RESTORE_ADVICE,
        )


def _sqlite_columns(connection: Connection) -> Columns:
    tables: Columns = {}
    for table, column in connection.exec_driver_sql(_SQLITE_COLUMNS):
        tables.setdefault(table, set()).add(column)
    return tables


def _server_columns(connection: Connection) -> Columns:
    """The tables and columns of the schema the server puts our tables in, in one query."""
    rows = connection.exec_driver_sql(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema()"
    )
    tables: Columns = {}
    for table, column in rows:
        tables.setdefault(table, set()).add(column)
    return tables


def initialize(connection: Connection) -> None:
    """Create every table of a brand-new database and mark it with the head revision.

    This is Alembic's documented "create_all, then stamp" for a fresh database, done in plain
    SQL so that creating a database does not need to import Alembic.
    """
    from app.models.seed import seed_builtin_drills

    Base.metadata.create_all(connection)
    _version_meta.create_all(connection)
    connection.execute(alembic_version.insert().values(version_num=HEAD))
    seed_builtin_drills(connection)
    seed_change_counters(connection)


def check_database_file(path: Path, *, thorough: bool = False, at_rest: bool = False) -> str:
    """Verify, without writing, that ``path`` is an intact Untwist database; return its revision.

    Raises the :class:`DatabaseProblem` that says what is wrong (not SQLite, truncated,
    corrupt, locked, not ours, empty, newer schema). ``thorough`` runs ``integrity_check``;
    ``at_rest`` (a backup file): see :func:`sqlite_uri`.
    """
    path = Path(path).expanduser().absolute()
    if not path.exists():
        raise DatabaseMissing(msg("No database at {path}.", path=path))
    tables, revision = _inspect_sqlite_file(
        path, check="integrity_check" if thorough else "quick_check", at_rest=at_rest
    )
    _check_revision(revision, tables, str(path))
    if revision is None:
        raise NotUntwistDatabase(msg("{path} is not an Untwist database (it is empty).", path=path))
    _check_schema(tables, revision, str(path))
    if thorough:
        _check_values(path, at_rest)
    return revision


def _check_values(path: Path, at_rest: bool) -> None:
    """Refuse a file holding values its columns' types cannot give back (see
    :func:`app.models.schema_shape.value_problems`): a restore, not every open (a full pass)."""
    try:
        conn = sqlite3.connect(sqlite_uri(path, at_rest=at_rest), uri=True, timeout=LOCK_WAIT_S)
        try:
            problems = value_problems(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise _sqlite_problem(exc, path) from None
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise DatabaseCorrupt(
            msg(
                "{path} holds values Untwist cannot read: {value}{more}.",
                path=path,
                value=problems[0],
                more=more,
            ), RESTORE_ADVICE
        )


def _migration_engine(path: Path) -> Engine:
    """An engine whose transactions really contain DDL.

    Python's sqlite3 driver does not open a transaction before CREATE/ALTER/DROP, so each
    statement would commit on its own and a failing revision would leave half a schema. This is
    SQLAlchemy's documented pysqlite recipe: the driver's autocommit off, ``BEGIN`` emitted by
    us. Foreign keys are off while tables are rebuilt (batch mode drops and re-creates them, and
    a cascade would delete rows); ``foreign_key_check`` runs before the commit instead.
    """
    from sqlalchemy.pool import NullPool

    engine = _file_engine(path, isolation_level=None, timeout=LOCK_WAIT_S, poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        dbapi_connection.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def upgrade(engine: Engine, target: str | None = None) -> None:
    """Apply Alembic revisions up to ``target``, all of them in a single transaction.

    Either every revision is applied or none is: on any error the transaction rolls back and
    the database keeps its old schema and data (SQLite and PostgreSQL both have transactional
    DDL). Alembic sees the transaction as external and does not open its own.
    """
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    sqlite = engine.dialect.name == "sqlite"
    migrating = _migration_engine(Path(str(engine.url.database))) if sqlite else engine
    try:
        with migrating.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            if not sqlite:  # Alembic then reads the revision another desk may have just set
                _take_schema_lock(connection)
            with _no_time_limit(connection):
                command.upgrade(config, target or HEAD)
            if target is None or target == HEAD:
                found = _sqlite_columns(connection) if sqlite else _server_columns(connection)
                gaps = schema_gaps(found, HEAD)
                if gaps:  # rolled back with the rest: the file keeps its old schema
                    raise MigrationFailed(
                        msg(
                            "the upgrade did not give the whole schema (lacks {join})",
                            join=', '.join(gaps),
                        )
                    )
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise MigrationFailed(
                        msg(
                            "the upgrade would break {counted} between tables",
                            counted=counted(len(broken), 'reference'),
                        )
                    )
    finally:
        if migrating is not engine:
            migrating.dispose()


SCHEMA_LOCK = 0x756E7477  # "untw": the advisory lock of schema changes on a server
"""Held for the transaction that creates or upgrades a server's schema.

A file lock (app.models.access) cannot cover a server shared by several computers: without
this, desks started together each ran ``CREATE TABLE`` or the same revision, and all but one
failed. The others wait here (within the lock timeout), then find the work done.
"""


def _take_schema_lock(connection: Connection) -> None:
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})


@contextlib.contextmanager
def _no_time_limit(connection: Connection) -> Iterator[None]:
    """Lift the statement and silence bounds for an upgrade's transaction (PostgreSQL).

    A revision may rewrite a big table, and it runs once: cut off half way it would roll back
    and leave every desk unable to start. The lock timeout stays (another desk's lock held
    long is better reported than waited for).
    """
    if connection.dialect.name != "postgresql":
        yield
        return
    connection.exec_driver_sql("SET LOCAL statement_timeout = 0")  # until the commit
    within = getattr(connection.connection.dbapi_connection, "answering_within", None)
    with within(None) if within is not None else contextlib.nullcontext():
        yield


def make_database_folder(folder: Path, label: str) -> None:
    """Create the folder of a new database (and its missing parents) readable by its owner only;
    a folder that cannot be made is a plain :class:`DatabaseProblem`, not an ``OSError``."""
    try:
        make_private_dirs(folder)
    except OSError as exc:
        made = Path(exc.filename) if exc.filename else folder
        raise _cannot_create(label, f"the folder {made} cannot be made", exc) from None


def _cannot_create(label: str, what: str, exc: OSError) -> DatabaseProblem:
    """Why a new database file or its folder could not be made, as one plain line."""
    why = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        return disk_full(label)
    problem = f"Cannot create the database {label}: {what} ({why})."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return DatabaseReadOnly(problem, msg("Choose a folder you may write to."))
    return DatabaseMissing(problem)


def _create_private_file(path: Path, label: str) -> None:
    """Create an empty file readable only by its owner (patient data), in a 0700 folder."""
    make_database_folder(path.parent, label)
    try:
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    except OSError as exc:
        raise _cannot_create(label, f"{path.parent} cannot be written", exc) from None
    os.close(fd)


def sqlite_path(target: str) -> Path | None:
    """The file behind ``target``, or ``None`` for a server URL (PostgreSQL).

    The path as named (symbolic links are followed where the file is used, see
    :func:`app.models.access.real_path`). ``sqlite://`` alone is an in-memory database, which
    would vanish with the process: :class:`UnusableTarget`.
    """
    if is_url(target) and not target.startswith("sqlite"):
        return None
    if is_url(target):
        _, slashes, rest = target.partition(":///")
        if not slashes or not rest:
            raise UnusableTarget(
                msg(
                    "{target} is not a database file (an in-memory database is lost when Untwist "
                    "ends): name a file, e.g. sqlite:////home/me/untwist.sqlite.",
                    target=target,
                )
            )
        target = rest
    return Path(target).expanduser().absolute()


def is_writable(path: Path) -> bool:
    """Whether this process may write ``path``.

    ``os.access`` answers for permissions *and* read-only mounts or immutable files (EROFS,
    EPERM), also for root, which ignores the permission bits.
    """
    return os.access(path, os.W_OK)


def open_database(
    target: str,
    *,
    create: bool,
    migrate: bool = True,
    backup_before_migration: bool = True,
    read_only: bool = False,
    check_pages: bool = True,
) -> Database:
    """Open ``target`` (a file path or an SQLAlchemy URL), validated and up to date.

    ``create``: a missing file or an empty database becomes a new Untwist database; without it
    such a target is an error (commands that only read never create a file).
    ``read_only``: open without the right to write (a second window on the same file); a file
    this process may not write is opened read-only anyway, and :attr:`Database.read_only` says so.
    ``check_pages``: run ``PRAGMA quick_check`` over the whole file before opening. Its cost
    grows with the file (0.5 s for ten years of a busy clinic, more from a cold disk), so the
    window opens without it and checks in the background after its first paint, and the
    read-only reports (``summary``, ``report``) rely on SQLite refusing every damaged page they
    read; header, truncation, schema and revision are always checked (size-independent).

    A file is held with a shared :class:`~app.models.access.AccessLock` until
    :meth:`Database.dispose` (a restore elsewhere is refused meanwhile); creating or upgrading
    its schema takes the lock alone first, and is refused while another Untwist has it open.
    Whatever cannot be a database here (an unknown kind of URL, a driver that is not
    installed, a symbolic-link loop, a folder that cannot be written) is a plain
    :class:`DatabaseProblem`, like every other reason.
    """
    path = sqlite_path(target)
    if path is None:
        return _open_server(target, create=create, migrate=migrate)
    label = str(path)
    real = real_path(path)
    if not real.exists():
        if not create or read_only:
            raise DatabaseMissing(msg("No database at {path}.", path=path))
        make_database_folder(real.parent, label)
    access = AccessLock(real, label)
    access.share()
    try:
        return _open_file(
            path, real, access, create, migrate, backup_before_migration, read_only, check_pages
        )
    except BaseException:
        access.release()
        raise


def _open_file(
    path: Path,
    real: Path,
    access: AccessLock,
    create: bool,
    migrate: bool,
    backup_before_migration: bool,
    read_only: bool,
    check_pages: bool = True,
) -> Database:
    """:func:`open_database` for a file, once its shared lock is held (the file cannot be
    replaced or upgraded by another process while it is checked)."""
    label = str(path)
    url = sqlite_url(real)
    if not real.exists():
        if not create or read_only:
            raise DatabaseMissing(msg("No database at {path}.", path=path))
        revision = None
        new = True
    else:
        new = False
        # an upgrade rewrites tables: never on a file whose pages were not checked
        tables, revision = _inspect_sqlite_file(real, check="quick_check" if check_pages else None)
        if not check_pages and revision is not None and revision != HEAD and not read_only:
            tables, revision = _inspect_sqlite_file(real)
        _check_revision(revision, tables, label)
        read_only = read_only or not is_writable(real)
        if revision is None and (read_only or not create):
            raise NotUntwistDatabase(msg(
                "{path} is not an Untwist database (it is empty).",
                path=path,
            ))
        if revision is not None:
            _check_schema(tables, revision, label)
        if read_only and revision != HEAD:
            raise MigrationFailed(
                msg(
                    "{path} is read-only and was written by an older version of Untwist (schema "
                    "{revision}): it needs an upgrade, which means writing to it. Open a writable"
                    " copy instead.",
                    path=path,
                    revision=revision,
                )
            )
    if read_only:
        engine = make_engine(url, read_only=True)
        return Database(url=url, engine=engine, path=path, read_only=True, access=access)
    if revision is not None and revision != HEAD and not migrate:
        raise MigrationFailed(msg(
            "{path} needs an upgrade to open (schema {revision}).",
            path=path,
            revision=revision,
        ))
    if revision != HEAD:
        _alone(access, label, revision)
        if new:
            _create_private_file(real, label)
    engine = make_engine(url)
    try:
        if revision is None:
            with engine.begin() as connection:
                initialize(connection)
        elif revision != HEAD:
            _migrate_file(engine, real, revision, backup_before_migration)
    except DBAPIError as exc:
        engine.dispose()
        raise classify_driver_error(exc, label) or exc from None
    except BaseException:
        engine.dispose()
        raise
    access.share()  # done changing the schema: others may open it again
    return Database(url=url, engine=engine, path=path, access=access)


def _alone(access: AccessLock, label: str, revision: str | None) -> None:
    """Take the file alone before its schema is created or upgraded, or refuse plainly."""
    try:
        access.exclusive()
    except DatabaseInUse:
        step = "to be set up" if revision is None else f"an upgrade (schema {revision})"
        raise DatabaseInUse(
            msg(
                "{label} needs {step}, but it is in use by another Untwist (window or command); "
                "close it and try again.",
                label=label,
                step=step,
            )
        ) from None


def _migrate_file(engine: Engine, path: Path, revision: str, backup: bool) -> None:
    """Safety copy first (no copy, no upgrade), then every revision in one transaction."""
    copy: Path | None = None
    if backup:
        try:
            copy = backup_beside(path, reason=f"before-upgrade-{revision}")
        except (OSError, sqlite3.Error, DatabaseProblem) as exc:  # e.g. a full disk
            raise MigrationFailed(
                msg(
                    "{path} needs an upgrade, but the safety copy could not be written ({exc}); "
                    "nothing was changed.",
                    path=path,
                    exc=exc,
                )
            ) from exc
    try:
        upgrade(engine)
    except Exception as exc:
        log.exception("migration failed")
        problem = classify_driver_error(exc, str(path))
        if isinstance(problem, DatabaseLocked | DiskFull):
            why = problem.message
        else:
            why = msg(
                "Upgrading {path} from schema {revision} failed ({problem}).",
                path=path,
                revision=revision,
                problem=message_of(exc),
            )
        kept = msg(" A copy from before the upgrade is at {copy}.", copy=copy) if copy else ""
        raise MigrationFailed(
            msg(
                "{why} The file was left as it was (still schema {revision}).{kept}",
                why=why,
                revision=revision,
                kept=kept,
            )
        ) from exc


def _unusable(label: str, exc: BaseException) -> UnusableTarget | None:
    """Why ``exc``, raised while making an engine or connecting, means the URL cannot name a
    database here (not our bug): ``None`` otherwise."""
    from sqlalchemy.exc import NoSuchModuleError

    advice = "Use a database file or a postgresql+psycopg:// URL."
    if isinstance(exc, NoSuchModuleError):
        return UnusableTarget(msg(
            "{label} is not a kind of database Untwist knows. {advice}",
            label=label,
            advice=advice,
        ))
    if isinstance(exc, ArgumentError):
        return UnusableTarget(msg(
            "{label} is not a database URL Untwist can read ({exc}). {advice}",
            label=label,
            exc=exc,
            advice=advice,
        ))
    if isinstance(exc, ValueError):  # e.g. a port that is not a number
        return UnusableTarget(msg(
            "{label} is not a database URL Untwist can read. {advice}",
            label=label,
            advice=advice,
        ))
    if isinstance(exc, ImportError) and exc.name and exc.name.partition(".")[0] != "app":
        return UnusableTarget(
            msg(
                "{label} needs the database driver {name!r}, which is not installed. {advice}",
                label=label,
                name=exc.name,
                advice=advice,
            )
        )
    return None


def _open_server(url: str, *, create: bool, migrate: bool) -> Database:
    label = describe(url)
    try:
        engine = make_engine(url)
    except (ArgumentError, ValueError, ImportError) as exc:
        raise _unusable(label, exc) or exc from None
    try:
        with engine.connect() as connection:
            tables = _server_columns(connection)
            revision = None
            if "alembic_version" in tables:
                revision = connection.execute(select(alembic_version.c.version_num)).scalar()
        _check_revision(revision, tables, label)
        if revision is not None:
            _check_schema(tables, revision, label)
        if revision is None:
            if not create:
                raise NotUntwistDatabase(msg(
                    "{label} is not an Untwist database (it is empty).",
                    label=label,
                ))
            with engine.begin() as connection:
                _take_schema_lock(connection)
                # another desk may have set it up while this one waited for the lock
                if "alembic_version" not in _server_columns(connection):
                    initialize(connection)
                else:
                    revision = connection.execute(select(alembic_version.c.version_num)).scalar()
        if revision is not None and revision != HEAD:
            if not migrate:
                raise MigrationFailed(msg(
                    "{label} needs an upgrade to open (schema {revision}).",
                    label=label,
                    revision=revision,
                ))
            upgrade(engine)
    except DBAPIError as exc:
        engine.dispose()
        problem = classify_driver_error(exc, label)
        raise problem or DatabaseUnreachable(msg(
            "Cannot use {label}: {orig}",
            label=label,
            orig=exc.orig,
        )) from None
    except ImportError as exc:  # a driver module imported at the first connection
        engine.dispose()
        raise _unusable(label, exc) or exc from None
    except BaseException:
        engine.dispose()
        raise
    return Database(url=url, engine=engine)
