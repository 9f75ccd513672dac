"""Two desks on one database (two ``Database`` objects, as two windows would have), SQLite and
PostgreSQL: settings and custom measurements are merged or refused, never silently lost; the
change token tells each desk what the other did."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.catalog import MeasurementDef
from app.domain.changes import Changes
from app.domain.drills import Dosage
from app.domain.records import AthleteData, AthleteInfo
from app.models.db import Database, open_database
from app.services import athletes as athletes_service
from app.services import catalog as catalog_service
from app.services import settings as settings_service
from app.services.athletes import create_athlete, get_athlete, update_athlete
from app.services.catalog import (
    CustomMeasurement,
    get_custom_measurement,
    save_custom_measurement,
    set_measurement_retired,
)
from app.services.drills import get_drill_record, save_drill
from app.services.errors import Conflict, ValidationError
from app.services.freshness import change_token
from app.services.settings import (
    SettingsRecord,
    conflicting_keys,
    get_settings,
    load_settings,
    merge_settings,
    save_settings,
)

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


# On SQLite a unit of work takes the write lock before it reads (BEGIN IMMEDIATE): the other
# desk's save cannot come between our read and our write, it waits until ours is committed
# (tests/test_concurrent_imports.py), and then its own version check sees ours.
SERVER_RACE = pytest.mark.server_only


@pytest.fixture
def other(db: Database) -> Database:
    """The second desk: its own engine and connections on the same database."""
    desk = open_database(db.url, create=False)
    yield desk
    desk.dispose()


def edited(record: SettingsRecord, **changes: object):
    settings = record.settings
    for name, value in changes.items():
        setattr(settings, name, value)
    return settings


# -- settings -------------------------------------------------------------------------------


def test_changes_to_different_keys_by_two_desks_are_both_kept(db, other):
    mine, theirs = load_settings(db), load_settings(other)
    save_settings(other, edited(theirs, paper="letter", thresholds={"hip_ir_deg": 9.0}), theirs)
    stored = save_settings(db, edited(mine, clinic_name="Clinique Zoë"), mine)
    for desk in (db, other):
        now = get_settings(desk)
        assert (now.clinic_name, now.paper, now.thresholds) == (
            "Clinique Zoë",
            "letter",
            {"hip_ir_deg": 9.0},
        )
    assert stored == load_settings(other)  # what the save returns is what is stored


def test_the_same_key_changed_by_the_other_desk_is_a_conflict_and_nothing_is_written(db, other):
    mine, theirs = load_settings(db), load_settings(other)
    save_settings(other, edited(theirs, clinic_name="Front desk"), theirs)
    mine_now = edited(mine, clinic_name="Back office", paper="letter")
    with pytest.raises(Conflict) as caught:
        save_settings(db, mine_now, mine)
    current = caught.value.current
    assert isinstance(current, SettingsRecord)
    assert current.settings.clinic_name == "Front desk"  # the stored values travel with it
    assert conflicting_keys(mine_now, mine, current) == ["clinic_name"]
    assert (get_settings(other).clinic_name, get_settings(other).paper) == ("Front desk", "a4")
    # "reload": theirs where they changed something, the user's other change kept
    merged = merge_settings(mine_now, mine, current)
    assert (merged.clinic_name, merged.paper) == ("Front desk", "letter")
    # "overwrite" what was shown: saved; a third desk's save after that is refused again
    save_settings(db, mine_now, mine.with_versions_of(current))
    assert (get_settings(other).clinic_name, get_settings(other).paper) == ("Back office", "letter")
    with pytest.raises(Conflict):
        save_settings(db, edited(mine, clinic_name="Third"), mine.with_versions_of(current))


def test_the_same_change_at_both_desks_is_not_a_conflict(db, other):
    mine, theirs = load_settings(db), load_settings(other)
    save_settings(other, edited(theirs, length_unit="in"), theirs)
    save_settings(db, edited(mine, length_unit="in"), mine)
    assert get_settings(other).length_unit == "in"


def test_only_changed_keys_are_written(db):
    save_settings(db, edited(load_settings(db), paper="letter"))
    record = load_settings(db)
    assert set(record.versions) == {"paper", settings_service.SETTINGS_VERSION_KEY}
    save_settings(db, edited(record, clinic_name="X"), record)
    after = load_settings(db)
    assert after.version("paper") == record.version("paper")  # untouched: same version
    assert after.version("clinic_name") == 1
    save_settings(db, edited(after, clinic_name="Y"), after)
    assert load_settings(db).version("clinic_name") == 2


@SERVER_RACE
def test_a_save_between_our_read_and_our_write_is_a_conflict(db, other, monkeypatch):
    """The race the version check before writing cannot see: the UPDATE's version guard."""
    mine = load_settings(db)
    save_settings(db, edited(mine, clinic_name="Start"), mine)
    mine = load_settings(db)
    real = settings_service.conflicting_keys

    def other_desk_saves_meanwhile(*args):
        found = real(*args)
        monkeypatch.setattr(settings_service, "conflicting_keys", real)
        theirs = load_settings(other)
        save_settings(other, edited(theirs, clinic_name="Meanwhile"), theirs)
        return found

    monkeypatch.setattr(settings_service, "conflicting_keys", other_desk_saves_meanwhile)
    with pytest.raises(Conflict) as caught:
        save_settings(db, edited(mine, clinic_name="Mine"), mine)
    assert caught.value.current.settings.clinic_name == "Meanwhile"
    assert get_settings(db).clinic_name == "Meanwhile"


@SERVER_RACE
def test_a_new_key_stored_by_both_desks_at_once_is_a_conflict(db, other, monkeypatch):
    """Both desks insert the same key: the second insert fails, is retried, and conflicts."""
    mine = load_settings(db)
    real = settings_service.conflicting_keys

    def other_desk_saves_meanwhile(*args):
        found = real(*args)
        monkeypatch.setattr(settings_service, "conflicting_keys", real)
        theirs = load_settings(other)
        save_settings(other, edited(theirs, backup_folder="/mnt/usb"), theirs)
        return found

    monkeypatch.setattr(settings_service, "conflicting_keys", other_desk_saves_meanwhile)
    with pytest.raises(Conflict):
        save_settings(db, edited(mine, backup_folder="/media/stick"), mine)
    assert get_settings(db).backup_folder == "/mnt/usb"


# -- custom measurements --------------------------------------------------------------------


def test_custom_measurements_are_versioned_across_desks(db, other):
    created = save_custom_measurement(db, KNEE)
    assert created.version == 1
    # the other desk edits it; this desk's edit, based on version 1, is refused
    save_custom_measurement(
        other, CustomMeasurement(**{**KNEE.__dict__, "name": "Knee bend"}), new=False, version=1
    )
    mine = CustomMeasurement(**{**KNEE.__dict__, "max": 150})
    with pytest.raises(Conflict) as caught:
        save_custom_measurement(db, mine, new=False, version=created.version)
    theirs = caught.value.current
    assert isinstance(theirs, MeasurementDef) and (theirs.name, theirs.version) == ("Knee bend", 2)
    assert get_custom_measurement(db, KNEE.key).max == 160  # nothing written
    with pytest.raises(Conflict):
        set_measurement_retired(db, KNEE.key, True, version=created.version)
    assert not get_custom_measurement(other, KNEE.key).retired
    # overwrite what was shown, then retire the version now stored
    saved = save_custom_measurement(db, mine, new=False, version=theirs.version)
    assert (saved.name, saved.max, saved.version) == ("Knee flexion", 150, 3)
    assert set_measurement_retired(db, KNEE.key, True, version=saved.version).retired
    assert get_custom_measurement(other, KNEE.key).retired


@SERVER_RACE
def test_a_measurement_saved_between_our_read_and_our_write_is_a_conflict(db, other, monkeypatch):
    save_custom_measurement(db, KNEE)
    real = catalog_service.expect_version

    def other_desk_saves_meanwhile(*args):
        real(*args)
        monkeypatch.setattr(catalog_service, "expect_version", real)
        save_custom_measurement(
            other, CustomMeasurement(**{**KNEE.__dict__, "name": "Meanwhile"}), new=False
        )

    monkeypatch.setattr(catalog_service, "expect_version", other_desk_saves_meanwhile)
    with pytest.raises(Conflict) as caught:
        save_custom_measurement(
            db, CustomMeasurement(**{**KNEE.__dict__, "max": 170}), new=False, version=1
        )
    assert caught.value.current.name == "Meanwhile"
    assert get_custom_measurement(db, KNEE.key).max == 160


def test_two_desks_adding_the_same_key_at_once(db, other, monkeypatch):
    real = catalog_service.validate_custom

    def other_desk_adds_meanwhile(*args, **kwargs):
        checked = real(*args, **kwargs)
        monkeypatch.setattr(catalog_service, "validate_custom", real)
        save_custom_measurement(other, KNEE)
        return checked

    monkeypatch.setattr(catalog_service, "validate_custom", other_desk_adds_meanwhile)
    with pytest.raises(ValidationError, match="already used"):
        save_custom_measurement(db, CustomMeasurement(**{**KNEE.__dict__, "name": "Mine"}))
    assert get_custom_measurement(db, KNEE.key).name == "Knee flexion"


# -- the versioning helper on another service -------------------------------------------------


@SERVER_RACE
def test_an_athlete_saved_between_our_read_and_our_write_is_a_conflict(db, other, monkeypatch):
    athlete = create_athlete(db, AthleteData(name="Ada"))
    real = athletes_service.expect_version

    def other_desk_saves_meanwhile(*args):
        real(*args)
        monkeypatch.setattr(athletes_service, "expect_version", real)
        update_athlete(other, athlete.id, AthleteData(name="Ada (front desk)"), None)

    monkeypatch.setattr(athletes_service, "expect_version", other_desk_saves_meanwhile)
    with pytest.raises(Conflict) as caught:
        update_athlete(db, athlete.id, AthleteData(name="Ada (back office)"), athlete.version)
    current = caught.value.current
    assert isinstance(current, AthleteInfo) and current.name == "Ada (front desk)"
    assert get_athlete(db, athlete.id).name == "Ada (front desk)"


# -- the change token -------------------------------------------------------------------------


def test_the_token_moves_on_the_other_desks_settings_drills_and_measurements(db, other):
    seen = [change_token(db)]

    def moved() -> Changes:
        now = change_token(db)
        changes = now.changed(seen[-1])
        seen.append(now)
        return changes

    theirs = load_settings(other)
    save_settings(other, edited(theirs, paper="letter"), theirs)
    assert moved() == Changes(settings=True)
    theirs = load_settings(other)
    save_settings(other, edited(theirs, paper="a4"), theirs)  # an edit of a stored key
    assert moved() == Changes(settings=True)
    save_custom_measurement(other, KNEE)
    assert moved() == Changes(settings=True)
    save_custom_measurement(other, CustomMeasurement(**{**KNEE.__dict__, "max": 150}), new=False)
    assert moved() == Changes(settings=True)
    set_measurement_retired(other, KNEE.key, True)
    assert moved() == Changes(settings=True)
    record = get_drill_record(other, "split-squat-rotation")
    save_drill(other, replace(record.drill, aim=record.drill.aim + " (edited)"), record.version)
    assert moved() == Changes(drills=True)
    record = get_drill_record(other, "split-squat-rotation")
    dosage = Dosage("2", "12", "reps", True, 4)
    save_drill(other, replace(record.drill, dosage=dosage), record.version)
    assert moved() == Changes(drills=True)
    assert change_token(db) == seen[-1]  # reading moves nothing
