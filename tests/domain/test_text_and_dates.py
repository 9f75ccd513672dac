"""The domain's rules for people's text and dates: one definition each, used on every way in."""

import datetime as dt

import pytest

from app.domain.dates import EARLIEST, check_date, date_problem
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


def test_the_date_rule_is_a_domain_function():
    today = dt.date(2026, 3, 1)
    assert date_problem(today, today=today) is None
    assert date_problem(EARLIEST, today=today) is None
    assert date_problem(dt.date(2026, 3, 2), today=today) == "date is in the future"
    assert date_problem(dt.date(1899, 12, 31), what="birth date") == (
        "birth date is before 1900-01-01"
    )
    with pytest.raises(ValueError, match="in the future"):
        check_date(dt.date(2026, 3, 2), today=today)
