"""Entry point: sub-commands run headless; without one, the window opens.

Imports stay light here: Qt, pyqtgraph and reportlab are loaded only on the path that needs them.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from app.cli import parse, run_command

    args = parse(argv)
    if args.self_test:
        from app.selftest import run_self_test

        return run_self_test()
    if args.command:
        return run_command(args)
    from app.gui import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
