"""Control characters in people's text: one definition for refusing them and for showing them."""

import pytest

from app.domain.text import control_character, describe_character, visible


def test_control_characters_are_one_definition():
    assert control_character("a\x00") == "\x00"
    assert control_character("line\nbreak") == "\n"
    assert control_character("line\nbreak\ttab\r", allow_line_breaks=True) is None
    assert control_character("zoë 😀 ‏") is None
    assert visible("Ava\x1b[2J\u009b\u202e") == "Ava\\x1b[2J\\x9b\\u202e"
    assert visible("Zoë Adams") == "Zoë Adams"
    assert describe_character("\x1b") == "U+001B"
    assert visible("a\u2028b\u2066c") == "a\\u2028b\\u2066c"


@pytest.mark.parametrize(
    "char", ["\u200b", "\u2060", "\u202e", "\u202a", "\u2066", "\u2069", "\u2028", "\ufeff"]
)
def test_invisible_format_characters_are_refused_like_control_characters(char):
    """A zero-width space made a second athlete who looks the same as the first; a
    right-to-left override showed a name reversed."""
    assert control_character(f"Ava{char} Lindqvist") == char
    assert control_character(f"note{char}\nline", allow_line_breaks=True) == char


@pytest.mark.parametrize("text", ["نام\u200cخانوادگی", "👩\u200d👩\u200d👧", "Zoë Ñúñez"])
def test_joiners_and_ordinary_text_are_kept(text):
    assert control_character(text) is None
