"""Has another desk changed anything? A cheap "change token" to poll (clinic mode).

Several desks share one PostgreSQL database; each window must notice when another desk adds
or edits an athlete, a session, a program, a drill, a setting or a measurement of its own. We
poll rather than LISTEN/NOTIFY: one small query when the window becomes active and every few
seconds while it stays active works the same on SQLite and PostgreSQL, needs no long-lived
connection or extra thread, survives a server restart without re-subscribing, and costs
nothing while the window is in the background.

The token is made of, per table: how many rows, the highest id and the sum of the version
columns. Every insert raises the highest id or the count, every delete lowers the count, and
every edit raises a version (SQLAlchemy's version counter bumps it on each UPDATE), so any
change moves the sum; a delete plus an insert moves the id (on PostgreSQL: SQLite may give a new
row the id of a deleted newest one, a gap that only matters to a read-only second window there).
Settings are keyed by name, not id: their count and version sum say the same.
It is one round trip: seventeen aggregates, answered from the primary-key indexes and small
tables (a 100 000-session clinic: a few milliseconds).

Tables map to the kinds of :class:`~app.domain.changes.Changes` as in
:data:`app.models.tables.CHANGE_KINDS`, so the poll and a save on this desk say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import func, select

from app.domain.changes import Changes
from app.models import Assessment, Athlete, Drill, MeasurementDefinition, Program, Setting
from app.models.db import Database


@dataclass(frozen=True)
class ChangeToken:
    """Aggregates per kind of record (see the module); equal tokens = nothing new.

    ``settings`` covers the settings and the clinic's own measurement definitions, the two
    tables of that kind.
    """

    athletes: tuple[int, ...]
    sessions: tuple[int, ...]
    programs: tuple[int, ...]
    drills: tuple[int, ...]
    settings: tuple[int, ...]

    def changed(self, other: ChangeToken | None) -> Changes:
        """What differs from ``other`` (everything when there is nothing to compare)."""
        if other is None:
            return Changes.everything()
        return Changes.of(
            f.name for f in fields(self) if getattr(self, f.name) != getattr(other, f.name)
        )


def _aggregates(model: Any, *, with_id: bool = True) -> list[Any]:
    key = model.id if with_id else model.key
    columns = [select(func.count(key)).scalar_subquery()]
    if with_id:
        columns.append(select(func.coalesce(func.max(model.id), 0)).scalar_subquery())
    columns.append(select(func.coalesce(func.sum(model.version), 0)).scalar_subquery())
    return columns


# (kind, columns) in the order of the one SELECT; each kind takes the next len(columns) values
_PARTS: tuple[tuple[str, list[Any]], ...] = (
    ("athletes", _aggregates(Athlete)),
    ("sessions", _aggregates(Assessment)),
    ("programs", _aggregates(Program)),
    ("drills", _aggregates(Drill)),
    ("settings", _aggregates(Setting, with_id=False) + _aggregates(MeasurementDefinition)),
)
_QUERY = select(*(column for _, columns in _PARTS for column in columns))


def change_token(db: Database) -> ChangeToken:
    """The database's token now (one query). Raises :class:`DatabaseProblem` if unreachable."""
    with db.read() as session:
        row = [int(v) for v in session.execute(_QUERY).one()]
    values: dict[str, tuple[int, ...]] = {}
    start = 0
    for kind, columns in _PARTS:
        values[kind] = tuple(row[start : start + len(columns)])
        start += len(columns)
    return ChangeToken(**values)
