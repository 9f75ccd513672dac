"""Vector trend charts for the handout, drawn from the same chart data as the Trends page.

Every number comes from :class:`app.domain.chart_data.MeasurementTrend` (series, threshold
band, MDC bands, program starts), so paper and screen cannot disagree; this module only decides
where ink goes. Plain reportlab shapes rather than its chart widgets: a dozen lines and markers
are faster to draw by hand than to configure, and the layout is ours.

Reading a chart: left is blue with circles, right orange with squares; a filled marker has
changed beyond measurement error since the first shown session (hollow: not yet); a test
without a published error cannot be judged so, and its markers are all filled (the legend says
so only when such a chart is shown). The shaded bands are each side's "no real change" zone.
The lower panel shows right − left (or the LSI) with its "no clear difference" band in green,
its dots coloured by that day's result; dashed vertical lines mark program starts. Every word
goes through the reader's :class:`~app.domain.language.Language`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.domain.asymmetry import Side
from app.domain.chart_data import MeasurementTrend, PanelKind, date_to_x, x_to_date
from app.domain.language import Language
from app.domain.report_words import flag_word, measurement_texts, unit_text
from app.reports.styles import (
    BAND,
    FLAG_COLORS,
    FLAG_SYMBOL,
    FONT,
    FONT_BOLD,
    INK,
    LEFT,
    MDC_LEFT,
    MDC_RIGHT,
    MUTED,
    RIGHT,
    RULE,
    one_line,
    register_fonts,
)

AXIS_W = 26.0  # room for y labels, points
TITLE_H = 22.0  # the name, and the latest result on its own line
DATE_H = 10.0
GAP = 9.0  # between the panels: the lower panel's label sits here, where no data runs


def nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """About ``count`` round tick values covering ``[low, high]``."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return []
    if high <= low:
        high = low + 1.0
    raw = (high - low) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step - 1e-9) * step
    ticks = []
    value = first
    while value <= high + step * 1e-6:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _padded(values: Sequence[float], pad: float = 0.08) -> tuple[float, float]:
    low, high = min(values), max(values)
    if high - low < 1e-9:
        low, high = low - 1.0, high + 1.0
    span = high - low
    return low - span * pad, high + span * pad


def _label(value: float, lang: Language) -> str:
    """A tick label in the reader's decimal mark."""
    if value == 0 or float(value).is_integer():
        return lang.number(value, 0)
    decimals = 1 if abs(value) >= 1 else 2
    return lang.number(value, decimals)


class _Panel:
    """Maps data to a rectangle of the drawing."""

    def __init__(
        self,
        x0: float,
        y0: float,
        w: float,
        h: float,
        xr: tuple[float, float],
        yr: tuple[float, float],
    ) -> None:
        self.x0, self.y0, self.w, self.h = x0, y0, w, h
        self.xr, self.yr = xr, yr

    def px(self, x: float) -> float:
        lo, hi = self.xr
        return self.x0 + (x - lo) / (hi - lo) * self.w

    def py(self, y: float) -> float:
        lo, hi = self.yr
        y = min(max(y, lo), hi)
        return self.y0 + (y - lo) / (hi - lo) * self.h

    def band(self, group: Group, low: float, high: float, fill: colors.Color) -> None:
        top, bottom = self.py(high), self.py(low)
        if top - bottom > 0.1:
            group.add(Rect(self.x0, bottom, self.w, top - bottom, fillColor=fill, strokeColor=None))

    def frame(self, group: Group, ticks: Sequence[float], labels: Sequence[str]) -> None:
        group.add(
            Line(self.x0, self.y0, self.x0 + self.w, self.y0, strokeColor=RULE, strokeWidth=0.6)
        )
        group.add(
            Line(self.x0, self.y0, self.x0, self.y0 + self.h, strokeColor=RULE, strokeWidth=0.6)
        )
        for value, label in zip(ticks, labels, strict=True):
            if not self.yr[0] <= value <= self.yr[1]:
                continue
            y = self.py(value)
            group.add(Line(self.x0, y, self.x0 + self.w, y, strokeColor=RULE, strokeWidth=0.25))
            group.add(
                String(
                    self.x0 - 2,
                    y - 2.5,
                    label,
                    fontName=FONT,
                    fontSize=6.5,
                    fillColor=MUTED,
                    textAnchor="end",
                )
            )


def _segments(xs: Sequence[float], ys: Sequence[float | None]) -> list[list[tuple[float, float]]]:
    """Runs of consecutive present values: a missing side breaks the line."""
    runs: list[list[tuple[float, float]]] = [[]]
    for x, y in zip(xs, ys, strict=True):
        if y is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append((x, y))
    return [r for r in runs if r]


def _series(
    group: Group,
    panel: _Panel,
    xs: Sequence[float],
    ys: Sequence[float | None],
    filled: Sequence[bool | None],
    color: colors.Color,
    shape: str,
) -> None:
    for run in _segments(xs, ys):
        if len(run) > 1:
            points = [c for x, y in run for c in (panel.px(x), panel.py(y))]
            group.add(PolyLine(points, strokeColor=color, strokeWidth=1.2))
    for x, y, full in zip(xs, ys, filled, strict=True):
        if y is None:
            continue
        _marker(group, panel.px(x), panel.py(y), shape, color, bool(full))


def _marker(group: Group, x: float, y: float, shape: str, color: colors.Color, full: bool) -> None:
    fill = color if full else colors.white
    if shape == "circle":
        group.add(Circle(x, y, 1.9, fillColor=fill, strokeColor=color, strokeWidth=0.8))
    else:
        group.add(
            Rect(x - 1.8, y - 1.8, 3.6, 3.6, fillColor=fill, strokeColor=color, strokeWidth=0.8)
        )


def _date_labels(group: Group, panel: _Panel, lo: float, hi: float, lang: Language) -> None:
    first, last = x_to_date(lo), x_to_date(hi)
    span = (last - first).days
    fmt = lang.short_date if span <= 300 else lang.month_year
    # as many labels as fit side by side (4 on a wide chart, fewer on a narrow one or with
    # longer month names), so no two run into each other
    count = 4
    while count > 2:
        days = [x_to_date(lo + (hi - lo) * i / (count - 1)) for i in range(count)]
        if sum(stringWidth(fmt(d), FONT, 6.5) for d in days) + 6 * (count - 1) <= panel.w:
            break
        count -= 1
    for i in range(count):
        x = lo + (hi - lo) * i / (count - 1)
        day: dt.date = x_to_date(x)
        anchor = "start" if i == 0 else "end" if i == count - 1 else "middle"
        group.add(
            String(
                panel.px(x),
                panel.y0 - DATE_H + 2,
                fmt(day),
                fontName=FONT,
                fontSize=6.5,
                fillColor=MUTED,
                textAnchor=anchor,
            )
        )


def trend_chart(
    trend: MeasurementTrend,
    width: float,
    height: float,
    lang: Language,
    length_unit: str = "cm",
    *,
    patient: bool = True,
) -> Drawing:
    """One measurement: the two sides over time above, the asymmetry with its band below.

    The title carries the latest result in the same words as the findings table
    (``▲ clear difference``); the flag goes on its own line under the name, so every chart
    says it whole, however narrow.
    """
    register_fonts()
    d = trend.definition
    drawing = Drawing(width, height)
    group = Group()
    drawing.add(group)
    flag = trend.latest_flag.value
    unit = unit_text(trend.unit, lang)
    texts = measurement_texts(d, lang)
    name = texts.patient_name if patient else texts.name  # the referrer reads the test's name
    title = name if d.is_passfail or not unit else f"{name} ({unit})"
    flag_text = f"{FLAG_SYMBOL[flag]} {flag_word(flag, lang)}"
    if trend.latest_pain_limited:  # beside the flag (DOMAIN.md §4)
        flag_text += " · " + lang.t("pain-limited")
    size = 8.5
    while size > 5.5 and stringWidth(title, FONT_BOLD, size) > width:
        size -= 0.5
    title = one_line(title, FONT_BOLD, size, width)  # a clinic's long name: never over the next
    group.add(String(0, height - 8, title, fontName=FONT_BOLD, fontSize=size, fillColor=INK))
    flag_size = 7.0
    while flag_size > 5.5 and stringWidth(flag_text, FONT_BOLD, flag_size) > width:
        flag_size -= 0.5
    flag_text = one_line(flag_text, FONT_BOLD, flag_size, width)
    group.add(
        String(
            0,
            height - 17,
            flag_text,
            fontName=FONT_BOLD,
            fontSize=flag_size,
            fillColor=FLAG_COLORS[flag],
        )
    )
    xs = trend.xs
    if not xs:
        return drawing
    starts = [date_to_x(s) for s in trend.program_starts]
    lo, hi = min(xs + starts), max(xs + starts)
    if hi - lo < 1:
        lo, hi = lo - 86_400.0 * 7, hi + 86_400.0 * 7
    pad = (hi - lo) * 0.04
    xr = (lo - pad, hi + pad)
    axis_w = AXIS_W  # wider for words on the axis ("nicht bestanden"), so none runs off
    top = height - TITLE_H
    lower_h = 0.0 if trend.panel is PanelKind.PASSFAIL else (top - DATE_H - GAP) * 0.38
    upper_y0 = DATE_H + (lower_h + GAP if lower_h else 0)
    upper_h = top - upper_y0

    # upper panel: both sides
    if d.is_passfail:
        yr = (-0.3, 1.3)
        ticks, labels = [0.0, 1.0], [lang.t("fail"), lang.t("pass")]
        axis_w = max(AXIS_W, max(stringWidth(t, FONT, 6.5) for t in labels) + 4)
    else:
        values = [v for side in ("left", "right") for v in trend.values(side) if v is not None]
        for side in ("left", "right"):
            band = trend.mdc_band(side)
            if band is not None:
                values += [band.low, band.high]
        yr = _padded(values)
        ticks = nice_ticks(*yr, count=5)
        labels = [_label(t, lang) for t in ticks]
    plot_w = width - axis_w - 2
    upper = _Panel(axis_w, upper_y0, plot_w, upper_h, xr, yr)
    if not d.is_passfail:
        fills: tuple[tuple[Side, colors.Color], ...] = (("left", MDC_LEFT), ("right", MDC_RIGHT))
        for side, fill in fills:
            band = trend.mdc_band(side)
            if band is not None:
                upper.band(group, band.low, band.high, fill)
    upper.frame(group, ticks, labels)
    series: tuple[tuple[Side, colors.Color, str], ...] = (
        ("left", LEFT, "circle"),
        ("right", RIGHT, "square"),
    )
    for side, color, shape in series:
        points = trend.points
        # hollow only when known to be within measurement error, as on the Trends page
        filled = [p.beyond_mdc(side) is not False for p in points]
        if d.is_passfail:
            filled = [True] * len(points)
        _series(group, upper, xs, trend.values(side), filled, color, shape)

    # lower panel: asymmetry
    panels = [upper]
    if lower_h:
        asym = [v for v in trend.asymmetry_values() if v is not None]
        band = trend.threshold_band
        values = asym + ([band.low, band.high] if band else [])
        if trend.panel is PanelKind.DIFF:
            values.append(0.0)
        yr2 = _padded(values or [0.0], 0.1)
        lower = _Panel(axis_w, DATE_H, plot_w, lower_h, xr, yr2)
        if band is not None:
            lower.band(group, band.low, band.high, BAND)
        ticks2 = nice_ticks(*yr2, count=3)
        lower.frame(group, ticks2, [_label(t, lang) for t in ticks2])
        label = "LSI (%)" if trend.panel is PanelKind.LSI else lang.t("right − left")
        group.add(  # in the gap above the panel, where no data line runs
            String(
                axis_w + plot_w,
                DATE_H + lower_h + 2,
                label,
                fontName=FONT,
                fontSize=6,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
        ys = trend.asymmetry_values()
        for run in _segments(xs, ys):
            if len(run) > 1:
                pts = [c for x, y in run for c in (lower.px(x), lower.py(y))]
                group.add(PolyLine(pts, strokeColor=INK, strokeWidth=0.9))
        for p in trend.points:
            if p.asymmetry is not None:
                color = FLAG_COLORS[p.flag.value]
                group.add(
                    Circle(
                        lower.px(p.x),
                        lower.py(p.asymmetry),
                        1.7,
                        fillColor=color,
                        strokeColor=color,
                        strokeWidth=0.5,
                    )
                )
        panels.append(lower)
    for x in starts:
        for panel in panels:
            px = panel.px(x)
            group.add(
                Line(
                    px,
                    panel.y0,
                    px,
                    panel.y0 + panel.h,
                    strokeColor=ACCENT_DASH,
                    strokeWidth=0.8,
                    strokeDashArray=[2, 2],
                )
            )
    _date_labels(group, panels[-1], xr[0] + pad, xr[1] - pad, lang)
    return drawing


ACCENT_DASH = colors.HexColor("#555555")


def legend(
    width: float, trends: Sequence[MeasurementTrend], lang: Language, *, patient: bool = True
) -> list[Drawing]:
    """The key printed once under the charts, saying only what these charts draw: hollow
    markers only where a test has an error to judge by, "no published error" only when such a
    chart is shown, the lower panel's dots and the program-start line only when drawn. Items
    wrap onto further lines rather than run off the page."""
    register_fonts()
    size = 7.0
    items: list[tuple[Callable[[Group, float, float], object], str]] = [
        (lambda g, a, b: _marker(g, a, b, "circle", LEFT, True), lang.t("left")),
        (lambda g, a, b: _marker(g, a, b, "square", RIGHT, True), lang.t("right")),
    ]
    judged = [t for t in trends if t.mdc is not None and not t.definition.is_passfail]
    unjudged = [t for t in trends if t.mdc is None and not t.definition.is_passfail]
    if judged:
        items.append(
            (
                lambda g, a, b: _marker(g, a, b, "circle", MUTED, False),
                lang.t("hollow: no change beyond measurement error since the first visit"),
            )
        )
        items.append(
            (
                lambda g, a, b: g.add(Rect(a - 3, b - 3, 6, 6, fillColor=MDC_LEFT,
                                           strokeColor=None)),
                lang.t("shading: within measurement error of the first visit"),
            )
        )  # fmt: skip
    if unjudged:
        texts = [measurement_texts(t.definition, lang) for t in unjudged]
        names = ", ".join(t.patient_name if patient else t.name for t in texts)
        items.append(
            (
                lambda g, a, b: _marker(g, a, b, "circle", MUTED, True),
                lang.t(
                    "always filled: {names} (no error known for a change of one side)", names=names
                ),
            )
        )
    if any(t.panel is not PanelKind.PASSFAIL for t in trends):
        items.append(
            (
                lambda g, a, b: g.add(Rect(a - 3, b - 3, 6, 6, fillColor=BAND, strokeColor=None)),
                lang.t("lower panel: right − left (or LSI); green band: no clear difference"),
            )
        )

        def dots(g: Group, a: float, b: float) -> None:
            for n, flag in enumerate(("asymmetric", "watch", "ok")):
                color = FLAG_COLORS[flag]
                g.add(Circle(a - 2.5 + n * 3.5, b, 1.4, fillColor=color, strokeColor=color))

        items.append(
            (
                dots,
                lang.t("dots: that day's result (▲ {a}, ◐ {w}, ✓ {o})",
                       a=flag_word("asymmetric", lang), w=flag_word("watch", lang),
                       o=flag_word("ok", lang)),
            )
        )  # fmt: skip
    if any(t.program_starts for t in trends):
        items.append(
            (
                lambda g, a, b: g.add(
                    Line(a, b - 4, a, b + 4, strokeColor=ACCENT_DASH, strokeDashArray=[2, 2])
                ),
                lang.t("program start"),
            )
        )
    lines: list[list[tuple[Callable[[Group, float, float], object], str, float]]] = [[]]
    x = 0.0
    for draw, label in items:
        room = 20 + stringWidth(label, FONT, size)
        if x and x + room > width:
            lines.append([])
            x = 0.0
        lines[-1].append((draw, label, x))
        x += room
    drawings = []
    for line in lines:
        drawing = Drawing(width, 11)
        g = Group()
        drawing.add(g)
        for draw, label, at in line:
            draw(g, at + 4, 5)
            g.add(String(at + 12, 2.5, label, fontName=FONT, fontSize=size, fillColor=MUTED))
        drawings.append(drawing)
    return drawings
