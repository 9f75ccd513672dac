"""Every interaction on the clinic-scale database (issue 21), median and p95, beside floors.

The database is :mod:`bench.clinicdb` (5,000 athletes, 100,000 sessions, 1.2 M results),
cached between runs. Figures:

- cold start (``untwist --db CLINIC --screenshot``) against the bare-window floor of
  :mod:`bench.startup`, interleaved runs;
- the window's interactions, in a fresh process (:mod:`bench._clinic_window`): a search
  keystroke, switching to a typical athlete (20 sessions) and to the 500-session one on each
  tab, opening Trends, saving a session, the freshness poll; peak RSS with Trends drawn; then
  the same with one CPU-bound process running beside it (a clinic PC runs other software);
- bulk work as the window runs it (background operation with progress and cancel): CSV and
  JSON export of everything and a backup, with the event loop's longest stall while each ran;
- restore (``integrity_check`` included), ``quick_check``, ``integrity_check``;
- the first and later handout PDFs;
- the read-only commands ``summary`` and ``report`` against the same on a one-athlete file.

Every figure is a median (with the p95 beside it) of repeated runs; the machine is shared, so
``uptime`` is printed with the run.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import Figure, child_env
from bench.clinicdb import ClinicDb, clinic_copy, clinic_db
from bench.startup import timed as timed_start
from bench.startup import untwist_command

REPEATS = 15
START_RUNS = 7
TARGET_MS = 100.0


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def ms_pair(values: list[float]) -> tuple[float, float]:
    return statistics.median(values) * 1000, p95(values) * 1000


def uptime() -> str:
    return Path("/proc/loadavg").read_text().split(" ", 3)[:3].__str__()


def _window(db: ClinicDb, bulk: bool, repeats: int = REPEATS) -> dict[str, object]:
    command = [
        sys.executable, "-m", "bench._clinic_window", str(db.path), str(repeats),
        str(db.big_athlete_id), str(db.typical_athlete_id),
    ]  # fmt: skip
    if bulk:
        command.append("--bulk")
    done = subprocess.run(
        command, env=child_env(), check=True, capture_output=True, text=True, timeout=1800
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _interaction_figures(result: dict[str, object], suffix: str) -> list[Figure]:
    names = {
        "search_keystroke": "search keystroke → filtered list",
        "switch_typical_sessions": "switch to a typical athlete (20 sessions), Sessions tab",
        "switch_big_sessions": "switch to the 500-session athlete, Sessions tab",
        "switch_typical_trends": "switch to a typical athlete, Trends tab (12 charts)",
        "switch_big_trends": "switch to the 500-session athlete, Trends tab",
        "open_trends_typical": "open Trends (tab switch after a new athlete)",
        "save_session": "save a 12-measure session (+ the history's reload)",
        "poll": "freshness poll (one query)",
    }
    figures: list[Figure] = []
    for key, label in names.items():
        values = result[key]
        assert isinstance(values, list)
        median, high = ms_pair(values)
        figures.append((f"{label}{suffix}: median {median:.1f} ms, p95", high, "ms", TARGET_MS))
    return figures


def _cli_seconds(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=child_env(), check=True, capture_output=True, timeout=120)
    return time.perf_counter() - started


def _one_athlete_db(folder: Path) -> Path:
    from app.models.db import open_database
    from app.services.catalog import load_catalog
    from app.services.demo import create_demo

    path = folder / "one.sqlite"
    db = open_database(str(path), create=True)
    create_demo(db, load_catalog(db))
    db.dispose()
    return path


def _cli_figures(clinic: ClinicDb, folder: Path) -> list[Figure]:
    one = _one_athlete_db(folder)
    untwist = untwist_command()
    commands = {
        "summary": lambda db, who: [*untwist, "summary", "--db", str(db), "--athlete", who],
        "report": lambda db, who: [
            *untwist, "report", "--db", str(db), "--athlete", who, "--program", "suggested",
            "-o", str(folder / f"r-{time.time()}.pdf"),
        ],
    }  # fmt: skip
    figures: list[Figure] = []
    for name, make in commands.items():
        small, large = [], []
        for run in range(START_RUNS + 1):
            a = _cli_seconds(make(one, "Ava Lindqvist"))
            b = _cli_seconds(make(clinic.path, clinic.typical_name))
            if run:  # the first fills the bytecode and file caches
                small.append(a)
                large.append(b)
        ratio = statistics.median(large) / statistics.median(small)
        figures.append(
            (
                f"`untwist {name}` on the clinic database vs a one-athlete file "
                f"({statistics.median(large):.2f} s vs {statistics.median(small):.2f} s)",
                ratio,
                "×",
                1.3,
            )
        )
    return figures


def _start_figures(clinic: ClinicDb, folder: Path) -> list[Figure]:
    from bench.startup import make_databases

    demo, _large = make_databases(folder)
    out = folder / "shot.png"
    commands = {
        "floor": [sys.executable, "-m", "bench._floor_window", str(out)],
        "demo": [*untwist_command(), "--db", str(demo), "--screenshot", str(out)],
        "clinic": [*untwist_command(), "--db", str(clinic.path), "--screenshot", str(out)],
    }
    for command in commands.values():
        timed_start(command, out)
    painted: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(START_RUNS):
        for name, command in commands.items():
            painted[name].append(timed_start(command, out)[0])
    floor = statistics.median(painted["floor"])
    figures: list[Figure] = []
    for name in ("demo", "clinic"):
        median = statistics.median(painted[name])
        figures.append(
            (
                f"cold start, {name} database ({median:.2f} s vs floor {floor:.2f} s, "
                f"p95 {p95(painted[name]):.2f} s)",
                median / floor,
                "×",
                1.3,
            )
        )
    return figures


def _file_figures(clinic: ClinicDb, folder: Path) -> list[Figure]:
    import sqlite3

    from app.services import backups

    quick, full, backup, restore = [], [], [], []
    for n in range(5):
        conn = sqlite3.connect(f"file:{clinic.path}?mode=ro", uri=True)
        started = time.perf_counter()
        conn.execute("PRAGMA quick_check").fetchone()
        quick.append(time.perf_counter() - started)
        conn.close()
        started = time.perf_counter()
        copy = backups.backup_to_file(str(clinic.path), folder / f"backup-{n}.sqlite")
        backup.append(time.perf_counter() - started)
        target = folder / "restored.sqlite"  # a database in use is replaced (safety copy)
        if not target.exists():
            shutil.copyfile(clinic.path, target)
        started = time.perf_counter()
        backups.restore(str(target), copy)
        restore.append(time.perf_counter() - started)
        for path in folder.glob("restored-replaced*"):
            path.unlink()
        shutil.rmtree(folder / "backups", ignore_errors=True)
        copy.unlink()
    conn = sqlite3.connect(f"file:{clinic.path}?mode=ro", uri=True)
    started = time.perf_counter()
    conn.execute("PRAGMA integrity_check").fetchone()
    full.append(time.perf_counter() - started)
    conn.close()
    size = clinic.path.stat().st_size / 1e6
    return [
        (f"`untwist backup` (quick_check + copy) of the {size:.0f} MB file, "
         f"p95 {p95(backup):.2f} s, median", statistics.median(backup), "s", 5.0),
        (f"restore (integrity_check + safety handling + copy), p95 {p95(restore):.2f} s, median",
         statistics.median(restore), "s", 5.0),
        (f"PRAGMA quick_check (warm cache), p95 {p95(quick):.2f} s, median",
         statistics.median(quick), "s"),
        ("PRAGMA integrity_check (warm cache)", full[0], "s"),
    ]  # fmt: skip


def _pdf_figures(clinic: ClinicDb) -> list[Figure]:
    code = (
        "import json, sys, tempfile, time\n"
        "from pathlib import Path\n"
        "from app.models.db import open_database\n"
        "from app.services.catalog import load_catalog\n"
        "from app.services.programs import write_handout\n"
        "from app.services.settings import get_settings\n"
        "db = open_database(sys.argv[1], create=False, check_pages=False)\n"
        "catalog, settings = load_catalog(db), get_settings(db)\n"
        "folder = Path(tempfile.mkdtemp())\n"
        "times = []\n"
        "for n in range(int(sys.argv[3])):\n"
        "    t = time.perf_counter()\n"
        "    write_handout(db, catalog, settings, int(sys.argv[2]), folder / f'{n}.pdf',"
        " 'suggested')\n"
        "    times.append(time.perf_counter() - t)\n"
        "print(json.dumps(times))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(clinic.path), str(clinic.typical_athlete_id), "11"],
        env=child_env(), check=True, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    times = json.loads(done.stdout.strip().splitlines()[-1])
    later = times[1:]
    return [
        ("first handout PDF in a process (suggested program, charts, drills)",
         times[0] * 1000, "ms", 150.0),
        (f"later handout PDFs: median {statistics.median(later) * 1000:.0f} ms, p95",
         p95(later) * 1000, "ms", 100.0),
    ]  # fmt: skip


def _window_figures(clinic: ClinicDb, folder: Path) -> list[Figure]:
    copy = clinic_copy(folder)
    result = _window(copy, bulk=True)
    copy.path.unlink()
    figures = _interaction_figures(result, "")
    figures.append(("open the window on the clinic database (in process, to the history)",
                    float(result["open_window"]) * 1000, "ms"))  # type: ignore[arg-type]  # fmt: skip
    figures.append(("first Trends page build (12 charts created, pyqtgraph imported)",
                    float(result["trends_first"]) * 1000, "ms"))  # type: ignore[arg-type]  # fmt: skip
    figures.append(("peak RSS with the clinic database open and Trends drawn",
                    float(result["rss_trends_mb"]), "MB", 250.0))  # type: ignore[arg-type]  # fmt: skip
    figures.append(("peak RSS at the end (after the exports)",
                    float(result["rss_end_mb"]), "MB"))  # type: ignore[arg-type]  # fmt: skip
    for name, label, target in (
        ("export_csv", "CSV export of all results (window, background)", 10.0),
        ("export_json", "JSON export of everything (window, background)", 20.0),
        ("backup_now", "File → Backup now (quick_check + copy, background)", 5.0),
    ):
        values = result[name]
        stalls = result[f"{name}_stall"]
        steps = result[f"{name}_progress_steps"]
        assert isinstance(values, list) and isinstance(stalls, list) and isinstance(steps, list)
        figures.append((f"{label}: {min(steps)} progress reports, p95 {p95(values):.1f} s, "
                        "median", statistics.median(values), "s", target))  # fmt: skip
        figures.append(("  longest event-loop stall while it ran", max(stalls) * 1000,
                        "ms", 100.0))  # fmt: skip
    return figures


def _loaded_figures(clinic: ClinicDb, folder: Path) -> list[Figure]:
    """The interactions again with one CPU-bound process beside the window."""
    copy = clinic_copy(folder)
    hog = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        loaded = _window(copy, bulk=False)
    finally:
        hog.kill()
        hog.wait()
        copy.path.unlink()
    return _interaction_figures(loaded, " [+1 CPU-bound process]")


def main() -> list[Figure]:
    clinic = clinic_db()
    figures: list[Figure] = [
        (f"clinic database: {clinic.athletes} athletes, {clinic.sessions} sessions, "
         f"{clinic.results} results, {clinic.path.stat().st_size / 1e6:.0f} MB; "
         f"load average at start {uptime()}", 0.0, "-"),
    ]  # fmt: skip
    folder = Path(tempfile.mkdtemp(prefix="untwist-bench-clinic-"))
    sections = (_start_figures, _window_figures, _file_figures, _cli_figures, _loaded_figures)
    try:
        for section in (*sections, lambda c, _f: _pdf_figures(c)):
            try:
                for figure in section(clinic, folder):
                    print(f"clinic: {_line(figure)}", file=sys.stderr, flush=True)  # as they come
                    figures.append(figure)
            except Exception as exc:  # one failing section must not lose the others' figures
                figures.append((f"FAILED {getattr(section, '__name__', 'pdf')}: {exc}", 0.0, "-"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    figures.append((f"load average at the end {uptime()}", 0.0, "-"))
    return figures


def _line(figure: Figure) -> str:
    from bench.__main__ import line

    return line(figure)


if __name__ == "__main__":
    from bench.__main__ import line

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for figure in main():
        print(f"clinic: {line(figure)}", flush=True)
