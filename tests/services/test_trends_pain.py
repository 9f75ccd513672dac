"""Pain-limited reaches the trend charts: each point knows it, the latest one is shown beside
the flag on screen and in the handout's charts (DOMAIN.md §4)."""

import datetime as dt

from app.domain.records import MeasurementInput
from app.services.sessions import record_session
from app.services.trends import load_trend_data
from tests.conftest import TODAY


def test_trend_points_carry_pain_limited(db, catalog, athlete):
    record_session(
        db, catalog, athlete.id, TODAY - dt.timedelta(days=14),
        [MeasurementInput("hip_ir_deg", (28,), (40,), pain_left=2)],
    )  # fmt: skip
    record_session(
        db, catalog, athlete.id, TODAY, [MeasurementInput("hip_ir_deg", (30,), (40,), pain_right=4)]
    )
    data = load_trend_data(db, athlete.id)
    assert [p.pain_limited for p in data.history["hip_ir_deg"]] == [False, True]
    trend = data.trend(catalog, "hip_ir_deg", "cm")
    assert trend is not None
    assert [p.pain_limited for p in trend.points] == [False, True]
    assert trend.latest_pain_limited
