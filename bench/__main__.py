"""Run every benchmark module (or the ones named) and print one line per figure."""

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


def run(names: list[str]) -> int:
    benches = discover()
    unknown = [n for n in names if n not in benches]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; have: {', '.join(benches)}")
        return 2
    for name in names or list(benches):
        started = time.perf_counter()
        for label, value, unit in benches[name]() or ():
            print(f"{name}: {label}: {value:.1f} {unit}", flush=True)
        print(f"{name}: (whole benchmark took {time.perf_counter() - started:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
