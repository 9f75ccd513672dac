"""A clinic server that stops answering never freezes the window.

The server is paused for real (SIGSTOP to the postmaster and every backend), so each query
waits on its socket exactly as it does when the server machine hangs; the event loop must keep
turning while the freshness poll and an athlete switch wait for it, and both finish once the
server answers again.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer

from app.domain.records import AthleteData
from app.models.db import open_database
from app.services.athletes import create_athlete
from app.services.catalog import load_catalog
from app.services.context import AppContext
from app.services.sessions import record_session
from app.views.main_window import MainWindow
from tests.conftest import TODAY, session_inputs


@contextlib.contextmanager
def paused(server, at_most_s: float = 3.0) -> Iterator[None]:
    """The whole cluster stopped (not killed) for the block; always resumed.

    A watchdog thread resumes it after ``at_most_s`` whatever happens, so a window that does
    block fails the stall assertion instead of hanging the test run.
    """
    pids = server.processes()

    def resume() -> None:
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)

    watchdog = threading.Timer(at_most_s, resume)
    for pid in pids:
        os.kill(pid, signal.SIGSTOP)
    watchdog.start()
    try:
        yield
    finally:
        watchdog.cancel()
        resume()


def longest_stall_ms(qtbot, for_ms: int) -> int:
    """Run the event loop for ``for_ms`` and return the longest gap between 10 ms ticks."""
    clock, last, worst = QElapsedTimer(), [0], [0]
    clock.start()

    def tick() -> None:
        now = clock.elapsed()
        worst[0] = max(worst[0], now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    qtbot.wait(for_ms)
    timer.stop()
    return worst[0]


@pytest.fixture
def clinic_window(qtbot, pg_url):
    db = open_database(pg_url, create=True)
    catalog = load_catalog(db)
    for name, values in (("Ada Early", (30, 41)), ("Bo Late", (35, 36))):
        a = create_athlete(db, AthleteData(name=name))
        record_session(db, catalog, a.id, TODAY, session_inputs(hip_ir_deg=values))
    window = MainWindow(AppContext(db), remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.freshness_pending and window.page_ready("sessions"))
    yield window
    window.close()
    db.dispose()


def test_a_paused_server_leaves_the_window_responsive(qtbot, clinic_window, postgres_server):
    window = clinic_window
    assert window.athlete.name == "Ada Early"
    with paused(postgres_server):
        started = time.monotonic()
        assert window.check_freshness()  # the poll goes out and waits for the server
        window.athlete_list.list.setCurrentRow(1)  # a click on another athlete
        assert window.athlete.name == "Bo Late"
        stall = longest_stall_ms(qtbot, 600)
        waited = time.monotonic() - started
        assert stall < 200, f"the event loop stalled for {stall} ms"
        assert waited < 2.5, f"the window was blocked for {waited:.1f} s"
        assert window.freshness_pending and not window.page_ready("sessions")  # still waiting
    qtbot.waitUntil(lambda: not window.freshness_pending, timeout=20_000)
    qtbot.waitUntil(lambda: window.page_ready("sessions"), timeout=20_000)
    assert "Bo Late" in window.sessions_page.header.text()
    assert window.sessions_page.history.topLevelItemCount() == 1


def test_a_save_waits_for_a_paused_server_without_freezing_and_then_lands(
    qtbot, clinic_window, postgres_server
):
    from app.services.sessions import list_sessions
    from app.views.session_editor import SessionEditor

    window = clinic_window
    athlete = window.athlete
    editor = SessionEditor(window.context, athlete, ["hip_ir_deg"], parent=window)
    qtbot.addWidget(editor)
    editor.show()
    row = editor.row_for("hip_ir_deg")
    qtbot.keyClicks(row.left[0], "31")
    qtbot.keyClicks(row.right[0], "40")
    with paused(postgres_server):
        started = time.monotonic()
        editor.save()
        stall = longest_stall_ms(qtbot, 600)
        waited = time.monotonic() - started
        assert stall < 200, f"the event loop stalled for {stall} ms"
        assert waited < 2.5, f"the window was blocked for {waited:.1f} s"
        assert editor.isVisible()  # still waiting for the server, nothing lost
    with qtbot.waitSignal(editor.saved, timeout=20_000):
        pass
    assert not editor.isVisible()
    assert len(list_sessions(window.context.db, athlete.id)) == 2
