"""Hostile pictures made in the test, and a guard that notices a FIFO being opened.

Nothing here is shipped: each file is generated from a few bytes, so the tests carry no
binaries and a reader can see exactly what each one claims.
"""

from __future__ import annotations

import base64
import contextlib
import os
import struct
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"


def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png(width: int, height: int, idat: bytes, *, extra: bytes = b"") -> bytes:
    """A PNG (8-bit grey) with the given IHDR size and compressed pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + extra
        + chunk(b"IDAT", idat)
        + chunk(b"IEND", b"")
    )


def solid_png(width: int, height: int, rgb: tuple[int, int, int] = (255, 0, 0)) -> bytes:
    """A complete, honest RGB PNG of one colour."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    raw = b"".join(b"\0" + bytes(rgb) * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def deflated_zeros(total: int, piece: int = 1 << 24) -> bytes:
    """A zlib stream that inflates to ``total`` zero bytes (a multiple of ``piece``), built in
    milliseconds: after a full flush the compressor starts afresh, so one compressed piece can
    be repeated, and the checksum of n zeros is known without reading them."""
    c = zlib.compressobj(9)
    first = c.compress(b"\0" * piece) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(b"\0" * piece) + c.flush(zlib.Z_FULL_FLUSH)
    count = total // piece
    adler = ((total % 65521) << 16) | 1  # Adler-32 of `total` zero bytes
    # b"\x03\x00": an empty final block (fixed Huffman, end-of-block code only)
    return first + again * (count - 1) + b"\x03\x00" + struct.pack(">I", adler)


def png_bomb(width: int = 60000, height: int = 60000, inflated: int = 2 << 30) -> bytes:
    """About 2 MB on disk; its pixels inflate to ``inflated`` bytes (2 GB by default)."""
    return png(width, height, deflated_zeros(inflated))


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose IHDR claims ``width`` × ``height`` with almost no pixel data."""
    return png(width, height, zlib.compress(b"\0" * 64))


def svg_linking(target: str, *, attribute: str = "href", inner: str = "") -> bytes:
    """An SVG whose ``<image>`` points at ``target`` (a path, a file:// URI, a data: URI)."""
    name = "xlink:href" if attribute == "xlink:href" else attribute
    return (
        f'<svg xmlns="{SVG_NS}" xmlns:xlink="{XLINK_NS}" width="100" height="100">'
        '<rect width="100" height="100" fill="#ffffff"/>'
        f'<image x="0" y="0" width="100" height="100" {name}="{target}"/>'
        f"{inner}</svg>"
    ).encode()


def data_uri(data: bytes, mime: str = "image/png") -> str:
    return f"data:{mime};base64," + base64.b64encode(data).decode("ascii")


def svg_with_entity(encoding: str) -> bytes:
    """A billion-laughs start in ``encoding`` (the byte search for ``<!ENTITY`` misses it)."""
    declared = "UTF-32" if "32" in encoding else "UTF-16"
    text = (
        f'<?xml version="1.0" encoding="{declared}"?>\n'
        '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        f'<svg xmlns="{SVG_NS}" width="10" height="10"><text>&b;</text></svg>'
    )
    return text.encode(encoding)


_GUARD = """
import os, sys, time
path, stop = sys.argv[1], sys.argv[2]
opened = 0
while not os.path.exists(stop):
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:  # ENXIO: nobody is reading
        time.sleep(0.01)
        continue
    opened += 1
    os.close(fd)
    time.sleep(0.01)
print(opened, flush=True)
"""


class FifoGuard:
    """Notices anyone opening ``path`` (a FIFO) for reading, and lets them go at once.

    A reader that opens a FIFO waits for a writer. The guard, a separate process (the blocked
    reader may hold this process's GIL: Qt does), tries every few milliseconds to open it for
    writing without blocking, which succeeds only while a reader is there; then it counts and
    closes its end, and the reader sees an empty file and carries on. So a regression fails
    the test instead of hanging it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.opened = 0
        self._stop = path.with_name(path.name + ".stop")
        self._process: subprocess.Popen[str] | None = None

    def __enter__(self) -> FifoGuard:
        self._process = subprocess.Popen(
            [sys.executable, "-c", _GUARD, str(self.path), str(self._stop)],
            stdout=subprocess.PIPE,
            text=True,
        )
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._process is not None
        self._stop.touch()
        out, _ = self._process.communicate(timeout=30)
        self.opened = int(out.strip() or 0)


@contextlib.contextmanager
def fifo(folder: Path, name: str = "picture.png") -> Iterator[tuple[Path, FifoGuard]]:
    path = folder / name
    os.mkfifo(path)
    with FifoGuard(path) as guard:
        yield path, guard
