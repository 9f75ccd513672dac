"""Control characters in people's text: one definition for refusing them and for showing them."""

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
