"""The one check every picture passes before it is stored, drawn or printed.

A picture reaches Untwist from a file a clinician chose (a custom drill's picture, the clinic
logo), from a JSON import, from ``--merge`` or from ``db copy``. Whatever the way in, the bytes
go through :func:`check_picture`, and what is stored, drawn by Qt and printed by
reportlab/svglib is :attr:`Picture.data`, never the original bytes. Drawing code checks again
(once per picture, cached) so a picture stored by an older version is judged the same way.

**Raster pictures (PNG, JPEG)** are judged from their headers before a pixel is decoded: the
size in the PNG ``IHDR`` or the JPEG frame header must be at most :data:`MAX_PIXELS` per side.
A PNG's compressed pixels are inflated in small pieces, only as far as the size in its header
allows: a file whose pixels inflate to more than that (a "zip bomb") is refused as soon as it
passes the bound, so no check costs more than inflating one 4000×4000 picture. What is kept
is the picture without its metadata: text chunks, EXIF and XMP (a phone photo's location,
the author's name) are left out; PNG colour chunks and JPEG JFIF/ICC/Adobe segments stay.

**SVG drawings** are parsed with defusedxml (expat with entity declarations and external
references refused), from any encoding an XML declaration or a byte order mark names (UTF-8,
UTF-16 and UTF-32 in either byte order, and single-byte encodings Python knows). Then the tree
is rebuilt from an allow-list and serialized anew, in UTF-8:

- *refused*: a document type with an internal subset (entities, attribute defaults), any
  entity, text that is not well-formed, a root that is not ``<svg>``, more than
  :data:`MAX_DEPTH` levels of nesting, more than :data:`MAX_ELEMENTS` elements once ``<use>``
  references are expanded, and references that loop;
- *stripped* (the drawing is kept without them): every reference that leaves the document:
  ``href``/``xlink:href`` other than ``#id`` of an element the document holds, except an
  ``<image>`` whose ``href`` is a ``data:`` URI of a PNG or JPEG that passes the raster check
  above (re-encoded from the checked bytes); ``url(…)`` other than ``url(#id)`` in attributes,
  ``style`` attributes and ``<style>`` elements; CSS at-rules (``@import``, ``@font-face``…);
  ``<script>``, ``<foreignObject>``, animation elements, filters, fonts, ``<metadata>`` and
  every element or attribute outside the SVG namespace (Inkscape's and Sodipodi's, for
  instance); event attributes (``onload``…) and ``xml:base``; comments and processing
  instructions. A ``<use>`` or ``<image>`` left without a reference is dropped.

Stripping rather than refusing keeps ordinary drawings from Inkscape or Illustrator usable
(they carry editor metadata and sometimes a linked bitmap); what is drawn is exactly what the
rebuilt tree holds, so nothing outside the file is ever read.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
import struct
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import tinycss2
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from app.domain.messages import msg

MAX_BYTES = 5 * 1024 * 1024
LOGO_MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 4000  # per side
MAX_DEPTH = 100  # nesting of SVG elements
MAX_ELEMENTS = 50_000  # SVG elements, counted with every <use> expanded
KINDS = ("png", "jpeg", "svg")
RASTER_KINDS = ("png", "jpeg")

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"


class PictureProblem(ValueError):
    """A picture that is refused; the message names the file, says why and what to do."""


@dataclass(frozen=True)
class Picture:
    kind: str  # "png" | "jpeg" | "svg"
    width: int | None  # pixels (an SVG without a size: None, it scales)
    height: int | None
    data: bytes  # what to store and draw: checked, metadata removed, an SVG rebuilt
    stripped: tuple[str, ...] = ()  # what was left out of an SVG, e.g. "<script>"


def picture_kind(data: bytes) -> str | None:
    """The kind ("png", "jpeg" or "svg") by content (never by file name), None for anything else."""
    if data.startswith(PNG_MAGIC):
        return "png"
    if data.startswith(JPEG_MAGIC):
        return "jpeg"
    if _looks_like_xml(data):
        return "svg"
    return None


def check_picture(
    data: bytes,
    name: str = msg("The file"),
    *,
    kinds: Iterable[str] = KINDS,
    max_bytes: int = MAX_BYTES,
    max_side: int = MAX_PIXELS,
    max_area: int | None = None,
) -> Picture:
    """What ``data`` is, as the bytes that may be stored and drawn, or :class:`PictureProblem`.

    ``name`` starts every message ("calf.png is …"). ``kinds``: the kinds accepted here (a
    clinic logo takes PNG or JPEG only). ``max_side``: pixels per side; ``max_area``: pixels
    in all (a photo: a phone's 4032×3024 passes, a 100-megapixel bomb does not). Fast
    whatever the file claims: sizes come from headers, and nothing is inflated or parsed
    beyond the limits.
    """
    kinds = tuple(kinds)
    if not data:
        raise PictureProblem(msg("{name} is empty.", name=name))
    if len(data) > max_bytes:
        raise PictureProblem(too_big(name, len(data), max_bytes))
    kind = picture_kind(data)
    if kind is None or kind not in kinds:
        names = [k.upper().replace("JPEG", "JPG") for k in kinds]
        allowed = " or ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
        raise PictureProblem(msg(
            "{name} is not a {allowed} picture (its content is something else).",
            name=name,
            allowed=allowed,
        ))
    limits = (max_side, max_area)
    if kind == "png":
        return _check_png(data, name, limits)
    if kind == "jpeg":
        return _check_jpeg(data, name, limits)
    return _check_svg(data, name)


def too_big(name: str, size: int, max_bytes: int) -> str:
    """The message for a picture of ``size`` bytes where ``max_bytes`` are allowed."""
    return (
        f"{name} is {_megabytes(size)}; pictures may be at most {_megabytes(max_bytes)}. "
        "Save a smaller version and try again."
    )


def _megabytes(size: int) -> str:
    if size >= 1024 * 1024 and size % (1024 * 1024) == 0:
        return f"{size // (1024 * 1024)} MB"
    return f"{size / 1024 / 1024:.1f} MB"


_Limits = tuple[int, int | None]  # pixels per side, pixels in all (None: side² )
_PICTURE_LIMITS: _Limits = (MAX_PIXELS, None)


def _too_large(name: str, width: int, height: int, limits: _Limits) -> PictureProblem:
    side, area = limits
    if area is not None and width * height > area:
        return PictureProblem(
            msg(
                "{name} is {width}×{height} pixels ({value:.0f} megapixels); photos may have at "
                "most {value2:.0f} megapixels. Save a smaller version and try again.",
                name=name,
                width=width,
                height=height,
                value=width * height / 1e6,
                value2=area / 1e6,
            )
        )
    return PictureProblem(
        msg(
            "{name} is {width}×{height} pixels; pictures may be at most {side}×{side}. Save a "
            "smaller version and try again.",
            name=name,
            width=width,
            height=height,
            side=side,
        )
    )


def _damaged(name: str, kind: str) -> PictureProblem:
    return PictureProblem(msg(
        "{name} is a damaged or incomplete {kind} file; it cannot be shown.",
        name=name,
        kind=kind,
    ))


def _check_size(name: str, width: int, height: int, limits: _Limits = _PICTURE_LIMITS) -> None:
    side, area = limits
    if not (1 <= width <= side and 1 <= height <= side) or (
        area is not None and width * height > area
    ):
        raise _too_large(name, width, height, limits)


# ---------------------------------------------------------------------------------------------
# PNG

_PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # colour type → samples per pixel
_PNG_DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
# Chunks that change how the pixels look; everything else (text, EXIF, time, APNG frames) goes.
_PNG_KEEP = frozenset(
    {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT",
     b"pHYs", b"bKGD"}
)  # fmt: skip
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
          (0, 1, 1, 2))  # fmt: skip
_INFLATE_STEP = 1 << 20


def _png_raw_size(width: int, height: int, bits_per_pixel: int, interlaced: bool) -> int:
    """Bytes the pixels inflate to: a filter byte and the packed samples for every row."""

    def rows(w: int, h: int) -> int:
        return 0 if w == 0 or h == 0 else h * (1 + (w * bits_per_pixel + 7) // 8)

    if not interlaced:
        return rows(width, height)
    total = 0
    for x0, y0, dx, dy in _ADAM7:
        total += rows((width - x0 + dx - 1) // dx, (height - y0 + dy - 1) // dy)
    return total


def _check_png(data: bytes, name: str, limits: _Limits = _PICTURE_LIMITS) -> Picture:
    """Walk the chunks (checking each checksum); read the size from IHDR and refuse a large
    one before inflating anything; inflate the pixels only up to the size IHDR announces."""
    pos = len(PNG_MAGIC)
    header: tuple[int, int, int] | None = None  # width, height, expected inflated bytes
    inflater = zlib.decompressobj()
    inflated = 0
    kept = [PNG_MAGIC]
    try:
        while True:
            if pos + 12 > len(data):
                raise _damaged(name, "PNG")
            length, kind = struct.unpack(">I4s", data[pos : pos + 8])
            end = pos + 12 + length
            if end > len(data):
                raise _damaged(name, "PNG")
            body = data[pos + 8 : pos + 8 + length]
            (crc,) = struct.unpack(">I", data[end - 4 : end])
            if zlib.crc32(kind + body) != crc:
                raise _damaged(name, "PNG")
            if header is None:
                if kind != b"IHDR" or length != 13:
                    raise _damaged(name, "PNG")
                width, height, depth, colour, method, filtering, interlace = struct.unpack(
                    ">IIBBBBB", body
                )
                if (
                    depth not in _PNG_DEPTHS.get(colour, ())
                    or method != 0
                    or filtering != 0
                    or interlace not in (0, 1)
                ):
                    raise _damaged(name, "PNG")
                _check_size(name, width, height, limits)
                expected = _png_raw_size(
                    width, height, depth * _PNG_CHANNELS[colour], interlace == 1
                )
                header = (width, height, expected)
            elif kind == b"IDAT":
                # Inflate in pieces and throw the pixels away: only their amount matters.
                # Never more than IHDR announces (+1 to notice a surplus): a bomb stops here.
                while body and not inflater.eof:
                    room = header[2] + 1 - inflated
                    inflated += len(inflater.decompress(body, min(_INFLATE_STEP, room)))
                    if inflated > header[2]:
                        raise PictureProblem(
                            msg(
                                "{name} holds more pixel data than its size says; it is damaged "
                                "or made to exhaust memory, and cannot be shown.",
                                name=name,
                            )
                        )
                    body = inflater.unconsumed_tail
            elif kind[0] & 0x20 == 0 and kind not in _PNG_KEEP:
                raise _damaged(name, "PNG")  # an unknown critical chunk: no viewer can draw it
            if kind in _PNG_KEEP:
                kept.append(data[pos:end])
            if kind == b"IEND":
                break
            pos = end
    except zlib.error:
        raise _damaged(name, "PNG") from None
    if header is None or not inflater.eof or inflated != header[2]:
        raise _damaged(name, "PNG")
    return Picture("png", header[0], header[1], b"".join(kept))


# ---------------------------------------------------------------------------------------------
# JPEG

_SOF_MARKERS = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE})
# APP0 (JFIF), APP2 (ICC colour profile) and APP14 (Adobe colour transform) change how the
# pixels look; APP1 (EXIF, XMP: location, camera, author), the other APPn and comments go.
_JPEG_DROP = frozenset({0xE1, *range(0xE3, 0xEE), 0xEF, 0xFE})


def _check_jpeg(data: bytes, name: str, limits: _Limits = _PICTURE_LIMITS) -> Picture:
    """Read the frame size from the segment headers (refused before any decoding); the image
    data must reach an end marker."""
    pos = 2
    size: tuple[int, int] | None = None
    kept = [data[:2]]
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise _damaged(name, "JPG")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            kept.append(data[pos : pos + 2])
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if length < 2 or pos + 2 + length > len(data):
            raise _damaged(name, "JPG")
        if marker in _SOF_MARKERS:
            if length < 7:
                raise _damaged(name, "JPG")
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            _check_size(name, width, height, limits)
            size = (width, height)
        if marker == 0xDA:  # start of scan: compressed data follows, up to the end marker
            end = data.rfind(b"\xff\xd9")
            if size is None or end < pos + 2 + length:
                raise _damaged(name, "JPG")
            kept.append(data[pos : end + 2])
            return Picture("jpeg", size[0], size[1], b"".join(kept))
        if marker not in _JPEG_DROP:
            kept.append(data[pos : pos + 2 + length])
        pos += 2 + length
    raise _damaged(name, "JPG")


# ---------------------------------------------------------------------------------------------
# SVG: reading any encoding

_BOMS = (
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
)
# Without a byte order mark, the first "<" (or "<?") tells the width (XML 1.0, appendix F).
_SNIFF = (
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x00<", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
)
_DECLARATION = re.compile(r"""\A\s*<\?xml\b[^>]*?\?>""")
_ENCODING = re.compile(r"""\bencoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\1""")


def _looks_like_xml(data: bytes) -> bool:
    for bom, _ in _BOMS:
        if data.startswith(bom):
            data = data[len(bom) :]
            break
    head = data[:512]
    if head.startswith((b"\x00\x00\x00<", b"<\x00\x00\x00")):
        return True
    if head.startswith((b"\x00<", b"<\x00")):
        return True
    if b"\x00" in head[:16]:  # UTF-16/32 after white space
        head = head.replace(b"\x00", b"")
    return head.lstrip(b" \t\r\n").startswith(b"<")


def _encoding_of(data: bytes) -> tuple[str, int]:
    """The codec to read ``data`` with, and how many bytes of byte order mark to skip."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    for start, codec in _SNIFF:
        if data.startswith(start):
            return codec, 0
    head = data[:200].decode("latin-1")
    declaration = _DECLARATION.match(head)
    if declaration:
        found = _ENCODING.search(declaration.group(0))
        if found:
            return found.group(2), 0
    return "utf-8", 0


def _decode(data: bytes, name: str) -> str:
    codec, skip = _encoding_of(data)
    try:
        info = codecs.lookup(codec)
    except LookupError:
        raise PictureProblem(
            msg(
                "{name} is written in an encoding Untwist does not know ({codec}); save it as "
                "UTF-8 and try again.",
                name=name,
                codec=codec,
            )
        ) from None
    if skip == 0 and info.name in ("utf-16", "utf-32"):
        # "UTF-16" declared on bytes that read as ASCII: the declaration is wrong
        raise PictureProblem(msg(
            "{name} is not a readable SVG drawing (its encoding is wrong).",
            name=name,
        ))
    try:
        text = data[skip:].decode(info.name)
    except UnicodeDecodeError:
        raise PictureProblem(
            msg(
                "{name} is not readable {upper} text; save it as UTF-8 and try again.",
                name=name,
                upper=info.name.upper(),
            )
        ) from None
    text = text.removeprefix("\ufeff")
    # the text is decoded now: its declaration would name the old encoding
    return _DECLARATION.sub("", text, count=1)


# ---------------------------------------------------------------------------------------------
# SVG: parsing without DTDs, entities or external references


class _Parser(DefusedXMLParser):
    """defusedxml's parser (entities and external references refused) that also refuses a
    document type with an internal subset: its attribute defaults would add attributes the
    file does not show. A bare ``<!DOCTYPE svg PUBLIC …>`` line is harmless (expat never
    fetches it) and common in exported drawings, so it is read and ignored."""

    def __init__(self) -> None:
        super().__init__(target=ET.TreeBuilder(), forbid_entities=True, forbid_external=True)
        self.parser.StartDoctypeDeclHandler = self._check_doctype

    def _check_doctype(self, name: str, sysid: str, pubid: str, has_internal_subset: int) -> None:
        if has_internal_subset:
            raise _InternalSubset()


class _InternalSubset(DefusedXmlException):
    pass


def _parse(text: str, name: str) -> ET.Element:
    parser = _Parser()
    try:
        parser.feed(text)
        root = parser.close()
    except (_InternalSubset, DefusedXmlException):
        raise PictureProblem(
            msg(
                "{name} declares XML entities or a document type, which Untwist does not accept "
                "in a picture; save it again as plain SVG.",
                name=name,
            )
        ) from None
    except (ET.ParseError, RecursionError):
        raise PictureProblem(
            msg("{name} is not a readable SVG drawing (it is not well-formed XML).", name=name)
        ) from None
    return root


# ---------------------------------------------------------------------------------------------
# SVG: the allow-list

_ALLOWED = frozenset(
    {"svg", "g", "defs", "symbol", "use", "title", "desc", "switch", "a", "path", "rect",
     "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath",
     "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern", "marker",
     "image", "style", "solidColor", "textArea", "tbreak"}
)  # fmt: skip
_REFERRERS = frozenset({"use", "image"})  # dropped when their reference is stripped
_LOCAL_REF = re.compile(r"\A\s*#([^\s#]+)\s*\Z")
_DATA_URI = re.compile(
    r"\A\s*data:image/(png|jpeg|jpg)\s*;\s*base64\s*,([A-Za-z0-9+/=\s]*)\Z", re.IGNORECASE
)
_URL_FUNCTION = re.compile(r"url\s*\(", re.IGNORECASE)
_URL_LOCAL = re.compile(r"""url\s*\(\s*(["']?)#[^)"'\\]*\1\s*\)""", re.IGNORECASE)
_CSS_FORBIDDEN_FUNCTIONS = frozenset(
    {"image", "image-set", "-webkit-image-set", "cross-fade", "element", "src", "expression",
     "paint", "-moz-element"}
)  # fmt: skip


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


def _iter_with_parent(root: ET.Element) -> Iterator[tuple[ET.Element, ET.Element, int]]:
    """Every element below ``root`` with its parent and depth, without recursion."""
    stack = [(root, child, 2) for child in reversed(list(root))]
    while stack:
        parent, element, depth = stack.pop()
        yield parent, element, depth
        stack.extend((element, child, depth + 1) for child in reversed(list(element)))


def _css_value_safe(tokens: Iterable[object]) -> bool:
    """No token of a CSS value reaches outside the document (``url(#id)`` stays inside)."""
    stack = list(tokens)
    while stack:
        token = stack.pop()
        kind = getattr(token, "type", "")
        if kind == "url":
            if not str(getattr(token, "value", "")).startswith("#"):
                return False
        elif kind == "function":
            lower = getattr(token, "lower_name", "")
            arguments = list(getattr(token, "arguments", []))
            if lower in _CSS_FORBIDDEN_FUNCTIONS:
                return False
            if lower == "url":
                strings = [a for a in arguments if getattr(a, "type", "") == "string"]
                if not strings or not str(getattr(strings[0], "value", "")).startswith("#"):
                    return False
            stack.extend(arguments)
        elif kind in ("() block", "[] block", "{} block"):
            stack.extend(getattr(token, "content", []))
        elif kind in ("at-keyword", "error"):
            return False
    return True


def _safe_declarations(text: str, stripped: list[str]) -> str:
    """A ``style`` attribute (or a rule's body) without declarations that reach outside."""
    kept = []
    for node in tinycss2.parse_blocks_contents(text, skip_comments=True, skip_whitespace=True):
        if node.type == "declaration" and _css_value_safe(node.value):
            important = " !important" if node.important else ""
            kept.append(f"{node.name}:{tinycss2.serialize(node.value).strip()}{important}")
        else:
            stripped.append("a style that loads something from outside the drawing")
    return ";".join(kept)


def _safe_stylesheet(text: str, stripped: list[str]) -> str:
    """A ``<style>`` element's rules without at-rules or outside references."""
    rules = []
    for node in tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True):
        if node.type != "qualified-rule" or not _css_value_safe(node.prelude):
            stripped.append("a style rule (@import, @font-face…)")
            continue
        body = _safe_declarations(tinycss2.serialize(node.content), stripped)
        rules.append(f"{tinycss2.serialize(node.prelude).strip()}{{{body}}}")
    return "\n".join(rules)


def _attribute_value_safe(value: str) -> bool:
    """A presentation attribute (``fill="url(#g)"``) may point inside the document only."""
    return len(_URL_FUNCTION.findall(value)) == len(_URL_LOCAL.findall(value))


def _embedded_raster(value: str, name: str) -> str | None:
    """A ``data:`` URI of a PNG or JPEG that passes the raster check, rebuilt from the
    checked bytes; None for anything else (a file, a web address, an SVG…)."""
    m = _DATA_URI.match(value)
    if not m:
        return None
    try:
        raw = base64.b64decode("".join(m.group(2).split()), validate=True)
    except (binascii.Error, ValueError):
        return None
    picture = check_picture(raw, msg("A picture inside {name}", name=name), kinds=RASTER_KINDS)
    return f"data:image/{picture.kind};base64," + base64.b64encode(picture.data).decode("ascii")


def _key_name(attribute: str) -> str:
    """An attribute's name as a person reads it (``{…xlink}href`` → ``xlink:href``)."""
    ns, attr = _split(attribute)
    if not ns:
        return attr
    prefix = {XLINK_NS: "xlink", XML_NS: "xml"}.get(ns, ns.rstrip("/").rsplit("/", 1)[-1])
    return f"{prefix}:{attr}"


def _clean_attributes(element: ET.Element, local: str, name: str, stripped: list[str]) -> None:
    for attribute, value in list(element.attrib.items()):
        ns, attr = _split(attribute)
        keep = True
        if (
            ns not in ("", XLINK_NS, XML_NS)
            or attr.lower().startswith("on")
            or (ns == XML_NS and attr == "base")
        ):
            keep = False
        elif attr == "href":
            if local == "image":
                embedded = _embedded_raster(value, name)
                if embedded is not None:
                    element.set(attribute, embedded)
                    continue
                keep = False
            else:
                keep = bool(_LOCAL_REF.match(value))
        elif ns == XLINK_NS:
            keep = attr in ("title", "type", "role", "arcrole", "show", "actuate")
        elif attr == "style":
            safe = _safe_declarations(value, stripped)
            if safe:
                element.set(attribute, safe)
            else:
                del element.attrib[attribute]
            continue
        elif not _attribute_value_safe(value):
            keep = False
        if not keep:
            del element.attrib[attribute]
            stripped.append(f"the attribute {_key_name(attribute)!r} of <{local}>")


def _rebuild(root: ET.Element, name: str) -> list[str]:
    """Strip, in place, everything outside the allow-list; returns what was stripped."""
    stripped: list[str] = []
    _normalise(root)
    _clean_attributes(root, "svg", name, stripped)
    stack = [(root, child, 2) for child in reversed(list(root))]
    while stack:
        parent, element, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise PictureProblem(
                msg(
                    "{name} nests its elements more than {max_depth} deep; Untwist does not draw "
                    "it. Simplify the drawing and try again.",
                    name=name,
                    max_depth=MAX_DEPTH,
                )
            )
        if not isinstance(element.tag, str):
            parent.remove(element)  # a comment or processing instruction
            continue
        _normalise(element)
        ns, local = _split(element.tag)
        if ns != SVG_NS or local not in _ALLOWED:
            parent.remove(element)
            stripped.append(f"<{local}>")
            continue
        _clean_attributes(element, local, name, stripped)
        if local == "style":
            for child in list(element):
                element.remove(child)
            element.text = _safe_stylesheet(element.text or "", stripped)
            continue
        stack.extend((element, child, depth + 1) for child in reversed(list(element)))
    return stripped


def _normalise(element: ET.Element) -> None:
    """An element without a namespace is taken as SVG (a file without ``xmlns``)."""
    if isinstance(element.tag, str) and not element.tag.startswith("{"):
        element.tag = f"{{{SVG_NS}}}{element.tag}"


def _href(element: ET.Element) -> str | None:
    return element.get("href") or element.get(f"{{{XLINK_NS}}}href")


def _resolve_references(root: ET.Element, name: str, stripped: list[str]) -> None:
    """Drop references to ids the document does not hold, refuse loops, and count the
    elements a renderer would draw with every reference expanded (a "billion laughs" made of
    ``<use>`` stays small on disk and enormous on screen)."""
    ids: dict[str, ET.Element] = {}
    parents: dict[int, ET.Element] = {}
    for parent, element, _ in _iter_with_parent(root):
        parents[id(element)] = parent
    for element in root.iter():
        key = element.get("id")
        if key is not None:
            ids.setdefault(key, element)
    for element in list(root.iter()):
        _, local = _split(element.tag)
        href = _href(element)
        if href is None or href.startswith("data:"):
            if local in _REFERRERS and href is None:
                owner = parents.get(id(element))
                if owner is not None:
                    owner.remove(element)
            continue
        m = _LOCAL_REF.match(href)
        if m is None or m.group(1) not in ids:
            for attribute in ("href", f"{{{XLINK_NS}}}href"):
                element.attrib.pop(attribute, None)
            stripped.append(f"a reference to {href!r}")
            owner = parents.get(id(element))
            if local in _REFERRERS and owner is not None:
                owner.remove(element)
    # expanded size, iteratively: children and referenced elements both count
    size: dict[int, int] = {}
    visiting: set[int] = set()
    stack: list[tuple[ET.Element, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        node_key = id(node)
        successors = list(node)
        target = _href(node)
        found = _LOCAL_REF.match(target) if target else None
        if found is not None and found.group(1) in ids:
            successors.append(ids[found.group(1)])
        if done:
            visiting.discard(node_key)
            size[node_key] = 1 + sum(size[id(s)] for s in successors)
            if size[node_key] > MAX_ELEMENTS:
                raise PictureProblem(
                    msg(
                        "{name} draws more than {max_elements} shapes once its copies are "
                        "expanded; Untwist does not draw it. Simplify the drawing and try again.",
                        name=name,
                        max_elements=MAX_ELEMENTS,
                    )
                )
            continue
        if node_key in size:
            continue
        if node_key in visiting:
            raise PictureProblem(
                msg(
                    "{name} refers to itself in a loop; it cannot be drawn. Save it again from "
                    "your drawing program.",
                    name=name,
                )
            )
        visiting.add(node_key)
        stack.append((node, True))
        for successor in successors:
            if id(successor) in visiting:
                raise PictureProblem(
                    msg(
                        "{name} refers to itself in a loop; it cannot be drawn. Save it again "
                        "from your drawing program.",
                        name=name,
                    )
                )
            if id(successor) not in size:
                stack.append((successor, False))


_PREFIXES = {"": "", XLINK_NS: "xlink:", XML_NS: "xml:"}


def _serialize(root: ET.Element) -> bytes:
    """The rebuilt tree as UTF-8 text, written without recursion. Every element is SVG (the
    default namespace); attributes are plain, ``xlink:`` (Qt looks them up by that very
    prefix) or ``xml:``."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    stack: list[ET.Element | str] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        _, local = _split(item.tag)
        attributes = []
        if item is root:
            attributes.append(f' xmlns="{SVG_NS}" xmlns:xlink="{XLINK_NS}"')
        for key, value in item.attrib.items():
            ns, attr = _split(key)
            attributes.append(f" {_PREFIXES[ns]}{attr}={quoteattr(value)}")
        tail = escape(item.tail or "") if item is not root else ""
        if len(item) == 0 and not item.text:
            out.append(f"<{local}{''.join(attributes)}/>{tail}")
            continue
        out.append(f"<{local}{''.join(attributes)}>{escape(item.text or '')}")
        stack.append(f"</{local}>{tail}")
        stack.extend(reversed(list(item)))
    return "".join(out).encode("utf-8")


def _svg_length(value: str | None) -> float | None:
    if not value:
        return None
    m = re.fullmatch(r"\s*([0-9]*\.?[0-9]+)\s*(px)?\s*", value)
    return float(m.group(1)) if m else None


def _check_svg(data: bytes, name: str) -> Picture:
    root = _parse(_decode(data, name), name)
    if _split(root.tag) not in ((SVG_NS, "svg"), ("", "svg")):
        raise PictureProblem(msg("{name} is XML but not an SVG drawing.", name=name))
    stripped = _rebuild(root, name)
    _resolve_references(root, name, stripped)
    width = _svg_length(root.get("width"))
    height = _svg_length(root.get("height"))
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if (width is None or height is None) and len(box) == 4:
        try:
            width, height = float(box[2]), float(box[3])
        except ValueError:
            width = height = None
    if width is not None and height is not None and (width <= 0 or height <= 0):
        raise PictureProblem(msg("{name} is an SVG drawing with no size.", name=name))
    rebuilt = _serialize(root)
    # An SVG scales to any size: only its declared size is recorded, never refused as huge.
    return Picture(
        "svg",
        None if width is None else max(1, min(round(width), MAX_PIXELS)),
        None if height is None else max(1, min(round(height), MAX_PIXELS)),
        rebuilt,
        tuple(dict.fromkeys(stripped)),
    )
