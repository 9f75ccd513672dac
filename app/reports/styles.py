"""The handout's look: embedded fonts, colours, paragraph styles, paper sizes.

DejaVu Sans is bundled in ``resources/fonts`` (free licence, LICENSE-DejaVu.txt beside it) and
embedded in every PDF, so accents, "°", "≥", "✓" and "–" print the same on any machine; the
PDF standard fonts would drop them. Loading a TrueType file costs a few milliseconds, so the
fonts are registered once per process.

Type is large on purpose: the drill pages are read from the floor, at arm's length, by people
who may need glasses.
"""

from __future__ import annotations

from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, KeepTogether

from app.resources import resource_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
PAGE_SIZES = {"a4": A4, "letter": LETTER}
MARGIN = 16 * mm

# Okabe–Ito colours, as on screen: left blue with circles, right orange with squares.
LEFT = colors.HexColor("#0072B2")
RIGHT = colors.HexColor("#D55E00")
INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#666666")
RULE = colors.HexColor("#BBBBBB")
ACCENT = colors.HexColor("#1F5F8B")
SHADE = colors.HexColor("#EEF4F8")
FLAG_COLORS = {
    "ok": colors.HexColor("#1b7f3b"),
    "watch": colors.HexColor("#b26b00"),
    "asymmetric": colors.HexColor("#c0262d"),
    "incomplete": colors.HexColor("#777777"),
}
FLAG_SYMBOL = {"ok": "✓", "watch": "◐", "asymmetric": "▲", "incomplete": "·"}
BAND = colors.Color(0.11, 0.50, 0.23, alpha=0.14)
MDC_LEFT = colors.Color(0.0, 0.45, 0.70, alpha=0.10)
MDC_RIGHT = colors.Color(0.84, 0.37, 0.0, alpha=0.10)


@cache
def register_fonts() -> None:
    """Register the bundled fonts once; ``<b>`` in a paragraph picks the bold face.

    Also turns off reportlab's ASCII85 wrapping of binary streams: it only served 7-bit mail
    transports, makes files 25 % larger, and costs a quarter of the drawing time in pure Python.
    """
    from reportlab import rl_config

    rl_config.useA85 = 0
    pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource_path("fonts", "DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


def text(value: object) -> str:
    """User or library text made safe for a Paragraph: markup characters print literally."""
    return escape(str(value), {'"': "&quot;"}).replace("\n", "<br/>")


def _style(name: str, size: float, leading: float | None = None, **kw: object) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=kw.pop("fontName", FONT),
        fontSize=size,
        leading=leading or size * 1.3,
        textColor=kw.pop("textColor", INK),
        alignment=kw.pop("alignment", TA_LEFT),
        **kw,
    )


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    return {
        "clinic": _style("clinic", 13, fontName=FONT_BOLD, textColor=ACCENT),
        "title": _style("title", 20, 25, fontName=FONT_BOLD, spaceAfter=2),
        "subtitle": _style("subtitle", 10.5, textColor=MUTED, spaceAfter=8),
        # headings stay with what follows them: never alone at the foot of a page
        "h2": _style(
            "h2",
            13,
            fontName=FONT_BOLD,
            spaceBefore=8,
            spaceAfter=4,
            textColor=ACCENT,
            keepWithNext=1,
        ),
        "body": _style("body", 10, 13.5),
        "small": _style("small", 8.5, 11, textColor=MUTED),
        "cell": _style("cell", 8.8, 11),
        "cell_right": _style("cell_right", 8.8, 11, alignment=TA_RIGHT),
        "cell_bold": _style("cell_bold", 8.8, 11, fontName=FONT_BOLD),
        "cell_head": _style("cell_head", 8, 10, fontName=FONT_BOLD, textColor=MUTED),
        "bullet": _style("bullet", 10, 13.5, leftIndent=10, bulletIndent=0),
        # drill pages: large, readable type
        "drill_title": _style("drill_title", 20, 25, fontName=FONT_BOLD, spaceAfter=1),
        "legend": _style("legend", 9, 11.5, textColor=MUTED),
        "drill_meta": _style("drill_meta", 11.5, 15, textColor=MUTED, spaceAfter=5),
        "drill_aim": _style("drill_aim", 12.5, 17, spaceAfter=8),
        "drill_h": _style(
            "drill_h",
            13.5,
            17,
            fontName=FONT_BOLD,
            textColor=ACCENT,
            spaceBefore=7,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "drill_body": _style("drill_body", 12.5, 17),
        "drill_setup": _style("drill_setup", 12, 16),
        "drill_step": _style("drill_step", 12.5, 17, spaceAfter=2.5),
        "dose": _style("dose", 15, 20, fontName=FONT_BOLD),
        "dose_small": _style("dose_small", 12, 16),
        "grid": _style("grid", 9, 11),
        "grid_head": _style(
            "grid_head", 7.5, 9, fontName=FONT_BOLD, textColor=MUTED, alignment=TA_CENTER
        ),
        "tick": _style("tick", 13, 15, fontName=FONT_BOLD, textColor=ACCENT, alignment=TA_CENTER),
    }


def longest_word(cell: object, font: str = FONT, size: float = 8.8) -> float:
    """The width of the widest piece of ``cell`` that cannot wrap: a Paragraph's longest word
    in its own font, a plain string's longest line (a table never wraps plain strings) in
    ``font`` at ``size``; 0 for anything else (drawings, spacers)."""
    import re
    from html import unescape

    from reportlab.platypus import Paragraph

    register_fonts()
    if isinstance(cell, Paragraph):
        plain = unescape(re.sub(r"<[^>]+>", " ", cell.text))
        words = plain.split()
        font, size = cell.style.fontName, cell.style.fontSize
    elif isinstance(cell, str):
        words = cell.split("\n")
    else:
        return 0.0
    return max((pdfmetrics.stringWidth(w, font, size) for w in words), default=0.0)


def fit_words(
    rows: list[list], widths: list[float], padding: float, font: str = FONT, size: float = 8.8
) -> list[float]:
    """Column ``widths`` changed, keeping their sum, so that every column holds the longest
    word of its cells (a German compound in a narrow column would otherwise be cut in the
    middle of the word, without a hyphen, or a value run into the next cell). The width a
    column gains comes from the others' room to spare, in proportion to that room; when all
    of it is not enough, reportlab's breaking of long words is what is left."""
    need = [0.0] * len(widths)
    for row in rows:
        for column, cell in enumerate(row):
            need[column] = max(need[column], longest_word(cell, font, size) + padding + 0.5)
    short = sum(max(0.0, n - w) for w, n in zip(widths, need, strict=True))
    if short <= 0:
        return list(widths)
    spare = [max(0.0, w - n) for w, n in zip(widths, need, strict=True)]
    room = sum(spare)
    take = min(short, room) / room if room else 0.0
    scale = min(1.0, room / short) if short else 1.0
    return [
        w + (n - w) * scale if n > w else w - s * take
        for w, n, s in zip(widths, need, spare, strict=True)
    ]


MIN_START = 42  # pt: the least of a split flowable kept under its heading (2–3 lines)


class HeadingWithNext(KeepTogether):
    """The documents' ``keepTogetherClass``: a heading (a style with ``keepWithNext``) stays
    with the start of what follows it, never alone at the foot of a page. reportlab's own
    KeepTogether breaks the page whenever the heading and *all* that follows do not fit, which
    left most of a page empty before a long table; this one breaks only when not even the
    first piece of what follows fits under the heading."""

    def split(self, aW: float, aH: float) -> list[Flowable]:
        content = list(self._content)
        frame = getattr(self, "_frame", None)
        if frame is not None and getattr(frame, "_atTop", False):
            return content  # a fresh page: nothing better to wait for
        *heads, follow = content
        room = aH
        for f in heads:
            room -= f.wrapOn(self.canv, aW, aH)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        room -= follow.getSpaceBefore()
        if room <= 0:
            starts = False
        elif follow.wrapOn(self.canv, aW, room)[1] <= room:
            starts = True
        else:  # a piece of it, and more than the sliver of a split box's padding
            starts = room >= MIN_START and bool(follow.splitOn(self.canv, aW, room))
        return content if starts else [self.FrameBreak(), *content]


def one_line(value: str, font: str, size: float, room: float) -> str:
    """``value`` cut with "…" to fit ``room`` points: for a line that cannot wrap (a footer, a
    chart's title), where what is cut is printed whole elsewhere."""
    value = " ".join(value.split())
    if pdfmetrics.stringWidth(value, font, size) <= room:
        return value
    low, high = 0, len(value)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if pdfmetrics.stringWidth(value[:middle] + "…", font, size) <= room:
            low = middle
        else:
            high = middle - 1
    return value[:low].rstrip() + "…"
