"""A large database for benchmarks: many athletes, one of them with a long history.

Written with SQLAlchemy Core bulk inserts (one ``executemany`` per table), so 50 athletes with
thousands of sessions are ready in about a second; the ORM path would take minutes. Values follow
the demo's left pattern with noise, so flags and charts look like real data.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert

from app.domain.catalog import BUILTIN_KEYS, Catalog
from app.models import Assessment, Athlete, Measurement, Program
from app.models.db import Database, open_database
from app.services.demo import LEFT_PATTERN


@dataclass(frozen=True)
class LargeDb:
    db: Database
    path: Path
    big_athlete_id: int  # the athlete with the long history
    athlete_ids: tuple[int, ...]
    sessions: int  # sessions of the big athlete


def _value(catalog: Catalog, key: str, side: int, t: float, rng: random.Random) -> float:
    definition = catalog[key]
    if definition.is_passfail:
        return 1.0 if side == 1 or t > 0.5 else 0.0
    l0, r0, l1, r1 = LEFT_PATTERN[key]
    start, end = (l0, l1) if side == 0 else (r0, r1)
    value = start + (end - start) * t + rng.gauss(0, 0.8)
    assert definition.min is not None and definition.max is not None
    value = min(definition.max, max(definition.min, value))
    return float(round(value)) if definition.kind.value == "integer" else round(value, 1)


def create_large_db(
    path: Path,
    *,
    athletes: int = 50,
    big_sessions: int = 500,
    other_sessions: int = 20,
    keys: tuple[str, ...] = BUILTIN_KEYS,
    seed: int = 7,
) -> LargeDb:
    """Write a fresh database at ``path`` (replaced if it exists) and return it open.

    The first athlete has ``big_sessions`` weekly sessions with every key of ``keys``; the others
    have ``other_sessions`` each. Every athlete gets two programs (start dates for markers).
    """
    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(str(path), create=True)
    catalog = Catalog()
    rng = random.Random(seed)
    today = dt.date.today()
    athlete_rows = [
        {"id": i + 1, "name": f"Bench Athlete {i + 1:03d}", "dominant_side": "right", "version": 1}
        for i in range(athletes)
    ]
    session_rows: list[dict[str, object]] = []
    measurement_rows: list[dict[str, object]] = []
    program_rows: list[dict[str, object]] = []
    session_id = 0
    for athlete in athlete_rows:
        count = big_sessions if athlete["id"] == 1 else other_sessions
        first = today - dt.timedelta(days=7 * (count - 1))
        for n in range(count):
            session_id += 1
            session_rows.append(
                {
                    "id": session_id,
                    "athlete_id": athlete["id"],
                    "date": first + dt.timedelta(days=7 * n),
                    "version": 1,
                }
            )
            t = n / max(1, count - 1)
            for key in keys:
                left = _value(catalog, key, 0, t, rng)
                right = _value(catalog, key, 1, t, rng)
                if key == "single_hop_cm" and n % 37 == 5:
                    right = None  # a missing side now and then
                measurement_rows.append(
                    {
                        "assessment_id": session_id,
                        "key": key,
                        "left_1": left,
                        "right_1": right,
                        "left": left,
                        "right": right,
                    }
                )
        for weeks in (count // 3, 2 * count // 3):
            program_rows.append(
                {
                    "athlete_id": athlete["id"],
                    "start_date": first + dt.timedelta(days=7 * weeks),
                    "weeks": 4,
                    "version": 1,
                }
            )
    with db.engine.begin() as connection:
        connection.execute(insert(Athlete), athlete_rows)
        connection.execute(insert(Assessment), session_rows)
        connection.execute(insert(Measurement), measurement_rows)
        connection.execute(insert(Program), program_rows)
    return LargeDb(
        db=db,
        path=path,
        big_athlete_id=1,
        athlete_ids=tuple(int(a["id"]) for a in athlete_rows),  # type: ignore[call-overload]
        sessions=big_sessions,
    )
