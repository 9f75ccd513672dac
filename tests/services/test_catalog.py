import pytest

from app.services.catalog import (
    CustomMeasurement,
    load_catalog,
    save_custom_measurement,
    set_measurement_retired,
)
from app.services.errors import NotFound, ValidationError
from app.services.sessions import list_sessions, record_session
from tests.conftest import TODAY, session_inputs

KNEE = CustomMeasurement(
    key="knee_flexion_deg",
    name="Knee flexion",
    unit="deg",
    kind="number",
    rule="diff",
    min=0,
    max=160,
    threshold=10,
)


def test_custom_measurement_is_used_like_a_builtin(db, athlete):
    save_custom_measurement(db, KNEE)
    catalog = load_catalog(db)
    saved = record_session(
        db, catalog, athlete.id, TODAY, session_inputs(knee_flexion_deg=(120, 135))
    )
    assert saved.measurement("knee_flexion_deg").right == 135
    set_measurement_retired(db, "knee_flexion_deg", True)
    catalog = load_catalog(db)
    assert catalog["knee_flexion_deg"].retired  # still known: history shows it
    assert list_sessions(db, athlete.id, catalog)[0].measurement("knee_flexion_deg").left == 120


@pytest.mark.parametrize(
    "bad, field",
    [
        (dict(min=10, max=5), "definition"),
        (dict(name=" "), "name"),
        (dict(key="Knee Flexion"), "definition"),
        (dict(rule="lsi", threshold=120), "threshold"),
        (dict(key="hip_ir_deg"), "key"),
    ],
)
def test_bad_definitions_are_refused(db, bad, field):
    with pytest.raises(ValidationError) as err:
        save_custom_measurement(db, CustomMeasurement(**{**KNEE.__dict__, **bad}))
    assert err.value.errors[0].field == field
    assert "knee_flexion_deg" not in load_catalog(db) or bad.get("key") == "hip_ir_deg"


def test_add_twice_is_refused_and_edit_needs_an_existing_one(db):
    save_custom_measurement(db, KNEE)
    with pytest.raises(ValidationError, match="already used"):
        save_custom_measurement(db, KNEE)
    save_custom_measurement(db, CustomMeasurement(**{**KNEE.__dict__, "max": 170}), new=False)
    assert load_catalog(db)["knee_flexion_deg"].max == 170
    with pytest.raises(NotFound):
        save_custom_measurement(
            db, CustomMeasurement(**{**KNEE.__dict__, "key": "nope"}), new=False
        )
