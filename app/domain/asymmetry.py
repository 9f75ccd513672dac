"""Side-to-side formulas: differences, % asymmetry, LSI, flags, trials and real change.

Every number the app shows about asymmetry comes from here, so the window, the CLI and the PDF
can never disagree. A missing side is ``None`` and propagates as "undefined", never as 0.

The judgments follow DOMAIN.md §4: each side is rounded to the precision shown before anything
is compared (a value shown as exactly the threshold behaves as the threshold), and a difference
within the measurement error E is never called a finding: past the threshold but within E it is
``watch`` ("within measurement error: measure again"). Pain ≥ 3/10 on a side makes the
measurement pain-limited, a status shown beside the flag.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

from app.domain.catalog import Kind, MeasurementDef, ReferenceValue, ResultRule, Rule
from app.domain.language import Language, language
from app.domain.messages import msg

if TYPE_CHECKING:
    from app.domain.phrases import Arg, Quantity


def _worded(text: str, lang: Language) -> str:
    from app.domain.phrases import worded

    return worded(text, lang)

Side = Literal["left", "right"]
PAIN_LIMIT = 3  # pain ≥ 3/10 on a side: pain-limited (DOMAIN.md §4)
WITHIN_ERROR = "within measurement error: measure again"
PAIN_LIMITED = "pain-limited"
FPI_NORM = 4.0  # the adult mean of the Foot Posture Index (DOMAIN.md §3)
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


def round_side(value: float | None, places: int) -> float | None:
    """A side as the app shows it: rounded to ``places`` decimals (the catalog's precision).

    ``round`` rounds the exact binary value, as ``format`` does, so the number judged is the
    number shown.
    """
    if value is None:
        return None
    return float(round(value, places))


def is_pain_limited(pain_left: int | None, pain_right: int | None) -> bool:
    return any(p is not None and p >= PAIN_LIMIT for p in (pain_left, pain_right))


def fpi_class(score: float | None) -> str:
    """The FPI-6 manual's class of one foot (DOMAIN.md §3)."""
    if score is None:
        return ""
    if score <= -5:
        return "highly supinated"
    if score <= -1:
        return "supinated"
    if score <= 5:
        return "normal"
    if score <= 9:
        return "pronated"
    return "highly pronated"


def side_labels(involved: str | None) -> tuple[str, str]:
    """('left (involved)', 'right (uninvolved)') when the athlete has an involved side."""
    if involved == "left":
        return "left (involved)", "right (uninvolved)"
    if involved == "right":
        return "left (uninvolved)", "right (involved)"
    return "left", "right"


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


def flag_for_difference(
    difference: float | None,
    threshold: float,
    strict: bool = False,
    error: float | None = None,
) -> Flag:
    """Difference rule: asymmetric when ``|d| ≥ T`` (``> T`` when strict) *and* ``|d| > E``;
    watch from 0.75 T, or past T within E; else ok. No error: no gate (a clinic's measurement
    without one)."""
    return _difference_judgment(difference, threshold, strict, error)[0]


def _difference_judgment(
    difference: float | None, threshold: float, strict: bool, error: float | None
) -> tuple[Flag, bool]:
    """The flag, and whether it is ``watch`` only because the difference is within error."""
    if difference is None:
        return Flag.INCOMPLETE, False
    difference = abs(difference)
    past = difference > threshold if strict else difference >= threshold
    beyond = error is None or difference > error
    if past and beyond:
        return Flag.ASYMMETRIC, False
    if past:
        return Flag.WATCH, True
    if difference >= WATCH_FRACTION * threshold:
        return Flag.WATCH, False
    return Flag.OK, False


def flag_for_lsi(lsi: float | None, cutoff: float, gap_beyond_error: bool = True) -> Flag:
    """LSI rule: asymmetric when LSI < C and the gap is beyond the error; watch below
    C + 25 % of (100 − C), or below C within the error; else ok."""
    return _lsi_judgment(lsi, cutoff, gap_beyond_error)[0]


def _lsi_judgment(lsi: float | None, cutoff: float, beyond: bool) -> tuple[Flag, bool]:
    if lsi is None:
        return Flag.INCOMPLETE, False
    if lsi < cutoff:
        return (Flag.ASYMMETRIC, False) if beyond else (Flag.WATCH, True)
    if lsi < cutoff + LSI_WATCH_FRACTION * (100.0 - cutoff):
        return Flag.WATCH, False
    return Flag.OK, False


def flag_for_passfail(left: float | None, right: float | None) -> Flag:
    if left is None or right is None:
        return Flag.INCOMPLETE
    return Flag.ASYMMETRIC if left != right else Flag.OK


@dataclass(frozen=True)
class Comparison:
    """One measurement's left/right result with every derived figure.

    ``left`` and ``right`` are the sides as shown (rounded to the catalog's precision); every
    figure and judgment here is computed from them.
    """

    definition: MeasurementDef
    left: float | None
    right: float | None
    diff: float | None  # R − L
    percent: float | None  # % asymmetry (None for scores such as the FPI)
    lsi: float | None
    flag: Flag
    pain_left: int | None = None
    pain_right: int | None = None
    within_error: bool = False  # watch only because the difference is within E
    both_low: bool = False  # both sides below the reference's lower limit
    reference: ReferenceValue | None = None
    involved: Side | None = None

    @property
    def key(self) -> str:
        return self.definition.key

    @property
    def pain_limited(self) -> bool:
        """Pain ≥ 3/10 on a side: no vote, no automatic drill, listed first."""
        return is_pain_limited(self.pain_left, self.pain_right)

    @property
    def beyond_error(self) -> bool | None:
        """Is the difference beyond the measurement error E? (pass/fail: do the sides
        differ?) ``None`` when a side is missing."""
        if self.diff is None:
            return None
        d = self.definition
        if d.is_passfail:
            return self.diff != 0
        if d.error_in_lsi_points:
            lsi = None if self.lsi is None else round(self.lsi, LSI_PLACES)
            return lsi is not None and 100.0 - min(lsi, 100.0) > (d.error or 0.0)
        return d.error is None or abs(self.diff) > d.error

    @property
    def pain_text(self) -> str:
        """'pain left 5/10' — the sides at or over the limit."""
        parts = [
            f"{side} {pain}/10"
            for side, pain in (("left", self.pain_left), ("right", self.pain_right))
            if pain is not None and pain >= PAIN_LIMIT
        ]
        return "pain " + ", ".join(parts) if parts else ""

    @property
    def status(self) -> str:
        """The flag with what stands beside it: 'pain-limited asymmetric', 'watch (within
        measurement error: measure again)', 'ok, both low'."""
        words = [self.flag.value]
        if self.pain_limited:
            words.insert(0, PAIN_LIMITED)
        text = " ".join(words)
        extras = []
        if self.within_error:
            extras.append("within error")
        if self.both_low:
            extras.append("both low")
        return text + (", " + ", ".join(extras) if extras else "")

    @property
    def limited_side(self) -> Side | None:
        """The side that measures worse (for drills given on the limited side)."""
        if self.diff is None or self.diff == 0:
            return None
        d = self.definition
        if d.is_passfail:  # the failing side is limited
            return "left" if (self.left or 0) < (self.right or 0) else "right"
        if d.higher == "neither":  # e.g. FPI: the foot further from the norm
            found = self.foot_direction
            return found[0] if found else None
        return "left" if self.diff > 0 else "right"

    @property
    def foot_direction(self) -> tuple[Side, Literal["pronated", "supinated"]] | None:
        """For a score around a norm (the FPI): the foot that needs the drill and which way it
        deviates. The foot classified outside normal (the one further from the norm when both
        or neither are) is the one; it is the more pronated when it is the higher score, the
        more supinated otherwise (DOMAIN.md §3: the drill follows the direction)."""
        if self.definition.higher != "neither":
            return None
        if self.left is None or self.right is None or self.left == self.right:
            return None
        outside = {
            side: fpi_class(value) != "normal"
            for side, value in (("left", self.left), ("right", self.right))
        }
        if outside["left"] != outside["right"]:
            side: Side = "left" if outside["left"] else "right"
        else:
            side = "left" if abs(self.left - FPI_NORM) >= abs(self.right - FPI_NORM) else "right"
        mine, other = (self.left, self.right) if side == "left" else (self.right, self.left)
        return side, "pronated" if mine > other else "supinated"

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
    *,
    pain_left: int | None = None,
    pain_right: int | None = None,
    reference: ReferenceValue | None = None,
) -> Comparison:
    """Round each side, then judge (DOMAIN.md §4); ``reference``: the athlete's reference
    value, for "both low"."""
    if definition.rule is Rule.PASSFAIL:
        diff = signed_diff(left, right)
        return Comparison(
            definition, left, right, diff, None, None, flag_for_passfail(left, right),
            pain_left, pain_right, involved=involved,
        )  # fmt: skip
    places = definition.places
    left, right = round_side(left, places), round_side(right, places)
    diff = _rounded_diff(left, right, places)
    lsi = limb_symmetry_index(left, right, involved)
    flag, within = _judge(definition, diff, lsi)
    score = definition.higher == "neither"  # a score around a norm: no % and no LSI
    both_low = (
        reference is not None
        and definition.higher == "better"
        and left is not None
        and right is not None
        and max(left, right) < reference.lower
    )
    return Comparison(
        definition,
        left,
        right,
        diff,
        None if score else percent_asymmetry(left, right),
        None if score else lsi,
        flag,
        pain_left,
        pain_right,
        within,
        both_low,
        reference,
        involved,
    )


def _rounded_diff(left: float | None, right: float | None, places: int) -> float | None:
    """R − L of two rounded sides, rounded again: 10.3 − 0.3 is 10.0, not 10.000000000000002."""
    d = signed_diff(left, right)
    return None if d is None else float(round(d, places))


LSI_PLACES = 1  # the LSI is shown, and judged, with one decimal


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
    places = definition.places
    left, right = round_side(left, places), round_side(right, places)
    lsi = limb_symmetry_index(left, right, involved) if definition.rule is Rule.LSI else None
    return _judge(definition, _rounded_diff(left, right, places), lsi)[0]


def _judge(definition: MeasurementDef, diff: float | None, lsi: float | None) -> tuple[Flag, bool]:
    """The flag of a measured (not pass/fail) measurement, and whether it is ``watch`` only
    because the difference is within error: its rule applied to its rounded figure."""
    assert definition.threshold is not None
    error = definition.error
    if definition.rule is Rule.LSI:
        if lsi is None:
            return Flag.INCOMPLETE, False
        lsi = float(round(lsi, LSI_PLACES))  # 'LSI 90.0 %' is judged as 90
        if error is None:
            beyond = True
        elif definition.error_in_lsi_points:
            beyond = 100.0 - lsi > error
        else:
            beyond = diff is not None and abs(diff) > error
        return _lsi_judgment(lsi, definition.threshold, beyond)
    return _difference_judgment(diff, definition.threshold, definition.strict, error)


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


CHANGE_ERROR_FACTOR = math.sqrt(2)  # a change of asymmetry compares two differences


@dataclass(frozen=True)
class AsymmetryChange:
    """The asymmetry of a baseline session against the latest (DOMAIN.md §4).

    ``before``/``after``: |R − L| in the test's unit (for an LSI rule whose error is in LSI
    points: the LSI); ``error``: √2 × E, the error of a change of a difference. ``verdict`` is
    "reduced" or "grew" only beyond that error, "unchanged" within it, ``None`` when a session
    lacks a side.
    """

    definition: MeasurementDef
    before: float | None
    after: float | None
    error: float | None
    lsi: bool = False  # the figures are LSI values (higher is more symmetric)

    @property
    def verdict(self) -> str | None:
        if self.before is None or self.after is None:
            return None
        moved = self.after - self.before
        if self.lsi:
            moved = -moved  # a higher LSI is a smaller asymmetry
        if self.error is not None and abs(moved) <= self.error:
            return "unchanged"
        if moved == 0:
            return "unchanged"
        return "grew" if moved > 0 else "reduced"

    def text(self, length_unit: str = "cm", lang: Language | None = None) -> str:
        """'asymmetry reduced from 13° to 4° (beyond the 7.6° error of a change)', in ``lang``
        (English by default)."""
        verdict = self.verdict
        if verdict is None:
            return ""
        return _worded(self._text(verdict, length_unit), lang or language("en"))

    def _text(self, verdict: str, length_unit: str) -> str:
        from app.domain.phrases import phrase

        d = self.definition
        if d.is_passfail:
            if self.before == self.after:
                if self.after:
                    return phrase("sides still differ")
                return phrase("sides still the same")
            return phrase("sides now the same") if verdict == "reduced" else phrase(
                "sides now differ"
            )  # fmt: skip
        before, after = self._show(self.before, length_unit), self._show(self.after, length_unit)
        error: Arg = ""
        if self.error is not None:
            error = self._show(self.error, length_unit)
            if d.unit == "reps":  # 'the 8.5-rep error'
                error = phrase("{number}-rep", number=_quantity(self.error, "score"))
            elif self.lsi or d.unit == "score":  # 'the 4.2-point error'
                error = phrase("{number}-point", number=_quantity(self.error, "score"))
        values = {"before": before, "after": after, "error": error}
        if verdict == "unchanged":
            if error:
                return phrase(
                    "asymmetry {before} then {after}, within the {error} error of a change",
                    **values,
                )
            return phrase("asymmetry {before} then {after}", **values)
        if verdict == "reduced":
            if error:
                return phrase(
                    "asymmetry reduced from {before} to {after} (beyond the {error} error of a "
                    "change)",
                    **values,
                )
            return phrase("asymmetry reduced from {before} to {after}", **values)
        if error:
            return phrase(
                "asymmetry grew from {before} to {after} (beyond the {error} error of a change)",
                **values,
            )
        return phrase("asymmetry grew from {before} to {after}", **values)

    def short(self, length_unit: str = "cm", lang: Language | None = None) -> str:
        """'17.9° → 9.7° reduced' / '7 → 4 points in error': for a table cell, in ``lang``."""
        from app.domain.phrases import phrase

        verdict = self.verdict
        if verdict is None:
            return ""
        lang = lang or language("en")
        if self.definition.is_passfail:
            text = self._text(verdict, length_unit)
            short = {
                "sides still differ": phrase("still differ"),
                "sides still the same": phrase("still the same"),
                "sides now the same": phrase("now the same"),
                "sides now differ": phrase("now differ"),
            }[str(text)]
            return short.text(lang)
        before = self._show(self.before, length_unit, bare=True)
        after = self._show(self.after, length_unit)
        line = {
            "reduced": phrase("{before} → {after} reduced", before=before, after=after),
            "grew": phrase("{before} → {after} grew", before=before, after=after),
            "unchanged": phrase("{before} → {after} in error", before=before, after=after),
        }[verdict]
        return line.text(lang).replace("LSI ", "")

    def _show(self, value: float | None, length_unit: str, bare: bool = False) -> Arg:
        """A figure with its unit ('17.9°', '7 points', 'LSI 86 %'); ``bare``: a score without
        its word, as the table's "before" shows it."""
        from app.domain.phrases import phrase

        if value is None:
            return "—"
        if self.lsi:
            return phrase("LSI {lsi}", lsi=_quantity(value, "%"))
        d = self.definition
        shown = to_display(value, d.unit, length_unit)
        assert shown is not None
        unit = display_unit(d.unit, length_unit)
        if unit == "score" and not bare:
            return phrase("{size} points", size=_quantity(shown, "score"))
        return _quantity(shown, unit)


def _quantity(value: float, unit: str) -> Quantity:
    """A figure as :func:`_short` writes it (one decimal, none for a whole number)."""
    from app.domain.phrases import Quantity

    rounded = round(value, 1)
    return Quantity(rounded, 0 if float(rounded).is_integer() else 1, unit)


def _short(value: float) -> str:
    rounded = round(value, 1)
    return f"{rounded:.0f}" if float(rounded).is_integer() else f"{rounded:.1f}"


def asymmetry_change(before: Comparison | None, after: Comparison | None) -> AsymmetryChange | None:
    """The change of asymmetry from ``before`` (first or chosen baseline) to ``after``."""
    if before is None or after is None:
        return None
    d = after.definition
    if d.is_passfail:
        b = None if before.diff is None else float(before.diff != 0)
        a = None if after.diff is None else float(after.diff != 0)
        return AsymmetryChange(d, b, a, None)
    e = d.error
    error = None if e is None else e * CHANGE_ERROR_FACTOR
    if d.rule is Rule.LSI and d.error_in_lsi_points:
        return AsymmetryChange(d, before.lsi, after.lsi, error, lsi=True)
    b = None if before.diff is None else abs(before.diff)
    a = None if after.diff is None else abs(after.diff)
    return AsymmetryChange(d, b, a, error)


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
        raise InvalidValue(
            msg("{label}: {shown!r} is not a number", label=definition.label, shown=text.strip())
        ) from None
    try:
        return definition.validate(in_to_cm(typed))
    except InvalidValue:
        assert definition.min is not None and definition.max is not None
        low, high = cm_to_in(definition.min), cm_to_in(definition.max)
        if not math.isfinite(typed):
            raise InvalidValue(msg("{label}: not a number", label=definition.label)) from None
        raise InvalidValue(
            msg(
                "{label}: {typed:g} is outside {low:.1f} to {high:.1f} in",
                label=definition.label,
                typed=typed,
                low=low,
                high=high,
            )
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
