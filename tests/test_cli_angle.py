"""``untwist angle FILE [--points X,Y X,Y [X,Y]] [--marker-colour RRGGBB]`` (issue 19), run as
a script runs it, on photos the test draws."""

from __future__ import annotations

import re

import pytest
from PIL import Image

from app.domain.goniometer import angle_of, segment_angle
from tests.cli import untwist
from tests.photos import jpeg, jpeg_claiming, png, rotate_points, scene

ANGLE = re.compile(r"angle: (\d+\.\d)°\npoints: (.*)\n\Z")


def parse(out: str) -> tuple[float, list[tuple[float, float]]]:
    match = ANGLE.fullmatch(out)
    assert match, out
    points = [tuple(map(float, p.split(","))) for p in match.group(2).split(" ")]
    return float(match.group(1)), points  # type: ignore[return-value]


def test_two_markers_give_the_segment_from_the_vertical(tmp_path):
    truth = [(400.0, 120.0), (610.0, 780.0)]
    path = tmp_path / "lunge.jpg"
    path.write_bytes(jpeg(scene(markers=truth)))
    result = untwist("angle", path)
    assert result.returncode == 0, result.stderr
    angle, points = parse(result.stdout)
    assert angle == pytest.approx(angle_of(truth), abs=0.5)
    for (x, y), (tx, ty) in zip(points, truth, strict=True):
        assert abs(x - tx) <= 2 and abs(y - ty) <= 2


def test_three_markers_in_the_orientation_the_phone_says(tmp_path):
    """The photo is stored turned (EXIF orientation 6: show it turned 90° clockwise); points
    come back in the coordinates of the picture as a person sees it."""
    truth = [(500.0, 100.0), (300.0, 450.0), (800.0, 700.0)]
    upright = scene(markers=truth)
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # what the sensor wrote
    path = tmp_path / "hip.jpg"
    path.write_bytes(jpeg(stored, orientation=6))
    result = untwist("angle", path, "--marker-colour", "00c853")
    assert result.returncode == 0, result.stderr
    angle, points = parse(result.stdout)
    assert angle == pytest.approx(angle_of(truth), abs=0.5)
    for (x, y), (tx, ty) in zip(points, truth, strict=True):
        assert abs(x - tx) <= 2 and abs(y - ty) <= 2


def test_given_points_need_no_markers(tmp_path):
    path = tmp_path / "plain.png"
    path.write_bytes(png(scene(noise=False, size=(300, 200))))
    result = untwist("angle", path, "--points", "10,10", "110,110")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "angle: 45.0°\npoints: 10.0,10.0 110.0,110.0\n"
    three = untwist("angle", path, "--points", "10,100", "100,100", "100,10")
    assert three.stdout.startswith("angle: 90.0°\n")


def test_a_tilted_photo_measured_on_its_own_vertical_is_off_by_the_tilt(tmp_path):
    """The CLI takes the photo's vertical; the tilt shows up one for one (the dialog's plumb
    line corrects it: tests/views/test_photo_dialog.py)."""
    truth = [(600.0, 150.0), (560.0, 750.0)]
    tilted = rotate_points(truth, 8, (600, 450))
    path = tmp_path / "tilted.jpg"
    path.write_bytes(jpeg(scene(markers=tilted)))
    angle, _ = parse(untwist("angle", path).stdout)
    assert angle == pytest.approx(segment_angle(*tilted), abs=0.5)
    assert abs(angle - segment_angle(*truth)) > 5


@pytest.mark.parametrize(
    ("markers", "message"),
    [([], "no markers found"), ([(100.0, 100.0)], "found 1 marker: need 2 or 3"),
     ([(100.0, 100.0), (300.0, 200.0), (500.0, 300.0), (700.0, 400.0)],
      "found 4 markers: need 2 or 3")],
)  # fmt: skip
def test_a_marker_count_that_gives_no_angle_exits_1(tmp_path, markers, message):
    path = tmp_path / "few.jpg"
    path.write_bytes(jpeg(scene(markers=markers)))
    result = untwist("angle", path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"untwist angle: {message}\n"


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("notes.jpg", b"just some text\n", "is not a PNG or JPG picture"),
        ("drawing.jpg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "is not a PNG or JPG"),
        ("cut.jpg", None, "damaged or incomplete"),
        ("huge.jpg", jpeg_claiming(10000, 10000), "100 megapixels"),
        ("missing.jpg", False, "does not exist"),
    ],
)
def test_a_file_that_is_not_a_readable_photo_exits_2_with_one_line(tmp_path, name, content, says):
    path = tmp_path / name
    if content is None:
        whole = jpeg(scene(markers=[(100, 100), (200, 600)]))
        content = whole[: len(whole) * 2 // 3]  # a truncated JPEG
    if content is not False:
        path.write_bytes(content)
    result = untwist("angle", path)
    assert result.returncode == 2, result
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and says in result.stderr, result.stderr


@pytest.mark.parametrize(
    "args",
    [("--points", "1,2"), ("--points", "1,2", "3;4"), ("--marker-colour", "green")],
)
def test_bad_options_exit_2_with_one_line(tmp_path, args):
    path = tmp_path / "plain.png"
    path.write_bytes(png(scene(noise=False, size=(100, 100))))
    result = untwist("angle", path, *args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("untwist angle: ")
