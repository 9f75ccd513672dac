"""Programs: what to suggest from a session's findings (DOMAIN.md §5), and how well it is kept.

A program is a list of drills, each with its side and dosage. The suggestion is always a draft
for the clinician to accept or edit, never a diagnosis, so every suggested item carries the
reason it is there, and the draft carries the reasons for the program as a whole.

Choices:

* **Which flags make a targeted drill.** Without a pattern, one drill is suggested per
  measurement flagged ``asymmetric``. Measurements flagged ``watch`` get no drill: they are
  listed as "keep an eye on", because a program of ten drills for borderline differences is
  one nobody does.
* **How a stored item names its drill.** A drill's mirrored version may share its key (keys
  without a left/right word), so an item stores ``(drill_key, side)`` and
  :func:`resolve_item_drill` finds the drill or its mirror and turns it to that side.
* **Adherence** is "sessions done / sessions prescribed so far": each item asks for
  ``per_week`` sessions a week, pro rata for the days of the program that have passed
  (today included). Extra sessions of one drill do not make up for another drill skipped.

Pure Python: no Qt, no SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from app.domain.asymmetry import Comparison, Flag
from app.domain.drills import (
    SIDES,
    TARGET_LABELS,
    UNITS,
    Dosage,
    Drill,
    Side,
    drills_for_measurement,
    find_drill,
    for_side,
    mirror_side,
    mirror_text,
    seed_program_keys,
)
from app.domain.patterns import Pattern, PatternResult

DEFAULT_WEEKS = 4
MAX_WEEKS = 52
MAX_ITEMS = 20
NOTES_MAX = 2000
MIRROR_NOTE = (
    "The mirror-image pattern is less common than the left pattern: check the findings "
    "before accepting this program."
)
NOT_A_DIAGNOSIS = "A suggestion for the clinician to accept or edit, not a diagnosis."


# ---------------------------------------------------------------------------------------------
# Records


@dataclass(frozen=True)
class ProgramItem:
    """One drill of a program (a draft's or a saved one's)."""

    drill_key: str
    side: Side
    dosage: Dosage
    notes: str = ""
    reason: str = ""  # why it was suggested (drafts only; not stored)
    id: int | None = None  # the stored item's id; None in a draft


@dataclass(frozen=True)
class Suggestion:
    """A suggestion: items with reasons, or nothing with a plain message why."""

    pattern: str  # a Pattern value
    items: tuple[ProgramItem, ...]
    reasons: tuple[str, ...]  # why this program (agreeing indicators, flagged measurements)
    watch: tuple[str, ...] = ()  # measurements to keep an eye on
    note: str = ""  # e.g. the mirror pattern is less common
    message: str = ""  # set when there is nothing to suggest

    @property
    def empty(self) -> bool:
        return not self.items


@dataclass(frozen=True)
class ProgramData:
    """What a clinician saves: the fields of one program version."""

    start_date: dt.date
    items: tuple[ProgramItem, ...]
    weeks: int = DEFAULT_WEEKS
    pattern: str | None = None
    reasons: tuple[str, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class ProgramRecord(ProgramData):
    id: int = 0
    athlete_id: int = 0
    version: int = 1
    created_at: dt.datetime | None = None

    @property
    def end_date(self) -> dt.date:
        return program_end(self.start_date, self.weeks)

    def data(self) -> ProgramData:
        return ProgramData(
            self.start_date, self.items, self.weeks, self.pattern, self.reasons, self.notes
        )


@dataclass(frozen=True)
class ProgramVersion:
    """One line of the version list."""

    id: int
    start_date: dt.date
    weeks: int
    item_count: int
    created_at: dt.datetime | None


def program_end(start: dt.date, weeks: int) -> dt.date:
    """The program's last day (inclusive)."""
    return start + dt.timedelta(days=7 * weeks - 1)


def program_days(start: dt.date, weeks: int) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range(7 * weeks)]


# ---------------------------------------------------------------------------------------------
# Resolving an item's drill


def resolve_item_drill(drill_key: str, side: str, library: Sequence[Drill]) -> Drill:
    """The drill an item names, as done on ``side``; ``KeyError`` when the library lacks it.

    The key may be a library drill's own key or its mirror's key (which can be the same key);
    either way the drill is turned to ``side``, mirrored when it is written for the other one.
    """
    try:
        drill = find_drill(drill_key, library)
    except KeyError:
        drill = find_drill(drill_key, library, mirrored=True)
    return for_side(drill, side if side in SIDES else "both")


def item_for(drill: Drill, reason: str = "") -> ProgramItem:
    """A draft item from a drill as it is to be done (its key, side and default dosage)."""
    return ProgramItem(drill.key, drill.side, drill.dosage, reason=reason)


# ---------------------------------------------------------------------------------------------
# Suggestion (DOMAIN.md §5)


def _values(c: Comparison) -> str:
    d = c.definition
    unit = "" if d.is_passfail or d.unit == "score" else f" {d.unit}"
    unit = unit.replace(" deg", "°")
    return f"left {d.format_value(c.left)}{unit}, right {d.format_value(c.right)}{unit}"


def _indicator_reasons(result: PatternResult, comparisons: Mapping[str, Comparison]) -> list[str]:
    mirror = result.pattern is Pattern.MIRROR
    lines = []
    for indicator in result.agreeing():
        sign = mirror_text(indicator.left_sign) if mirror else indicator.left_sign
        shown = [
            f"{comparisons[k].definition.label}: {_values(comparisons[k])}"
            for k in indicator.keys
            if k in comparisons and comparisons[k].flag is not Flag.INCOMPLETE
        ]
        values = f" ({'; '.join(shown)})" if shown else ""
        lines.append(f"{indicator.name}: {sign}{values}.")
    return lines


def _pattern_items(pattern: Pattern, library: Sequence[Drill]) -> tuple[list[ProgramItem], str]:
    keys = seed_program_keys()
    items, missing = [], []
    for position, key in enumerate(keys, start=1):
        try:
            drill = find_drill(key, library)
        except KeyError:
            missing.append(key)
            continue
        if pattern is Pattern.MIRROR:
            # stored as (key, side): a two-sided drill has no mirror worth storing
            drill = for_side(drill, mirror_side(drill.side))
            which = "the mirror-image pattern"
        else:
            which = "the common left-pattern asymmetry"
        items.append(item_for(drill, f"Step {position} of {len(keys)} of the program for {which}."))
    note = ""
    if missing:
        note = f"{len(missing)} of the {len(keys)} program drills are not in the drill library."
    return items, note


def _label(c: Comparison) -> str:
    return c.definition.label or TARGET_LABELS.get(c.key, c.key)


def suggest_program(
    comparisons: Mapping[str, Comparison],
    result: PatternResult,
    library: Sequence[Drill],
    order: Sequence[str] | None = None,
) -> Suggestion:
    """The program DOMAIN.md §5 suggests for one session's comparisons and pattern.

    ``order``: measurement keys in the order targeted drills should come (catalog order);
    by default the order of ``comparisons``.
    """
    keys = [k for k in (order or comparisons) if k in comparisons]
    keys += [k for k in comparisons if k not in keys]
    flagged = [comparisons[k] for k in keys if comparisons[k].flag is Flag.ASYMMETRIC]
    watched = [comparisons[k] for k in keys if comparisons[k].flag is Flag.WATCH]
    watch = tuple(f"{_label(c)} ({_values(c)})" for c in watched)
    pattern = result.pattern
    if pattern in (Pattern.LEFT, Pattern.MIRROR):
        items, missing_note = _pattern_items(pattern, library)
        reasons = [
            f"{pattern.description}: {len(result.agreeing())} of {len(result.indicators)} "
            "indicators agree."
        ]
        reasons += _indicator_reasons(result, comparisons)
        note = MIRROR_NOTE if pattern is Pattern.MIRROR else ""
        note = " ".join(n for n in (note, missing_note) if n)
        return Suggestion(pattern.value, tuple(items), tuple(reasons), watch, note)

    if not flagged:
        message = "Nothing to suggest: no measurement of the latest session is flagged asymmetric."
        if watched:
            message += " Keep an eye on: " + "; ".join(watch) + "."
        return Suggestion(pattern.value, (), (), watch, message=message)

    items = []  # list[ProgramItem], as in the pattern branch above
    reasons = [f"{pattern.description}, so one drill per measurement flagged asymmetric."]
    taken: dict[tuple[str, str], int] = {}
    uncovered = []
    for c in flagged:
        side: Side = c.limited_side or "both"
        candidates = drills_for_measurement(c.key, side, library)
        reasons.append(f"{_label(c)} is flagged asymmetric ({_values(c)}; {side} side limited).")
        if not candidates:
            uncovered.append(_label(c))
            continue
        fresh = [p for p in candidates if (p.drill.key, p.side) not in taken]
        if fresh:
            p = fresh[0]
            taken[(p.drill.key, p.side)] = len(items)
            items.append(item_for(p.drill, p.reason))
        else:  # the best drill is already in the program: it covers this one too
            p = candidates[0]
            index = taken[(p.drill.key, p.side)]
            old = items[index]
            items[index] = ProgramItem(
                old.drill_key, old.side, old.dosage, old.notes, f"{old.reason} {p.reason}"
            )
    note = ""
    if uncovered:
        note = "No drill in the library targets: " + ", ".join(uncovered) + "."
    if not items:
        return Suggestion(pattern.value, (), tuple(reasons), watch, note, message=note)
    return Suggestion(pattern.value, tuple(items), tuple(reasons), watch, note)


# ---------------------------------------------------------------------------------------------
# Validation of what is saved


def validate_dosage(d: Dosage) -> list[str]:
    """Problems with a dosage as a clinician typed it (empty list: fine)."""
    problems = []
    # up to four digits, as the drill editor allows (a drill's own dosage prints as-is)
    count = re.compile(r"[1-9][0-9]{0,3}(?:[–-][1-9][0-9]{0,3})?", re.ASCII)
    for name, value in (("sets", d.sets), ("amount", d.amount)):
        text = str(value).strip()
        if not count.fullmatch(text):
            problems.append(f'{name} must be a count such as "3" or a range such as "3–4"')
        else:
            low, _, high = text.replace("-", "–").partition("–")
            if high and int(high) <= int(low):
                problems.append(f"{name}: a range must go from low to high")
    if not isinstance(d.unit, str) or d.unit not in UNITS:  # from a file: any JSON value
        problems.append(f"unit must be one of {', '.join(sorted(UNITS))}")
    if not isinstance(d.each_side, bool):
        problems.append("'each side' must be true or false")
    if isinstance(d.per_week, bool) or not isinstance(d.per_week, int) or not 1 <= d.per_week <= 14:
        problems.append("times per week must be a whole number from 1 to 14")
    return problems


def normalise_dosage(d: Dosage) -> Dosage:
    return Dosage(
        sets=str(d.sets).strip().replace("-", "–"),
        amount=str(d.amount).strip().replace("-", "–"),
        unit=d.unit,
        each_side=bool(d.each_side),
        per_week=d.per_week,
    )


# ---------------------------------------------------------------------------------------------
# Adherence


@dataclass(frozen=True)
class Adherence:
    """How much of the program has been done up to ``today``."""

    done: Mapping[int, frozenset[dt.date]]  # item id → days ticked
    expected: float  # sessions prescribed so far, all items
    completed: float  # sessions done so far (each item capped at its own prescription)
    per_item: Mapping[int, float | None] = field(default_factory=dict)  # item id → percent

    @property
    def percent(self) -> float | None:
        """``None`` before the program has started (nothing was due yet)."""
        if self.expected <= 0:
            return None
        return min(100.0, self.completed / self.expected * 100.0)

    def is_done(self, item_id: int, day: dt.date) -> bool:
        return day in self.done.get(item_id, frozenset())


def adherence_for(
    items: Iterable[ProgramItem],
    start: dt.date,
    weeks: int,
    done: Mapping[int, Iterable[dt.date]],
    today: dt.date,
) -> Adherence:
    """Sessions done / sessions prescribed from ``start`` up to ``today`` (or the program end).

    Only ticks inside the program's days and not after ``today`` count.
    """
    end = min(program_end(start, weeks), today)
    elapsed = (end - start).days + 1 if end >= start else 0
    ticked: dict[int, frozenset[dt.date]] = {}
    expected_total = completed_total = 0.0
    per_item: dict[int, float | None] = {}
    for item in items:
        if item.id is None:
            continue
        days = frozenset(d for d in done.get(item.id, ()) if start <= d <= end)
        ticked[item.id] = days
        expected = item.dosage.per_week * elapsed / 7.0
        completed = min(float(len(days)), expected)
        expected_total += expected
        completed_total += completed
        per_item[item.id] = (
            None if expected <= 0 else min(100.0, len(days) / math.ceil(expected) * 100.0)
        )
    return Adherence(ticked, expected_total, completed_total, per_item)
