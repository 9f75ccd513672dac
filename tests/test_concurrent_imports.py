"""Two imports of one file started together, in two processes, on one SQLite file: the
second adds nothing (the driver used to start the transaction only at the first INSERT, so
both read "nothing here yet" and both wrote everything: every athlete twice)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.cli import ROOT, untwist

KEYS = ("hip_ir_deg", "hip_er_deg", "thoracic_rot_deg", "side_plank_s", "calf_raise_reps")


def both_at_once(*args: object) -> list[subprocess.CompletedProcess[str]]:
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "app", *map(str, args)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    done = []
    for run in runs:
        out, err = run.communicate(timeout=300)
        done.append(subprocess.CompletedProcess(run.args, run.returncode, out, err))
    return done


def counts(path: Path) -> tuple[int, int, int]:
    with sqlite3.connect(path) as conn:
        athletes = conn.execute("SELECT COUNT(*) FROM athletes").fetchone()[0]
        names = conn.execute("SELECT COUNT(DISTINCT name) FROM athletes").fetchone()[0]
        rows = conn.execute("SELECT COUNT(*) FROM measurements").fetchone()[0]
    return athletes, names, rows


def test_the_same_csv_imported_twice_at_once_is_stored_once(tmp_path):
    data = tmp_path / "big.csv"
    with data.open("w") as f:
        f.write("athlete,date,measurement,left,right,notes\n")
        for a in range(10):
            for week in range(100):
                day = dt.date(2000, 1, 3) + dt.timedelta(days=7 * week)
                for key in KEYS:
                    f.write(f"Athlete {a},{day.isoformat()},{key},30,31,\n")
    db = tmp_path / "clinic.sqlite"
    assert untwist("demo", "--db", db).returncode == 0
    before = counts(db)
    first, second = both_at_once("import", data, "--db", db)
    for run in (first, second):
        assert run.returncode == 0, run.stderr
    athletes, names, rows = counts(db)
    assert athletes == names == before[0] + 10
    assert rows == before[2] + 10 * 100 * len(KEYS)
    assert sorted([first.stdout.split()[1], second.stdout.split()[1]]) == ["0", "5000"]


def test_the_same_json_imported_twice_at_once_into_a_new_file(tmp_path):
    demo = tmp_path / "demo.sqlite"
    assert untwist("demo", "--db", demo).returncode == 0
    export = tmp_path / "all.json"
    assert untwist("export", "--db", demo, "--format", "json", "-o", export).returncode == 0
    target = tmp_path / "new.sqlite"
    runs = both_at_once("import", export, "--db", target)
    assert sorted(r.returncode for r in runs) in ([0, 0], [0, 1], [0, 2])
    for run in runs:
        assert "Traceback" not in run.stderr
        assert run.returncode == 0 or len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert counts(target) == counts(demo)
