"""One page per drill: drawing, dose, setup, numbered steps, what to feel, common mistakes.

Written for the person doing the drill at home, so the type is large and the dose is the
first thing next to the picture. A mirrored drill (the version for the other side) is drawn
from the same line drawing flipped horizontally. A drill whose text does not fit one page is
shrunk a little to fit; one far too long for that flows onto a second page instead of being
shrunk into unreadable type.
"""

from __future__ import annotations

import io
import logging
from functools import lru_cache
from typing import TYPE_CHECKING

from reportlab.graphics import renderPDF  # noqa: F401 (imported now, not mid-drawing)
from reportlab.graphics.shapes import Drawing, Group
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Image,
    KeepInFrame,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from svglib.svglib import svg2rlg

from app.domain.drills import Drill, illustration_path
from app.reports.handout import HandoutDrill
from app.reports.styles import ACCENT, RULE, SHADE, styles, text

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

log = logging.getLogger(__name__)
MAX_SHRINK = 0.8  # below this, let the drill flow onto a second page

REGION_WORDS = {
    "breathing": "Breathing and ribcage",
    "pelvis": "Pelvis",
    "hip": "Hip",
    "ankle": "Ankle",
    "foot": "Foot",
    "trunk": "Trunk",
    "balance": "Balance",
    "power": "Power",
    "strength": "Strength",
    "integration": "Putting it together",
}


@lru_cache(maxsize=64)
def _svg(source: str | bytes) -> Drawing | None:
    """Parse a drawing once per process (a path, or the bytes of a clinic's own SVG)."""
    try:
        found = svg2rlg(io.BytesIO(source) if isinstance(source, bytes) else source)
    except Exception:  # a damaged picture prints as no picture, never as a failed handout
        log.warning("could not read a drill drawing", exc_info=True)
        return None
    return found


def _vector(source: str | bytes, mirrored: bool, width: float, height: float) -> Flowable | None:
    parsed = _svg(source)
    if parsed is None or not parsed.width or not parsed.height:
        return None
    scale = min(width / parsed.width, height / parsed.height)
    w, h = parsed.width * scale, parsed.height * scale
    # the cached shapes are shared, never changed: a new group places them on this page
    transform = (-scale, 0, 0, scale, w, 0) if mirrored else (scale, 0, 0, scale, 0, 0)
    drawing = Drawing(w, h)
    drawing.add(Group(*parsed.contents, transform=transform))
    return drawing


def illustration(hd: HandoutDrill, width: float, height: float) -> Flowable | None:
    drill = hd.drill
    if hd.image is not None:
        if hd.image_type == "svg":
            return _vector(hd.image, drill.mirrored, width, height)
        try:
            from reportlab.lib.utils import ImageReader

            reader = ImageReader(io.BytesIO(hd.image))
            iw, ih = reader.getSize()
        except Exception:
            log.warning("could not read a drill picture", exc_info=True)
            return None
        scale = min(width / iw, height / ih)
        image = Image(io.BytesIO(hd.image), iw * scale, ih * scale)
        if drill.mirrored:
            return _Flipped(image)
        return image
    if not drill.illustration:
        return None
    return _vector(str(illustration_path(drill)), drill.mirrored, width, height)


class _Flipped(Flowable):
    """A bitmap drawn mirrored (a clinic's photo for the other side)."""

    def __init__(self, inner: Image) -> None:
        super().__init__()
        self.inner = inner
        self.width, self.height = inner.drawWidth, inner.drawHeight

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.translate(self.width, 0)
        self.canv.scale(-1, 1)
        self.inner.drawOn(self.canv, 0, 0)
        self.canv.restoreState()


@lru_cache(maxsize=1)
def _measuring_canvas() -> Canvas:
    """A canvas that is never saved: some flowables need one to measure themselves."""
    from reportlab.pdfgen.canvas import Canvas

    return Canvas(io.BytesIO())


def side_words(drill: Drill) -> str:
    if drill.side == "both":
        return "Both sides"
    return f"{drill.side.capitalize()} side"


def dose_lines(hd: HandoutDrill) -> tuple[str, str]:
    """The dose in words: (what to do each time, how often)."""
    d = hd.dosage
    if d.unit == "breaths":
        main = f"{d.sets} rounds of {d.amount} breaths"
    elif d.unit == "s":
        main = f"{d.sets} × hold {d.amount} seconds"
    else:
        main = f"{d.sets} sets of {d.amount} reps"
    if d.each_side:
        main += ", each side"
    often = "every day" if d.per_week == 7 else f"{d.per_week} times a week"
    if d.per_week > 7:
        often = f"{d.per_week} times a week (about twice a day)"
    return main, often


def _dose_box(hd: HandoutDrill, width: float) -> Table:
    s = styles()
    main, often = dose_lines(hd)
    rows: list[list[Flowable]] = [
        [Paragraph("YOUR DOSE", s["cell_head"])],
        [Paragraph(text(main), s["dose"])],
        [Paragraph(text(often), s["dose_small"])],
    ]
    if hd.notes:
        rows.append([Spacer(1, 4)])
        rows.append([Paragraph("NOTE FROM YOUR CLINICIAN", s["cell_head"])])
        rows.append([Paragraph(text(hd.notes), s["dose_small"])])
    box = Table(rows, colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 9),
                ("RIGHTPADDING", (0, 0), (-1, -1), 9),
                ("TOPPADDING", (0, 0), (-1, 0), 8),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 9),
            ]
        )
    )
    return box


def drill_page(hd: HandoutDrill, number: int, total: int, width: float, height: float) -> list:
    """The flowables of one drill's page (the caller puts a page break before it)."""
    s = styles()
    drill = hd.drill
    meta = f"Exercise {number} of {total}  ·  {side_words(drill)}  ·  " + REGION_WORDS.get(
        drill.region, drill.region.capitalize()
    )
    picture_w = width * 0.54
    side_w = width - picture_w
    picture = illustration(hd, picture_w - 8, 64 * mm) or Spacer(picture_w, 10)
    beside = [
        _dose_box(hd, side_w),
        Paragraph("Get set", s["drill_h"]),
        Paragraph(text(drill.setup), s["drill_setup"]),
    ]
    top = Table([[picture, beside]], colWidths=[picture_w, side_w])
    top.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE),
            ]
        )
    )
    steps = ListFlowable(
        [ListItem(Paragraph(text(step), s["drill_step"])) for step in drill.steps],
        bulletType="1",
        bulletFontName=s["drill_step"].fontName,
        bulletFontSize=12.5,
        leftIndent=20,
        bulletFormat="%s.",
    )
    mistakes = ListFlowable(
        [ListItem(Paragraph(text(m), s["drill_body"]), value="•") for m in drill.mistakes],
        bulletType="bullet",
        start="•",
        bulletFontSize=12.5,
        leftIndent=20,
    )
    feel = Table([[Paragraph(text(drill.feel), s["drill_body"])]], colWidths=[width])
    feel.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("LEFTPADDING", (0, 0), (-1, -1), 9),
                ("RIGHTPADDING", (0, 0), (-1, -1), 9),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    content = [
        Paragraph(text(drill.name), s["drill_title"]),
        Paragraph(text(meta), s["drill_meta"]),
        Paragraph(text(drill.aim), s["drill_aim"]),
        top,
        Paragraph("Step by step", s["drill_h"]),
        steps,
        Paragraph("What you should feel", s["drill_h"]),
        feel,
        Paragraph("Common mistakes", s["drill_h"]),
        mistakes,
    ]
    canvas = _measuring_canvas()
    needed = sum(
        f.wrapOn(canvas, width, height)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in content
    )
    if needed <= height:
        return content
    if height / needed >= MAX_SHRINK:
        return [KeepInFrame(width, height, content, mode="shrink")]
    return content
