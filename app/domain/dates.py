"""Which dates Untwist accepts (DOMAIN.md §6), for every way a date gets in.

Sessions, birth dates, injuries and ticked days run from :data:`EARLIEST` to today: a later
date is a typo or a clock problem, an earlier one is a typo (0001, 1026). Program start dates
may lie ahead (a program is planned), but not further than :data:`PLAN_AHEAD_DAYS`, so the
end of a program is always a date Python can hold (year 9999 + 52 weeks overflows).

Text is read strictly: ``YYYY-MM-DD`` in ASCII digits, nothing else. ``date.fromisoformat``
alone also takes ``20260331`` and ``2026-W13-2``, which no one means in a spreadsheet cell.

Pure Python: CSV, JSON, forms and ``db copy`` all call these, so the limits are the same
everywhere.
"""

from __future__ import annotations

import datetime as dt
import re

from app.domain.messages import msg

EARLIEST = dt.date(1900, 1, 1)
PLAN_AHEAD_DAYS = 5 * 366
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def parse_iso_date(text: str) -> dt.date:
    """``YYYY-MM-DD`` (ASCII digits) → date; ``ValueError`` with a message fit to show."""
    cleaned = text.strip()
    if not _ISO_DATE.fullmatch(cleaned):
        shown = cleaned if len(cleaned) <= 40 else cleaned[:39] + "…"
        raise ValueError(msg("{shown!r} is not a date like 2026-03-31", shown=shown))
    try:
        return dt.date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(msg("{cleaned!r} does not exist", cleaned=cleaned)) from None


def date_problem(
    value: object, today: dt.date, what: str = msg("the date"), *, ahead: bool = False
) -> str | None:
    """Why ``value`` is not an acceptable date, or ``None``.

    ``ahead``: a date that may be planned (a program's start), up to :data:`PLAN_AHEAD_DAYS`
    after ``today``; otherwise the latest accepted date is ``today``.
    """
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        return msg("{what} is not a date", what=what)
    if value < EARLIEST:
        return msg(
            "{what} is before {date} ({date2})",
            what=what,
            date=EARLIEST.isoformat(),
            date2=value.isoformat(),
        )
    latest = latest_date(today, ahead=ahead)
    if value > latest:
        if ahead:
            return msg(
                "{what} is more than five years ahead ({date})",
                what=what,
                date=value.isoformat(),
            )
        # DOMAIN §6 words a CSV row's message literally ("line N: date is in the future");
        # the value follows in brackets so the person sees which date it was.
        return msg("{what} is in the future ({date})", what=what, date=value.isoformat())
    return None


def latest_date(today: dt.date, *, ahead: bool = False) -> dt.date:
    """The latest date :func:`date_problem` accepts (what a date field offers at most)."""
    return today + dt.timedelta(days=PLAN_AHEAD_DAYS) if ahead else today


def datetime_problem(value: object, now: dt.datetime, what: str = msg("the time")) -> str | None:
    """A record's time stamp (``created_at``): naive, from 1900 to a day after ``now``.

    A day of slack: a clinic server's clock and this desk's clock may disagree by hours.
    """
    if not isinstance(value, dt.datetime):
        return msg("{what} is not a date and time", what=what)
    if value.tzinfo is not None:
        return msg("{what} has a time zone; times are stored without one", what=what)
    if value.date() < EARLIEST or value > now + dt.timedelta(days=1):
        return msg(
            "{what} {date} is not a plausible time",
            what=what,
            date=value.isoformat(sep=' '),
        )
    return None
