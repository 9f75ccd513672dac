"""A clinic measurement stored before every way in checked it (e.g. ``kind: "weird"`` or
``min > max`` from an old JSON import) must not stop the window or any command: it is shown
as damaged, kept, never flagged, and can be corrected in Settings."""

import pytest
from sqlalchemy import insert, select

from app.models import Assessment, Measurement, MeasurementDefinition
from app.models.db import open_database
from app.services.catalog import (
    CustomMeasurement,
    get_custom_measurement,
    load_catalog,
    save_custom_measurement,
)
from app.services.demo import create_demo
from tests.cli import untwist

BROKEN = [
    {"kind": "weird"},
    {"min": 10.0, "max": 5.0},
    {"threshold": None},
    {"key": "hip_ir_deg"},  # a built-in's key: the built-in stands
    {"threshold": -3.0},
]


def store(db, **change) -> str:
    row = {
        "key": "grip_kg", "name": "Grip", "unit": "kg", "kind": "number", "rule": "diff",
        "min": 0.0, "max": 100.0, "threshold": 3.0, "strict": False, "mdc": 1.0,
        "result": "mean", "higher": "better", "retired": False, "version": 1,
    }  # fmt: skip
    row.update(change)
    with db.engine.begin() as conn:  # as an older version's import wrote it: unchecked
        conn.execute(insert(MeasurementDefinition), row)
        session = conn.execute(select(Assessment.id).order_by(Assessment.id.desc())).first()[0]
        if row["key"] == "grip_kg":
            conn.execute(
                insert(Measurement),
                {"assessment_id": session, "key": "grip_kg", "left": 40.0, "right": 30.0},
            )
    return row["key"]


@pytest.fixture
def demo(tmp_path):
    path = tmp_path / "old.sqlite"
    db = open_database(str(path), create=True)
    create_demo(db, load_catalog(db))
    yield db, path
    db.dispose()


@pytest.mark.parametrize("change", BROKEN, ids=lambda c: next(iter(c)))
def test_the_catalog_loads_and_names_the_damage(demo, change):
    db, _ = demo
    key = store(db, **change)
    catalog = load_catalog(db)
    assert len(catalog.damaged) == 1 and repr(key) in catalog.damaged[0]
    assert "Settings" in catalog.damaged[0]
    shown = catalog[key]
    if key == "grip_kg":
        assert shown.retired  # not offered for new sessions
        assert shown.format_value(40.0) == "40"
    else:
        assert shown.builtin


def test_the_damaged_measurement_is_corrected_in_settings(demo):
    db, _ = demo
    store(db, kind="weird")
    stored = get_custom_measurement(db, "grip_kg")
    fixed = CustomMeasurement(
        key="grip_kg", name="Grip", unit="kg", kind="number", rule="diff", min=0, max=100,
        threshold=3, mdc=1.0,
    )  # fmt: skip
    save_custom_measurement(db, fixed, new=False, version=stored.version)
    assert load_catalog(db).damaged == ()


@pytest.mark.parametrize(
    "command",
    [
        ["summary", "--athlete-id", "1"],
        ["report", "--athlete-id", "1", "-o", "{tmp}/out.pdf"],
        ["export", "--format", "csv", "-o", "{tmp}/out.csv"],
        ["export", "--format", "json", "-o", "{tmp}/out.json"],
    ],
    ids=lambda c: c[0] + ("-" + c[2] if c[0] == "export" else ""),
)
def test_every_command_still_reads_the_database(demo, tmp_path, command):
    db, path = demo
    store(db, kind="weird")
    db.dispose()
    result = untwist(*[c.format(tmp=tmp_path) for c in command], "--db", path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_the_window_opens_and_says_what_is_damaged(demo, qtbot):
    from app.services.context import AppContext
    from app.views.main_window import MainWindow

    db, _ = demo
    store(db, min=10.0, max=5.0)
    window = MainWindow(AppContext(db))
    qtbot.addWidget(window)
    window.show()
    for row in range(window.athlete_list.list.count()):  # every athlete's history draws
        window.athlete_list.list.setCurrentRow(row)
        qtbot.waitUntil(lambda: window.page_ready("sessions"), timeout=10_000)
    assert "'grip_kg' is damaged (min must be below max)" in window.statusBar().currentMessage()


def test_the_screenshot_of_such_a_database_is_taken(demo, tmp_path):
    db, path = demo
    store(db, kind="weird")
    db.dispose()
    shot = tmp_path / "shot.png"
    result = untwist("--db", path, "--screenshot", shot)
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 0
