"""Photos for the photo goniometer (DOMAIN.md §8): read a phone's photo, measure an angle on
it, and make the copy that is stored with the measurement.

**Reading** goes through the one picture check first (:func:`app.domain.pictures.check_picture`
with a photo's limits): the file must be a regular file of at most :data:`PHOTO_MAX_BYTES`,
and a PNG or JPEG by content (an SVG renamed ``.jpg`` is refused), whole (a truncated JPEG is
refused), with at most :data:`PHOTO_MAX_AREA` pixels by its header, before a pixel is decoded
(a 100-megapixel "bomb" never reaches the decoder). Pillow then decodes it and applies the
EXIF orientation, so a photo taken with the phone upright shows upright and its points are in
the coordinates a person sees.

**Storing**: the picture is re-encoded (JPEG, quality 90) with its longest side capped at
:data:`~app.domain.goniometer.STORED_MAX_SIDE`; Pillow writes no metadata unless asked, so the
stored copy has no EXIF (no GPS location, no camera serial). The stored bytes pass the picture
check again, and it hands them back unchanged.

Pillow comes with reportlab (it is declared as our own dependency too); it is imported only
when a photo is opened, never at start-up. JPEG decoding uses the DCT scaling of libjpeg
(``Image.draft``): a 12-megapixel photo shown at 2016 pixels is decoded at half size, four
times less work, which is what keeps the dialog's first paint under 300 ms.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.goniometer import (
    DEFAULT_MARKER_COLOUR,
    STORED_MAX_SIDE,
    Point,
    angle_of,
    ordered,
    parse_colour,
)
from app.domain.messages import message_of, msg
from app.domain.pictures import RASTER_KINDS, PictureProblem, check_picture
from app.domain.records import PhotoMeasurement
from app.domain.text import counted
from app.models.db import Database
from app.services.errors import NotFound, ServiceError
from app.services.pictures import ImageProblem, read_file_bytes

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    from PIL import Image

PHOTO_MAX_BYTES = 40 * 1024 * 1024
PHOTO_MAX_SIDE = 12_000  # pixels per side
PHOTO_MAX_AREA = 50_000_000  # pixels in all: a 48-megapixel phone photo passes
JPEG_QUALITY = 90


class MarkerCount(ServiceError):
    """Not 2 or 3 markers on the photo: the points must be placed by hand."""

    def __init__(self, found: int) -> None:
        self.found = found
        super().__init__(
            "no markers found" if found == 0 else f"found {counted(found, 'marker')}: need 2 or 3"
        )


@dataclass(frozen=True)
class StoredPhoto:
    """A photo as it is kept with a measurement: re-encoded without metadata."""

    data: bytes
    image_type: str  # "jpeg"
    width: int
    height: int


@dataclass(frozen=True)
class AngleResult:
    angle: float
    points: tuple[Point, ...]  # in the picture's pixels, after its EXIF orientation


def check_photo_bytes(data: bytes, name: str = msg("The photo")) -> None:
    """Refuse what is not a whole PNG/JPEG photo of a sane size, before decoding anything."""
    try:
        check_picture(
            data,
            name,
            kinds=RASTER_KINDS,
            max_bytes=PHOTO_MAX_BYTES,
            max_side=PHOTO_MAX_SIDE,
            max_area=PHOTO_MAX_AREA,
        )
    except PictureProblem as exc:
        raise ImageProblem(message_of(exc), "photo") from None


def read_photo_file(path: Path | str) -> bytes:
    """The bytes of a photo file, checked (regular file, size, kind, whole, pixel count)."""
    path = Path(path)
    data = read_file_bytes(path, PHOTO_MAX_BYTES, what=msg("photo"))
    check_photo_bytes(data, path.name or str(path))
    return data


def decode(
    data: bytes,
    name: str = msg("The photo"),
    *,
    max_side: int | None = None,
    checked: bool = False,
) -> Image.Image:
    """The photo as an RGB image, EXIF orientation applied. ``max_side``: decode no larger
    than needed to show it at that size (a JPEG is decoded at 1/2, 1/4 or 1/8 scale when that
    is still at least as large; the result is then at most ``max_side``). ``checked``: the
    bytes already passed :func:`check_photo_bytes` (they are checked here otherwise)."""
    if not checked:
        check_photo_bytes(data, name)
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width * height > PHOTO_MAX_AREA:  # what Pillow read must agree with the check
                raise ImageProblem(msg("{name} is too large to open.", name=name), "photo")
            if max_side is not None and image.format == "JPEG":
                scale = 1
                while max(width, height) / scale > max_side and scale < 8:
                    scale *= 2
                image.draft("RGB", (-(-width // scale), -(-height // scale)))
            image.load()
            rgb = image if image.mode == "RGB" else image.convert("RGB")
            ImageOps.exif_transpose(rgb, in_place=True)  # no copy of 12 megapixels
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        if isinstance(exc, ImageProblem):
            raise
        raise ImageProblem(
            msg(
                "{name} is a damaged or incomplete picture; it cannot be shown.",
                name=name,
            ), "photo"
        ) from None
    if max_side is not None and max(rgb.size) > max_side:
        rgb.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    return rgb


def open_photo(path: Path | str, *, max_side: int | None = STORED_MAX_SIDE) -> Image.Image:
    """A photo file as the dialog shows it (at most ``max_side`` pixels a side)."""
    path = Path(path)
    return decode(read_photo_file(path), path.name or str(path), max_side=max_side, checked=True)


def stored_copy(image: Image.Image) -> StoredPhoto:
    """The copy kept in the database: longest side at most 2048 px, JPEG, no metadata."""
    from PIL import Image

    picture = image.convert("RGB")
    if max(picture.size) > STORED_MAX_SIDE:
        picture = picture.copy()
        picture.thumbnail((STORED_MAX_SIDE, STORED_MAX_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    picture.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    data = out.getvalue()
    checked = check_picture(data, msg("The photo"), kinds=("jpeg",))
    return StoredPhoto(checked.data, "jpeg", picture.size[0], picture.size[1])


def pixels(image: Image.Image) -> npt.NDArray[np.uint8]:
    """The image as an H×W×3 numpy array (imports numpy)."""
    import numpy as np

    return np.asarray(image.convert("RGB"))


def detect(image: Image.Image, colour: str = DEFAULT_MARKER_COLOUR) -> list[Point]:
    """The marker centres on the photo, top to bottom; any number (the caller decides)."""
    from app.domain.markers import find_markers

    return ordered(find_markers(pixels(image), parse_colour(colour)))


DETECT_MAX_SIDE = 1100  # the dialog looks for markers on a copy at most this large


def detect_for_display(image: Image.Image, colour: str = DEFAULT_MARKER_COLOUR) -> list[Point]:
    """Markers on the photo the dialog shows, found on a copy reduced by a whole factor
    (box filter: each pixel the mean of f×f) so it takes tens of milliseconds; the centres
    are mapped back (pixel i of the copy is centred on f·i + (f − 1)/2), within a pixel."""
    factor = 1
    while max(image.size) / factor > DETECT_MAX_SIDE:
        factor += 1
    small = image.reduce(factor) if factor > 1 else image
    offset = (factor - 1) / 2
    return [(x * factor + offset, y * factor + offset) for x, y in detect(small, colour)]


def measure_file(
    path: Path | str,
    points: list[Point] | None = None,
    colour: str = DEFAULT_MARKER_COLOUR,
) -> AngleResult:
    """``untwist angle``: the angle from the given points, or from 2 or 3 detected markers
    (:class:`MarkerCount` otherwise). Points are in the photo's full-size pixels after its
    EXIF orientation."""
    image = open_photo(path, max_side=None)
    if points is None:
        found = detect(image, colour)
        if len(found) not in (2, 3):
            raise MarkerCount(len(found))
        points = found
    return AngleResult(angle_of(points), tuple(points))


# -- photos kept in the database ------------------------------------------------------------------


@dataclass(frozen=True)
class PhotoMark:
    """That a measurement side and trial has a photo (no picture bytes: a history lists many)."""

    photo_id: int
    session_id: int
    date: dt.date
    key: str
    side: str
    trial: int
    angle: float


def photo_marks(db: Database, athlete_id: int) -> list[PhotoMark]:
    """Every photo of an athlete's measurements, by date then measurement, side and trial."""
    from sqlalchemy import select

    from app.models import Assessment, Measurement
    from app.models.tables import MeasurementPhoto

    query = (
        select(
            MeasurementPhoto.id,
            Assessment.id,
            Assessment.date,
            Measurement.key,
            MeasurementPhoto.side,
            MeasurementPhoto.trial,
            MeasurementPhoto.angle,
        )
        .join(Measurement, MeasurementPhoto.measurement_id == Measurement.id)
        .join(Assessment, Measurement.assessment_id == Assessment.id)
        .where(Assessment.athlete_id == athlete_id)
        .order_by(Assessment.date, Assessment.id, Measurement.key, MeasurementPhoto.side,
                  MeasurementPhoto.trial)
    )  # fmt: skip
    with db.read() as session:
        return [PhotoMark(*row) for row in session.execute(query)]


def load_photo(db: Database, photo_id: int) -> PhotoMeasurement:
    """One kept photo with its points and angle; :class:`NotFound` if it is gone."""
    from app.models.tables import MeasurementPhoto
    from app.services.sessions import photo_record

    with db.read() as session:
        row = session.get(MeasurementPhoto, photo_id)
        if row is None:
            raise NotFound(msg("This photo is no longer there (its session was edited elsewhere)."))
        return photo_record(row)
