"""One accessor for the data files in ``resources/``.

The files live at the top of a source checkout, inside the package as ``app/_resources`` in an
installed wheel, and under ``sys._MEIPASS/resources`` in the frozen build.  Every caller goes
through :func:`resource_path` so that the three layouts never leak into the rest of the code.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """Return the folder holding the bundled data files, whichever way the app was installed."""
    here = Path(__file__).resolve().parent
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    candidates += [here / "_resources", here.parent / "resources"]
    for candidate in candidates:
        if (candidate / "measurements.toml").is_file():
            return candidate
    raise FileNotFoundError(
        "Untwist's data files are missing (looked in: "
        + ", ".join(str(c) for c in candidates)
        + "). Reinstall the application."
    )


def resource_path(*parts: str) -> Path:
    """Path of one bundled file, e.g. ``resource_path("illustrations", "x.svg")``."""
    return resources_dir().joinpath(*parts)


def read_text(*parts: str) -> str:
    return resource_path(*parts).read_text(encoding="utf-8")
