"""What Qt draws of a picture (point 4 and the PNG part of point 10 of issue 16): only the
checked bytes, never a file the drawing points to; a bomb costs nothing at draw time, and a
picture is checked and decoded once, not on every paint."""

from __future__ import annotations

import dataclasses
import time

import pytest
from PySide6.QtCore import QSize
from sqlalchemy import update

from app.domain.drills import load_builtin_drills
from app.models import Drill as DrillRow
from app.services.context import AppContext
from app.services.drills import add_custom_drill
from app.views.drill_view import DrillView, render_illustration
from tests.hostile_pictures import (
    data_uri,
    deflated_zeros,
    fifo,
    png,
    solid_png,
    svg_linking,
)
from tests.services.test_drills import custom

DRILL = dataclasses.replace(load_builtin_drills()[0], builtin=False, illustration="")
RED = 0xFFFF0000
WHITE = 0xFFFFFFFF


def centre(pixmap) -> int:
    image = pixmap.toImage()
    return image.pixel(image.width() // 2, image.height() // 2)


@pytest.mark.parametrize("attribute", ["href", "xlink:href"])
@pytest.mark.parametrize("form", ["{}", "file://{}"])
def test_an_svg_linking_a_local_file_is_drawn_without_it(qapp, tmp_path, attribute, form):
    red = tmp_path / "red.png"
    red.write_bytes(solid_png(10, 10))
    svg = svg_linking(form.format(red), attribute=attribute)
    pixmap = render_illustration(DRILL, (svg, "svg"), QSize(100, 100))
    assert pixmap is not None
    assert centre(pixmap) == WHITE  # Qt read red.png and drew it red before


def test_an_embedded_picture_is_still_drawn(qapp):
    svg = svg_linking(data_uri(solid_png(10, 10)), attribute="xlink:href")
    pixmap = render_illustration(DRILL, (svg, "svg"), QSize(100, 100))
    assert pixmap is not None and centre(pixmap) == RED


def test_an_svg_linking_a_fifo_does_not_hang_the_view(qapp, tmp_path):
    with fifo(tmp_path) as (path, guard):
        pixmap = render_illustration(DRILL, (svg_linking(str(path)), "svg"), QSize(100, 100))
    assert guard.opened == 0  # Qt opened the FIFO and waited for a writer before
    assert pixmap is not None


def test_a_picture_stored_before_the_check_is_judged_when_drawn(qtbot, db, tmp_path):
    # An older version (or an import) stored the user's bytes as they were: the drill view
    # must still never let Qt read the file they point to.
    add_custom_drill(db, custom("Old Drill"), None)
    with fifo(tmp_path) as (path, guard):
        with db.transaction() as s:
            s.execute(
                update(DrillRow)
                .where(DrillRow.key == "old-drill")
                .values(image=svg_linking(str(path)), image_type="svg")
            )
        view = DrillView(lambda: AppContext(db))
        qtbot.addWidget(view)
        view.set_drill(dataclasses.replace(custom("Old Drill"), key="old-drill"))
    assert guard.opened == 0
    assert view.pixmap is not None


def test_a_stored_png_bomb_costs_nothing_to_draw_and_is_checked_once(qapp):
    from app.views.drill_view import DECODED

    # IHDR 4000×4000 (allowed) with pixels that inflate to 2 GB: Qt took 7-9 s per drawing
    bomb = png(4000, 4000, deflated_zeros(2 << 30))
    start = time.perf_counter()
    assert render_illustration(DRILL, (bomb, "png"), QSize(400, 300)) is None
    first = time.perf_counter() - start
    checks = DECODED.checks
    start = time.perf_counter()
    assert render_illustration(DRILL, (bomb, "png"), QSize(400, 300)) is None
    again = time.perf_counter() - start
    assert first < 1.5 and again < 0.2, (first, again)
    assert DECODED.checks == checks  # refused once, remembered


def test_a_large_picture_is_decoded_once_and_kept_small(qapp):
    from app.views.drill_view import DECODE_MAX, DECODED

    big = solid_png(4000, 3000, (0, 0, 255))
    before = DECODED.checks
    first = render_illustration(DRILL, (big, "png"), QSize(400, 300))
    start = time.perf_counter()
    for size in (QSize(400, 300), QSize(48, 36), QSize(400, 300)):
        assert render_illustration(DRILL, (big, "png"), size) is not None
    repaint = (time.perf_counter() - start) / 3
    assert first is not None and centre(first) == 0xFF0000FF
    assert DECODED.checks == before + 1  # one check and one decoding for four drawings
    kept = [e for e in DECODED.entries.values() if e is not None and not isinstance(e[1], bytes)]
    assert all(max(e[1].width(), e[1].height()) <= DECODE_MAX for e in kept)
    assert repaint < 0.1, repaint
