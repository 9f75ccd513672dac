"""Messages for people that stay English as text and can be shown in the window's language.

Errors and problems are made below the views (domain rules, services, the database layer), where
no one knows who will read them: the CLI prints them in English, word for word (DOMAIN §6/§7:
scripts parse ``line 4: date is in the future (2099-03-02)``), the window shows them in its
language. So a message is made once, as its English *template* and its *values*:

    msg("line {line}: {problem}", line=4, problem=date_problem(...))

A :class:`Message` **is** the English ``str`` (``str(error)``, comparisons, logging and the CLI
see exactly the text they saw before), and :meth:`Message.text` renders it in another language
at display time: the template looked up in ``resources/locales/<code>/errors.po`` (via
:class:`~app.domain.language.Language`), each value rendered in that language too (a value that
is itself a Message is translated; a float gets the language's decimal mark). ``pybabel extract
-k msg -k msg_n:1,2`` finds every template (see docs/DESIGN.md).

Composition keeps the structure only through :func:`msg`: ``f"{a}: {b}"`` or ``a + b`` of two
Messages is plain English text again. :func:`message_of` reads the Message back out of an
exception that carried one.

Pure Python: no Qt, no SQLAlchemy.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.domain.language import Language


class Message(str):
    """English text that remembers the template and values it was made from."""

    template: str
    plural: str | None
    number: int | None
    values: Mapping[str, object]

    def __new__(
        cls,
        template: str,
        values: Mapping[str, object] | None = None,
        *,
        plural: str | None = None,
        count: int | None = None,
    ) -> Message:
        values = dict(values or {})
        chosen = template if plural is None or count == 1 else plural
        english = _render(chosen, values, None, count) if values or count is not None else chosen
        self = super().__new__(cls, english)
        self.template = template
        self.plural = plural
        self.number = count
        self.values = values
        return self

    def text(self, lang: Language | None) -> str:
        """This message in ``lang`` (English, the plain text, for ``None`` or English)."""
        if lang is None or lang.code == "en":
            return str.__str__(self)
        if self.plural is not None and self.number is not None:
            forms = lang.plurals.get((self.template, self.plural))
            index = 0 if self.number == 1 else 1
            if forms and len(forms) > index and forms[index]:
                chosen = forms[index]
            else:
                chosen = self.template if index == 0 else self.plural
        else:
            chosen = lang.messages.get(self.template) or self.template
        return _render(chosen, self.values, lang, self.number)

    def __reduce__(self) -> tuple[Any, ...]:
        # An exception carrying a Message may be pickled (multiprocessing, copy): keep it whole.
        return (_rebuild, (self.template, dict(self.values), self.plural, self.number))


def _rebuild(
    template: str, values: Mapping[str, object], plural: str | None, count: int | None
) -> Message:
    return Message(template, values, plural=plural, count=count)


def msg(template: str, /, **values: object) -> Message:
    """A message: the English ``template`` (``str.format`` placeholders) and its values.

    The template is the catalog key: write it as a literal so that extraction finds it.
    """
    return Message(template, values)


def msg_n(singular: str, plural: str, count: int, /, **values: object) -> Message:
    """A message with a singular and a plural form; ``{count}`` shows ``count``."""
    return Message(singular, values, plural=plural, count=count)


def joined(parts: Iterable[str], separator: str = "; ") -> Message:
    """Messages (or plain texts) joined by ``separator``, each translated on its own.

    The template holds only placeholders (and the separator), so it needs no catalog entry.
    """
    items = list(parts)
    escaped = separator.replace("{", "{{").replace("}", "}}")
    template = escaped.join(f"{{part{i}}}" for i in range(len(items)))
    return Message(template, {f"part{i}": item for i, item in enumerate(items)})


class _Shaped(Message):
    """A message reshaped the same way in every language (a capital and a full stop, or the
    full stop taken off): ``str.capitalize`` or ``rstrip`` on a Message would give plain
    English text."""

    def __new__(cls, phrase: str) -> _Shaped:
        made = str.__new__(cls, cls.shape(str(phrase)))
        made.template, made.plural, made.number = "{phrase}", None, None
        made.values = {"phrase": phrase}
        return made

    @staticmethod
    def shape(text: str) -> str:
        raise NotImplementedError

    def text(self, lang: Language | None) -> str:
        return self.shape(text_in(self.values["phrase"], lang))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.values["phrase"],))


class Sentence(_Shaped):
    """A problem phrase as a form shows it, in any language: capital first letter, full stop."""

    @staticmethod
    def shape(text: str) -> str:
        return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?")) else ".")


class Trimmed(_Shaped):
    """A sentence without its full stop, to go inside a longer message."""

    @staticmethod
    def shape(text: str) -> str:
        return text.rstrip(".")


def trimmed(text: str) -> str:
    """``text.rstrip(".")`` that keeps a Message translatable."""
    return Trimmed(text) if isinstance(text, Message) else text.rstrip(".")


def message_of(exc: BaseException) -> str:
    """The message an exception was raised with: the :class:`Message` itself when it carried
    one (so a caller composing it into a longer message keeps it translatable), else
    ``str(exc)``."""
    args = exc.args
    if len(args) == 1 and isinstance(args[0], Message):
        return args[0]
    render = getattr(exc, "message", None)
    if isinstance(render, Message):
        return render
    return str(exc)


def text_in(value: object, lang: Language | None) -> str:
    """``value`` as shown in ``lang``: a Message translated, anything else as ``str``."""
    if isinstance(value, Message):
        return value.text(lang)
    return str(value)


class Figure(float):
    """A measured value in a message, written as the catalog shows it ("90", "930.5"): a
    whole number without decimals, else one decimal. A float, so the window writes it with its
    language's decimal mark ("930,5")."""

    def __format__(self, spec: str) -> str:
        if spec:
            return float.__format__(self, spec)
        return str(int(self)) if self.is_integer() else float.__format__(self, ".1f")


class _Formatter(string.Formatter):
    """``str.format`` whose values are rendered in a language: Messages translated, floats
    with the language's decimal mark (ints, ids and line numbers are left alone)."""

    def __init__(self, lang: Language | None) -> None:
        self.lang = lang

    def _said(self, value: Any) -> Any:
        # an exception given as a value ("Nothing was restored: {exc}") says its own message
        if isinstance(value, BaseException):
            value = message_of(value)
        return value.text(self.lang) if isinstance(value, Message) else value

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        return super().convert_field(self._said(value), conversion)

    def format_field(self, value: Any, format_spec: str) -> str:
        value = self._said(value)
        formatted = super().format_field(value, format_spec)
        if self.lang is None or isinstance(value, bool) or not isinstance(value, int | float):
            return formatted
        # Python wrote "." as the decimal mark and "," between thousands (a ``:,`` spec):
        # the language's own marks instead (12,5 and 1.234 in German and Spanish).
        if not isinstance(value, float) and "," not in format_spec:
            return formatted  # ids, line numbers, counts: as they are
        marks = {".": self.lang.decimal_mark, ",": self.lang.group_mark}
        return "".join(marks.get(c, c) for c in formatted)


def _render(
    template: str, values: Mapping[str, object], lang: Language | None, count: int | None
) -> str:
    fields = dict(values)
    if count is not None:
        fields.setdefault("count", count)
    if lang is None:
        return template.format(**fields)
    return _Formatter(lang).format(template, **fields)
