"""The PDF handout, read back with pypdf: what a patient takes home must say the right things."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from app.domain.chart_data import build_trend
from app.domain.drills import load_builtin_drills, mirror_drill
from app.domain.records import AthleteData, HistoryPoint
from app.reports.handout import HandoutDrill
from app.services.athletes import create_athlete
from app.services.programs import (
    draft_data,
    handout_for,
    mark_days_done,
    save_program,
    suggest,
    write_handout,
)
from app.services.sessions import record_session
from app.services.settings import ClinicSettings
from tests.conftest import TODAY, session_inputs

MARKUP_NAME = '<b>Zoë & "Ann"</b>'
FIRST = dict(
    hip_ir_deg=(24, 40),
    hip_er_deg=(46, 31),
    thoracic_rot_deg=(56, 38),
    foot_posture_index=(7, 0),
    side_plank_s=(72, 52),
    adduction_drop_test=("fail", "pass"),
)
LATEST = dict(
    hip_ir_deg=(30, 41),
    hip_er_deg=(45, 33),
    thoracic_rot_deg=(55, 42),
    foot_posture_index=(6, 1),
    side_plank_s=(74, 70),  # LSI 95 %: no drill of its own
    adduction_drop_test=("fail", "pass"),
)


@pytest.fixture
def patient(db, catalog):
    a = create_athlete(db, AthleteData(name=MARKUP_NAME, dominant_side="right"))
    record_session(db, catalog, a.id, TODAY - dt.timedelta(days=56), session_inputs(**FIRST))
    record_session(db, catalog, a.id, TODAY, session_inputs(**LATEST))
    return a


def text_of(path) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(path)
    # one space for any run of white space: a long name may wrap onto two lines
    return reader, [" ".join(page.extract_text().split()) for page in reader.pages]


def test_the_saved_program_prints_with_findings_drills_and_ticks(db, catalog, patient, tmp_path):
    start = TODAY - dt.timedelta(days=13)
    program = save_program(
        db, patient.id, draft_data(suggest(db, catalog, patient.id), start, weeks=4), None
    )
    first = program.items[0].id
    assert first is not None
    mark_days_done(db, {first: [start, start + dt.timedelta(days=1)]})
    settings = ClinicSettings(clinic_name="Physio & Co <Ltd>", paper="a4")
    out = tmp_path / "handout.pdf"
    written = write_handout(db, catalog, settings, patient.id, out, today=TODAY)
    reader, pages = text_of(out)
    assert written.pages == len(pages)
    # the findings (in plain words, which may run onto a second page), five drill pages and
    # the tick sheet
    front = next(i for i, p in enumerate(pages) if "Exercise 1 of 5" in p)
    assert len(pages) == front + 6
    everything = "\n".join(pages)
    findings = "\n".join(pages[:front])
    assert MARKUP_NAME in pages[0]  # printed literally, not as bold markup
    assert "Physio & Co <Ltd>" in pages[0]
    # one decimal for every value of a measured quantity, as in the app, so columns line up
    assert "30.0°" in findings and "41.0°" in findings
    # the change of asymmetry since the first session, against √2 × 5.4° = 7.6°: within it
    assert "16.0° → 11.0°: no clear change" in findings  # hip IR: 5° less
    assert "Since your first visit" in findings
    assert "▲ clear difference" in findings
    for n, name in enumerate(
        [
            "Left Sucker Punch Rockback",
            "90-90 with Left Hip Shift",
            "Alternating Chest Press",
            "Split Squat Rotation",
            "Staggered Stance Hinge with Asymmetric Arms",
        ],
        start=1,
    ):
        assert name in pages[front + n - 1]
        assert f"Exercise {n} of 5" in pages[front + n - 1]
    assert "3–4 rounds of 4–5 breaths" in pages[front] and "5 times a week" in pages[front]
    assert "2–3 sets of 8–10 reps, each side" in pages[front + 2]
    ticks = pages[-1]
    assert "Tick sheet" in ticks and "Notes" in ticks
    # from today on: the two days ticked before today are not reprinted, but counted
    assert ticks.count("✓") == 0
    assert "Done so far:" in ticks
    total = len(pages)
    assert all(f"page {i} of {total}" in p for i, p in enumerate(pages, start=1))
    assert "not a diagnosis" in everything
    assert reader.metadata.title == f"Exercise program for {MARKUP_NAME}"
    # A4, and the DejaVu fonts embedded (accents and ° print anywhere)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    fonts = reader.pages[0]["/Resources"]["/Font"]
    embedded = [f.get_object()["/BaseFont"] for f in fonts.values()]
    assert any("DejaVuSans" in str(name) for name in embedded)


def test_letter_paper_and_the_suggested_program(db, catalog, patient, tmp_path):
    out = tmp_path / "s.pdf"
    write_handout(
        db, catalog, ClinicSettings(), patient.id, out, "suggested", paper="letter", today=TODAY
    )
    reader, pages = text_of(out)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert "suggested" in pages[0]
    assert "Done so far" not in pages[-1]  # nothing saved, so nothing ticked yet


def test_mirrored_drills_are_drawn_flipped():
    from app.reports.drill_pages import illustration

    drill = load_builtin_drills()[0]
    plain = illustration(HandoutDrill(drill, drill.dosage), 200, 150)
    flipped = illustration(HandoutDrill(mirror_drill(drill), drill.dosage), 200, 150)
    assert plain.contents[0].transform[0] > 0
    assert flipped.contents[0].transform[0] < 0
    assert flipped.contents[0].transform[4] == pytest.approx(flipped.width)


def test_a_clinic_picture_replaces_the_drawing(db, catalog):
    from app.reports.drill_pages import illustration

    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
        b'<rect width="40" height="20"/></svg>'
    )
    drill = load_builtin_drills()[0]
    drawn = illustration(HandoutDrill(drill, drill.dosage, image=svg, image_type="svg"), 200, 150)
    assert drawn.width == pytest.approx(200) and drawn.height == pytest.approx(100)
    broken = HandoutDrill(drill, drill.dosage, image=b"not a png", image_type="png")
    assert illustration(broken, 200, 150) is None  # no picture rather than no handout


def test_charts_draw_the_chart_data_with_gaps(catalog):
    from reportlab.graphics.shapes import PolyLine

    from app.domain.language import language
    from app.reports.charts import nice_ticks, trend_chart

    day = dt.date(2026, 1, 1)
    history = [
        HistoryPoint(1, day, 30.0, 40.0),
        HistoryPoint(2, day + dt.timedelta(days=14), None, 41.0),  # left not measured
        HistoryPoint(3, day + dt.timedelta(days=28), 33.0, 40.0),
        HistoryPoint(4, day + dt.timedelta(days=42), 36.0, 40.5),
    ]
    trend = build_trend(catalog["hip_ir_deg"], history, program_starts=[day])
    drawing = trend_chart(trend, 240, 110, language("en"))
    lines = [s for s in drawing.contents[0].contents if isinstance(s, PolyLine)]
    # left: one segment after the gap (first point alone); right: one line; the asymmetry
    # panel: the sessions with both sides, broken where the left is missing
    assert len(lines) == 3
    assert nice_ticks(7.3, 12.6) == [8, 9, 10, 11, 12] or nice_ticks(7.3, 12.6)[0] >= 7.3


def test_render_writes_to_any_binary_stream(db, catalog, patient):
    from app.reports.pdf import render_handout

    h = handout_for(db, catalog, ClinicSettings(), patient.id, "suggested", today=TODAY)
    buffer = io.BytesIO()
    pages = render_handout(h, buffer)
    assert buffer.getvalue().startswith(b"%PDF") and pages == len(PdfReader(buffer).pages)


# --- drawings: the legend and exact mirror images (issue 18, point 2) ---------------------------


def test_drill_pages_print_which_side_is_blue(db, catalog, patient, tmp_path):
    import dataclasses

    from app.reports.pdf import render_handout

    handout = handout_for(db, catalog, ClinicSettings(), patient.id, "suggested", today=TODAY)
    names = [hd.drill.name for hd in handout.drills]
    assert names[0] == "Left Sucker Punch Rockback" and names[3] == "Split Squat Rotation"
    out = tmp_path / "plain.pdf"
    with out.open("wb") as fh:
        render_handout(handout, fh)
    _, pages = text_of(out)
    rockback = next(p for p in pages if "Left Sucker Punch Rockback" in p and "Step" in p)
    rotation = next(p for p in pages if "Split Squat Rotation" in p and "Step" in p)
    assert "Blue: your left side · pale: start" in rockback
    assert "circle: view from above" not in rockback
    assert "Blue: your left side · pale: start · circle: view from above" in rotation
    # the version for the other side: the drawing flips, the legend names the other side
    # and stays readable (it is text beside the drawing, not in it)
    drills = tuple(dataclasses.replace(hd, drill=mirror_drill(hd.drill)) for hd in handout.drills)
    mirrored = dataclasses.replace(handout, drills=drills)
    out = tmp_path / "mirrored.pdf"
    with out.open("wb") as fh:
        render_handout(mirrored, fh)
    _, pages = text_of(out)
    rockback = next(p for p in pages if "Right Sucker Punch Rockback" in p and "Step" in p)
    assert "Blue: your right side · pale: start" in rockback
    assert "Blue: your left side" not in " ".join(pages)


def test_a_clinic_picture_gets_no_legend():
    from app.reports.drill_pages import legend

    drill = load_builtin_drills()[0]
    assert legend(HandoutDrill(drill, drill.dosage)) == "Blue: your left side · pale: start"
    own = HandoutDrill(drill, drill.dosage, image=b"<svg/>", image_type="svg")
    assert legend(own) is None  # its colours mean what the clinic drew


def _leaf_bounds(node, matrix) -> list[tuple[float, float, float, float]]:
    """Every drawn shape's box on the page, through the groups' transforms."""
    from reportlab.graphics.shapes import Group, mmult

    if isinstance(node, Group):
        inner = mmult(matrix, node.transform)
        return [b for child in node.contents for b in _leaf_bounds(child, inner)]
    x0, y0, x1, y1 = node.getBounds()
    corners = [(x, y) for x in (x0, x1) for y in (y0, y1)]
    a, b, c, d, e, f = matrix
    xs = [a * x + c * y + e for x, y in corners]
    ys = [b * x + d * y + f for x, y in corners]
    return [(min(xs), min(ys), max(xs), max(ys))]


@pytest.mark.parametrize("drill", load_builtin_drills(), ids=lambda d: d.key)
def test_mirrored_drawing_is_the_exact_mirror_image(drill):
    from app.reports.drill_pages import illustration

    plain = illustration(HandoutDrill(drill, drill.dosage), 200, 150)
    flipped = illustration(HandoutDrill(mirror_drill(drill), drill.dosage), 200, 150)
    assert (plain.width, plain.height) == (flipped.width, flipped.height)
    identity = (1, 0, 0, 1, 0, 0)
    before = _leaf_bounds(plain.contents[0], identity)
    after = _leaf_bounds(flipped.contents[0], identity)
    assert len(before) == len(after) >= 10  # two poses and an arrow (and an inset) are there
    w = plain.width
    for (x0, y0, x1, y1), got in zip(before, after, strict=True):
        assert got == pytest.approx((w - x1, y0, w - x0, y1), abs=1e-6)
        assert got[0] >= -0.5 and got[2] <= w + 0.5  # nothing leaves the picture
