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


def test_a_worker_holds_no_object_of_the_window_that_asked(qtbot):
    """The class of "Signal source has been deleted": a worker thread emitting a signal of a
    per-call QObject that a closed (or collected) window took with it. Workers report to the
    process's relay by ticket and keep no QObject of their own."""
    from PySide6.QtCore import QObject

    from app.views.operations import relay

    parent = QWidget()
    qtbot.addWidget(parent)
    gate = threading.Event()
    op = run_operation(parent, "Test", lambda progress: gate.wait(5))
    worker_fields = vars(op._worker).values()
    assert not [v for v in worker_fields if isinstance(v, QObject)]
    gate.set()
    qtbot.waitUntil(lambda: not op.running, timeout=5000)
    assert relay().pending() == 0


def test_a_result_for_a_closed_window_is_dropped_quietly(qtbot, capfd):
    import shiboken6

    parent = QWidget()
    gate = threading.Event()
    results = []
    run_operation(parent, "Test", lambda progress: gate.wait(5), on_success=results.append)
    shiboken6.delete(parent)  # the window closed while the work ran
    gate.set()
    from app.views.operations import relay

    qtbot.waitUntil(lambda: relay().pending() == 0, timeout=5000)
    assert results == []
    assert "RuntimeError" not in capfd.readouterr().err


def test_the_answer_reaches_a_window_whose_operation_object_went_first(qtbot):
    """The status used to stay at "Writing the handout…" when the per-call object was gone
    before the worker reported; the widget that asked still hears how it went."""
    import gc

    import shiboken6

    parent = QWidget()
    qtbot.addWidget(parent)
    gate = threading.Event()
    results = []

    def work(progress):
        gate.wait(5)
        progress.step(1, 1, "done")
        return "written"

    op = run_operation(parent, "Test", work, on_success=results.append)
    shiboken6.delete(op)
    del op
    gc.collect()
    gate.set()
    qtbot.waitUntil(lambda: results == ["written"], timeout=5000)


def test_progress_reaches_the_dialog_by_the_clock_not_per_step(qtbot, monkeypatch):
    """A chunked export steps hundreds of times; each report that reaches the GUI thread is a
    queued call and a dialog repaint. Reports pass at most every 100 ms, plus the last one."""
    from app.views.operations import Operation

    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[tuple[int, int]] = []
    original = Operation._show_progress

    def note(self, done, total, text):  # type: ignore[no-untyped-def]
        shown.append((done, total))
        original(self, done, total, text)

    monkeypatch.setattr(Operation, "_show_progress", note)

    def work(progress):
        for i in range(2000):  # well under 100 ms of steps
            progress.step(i + 1, 2000, "rows")
        return "done"

    results: list[str] = []
    run_operation(parent, "Test", work, on_success=results.append)
    qtbot.waitUntil(lambda: results == ["done"], timeout=5000)
    assert len(shown) <= 3  # the first, perhaps one on the clock, the last
    assert shown[-1] == (2000, 2000)
