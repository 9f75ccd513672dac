"""What a database file's schema holds beyond its table and column names.

A file can name a revision Untwist knows and have every table and column, and still not be
what Untwist made: a trigger that deletes athletes on the next insert, a view in place of a
table, a table without the unique constraint that keeps one result per session and
measurement, a number column declared as text. Restoring such a file (or opening it) used to
succeed, and the damage came later, silently. This module reads that shape from a file with
SQLite's own catalog and says how it differs from the shape Untwist builds.

Compared:
- triggers and views, by name and SQL (Untwist's own are the only ones allowed);
- unique indexes and constraints, by table and columns (each expected one must be there);
- each column's type *affinity* (SQLite's rules: INTEGER, TEXT, BLOB, REAL, NUMERIC), not
  its spelling, since a migrated table and a created one may spell a type differently.
"""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Float, Integer, LargeBinary, Table
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.schema import Index, UniqueConstraint

from app.domain.messages import msg
from app.domain.text import counted
from app.models.base import Base


@dataclass(frozen=True)
class Shape:
    code: frozenset[tuple[str, str, str]]  # (trigger|view, name, SQL with spaces folded)
    uniques: frozenset[tuple[str, tuple[str, ...]]]  # (table, its columns in index order)
    affinities: frozenset[tuple[str, str, str]]  # (table, column, affinity)


_CODE = "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')"
_UNIQUES = (
    "SELECT m.name, il.name, ii.name FROM sqlite_master AS m, pragma_index_list(m.name) AS il, "
    "pragma_index_info(il.name) AS ii WHERE m.type = 'table' AND il.\"unique\" = 1 "
    "ORDER BY m.name, il.name, ii.seqno"
)
_TYPES = (
    "SELECT m.name, p.name, p.type FROM sqlite_master AS m, pragma_table_info(m.name) AS p "
    "WHERE m.type = 'table'"
)


def affinity(declared: str) -> str:
    """SQLite's type affinity of a declared column type (its documented rules, in order)."""
    t = declared.upper()
    if "INT" in t:
        return "INTEGER"
    if any(word in t for word in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if "BLOB" in t or not t:
        return "BLOB"
    if any(word in t for word in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    return "NUMERIC"


def _fold(sql: str | None) -> str:
    return " ".join((sql or "").split())


def read_shape(conn: sqlite3.Connection) -> Shape:
    """The shape of the schema ``conn`` is open on (three reads of SQLite's catalog)."""
    code = frozenset((kind, name, _fold(sql)) for kind, name, sql in conn.execute(_CODE))
    indexes: dict[tuple[str, str], list[str]] = {}
    for table, index, column in conn.execute(_UNIQUES):
        indexes.setdefault((table, index), []).append(column)
    uniques = frozenset((table, tuple(cols)) for (table, _), cols in indexes.items())
    affinities = frozenset(
        (table, column, affinity(declared or ""))
        for table, column, declared in conn.execute(_TYPES)
    )
    return Shape(code, uniques, affinities)


def _table_uniques(table: Table) -> set[tuple[str, tuple[str, ...]]]:
    found: set[tuple[str, tuple[str, ...]]] = set()
    pk = list(table.primary_key.columns)
    if pk and not (len(pk) == 1 and isinstance(pk[0].type, Integer)):  # not the rowid
        found.add((table.name, tuple(c.name for c in pk)))
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            found.add((table.name, tuple(c.name for c in constraint.columns)))
    for index in table.indexes:
        if isinstance(index, Index) and index.unique:
            found.add((table.name, tuple(c.name for c in index.columns)))
    return found


@functools.cache
def model_shape() -> Shape:
    """The head revision's uniques and affinities, from the models (no scratch database: this
    is every ordinary open). Its ``code`` is left empty: see :func:`shape_problems`."""
    dialect = sqlite_dialect.dialect()
    uniques: set[tuple[str, tuple[str, ...]]] = set()
    affinities: set[tuple[str, str, str]] = set()
    for table in Base.metadata.sorted_tables:
        uniques |= _table_uniques(table)
        for column in table.columns:
            declared = column.type.compile(dialect=dialect)
            affinities.add((table.name, column.name, affinity(declared)))
    return Shape(frozenset(), frozenset(uniques), frozenset(affinities))


def shape_problems(
    found: Shape, expected: Shape, expected_code: frozenset[tuple[str, str, str]]
) -> list[str]:
    """How ``found`` differs from what Untwist builds, in a few words each (empty: none).

    Extra tables' uniques and affinities are not looked at (another program's table harms
    nothing); extra triggers and views are, since they run inside our own writes.
    """
    problems: list[str] = []
    for kind, name, _ in sorted(found.code - expected_code):
        problems.append(msg("a {kind} Untwist did not make ({name})", kind=kind, name=name))
    tables = {table for table, _, _ in expected.affinities}
    for table, columns in sorted(expected.uniques - found.uniques):
        problems.append(msg(
            "the unique rule on {table} ({join}) is missing",
            table=table,
            join=', '.join(columns),
        ))
    wrong = {
        (table, column)
        for table, column, _ in found.affinities - expected.affinities
        if table in tables
    }
    known = {(t, c) for t, c, _ in expected.affinities}
    for table, column in sorted(wrong & known):
        problems.append(msg(
            "column {table}.{column} has the wrong type",
            table=table,
            column=column,
        ))
    return problems


# Text columns that hold JSON (the models say so in comments; here for the check below).
JSON_COLUMNS: dict[str, tuple[str, ...]] = {
    "drills": ("steps", "mistakes", "dosage", "targets"),
    "programs": ("reasons",),
    "program_items": ("dosage",),
    "settings": ("value",),
    "measurement_photos": ("points", "plumb"),
}


def _value_rule(table: str, column: Column[Any]) -> str | None:
    """SQL true for a stored value the column's type cannot give back (NULL is left to the
    NOT NULL rule), or ``None`` for a column not checked (pictures)."""
    name = f'"{column.name}"'
    kind = column.type
    if isinstance(kind, LargeBinary):
        return None
    if isinstance(kind, Boolean):
        return f"{name} NOT IN (0, 1)"
    if isinstance(kind, Integer):
        return f"typeof({name}) != 'integer'"
    if isinstance(kind, Float):
        return f"typeof({name}) NOT IN ('integer', 'real')"
    # through julianday(), which moves 2026-02-30 on to 2026-03-02: no longer the same day
    if isinstance(kind, DateTime):
        return (
            f"(typeof({name}) != 'text' OR "
            f"date(julianday({name})) IS NOT substr({name}, 1, 10))"
        )
    if isinstance(kind, Date):
        return f"(typeof({name}) != 'text' OR date(julianday({name})) IS NOT {name})"
    if column.name in JSON_COLUMNS.get(table, ()):
        return f"(typeof({name}) != 'text' OR NOT json_valid({name}))"
    return f"typeof({name}) != 'text'"


def value_problems(conn: sqlite3.Connection) -> list[str]:
    """Stored values the models' types cannot read back: ``'abc'`` in a number column, a date
    2026-02-30, text that is not JSON where JSON is kept. SQLite stores whatever it is given,
    so a file from elsewhere may hold them; read later they ended in tracebacks.

    One pass over each table (a restore's check, beside ``integrity_check``), on the tables
    and columns the file and the models share.
    """
    present: dict[str, set[str]] = {}
    for table, column, _ in conn.execute(_TYPES):
        present.setdefault(table, set()).add(column)
    problems: list[str] = []
    for table in Base.metadata.sorted_tables:
        columns = [c for c in table.columns if c.name in present.get(table.name, set())]
        rules = [(c.name, _value_rule(table.name, c)) for c in columns]
        checked = [(name, rule) for name, rule in rules if rule is not None]
        if not checked:
            continue
        sums = ", ".join(
            f'SUM(CASE WHEN "{name}" IS NOT NULL AND {rule} THEN 1 ELSE 0 END)'
            for name, rule in checked
        )
        counts = conn.execute(f'SELECT {sums} FROM "{table.name}"').fetchone()
        for (name, _), count in zip(checked, counts, strict=True):
            if count:
                values = counted(count, "value")
                problems.append(msg(
                    "{values} in {name}.{name2} of the wrong kind",
                    values=values,
                    name=table.name,
                    name2=name,
                ))
    return problems
