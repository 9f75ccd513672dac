"""The one rule for dates that people enter (DOMAIN.md §6): from 1900-01-01 to today.

Sessions, birth dates and injuries share it, on every way in (forms, CSV, JSON). A year such as
0001 or 9999 is a typo, and a date after today cannot have been measured yet.
"""

from __future__ import annotations

import datetime as dt

EARLIEST = dt.date(1900, 1, 1)


class InvalidDate(ValueError):
    """A date outside the valid span; the message is one plain phrase shown to the user."""


def date_problem(value: dt.date, *, what: str = "date", today: dt.date | None = None) -> str | None:
    """Why ``value`` is not a valid ``what`` (``"date is in the future"``), or ``None``.

    ``today`` defaults to the local calendar date: a desk's "today" is the one it sees.
    """
    if value > (today or dt.date.today()):
        return f"{what} is in the future"
    if value < EARLIEST:
        return f"{what} is before {EARLIEST.isoformat()}"
    return None


def check_date(value: dt.date, *, what: str = "date", today: dt.date | None = None) -> dt.date:
    """Return ``value``, or raise :class:`InvalidDate` with :func:`date_problem`'s phrase."""
    problem = date_problem(value, what=what, today=today)
    if problem:
        raise InvalidDate(problem)
    return value
