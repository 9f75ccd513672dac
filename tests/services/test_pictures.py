"""Pictures as the services take them in (point 4 and the PNG part of point 10 of issue 16):
every way in stores the checked, rebuilt picture, and a hostile file is refused fast."""

from __future__ import annotations

import time

import pytest

from app.services.drills import (
    ImageProblem,
    add_custom_drill,
    check_image,
    drill_image,
    read_image,
)
from tests.hostile_pictures import (
    deflated_zeros,
    fifo,
    png,
    png_bomb,
    solid_png,
    svg_linking,
    svg_with_entity,
)
from tests.services.test_drills import custom


def test_a_utf16_svg_with_an_entity_is_refused():
    with pytest.raises(ImageProblem, match="entities"):
        check_image(svg_with_entity("utf-16"), "laughs.svg")
    with pytest.raises(ImageProblem, match="entities"):
        check_image(svg_with_entity("utf-16-le"), "laughs.svg")


def test_a_png_inflating_to_2_gb_is_refused_in_well_under_a_second():
    for bomb, words in (
        (png_bomb(), "60000×60000"),  # 5-7 s before: all 2 GB were inflated first
        (png(4000, 4000, deflated_zeros(2 << 30)), "more pixel data"),  # accepted before (12 s)
    ):
        start = time.perf_counter()
        with pytest.raises(ImageProblem, match=words):
            check_image(bomb, "bomb.png")
        assert time.perf_counter() - start < 1.0


def test_a_custom_drill_stores_the_drawing_without_its_link_to_a_local_file(db, tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(solid_png(4, 4))
    picture = tmp_path / "linked.svg"
    picture.write_bytes(svg_linking(str(secret), attribute="xlink:href"))
    add_custom_drill(db, custom("Linked Drill"), picture)
    stored, kind = drill_image(db, "linked-drill")
    assert kind == "svg"
    assert str(secret).encode() not in stored and b"<image" not in stored
    assert b"<rect" in stored  # the drawing itself is kept


@pytest.mark.parametrize("device", ["fifo", "/dev/null", "/dev/zero"])
def test_a_pipe_or_a_device_chosen_as_a_picture_is_refused_at_once(tmp_path, device):
    if device == "fifo":
        with fifo(tmp_path) as (path, guard):
            start = time.perf_counter()
            with pytest.raises(ImageProblem, match="not a file"):
                read_image(path)
        assert guard.opened == 0 and time.perf_counter() - start < 1.0
    else:
        with pytest.raises(ImageProblem, match="not a file"):
            read_image(device)
