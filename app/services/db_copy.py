"""Move a whole database between SQLite and PostgreSQL (``untwist db copy``).

A clinic starts with one desk on a file and later shares a server (or takes a server copy home
on a laptop). The copy is row for row, ids included, so every reference, every exported id and
every ``--athlete-id`` stays valid. It is all or nothing: the target is written in one
transaction, and a new SQLite file that could not be filled is removed again. Row counts are
compared table by table after the commit, on a fresh connection, so "copied" means "read back".

Why SQLAlchemy Core rather than ``pg_dump``/``.dump``: the two engines disagree on types
(booleans, dates, blobs) and SQL dialect; the shared table definitions translate both ways.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Select, Table, func, insert, select

from app.domain.messages import msg, msg_n
from app.domain.rows import TABLE_ORDER, RowChecker
from app.domain.validation import PATH_SETTINGS
from app.models.access import real_path
from app.models.base import Base
from app.models.db import Database, describe, open_database, sqlite_path
from app.models.tables import NOT_DATA
from app.services.errors import ServiceError
from app.services.interchange import NotEmpty, checked_picture, reset_id_sequence
from app.services.json_io import STARTER_TABLES, holds_no_user_data
from app.services.progress import SILENT, Progress

BATCH = 1000


class CopyFailed(ServiceError):
    """The copy did not arrive whole (a count differs); the message says where."""


class CopyRefused(ServiceError):
    """A row of the source breaks the rules every way in follows (app.domain.rows): a value
    SQLite stored but PostgreSQL refuses (NUL, an id above 2³¹−1, a text longer than its
    column), or one the forms would refuse. Nothing was written."""


@dataclass(frozen=True)
class CopyResult:
    source: str  # as shown to a user: a path, or a URL without its password
    target: str
    rows: dict[str, int]  # rows per table, in copy order; equal on both sides

    def summary(self) -> str:
        got = self.rows.get
        return msg(
            "copied {rows} ({athletes}, {sessions}, {measurements}, {programs}) from {source} "
            "to {target}; counts verified",
            rows=msg_n("{count} row", "{count} rows", sum(self.rows.values())),
            athletes=msg_n("{count} athlete", "{count} athletes", got("athletes", 0)),
            sessions=msg_n("{count} session", "{count} sessions", got("assessments", 0)),
            measurements=msg_n(
                "{count} measurement", "{count} measurements", got("measurements", 0)
            ),
            programs=msg_n("{count} program", "{count} programs", got("programs", 0)),
            source=self.source,
            target=self.target,
        )


def copy_tables() -> list[Table]:
    """Every table of the schema, parents before children, in the order the rows are checked
    (:data:`app.domain.rows.TABLE_ORDER`: a custom measurement before the rows naming it)."""
    tables = [t for t in Base.metadata.sorted_tables if t.name not in NOT_DATA]
    order = {name: n for n, name in enumerate(TABLE_ORDER)}
    return sorted(tables, key=lambda t: order.get(t.name, len(order)))


def _copied_rows(table: Table) -> Select[Any]:
    """What the copy takes of ``table``: every row but the settings that name a folder.

    A path names a place on the computer that wrote it; on a server every desk would read it,
    and a file from elsewhere would point this desk's backups wherever it says (the same rule
    as a JSON import: paths are never taken from another database).
    """
    query = select(table)
    if table.name == "settings":
        query = query.where(table.c.key.not_in(PATH_SETTINGS))
    return query


def _same_target(source: str, target: str) -> bool:
    a, b = sqlite_path(source), sqlite_path(target)
    if a is not None and b is not None:
        return real_path(a) == real_path(b)  # a symbolic-link loop: a plain DatabaseProblem
    return a is None and b is None and describe(source) == describe(target)


def copy_database(source: str, target: str, progress: Progress = SILENT) -> CopyResult:
    """Copy every row of ``source`` into ``target`` (each a file path or an SQLAlchemy URL).

    The source must be an Untwist database (an older schema is upgraded first, as on every
    open). The target is created when missing (a file, or the tables of an empty PostgreSQL
    database) and must hold no data: :class:`NotEmpty` otherwise, and nothing is written.
    Raises :class:`DatabaseProblem` for a missing, foreign or unreachable database,
    :class:`CopyFailed` if the counts read back differ, ``Cancelled`` if asked to stop.
    """
    if _same_target(source, target):
        raise ServiceError(msg("The source and the target are the same database."))
    progress.step(0, 0, msg("Opening the source…"))
    src = open_database(source, create=False)
    try:
        target_file = sqlite_path(target)
        created = target_file is not None and not target_file.exists()
        progress.step(0, 0, msg("Opening the target…"))
        try:
            dst = open_database(target, create=True)
        except BaseException:  # e.g. a full disk while the new file's tables were created
            if created and target_file is not None:
                _remove_file(target_file)
            raise
        try:
            rows = _copy(src, dst, progress)
        except BaseException:
            dst.dispose()
            if created and target_file is not None:
                _remove_file(target_file)
            raise
        try:
            _verify(dst, rows)
        finally:
            dst.dispose()
    finally:
        src.dispose()
    return CopyResult(src.label, dst.label, rows)


def _copy(src: Database, dst: Database, progress: Progress) -> dict[str, int]:
    tables = copy_tables()
    with src.snapshot() as reader, dst.bulk() as writer:
        if not holds_no_user_data(writer):
            raise NotEmpty(
                msg(
                    "{label} already holds data: copy into a new file or an empty PostgreSQL "
                    "database (createdb), so nothing is overwritten.",
                    label=dst.label,
                )
            )
        for name in STARTER_TABLES:  # what a fresh database starts with: the source's replace it
            writer.execute(Base.metadata.tables[name].delete())
        counts = {
            t.name: reader.execute(
                select(func.count()).select_from(_copied_rows(t).subquery())
            ).scalar_one()
            for t in tables
        }
        total = sum(counts.values()) or 1
        done = 0
        checker = RowChecker(dt.date.today(), dt.datetime.now(), checked_picture)
        for table in tables:
            progress.step(done, total, msg("Copying {name}…", name=table.name))
            result = reader.execution_options(stream_results=True, yield_per=BATCH).execute(
                _copied_rows(table).order_by(*table.primary_key.columns)
            )
            written = 0
            for batch in result.mappings().partitions(BATCH):
                rows = [_checked(checker, table.name, dict(row), src.label) for row in batch]
                writer.execute(insert(table), rows)
                written += len(batch)
                progress.step(done + written, total, msg("Copying {name}…", name=table.name))
            if written != counts[table.name]:  # cannot happen inside one snapshot; cheap to say
                raise CopyFailed(
                    msg(
                        "{name}: {value} rows counted but {written} read; nothing was written.",
                        name=table.name,
                        value=counts[table.name],
                        written=written,
                    )
                )
            done += written
        for table in tables:
            reset_id_sequence(writer, table)
        progress.step(total, total, msg("Saving…"))
    return counts


def _checked(checker: RowChecker, table: str, row: dict[str, Any], source: str) -> dict[str, Any]:
    """The row as the target gets it, checked before the driver sees it; the first problem
    refuses the whole copy (the transaction rolls back: nothing is written)."""
    cleaned, problems = checker.check(table, row)
    if problems:
        which = f"key {row.get('key')!r}" if table == "settings" else f"id {row.get('id')}"
        raise CopyRefused(
            msg(
                "{source} cannot be copied: {table} {which}: {value}. Nothing was copied; correct"
                " it in the source, then copy again.",
                source=source,
                table=table,
                which=which,
                value=problems[0],
            )
        )
    return cleaned


def _verify(dst: Database, copied: dict[str, int]) -> None:
    """Count every table of the target again after the commit, on a fresh connection.

    Compared with the source's counts in the snapshot that was copied (not the source now:
    a desk may have saved meanwhile, which the copy rightly does not hold).
    """
    wrong = []
    with dst.read() as session:
        conn = session.connection()
        for table in copy_tables():
            found = conn.execute(select(func.count()).select_from(table)).scalar_one()
            if found != copied[table.name]:
                wrong.append(f"{table.name}: {copied[table.name]} in the source, {found} copied")
    if wrong:
        raise CopyFailed(
            msg(
                "The copy in {label} is incomplete ({join}). Do not use it: delete it and copy "
                "again.",
                label=dst.label,
                join='; '.join(wrong),
            )
        )


def _remove_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()
