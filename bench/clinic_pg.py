"""The clinic database on PostgreSQL: ``db copy``, then 20 desks saving and polling at once.

A throwaway server (the tests' :class:`tests.pgserver.PostgresServer`, but with ``fsync`` and
synchronous commits on, as a clinic server runs) on 127.0.0.1 over TCP. Figures:

- ``untwist db copy`` of the clinic database (5,000 athletes, 1.2 M results) to the server;
- 20 desk processes (:mod:`bench._desk`) started together, each doing SAVES rounds of: poll,
  save a 12-measure session, add one to a counter every desk shares (optimistic locking, a
  conflict is reloaded and retried); p95 save latency, and no lost update (the counter equals
  the increments the desks made; every session is there);
- the poll's cost on the server: the server processes' CPU time over POLLS polls, per poll,
  scaled to 20 desks polling every 10 s (README), as a share of one core.

On this 2-core machine the 20 desks' Python competes with the server for the same cores; a
clinic's desks run on their own machines, so the save latency here is pessimistic.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench import Figure, child_env
from bench.clinicdb import clinic_db

DESKS = 20
SAVES = 15
PAUSE_S = 1.0
POLLS = 200
POLL_INTERVAL_S = 10.0


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def _cpu_seconds(pids: list[int]) -> float:
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def main() -> list[Figure]:
    from tests.pgserver import PostgresServer, find_bin_dir

    bin_dir = find_bin_dir()
    if bin_dir is None:
        return [("PostgreSQL: no server binaries on this machine, skipped", 0.0, "-")]
    clinic = clinic_db()
    server = PostgresServer(bin_dir, tcp=True)
    original = server._run

    def durable(*args: str) -> None:  # the tests' server without fsync=off
        if args[0] == "pg_ctl" and "-o" in args:
            index = args.index("-o") + 1
            options = args[index].replace("-c fsync=off -c synchronous_commit=off "
                                          "-c full_page_writes=off ", "")  # fmt: skip
            args = (*args[:index], options, *args[index + 1 :])
        original(*args)

    server._run = durable  # type: ignore[method-assign]
    server.start()
    figures: list[Figure] = []
    try:
        name = server.create_database()
        url = server.url(name)
        began = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "app", "db", "copy", "--from", str(clinic.path), "--to", url],
            env=child_env(), check=True, capture_output=True, text=True, timeout=1800,
        )  # fmt: skip
        figures.append(("`untwist db copy` of the clinic database to PostgreSQL",
                        time.perf_counter() - began, "s"))  # fmt: skip
        figures += _poll_cost(server, url)
        figures += _desks(url, clinic.athletes)
    finally:
        server.stop()
    return figures


def _poll_cost(server, url: str) -> list[Figure]:  # type: ignore[no-untyped-def]
    from app.models.db import open_database
    from app.services.freshness import change_token

    db = open_database(url, create=False)
    try:
        change_token(db)
        pids = server.processes()
        idle_before = _cpu_seconds(pids)
        time.sleep(2.0)
        idle = (_cpu_seconds(pids) - idle_before) / 2.0  # server CPU per second when idle
        before = _cpu_seconds(server.processes())
        began = time.perf_counter()
        times = []
        for _ in range(POLLS):
            t = time.perf_counter()
            change_token(db)
            times.append(time.perf_counter() - t)
        wall = time.perf_counter() - began
        used = _cpu_seconds(server.processes()) - before - idle * wall
    finally:
        db.dispose()
    per_poll = max(used, 0.0) / POLLS
    share = per_poll * DESKS / POLL_INTERVAL_S * 100
    return [
        (f"poll on PostgreSQL: client round trip median {statistics.median(times) * 1000:.1f} ms,"
         " server CPU per poll", per_poll * 1000, "ms"),
        (f"poll cost on the server, {DESKS} desks every {POLL_INTERVAL_S:.0f} s, "
         "share of one core", share, "%", 1.0),
    ]  # fmt: skip


def _desks(url: str, athletes: int) -> list[Figure]:
    import sqlalchemy

    engine = sqlalchemy.create_engine(url)
    with engine.begin() as conn:
        sessions_before = conn.exec_driver_sql("SELECT count(*) FROM assessments").scalar_one()
        shared = 1
        conn.exec_driver_sql("UPDATE athletes SET notes = '0' WHERE id = 1")
    start = time.time() + 25.0  # every desk has imported and connected by then
    desks = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bench._desk",
                url,
                str(n),
                str(start),
                str(SAVES),
                str(PAUSE_S),
                str(shared),
                str(athletes),
            ],
            env=child_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(DESKS)
    ]
    results = []
    for desk in desks:
        out, err = desk.communicate(timeout=900)
        if desk.returncode:
            raise RuntimeError(f"a desk failed: {err.strip().splitlines()[-1:]}")
        results.append(json.loads(out.strip().splitlines()[-1]))
    saves = [s for r in results for s in r["saves"]]
    polls = [p for r in results for p in r["polls"]]
    increments = sum(r["increments"] for r in results)
    conflicts = sum(r["conflicts"] for r in results)
    with engine.begin() as conn:
        counter = int(conn.exec_driver_sql("SELECT notes FROM athletes WHERE id = 1").scalar_one())
        sessions = conn.exec_driver_sql("SELECT count(*) FROM assessments").scalar_one()
    engine.dispose()
    lost = (increments - counter) + (sessions_before + DESKS * SAVES - sessions)
    return [
        (f"{DESKS} desks at once: save a session, median {statistics.median(saves) * 1000:.1f} ms,"
         f" p95 (of {len(saves)})", _p95(saves) * 1000, "ms", 50.0),
        (f"{DESKS} desks at once: poll, median {statistics.median(polls) * 1000:.1f} ms, p95",
         _p95(polls) * 1000, "ms"),
        (f"lost updates (shared counter {counter} for {increments} increments, "
         f"{conflicts} conflicts reloaded; sessions {sessions - sessions_before} of "
         f"{DESKS * SAVES})", float(lost), "", 0.0),
    ]  # fmt: skip


if __name__ == "__main__":
    from bench.__main__ import line

    for figure in main():
        print(f"clinic_pg: {line(figure)}", flush=True)
