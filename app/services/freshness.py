"""Has another desk changed anything? A cheap "change token" to poll (clinic mode).

Several desks share one PostgreSQL database; each window must notice when another desk adds
or edits an athlete, a session or a program. We poll rather than LISTEN/NOTIFY: one small
query when the window becomes active and every few seconds while it stays active works the same
on SQLite and PostgreSQL, needs no long-lived connection or extra thread, survives a server
restart without re-subscribing, and costs nothing while the window is in the background.

The token is made of, for athletes, sessions (assessments) and programs: how many rows, the
highest id and the sum of the version columns. Every insert raises the highest id or the count,
every delete lowers the count, and every edit raises a version (SQLAlchemy's version counter
bumps it on each UPDATE), so any change moves the sum; a delete plus an insert moves the id
(on PostgreSQL: SQLite may give a new row the id of a deleted newest one, a gap that only
matters to a read-only second window there).
It is one round trip: nine aggregates, answered from the primary-key indexes and small tables
(a 100 000-session clinic: a few milliseconds).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from app.models import Assessment, Athlete, Program
from app.models.db import Database


@dataclass(frozen=True)
class ChangeToken:
    """(count, highest id, sum of versions) per kind of record; equal tokens = nothing new."""

    athletes: tuple[int, int, int]
    sessions: tuple[int, int, int]
    programs: tuple[int, int, int]

    def changed(self, other: ChangeToken | None) -> set[str]:
        """Which kinds differ from ``other`` (all of them when there is nothing to compare)."""
        kinds = ("athletes", "sessions", "programs")
        if other is None:
            return set(kinds)
        return {k for k in kinds if getattr(self, k) != getattr(other, k)}


def _aggregates(model: type[Athlete] | type[Assessment] | type[Program]) -> list:  # type: ignore[type-arg]
    return [
        select(func.count(model.id)).scalar_subquery(),
        select(func.coalesce(func.max(model.id), 0)).scalar_subquery(),
        select(func.coalesce(func.sum(model.version), 0)).scalar_subquery(),
    ]


_QUERY = select(*_aggregates(Athlete), *_aggregates(Assessment), *_aggregates(Program))


def change_token(db: Database) -> ChangeToken:
    """The database's token now (one query). Raises :class:`DatabaseProblem` if unreachable."""
    with db.read() as session:
        row = [int(v) for v in session.execute(_QUERY).one()]
    return ChangeToken(
        athletes=(row[0], row[1], row[2]),
        sessions=(row[3], row[4], row[5]),
        programs=(row[6], row[7], row[8]),
    )
