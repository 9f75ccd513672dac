"""Crash test: a process saving sessions in a loop is killed with SIGKILL, again and again.

Afterwards the file passes ``PRAGMA integrity_check``, every session whose save returned is
there, and every session is whole (all its measurements or none of it).

Starting Python with SQLAlchemy takes about half a second, so a small "zygote" process imports
everything once and forks a fresh saver for each round; the saver opens the database itself
(as the app does), loops on ``record_session`` and prints each returned id. The test kills the
saver after a random number of saves — it is then somewhere inside the next save, or still
opening the database — reads what it printed before dying, and starts the next one.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.domain.records import AthleteData
from app.models.db import open_database
from app.services.athletes import create_athlete

KILLS = 60
MEASUREMENTS = ("hip_ir_deg", "hip_er_deg", "ankle_df_lunge_cm", "side_plank_s")

ZYGOTE = """
import datetime as dt, os, sys
from app.domain.records import MeasurementInput
from app.models.db import open_database
from app.services.catalog import load_catalog
from app.services.sessions import record_session

path, athlete_id, keys = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(",")
print("ready", flush=True)
for _ in sys.stdin:
    pid = os.fork()
    if pid == 0:
        try:
            db = open_database(path, create=False)
            catalog = load_catalog(db)
            n = 0
            while True:
                n += 1
                values = [MeasurementInput(k, (5 + n % 15,), (6 + n % 14,)) for k in keys]
                record = record_session(db, catalog, athlete_id, dt.date(2026, 1, 1), values)
                os.write(1, f"{record.id}\\n".encode())
        finally:
            os._exit(1)  # never fall back into the zygote's loop
    print(f"pid {pid}", flush=True)
    os.waitpid(pid, 0)
    print("dead", flush=True)
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the zygote needs fork() (POSIX)")
def test_sigkill_while_saving_loses_nothing_that_was_saved(tmp_path):
    path = tmp_path / "crash.sqlite"
    db = open_database(str(path), create=True)
    athlete = create_athlete(db, AthleteData(name="Crash Test"))
    db.dispose()

    zygote = subprocess.Popen(
        [sys.executable, "-c", ZYGOTE, str(path), str(athlete.id), ",".join(MEASUREMENTS)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
        cwd=Path(__file__).resolve().parents[1],
    )
    watchdog = threading.Timer(90, zygote.kill)  # a hang fails the test instead of blocking CI
    watchdog.start()
    rng = random.Random(20261125)
    saved: set[int] = set()
    kills = 0
    try:
        assert zygote.stdin is not None and zygote.stdout is not None
        assert zygote.stdout.readline().strip() == "ready"
        for _ in range(KILLS):
            zygote.stdin.write("go\n")
            zygote.stdin.flush()
            wanted = rng.randint(0, 6)  # 0: killed while opening the database
            pid, seen = None, 0
            while pid is None or seen < wanted:
                line = zygote.stdout.readline()
                assert line, "the saver stopped unexpectedly"
                if line.startswith("pid "):
                    pid = int(line.split()[1])
                else:
                    saved.add(int(line))
                    seen += 1
            os.kill(pid, signal.SIGKILL)
            kills += 1
            for line in zygote.stdout:  # what it printed before it died, then "dead"
                if line.strip() == "dead":
                    break
                saved.add(int(line))
    finally:
        watchdog.cancel()
        if zygote.stdin:
            zygote.stdin.close()
        zygote.wait(timeout=30)

    assert kills == KILLS >= 50
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        present = {r[0] for r in conn.execute("SELECT id FROM assessments")}
        counts = dict(
            conn.execute("SELECT assessment_id, COUNT(*) FROM measurements GROUP BY assessment_id")
        )
    finally:
        conn.close()
    assert saved, "no save ever returned"
    assert saved <= present, f"lost {len(saved - present)} saved sessions"
    assert all(counts.get(i) == len(MEASUREMENTS) for i in present), "a session is half-saved"
    print(f"\n{kills} SIGKILLs, {len(saved)} saves returned, {len(present)} sessions in the file")
