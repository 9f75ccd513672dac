"""Run every benchmark module (or the ones named) and print one line per figure.

``python -m bench --dry-run`` imports every module and lists what would run, without running
it (a check that the whole run still starts, seconds instead of half an hour).
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from bench import Figure


def discover() -> dict[str, Callable[[], Iterable[Figure] | None]]:
    """``bench/*.py`` modules that define ``main()``, by name, in alphabetical order."""
    found: dict[str, Callable[[], Iterable[Figure] | None]] = {}
    for info in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda m: m.name):
        if info.name.startswith("_") or info.ispkg:
            continue
        module = importlib.import_module(f"bench.{info.name}")
        main = getattr(module, "main", None)
        if callable(main):
            found[info.name] = main
    return found


def _number(value: float, unit: str) -> str:
    return f"{value:.2f}" if unit == "×" else f"{value:.1f}"


def line(figure: Figure) -> str:
    """``label: value unit``, and for a budgeted figure ``— target ≤ T unit (ok|MISSED)``."""
    label, value, unit = figure[:3]
    text = f"{label}: {_number(value, unit)} {unit}"
    if len(figure) > 3:
        target = figure[3]  # type: ignore[misc]
        verdict = "ok" if value <= target else "MISSED"
        text += f" — target ≤ {_number(target, unit)} {unit} ({verdict})"
    return text


def run(names: list[str]) -> int:
    dry = "--dry-run" in names
    names = [n for n in names if n != "--dry-run"]
    benches = discover()
    unknown = [n for n in names if n not in benches]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; have: {', '.join(benches)}")
        return 2
    if dry:
        for name in names or list(benches):
            print(f"{name}: would run {benches[name].__module__}.main()")
        return 0
    budgeted: list[str] = []
    for name in names or list(benches):
        started = time.perf_counter()
        for figure in benches[name]() or ():
            print(f"{name}: {line(figure)}", flush=True)
            if len(figure) > 3:
                budgeted.append(f"{name}: {line(figure)}")
        print(f"{name}: (whole benchmark took {time.perf_counter() - started:.1f} s)", flush=True)
    if budgeted:
        met = sum(text.endswith("(ok)") for text in budgeted)
        print(f"\nfigures with a target: {met} of {len(budgeted)} met")
        for text in budgeted:
            print(f"  {text}")
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
