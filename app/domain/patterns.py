"""Findings → pattern (DOMAIN.md §5): is this the common left pattern, its mirror, or neither?

Five directional indicators each vote for the left pattern or its mirror, but only with a
difference beyond the measurement error (for the drop test: the sides differ) and without pain;
a smaller difference is "not clear", a painful one "pain-limited". A pattern needs 4 of the 5
measured, at least 3 votes, and more votes than the other side. Ankle dorsiflexion asymmetry is
a supporting finding, never a vote (the source article gives it no direction).

The result lists every indicator with what it showed, so the clinician sees *why* a program is
suggested, and can disagree. It is a suggestion, never a diagnosis.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from app.domain.asymmetry import Comparison, Flag

ANKLE_KEYS = ("ankle_df_lunge_cm", "ankle_df_lunge_deg")
MIN_VOTES = 3
MIN_MEASURED = 4
INDICATOR_KEYS = (
    "hip_ir_deg",
    "hip_er_deg",
    "foot_posture_index",
    "thoracic_rot_deg",
    "adduction_drop_test",
)


class Pattern(StrEnum):
    LEFT = "left"
    MIRROR = "mirror"
    MIXED = "mixed"
    NONE = "none"

    @property
    def description(self) -> str:
        return {
            "left": "Findings consistent with the common left pattern",
            "mirror": "Findings consistent with the mirror pattern",
            "mixed": "Mixed findings: as many clear signs of the left pattern as of its mirror",
            "none": "No pattern: fewer than three clear indicators agree",
        }[self.value]


class Vote(StrEnum):
    LEFT = "left"
    MIRROR = "mirror"
    NOT_CLEAR = "not clear"  # measured, difference within the error (or sides the same)
    PAIN_LIMITED = "pain-limited"  # measured, but painful: no vote
    NOT_MEASURED = "not measured"

    @property
    def measured(self) -> bool:
        return self is not Vote.NOT_MEASURED

    @property
    def votes(self) -> bool:
        return self in (Vote.LEFT, Vote.MIRROR)


@dataclass(frozen=True)
class Indicator:
    name: str
    left_sign: str  # what the left pattern looks like, in words
    key: str
    vote: Vote
    comparison: Comparison | None = None

    @property
    def keys(self) -> tuple[str, ...]:
        return (self.key,)


@dataclass(frozen=True)
class PatternResult:
    pattern: Pattern
    indicators: tuple[Indicator, ...]
    supporting: tuple[Comparison, ...] = ()  # ankle dorsiflexion flagged asymmetric

    @property
    def left_count(self) -> int:
        return sum(i.vote is Vote.LEFT for i in self.indicators)

    @property
    def mirror_count(self) -> int:
        return sum(i.vote is Vote.MIRROR for i in self.indicators)

    @property
    def measured_count(self) -> int:
        return sum(i.vote.measured for i in self.indicators)

    def agreeing(self) -> list[Indicator]:
        """Indicators whose vote carries the detected pattern (every vote for mixed/none)."""
        if self.pattern is Pattern.LEFT:
            return [i for i in self.indicators if i.vote is Vote.LEFT]
        if self.pattern is Pattern.MIRROR:
            return [i for i in self.indicators if i.vote is Vote.MIRROR]
        return [i for i in self.indicators if i.vote.votes]

    def disagreeing(self) -> list[Indicator]:
        if self.pattern is Pattern.LEFT:
            return [i for i in self.indicators if i.vote is Vote.MIRROR]
        if self.pattern is Pattern.MIRROR:
            return [i for i in self.indicators if i.vote is Vote.LEFT]
        return []

    def not_measured(self) -> list[Indicator]:
        return [i for i in self.indicators if i.vote is Vote.NOT_MEASURED]

    def pain_limited(self) -> list[Indicator]:
        return [i for i in self.indicators if i.vote is Vote.PAIN_LIMITED]


def _vote(c: Comparison | None, left_pattern_if: Callable[[float, float], bool]) -> Vote:
    """LEFT when ``left_pattern_if(L, R)`` beyond the error, MIRROR when it holds with the sides
    swapped; not clear within the error; pain-limited (measured, no vote) with pain ≥ 3."""
    if c is None or c.left is None or c.right is None:
        return Vote.NOT_MEASURED
    if c.pain_limited:
        return Vote.PAIN_LIMITED
    if not c.beyond_error:
        return Vote.NOT_CLEAR
    if left_pattern_if(c.left, c.right):
        return Vote.LEFT
    if left_pattern_if(c.right, c.left):
        return Vote.MIRROR
    return Vote.NOT_CLEAR


def decide(left: int, mirror: int, measured: int) -> Pattern:
    """The rule of DOMAIN.md §5 on the counts alone (property-tested)."""
    if measured < MIN_MEASURED:
        return Pattern.NONE
    if left >= MIN_VOTES and left > mirror:
        return Pattern.LEFT
    if mirror >= MIN_VOTES and mirror > left:
        return Pattern.MIRROR
    if left >= MIN_VOTES and left == mirror:
        return Pattern.MIXED
    return Pattern.NONE


def detect_pattern(comparisons: Mapping[str, Comparison]) -> PatternResult:
    """Apply the five indicators of DOMAIN.md §5 to one session's comparisons (by catalog key)."""
    get = comparisons.get
    rules: tuple[tuple[str, str, str, Callable[[float, float], bool]], ...] = (
        ("Hip internal rotation", "left hip IR < right", "hip_ir_deg", lambda lt, rt: lt < rt),
        ("Hip external rotation", "right hip ER < left", "hip_er_deg", lambda lt, rt: rt < lt),
        (
            "Foot posture",
            "FPI left > right, left foot more pronated",
            "foot_posture_index",
            lambda lt, rt: lt > rt,
        ),
        (
            "Thoracic rotation",
            "rotation to the right < to the left",
            "thoracic_rot_deg",
            lambda lt, rt: rt < lt,
        ),
        # pass = 1, fail = 0: the left pattern fails on the left and passes on the right
        (
            "Adduction drop test",
            "failed on the left only",
            "adduction_drop_test",
            lambda lt, rt: lt < rt,
        ),
    )
    indicators = tuple(
        Indicator(name, sign, key, _vote(get(key), rule), get(key))
        for name, sign, key, rule in rules
    )
    supporting = tuple(
        comparisons[k]
        for k in ANKLE_KEYS
        if k in comparisons and comparisons[k].flag is Flag.ASYMMETRIC
    )
    left = sum(i.vote is Vote.LEFT for i in indicators)
    mirror = sum(i.vote is Vote.MIRROR for i in indicators)
    measured = sum(i.vote.measured for i in indicators)
    return PatternResult(decide(left, mirror, measured), indicators, supporting)


def indicator_line(indicator: Indicator, mirror: bool = False) -> str:
    """'Hip internal rotation: left pattern (left 24.0°, right 37.0°; difference 13.0°, beyond
    the 5.4° error)' — every vote with its numbers and error, or why it does not vote."""
    from app.domain.asymmetry import PAIN_LIMITED

    c = indicator.comparison
    vote = indicator.vote
    shown = {
        Vote.LEFT: "left pattern",
        Vote.MIRROR: "mirror pattern",
        Vote.NOT_CLEAR: "not clear",
        Vote.PAIN_LIMITED: PAIN_LIMITED,
        Vote.NOT_MEASURED: "not measured",
    }[vote]
    if c is None or vote is Vote.NOT_MEASURED:
        return f"{indicator.name}: {shown}"
    return f"{indicator.name}: {shown} ({evidence(c)})"


def values_text(c: Comparison) -> str:
    """'left 24.0°, right 37.0°' as the app shows the sides."""
    return f"left {_value(c, c.left)}, right {_value(c, c.right)}"


def _value(c: Comparison, value: float | None) -> str:
    d = c.definition
    if value is None:
        return "—"
    if d.is_passfail:
        return d.format_value(value)
    number = f"{value:.{d.places}f}"
    if d.unit == "deg":
        return number + "°"
    if d.unit == "score":
        return number
    return f"{number} {d.unit}"


def vote_text(c: Comparison) -> str:
    """'left 29.6°, right 39.3°: 9.7° apart, more than the 5.4° error' — a vote in few words,
    with its numbers and its error (for the handout)."""
    d = c.definition
    sides = values_text(c)
    if d.is_passfail or c.diff is None or d.error is None:
        return sides
    if d.error_in_lsi_points:
        return f"{sides}: LSI {c.lsi or 0:.1f} %, error {d.error:g} points"
    score = d.unit == "score"
    size = _value(c, abs(c.diff)) + (" points" if score else "")
    error = _value(c, d.error) + ("-point" if score else "")
    return f"{sides}: {size} apart, more than the {error} error"


def evidence(c: Comparison) -> str:
    """The sides, the difference and the error: what a vote (or no vote) rests on."""
    d = c.definition
    parts = [values_text(c)]
    if c.pain_limited:
        parts.append(c.pain_text)
        return "; ".join(parts)
    if d.is_passfail:
        parts.append("sides differ" if c.diff else "sides the same")
        return "; ".join(parts)
    if c.diff is None:
        return "; ".join(parts)
    estimate = " (estimate)" if d.mdc_estimate else ""
    error = d.error
    beyond = "beyond" if c.beyond_error else "within"
    if d.error_in_lsi_points and error is not None:
        lsi = "—" if c.lsi is None else f"{c.lsi:.1f} %"  # as judged (one decimal)
        parts.append(f"LSI {lsi}, {beyond} the {error:g}-point error{estimate}")
        return "; ".join(parts)
    size = _value(c, abs(c.diff))
    if d.unit == "score":
        size += " points"
    if error is None:
        parts.append(f"difference {size}")
    else:
        e = _value(c, error) + ("-point" if d.unit == "score" else "")
        parts.append(f"difference {size}, {beyond} the {e} error{estimate}")
    return "; ".join(parts)
