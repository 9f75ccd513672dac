"""Saving one session of 12 measurements, as the session editor's Save button does.

The budget (Packaging and performance issue): ≤ 20 ms on the large database (50 athletes,
one with 500 sessions), where one SQLite transaction alone takes ≈ 1–5 ms. Measured as
``record_session()`` (validation, one ORM unit of work, commit with WAL and
``synchronous=NORMAL``, the saved record read back); the floor is the same rows written by
the standard library's ``sqlite3`` in one transaction on the same file and pragmas.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from bench import Figure
from bench.largedb import create_large_db

REPEATS = 41
TARGET_MS = 20.0


def _inputs(keys: tuple[str, ...], n: int):  # type: ignore[no-untyped-def]
    from app.domain.records import MeasurementInput
    from app.services.demo import LEFT_PATTERN

    inputs = []
    for key in keys:
        l0, r0, _, _ = LEFT_PATTERN.get(key, (1, 1, 1, 1))  # pass/fail keys: pass, pass
        inputs.append(MeasurementInput(key, (l0 + (n % 3 if l0 > 1 else 0),), (r0,)))
    return inputs


def raw_floor_ms(path: Path, athlete_id: int, keys: tuple[str, ...]) -> float:
    """One sqlite3 transaction: the session row and its 12 measurement rows."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    times = []
    for n in range(REPEATS):
        began = time.perf_counter()
        conn.execute("BEGIN")
        cursor = conn.execute(
            "INSERT INTO assessments (athlete_id, date, version, created_at)"
            " VALUES (?, ?, 1, CURRENT_TIMESTAMP)",
            (athlete_id, (dt.date(2020, 1, 1) + dt.timedelta(days=n)).isoformat()),
        )
        conn.executemany(
            "INSERT INTO measurements (assessment_id, key, left_1, right_1, left, right)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(cursor.lastrowid, key, 30.0, 32.0, 30.0, 32.0) for key in keys],
        )
        conn.execute("COMMIT")
        times.append(time.perf_counter() - began)
    conn.close()
    return statistics.median(times) * 1000


def main() -> list[Figure]:
    from app.domain.catalog import BUILTIN_KEYS
    from app.services.catalog import load_catalog
    from app.services.sessions import record_session

    folder = Path(tempfile.mkdtemp(prefix="untwist-bench-save-"))
    try:
        large = create_large_db(folder / "large.sqlite")
        catalog = load_catalog(large.db)
        keys = BUILTIN_KEYS[:12]
        athlete = large.big_athlete_id
        start = dt.date.today() - dt.timedelta(days=REPEATS + 2)  # dates after today are refused
        record_session(large.db, catalog, athlete, start, _inputs(keys, 0))  # warm-up
        times = []
        for n in range(REPEATS):
            inputs = _inputs(keys, n)
            began = time.perf_counter()
            saved = record_session(
                large.db, catalog, athlete, start + dt.timedelta(days=n + 1), inputs
            )
            times.append(time.perf_counter() - began)
            assert len(saved.measurements) == len(keys)
        large.db.dispose()
        floor = raw_floor_ms(large.path, athlete, keys)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return [
        (
            f"save one {len(keys)}-measure session on the large database, median of {REPEATS}",
            statistics.median(times) * 1000,
            "ms",
            TARGET_MS,
        ),
        ("same, slowest", max(times) * 1000, "ms"),
        ("floor: the same rows in one raw sqlite3 transaction", floor, "ms"),
    ]


if __name__ == "__main__":
    from bench.__main__ import line

    for figure in main():
        print(f"save_session: {line(figure)}")
