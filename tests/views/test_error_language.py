"""Errors made below the views reach a German or Spanish window in its language (issue 18
point 4), while ``str(error)`` stays the CLI's English word for word."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from app.domain.records import MeasurementInput
from app.errors import UserFacingError
from app.models.db import Database, open_database
from app.services.athletes import AthleteData, create_athlete, update_athlete
from app.services.catalog import load_catalog
from app.services.csv_import import import_csv
from app.services.interchange import ImportRejected
from app.services.sessions import record_session
from app.views.translation import apply_ui_language, user_text

# English words of the templates that no German or Spanish rendering keeps.
ENGLISH = ("line ", " is ", " the ", "future", "outside", "cannot", "read-only", "invalid", " not ")


@pytest.fixture(params=["de", "es"])
def window_language(request, qapp):
    apply_ui_language(request.param)
    yield request.param
    apply_ui_language("en")


def _bad_inputs(db: Database, tmp_path: Path) -> list[UserFacingError]:
    """Realistic refusals from the services, each caught as a person would meet it."""
    catalog = load_catalog(db)
    athlete = create_athlete(db, AthleteData(name="Ana Ruiz", dominant_side="right"))
    caught: list[UserFacingError] = []
    attempts = [
        lambda: record_session(
            db,
            catalog,
            athlete.id,
            dt.date(2099, 3, 2),
            [MeasurementInput("hip_ir_deg", (30.0,), (32.0,))],
        ),
        lambda: record_session(
            db,
            catalog,
            athlete.id,
            dt.date(2026, 1, 5),
            [MeasurementInput("hip_ir_deg", (930.5,), (32.0,))],
        ),
        lambda: create_athlete(db, AthleteData(name="", dominant_side="right")),
        lambda: update_athlete(db, 987654, AthleteData(name="X", dominant_side="right"), 1),
    ]
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "athlete,date,measurement,left,right,notes\n"
        "Ana Ruiz,2099-03-02,hip_ir_deg,30,31,\n"
        "Ana Ruiz,2026-01-05,hip_ir_deg,1;5,31,\n",
        encoding="utf-8",
    )
    attempts.append(lambda: import_csv(db, catalog, bad))
    for attempt in attempts:
        with pytest.raises(UserFacingError) as exc:
            attempt()
        caught.append(exc.value)
    return caught


def test_service_errors_reach_the_window_in_its_language(window_language, tmp_path):
    db = open_database(str(tmp_path / "clinic.sqlite"), create=True)
    try:
        caught = _bad_inputs(db, tmp_path)
    finally:
        db.dispose()
    assert len(caught) == 5
    for error in caught:
        shown = user_text(error)
        english = str(error)
        assert shown != english, english
        assert not [w for w in ENGLISH if w in f" {shown} "], (english, shown)
        if isinstance(error, ImportRejected):
            rows = [user_text(e.message) for e in error.errors]
            assert str(error.errors[0]).startswith("line 2: date is in the future (2099-03-02)")
            assert rows[0].startswith("Zeile 2: " if window_language == "de" else "línea 2: ")
            assert not [w for r in rows for w in ENGLISH if w in f" {r} "], rows


def test_the_future_date_reads_in_the_window_language_and_stays_english_for_the_cli(
    window_language, tmp_path
):
    db = open_database(str(tmp_path / "clinic.sqlite"), create=True)
    try:
        catalog = load_catalog(db)
        athlete = create_athlete(db, AthleteData(name="Ana Ruiz", dominant_side="right"))
        with pytest.raises(UserFacingError) as exc:
            record_session(
                db,
                catalog,
                athlete.id,
                dt.date(2099, 3, 2),
                [MeasurementInput("hip_ir_deg", (30.0,), ())],
            )
    finally:
        db.dispose()
    assert str(exc.value) == "The session date is in the future (2099-03-02)."
    expected = {
        "de": "Das Datum des Termins liegt in der Zukunft (2099-03-02).",
        "es": "La fecha de la sesión está en el futuro (2099-03-02).",
    }
    assert user_text(exc.value) == expected[window_language]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only files")
def test_a_read_only_database_is_said_in_the_window_language(window_language, tmp_path):
    path = tmp_path / "clinic.sqlite"
    open_database(str(path), create=True).dispose()
    path.chmod(stat.S_IRUSR)
    tmp_path.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(UserFacingError) as exc:
            db = open_database(str(path))
            try:
                create_athlete(db, AthleteData(name="Ana Ruiz", dominant_side="right"))
            finally:
                db.dispose()
    finally:
        tmp_path.chmod(stat.S_IRWXU)
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert exc.value.environment
    shown = user_text(exc.value)
    assert shown != str(exc.value)
    assert ("schreibgeschützt" if window_language == "de" else "solo lectura") in shown
