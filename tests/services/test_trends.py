import datetime as dt
import subprocess
import sys

import pytest
from sqlalchemy import event

from app.domain.asymmetry import Flag
from app.domain.chart_data import DateRange
from app.domain.records import AthleteData, HistoryPoint
from app.models import Program
from app.services.athletes import create_athlete
from app.services.errors import NotFound
from app.services.sessions import record_session
from app.services.trends import load_trend_data
from tests.conftest import TODAY, session_inputs


def test_history_is_grouped_by_key_oldest_first(db, catalog, athlete):
    later = record_session(
        db, catalog, athlete.id, TODAY, session_inputs(hip_ir_deg=(30, 38), side_plank_s=(60, 50))
    )
    earlier = record_session(
        db, catalog, athlete.id, TODAY - dt.timedelta(days=28), session_inputs(hip_ir_deg=(24, 40))
    )
    other = create_athlete(db, AthleteData(name="Someone Else"))
    record_session(db, catalog, other.id, TODAY, session_inputs(hip_ir_deg=(1, 2)))

    data = load_trend_data(db, athlete.id)
    assert data.name == "Test Runner"
    assert data.history == {
        "hip_ir_deg": (
            HistoryPoint(earlier.id, earlier.date, 24.0, 40.0),
            HistoryPoint(later.id, later.date, 30.0, 38.0),
        ),
        "side_plank_s": (HistoryPoint(later.id, later.date, 60.0, 50.0),),
    }
    assert data.session_count == 2
    assert data.program_starts == ()


def test_missing_sides_stay_none(db, catalog, athlete):
    record_session(db, catalog, athlete.id, TODAY, session_inputs(single_hop_cm=(150, None)))
    (point,) = load_trend_data(db, athlete.id).history["single_hop_cm"]
    assert point.left == 150 and point.right is None


def test_program_start_dates_and_involved_side(db, catalog):
    athlete = create_athlete(db, AthleteData(name="Injured Runner", involved_side="left"))
    record_session(db, catalog, athlete.id, TODAY, session_inputs(calf_raise_reps=(27, 30)))
    with db.transaction() as session:
        for start in (TODAY, TODAY - dt.timedelta(days=30), TODAY):
            session.add(Program(athlete_id=athlete.id, start_date=start))
    data = load_trend_data(db, athlete.id)
    assert data.involved == "left"
    assert data.program_starts == (TODAY - dt.timedelta(days=30), TODAY)
    (trend,) = data.trends(catalog, "cm")
    assert trend.points[0].lsi == pytest.approx(90.0)  # involved / uninvolved
    assert trend.program_starts == data.program_starts


def test_trend_of_one_measurement_with_a_range(db, catalog, athlete):
    for weeks, values in ((8, (24, 40)), (4, (28, 40)), (0, (33, 39))):
        day = TODAY - dt.timedelta(weeks=weeks)
        record_session(db, catalog, athlete.id, day, session_inputs(hip_ir_deg=values))
    data = load_trend_data(db, athlete.id)
    trend = data.trend(catalog, "hip_ir_deg", "cm", DateRange(TODAY - dt.timedelta(weeks=5)))
    assert trend.values("left") == [28, 33]
    assert trend.latest_flag is Flag.OK
    assert data.trend(catalog, "hip_er_deg", "cm") is None
    assert data.trend(catalog, "no_such_key", "cm") is None


def test_everything_is_read_in_four_queries_whatever_the_number_of_sessions(db, catalog, athlete):
    for day in range(20):
        record_session(
            db,
            catalog,
            athlete.id,
            TODAY - dt.timedelta(days=day),
            session_inputs(hip_ir_deg=(30, 38), hip_er_deg=(40, 41), side_plank_s=(60, 50)),
        )
    statements: list[str] = []

    def count(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        data = load_trend_data(db, athlete.id)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert data.session_count == 20
    assert len(statements) == 4  # athlete, results, session dates, program starts


def test_an_unknown_athlete_is_reported(db):
    with pytest.raises(NotFound):
        load_trend_data(db, 999)


def test_domain_and_services_do_not_import_pyqtgraph():
    code = (
        "import sys; import app.services.trends, app.domain.chart_data; "
        "assert 'pyqtgraph' not in sys.modules and 'PySide6' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
