"""Errors nobody caught: a dialog and a log line, never a dead window or a bare traceback."""

import sys
import threading

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox
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


@pytest.fixture(autouse=True)
def _faults_back_to_stderr():
    """``setup_logging`` points faulthandler at a test's own crash.log; a later crash in
    another test must still print its stacks where the run's output goes."""
    yield
    import faulthandler

    faulthandler.enable(sys.__stderr__)


@pytest.fixture
def hook(qtbot, tmp_path):
    installed = ExceptionHook(str(setup_logging(tmp_path))).install()
    yield installed
    installed.uninstall()
    for dialog in installed.shown:
        dialog.close()


def test_the_hook_covers_threads_and_uninstall_restores_both_hooks(tmp_path):
    before_sys, before_threading = sys.excepthook, threading.excepthook
    hook = ExceptionHook(str(tmp_path / "x.log")).install()
    assert sys.excepthook is hook and threading.excepthook == hook.thread_hook
    hook.uninstall()
    assert sys.excepthook is before_sys and threading.excepthook is before_threading


def test_an_exception_in_a_worker_thread_is_logged_there_and_shown_on_the_gui_thread(
    qtbot, hook, tmp_path
):
    def import_rows():
        raise ZeroDivisionError("bad arithmetic in a worker")

    worker = threading.Thread(target=import_rows, name="csv-import")
    worker.start()
    worker.join()
    log_text = (tmp_path / "untwist.log").read_text()
    assert "bad arithmetic in a worker" in log_text and "csv-import" in log_text
    assert hook.shown == []  # not built in the worker: it waits for the GUI thread's loop
    qtbot.waitUntil(lambda: len(hook.shown) == 1)
    dialog = hook.shown[0]
    qtbot.addWidget(dialog)
    assert isinstance(dialog, CrashDialog)
    assert dialog.thread() == QApplication.instance().thread()
    assert dialog.isVisible()
    assert "import_rows" in dialog.details and "'csv-import'" in dialog.details


def test_an_environment_error_in_a_worker_thread_gets_the_plain_message(qtbot, hook, tmp_path):
    import sqlite3

    path = tmp_path / "held.sqlite"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")  # a real lock: the driver's own SQLITE_BUSY code

    def save():
        waiter = sqlite3.connect(path, timeout=0)
        try:
            waiter.execute("INSERT INTO t VALUES (1)")
        except sqlite3.OperationalError as exc:
            raise OperationalError("INSERT …", {}, exc) from exc
        finally:
            waiter.close()

    worker = threading.Thread(target=save)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(hook.shown) == 1)
    box = hook.shown[0]
    qtbot.addWidget(box)
    assert isinstance(box, QMessageBox) and box.thread() == QApplication.instance().thread()
    assert "locked by another program" in box.text() and "Traceback" not in box.text()
    holder.close()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_qt_pool_thread_is_shown_on_the_gui_thread(qtbot, hook):
    """Qt reports an exception escaping ``QRunnable.run`` through ``sys.excepthook``, on the
    pool's thread: the dialog must still be made on the GUI thread."""
    from PySide6.QtCore import QRunnable, QThreadPool

    class Broken(QRunnable):
        def run(self):
            raise KeyError("missing in a pool thread")

    pool = QThreadPool()
    pool.start(Broken())
    assert pool.waitForDone(10_000)
    qtbot.waitUntil(lambda: len(hook.shown) == 1)
    dialog = hook.shown[0]
    qtbot.addWidget(dialog)
    assert isinstance(dialog, CrashDialog)
    assert dialog.thread() == QApplication.instance().thread()
    assert "missing in a pool thread" in dialog.details


def test_a_thread_ending_with_system_exit_is_quiet(qtbot, hook, tmp_path):
    worker = threading.Thread(target=sys.exit)
    worker.start()
    worker.join()
    QApplication.processEvents()
    assert hook.shown == []
    assert "uncaught" not in (tmp_path / "untwist.log").read_text()
