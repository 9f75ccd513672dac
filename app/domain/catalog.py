"""The measurement catalog: what can be measured, its valid range and its asymmetry rule.

Built-ins come from ``resources/measurements.toml``; clinics add their own definitions and may
override thresholds. Both go through :class:`Catalog` so every formula sees the same numbers.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache
from typing import Any, TypeVar

from app.domain.language import Language, language
from app.domain.messages import Figure, Message, message_of, msg
from app.domain.phrases import number_text, register_names
from app.domain.validation import (
    KEY_MAX,
    NAME_MAX,
    NOTES_MAX,
    UNIT_MAX,
    Invalid,
    as_number,
    parse_number,
    text_problem,
)
from app.resources import read_text


class Kind(StrEnum):
    NUMBER = "number"
    INTEGER = "integer"
    PASSFAIL = "passfail"


class Rule(StrEnum):
    DIFF = "diff"
    LSI = "lsi"
    PASSFAIL = "passfail"


class ResultRule(StrEnum):
    BEST = "best"
    MEAN = "mean"


PASS = 1.0
FAIL = 0.0
KEY_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


BELOW_ERROR_WARNING = "below measurement error: expect flags from noise"


@dataclass(frozen=True)
class ReferenceValue:
    """A reference mean for one group (sex and age band, where the source gives them).

    Used for "both sides low" (DOMAIN.md §4): the lower limit is mean − SD where the source
    gives an SD, else 80 % of the mean, a rule of thumb the screen names as such.
    """

    mean: float
    sd: float | None = None
    sex: str | None = None  # None: both sexes
    age_min: int | None = None
    age_max: int | None = None
    source: str = ""

    @property
    def lower(self) -> float:
        return self.mean - self.sd if self.sd is not None else self.mean * LOW_FRACTION

    @property
    def rule(self) -> str:
        return "mean − 1 SD" if self.sd is not None else "80 % of the mean (rule of thumb)"

    def age_distance(self, age: int) -> int:
        low = self.age_min if self.age_min is not None else age
        high = self.age_max if self.age_max is not None else age
        return max(low - age, 0, age - high)


LOW_FRACTION = 0.8


def reference_for(
    values: Iterable[ReferenceValue], age: int | None, sex: str | None
) -> ReferenceValue | None:
    """The reference that fits an athlete: their sex (the lower of the sexes' means when it is
    not known or not in the table) and the nearest age band (an age outside the table uses the
    nearest band; without an age, age bands cannot be chosen and nothing is returned)."""
    rows = list(values)
    if not rows:
        return None
    if any(r.age_min is not None or r.age_max is not None for r in rows):
        if age is None:
            return None
        best = min(r.age_distance(age) for r in rows)
        rows = [r for r in rows if r.age_distance(age) == best]
    same_sex = [r for r in rows if r.sex is not None and r.sex == sex]
    if same_sex:
        rows = same_sex
    elif any(r.sex is not None for r in rows):
        rows = [r for r in rows if r.sex is not None]
    return min(rows, key=lambda r: (r.lower, r.age_min or 0))


class InvalidValue(ValueError):
    """A value that cannot be stored for a measurement; the message is shown to the user."""


@dataclass(frozen=True)
class MeasurementDef:
    key: str
    name: str
    unit: str
    kind: Kind
    rule: Rule
    min: float | None = None
    max: float | None = None
    threshold: float | None = None
    strict: bool = False
    threshold_source: str = ""
    mdc: float | None = None
    mdc_lsi: float | None = None
    mdc_source: str = ""
    mdc_estimate: bool = False  # the error is an estimate, not a published figure
    decimals: int | None = None  # shown and judged at this precision (None: by kind)
    reference_values: tuple[ReferenceValue, ...] = ()
    result: ResultRule = ResultRule.MEAN
    higher: str = "better"
    home: bool = False
    reference: str = ""
    reference_short: str = ""  # fits a table cell; ``reference`` has the source
    protocol: str = ""
    short: str = ""
    # the patient's words (resources/measurements.toml explains them); empty for a clinic's own
    # measurement, which gets a generic sentence
    patient_name: str = ""
    patient_left_lower: str = ""
    patient_right_lower: str = ""
    patient_same: str = ""
    builtin: bool = True
    retired: bool = False  # a clinic's measurement no longer offered for new sessions
    default_threshold: float | None = None
    # a clinic's measurement: the stored row's version, which an edit names (optimistic
    # locking); 0 for built-ins. Not part of what the definition means, so not compared.
    version: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        if not self.key or not set(self.key) <= KEY_CHARS:
            raise ValueError(msg(
                "measurement key {key!r}: use lowercase letters, digits and _",
                key=self.key,
            ))
        if self.kind is not Kind.PASSFAIL and (self.min is None or self.max is None):
            raise ValueError(msg(
                "measurement {key}: a valid range (min, max) is required",
                key=self.key,
            ))
        if self.min is not None and self.max is not None and self.min >= self.max:
            raise ValueError(msg("measurement {key}: min must be below max", key=self.key))
        if self.rule is not Rule.PASSFAIL and self.threshold is None:
            raise ValueError(msg("measurement {key}: a threshold is required", key=self.key))
        if (self.kind is Kind.PASSFAIL) != (self.rule is Rule.PASSFAIL):
            raise ValueError(msg(
                "measurement {key}: pass/fail kind and rule go together",
                key=self.key,
            ))
        if self.default_threshold is None:
            object.__setattr__(self, "default_threshold", self.threshold)
        if self.decimals is None:
            object.__setattr__(self, "decimals", 1 if self.kind is Kind.NUMBER else 0)

    @property
    def places(self) -> int:
        """Decimals shown, and used to round each side before it is judged (DOMAIN.md §4)."""
        return self.decimals if self.decimals is not None else 1

    @property
    def error(self) -> float | None:
        """The error E of a side-to-side difference, in the unit of the figure it gates: the
        test's unit (``mdc``), or LSI points for an LSI rule that only has ``mdc_lsi``."""
        return self.mdc if self.mdc is not None else self.mdc_lsi

    @property
    def error_in_lsi_points(self) -> bool:
        return self.mdc is None and self.mdc_lsi is not None

    def error_text(self, lang: Language | None = None) -> str:
        """'1.9 cm (Powden 2015 …)', '3 score (estimate)', or 'not given'; in ``lang`` (English
        by default): its unit word, "estimate" and decimal mark."""
        lang = lang or language("en")
        e = self.error
        if e is None:
            return lang.t("not given")
        units = lang.t("LSI points"), unit_name(self.unit, lang.code)
        unit = units[0] if self.error_in_lsi_points else units[1]
        source = lang.t("estimate") if self.mdc_estimate else self.mdc_source
        if self.mdc_estimate and self.mdc_source and self.mdc_source != "estimate":
            source = self.mdc_source
        number = _num(e) if float(e).is_integer() else number_text(e, 1, lang)
        return f"{number} {unit}" + (f" ({source})" if source else "")

    def threshold_below_error(self, threshold: float | None = None) -> bool:
        """A threshold (this one, or ``threshold`` being typed) set below the error: its flags
        would come from noise, were they not gated by the error (DOMAIN.md §3)."""
        t = self.threshold if threshold is None else threshold
        e = self.error
        if t is None or e is None or self.rule is Rule.PASSFAIL:
            return False
        if self.rule is Rule.LSI:
            return self.error_in_lsi_points and (100.0 - t) < e
        return t < e

    @property
    def label(self) -> str:
        return self.short or self.name

    @property
    def is_passfail(self) -> bool:
        return self.kind is Kind.PASSFAIL

    def range_text(self) -> str:
        if self.is_passfail:
            return msg("pass or fail")
        low = "—" if self.min is None else Figure(self.min)
        high = "—" if self.max is None else Figure(self.max)
        return msg("{low} to {high} {unit}", low=low, high=high, unit=UnitWord(self.unit))

    def rule_text(self, lang: Language | None = None) -> str:
        """The flag rule in words, e.g. 'abs diff ≥ 10 deg' (shown beside thresholds), in
        ``lang`` (English by default)."""
        lang = lang or language("en")
        t = self.threshold
        threshold = _num(t) if t is None or float(t).is_integer() else number_text(t, 1, lang)
        if self.rule is Rule.PASSFAIL:
            return lang.t("sides differ")
        if self.rule is Rule.LSI:
            return f"LSI < {threshold} %"
        op = ">" if self.strict else "≥"
        return lang.t("abs diff {op} {threshold} {unit}", op=op, threshold=threshold,
                      unit=unit_name(self.unit, lang.code))  # fmt: skip

    def validate(self, value: object) -> float:
        """Return ``value`` as a canonical float or raise :class:`InvalidValue` saying why."""
        if (  # the usual case, fast: a stored value in range (a JSON import checks 100,000s)
            type(value) is float
            and self.min is not None
            and self.max is not None
            and self.min <= value <= self.max
            and (self.kind is Kind.NUMBER or (self.kind is Kind.INTEGER and value.is_integer()))
        ):
            return value
        if self.is_passfail:
            if isinstance(value, str):
                text = value.strip().lower()
                if text in ("pass", "p"):
                    return PASS
                if text in ("fail", "f"):
                    return FAIL
                raise InvalidValue(msg("{label}: enter pass or fail", label=self.label))
            if isinstance(value, bool):
                return PASS if value else FAIL
            if value in (PASS, FAIL):
                return float(value)
            raise InvalidValue(msg("{label}: enter pass or fail", label=self.label))
        try:
            # ASCII digits and '.' only (DOMAIN.md §6): float() would also take Arabic-Indic
            # and full-width digits, '1_0', 'inf'; a huge int would overflow.
            number = parse_number(value) if isinstance(value, str) else as_number(value)
        except Invalid as exc:
            raise InvalidValue(
                msg("{label}: {problem}", label=self.label, problem=message_of(exc))
            ) from None
        if self.kind is Kind.INTEGER and number != int(number):
            raise InvalidValue(msg("{label}: must be a whole number", label=self.label))
        assert self.min is not None and self.max is not None
        if not self.min <= number <= self.max:
            raise InvalidValue(
                msg(
                    "{label}: {number} is outside {range}",
                    label=self.label,
                    number=Figure(number),
                    range=self.range_text(),
                )
            )
        return number

    def format_value(self, value: float | None) -> str:
        if value is None:
            return "—"
        if self.is_passfail:
            return "pass" if value >= PASS else "fail"
        return _num(value)


def _num(value: float | None) -> str:
    if value is None:
        return "—"
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}"


_E = TypeVar("_E", bound=StrEnum)


def _member(enum: type[_E], value: object, what: str) -> _E:
    """``enum(value)`` with a message that lists the choices (Python's names the class)."""
    for member in enum:
        if member.value == value:
            return member
    shown = repr(value) if len(repr(value)) <= 30 else "this value"
    raise ValueError(msg(
        "{what} {shown} is not one of {join}",
        what=what,
        shown=shown,
        join=', '.join(m.value for m in enum),
    ))


def definition_from_mapping(
    data: Mapping[str, Any],
    *,
    builtin: bool,
    retired: bool = False,  # TOML or a row, unchecked
) -> MeasurementDef:
    """Build a definition from TOML / database fields, with a clear error for a bad entry."""
    key = str(data.get("key", "?"))
    try:
        fields = dict(data)
        fields["kind"] = _member(Kind, fields["kind"], "kind")
        fields["rule"] = _member(Rule, fields["rule"], "rule")
        fields["result"] = _member(ResultRule, fields.get("result", "mean"), "result")
        for name in ("min", "max", "threshold", "mdc", "mdc_lsi"):
            if fields.get(name) is not None:
                fields[name] = float(fields[name])
        if "reference_values" in fields:
            fields["reference_values"] = tuple(
                ReferenceValue(**r) for r in fields["reference_values"]
            )
        return MeasurementDef(**fields, builtin=builtin, retired=retired)
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(msg("measurement {key}: {exc}", key=key, exc=exc)) from exc


HIGHER = ("better", "neither", "pass")


def definition_problems(d: MeasurementDef) -> list[str]:
    """What is wrong with a clinic's definition beyond what :class:`MeasurementDef` refuses.

    The constructor refuses what would break the catalog at once (an unknown kind, min ≥ max,
    no threshold); these are the limits of the columns and of sound arithmetic, checked
    wherever a definition gets in (the dialog, a JSON import or merge, ``db copy``), so every
    stored definition loads and every comparison stays finite.
    """
    problems: list[str] = []
    if len(d.key) > KEY_MAX:
        problems.append(msg("the key is longer than {key_max} characters", key_max=KEY_MAX))
    if d.key in BUILTIN_KEYS:
        problems.append(msg("{key!r} is a built-in measurement", key=d.key))
    for value, limit, what, required in (
        (d.name, NAME_MAX, "the name", True),
        (d.unit, UNIT_MAX, "the unit", True),
        (d.protocol, NOTES_MAX, "the protocol", False),
    ):
        problem = text_problem(value, limit, what, multiline=what == "the protocol",
                               required=required)  # fmt: skip
        if problem:
            problems.append(problem)
    if d.higher not in HIGHER:
        problems.append(msg("'higher' must be one of {join}", join=', '.join(HIGHER)))
    for name, what in (
        ("min", "the lowest valid value"),
        ("max", "the highest valid value"),
        ("threshold", "the threshold"),
        ("mdc", "the measurement error"),
    ):
        value = getattr(d, name)
        if value is None:
            continue
        try:
            as_number(value)
        except Invalid as exc:
            problems.append(msg("{what}: {problem}", what=what, problem=message_of(exc)))
    if d.threshold is not None and math.isfinite(d.threshold):
        if d.threshold < 0:
            problems.append(msg("the threshold cannot be negative"))
        elif d.rule is Rule.LSI and not 0 < d.threshold < 100:
            problems.append(msg("an LSI cut-off is a percentage between 0 and 100"))
    if d.mdc is not None and math.isfinite(d.mdc) and d.mdc < 0:
        problems.append(msg("the measurement error cannot be negative"))
    if not isinstance(d.strict, bool):
        problems.append(msg("'strict' must be true or false"))
    return problems


def custom_definition(data: Mapping[str, object], *, retired: bool = False) -> MeasurementDef:
    """A clinic's definition from its fields, checked whole; ``ValueError`` says what is wrong.

    Whatever this accepts, :class:`Catalog` loads (next to the built-ins and other customs with
    different keys).
    """
    definition = definition_from_mapping(data, builtin=False, retired=retired)
    problems = definition_problems(definition)
    if problems:
        raise ValueError(msg(
            "measurement {key}: {join}",
            key=definition.key,
            join='; '.join(problems),
        ))
    return definition


def unusable_definition(key: str, name: object, unit: object, version: int = 0) -> MeasurementDef:
    """Stand-in for a stored definition that does not hold together (written before every way
    in checked it, e.g. a JSON import with ``min > max``).

    Without it one bad row stops the window at start-up and every command that reads the
    catalog. The stand-in keeps the sessions' values visible, never flags (an infinite
    threshold), and is not offered for new sessions; the clinic corrects it in Settings.
    ``ValueError`` when even the key is unusable (the caller leaves such a row out).
    """
    shown = name if isinstance(name, str) and name.strip() else key
    return MeasurementDef(
        key=key,
        name=shown,
        unit=unit if isinstance(unit, str) else "",
        kind=Kind.NUMBER,
        rule=Rule.DIFF,
        min=-math.inf,
        max=math.inf,
        threshold=math.inf,
        threshold_source="damaged definition: correct it in Settings",
        builtin=False,
        retired=True,
        version=version,
    )


# Fields of measurements.toml that are words for a reader, not values the app reads: every
# text field but these. A language file (resources/locales/<code>/measurements.toml) gives them
# per measurement key; a field it lacks stays English (a shipped language may lack none).
NOT_WORDS = frozenset({"key", "unit", "kind", "rule", "result", "higher"})


@cache
def _english_tables() -> tuple[dict[str, Any], ...]:
    return tuple(tomllib.loads(read_text("measurements.toml"))["measurement"])


def text_fields(table: Mapping[str, Any]) -> list[str]:
    """The fields of one ``[[measurement]]`` table that a language file translates."""
    return [k for k, v in table.items() if isinstance(v, str) and k not in NOT_WORDS]


@cache
def _language_file(code: str) -> Mapping[str, Any]:
    from app.domain.language import DEFAULT_LANGUAGE, known_language
    from app.resources import resource_path

    code = known_language(code)
    if code == DEFAULT_LANGUAGE:
        return {}
    path = resource_path("locales", code, "measurements.toml")
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def measurement_translation(code: str, key: str) -> dict[str, str]:
    """The texts ``code``'s file gives for the built-in measurement ``key``, for the fields the
    English file has (a translation may arrive before its English field: it waits; the tests
    check every field name against the English and the placeholders of every text)."""
    english = next((t for t in _english_tables() if t["key"] == key), None)
    raw = language_file_texts(code, key)
    allowed = set(text_fields(english)) if english is not None else set()
    return {name: value for name, value in raw.items() if name in allowed}


def language_file_texts(code: str, key: str) -> dict[str, str]:
    """Every text ``code``'s measurements.toml gives for ``key``, as written (checked: text)."""
    raw = _language_file(code).get("measurement", {}).get(key, {})
    for name, value in raw.items():
        if not isinstance(value, str) or not value.strip():
            raise ValueError(msg(
                "locales/{code}/measurements.toml: {key}.{name} is empty or not text",
                code=code,
                key=key,
                name=name,
            ))
    return dict(raw)


class UnitWord(Message):
    """A unit inside a message: its stored key in English ("deg", as the CLI has always
    written it), the reader's word in the window (:func:`unit_name`: "Grad", "grados")."""

    def __new__(cls, unit: str) -> UnitWord:
        self = str.__new__(cls, unit)
        self.template, self.values, self.plural, self.number = unit, {}, None, None
        return self

    def text(self, lang: Language | None) -> str:
        unit = str.__str__(self)
        return unit if lang is None else unit_name(unit, lang.code)

    def __reduce__(self) -> tuple[Any, ...]:
        return (UnitWord, (str.__str__(self),))


def unit_name(unit: str, language: str = "en") -> str:
    """A built-in unit as a reader of ``language`` calls it (``score`` → ``Punkte``); the stored
    unit (the CSV contract) stays the English key. A clinic's own unit is shown as typed."""
    return str(_language_file(language).get("units", {}).get(unit, unit))


@cache
def builtin_definitions(language: str = "en") -> tuple[MeasurementDef, ...]:
    """The built-in measurements with their texts in ``language`` (values are the same)."""
    return tuple(
        definition_from_mapping({**m, **measurement_translation(language, m["key"])}, builtin=True)
        for m in _english_tables()
    )


BUILTIN_KEYS: tuple[str, ...] = (
    "ankle_df_lunge_cm",
    "ankle_df_lunge_deg",
    "hip_ir_deg",
    "hip_er_deg",
    "thoracic_rot_deg",
    "foot_posture_index",
    "ybt_anterior_cm",
    "single_hop_cm",
    "calf_raise_reps",
    "single_leg_bridge_reps",
    "side_plank_s",
    "adduction_drop_test",
)


class Catalog:
    """Built-in plus custom definitions, with a clinic's threshold overrides applied."""

    def __init__(
        self,
        custom: Iterable[MeasurementDef] = (),
        thresholds: Mapping[str, float] | None = None,
        damaged: Iterable[str] = (),
        language: str = "en",
    ) -> None:
        # why a clinic's stored definition could not be used as it is (see
        # :func:`unusable_definition`): shown to the person until they correct it
        self.damaged: tuple[str, ...] = tuple(damaged)
        # the language of the built-ins' names and protocols (a clinic's own: as typed)
        self.language = language
        overrides = thresholds or {}
        defs: dict[str, MeasurementDef] = {}
        for d in (*builtin_definitions(language), *custom):
            if d.key in defs:
                raise ValueError(msg("measurement key {key} is defined twice", key=d.key))
            if d.key in overrides and d.rule is not Rule.PASSFAIL:
                d = replace(d, threshold=float(overrides[d.key]))
            defs[d.key] = d
        self._defs = defs
        self._order = {key: i for i, key in enumerate(defs)}

    def __getitem__(self, key: str) -> MeasurementDef:
        return self._defs[key]

    def __contains__(self, key: object) -> bool:
        return key in self._defs

    def __iter__(self) -> Iterator[MeasurementDef]:
        return iter(self._defs.values())

    def __len__(self) -> int:
        return len(self._defs)

    def get(self, key: str) -> MeasurementDef | None:
        return self._defs.get(key)

    def keys(self) -> list[str]:
        return list(self._defs)

    def order(self, key: str) -> int:
        """Catalog position, used to keep tables in a stable, familiar order."""
        return self._order.get(key, len(self._order))


@cache
def _builtin_labels(code: str) -> dict[str, str]:
    return {d.key: d.label for d in builtin_definitions(code)}


def _builtin_label(key: str, code: str) -> str | None:
    """A built-in measurement's short name in ``code`` (for phrases worded later)."""
    return _builtin_labels(code).get(key)


register_names("measurement", _builtin_label)
