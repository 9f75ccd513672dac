"""Start the window: QApplication, database, main window (and ``--screenshot``)."""

from __future__ import annotations

import argparse
import gc
import shutil
import sys
import tempfile
from pathlib import Path

from app.config import DESK_DATABASE_KEY, database_target

SETTLE_AFTER_MS = 300  # the window has painted by then


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


def run_gui(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.logs import setup_logging
    from app.models.db import open_database
    from app.models.errors import DatabaseProblem
    from app.services.context import AppContext

    size = _parse_size(args.size)
    log_file = setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Untwist")
    app.setOrganizationName("Untwist")
    app.setApplicationDisplayName("Untwist")
    app.setDesktopFileName("untwist")
    from app.views.theme import apply_theme

    apply_theme(app, args.theme)

    demo_dir: Path | None = None
    instance_lock = None  # held while the window is open (app.locking)
    try:
        if args.demo:
            from app.services.catalog import load_catalog
            from app.services.demo import create_demo

            demo_dir = Path(tempfile.mkdtemp(prefix="untwist-demo-"))
            db = open_database(str(demo_dir / "demo.sqlite"), create=True)
            create_demo(db, load_catalog(db))
        elif args.screenshot:
            db = open_database(database_target(args.db, desk_database()), create=True)
        else:
            from app.views.data_safety import open_for_window

            opened = open_for_window(database_target(args.db, desk_database()))
            if opened.db is None:
                return opened.exit_code
            db, instance_lock = opened.db, opened.lock
    except DatabaseProblem as exc:
        if args.screenshot:
            print(f"untwist: {exc}", file=sys.stderr)
            return 2
        QMessageBox.critical(None, "Untwist", str(exc))
        return 2

    from app.views.crash import ExceptionHook
    from app.views.main_window import MainWindow

    hook = ExceptionHook(str(log_file), interactive=not args.screenshot).install()
    context = AppContext(db, demo=args.demo)
    if not args.demo and not args.screenshot and not context.settings.mode and not db.read_only:
        from app.views.first_run import run_first_run

        run_first_run(context)
    window = MainWindow(context, remember_geometry=not args.screenshot)
    try:
        if args.screenshot:
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
            QTimer.singleShot(20000, app.quit)
            app.exec()
            if not done:
                print("untwist: the window did not finish drawing in 20 s", file=sys.stderr)
                return 1
            return 0
        window.show()
        QTimer.singleShot(SETTLE_AFTER_MS, settle_memory)
        if not args.demo:
            from app.views.data_safety import after_show

            after_show(window, window.context, instance_lock)
        return app.exec()
    finally:
        hook.uninstall()
        window.close()
        db.dispose()
        if instance_lock is not None:
            instance_lock.release()
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
