"""What reportlab/svglib print of a picture (point 4 of issue 16): the checked bytes only."""

from __future__ import annotations

import base64
import datetime as dt
import io
import time

import pytest
from pypdf import PdfReader

from app.domain.drills import load_builtin_drills
from app.domain.records import AthleteData
from app.reports.handout import HandoutDrill
from app.services.athletes import create_athlete
from app.services.programs import handout_for
from app.services.sessions import record_session
from app.services.settings import ClinicSettings
from tests.conftest import TODAY, session_inputs
from tests.hostile_pictures import deflated_zeros, fifo, png, solid_png, svg_linking
from tests.reports.test_pdf import FIRST, LATEST

DRILL = load_builtin_drills()[0]


@pytest.fixture
def patient(db, catalog):
    a = create_athlete(db, AthleteData(name="Ann Example", dominant_side="right"))
    record_session(db, catalog, a.id, TODAY - dt.timedelta(days=56), session_inputs(**FIRST))
    record_session(db, catalog, a.id, TODAY, session_inputs(**LATEST))
    return a


def printed(hd: HandoutDrill):
    from reportlab.platypus import SimpleDocTemplate

    from app.reports.drill_pages import illustration

    drawn = illustration(hd, 200, 150)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([drawn] if drawn is not None else [])
    return drawn, PdfReader(buffer)


def test_an_svg_linking_a_local_file_prints_without_it(tmp_path):
    red = tmp_path / "red.png"
    red.write_bytes(solid_png(10, 10))
    svg = svg_linking(str(red), attribute="xlink:href")
    drawn, reader = printed(HandoutDrill(DRILL, DRILL.dosage, image=svg, image_type="svg"))
    assert drawn is not None
    assert reader.pages and not reader.pages[0].images  # svglib embedded red.png before


def test_an_svg_linking_a_fifo_prints_without_opening_it(tmp_path):
    with fifo(tmp_path) as (path, guard):
        svg = svg_linking(str(path))
        printed(HandoutDrill(DRILL, DRILL.dosage, image=svg, image_type="svg"))
    assert guard.opened == 0


def test_a_png_bomb_as_drill_picture_or_logo_prints_as_no_picture_fast(db, catalog, patient):
    from app.reports.pdf import render_handout

    bomb = png(4000, 4000, deflated_zeros(2 << 30))
    start = time.perf_counter()
    drawn, _ = printed(HandoutDrill(DRILL, DRILL.dosage, image=bomb, image_type="png"))
    assert drawn is None and time.perf_counter() - start < 1.5
    for logo, images in ((solid_png(40, 20), 1), (bomb, 0)):
        settings = ClinicSettings(logo_png_b64=base64.b64encode(logo).decode())
        h = handout_for(db, catalog, settings, patient.id, "suggested", today=TODAY)
        buffer = io.BytesIO()
        start = time.perf_counter()
        render_handout(h, buffer)
        assert time.perf_counter() - start < 10
        assert len(PdfReader(buffer).pages[0].images) == images


def test_an_svg_embedding_a_png_prints_the_handout(db, catalog, patient):
    """An ordinary Inkscape-style drawing with a PNG inside (a data: URI, which the check
    keeps): svglib reads it, reportlab then failed to write the page, and no handout printed."""
    import dataclasses

    from app.reports.pdf import render_handout

    inside = base64.b64encode(solid_png(20, 20)).decode()
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<rect width="10" height="4" fill="blue"/>'
        f'<image href="data:image/png;base64,{inside}" width="10" height="10"/></svg>'
    ).encode()
    h = handout_for(db, catalog, ClinicSettings(), patient.id, "suggested", today=TODAY)
    drawing = HandoutDrill(DRILL, DRILL.dosage, image=svg, image_type="svg")
    h = dataclasses.replace(h, drills=(drawing, *h.drills))
    buffer = io.BytesIO()
    render_handout(h, buffer)
    assert len(PdfReader(buffer).pages) > 1


@pytest.mark.parametrize(
    ("mode", "kind", "size"),
    [("I;16", "PNG", (4000, 2000)), ("RGB", "JPEG", (1500, 3000)), ("RGBA", "PNG", (2400, 1200))],
)
def test_a_large_picture_prints_at_print_resolution_with_its_aspect(mode, kind, size):
    """A 4000×4000 16-bit PNG made a handout take 27 s: reportlab decoded and deflated every
    pixel of a picture printed 60 mm wide. It is shrunk once to 300 dpi at its printed size."""
    from PIL import Image as PILImage

    from app.reports.drill_pages import PRINT_DPI

    buffer = io.BytesIO()
    PILImage.new(mode, size, 30000 if mode == "I;16" else (200, 40, 40)[: len(mode)]).save(
        buffer, kind
    )
    image_type = "png" if kind == "PNG" else "jpeg"
    drawn, reader = printed(
        HandoutDrill(DRILL, DRILL.dosage, image=buffer.getvalue(), image_type=image_type)
    )
    assert drawn is not None
    assert drawn.drawWidth / drawn.drawHeight == pytest.approx(size[0] / size[1])
    (embedded,) = reader.pages[0].images
    width, height = embedded.image.size
    assert width / height == pytest.approx(size[0] / size[1], rel=0.01)
    assert width <= drawn.drawWidth / 72 * PRINT_DPI + 1 < size[0]
    assert height <= drawn.drawHeight / 72 * PRINT_DPI + 1 < size[1]


def test_a_picture_near_print_size_prints_as_it_is():
    from app.reports.drill_pages import print_copy

    small = solid_png(300, 200)
    assert print_copy(small, "png", (300, 200)) is small
