"""Synthetic photos the tests draw themselves: a noisy background, coloured markers at known
centres, optionally a tilted camera (the whole scene rotated) and a plumb line."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

import numpy as np
from PIL import Image, ImageDraw

GREEN = (0, 200, 83)  # 00C853
Point = tuple[float, float]


def scene(
    size: tuple[int, int] = (1200, 900),
    markers: Sequence[Point] = (),
    *,
    colour: tuple[int, int, int] = GREEN,
    radius: float = 14,
    seed: int = 1,
    noise: bool = True,
    plumb: tuple[Point, Point] | None = None,
) -> Image.Image:
    """An RGB picture: noise of every hue at low saturation or value (so it never matches
    the marker rule), plus isolated bright specks of the marker's own colour, plus round
    markers (drawn 4× larger and downsampled, so their centres are exact to a fraction of a
    pixel) and an optional dark plumb line."""
    width, height = size
    rng = np.random.default_rng(seed)
    if noise:
        base = rng.integers(40, 200, size=(height, width, 3), dtype=np.uint8)
        grey = base.mean(axis=2, keepdims=True).astype(np.uint8)
        pixels = (0.7 * grey + 0.3 * base).astype(np.uint8)  # saturation well below 0.4
        specks = rng.random((height, width)) < 0.0015  # single marker-coloured pixels
        pixels[specks] = colour
    else:
        pixels = np.full((height, width, 3), 128, np.uint8)
    big = Image.fromarray(pixels).resize((width * 4, height * 4), Image.Resampling.NEAREST)
    draw = ImageDraw.Draw(big)
    if plumb is not None:
        (x0, y0), (x1, y1) = plumb
        draw.line([(x0 * 4 + 2, y0 * 4 + 2), (x1 * 4 + 2, y1 * 4 + 2)], fill=(20, 20, 20), width=8)
    for x, y in markers:
        # the centre of pixel (x, y) is at 4x + 1.5 in the large picture
        cx, cy, r = 4 * x + 1.5, 4 * y + 1.5, 4 * radius
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colour)
    return big.resize((width, height), Image.Resampling.BOX)


def rotate_points(points: Sequence[Point], degrees: float, centre: Point) -> list[Point]:
    """Points turned clockwise by ``degrees`` on screen (y down) about ``centre``."""
    a = math.radians(degrees)
    cx, cy = centre
    out = []
    for x, y in points:
        dx, dy = x - cx, y - cy
        out.append(
            (cx + dx * math.cos(a) - dy * math.sin(a), cy + dx * math.sin(a) + dy * math.cos(a))
        )
    return out


def jpeg(
    image: Image.Image, *, orientation: int | None = None, gps: bool = False, quality: int = 95
) -> bytes:
    """JPEG bytes, with an EXIF orientation tag and a GPS block when asked."""
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    if gps:
        exif[0x8825] = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)}
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=quality, exif=exif.tobytes() if len(exif) else b"")
    return out.getvalue()


def png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def jpeg_claiming(width: int, height: int) -> bytes:
    """A small, whole JPEG whose frame header claims ``width``×``height`` (a bomb's header)."""
    import struct

    data = bytearray(jpeg(Image.new("RGB", (16, 16), (90, 90, 90))))
    at = data.find(b"\xff\xc0")
    data[at + 5 : at + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def photo_measurement(side: str = "left", trial: int = 1, *, seed: int = 3, plumb: bool = True):
    """A :class:`PhotoMeasurement` as the dialog stores it: a phone-like JPEG (with a GPS
    block) through the photo service, two points and a plumb line, the angle they give."""
    from app.domain.goniometer import angle_of
    from app.domain.records import PhotoMeasurement
    from app.services.photos import decode, stored_copy

    truth = [(210.5, 80.25), (260.125, 520.0)]
    line = ((40.0, 20.0), (44.0, 580.0)) if plumb else None
    picture = stored_copy(decode(jpeg(scene((640, 600), truth, seed=seed), gps=True)))
    return PhotoMeasurement(
        side=side,  # type: ignore[arg-type]
        trial=trial,
        image=picture.data,
        image_type=picture.image_type,
        width=picture.width,
        height=picture.height,
        points=tuple(truth),
        plumb=line,
        angle=angle_of(truth, line),
    )
