"""Entry point: sub-commands run headless; without one, the window opens.

Imports stay light here: Qt, pyqtgraph and reportlab are loaded only on the path that needs them.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    # Start-up creates ~140k objects that live as long as the process (modules, mapped classes,
    # widgets) and little garbage: the cyclic collector would scan them again and again while
    # the window opens (≈ 50 ms). The window turns it back on once it has painted
    # (app.gui.settle_memory); the headless paths turn it on here.
    gc.disable()
    try:
        from app.cli import parse, run_command

        args = parse(argv)
        if not (args.self_test or args.command):
            from app.gui import run_gui

            return run_gui(args)
        gc.enable()
        from app.logs import log_commands

        log_commands()  # warnings to the log file: stderr gets one line
        if args.self_test:
            from app.selftest import run_self_test

            return run_self_test()
        return run_command(args)
    finally:
        gc.enable()


if __name__ == "__main__":
    sys.exit(main())
