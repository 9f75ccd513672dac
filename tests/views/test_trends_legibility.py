"""Trends read by themselves (issue 20, point 9): keys that cover no point and explain every
mark, date ticks that name the month, equal sides that stay both visible, a title that fits."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QPointF, Qt

from app.domain.chart_data import RangeChoice
from app.services.context import AppContext
from app.services.sessions import record_session
from app.views.state import AppState
from app.views.trends import TrendsPage, tick_label
from tests.conftest import TODAY, session_inputs

DAYS = [TODAY - dt.timedelta(days=n) for n in (20, 13, 6, 0)]


@pytest.fixture
def page(qtbot, db):
    page = TrendsPage(AppState(AppContext(db)))
    page.today = TODAY
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page


@pytest.fixture
def equal(db, catalog, athlete):
    """Four sessions in three weeks; hip IR equal on both sides, its first value the highest
    (where the key used to sit), the drop test passed and failed."""
    values = [(44, 44), (38, 38), (36, 36), (35, 35)]
    drops = [("fail", "pass"), ("pass", "pass"), ("fail", "fail"), ("pass", "pass")]
    for day, hip, drop in zip(DAYS, values, drops, strict=True):
        record_session(
            db, catalog, athlete.id, day,
            session_inputs(hip_ir_deg=hip, adduction_drop_test=drop),
        )  # fmt: skip
    return athlete


def detail(qtbot, page, athlete, key):
    page.set_athlete(athlete)
    qtbot.waitUntil(page.is_ready)
    page.open_detail(key)
    qtbot.waitUntil(page.is_ready)
    return page.detail


def scene_points(chart, series) -> list[QPointF]:
    return [chart.upper.vb.mapViewToScene(QPointF(x, y)) for x, y in series.points()]


def test_the_key_covers_no_point(qtbot, page, equal):
    chart = detail(qtbot, page, equal, "hip_ir_deg")
    key = chart.legend.sceneBoundingRect()
    assert key.width() > 0
    assert not key.intersects(chart.upper.vb.sceneBoundingRect())  # outside the plot area
    for point in scene_points(chart, chart.left) + scene_points(chart, chart.right):
        assert not key.contains(point)
    lower_key = chart.lower_legend.sceneBoundingRect()
    assert not lower_key.intersects(chart.lower.vb.sceneBoundingRect())


def test_the_keys_explain_every_mark(qtbot, page, equal):
    chart = detail(qtbot, page, equal, "hip_ir_deg")
    assert chart.legend_labels()[:2] == ["Left", "Right"]
    assert any("beyond measurement error" in text for text in chart.legend_labels())
    assert "program start" in chart.legend_labels()
    # the lower panel's dots: one entry per flag shape, and the band
    lower = chart.legend_labels(lower=True)
    assert lower[:3] == ["asymmetric", "watch", "ok"] and "band: no flag" in lower
    chart = detail(qtbot, page, equal, "adduction_drop_test")
    assert chart.legend_labels()[:2] == ["pass", "fail"]
    assert "pass/fail tests: ● pass, ✕ fail" in page.key_label.text()  # the overview's key


def test_a_short_range_names_the_month_on_its_ticks(qtbot, page, equal):
    page.range_combo.setCurrentIndex(page.range_combo.findData(RangeChoice.MONTHS_3.value))
    chart = detail(qtbot, page, equal, "hip_ir_deg")
    axis = chart.upper.getAxis("bottom")
    low, high = chart.upper.vb.viewRange()[0]
    labels = [
        text
        for spacing, values in axis.tickValues(low, high, chart.upper.vb.width())
        for text in axis.tickStrings(values, 1.0, spacing)
    ]
    assert labels and all(re.fullmatch(r"\d{1,2} [A-Z][a-z]{2}", t) for t in labels), labels


def test_tick_labels_by_spacing():
    from pyqtgraph.graphicsItems.DateAxisItem import DAY_SPACING, MONTH_SPACING, YEAR_SPACING

    assert tick_label(dt.date(2026, 11, 3), DAY_SPACING) == "3 Nov"
    assert tick_label(dt.date(2026, 11, 1), MONTH_SPACING) == "Nov"
    assert tick_label(dt.date(2027, 1, 1), YEAR_SPACING) == "2027"


@pytest.mark.parametrize(
    ("code", "day", "month"), [("de", "3. Nov.", "Nov."), ("es", "3 nov", "nov")]
)
def test_tick_labels_name_the_month_in_the_window_language(code, day, month):
    """The axes said "3 Nov" in a German window (strftime in the C locale)."""
    from pyqtgraph.graphicsItems.DateAxisItem import DAY_SPACING, MONTH_SPACING
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(code))
    try:
        assert tick_label(dt.date(2026, 11, 3), DAY_SPACING) == day
        assert tick_label(dt.date(2026, 11, 1), MONTH_SPACING) == month
    finally:
        QLocale.setDefault(before)


def test_a_long_range_shows_the_year(qtbot, page, db, catalog, athlete):
    for day in (TODAY - dt.timedelta(days=700), TODAY):
        record_session(db, catalog, athlete.id, day, session_inputs(hip_ir_deg=(30, 40)))
    chart = detail(qtbot, page, athlete, "hip_ir_deg")
    chart.resize(900, 500)
    axis = chart.upper.getAxis("bottom")
    low, high = chart.upper.vb.viewRange()[0]
    labels = [
        text
        for spacing, values in axis.tickValues(low, high, 800)
        for text in axis.tickStrings(values, 1.0, spacing)
    ]
    assert any(re.fullmatch(r"20\d\d", t) for t in labels), labels


def test_equal_sides_both_stay_visible(qtbot, page, equal):
    chart = detail(qtbot, page, equal, "hip_ir_deg")
    assert chart.left.points() == [(x, y) for x, (_, y) in zip(
        [p[0] for p in chart.right.points()], chart.right.points(), strict=True)]  # fmt: skip
    left_pen, right_pen = chart.left.curve.opts["pen"], chart.right.curve.opts["pen"]
    assert left_pen.style() == Qt.PenStyle.SolidLine
    assert right_pen.style() == Qt.PenStyle.DashLine  # the left shows through its gaps
    assert chart.right.curve.zValue() > chart.left.curve.zValue()
    # the right's squares surround the left's circles rather than cover them exactly
    assert chart.right.markers.opts["size"] > chart.left.markers.opts["size"]
    image = chart.grab().toImage()
    left_colour = chart.left.curve.opts["pen"].color()
    xs = [chart.mapFromScene(p) for p in scene_points(chart, chart.left)]
    (a, b) = xs[1], xs[2]
    # along the segment between two equal points some pixels are the left's colour
    seen = 0
    for i in range(1, 40):
        x = a.x() + (b.x() - a.x()) * i / 40
        y = a.y() + (b.y() - a.y()) * i / 40
        ratio = image.devicePixelRatio()
        colour = image.pixelColor(int(x * ratio), int(y * ratio))
        if (
            abs(colour.red() - left_colour.red()) < 40
            and abs(colour.green() - left_colour.green()) < 40
            and abs(colour.blue() - left_colour.blue()) < 40
        ):
            seen += 1
    assert seen >= 5, seen


def test_a_long_title_wraps_inside_the_chart(qtbot, page, equal):
    page.resize(700, 600)
    chart = detail(qtbot, page, equal, "hip_ir_deg")
    qtbot.waitUntil(lambda: chart.title.sceneBoundingRect().width() > 0)
    assert chart.title.sceneBoundingRect().right() <= chart.viewport().width() + 1
    assert chart.upper.sceneBoundingRect().right() <= chart.viewport().width() + 1
