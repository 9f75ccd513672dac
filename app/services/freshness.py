"""Has another desk changed anything? A cheap "change token" to poll (clinic mode).

Several desks share one PostgreSQL database; each window must notice when another desk adds
or edits an athlete, a session, a program, a drill, a setting or a measurement of its own. We
poll rather than LISTEN/NOTIFY: one small query when the window becomes active and every few
seconds while it stays active works the same on SQLite and PostgreSQL, needs no long-lived
connection or extra thread, survives a server restart without re-subscribing, and costs
nothing while the window is in the background.

The token is the row of ``change_counters`` for each kind of record: every unit of work that
writes a kind raises its counter in the same transaction (``app.models.db``), so any insert,
edit or delete moves it, also a delete followed by an insert that reuses an id. One small
query of six rows, the same cost on a new database and on ten years of a busy clinic (it used
to count and sum whole tables: 40 ms for 100,000 sessions, on every poll of every desk).

Tables map to the kinds of :class:`~app.domain.changes.Changes` as in
:data:`app.models.tables.CHANGE_KINDS`, so the poll and a save on this desk say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import select

from app.domain.changes import Changes
from app.models.db import Database
from app.models.tables import ChangeCounter


@dataclass(frozen=True)
class ChangeToken:
    """The counter of each kind of record (see the module); equal tokens = nothing new.

    ``settings`` covers the settings and the clinic's own measurement definitions, the two
    tables of that kind. Tick changes (``adherence``) are not polled: the tick grid re-reads
    itself whenever its program page is shown.
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


_KINDS = tuple(f.name for f in fields(ChangeToken))
_QUERY = select(ChangeCounter.kind, ChangeCounter.counter).where(ChangeCounter.kind.in_(_KINDS))


def change_token(db: Database) -> ChangeToken:
    """The database's token now (one query). Raises :class:`DatabaseProblem` if unreachable."""
    with db.read() as session:
        counters = {kind: int(counter) for kind, counter in session.execute(_QUERY)}
    return ChangeToken(**{kind: (counters.get(kind, 0),) for kind in _KINDS})
