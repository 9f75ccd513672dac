"""Findings → pattern (DOMAIN.md §5): is this the common left pattern, its mirror, or neither?

The result lists every indicator with what it showed, so the clinician sees *why* a program is
suggested, and can disagree. It is a suggestion, never a diagnosis.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from app.domain.asymmetry import Comparison, Flag

ANKLE_KEYS = ("ankle_df_lunge_cm", "ankle_df_lunge_deg")
MIN_AGREEING = 3


class Pattern(StrEnum):
    LEFT = "left"
    MIRROR = "mirror"
    MIXED = "mixed"
    NONE = "none"

    @property
    def description(self) -> str:
        return {
            "left": "Findings consistent with the common left-pattern asymmetry",
            "mirror": (
                "Findings consistent with the mirror pattern "
                "(less common than the left pattern)"
            ),
            "mixed": "Mixed findings: as many signs of the left pattern as of its mirror",
            "none": "No pattern: fewer than three indicators agree",
        }[self.value]


class Vote(StrEnum):
    LEFT = "left"
    MIRROR = "mirror"
    BOTH = "both"
    NEITHER = "neither"
    NOT_MEASURED = "not measured"


@dataclass(frozen=True)
class Indicator:
    name: str
    left_sign: str  # what the left pattern looks like, in words
    keys: tuple[str, ...]
    vote: Vote


@dataclass(frozen=True)
class PatternResult:
    pattern: Pattern
    indicators: tuple[Indicator, ...]

    @property
    def left_count(self) -> int:
        return sum(i.vote in (Vote.LEFT, Vote.BOTH) for i in self.indicators)

    @property
    def mirror_count(self) -> int:
        return sum(i.vote in (Vote.MIRROR, Vote.BOTH) for i in self.indicators)

    def agreeing(self) -> list[Indicator]:
        """Indicators that support the detected pattern (both patterns for mixed)."""
        wanted = {
            Pattern.LEFT: {Vote.LEFT, Vote.BOTH},
            Pattern.MIRROR: {Vote.MIRROR, Vote.BOTH},
            Pattern.MIXED: {Vote.LEFT, Vote.MIRROR, Vote.BOTH},
            Pattern.NONE: {Vote.LEFT, Vote.MIRROR, Vote.BOTH},
        }[self.pattern]
        return [i for i in self.indicators if i.vote in wanted]

    def disagreeing(self) -> list[Indicator]:
        if self.pattern is Pattern.LEFT:
            return [i for i in self.indicators if i.vote in (Vote.MIRROR, Vote.NEITHER)]
        if self.pattern is Pattern.MIRROR:
            return [i for i in self.indicators if i.vote in (Vote.LEFT, Vote.NEITHER)]
        return [i for i in self.indicators if i.vote is Vote.NEITHER]

    def not_measured(self) -> list[Indicator]:
        return [i for i in self.indicators if i.vote is Vote.NOT_MEASURED]


def _compare_sides(c: Comparison | None, left_pattern_if: Callable[[float, float], bool]) -> Vote:
    """Vote LEFT when ``left_pattern_if(L, R)``, MIRROR when it holds with the sides swapped."""
    if c is None or c.left is None or c.right is None:
        return Vote.NOT_MEASURED
    if left_pattern_if(c.left, c.right):
        return Vote.LEFT
    if left_pattern_if(c.right, c.left):
        return Vote.MIRROR
    return Vote.NEITHER


def _ankle_vote(comparisons: Mapping[str, Comparison]) -> Vote:
    measured = [
        comparisons[k]
        for k in ANKLE_KEYS
        if k in comparisons and comparisons[k].flag is not Flag.INCOMPLETE
    ]
    if not measured:
        return Vote.NOT_MEASURED
    if any(c.flag is Flag.ASYMMETRIC for c in measured):
        return Vote.BOTH
    return Vote.NEITHER


def detect_pattern(comparisons: Mapping[str, Comparison]) -> PatternResult:
    """Apply the six indicators of DOMAIN.md §5 to one session's comparisons (by catalog key)."""
    get = comparisons.get
    indicators = (
        Indicator(
            "Hip internal rotation",
            "left hip IR < right",
            ("hip_ir_deg",),
            _compare_sides(get("hip_ir_deg"), lambda left, right: left < right),
        ),
        Indicator(
            "Hip external rotation",
            "right hip ER < left",
            ("hip_er_deg",),
            _compare_sides(get("hip_er_deg"), lambda left, right: right < left),
        ),
        Indicator(
            "Foot posture",
            "FPI left > right, left foot more pronated",
            ("foot_posture_index",),
            _compare_sides(get("foot_posture_index"), lambda left, right: left > right),
        ),
        Indicator(
            "Thoracic rotation",
            "rotation to the right < to the left",
            ("thoracic_rot_deg",),
            _compare_sides(get("thoracic_rot_deg"), lambda left, right: right < left),
        ),
        Indicator(
            "Adduction drop test",
            "failed on the left",
            ("adduction_drop_test",),
            # pass = 1, fail = 0: the left pattern fails on the left and passes on the right
            _compare_sides(get("adduction_drop_test"), lambda left, right: left < right),
        ),
        Indicator(
            "Ankle dorsiflexion",
            "asymmetric; counts for both patterns",
            ANKLE_KEYS,
            _ankle_vote(comparisons),
        ),
    )
    left = sum(i.vote in (Vote.LEFT, Vote.BOTH) for i in indicators)
    mirror = sum(i.vote in (Vote.MIRROR, Vote.BOTH) for i in indicators)
    if left >= MIN_AGREEING and left > mirror:
        pattern = Pattern.LEFT
    elif mirror >= MIN_AGREEING and mirror > left:
        pattern = Pattern.MIRROR
    elif left >= MIN_AGREEING and left == mirror:
        pattern = Pattern.MIXED
    else:
        pattern = Pattern.NONE
    return PatternResult(pattern, indicators)
