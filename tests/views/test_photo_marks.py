"""Kept photos seen later (issue 19): the camera mark in the history and the trend detail,
one photo opened with its points and angle, two side by side."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app.domain.records import MeasurementInput
from app.services.context import AppContext
from app.services.sessions import record_session
from app.views.history import PHOTOS_ROLE
from app.views.photo_dialog import PhotoDialog, SideBySide
from app.views.sessions_page import SessionsPage
from app.views.state import AppState
from app.views.trends import TrendsPage
from tests.conftest import TODAY
from tests.photos import photo_measurement

D1 = TODAY - dt.timedelta(days=30)


@pytest.fixture
def photographed(db, catalog, athlete):
    """Two sessions of hip IR: the first with a left photo, the second with both sides."""
    first = photo_measurement("left", 1, seed=4)
    left = photo_measurement("left", 1, seed=5, plumb=False)
    right = photo_measurement("right", 1, seed=6)
    record_session(db, catalog, athlete.id, D1, [
        MeasurementInput("hip_ir_deg", (first.angle,), (30.0,), photos=(first,)),
        MeasurementInput("hip_er_deg", (40.0,), (41.0,)),
    ])  # fmt: skip
    record_session(db, catalog, athlete.id, TODAY, [
        MeasurementInput("hip_ir_deg", (left.angle,), (right.angle,), photos=(left, right)),
    ])  # fmt: skip
    return athlete, first, left, right


def test_history_marks_photographed_rows_and_opens_them(qtbot, db, photographed):
    athlete, first, left, right = photographed
    page = SessionsPage(AppState(AppContext(db)))
    qtbot.addWidget(page)
    page.show()
    page.set_athlete(athlete)
    qtbot.waitUntil(page.is_ready)
    tree = page.history
    newest, oldest = tree.topLevelItem(0), tree.topLevelItem(1)
    oldest.setExpanded(True)
    rows = {oldest.child(i).toolTip(0).split("\n")[0]: oldest.child(i)
            for i in range(oldest.childCount())}  # fmt: skip
    ir = next(item for name, item in rows.items() if "internal" in name.lower())
    er = next(item for name, item in rows.items() if "external" in name.lower())
    assert not ir.icon(0).isNull() and "Measured on a photo: L1" in ir.toolTip(0)
    assert er.icon(0).isNull() and er.data(0, PHOTOS_ROLE) is None
    # Enter on the row: the photo with its points and angle, read only
    tree.setCurrentItem(ir)
    with qtbot.waitSignal(tree.photos_requested) as asked:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    viewer = next(w for w in page.findChildren(PhotoDialog) if w.isVisible())
    assert viewer.read_only and viewer.points() == list(first.points)
    assert viewer.angle == pytest.approx(first.angle)
    assert len(asked.args[0]) == 1
    viewer.close()
    # the newest session has both sides: they open side by side
    newest.setExpanded(True)
    row = next(newest.child(i) for i in range(newest.childCount())
               if newest.child(i).data(0, PHOTOS_ROLE))  # fmt: skip
    tree.setCurrentItem(row)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    pair = next(w for w in page.findChildren(SideBySide) if w.isVisible())
    assert [d.stored for d in pair.dialogs] == [left, right]


def test_trend_detail_lists_the_photos_and_compares_two_dates(qtbot, db, photographed):
    athlete, first, left, _right = photographed
    page = TrendsPage(AppState(AppContext(db)))
    page.today = TODAY
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.set_athlete(athlete)
    qtbot.waitUntil(page.is_ready)
    page.open_detail("hip_er_deg")
    assert page.photo_strip.isHidden()
    page.open_detail("hip_ir_deg")
    strip = page.photo_strip
    assert strip.isVisible()
    assert [b.text() for b in strip.buttons] == [
        f"{D1.isoformat()} L1 {first.angle:.1f}°",
        f"{TODAY.isoformat()} L1 {left.angle:.1f}°",
        f"{TODAY.isoformat()} R1 {_right.angle:.1f}°",
    ]
    # the newest is chosen; choosing the first date as well compares the two
    strip.buttons[0].setChecked(True)
    strip.buttons[2].setChecked(False)
    strip.buttons[1].setChecked(True)
    assert strip.open_button.text() == "Side by side"
    with qtbot.waitSignal(strip.opened) as opened:
        strip.open_button.click()
    window = opened.args[0]
    assert isinstance(window, SideBySide)
    assert [d.stored for d in window.dialogs] == [first, left]
    window.close()
