"""Benchmark: import a generated 100k-row measurements CSV into a fresh database.

Target ≤ 1.0 s for the import (issue 21; 1.5 s before); csv parsing plus a raw
``executemany`` of the same rows, the floor for any importer, is printed beside it.
Run: ``uv run python -m bench.csv_import``.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from app.domain.catalog import BUILTIN_KEYS, Catalog
from app.models.db import open_database
from app.services.catalog import load_catalog
from app.services.csv_import import COLUMNS, import_csv
from bench import Figure

ROWS = 100_000
TARGET_S = 1.0  # issue 21 (it was 1.5 s before)
KEYS = BUILTIN_KEYS[:10]  # ten measurements per session


def write_csv(path: Path, catalog: Catalog, rows: int = ROWS, seed: int = 7) -> None:
    """``rows`` rows: athletes × dates × ten measurements, values inside each valid range."""
    rng = random.Random(seed)
    per_athlete = 100  # ten sessions of ten measurements
    start = dt.date(2024, 1, 1)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for n in range(rows):
            athlete, rest = divmod(n, per_athlete)
            session, k = divmod(rest, len(KEYS))
            d = catalog[KEYS[k]]
            assert d.min is not None and d.max is not None
            values = []
            for _ in range(2):
                v = rng.uniform(d.min, d.max)
                values.append(str(round(v)) if d.kind.value == "integer" else f"{v:.1f}")
            writer.writerow(
                (
                    f"Athlete {athlete:05d}",
                    (start + dt.timedelta(days=7 * session)).isoformat(),
                    d.key,
                    *values,
                    "bench" if k == 0 else "",
                    "",
                    "",
                )
            )


def raw_floor(path: Path, folder: Path) -> float:
    """csv parsing plus one raw sqlite3 ``executemany``: what no importer can beat."""
    conn = sqlite3.connect(folder / "raw.sqlite")
    conn.execute("CREATE TABLE m (a TEXT, d TEXT, k TEXT, l REAL, r REAL, n TEXT)")
    begin = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        rows = [(r[0], r[1], r[2], float(r[3]), float(r[4]), r[5]) for r in reader]
    conn.executemany("INSERT INTO m VALUES (?, ?, ?, ?, ?, ?)", rows)
    conn.commit()
    elapsed = time.perf_counter() - begin
    conn.close()
    return elapsed


def main() -> list[Figure]:
    """Figures as ``(label, value, unit)``, the shape ``python -m bench`` prints."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(str(folder / "bench.sqlite"), create=True)
        catalog = load_catalog(db)
        path = folder / "measurements.csv"
        write_csv(path, catalog)
        floor = raw_floor(path, folder)
        begin = time.perf_counter()
        result = import_csv(db, catalog, path)
        elapsed = time.perf_counter() - begin
        assert result.measurements == ROWS, result
        begin = time.perf_counter()
        again = import_csv(db, catalog, path)
        repeat = time.perf_counter() - begin
        assert again.measurements == 0 and again.unchanged == ROWS, again
        db.dispose()
    target = TARGET_S * 1000
    return [
        (
            f"{ROWS // 1000}k-row CSV import into an empty database, validated",
            elapsed * 1000,
            "ms",
            target,
        ),
        (
            f"re-import of the same {ROWS // 1000}k rows, adds nothing",
            repeat * 1000,
            "ms",
            target,
        ),
        ("floor: csv parsing + one raw sqlite3 executemany", floor * 1000, "ms"),
    ]


if __name__ == "__main__":
    from bench.__main__ import line

    for figure in main():
        print(f"csv_import: {line(figure)}")
