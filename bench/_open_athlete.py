"""Child process of :mod:`bench.open_athlete`: the main window on a large database.

``python -m bench._open_athlete DB BIG_ID SMALL_ID REPEATS`` opens the window as the app does
(1280×800, shown), builds the Trends page, then clicks the 500-session athlete in the list
and waits until the Sessions history is filled and every chart is drawn. It prints one JSON
line: the timings of each click, the peak RSS right after the first open, and at the end.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable

from bench import quiet_offscreen_warnings


def _until(ready: Callable[[], bool], limit: float = 20.0) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.perf_counter() + limit
    while not ready():
        QApplication.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError("the window did not finish drawing")


def _peak_rss_mb() -> float:
    from bench import peak_rss_mb

    return peak_rss_mb()


def main() -> int:
    path, big, small, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.gui import settle_memory
    from app.models.db import open_database
    from app.services.context import AppContext
    from app.views.athlete_list import ID_ROLE
    from app.views.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    db = open_database(path, create=False)
    window = MainWindow(AppContext(db), remember_geometry=False)
    window.resize(1280, 800)
    window.show()
    quiet_offscreen_warnings()
    QApplication.processEvents()
    settle_memory()  # what app.gui does once the window has painted
    items = {
        window.athlete_list.list.item(row).data(ID_ROLE): window.athlete_list.list.item(row)
        for row in range(window.athlete_list.list.count())
    }

    def click(athlete_id: int) -> float:
        """Select an athlete as a click does; seconds until history and charts are drawn."""
        began = time.perf_counter()
        window.athlete_list.list.setCurrentItem(items[athlete_id])
        _until(
            lambda: (
                window.page_ready("sessions")
                and (window.trends.page is None or window.page_ready("trends"))
            )
        )
        assert window.athlete is not None and window.athlete.id == athlete_id
        return time.perf_counter() - began

    click(small)
    window.show_view("trends")  # the Trends page is built (and draws the small athlete)
    _until(lambda: window.page_ready("trends"))
    first = click(big)  # the first time: plot items for 500 points are created
    rss_first = _peak_rss_mb()
    sessions_tab, trends_tab = [], []
    for _ in range(repeats):
        click(small)
        trends_tab.append(click(big))
    # The history was left for later while the Trends tab was in front: its cost moves to the
    # moment the Sessions tab is shown.
    tab_switch = []
    for _ in range(repeats):
        click(small)
        click(big)
        began = time.perf_counter()
        window.show_view("sessions")
        _until(lambda: window.page_ready("sessions"))
        tab_switch.append(time.perf_counter() - began)
        window.show_view("trends")
        _until(lambda: window.page_ready("trends"))
    window.show_view("sessions")
    for _ in range(repeats):
        click(small)
        sessions_tab.append(click(big))
    history_rows = window.sessions_page.history.topLevelItemCount()
    charts = len(window.trends.page.overview.visible_charts())  # type: ignore[union-attr]
    print(
        json.dumps(
            {
                "first": first,
                "trends_tab": trends_tab,
                "sessions_tab": sessions_tab,
                "tab_switch": tab_switch,
                "rss_first_mb": rss_first,
                "rss_end_mb": _peak_rss_mb(),
                "history_rows": history_rows,
                "charts": charts,
            }
        )
    )
    window.close()
    db.dispose()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
