"""Messages made below the views: English as text (the CLI's contract), translatable for the
window (app/domain/messages.py), and catalogs that cover every template the code makes."""

from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from app.domain.dates import date_problem
from app.domain.language import language
from app.domain.messages import joined, message_of, msg, msg_n
from app.domain.validation import Invalid, number_problem, parse_number
from app.services.errors import ValidationError

APP = Path(__file__).resolve().parents[2] / "app"
LOCALES = Path(__file__).resolve().parents[2] / "resources" / "locales"


def test_a_message_is_its_english_text_and_renders_in_another_language():
    problem = date_problem(dt.date(2099, 3, 2), dt.date(2026, 1, 1), msg("the session date"))
    line = msg("line {line}: {reason}", line=4, reason=problem)
    assert line == "line 4: the session date is in the future (2099-03-02)"
    assert str(line) == line and type(str(line)) is str
    assert (
        line.text(language("de"))
        == "Zeile 4: das Datum der Sitzung liegt in der Zukunft (2099-03-02)"
    )
    assert (
        line.text(language("es")) == "línea 4: la fecha de la sesión está en el futuro (2099-03-02)"
    )
    assert line.text(language("en")) == line


def test_numbers_in_a_message_take_the_language_decimal_mark():
    problem = number_problem(12.5, 0, 10.5, msg("the value"))
    assert problem == "the value 12.5 is outside 0 to 10.5"
    assert problem.text(language("de")) == "der Wert 12,5 liegt außerhalb von 0 bis 10,5"
    assert problem.text(language("es")) == "el valor 12,5 está fuera de 0 a 10,5"


def test_an_exception_keeps_its_message_and_a_service_error_stays_english():
    with pytest.raises(Invalid) as caught:
        parse_number("1,5")
    assert (
        message_of(caught.value).text(language("de"))
        == "'1,5' hat ein Komma: verwenden Sie . als Dezimalzeichen"
    )
    error = ValidationError.one("name", msg("the name"))
    error2 = ValidationError.one("x", message_of(caught.value))
    assert str(error) == "the name"
    assert error.text(language("es")) == "el nombre"
    assert str(error2) == "'1,5' has a comma: use . as the decimal mark"
    both = joined([msg("the name"), msg("the sport")])
    assert both == "the name; the sport" and both.text(language("de")) == "der Name; die Sportart"


def test_plural_messages():
    one = msg_n(
        "{count} invalid row; nothing was imported.",
        "{count} invalid rows; nothing was imported.",
        1,
    )
    two = msg_n(
        "{count} invalid row; nothing was imported.",
        "{count} invalid rows; nothing was imported.",
        2,
    )
    assert (one, two) == (
        "1 invalid row; nothing was imported.",
        "2 invalid rows; nothing was imported.",
    )
    assert two.text(language("de")) == "2 ungültige Zeilen; nichts wurde importiert."


def _templates() -> set[str | tuple[str, str]]:
    found: set[str | tuple[str, str]] = set()
    keywords = {"msg": None, "msg_n": (1, 2)}
    for _name, _line, message, _comments, _context in extract_from_dir(
        str(APP), method_map=[("**.py", "python")], keywords=keywords
    ):
        found.add(message if isinstance(message, str) else (message[0], message[1]))
    return found


def _fields(text: str) -> list[str]:
    return sorted(
        f"{name}!{conv}:{spec}"
        for _, name, spec, conv in string.Formatter().parse(text)
        if name is not None
    )


@pytest.mark.parametrize("code", ["de", "es"])
def test_errors_catalog_translates_every_template_the_code_makes(code):
    templates = _templates()
    assert len(templates) > 300, "extraction found nothing: the keywords changed?"
    with (LOCALES / code / "errors.po").open("rb") as handle:
        catalog = read_po(handle, locale=code)
    entries = {(m.id if isinstance(m.id, str) else tuple(m.id)): m for m in catalog if m.id}
    missing = sorted(str(t) for t in templates if t not in entries or not entries[t].string)
    assert missing == []
    for key, entry in entries.items():
        assert not entry.fuzzy, key
        forms = [entry.string] if isinstance(entry.string, str) else list(entry.string)
        english = key if isinstance(key, str) else key[1]
        assert forms and all(forms[:2]), key
        for form in forms[:2]:
            assert _fields(form) == _fields(english), (key, form)
    # Nothing stale either: every entry is a template the code still makes.
    assert sorted(str(k) for k in entries if k not in templates) == []


def test_the_language_holds_both_catalogs():
    german = language("de")
    assert german.t("the session date") == "das Datum der Sitzung"  # errors.po
    assert german.t("left") == "links"  # messages.po
    assert re.search(",", german.decimal_mark)


def test_a_unit_inside_a_message_is_the_readers_word_and_the_stored_key_in_english():
    """A range said "0 bis 70 deg" in a German window: the unit was the stored key."""
    from app.domain.catalog import builtin_definitions

    hip = next(d for d in builtin_definitions() if d.unit == "deg")
    said = hip.range_text()
    assert str(said).endswith(" deg")  # the CLI's English, as before
    assert said.text(language("de")).endswith(" Grad")
    assert said.text(language("es")).endswith(" grados")
