"""The value rules every way into the database shares (forms, CSV, JSON, ``--merge``,
``db copy``): texts, numbers, ids, names, enums and settings.

Why one module: the same value used to be checked differently on each way in (the athlete form
collapsed a name's spaces, the JSON import checked types only, SQLite stored what PostgreSQL
refuses). The limits here are the database's own: a text is never longer than its column, an
integer fits PostgreSQL's ``integer``, and no text holds a NUL (PostgreSQL refuses it; SQLite
stores it and every later copy to a server fails). So a value that passes here can be stored on
both engines, and a database written through these rules exports and re-imports.

Every function returns a problem as a plain phrase (or raises :class:`ValueError` with one), so
each caller words the place (``line 4: …``, ``athletes row 2: …``, a form field) its own way.

Pure Python: no Qt, no SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

from app.domain.dates import date_problem
from app.domain.language import LANGUAGES
from app.domain.messages import Sentence, message_of, msg
from app.domain.text import control_character, describe_character

# PostgreSQL's ``integer`` (SQLAlchemy ``Integer``): ids, versions, counts. SQLite takes 64 bits.
INT_MAX = 2**31 - 1
# Any number stored: far beyond every real range, yet small enough that differences, sums and
# percentages of two such numbers stay finite.
NUMBER_MAX = 1e9

# Column lengths (app/models/tables.py; a test checks they agree) and the free-text limit.
NAME_MAX = 200  # athlete, clinician, drill, measurement names
SEX_MAX = 20
SPORT_MAX = 100
SIDE_MAX = 5
KEY_MAX = 64  # measurement keys
UNIT_MAX = 20
DRILL_KEY_MAX = 100
REGION_MAX = 40
SETTING_KEY_MAX = 100
DRILL_TEXT_MAX = 4000  # a drill's aim, setup, feel, and each step or mistake
DRILL_LIST_MAX = 30  # steps or mistakes of a drill
PATH_MAX = 4096  # a folder setting
NOTES_MAX = 5000  # notes of athletes, sessions and measurements; a custom protocol

PAIN_MIN, PAIN_MAX = 0, 10  # pain during a measurement, 0–10
SIDES = ("left", "right")
SIDES_OR_BOTH = ("left", "right", "both")

# A number as people write it in a file or a form: ASCII digits, '.' as the decimal mark, an
# optional exponent. float() alone also takes Arabic-Indic and full-width digits, '1_000',
# 'inf' and 'nan'.
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?", re.ASCII)
_WHOLE = re.compile(r"[+-]?[0-9]{1,18}", re.ASCII)


class Invalid(ValueError):
    """A value refused by the rules above; ``str(exc)`` says why, fit to show."""


# -- text ---------------------------------------------------------------------------------------


def text_problem(
    value: object,
    limit: int | None,
    what: str,
    *,
    multiline: bool = False,
    required: bool = False,
) -> str | None:
    """Why ``value`` cannot be stored as text, or ``None``.

    ``multiline``: free text (notes), where tabs and line breaks are fine. Lone surrogates (a
    JSON ``"\\ud800"``) are refused too: they cannot be written as UTF-8 by either engine.
    """
    if not isinstance(value, str):
        return msg("{what} is not text", what=what)
    if required and not value.strip():
        return msg("{what} is empty", what=what)
    if limit is not None and len(value) > limit:
        return msg("{what} is longer than {limit} characters", what=what, limit=limit)
    # Control characters (app.domain.text, the CSV importer's set): NUL is refused by
    # PostgreSQL; the others are invisible, break CSV and terminals (ESC, CSI) and are never
    # typed on purpose. Tab and line breaks are kept in free text.
    found = control_character(value, allow_line_breaks=multiline)
    if found is not None:
        if "\x00" in value:
            return msg("{what} contains a NUL character", what=what)
        return msg(
            "{what} contains a control character ({describe_character})",
            what=what,
            describe_character=describe_character(found),
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return msg("{what} contains an invalid character (a lone surrogate)", what=what)
    return None


def check_text(
    value: object,
    limit: int | None,
    what: str,
    *,
    multiline: bool = False,
    required: bool = False,
) -> str:
    """:func:`text_problem` as a check: the text, or :class:`Invalid`."""
    problem = text_problem(value, limit, what, multiline=multiline, required=required)
    if problem:
        raise Invalid(problem)
    assert isinstance(value, str)
    return value


def nfc(text: str) -> str:
    """Unicode NFC: ``é`` typed as one character or as ``e`` + accent is the same text."""
    return unicodedata.normalize("NFC", text)


def clean_name(name: str) -> str:
    """A person's or a thing's name as stored: NFC, runs of white space as one space.

    Names are compared and shown: two names that look the same must be the same text, or a
    second athlete who looks identical appears (macOS file names and some keyboards give NFD).
    """
    return " ".join(nfc(name).split())


def name_key(name: str) -> str:
    """What two names are matched on: :func:`clean_name`, case-folded like ``str.lower``."""
    return clean_name(name).lower()


# -- numbers -------------------------------------------------------------------------------------


def parse_number(text: str) -> float:
    """A number typed as text: ASCII digits, ``.`` as the decimal mark, finite; or :class:`Invalid`.

    Refused: Arabic-Indic or full-width digits, ``1_000``, ``1,5``, ``inf``, ``nan``, ``1e400``.
    """
    cleaned = text.strip()
    if not _NUMBER.fullmatch(cleaned):
        shown = cleaned if len(cleaned) <= 40 else cleaned[:39] + "…"
        if re.fullmatch(r"[+-]?[0-9]+,[0-9]+", cleaned, re.ASCII):
            raise Invalid(msg("{shown!r} has a comma: use . as the decimal mark", shown=shown))
        raise Invalid(msg("{shown!r} is not a number", shown=shown))
    number = float(cleaned)
    if not math.isfinite(number) or abs(number) > NUMBER_MAX:
        raise Invalid(msg("{cleaned!r} is too large", cleaned=cleaned))
    return number


def parse_whole(text: str) -> int:
    """A whole number typed as text (ASCII digits only), or :class:`Invalid`."""
    cleaned = text.strip()
    if not _WHOLE.fullmatch(cleaned):
        shown = cleaned if len(cleaned) <= 40 else cleaned[:39] + "…"
        raise Invalid(msg("{shown!r} is not a whole number", shown=shown))
    return int(cleaned)


def as_number(value: object) -> float:
    """A stored number (``int``/``float``, not ``bool``) as a finite float, or :class:`Invalid`.

    A 400-digit integer is refused here rather than overflowing in ``float()`` or the driver.
    """
    if type(value) is float and -NUMBER_MAX <= value <= NUMBER_MAX:  # the usual case, fast
        return value  # (NaN and infinities fail the comparison)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Invalid(msg("not a number"))
    try:
        number = float(value)
    except OverflowError:
        raise Invalid(msg("a number far too large")) from None
    if not math.isfinite(number):
        raise Invalid(msg("not a finite number"))
    if abs(number) > NUMBER_MAX:
        raise Invalid(msg("{number:g} is too large", number=number))
    return number


def number_problem(
    value: object, low: float, high: float, what: str, *, whole: bool = False
) -> str | None:
    """Why ``value`` is not a number from ``low`` to ``high`` (a whole one if ``whole``)."""
    try:
        number = as_number(value)
    except Invalid as exc:
        return msg("{what}: {problem}", what=what, problem=message_of(exc))
    if whole and number != int(number):
        return msg("{what} must be a whole number", what=what)
    if not low <= number <= high:
        return msg(
            "{what} {number:g} is outside {low:g} to {high:g}",
            what=what,
            number=number,
            low=low,
            high=high,
        )
    return None


def whole_problem(value: object, low: int, high: int, what: str) -> str | None:
    """Why ``value`` is not an ``int`` from ``low`` to ``high`` (``bool`` is not a number)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return msg("{what} is not a whole number", what=what)
    if not low <= value <= high:
        return msg(
            "{what} {short_int} is outside {low} to {high}",
            what=what,
            short_int=_short_int(value),
            low=low,
            high=high,
        )
    return None


def id_problem(value: object, what: str = msg("id")) -> str | None:
    """Why ``value`` cannot be a row id on both engines (1 to 2³¹−1), or ``None``."""
    return whole_problem(value, 1, INT_MAX, what)


def _short_int(value: int) -> str:
    digits = str(value) if abs(value) < 10**30 else f"a {len(str(abs(value)))}-digit number"
    return digits


def choice_problem(value: object, allowed: tuple[str, ...], what: str) -> str | None:
    """Why ``value`` is not one of ``allowed`` (an enum stored as text)."""
    if value not in allowed:
        shown = repr(value) if not isinstance(value, str) or len(value) <= 20 else "this value"
        return msg(
            "{what} {shown} is not one of {join}",
            what=what,
            shown=shown,
            join=', '.join(allowed),
        )
    return None


def first(*problems: str | None) -> str | None:
    """The first problem of several checks (a field reports one thing at a time)."""
    return next((p for p in problems if p), None)


# -- athletes ----------------------------------------------------------------------------------

SEXES = ("female", "male", "other")
LEG_LENGTH_CM = (30.0, 150.0)


def athlete_problems(athlete: Mapping[str, Any], today: dt.date) -> list[tuple[str, str]]:
    """(field, problem) for every field of an athlete (``AthleteData``'s names) that cannot be
    stored: the athlete dialog, a JSON import and ``db copy`` all ask this."""
    found: list[tuple[str, str]] = []

    def add(field: str, problem: str | None) -> None:
        if problem:
            found.append((field, problem))

    name = athlete.get("name")
    if not isinstance(name, str):
        add("name", msg("the name is not text"))
    elif not name.strip():
        add("name", msg("the athlete needs a name"))
    else:  # tabs and line breaks are white space the cleaning collapses; other controls are not
        add("name", text_problem(name, None, msg("the name"), multiline=True)
            or text_problem(clean_name(name), NAME_MAX, msg("the name")))  # fmt: skip
    if athlete.get("sex") is not None:
        add("sex", choice_problem(athlete["sex"], SEXES, msg("sex")))
    if athlete.get("sport") is not None:
        add("sport", text_problem(athlete["sport"], SPORT_MAX, msg("the sport")))
    for field in ("injury_notes", "notes"):
        if athlete.get(field) is not None:
            what = msg("the injury notes") if field == "injury_notes" else msg("the notes")
            add(field, text_problem(athlete[field], NOTES_MAX, what, multiline=True))
    for field in ("dominant_side", "involved_side"):
        if athlete.get(field) is not None:
            dominant = field == "dominant_side"
            side = msg("the dominant side") if dominant else msg("the involved side")
            add(field, choice_problem(athlete[field], SIDES, side))
    if athlete.get("handout_language") is not None:
        add(
            "handout_language",
            choice_problem(athlete["handout_language"], tuple(LANGUAGES), msg(
                "the handout language",
            )),
        )
    for field in ("birth_date", "injury_date"):
        if athlete.get(field) is not None:
            what = msg("the birth date") if field == "birth_date" else msg("the injury date")
            add(field, date_problem(athlete[field], today, what))
    birth, injury = athlete.get("birth_date"), athlete.get("injury_date")
    if isinstance(birth, dt.date) and isinstance(injury, dt.date) and injury < birth:
        add("injury_date", msg("the injury date is before the birth date"))
    low, high = LEG_LENGTH_CM
    for field in ("leg_length_left_cm", "leg_length_right_cm"):
        if athlete.get(field) is not None:
            leg = msg("the left leg length") if "left" in field else msg("the right leg length")
            add(field, number_problem(athlete[field], low, high, msg("{what} (cm)", what=leg)))
    return found


def sentence(problem: str) -> str:
    """A problem phrase as a form shows it: capital first letter, full stop (in the window's
    language too: the result is a :class:`~app.domain.messages.Sentence`)."""
    return Sentence(problem)


# -- settings ------------------------------------------------------------------------------------

# Settings that name a place on this computer. They are never taken from an imported file: a
# file could otherwise send every daily backup, with every patient's data, to a folder its
# author chose.
PATH_SETTINGS = frozenset({"backup_folder"})
LENGTH_UNITS = ("cm", "in")
PAPERS = ("a4", "letter")
MODES = ("", "clinician", "solo")
LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_TYPES = ("png", "jpeg")


def _setting_text(limit: int | None) -> Callable[[object, SettingContext], str | None]:
    def check(value: object, context: SettingContext) -> str | None:
        return text_problem(value, limit, msg("the value"))

    return check


def _setting_choice(allowed: tuple[str, ...]) -> Callable[[object, SettingContext], str | None]:
    def check(value: object, context: SettingContext) -> str | None:
        return choice_problem(value, allowed, msg("the value"))

    return check


# bytes → (the picture's type, the bytes to store); ValueError saying why it is refused. The
# check itself reads file formats and lives in the services (app.services.interchange).
CheckPicture = Callable[[bytes], tuple[str, bytes]]


class SettingContext:
    """What a setting may refer to: the measurement keys and athlete ids of its database, and
    the picture check (in services: it reads file formats). ``None``: not checked (reading
    stored settings back checks their types only)."""

    def __init__(
        self,
        measurement_keys: Callable[[], set[str]] | None = None,
        athlete_ids: Callable[[], set[int]] | None = None,
        check_picture: CheckPicture | None = None,
        measurement_rules: Callable[[], Mapping[str, str]] | None = None,
    ) -> None:
        self.measurement_keys = measurement_keys
        self.athlete_ids = athlete_ids
        self.check_picture = check_picture
        self.measurement_rules = measurement_rules


# The values a flag threshold may take, by the rule it serves (the Settings spin boxes use the
# same ranges). An LSI cut-off is a percentage under 100: at 100 or more every athlete flags,
# at 0 none does. A difference is in the test's own unit, and a zero would flag every rounding.
# Pass/fail tests have no threshold at all.
THRESHOLD_RANGE: dict[str, tuple[float, float]] = {"lsi": (0.1, 99.9), "diff": (0.1, 1000.0)}


def threshold_problem(rule: str, value: object, what: str) -> str | None:
    """Why ``value`` cannot be the flag threshold of a measurement with ``rule``, or None."""
    limits = THRESHOLD_RANGE.get(str(rule))
    if limits is None:
        return msg("{what} cannot be set: the measurement is pass/fail", what=what)
    return number_problem(value, limits[0], limits[1], what)


def _default_measurements(value: object, context: SettingContext) -> str | None:
    if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
        return "the value is not a list of measurement keys"
    if len(value) != len(set(value)):
        return "a measurement is listed twice"
    if context.measurement_keys is None:
        return None
    unknown = sorted(set(value) - context.measurement_keys())
    if unknown:
        return f"unknown measurement {unknown[0][:KEY_MAX]!r}"
    return None


def _thresholds(value: object, context: SettingContext) -> str | None:
    if not isinstance(value, dict):
        return "the value is not a table of thresholds"
    known = context.measurement_keys() if context.measurement_keys is not None else None
    for key, threshold in value.items():
        if known is not None and key not in known:
            return f"a threshold for unknown measurement {str(key)[:KEY_MAX]!r}"
        rules = context.measurement_rules() if context.measurement_rules is not None else None
        if rules is not None and key in rules:
            problem = threshold_problem(rules[key], threshold, msg(
                "the threshold of {key}",
                key=key,
            ))
        else:
            problem = number_problem(threshold, 0, NUMBER_MAX, msg(
                "the threshold of {key}",
                key=key,
            ))
        if problem:
            return problem
    return None


def _solo_athlete(value: object, context: SettingContext) -> str | None:
    if value is None:
        return None
    problem = id_problem(value, msg("the athlete id"))
    if problem:
        return problem
    if context.athlete_ids is not None and value not in context.athlete_ids():
        return f"athlete {value} does not exist"
    return None


def _logo(value: object, context: SettingContext) -> str | None:
    import base64
    import binascii

    if not isinstance(value, str):
        return "the value is not text"
    if not value:
        return None
    if len(value) > LOGO_MAX_BYTES * 4 // 3 + 4:
        return f"the logo is larger than {LOGO_MAX_BYTES // 1024 // 1024} MB"
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return "the logo is not base64 data"
    if context.check_picture is None:
        return None
    try:
        kind, _ = context.check_picture(data)
    except ValueError as exc:
        return msg("the logo: {problem}", problem=message_of(exc))
    if kind not in LOGO_TYPES:
        return "the logo must be a PNG or JPEG picture"
    return None


def _marker_colour(value: object, context: SettingContext) -> str | None:
    """The photo goniometer's marker colour: ``RRGGBB`` (DOMAIN.md §8)."""
    if not isinstance(value, str) or not re.fullmatch(r"[0-9A-Fa-f]{6}", value, re.ASCII):
        return "a colour is six hexadecimal digits, RRGGBB (e.g. 00C853)"
    return None


def _settings_version(value: object, context: SettingContext) -> str | None:
    return whole_problem(value, 1, INT_MAX, msg("the settings version"))


SettingCheck = Callable[[object, SettingContext], str | None]
SETTING_CHECKS: Mapping[str, SettingCheck] = {
    "clinic_name": _setting_text(NAME_MAX),
    "logo_png_b64": _logo,
    "length_unit": _setting_choice(LENGTH_UNITS),
    "paper": _setting_choice(PAPERS),
    "default_measurements": _default_measurements,
    "backup_folder": _setting_text(PATH_MAX),
    "thresholds": _thresholds,
    "mode": _setting_choice(MODES),
    "solo_athlete_id": _solo_athlete,
    "marker_colour": _marker_colour,
    "settings_version": _settings_version,
}


def setting_problem(key: str, value: Any, context: SettingContext) -> str | None:
    """Why ``value`` (already parsed from its stored JSON) is not a valid ``key`` setting."""
    check = SETTING_CHECKS.get(key)
    if check is None:
        return msg("unknown setting {value!r}", value=key[:SETTING_KEY_MAX])
    problem = check(value, context)
    return msg("setting {key}: {problem}", key=key, problem=problem) if problem else None
