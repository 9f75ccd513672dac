"""Sentences built from findings, kept as a template and its values so any language can word them.

The suggestion's reasons, watch lines and notes, and the indicator lines, are made in the domain
from numbers (DOMAIN.md §5). A saved program keeps its reasons and shows them later, perhaps to a
reader of another language than the one who saved it. So a sentence is a :class:`Phrase`: its
English template (the gettext key of ``resources/locales/<code>/messages.po``) with named values,
each a plain text (a name as typed), a whole number, a :class:`Quantity` (written with the
reader's decimal mark and unit word), a :class:`Label` (a measurement's name, looked up in the
reader's catalog), a :class:`Joined` list, or another phrase. ``phrase.text(lang)`` words it.

A phrase *is* its English sentence (a ``str``), so the CLI, the English window and every caller
that only reads English keep working unchanged; only code that words for a reader calls
:func:`worded`. Stored, a phrase is ``{"msg": template, "args": {...}}`` (:func:`to_json`);
an old row's plain string is shown as stored (:func:`from_json` keeps it a ``str``).

Templates are written as ``phrase("…")`` so ``pybabel extract -k phrase`` finds them, and the
catalog test checks each is translated.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Union

from app.domain.language import Language, language
from app.domain.messages import Message, msg

Arg = Union[str, int, "Phrase", "Quantity", "Label", "Joined"]


@dataclass(frozen=True)
class Quantity:
    """A measured number with its unit key (``deg``, ``cm``, ``score``, ``reps``, ``points``…)."""

    value: float
    places: int
    unit: str


@dataclass(frozen=True)
class Label:
    """A measurement's short name (``kind="measurement"``) or a drill target's plain words
    (``kind="target"``), by key; ``text`` is the name as it was when a clinic's own key is not
    in the built-in catalog."""

    key: str
    text: str
    kind: str = "measurement"


@dataclass(frozen=True)
class Joined:
    """Values joined by a separator ("; " between watch lines)."""

    items: tuple[Arg, ...]
    sep: str = "; "


class Phrase(Message):
    """A sentence: its English text (the ``str``), its template and its values.

    A :class:`~app.domain.messages.Message` whose values may also be quantities, labels and
    lists, and which can be stored (:func:`to_json`): wherever a Message is shown in a
    language (an error carrying a phrase, ``user_text``) a phrase is worded too.
    """

    msg: str
    args: tuple[tuple[str, Arg], ...]

    def __new__(cls, msg: str, args: Mapping[str, Arg] | None = None) -> Phrase:
        items = tuple((args or {}).items())
        english = _fill(msg, items, language("en"))
        self = str.__new__(cls, english)
        self.msg = self.template = msg
        self.args = items
        self.values = dict(items)
        self.plural = self.number = None
        return self

    def text(self, lang: Language | None) -> str:
        """The sentence in ``lang`` (English: the text it already is)."""
        if lang is None or lang.code == "en":
            return str.__str__(self)
        return _fill(lang.t(self.msg), self.args, lang)

    def __reduce__(self) -> tuple[Any, ...]:  # copies and pickles keep the template
        return (Phrase, (self.msg, dict(self.args)))


def phrase(msg: str, /, **args: Arg) -> Phrase:
    """A phrase of the English template ``msg`` (a message of messages.po) with its values."""
    return Phrase(msg, args)


def _fill(template: str, args: Sequence[tuple[str, Arg]], lang: Language) -> str:
    if not args:
        return template
    return template.format(**{name: word(value, lang) for name, value in args})


def word(value: Arg, lang: Language) -> str:
    """One value as ``lang`` writes it."""
    if isinstance(value, Message):  # a phrase, or an error's message
        return value.text(lang)
    if isinstance(value, str):
        return value
    if isinstance(value, Quantity):
        return quantity_text(value, lang)
    if isinstance(value, Label):
        return label_text(value, lang)
    if isinstance(value, Joined):
        return value.sep.join(word(v, lang) for v in value.items)
    return str(value)


def number_text(value: float, places: int, lang: Language) -> str:
    """``f"{value:.{places}f}"`` with the language's decimal mark: the same rounding as the
    English the app has always shown ("24.0"), "24,0" in German and Spanish."""
    text = f"{value:.{places}f}"
    return text if lang.code == "en" else text.replace(".", lang.decimal_mark)


def quantity_text(q: Quantity, lang: Language) -> str:
    """'24.0°', '6' (a score), '9.0 cm', '31 reps' ('31 Wdh.'), '4 points'."""
    number = number_text(q.value, q.places, lang)
    if q.unit == "deg":
        return number + "°"
    if q.unit == "score":
        return number
    if q.unit in ("reps", "points"):
        return f"{number} {lang.t(q.unit)}"
    return f"{number} {q.unit}"


# Who names a label of each kind in a language, registered by the module that owns the names
# (app.domain.catalog: measurements, app.domain.drills: targets), so this module imports
# neither of them (they build phrases themselves).
_NAMERS: dict[str, Callable[[str, str], str | None]] = {}


def register_names(kind: str, namer: Callable[[str, str], str | None]) -> None:
    """``namer(key, language code)``: the name of a built-in ``kind`` label, or None."""
    _NAMERS[kind] = namer


def label_text(label: Label, lang: Language) -> str:
    """A built-in measurement's (or target's) name in ``lang``; a clinic's as it was written."""
    namer = _NAMERS.get(label.kind)
    name = namer(label.key, lang.code) if namer is not None else None
    return name or label.text


def worded(text: str, lang: Language) -> str:
    """A phrase (or any Message) in ``lang``; any other text (a stored plain string, a user's
    note) as it is."""
    return text.text(lang) if isinstance(text, Message) else text


def worded_all(texts: Sequence[str], lang: Language) -> tuple[str, ...]:
    return tuple(worded(t, lang) for t in texts)


# ---------------------------------------------------------------------------------------------
# Stored form: {"msg": template, "args": {name: value}}


def to_json(text: str) -> object:
    """What a saved program stores for one reason: a phrase's template and values, or the
    plain text."""
    if not isinstance(text, Phrase):
        return str(text)
    return {"msg": text.msg, "args": {name: _arg_json(v) for name, v in text.args}}


def _arg_json(value: Arg) -> object:
    if isinstance(value, Phrase):
        return to_json(value)
    if isinstance(value, str):
        return value
    if isinstance(value, Quantity):
        return {"q": value.value, "places": value.places, "unit": value.unit}
    if isinstance(value, Label):
        return {"label": value.key, "text": value.text, "kind": value.kind}
    if isinstance(value, Joined):
        return {"join": [_arg_json(v) for v in value.items], "sep": value.sep}
    return value


def from_json(value: object) -> str:
    """A stored reason back: a :class:`Phrase`, or a plain string as stored (rows saved before
    reasons were structured). Anything unreadable is shown as its JSON text, never dropped."""
    if isinstance(value, str):
        return value
    try:
        return _phrase_of(value)
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        import json

        return json.dumps(value, ensure_ascii=False)


def _plain_template(template: str) -> str:
    """A stored template may hold only ``{name}`` placeholders: no format spec, conversion,
    attribute or index. A file's ``{x:>2000000000}`` made a 2 GB string before any length
    check, and ``{x.__class__}`` printed the app's internals into the Why box. Every template
    Untwist makes is plain (``phrase("…")`` literals)."""
    import string

    for _, field, spec, conversion in string.Formatter().parse(template):
        if field is not None and (not field.isidentifier() or spec or conversion):
            raise ValueError("a template holds only {name} placeholders")
    return template


def _phrase_of(value: object) -> Phrase:
    if not isinstance(value, dict) or not isinstance(value.get("msg"), str):
        raise ValueError("not a phrase")
    _plain_template(value["msg"])
    args = value.get("args") or {}
    if not isinstance(args, dict):
        raise ValueError("args is not an object")
    return Phrase(value["msg"], {str(k): _arg_of(v) for k, v in args.items()})


def _arg_of(value: object) -> Arg:
    if isinstance(value, bool):
        raise ValueError("a flag is no value")
    if isinstance(value, str | int):
        return value
    if isinstance(value, dict):
        if "msg" in value:
            return _phrase_of(value)
        if "q" in value:
            q, places, unit = value["q"], value.get("places", 1), value.get("unit", "")
            if not isinstance(q, int | float) or not isinstance(places, int):
                raise ValueError("bad quantity")
            if not 0 <= places <= 6:
                raise ValueError("bad quantity")
            return Quantity(float(q), places, str(unit))
        if "label" in value:
            return Label(
                str(value["label"]),
                str(value.get("text", "")),
                str(value.get("kind") or "measurement"),
            )
        if "join" in value and isinstance(value["join"], list):
            return Joined(tuple(_arg_of(v) for v in value["join"]), str(value.get("sep", "; ")))
    raise ValueError("unknown value")


def reason_problem(value: object) -> str | None:
    """Why a stored reason (from a file) cannot be read, or None: a text, or a phrase whose
    template its values fill."""
    if isinstance(value, str):
        return None
    try:
        _phrase_of(value)
    except RecursionError:
        return msg("reasons: an item is nested too deeply")
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        return msg("reasons: an item is neither a text nor a phrase of a template and its values")
    return None


def phrase_text(value: object) -> str:
    """The English words of a stored phrase (checked by :func:`reason_problem` first)."""
    return str(_phrase_of(value))
