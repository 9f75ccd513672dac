"""A photo pair on the handout or progress report (issue 19): two photos of the same test, from
different dates or sides, each with its points, plumb line and angle drawn over it.

Printed only when the clinician chose a pair (a patient's photo is health data: off by
default). The pictures are the stored copies (re-encoded, no metadata), checked again like
every picture that is printed; the overlay is vector lines, so the points stay sharp.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from itertools import pairwise

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from app.domain.language import Language, language
from app.domain.pictures import RASTER_KINDS
from app.reports.drill_pages import checked_picture
from app.reports.handout import HandoutPhoto
from app.reports.styles import styles, text

POINT = colors.HexColor("#FFD400")
PLUMB = colors.HexColor("#00B7FF")
PHOTO_HEIGHT = 80 * mm


class PhotoWithPoints(Flowable):
    """The photo fitted into ``width`` × ``height`` with its points and lines on top."""

    def __init__(self, photo: HandoutPhoto, width: float, height: float) -> None:
        super().__init__()
        picture = checked_picture(photo.measurement.image, RASTER_KINDS)
        self.data = picture.data if picture is not None else None
        m = photo.measurement
        self.scale = min(width / m.width, height / m.height)
        self.width = m.width * self.scale
        self.height = m.height * self.scale
        self.photo = photo

    def _xy(self, point: tuple[float, float]) -> tuple[float, float]:
        x, y = point
        return (x + 0.5) * self.scale, self.height - (y + 0.5) * self.scale

    def draw(self) -> None:
        c = self.canv
        m = self.photo.measurement
        if self.data is None:  # a picture that fails the check is not printed
            c.rect(0, 0, self.width, self.height)
            return
        c.drawImage(ImageReader(io.BytesIO(self.data)), 0, 0, self.width, self.height)
        if m.plumb is not None:
            c.setStrokeColor(PLUMB)
            c.setLineWidth(1.2)
            c.setDash(4, 3)
            (x0, y0), (x1, y1) = (self._xy(p) for p in m.plumb)
            c.line(x0, y0, x1, y1)
            c.setDash()
        points = [self._xy(p) for p in m.points]
        c.setStrokeColor(POINT)
        c.setLineWidth(1.6)
        for (x0, y0), (x1, y1) in pairwise(points):
            c.line(x0, y0, x1, y1)
        c.setStrokeColor(colors.black)
        c.setFillColor(POINT)
        c.setLineWidth(0.8)
        for x, y in points:
            c.circle(x, y, 2.6, stroke=1, fill=1)


def photo_pair(
    photos: Sequence[HandoutPhoto], width: float, lang: Language | None = None
) -> list[Flowable]:
    """The chosen photos side by side with their captions, or nothing."""
    if not photos:
        return []
    s = styles()
    gap = 5 * mm
    per = (width - gap) / 2
    cells = [PhotoWithPoints(p, per, PHOTO_HEIGHT) for p in photos[:2]]
    captions = [Paragraph(text(p.caption), s["small"]) for p in photos[:2]]
    while len(cells) < 2:
        cells.append("")  # type: ignore[arg-type]  # an empty cell of the table
        captions.append("")
    grid = Table([cells, captions], colWidths=[per + gap, per])
    grid.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    heading = (lang or language()).t("Photos")
    return [KeepTogether([Paragraph(heading, s["h2"]), grid])]
