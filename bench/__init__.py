"""Benchmarks that print numbers (not tests): ``uv run python -m bench [NAME ...]``.

Each module ``bench/NAME.py`` with a ``main()`` is a benchmark; ``main()`` returns its figures
as ``(label, value, unit)`` tuples, or ``(label, value, unit, target)`` for a figure with a
budget (``value ≤ target`` in the same unit), and ``python -m bench`` prints one line per
figure. Helpers without ``main()`` (``largedb``) and ``_``-modules (processes the benchmarks
spawn) are shared by the benchmarks.
"""

from __future__ import annotations

import os
import sys

Figure = tuple[str, float, str] | tuple[str, float, str, float]


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB.

    ``/proc/self/status``'s ``VmHWM`` on Linux: ``getrusage``'s ``ru_maxrss`` survives
    ``execve``, so a child spawned by a ``python -m bench`` that had grown to 950 MB (building
    the clinic database) reported 950 MB whatever it used itself.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def child_env() -> dict[str, str]:
    """Environment for the processes a benchmark spawns: as a user runs the app.

    Offscreen Qt (no display here) and bytecode caching on: ``PYTHONDONTWRITEBYTECODE`` may be
    set in a developer's shell, but an installed app has its ``.pyc`` files, and without them
    every start would compile the whole stack again.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def quiet_offscreen_warnings() -> None:
    """Drop the offscreen platform's "does not support propagateSizeHints()" lines.

    Qt's offscreen plugin (no display on this machine) prints one per chart layout change;
    they say nothing about the benchmark and would bury its figures.
    """
    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(mode, context, message):  # type: ignore[no-untyped-def]
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)
