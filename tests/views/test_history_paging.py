"""The Sessions page reads a long history a page at a time (issue 21).

An athlete with 500 sessions: the page reads the newest page (and one more session, the
previous of its last row), the first session (the baseline of "since first") and the count;
older pages come as the history scrolls. What a clinician sees must not change: every
session in order, the same changes since the previous and the first session, the editor on
an old session, a delete on the second page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import insert

from app.domain.catalog import BUILTIN_KEYS
from app.models import Assessment, Athlete, Measurement
from app.models.db import Database, open_database
from app.services.context import AppContext
from app.services.sessions import list_sessions
from app.views.history import HISTORY_BATCH, SESSION_ROLE, HistoryTree
from app.views.main_window import MainWindow
from tests.conftest import TODAY

SESSIONS = 500


def _value(key: str, n: int) -> float:
    if key == "adduction_drop_test":
        return float(n % 2)
    if key == "foot_posture_index":
        return float(n % 5)
    if key == "hip_ir_deg":  # the first session stands out: "since first" shows it
        return 15.0 if n == 0 else 30.0 + n % 7
    return 10.0 + n % 5


@pytest.fixture
def long_db(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Athlete 1 with 500 weekly sessions of all 12 measurements; athlete 2 with three."""
    db = open_database(str(tmp_path / "long.sqlite"), create=True)
    sessions, results = [], []
    for athlete, count in ((1, SESSIONS), (2, 3)):
        for n in range(count):
            sid = len(sessions) + 1
            day = TODAY - dt.timedelta(days=7 * (count - n))
            sessions.append({"id": sid, "athlete_id": athlete, "date": day, "version": 1})
            for key in BUILTIN_KEYS:
                left, right = _value(key, n), _value(key, n + (key == "hip_ir_deg"))
                results.append({"assessment_id": sid, "key": key, "left": left, "right": right,
                                "left_1": left, "right_1": right})  # fmt: skip
    with db.engine.begin() as connection:
        connection.execute(
            insert(Athlete),
            [
                {"id": 1, "name": "Aaron Long", "version": 1},
                {"id": 2, "name": "Bea Short", "version": 1},
            ],
        )
        connection.execute(insert(Assessment), sessions)
        connection.execute(insert(Measurement), results)
    yield db
    db.dispose()


@pytest.fixture
def window(qtbot, long_db: Database) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(AppContext(long_db), remember_geometry=False)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    window.show_view("sessions")
    window.athlete_list.reload(1)
    qtbot.waitUntil(lambda: window.page_ready("sessions"))
    assert window.athlete is not None and window.athlete.id == 1
    return window


def _ids(tree: HistoryTree) -> list[int]:
    return [tree.topLevelItem(i).data(0, SESSION_ROLE) for i in range(tree.topLevelItemCount())]


def _scroll_to_the_end(qtbot, tree: HistoryTree) -> None:  # type: ignore[no-untyped-def]
    for _ in range(SESSIONS // HISTORY_BATCH + 3):  # bounded: a history that stops fails later
        tree.scrollToBottom()
        qtbot.wait(1)


def _children(tree: HistoryTree, row: int) -> list[list[str]]:
    item = tree.topLevelItem(row)
    item.setExpanded(True)
    return [
        [item.child(c).text(col) for col in range(tree.columnCount())]
        for c in range(item.childCount())
    ]


def test_the_page_reads_the_newest_sessions_not_the_whole_history(window):
    page = window.sessions_page
    assert page.history.held() == HISTORY_BATCH + 1  # a page, and the previous of its last row
    assert page.history.topLevelItemCount() == HISTORY_BATCH
    assert page.session_count == SESSIONS
    assert "500 sessions" in page.header.text()
    newest = list_sessions(window.context.db, 1)[0]
    assert page.usual_keys()[: len(newest.measurements)] == [
        m.key for m in newest.measurements
    ]


def test_scrolling_to_the_end_shows_every_session_in_order(qtbot, window):
    tree = window.sessions_page.history
    _scroll_to_the_end(qtbot, tree)
    assert _ids(tree) == [s.id for s in list_sessions(window.context.db, 1)]


def test_paged_rows_show_the_changes_the_whole_history_shows(qtbot, window):
    """Since previous and since first on every page, the oldest row included."""
    db, catalog = window.context.db, window.context.catalog
    paged = window.sessions_page.history
    _scroll_to_the_end(qtbot, paged)
    whole = HistoryTree()
    qtbot.addWidget(whole)
    whole.set_sessions(list_sessions(db, 1, catalog), catalog, None, "cm")
    while whole.has_more():
        whole.fetch_more()
    for row in (0, HISTORY_BATCH - 1, HISTORY_BATCH, 250, SESSIONS - 2, SESSIONS - 1):
        assert _children(paged, row) == _children(whole, row), row


def test_since_first_measures_from_the_first_session(window):
    tree = window.sessions_page.history
    rows = _children(tree, 0)  # the newest: left hip IR 30 + 499 % 7 = 32 now, 15 at the start
    hip = next(r for r in rows if r[0].startswith(window.context.catalog["hip_ir_deg"].label))
    assert hip[7].startswith("L +17")


def test_an_old_session_opens_in_the_editor_and_is_selected_once_saved(qtbot, window):
    db = window.context.db
    old = list_sessions(db, 1)[300]  # on the fourth page, never scrolled to
    window.edit_session(old.id)
    editor = window.editor
    assert editor.session is not None and editor.session.id == old.id
    row = editor.row_for("side_plank_s")
    assert row is not None
    row.left[0].setText("99")
    with qtbot.waitSignal(editor.saved):
        editor.save()
    history = window.sessions_page.history
    assert history.selected_session_id() == old.id  # read down to it, then selected
    saved = next(s for s in list_sessions(db, 1) if s.id == old.id)
    assert saved.measurement("side_plank_s").left == 99


def test_deleting_a_session_on_the_second_page(qtbot, window):
    db = window.context.db
    tree = window.sessions_page.history
    tree.scrollToBottom()
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > HISTORY_BATCH)
    before = [s.id for s in list_sessions(db, 1)]
    victim = before[150]
    tree.setCurrentItem(tree.topLevelItem(150))
    assert tree.selected_session_id() == victim
    window.sessions_page.delete_button.click()
    after = [s.id for s in list_sessions(db, 1)]
    assert after == [i for i in before if i != victim]
    assert "499 sessions" in window.sessions_page.header.text()
    rows = _ids(tree)
    assert len(rows) > 150  # the reload kept the history as deep as it was scrolled
    assert rows == after[: len(rows)]
    _scroll_to_the_end(qtbot, tree)
    assert _ids(tree) == after
    window.undo_stack.undo()  # and back (under a new id)
    restored = [s.id for s in list_sessions(db, 1)]
    assert len(restored) == len(before)
    _scroll_to_the_end(qtbot, tree)
    assert _ids(tree) == restored


def test_switching_athletes_drops_an_older_page_asked_for_the_other(qtbot, window):
    tree = window.sessions_page.history
    held = list(tree._sessions)
    window.athlete_list.reload(2)
    qtbot.waitUntil(lambda: window.page_ready("sessions"))
    tree.add_older_sessions(held[:5], after_id=held[-1].id)  # late answer for athlete 1
    assert len(_ids(tree)) == 3
    assert tree.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole) in {
        s.id for s in list_sessions(window.context.db, 2)
    }
