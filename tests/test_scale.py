"""Clinic scale, by shape and never by timing (issue 21).

A clinic accumulates 5,000 athletes and 100,000 sessions in ten years; the window must feel the
same on that database as on a new one. Timings on a shared CI machine prove nothing, so these
tests check the two properties that make them size-independent:

- **the statement count of each interaction is constant**: the same interactions, driven in a
  real window, run the same number of SQL statements on a small database and on one with 40×
  the athletes (more than a page of the athlete list) and 100× the sessions of the athlete
  shown (500: more than four pages of the history, read a page at a time). A query per
  athlete or per session (an N+1) would differ;
- **every hot query uses an index**: each SELECT those interactions ran on the bigger
  database is explained (``EXPLAIN QUERY PLAN``), and none scans a growing table without one.

Both databases are written here with Core bulk inserts, small enough to build in a second.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event, insert

from app.domain.catalog import BUILTIN_KEYS
from app.models import Assessment, Athlete, Measurement, Program
from app.models.db import Database, open_database
from tests.conftest import TODAY, session_inputs

# tables that grow with the clinic: a scan of one of them is a cost that grows too
GROWING = ("athletes", "assessments", "measurements", "programs", "program_items",
           "adherence_entries")  # fmt: skip
SMALL = {"athletes": 10, "sessions": 3, "big_sessions": 5}
LARGE = {"athletes": 400, "sessions": 3, "big_sessions": 500}  # the 500-session athlete


@dataclass
class Statements:
    """Every statement the engine ran while recording, with its parameters (any thread)."""

    seen: list[tuple[str, object]]
    recording: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    @contextmanager
    def counting(self) -> Iterator[list[tuple[str, object]]]:
        start = len(self.seen)
        found: list[tuple[str, object]] = []
        self.recording = True
        try:
            yield found
        finally:
            self.recording = False
            found += self.seen[start:]


def watch(db: Database) -> Statements:
    statements = Statements([])

    @event.listens_for(db.engine, "before_cursor_execute")
    def _seen(_conn, _cursor, statement, parameters, _context, _many):  # type: ignore[no-untyped-def]
        if statements.recording:
            with statements.lock:
                statements.seen.append((statement, parameters))

    return statements


def build(path: Path, athletes: int, sessions: int, big_sessions: int) -> Database:
    """Athletes ``Athlete 0001…``; ``Athlete 0002`` has ``big_sessions``, the rest ``sessions``.

    Every session holds all 12 built-in measurements; every athlete has a program.
    """
    db = open_database(str(path), create=True)
    athlete_rows, session_rows, results, programs = [], [], [], []
    for a in range(1, athletes + 1):
        athlete_rows.append({"id": a, "name": f"Athlete {a:04d}", "version": 1})
        count = big_sessions if a == 2 else sessions
        for n in range(count):
            session_id = len(session_rows) + 1
            day = TODAY - dt.timedelta(days=7 * (count - n))
            session_rows.append({"id": session_id, "athlete_id": a, "date": day, "version": 1})
            for key in BUILTIN_KEYS:
                value = 1.0 if key == "adduction_drop_test" else 10.0 + n % 5
                results.append(
                    {"assessment_id": session_id, "key": key, "left": value, "right": value,
                     "left_1": value, "right_1": value}
                )  # fmt: skip
        programs.append({"athlete_id": a, "start_date": TODAY, "weeks": 4, "version": 1})
    with db.engine.begin() as connection:
        connection.execute(insert(Athlete), athlete_rows)
        connection.execute(insert(Assessment), session_rows)
        connection.execute(insert(Measurement), results)
        connection.execute(insert(Program), programs)
    return db


def drive(qtbot, db: Database, path: Path) -> tuple[dict[str, int], list[tuple[str, object]]]:  # type: ignore[no-untyped-def]
    """Run each interaction in a real window; its statement count, and every statement."""
    from app.services.athletes import find_athlete
    from app.services.catalog import load_catalog
    from app.services.context import AppContext
    from app.services.programs import write_handout
    from app.services.sessions import record_session
    from app.services.settings import get_settings
    from app.services.summary import latest_summary
    from app.views.main_window import MainWindow

    statements = watch(db)
    counts: dict[str, int] = {}
    everything: list[tuple[str, object]] = []

    def measure(name: str, action: Callable[[], object]) -> None:
        if window is not None:  # the poll of the window's activation: not this interaction's
            window.freshness_timer.stop()
            qtbot.waitUntil(lambda: window is not None and not window._polling)
        with statements.counting() as found:
            action()
        counts[name] = len(found)
        everything.extend(found)

    window: MainWindow | None = None

    def start() -> None:
        nonlocal window
        window = MainWindow(AppContext(db), remember_geometry=False)
        # the poll on activation runs in a thread, whenever the platform activates the window:
        # it is measured on its own below, not as part of whichever step it overlaps
        window.check_freshness = lambda: False  # type: ignore[method-assign]
        qtbot.addWidget(window)
        window.resize(1000, 700)
        window.show()
        qtbot.waitUntil(lambda: window is not None and window.page_ready("sessions"))
        qtbot.waitUntil(lambda: window is not None and not window._polling)  # the baseline

    measure("start, first athlete's history", start)
    assert window is not None
    athletes = window.athlete_list

    def select(name: str) -> None:
        row = next(i for i in range(athletes.list.count()) if athletes.list.item(i).text() == name)
        athletes.list.setCurrentRow(row)
        qtbot.waitUntil(lambda: window is not None and window.page_ready("sessions"))

    measure("switch to a typical athlete", lambda: select("Athlete 0003"))
    measure("switch to the long history", lambda: select("Athlete 0002"))

    def trends() -> None:
        assert window is not None
        window.show_view("trends")
        qtbot.waitUntil(lambda: window is not None and window.page_ready("trends"), timeout=20000)

    measure("open Trends", trends)
    measure("switch on Trends", lambda: select("Athlete 0004"))

    def back_to_sessions() -> None:
        assert window is not None
        window.show_view("sessions")
        qtbot.waitUntil(lambda: window is not None and window.page_ready("sessions"))

    measure("back to Sessions", back_to_sessions)

    def keystroke() -> None:
        athletes.search.setText("athlete 00")
        athletes._debounce.stop()
        athletes.reload()

    measure("search keystroke", keystroke)

    def clear_search() -> None:
        athletes.search.setText("")
        athletes._debounce.stop()
        athletes.reload()

    measure("clear the search", clear_search)
    catalog = window.context.catalog
    athlete_id = window.athlete.id if window.athlete else 0

    def save() -> None:
        record_session(db, catalog, athlete_id, TODAY, session_inputs(hip_ir_deg=(30, 40)))
        qtbot.waitUntil(lambda: window is not None and window.page_ready("sessions"))

    measure("save a session (and the pages' reload)", save)

    def poll() -> None:
        assert window is not None
        with qtbot.waitSignal(window.freshness_checked, timeout=10000):
            assert MainWindow.check_freshness(window)

    measure("freshness poll, nothing new", poll)
    other = open_database(str(path), create=False)
    try:
        record_session(other, catalog, athlete_id, TODAY, session_inputs(hip_er_deg=(30, 40)))
    finally:
        other.dispose()
    measure("freshness poll after another desk saved", poll)

    def summary() -> None:
        found = find_athlete(db, "Athlete 0002")
        latest_summary(db, load_catalog(db), found.id)

    measure("summary command", summary)

    def report() -> None:
        found = find_athlete(db, "Athlete 0002")
        write_handout(db, load_catalog(db), get_settings(db), found.id, path.with_suffix(".pdf"))

    measure("report command", report)
    window.close()
    return counts, everything


@pytest.fixture
def databases(tmp_path: Path) -> Iterator[tuple[tuple[Database, Path], tuple[Database, Path]]]:
    small = build(tmp_path / "small.sqlite", **SMALL)
    large = build(tmp_path / "large.sqlite", **LARGE)
    yield (small, tmp_path / "small.sqlite"), (large, tmp_path / "large.sqlite")
    small.dispose()
    large.dispose()


def plan(path: Path, statement: str, parameters: object) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute(f"EXPLAIN QUERY PLAN {statement}", parameters or ()).fetchall()  # type: ignore[arg-type]
    finally:
        conn.close()
    return [row[3] for row in rows]


def full_scans(path: Path, statements: list[tuple[str, object]]) -> list[str]:
    """``table: statement`` for each SELECT whose plan scans a growing table without an index."""
    found = []
    for statement, parameters in statements:
        if not statement.lstrip().upper().startswith("SELECT"):
            continue
        for line in plan(path, statement, parameters):
            match = re.match(r"SCAN (\w+)(?: AS \w+)?$", line)
            if match and match.group(1) in GROWING:
                found.append(f"{match.group(1)}: {' '.join(statement.split())[:160]}")
    return found


def test_every_interaction_runs_the_same_statements_on_a_small_and_a_large_database(
    qtbot, databases
):
    (small, small_path), (large, large_path) = databases
    small_counts, _ = drive(qtbot, small, small_path)
    large_counts, large_statements = drive(qtbot, large, large_path)
    assert all(small_counts.values()), small_counts  # each interaction did read or write
    assert large_counts == small_counts
    assert full_scans(large_path, large_statements) == []


def test_the_athlete_list_reads_a_page_not_the_clinic(qtbot, databases):
    from app.services.athletes import ATHLETE_PAGE
    from app.services.context import AppContext
    from app.views.main_window import MainWindow

    _, (large, _path) = databases
    window = MainWindow(AppContext(large), remember_geometry=False)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    listed = window.athlete_list.list
    assert listed.count() == ATHLETE_PAGE < LARGE["athletes"]
    listed.scrollToBottom()  # the user scrolls to the end: the next page comes
    qtbot.waitUntil(lambda: listed.count() == LARGE["athletes"])
    names = [listed.item(i).text() for i in range(listed.count())]
    assert names == sorted(names) and len(set(names)) == len(names)
    window.athlete_list.reload(LARGE["athletes"])  # the last athlete, after a reload: kept
    assert window.athlete_list.current_id() == LARGE["athletes"]


def test_a_selection_beyond_the_first_page_is_shown_after_a_reload(qtbot, databases):
    from app.services.context import AppContext
    from app.views.main_window import MainWindow

    _, (large, _path) = databases
    window = MainWindow(AppContext(large), remember_geometry=False)
    qtbot.addWidget(window)
    window.athlete_list.reload(350)  # e.g. an athlete just created, far down the list
    assert window.athlete_list.current_id() == 350
    assert window.athlete is not None and window.athlete.name == "Athlete 0350"


def test_the_migrations_build_the_same_indexes_as_the_models(tmp_path):
    """Alembic's comparison skips expression indexes; compare SQLite's own index SQL."""
    from sqlalchemy import create_engine

    from app.models.db import upgrade

    migrated = tmp_path / "migrated.sqlite"
    engine = create_engine(f"sqlite:///{migrated}")
    upgrade(engine)
    engine.dispose()
    created = tmp_path / "created.sqlite"
    open_database(str(created), create=True).dispose()

    def indexes(path: Path) -> set[tuple[str, str]]:
        conn = sqlite3.connect(path)
        try:
            return {
                (name, " ".join((sql or "").replace('"', "").split()))
                for name, sql in conn.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                )
            }
        finally:
            conn.close()

    assert indexes(migrated) == indexes(created)
    assert any(name == "ix_assessments_athlete_date" for name, _ in indexes(created))
    assert not any(name == "ix_athletes_name_lower" for name, _ in indexes(created))


def test_a_plain_sqlite_connection_finds_the_file_intact(tmp_path):
    """No index may depend on the app's own lower(): integrity_check (restore), the sqlite3
    shell and every other tool read the file without it."""
    from app.domain.records import AthleteData
    from app.services.athletes import create_athlete

    path = tmp_path / "names.sqlite"
    db = open_database(str(path), create=True)
    try:
        for name in ("ÉMILE Dubois", "Ørjan Ås", "ZOË Kim", "Łukasz Nowak", "anna"):
            create_athlete(db, AthleteData(name=name))
    finally:
        db.dispose()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


def test_the_athlete_list_uses_its_index_on_postgresql(pg_url):
    from sqlalchemy import text

    from app.services.athletes import list_athletes

    db = open_database(pg_url, create=True)
    statements = watch(db)
    try:
        with statements.counting() as found:
            first = list_athletes(db, limit=200)
            assert first == []
        statement, parameters = found[-1]
        with db.engine.connect() as conn:
            conn.execute(text("SET enable_seqscan = off"))  # tiny table: show the index works
            plan = conn.exec_driver_sql(f"EXPLAIN {statement}", parameters).scalars().all()
    finally:
        db.dispose()
    assert any("ix_athletes_folded_name" in line for line in plan), plan


def test_the_athlete_list_and_its_search_read_the_folded_name_index_on_sqlite(tmp_path):
    """Every page and every search keystroke walks ``(folded_name, id)`` in order and stops
    at the page's end: no sort of the clinic's names (it went through the app's Python
    lower(), 15-40 ms a keystroke at 5,000 athletes), on SQLite as on PostgreSQL."""
    from app.domain.records import AthleteData
    from app.services.athletes import create_athlete, get_athlete, list_athletes

    path = tmp_path / "names.sqlite"
    db = open_database(str(path), create=True)
    statements = watch(db)
    try:
        for name in ("Chloé Martin", "chloe Adams", "Émile Roux", "Zoë Kim", "Ava Berg"):
            create_athlete(db, AthleteData(name=name))
        shown = get_athlete(db, 2)
        with statements.counting() as found:
            assert [a.name for a in list_athletes(db, limit=2)] == ["Ava Berg", "chloe Adams"]
            assert [a.name for a in list_athletes(db, search="CHLOE", limit=200)] == [
                "chloe Adams",
                "Chloé Martin",
            ]
            list_athletes(db, after=shown, limit=200)
            list_athletes(db, through=4, limit=200)
    finally:
        db.dispose()
    assert len(found) == 4
    for statement, parameters in found:
        steps = plan(path, statement, parameters)
        assert any("ix_athletes_folded_name" in step for step in steps), steps
        assert not any("TEMP B-TREE" in step for step in steps), steps


def test_the_history_makes_rows_for_what_is_in_view(qtbot, tmp_path):
    from app.services.catalog import load_catalog
    from app.services.sessions import list_sessions
    from app.views.history import HISTORY_BATCH, HistoryTree

    db = build(tmp_path / "long.sqlite", athletes=2, sessions=1, big_sessions=250)
    try:
        catalog = load_catalog(db)
        sessions = list_sessions(db, 2, catalog)
    finally:
        db.dispose()
    tree = HistoryTree()
    qtbot.addWidget(tree)
    tree.resize(900, 500)
    tree.show()
    tree.set_sessions(sessions, catalog, None, "cm")
    assert tree.topLevelItemCount() == HISTORY_BATCH < len(sessions)
    tree.scrollToBottom()  # the user scrolls down: the next batch, and so on to the end
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > HISTORY_BATCH)
    for _ in range(10):  # bounded: a history that stopped growing fails below
        tree.scrollToBottom()
    assert tree.topLevelItemCount() == len(sessions)
    ids = [tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) for i in range(len(sessions))]
    assert ids == [s.id for s in sessions]
    # a session selected far down keeps its selection when the history is read again
    tree.setCurrentItem(tree.topLevelItem(220))
    tree.set_sessions(sessions, catalog, None, "cm")
    assert tree.selected_session_id() == sessions[220].id
    assert HISTORY_BATCH <= tree.topLevelItemCount() <= 221 + HISTORY_BATCH


def test_the_history_pages_walk_the_athlete_date_index(tmp_path):
    """The newest page, the first session and an older page: each an index walk that stops,
    never a sort of the athlete's sessions (no temp B-tree)."""
    from app.services.catalog import load_catalog
    from app.services.sessions import older_sessions, session_history

    path = tmp_path / "long.sqlite"
    db = build(path, athletes=3, sessions=2, big_sessions=250)
    statements = watch(db)
    try:
        catalog = load_catalog(db)
        with statements.counting() as found:
            history = session_history(db, 2, catalog, limit=101)
            older = older_sessions(db, 2, history.newest[-1], catalog, limit=100)
    finally:
        db.dispose()
    assert len(history.newest) == 101 and history.count == 250 and len(older) == 100
    assert history.first is not None and history.first.date < older[-1].date
    session_reads = [(s, p) for s, p in found if "FROM assessments" in s]
    assert len(session_reads) == 4  # count, newest page, first session, older page
    for statement, parameters in session_reads:
        lines = plan(path, statement, parameters)
        # the page reads walk (athlete_id, date, id); the count may use (athlete_id) alone
        index = "ix_assessments_athlete" + ("_id" if "count(" in statement else "_date")
        assert any(f"INDEX {index}" in line for line in lines), lines
        assert not any("TEMP B-TREE" in line for line in lines), lines
    assert full_scans(path, found) == []
