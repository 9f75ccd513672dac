"""Optimistic locking, one way for every service: a save names the version it started from.

Two desks may open the same record; the second to save must not silently overwrite the first
(ARCHITECTURE.md, Transactions). Every shared record has a ``version`` column that SQLAlchemy
raises on each UPDATE (``version_id_col``), and a save is checked twice:

1. :func:`expect_version`, inside the transaction, before anything is written: the stored
   version against the one the editor loaded. A difference raises :class:`Conflict` carrying
   the record as stored, so the view can show both side by side and let the user choose.
2. :func:`versioned_transaction` catches the race the first check cannot see: another desk
   committing between our read and our write. SQLAlchemy's ``UPDATE … WHERE version = :read``
   then matches no row (``StaleDataError``); the same :class:`Conflict` is raised, with the
   record read afresh once the failed transaction has been rolled back.

An expected version of ``None`` means "overwrite knowingly" (the user saw the other version and
chose to save theirs over it), and 0 stands for "not stored yet".
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.models.db import Database
from app.services.errors import Conflict


def expect_version(
    stored: int,
    expected: int | None,
    what: str,
    current: Callable[[], object] | None = None,
) -> None:
    """Raise :class:`Conflict` (``current()`` as the stored record) unless ``stored`` is expected.

    ``what`` names the record for the message ("The drill Clamshell"); ``current`` is called
    only on a conflict, so building the record costs nothing on the usual path.
    """
    if expected is not None and stored != expected:
        raise Conflict(what, current() if current is not None else None)


@contextlib.contextmanager
def versioned_transaction(
    db: Database, what: str, reread: Callable[[], object] | None = None
) -> Iterator[Session]:
    """:meth:`Database.transaction` whose lost race becomes :class:`Conflict`.

    ``reread`` reads the record as the other desk left it (in its own read, after the rollback);
    it may raise :class:`NotFound` when the other desk deleted it, which then says so instead.
    """
    try:
        with db.transaction() as session:
            yield session
    except StaleDataError:
        raise Conflict(what, reread() if reread is not None else None) from None
