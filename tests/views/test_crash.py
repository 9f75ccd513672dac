"""Errors nobody caught: a dialog and a log line, never a dead window or a bare traceback."""

import pytest
from PySide6.QtCore import QObject, Signal
from sqlalchemy.exc import OperationalError

from app.logs import setup_logging
from app.views.crash import CrashDialog, ExceptionHook, plain_problem
from tests import driver_errors


class Emitter(QObject):
    fire = Signal()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_the_dialog_and_is_logged(qtbot, tmp_path):
    log_file = setup_logging(tmp_path)
    hook = ExceptionHook(str(log_file)).install()
    try:
        emitter = Emitter()

        def broken_slot():
            raise ZeroDivisionError("bad arithmetic in a slot")

        emitter.fire.connect(broken_slot)
        emitter.fire.emit()  # Qt calls sys.excepthook and carries on
        qtbot.waitUntil(lambda: len(hook.shown) == 1)
    finally:
        hook.uninstall()
    dialog = hook.shown[0]
    qtbot.addWidget(dialog)
    assert isinstance(dialog, CrashDialog)
    assert "ZeroDivisionError" in dialog.details and "broken_slot" in dialog.details
    dialog.copy_button.click()
    from PySide6.QtWidgets import QApplication

    assert "bad arithmetic" in QApplication.clipboard().text()
    assert "bad arithmetic in a slot" in log_file.read_text()
    assert oct(log_file.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize(
    ("condition", "plain"),
    [
        (driver_errors.full, "disk holding"),
        (driver_errors.locked, "locked by another program"),
        (driver_errors.read_only, "read-only"),
        (driver_errors.corrupt, "damaged"),
    ],
    ids=["full", "locked", "read-only", "corrupt"],
)
def test_environment_errors_get_a_plain_message(qtbot, tmp_path, condition, plain):
    driver_error = condition(tmp_path)  # SQLite really refused, with its own code
    exc = OperationalError("INSERT …", {}, driver_error)
    problem = plain_problem(exc)
    assert problem is not None and plain in str(problem)
    assert plain_problem(driver_error) is not None  # unwrapped (sqlite3's backup API) too
    hook = ExceptionHook(str(tmp_path / "x.log"))
    hook(type(exc), exc, None)
    box = hook.shown[0]
    qtbot.addWidget(box)
    assert plain in box.text() and "Traceback" not in box.text()


def test_our_bugs_are_not_disguised_as_environment_problems():
    assert plain_problem(KeyError("x")) is None
