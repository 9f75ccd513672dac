"""Angles measured on a photo (DOMAIN.md §8): the geometry and the rules a stored measurement
of a photo follows.

Two kinds of angle:

* **a segment against the vertical** (two points): the angle between the line through the
  points and the vertical, 0–90° (a line has no direction: the shin leaning forward 30° reads
  30° whichever landmark was placed first). The photo's own vertical is only true when the
  camera was level; a *plumb line* (two more points along something known to be vertical: a
  door frame, a hanging cord) replaces it, so a tilted camera gives the true angle;
* **three points**: the angle at the middle point (the vertex), 0–180°.

Coordinates are image pixels, x to the right and y downwards (as every image library gives
them). Pure Python: the views and the command line share these functions, so the angle a
script prints is the angle the dialog shows.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Literal

from app.domain.asymmetry import MAX_TRIALS
from app.domain.messages import message_of, msg, trimmed

Point = tuple[float, float]
Kind = Literal["vertical", "three"]
PHOTO_SIDES = ("left", "right")
STORED_MAX_SIDE = 2048  # the longest side of a photo as stored (pixels)
# Which angle each built-in takes (DOMAIN.md §8); any other measurement in degrees: three points.
SEGMENT_MEASUREMENTS = frozenset({"ankle_df_lunge_deg", "hip_ir_deg", "hip_er_deg"})
DEFAULT_MARKER_COLOUR = "00C853"


class GeometryProblem(ValueError):
    """Points that give no angle (two at the same place); the message says what to do."""


def kind_for(key: str) -> Kind:
    """The angle a measurement is photographed for: a segment against the vertical for the
    lunge and the seated hip rotations, three points for everything else."""
    return "vertical" if key in SEGMENT_MEASUREMENTS else "three"


def points_needed(kind: Kind) -> int:
    return 2 if kind == "vertical" else 3


def _direction(a: Point, b: Point, what: str) -> tuple[float, float]:
    dx, dy = b[0] - a[0], b[1] - a[1]
    if not (math.isfinite(dx) and math.isfinite(dy)) or math.hypot(dx, dy) < 1e-9:
        raise GeometryProblem(msg(
            "The two points of the {what} are at the same place; move one.",
            what=what,
        ))
    return dx, dy


def segment_angle(a: Point, b: Point, plumb: Sequence[Point] | None = None) -> float:
    """The angle in degrees (0–90) between the line a–b and the vertical: the photo's own
    vertical, or the plumb line (two points) when the camera was not level."""
    dx, dy = _direction(a, b, "segment")
    vx, vy = (0.0, 1.0) if plumb is None else _direction(plumb[0], plumb[1], "plumb line")
    angle = math.degrees(math.atan2(abs(dx * vy - dy * vx), dx * vx + dy * vy))
    return 180.0 - angle if angle > 90.0 else angle


def three_point_angle(a: Point, vertex: Point, c: Point) -> float:
    """The angle in degrees (0–180) at ``vertex`` between the rays to ``a`` and ``c``."""
    ux, uy = _direction(vertex, a, "first arm")
    wx, wy = _direction(vertex, c, "second arm")
    return math.degrees(math.atan2(abs(ux * wy - uy * wx), ux * wx + uy * wy))


def angle_of(points: Sequence[Point], plumb: Sequence[Point] | None = None) -> float:
    """Two points: the segment against the vertical (or the plumb line); three: the angle at
    the middle one."""
    if len(points) == 2:
        return segment_angle(points[0], points[1], plumb)
    if len(points) == 3:
        return three_point_angle(points[0], points[1], points[2])
    given = "1 point gives" if len(points) == 1 else f"{len(points)} points give"
    raise GeometryProblem(msg("{given} no angle: place 2 or 3.", given=given))


def ordered(points: Sequence[Point]) -> list[Point]:
    """Markers in the order the angle reads them: top to bottom (then left to right), so the
    middle of three is the vertex and a segment runs from its upper landmark down."""
    return sorted(points, key=lambda p: (p[1], p[0]))


def shown(angle: float) -> str:
    """An angle as the command line and the dialog print it: one decimal and a degree sign."""
    return f"{angle:.1f}°"


# -- a stored photo's measurement: the rules every way in checks ---------------------------------


def points_text(points: Sequence[Point]) -> str:
    """Points as stored: JSON ``[[x, y], …]``. Python writes the shortest text that reads back
    as the same float, so a round trip through the database and a JSON export is exact."""
    return json.dumps([[float(x), float(y)] for x, y in points])


def parse_points(text: object, what: str = msg("points")) -> tuple[list[Point] | None, str | None]:
    """Stored points back as a list, or why the text is not ``[[x, y], …]`` of numbers."""
    if not isinstance(text, str):
        return None, f"{what} is not JSON text"
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None, f"{what} is not valid JSON"
    if not isinstance(value, list):
        return None, f"{what} is not a list"
    out: list[Point] = []
    for item in value:
        if (
            not isinstance(item, list)
            or len(item) != 2
            or not all(
                isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
                for v in item
            )
        ):
            return None, f"{what}: each point must be [x, y] with finite numbers"
        out.append((float(item[0]), float(item[1])))
    return out, None


def photo_problems(
    side: object,
    trial: object,
    width: int,
    height: int,
    points: object,
    plumb: object,
    angle: object,
) -> list[str]:
    """What is wrong with a photo's measurement as stored (empty: fine): the side and trial,
    2 or 3 points inside the picture, an optional plumb line of two points (for a segment
    only), and the angle those points give."""
    problems: list[str] = []
    if side not in PHOTO_SIDES:
        problems.append(msg("the side must be left or right"))
    if not isinstance(trial, int) or isinstance(trial, bool) or not 1 <= trial <= MAX_TRIALS:
        problems.append(msg("the trial must be 1 to {max_trials}", max_trials=MAX_TRIALS))
    placed, problem = parse_points(points)
    line: list[Point] | None = None
    if problem:
        problems.append(problem)
    elif placed is not None and len(placed) not in (2, 3):
        problems.append(msg("a photo's angle needs 2 or 3 points"))
        placed = None
    if plumb is not None:
        line, problem = parse_points(plumb, "the plumb line")
        if problem:
            problems.append(problem)
        elif line is not None and len(line) != 2:
            problems.append(msg("the plumb line needs 2 points"))
            line = None
        elif placed is not None and len(placed) == 3:
            problems.append(msg("a plumb line goes with a segment (2 points), not 3 points"))
    for p in (*(placed or ()), *(line or ())):
        if not (0 <= p[0] <= width and 0 <= p[1] <= height):
            problems.append(msg(
                "the point {value:g},{value2:g} is outside the {width}×{height} photo",
                value=p[0],
                value2=p[1],
                width=width,
                height=height,
            ))
            break
    if (
        not isinstance(angle, int | float)
        or isinstance(angle, bool)
        or not math.isfinite(angle)
        or not 0 <= angle <= 180
    ):
        problems.append(msg("the angle must be a number from 0 to 180"))
    elif placed is not None and not problems:
        try:
            expected = angle_of(placed, line)
        except GeometryProblem as exc:
            problems.append(trimmed(message_of(exc)))
        else:
            if abs(expected - float(angle)) > 0.05:
                problems.append(
                    msg(
                        "the angle {float:g} does not match its points ({expected:.1f})",
                        float=float(angle),
                        expected=expected,
                    )
                )
    return problems


def colour_problem(text: object) -> str | None:
    """Why ``text`` is not a colour as ``RRGGBB`` (six hexadecimal digits), or ``None``."""
    if (
        not isinstance(text, str)
        or len(text) != 6
        or not all(c in "0123456789abcdefABCDEF" for c in text)
    ):
        return msg("a colour is six hexadecimal digits, RRGGBB (e.g. 00C853)")
    return None


def parse_colour(text: str) -> tuple[int, int, int]:
    """``RRGGBB`` → (r, g, b); :class:`ValueError` with a plain message otherwise."""
    problem = colour_problem(text)
    if problem:
        raise ValueError(problem)
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)
