"""What a form sends runs the same domain rules as the files (issue 16, points 3, 8, 10), on
both engines: refused with a message per field, nothing written, the same on SQLite as on
PostgreSQL (which refuses NUL, long texts and big ids by itself, SQLite does not)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata

import pytest

from app.domain.drills import Dosage
from app.domain.programs import ProgramData, ProgramItem
from app.domain.records import AthleteData, MeasurementInput
from app.services.athletes import create_athlete, find_athlete, list_athletes
from app.services.catalog import CustomMeasurement, load_catalog, save_custom_measurement
from app.services.errors import ValidationError
from app.services.programs import list_versions, save_program
from app.services.sessions import list_sessions, record_session
from app.services.settings import get_settings, save_settings

TODAY = dt.date.today()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (AthleteData(name="Ava", sport="x" * 101), "The sport is longer than 100 characters."),
        (AthleteData(name="Ava", notes="a\x00b"), "The notes contains a NUL character."),
        (AthleteData(name="Ava\x1b[2J"), "The name contains a control character (U+001B)."),
        (AthleteData(name="Ava", sex="yes"), "Sex 'yes' is not one of female, male, other."),
        (AthleteData(name="Ava", birth_date=dt.date(1, 1, 1)), "before 1900-01-01"),
        (AthleteData(name="Ava", birth_date=dt.date(9999, 1, 1)), "is in the future"),
        (AthleteData(name="Ava", injury_date=TODAY + dt.timedelta(days=1)), "in the future"),
        (AthleteData(name="Ava", leg_length_left_cm=1e400), "not a finite number"),
    ],
)
def test_athlete_values_are_refused_on_both_engines(db, data, message):
    with pytest.raises(ValidationError) as caught:
        create_athlete(db, data)
    assert message in str(caught.value)
    assert list_athletes(db, include_archived=True) == []


def test_an_nfd_name_is_stored_as_nfc_and_found_either_way(db):
    nfc = "Zoë Ångström"
    nfd = unicodedata.normalize("NFD", nfc)
    athlete = create_athlete(db, AthleteData(name=nfd))
    assert athlete.name == nfc
    assert find_athlete(db, nfd).id == athlete.id == find_athlete(db, nfc).id


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("١٢", "is not a number"),  # Arabic-Indic digits
        ("１２", "is not a number"),  # full-width digits
        ("1_2", "is not a number"),
        ("12,5", "use . as the decimal mark"),
        ("1e400", "too large"),
        (float("inf"), "not a finite number"),
    ],
)
def test_numbers_are_ascii_digits_with_a_dot(db, catalog, athlete, value, message):
    values = [MeasurementInput("hip_ir_deg", (value,), ("30",))]
    with pytest.raises(ValidationError, match=message):
        record_session(db, catalog, athlete.id, TODAY, values)
    assert list_sessions(db, athlete.id) == []


@pytest.mark.parametrize(
    ("date", "notes", "pain", "message"),
    [
        (dt.date(1, 1, 1), None, None, "before 1900-01-01"),
        (dt.date(9999, 12, 31), None, None, "in the future"),
        (TODAY, "a\x00b", None, "NUL"),
        (TODAY, None, "٣", "pain: a whole number 0–10"),
        (TODAY, None, 99, "pain: a whole number 0–10"),
    ],
)
def test_session_values_are_refused(db, catalog, athlete, date, notes, pain, message):
    values = [MeasurementInput("hip_ir_deg", ("30",), ("31",), pain_left=pain)]
    with pytest.raises(ValidationError, match=message):
        record_session(db, catalog, athlete.id, date, values, notes=notes)
    assert list_sessions(db, athlete.id) == []


def test_a_session_at_the_limits_is_stored(db, catalog, athlete):
    values = [MeasurementInput("hip_ir_deg", ("30",), ("31.5",), pain_left="3")]
    stored = record_session(db, catalog, athlete.id, dt.date(1900, 1, 1), values)
    assert stored.measurements[0].pain_left == 3
    record_session(db, catalog, athlete.id, TODAY, values)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"max": float("inf")}, "highest valid value: not a finite number"),
        ({"min": -1e12}, "too large"),
        ({"unit": "k\x00g"}, "NUL"),
        ({"name": "x" * 201}, "longer than 200"),
    ],
)
def test_a_custom_measurement_the_catalog_could_not_use_is_refused(db, change, message):
    data = CustomMeasurement(
        key="grip_kg", name="Grip", unit="kg", kind="number", rule="diff", min=0, max=100,
        threshold=5,
    )  # fmt: skip
    with pytest.raises(ValidationError, match=message):
        save_custom_measurement(db, dataclasses.replace(data, **change))
    assert "grip_kg" not in load_catalog(db)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("paper", 5),
        ("length_unit", "furlong"),
        ("thresholds", {"hip_ir_deg": "x"}),
        ("thresholds", {"no_such_key": 3.0}),
        ("default_measurements", ["hip_ir_deg", "hip_ir_deg"]),
        ("clinic_name", "a\x00b"),
        ("solo_athlete_id", 2**31),
    ],
)
def test_settings_of_the_wrong_type_are_refused(db, field, value):
    settings = get_settings(db)
    setattr(settings, field, value)
    with pytest.raises(ValidationError, match=f"Setting {field}"):
        save_settings(db, settings)
    assert get_settings(db) == type(settings)()


def test_a_program_starting_in_year_9999_or_with_a_nul_is_refused(db, athlete):
    dosage = Dosage("3", "8", "reps", True, 3)
    item = ProgramItem("left-sucker-punch-rockback", "left", dosage)
    for data, message in (
        (ProgramData(dt.date(9999, 1, 1), (item,)), "five years ahead"),
        (ProgramData(dt.date(1, 1, 1), (item,)), "before 1900"),
        (ProgramData(TODAY, (item,), notes="a\x00b"), "NUL"),
        (ProgramData(TODAY, (dataclasses.replace(item, notes="\x00"),)), "NUL"),
        (ProgramData(TODAY, (dataclasses.replace(item, dosage=dataclasses.replace(
            dosage, per_week=True)),)), "times per week"),
    ):  # fmt: skip
        with pytest.raises(ValidationError, match=message):
            save_program(db, athlete.id, data, None)
    assert list_versions(db, athlete.id) == []
