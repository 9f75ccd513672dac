"""Pictures as the services take them in: from a file a person chose, or from bytes.

Every way a picture gets in (a custom drill's picture chosen in the editor or on the command
line, the clinic logo, a JSON import, ``--merge``, ``db copy``) calls :func:`check_image`
(bytes) or :func:`read_image` (a file); both run the one domain check,
:func:`app.domain.pictures.check_picture`, and hand back the bytes to store: checked, without
metadata, an SVG rebuilt without anything that reaches outside the file. See that module for
what is refused and what is stripped.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.domain.messages import message_of, msg
from app.domain.pictures import (
    KINDS,
    LOGO_MAX_BYTES,
    MAX_BYTES,
    MAX_PIXELS,
    RASTER_KINDS,
    PictureProblem,
    check_picture,
    too_big,
)
from app.services.errors import FieldError, ValidationError

IMAGE_MAX_BYTES = MAX_BYTES
IMAGE_MAX_PIXELS = MAX_PIXELS
IMAGE_TYPES = KINDS


class ImageProblem(ValidationError):
    """The picture was refused; the message names the file and says why."""

    def __init__(self, message: str, field: str = "image") -> None:
        super().__init__([FieldError(field, message)])


@dataclass(frozen=True)
class ImageInfo:
    image_type: str  # "png" | "jpeg" | "svg"
    width: int | None  # pixels (None for an SVG without a size: it scales)
    height: int | None
    data: bytes = b""  # the bytes to store and draw (never the original file's)
    stripped: tuple[str, ...] = ()  # what was left out of an SVG


def check_image(
    data: bytes,
    name: str = msg("The file"),
    *,
    kinds: Iterable[str] = KINDS,
    max_bytes: int = IMAGE_MAX_BYTES,
    field: str = "image",
) -> ImageInfo:
    """What kind of picture ``data`` really is, with the bytes to store, or
    :class:`ImageProblem` (a ``ValidationError`` on ``field``) saying why it is refused. The
    content decides, not the file name: a PNG named .jpg is fine, a text file named .svg is
    not. Needs no Qt, and is fast whatever the file claims (sizes come from headers)."""
    try:
        picture = check_picture(data, name, kinds=kinds, max_bytes=max_bytes)
    except PictureProblem as exc:
        raise ImageProblem(message_of(exc), field) from None
    return ImageInfo(picture.kind, picture.width, picture.height, picture.data, picture.stripped)


def check_logo(data: bytes, name: str = msg("The logo")) -> ImageInfo:
    """The clinic logo: a PNG or JPEG of at most 2 MB, checked like any picture."""
    return check_image(
        data, name, kinds=RASTER_KINDS, max_bytes=LOGO_MAX_BYTES, field="logo_png_b64"
    )


def read_file_bytes(path: Path | str, max_bytes: int, *, what: str = msg("picture")) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``, or :class:`ImageProblem`.

    Opened without blocking and refused unless it is a regular file: a FIFO, a device or a
    socket named as a picture would otherwise hang the window (or never end: /dev/zero).
    Reads at most ``max_bytes + 1`` bytes, whatever the file's size says.
    """
    path = Path(path)
    label = path.name or str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise ImageProblem(msg(
            "{label} is a folder, not a {what}.",
            label=label,
            what=what,
        )) from None
    except FileNotFoundError:
        raise ImageProblem(msg(
            "{label} does not exist (moved or deleted?).",
            label=label,
        )) from None
    except PermissionError:
        raise ImageProblem(msg("{label} cannot be read: permission denied.", label=label)) from None
    except OSError as exc:
        raise ImageProblem(msg(
            "{label} cannot be read: {value}.",
            label=label,
            value=exc.strerror or exc,
        )) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ImageProblem(msg("{label} is a folder, not a {what}.", label=label, what=what))
        if not stat.S_ISREG(info.st_mode):
            raise ImageProblem(msg(
                "{label} is not a file (a pipe or a device?); choose a {what}.",
                label=label,
                what=what,
            ))
        if info.st_size > max_bytes:
            raise ImageProblem(too_big(label, info.st_size, max_bytes))
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=True) as fh:
            fd = -1
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise ImageProblem(msg(
            "{label} cannot be read: {value}.",
            label=label,
            value=exc.strerror or exc,
        )) from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > max_bytes:
        raise ImageProblem(too_big(label, len(data), max_bytes))
    return data


def read_image(path: Path | str) -> tuple[bytes, ImageInfo]:
    """The picture in the file at ``path``, as the bytes to store, and what it is; refused
    with a message naming the file."""
    path = Path(path)
    data = read_file_bytes(path, IMAGE_MAX_BYTES)
    info = check_image(data, path.name or str(path))
    return info.data, info


def read_logo(path: Path | str) -> ImageInfo:
    """The clinic logo in the file at ``path``, checked (PNG or JPEG, at most 2 MB)."""
    path = Path(path)
    data = read_file_bytes(path, LOGO_MAX_BYTES, what=msg("logo"))
    return check_logo(data, path.name or str(path))
