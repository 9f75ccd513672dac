"""Side-to-side formulas: differences, % asymmetry, LSI, flags, trials and real change.

Every number the app shows about asymmetry comes from here, so the window, the CLI and the PDF
can never disagree. A missing side is ``None`` and propagates as "undefined", never as 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from app.domain.catalog import Kind, MeasurementDef, ResultRule, Rule

Side = Literal["left", "right"]
CM_PER_IN = 2.54
WATCH_FRACTION = 0.75  # difference rules: watch from 75 % of the threshold
LSI_WATCH_FRACTION = 0.25  # LSI rules: watch below C + 25 % of (100 - C)
MAX_TRIALS = 3


class Flag(StrEnum):
    OK = "ok"
    WATCH = "watch"
    ASYMMETRIC = "asymmetric"
    INCOMPLETE = "incomplete"

    @property
    def severity(self) -> int:
        return {"incomplete": -1, "ok": 0, "watch": 1, "asymmetric": 2}[self.value]


def signed_diff(left: float | None, right: float | None) -> float | None:
    """``R − L``: positive when the right side measures more."""
    if left is None or right is None:
        return None
    return right - left


def abs_diff(left: float | None, right: float | None) -> float | None:
    d = signed_diff(left, right)
    return None if d is None else abs(d)


def percent_asymmetry(left: float | None, right: float | None) -> float | None:
    """``|R − L| / max(|L|, |R|) × 100``; 0 when both sides are 0."""
    if left is None or right is None:
        return None
    biggest = max(abs(left), abs(right))
    if biggest == 0:
        return 0.0
    return min(100.0, abs(right - left) / biggest * 100.0)


def limb_symmetry_index(
    left: float | None, right: float | None, involved: Side | None = None
) -> float | None:
    """LSI in percent: involved / uninvolved when one side is involved, else weaker / stronger.

    Undefined (``None``) when a side is missing or the reference side is 0 while the other is
    not; two zero sides are perfectly symmetric (100 %).
    """
    if left is None or right is None:
        return None
    if involved is None:
        weaker, stronger = (left, right) if left <= right else (right, left)
    elif involved == "left":
        weaker, stronger = left, right
    else:
        weaker, stronger = right, left
    if stronger == 0:
        return 100.0 if weaker == 0 else None
    return weaker / stronger * 100.0


def flag_for_difference(difference: float | None, threshold: float, strict: bool = False) -> Flag:
    if difference is None:
        return Flag.INCOMPLETE
    difference = abs(difference)
    past = difference > threshold if strict else difference >= threshold
    if past:
        return Flag.ASYMMETRIC
    if difference >= WATCH_FRACTION * threshold:
        return Flag.WATCH
    return Flag.OK


def flag_for_lsi(lsi: float | None, cutoff: float) -> Flag:
    if lsi is None:
        return Flag.INCOMPLETE
    if lsi < cutoff:
        return Flag.ASYMMETRIC
    if lsi < cutoff + LSI_WATCH_FRACTION * (100.0 - cutoff):
        return Flag.WATCH
    return Flag.OK


def flag_for_passfail(left: float | None, right: float | None) -> Flag:
    if left is None or right is None:
        return Flag.INCOMPLETE
    return Flag.ASYMMETRIC if left != right else Flag.OK


@dataclass(frozen=True)
class Comparison:
    """One measurement's left/right result with every derived figure."""

    definition: MeasurementDef
    left: float | None
    right: float | None
    diff: float | None  # R − L
    percent: float | None  # % asymmetry
    lsi: float | None
    flag: Flag

    @property
    def key(self) -> str:
        return self.definition.key

    @property
    def limited_side(self) -> Side | None:
        """The side that measures worse (for drills given on the limited side)."""
        if self.diff is None or self.diff == 0:
            return None
        d = self.definition
        if d.is_passfail:  # the failing side is limited
            return "left" if (self.left or 0) < (self.right or 0) else "right"
        if d.higher == "neither":  # e.g. FPI: the side further from neutral
            return "left" if abs(self.left or 0) > abs(self.right or 0) else "right"
        return "left" if self.diff > 0 else "right"

    @property
    def metric(self) -> float | None:
        """The figure the flag is judged on: LSI for LSI rules, % asymmetry otherwise."""
        return self.lsi if self.definition.rule is Rule.LSI else self.percent

    @property
    def metric_label(self) -> str:
        return "LSI" if self.definition.rule is Rule.LSI else "% asym"


def compare(
    definition: MeasurementDef,
    left: float | None,
    right: float | None,
    involved: Side | None = None,
) -> Comparison:
    diff = signed_diff(left, right)
    if definition.rule is Rule.PASSFAIL:
        return Comparison(definition, left, right, diff, None, None, flag_for_passfail(left, right))
    lsi = limb_symmetry_index(left, right, involved)
    flag = _judge(definition, diff, lsi)
    return Comparison(definition, left, right, diff, percent_asymmetry(left, right), lsi, flag)


def flag_of(
    definition: MeasurementDef,
    left: float | None,
    right: float | None,
    involved: Side | None = None,
) -> Flag:
    """``compare(...).flag`` without the other figures.

    For the places that only count flags (a history of 500 sessions summarizes 6,000 of them
    on every click), so they skip building a :class:`Comparison` each.
    """
    if definition.rule is Rule.PASSFAIL:
        return flag_for_passfail(left, right)
    lsi = limb_symmetry_index(left, right, involved) if definition.rule is Rule.LSI else None
    return _judge(definition, signed_diff(left, right), lsi)


def _judge(definition: MeasurementDef, diff: float | None, lsi: float | None) -> Flag:
    """The flag of a measured (not pass/fail) measurement: its rule applied to its figure."""
    assert definition.threshold is not None
    if definition.rule is Rule.LSI:
        return flag_for_lsi(lsi, definition.threshold)
    return flag_for_difference(diff, definition.threshold, definition.strict)


def result_of_trials(trials: Sequence[float | None], rule: ResultRule) -> float | None:
    """A side's result: the best trial for performance tests, the mean otherwise."""
    values = [t for t in trials if t is not None]
    if len(values) > MAX_TRIALS:
        raise ValueError(f"at most {MAX_TRIALS} trials per side")
    if not values:
        return None
    if rule is ResultRule.BEST:
        return max(values)
    return math.fsum(values) / len(values)


def mdc95(sd: float, icc: float) -> float:
    """Minimal detectable change: ``SEM × 1.96 × √2`` with ``SEM = SD × √(1 − ICC)``."""
    if sd < 0 or not 0 <= icc <= 1:
        raise ValueError("need SD ≥ 0 and 0 ≤ ICC ≤ 1")
    return sd * math.sqrt(1 - icc) * 1.96 * math.sqrt(2)


def is_real_change(before: float | None, after: float | None, mdc: float | None) -> bool | None:
    """True when the change exceeds the MDC; ``None`` when it cannot be judged."""
    if before is None or after is None or mdc is None:
        return None
    return abs(after - before) > mdc


def cm_to_in(cm: float) -> float:
    return cm / CM_PER_IN


def in_to_cm(inches: float) -> float:
    return inches * CM_PER_IN


def to_display(value: float | None, unit: str, length_unit: str) -> float | None:
    """Canonical value → display value; only centimetres change, and only when inches are set."""
    if value is None or unit != "cm" or length_unit != "in":
        return value
    return cm_to_in(value)


def from_display(value: float | None, unit: str, length_unit: str) -> float | None:
    if value is None or unit != "cm" or length_unit != "in":
        return value
    return in_to_cm(value)


def display_unit(unit: str, length_unit: str) -> str:
    return "in" if unit == "cm" and length_unit == "in" else unit


def parse_display_value(definition: MeasurementDef, text: str, length_unit: str) -> float:
    """A value typed in display units → canonical value, validated against the catalog range.

    The error message names the range in the units the user is typing in.
    """
    from app.domain.catalog import InvalidValue

    if definition.is_passfail or length_unit != "in" or definition.unit != "cm":
        return definition.validate(text)
    try:
        typed = float(text.strip())
    except ValueError:
        raise InvalidValue(f"{definition.label}: {text.strip()!r} is not a number") from None
    try:
        return definition.validate(in_to_cm(typed))
    except InvalidValue:
        assert definition.min is not None and definition.max is not None
        low, high = cm_to_in(definition.min), cm_to_in(definition.max)
        if not math.isfinite(typed):
            raise InvalidValue(f"{definition.label}: not a number") from None
        raise InvalidValue(
            f"{definition.label}: {typed:g} is outside {low:.1f} to {high:.1f} in"
        ) from None


def display_text(definition: MeasurementDef, value: float | None, length_unit: str) -> str:
    """A stored value as people read it: display units, whole numbers for counts and scores,
    one decimal otherwise (so a column of one measurement lines up), pass/fail in words."""
    if value is None:
        return "—"
    if definition.is_passfail:
        return definition.format_value(value)
    shown = to_display(value, definition.unit, length_unit)
    assert shown is not None
    return f"{shown:.0f}" if definition.kind is Kind.INTEGER else f"{shown:.1f}"
