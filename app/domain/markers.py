"""Coloured adhesive markers found on a photo (DOMAIN.md §8): threshold the hue, take the
centre of each blob.

A pixel matches the clinic's marker colour when its hue is within ±25° of the marker's and its
saturation and value are both at least 0.4 (HSV, 0–1). Isolated matching pixels (noise, a
speck of green in a background) are removed with a 3×3 erosion before the blobs are joined;
a blob is kept when it is at least a fifth the size of the largest one, so a few stray pixels
never count as a marker. The centre of a blob is the mean of its pixels after erosion (which
takes the same from every side, so a round marker's centre stays where it was, and stray
matching pixels beside it pull nothing), in pixel coordinates where (0, 0) is the centre of
the top-left pixel.

numpy only (already installed for the charts; imported by the caller's first use, never at
start-up). OpenCV would label blobs faster, but a 50 MB wheel does not earn its place for a
job that takes a few tens of milliseconds on the photo sizes the dialog shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

HUE_TOLERANCE = 25.0  # degrees either side of the marker's hue
MIN_SATURATION = 0.4
MIN_VALUE = 0.4
MIN_AREA = 6  # pixels left after erosion: smaller blobs are noise
RELATIVE_AREA = 0.2  # of the largest blob


def hue_of(rgb: tuple[int, int, int]) -> float:
    """The hue (degrees, 0–360) of an 8-bit colour."""
    import colorsys

    h, _, _ = colorsys.rgb_to_hsv(*(c / 255 for c in rgb))
    return h * 360.0


def marker_mask(
    pixels: npt.NDArray[np.uint8], colour: tuple[int, int, int]
) -> npt.NDArray[np.bool_]:
    """True where a pixel (an H×W×3 RGB array) matches the marker colour."""
    import numpy as np

    rgb = pixels[..., :3]
    high = rgb.max(axis=2)
    low = rgb.min(axis=2)
    chroma = (high - low).astype(np.float32)
    value_ok = high >= np.uint8(round(MIN_VALUE * 255))  # value = max / 255
    # saturation = chroma / max ≥ 0.4
    saturation_ok = chroma >= MIN_SATURATION * high.astype(np.float32)
    candidates = value_ok & saturation_ok & (chroma > 0)
    if not candidates.any():
        return candidates
    ys, xs = np.nonzero(candidates)
    r, g, b = (rgb[ys, xs, i].astype(np.float32) for i in range(3))
    c = chroma[ys, xs]
    m = high[ys, xs]
    hue = (
        np.where(
            m == rgb[ys, xs, 0],
            ((g - b) / c) % 6.0,
            np.where(m == rgb[ys, xs, 1], (b - r) / c + 2.0, (r - g) / c + 4.0),
        )
        * 60.0
    )
    distance = np.abs((hue - hue_of(colour) + 180.0) % 360.0 - 180.0)
    mask = np.zeros_like(candidates)
    mask[ys, xs] = distance <= HUE_TOLERANCE
    return mask


def _eroded(mask: npt.NDArray[np.bool_]) -> npt.NDArray[np.bool_]:
    """A pixel stays when its 3×3 neighbourhood matches too (the border never does)."""
    out = mask.copy()
    out[0, :] = out[-1, :] = False
    out[:, 0] = out[:, -1] = False
    inner = out[1:-1, 1:-1]
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            if dy or dx:
                inner &= mask[1 + dy : mask.shape[0] - 1 + dy, 1 + dx : mask.shape[1] - 1 + dx]
    return out


def _blobs(mask: npt.NDArray[np.bool_]) -> list[list[tuple[int, int, int]]]:
    """Connected groups (8-neighbours) of runs ``(y, x0, x1)`` of a mask, joined row by row
    with a union-find: only rows holding matching pixels are visited."""
    import numpy as np

    runs: list[tuple[int, int, int]] = []
    parent: list[int] = []

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    previous: list[int] = []  # indices of the runs of the row above
    previous_y = -2
    for y in np.nonzero(mask.any(axis=1))[0].tolist():
        row = mask[y].astype(np.int8)
        edges = np.diff(np.concatenate(([0], row, [0])))
        starts = np.nonzero(edges == 1)[0].tolist()
        ends = np.nonzero(edges == -1)[0].tolist()
        current: list[int] = []
        above = previous if previous_y == y - 1 else []
        for x0, x1 in zip(starts, ends, strict=True):
            index = len(runs)
            runs.append((y, x0, x1))
            parent.append(index)
            for other in above:
                _, a0, a1 = runs[other]
                if a0 <= x1 and x0 <= a1:  # overlapping or touching diagonally
                    ra, rb = find(other), find(index)
                    if ra != rb:
                        parent[rb] = ra
            current.append(index)
        previous, previous_y = current, y
    groups: dict[int, list[tuple[int, int, int]]] = {}
    for index, run in enumerate(runs):
        groups.setdefault(find(index), []).append(run)
    return list(groups.values())


def find_markers(
    pixels: npt.NDArray[np.uint8], colour: tuple[int, int, int]
) -> list[tuple[float, float]]:
    """The centres of the marker-coloured blobs of an H×W×3 RGB image, largest first."""
    mask = marker_mask(pixels, colour)
    if mask.shape[0] < 3 or mask.shape[1] < 3:
        return []
    core = _eroded(mask)
    found: list[tuple[int, float, float]] = []
    for blob in _blobs(core):
        area = sum(x1 - x0 for _, x0, x1 in blob)
        if area < MIN_AREA:
            continue
        sx = sum((x1 - x0) * (x0 + x1 - 1) / 2 for _, x0, x1 in blob)
        sy = sum((x1 - x0) * y for y, x0, x1 in blob)
        found.append((area, sx / area, sy / area))
    if not found:
        return []
    largest = max(a for a, _, _ in found)
    found.sort(key=lambda f: -f[0])
    return [(x, y) for a, x, y in found if a >= RELATIVE_AREA * largest]
