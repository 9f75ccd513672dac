"""Words, numbers and dates in the reader's language, for everything that is not Qt.

The handout, the progress report and the patient sentences are built without Qt (the CLI makes
them too), so they cannot use Qt's translators. They use gettext catalogs instead:
``resources/locales/<code>/messages.po`` (and ``errors.po`` for the errors made below the
views, app/domain/messages.py), keyed by the English text, read with Babel, which also
knows how each language writes a number and a date (a decimal comma in German and Spanish).
English needs no catalog: a message missing from a catalog falls back to its English text, and the
test suite checks that the shipped catalogs leave nothing untranslated.

Call sites write ``lang.t("Your left ankle bends less than your right.")`` and
``lang.n("{count} session", "{count} sessions", n)`` so that ``pybabel extract -k t -k n:1,2``
finds every message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from app.resources import resource_path

# The languages Untwist ships, by the code a user types (`--lang de`), with their own names.
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch", "es": "Español"}
DEFAULT_LANGUAGE = "en"

# Babel locale per language: which conventions its numbers and dates follow. English is written
# the British way (2 December 2026), as the handout always was.
_LOCALES = {"en": "en_GB", "de": "de_DE", "es": "es_ES"}

NBSP = "\u00a0"  # keeps a number and its unit on one line


class UnknownLanguage(ValueError):
    """A language code Untwist has no translation for; the message lists the known codes."""

    def __init__(self, code: str) -> None:
        super().__init__(
            f"unknown language {code!r}: use one of {', '.join(sorted(LANGUAGES))}"
        )
        self.code = code


def known_language(code: str) -> str:
    """The language code as Untwist stores it, or :class:`UnknownLanguage`."""
    normal = code.strip().lower().replace("-", "_").split("_")[0] if code else ""
    if normal not in LANGUAGES:
        raise UnknownLanguage(code)
    return normal


@dataclass(frozen=True)
class Language:
    """One language's messages and its ways of writing numbers and dates."""

    code: str
    messages: Mapping[str, str] = field(default_factory=dict, repr=False)
    plurals: Mapping[tuple[str, str], tuple[str, ...]] = field(default_factory=dict, repr=False)

    @property
    def locale(self) -> str:
        return _LOCALES[self.code]

    @property
    def name(self) -> str:
        return LANGUAGES[self.code]

    def t(self, message: str, /, **values: object) -> str:
        """The message in this language, with ``{placeholders}`` filled in."""
        text = self.messages.get(message) or message
        return text.format(**values) if values else text

    def n(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        """The singular or plural message for ``count`` (which ``{count}`` shows)."""
        forms = self.plurals.get((singular, plural))
        # German, English and Spanish all have two forms: one, and everything else.
        index = 0 if count == 1 else 1
        if forms and len(forms) > index and forms[index]:
            text = forms[index]
        else:
            text = singular if index == 0 else plural
        return text.format(count=count, **values)

    @property
    def decimal_mark(self) -> str:
        """The decimal mark numbers are written with: ``.`` in English, ``,`` in German and
        Spanish (for values inside messages, app/domain/messages.py)."""
        return _marks(self.locale)[0]

    @property
    def group_mark(self) -> str:
        """The mark between thousands: ``,`` in English, ``.`` in German and Spanish."""
        return _marks(self.locale)[1]

    def number(self, value: float, decimals: int = 1) -> str:
        """A measured value with a fixed number of decimals, in this language's decimal mark."""
        from babel.numbers import format_decimal

        pattern = "0." + "0" * decimals if decimals > 0 else "0"
        return str(format_decimal(value, format=pattern, locale=self.locale))

    def quantity(self, value: float, unit: str, decimals: int = 1) -> str:
        """A number with its unit that never breaks across lines: ``9,0 cm``, ``28,0°``."""
        number = self.number(value, decimals)
        if unit in ("°", ""):
            return number + unit
        return f"{number}{NBSP}{unit}"

    def percent(self, value: float, decimals: int = 0) -> str:
        """A percentage, kept on one line (``87 %``)."""
        return f"{self.number(value, decimals)}{NBSP}%"

    def date(self, day: dt.date) -> str:
        """A full date for running text: 2 December 2026, 2. Dezember 2026."""
        from babel.dates import format_date

        return str(format_date(day, format="long", locale=self.locale))

    def short_date(self, day: dt.date) -> str:
        """Day and month without the year, for chart axes and tick sheets: 2 Dec, 2. Dez."""
        from babel.dates import format_skeleton

        return str(format_skeleton("MMMd", day, locale=self.locale))

    def month_year(self, day: dt.date) -> str:
        """Month and year, for long chart axes: Dec 2026."""
        from babel.dates import format_skeleton

        return str(format_skeleton("yMMM", day, locale=self.locale))

    def weekday(self, day: dt.date) -> str:
        """The abbreviated weekday: Wed, Mi., mié."""
        from babel.dates import format_date

        return str(format_date(day, format="EEE", locale=self.locale))


@cache
def _marks(locale: str) -> tuple[str, str]:
    """(decimal mark, group mark) of a locale, asked of Babel once: every number in a message
    or a phrase asks for them."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return str(get_decimal_symbol(locale)), str(get_group_symbol(locale))


# The catalogs of one language, all read into one Language: ``messages.po`` (the reports'
# words) and ``errors.po`` (errors and problems made below the views, app/domain/messages.py).
CATALOGS = ("messages.po", "errors.po")


@cache
def language(code: str = DEFAULT_LANGUAGE) -> Language:
    """The language for ``code`` with its catalogs loaded (once per process)."""
    code = known_language(code)
    if code == DEFAULT_LANGUAGE:
        return Language(code)
    from babel.messages.pofile import read_po

    messages: dict[str, str] = {}
    plurals: dict[tuple[str, str], tuple[str, ...]] = {}
    for name in CATALOGS:
        path = resource_path("locales", code, name)
        if not path.is_file():
            continue
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=_LOCALES[code])
        for message in catalog:
            if not message.id or message.fuzzy or not message.string:
                continue
            if isinstance(message.id, (tuple, list)):
                plurals[(message.id[0], message.id[1])] = tuple(message.string)
            else:
                messages[str(message.id)] = str(message.string)
    return Language(code, messages, plurals)
