"""Programs: what to suggest from a session's findings (DOMAIN.md §5), and how well it is kept.

A program is a list of drills, each with its side and dosage. The suggestion is always a draft
for the clinician to accept or edit, never a diagnosis, so every suggested item carries the
reason it is there, and the draft carries the reasons for the program as a whole.

Choices:

* **Which flags make a targeted drill** (DOMAIN.md §5). With a pattern: its program plus one
  drill for each ``asymmetric`` measurement that the program's drills do not target. Without
  one: one drill per ``asymmetric`` measurement, for the limited side. Measurements flagged
  ``watch`` get no drill: they are listed as "keep an eye on", because a program of ten drills
  for borderline differences is one nobody does. A pain-limited measurement never brings a
  drill: it is listed as "painful: assess before loading", and a pattern drill that targets it
  carries a caution line.
* **The foot follows its direction.** The more pronated foot gets arch control, the more
  supinated foot gets mobility (``FOOT_DRILLS``), never the reverse.
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
from dataclasses import dataclass, field, replace

from app.domain.asymmetry import Comparison, Flag
from app.domain.drills import (
    SIDES,
    TARGET_LABELS,
    UNITS,
    Dosage,
    Drill,
    Prescription,
    Side,
    drills_for_measurement,
    find_drill,
    for_side,
    mirror_side,
    mirror_text,
    seed_program_keys,
)
from app.domain.messages import msg
from app.domain.patterns import (
    Pattern,
    PatternResult,
    evidence,
    indicator_line,
    pain_phrase,
    pattern_phrase,
    values_text,
)
from app.domain.phrases import Joined, Label, phrase

DEFAULT_WEEKS = 4
MAX_WEEKS = 52
MAX_ITEMS = 20
NOTES_MAX = 2000
MIRROR_NOTE = phrase("Mirror pattern: check the findings before accepting this program.")
PAINFUL = phrase("painful: assess before loading")
# the built-in drill for each direction of the foot (FPI): arch control for the more pronated
# foot, mobility for the more supinated one (DOMAIN.md §3)
FOOT_DRILLS = {
    "pronated": "left-short-foot-arch-lift",
    "supinated": "left-foot-roll-in-mobility",
}
FPI_KEY = "foot_posture_index"
NOT_A_DIAGNOSIS = phrase("A suggestion for the clinician to accept or edit, not a diagnosis.")


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
    note: str = ""  # e.g. check the findings of a mirror pattern
    message: str = ""  # set when there is nothing to suggest
    painful: tuple[str, ...] = ()  # pain-limited measurements: assess before loading

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
    return values_text(c)


def _indicator_reasons(result: PatternResult) -> list[str]:
    """Every indicator with its numbers and error: the votes that carry the pattern, and why
    the others do not vote; then the supporting ankle findings."""
    lines: list[str] = [phrase("{line}.", line=indicator_line(i)) for i in result.indicators]
    for c in result.supporting:
        lines.append(
            phrase("Supporting finding (no vote): {name} asymmetric ({evidence}).",
                   name=_label(c), evidence=evidence(c))
        )  # fmt: skip
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
            reason = phrase(
                "Step {position} of {count} of the program for the mirror pattern.",
                position=position, count=len(keys),
            )  # fmt: skip
        else:
            reason = phrase(
                "Step {position} of {count} of the program for the common left pattern.",
                position=position, count=len(keys),
            )  # fmt: skip
        items.append(item_for(drill, reason))
    note = ""
    if missing:
        note = phrase(
            "{missing} of the {count} program drills are not in the drill library.",
            missing=len(missing), count=len(keys),
        )  # fmt: skip
    return items, note


def _label(c: Comparison) -> Label:
    """The measurement's short name, worded later in the reader's catalog."""
    if c.definition.label:
        return Label(c.key, c.definition.label)
    return Label(c.key, TARGET_LABELS.get(c.key, c.key), "target")


def _painful_line(c: Comparison) -> str:
    return phrase(
        "{name} ({values}; {pain}): painful: assess before loading.",
        name=_label(c), values=values_text(c), pain=pain_phrase(c),
    )  # fmt: skip


def _targeted(c: Comparison, library: Sequence[Drill]) -> tuple[Side, list[Prescription]]:
    """Drills for one asymmetric measurement, best first, for its limited side; the foot's
    drill follows its direction, never the reverse."""
    side: Side = c.limited_side or "both"
    candidates = drills_for_measurement(c.key, side, library)
    if c.key == FPI_KEY and c.definition.higher == "neither":
        found = c.foot_direction
        if found is None:
            return side, []
        direction = found[1]
        wanted = FOOT_DRILLS[direction]
        unwanted = {v for k, v in FOOT_DRILLS.items() if k != direction}

        def base(p: Prescription) -> str:
            return mirror_text(p.drill.key) if p.drill.mirrored else p.drill.key

        program = set(seed_program_keys())
        candidates = [p for p in candidates if base(p) not in unwanted and base(p) not in program]
        candidates.sort(key=lambda p: base(p) != wanted)
        foot = {
            ("left", "pronated"): phrase("The left foot is the more pronated one."),
            ("left", "supinated"): phrase("The left foot is the more supinated one."),
            ("right", "pronated"): phrase("The right foot is the more pronated one."),
            ("right", "supinated"): phrase("The right foot is the more supinated one."),
        }.get((side, direction)) or f"The {side} foot is the more {direction} one."
        candidates = [
            Prescription(
                p.drill, p.dosage, p.side, phrase("{first} {then}", first=p.reason, then=foot)
            )
            for p in candidates
        ]
    return side, candidates


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
    painful = [comparisons[k] for k in keys if comparisons[k].pain_limited]
    flagged = [
        comparisons[k]
        for k in keys
        if comparisons[k].flag is Flag.ASYMMETRIC and not comparisons[k].pain_limited
    ]
    watched = [
        comparisons[k]
        for k in keys
        if comparisons[k].flag is Flag.WATCH and not comparisons[k].pain_limited
    ]
    watch: tuple[str, ...] = tuple(
        phrase("{name} ({values}; within measurement error: measure again)", name=_label(c),
               values=_values(c))
        if c.within_error
        else phrase("{name} ({values})", name=_label(c), values=_values(c))
        for c in watched
    )  # fmt: skip
    painful_lines = tuple(_painful_line(c) for c in painful)
    pattern = result.pattern
    items: list[ProgramItem] = []
    reasons: list[str] = []
    notes: list[str] = []
    addressed: set[str] = set()
    if pattern in (Pattern.LEFT, Pattern.MIRROR):
        items, missing_note = _pattern_items(pattern, library)
        reasons.append(
            phrase(
                "{pattern}: {votes} of {count} indicators vote for it, each beyond its "
                "measurement error ({measured} measured).",
                pattern=pattern_phrase(pattern),
                votes=len(result.agreeing()),
                count=len(result.indicators),
                measured=result.measured_count,
            )
        )
        reasons += _indicator_reasons(result)
        for item in items:
            try:
                drill = resolve_item_drill(item.drill_key, item.side, library)
            except KeyError:
                continue
            addressed.update(drill.targets)
        items = [_with_caution(item, painful, library) for item in items]
        if pattern is Pattern.MIRROR:
            notes.append(MIRROR_NOTE)
        if missing_note:
            notes.append(missing_note)
    extra = [c for c in flagged if c.key not in addressed]
    if not items and not extra:
        message = (
            phrase("Nothing to suggest: no measurement of the latest session is flagged "
                   "asymmetric beyond its measurement error.")
            if not painful
            else phrase(
                "Nothing to suggest: no measurement of the latest session is flagged "
                "asymmetric without pain. Painful: assess before loading: {names}.",
                names=Joined(tuple(_label(c) for c in painful)),
            )
        )  # fmt: skip
        if watched:
            message = phrase(
                "{message} Keep an eye on: {watch}.", message=message, watch=Joined(watch)
            )
        return Suggestion(pattern.value, (), (), watch, message=message, painful=painful_lines)
    if extra:
        if pattern in (Pattern.LEFT, Pattern.MIRROR):
            reasons.append(phrase("Plus one drill for each asymmetric measurement the program "
                                  "does not target."))  # fmt: skip
        else:
            reasons.append(
                phrase(
                    "{pattern}, so one drill per measurement flagged asymmetric.",
                    pattern=pattern_phrase(pattern),
                )
            )
            if result.measured_count:
                reasons += _indicator_reasons(result)
    taken: dict[tuple[str, str], int] = {(i.drill_key, i.side): n for n, i in enumerate(items)}
    uncovered: list[Label] = []
    for c in extra:
        side, candidates = _targeted(c, library)
        name, why = _label(c), evidence(c)
        reasons.append(
            phrase("{name} is flagged asymmetric ({evidence}; left side limited).", name=name,
                   evidence=why)
            if side == "left"
            else phrase("{name} is flagged asymmetric ({evidence}; right side limited).",
                        name=name, evidence=why)
            if side == "right"
            else phrase("{name} is flagged asymmetric ({evidence}; both side limited).",
                        name=name, evidence=why)
        )  # fmt: skip
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
            items[index] = replace(old, reason=phrase("{first} {then}", first=old.reason,
                                                      then=p.reason))  # fmt: skip
    if uncovered:
        notes.append(
            phrase("No drill in the library targets: {names}.",
                   names=Joined(tuple(uncovered), ", "))
        )  # fmt: skip
    note: str = phrase("{first} {then}", first=notes[0], then=notes[1]) if len(notes) == 2 else (
        notes[0] if notes else ""
    )  # fmt: skip
    if not items:
        return Suggestion(
            pattern.value, (), tuple(reasons), watch, note, message=note, painful=painful_lines
        )
    return Suggestion(
        pattern.value, tuple(items), tuple(reasons), watch, note, painful=painful_lines
    )


def _with_caution(
    item: ProgramItem, painful: Sequence[Comparison], library: Sequence[Drill]
) -> ProgramItem:
    """A pattern drill that targets a painful measurement carries a caution line naming it."""
    try:
        targets = resolve_item_drill(item.drill_key, item.side, library).targets
    except KeyError:
        return item
    lines = [
        phrase("Caution: {name} is painful ({pain}): assess before loading.", name=_label(c),
               pain=pain_phrase(c))
        for c in painful
        if c.key in targets
    ]  # fmt: skip
    if not lines:
        return item
    caution = Joined(tuple(lines), " ")
    notes = phrase("{caution} {notes}", caution=caution, notes=item.notes) if item.notes else (
        phrase("{caution}", caution=caution)
    )  # fmt: skip
    reason = phrase("{first} {then}", first=item.reason, then=caution) if item.reason else (
        phrase("{caution}", caution=caution)
    )  # fmt: skip
    return replace(item, notes=notes, reason=reason)


# ---------------------------------------------------------------------------------------------
# Validation of what is saved


def validate_dosage(d: Dosage) -> list[str]:
    """Problems with a dosage as a clinician typed it (empty list: fine)."""
    problems: list[str] = []
    # up to four digits, as the drill editor allows (a drill's own dosage prints as-is)
    count = re.compile(r"[1-9][0-9]{0,3}(?:[–-][1-9][0-9]{0,3})?", re.ASCII)
    for name, value in ((msg("sets"), d.sets), (msg("amount"), d.amount)):
        text = str(value).strip()
        if not count.fullmatch(text):
            problems.append(
                msg('{name} must be a count such as "3" or a range such as "3–4"', name=name)
            )
        else:
            low, _, high = text.replace("-", "–").partition("–")
            if high and int(high) <= int(low):
                problems.append(msg("{name}: a range must go from low to high", name=name))
    if not isinstance(d.unit, str) or d.unit not in UNITS:  # from a file: any JSON value
        problems.append(msg("unit must be one of {units}", units=", ".join(sorted(UNITS))))
    if not isinstance(d.each_side, bool):
        problems.append(msg("'each side' must be true or false"))
    if isinstance(d.per_week, bool) or not isinstance(d.per_week, int) or not 1 <= d.per_week <= 14:
        problems.append(msg("times per week must be a whole number from 1 to 14"))
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
