"""Control characters in people's text: one definition for refusing them and for showing them.

A control character is a Unicode ``Cc`` code point: C0 (U+0000–U+001F), DEL (U+007F) and C1
(U+0080–U+009F), and the few invisible format characters listed at ``_FORMAT``. None of them is
text a person means to store: NUL is refused by PostgreSQL, ESC (or C1's CSI) starts a
terminal escape sequence that can rewrite what a screen shows, and a zero-width space or a
right-to-left override makes one name look like another.
Tab, line feed and carriage return are the exception where text may span lines (notes).
"""

from __future__ import annotations

import re
import unicodedata

LINE_BREAKS = "\t\n\r"

# Invisible format characters that change what text looks like or whether two texts that
# look the same are the same: zero-width space and word joiner ("Ava\u200b Lindqvist" was a
# second athlete who looked identical), the line and paragraph separators, the bidirectional
# embeddings, overrides and isolates (they reorder what follows), and a stray byte-order mark.
# Zero-width (non-)joiners are not among them: Persian, Indic scripts and emoji need them.
_FORMAT = "\u200b\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff"
_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f{_FORMAT}]")
# Public for hot loops that search raw text before they know which field holds what.
CONTROL_EXCEPT_LINE_BREAKS = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_FORMAT}]")
# What a terminal must not receive raw: every control character, the Unicode line and
# paragraph separators, and the bidirectional embeddings, overrides and isolates (which
# reorder what is shown after them).
_UNSAFE_TO_SHOW = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def control_character(text: str, *, allow_line_breaks: bool = False) -> str | None:
    """The first control character in ``text`` (``None`` if there is none).

    With ``allow_line_breaks``, tab, LF and CR are allowed (multi-line free text).
    """
    pattern = CONTROL_EXCEPT_LINE_BREAKS if allow_line_breaks else _CONTROL
    found = pattern.search(text)
    return found.group() if found else None


def describe_character(char: str) -> str:
    """``U+001B`` — how a message names an invisible character."""
    return f"U+{ord(char):04X}"


def visible(text: str) -> str:
    """``text`` with every character unsafe for a terminal written as an escape (``\\x1b``).

    For output of people's text (names, notes, keys) on a terminal or in a log line: the same
    text always gives the same output, and nothing in it can move the cursor, clear the screen
    or reorder the line. Ordinary text, accents and emoji included, is unchanged.
    """
    if not _UNSAFE_TO_SHOW.search(text):
        return text
    return _UNSAFE_TO_SHOW.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def counted(n: int, word: str, plural: str | None = None) -> str:
    """``counted(1, "session")`` → "1 session", ``counted(2, "session")`` → "2 sessions":
    every count a person reads (window, CLI) says it in the right number."""
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def fold(text: str) -> str:
    """``text`` as a search compares it: case folded and accents stripped, so "chloe" finds
    "Chloé" and "STRASSE" finds "Straße". The one definition for every search (athletes,
    drills) and for the athletes' stored ``folded_name``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


FOLDED_NAME_MAX = 400
"""The stored folded name's length limit: folding can lengthen a name ("ß" → "ss", a ligature
→ three letters), and a PostgreSQL index entry has a size limit; a search beyond 400 letters
of one name is no search."""


def folded_name(name: str) -> str:
    """An athlete's name as stored in ``athletes.folded_name`` (its search and sort key)."""
    return fold(name)[:FOLDED_NAME_MAX]
