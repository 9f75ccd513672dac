"""The Trends page: are the two sides converging?

An overview of small multiples (one compact chart per measured measurement, most severe flag
first) and, on a click, the detailed chart of one measurement: left and right over time, a
linked lower panel with the asymmetry and its threshold band, the measurement error (MDC) as a
band around each side's first value, program starts as vertical lines, and a hover read-out.

This is the only module that imports pyqtgraph; the main window imports it when the page is
first needed. Every number drawn comes from :mod:`app.domain.chart_data` (via
:mod:`app.services.trends`), which the PDF report draws as well. Switching athletes reuses the
plot items and only replaces their data, which keeps a 500-session athlete's dozen charts under
the 100 ms budget (``python -m bench``).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
import pyqtgraph as pg
from pyqtgraph import exporters
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QPoint,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.asymmetry import Flag, Side
from app.domain.catalog import unit_name
from app.domain.chart_data import (
    DateRange,
    MeasurementTrend,
    PanelKind,
    RangeChoice,
    TrendPoint,
    range_for,
)
from app.domain.language import language
from app.domain.records import AthleteInfo
from app.errors import UserFacingError
from app.services.context import AppContext
from app.services.photos import PhotoMark, photo_marks
from app.services.trends import AthleteTrendData, load_trend_data
from app.views.photo_marks import PhotoStrip
from app.views.state import AppState, Loader
from app.views.style import (
    LEFT_COLOR,
    PAINFUL_SYMBOL,
    RIGHT_COLOR,
    flag_color,
    flag_text,
    number,
    pain_limited_word,
    side_names,
    signed,
    value_text,
)
from app.views.translation import translate, user_text

if TYPE_CHECKING:
    from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent

SIDE_COLOR: dict[Side, str] = {"left": LEFT_COLOR, "right": RIGHT_COLOR}
SIDE_SYMBOL: dict[Side, str] = {"left": "o", "right": "s"}  # circle / square, as in the tables
FLAG_SHAPE = {Flag.OK: "o", Flag.WATCH: "d", Flag.ASYMMETRIC: "t1", Flag.INCOMPLETE: "o"}
PASS_SYMBOL, FAIL_SYMBOL = "o", "x"
DENSE_POINTS = 150  # above this many points a compact chart draws lines only
COMPACT_ROW_HEIGHT = 150
COMPACT_MIN_WIDTH = 300


def passfail_ticks() -> list[list[tuple[float, str]]]:
    """The pass/fail axis's words, translated when drawn: the window's language can change
    while the app runs (Settings rebuilds the window), so nothing is translated at import."""
    return [[(1.0, translate("Sides", "Left")), (0.0, translate("Sides", "Right"))]]


SIDE_SIZE_EXTRA = 3  # the right's squares around the left's circles where the values meet


def side_pen(side: Side) -> QPen:
    """Left solid, right dashed: equal values still show both lines."""
    style = Qt.PenStyle.DashLine if side == "right" else Qt.PenStyle.SolidLine
    return pg.mkPen(QColor(SIDE_COLOR[side]), width=2, style=style)


def _palette_colors(widget: QWidget) -> tuple[QColor, QColor]:
    palette = widget.palette()
    return palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.WindowText)


def _nan_array(values: list[float | None]) -> np.ndarray:
    """Values with ``None`` as NaN: a curve drawn with ``connect="finite"`` breaks there."""
    return np.array([np.nan if v is None else v for v in values], dtype=float)


def _style_plot(plot: pg.PlotItem, fg: QColor) -> None:
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(fg))
        axis.setTextPen(pg.mkPen(fg))


class SideSeries:
    """One side of a chart: a line (broken at gaps) and its markers (filled beyond the MDC).

    Markers are filled only once the side has changed beyond the MDC from its reference value;
    within measurement error, or where no MDC is published, they stay hollow, so the chart
    never claims a change that measurement error could explain.
    """

    def __init__(self, plot: pg.PlotItem, side: Side, background: QColor, size: int) -> None:
        self.side = side
        color = QColor(SIDE_COLOR[side])
        # Where the sides are equal the lines lie on each other: the right one is dashed and
        # drawn above, its squares a little larger than the left's circles, so both show
        # without moving any value.
        self.curve = pg.PlotCurveItem(pen=side_pen(side), connect="finite")
        self.markers = pg.ScatterPlotItem(
            symbol=SIDE_SYMBOL[side],
            size=size + (SIDE_SIZE_EXTRA if side == "right" else 0),
            pen=pg.mkPen(color, width=1.5),
        )
        z = 1 if side == "right" else 0
        self.curve.setZValue(z)
        self.markers.setZValue(z + 2)
        self._filled = pg.mkBrush(color)
        self._hollow = pg.mkBrush(background)
        self._fail_pen = pg.mkPen(color, width=2)
        plot.addItem(self.curve)
        plot.addItem(self.markers)

    def show(self, trend: MeasurementTrend, markers: bool) -> None:
        if trend.definition.is_passfail:
            self._show_strip(trend)
            return
        xs = np.array(trend.xs, dtype=float)
        ys = _nan_array(trend.values(self.side))
        self.curve.setData(xs, ys)
        if not markers:
            self.markers.setData(x=[], y=[])
            return
        present = [p for p in trend.points if p.side(self.side) is not None]
        brushes = [self._filled if p.beyond_mdc(self.side) else self._hollow for p in present]
        self.markers.setData(
            x=[p.x for p in present],
            y=[p.side(self.side) for p in present],
            brush=brushes,
            symbol=SIDE_SYMBOL[self.side],
        )

    def _show_strip(self, trend: MeasurementTrend) -> None:
        """Pass/fail as a strip: one row per side, a filled marker for pass, a cross for fail."""
        self.curve.setData([], [])
        row = 1.0 if self.side == "left" else 0.0
        present = [p for p in trend.points if p.side(self.side) is not None]
        passed = [(p.side(self.side) or 0.0) >= 1.0 for p in present]
        self.markers.setData(
            x=[p.x for p in present],
            y=[row] * len(present),
            symbol=[PASS_SYMBOL if ok else FAIL_SYMBOL for ok in passed],
            brush=self._filled,
        )

    def points(self) -> list[tuple[float, float]]:
        """The markers' (x, y) as drawn (for tests and checks)."""
        xs, ys = self.markers.getData()
        return list(zip(xs.tolist(), ys.tolist(), strict=True))


class MarkerLines:
    """A reusable pool of vertical lines for program start dates."""

    def __init__(
        self, plot: pg.PlotItem, fg: QColor, labelled: bool, background: QColor | None = None
    ) -> None:
        self.plot = plot
        self.lines: list[pg.InfiniteLine] = []
        self.pen = pg.mkPen(fg, width=1, style=Qt.PenStyle.DashLine)
        self.fg = fg
        self.labelled = labelled
        self.fill = QColor(background or QColor("white"))
        self.fill.setAlpha(210)  # the date stays readable over a line it crosses

    def show(self, dates: tuple[dt.date, ...], xs: list[float]) -> None:
        while len(self.lines) < len(xs):
            line = pg.InfiniteLine(angle=90, pen=self.pen, movable=False)
            if self.labelled:
                line.label = pg.InfLineLabel(
                    line,
                    "",
                    position=0.06,
                    anchors=[(0, 1), (0, 1)],
                    color=self.fg,
                    fill=pg.mkBrush(self.fill),
                )
            self.plot.addItem(line, ignoreBounds=True)
            self.lines.append(line)
        for i, line in enumerate(self.lines):
            if i < len(xs):
                line.setValue(xs[i])
                if self.labelled:
                    label = translate("Trends", "program {0}").format(dates[i].isoformat())
                    line.label.setFormat(label)
                line.show()
            else:
                line.hide()


def _program_xs(trend: MeasurementTrend) -> list[float]:
    from app.domain.chart_data import date_to_x

    return [date_to_x(d) for d in trend.program_starts]


def _span(values: list[float], pad: float = 0.06) -> tuple[float, float] | None:
    """A padded ``(low, high)`` around ``values`` (a flat series gets a visible height)."""
    if not values:
        return None
    low, high = min(values), max(values)
    margin = (high - low) * pad if high > low else max(1.0, abs(high) * 0.05)
    return low - margin, high + margin


def _set_ranges(plot: pg.PlotItem, xs: list[float], ys: list[float]) -> None:
    """Set the view from the data once, instead of letting auto-range repaint a second time.

    Ranges computed here are what one paint needs; pyqtgraph's auto-range would paint, find
    the bounds, and paint again, which doubles the cost of switching athletes.
    """
    plot.vb.disableAutoRange()
    if xs:
        low, high = min(xs), max(xs)
        margin = (high - low) * 0.03 if high > low else 7 * 86_400.0  # one session: ± a week
        plot.setXRange(low - margin, high + margin, padding=0)
    y_span = _span(ys)
    if y_span is not None:
        plot.setYRange(*y_span, padding=0)


def _finite(values: list[float | None]) -> list[float]:
    return [v for v in values if v is not None]


def _day(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())


def tick_label(day: dt.date, spacing: float) -> str:
    """A date tick's text: ``2027`` on a year tick, ``Nov`` on a month tick of a long range,
    ``3 Nov`` on a day tick (a short range's ticks named only the day: "03 08 13"), with the
    month named in the window's language (``QLocale``'s default: "3. Nov." in German)."""
    from pyqtgraph.graphicsItems.DateAxisItem import MONTH_SPACING, YEAR_SPACING

    if spacing >= YEAR_SPACING:
        return str(day.year)
    locale = QLocale()
    date = QDate(day.year, day.month, day.day)
    if spacing >= MONTH_SPACING:
        return locale.toString(date, "MMM")
    german = locale.language() == QLocale.Language.German
    return locale.toString(date, "d. MMM" if german else "d MMM")


class DayAxis(pg.DateAxisItem):
    """A date axis for session dates: years and months on long ranges (the year on each
    January tick), ``3 Nov`` on short ones; never hours."""

    def __init__(self) -> None:
        from collections import OrderedDict

        from pyqtgraph.graphicsItems.DateAxisItem import (
            DAY_SPACING,
            MONTH_SPACING,
            YEAR_MONTH_ZOOM_LEVEL,
            TickSpec,
            ZoomLevel,
            makeMStepper,
            makeSStepper,
        )

        super().__init__(orientation="bottom", utcOffset=0)
        days = ZoomLevel(
            [
                TickSpec(MONTH_SPACING, makeMStepper(1), "month"),
                TickSpec(DAY_SPACING, makeSStepper(DAY_SPACING), "day", autoSkip=[1, 2, 7, 14]),
            ],
            "30 Sep",
        )
        # the widest label decides how dense a level may be: the coarse level's is "Sep"
        self.zoomLevels = OrderedDict([(np.inf, YEAR_MONTH_ZOOM_LEVEL), (5 * DAY_SPACING, days)])

    # the ticks of a range, shared by every date axis of the window: the overview's twelve
    # charts have the same dates and width, and pyqtgraph works the ticks out per axis and
    # paint (its zoom-level search measures text each time)
    _ticks: ClassVar[dict[tuple[float, float, float, str], tuple[Any, float, Any]]] = {}
    zoomLevel: Any  # set by pyqtgraph's zoom-level search (or from _ticks)
    minSpacing: float

    def tickValues(self, minVal: float, maxVal: float, size: float) -> Any:
        metrics = getattr(self, "fontMetrics", None)
        if metrics is None:  # not from a paint: nothing to share
            return super().tickValues(minVal, maxVal, size)
        font = f"{metrics.height()}/{metrics.averageCharWidth()}/{metrics.fontDpi()}"
        key = (minVal, maxVal, size, font)
        known = DayAxis._ticks.get(key)
        if known is None:
            values = super().tickValues(minVal, maxVal, size)
            if len(DayAxis._ticks) > 256:
                DayAxis._ticks.clear()
            known = DayAxis._ticks[key] = (self.zoomLevel, self.minSpacing, values)
        else:
            self.zoomLevel, self.minSpacing = known[0], known[1]
        return known[2]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        labels = []
        for value in values:
            try:
                day = dt.datetime.fromtimestamp(value, dt.UTC).date()
            except (OverflowError, OSError, ValueError):
                labels.append("")
                continue
            labels.append(tick_label(day, spacing))
        return labels


def _date_axis() -> pg.DateAxisItem:
    return DayAxis()


UPPER_KEY_ROW, UPPER_ROW, LOWER_KEY_ROW, LOWER_ROW = 1, 2, 3, 4


def _row_legend(fg: QColor) -> pg.LegendItem:
    """A key laid out as one row of the chart's layout (not floating over the plot)."""
    legend = pg.LegendItem(colCount=8, labelTextColor=fg, frame=False, horSpacing=4)
    legend.layout.setContentsMargins(60, 0, 0, 0)  # starts where the plot does
    # as wide as its entries, kept to the left (stretched, they spread across the chart)
    legend.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return legend


class PaintAwareLayout(pg.GraphicsLayoutWidget):
    """A layout widget that knows whether it has painted since its data last changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.painted = False
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def mark_changed(self) -> None:
        self.painted = False
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.painted = True


def settle_layout(view: pg.GraphicsLayoutWidget) -> None:
    """Apply pending layout changes (new titles, tick labels) now rather than after a paint.

    Left to itself, Qt paints, then lays out the changed titles and paints again; settling
    first makes a switch of athlete cost one paint.
    """
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    view.ci.layout.activate()
    view.scene().prepareForPaint()


class CompactChart:
    """One small multiple: left and right over time, flag in the title."""

    def __init__(self, background: QColor, fg: QColor) -> None:
        self.fg = fg
        self.plot = pg.PlotItem(axisItems={"bottom": _date_axis()})
        _style_plot(self.plot, fg)
        self.plot.getAxis("left").setWidth(44)
        self.left = SideSeries(self.plot, "left", background, 6)
        self.right = SideSeries(self.plot, "right", background, 6)
        self.programs = MarkerLines(self.plot, fg, labelled=False)
        self.trend: MeasurementTrend | None = None  # what the chart shows, drawn or not yet
        self.drawn: MeasurementTrend | None = None  # what is on the plot
        self.language = "en"  # the window's language code, for the unit words
        # hidden while out of view (not painted), keeping its place in the grid
        policy = self.plot.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.plot.setSizePolicy(policy)

    def show(self, trend: MeasurementTrend, language: str = "en") -> None:
        self.trend = trend
        self.language = language
        self.draw()

    def draw(self) -> None:
        """Put :attr:`trend` on the plot (titles, series, ranges): the costly part, done for
        the charts in view only (:class:`Overview`)."""
        trend = self.trend
        assert trend is not None
        self.drawn = trend
        d = trend.definition
        flag = trend.latest_flag
        unit = "" if d.is_passfail else f" ({html.escape(unit_name(trend.unit, self.language))})"
        pain = f" {PAINFUL_SYMBOL} {pain_limited_word()}" if trend.latest_pain_limited else ""
        self.plot.setTitle(
            f"<b>{html.escape(d.label)}</b>{unit} &nbsp;"
            f"<span style='color:{flag_color(flag).name()}'>{flag_text(flag)}{pain}</span>",
            color=self.fg,
            size="10pt",
        )
        markers = len(trend.points) <= DENSE_POINTS
        self.left.show(trend, markers)
        self.right.show(trend, markers)
        self.programs.show(trend.program_starts, _program_xs(trend))
        axis = self.plot.getAxis("left")
        if d.is_passfail:
            axis.setTicks(passfail_ticks())
            _set_ranges(self.plot, trend.xs, [-0.4, 1.4])
        else:
            axis.setTicks(None)
            _set_ranges(self.plot, trend.xs, _finite(trend.values("left") + trend.values("right")))


class Overview(QScrollArea):
    """Small multiples in a grid; clicking one asks for its detailed chart.

    The plots are made once per window and reused for every athlete. Only the charts in view
    are drawn (data, titles, axes) and painted; the others are hidden, keep their place in
    the grid, and are drawn when scrolled into view. A clinician clicking through athletes in
    a small window pays for the charts on screen, not for all twelve.
    """

    chart_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.layout_widget = PaintAwareLayout()
        self.layout_widget.setAccessibleName(self.tr("Overview of all measurements"))
        self.setWidget(self.layout_widget)
        self.charts: list[CompactChart] = []
        self.language = "en"  # the window's, for the domain's unit words (the page sets it)
        self._columns = 0
        self._shown = 0
        background, self.fg = _palette_colors(self)
        self.background = background
        self.layout_widget.setBackground(background)
        self.layout_widget.scene().sigMouseClicked.connect(self._clicked)
        self.verticalScrollBar().valueChanged.connect(self._draw_in_view)

    def show_trends(self, trends: list[MeasurementTrend]) -> None:
        while len(self.charts) < len(trends):
            self.charts.append(CompactChart(self.background, self.fg))
        for chart, trend in zip(self.charts, trends, strict=False):
            chart.trend = trend  # drawn when in view
            chart.language = self.language
        self._arrange(len(trends), self._columns_for(self.viewport().width()))
        self._draw_in_view(force=True)

    def in_view(self) -> list[CompactChart]:
        """The charts whose row the scroll area shows (a part of it is enough)."""
        if not self._shown or not self._columns:
            return []
        rows = -(-self._shown // self._columns)
        height = max(self.layout_widget.height(), self.viewport().height(), 1) / rows
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        columns = self._columns
        return [
            chart
            for index, chart in enumerate(self.charts[: self._shown])
            if (index // columns + 1) * height > top and index // columns * height < bottom
        ]

    def _draw_in_view(self, *_: object, force: bool = False) -> None:
        """Draw the charts that came into view; hide the ones out of it (not painted)."""
        wanted = {id(c) for c in self.in_view()}
        changed = force
        for chart in self.charts[: self._shown]:
            if id(chart) in wanted:
                if chart.drawn is not chart.trend:
                    chart.draw()
                    changed = True
                if not chart.plot.isVisible():
                    chart.plot.setVisible(True)
                    changed = True
            elif chart.plot.isVisible():
                chart.plot.setVisible(False)
        if changed:
            settle_layout(self.layout_widget)
            self.layout_widget.mark_changed()

    def visible_charts(self) -> list[CompactChart]:
        return self.charts[: self._shown]

    def _columns_for(self, width: int) -> int:
        return max(1, min(4, width // COMPACT_MIN_WIDTH))

    def _arrange(self, count: int, columns: int) -> None:
        """Put the first ``count`` charts in a grid; items are reused, only moved."""
        if count == self._shown and columns == self._columns:
            return
        layout = self.layout_widget.ci
        layout.clear()
        for index, chart in enumerate(self.charts[:count]):
            layout.addItem(chart.plot, row=index // columns, col=index % columns)
        self._shown, self._columns = count, columns
        rows = -(-count // columns) if count else 0
        self.layout_widget.setMinimumHeight(rows * COMPACT_ROW_HEIGHT)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        columns = self._columns_for(self.viewport().width())
        if columns != self._columns and self._shown:
            self._arrange(self._shown, columns)
        self._draw_in_view()

    def _clicked(self, event: MouseClickEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.scenePos()
        for chart in self.visible_charts():
            if chart.trend is not None and chart.plot.sceneBoundingRect().contains(pos):
                self.chart_clicked.emit(chart.trend.key)
                return


class DetailChart(PaintAwareLayout):
    """One measurement in full: sides over time above, asymmetry with its band below."""

    hovered = Signal(object)  # TrendPoint | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        background, fg = _palette_colors(self)
        self.fg = fg
        self.setBackground(background)
        self.setAccessibleName(self.tr("Trend chart"))
        self.language = "en"  # the window's, for the domain's words (the page sets it)
        self.title = self.ci.addLabel("", row=0, col=0, color=fg, size="11pt", justify="left")
        self.upper = pg.PlotItem(axisItems={"bottom": _date_axis()})
        self.lower = pg.PlotItem(axisItems={"bottom": _date_axis()})
        for plot in (self.upper, self.lower):
            _style_plot(plot, fg)
            plot.showGrid(x=True, y=True, alpha=0.15)
            plot.getAxis("left").setWidth(60)
        # The keys sit in rows of their own above each panel, never over a point.
        self.legend = _row_legend(fg)
        self.lower_legend = _row_legend(fg)
        self.ci.addItem(self.legend, row=UPPER_KEY_ROW, col=0)
        self.ci.addItem(self.upper, row=UPPER_ROW, col=0)
        self.ci.addItem(self.lower_legend, row=LOWER_KEY_ROW, col=0)
        self.ci.addItem(self.lower, row=LOWER_ROW, col=0)
        for legend in (self.legend, self.lower_legend):
            self.ci.layout.setAlignment(legend, Qt.AlignmentFlag.AlignLeft)
        self.ci.layout.setRowStretchFactor(UPPER_ROW, 3)
        self.ci.layout.setRowStretchFactor(LOWER_ROW, 2)
        self.lower.setXLink(self.upper)
        self.mdc_bands: dict[Side, pg.LinearRegionItem] = {}
        for side in ("left", "right"):
            color = QColor(SIDE_COLOR[side])
            color.setAlpha(28)
            edge = QColor(SIDE_COLOR[side])
            edge.setAlpha(90)
            band = pg.LinearRegionItem(
                orientation="horizontal",
                brush=pg.mkBrush(color),
                pen=pg.mkPen(edge, style=Qt.PenStyle.DotLine),
                movable=False,
            )
            band.setZValue(-20)
            self.upper.addItem(band)
            self.mdc_bands[side] = band
        self.left = SideSeries(self.upper, "left", background, 9)
        self.right = SideSeries(self.upper, "right", background, 9)
        self._background = background
        self._legend_kind: str | None = None
        band_color = QColor(flag_color(Flag.OK))
        band_color.setAlpha(45)
        self.threshold_band = pg.LinearRegionItem(
            orientation="horizontal",
            brush=pg.mkBrush(band_color),
            pen=pg.mkPen(flag_color(Flag.OK), width=1, style=Qt.PenStyle.DashLine),
            movable=False,
        )
        self.threshold_band.setZValue(-20)
        self.lower.addItem(self.threshold_band)
        self.reference_line = pg.InfiniteLine(angle=0, pen=pg.mkPen(fg, width=1))
        self.lower.addItem(self.reference_line, ignoreBounds=True)
        self.asym_curve = pg.PlotCurveItem(pen=pg.mkPen(fg, width=1.5), connect="finite")
        self.asym_markers = pg.ScatterPlotItem(size=10, pen=pg.mkPen(fg, width=1))
        self.lower.addItem(self.asym_curve)
        self.lower.addItem(self.asym_markers)
        self._flag_brushes = {flag: pg.mkBrush(flag_color(flag)) for flag in Flag}
        self._fill_lower_legend(band_color)
        self.programs = [
            MarkerLines(self.upper, fg, labelled=True, background=background),
            MarkerLines(self.lower, fg, labelled=False),
        ]
        cursor_pen = pg.mkPen(fg, width=1, style=Qt.PenStyle.DotLine)
        self.cursors = [pg.InfiniteLine(angle=90, pen=cursor_pen) for _ in range(2)]
        for plot, cursor in zip((self.upper, self.lower), self.cursors, strict=True):
            plot.addItem(cursor, ignoreBounds=True)
            cursor.hide()
        self.trend: MeasurementTrend | None = None
        self._hovered_point: TrendPoint | None = None
        self._lower_shown = True
        self.scene().sigMouseMoved.connect(self._mouse_moved)

    def show_trend(self, trend: MeasurementTrend) -> None:
        self.trend = trend
        d = trend.definition
        self.title.setText(self._title(trend))
        self._fit_title()
        self._fill_legend("passfail" if d.is_passfail else "numbers")
        self.left.show(trend, markers=True)
        self.right.show(trend, markers=True)
        xs = _program_xs(trend)
        for lines in self.programs:
            lines.show(trend.program_starts, xs)
        for side, band in self.mdc_bands.items():
            limits = None if d.is_passfail else trend.mdc_band(side)
            if limits is None:
                band.hide()
            else:
                band.setRegion((limits.low, limits.high))
                band.show()
        axis = self.upper.getAxis("left")
        if d.is_passfail:
            axis.setTicks(passfail_ticks())
            axis.setLabel("")
            _set_ranges(self.upper, trend.xs, [-0.4, 1.4])
            self._set_lower_shown(False)
        else:
            axis.setTicks(None)
            axis.setLabel(unit_name(trend.unit, self.language))
            ys = _finite(trend.values("left") + trend.values("right"))
            for side in ("left", "right"):
                band = trend.mdc_band(side)
                if band is not None:
                    ys += [band.low, band.high]
            _set_ranges(self.upper, trend.xs, ys)
            self._set_lower_shown(True)
            self._show_asymmetry(trend)
        for cursor in self.cursors:
            cursor.hide()
        self._hovered_point = None
        settle_layout(self)
        self.mark_changed()

    def _show_asymmetry(self, trend: MeasurementTrend) -> None:
        xs = np.array(trend.xs, dtype=float)
        self.asym_curve.setData(xs, _nan_array(trend.asymmetry_values()))
        present = [p for p in trend.points if p.asymmetry is not None]
        self.asym_markers.setData(
            x=[p.x for p in present],
            y=[p.asymmetry for p in present],
            brush=[self._flag_brushes[p.flag] for p in present],
            symbol=[FLAG_SHAPE[p.flag] for p in present],
        )
        band = trend.threshold_band
        assert band is not None
        self.threshold_band.setRegion((band.low, band.high))
        self.reference_line.setValue(100.0 if trend.panel is PanelKind.LSI else 0.0)
        self.lower.getAxis("left").setLabel(trend.panel_label())
        ys = [*_finite(trend.asymmetry_values()), band.low, band.high]
        _set_ranges(self.lower, trend.xs, ys)

    def _set_lower_shown(self, shown: bool) -> None:
        if shown == self._lower_shown:
            return
        if shown:
            self.ci.addItem(self.lower_legend, row=LOWER_KEY_ROW, col=0)
            self.ci.layout.setAlignment(self.lower_legend, Qt.AlignmentFlag.AlignLeft)
            self.ci.addItem(self.lower, row=LOWER_ROW, col=0)
        else:
            self.ci.removeItem(self.lower_legend)
            self.ci.removeItem(self.lower)
        self._lower_shown = shown

    # -- keys ------------------------------------------------------------------------------
    def _fill_legend(self, kind: str) -> None:
        """The upper key: the sides' lines and markers, or pass/fail marks, and what a filled
        marker and a dashed vertical line mean."""
        if kind == self._legend_kind:
            return
        self._legend_kind = kind
        legend, fg = self.legend, self.fg
        legend.clear()
        if kind == "passfail":  # the rows name the sides; the marks say pass or fail
            legend.addItem(
                pg.ScatterPlotItem(symbol=PASS_SYMBOL, size=9, pen=fg, brush=pg.mkBrush(fg)),
                self.tr("pass"),
            )
            legend.addItem(
                pg.ScatterPlotItem(symbol=FAIL_SYMBOL, size=9, pen=fg, brush=pg.mkBrush(fg)),
                self.tr("fail"),
            )
        else:
            names = {"left": self.tr("Left"), "right": self.tr("Right")}
            for series in (self.left, self.right):
                sample = pg.PlotDataItem(
                    pen=series.curve.opts["pen"],
                    symbol=SIDE_SYMBOL[series.side],
                    symbolSize=series.markers.opts["size"],
                    symbolBrush=series._hollow,
                    symbolPen=series.markers.opts["pen"],
                )
                legend.addItem(sample, names[series.side])
            legend.addItem(
                pg.ScatterPlotItem(symbol="o", size=9, pen=pg.mkPen(fg), brush=pg.mkBrush(fg)),
                self.tr("filled: changed beyond measurement error"),
            )
        legend.addItem(
            pg.PlotDataItem(pen=pg.mkPen(fg, width=1, style=Qt.PenStyle.DashLine)),
            self.tr("program start"),
        )

    def _fill_lower_legend(self, band_color: QColor) -> None:
        """The lower key: the flag of each session's difference (shape and colour), and the
        band where a difference is ok."""
        for flag in (Flag.ASYMMETRIC, Flag.WATCH, Flag.OK):
            self.lower_legend.addItem(
                pg.ScatterPlotItem(
                    symbol=FLAG_SHAPE[flag], size=10, pen=pg.mkPen(self.fg, width=1),
                    brush=self._flag_brushes[flag],
                ),
                flag.value,
            )  # fmt: skip
        self.lower_legend.addItem(
            pg.BarGraphItem(
                x=[0], height=[1], width=1, brush=pg.mkBrush(band_color),
                pen=pg.mkPen(flag_color(Flag.OK), style=Qt.PenStyle.DashLine),
            ),
            self.tr("band: no flag"),
        )  # fmt: skip

    def legend_labels(self, lower: bool = False) -> list[str]:
        """The texts of a key, in order (tests, checks)."""
        legend = self.lower_legend if lower else self.legend
        return [label.text for _sample, label in legend.items]

    def _fit_title(self) -> None:
        """Wrap the title to the chart's width: one long line made the whole chart wider
        than the page and cut off its right side."""
        width = max(200, self.viewport().width() - 24)
        self.title.item.setTextWidth(width)
        self.title.updateMin()

    def resizeEvent(self, event: QResizeEvent | None) -> None:
        super().resizeEvent(event)  # pyqtgraph calls it with None while it builds the view
        if getattr(self, "trend", None) is not None:
            self._fit_title()

    def _title(self, trend: MeasurementTrend) -> str:
        d = trend.definition
        unit = unit_name(trend.unit, self.language)
        parts = [f"<b>{html.escape(d.name)}</b>"]
        band = trend.threshold_band
        if trend.panel is PanelKind.DIFF and band is not None:
            op = ">" if d.strict else "≥"
            parts.append(
                self.tr("flag: |R − L| {0} {1} {2}").format(op, number(band.high, 2), unit)
            )
        elif trend.panel is PanelKind.LSI and band is not None:
            parts.append(self.tr("flag: LSI < {0} %").format(number(band.low)))
        else:
            parts.append(self.tr("flag: sides differ"))
        if trend.mdc is not None and not d.is_passfail:
            label = self.tr("error (MDC, estimate)") if d.mdc_estimate else self.tr("error (MDC)")
            parts.append(
                self.tr("{0} {1} {2} (shaded around each side's first value)").format(
                    label, number(trend.mdc, 2), unit
                )
            )
        elif not d.is_passfail:
            parts.append(self.tr("no measurement error given: markers stay hollow"))
        change = trend.change
        if change is not None and change.verdict is not None:
            # DOMAIN.md §4: what tells whether a program works, against √2 × the error
            parts.append(change.text("in" if trend.unit == "in" else "cm", language(self.language)))
        return " &nbsp;·&nbsp; ".join(parts[:1] + [html.escape(p) for p in parts[1:]])

    def _mouse_moved(self, pos: QPointF) -> None:
        trend = self.trend
        if trend is None or not trend.points:
            return
        inside = self.upper.sceneBoundingRect().contains(pos) or (
            self._lower_shown and self.lower.sceneBoundingRect().contains(pos)
        )
        if not inside:
            return
        x = self.upper.vb.mapSceneToView(pos).x()
        self.hover_at(x)

    def hover_at(self, x: float) -> TrendPoint | None:
        """Put the cursor on the point nearest to ``x`` and announce it (once per point)."""
        point = self.trend.nearest(x) if self.trend else None
        if point is not None and point is self._hovered_point:
            return point
        self._hovered_point = point
        for cursor in self.cursors:
            if point is None:
                cursor.hide()
            else:
                cursor.setValue(point.x)
                cursor.show()
        self.hovered.emit(point)
        return point


class TrendsPage(QWidget):
    """The Trends page: overview of small multiples, and one measurement in detail."""

    OVERVIEW = ""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.loader = Loader(state, self)
        self.athlete_id: int | None = None
        self.data: AthleteTrendData | None = None
        self.trends: list[MeasurementTrend] = []
        self._stale = False
        self.today = dt.date.today()

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.show_combo = QComboBox()
        self.show_combo.setAccessibleName(self.tr("Measurement shown"))
        self.show_combo.setToolTip(self.tr("The overview, or one measurement in detail"))
        self.show_combo.setMinimumContentsLength(24)
        self.show_combo.activated.connect(self._show_chosen)
        self.range_combo = QComboBox()
        self.range_combo.setAccessibleName(self.tr("Date range"))
        for choice, text in (
            (RangeChoice.ALL, self.tr("All dates")),
            (RangeChoice.MONTHS_3, self.tr("Last 3 months")),
            (RangeChoice.MONTHS_12, self.tr("Last 12 months")),
            (RangeChoice.CUSTOM, self.tr("Custom…")),
        ):
            self.range_combo.addItem(text, choice.value)
        self.range_combo.currentIndexChanged.connect(self._range_changed)
        self.from_edit = QDateEdit()
        self.to_edit = QDateEdit()
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
        for edit, name in ((self.from_edit, self.tr("From")), (self.to_edit, self.tr("To"))):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.setDate(QDate.currentDate())
            edit.dateChanged.connect(self._range_changed)
            edit.hide()
        self.from_edit.setDate(QDate.currentDate().addMonths(-6))
        range_label = QLabel(self.tr("&Range:"))
        range_label.setBuddy(self.range_combo)
        show_label = QLabel(self.tr("&Show:"))
        show_label.setBuddy(self.show_combo)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(show_label)
        top.addWidget(self.show_combo)
        top.addSpacing(12)
        top.addWidget(range_label)
        top.addWidget(self.range_combo)
        top.addWidget(self.from_edit)
        top.addWidget(self.to_edit)

        self.key_label = QLabel(self._key_text())
        self.key_label.setWordWrap(True)
        self.key_label.setTextFormat(Qt.TextFormat.RichText)

        self.message = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.overview = Overview()
        self.overview.chart_clicked.connect(self.open_detail)
        self.detail = DetailChart()
        self.overview.language = self.detail.language = self.context.language
        self.detail.hovered.connect(self._hovered)
        self.hover_label = QLabel(self.tr("Point at the chart to read the values of a session."))
        self.hover_label.setTextFormat(Qt.TextFormat.RichText)
        self.hover_label.setAccessibleName(self.tr("Values of the session under the pointer"))
        detail_page = QWidget()
        detail_layout = QVBoxLayout(detail_page)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail, 1)
        detail_layout.addWidget(self.hover_label)
        self.photo_marks: list[PhotoMark] = []
        self.photo_strip = PhotoStrip()  # the camera marks of the measurement shown
        detail_layout.addWidget(self.photo_strip)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.overview)
        self.stack.addWidget(detail_page)
        self._detail_page = detail_page
        for chart in (self.overview.layout_widget, self.detail):
            chart.customContextMenuRequested.connect(self._context_menu)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.key_label)
        layout.addWidget(self.stack, 1)

        back = QAction(self.tr("Back to the overview"), self)
        back.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        back.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.triggered.connect(self.show_overview)
        self.addAction(back)
        self._show_message(self.tr("Choose an athlete to see their trends."))
        for signal in (
            state.sessions_changed,
            state.programs_changed,  # program starts are marked on the charts
            state.settings_changed,
            state.database_replaced,
        ):
            signal.connect(self.refresh)

    @property
    def context(self) -> AppContext:
        return self.state.context

    # -- the interface the main window uses ------------------------------------------------
    def set_athlete(self, athlete: AthleteInfo | None) -> None:
        """Show another athlete (the overview); data loads now, or when the page is shown."""
        athlete_id = athlete.id if athlete else None
        if athlete_id != self.athlete_id:
            self.show_combo.setCurrentIndex(0)
            self.stack.setCurrentWidget(self.overview)
        self.athlete_id = athlete_id
        self.refresh()

    def refresh(self) -> None:
        """Data or settings changed: reload (deferred until the page is visible)."""
        self._stale = True
        if self.isVisible():
            self._reload()

    def is_ready(self) -> bool:
        if self._stale or self.loader.loading:
            return not self.isVisible()
        current = self.stack.currentWidget()
        if current is self.overview:
            return self.overview.layout_widget.painted or not self.overview.isVisible()
        if current is self._detail_page:
            return self.detail.painted or not self.detail.isVisible()
        return True

    # -- export ------------------------------------------------------------------------------
    def export_png(self, path: str | Path) -> None:
        exporter = exporters.ImageExporter(self._export_item())
        exporter.parameters()["background"] = _palette_colors(self)[0]
        width = exporter.parameters()["width"]
        exporter.parameters()["width"] = int(max(width, 1200))  # crisp when printed or shared
        exporter.export(str(path))

    def export_svg(self, path: str | Path) -> None:
        """Write the visible chart as SVG vectors.

        Rendered through Qt's own ``QSvgGenerator``: pyqtgraph's SVG exporter cannot parse the
        closed paths ("… Z") that Qt 6.12 writes and fails on every plot.
        """
        item = self._export_item()
        rect = item.sceneBoundingRect()
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(rect.size().toSize())
        generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        generator.setTitle(self._export_name())
        generator.setDescription(self.tr("Untwist trend chart"))
        painter = QPainter()
        if not painter.begin(generator):
            raise OSError(self.tr("cannot write {0}").format(path))
        try:
            painter.fillRect(QRectF(0, 0, rect.width(), rect.height()), _palette_colors(self)[0])
            item.scene().render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
        finally:
            painter.end()

    def _export_item(self) -> pg.GraphicsLayout:
        if self.stack.currentWidget() is self._detail_page:
            return self.detail.ci
        return self.overview.layout_widget.ci

    def _context_menu(self, pos: QPoint) -> None:
        if not self.trends:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Export chart as &PNG…"), lambda: self._export_dialog("png"))
        menu.addAction(self.tr("Export chart as &SVG…"), lambda: self._export_dialog("svg"))
        if self.stack.currentWidget() is self._detail_page:
            menu.addSeparator()
            menu.addAction(self.tr("Back to the &overview"), self.show_overview)
        widget = self.sender()
        origin = widget.mapToGlobal(pos) if isinstance(widget, QWidget) else self.cursor().pos()
        menu.exec(origin)

    def _export_dialog(self, kind: str) -> None:
        name = self._export_name()
        if kind == "png":
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export chart"), f"{name}.png", self.tr("PNG image (*.png)")
            )
        else:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export chart"), f"{name}.svg", self.tr("SVG drawing (*.svg)")
            )
        if not path:
            return
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        try:
            (self.export_png if kind == "png" else self.export_svg)(path)
        except OSError as exc:
            QMessageBox.warning(
                self, self.tr("Export chart"), self.tr("Could not write {0}: {1}").format(path, exc)
            )

    def _export_name(self) -> str:
        who = (self.data.name if self.data else "athlete").replace(" ", "-").lower()
        what = self.detail_key() or ""
        return "-".join(p for p in ("trends", who, what) if p)

    # -- navigation --------------------------------------------------------------------------
    def open_detail(self, key: str) -> None:
        """Show one measurement's detailed chart (from a click or the Show box)."""
        trend = next((t for t in self.trends if t.key == key), None)
        if trend is None:
            return
        index = self.show_combo.findData(key)
        if index >= 0:
            self.show_combo.setCurrentIndex(index)
        self.detail.show_trend(trend)
        self.photo_strip.show_marks(
            self.context.db, [m for m in self.photo_marks if m.key == key]
        )
        self.hover_label.setText(self.tr("Point at the chart to read the values of a session."))
        self.stack.setCurrentWidget(self._detail_page)

    def show_overview(self) -> None:
        if not self.trends:
            return
        self.show_combo.setCurrentIndex(0)
        self.stack.setCurrentWidget(self.overview)

    def detail_key(self) -> str | None:
        if self.stack.currentWidget() is self._detail_page and self.detail.trend:
            return self.detail.trend.key
        return None

    def _show_chosen(self, index: int) -> None:
        key = self.show_combo.itemData(index)
        if key:
            self.open_detail(key)
        else:
            self.show_overview()

    # -- loading -----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._reload()

    def _reload(self) -> None:
        self._stale = False
        self.data = None
        if self.athlete_id is None:
            self.trends = []
            self.heading.setText("")
            self._show_message(self.tr("Choose an athlete to see their trends."))
            return
        athlete_id = self.athlete_id
        self.loader.load(
            lambda db: (load_trend_data(db, athlete_id), photo_marks(db, athlete_id)),
            lambda loaded: self._loaded(*loaded),
            self._load_failed,
        )

    def _loaded(self, data: AthleteTrendData, photos: Sequence[PhotoMark] = ()) -> None:
        self.photo_marks = list(photos)
        self.data = data
        self.key_label.setText(self._key_text())
        self._redraw()

    def _load_failed(self, exc: UserFacingError) -> None:
        self.trends = []
        self._stale = True  # try again on the next refresh or show
        self._show_message(user_text(exc))

    def date_range(self) -> DateRange:
        choice = RangeChoice(self.range_combo.currentData())
        return range_for(choice, self.today, _day(self.from_edit.date()), _day(self.to_edit.date()))

    def _range_changed(self) -> None:
        custom = self.range_combo.currentData() == RangeChoice.CUSTOM.value
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)
        if self.data is not None:
            self._redraw()

    def _redraw(self) -> None:
        data = self.data
        assert data is not None
        self.heading.setText(
            self.tr("<b>{0}</b> — {1}").format(
                data.name, self.tr("%n session(s)", "", data.session_count)
            )
        )
        if not data.history:
            self.trends = []
            self._show_message(
                self.tr("No sessions yet: record one on the Sessions page to see trends.")
            )
            return
        shown = self.detail_key()
        self.trends = data.trends(
            self.context.catalog, self.context.settings.length_unit, self.date_range()
        )
        self.overview.show_trends(self.trends)
        self._fill_show_combo()
        if shown is not None and any(t.key == shown for t in self.trends):
            self.open_detail(shown)
        else:
            self.show_combo.setCurrentIndex(0)
            self.stack.setCurrentWidget(self.overview)

    def _fill_show_combo(self) -> None:
        combo = self.show_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All measurements (overview)"), self.OVERVIEW)
        for trend in self.trends:
            combo.addItem(f"{trend.definition.label} — {flag_text(trend.latest_flag)}", trend.key)
        combo.blockSignals(False)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)
        self.show_combo.blockSignals(True)
        self.show_combo.clear()
        self.show_combo.blockSignals(False)

    # -- hover -------------------------------------------------------------------------------
    def _hovered(self, point: TrendPoint | None) -> None:
        trend = self.detail.trend
        if point is None or trend is None:
            return
        self.hover_label.setText(self.hover_text(trend, point))

    def hover_text(self, trend: MeasurementTrend, point: TrendPoint) -> str:
        """Date, left, right, difference and flag of one session, as the hover line shows."""
        d = trend.definition
        parts = [f"<b>{point.date.isoformat()}</b>"]
        left, right = self._side_names()
        sides: tuple[tuple[Side, str], ...] = (("left", left), ("right", right))
        for side, name in sides:
            value = point.side(side)
            shown = value_text(d, value, "cm") if d.is_passfail else number(value)
            text = f"{name} {shown}"
            if value is not None and not d.is_passfail:
                text += f" {unit_name(trend.unit, self.context.language)}"
                if point.beyond_mdc(side):
                    text += self.tr(" (beyond measurement error)")
            parts.append(f"<span style='color:{SIDE_COLOR[side]}'>{text}</span>")
        if not d.is_passfail:
            unit = unit_name(trend.unit, self.context.language)
            parts.append(self.tr("R − L {0} {1}").format(signed(point.diff), unit))
        if trend.panel is PanelKind.LSI:
            parts.append(self.tr("LSI {0} %").format(number(point.lsi)))
        color = flag_color(point.flag).name()
        pain = f" · {PAINFUL_SYMBOL} {pain_limited_word()}" if point.pain_limited else ""
        parts.append(f"<span style='color:{color}'>{flag_text(point.flag)}{pain}</span>")
        return " &nbsp;·&nbsp; ".join(parts)

    def _side_names(self) -> tuple[str, str]:
        """'Left (involved)' / 'Right (uninvolved)' when the athlete has an involved side."""
        involved = self.data.involved if self.data is not None else None
        return side_names(involved)

    def _key_text(self) -> str:
        left, right = LEFT_COLOR, RIGHT_COLOR
        left_name, right_name = self._side_names()
        return self.tr(
            "<span style='color:{0}'>—● {2}</span> &nbsp; <span style='color:{1}'>╌■ {3}</span>"
            " &nbsp;·&nbsp; ● filled: beyond measurement error (MDC) since the first value shown"
            " &nbsp;·&nbsp; pass/fail tests: ● pass, ✕ fail"
            " &nbsp;·&nbsp; ┆ program start &nbsp;·&nbsp; click a chart for details"
        ).format(left, right, left_name, right_name)
