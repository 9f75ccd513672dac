import datetime as dt

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from app.domain.asymmetry import Flag
from app.domain.chart_data import RangeChoice, date_to_x
from app.domain.records import AthleteData
from app.models import Program
from app.services.athletes import create_athlete, get_athlete
from app.services.context import AppContext
from app.services.demo import create_demo
from app.services.sessions import record_session
from app.services.settings import save_settings
from app.views.state import AppState
from app.views.trends import TrendsPage
from tests.conftest import TODAY, session_inputs

D1, D2, D3 = TODAY - dt.timedelta(days=200), TODAY - dt.timedelta(days=30), TODAY
X1, X2, X3 = (date_to_x(d) for d in (D1, D2, D3))


@pytest.fixture
def page(qtbot, db):
    page = TrendsPage(AppState(AppContext(db)))
    page.today = TODAY
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page


@pytest.fixture
def known(db, catalog, athlete):
    """Three sessions: hip IR converging; single hop with the right side missing once."""
    values = [
        (D1, {"hip_ir_deg": (24, 40), "single_hop_cm": (150, 140)}),
        (D2, {"hip_ir_deg": (28, 40), "single_hop_cm": (152, None)}),
        (D3, {"hip_ir_deg": (31, 39), "single_hop_cm": (155, 150)}),
    ]
    for day, measured in values:
        record_session(db, catalog, athlete.id, day, session_inputs(**measured))
    return athlete


def shown(qtbot, page, athlete):
    page.set_athlete(athlete)
    qtbot.waitUntil(page.is_ready)


def test_a_known_athletes_chart_holds_exactly_its_points_per_side(qtbot, page, known):
    shown(qtbot, page, known)
    page.open_detail("hip_ir_deg")
    qtbot.waitUntil(page.is_ready)
    assert page.detail.left.points() == [(X1, 24.0), (X2, 28.0), (X3, 31.0)]
    assert page.detail.right.points() == [(X1, 40.0), (X2, 40.0), (X3, 39.0)]
    xs, ys = page.detail.asym_markers.getData()
    assert list(zip(xs, ys, strict=True)) == [(X1, 16.0), (X2, 12.0), (X3, 8.0)]
    assert page.detail.left.curve.getData()[1].tolist() == [24.0, 28.0, 31.0]


def test_a_missing_side_leaves_a_gap_not_a_zero(qtbot, page, known):
    shown(qtbot, page, known)
    page.open_detail("single_hop_cm")
    assert page.detail.right.points() == [(X1, 140.0), (X3, 150.0)]
    _, ys = page.detail.right.curve.getData()
    assert np.isnan(ys[1]) and 0 not in ys
    assert page.detail.right.curve.opts["connect"] == "finite"  # NaN breaks the line
    _, lsi = page.detail.asym_curve.getData()
    assert np.isnan(lsi[1])
    assert [x for x, _ in zip(*page.detail.asym_markers.getData(), strict=True)] == [X1, X3]


def test_the_threshold_band_sits_at_the_catalogs_value(qtbot, page, known, db):
    shown(qtbot, page, known)
    catalog = page.context.catalog
    page.open_detail("hip_ir_deg")
    threshold = catalog["hip_ir_deg"].threshold
    assert page.detail.threshold_band.getRegion() == (-threshold, threshold)
    page.open_detail("single_hop_cm")
    assert page.detail.threshold_band.getRegion() == (catalog["single_hop_cm"].threshold, 100.0)
    # A clinic's own threshold moves the band after a refresh.
    settings = page.context.settings
    settings.thresholds = {"single_hop_cm": 85.0}
    save_settings(db, settings)
    page.context.reload()
    page.refresh()
    assert page.detail_key() == "single_hop_cm"
    assert page.detail.threshold_band.getRegion() == (85.0, 100.0)


def test_the_mdc_band_surrounds_each_sides_first_value(qtbot, page, known):
    shown(qtbot, page, known)
    page.open_detail("hip_ir_deg")
    mdc = page.context.catalog["hip_ir_deg"].mdc
    low, high = page.detail.mdc_bands["left"].getRegion()
    assert (low, high) == pytest.approx((24 - mdc, 24 + mdc))
    assert page.detail.mdc_bands["left"].isVisible()
    # Left moved 7° (> MDC 5.4°) by the last session: only that marker is filled.
    brushes = [b.color().name() for b in page.detail.left.markers.data["brush"]]
    filled = page.detail.left._filled.color().name()
    assert [b == filled for b in brushes] == [False, False, True]
    # Single hop has no published one-side MDC: no marker claims a real change.
    page.open_detail("single_hop_cm")
    assert not page.detail.mdc_bands["left"].isVisible()
    brushes = {b.color().name() for b in page.detail.left.markers.data["brush"]}
    assert filled not in brushes


def test_the_date_filter_drops_old_points(qtbot, page, known):
    shown(qtbot, page, known)
    page.open_detail("hip_ir_deg")
    page.range_combo.setCurrentIndex(page.range_combo.findData(RangeChoice.MONTHS_3.value))
    assert page.detail_key() == "hip_ir_deg"
    assert page.detail.left.points() == [(X2, 28.0), (X3, 31.0)]
    page.show_overview()
    charts = {c.trend.key: c for c in page.overview.visible_charts()}
    assert charts["hip_ir_deg"].left.points() == [(X2, 28.0), (X3, 31.0)]
    page.range_combo.setCurrentIndex(page.range_combo.findData(RangeChoice.CUSTOM.value))
    assert page.from_edit.isVisible() and page.to_edit.isVisible()
    page.from_edit.setDate(D1 - dt.timedelta(days=1))
    page.to_edit.setDate(D1 + dt.timedelta(days=1))
    assert charts["hip_ir_deg"].left.points() == [(X1, 24.0)]


def test_overview_shows_flagged_first_and_a_click_opens_the_detail(qtbot, page, known):
    shown(qtbot, page, known)
    assert page.stack.currentWidget() is page.overview
    charts = page.overview.visible_charts()
    assert [c.trend.key for c in charts] == ["hip_ir_deg", "single_hop_cm"]  # watch, then ok
    assert charts[0].trend.latest_flag is Flag.WATCH
    view = page.overview.layout_widget
    center = view.mapFromScene(charts[1].plot.sceneBoundingRect().center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert page.detail_key() == "single_hop_cm"
    assert page.show_combo.currentData() == "single_hop_cm"
    qtbot.keyClick(page.detail, Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.overview


def test_hover_reads_out_the_nearest_session(qtbot, page, known):
    shown(qtbot, page, known)
    page.open_detail("hip_ir_deg")
    point = page.detail.hover_at(X2 + 3600 * 24 * 3)
    assert point.date == D2
    text = page.hover_label.text()
    for part in (D2.isoformat(), "Left 28 deg", "Right 40 deg", "R − L +12.0 deg", "asymmetric"):
        assert part in text
    assert all(cursor.value() == X2 for cursor in page.detail.cursors)


def test_passfail_is_a_strip_without_a_lower_panel(qtbot, page, db, catalog, athlete):
    record_session(
        db, catalog, athlete.id, D1, session_inputs(adduction_drop_test=("fail", "pass"))
    )
    shown(qtbot, page, athlete)
    page.open_detail("adduction_drop_test")
    assert page.detail.left.points() == [(X1, 1.0)]  # the "Left" row
    assert page.detail.right.points() == [(X1, 0.0)]  # the "Right" row
    assert list(page.detail.left.markers.data["symbol"]) == ["x"]  # fail
    assert page.detail.lower.scene() is None
    page.detail.hover_at(X1)
    assert "Left fail" in page.hover_label.text()


def test_program_starts_are_vertical_markers(qtbot, page, known, db):
    with db.transaction() as session:
        session.add(Program(athlete_id=known.id, start_date=D2))
    shown(qtbot, page, known)
    page.open_detail("hip_ir_deg")
    lines = [line for line in page.detail.programs[0].lines if line.isVisible()]
    assert [line.value() for line in lines] == [X2]
    compact = page.overview.visible_charts()[0]
    assert [line.value() for line in compact.programs.lines if line.isVisible()] == [X2]


def test_inches_are_shown_when_set(qtbot, page, known):
    page.context.settings.length_unit = "in"
    shown(qtbot, page, known)
    page.open_detail("single_hop_cm")
    assert page.detail.left.points()[0][1] == pytest.approx(150 / 2.54)
    assert page.detail.upper.getAxis("left").labelText == "in"


@pytest.mark.parametrize("detail", [False, True])
def test_png_and_svg_exports_write_files(qtbot, page, known, tmp_path, detail):
    shown(qtbot, page, known)
    if detail:
        page.open_detail("hip_ir_deg")
    page.export_png(tmp_path / "chart.png")
    page.export_svg(tmp_path / "chart.svg")
    image = QImage(str(tmp_path / "chart.png"))
    assert not image.isNull() and image.width() >= 1200
    svg = (tmp_path / "chart.svg").read_text()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg and "<path" in svg


def test_export_from_the_menu_adds_the_extension(qtbot, page, known, tmp_path, monkeypatch):
    shown(qtbot, page, known)
    target = tmp_path / "mine"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page._export_dialog("svg")
    assert (tmp_path / "mine.svg").stat().st_size > 0


def test_without_athlete_or_sessions_the_page_says_so(qtbot, page, db):
    shown(qtbot, page, None)
    assert page.stack.currentWidget() is page.message
    assert "Choose an athlete" in page.message.text()
    empty = create_athlete(db, AthleteData(name="New Person"))
    shown(qtbot, page, empty)
    assert "No sessions yet" in page.message.text()
    assert page.is_ready()


def test_a_hidden_page_loads_when_shown(qtbot, db, known):
    page = TrendsPage(AppState(AppContext(db)))
    qtbot.addWidget(page)
    page.set_athlete(known)
    assert page.data is None  # nothing read while hidden
    page.show()
    qtbot.waitUntil(page.is_ready)
    assert page.data is not None and len(page.overview.visible_charts()) == 2


def test_the_demos_left_pattern_athlete_converges(qtbot, page, db, catalog):
    create_demo(db, catalog, today=TODAY)
    shown(qtbot, page, get_athlete(db, 1))
    page.open_detail("hip_ir_deg")
    points = page.detail.trend.points
    assert abs(points[0].diff) > 10 > abs(points[-1].diff)  # into the band over time
    # asymmetric at first; at the end still beyond its error (a vote for her pattern) but
    # no longer flagged, the asymmetry reduced by more than the error of a change
    assert points[0].flag is Flag.ASYMMETRIC and points[-1].flag is not Flag.ASYMMETRIC
    assert page.detail.trend.change is not None
    assert page.detail.trend.change.verdict == "reduced"
