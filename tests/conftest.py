"""Shared fixtures: a fresh SQLite file per test, the catalog, and sample athletes."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

from app.domain.catalog import Catalog
from app.domain.records import AthleteData, AthleteInfo, MeasurementInput
from app.models.db import Database, open_database
from app.services.athletes import create_athlete
from app.services.catalog import load_catalog

if TYPE_CHECKING:
    from tests.pgserver import PostgresServer

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests expect English unless they choose a language: the machine's locale must not decide
# (app.config.app_language reads UNTWIST_LANG first; subprocesses inherit it).
os.environ["UNTWIST_LANG"] = "en"
settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


REQUIRE_POSTGRES = os.environ.get("UNTWIST_REQUIRE_POSTGRES") == "1"


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application, speaking the window's pinned English as app.gui sets it up:
    Qt's plural forms ("%n session(s)" → "1 session") and an English QLocale."""
    from app.views.translation import apply_ui_language

    apply_ui_language("en")
    return qapp


def serve_postgres(*, tcp: bool = False, what: str = "PostgreSQL") -> Iterator[PostgresServer]:
    """Start a throwaway cluster for a fixture to yield, or skip visibly (a failure where
    UNTWIST_REQUIRE_POSTGRES=1, as in CI); stopped when the fixture ends."""
    from tests.pgserver import PostgresServer, find_bin_dir

    bin_dir = find_bin_dir()
    if bin_dir is None:
        reason = "PostgreSQL server binaries not found (install the 'postgresql' package)"
        if REQUIRE_POSTGRES:
            pytest.fail(reason + " — required because UNTWIST_REQUIRE_POSTGRES=1")
        pytest.skip(reason)
    server = PostgresServer(bin_dir, tcp=tcp)
    try:
        server.start()
    except Exception as exc:
        server.stop()
        if REQUIRE_POSTGRES:
            pytest.fail(f"could not start {what}: {exc}")
        pytest.skip(f"could not start {what}: {exc}")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL cluster for the whole run, or a visible skip (a failure in CI)."""
    yield from serve_postgres()


@pytest.fixture
def pg_url(postgres_server) -> str:
    """The URL of a fresh, empty PostgreSQL database for one test."""
    name = postgres_server.create_database()
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "untwist.sqlite"


@pytest.fixture
def db(db_path: Path) -> Database:
    database = open_database(str(db_path), create=True)
    yield database
    database.dispose()


@pytest.fixture
def catalog(db: Database) -> Catalog:
    return load_catalog(db)


@pytest.fixture
def athlete(db: Database) -> AthleteInfo:
    return create_athlete(db, AthleteData(name="Test Runner", dominant_side="right"))


@pytest.fixture(autouse=True)
def _no_answerer_outlives_its_test() -> Iterator[None]:
    """A message-box answerer whose question never came stops with its test."""
    yield
    questions = sys.modules.get("tests.views.questions")
    if questions is not None:
        questions.stop_waiting_answers()


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the real user's data folder or settings from a test, nor another test's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("UNTWIST_DB", raising=False)
    isolate_qsettings(home / "config", home / "system-config")


def isolate_qsettings(user_folder: Path, system_folder: Path) -> None:
    """Point every ``QSettings`` made from now on at these folders.

    Qt reads ``XDG_CONFIG_HOME`` once, when the process makes its first ``QSettings``, and keeps
    that path: the variable alone would give every later test the first test's window geometry
    and desk database. ``QSettings.setPath`` replaces the kept path. Pure tests stay free of Qt:
    when ``PySide6.QtCore`` is not loaded yet, nothing has read the path either, and the first
    ``QSettings`` will read the ``XDG_CONFIG_HOME`` set for this test.
    """
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is None:
        return
    settings = qtcore.QSettings
    for fmt in (settings.Format.NativeFormat, settings.Format.IniFormat):
        settings.setPath(fmt, settings.Scope.UserScope, str(user_folder))
        settings.setPath(fmt, settings.Scope.SystemScope, str(system_folder))


def session_inputs(**values: tuple[object, object]) -> list[MeasurementInput]:
    """``hip_ir_deg=(28, 41)`` → one single-trial measurement per keyword."""
    return [
        MeasurementInput(key, () if left is None else (left,), () if right is None else (right,))
        for key, (left, right) in values.items()
    ]


TODAY = dt.date(2026, 11, 25)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item):
    """Once a test has run (before pytest-qt closes its widgets), drop the edits they hold:
    closing a window or a form with unsaved edits asks Save / Discard / Cancel, which would
    wait forever for a click."""
    yield
    qtwidgets = sys.modules.get("PySide6.QtWidgets")
    if qtwidgets is not None and qtwidgets.QApplication.instance() is not None:
        from app.views.unsaved import FormDialog, edit_holders

        for widget in edit_holders():
            if isinstance(widget, FormDialog):
                widget.mark_clean()
            elif widget.unsaved_changes():  # type: ignore[attr-defined]  # the Program page
                widget.discard_changes()  # type: ignore[attr-defined]
