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

from app.domain.asymmetry import PAIN_LIMIT, Comparison, Flag
from app.domain.phrases import Arg, Joined, Phrase, Quantity, phrase

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
    the 5.4° error)' — every vote with its numbers and error, or why it does not vote.

    A :class:`~app.domain.phrases.Phrase`: English as a ``str``, any language with ``.text``."""
    c = indicator.comparison
    vote = indicator.vote
    name = phrase(indicator.name) if indicator.key in INDICATOR_KEYS else indicator.name
    shown = VOTE_WORDS[vote]
    if c is None or vote is Vote.NOT_MEASURED:
        return phrase("{name}: {vote}", name=name, vote=shown)
    return phrase("{name}: {vote} ({evidence})", name=name, vote=shown, evidence=evidence(c))


def pattern_phrase(pattern: Pattern) -> Phrase:
    """:attr:`Pattern.description` as a phrase (the same English, in any language)."""
    return {
        "left": phrase("Findings consistent with the common left pattern"),
        "mirror": phrase("Findings consistent with the mirror pattern"),
        "mixed": phrase(
            "Mixed findings: as many clear signs of the left pattern as of its mirror"
        ),
        "none": phrase("No pattern: fewer than three clear indicators agree"),
    }[pattern.value]


def values_text(c: Comparison) -> str:
    """'left 24.0°, right 37.0°' as the app shows the sides."""
    return phrase("left {left}, right {right}", left=_value(c, c.left), right=_value(c, c.right))


def _value(c: Comparison, value: float | None) -> Arg:
    d = c.definition
    if value is None:
        return "—"
    if d.is_passfail:
        return phrase("pass") if d.format_value(value) == "pass" else phrase("fail")
    return Quantity(value, d.places, d.unit)


def pain_phrase(c: Comparison) -> Phrase | str:
    """:attr:`Comparison.pain_text` ('pain left 5/10') as a phrase."""
    sides = [
        phrase("{side} {pain}/10", side=phrase(side), pain=pain)
        for side, pain in (("left", c.pain_left), ("right", c.pain_right))
        if pain is not None and pain >= PAIN_LIMIT
    ]
    return phrase("pain {sides}", sides=Joined(tuple(sides), ", ")) if sides else ""


def evidence(c: Comparison) -> str:
    """The sides, the difference and the error: what a vote (or no vote) rests on."""
    d = c.definition
    sides = values_text(c)
    if c.pain_limited:
        return phrase("{sides}; {pain}", sides=sides, pain=pain_phrase(c))
    if d.is_passfail:
        same = phrase("sides differ") if c.diff else phrase("sides the same")
        return phrase("{sides}; {same}", sides=sides, same=same)
    if c.diff is None:
        return sides
    estimate: Arg = phrase(" (estimate)") if d.mdc_estimate else ""
    error = d.error
    if d.error_in_lsi_points and error is not None:
        lsi: Arg = "—" if c.lsi is None else Quantity(c.lsi, 1, "%")  # as judged (one decimal)
        points = f"{error:g}"
        message = (
            phrase("LSI {lsi}, beyond the {error}-point error{estimate}", lsi=lsi, error=points,
                   estimate=estimate)
            if c.beyond_error
            else phrase("LSI {lsi}, within the {error}-point error{estimate}", lsi=lsi,
                        error=points, estimate=estimate)
        )  # fmt: skip
        return phrase("{sides}; {figure}", sides=sides, figure=message)
    score = d.unit == "score"
    size = _value(c, abs(c.diff))
    if score:
        size = phrase("{size} points", size=size)
    if error is None:
        return phrase("{sides}; {figure}", sides=sides, figure=phrase("difference {size}",
                                                                       size=size))  # fmt: skip
    e = _value(c, error)
    if score:
        e = phrase("{number}-point", number=e)
    judged = (
        phrase("difference {size}, beyond the {error} error{estimate}", size=size, error=e,
               estimate=estimate)
        if c.beyond_error
        else phrase("difference {size}, within the {error} error{estimate}", size=size, error=e,
                    estimate=estimate)
    )  # fmt: skip
    return phrase("{sides}; {figure}", sides=sides, figure=judged)


# What each vote is called in an indicator line (the same words as the progress report's).
VOTE_WORDS: dict[Vote, Phrase] = {
    Vote.LEFT: phrase("left pattern"),
    Vote.MIRROR: phrase("mirror pattern"),
    Vote.NOT_CLEAR: phrase("not clear"),
    Vote.PAIN_LIMITED: phrase("pain-limited"),
    Vote.NOT_MEASURED: phrase("not measured"),
}
