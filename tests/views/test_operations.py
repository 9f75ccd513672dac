import threading

from PySide6.QtWidgets import QWidget

from app.views.operations import run_operation


def test_work_runs_off_the_gui_thread_and_reports_back(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = {}

    def work(progress):
        seen["thread"] = threading.current_thread()
        for i in range(3):
            progress.step(i + 1, 3, "working")
        return 42

    results = []
    op = run_operation(parent, "Test", work, on_success=results.append)
    qtbot.waitUntil(lambda: results == [42], timeout=5000)
    assert seen["thread"] is not threading.main_thread()
    assert not op.running


def test_cancel_stops_the_work_and_calls_on_cancel(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    gate = threading.Event()
    cancelled = []

    def work(progress):
        gate.wait(5)
        progress.step(1, 2)
        return "should not arrive"

    results = []
    op = run_operation(
        parent, "Test", work, on_success=results.append, on_cancel=lambda: cancelled.append(True)
    )
    op.cancel()
    gate.set()
    qtbot.waitUntil(lambda: cancelled == [True], timeout=5000)
    assert results == []


def test_failure_goes_to_on_failure(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    errors = []

    def work(progress):
        raise ValueError("bad file")

    run_operation(parent, "Test", work, on_failure=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert str(errors[0]) == "bad file"
