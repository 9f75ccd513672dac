"""Trend chart data: the series, bands and markers every trend chart draws.

The window (pyqtgraph) and the PDF report (reportlab vector charts) both draw from these
records, so a chart on screen and the same chart on paper always show the same numbers. Nothing
here knows about colours, widgets or pages: only dates, display-unit values, flags and bands.

Choices that shape how a chart reads:

* **Gaps, never zeros.** A side that was not measured is ``None`` in every series; the drawing
  code turns it into a break in the line.
* **Lower panel for difference rules: signed ``R − L`` with a ``±threshold`` band.** The
  absolute difference would fold a cross-over (the other side becoming the limited one) into a
  bounce that looks like noise; the signed difference shows it as crossing zero, and "inside the
  band around zero" reads as plainly as "below the line". The flag rule itself is symmetric, so
  the band is ``[−T, +T]``.
* **Lower panel for LSI rules: the LSI with the band ``[cut-off, 100 %]``** (widened upwards
  when an involved side outperforms the other, LSI > 100 %, which is not asymmetric either).
* **Measurement error (MDC).** Each side's first value *in the shown date range* is the
  reference: the band ``reference ± MDC`` is "no real change yet", and a point outside it has
  changed beyond measurement error (``*_beyond_mdc``). The reference is the first shown value so
  that a "last 3 months" chart answers "did anything really change in these 3 months?".
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from app.domain.asymmetry import (
    AsymmetryChange,
    Flag,
    Side,
    asymmetry_change,
    compare,
    display_unit,
    flag_of,
    limb_symmetry_index,
    round_side,
    signed_diff,
    to_display,
)
from app.domain.catalog import Catalog, MeasurementDef, Rule
from app.domain.records import HistoryPoint

EPOCH = dt.date(1970, 1, 1)
DAY_SECONDS = 86_400.0


def date_to_x(day: dt.date) -> float:
    """A date as the x coordinate of a time axis: seconds since 1970-01-01 00:00 UTC.

    Dates carry no time zone; treating them as UTC midnight (and drawing the axis in UTC) keeps
    a session on its own day whatever the desk's time zone is.
    """
    return (day - EPOCH).days * DAY_SECONDS


def x_to_date(x: float) -> dt.date:
    return EPOCH + dt.timedelta(days=round(x / DAY_SECONDS))


class RangeChoice(StrEnum):
    ALL = "all"
    MONTHS_3 = "3m"
    MONTHS_12 = "12m"
    CUSTOM = "custom"


@dataclass(frozen=True)
class DateRange:
    """Inclusive date range; ``None`` on a side means open-ended."""

    start: dt.date | None = None
    end: dt.date | None = None

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, dt.date):
            return False
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier (clamped to the month's last day)."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def range_for(
    choice: RangeChoice,
    today: dt.date,
    custom_start: dt.date | None = None,
    custom_end: dt.date | None = None,
) -> DateRange:
    """The dates a range choice covers; "3 months" ends today and starts 3 months before."""
    if choice is RangeChoice.MONTHS_3:
        return DateRange(months_before(today, 3), None)
    if choice is RangeChoice.MONTHS_12:
        return DateRange(months_before(today, 12), None)
    if choice is RangeChoice.CUSTOM:
        if custom_start and custom_end and custom_start > custom_end:
            custom_start, custom_end = custom_end, custom_start
        return DateRange(custom_start, custom_end)
    return DateRange()


@dataclass(frozen=True)
class Band:
    """A horizontal band ``[low, high]`` in the panel's own units."""

    low: float
    high: float


class TrendPoint(NamedTuple):
    """One session's result for one measurement, in display units, with its flag.

    A named tuple rather than a dataclass: an athlete with 500 sessions makes 6,000 of them per
    redraw, and tuples are built several times faster.
    """

    session_id: int
    date: dt.date
    x: float
    left: float | None
    right: float | None
    diff: float | None  # R − L
    lsi: float | None
    asymmetry: float | None  # the lower panel's figure: signed diff or LSI (None: pass/fail)
    flag: Flag
    left_beyond_mdc: bool | None  # vs the side's reference; None when it cannot be judged
    right_beyond_mdc: bool | None
    pain_limited: bool = False  # pain ≥ 3/10 on a side: shown beside the flag

    def side(self, side: Side) -> float | None:
        return self.left if side == "left" else self.right

    def beyond_mdc(self, side: Side) -> bool | None:
        return self.left_beyond_mdc if side == "left" else self.right_beyond_mdc


class PanelKind(StrEnum):
    DIFF = "diff"  # signed R − L with ±threshold
    LSI = "lsi"  # LSI % with [cut-off, 100]
    PASSFAIL = "passfail"  # no lower panel: the strip itself shows where the sides differ


@dataclass(frozen=True)
class MeasurementTrend:
    """Everything one measurement's chart draws."""

    definition: MeasurementDef
    unit: str  # display unit
    points: tuple[TrendPoint, ...]
    panel: PanelKind
    threshold_band: Band | None  # the lower panel's "not asymmetric" zone
    mdc: float | None  # one side's MDC95 in display units
    left_reference: float | None
    right_reference: float | None
    program_starts: tuple[dt.date, ...] = ()
    # the asymmetry of the first shown session with both sides against the latest, judged
    # against √2 × E (DOMAIN.md §4)
    change: AsymmetryChange | None = None

    @property
    def key(self) -> str:
        return self.definition.key

    @property
    def latest(self) -> TrendPoint | None:
        return self.points[-1] if self.points else None

    @property
    def latest_flag(self) -> Flag:
        """The flag of the newest point with both sides; incomplete when there is none."""
        for point in reversed(self.points):
            if point.flag is not Flag.INCOMPLETE:
                return point.flag
        return Flag.INCOMPLETE

    @property
    def latest_pain_limited(self) -> bool:
        """Is the newest point with both sides pain-limited (shown beside its flag)?"""
        for point in reversed(self.points):
            if point.flag is not Flag.INCOMPLETE:
                return point.pain_limited
        return False

    @property
    def xs(self) -> list[float]:
        return [p.x for p in self.points]

    def values(self, side: Side) -> list[float | None]:
        """One side's values aligned with :attr:`xs`; ``None`` marks a gap."""
        return [p.left for p in self.points] if side == "left" else [p.right for p in self.points]

    def asymmetry_values(self) -> list[float | None]:
        return [p.asymmetry for p in self.points]

    def mdc_band(self, side: Side) -> Band | None:
        """``reference ± MDC`` for one side: inside it, no change beyond measurement error."""
        reference = self.left_reference if side == "left" else self.right_reference
        if reference is None or self.mdc is None:
            return None
        return Band(reference - self.mdc, reference + self.mdc)

    def panel_label(self) -> str:
        if self.panel is PanelKind.LSI:
            return "LSI (%)"
        if self.panel is PanelKind.DIFF:
            return f"R − L ({self.unit})"
        return ""

    def nearest(self, x: float) -> TrendPoint | None:
        """The point closest in time to ``x`` (for hover read-outs)."""
        if not self.points:
            return None
        xs = self.xs
        i = bisect.bisect_left(xs, x)
        if i == 0:
            return self.points[0]
        if i == len(xs):
            return self.points[-1]
        before, after = self.points[i - 1], self.points[i]
        return before if x - before.x <= after.x - x else after


def _beyond(value: float | None, reference: float | None, mdc: float | None) -> bool | None:
    if value is None or reference is None or mdc is None:
        return None
    return abs(value - reference) > mdc


def build_trend(
    definition: MeasurementDef,
    history: Sequence[HistoryPoint],
    *,
    involved: Side | None = None,
    length_unit: str = "cm",
    date_range: DateRange | None = None,
    program_starts: Iterable[dt.date] = (),
) -> MeasurementTrend:
    """One measurement's chart data from its history (oldest first), in display units.

    Flags and figures are computed from canonical values with the formulas :func:`compare`
    uses (:func:`flag_of`, :func:`limb_symmetry_index`, :func:`signed_diff`), exactly as the
    session table does, and only then converted for display.
    """
    rng = date_range or DateRange()
    unit, canonical_unit = display_unit(definition.unit, length_unit), definition.unit
    rule = definition.rule
    mdc = to_display(definition.mdc, canonical_unit, length_unit)
    shown = [h for h in history if h.date in rng]
    left_ref = next((h.left for h in shown if h.left is not None), None)
    right_ref = next((h.right for h in shown if h.right is not None), None)
    passfail = rule is Rule.PASSFAIL
    score = definition.higher == "neither"  # the FPI: no LSI
    places = definition.places
    points = []
    for h in shown:
        # compare()'s figures, without building a Comparison for each of thousands of points:
        # each side rounded as shown first (DOMAIN.md §4)
        if passfail:
            hl, hr = h.left, h.right
            raw_diff = signed_diff(hl, hr)
        else:
            hl, hr = round_side(h.left, places), round_side(h.right, places)
            raw_diff = signed_diff(hl, hr)
            raw_diff = None if raw_diff is None else float(round(raw_diff, places))
        lsi = None if passfail or score else limb_symmetry_index(hl, hr, involved)
        left = to_display(hl, canonical_unit, length_unit)
        right = to_display(hr, canonical_unit, length_unit)
        diff = to_display(raw_diff, canonical_unit, length_unit)
        if rule is Rule.LSI:
            asymmetry = lsi
        elif rule is Rule.DIFF:
            asymmetry = diff
        else:
            asymmetry = None
        points.append(
            TrendPoint(
                session_id=h.session_id,
                date=h.date,
                x=date_to_x(h.date),
                left=left,
                right=right,
                diff=diff,
                lsi=lsi,
                asymmetry=asymmetry,
                flag=flag_of(definition, h.left, h.right, involved),
                left_beyond_mdc=_beyond(hl, left_ref, definition.mdc),
                right_beyond_mdc=_beyond(hr, right_ref, definition.mdc),
                pain_limited=h.pain_limited,
            )
        )
    both = [h for h in shown if h.left is not None and h.right is not None]
    change = (
        asymmetry_change(
            compare(definition, both[0].left, both[0].right, involved),
            compare(definition, both[-1].left, both[-1].right, involved),
        )
        if len(both) >= 2
        else None
    )
    band: Band | None = None
    if rule is Rule.DIFF:
        assert definition.threshold is not None
        limit = to_display(definition.threshold, canonical_unit, length_unit) or 0.0
        band, panel = Band(-limit, limit), PanelKind.DIFF
    elif rule is Rule.LSI:
        assert definition.threshold is not None
        top = max([100.0, *(p.lsi for p in points if p.lsi is not None)])
        band, panel = Band(definition.threshold, top), PanelKind.LSI
    else:
        panel = PanelKind.PASSFAIL
    return MeasurementTrend(
        definition=definition,
        unit=unit,
        points=tuple(points),
        panel=panel,
        threshold_band=band,
        mdc=mdc,
        left_reference=to_display(left_ref, canonical_unit, length_unit),
        right_reference=to_display(right_ref, canonical_unit, length_unit),
        program_starts=tuple(d for d in sorted(set(program_starts)) if d in rng),
        change=change,
    )


def build_trends(
    catalog: Catalog,
    history: Mapping[str, Sequence[HistoryPoint]],
    *,
    involved: Side | None = None,
    length_unit: str = "cm",
    date_range: DateRange | None = None,
    program_starts: Iterable[dt.date] = (),
) -> list[MeasurementTrend]:
    """Small-multiples data: one trend per measured measurement, most severe flag first.

    A measurement measured at some time but not in the date range keeps its (empty) chart, so
    the overview does not reshuffle when the range changes; keys the catalog no longer knows
    are skipped. Ties keep catalog order.
    """
    starts = tuple(program_starts)
    trends = [
        build_trend(
            catalog[key],
            points,
            involved=involved,
            length_unit=length_unit,
            date_range=date_range,
            program_starts=starts,
        )
        for key, points in history.items()
        if key in catalog and points
    ]
    trends.sort(key=lambda t: (-t.latest_flag.severity, catalog.order(t.key)))
    return trends
