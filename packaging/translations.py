"""Refresh and compile the window's translations (Qt's .ts → .qm tooling).

    uv run python packaging/translations.py update    # pyside6-lupdate: new strings into the .ts
    uv run python packaging/translations.py release   # pyside6-lrelease: .ts → .qm (committed)

The .qm files are committed beside their .ts, so a checkout, the wheel and the frozen app need
no build step; tests/views/test_translations.py fails when a .qm no longer matches its .ts or a
string in app/views is missing from a .ts. English keeps only the plural forms ("%n session(s)").
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
SOURCES = ["app/views", "app/gui.py"]
LANGUAGES = ("en", "de", "es")


def tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease`` beside this Python (the venv), else on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: run `uv sync` first")
    return found


def ts_file(code: str) -> Path:
    return FOLDER / f"untwist_{code}.ts"


def lupdate(ts: Path, code: str, *extra: str) -> None:
    """Merge the strings of the sources into ``ts`` (kept translations stay)."""
    options = ["-extensions", "py", "-locations", "none", "-no-obsolete", "-target-language", code]
    if code == "en":
        options.append("-pluralonly")
    subprocess.run(
        [tool("pyside6-lupdate"), *options, *extra, *SOURCES, "-ts", str(ts)],  # options first
        cwd=ROOT, check=True, capture_output=True, text=True,
    )  # fmt: skip


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip


def update() -> None:
    for code in LANGUAGES:
        lupdate(ts_file(code), code)


def release() -> None:
    for code in LANGUAGES:
        lrelease(ts_file(code), ts_file(code).with_suffix(".qm"))


def missing_strings(code: str) -> list[str]:
    """Source texts that lupdate finds in the code but the committed ``.ts`` lacks."""
    import xml.etree.ElementTree as ET

    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        lupdate(fresh, code)
        found = {
            (c.findtext("name"), m.findtext("source"))
            for c in ET.parse(fresh).getroot().iter("context")
            for m in c.iter("message")
        }
    kept = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(ts_file(code)).getroot().iter("context")
        for m in c.iter("message")
        if m.find("translation") is None or m.find("translation").get("type") != "vanished"
    }
    return sorted(f"{ctx}: {src}" for ctx, src in found - kept)


if __name__ == "__main__":
    commands = {"update": update, "release": release}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        raise SystemExit(__doc__)
    commands[sys.argv[1]]()
