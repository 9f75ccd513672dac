"""Child process of :mod:`bench.clinic`: the main window on the clinic-scale database.

``python -m bench._clinic_window DB REPEATS BIG_ID TYPICAL_ID [--bulk]`` opens the window as
the app does (1280×800, shown, memory settled), then times each interaction REPEATS times and
prints one JSON line of lists of seconds (and peak RSS in MB). With ``--bulk`` it also runs the
window's exports and a backup as background operations (as File → Export does), and records
the event loop's longest stall while each runs: a 5 ms timer notes the largest gap between
its ticks.

DB must be a copy: saving sessions writes to it.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench import quiet_offscreen_warnings

BULK_RUNS = 3  # an export of everything takes seconds: three runs each
KEYSTROKES = ("m", "mü", "mül", "müll", "müller", "a", "an", "ann", "anna", "s", "so", "sø",
              "søren", "k", "ki", "kim")  # fmt: skip


def _until(ready: Callable[[], bool], limit: float = 60.0) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.perf_counter() + limit
    while not ready():
        QApplication.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError("the window did not finish drawing")


def _idle_until(ready: Callable[[], bool], limit: float) -> None:
    """Wait as the app's event loop does: asleep until an event comes (the 5 ms ticks, the
    worker's progress). :func:`_until`'s busy ``processEvents`` loop holds the GIL against the
    worker and made a background export take twice its time."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    deadline = time.perf_counter() + limit
    while not ready():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        if time.perf_counter() > deadline:
            raise RuntimeError("the work did not finish")


def _peak_rss_mb() -> float:
    from bench import peak_rss_mb

    return peak_rss_mb()


def main() -> int:
    path, repeats = sys.argv[1], int(sys.argv[2])
    big, typical = int(sys.argv[3]), int(sys.argv[4])
    bulk = "--bulk" in sys.argv
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.domain.records import MeasurementInput
    from app.gui import settle_memory
    from app.models.db import open_database
    from app.services.context import AppContext
    from app.services.freshness import change_token
    from app.services.sessions import record_session
    from app.views.athlete_list import ID_ROLE
    from app.views.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    began = time.perf_counter()
    db = open_database(path, create=False, check_pages=False)
    window = MainWindow(AppContext(db), remember_geometry=False)
    window.resize(1280, 800)
    window.show()
    quiet_offscreen_warnings()
    _until(lambda: window.page_ready("sessions"))
    opened = time.perf_counter() - began
    QApplication.processEvents()
    settle_memory()
    window.freshness_timer.stop()
    athletes = window.athlete_list
    result: dict[str, object] = {"open_window": opened}

    def item_of(athlete_id: int):  # type: ignore[no-untyped-def]
        listed = athletes.list
        for row in range(listed.count()):
            if listed.item(row).data(ID_ROLE) == athlete_id:
                return listed.item(row)
        athletes.reload(athlete_id)  # beyond the pages read: make it part of the list
        return item_of(athlete_id)

    def ready() -> bool:
        return window.page_ready("sessions") and (
            window.trends.page is None or window.page_ready("trends")
        )

    def click(athlete_id: int) -> float:
        item = item_of(athlete_id)
        start = time.perf_counter()
        athletes.list.setCurrentItem(item)
        _until(ready)
        assert window.athlete is not None and window.athlete.id == athlete_id
        return time.perf_counter() - start

    # search as you type: a keystroke to the filtered list (the 120 ms debounce not counted)
    search = []
    for n in range(repeats):
        text = KEYSTROKES[n % len(KEYSTROKES)]
        start = time.perf_counter()
        athletes.search.setText(text)
        athletes._debounce.stop()
        athletes.reload()
        QApplication.processEvents()
        search.append(time.perf_counter() - start)
    athletes.search.setText("")
    athletes._debounce.stop()
    athletes.reload()
    result["search_keystroke"] = search
    # switching on the Sessions tab
    other = typical + 1
    result["switch_typical_sessions"] = [(click(other), click(typical))[1] for _ in range(repeats)]
    result["switch_big_sessions"] = [(click(typical), click(big))[1] for _ in range(repeats)]
    # opening Trends: the first time (page built), then a tab switch after a new athlete
    click(typical)
    start = time.perf_counter()
    window.show_view("trends")
    _until(lambda: window.page_ready("trends"))
    result["trends_first"] = time.perf_counter() - start
    opening = []
    for n in range(repeats):
        window.show_view("sessions")
        _until(lambda: window.page_ready("sessions"))
        click(other if n % 2 else typical)
        start = time.perf_counter()
        window.show_view("trends")
        _until(lambda: window.page_ready("trends"))
        opening.append(time.perf_counter() - start)
    result["open_trends_typical"] = opening
    result["switch_typical_trends"] = [(click(other), click(typical))[1] for _ in range(repeats)]
    result["switch_big_trends"] = [(click(typical), click(big))[1] for _ in range(repeats)]
    result["rss_trends_mb"] = _peak_rss_mb()
    window.show_view("sessions")
    _until(lambda: window.page_ready("sessions"))
    click(typical)
    catalog = window.context.catalog

    def middle(key: str) -> float:
        d = catalog[key]
        return round(((d.min or 0.0) + (d.max or 0.0)) / 2)

    inputs = [
        MeasurementInput(key, (middle(key),), (middle(key) + 1,)) if not catalog[key].is_passfail
        else MeasurementInput(key, (1.0,), (0.0,))
        for key in catalog.keys()[:12]
    ]  # fmt: skip
    saves = []
    import datetime as dt

    for n in range(repeats):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=n)
        start = time.perf_counter()
        record_session(db, catalog, typical, day, inputs)
        _until(lambda: window.page_ready("sessions"))
        saves.append(time.perf_counter() - start)
    result["save_session"] = saves
    polls = []
    for _ in range(repeats):
        start = time.perf_counter()
        change_token(db)
        polls.append(time.perf_counter() - start)
    result["poll"] = polls
    if bulk:
        result.update(_bulk(window, db, catalog, BULK_RUNS))
    result["rss_end_mb"] = _peak_rss_mb()
    print(json.dumps(result))
    window.close()
    db.dispose()
    app.processEvents()
    del QTimer
    return 0


def _bulk(window, db, catalog, repeats: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Exports and a backup as the window runs them; time and the longest stall of each."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    from app.services import backups
    from app.services.csv_export import export_csv
    from app.services.json_io import export_json
    from app.views.operations import run_operation

    folder = Path(tempfile.mkdtemp(prefix="untwist-bench-bulk-"))
    out: dict[str, object] = {}

    def once(name: str, work: Callable[[object], object]) -> tuple[float, float, int]:
        """Seconds, the longest gap between the 5 ms timer's ticks, progress reports."""
        clock = QElapsedTimer()
        gaps, last, reports = [0], [0], [0]

        def tick() -> None:
            now = clock.elapsed()
            gaps[0] = max(gaps[0], now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(tick)

        def counted(progress):  # type: ignore[no-untyped-def]
            original = progress.step

            def step(*args, **kwargs):  # type: ignore[no-untyped-def]
                reports[0] += 1
                return original(*args, **kwargs)

            progress.step = step
            return work(progress)

        done: list[object] = []
        clock.start()
        timer.start()
        start = time.perf_counter()
        run_operation(window, name, counted, on_success=done.append, on_failure=done.append)
        _idle_until(lambda: bool(done), limit=300)
        seconds = time.perf_counter() - start
        timer.stop()
        tick()
        if isinstance(done[0], BaseException):
            raise done[0]
        return seconds, gaps[0] / 1000, reports[0]

    def timed(name: str, work: Callable[[object], object], runs: int) -> None:
        runs_of = [once(name, work) for _ in range(runs)]
        out[name] = [r[0] for r in runs_of]
        out[f"{name}_stall"] = [r[1] for r in runs_of]
        out[f"{name}_progress_steps"] = [r[2] for r in runs_of]

    timed("export_csv", lambda p: export_csv(db, catalog, folder / f"all-{time.time()}.csv",
                                             progress=p), repeats)  # fmt: skip
    timed("export_json", lambda p: export_json(db, folder / f"all-{time.time()}.json", p), repeats)
    timed("backup_now", lambda p: backups.backup_now(db, p), repeats)
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()
    return out


if __name__ == "__main__":
    sys.exit(main())
