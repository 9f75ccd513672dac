"""Database problems that are the environment's fault, each with a plain-language message.

Anything else that goes wrong with the database is our bug and goes to the crash dialog.
"""

from __future__ import annotations

import sqlite3
import sys

from app.domain.messages import joined, msg
from app.errors import UserFacingError


class DatabaseProblem(UserFacingError):
    """Base class: ``str(exc)`` is a one-line message fit to show a user.

    ``what`` says what is wrong and ``advice`` what to do about it; ``str()`` joins them. A
    caller with better advice (a restore refusing a damaged backup) shows ``what`` alone.
    """

    def __init__(self, what: str, advice: str = "") -> None:
        super().__init__(joined([what, advice], " ") if advice else what)
        self.what = what
        self.advice = advice

    environment = True


class DatabaseMissing(DatabaseProblem):
    pass


class NotADatabase(DatabaseProblem):
    pass


class NotUntwistDatabase(DatabaseProblem):
    pass


class DatabaseCorrupt(DatabaseProblem):
    pass


class SchemaTooNew(DatabaseProblem):
    pass


class SchemaIncomplete(DatabaseCorrupt):
    """The file names a schema revision we know, but tables or columns of it are missing."""


class UnusableTarget(DatabaseProblem):
    """What ``--db`` (or the desk's setting) names cannot be a database here: a URL of a kind
    SQLAlchemy does not know or whose driver is not installed, a malformed URL, an in-memory
    database, a symbolic link that loops."""


class DatabaseLocked(DatabaseProblem):
    pass


class DatabaseInUse(DatabaseLocked):
    """Another Untwist process (a window or a command) has the database open, so it may not be
    replaced (restore) or upgraded now; or one is replacing or upgrading it right now."""


class DatabaseReadOnly(DatabaseProblem):
    pass


class DiskFull(DatabaseProblem):
    pass


class DiskError(DatabaseProblem):
    """The disk (or the share it is on) failed to read or write: not full, just failing."""


class DatabaseUnreachable(DatabaseProblem):
    """A server database that cannot be reached (down, wrong password, network)."""


class MigrationFailed(DatabaseProblem):
    pass


# SQLite's primary result codes (https://sqlite.org/rescode.html). An extended code (what
# Python ≥ 3.11 puts in ``sqlite_errorcode``) carries its primary code in the low byte.
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

# PostgreSQL SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html).
PG_DISK_FULL = "53100"
PG_READ_ONLY_TRANSACTION = "25006"
PG_LOCK_NOT_AVAILABLE = "55P03"
PG_DEADLOCK = "40P01"
PG_QUERY_CANCELED = "57014"  # a statement timeout (or a cancel from the server's side)
PG_IO_ERROR = "58030"
PG_SEQUENCE_LIMIT = "2200H"  # sequence_generator_limit_exceeded: no id left to give
PG_CORRUPT = ("XX001", "XX002")  # data_corrupted, index_corrupted
# Connection exception, invalid authorization, server shutting down or restarting (57P0x),
# insufficient resources (out of connections or memory; disk full is told apart above).
PG_UNREACHABLE_CLASSES = ("08", "28", "57P", "53")


def driver_error(exc: BaseException) -> BaseException:
    """The driver's own exception: SQLAlchemy keeps it as ``orig``."""
    orig = getattr(exc, "orig", None)
    return orig if isinstance(orig, BaseException) else exc


def sqlite_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of ``exc`` (or of the driver error it wraps), if any.

    ``sqlite3`` errors that SQLite itself raised carry ``sqlite_errorcode`` (an extended code);
    the ones Python raises on its own (a closed connection, a wrong argument) carry none.
    """
    orig = driver_error(exc)
    code = getattr(orig, "sqlite_errorcode", None)
    if not isinstance(orig, sqlite3.Error) or not isinstance(code, int):
        return None
    return code & 0xFF


def pg_state(exc: BaseException) -> tuple[bool, str | None]:
    """``(is a psycopg error, its SQLSTATE)``; the state is ``None`` when no server said it.

    psycopg is looked up, not imported: when it was never loaded, no error can be one of its.
    """
    orig = driver_error(exc)
    psycopg = sys.modules.get("psycopg")
    if psycopg is None or not isinstance(orig, psycopg.Error):
        return False, None
    return True, getattr(orig, "sqlstate", None)


def _first_line(exc: BaseException) -> str:
    said = str(driver_error(exc)).strip()
    return said.splitlines()[0] if said else type(driver_error(exc)).__name__


def locked(where: str) -> DatabaseLocked:
    return DatabaseLocked(
        msg(
            "{where} is locked by another program (another Untwist window?). Close it and try "
            "again.",
            where=where,
        )
    )


def disk_full(where: str) -> DiskFull:
    return DiskFull(msg(
        "The disk holding {where} is full: free some space and try again.",
        where=where,
    ))


def read_only(where: str) -> DatabaseReadOnly:
    return DatabaseReadOnly(msg("{where} is read-only: changes cannot be saved.", where=where))


def corrupt(where: str) -> DatabaseCorrupt:
    return DatabaseCorrupt(msg(
        "{where} is damaged (corrupt).",
        where=where,
    ), msg("Restore it from a backup."))


def disk_error(where: str) -> DiskError:
    return DiskError(
        msg("{where} could not be read or written (a disk error).", where=where),
        msg("Check the disk (or its cable or network share) and try again."),
    )


def classify_driver_error(
    exc: BaseException, where: str = msg("the database")
) -> DatabaseProblem | None:
    """Map a driver error to a plain message by its code, or ``None`` when it is our bug.

    ``exc`` is a ``sqlite3`` or psycopg error, or SQLAlchemy's wrapper around one. SQLite's
    result code and PostgreSQL's SQLSTATE decide, never the message: the words change between
    versions and languages (PostgreSQL translates its messages), and a message can say
    "locked" for a reason that has nothing to do with locks (a trigger's ``RAISE``, a value).
    """
    code = sqlite_code(exc)
    if code is not None:
        return _sqlite_problem(code, where)
    is_pg, state = pg_state(exc)
    if is_pg:
        return _postgres_problem(exc, state, where)
    return None


def _sqlite_problem(code: int, where: str) -> DatabaseProblem | None:
    if code == SQLITE_FULL:
        return disk_full(where)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return locked(where)
    if code == SQLITE_READONLY:
        return read_only(where)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return corrupt(where)
    if code == SQLITE_CANTOPEN:
        return DatabaseMissing(msg(
            "{where} cannot be opened (missing folder or no permission).",
            where=where,
        ))
    if code == SQLITE_IOERR:
        return disk_error(where)
    return None


def _postgres_problem(exc: BaseException, state: str | None, where: str) -> DatabaseProblem | None:
    psycopg = sys.modules["psycopg"]
    if state is None:
        # No server answered: the client could not connect, or the connection broke. psycopg
        # raises OperationalError for exactly that; its other state-less errors are misuse.
        if isinstance(driver_error(exc), psycopg.OperationalError):
            return DatabaseUnreachable(msg(
                "Cannot reach {where}: {first_line}",
                where=where,
                first_line=_first_line(exc),
            ))
        return None
    if state == PG_DISK_FULL:
        return disk_full(where)
    if state == PG_READ_ONLY_TRANSACTION:
        return read_only(where)
    if state in (PG_LOCK_NOT_AVAILABLE, PG_DEADLOCK):
        return locked(where)
    if state == PG_IO_ERROR:
        return disk_error(where)
    if state in PG_CORRUPT:
        return corrupt(where)
    if state == PG_SEQUENCE_LIMIT:
        return DatabaseProblem(
            msg(
                "{where} has used its largest record number (2147483647) in a table, so nothing "
                "more can be added to it; copy the records into a new database (export, import).",
                where=where,
            )
        )
    if state == PG_QUERY_CANCELED or state.startswith(PG_UNREACHABLE_CLASSES):
        return DatabaseUnreachable(msg(
            "Cannot reach {where}: {first_line}",
            where=where,
            first_line=_first_line(exc),
        ))
    return None


# The name callers used before errors were told apart by code (same meaning, same result).
classify_operational_error = classify_driver_error
