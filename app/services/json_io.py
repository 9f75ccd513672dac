"""The lossless JSON export and its import (DOMAIN.md §6): every table, field for field.

The file holds each table as a list of rows (column → value), ordered by primary key, under
``tables``; table names are the database's (``assessments`` are the sessions). Dates and times
are ISO text, binary data (drill images) base64. It is generated from the table metadata, so a
column added by a later migration is exported without touching this module.

Importing into an empty database preserves ids, which makes the copy identical field for field.
On PostgreSQL the id sequences are moved past the imported ids afterwards, so later inserts do
not collide. ``merge=True`` instead adds to a database in use: rows are matched by their natural
keys (athlete name, session date, measurement key, program start date, drill and setting keys),
what is missing is added with new ids, and every difference is reported as a conflict while the
database's own value is kept.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    func,
    insert,
    or_,
    select,
)
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from app import __version__
from app.domain.catalog import MeasurementDef
from app.domain.messages import message_of, msg, msg_n
from app.domain.rows import TABLE_ORDER, RowChecker
from app.domain.validation import (
    INT_MAX,
    PATH_SETTINGS,
    Invalid,
    as_number,
    name_key,
    text_problem,
)
from app.models import Base
from app.models.db import Database
from app.models.schema import HEAD
from app.models.tables import DERIVED, NOT_DATA
from app.services.catalog import load_catalog
from app.services.errors import ServiceError
from app.services.interchange import (
    ImportFileError,
    ImportRejected,
    InvalidFile,
    NotEmpty,
    RowError,
    check_import_file,
    checked_picture,
    private_atomic_file,
    reset_id_sequence,
)
from app.services.progress import SILENT, Progress

FORMAT = "untwist"
# 2: adds the measurement_photos table (the photo goniometer); files of version 1 still import
# 3: adds athletes.handout_language, drills.language and drills.language_texts (languages);
#    files of versions 1 and 2 still import (the fields are optional: absent means English)
# 4: adds the progress_notes table (the progress report's stored assessment and plan), and
#    programs.reasons items may be phrases, {"msg": English template, "args": {...}}, worded in
#    the reader's language when shown (app/domain/phrases.py); files of versions 1-3 still
#    import (no table: no notes; reasons as plain strings)
FORMAT_VERSION = 4
CHUNK = 2000
_MAX_ERRORS = 1000
# A checked row, column name → value: each value has been converted to its column's type.
_Row = dict[str, Any]
# Tables a fresh database may already hold (seeded built-in drills, default settings): they are
# replaced by the file's on a full import. Anything else makes the database "not empty".
STARTER_TABLES = ("drills", "settings")


def _tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name not in NOT_DATA]


@dataclass(frozen=True)
class JsonResult:
    added: dict[str, int]  # rows added per table
    conflicts: list[str] = field(default_factory=list)
    merged: bool = False

    def summary(self) -> str:
        """One line for the CLI (English) and the window (``Message.text``)."""
        added = self.added.get
        counts = {
            "athletes": msg_n("{count} athlete", "{count} athletes", added("athletes", 0)),
            "sessions": msg_n("{count} session", "{count} sessions", added("assessments", 0)),
            "measurements": msg_n(
                "{count} measurement", "{count} measurements", added("measurements", 0)
            ),
            "programs": msg_n("{count} program", "{count} programs", added("programs", 0)),
        }
        if not self.merged:
            return msg("imported {athletes}, {sessions}, {measurements}, {programs}", **counts)
        n = len(self.conflicts)
        return msg(
            "merged {athletes}, {sessions}, {measurements}, {programs}; {conflicts}",
            conflicts=msg_n("{count} conflict", "{count} conflicts", n),
            **counts,
        )


# -- export ---------------------------------------------------------------------------------


def _encode(column: Column[Any], value: Any) -> object:
    if value is None:
        return None
    if isinstance(column.type, LargeBinary):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def export_json(
    db: Database, path: str | os.PathLike[str], progress: Progress = SILENT
) -> dict[str, int]:
    """Write every table to ``path``; returns rows per table. Nothing is left if cancelled.

    Streamed: each table is read :data:`CHUNK` rows at a time inside one snapshot and each
    row written as one line of JSON as it comes, so a clinic's 1.6 M rows take bounded
    memory (the whole document as dicts took 4.95 GB) and no single call holds the GIL for
    long (one ``json.dumps`` of it froze the window for seconds). The document is the one
    the earlier export wrote (same fields, same order), laid out one row per line.
    """
    tables = _tables()
    counts: dict[str, int] = {}
    encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
    head = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "schema": HEAD,
    }
    progress.step(0, 0, msg("Reading…"))
    with db.snapshot() as conn:  # one moment: every reference in the file resolves
        sizes = [conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables]
        total, done = sum(sizes), 0
        with private_atomic_file(path, encoding="utf-8") as fh:
            fh.write("{\n")
            for key, value in head.items():
                fh.write(f" {encode(key)}: {encode(value)},\n")
            fh.write(' "tables": {')
            for n, table in enumerate(tables):
                progress.step(done, total, msg("Reading {name}…", name=table.name))
                fh.write(f"{',' if n else ''}\n  {encode(table.name)}: [")
                written = 0
                for lines in _table_lines(conn, table, encode):
                    fh.write(("\n   " if not written else ",\n   ") + ",\n   ".join(lines))
                    written += len(lines)
                    progress.step(done + written, total, msg("Writing {name}…", name=table.name))
                fh.write("\n  ]" if written else "]")
                counts[table.name] = written
                done += written
            fh.write("\n }\n}\n")
    progress.step(total, total, msg("Written"))
    return counts


def _table_lines(
    conn: Connection, table: Table, encode: Callable[[object], str]
) -> Iterator[list[str]]:
    """A table's rows in key order, CHUNK at a time, each as one line of JSON."""
    derived = DERIVED.get(table.name, frozenset())
    cols = [c for c in table.columns if c.name not in derived]
    names = [c.name for c in cols]
    # only dates, times and binary data need a conversion (the measurements need none)
    converted = [
        (i, c) for i, c in enumerate(cols) if isinstance(c.type, Date | DateTime | LargeBinary)
    ]
    query = select(*cols).order_by(*table.primary_key.columns).execution_options(yield_per=CHUNK)
    for batch in conn.execute(query).partitions():
        rows: Iterable[Sequence[object]] = batch
        if converted:
            rows = [_converted(row, converted) for row in batch]
        try:
            yield [encode(dict(zip(names, row, strict=True))) for row in rows]
        except ValueError:
            raise ServiceError(
                msg("The database holds a value that is not a number; fix it first.")
            ) from None


def _converted(row: Sequence[object], columns: list[tuple[int, Column[Any]]]) -> list[object]:
    values = list(row)
    for i, column in columns:
        values[i] = _encode(column, values[i])
    return values


# -- reading and checking a file ------------------------------------------------------------


# Integers longer than this are refused while parsing: no column holds more than 2³¹−1, and
# Python's own int-str limit (4,300 digits) would otherwise give a message about Python.
MAX_INT_DIGITS = 20


def _reject_constant(name: str) -> float:
    raise ValueError(msg("{name} is not allowed (numbers must be finite)", name=name))


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(msg("the number {value} is too large", value=text[:20]))
    return value


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(msg(
            "a whole number of {count} digits is too large",
            count=len(text.lstrip('-')),
        ))
    return int(text)


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON objects keep the last of two equal keys; a file that says two things is refused."""
    document = dict(pairs)
    if len(document) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(msg(
                    "the field {value!r} appears twice in one object",
                    value=key[:40],
                ))
            seen.add(key)
    return document


def _load(path: str | os.PathLike[str]) -> dict[str, Any]:
    check_import_file(path)
    try:
        with open(path, encoding="utf-8-sig") as fh:
            document = json.load(
                fh,
                parse_constant=_reject_constant,
                parse_float=_finite,
                parse_int=_integer,
                object_pairs_hook=_no_repeats,
            )
    except UnicodeDecodeError:
        raise ImportFileError(msg("{path} is not UTF-8 text.", path=path)) from None
    except RecursionError:
        raise InvalidFile(msg(
            "{path} is nested too deeply to be an Untwist JSON export.",
            path=path,
        )) from None
    except ValueError as exc:
        raise InvalidFile(msg(
            "{path} is not a valid JSON file ({one_line}).",
            path=path,
            one_line=_one_line(exc),
        )) from None
    except OSError as exc:
        raise ImportFileError(msg(
            "{path} cannot be read ({value}).",
            path=path,
            value=exc.strerror or exc,
        )) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InvalidFile(msg("{path} is not an Untwist JSON export.", path=path))
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise InvalidFile(msg("{path} has no valid format_version.", path=path))
    if version > FORMAT_VERSION:
        raise InvalidFile(
            msg(
                "{path} was written by a newer Untwist (format {version}); update Untwist to read"
                " it.",
                path=path,
                version=version,
            )
        )
    if version < 1 or not isinstance(document.get("tables"), dict):
        raise InvalidFile(msg("{path} is not an Untwist JSON export (no tables).", path=path))
    return document


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 200 else text[:199] + "…"


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?", re.ASCII
)


def _decoder(column: Column[Any]) -> Callable[[object], object]:
    """A function turning a JSON value into the column's Python value (ValueError if wrong)."""
    kind = column.type

    def expected(what: str) -> ValueError:
        return ValueError(msg("expected {what}", what=what))

    if isinstance(kind, Boolean):

        def boolean(v: object) -> object:
            if not isinstance(v, bool):
                raise expected("true or false")
            return v

        return boolean
    if isinstance(kind, Integer):

        def integer(v: object) -> object:
            if not isinstance(v, int) or isinstance(v, bool):
                raise expected("a whole number")
            # PostgreSQL's integer: SQLite would store more, and a copy to a server fail
            if not -INT_MAX - 1 <= v <= INT_MAX:
                raise expected(f"a whole number up to {INT_MAX}")
            return v

        return integer
    if isinstance(kind, Float):

        def number(v: object) -> object:
            try:
                return as_number(v)  # finite, and a 400-digit integer does not overflow
            except Invalid as exc:
                raise ValueError(message_of(exc)) from None

        return number
    if isinstance(kind, DateTime):

        def stamp(v: object) -> object:
            if not isinstance(v, str) or not _DATETIME.fullmatch(v):
                raise expected("a date and time like 2026-03-31T09:30:00")
            return dt.datetime.fromisoformat(v)

        return stamp
    if isinstance(kind, Date):

        def day(v: object) -> object:
            if not isinstance(v, str) or not _DATE.fullmatch(v):
                raise expected("a date like 2026-03-31")
            return dt.date.fromisoformat(v)

        return day
    if isinstance(kind, LargeBinary):

        def blob(v: object) -> object:
            if not isinstance(v, str):
                raise expected("base64 text")
            return base64.b64decode(v, validate=True)

        return blob
    if isinstance(kind, String | Text):
        limit = getattr(kind, "length", None)

        def string(v: object) -> object:
            if not isinstance(v, str):
                raise expected("text")
            # NUL and invisible control characters: PostgreSQL refuses NUL, SQLite keeps it
            problem = text_problem(v, limit, msg("the text"), multiline=True)
            if problem:
                raise ValueError(problem)
            return v

        return string
    return lambda v: v


@dataclass
class _Decoded:
    """The file's rows as Python values, the type errors found, and which rows had them."""

    tables: dict[str, list[_Row]]
    errors: list[RowError]
    bad: dict[str, set[int]]  # table → positions (from 1) of rows with type errors


def _decode(document: dict[str, Any]) -> _Decoded:
    """Every row converted to Python values by its columns' types.

    Line numbers are not meaningful in JSON, so each error names the table, row and field
    (``RowError.line`` is 0).
    """
    raw_tables: dict[str, Any] = document["tables"]
    known = {t.name: t for t in _tables()}
    errors: list[RowError] = []
    bad: dict[str, set[int]] = {name: set() for name in known}
    unknown = sorted(set(raw_tables) - set(known) - {"alembic_version"})
    if unknown:
        shown = ", ".join(repr(u[:40]) if len(u) > 40 else u for u in unknown[:3])
        raise InvalidFile(
            msg_n(
                "unknown table {shown} (written by a newer Untwist?)",
                "unknown tables {shown} (written by a newer Untwist?)",
                len(unknown),
                shown=shown,
            )
        )
    out: dict[str, list[_Row]] = {}
    for name, table in known.items():
        rows = raw_tables.get(name, [])
        if not isinstance(rows, list):
            raise InvalidFile(msg("table {name} is not a list of rows.", name=name))
        decoders = {c.name: (c, _decoder(c)) for c in table.columns}
        names = set(decoders)
        converted: list[_Row] = []
        for index, raw in enumerate(rows, start=1):
            if len(errors) >= _MAX_ERRORS:
                break
            where = f"{name} row {index}"
            found = len(errors)
            if not isinstance(raw, dict):
                errors.append(RowError(0, msg("{where}: not an object", where=where)))
                bad[name].add(index)
                converted.append({})
                continue
            row: _Row = {}
            for key, value in raw.items():
                if key not in decoders:
                    errors.append(RowError(0, msg(
                        "{where}: unknown field {value!r}",
                        where=where,
                        value=key[:40],
                    )))
                    continue
                column, decode = decoders[key]
                if value is None:
                    if not column.nullable:
                        errors.append(RowError(0, msg(
                            "{where}: {key} is required",
                            where=where,
                            key=key,
                        )))
                    row[key] = None
                    continue
                try:
                    row[key] = decode(value)
                except (ValueError, TypeError, OverflowError) as exc:
                    errors.append(
                        RowError(
                            0,
                            msg(
                                "{where}: {key}: {problem}",
                                where=where,
                                key=key,
                                problem=_one_line(exc),
                            ),
                        )
                    )
            if raw.keys() != names:
                for column in table.columns:
                    if column.name in raw:
                        continue
                    if isinstance(column.default, ScalarElementColumnDefault):
                        # what the insert would store: a merge compares and reads the row whole
                        row[column.name] = column.default.arg
                    elif (
                        not column.nullable
                        and column.default is None
                        and column.server_default is None
                    ):
                        errors.append(RowError(0, msg(
                            "{where}: {name} is missing",
                            where=where,
                            name=column.name,
                        )))
            if len(errors) > found:
                bad[name].add(index)
            converted.append(row)
        out[name] = converted
    return _Decoded(out, errors, bad)


def _check(
    decoded: _Decoded,
    *,
    definitions: Iterable[MeasurementDef] = (),
    drill_keys: Iterable[str] = (),
) -> dict[str, list[_Row]]:
    """The rows to write, after the domain's checks (app.domain.rows: the same rules as the
    forms), or :class:`ImportRejected` listing every problem. Settings that name paths are
    dropped here: they are never taken from a file.

    ``definitions``, ``drill_keys``: what the target already holds (a merge).
    """
    checker = RowChecker(
        dt.date.today(),
        dt.datetime.now(),
        checked_picture,
        definitions=definitions,
        drill_keys=drill_keys,
        skip_settings=PATH_SETTINGS,
    )
    errors = list(decoded.errors)
    out: dict[str, list[_Row]] = {}
    for name in TABLE_ORDER:
        rows: list[_Row] = []
        for index, row in enumerate(decoded.tables.get(name, []), start=1):
            if len(errors) >= _MAX_ERRORS:
                break
            if index in decoded.bad[name]:
                checker.accept(name, row)  # reported for its types; its children are not
                continue
            cleaned, problems = checker.check(name, row)
            errors.extend(RowError(0, msg(
                "{name} row {index}: {p}",
                name=name,
                index=index,
                p=p,
            )) for p in problems)
            rows.append(cleaned)
        out[name] = rows
    if errors:
        raise ImportRejected(errors)
    out["settings"] = [r for r in out["settings"] if r["key"] not in PATH_SETTINGS]
    return out


# -- import ---------------------------------------------------------------------------------


def _insert(
    conn: Connection,
    table: Table,
    rows: list[_Row],
    progress: Progress,
    done: list[int],
    total: int,
) -> None:
    """Bulk insert, grouped by the set of fields given (executemany needs one shape)."""
    groups: dict[tuple[str, ...], list[_Row]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    for group in groups.values():
        for start in range(0, len(group), CHUNK):
            conn.execute(insert(table), group[start : start + CHUNK])
            done[0] += len(group[start : start + CHUNK])
            progress.step(done[0], total, msg("Writing {name}…", name=table.name))


DESK_SETTINGS = frozenset({"mode", "solo_athlete_id", "settings_version"}) | PATH_SETTINGS
"""Settings a database gets before anyone works in it (the first-run question) or that stay
with this computer: they do not make a database "in use"."""


def holds_no_user_data(conn: Connection) -> bool:
    """True for a database with nothing but what a new one starts with (the built-in drills
    as shipped, no clinic settings): the one case where a full import or a copy may fill it.

    A clinic name, thresholds or an edited built-in drill count as work: an import or copy
    that replaced them would lose it without a word, so such a database takes ``--merge``.
    """
    for table in _tables():
        if table.name in STARTER_TABLES:
            continue
        if conn.execute(select(func.count()).select_from(table)).scalar():
            return False
    drills = Base.metadata.tables["drills"]
    worked_on = (
        select(func.count())
        .select_from(drills)
        .where(or_(drills.c.builtin.is_(False), drills.c.version > 1))
    )
    if conn.execute(worked_on).scalar():
        return False
    settings = Base.metadata.tables["settings"]
    chosen = select(func.count()).select_from(settings).where(settings.c.key.not_in(DESK_SETTINGS))
    return not conn.execute(chosen).scalar()


def _reset_sequences(conn: Connection) -> None:
    """After inserting explicit ids on PostgreSQL, move each id sequence past the largest."""
    for table in _tables():
        reset_id_sequence(conn, table)


def import_json(
    db: Database,
    path: str | os.PathLike[str],
    *,
    merge: bool = False,
    progress: Progress = SILENT,
) -> JsonResult:
    """Import a JSON export in one transaction (all or nothing).

    Into an empty database the data comes back field for field, ids included; a database in
    use is refused (:class:`NotEmpty`) unless ``merge`` is set.
    """
    progress.step(0, 0, msg("Reading the file…"))
    decoded = _decode(_load(path))
    progress.step(0, 0, msg("Checking…"))
    if not merge:
        tables = _check(decoded)
        with db.bulk() as conn:
            if not holds_no_user_data(conn):
                raise NotEmpty(
                    msg(
                        "The database is not empty: import into a new database, or merge "
                        "(--merge) to add only what is missing.",
                    )
                )
            return _replace(conn, tables, progress)
    # A merge keeps the database's own definitions and drills: the file's rows are checked
    # against what they will sit beside.
    definitions, drill_keys = _held(db)
    tables = _check(decoded, definitions=definitions, drill_keys=drill_keys)
    with db.bulk() as conn:
        return _Merger(conn, tables, progress).run()


def _held(db: Database) -> tuple[list[MeasurementDef], set[str]]:
    """The clinic's own measurement definitions and the drill keys a database holds."""
    drills = Base.metadata.tables["drills"]
    with db.read() as session:
        keys = set(session.connection().execute(select(drills.c.key)).scalars())
    return [d for d in load_catalog(db) if not d.builtin], keys


def _replace(conn: Connection, tables: dict[str, list[_Row]], progress: Progress) -> JsonResult:
    for name in STARTER_TABLES:
        table = Base.metadata.tables[name]
        if name == "settings":  # this computer's paths stay; the file's were dropped
            conn.execute(table.delete().where(table.c.key.not_in(PATH_SETTINGS)))
        else:
            conn.execute(table.delete())
    total = sum(len(rows) for rows in tables.values()) or 1
    done = [0]
    for table in _tables():
        _insert(conn, table, tables[table.name], progress, done, total)
    _reset_sequences(conn)
    return JsonResult(added={name: len(rows) for name, rows in tables.items()})


# -- merge ----------------------------------------------------------------------------------


def _norm(name: object) -> str:
    return name_key(str(name or ""))


ATHLETE_SETTINGS = frozenset({"solo_athlete_id"})
"""Settings whose value is an athlete id (translated on a merge)."""


class _Merger:
    """Add what the database lacks; report, never overwrite, what differs."""

    def __init__(self, conn: Connection, tables: dict[str, list[_Row]], progress: Progress) -> None:
        self.conn = conn
        self.file = tables
        self.progress = progress
        self.t = Base.metadata.tables
        self.added: dict[str, int] = {}
        self.conflicts: list[str] = []
        known = {
            "athletes",
            "assessments",
            "measurements",
            "measurement_photos",
            "measurement_definitions",
            "drills",
            "programs",
            "program_items",
            "adherence_entries",
            "settings",
            "progress_notes",
        }
        others = [n for n, rows in tables.items() if rows and n not in known]
        if others:
            raise ImportFileError(msg(
                "merging does not cover table {value}; import it whole.",
                value=others[0],
            ))

    def _add(self, name: str, row: _Row, keep_id: bool = False) -> int | None:
        values = {k: v for k, v in row.items() if keep_id or k != "id"}
        table = self.t[name]
        self.added[name] = self.added.get(name, 0) + 1
        if "id" in table.c and not keep_id:
            return self.conn.execute(insert(table).returning(table.c.id), values).scalar_one()
        self.conn.execute(insert(table), values)
        return None

    @staticmethod
    def _same(a: _Row, b: _Row, ignore: set[str]) -> bool:
        fields = (set(a) | set(b)) - ignore
        return all(a.get(f) == b.get(f) for f in fields)

    def _rows(self, name: str, *where: Any) -> list[_Row]:
        table = self.t[name]
        query = select(table).where(*where).order_by(*table.primary_key.columns)
        return [dict(r._mapping) for r in self.conn.execute(query)]

    def run(self) -> JsonResult:
        steps = 6
        self.progress.step(0, steps, msg("Merging definitions…"))
        # versions count edits in one database: they never make two rows differ
        self._by_key(
            "measurement_definitions", "key", msg("measurement definition"), {"id", "version"}
        )
        self.progress.step(1, steps, msg("Merging drills…"))
        self._by_key("drills", "key", msg("drill"), {"id", "version"})
        self.progress.step(2, steps, msg("Merging athletes…"))
        athletes = self._athletes()
        # after the athletes: a setting that names an athlete needs this database's id
        self.file["settings"] = self._settings_here(athletes)
        self._by_key("settings", "key", msg("setting"), {"key", "version"})
        self.progress.step(3, steps, msg("Merging sessions…"))
        self._sessions(athletes)
        self.progress.step(4, steps, msg("Merging programs…"))
        self._programs(athletes)
        self._progress_notes(athletes)
        self.progress.step(steps, steps, "")
        return JsonResult(added=self.added, conflicts=self.conflicts, merged=True)

    def _by_key(self, name: str, key: str, label: str, ignore: set[str]) -> None:
        stored = {r[key]: r for r in self._rows(name)}
        for row in self.file[name]:
            mine = stored.get(row[key])
            if mine is None:
                self._add(name, row, keep_id=name == "settings")
            elif not self._same(row, mine, ignore | {"id"}):
                self.conflicts.append(
                    msg(
                        "{label} {name}: differs; kept this database's",
                        label=label,
                        name=row[key],
                    )
                )

    def _settings_here(self, athletes: dict[int, int]) -> list[_Row]:
        """The file's settings with athlete ids translated to this database's ids.

        An id is only meaningful in the file it came from: kept as it was, a merged
        ``solo_athlete_id`` would open solo mode on whichever athlete has that id here.
        """
        out: list[_Row] = []
        for row in self.file["settings"]:
            if row["key"] in ATHLETE_SETTINGS:
                value = json.loads(row["value"])
                if value is not None:
                    here = athletes.get(value)
                    if here is None:
                        self.conflicts.append(
                            msg(
                                "setting {key}: its athlete was not merged; left out",
                                key=row["key"],
                            )
                        )
                        continue
                    row = {**row, "value": json.dumps(here)}
            out.append(row)
        return out

    def _athletes(self) -> dict[int, int]:
        """File athlete id → database athlete id (athletes that cannot be matched are left out)."""
        by_name: dict[str, list[_Row]] = {}
        for r in self._rows("athletes"):
            by_name.setdefault(_norm(r["name"]), []).append(r)
        mapping: dict[int, int] = {}
        for row in self.file["athletes"]:
            same = by_name.get(_norm(row["name"]), [])
            if len(same) > 1:
                self.conflicts.append(
                    msg(
                        "athlete {name}: {count} athletes have this name here; "
                        "skipped with their sessions and programs",
                        name=row["name"],
                        count=len(same),
                    )
                )
                continue
            if same:
                mine = same[0]
                if not self._same(row, mine, {"id", "created_at", "version"}):
                    self.conflicts.append(
                        msg(
                            "athlete {name}: details differ; kept this database's",
                            name=row["name"],
                        )
                    )
                mapping[row["id"]] = mine["id"]
            else:
                new_id = self._add("athletes", row)
                assert new_id is not None  # a new row's id comes back from the database
                mapping[row["id"]] = new_id
        return mapping

    def _add_measurement(self, row: _Row, session_id: int) -> None:
        new_id = self._add("measurements", {**row, "assessment_id": session_id})
        assert new_id is not None
        for photo in self.photos.get(row["id"], []):
            self._add("measurement_photos", {**photo, "measurement_id": new_id})

    def _merge_photos(self, row: _Row, stored_id: int, label: str) -> None:
        """A measurement both hold: add the file's photos of trials the database has none
        for; a photo of the same side and trial that differs is a conflict."""
        p_t = self.t["measurement_photos"]
        mine = {
            (p["side"], p["trial"]): p
            for p in self._rows("measurement_photos", p_t.c.measurement_id == stored_id)
        }
        for photo in self.photos.get(row["id"], []):
            stored = mine.get((photo["side"], photo["trial"]))
            if stored is None:
                self._add("measurement_photos", {**photo, "measurement_id": stored_id})
            elif not self._same(photo, stored, {"id", "measurement_id"}):
                self.conflicts.append(
                    msg(
                        "session of {label}: the photo of {key} {side} trial {trial} differs; "
                        "kept this database's",
                        label=label,
                        key=row["key"],
                        side=photo["side"],
                        trial=photo["trial"],
                    )
                )

    def _sessions(self, athletes: dict[int, int]) -> None:
        measurements: dict[int, list[_Row]] = {}
        for m in self.file["measurements"]:
            measurements.setdefault(m["assessment_id"], []).append(m)
        self.photos: dict[int, list[_Row]] = {}
        for photo in self.file.get("measurement_photos", []):
            self.photos.setdefault(photo["measurement_id"], []).append(photo)
        a, m_t = self.t["assessments"], self.t["measurements"]
        # A day may hold two sessions (before and after treatment): the n-th session of a day
        # in the file meets the n-th of that day here, both in the order they were stored.
        days: dict[int, dict[dt.date, list[tuple[int, dict[str, _Row]]]]] = {}
        seen: dict[tuple[int, dt.date], int] = {}
        names = {r["id"]: r["name"] for r in self.file["athletes"]}
        ignore = {"id", "assessment_id"}
        for session in sorted(self.file["assessments"], key=lambda r: r["id"]):
            athlete = athletes.get(session["athlete_id"])
            if athlete is None:
                continue
            if athlete not in days:
                found: dict[dt.date, list[tuple[int, dict[str, _Row]]]] = {}
                for s in self._rows("assessments", a.c.athlete_id == athlete):
                    stored_m: dict[str, _Row] = {}
                    for m in self._rows("measurements", m_t.c.assessment_id == s["id"]):
                        stored_m.setdefault(m["key"], m)
                    found.setdefault(s["date"], []).append((s["id"], stored_m))
                days[athlete] = found
            label = f"{names.get(session['athlete_id'])} on {session['date']}"
            nth = seen.get((athlete, session["date"]), 0)
            seen[(athlete, session["date"])] = nth + 1
            of_day = days[athlete].get(session["date"], [])
            existing = of_day[nth] if nth < len(of_day) else None
            if existing is None:
                new_id = self._add("assessments", {**session, "athlete_id": athlete})
                assert new_id is not None
                for m in measurements.get(session["id"], []):
                    self._add_measurement(m, new_id)
                continue
            sid, stored = existing
            for m in measurements.get(session["id"], []):
                mine = stored.get(m["key"])
                if mine is None:
                    self._add_measurement(m, sid)
                elif not self._same(m, mine, ignore):
                    self.conflicts.append(
                        msg(
                            "session of {label}: {key} differs; kept this database's",
                            label=label,
                            key=m["key"],
                        )
                    )
                else:
                    self._merge_photos(m, mine["id"], label)

    def _progress_notes(self, athletes: dict[int, int]) -> None:
        """An athlete's assessment and plan: added where this database has none; one that
        differs is a conflict and this database's stays (one current note per athlete)."""
        n_t = self.t["progress_notes"]
        names = {r["id"]: r["name"] for r in self.file["athletes"]}
        for note in self.file.get("progress_notes", []):
            athlete = athletes.get(note["athlete_id"])
            if athlete is None:
                continue
            mine = self._rows("progress_notes", n_t.c.athlete_id == athlete)
            if not mine:
                self._add("progress_notes", {**note, "athlete_id": athlete})
            elif not self._same(note, mine[0], {"id", "athlete_id", "updated_at", "version"}):
                self.conflicts.append(
                    f"assessment and plan of {names.get(note['athlete_id'])}: differ; "
                    "kept this database's"
                )

    def _programs(self, athletes: dict[int, int]) -> None:
        p, i_t, e_t = self.t["programs"], self.t["program_items"], self.t["adherence_entries"]
        items: dict[int, list[_Row]] = {}
        for item in self.file["program_items"]:
            items.setdefault(item["program_id"], []).append(item)
        entries: dict[int, list[_Row]] = {}
        for e in self.file["adherence_entries"]:
            entries.setdefault(e["item_id"], []).append(e)
        names = {r["id"]: r["name"] for r in self.file["athletes"]}
        program_fields = {"id", "athlete_id", "created_at", "version"}
        item_fields = {"id", "program_id"}
        for program in self.file["programs"]:
            athlete = athletes.get(program["athlete_id"])
            if athlete is None:
                continue
            mine_items = items.get(program["id"], [])
            mine_items = sorted(mine_items, key=lambda r: r["position"])
            match = None
            candidates = self._rows(
                "programs", p.c.athlete_id == athlete, p.c.start_date == program["start_date"]
            )
            for c in candidates:
                stored_items = self._rows("program_items", i_t.c.program_id == c["id"])
                stored_items.sort(key=lambda r: r["position"])
                if (
                    self._same(program, c, program_fields)
                    and len(stored_items) == len(mine_items)
                    and all(
                        self._same(x, y, item_fields)
                        for x, y in zip(mine_items, stored_items, strict=True)
                    )
                ):
                    match = stored_items
                    break
            if candidates and match is None:
                self.conflicts.append(
                    msg(
                        "program of {name} starting {date}: differs; kept this database's",
                        name=names.get(program["athlete_id"]),
                        date=program["start_date"],
                    )
                )
                continue
            if match is None:
                pid = self._add("programs", {**program, "athlete_id": athlete})
                match = []
                for item in mine_items:
                    iid = self._add("program_items", {**item, "program_id": pid})
                    match.append({"id": iid})
                    for e in entries.get(item["id"], []):
                        self._add("adherence_entries", {**e, "item_id": iid})
                continue
            for item, stored_item in zip(mine_items, match, strict=True):
                stored = {
                    e["date"]: e
                    for e in self._rows("adherence_entries", e_t.c.item_id == stored_item["id"])
                }
                for e in entries.get(item["id"], []):
                    mine = stored.get(e["date"])
                    if mine is None:
                        self._add("adherence_entries", {**e, "item_id": stored_item["id"]})
                    elif mine["done"] != e["done"]:
                        self.conflicts.append(
                            msg(
                                "adherence of {name} on {date} ({key}): differs; kept this "
                                "database's",
                                name=names.get(program["athlete_id"]),
                                date=e["date"],
                                key=item["drill_key"],
                            )
                        )
