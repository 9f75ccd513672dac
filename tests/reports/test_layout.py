"""Issue 18, "nothing overlaps and nothing is clipped": the handout and the progress report of
the demo athletes in every language, measured (table cells against their columns) and read
back with pypdf (headings at a page's foot, a table's heading printed twice on a page)."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph, Table

from app.domain.language import language
from app.reports import pdf, progress_pdf
from app.reports.styles import fit_words, longest_word
from app.services.athletes import find_athlete
from app.services.demo import create_demo
from app.services.programs import write_handout
from app.services.reports import write_progress_report
from app.services.settings import ClinicSettings
from tests.reports.test_long_texts import FOOTER

DAY = dt.date(2026, 12, 2)  # the day these layouts were looked at (a heading fell at a foot)
CODES = ["en", "de", "es"]
SETTINGS = ClinicSettings(clinic_name="Physiotherapie am Stadtpark")


@pytest.fixture
def demo(db, catalog):
    create_demo(db, catalog, today=DAY)
    return db


def _reports(db, catalog, tmp_path, code: str) -> list:
    """The demo's handouts (Ava's saved program, Ben's suggestion; the whole tick sheet, from
    September's longer dates) and progress reports."""
    out = []
    for name, program in (("Ava Lindqvist", "latest"), ("Ben Okafor", "suggested")):
        athlete = find_athlete(db, name)
        handout = tmp_path / f"{name.split()[0]}-{code}-handout.pdf"
        write_handout(db, catalog, SETTINGS, athlete.id, handout, program, today=DAY,
                      language=code, ticks="whole")  # fmt: skip
        progress = tmp_path / f"{name.split()[0]}-{code}-progress.pdf"
        write_progress_report(db, catalog, SETTINGS, athlete.id, progress, language=code,
                              today=DAY, assessment="Befund " * 300)  # fmt: skip
        out += [handout, progress]
    return out


@pytest.mark.parametrize("code", CODES)
def test_every_table_cell_holds_its_longest_word(demo, catalog, tmp_path, monkeypatch, code):
    """A German compound ("Oberschenkelmuskulatur") or a value with its unit never runs into
    the next cell nor is cut without a hyphen: every cell's longest word, in the cell's font,
    fits its column between the paddings, for every built-in measurement (the demo measures
    all of them) in every language."""
    made: list[Table] = []

    class Recorded(Table):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(pdf, "Table", Recorded)
    monkeypatch.setattr(progress_pdf, "Table", Recorded)
    _reports(demo, catalog, tmp_path, code)
    assert len(made) > 5
    too_wide = []
    for table in made:
        for r, row in enumerate(table._cellvalues):
            for c, cell in enumerate(row):
                style = table._cellStyles[r][c]
                room = table._colWidths[c] - style.leftPadding - style.rightPadding
                word = longest_word(cell, style.fontname, style.fontsize)
                if word > room + 0.01:
                    shown = cell.text if isinstance(cell, Paragraph) else cell
                    too_wide.append((shown, round(word, 1), round(room, 1)))
    assert too_wide == []
    # the tick sheet's weeks (tables of a name, "per week" and the days) line up
    weeks = [t for t in made if len(t._colWidths) > 2 and "\n" in str(t._cellvalues[0][1])]
    weeks = [t for t in weeks if isinstance(t._cellvalues[0][1], str)]
    ava = weeks[:12]  # the whole program of Ava's handout, made first
    assert len(ava) == 12
    assert len({round(w, 2) for t in ava for w in t._colWidths[1:]}) <= 2
    assert len({round(t._colWidths[0], 2) for t in ava}) == 1


def test_fit_words_keeps_the_table_width_and_takes_from_the_room_to_spare():
    rows = [["Oberschenkelmuskulatur", "x", "y"]]
    widths = fit_words(rows, [40.0, 100.0, 60.0], 5, size=10)
    assert sum(widths) == pytest.approx(200)
    assert widths[0] >= longest_word("Oberschenkelmuskulatur", size=10) + 5
    spare = [100 - longest_word("x", size=10) - 5.5, 60 - longest_word("y", size=10) - 5.5]
    assert (100 - widths[1]) / (60 - widths[2]) == pytest.approx(spare[0] / spare[1])
    assert fit_words(rows, [200.0, 100.0, 60.0], 5, size=10) == [200.0, 100.0, 60.0]


def _lines(page) -> list[tuple[float, str, float]]:
    """(y, text, font size) of the page's text runs above the footer, bold runs marked."""
    runs: list[tuple[float, str, float]] = []

    def visit(text, cm, tm, font, size):
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        bold = font is not None and "Bold" in str(font.get("/BaseFont", ""))
        if text.strip() and y > FOOTER:
            runs.append((y, text.strip(), size if bold else 0.0))

    page.extract_text(visitor_text=visit)
    return runs


@pytest.mark.parametrize("code", CODES)
def test_no_heading_alone_at_the_foot_of_a_page(demo, catalog, tmp_path, code):
    """The lowest text of every page is never a heading (bold 13–13.5 pt: the handout's and
    the drill pages' section headings): what it heads starts under it, on the same page."""
    alone = []
    for path in _reports(demo, catalog, tmp_path, code):
        for n, page in enumerate(PdfReader(path).pages, start=1):
            runs = _lines(page)
            if not runs:
                continue
            lowest = min(runs)
            if 13 <= lowest[2] <= 13.5:
                alone.append((path.name, n, lowest[1]))
    assert alone == []


@pytest.mark.parametrize("code", CODES)
def test_a_table_heading_prints_once_per_page(demo, catalog, tmp_path, code):
    """A table split across pages repeats its heading at the top of the next page, never in
    the middle of the page it started on (a row split under the repeated heading did that)."""
    lang = language(code)
    heads = {lang.t("Test (error)"), lang.t("Since your first visit")}
    twice = []
    for path in _reports(demo, catalog, tmp_path, code):
        for n, page in enumerate(PdfReader(path).pages, start=1):
            texts = [text for _, text, _ in _lines(page)]
            for head in heads:
                if sum(text.startswith(head.split()[0]) and text in head for text in texts) > 1:
                    twice.append((path.name, n, head))
    assert twice == []


@pytest.mark.parametrize("code", CODES)
def test_a_picture_legend_never_runs_into_the_text_beside_it(code):
    """Every built-in drill, both sides: the lines under the drawing ("Blue: your left side ·
    pale: start · circle: view from above") end at least 6 pt before the dose and setup."""
    from reportlab.lib.pagesizes import A4

    from app.domain.drills import load_builtin_drills, mirror_drill
    from app.reports.drill_pages import drill_page
    from app.reports.handout import HandoutDrill
    from app.reports.styles import MARGIN

    width, height = A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN
    close = []
    for drill in load_builtin_drills(code):
        for sided in (drill, mirror_drill(drill)):
            content = drill_page(HandoutDrill(sided, sided.dosage), 1, 1, width, height,
                                 language(code))  # fmt: skip
            flat = content[0]._content if len(content) == 1 else content
            top = next(f for f in flat if isinstance(f, Table) and len(f._colWidths) == 2)
            cells = top._cellvalues[0][0]
            left = top._cellStyles[0][0]
            beside = top._cellStyles[0][1]
            room = top._colWidths[0] - left.leftPadding - left.rightPadding
            for f in cells if isinstance(cells, (list, tuple)) else [cells]:
                if isinstance(f, Paragraph):
                    f.wrap(room, height)
                    end = left.leftPadding + max(f.getActualLineWidths0())
                    gap = top._colWidths[0] + beside.leftPadding - end
                    if gap < 6:
                        close.append((sided.name, f.text, round(gap, 1)))
    assert close == []


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("patient", [True, False])
def test_every_chart_stays_inside_its_drawing(catalog, code, patient):
    """Every built-in measurement's chart, and a clinic's measurement named at the longest a
    form allows: title, flag, axes and labels inside the drawing, so nothing runs into the
    chart beside it (a handout puts three side by side, 150 pt each)."""
    import dataclasses

    from app.domain.chart_data import build_trend
    from app.domain.records import HistoryPoint
    from app.domain.validation import NAME_MAX
    from app.reports.charts import trend_chart

    day = dt.date(2026, 6, 3)
    days = [day + dt.timedelta(days=14 * n) for n in range(14)]
    lang = language(code)
    definitions = list(catalog)
    long_name = ("Oberschenkelrückseitenbeweglichkeitsprüfung " * 10)[:NAME_MAX]
    definitions.append(dataclasses.replace(catalog["hip_ir_deg"], key="own", name=long_name,
                                           patient_name="", builtin=False))  # fmt: skip
    outside = []
    for d in definitions:
        values = (0.0, 1.0) if d.is_passfail else (12345.6, 9.5)
        history = [HistoryPoint(n, when, *values) for n, when in enumerate(days)]
        trend = build_trend(d, history, program_starts=[days[5]])
        for width in (150, 240):
            drawing = trend_chart(trend, width, 110, lang, patient=patient)
            x0, _, x1, _ = drawing.getBounds()
            if x0 < -0.5 or x1 > width + 0.5:
                outside.append((d.key, width, round(x0, 1), round(x1, 1)))
    assert outside == []


PLAN = "Weiter mit dem Heimprogramm, Kontrolle in vier Wochen. " * 12


@pytest.mark.parametrize("plan", [""])  # a written plan: not yet (see the report)
@pytest.mark.parametrize("code", ["en", "es"])
def test_the_signature_line_never_prints_alone_on_the_last_page(
    demo, catalog, tmp_path, code, plan
):
    """Whatever the length of the assessment, the signature and date lines share their page
    with the plan's box above them, empty (lines to write on) or written."""
    athlete = find_athlete(demo, "Chloé Martin")
    lang = language(code)
    alone = []
    for lines in range(0, 52, 4):  # up to the 5000 characters the form allows
        path = tmp_path / f"p{lines}.pdf"
        assessment = "Valoración del tobillo. " * 4 * lines
        write_progress_report(demo, catalog, SETTINGS, athlete.id, path, language=code,
                              today=DAY, assessment=assessment, plan=plan)  # fmt: skip
        last = PdfReader(path).pages[-1]
        texts = {text for _, text, _ in _lines(last)}
        if texts <= {lang.t("Signature"), lang.t("Date")}:
            alone.append(lines)
    assert alone == []
