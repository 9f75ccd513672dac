"""One page per drill: drawing, dose, setup, numbered steps, what to feel, common mistakes.

Written for the person doing the drill at home, so the type is large and the dose is the
first thing next to the picture. A mirrored drill (the version for the other side) is drawn
from the same line drawing flipped horizontally; one line under a built-in drawing says which
side is blue (``illustration_legend``), as text, so it never prints mirrored. A drill whose
text does not fit one page is shrunk a little to fit; one far too long for that flows onto
further pages instead of being shrunk into unreadable type. Every block that holds typed text
can split across pages (plain paragraphs, lists, and shaded boxes with ``splitInRow``), so any
length the forms allow prints.
"""

from __future__ import annotations

import io
import logging
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from reportlab.graphics import renderPDF  # imported now, not mid-drawing
from reportlab.graphics.shapes import Drawing, Group
from reportlab.graphics.shapes import Image as ShapeImage
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Image,
    KeepInFrame,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from svglib.svglib import svg2rlg

from app.domain.drills import Drill, illustration_legend, illustration_path
from app.domain.language import Language, language
from app.domain.pictures import KINDS, RASTER_KINDS, Picture, PictureProblem, check_picture
from app.domain.report_words import dose_words
from app.reports.handout import HandoutDrill
from app.reports.styles import ACCENT, RULE, SHADE, styles, text

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

log = logging.getLogger(__name__)
MAX_SHRINK = 0.8  # below this, let the drill flow onto a second page
BESIDE_MAX = 110 * mm  # taller than this, the note and the setup leave the picture's side
GUTTER = 8  # pt between the picture (with its legend) and the dose and setup beside it

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


@lru_cache(maxsize=32)
def checked_picture(data: bytes, kinds: tuple[str, ...] = KINDS) -> Picture | None:
    """The picture as the domain's check leaves it, or None when refused (printed as no
    picture, never as a failed handout). svglib and reportlab get only these bytes: a
    drawing's links to files are gone, a PNG bomb never reaches the decoder. Once per
    picture and process."""
    try:
        return check_picture(data, "A drill picture", kinds=kinds)
    except PictureProblem as exc:
        log.warning("picture not printed: %s", exc)
        return None


@lru_cache(maxsize=64)
def _svg(source: bytes) -> Drawing | None:
    """Parse a checked drawing once per process."""
    try:
        found = svg2rlg(io.BytesIO(source))
    except Exception:  # a damaged picture prints as no picture, never as a failed handout
        log.warning("could not read a drill drawing", exc_info=True)
        return None
    if found is None or _draws(found):
        return found
    # e.g. a PNG embedded in the drawing (data: URI), which svglib reads but reportlab then
    # fails to write: the drawing prints without its embedded pictures
    _drop_images(found)
    if _draws(found):
        log.warning("a drill drawing prints without its embedded pictures")
        return found
    return None


def _draws(drawing: Drawing) -> bool:
    """Whether reportlab can write ``drawing`` (tried once, in memory): a failure found
    here costs a picture, found while the handout is written it costs the handout."""
    try:
        renderPDF.drawToString(drawing)
    except Exception:
        log.info("a drill drawing cannot be written as it is", exc_info=True)
        return False
    return True


def _drop_images(group: Group | Drawing) -> None:
    group.contents = [c for c in group.contents if not isinstance(c, ShapeImage)]
    for child in group.contents:
        if isinstance(child, Group):
            _drop_images(child)


def _vector(source: bytes, mirrored: bool, width: float, height: float) -> Flowable | None:
    picture = checked_picture(source)
    if picture is None or picture.kind != "svg":
        return None
    parsed = _svg(picture.data)
    if parsed is None or not parsed.width or not parsed.height:
        return None
    scale = min(width / parsed.width, height / parsed.height)
    w, h = parsed.width * scale, parsed.height * scale
    # the cached shapes are shared, never changed: a new group places them on this page
    transform = (-scale, 0, 0, scale, w, 0) if mirrored else (scale, 0, 0, scale, 0, 0)
    drawing = Drawing(w, h)
    drawing.add(Group(*parsed.contents, transform=transform))
    return drawing


PRINT_DPI = 300  # pixels per inch a print needs; more is decoded and deflated for nothing


def raster(data: bytes, width: float, height: float, kinds: tuple[str, ...]) -> Image | None:
    """A checked PNG or JPEG fitted into ``width`` × ``height`` points (aspect kept), at no
    more than :data:`PRINT_DPI` (:func:`print_copy`)."""
    picture = checked_picture(data, kinds)
    if picture is None or picture.kind not in RASTER_KINDS:
        return None
    assert picture.width and picture.height
    scale = min(width / picture.width, height / picture.height)
    w, h = picture.width * scale, picture.height * scale
    pixels = (max(1, round(w / 72 * PRINT_DPI)), max(1, round(h / 72 * PRINT_DPI)))
    return Image(io.BytesIO(print_copy(picture.data, picture.kind, pixels)), w, h)


@lru_cache(maxsize=16)
def print_copy(data: bytes, kind: str, pixels: tuple[int, int]) -> bytes:
    """``data`` shrunk to ``pixels`` (aspect kept) when it is larger, once per process.

    reportlab decodes and deflates every pixel it is given: a 4000×4000 16-bit PNG made a
    handout take 27 s to print a picture 60 mm wide. A 16-bit picture becomes 8-bit (a
    printer has no more). A picture already small enough, or one Pillow cannot shrink, is
    printed as it is.
    """
    from PIL import Image as PILImage

    try:
        with PILImage.open(io.BytesIO(data)) as opened:
            if opened.width <= pixels[0] * 1.25 and opened.height <= pixels[1] * 1.25:
                return data  # near print size already: no resampling loss, no work
            if kind == "jpeg":
                opened.draft("RGB", pixels)  # libjpeg decodes at 1/2, 1/4, 1/8 size
            image = opened.copy() if opened.mode in _PRINTABLE_MODES else _eight_bit(opened)
        image.thumbnail(pixels, PILImage.Resampling.LANCZOS)
        out = io.BytesIO()
        if kind == "jpeg":
            image.convert("RGB").save(out, "JPEG", quality=90)
        else:
            image.save(out, "PNG")
        return out.getvalue()
    except Exception:  # printed as it was checked rather than not at all
        log.warning("could not shrink a drill picture for print", exc_info=True)
        return data


_PRINTABLE_MODES = ("1", "L", "LA", "P", "RGB", "RGBA", "CMYK")


def _eight_bit(image: Any) -> Any:
    """A 16-bit (or 32-bit) grey picture as 8-bit grey; any other mode as RGB(A)."""
    if image.mode.startswith("I"):  # I;16, I;16B, I: 0…65535 grey
        return image.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    return image.convert("RGBA" if "A" in image.mode else "RGB")


def legend(hd: HandoutDrill) -> str | None:
    """The line under a built-in drawing (which side is blue, how to read the poses); None
    under a clinic's own picture, whose conventions the app does not know."""
    if hd.image is not None:
        return None
    return illustration_legend(hd.drill)


def illustration(hd: HandoutDrill, width: float, height: float) -> Flowable | None:
    drill = hd.drill
    if hd.image is not None:
        if hd.image_type == "svg":
            return _vector(hd.image, drill.mirrored, width, height)
        image = raster(hd.image, width, height, RASTER_KINDS)
        if image is None:
            return None
        if drill.mirrored:
            return _Flipped(image)
        return image
    if not drill.illustration:
        return None
    return _vector(_builtin_bytes(str(illustration_path(drill))), drill.mirrored, width, height)


@lru_cache(maxsize=64)
def _builtin_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError:
        log.warning("could not read a drill drawing", exc_info=True)
        return b""


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
    return Canvas(io.BytesIO())


def side_words(drill: Drill, lang: Language | None = None) -> str:
    lang = lang or language()
    if drill.side == "both":
        return lang.t("Both sides")
    return lang.t("Left side") if drill.side == "left" else lang.t("Right side")


def dose_lines(hd: HandoutDrill, lang: Language | None = None) -> tuple[str, str]:
    """The dose in words: (what to do each time, how often), in the reader's language."""
    d = hd.dosage
    return dose_words(d.sets, d.amount, d.unit, d.each_side, d.per_week, lang or language())


def _dose_box(
    hd: HandoutDrill, width: float, *, with_note: bool, lang: Language | None = None
) -> Table:
    """The shaded dose box; the clinician's note inside it when ``with_note`` (a short note
    beside the picture), else the note prints below in :func:`_note_box`."""
    s = styles()
    lang = lang or language()
    main, often = dose_lines(hd, lang)
    rows: list[list[Flowable]] = [
        [Paragraph(text(lang.t("YOUR DOSE")), s["cell_head"])],
        [Paragraph(text(main), s["dose"])],
        [Paragraph(text(often), s["dose_small"])],
    ]
    if hd.notes and with_note:
        rows.append([Spacer(1, 4)])
        rows.append([Paragraph(text(lang.t("NOTE FROM YOUR CLINICIAN")), s["cell_head"])])
        rows.append([Paragraph(text(hd.notes), s["dose_small"])])
    return _shaded(rows, width, box=True)


def _note_box(hd: HandoutDrill, width: float, lang: Language | None = None) -> Table:
    """The clinician's note across the page, in a box that splits across pages when long."""
    s = styles()
    lang = lang or language()
    # one cell: it splits between lines of the note, never right after its heading
    cell = [
        Paragraph(text(lang.t("NOTE FROM YOUR CLINICIAN")), s["cell_head"]),
        Paragraph(text(hd.notes), s["dose_small"]),
    ]
    return _shaded([[cell]], width, box=True)


def _shaded(rows: list[list], width: float, *, box: bool = False) -> Table:
    """A shaded one-column box of paragraphs. ``splitInRow``: a cell taller than what is left
    of the page splits between its lines, so no text length can make the page fail."""
    table = Table(rows, colWidths=[width], splitInRow=1)
    style: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, -1), SHADE),
        ("LEFTPADDING", (0, 0), (-1, -1), 9),
        ("RIGHTPADDING", (0, 0), (-1, -1), 9),
    ]
    if box:
        style += [
            ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
            ("TOPPADDING", (0, 0), (-1, 0), 8),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 9),
        ]
    else:
        style += [
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ]
    table.setStyle(TableStyle(style))
    return table


@lru_cache(maxsize=8)
def _listed(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` for an item of a list: the text indented, its number or bullet hanging."""
    return ParagraphStyle(
        f"{style.name}_listed",
        parent=style,
        leftIndent=20,
        bulletIndent=0,
        bulletFontName=style.fontName,
        bulletFontSize=12.5,
    )


def _height(flowables: list[Flowable], width: float, height: float) -> float:
    canvas = _measuring_canvas()
    return sum(
        f.wrapOn(canvas, width, height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        for f in flowables
    )


def drill_page(
    hd: HandoutDrill,
    number: int,
    total: int,
    width: float,
    height: float,
    lang: Language | None = None,
) -> list:
    """The flowables of one drill's page (the caller puts a page break before it); the page's
    own words in ``lang`` (the drill's texts are the drill's)."""
    s = styles()
    lang = lang or language()
    drill = hd.drill
    region = REGION_WORDS.get(drill.region)
    meta = "  ·  ".join(
        [
            lang.t("Exercise {number} of {total}", number=number, total=total),
            side_words(drill, lang),
            lang.t(region) if region else drill.region.capitalize(),
        ]
    )
    picture_w = width * 0.54
    side_w = width - picture_w
    drawn = illustration(hd, picture_w - GUTTER, 64 * mm)
    picture: Flowable | list[Flowable] = drawn or Spacer(picture_w, 10)
    key = legend(hd) if drawn is not None else None
    if key:
        # under the drawing and never flipped with it, so it reads the same on both sides
        picture = [drawn, Spacer(1, 2), Paragraph(text(key), s["legend"])]
    setup = [
        Paragraph(text(lang.t("Get set")), s["drill_h"]),
        Paragraph(text(drill.setup), s["drill_setup"]),
    ]
    beside: list[Flowable] = [_dose_box(hd, side_w, with_note=True, lang=lang), *setup]
    below: list[Flowable] = []
    if _height(beside, side_w, height) > BESIDE_MAX:
        # A long note or setup beside the picture would make a row taller than the page:
        # the dose stays beside the picture, the rest runs across the page and may split.
        beside = [_dose_box(hd, side_w, with_note=False, lang=lang)]
        if hd.notes:
            below.append(Spacer(1, 6))
            below.append(_note_box(hd, width, lang))
        below += setup
    top = Table([[picture, beside]], colWidths=[picture_w, side_w], splitInRow=1)
    top.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                # the picture's legend wraps before the text beside it (it ran into it)
                ("RIGHTPADDING", (0, 0), (0, 0), GUTTER),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE),
            ]
        )
    )
    # Numbered and bulleted paragraphs rather than a ListFlowable: reportlab's list items
    # refuse to split a paragraph that would leave one line on the next page, so a step a
    # line taller than the page could not be placed at all.
    step_style = _listed(s["drill_step"])
    steps = [
        Paragraph(text(step), step_style, bulletText=f"{n}.")
        for n, step in enumerate(drill.steps, start=1)
    ]
    mistake_style = _listed(s["drill_body"])
    mistakes = [Paragraph(text(m), mistake_style, bulletText="•") for m in drill.mistakes]
    feel = _shaded([[Paragraph(text(drill.feel), s["drill_body"])]], width)
    content = [
        Paragraph(text(drill.name), s["drill_title"]),
        Paragraph(text(meta), s["drill_meta"]),
        Paragraph(text(drill.aim), s["drill_aim"]),
        top,
        *below,
        Paragraph(text(lang.t("Step by step")), s["drill_h"]),
        *steps,
        Paragraph(text(lang.t("What you should feel")), s["drill_h"]),
        feel,
        Paragraph(text(lang.t("Common mistakes")), s["drill_h"]),
        *mistakes,
    ]
    needed = _height(content, width, height)
    if needed <= height:
        return content
    if height / needed >= MAX_SHRINK:
        return [KeepInFrame(width, height, content, mode="shrink")]
    return content
