"""Child process of :mod:`bench.clinic_pg`: one clinic desk saving and polling.

``python -m bench._desk URL DESK START SAVES PAUSE SHARED_ID ATHLETES`` waits until the wall
clock reaches START (so all desks begin together, after their imports), then SAVES times:
polls the change token, saves a 12-measure session for an athlete of its own, and adds one
to a counter in the notes of one athlete every desk shares (optimistic locking: on a
conflict it reads the record again and retries, as a person pressing Reload would). Prints
one JSON line: save latencies, poll latencies, increments made, conflicts met.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import sys
import time


def main() -> int:
    url, desk, start = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    saves, pause = int(sys.argv[4]), float(sys.argv[5])
    shared, athletes = int(sys.argv[6]), int(sys.argv[7])
    from app.domain.catalog import Catalog
    from app.domain.records import AthleteData, MeasurementInput
    from app.models.db import open_database
    from app.services.athletes import get_athlete, update_athlete
    from app.services.errors import Conflict
    from app.services.freshness import change_token
    from app.services.sessions import record_session

    db = open_database(url, create=False)
    catalog = Catalog()
    inputs = [
        MeasurementInput(key, (1.0,), (0.0,)) if catalog[key].is_passfail else
        MeasurementInput(key, (round(((catalog[key].min or 0) + (catalog[key].max or 0)) / 2),),
                         (round(((catalog[key].min or 0) + (catalog[key].max or 0)) / 2) + 1,))
        for key in catalog.keys()[:12]
    ]  # fmt: skip
    rng = random.Random(desk)
    change_token(db)  # the connection pool warm, as on a desk that has been open a while
    while time.time() < start:
        time.sleep(0.01)
    save_times, poll_times, conflicts, increments = [], [], 0, 0
    for n in range(saves):
        began = time.perf_counter()
        change_token(db)
        poll_times.append(time.perf_counter() - began)
        athlete = 2 + (desk * 97 + n * 13) % (athletes - 1)
        began = time.perf_counter()
        record_session(db, catalog, athlete, dt.date(2026, 1, 1) + dt.timedelta(days=n), inputs)
        save_times.append(time.perf_counter() - began)
        while True:
            current = get_athlete(db, shared)
            count = int(current.notes or "0")
            fields = {f.name: getattr(current, f.name) for f in dataclasses.fields(AthleteData)}
            data = AthleteData(**{**fields, "notes": str(count + 1)})
            try:
                update_athlete(db, shared, data, current.version)
                increments += 1
                break
            except Conflict:
                conflicts += 1
        time.sleep(pause * rng.uniform(0.5, 1.5))
    db.dispose()
    print(json.dumps({"saves": save_times, "polls": poll_times, "conflicts": conflicts,
                      "increments": increments}))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
