"""``untwist summary`` in words a person reads (issue 20, point 8): each value with its unit,
the key still its first column, counts in the right number."""

from __future__ import annotations

import datetime as dt

from app.domain.records import AthleteData
from app.models.db import open_database
from app.services.athletes import create_athlete
from app.services.catalog import load_catalog
from app.services.sessions import record_session
from tests.cli import untwist
from tests.conftest import session_inputs

DAY = dt.date(2026, 11, 25)


def test_summary_values_carry_their_unit_and_the_key_stays_first(tmp_path):
    path = tmp_path / "one.sqlite"
    db = open_database(str(path), create=True)
    try:
        athlete = create_athlete(db, AthleteData(name="Uma One"))
        values = dict(
            hip_ir_deg=(28, 41),
            ankle_df_lunge_cm=(9, 12.5),
            calf_raise_reps=(31, 25),
            side_plank_s=(45, 60),
            foot_posture_index=(6, 1),
            adduction_drop_test=("fail", "pass"),
        )
        record_session(db, load_catalog(db), athlete.id, DAY, session_inputs(**values))
    finally:
        db.dispose()
    result = untwist("summary", "--db", path, "--athlete", "Uma One")
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines() if line}
    assert rows["key"][:4] == ["key", "left", "right", "diff"]
    assert rows["hip_ir_deg"][1:4] == ["28.0°", "41.0°", "+13.0°"]
    assert rows["ankle_df_lunge_cm"][1:7] == ["9.0", "cm", "12.5", "cm", "+3.5", "cm"]
    assert rows["calf_raise_reps"][1:7] == ["31", "reps", "25", "reps", "-6", "reps"]
    assert rows["side_plank_s"][1:7] == ["45.0", "s", "60.0", "s", "+15.0", "s"]
    assert rows["foot_posture_index"][1:4] == ["6", "1", "-5"]  # a score: points, no unit
    assert rows["adduction_drop_test"][1:3] == ["fail", "pass"]
    # one session is "1 session"
    assert f"Latest session: {DAY.isoformat()} (1 session)" in result.stdout
