"""A clinic-scale database: ten years of a busy clinic, cached between runs.

5,000 athletes, 100,000 sessions, 1.2 million measurement results (issue 21), with realistic
names (some shared, some accented), birth dates, sports, dominant and involved sides, weekly to
monthly sessions over ten years, three trials per side on a part of the rows, pain scores now
and then, one to three programs per athlete with their drills, and ticks on some of them.
Athlete 1 has the long history (500 sessions); a "typical" athlete has about 20.

Written with SQLAlchemy Core bulk inserts (one ``executemany`` per chunk): about half a minute
on this machine, against hours through the ORM. The finished file is kept in the user's cache
folder under a name that carries :data:`GENERATOR_VERSION`, the schema head
(:data:`app.models.schema.HEAD`) and a digest of the models' tables, so the next run (and every
benchmark of the run) copies it instead of building it again, and a new revision (or a model
changed before its revision is written) builds a new file instead of handing the benchmarks one
the app refuses to open. Files under an older key are deleted when the new one is built (each
is 200 MB). Change :data:`GENERATOR_VERSION` whenever the data it writes changes.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

GENERATOR_VERSION = 4
ATHLETES = 5_000
SESSIONS = 100_000
BIG_SESSIONS = 500
TODAY = dt.date(2026, 11, 30)  # fixed, so the cached file and its figures do not drift
YEARS = 10

FIRST = [
    "Anna",
    "Ben",
    "Carla",
    "David",
    "Emma",
    "Felix",
    "Greta",
    "Hugo",
    "Ida",
    "Jonas",
    "Klara",
    "Leon",
    "Mia",
    "Noah",
    "Olivia",
    "Paul",
    "Quinn",
    "Rosa",
    "Samuel",
    "Tara",
    "Umar",
    "Vera",
    "William",
    "Xenia",
    "Yusuf",
    "Zoë",
    "José",
    "Chloé",
    "Łukasz",
    "Søren",
    "Inès",
    "Mateo",
    "Sofía",
    "Aiko",
    "Kenji",
    "Priya",
    "Ravi",
    "Fatima",
    "Omar",
    "Lena",
    "Jan",
    "Eva",
    "Tom",
    "Lucy",
    "Ali",
    "Nina",
    "Marco",
    "Elena",
    "Björn",
    "Agnieszka",
    "Siobhán",
    "Dmitri",
    "Amara",
    "Kwame",
    "Mei",
    "Wei",
    "Hana",
    "Ivan",
    "Maja",
    "Luca",
]
LAST = [
    "Smith",
    "Müller",
    "Garcia",
    "Okafor",
    "Nguyen",
    "Rossi",
    "Kowalski",
    "Jensen",
    "Dubois",
    "Silva",
    "Novak",
    "Kim",
    "Tanaka",
    "Andersson",
    "Popescu",
    "O'Brien",
    "Fernández",
    "Schmidt",
    "Costa",
    "Yilmaz",
    "Ivanova",
    "Brown",
    "Wilson",
    "Taylor",
    "Martin",
    "Bernard",
    "Lefèvre",
    "Moreau",
    "Fischer",
    "Weber",
    "Wagner",
    "Becker",
    "Hoffmann",
    "Schulz",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hofmann",
    "Hartmann",
    "Lange",
    "Schmitt",
    "Werner",
    "Krause",
    "Meier",
    "Lehmann",
    "Huber",
    "Mayer",
    "Herrmann",
    "König",
    "Walter",
    "Peters",
    "Nowak",
    "Lewandowski",
    "Wójcik",
    "Kamiński",
    "Horvat",
    "Kovač",
    "Petrović",
    "Jovanović",
    "Papadopoulos",
    "Georgiou",
    "Haddad",
    "Mensah",
    "Adeyemi",
    "Chen",
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Singh",
    "Patel",
    "Sharma",
    "Khan",
    "Ahmed",
]
SPORTS = (
    "running",
    "football",
    "tennis",
    "basketball",
    "cycling",
    "swimming",
    "climbing",
    "dance",
    "rowing",
    "handball",
    "volleyball",
    None,
    None,
)
DRILLS = (
    "left-sucker-punch-rockback",
    "90-90-left-hip-shift",
    "alternating-chest-press",
    "split-squat-rotation",
    "staggered-stance-hinge",
)

DOSAGE = json.dumps({"sets": "3", "amount": "8", "unit": "reps", "each_side": True, "per_week": 5})


@dataclass(frozen=True)
class ClinicDb:
    """The cached clinic database and the athletes the benchmarks use."""

    path: Path
    big_athlete_id: int  # 500 sessions
    typical_athlete_id: int  # 20 sessions
    typical_name: str
    athletes: int
    sessions: int
    results: int


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "untwist-bench"


def schema_digest() -> str:
    """Eight hex digits over the models' tables as SQLite would create them.

    The head revision alone misses a model changed on a branch before its revision is written
    (and two branches that each add a revision with the same number); the DDL does not.
    """
    import hashlib

    from sqlalchemy.dialects import sqlite
    from sqlalchemy.schema import CreateIndex, CreateTable

    from app.models import Base

    dialect = sqlite.dialect()
    parts: list[str] = []
    for table in sorted(Base.metadata.tables.values(), key=lambda t: t.name):
        parts.append(str(CreateTable(table).compile(dialect=dialect)))
        for index in sorted(table.indexes, key=lambda i: i.name or ""):
            parts.append(str(CreateIndex(index).compile(dialect=dialect)))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:8]


def cache_key() -> str:
    """``clinic-v<generator>-<schema head>-<schema digest>``: what the cached file depends on."""
    from app.models.schema import HEAD

    return f"clinic-v{GENERATOR_VERSION}-{HEAD}-{schema_digest()}"


def cached_path() -> Path:
    return cache_folder() / f"{cache_key()}.sqlite"


def _remove_stale(keep: Path) -> None:
    """Delete cached clinic files under any other key (with their -wal/-shm companions)."""
    for old in keep.parent.glob("clinic-v*.sqlite*"):
        if not old.name.startswith(keep.name):
            old.unlink(missing_ok=True)


def clinic_db() -> ClinicDb:
    """The cached clinic database, built first if this generator version has none yet.

    Treat the file as read-only: a benchmark that writes works on :func:`clinic_copy`.
    """
    path = cached_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix="clinic-", dir=path.parent)) / "clinic.sqlite"
        build(building)
        building.replace(path)
        shutil.rmtree(building.parent, ignore_errors=True)
        _remove_stale(path)
    return describe(path)


def clinic_copy(folder: Path) -> ClinicDb:
    """A private copy of the clinic database in ``folder`` (for benchmarks that write)."""
    source = clinic_db()
    target = folder / "clinic.sqlite"
    shutil.copyfile(source.path, target)
    return describe(target)


def describe(path: Path) -> ClinicDb:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        athletes = conn.execute("SELECT count(*) FROM athletes").fetchone()[0]
        sessions = conn.execute("SELECT count(*) FROM assessments").fetchone()[0]
        results = conn.execute("SELECT count(*) FROM measurements").fetchone()[0]
        typical_id, name = conn.execute(
            "SELECT a.id, a.name FROM athletes a WHERE a.id > 1 AND "
            "(SELECT count(*) FROM assessments s WHERE s.athlete_id = a.id) = 20 "
            "AND (SELECT count(*) FROM athletes b WHERE lower(b.name) = lower(a.name)) = 1 "
            "ORDER BY a.id LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    return ClinicDb(path, 1, typical_id, name, athletes, sessions, results)


def _session_counts(rng: random.Random) -> list[int]:
    """Sessions per athlete: athlete 1 has 500, the rest share the remainder (mean ≈ 20)."""
    others = ATHLETES - 1
    counts = [max(1, min(60, round(rng.lognormvariate(2.8, 0.55)))) for _ in range(others)]
    # nudge to the exact total, a session at a time, on random athletes
    wanted = SESSIONS - BIG_SESSIONS
    while sum(counts) != wanted:
        i = rng.randrange(others)
        if sum(counts) < wanted and counts[i] < 60:
            counts[i] += 1
        elif sum(counts) > wanted and counts[i] > 1:
            counts[i] -= 1
    return [BIG_SESSIONS, *counts]


def build(path: Path) -> None:
    """Write the clinic database at ``path`` (a new file)."""
    from sqlalchemy import insert

    from app.domain.catalog import BUILTIN_KEYS, Catalog, ResultRule
    from app.models import (
        AdherenceEntry,
        Assessment,
        Athlete,
        Measurement,
        Program,
        ProgramItem,
    )
    from app.models.db import open_database
    from app.services.demo import LEFT_PATTERN

    rng = random.Random(2026)
    catalog = Catalog()
    db = open_database(str(path), create=True)
    counts = _session_counts(rng)
    athletes: list[dict[str, object]] = []
    sessions: list[tuple[int, int, dt.date, str | None]] = []
    for i, count in enumerate(counts, start=1):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name = f"{first} {last}" if rng.random() < 0.9 else f"{first} {rng.choice(LAST)}-{last}"
        involved = rng.choice(("left", "right")) if rng.random() < 0.3 else None
        athletes.append(
            {
                "id": i,
                "name": name,
                "birth_date": dt.date(rng.randint(1950, 2012), rng.randint(1, 12), 15),
                "sex": rng.choice(("female", "male")),
                "sport": rng.choice(SPORTS),
                "dominant_side": "right" if rng.random() < 0.85 else "left",
                "involved_side": involved,
                "injury_date": TODAY - dt.timedelta(days=rng.randint(30, 3000))
                if involved
                else None,
                "archived": rng.random() < 0.15,
                "version": 1,
            }
        )
        gap = 7 if i == 1 else rng.choice((7, 7, 14, 14, 21, 28))
        span = gap * (count - 1)
        latest_start = TODAY - dt.timedelta(days=span)
        earliest = TODAY - dt.timedelta(days=365 * YEARS)
        room = max(0, (latest_start - earliest).days)
        first_day = earliest + dt.timedelta(days=rng.randint(0, room)) if room else latest_start
        clinician = rng.choice(("A. Weber", "B. Okafor", "C. Rossi", "D. Kim", "E. Silva", None))
        for n in range(count):
            sessions.append(
                (len(sessions) + 1, i, first_day + dt.timedelta(days=gap * n), clinician)
            )
    results: list[dict[str, object]] = []
    session_of_athlete: dict[int, list[tuple[int, dt.date]]] = {}
    for session_id, athlete_id, day, _ in sessions:
        session_of_athlete.setdefault(athlete_id, []).append((session_id, day))
    keys = BUILTIN_KEYS
    for rows in session_of_athlete.values():
        offset = {key: rng.gauss(0, 2) for key in keys}
        mirror = rng.random() < 0.3
        for n, (session_id, _day) in enumerate(rows):
            t = n / max(1, len(rows) - 1)
            for key in keys:
                definition = catalog[key]
                row: dict[str, object] = {
                    "assessment_id": session_id,
                    "key": key,
                    "left_1": None,
                    "left_2": None,
                    "left_3": None,
                    "right_1": None,
                    "right_2": None,
                    "right_3": None,
                    "pain_left": None,
                    "pain_right": None,
                    "notes": None,
                }
                if definition.is_passfail:
                    left = 1.0 if rng.random() < 0.5 + 0.4 * t else 0.0
                    right = 1.0 if rng.random() < 0.85 else 0.0
                    row.update(left=left, right=right, left_1=left, right_1=right)
                else:
                    l0, r0, l1, r1 = LEFT_PATTERN[key]
                    if mirror:
                        l0, r0, l1, r1 = r0, l0, r1, l1
                    integer = definition.kind.value == "integer"
                    best = definition.result is ResultRule.BEST
                    for side, start, end in (("left", l0, l1), ("right", r0, r1)):
                        centre = start + (end - start) * t + offset[key]
                        trials = 3 if rng.random() < 0.4 else 1
                        values = []
                        for number in range(trials):
                            value = centre + rng.gauss(0, 1.0)
                            assert definition.min is not None and definition.max is not None
                            value = min(definition.max, max(definition.min, value))
                            value = float(round(value)) if integer else round(value, 1)
                            values.append(value)
                            row[f"{side}_{number + 1}"] = value
                        result = max(values) if best else sum(values) / len(values)
                        row[side] = float(round(result)) if integer else round(result, 1)
                    if key == "single_hop_cm" and rng.random() < 0.03:
                        row.update(right=None, right_1=None, right_2=None, right_3=None)
                    if rng.random() < 0.04:
                        row["pain_left"] = rng.randint(0, 5)
                        row["pain_right"] = rng.randint(0, 2)
                    if rng.random() < 0.01:
                        row["notes"] = rng.choice(("felt tight", "after a long run", "cold room"))
                results.append(row)
    programs: list[dict[str, object]] = []
    items: list[dict[str, object]] = []
    ticks: list[dict[str, object]] = []
    for athlete_id, rows in session_of_athlete.items():
        for p in range(rng.choice((1, 1, 2, 3))):
            _sid, day = rows[min(len(rows) - 1, p * len(rows) // 3)]
            program_id = len(programs) + 1
            programs.append(
                {
                    "id": program_id,
                    "athlete_id": athlete_id,
                    "start_date": day,
                    "weeks": 4,
                    "pattern": "left",
                    "reasons": json.dumps(["left hip IR < right hip IR"]),
                    "version": 1,
                }
            )
            ticked = rng.random() < 0.35
            for position, drill in enumerate(DRILLS):
                item_id = len(items) + 1
                items.append(
                    {
                        "id": item_id,
                        "program_id": program_id,
                        "position": position + 1,
                        "drill_key": drill,
                        "side": "both",
                        "dosage": DOSAGE,
                    }
                )
                if ticked:
                    for d in range(28):
                        if rng.random() < 0.6 and day + dt.timedelta(days=d) <= TODAY:
                            ticks.append(
                                {
                                    "item_id": item_id,
                                    "date": day + dt.timedelta(days=d),
                                    "done": True,
                                }
                            )
    with db.engine.begin() as connection:
        connection.execute(insert(Athlete), athletes)
        connection.execute(
            insert(Assessment),
            [
                {"id": s, "athlete_id": a, "date": d, "clinician": c, "version": 1}
                for s, a, d, c in sessions
            ],
        )
        for start in range(0, len(results), 100_000):
            connection.execute(insert(Measurement), results[start : start + 100_000])
        connection.execute(insert(Program), programs)
        connection.execute(insert(ProgramItem), items)
        for start in range(0, len(ticks), 100_000):
            connection.execute(insert(AdherenceEntry), ticks[start : start + 100_000])
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()


if __name__ == "__main__":
    import time

    began = time.perf_counter()
    clinic = clinic_db()
    print(f"{clinic} in {time.perf_counter() - began:.1f} s, {clinic.path.stat().st_size >> 20} MB")
