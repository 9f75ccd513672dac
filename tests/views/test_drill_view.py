"""The drill view's drawing (issue 18, point 2): which side is blue is said under it, in
words that are never flipped with it, and the version for the other side is the mirror
image of the drawing, insets and arrows included."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage

from app.domain.drills import load_builtin_drills, mirror_drill
from app.views.drill_view import DrillView, render_illustration

LIBRARY = load_builtin_drills()


def by_key(key: str):
    return next(d for d in LIBRARY if d.key == key)


@pytest.fixture
def view(qtbot):
    v = DrillView()
    qtbot.addWidget(v)
    v.resize(900, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_the_legend_under_the_drawing_names_the_blue_side(view):
    view.set_drill(by_key("left-sucker-punch-rockback"))
    assert view.legend.isVisible()
    assert view.legend.text() == "Blue: your left side · pale: start"
    # under the picture, outside what is flipped
    assert view.legend.geometry().top() >= view.picture.geometry().bottom()
    view.set_drill(mirror_drill(by_key("left-sucker-punch-rockback")))
    assert view.legend.text() == "Blue: your right side · pale: start"
    view.set_drill(by_key("split-squat-rotation"))
    assert view.legend.text().endswith("· circle: view from above")


def test_no_legend_without_the_built_in_drawing(view):
    view.set_drill(by_key("left-side-plank"))
    assert view.legend.isVisible()
    own = dataclasses.replace(by_key("left-side-plank"), builtin=False, illustration="")
    view.set_drill(own)  # a clinic's drill without a picture
    assert not view.legend.isVisible() and view.legend.text() == ""
    view.set_drill(None)
    assert not view.legend.isVisible()


def _differing(a: QImage, b: QImage) -> float:
    assert a.size() == b.size()
    differ = 0
    for y in range(0, a.height(), 2):
        for x in range(0, a.width(), 2):
            ca, cb = QColor(a.pixel(x, y)), QColor(b.pixel(x, y))
            coloured = ca.saturation() > 60 and cb.saturation() > 60
            if abs(ca.lightness() - cb.lightness()) > 60 or (
                coloured and abs(ca.hue() - cb.hue()) > 40
            ):
                differ += 1
    return differ / ((a.width() // 2) * (a.height() // 2))


@pytest.mark.parametrize("drill", LIBRARY, ids=lambda d: d.key)
def test_the_other_side_is_the_mirror_image(qapp, drill):
    size = QSize(400, 300)
    plain = render_illustration(drill, None, size)
    flipped = render_illustration(mirror_drill(drill), None, size)
    assert plain is not None and flipped is not None
    plain_image = plain.toImage()
    # the mirror image, pixel for pixel (anti-aliased edges may differ by a shade)
    mirror = plain_image.flipped(Qt.Orientation.Horizontal)
    assert _differing(flipped.toImage(), mirror) < 0.002
    assert _differing(flipped.toImage(), plain_image) > 0.01  # and it did flip
