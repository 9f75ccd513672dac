"""Opening a database: validate first, never touch a file that is not ours, migrate safely.

The order matters. A file named on the command line is checked with read-only means (header,
``PRAGMA quick_check``, schema revision) before any connection that could write to it exists,
so a wrong path, random bytes or a corrupt file are reported and left byte-for-byte unchanged.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Column, MetaData, String, Table, create_engine, event, inspect, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.models.base import Base
from app.models.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseProblem,
    DatabaseUnreachable,
    MigrationFailed,
    NotADatabase,
    NotUntwistDatabase,
    SchemaTooNew,
    classify_operational_error,
)
from app.models.schema import HEAD, REVISIONS

log = logging.getLogger(__name__)
SQLITE_HEADER = b"SQLite format 3\x00"
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
    """A target as it may be shown to a user: a path, or a URL without its password."""
    if not is_url(target):
        return target
    from sqlalchemy.engine import make_url

    return make_url(target).render_as_string(hide_password=True)


@dataclass
class Database:
    """An open, validated, up-to-date database."""

    url: str
    engine: Engine
    path: Path | None = None
    read_only: bool = False
    sessions: sessionmaker[Session] = field(init=False)

    def __post_init__(self) -> None:
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def label(self) -> str:
        return str(self.path) if self.path else describe(self.url)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        with self.sessions.begin() as session:
            yield session

    def read(self) -> Session:
        return self.sessions()

    def dispose(self) -> None:
        self.engine.dispose()


def _set_sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    with contextlib.suppress(sqlite3.OperationalError):  # a read-only file keeps its mode
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1]
        if read_only:
            engine = create_engine(
                f"sqlite:///file:{path}?mode=ro&uri=true", connect_args={"timeout": 5}
            )
        else:
            engine = create_engine(url, connect_args={"timeout": 5})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _inspect_sqlite_file(path: Path) -> tuple[set[str], str | None]:
    """Read-only look at an existing file: (table names, schema revision). Raises a problem."""
    if path.is_dir():
        raise NotADatabase(f"{path} is a folder, not an Untwist database.")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except PermissionError:
        raise DatabaseProblem(f"{path} cannot be read (no permission).") from None
    if header == b"":
        return set(), None
    if header != SQLITE_HEADER:
        raise NotADatabase(f"{path} is not an Untwist database (not an SQLite file).")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2)
    except sqlite3.Error as exc:
        raise _sqlite_problem(exc, path) from None
    try:
        row = conn.execute("PRAGMA quick_check").fetchone()
        if row is None or row[0] != "ok":
            raise DatabaseCorrupt(
                f"{path} is damaged (integrity check: {row[0] if row else 'no answer'}). "
                "Restore it from a backup."
            )
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = found[0] if found else None
        return tables, revision
    except sqlite3.Error as exc:
        raise _sqlite_problem(exc, path) from None
    finally:
        conn.close()


def _sqlite_problem(exc: BaseException, path: Path) -> DatabaseProblem:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLocked(f"{path} is locked by another program. Close it and try again.")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseCorrupt(f"{path} is damaged (corrupt). Restore it from a backup.")
    return classify_operational_error(exc, str(path)) or DatabaseCorrupt(
        f"{path} cannot be read as a database ({exc})."
    )


def _check_revision(revision: str | None, tables: set[str], label: str) -> None:
    if revision is None and tables - {"sqlite_sequence"}:
        raise NotUntwistDatabase(f"{label} is not an Untwist database (unknown tables).")
    if revision is not None and revision not in REVISIONS:
        raise SchemaTooNew(
            f"{label} was written by a newer version of Untwist (schema {revision}). "
            "Update Untwist to open it."
        )


def initialize(connection: Connection) -> None:
    """Create every table of a brand-new database and mark it with the head revision.

    This is Alembic's documented "create_all, then stamp" for a fresh database, done in plain
    SQL so that creating a database does not need to import Alembic.
    """
    Base.metadata.create_all(connection)
    _version_meta.create_all(connection)
    connection.execute(alembic_version.insert().values(version_num=HEAD))


def upgrade(engine: Engine, target: str = HEAD) -> None:
    """Apply Alembic revisions up to ``target``; each revision runs in its own transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
        connection.commit()


def _create_private_file(path: Path) -> None:
    """Create an empty file readable only by its owner (patient data)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)


def open_database(
    target: str,
    *,
    create: bool,
    migrate: bool = True,
    backup_before_migration: bool = True,
) -> Database:
    """Open ``target`` (a file path or an SQLAlchemy URL), validated and up to date.

    ``create``: a missing file or an empty database becomes a new Untwist database; without it
    such a target is an error (commands that only read never create a file).
    """
    if is_url(target) and not target.startswith("sqlite"):
        return _open_server(target, create=create, migrate=migrate)
    path = Path(target.split("///", 1)[1] if is_url(target) else target).expanduser().absolute()
    if not path.exists():
        if not create:
            raise DatabaseMissing(f"No database at {path}.")
        _create_private_file(path)
        tables, revision = set(), None
    else:
        tables, revision = _inspect_sqlite_file(path)
        _check_revision(revision, tables, str(path))
        if revision is None and not create:
            raise NotUntwistDatabase(f"{path} is not an Untwist database (it is empty).")
    engine = make_engine(sqlite_url(path))
    try:
        if revision is None:
            with engine.begin() as connection:
                initialize(connection)
        elif revision != HEAD:
            if not migrate:
                raise MigrationFailed(f"{path} needs an upgrade to open (schema {revision}).")
            if backup_before_migration:
                from app.models.backup import backup_beside

                backup_beside(path, reason=f"before-upgrade-{revision}")
            try:
                upgrade(engine)
            except Exception as exc:
                log.exception("migration failed")
                raise MigrationFailed(
                    f"Upgrading {path} failed ({exc}); the file was left as it was."
                ) from exc
    except OperationalError as exc:
        engine.dispose()
        raise classify_operational_error(exc, str(path)) or exc from None
    except BaseException:
        engine.dispose()
        raise
    return Database(url=sqlite_url(path), engine=engine, path=path)


def _open_server(url: str, *, create: bool, migrate: bool) -> Database:
    label = describe(url)
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            revision = None
            if "alembic_version" in tables:
                revision = connection.execute(select(alembic_version.c.version_num)).scalar()
        _check_revision(revision, tables, label)
        if revision is None:
            if not create:
                raise NotUntwistDatabase(f"{label} is not an Untwist database (it is empty).")
            with engine.begin() as connection:
                initialize(connection)
        elif revision != HEAD:
            if not migrate:
                raise MigrationFailed(f"{label} needs an upgrade to open (schema {revision}).")
            upgrade(engine)
    except DBAPIError as exc:
        engine.dispose()
        problem = classify_operational_error(exc, label)
        raise problem or DatabaseUnreachable(f"Cannot use {label}: {exc.orig}") from None
    except BaseException:
        engine.dispose()
        raise
    return Database(url=url, engine=engine)
