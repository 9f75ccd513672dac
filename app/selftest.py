"""``untwist --self-test``: prove an installed or frozen copy works end to end.

It exercises what a packaging mistake would break: bundled data files (catalog, drills,
illustrations, fonts), the database layer, the Qt platform plugin, pyqtgraph, reportlab, and
printing (PDFium's native library through pypdfium2, QtPrintSupport).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def run_self_test() -> int:
    started = time.perf_counter()
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    steps: list[str] = []
    with tempfile.TemporaryDirectory(prefix="untwist-selftest-") as folder:
        try:
            _check(Path(folder), steps)
        except Exception as exc:  # a self-test reports, it does not crash
            import traceback

            traceback.print_exc()
            print(f"self-test FAILED after: {', '.join(steps) or 'nothing'}: {exc}")
            return 1
    seconds = time.perf_counter() - started
    print(f"self-test ok ({', '.join(steps)}; {seconds:.1f} s)")
    return 0


def _check(folder: Path, steps: list[str]) -> None:
    from PySide6.QtWidgets import QApplication

    from app.domain.catalog import builtin_definitions
    from app.domain.drills import illustration_path, load_builtin_drills
    from app.models.db import open_database
    from app.services.athletes import list_athletes
    from app.services.context import AppContext
    from app.services.demo import create_demo
    from app.services.sessions import list_sessions

    assert len(builtin_definitions()) == 12
    drills = load_builtin_drills()
    assert all(illustration_path(d).is_file() for d in drills)
    steps.append(f"{len(drills)} drills")

    db = open_database(str(folder / "selftest.sqlite"), create=True)
    try:
        context = AppContext(db)
        create_demo(db, context.catalog)
        athlete = list_athletes(db)[0]
        assert list_sessions(db, athlete.id)
        steps.append("database")

        app = QApplication.instance() or QApplication(sys.argv[:1])
        from PySide6.QtCore import QCoreApplication

        from app.views.translation import install_translators

        # the window's catalogs are data files: the wheel and the frozen app must carry them,
        # and Qt's own (qtbase_de.qm) too, or standard buttons stay English
        loaded = install_translators("de")
        german = QCoreApplication.translate("MainWindow", "&File")
        cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
        install_translators("en")
        assert loaded == ["untwist_de.qm", "qtbase_de.qm"], f"translations missing: {loaded}"
        assert (german, cancel) == ("&Datei", "Abbrechen"), "the German translation is broken"
        steps.append("German window")
        from app.views.state import AppState
        from app.views.trends import TrendsPage

        page = TrendsPage(AppState(context))
        page.resize(1000, 700)
        page.show()
        page.set_athlete(athlete)
        deadline = time.monotonic() + 20
        while not page.is_ready() and time.monotonic() < deadline:
            app.processEvents()
        image = page.grab().toImage()
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
                   for y in range(0, image.height(), 7)}
        assert page.is_ready() and len(colours) > 5, "the chart did not draw"
        page.close()
        steps.append("chart")

        from app.services.programs import write_handout

        pdf = write_handout(db, context.catalog, context.settings, athlete.id,
                            folder / "selftest.pdf", program="suggested")
        data = (folder / "selftest.pdf").read_bytes()
        assert data.startswith(b"%PDF") and pdf.pages >= 3, "the PDF is incomplete"
        steps.append(f"PDF of {pdf.pages} pages")

        # printing: PDFium's native library (pypdfium2) renders a page, QtPrintSupport takes it
        from PySide6.QtPrintSupport import QPrinter

        from app.services.progress import Progress
        from app.views.pdf_printing import rendered_pages, send_to_printer

        first = rendered_pages(data, dpi=36)[0]
        shades = {first.pixel(x, y) for x in range(0, first.width(), 5)
                  for y in range(0, first.height(), 5)}
        assert first.width() > 200 and len(shades) > 3, "the PDF page did not render"
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(folder / "printed.pdf"))
        printer.setResolution(36)
        printed = send_to_printer(data, printer, Progress())
        assert printed.pages == pdf.pages, "printing lost pages"
        assert (folder / "printed.pdf").read_bytes().startswith(b"%PDF")
        steps.append("page rendered for printing")
    finally:
        db.dispose()
