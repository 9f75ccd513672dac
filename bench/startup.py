"""Cold start to the first painted window, as a ratio to a floor timed in the same run.

The budget (Packaging and performance issue): ``untwist --db FILE --screenshot OUT.png`` within
1.3× of the floor, a bare PySide6 ``QMainWindow`` that also imports ``sqlalchemy.orm``
(:mod:`bench._floor_window`), on the demo database and on the large one (50 athletes, the first
of them with 500 sessions × 12 measurements; the window opens on that athlete).

Each figure is the median over real processes of the time from spawn until the window's
picture is written (the PNG's modification time; both programs grab their window and save it
the same way), i.e. until the first painted window; the time until the process has exited is
printed beside it. Runs are interleaved (floor, demo, large, floor, …) so a busy moment on the
machine hits all three alike. Bytecode caching is on, as in an installed app
(``PYTHONDONTWRITEBYTECODE`` is removed from the children's environment); one untimed run of
each fills the bytecode and file caches first.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import Figure, child_env

RUNS = 7
TARGET = 1.3


def untwist_command() -> list[str]:
    """The installed ``untwist`` script beside this interpreter (what a user runs)."""
    script = Path(sys.executable).with_name("untwist")
    return [str(script)] if script.exists() else [sys.executable, "-m", "app"]


def timed(command: list[str], picture: Path) -> tuple[float, float]:
    """Seconds from spawn to the picture written, and to the process gone."""
    picture.unlink(missing_ok=True)
    started = time.time()
    subprocess.run(command, env=child_env(), check=True, capture_output=True, timeout=60)
    exited = time.time()
    return picture.stat().st_mtime - started, exited - started


def make_databases(folder: Path) -> tuple[Path, Path]:
    from app.models.db import open_database
    from app.services.catalog import load_catalog
    from app.services.demo import create_demo
    from bench.largedb import create_large_db

    demo = folder / "demo.sqlite"
    db = open_database(str(demo), create=True)
    create_demo(db, load_catalog(db))
    db.dispose()
    large = create_large_db(folder / "large.sqlite")
    large.db.dispose()
    return demo, large.path


def main() -> list[Figure]:
    folder = Path(tempfile.mkdtemp(prefix="untwist-bench-start-"))
    try:
        demo, large = make_databases(folder)
        out = folder / "shot.png"
        commands = {
            "floor": [sys.executable, "-m", "bench._floor_window", str(out)],
            "demo": [*untwist_command(), "--db", str(demo), "--screenshot", str(out)],
            "large": [*untwist_command(), "--db", str(large), "--screenshot", str(out)],
        }
        for command in commands.values():  # fill the bytecode and file caches
            timed(command, out)
        painted: dict[str, list[float]] = {name: [] for name in commands}
        exited: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(RUNS):
            for name, command in commands.items():
                paint, gone = timed(command, out)
                painted[name].append(paint)
                exited[name].append(gone)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    floor = statistics.median(painted["floor"])
    floor_exit = statistics.median(exited["floor"])
    figures: list[Figure] = []
    titles = {"demo": "demo database", "large": "large database, 500-session athlete"}
    for name, title in titles.items():
        median = statistics.median(painted[name])
        figures.append(
            (
                f"cold start to first painted window, {title} "
                f"({median:.2f} s vs floor {floor:.2f} s, median of {RUNS})",
                median / floor,
                "×",
                TARGET,
            )
        )
    for name in ("demo", "large"):
        median = statistics.median(exited[name])
        figures.append(
            (
                f"same, {name}, until the process has exited "
                f"({median:.2f} s vs floor {floor_exit:.2f} s)",
                median / floor_exit,
                "×",
            )
        )
    figures.append(("floor: bare QMainWindow + import sqlalchemy.orm, painted", floor * 1000, "ms"))
    return figures


if __name__ == "__main__":
    from bench.__main__ import line

    for figure in main():
        print(f"startup: {line(figure)}")
