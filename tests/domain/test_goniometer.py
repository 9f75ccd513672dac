"""Angles on photos (app/domain/goniometer.py) and marker detection (app/domain/markers.py),
on pictures the tests draw themselves (tests/photos.py)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.domain.goniometer import (
    GeometryProblem,
    angle_of,
    kind_for,
    ordered,
    parse_points,
    photo_problems,
    points_text,
    segment_angle,
    three_point_angle,
)
from app.domain.markers import find_markers
from tests.photos import GREEN, rotate_points, scene

coordinate = st.floats(-5000, 5000, allow_nan=False)
point = st.tuples(coordinate, coordinate)
turn = st.floats(-179, 179, allow_nan=False)


def far_apart(a, b, distance=1.0):
    return math.hypot(a[0] - b[0], a[1] - b[1]) > distance


def test_known_angles():
    assert segment_angle((0, 0), (0, 10)) == pytest.approx(0)
    assert segment_angle((0, 0), (10, 10)) == pytest.approx(45)
    assert segment_angle((0, 0), (10, 0)) == pytest.approx(90)
    assert segment_angle((0, 0), (-10, 10)) == pytest.approx(45)  # a line has no direction
    assert segment_angle((0, 0), (10, 10), plumb=[(0, 0), (10, 10)]) == pytest.approx(0)
    assert three_point_angle((10, 0), (0, 0), (0, 10)) == pytest.approx(90)
    assert three_point_angle((10, 0), (0, 0), (-10, 0)) == pytest.approx(180)
    assert angle_of([(0, 0), (3, 3**0.5 * 3)]) == pytest.approx(30)
    with pytest.raises(GeometryProblem, match="same place"):
        angle_of([(1, 1), (1, 1)])
    with pytest.raises(GeometryProblem, match="2 or 3"):
        angle_of([(1, 1)])


@given(point, point, st.floats(-89.9, 89.9), point)
def test_a_tilted_camera_with_a_plumb_line_gives_the_true_angle(a, b, tilt, centre):
    """Turn the whole scene (segment and a true vertical) by any tilt: measured against the
    plumb line the angle is the one of the level camera."""
    assume(far_apart(a, b, 5))
    truth = segment_angle(a, b)
    plumb = [(centre[0], centre[1]), (centre[0], centre[1] + 500)]
    ta, tb, *tp = rotate_points([a, b, *plumb], tilt, centre)
    assert segment_angle(ta, tb, plumb=tp) == pytest.approx(truth, abs=1e-6)
    assert 0 <= truth <= 90


@given(point, point, point, turn, point)
def test_three_point_angle_ignores_turning_and_reversing(a, v, c, degrees, centre):
    assume(far_apart(a, v, 5) and far_apart(c, v, 5))
    angle = three_point_angle(a, v, c)
    assert 0 <= angle <= 180
    assert three_point_angle(c, v, a) == pytest.approx(angle, abs=1e-6)
    ta, tv, tc = rotate_points([a, v, c], degrees, centre)
    assert three_point_angle(ta, tv, tc) == pytest.approx(angle, abs=1e-6)


@given(st.lists(point, min_size=2, max_size=3, unique=True))
def test_order_is_top_to_bottom_and_stored_points_read_back_exactly(points):
    top_down = ordered(points)
    assert [p[1] for p in top_down] == sorted(p[1] for p in points)
    assert sorted(top_down) == sorted(points)
    back, problem = parse_points(points_text(points))
    assert problem is None and back == [(float(x), float(y)) for x, y in points]


def test_which_angle_each_measurement_takes():
    assert kind_for("ankle_df_lunge_deg") == "vertical"
    assert kind_for("hip_ir_deg") == kind_for("hip_er_deg") == "vertical"
    assert kind_for("thoracic_rot_deg") == "three"


def test_a_stored_measurement_must_agree_with_its_points():
    pts = points_text([(10, 10), (20, 110)])
    right = segment_angle((10, 10), (20, 110))
    assert photo_problems("left", 1, 200, 200, pts, None, right) == []
    assert any("does not match" in p for p in photo_problems("left", 1, 200, 200, pts, None, 40.0))
    assert any("outside" in p for p in photo_problems("left", 1, 50, 50, pts, None, right))
    assert any("side" in p for p in photo_problems("middle", 1, 200, 200, pts, None, right))
    assert any("trial" in p for p in photo_problems("left", 4, 200, 200, pts, None, right))
    three = points_text([(10, 10), (20, 110), (90, 150)])
    plumb = points_text([(0, 0), (0, 100)])
    assert any("plumb" in p for p in photo_problems("left", 1, 200, 200, three, plumb, 10.0))
    assert photo_problems("left", 1, 200, 200, "[[1, 2]]", None, 0.0)
    assert photo_problems("left", 1, 200, 200, '[[1, "x"], [2, 3]]', None, 0.0)


# -- markers ------------------------------------------------------------------------------------


def _close(found, truth, tolerance=2.0):
    assert len(found) == len(truth), (found, truth)
    for f, t in zip(ordered(found), ordered(truth), strict=True):
        assert math.hypot(f[0] - t[0], f[1] - t[1]) <= tolerance, (f, t)


@pytest.mark.parametrize(
    "truth",
    [
        [(300.0, 150.0), (420.5, 700.25)],  # a shin: segment against the vertical
        [(600.0, 120.0), (500.0, 450.0), (820.0, 610.0)],  # three points
    ],
)
def test_markers_on_a_noisy_background_are_found_within_two_pixels(truth):
    image = np.asarray(scene(markers=truth))
    found = find_markers(image, GREEN)
    _close(found, truth)
    assert angle_of(ordered(found)) == pytest.approx(angle_of(ordered(truth)), abs=0.5)


def test_a_hue_within_25_degrees_matches_and_one_beyond_does_not():
    # 00C853 has a hue of about 145°; 20° away (a yellower green) still matches, 35° does not
    import colorsys

    def rgb(hue):
        return tuple(round(c * 255) for c in colorsys.hsv_to_rgb(hue / 360, 1.0, 0.8))

    near = scene(
        markers=[(100, 100), (100, 300)], colour=rgb(145 - 20), noise=False, size=(300, 400)
    )
    far = scene(
        markers=[(100, 100), (100, 300)], colour=rgb(145 - 35), noise=False, size=(300, 400)
    )
    assert len(find_markers(np.asarray(near), GREEN)) == 2
    assert find_markers(np.asarray(far), GREEN) == []
    dull = scene(markers=[(100, 100)], colour=(70, 110, 90), noise=False, size=(300, 400))
    assert find_markers(np.asarray(dull), GREEN) == []  # saturation below 0.4


def test_no_markers_on_noise_alone():
    assert find_markers(np.asarray(scene()), GREEN) == []
