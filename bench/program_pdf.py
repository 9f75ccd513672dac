"""How fast the program handout PDF is made.

The budget (Program issue): a five-drill program PDF with trend charts and illustrations in
≤ 150 ms after imports (a comparable 7-page reportlab document takes ≈ 30 ms). Measured on the
demo's left-pattern athlete (Ava: 4 flagged charts, 5 drill pages, a 12-week tick sheet):

* "first PDF" is the first one a process makes once the modules are imported: it pays for
  loading the two TrueType fonts and parsing the five drawings, as the first click does;
* "next PDF" is any later one (fonts and drawings are cached per process);
* "write_handout" is what the Print button and ``untwist report`` do after imports: read the
  findings, program and adherence from the database, draw, and write the file atomically.
"""

from __future__ import annotations

import io
import statistics
import tempfile
import time
from pathlib import Path

from bench import Figure

REPEATS = 7
TARGET_MS = 150.0


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def main() -> list[Figure]:
    from app.models.db import open_database
    from app.services.athletes import find_athlete
    from app.services.catalog import load_catalog
    from app.services.demo import create_demo
    from app.services.programs import handout_for, write_handout
    from app.services.settings import get_settings

    folder = Path(tempfile.mkdtemp(prefix="untwist-bench-pdf-"))
    db = open_database(str(folder / "demo.sqlite"), create=True)
    catalog = load_catalog(db)
    create_demo(db, catalog)
    settings = get_settings(db)
    ava = find_athlete(db, "Ava Lindqvist")

    started = time.perf_counter()
    import app.reports.pdf as pdf  # reportlab, svglib and our drawing code

    figures: list[Figure] = [
        ("import reportlab + svglib", _ms(time.perf_counter() - started), "ms")
    ]

    started = time.perf_counter()
    handout = handout_for(db, catalog, settings, ava.id, "latest")
    figures.append(("read findings, program, adherence", _ms(time.perf_counter() - started), "ms"))

    started = time.perf_counter()
    pages = pdf.render_handout(handout, io.BytesIO())
    first = _ms(time.perf_counter() - started)
    figures.append((f"first PDF, {pages} pages (target ≤ {TARGET_MS:.0f})", first, "ms"))

    again = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        pdf.render_handout(handout, io.BytesIO())
        again.append(time.perf_counter() - started)
    figures.append(
        (
            f"next PDF, median of {REPEATS} (target ≤ {TARGET_MS:.0f})",
            _ms(statistics.median(again)),
            "ms",
        )
    )

    whole = []
    for n in range(REPEATS):
        started = time.perf_counter()
        write_handout(db, catalog, settings, ava.id, folder / f"ava-{n}.pdf")
        whole.append(time.perf_counter() - started)
    figures.append(
        (f"write_handout to a file, median of {REPEATS}", _ms(statistics.median(whole)), "ms")
    )
    size = (folder / "ava-0.pdf").stat().st_size
    figures.append(("file size", size / 1024, "KiB"))
    db.dispose()
    return figures


if __name__ == "__main__":
    for label, value, unit in main():
        print(f"program_pdf: {label}: {value:.1f} {unit}")
