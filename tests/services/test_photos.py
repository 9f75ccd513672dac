"""Photos kept with measurements (issue 19): the stored copy, saving and editing sessions with
photos, and the round trip through every way out and back in."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from PIL import Image

from app.domain.goniometer import STORED_MAX_SIDE, angle_of
from app.domain.pictures import check_picture
from app.domain.records import MeasurementInput
from app.models.db import open_database
from app.services.backups import backup_to_file, restore
from app.services.catalog import load_catalog
from app.services.db_copy import copy_database
from app.services.errors import ValidationError
from app.services.json_io import export_json, import_json
from app.services.photos import decode, stored_copy
from app.services.sessions import get_session, list_sessions, record_session, update_session
from tests.conftest import TODAY
from tests.photos import jpeg, photo_measurement, scene

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _exif_of(data: bytes) -> dict:
    with Image.open(io.BytesIO(data)) as image:
        return dict(image.getexif()), image.info


def test_the_stored_copy_has_no_metadata_is_capped_and_stays_upright():
    # a 4000×3000 phone photo with GPS, stored turned (orientation 6 = show turned clockwise)
    upright = scene((3000, 4000), [(1500.0, 500.0), (1600.0, 3400.0)], noise=False)
    original = jpeg(upright.transpose(Image.Transpose.ROTATE_90), orientation=6, gps=True)
    assert 0x8825 in _exif_of(original)[0]  # the test's photo does carry a location
    stored = stored_copy(decode(original))
    exif, info = _exif_of(stored.data)
    assert exif == {} and "exif" not in info
    assert b"Exif" not in stored.data and b"GPS" not in stored.data
    assert max(stored.width, stored.height) == STORED_MAX_SIDE
    assert stored.height > stored.width  # upright, as a person sees it
    assert check_picture(stored.data).data == stored.data  # the check hands the bytes back


def _photo_session(db, athlete_id, catalog):
    photo = photo_measurement("left", 2)
    inputs = [MeasurementInput("hip_ir_deg", (30.0, photo.angle), (35.0,), photos=(photo,))]
    return photo, record_session(db, catalog, athlete_id, TODAY, inputs)


def test_a_session_keeps_its_photo_through_edits(db, athlete):
    catalog = load_catalog(db)
    photo, saved = _photo_session(db, athlete.id, catalog)
    record = get_session(db, saved.id, catalog).measurement("hip_ir_deg")
    assert record.photos == (photo,)
    assert record.photo("left", 2) == photo
    # an edit that never showed the photos (photos=None) keeps them
    inputs = [MeasurementInput("hip_ir_deg", (30.0, 31.0), (36.0,))]
    edited = update_session(db, catalog, saved.id, saved.version, TODAY, inputs)
    assert edited.measurement("hip_ir_deg").photos == (photo,)
    # the form's own list is the truth: the photo goes when its trial goes
    inputs = [MeasurementInput("hip_ir_deg", (30.0,), (36.0,), photos=(photo,))]
    edited = update_session(db, catalog, saved.id, edited.version, TODAY, inputs)
    assert edited.measurement("hip_ir_deg").photos == ()
    # the Sessions page's list reads no photo bytes
    assert list_sessions(db, athlete.id)[0].measurement("hip_ir_deg").photos == ()


def test_a_photo_whose_angle_disagrees_with_its_points_is_refused(db, athlete):
    catalog = load_catalog(db)
    photo = replace(photo_measurement("right", 1), angle=12.0)
    inputs = [MeasurementInput("hip_ir_deg", (), (12.0,), photos=(photo,))]
    with pytest.raises(ValidationError, match="does not match its points"):
        record_session(db, catalog, athlete.id, TODAY, inputs)
    assert list_sessions(db, athlete.id) == []
    moved = replace(photo_measurement("right", 1), points=((5000.0, 1.0), (3.0, 4.0)))
    moved = replace(moved, angle=angle_of(moved.points))
    inputs = [MeasurementInput("hip_ir_deg", (), (12.0,), photos=(moved,))]
    with pytest.raises(ValidationError, match="outside"):
        record_session(db, catalog, athlete.id, TODAY, inputs)


@pytest.mark.sqlite_only
def test_round_trip_json_postgresql_and_back_keeps_bytes_and_points(db, athlete, tmp_path, pg_url):
    """save → JSON export → import → db copy to PostgreSQL → db copy back → same photo."""
    catalog = load_catalog(db)
    photo, saved = _photo_session(db, athlete.id, catalog)
    exported = tmp_path / "all.json"
    export_json(db, exported)
    imported = open_database(str(tmp_path / "imported.sqlite"), create=True)
    try:
        import_json(imported, exported)
    finally:
        imported.dispose()
    copy_database(str(tmp_path / "imported.sqlite"), pg_url)
    copy_database(pg_url, str(tmp_path / "back.sqlite"))
    back = open_database(str(tmp_path / "back.sqlite"), create=False)
    try:
        record = get_session(back, saved.id, load_catalog(back)).measurement("hip_ir_deg")
    finally:
        back.dispose()
    (kept,) = record.photos
    assert kept == photo  # bytes, points, plumb line and angle, exactly
    assert kept.image == photo.image and kept.points == photo.points
    assert b"GPS" not in kept.image


@pytest.mark.sqlite_only
def test_backup_and_restore_keep_the_photo(db, db_path, athlete, tmp_path):
    catalog = load_catalog(db)
    photo, saved = _photo_session(db, athlete.id, catalog)
    backup = backup_to_file(str(db_path), tmp_path / "backup.sqlite")
    update_session(
        db, catalog, saved.id, saved.version, TODAY,
        [MeasurementInput("hip_ir_deg", (30.0,), (35.0,), photos=())],
    )  # fmt: skip
    db.dispose()
    restore(str(db_path), backup)
    again = open_database(str(db_path), create=False)
    try:
        assert get_session(again, saved.id).measurement("hip_ir_deg").photos == (photo,)
    finally:
        again.dispose()


@pytest.mark.sqlite_only
def test_merge_adds_a_missing_photo_once(db, athlete, tmp_path):
    catalog = load_catalog(db)
    photo, saved = _photo_session(db, athlete.id, catalog)
    exported = tmp_path / "all.json"
    export_json(db, exported)
    update_session(
        db, catalog, saved.id, saved.version, TODAY,
        [MeasurementInput("hip_ir_deg", (30.0, photo.angle), (35.0,), photos=())],
    )  # fmt: skip
    assert get_session(db, saved.id).measurement("hip_ir_deg").photos == ()
    first = import_json(db, exported, merge=True)
    assert first.added.get("measurement_photos") == 1
    assert get_session(db, saved.id).measurement("hip_ir_deg").photos == (photo,)
    again = import_json(db, exported, merge=True)
    assert again.added.get("measurement_photos", 0) == 0 and again.conflicts == []


def test_the_marker_colour_is_a_setting_checked_like_the_others():
    from app.domain.validation import SettingContext, setting_problem
    from app.services.settings import ClinicSettings

    assert ClinicSettings().marker_colour == "00C853"
    assert setting_problem("marker_colour", "ff0080", SettingContext()) is None
    assert "RRGGBB" in setting_problem("marker_colour", "green", SettingContext())
    assert setting_problem("marker_colour", 123, SettingContext())
