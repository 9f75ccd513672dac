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


def floor_pdf_ms() -> float:
    """A comparable plain reportlab document: 7 pages of headings, text, a table and a chart.

    Built-in Helvetica (nothing to embed) and reportlab's own vector line chart, so this is
    what reportlab itself costs for a document of this size; median of ``REPEATS``.
    """
    from reportlab.graphics.charts.lineplots import LinePlot
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

    styles = getSampleStyleSheet()

    def chart() -> Drawing:
        drawing = Drawing(400, 150)
        plot = LinePlot()
        plot.x, plot.y, plot.width, plot.height = 40, 20, 340, 110
        plot.data = [[(i, 30 + i % 5) for i in range(24)], [(i, 40 - i % 4) for i in range(24)]]
        drawing.add(plot)
        return drawing

    def story() -> list[object]:
        flow: list[object] = []
        for page in range(7):
            flow.append(Paragraph(f"Page {page + 1}: a drill", styles["Heading1"]))
            for _ in range(4):
                flow.append(
                    Paragraph("Keep the knee over the second toe. " * 6, styles["BodyText"])
                )
            flow.append(
                Table([["Week", "Sets", "Reps", "Done"]] + [[w, 3, 10, ""] for w in range(8)])
            )
            flow.append(chart())
            flow.append(PageBreak())
        return flow

    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        SimpleDocTemplate(io.BytesIO(), pagesize=A4).build(story())
        times.append(time.perf_counter() - started)
    return _ms(statistics.median(times))


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
    figures.append(
        (
            f"first {pages}-page handout PDF of a 5-drill program, charts, drawings",
            first,
            "ms",
            TARGET_MS,
        )
    )

    again = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        pdf.render_handout(handout, io.BytesIO())
        again.append(time.perf_counter() - started)
    figures.append(
        (
            f"next PDF (fonts and drawings cached), median of {REPEATS}",
            _ms(statistics.median(again)),
            "ms",
            TARGET_MS,
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
    figures.append(("floor: a plain 7-page reportlab document, median", floor_pdf_ms(), "ms"))
    db.dispose()
    return figures


if __name__ == "__main__":
    from bench.__main__ import line

    for figure in main():
        print(f"program_pdf: {line(figure)}")
