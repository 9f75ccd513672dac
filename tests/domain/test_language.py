"""The non-Qt language layer: catalogs, plurals, decimal marks and dates per language."""

import datetime as dt

import pytest

from app.domain.language import LANGUAGES, NBSP, UnknownLanguage, known_language, language

DAY = dt.date(2026, 12, 2)


def test_decimal_mark_follows_the_language() -> None:
    assert language("en").number(11.5) == "11.5"
    assert language("de").number(11.5) == "11,5"
    assert language("es").number(-0.25, 2) == "-0,25"
    assert language("de").number(3, 0) == "3"


def test_a_number_and_its_unit_stay_on_one_line() -> None:
    assert language("de").quantity(9, "cm") == f"9,0{NBSP}cm"
    assert language("en").quantity(28, "°") == "28.0°"
    assert language("es").percent(87) == f"87{NBSP}%"


def test_dates_follow_the_language() -> None:
    assert language("en").date(DAY) == "2 December 2026"
    assert language("de").date(DAY) == "2. Dezember 2026"
    assert language("es").date(DAY) == "2 de diciembre de 2026"
    assert language("de").short_date(DAY) == "2. Dez."


def test_catalogs_translate_plurals_and_fall_back_to_english() -> None:
    de = language("de")
    assert de.n("{count} session", "{count} sessions", 1) == "1 Sitzung"
    assert de.n("{count} session", "{count} sessions", 3) == "3 Sitzungen"
    assert language("en").n("{count} session", "{count} sessions", 1) == "1 session"
    assert de.t("No such message {x}", x=5) == "No such message 5"


@pytest.mark.parametrize("code", ["fr", "", "english", "xx-YY"])
def test_unknown_codes_are_refused_with_the_known_ones_listed(code: str) -> None:
    with pytest.raises(UnknownLanguage) as caught:
        known_language(code)
    assert all(known in str(caught.value) for known in LANGUAGES)


def test_codes_are_read_as_people_write_them() -> None:
    assert known_language("DE") == "de"
    assert known_language("es_ES") == "es"
    assert known_language("en-GB") == "en"


def test_the_app_language_comes_from_the_environment_then_the_desk_then_the_system(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.config import app_language

    for name in ("UNTWIST_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert app_language() == "en"
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    assert app_language() == "es"
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")  # not shipped: the next source counts
    assert app_language() == "es"
    assert app_language("de") == "de"
    monkeypatch.setenv("UNTWIST_LANG", "en")
    assert app_language("de") == "en"
