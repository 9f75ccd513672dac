"""Clinic mode on a real PostgreSQL server: two desks, four busy desks, moving a database,
the command line on a URL, and a server that goes away while a form is open."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import event, func, select

from app.cli import parse, run_command
from app.domain.records import AthleteData
from app.models import Assessment
from app.models.db import open_database
from app.models.errors import DatabaseUnreachable
from app.services.athletes import create_athlete, get_athlete, list_athletes, update_athlete
from app.services.catalog import load_catalog
from app.services.context import AppContext
from app.services.errors import Conflict
from app.services.sessions import get_session, list_sessions, record_session, update_session
from tests.conftest import TODAY, session_inputs
from tests.pgserver import PostgresServer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def desks(pg_url):
    """Two desks: two separate engines (connection pools) on the same clinic database."""
    first = open_database(pg_url, create=True)
    second = open_database(pg_url, create=False)
    yield first, second
    first.dispose()
    second.dispose()


# -- two desks, one record -------------------------------------------------------------------


def test_the_second_writer_gets_the_conflict_and_the_first_writers_data_survives(desks):
    front, back = desks
    made = create_athlete(front, AthleteData(name="Mia Stone", sport="Tennis"))
    seen_front, seen_back = get_athlete(front, made.id), get_athlete(back, made.id)
    update_athlete(front, made.id, AthleteData(name="Mia Stone", sport="Padel"), seen_front.version)
    with pytest.raises(Conflict) as refused:
        update_athlete(
            back, made.id, AthleteData(name="Mia Stone", sport="Squash"), seen_back.version
        )
    assert refused.value.current.sport == "Padel"  # what the dialog shows as "theirs"
    assert get_athlete(back, made.id).sport == "Padel"


def test_a_save_racing_between_read_and_write_is_caught_too(desks):
    """The other desk commits after this desk read the row but before it writes: the version
    check in the UPDATE (not only the comparison before it) refuses the write."""
    front, back = desks
    catalog = load_catalog(front)
    athlete = create_athlete(front, AthleteData(name="Race Case"))
    session = record_session(front, catalog, athlete.id, TODAY, session_inputs(hip_ir_deg=(28, 41)))
    fired = []

    @event.listens_for(back.sessions, "before_flush")
    def _other_desk_saves_now(*_):  # type: ignore[no-untyped-def]
        if not fired:
            fired.append(1)
            update_session(
                front,
                catalog,
                session.id,
                session.version,
                TODAY,
                session_inputs(hip_ir_deg=(30, 41)),
                clinician="Front desk",
            )

    with pytest.raises(Conflict) as refused:
        update_session(
            back, catalog, session.id, session.version, TODAY, session_inputs(hip_ir_deg=(35, 41))
        )
    assert fired and refused.value.current.clinician == "Front desk"
    assert get_session(back, session.id).measurement("hip_ir_deg").left == 30


# -- four busy desks ---------------------------------------------------------------------------

DESK = textwrap.dedent(
    """
    import datetime as dt, sys
    from app.domain.records import MeasurementInput
    from app.models.db import open_database
    from app.services.catalog import load_catalog
    from app.services.sessions import record_session

    url, desk, athlete_id, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    db = open_database(url, create=False)
    catalog = load_catalog(db)
    for n in range(count):
        record_session(
            db, catalog, athlete_id, dt.date(2026, 1, 1) + dt.timedelta(days=n % 300),
            [MeasurementInput("hip_ir_deg", (20 + n % 50,), (30,))],
            clinician=desk, notes=str(n),
        )
    db.dispose()
    """
)


def test_four_desks_saving_200_sessions_each_lose_nothing(pg_url):
    db = open_database(pg_url, create=True)
    try:
        athlete = create_athlete(db, AthleteData(name="Load Test"))
        started = time.perf_counter()
        desks = [
            subprocess.Popen(
                [sys.executable, "-c", DESK, pg_url, f"desk {n}", str(athlete.id), "200"],
                cwd=ROOT,
                stderr=subprocess.PIPE,
                text=True,
            )
            for n in range(4)
        ]
        for desk in desks:
            _, err = desk.communicate(timeout=120)
            assert desk.returncode == 0, err
        elapsed = time.perf_counter() - started
        sessions = list_sessions(db, athlete.id)
        assert len(sessions) == 800
        assert {(s.clinician, s.notes) for s in sessions} == {
            (f"desk {d}", str(n)) for d in range(4) for n in range(200)
        }
        assert all(len(s.measurements) == 1 for s in sessions)
        print(f"4 desks x 200 sessions: {elapsed:.1f} s")
    finally:
        db.dispose()


# -- moving a database -------------------------------------------------------------------------


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def summaries(target: str, capsys) -> dict[str, str]:  # type: ignore[no-untyped-def]
    db = open_database(target, create=False)
    names = [a.name for a in list_athletes(db, include_archived=True)]
    db.dispose()
    out = {}
    for name in names:
        assert run_command(parse(["summary", "--db", target, "--athlete", name])) == 0
        out[name] = capsys.readouterr().out
    return out


def test_db_copy_round_trips_the_demo_with_identical_summaries(tmp_path, pg_url, capsys):
    start, back = tmp_path / "demo.sqlite", tmp_path / "back.sqlite"
    assert cli("demo", "--db", str(start)).returncode == 0
    to_server = cli("db", "copy", "--from", str(start), "--to", pg_url)
    assert to_server.returncode == 0, to_server.stderr
    assert "counts verified" in to_server.stdout
    home = cli("db", "copy", "--from", pg_url, "--to", str(back))
    assert home.returncode == 0, home.stderr
    original = summaries(str(start), capsys)
    assert len(original) == 3 and all("Latest session" in text for text in original.values())
    assert summaries(pg_url, capsys) == original
    assert summaries(str(back), capsys) == original
    again = cli("db", "copy", "--from", str(start), "--to", pg_url)
    assert again.returncode == 2 and len(again.stderr.strip().splitlines()) == 1
    assert "already holds data" in again.stderr


def test_the_command_line_works_on_a_server_url(tmp_path, pg_url):
    assert cli("demo", "--db", pg_url).returncode == 0
    summary = cli("summary", "--db", pg_url, "--athlete", "Ava Lindqvist")
    assert summary.returncode == 0 and "Ava Lindqvist" in summary.stdout
    exported = cli("export", "--db", pg_url, "--format", "json", "-o", str(tmp_path / "all.json"))
    assert exported.returncode == 0 and "3 athletes" in exported.stdout
    report = cli(
        "report", "--db", pg_url, "--athlete", "Ava Lindqvist", "-o", str(tmp_path / "a.pdf")
    )
    assert report.returncode == 0, report.stderr
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")
    env_run = subprocess.run(
        [sys.executable, "-m", "app", "summary", "--athlete", "Ben Okafor"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "UNTWIST_DB": pg_url},
    )
    assert env_run.returncode == 0 and "Ben Okafor" in env_run.stdout


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://untwist:secret@127.0.0.1:1/clinic",  # nothing listens there
        "postgresql+psycopg://nobody:wrong@/postgres?host={sock}&port={port}",  # unknown role
    ],
)
def test_an_unreachable_server_is_one_line_without_the_password(url, postgres_server):
    url = url.format(sock=postgres_server.socket_dir, port=postgres_server.port)
    result = cli("summary", "--db", url, "--athlete", "Ava")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Cannot reach" in result.stderr or "Cannot use" in result.stderr
    assert "secret" not in result.stderr and "wrong" not in result.stderr
    with pytest.raises(DatabaseUnreachable):
        open_database(url, create=False)


# -- the server goes away while a form is open -------------------------------------------------


class RestartableServer(PostgresServer):
    """A cluster of its own, so stopping it disturbs no other test."""

    def __init__(self, bin_dir: Path) -> None:
        super().__init__(bin_dir)
        self.port += 1  # not the shared test server's socket name

    def halt(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def resume(self) -> None:
        options = (
            f"-c listen_addresses='' -c unix_socket_directories={self.socket_dir} "
            f"-p {self.port} -c fsync=off"
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "-l",
            str(self.root / "server.log"),
            "start",
        )


@pytest.fixture
def own_server(postgres_server):
    server = RestartableServer(postgres_server.bin_dir)
    server.start()
    yield server
    server.stop()


def test_server_down_mid_form_keeps_the_form_and_save_works_after_restart(
    qtbot, own_server, monkeypatch
):
    from app.views.session_editor import SessionEditor

    db = open_database(own_server.url(own_server.create_database()), create=True)
    try:
        athlete = create_athlete(db, AthleteData(name="Nia Cole"))
        editor = SessionEditor(AppContext(db), athlete, ["hip_ir_deg"])
        qtbot.addWidget(editor)
        editor.show()
        editor.row_for("hip_ir_deg").left[0].setText("28")
        editor.row_for("hip_ir_deg").right[0].setText("41")
        warnings: list[str] = []
        monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))

        own_server.halt()
        editor.save()  # on a server the save runs off the GUI thread: wait for its answer
        qtbot.waitUntil(lambda: len(warnings) == 1, timeout=30_000)
        assert len(warnings) == 1 and warnings[0].startswith("Cannot reach")
        assert "Save again" in warnings[0] and "Traceback" not in warnings[0]
        assert editor.isVisible() and editor.row_for("hip_ir_deg").left[0].text() == "28"
        assert editor.save_button.isEnabled()

        own_server.resume()
        with qtbot.waitSignal(editor.saved):
            editor.save()
        assert [s.measurement("hip_ir_deg").left for s in list_sessions(db, athlete.id)] == [28]
    finally:
        db.dispose()


def test_a_connection_dropped_mid_save_writes_nothing_and_a_retry_works(own_server):
    import psycopg

    db = open_database(own_server.url(own_server.create_database()), create=True)
    catalog = load_catalog(db)
    athlete = create_athlete(db, AthleteData(name="Half Written"))
    inputs = session_inputs(hip_ir_deg=(28, 41), hip_er_deg=(45, 33))
    dropped = []

    @event.listens_for(db.engine, "before_cursor_execute")
    def _network_drop(conn, cursor, statement, *_):  # type: ignore[no-untyped-def]
        if statement.startswith("INSERT INTO measurements") and not dropped:
            dropped.append(1)  # the session row is written; now the line goes dead
            pid = conn.connection.dbapi_connection.info.backend_pid
            with psycopg.connect(
                host=str(own_server.socket_dir),
                port=own_server.port,
                user="postgres",
                dbname="postgres",
                autocommit=True,
            ) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))

    try:
        with pytest.raises(DatabaseUnreachable):
            record_session(db, catalog, athlete.id, TODAY, inputs)
        assert dropped
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(Assessment)) == 0
        saved = record_session(db, catalog, athlete.id, TODAY, inputs)  # the retry
        assert len(saved.measurements) == 2
    finally:
        db.dispose()
