"""The overview draws only the charts in view; the rest when scrolled to (issue 21)."""

import datetime as dt

from app.domain.catalog import BUILTIN_KEYS
from app.domain.records import AthleteData
from app.services.athletes import create_athlete
from app.services.context import AppContext
from app.services.sessions import record_session
from app.views.state import AppState
from app.views.trends import TrendsPage
from tests.conftest import TODAY, session_inputs


def _all_twelve(db, catalog, name: str, base: float):  # type: ignore[no-untyped-def]
    athlete = create_athlete(db, AthleteData(name=name))
    for n, day in enumerate((TODAY - dt.timedelta(days=60), TODAY)):
        values = {
            key: (1, 1) if key == "adduction_drop_test" else (base + n, base + 2 * n)
            for key in BUILTIN_KEYS
            if key != "foot_posture_index"
        }
        values["foot_posture_index"] = (n, 2 * n)
        record_session(db, catalog, athlete.id, day, session_inputs(**values))
    return athlete


def test_only_the_charts_in_view_are_drawn_and_scrolling_draws_the_others(qtbot, db, catalog):
    first = _all_twelve(db, catalog, "Ada Twelve", 10.0)
    second = _all_twelve(db, catalog, "Bo Twelve", 20.0)
    page = TrendsPage(AppState(AppContext(db)))
    page.today = TODAY
    qtbot.addWidget(page)
    page.resize(700, 420)  # two columns, a row or two in view
    page.show()
    page.set_athlete(first)
    qtbot.waitUntil(page.is_ready)
    overview = page.overview
    charts = overview.visible_charts()
    assert len(charts) == 12
    in_view = overview.in_view()
    assert 0 < len(in_view) < 12
    for chart in charts:
        drawn = chart in in_view
        assert (chart.drawn is chart.trend) == drawn
        assert chart.plot.isVisible() == drawn
    # scrolled to the end: the last charts are drawn, with this athlete's data
    overview.verticalScrollBar().setValue(overview.verticalScrollBar().maximum())
    last = charts[-1]
    assert last in overview.in_view() and last.plot.isVisible()
    assert last.drawn is last.trend and last.trend is not None
    assert last.left.points()[-1][1] == last.trend.values("left")[-1]
    # another athlete while scrolled down: what is in view shows the new athlete's values
    page.set_athlete(second)
    qtbot.waitUntil(page.is_ready)
    for chart in overview.in_view():
        assert chart.drawn is chart.trend
        left = chart.trend.values("left")
        assert [y for _, y in chart.left.points()] == [v for v in left if v is not None]
    assert any(chart.left.points()[-1][1] >= 20 for chart in overview.in_view())
    # and back to the top: the first charts are drawn again for the athlete now shown
    overview.verticalScrollBar().setValue(0)
    top = charts[0]
    assert top.drawn is top.trend and top.trend.values("left")[-1] >= 20
