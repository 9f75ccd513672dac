"""Printing a PDF on a real printer (issue 20, point 7), with Qt's own PDF printer standing in
for the paper: the pages it receives are read back with pypdf. No modal dialog opens: the
printer is handed in through ``choose`` the way the print dialog would hand it."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from app.config import LAST_PRINTER_KEY
from app.services.progress import Cancelled, Progress
from app.views import pdf_printing
from app.views.pdf_printing import NotAPdf, print_pdf, send_to_printer

DPI = 72  # small pages keep the test quick; the code caps real printers at MAX_DPI


def sample_pdf(pages: int = 3) -> bytes:
    """``pages`` A4 pages; page n carries a black bar n × 100 pt tall, so pages tell apart."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    for n in range(1, pages + 1):
        c.drawString(72, 780, f"Page {n}")
        c.rect(72, 72, 300, n * 100, fill=1)
        c.showPage()
    c.save()
    return out.getvalue()


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(DPI)
    return printer


def dark_share(reader: PdfReader, index: int) -> float:
    """How much of the printed page's picture is dark (the page arrives as one image)."""
    images = list(reader.pages[index].images)
    assert len(images) == 1
    picture = images[0].image.convert("L")
    width, height = picture.size
    assert width >= 595 * DPI / 72 * 0.95 and height >= 842 * DPI / 72 * 0.95  # a whole A4
    dark = sum(picture.histogram()[:128])
    return dark / (width * height)


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def run(qtbot, parent, pdf, printer, **callbacks):
    results: dict[str, object] = {}
    operation = print_pdf(
        parent,
        pdf,
        choose=lambda _parent, pages: (results.setdefault("offered", pages), printer)[1],
        on_printed=lambda printed: results.setdefault("printed", printed),
        on_failure=lambda exc: results.setdefault("failed", exc),
        on_cancel=lambda: results.setdefault("cancelled", True),
        **callbacks,
    )
    if operation is not None:
        qtbot.waitUntil(lambda: not operation.running, timeout=30000)
    return results


def test_every_page_of_a_pdf_reaches_the_printer(qtbot, parent, tmp_path):
    out = tmp_path / "printed.pdf"
    results = run(qtbot, parent, sample_pdf(3), pdf_printer(out))
    assert results["offered"] == 3  # the dialog's page range
    assert results["printed"] == pdf_printing.Printed(str(out), 3)
    reader = PdfReader(out)
    assert len(reader.pages) == 3
    shares = [dark_share(reader, i) for i in range(3)]
    assert 0 < shares[0] < shares[1] < shares[2]  # each page printed, in order


def test_a_file_prints_with_the_page_range_chosen(qtbot, parent, tmp_path):
    source = tmp_path / "report.pdf"
    source.write_bytes(sample_pdf(3))
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out)
    printer.setFromTo(2, 3)
    results = run(qtbot, parent, source, printer)
    assert results["printed"] == pdf_printing.Printed(str(out), 2)
    reader = PdfReader(out)
    assert len(reader.pages) == 2
    assert dark_share(reader, 0) < dark_share(reader, 1)  # pages 2 and 3


def test_no_printer_chosen_prints_nothing(qtbot, parent, tmp_path):
    results = run(qtbot, parent, sample_pdf(1), None)
    assert results == {"offered": 1, "cancelled": True}


def test_a_file_that_is_not_a_pdf_is_said_in_one_line(qtbot, parent, tmp_path):
    source = tmp_path / "notes.pdf"
    source.write_text("not a PDF at all")
    results = run(qtbot, parent, source, pdf_printer(tmp_path / "out.pdf"))
    assert isinstance(results["failed"], NotAPdf)
    assert "\n" not in str(results["failed"]) and "offered" not in results


def test_cancel_between_pages_aborts_the_job(qtbot, tmp_path):
    progress = Progress()
    seen: list[int] = []

    def report(done: int, total: int, text: str) -> None:
        seen.append(done)
        if done == 1:
            progress.cancel()  # the user pressed Cancel while page 2 was being drawn

    progress = Progress(report)
    with pytest.raises(Cancelled):
        send_to_printer(sample_pdf(3), pdf_printer(tmp_path / "out.pdf"), progress)
    assert seen == [0, 1]  # the third page was never drawn


def test_the_last_printer_is_offered_first(qtbot, parent, monkeypatch):
    class Chosen:  # what the print dialog leaves in the printer
        def __init__(self, fmt: QPrinter.OutputFormat, name: str) -> None:
            self.fmt, self.name = fmt, name

        def outputFormat(self) -> QPrinter.OutputFormat:
            return self.fmt

        def printerName(self) -> str:
            return self.name

    QSettings().remove(LAST_PRINTER_KEY)
    pdf_printing.remember_printer(Chosen(QPrinter.OutputFormat.PdfFormat, ""))  # print to file
    assert QSettings().value(LAST_PRINTER_KEY) is None
    pdf_printing.remember_printer(Chosen(QPrinter.OutputFormat.NativeFormat, "Front desk"))
    assert QSettings().value(LAST_PRINTER_KEY) == "Front desk"

    opened: list[tuple[str, int, int]] = []

    class Dialog:  # the platform dialog, without opening it
        def __init__(self, printer: QPrinter, parent: QWidget) -> None:
            self.printer = printer

        def setMinMax(self, low: int, high: int) -> None:
            self.range = (low, high)

        def setOption(self, *args: object) -> None:
            pass

        def exec(self) -> int:
            opened.append((self.printer.printerName(), *self.range))
            return 0  # cancelled

    named: list[str] = []
    monkeypatch.setattr(pdf_printing, "QPrintDialog", Dialog)
    monkeypatch.setattr(
        pdf_printing.QPrinterInfo, "availablePrinterNames", staticmethod(lambda: ["Front desk"])
    )
    monkeypatch.setattr(pdf_printing.QPrinter, "setPrinterName", lambda self, n: named.append(n))
    assert pdf_printing.ask_for_printer(parent, 4) is None
    assert named == ["Front desk"] and opened and opened[0][1:] == (1, 4)
    # a printer that is gone is not forced on the dialog
    monkeypatch.setattr(
        pdf_printing.QPrinterInfo, "availablePrinterNames", staticmethod(lambda: ["Office"])
    )
    named.clear()
    pdf_printing.ask_for_printer(parent, 4)
    assert named == []


def test_pages_render_at_the_resolution_asked():
    [image] = pdf_printing.rendered_pages(sample_pdf(1), dpi=144)
    assert abs(image.width() - 1191) <= 1 and abs(image.height() - 1684) <= 1  # A4, 144 dpi
    assert image.pixelColor(10, 10).lightness() > 240  # white paper
    assert image.pixelColor(200, 1400).lightness() < 20  # the bar, drawn


# -- the Program page -------------------------------------------------------------------------
DEMO_DAY = dt.date(2026, 3, 4)


@pytest.fixture
def page(qtbot, db, catalog):
    from app.services.context import AppContext
    from app.services.demo import create_demo
    from app.views.program_page import ProgramPage
    from app.views.state import AppState

    create_demo(db, catalog, today=DEMO_DAY)
    p = ProgramPage(AppState(AppContext(db)), today=lambda: DEMO_DAY)
    qtbot.addWidget(p)
    p.resize(1100, 760)
    p.show()
    qtbot.waitExposed(p)
    return p


def test_print_sits_beside_save_pdf_and_sends_the_handout(qtbot, page, db, catalog, tmp_path):
    from app.services.athletes import find_athlete
    from app.services.context import AppContext
    from app.services.programs import handout_pdf

    ava = find_athlete(db, "Ava Lindqvist")
    page.set_athlete(ava)
    assert page.print_button.text() == "&Print…" and page.pdf_button.text() == "Save PDF…"
    row = page.header.layout().itemAt(0).layout()  # on the title's line
    assert row.indexOf(page.pdf_button) >= 0
    assert row.indexOf(page.print_button) == row.indexOf(page.pdf_button) + 1
    out = tmp_path / "paper.pdf"
    offered: list[int] = []
    page.printer.choose_printer = lambda _p, pages: (offered.append(pages), pdf_printer(out))[1]
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Handout sent to" in page.status.text(), timeout=60000)
    context = AppContext(db)
    expected = handout_pdf(db, context.catalog, context.settings, ava.id, page.draft.printable())
    assert offered == [expected.pages]
    assert len(PdfReader(out).pages) == expected.pages
    assert f"({expected.pages} pages)" in page.status.text()
    assert page.print_button.isEnabled() and page.pdf_button.isEnabled()
    assert not page.open_button.isVisible()  # nothing was saved to open


def test_cancelling_the_print_dialog_says_so(qtbot, page, db):
    from app.services.athletes import find_athlete

    page.set_athlete(find_athlete(db, "Ava Lindqvist"))
    page.printer.choose_printer = lambda _parent, _pages: None
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status.text() == "Printing cancelled.", timeout=60000)
    assert page.print_button.isEnabled()


def test_open_pdf_does_not_widen_the_page(qtbot, page, db, tmp_path):
    """After a save the Open PDF button showed in the button bar, whose least width grew, and
    the window took the width from the athlete list until the next start (issue 20, point 3)."""
    from app.services.athletes import find_athlete

    page.set_athlete(find_athlete(db, "Ava Lindqvist"))
    before = page.minimumSizeHint().width()
    operation = page.export_pdf(tmp_path / "ava.pdf")
    assert operation is not None
    qtbot.waitUntil(lambda: page.open_button.isVisible(), timeout=60000)
    assert page.minimumSizeHint().width() <= before
    status = page.status.geometry()
    assert page.open_button.geometry().top() >= status.top() - 10  # beside the status line
