"""File → Import… / Export… flows with real widgets, real files and a real database."""

import csv
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from sqlalchemy import func, select

from app.domain.records import AthleteData
from app.models import Athlete, Measurement
from app.services.athletes import create_athlete
from app.services.context import AppContext
from app.services.csv_import import CHUNK, ImportResult
from app.services.demo import create_demo
from app.services.interchange import ImportRejected
from app.services.json_io import JsonResult, export_json
from app.views import import_export
from app.views.import_export import (
    ImportPreviewDialog,
    start_export,
    start_import,
)
from tests.conftest import TODAY

HEADER = "athlete,date,measurement,left,right,notes"


def stored(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Measurement))


def big_csv(path: Path, rows: int) -> Path:
    keys = ["hip_ir_deg", "hip_er_deg", "thoracic_rot_deg"]
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER + ",Colour\n")
        for n in range(rows):
            fh.write(f"Athlete {n // 30},2026-{1 + n // 3 % 10:02d}-01,{keys[n % 3]},30,31,,\n")
    return path


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    return widget


@pytest.fixture
def context(db):
    return AppContext(db)


def click_import(dialog: ImportPreviewDialog, qtbot) -> None:
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)


def test_preview_shows_first_rows_and_column_mapping_without_the_whole_file(
    qtbot, parent, context, tmp_path
):
    path = tmp_path / "m.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(HEADER + ",unit\n")
        for n in range(100_000):
            fh.write(f"Athlete {n},2026-03-02,hip_ir_deg,30,31,,deg\n")
    flow = start_import(parent, context, str(path))
    dialog = flow.preview_dialog
    assert dialog.isVisible() and dialog.table.rowCount() == 20  # never 100k rows in a widget
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(7)]
    assert headers[0] == "athlete\n→ athlete's name" and headers[6] == "unit\n→ unit (optional)"
    assert dialog.table.item(0, 0).text() == "Athlete 0"
    assert dialog.table.verticalHeaderItem(0).text() == "2"  # file line numbers
    assert dialog.import_button.isEnabled() and not dialog.problem.isVisible()
    dialog.grab().save(str(tmp_path / "preview.png"))


def test_an_unreadable_file_is_explained_in_the_preview_and_cannot_be_imported(
    qtbot, parent, context, tmp_path
):
    path = big_csv(tmp_path / "m.csv", 3)  # has an unknown "Colour" column
    flow = start_import(parent, context, str(path))
    dialog = flow.preview_dialog
    assert "unknown column 'Colour'" in dialog.problem.text() and dialog.problem.isVisible()
    assert not dialog.import_button.isEnabled()
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(7)]
    assert headers[6] == "Colour\n→ not recognised"
    results = []
    flow.finished.connect(results.append)
    dialog.reject()
    assert results == [None] and stored(context.db) == 0


def test_import_runs_in_the_background_and_reports_the_count(qtbot, parent, context, tmp_path):
    path = tmp_path / "m.csv"
    rows = [f"A{i},2026-03-02,hip_ir_deg,30,31," for i in range(CHUNK + 500)]
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    done = []
    flow = start_import(parent, context, str(path), on_done=done.append)
    click_import(flow.preview_dialog, qtbot)
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    assert isinstance(done[0], ImportResult) and done[0].measurements == CHUNK + 500
    assert stored(context.db) == CHUNK + 500
    assert flow.message.text().startswith(f"imported {CHUNK + 500} measurements")


def test_invalid_rows_are_listed_in_a_dialog_and_nothing_is_written(
    qtbot, parent, context, tmp_path
):
    path = tmp_path / "m.csv"
    path.write_text(
        f"{HEADER}\nAva,2026-03-02,hip_ir_deg,30,31,\nAva,2026-03-02,hip_ir_deg,999,31,\n"
        "Ava,yesterday,hip_er_deg,30,31,\nAva,2026-03-03,hip_er_deg,30,31,\n",
        encoding="utf-8",
    )
    done = []
    flow = start_import(parent, context, str(path), on_done=done.append)
    click_import(flow.preview_dialog, qtbot)
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    assert isinstance(done[0], ImportRejected)
    dialog = flow.errors_dialog
    assert dialog.isVisible() and dialog.model.rowCount() == 2
    assert dialog.model.stringList()[0].startswith("line 3: left: Hip IR: 999 is outside")
    assert dialog.model.stringList()[1].startswith("line 4: date 'yesterday'")
    dialog.save(str(tmp_path / "errors.txt"))
    assert (tmp_path / "errors.txt").read_text().count("\n") == 2
    dialog.grab().save(str(tmp_path / "errors.png"))
    assert stored(context.db) == 0


def gated(monkeypatch, name: str) -> threading.Event:
    """Hold the background work at its start until the test has pressed cancel."""
    gate = threading.Event()
    real = getattr(import_export, name)

    def held(*args, **kwargs):
        assert gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(import_export, name, held)
    return gate


def test_cancel_writes_nothing(qtbot, parent, context, tmp_path, monkeypatch):
    path = tmp_path / "m.csv"
    rows = [f"A{i},2026-03-02,hip_ir_deg,30,31," for i in range(2 * CHUNK)]
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    gate = gated(monkeypatch, "import_csv")
    done = []
    flow = start_import(parent, context, str(path), on_done=done.append)
    click_import(flow.preview_dialog, qtbot)
    flow.operation.cancel()
    gate.set()
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    assert done == [None] and "cancelled" in flow.message.text()
    assert stored(context.db) == 0


def test_json_into_an_empty_database_then_merge_into_one_in_use(
    qtbot, parent, context, db, catalog, tmp_path
):
    source_ctx = context
    create_demo(db, catalog, today=TODAY)
    path = tmp_path / "all.json"
    export_json(db, path)
    from app.models.db import open_database

    empty = open_database(str(tmp_path / "empty.sqlite"), create=True)
    try:
        target = AppContext(empty)
        done = []
        flow = start_import(parent, target, str(path), on_done=done.append)
        merge = flow.preview_dialog.merge
        assert merge.isEnabled() and not merge.isChecked()
        click_import(flow.preview_dialog, qtbot)
        qtbot.waitUntil(lambda: bool(done), timeout=20_000)
        assert isinstance(done[0], JsonResult) and not done[0].merged
        assert stored(empty) == stored(db)
    finally:
        empty.dispose()
    create_athlete(db, AthleteData(name="Only Here"))
    done = []
    flow = start_import(parent, source_ctx, str(path), on_done=done.append)
    merge = flow.preview_dialog.merge
    assert merge.isChecked() and not merge.isEnabled()  # in use: merging is the only way
    click_import(flow.preview_dialog, qtbot)
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    assert done[0].merged and sum(done[0].added.values()) == 0


def test_export_one_athlete_as_csv(qtbot, parent, context, db, catalog, tmp_path):
    create_demo(db, catalog, today=TODAY)
    with db.read() as s:
        ben = s.scalar(select(Athlete.id).where(Athlete.name == "Ben Okafor"))
    out = tmp_path / "ben.csv"
    done = []
    flow = start_export(parent, context, athlete_id=ben, path=str(out), on_done=done.append)
    dialog = flow.dialog
    assert dialog.one.isChecked() and dialog.athlete.currentText() == "Ben Okafor"
    assert dialog.suggested_name() == "ben-okafor-measurements.csv"
    dialog.grab().save(str(tmp_path / "export.png"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        names = {row[0] for row in list(csv.reader(fh))[1:]}
    assert names == {"Ben Okafor"} and done[0].athletes == 1


def test_json_export_is_always_the_whole_database(qtbot, parent, context, db, catalog, tmp_path):
    create_demo(db, catalog, today=TODAY)
    out = tmp_path / "all.json"
    done = []
    flow = start_export(parent, context, athlete_id=1, path=str(out), on_done=done.append)
    dialog = flow.dialog
    dialog.json.setChecked(True)
    assert dialog.all.isChecked() and not dialog.athlete.isEnabled() and dialog.athlete_id is None
    dialog.findChild(QDialogButtonBox).accepted.emit()
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    assert done[0]["athletes"] == 3 and out.exists()


def test_a_cancelled_export_leaves_no_file(
    qtbot, parent, context, db, catalog, tmp_path, monkeypatch
):
    create_demo(db, catalog, today=TODAY)
    out = tmp_path / "all.csv"
    gate = gated(monkeypatch, "export_csv")
    done = []
    flow = start_export(parent, context, path=str(out), on_done=done.append)
    flow.dialog.accept()
    flow.operation.cancel()
    gate.set()
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    assert done == [None] and "no file was written" in flow.message.text()
    assert list(tmp_path.glob("all.csv*")) == [] and list(tmp_path.glob(".all.csv*")) == []
