"""How fast the Trends page redraws for an athlete with a long history.

The budget (Trends issue): switching to an athlete with 500 sessions × 12 measurements redraws
all small multiples in ≤ 100 ms. Measured as the user sees it: ``set_athlete()`` on a shown
page, then Qt events until the page reports everything visible drawn (``is_ready()``).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from app.gui import settle_memory
from bench import Figure, quiet_offscreen_warnings
from bench.largedb import create_large_db

REPEATS = 7


def _until(app, ready: Callable[[], bool], limit: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + limit
    while not ready():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError("the page did not finish drawing")


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def main() -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    quiet_offscreen_warnings()
    folder = Path(tempfile.mkdtemp(prefix="untwist-bench-"))
    started = time.perf_counter()
    large = create_large_db(folder / "large.sqlite")
    figures: list[Figure] = [
        ("create 50-athlete database", _ms(time.perf_counter() - started), "ms")
    ]

    from app.services.context import AppContext
    from app.services.trends import load_trend_data

    context = AppContext(large.db)
    started = time.perf_counter()
    from app.views.trends import TrendsPage  # pyqtgraph comes with it

    figures.append(("import the page (pyqtgraph)", _ms(time.perf_counter() - started), "ms"))
    from app.services.athletes import get_athlete
    from app.views.state import AppState

    page = TrendsPage(AppState(context))
    page.resize(1280, 800)
    page.show()
    settle_memory()  # as the app does once its window has painted
    small, big = large.athlete_ids[1], large.big_athlete_id

    def switch(athlete_id: int) -> float:
        began = time.perf_counter()
        page.set_athlete(get_athlete(large.db, athlete_id))
        _until(app, page.is_ready)
        return time.perf_counter() - began

    switch(small)
    switch(big)  # warm-up: the plot items get created once
    switches = []
    for _ in range(REPEATS):
        switch(small)
        switches.append(switch(big))
    charts = len(page.overview.visible_charts())
    points = sum(len(c.trend.points) for c in page.overview.visible_charts() if c.trend)
    figures.append(
        (
            f"switch to the {large.sessions}-session athlete, {charts} small multiples "
            f"({points} sessions×measurements) drawn, median of {REPEATS}",
            _ms(statistics.median(switches)),
            "ms",
            100.0,
        )
    )
    figures.append(("same, slowest", _ms(max(switches)), "ms"))

    loads, builds = [], []
    for _ in range(REPEATS):
        began = time.perf_counter()
        data = load_trend_data(large.db, big)
        loaded = time.perf_counter()
        data.trends(context.catalog, "cm")
        loads.append(loaded - began)
        builds.append(time.perf_counter() - loaded)
    figures.append(
        ("of which: read from the database (4 queries)", _ms(statistics.median(loads)), "ms")
    )
    figures.append(("of which: chart data (domain)", _ms(statistics.median(builds)), "ms"))

    details = []
    for key in ("hip_ir_deg", "single_hop_cm", "adduction_drop_test") * 2:
        began = time.perf_counter()
        page.open_detail(key)
        _until(app, page.is_ready)
        details.append(time.perf_counter() - began)
    figures.append(
        ("open one detailed chart (500 sessions), median", _ms(statistics.median(details)), "ms")
    )

    page.close()
    large.db.dispose()
    return figures


if __name__ == "__main__":
    from bench.__main__ import line

    for figure in main():
        print(f"trends: {line(figure)}")
