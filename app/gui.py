"""Start the window: QApplication, database, main window (and ``--screenshot``).

The steps, in order (each a function, so tests can drive the real thing):

1. :func:`start_application` — the ``QApplication``, its names (which pick the QSettings file)
   and the theme;
2. :func:`open_window_database` — ``--db``, ``UNTWIST_DB``, this desk's choice in Settings,
   or the file in the data folder; any trouble becomes a plain message, never a traceback;
3. the first-run question (:func:`ask_first_run_if_needed`);
4. the window: :func:`take_screenshot`, or :func:`show_window` then the event loop.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from app.config import DESK_DATABASE_KEY, DESK_LANGUAGE_KEY, app_language, database_target

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.locking import InstanceLock
    from app.models.db import Database
    from app.services.context import AppContext
    from app.views.main_window import MainWindow
    from app.views.window_host import WindowHost

SETTLE_AFTER_MS = 300  # the window has painted by then
SCREENSHOT_TIMEOUT_MS = 20000


def settle_memory() -> None:
    """Turn the cyclic garbage collector back on after start-up (``app.__main__`` stops it).

    One collection clears what start-up left, then :func:`gc.freeze` moves the survivors
    (modules, classes, widgets: ~140k objects) out of the collector's sight, so later
    collections scan only what the app made since. Without it, every collection triggered by
    opening a 500-session athlete rescans them all (≈ 70 ms of that click).
    """
    gc.collect()
    gc.freeze()
    gc.enable()


def _parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise SystemExit(f"untwist: --size expects WIDTHxHEIGHT, not {text!r}") from None
    return width, height


def desk_database() -> str | None:
    """The database this desk chose in Settings (a path or a server URL), if any."""
    from PySide6.QtCore import QSettings

    value = QSettings().value(DESK_DATABASE_KEY)
    return str(value) if value else None


def ui_language() -> str:
    """The window's language: ``UNTWIST_LANG``, this desk's choice in Settings, the system's."""
    from PySide6.QtCore import QSettings

    value = QSettings().value(DESK_LANGUAGE_KEY)
    return app_language(str(value) if value else None)


def start_application(theme: str) -> QApplication:
    """The one ``QApplication`` (reused when it exists), named and themed."""
    from PySide6.QtWidgets import QApplication

    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    app.setApplicationName("Untwist")
    app.setOrganizationName("Untwist")
    app.setApplicationDisplayName("Untwist")
    app.setDesktopFileName("untwist")
    from app.views.translation import apply_ui_language

    apply_ui_language(ui_language())  # before any widget is built: they read it once
    from app.views.theme import apply_theme

    apply_theme(app, theme)
    return app


@dataclass
class Opened:
    """The database the window works on, and what must be let go when it closes."""

    db: Database
    lock: InstanceLock | None = None  # held while the window is open (app.locking)
    demo_dir: Path | None = None  # the temporary folder of ``--demo``

    def close(self) -> None:
        from app.views.operations import finish_database_calls

        finish_database_calls()  # a poll still out must not find its file gone
        self.db.dispose()
        if self.lock is not None:
            self.lock.release()
        if self.demo_dir is not None:
            shutil.rmtree(self.demo_dir, ignore_errors=True)


def cannot_open_message(target: str, problem: BaseException, from_desk: bool) -> str:
    from app.views.translation import translate, user_text

    text = translate("gui", "Untwist cannot open the database {0}:\n{1}").format(
        target, user_text(problem)
    )
    if from_desk:
        text += translate(
            "gui",
            "\n\nThis desk's database is chosen in Settings. Start Untwist with --db PATH "
            "to open another one, then change it there.",
        )
    return text


def open_window_database(args: argparse.Namespace) -> Opened | int:
    """The database for this run, or the exit code when there is none.

    A problem is said plainly: on stderr for ``--screenshot``, in a message box otherwise
    (a bad or locked file goes through the data-safety dialogs first). What cannot name a
    database at all (an unknown kind of URL, a driver that is not installed: ``open_database``
    says which, for the CLI and the window alike) also says where the target came from.
    """
    from app.services.database import DatabaseProblem, UnusableTarget, open_database
    from app.views.data_safety import open_for_window

    desk = None if args.demo else desk_database()
    target = "" if args.demo else database_target(args.db, desk)
    try:
        if args.demo:
            from app.services.catalog import load_catalog
            from app.services.demo import create_demo

            demo_dir = Path(tempfile.mkdtemp(prefix="untwist-demo-"))
            db = open_database(str(demo_dir / "demo.sqlite"), create=True)
            create_demo(db, load_catalog(db))
            return Opened(db, demo_dir=demo_dir)
        if args.screenshot:
            return Opened(open_database(target, create=True, check_pages=False))
        opened = open_for_window(target)
        if opened.db is None:
            return opened.exit_code
        return Opened(opened.db, opened.lock)
    except (DatabaseProblem, OSError) as exc:  # OSError: the --demo folder cannot be made
        if isinstance(exc, UnusableTarget | OSError):
            message = cannot_open_message(target, exc, from_desk=bool(desk) and target == desk)
        else:
            message = str(exc)
        if args.screenshot:
            print(f"untwist: {message}", file=sys.stderr)
            return 2
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "Untwist", message)
        return 2


def ask_first_run_if_needed(args: argparse.Namespace, context: AppContext) -> None:
    """The first interactive start on a database asks who is using Untwist."""
    if args.demo or args.screenshot or context.settings.mode or context.db.read_only:
        return
    from app.views.first_run import run_first_run

    run_first_run(context)


def take_screenshot(
    app: QApplication, window: MainWindow, args: argparse.Namespace, size: tuple[int, int]
) -> int:
    """Render ``args.view`` at ``size`` to ``args.screenshot`` once the page is ready."""
    from PySide6.QtCore import QTimer

    window.resize(*size)
    window.show()
    done: list[bool] = []

    def shoot() -> None:
        if not done and window.page_ready(args.view):
            window.grab().save(args.screenshot)
            done.append(True)
            app.quit()

    window.show_view(args.view)
    QTimer.singleShot(0, shoot)  # most pages are ready at once: no need to wait a tick
    timer = QTimer()
    timer.timeout.connect(shoot)
    timer.start(10)
    give_up = _single_shot(SCREENSHOT_TIMEOUT_MS, app.quit)
    try:
        app.exec()
    finally:
        timer.stop()
        give_up.stop()
    if not done:
        print("untwist: the window did not finish drawing in 20 s", file=sys.stderr)
        return 1
    return 0


def show_window(host: WindowHost, opened: Opened, demo: bool) -> QTimer:
    """Show the window, then (after the first paint) turn the garbage collector back on and
    run the start-up hooks. Returns the settle timer (stop it if the loop ends first)."""
    window = host.window
    window.show()
    settle = _single_shot(SETTLE_AFTER_MS, settle_memory)
    if not demo:
        from app.views.data_safety import after_show

        # a second untwist brings up the window shown then, rebuilt in another language or not
        after_show(window, window.context, opened.lock, front=host.bring_to_front)
        host.after_build = _read_only_notice
    return settle


def _read_only_notice(window: MainWindow) -> None:
    """A window rebuilt on a read-only database says so again (its banner was the old's)."""
    from app.views.data_safety import show_read_only_notice

    show_read_only_notice(window, window.context.db)


def _single_shot(ms: int, action: Callable[[], object]) -> QTimer:
    """Like ``QTimer.singleShot``, but a timer that can be stopped: once ``run_gui`` returns,
    nothing of this run fires later (tests run many starts in one process)."""
    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(action)
    timer.start(ms)
    return timer


def run_gui(args: argparse.Namespace) -> int:
    size = _parse_size(args.size)
    from app.logs import setup_logging

    log_file = setup_logging()
    app = start_application(args.theme)
    opened = open_window_database(args)
    if isinstance(opened, int):
        return opened

    from app.services.context import AppContext
    from app.views.crash import ExceptionHook

    hook = ExceptionHook(str(log_file), interactive=not args.screenshot).install()
    host: WindowHost | None = None
    settle: QTimer | None = None
    try:
        from app.views.language_choice import window_language
        from app.views.window_host import WindowHost

        context = AppContext(opened.db, demo=args.demo, language=window_language())
        ask_first_run_if_needed(args, context)
        host = WindowHost(context, remember_geometry=not args.screenshot)
        if args.screenshot:
            return take_screenshot(app, host.window, args, size)
        settle = show_window(host, opened, args.demo)
        return app.exec()
    finally:
        if settle is not None:
            settle.stop()
        hook.uninstall()
        if host is not None:
            host.window.close()
        opened.close()
        _forget_pending_quit(app)


def _forget_pending_quit(app: QApplication) -> None:
    """A quit asked while the window is open (``--screenshot``, a test) leaves one more Quit
    event posted after the loop has ended. The process exits anyway; but where another start
    follows in the same process (the tests), that event, handled outside any loop, would make
    every later event loop (a dialog's ``exec``) end at once."""
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)
