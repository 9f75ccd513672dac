"""Draw the built-in drill illustrations (resources/illustrations/*.svg) from pose definitions.

Run by hand after changing a pose: ``uv run python packaging/draw_illustrations.py``. The app
never imports this file; it reads the SVGs it writes, which are committed.

Why a script: every drawing is two poses of one stick figure (the start in a pale tone, the
end solid, an arrow between them), some with a small top-view inset. Writing them as joint
coordinates keeps line weights, colours and proportions the same in every drawing, and a
pose can be corrected by moving one point.

The drawings keep to what the app's picture check, QtSvg and svglib all accept: SVG Tiny 1.2
shapes only (no text, markers, styles, filters or links), 400 × 300, ground line at y = 262.
No text at all: the app flips a drawing to make the other side's version, and text would
come out as mirror writing; the app draws the legend beside the picture instead.

Colours: the named side (the side in the drill's title; the left for a drill done to both
sides) is blue, the other side's limbs dark when near and grey when far, props light grey.
Movement arrows are orange, so they never read as "the blue side". Each drawing holds the
groups ``start`` (pale), ``end`` (solid), ``motion`` (the arrows) and, for rotation drills,
``inset`` (the turn seen from above the head); tests/domain/test_drills.py checks them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from pathlib import Path

Point = tuple[float, float]
OUT = Path(__file__).resolve().parent.parent / "resources" / "illustrations"
GROUND = 262

DARK, BLUE, GREY = "#333333", "#2a7ab0", "#8c8c8c"
PALE = {DARK: "#c6c6c6", BLUE: "#a6c8e0", GREY: "#dddddd"}
MOTION = "#d9621c"
PROP_FILL, PROP_LINE = "#ececec", "#a8a8a8"
INSET_FILL, INSET_LINE = "#f4f4f4", "#dddddd"
GROUND_LINE = "#c8c8c8"


def _n(v: float) -> str:
    text = f"{v:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _pts(points: Sequence[Point]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


class Pen:
    """Shapes of one pose; ``pale`` draws them in the start pose's light tones."""

    def __init__(self, pale: bool = False) -> None:
        self.pale = pale
        self.out: list[str] = []

    def c(self, colour: str) -> str:
        return PALE.get(colour, colour) if self.pale else colour

    def line(self, points: Sequence[Point], colour: str = DARK, width: float = 8) -> None:
        self.out.append(
            f'<polyline points="{_pts(points)}" fill="none" stroke="{self.c(colour)}" '
            f'stroke-width="{_n(width)}" stroke-linecap="round" stroke-linejoin="round"/>'
        )

    def curve(self, a: Point, ctrl: Point, b: Point, colour: str = DARK, width: float = 13) -> None:
        self.out.append(
            f'<path d="M {_n(a[0])} {_n(a[1])} Q {_n(ctrl[0])} {_n(ctrl[1])} {_n(b[0])} '
            f'{_n(b[1])}" fill="none" stroke="{self.c(colour)}" stroke-width="{_n(width)}" '
            'stroke-linecap="round"/>'
        )

    def head(self, centre: Point, r: float = 14, colour: str = DARK) -> None:
        cx, cy = centre
        fill = self.c(colour)
        self.out.append(f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}" fill="{fill}"/>')

    def torso(self, hip: Point, neck: Point, width: float = 13, ctrl: Point | None = None) -> None:
        if ctrl is None:
            self.line([hip, neck], DARK, width)
        else:
            self.curve(hip, ctrl, neck, DARK, width)

    def leg(self, points: Sequence[Point], colour: str, heel: Point | None = None) -> None:
        """hip, knee, ankle, toe; ``heel``: a short stub back from the ankle."""
        self.line(points, colour)
        if heel is not None:
            self.line([heel, points[2]], colour)

    def ribs(self, centre: Point, rx: float, ry: float, angle: float) -> None:
        """The breathing drills' ribcage: a pale blue patch where the breath goes."""
        if self.pale:
            return
        cx, cy = centre
        self.out.append(
            f'<ellipse cx="{_n(cx)}" cy="{_n(cy)}" rx="{_n(rx)}" ry="{_n(ry)}" fill="{BLUE}" '
            f'fill-opacity="0.22" stroke="none" transform="rotate({_n(angle)} {_n(cx)} {_n(cy)})"/>'
        )


# ---------------------------------------------------------------------------------------------
# Props and arrows


def ground(x0: float = 20, x1: float = 380, y: float = GROUND) -> str:
    return (
        f'<line x1="{_n(x0)}" y1="{_n(y)}" x2="{_n(x1)}" y2="{_n(y)}" stroke="{GROUND_LINE}" '
        'stroke-width="3" stroke-linecap="round"/>'
    )


def rect(x: float, y: float, w: float, h: float, rx: float = 0, fill: str = PROP_FILL,
         line: str = PROP_LINE) -> str:  # fmt: skip
    corner = f' rx="{_n(rx)}"' if rx else ""
    return (
        f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}"{corner} fill="{fill}" '
        f'stroke="{line}" stroke-width="2"/>'
    )


def ellipse(cx: float, cy: float, rx: float, ry: float, fill: str = PROP_FILL,
            line: str = PROP_LINE) -> str:  # fmt: skip
    return (
        f'<ellipse cx="{_n(cx)}" cy="{_n(cy)}" rx="{_n(rx)}" ry="{_n(ry)}" fill="{fill}" '
        f'stroke="{line}" stroke-width="2"/>'
    )


def circle(cx: float, cy: float, r: float, fill: str, line: str, width: float = 2) -> str:
    return (
        f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}" fill="{fill}" stroke="{line}" '
        f'stroke-width="{_n(width)}"/>'
    )


def _bezier(a: Point, c: Point, b: Point, t: float) -> Point:
    u = 1 - t
    return (
        u * u * a[0] + 2 * u * t * c[0] + t * t * b[0],
        u * u * a[1] + 2 * u * t * c[1] + t * t * b[1],
    )


def _head(tip: Point, towards: Point, length: float, half: float) -> str:
    dx, dy = tip[0] - towards[0], tip[1] - towards[1]
    d = math.hypot(dx, dy) or 1.0
    ux, uy = dx / d, dy / d
    bx, by = tip[0] - ux * length, tip[1] - uy * length
    left = (bx - uy * half, by + ux * half)
    right = (bx + uy * half, by - ux * half)
    return f'<polygon points="{_pts([tip, left, right])}" fill="{MOTION}"/>'


def arrow(a: Point, b: Point, ctrl: Point | None = None, *, width: float = 4,
          both: bool = False, head: float = 13, dash: str = "") -> list[str]:  # fmt: skip
    """A movement arrow from ``a`` to ``b`` (bent through ``ctrl``): the line stops where the
    head begins, so its round cap never shows past the tip."""
    if ctrl is None:
        ctrl = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    samples = [_bezier(a, ctrl, b, i / 24) for i in range(25)]
    half = head * 0.55

    def cut(points: list[Point]) -> tuple[list[Point], Point]:
        tip = points[-1]
        kept = [p for p in points if math.hypot(p[0] - tip[0], p[1] - tip[1]) > head * 0.8]
        return kept, kept[-1] if kept else points[0]

    body, base = cut(samples)
    shapes = [_head(samples[-1], base, head, half)]
    if both:
        body_rev, base_rev = cut(list(reversed(body)))
        body = list(reversed(body_rev))
        shapes.append(_head(samples[0], base_rev, head, half))
    shapes.insert(
        0,
        f'<polyline points="{_pts(body)}" fill="none" stroke="{MOTION}" '
        f'stroke-width="{_n(width)}" stroke-linecap="round" stroke-linejoin="round"'
        + (f' stroke-dasharray="{dash}"' if dash else "")
        + "/>",
    )
    return shapes


def arc_arrow(centre: Point, r: float, start: float, end: float, *, width: float = 3.5,
              head: float = 11) -> list[str]:  # fmt: skip
    """An arrow along a circle from angle ``start`` to ``end`` (degrees, SVG's y-down sense:
    increasing angles turn clockwise on the page)."""
    cx, cy = centre
    steps = max(8, int(abs(end - start) / 4))
    pts = [
        (
            cx + r * math.cos(math.radians(start + (end - start) * i / steps)),
            cy + r * math.sin(math.radians(start + (end - start) * i / steps)),
        )
        for i in range(steps + 1)
    ]
    tip = pts[-1]
    kept = [p for p in pts if math.hypot(p[0] - tip[0], p[1] - tip[1]) > head * 0.8]
    return [
        f'<polyline points="{_pts(kept)}" fill="none" stroke="{MOTION}" '
        f'stroke-width="{_n(width)}" stroke-linecap="round" stroke-linejoin="round"/>',
        _head(tip, kept[-1], head, head * 0.55),
    ]


def rotate(p: Point, centre: Point, degrees: float) -> Point:
    a = math.radians(degrees)
    x, y = p[0] - centre[0], p[1] - centre[1]
    return (
        centre[0] + x * math.cos(a) - y * math.sin(a),
        centre[1] + x * math.sin(a) + y * math.cos(a),
    )


def top_head(centre: Point, facing: float, r: float = 8.5) -> list[str]:
    """The head seen from above, with a nose that shows where the body faces."""
    cx, cy = centre
    nose, side = math.radians(facing), math.radians(facing + 90)
    tip = (cx + (r + 5) * math.cos(nose), cy + (r + 5) * math.sin(nose))
    bx, by = cx + 6 * math.cos(nose), cy + 6 * math.sin(nose)
    b1 = (bx + 5 * math.cos(side), by + 5 * math.sin(side))
    b2 = (bx - 5 * math.cos(side), by - 5 * math.sin(side))
    return [
        f'<polygon points="{_pts([tip, b1, b2])}" fill="{DARK}"/>',
        circle(cx, cy, r, DARK, DARK, 0),
    ]


def side_dir(facing: float, side: str) -> float:
    """The page angle of the body's ``side`` when it faces ``facing`` (page angles, y down:
    the left is a quarter turn anticlockwise from the facing)."""
    return facing - 90 if side == "left" else facing + 90


def top_view(
    centre: Point,
    facing: float,
    turn: float,
    *,
    named: str = "left",
    r: float = 46,
    floor: bool = False,
) -> list[str]:
    """A round inset: the body seen from above the head, the pelvis or shoulders as a bar
    (its named half blue), pale where it starts and solid where it ends, and an arc arrow
    at the named end.

    ``facing``: where the nose points (page degrees, y down: 180 = page left, 90 = page
    down); ``turn``: the bar's turn in degrees (negative = anticlockwise on the page).
    ``floor``: a floor line under the body (a drill done lying on the side).
    """
    cx, cy = centre
    half = r * 0.6
    out = [circle(cx, cy, r, INSET_FILL, INSET_LINE)]
    if floor:
        out.append(
            f'<line x1="{_n(cx - r * 0.7)}" y1="{_n(cy + r * 0.72)}" x2="{_n(cx + r * 0.7)}" '
            f'y2="{_n(cy + r * 0.72)}" stroke="{GROUND_LINE}" stroke-width="3" '
            'stroke-linecap="round"/>'
        )
    other = "right" if named == "left" else "left"
    for pale, angle in ((True, 0.0), (False, turn)):
        pen = Pen(pale)
        for side, colour in ((other, DARK), (named, BLUE)):
            a = math.radians(side_dir(facing, side) + angle)
            pen.line([(cx, cy), (cx + half * math.cos(a), cy + half * math.sin(a))], colour, 9)
        out += pen.out
    out += top_head(centre, facing)
    start = side_dir(facing, named)
    lead = max(abs(turn) * 0.4, 12) * (1 if turn > 0 else -1)
    out += arc_arrow(centre, r - 7, start - lead, start + turn + lead, head=10)
    return out


# ---------------------------------------------------------------------------------------------
# The drawings


def svg(props: list[str], start: Pen, end: Pen, motion: list[str], inset: list[str] | None,
        front: list[str] | None = None) -> str:  # fmt: skip
    def group(name: str, shapes: list[str]) -> list[str]:
        return [f'  <g id="{name}">', *(f"    {s}" for s in shapes), "  </g>"]

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
        'width="400" height="300" viewBox="0 0 400 300">',
        *group("props", props),
        *group("start", start.out),
        *group("end", end.out),
        *group("motion", motion),
    ]
    if front:
        lines += group("front", front)
    if inset:
        lines += group("inset", inset)
    lines.append("</svg>")
    return "\n".join(lines) + "\n"


DRAWINGS: dict[str, Callable[[], str]] = {}


def drawing(key: str) -> Callable[[Callable[[], str]], Callable[[], str]]:
    def register(fn: Callable[[], str]) -> Callable[[], str]:
        DRAWINGS[key] = fn
        return fn

    return register


def both(fn: Callable[[Pen], None]) -> tuple[Pen, Pen]:
    """Parts that do not move, drawn in both poses (the pale copy hides under the solid)."""
    start, end = Pen(True), Pen(False)
    fn(start)
    fn(end)
    return start, end


# -- the default program ----------------------------------------------------------------------


@drawing("left-sucker-punch-rockback")
def rockback() -> str:
    # on hands and knees, facing page-left; the left (near) arm is blue
    start, end = Pen(True), Pen(False)
    for pen, hip, ctrl, neck, head, far_hand, near in (
        (start, (262, 190), (214, 176), (170, 192), (148, 206), [(166, 226), (160, 256)],
         [(172, 224), (164, 256)]),
        (end, (300, 222), (258, 160), (196, 212), (174, 228), [(176, 236), (160, 256)],
         [(164, 234), (132, 254)]),
    ):  # fmt: skip
        pen.ribs((236, 184), 24, 11, -14) if pen is end else None
        pen.line([neck, *far_hand], GREY)
        pen.leg([hip, (252, 256), (316, 257), (330, 257)], GREY)
        pen.torso(hip, neck, ctrl=ctrl)
        pen.head(head)
        pen.leg([hip, (248, 257), (312, 258), (326, 258)], DARK)
        pen.line([neck, *near], BLUE)
    motion = arrow((276, 170), (318, 200), (306, 170))  # hips back toward the heels
    motion += arrow((140, 226), (100, 240), (116, 226))  # the left hand slides forward
    motion += arrow((240, 168), (246, 140), width=3.5, head=11)  # breath into the back ribs
    return svg([ground()], start, end, motion, None)


def _supine_legs(pen: Pen, hip: Point, knee: Point, blue_leg: bool) -> None:
    """Lying on the back, feet flat on the wall (page left), hips and knees at 90°."""
    pen.leg([hip, (hip[0] - 8, hip[1] - 55), (122, 194), (112, 197), (112, 171)], GREY)
    if not pen.pale:  # the ball between the knees
        pen.out.append(circle(176, 190, 10, "#f2f2f2", PROP_LINE))
    pen.leg([hip, knee, (132, 198), (114, 202), (114, 176)], BLUE if blue_leg else DARK)


@drawing("90-90-left-hip-shift")
def hip_shift() -> str:
    start, end = Pen(True), Pen(False)
    for pen, hip, knee in ((start, (178, 249), (176, 196)), (end, (181, 240), (185, 190))):
        pen.ribs((236, 238), 24, 11, 0)
        _supine_legs(pen, hip, knee, True)
        pen.torso(hip, (260, 250))
        pen.head((286, 242))
        pen.line([(260, 251), (222, 255), (190, 257)], DARK)
    props = [ground(), rect(74, 40, 30, 222)]
    motion = arrow((170, 176), (200, 176), head=11)  # the left knee draws back
    motion += arrow((158, 258), (170, 224), (146, 240), width=3.5, head=11)  # tailbone curls up
    # from the head end, face up: the left side of the pelvis draws back toward the floor
    inset = top_view((338, 92), -90, -16, r=50, floor=True)
    return svg(props, start, end, motion, inset)


@drawing("alternating-chest-press")
def chest_press() -> str:
    start, end = Pen(True), Pen(False)
    for pen, arm, bell in (
        (start, [(258, 250), (224, 256), (224, 218)], (224, 214)),
        (end, [(258, 246), (258, 208), (258, 172)], (258, 168)),
    ):
        pen.ribs((232, 236), 26, 11, 0)
        pen.line([(258, 250), (232, 257), (232, 222)], GREY)
        _supine_legs(pen, (180, 242), (184, 190), False)
        pen.torso((180, 242), (260, 250))
        pen.head((286, 242))
        pen.line(arm, BLUE)
        pen.line([(bell[0] - 13, bell[1]), (bell[0] + 13, bell[1])], DARK, 10)
    props = [ground(), rect(74, 40, 30, 222)]
    motion = arrow((286, 222), (286, 170), head=12)
    return svg(props, start, end, motion, None)


@drawing("split-squat-rotation")
def split_squat() -> str:
    start, end = Pen(True), Pen(False)
    for pen, hip, front_knee, back_knee, back_ankle in (
        (start, (196, 160), (172, 208), (226, 206), (252, 248)),
        (end, (196, 200), (146, 204), (218, 250), (266, 238)),
    ):
        neck = (hip[0] - 4, hip[1] - 76)
        pen.line([neck, (neck[0] + 14, neck[1] + 32), (neck[0] + 6, neck[1] + 64)], GREY)
        toe = (back_ankle[0] + (14 if back_ankle[1] > 244 else 8), 258)
        pen.leg([hip, back_knee, back_ankle, toe], GREY)
        pen.torso(hip, neck)
        pen.head((neck[0] - 2, neck[1] - 22))
        pen.leg([hip, front_knee, (142, 252), (118, 258)], BLUE, heel=(148, 258))
        pen.line([neck, (neck[0] + 10, neck[1] + 34), (neck[0] + 2, neck[1] + 66)], DARK)
    motion = arrow((232, 120), (232, 172), head=12)  # lower the back knee
    inset = top_view((328, 76), 180, -24, r=54)  # the pelvis turns to the left
    return svg([ground()], start, end, motion, inset)


@drawing("staggered-stance-hinge")
def hinge() -> str:
    start, end = Pen(True), Pen(False)
    for pen, hip, neck, head, front_knee, back_knee, back_ankle, left_arm, right_arm in (
        (start, (188, 154), (186, 80), (184, 58), (170, 204), (200, 206), (212, 248),
         [(192, 114), (186, 146)], [(196, 112), (192, 144)]),
        (end, (206, 160), (139, 125), (119, 115), (176, 208), (214, 208), (222, 248),
         [(112, 150), (92, 178)], [(152, 156), (170, 180)]),
    ):  # fmt: skip
        pen.ribs((170, 130), 24, 11, -28) if pen is end else None
        pen.line([neck, *right_arm], GREY)
        pen.leg([hip, back_knee, back_ankle, (back_ankle[0] + 10, 258)], GREY)
        pen.torso(hip, neck)
        pen.head(head)
        pen.leg([hip, front_knee, (154, 252), (130, 258)], BLUE, heel=(160, 258))
        pen.line([neck, *left_arm], BLUE)
    motion = arrow((214, 132), (244, 150), (236, 130), head=11)  # hips back
    motion += arrow((160, 50), (108, 86), (124, 48), head=12)  # chest forward and down
    return svg([ground()], start, end, motion, None)


# -- one drill per measurement ----------------------------------------------------------------


@drawing("left-knee-to-wall-ankle-mobilisation")
def knee_to_wall() -> str:
    start, end = Pen(True), Pen(False)
    for pen, hip, knee, neck, far_arm, near_arm in (
        (start, (118, 160), (92, 200), (110, 86), [(84, 116), (66, 100)], [(88, 120), (66, 108)]),
        (end, (104, 170), (70, 206), (92, 96), [(80, 128), (66, 104)], [(82, 132), (66, 112)]),
    ):
        pen.line([neck, *far_arm], GREY)
        pen.leg([hip, (hip[0] + 32, 210), (174, 249), (156, 256)], GREY, heel=(180, 256))
        pen.torso(hip, neck)
        pen.head((neck[0] - 4, neck[1] - 22))
        pen.leg([hip, knee, (98, 249), (76, 256)], BLUE, heel=(104, 256))
        pen.line([neck, *near_arm], DARK)
    props = [ground(), rect(24, 20, 38, 242)]
    motion = arrow((108, 222), (80, 222), head=11)  # the knee toward the wall
    return svg(props, start, end, motion, None)


def _seated_front(pen: Pen, *, head_y: float = 92, shoulders_y: float = 118) -> None:
    """Sitting on a box, seen from the front: trunk, shoulders, pelvis and head."""
    pen.line([(178, shoulders_y), (222, shoulders_y)], DARK, 12)
    pen.line([(200, 186), (200, shoulders_y + 2)], DARK, 22)
    pen.line([(184, 188), (216, 188)], DARK, 14)
    pen.head((200, head_y), 15)


@drawing("left-hip-internal-rotation-lift-offs")
def hip_ir() -> str:
    # seen from the front: the body's left is on the page's right
    start, end = Pen(True), Pen(False)
    for pen, ankle, foot in (
        (start, (221, 254), [(213, 258), (231, 258)]),
        (end, (256, 240), [(250, 247), (263, 234)]),
    ):
        _seated_front(pen)
        pen.line([(176, 120), (160, 156), (150, 194)], DARK)
        pen.line([(224, 120), (240, 156), (250, 194)], DARK)
        pen.line([(184, 192), (182, 208), (180, 254)], DARK)
        pen.line([(172, 258), (188, 258)], DARK)
        pen.line([(216, 192), (219, 208), ankle], BLUE)
        pen.line(foot, BLUE)
    motion = arc_arrow((219, 208), 62, 96, 42)
    props = [ground(), rect(138, 196, 124, 66)]
    # from above: the pelvis stays, the left thigh rolls in as the foot swings out
    cx, cy, k = 326, 76, 1.22
    inset = [circle(cx, cy, 46 * k, INSET_FILL, INSET_LINE)]
    pale, solid = Pen(True), Pen(False)

    def at(x: float, y: float) -> Point:
        return (cx + x * k, cy + y * k)

    for pen in (pale, solid):
        pen.line([at(-14, -10), at(-14, 20)], DARK, 8)
        pen.line([at(14, -10), at(14, 20)], BLUE, 8)
        pen.line([at(0, -12), at(-17, -12)], DARK, 10)
        pen.line([at(0, -12), at(17, -12)], BLUE, 10)
    pale.line([at(14, 20), at(14, 33)], BLUE, 7)
    solid.line([at(14, 20), at(33, 27)], BLUE, 7)
    inset += pale.out + solid.out + top_head(at(0, -24), 90, 8)
    inset += arc_arrow(at(14, 20), 22 * k, 104, 34, head=10, width=3)
    return svg(props, start, end, motion, inset)


@drawing("left-figure-4-hip-stretch")
def figure_4() -> str:
    start, end = Pen(True), Pen(False)
    for pen, head_y, sh_y, knee, left_arm, right_arm in (
        (start, 92, 118, (262, 214), [(246, 158), (250, 206)], [(160, 158), (176, 190)]),
        (end, 112, 136, (266, 222), [(252, 176), (260, 212)], [(162, 172), (186, 196)]),
    ):
        pen.ribs((222, 192), 20, 12, 0) if pen is end else None
        _seated_front(pen, head_y=head_y, shoulders_y=sh_y)
        pen.line([(184, 192), (182, 208), (180, 254)], DARK)
        pen.line([(172, 258), (188, 258)], DARK)
        pen.line([(216, 190), knee, (188, 200), (170, 196)], BLUE)
        pen.line([(176, sh_y + 2), *right_arm], DARK)
        pen.line([(224, sh_y + 2), *left_arm], DARK)
    motion = arrow((292, 196), (294, 240), (302, 216), head=12)  # the knee relaxes down and out
    motion += arrow((232, 78), (232, 116), head=11)  # the chest leans forward
    return svg([ground(), rect(138, 196, 124, 66)], start, end, motion, None)


@drawing("open-book-right-rotation")
def open_book() -> str:
    # seen from above: lying on the left side on a mat, head on a pillow (page right)
    start, end = Pen(True), Pen(False)
    for pen, arm in ((start, [(264, 150), (274, 222)]), (end, [(262, 148), (262, 72)])):
        pen.line([(262, 148), (262, 224)], GREY)
        pen.torso((176, 148), (262, 148), width=15)
        pen.line([(176, 148), (176, 206), (122, 206)], DARK)
        pen.head((294, 148), 15)
        pen.line(arm, BLUE)
    props = [
        rect(50, 40, 300, 220, rx=10, fill=INSET_FILL, line=INSET_LINE),
        ellipse(300, 148, 26, 18),
        circle(176, 214, 7, PROP_FILL, PROP_LINE),
    ]
    motion = arc_arrow((262, 148), 78, 70, -66)
    # from the head end: the shoulders open to the right, the left shoulder on the floor
    inset = top_view((110, 98), 180, 70, named="right", r=50, floor=True)
    return svg(props, start, end, motion, inset)


def _foot_zoom(centre: Point) -> list[str]:
    cx, cy = centre
    return [circle(cx, cy, 96, INSET_FILL, INSET_LINE),
            ground(cx - 82, cx + 82, cy + 70)]  # fmt: skip


@drawing("left-short-foot-arch-lift")
def short_foot() -> str:
    start, end = Pen(True), Pen(False)
    outline = (
        "M 306 96 L 310 196 Q 334 206 332 230 Q 330 250 310 250 Q 284 {arch} 254 248 L 220 250 "
        "Q 208 246 218 238 Q 246 232 266 218 Q 282 206 284 194 L 282 96"
    )
    for pen, arch in ((start, 246), (end, 220)):
        pen.out.append(
            f'<path d="{outline.format(arch=arch)}" fill="#ffffff" stroke="{pen.c(DARK)}" '
            'stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>'
        )
        pen.curve((306, 248), (284, arch + 2), (258, 247), BLUE, 6)
    # the whole figure, sitting, drawn once (it does not move)
    end.line([(146, 180), (143.3, 104)], DARK, 13)
    end.head((141.3, 81.1))
    end.line([(143.3, 104), (136, 148), (108, 172)], DARK)
    end.leg([(146, 180), (98, 182), (98, 248), (76, 256)], BLUE, heel=(104, 256))
    props = [ground(20, 190), rect(108, 186, 62, 76), *_foot_zoom((292, 182))]
    motion = arrow((283, 276), (283, 238), head=12)  # the arch rises
    motion += arrow((226, 270), (256, 270), head=12)  # the ball of the foot draws back
    front = [circle(92, 252, 16, "none", "#b9d3e6", 3)]
    return svg(props, start, end, motion, None, front)


@drawing("left-foot-roll-in-mobility")
def roll_in() -> str:
    start, end = Pen(True), Pen(False)
    for pen, hip, knee, neck in (
        (start, (138, 178), (96, 198), (132, 102)),
        (end, (128, 176), (80, 198), (124, 100)),
    ):
        pen.line([neck, (neck[0] - 28, neck[1] + 28), (60, 112)], GREY)
        pen.leg([hip, (154, 248), (194, 254)], GREY)
        pen.torso(hip, neck)
        pen.head((neck[0] - 2, neck[1] - 23))
        pen.leg([hip, knee, (98, 252), (76, 258)], BLUE, heel=(104, 258))
        pen.line([neck, (neck[0] - 24, neck[1] + 32), (60, 118)], DARK)
    # the foot from behind, magnified: the heel tips in and the arch lowers
    shape = (
        "M 270 96 L 268 190 Q 252 214 254 236 Q 256 250 276 250 L 318 250 Q 330 246 328 236 "
        "Q 322 214 306 190 L 304 96"
    )
    for pen, turn in ((start, 0), (end, 9)):
        spin = f' transform="rotate({turn} 292 250)"' if turn else ""
        pen.out.append(
            f'<path d="{shape}" fill="#ffffff" stroke="{pen.c(DARK)}" stroke-width="6" '
            f'stroke-linecap="round" stroke-linejoin="round"{spin}/>'
        )
        pen.out.append(
            f'<path d="M 262 244 Q 290 {236 if turn == 0 else 244} 318 244" fill="none" '
            f'stroke="{pen.c(BLUE)}" stroke-width="6" stroke-linecap="round"{spin}/>'
        )
    props = [
        ground(20, 190),
        rect(24, 20, 30, 242),
        rect(138, 252, 34, 8, rx=3),
        *_foot_zoom((292, 182)),
    ]
    motion = arrow((108, 184), (78, 180), head=11)  # the knee travels forward and in
    motion += arrow((336, 130), (346, 190), (352, 150), head=12)  # the heel tips in
    return svg(props, start, end, motion, None)


@drawing("left-single-leg-balance-reach")
def balance_reach() -> str:
    start, end = Pen(True), Pen(False)
    for pen, hip, knee, neck, right_leg, arms in (
        (start, (232, 150), (226, 204), (228, 76), [(236, 204), (242, 244), (226, 248)],
         ([(236, 110), (230, 142)], [(234, 110), (228, 140)])),
        (end, (258, 184), (210, 210), (232, 110), [(215, 217), (178, 246), (162, 256)],
         ([(198, 122), (164, 124)], [(196, 116), (162, 112)])),
    ):  # fmt: skip
        pen.line([neck, *arms[1]], GREY)
        pen.line([hip, *right_leg], GREY)
        pen.torso(hip, neck)
        pen.head((neck[0] - 6, neck[1] - 22))
        pen.leg([hip, knee, (236, 250), (212, 258)], BLUE, heel=(242, 258))
        pen.line([neck, *arms[0]], DARK)
    props = [
        ground(),
        '<polyline points="60,262 206,262" fill="none" stroke="#a8a8a8" stroke-width="3" '
        'stroke-linecap="round" stroke-dasharray="10 8"/>',
    ]
    motion = arrow((214, 280), (146, 280), head=12)  # the free foot slides forward
    return svg(props, start, end, motion, None)


@drawing("left-hop-and-stick")
def hop() -> str:
    start, end = Pen(True), Pen(False)
    # take-off: crouched on the left leg, arms back
    start.line([(276, 100), (300, 120), (326, 128)], GREY)
    start.leg([(300, 170), (312, 212), (348, 214), (354, 226)], GREY)
    start.torso((300, 170), (276, 100))
    start.head((269, 79))
    start.leg([(300, 170), (272, 210), (290, 252), (266, 258)], BLUE, heel=(296, 258))
    start.line([(276, 100), (296, 128), (320, 140)], DARK)
    # landing: knee bent over the toes, arms forward
    end.line([(121.9, 97.8), (94, 110), (64, 124)], GREY)
    end.leg([(146, 172), (170, 214), (208, 200), (214, 214)], GREY)
    end.torso((146, 172), (121.9, 97.8))
    end.head((113.3, 76.5))
    end.leg([(146, 172), (112, 210), (130, 250), (106, 256)], BLUE, heel=(136, 256))
    end.line([(121.9, 97.8), (98, 124), (70, 140)], DARK)
    motion = arrow((262, 70), (176, 62), (222, 20), head=13, dash="9 8")
    return svg([ground()], start, end, motion, None)


@drawing("left-single-leg-calf-raise")
def calf_raise() -> str:
    start, end = Pen(True), Pen(False)
    for pen, lift in ((start, 4), (end, -18)):
        hip, neck = (228, 138 + lift), (225.6, 70 + lift)

        def y(v: float, lift: float = lift) -> float:
            return v + lift

        pen.line([hip, (236, y(184)), (268, y(198)), (274, y(212))], GREY)
        pen.torso(hip, neck, width=12)
        pen.head((223.8, 49 + lift), 13)
        ankle = (230, 232) if lift > 0 else (228, 210)
        heel = (238, 244) if lift > 0 else (236, 220)
        pen.leg([hip, (228, y(182)), ankle, (200, 231)], BLUE, heel=heel)
        pen.line([neck, (198, y(96)), (158, y(90))], DARK)
    props = [ground(), rect(126, 16, 26, 246), rect(152, 234, 64, 28)]
    motion = arrow((300, 230), (300, 180), head=12)
    return svg(props, start, end, motion, None)


@drawing("left-single-leg-bridge")
def bridge() -> str:
    start, end = Pen(True), Pen(False)
    for pen, hip, knee, right in (
        (start, (190, 250), (142, 216), [(176, 198), (166, 150), (156, 140)]),
        (end, (194, 211), (148, 184), [(178, 160), (164, 112), (154, 104)]),
    ):
        pen.line([hip, *right], GREY)
        pen.torso(hip, (256, 250))
        pen.head((282, 244))
        pen.line([(256, 250), (218, 256)], DARK)
        pen.leg([hip, knee, (98, 194), (94, 174)], BLUE)
    props = [ground(), rect(34, 200, 66, 62)]
    motion = arrow((222, 258), (222, 226), head=11)
    return svg(props, start, end, motion, None)


@drawing("left-side-plank")
def side_plank() -> str:
    start, end = Pen(True), Pen(False)
    for pen, hip, hand in (
        (start, (176, 244), [(214, 194), (182, 236)]),
        (end, (173.5, 221.6), [(216, 168.2), (179.5, 211.6)]),
    ):
        pen.line([(250, 198.2), (250, 254), (290, 256)], BLUE)
        pen.line([(74, 252), hip], DARK, 9)
        pen.line([(74, 252), (64, 256)], DARK)
        pen.torso(hip, (250, 198.2))
        pen.head((273, 191.2))
        pen.line([(249.3, 194.3), *hand], DARK)
    motion = arrow((196, 256), (196, 222), head=11)
    return svg([ground()], start, end, motion, None)


@drawing("left-side-lying-hip-control")
def side_lying() -> str:
    start, end = Pen(True), Pen(False)
    for pen, leg in (
        (start, [(196, 222), (258, 244), (322, 252), (328, 240)]),
        (end, [(196, 222), (262, 212), (328, 204), (334, 192)]),
    ):
        pen.line([(196, 230), (236, 254), (300, 256)], GREY)
        pen.torso((196, 222), (92, 226), width=15)
        pen.head((62, 224), 16)
        pen.line([(96, 230), (130, 256), (160, 256)], DARK)
        pen.line(leg, BLUE)
    props = [
        ground(),
        ellipse(58, 250, 30, 10),
        '<polyline points="196,222 372,222" fill="none" stroke="#bbbbbb" stroke-width="3" '
        'stroke-linecap="round" stroke-dasharray="8 8"/>',
    ]
    motion = arrow((362, 246), (362, 190), both=True, head=12)
    return svg(props, start, end, motion, None)


@drawing("90-90-hip-switch")
def hip_switch() -> str:
    # seen from the front: the body's left (blue) on the page's right; knees to the left
    start, end = Pen(True), Pen(False)
    for pen, right_leg, left_leg in (
        (start, [(186, 236), (150, 188), (122, 254), (108, 258)],
         [(214, 236), (250, 188), (278, 254), (292, 258)]),
        (end, [(186, 236), (242, 224), (146, 254), (132, 258)],
         [(214, 236), (288, 234), (284, 255), (298, 258)]),
    ):  # fmt: skip
        # the arms reach back to the floor behind the body: far, so grey
        pen.line([(176, 160), (158, 196), (150, 238)], GREY)
        pen.line([(224, 160), (242, 196), (250, 238)], GREY)
        pen.line([(178, 158), (222, 158)], DARK, 12)
        pen.line([(200, 232), (200, 160)], DARK, 22)
        pen.line([(184, 234), (216, 234)], DARK, 14)
        pen.head((200, 132), 15)
        pen.line(right_leg, DARK)
        pen.line(left_leg, BLUE)
    motion = arrow((260, 176), (316, 226), (304, 178), head=12)
    # from above: the pelvis stays; both thighs turn to the left
    cx, cy, k = 326, 74, 1.22
    inset = [circle(cx, cy, 46 * k, INSET_FILL, INSET_LINE)]
    for pen, turn in ((Pen(True), 0.0), (Pen(False), -62.0)):
        for x, colour, share in ((-13, DARK, 0.8), (13, BLUE, 1.0)):
            hip = (cx + x * k, cy - 12 * k)
            a = math.radians(90 + turn * share)
            knee = (hip[0] + 32 * k * math.cos(a), hip[1] + 32 * k * math.sin(a))
            pen.line([hip, knee], colour, 8)
        pen.line([(cx - 17 * k, cy - 12 * k), (cx, cy - 12 * k)], DARK, 10)
        pen.line([(cx, cy - 12 * k), (cx + 17 * k, cy - 12 * k)], BLUE, 10)
        inset += pen.out
    inset += top_head((cx, cy - 26 * k), 90, 8)
    inset += arc_arrow((cx, cy - 12 * k), 40 * k, 98, 32, head=10, width=3)
    return svg([ground()], start, end, motion, inset)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for key, draw in DRAWINGS.items():
        (OUT / f"{key}.svg").write_text(draw(), encoding="utf-8")
    print(f"wrote {len(DRAWINGS)} drawings to {OUT}")


if __name__ == "__main__":
    main()
