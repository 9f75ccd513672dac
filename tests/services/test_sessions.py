import datetime as dt
import math

import pytest
from sqlalchemy import func, select

from app.domain.records import AthleteData, MeasurementInput
from app.models import Assessment, Measurement
from app.services.athletes import create_athlete
from app.services.errors import Conflict, NotFound, ValidationError
from app.services.sessions import (
    delete_session,
    list_sessions,
    measurement_history,
    record_session,
    restore_session,
    update_session,
)
from tests.conftest import TODAY, session_inputs


def count(db, model):
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_a_session_is_saved_with_trials_results_and_pain(db, catalog, athlete):
    saved = record_session(
        db,
        catalog,
        athlete.id,
        TODAY,
        [
            MeasurementInput("single_hop_cm", (150, "162", 158), (140,), pain_right="3"),
            MeasurementInput("hip_ir_deg", (30, 33, 36), ()),
        ],
        clinician=" Dr. Reyes ",
    )
    hop = saved.measurement("single_hop_cm")
    assert hop.left == 162 and hop.left_trials == (150, 162, 158)  # best of trials
    assert hop.right == 140 and hop.pain_right == 3
    ir = saved.measurement("hip_ir_deg")
    assert ir.left == 33 and ir.right is None  # mean; unmeasured side stays NULL
    assert saved.clinician == "Dr. Reyes"
    assert list_sessions(db, athlete.id, catalog)[0] == saved


@pytest.mark.parametrize("bad", ["abc", math.nan, math.inf, "-inf", 95, -3])
def test_one_bad_value_writes_nothing(db, catalog, athlete, bad):
    with pytest.raises(ValidationError) as err:
        record_session(
            db,
            catalog,
            athlete.id,
            TODAY,
            session_inputs(hip_er_deg=(40, 42), hip_ir_deg=(30, bad)),
        )
    assert [e.field for e in err.value.errors] == ["hip_ir_deg.right.1"]
    assert count(db, Assessment) == 0 and count(db, Measurement) == 0


def test_an_empty_session_is_refused(db, catalog, athlete):
    with pytest.raises(ValidationError, match="no values"):
        record_session(db, catalog, athlete.id, TODAY, session_inputs(hip_ir_deg=(None, "")))
    with pytest.raises(ValidationError, match="no values"):
        record_session(db, catalog, athlete.id, TODAY, [])


def test_unknown_key_duplicate_key_and_bad_pain_are_named(db, catalog, athlete):
    with pytest.raises(ValidationError) as err:
        record_session(
            db,
            catalog,
            athlete.id,
            TODAY,
            [
                MeasurementInput("nope", (1,)),
                MeasurementInput("hip_ir_deg", (1,)),
                MeasurementInput("hip_ir_deg", (2,)),
                MeasurementInput("hip_er_deg", (2,), pain_left=11),
                MeasurementInput("calf_raise_reps", (1, 2, 3, 4)),
            ],
        )
    fields = [e.field for e in err.value.errors]
    assert fields == ["nope", "hip_ir_deg", "hip_er_deg.pain_left", "calf_raise_reps.left"]
    assert count(db, Assessment) == 0


def test_the_database_refuses_a_half_written_session(db, catalog, athlete, monkeypatch):
    """Even if validation missed something, the transaction writes all or nothing."""
    import app.services.sessions as sessions

    original = sessions._row
    calls = []

    def failing_row(record):
        calls.append(record)
        if len(calls) == 2:
            raise RuntimeError("disk went away")
        return original(record)

    monkeypatch.setattr(sessions, "_row", failing_row)
    with pytest.raises(RuntimeError):
        record_session(
            db, catalog, athlete.id, TODAY, session_inputs(hip_ir_deg=(1, 2), hip_er_deg=(3, 4))
        )
    assert count(db, Assessment) == 0 and count(db, Measurement) == 0


def test_edit_with_a_stale_version_is_a_conflict(db, catalog, athlete):
    saved = record_session(db, catalog, athlete.id, TODAY, session_inputs(hip_ir_deg=(30, 40)))
    edited = update_session(
        db, catalog, saved.id, saved.version, TODAY, session_inputs(hip_ir_deg=(31, 40))
    )
    assert edited.version == saved.version + 1
    with pytest.raises(Conflict):
        update_session(
            db, catalog, saved.id, saved.version, TODAY, session_inputs(hip_ir_deg=(45, 40))
        )
    assert list_sessions(db, athlete.id)[0].measurement("hip_ir_deg").left == 31


def test_delete_and_undo(db, catalog, athlete):
    saved = record_session(db, catalog, athlete.id, TODAY, session_inputs(hip_ir_deg=(30, 40)))
    snapshot = delete_session(db, saved.id)
    assert list_sessions(db, athlete.id) == []
    restored = restore_session(db, snapshot)
    assert restored.measurements == saved.measurements and restored.date == saved.date
    with pytest.raises(NotFound):
        delete_session(db, 99999)


def test_history_is_oldest_first_with_gaps(db, catalog, athlete):
    for days, values in [(14, (30, None)), (0, (34, 38)), (7, (32, 39))]:
        record_session(
            db,
            catalog,
            athlete.id,
            TODAY - dt.timedelta(days=days),
            session_inputs(hip_ir_deg=values),
        )
    history = measurement_history(db, athlete.id, "hip_ir_deg")
    assert [(p.left, p.right) for p in history] == [(30, None), (32, 39), (34, 38)]
    newest = list_sessions(db, athlete.id)
    assert [s.date for s in newest] == sorted((s.date for s in newest), reverse=True)


def test_sessions_of_another_athlete_stay_apart(db, catalog, athlete):
    other = create_athlete(db, AthleteData(name="Other"))
    record_session(db, catalog, other.id, TODAY, session_inputs(hip_ir_deg=(1, 2)))
    assert list_sessions(db, athlete.id) == []
    with pytest.raises(NotFound):
        record_session(db, catalog, 9999, TODAY, session_inputs(hip_ir_deg=(1, 2)))
