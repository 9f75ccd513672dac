"""The drill library: what a drill is, the built-in drills, mirroring and look-ups.

Built-in drills are read from ``resources/drills.toml`` (English) with the texts of another
language laid over them from ``resources/locales/<code>/drills.toml``, keyed by the drill keys
(the contract); each drill has a line drawing in ``resources/illustrations``. Every built-in is
written for one side (mostly the left, the side the common asymmetry pattern of DOMAIN.md §2
asks to work on); :func:`mirror_drill` gives the version for the other side, with the same
drawing flipped horizontally and the words for left and right swapped in the drill's language
(German and Spanish inflect them: ``linken`` ↔ ``rechten``, ``izquierda`` ↔ ``derecha``).

Pure Python: no Qt, no SQLAlchemy.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal, cast, get_args

from app.domain.catalog import BUILTIN_KEYS
from app.domain.language import DEFAULT_LANGUAGE, LANGUAGES, language
from app.domain.messages import msg
from app.domain.phrases import Label, phrase, register_names
from app.resources import resource_path

Side = Literal["left", "right", "both"]
SIDES: tuple[Side, ...] = get_args(Side)

REGIONS = frozenset(
    {
        "breathing",
        "pelvis",
        "hip",
        "ankle",
        "foot",
        "trunk",
        "balance",
        "power",
        "strength",
        "integration",
    }
)
UNITS = frozenset({"breaths", "reps", "s"})

# The built-in measurement keys (DOMAIN.md §3) a built-in drill may target. Custom drills made
# by a clinic may also target the clinic's own measurement keys; only the file is checked here.
BUILTIN_TARGET_KEYS = frozenset(BUILTIN_KEYS)

# Plain words for the prescription reason; unknown (custom) keys are shown as they are.
TARGET_LABELS: Mapping[str, str] = {
    "ankle_df_lunge_cm": "ankle bend (knee-to-wall distance)",
    "ankle_df_lunge_deg": "ankle bend (lunge angle)",
    "hip_ir_deg": "hip internal rotation",
    "hip_er_deg": "hip external rotation",
    "thoracic_rot_deg": "trunk rotation",
    "foot_posture_index": "foot posture",
    "ybt_anterior_cm": "Y-Balance forward reach",
    "single_hop_cm": "single-leg hop distance",
    "calf_raise_reps": "calf raise endurance",
    "single_leg_bridge_reps": "single-leg bridge endurance",
    "side_plank_s": "side plank hold",
    "adduction_drop_test": "hip adduction drop test",
}

_KEY_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TARGET_RE = re.compile(r"[a-z0-9_]+")
# "3", "3–4" (en dash); a hyphen is accepted in the file and stored as an en dash.
_COUNT_RE = re.compile(r"[1-9][0-9]*(?:[–-][1-9][0-9]*)?")


@dataclass(frozen=True)
class Dosage:
    sets: str  # "3" or a range "3–4" (en dash)
    amount: str  # per set: "4–5"
    unit: str  # "breaths" | "reps" | "s"
    each_side: bool
    per_week: int  # sessions per week

    def text(self, language: str = DEFAULT_LANGUAGE) -> str:
        """E.g. ``"3–4 rounds × 4–5 breaths, 5×/week"`` or ``"3 × 30 s each side, 5×/week"``;
        ``"2–3 × 8–10 Wdh. pro Seite, 3×/Woche"`` in German (the words of :func:`dosage_words`).
        """
        words = dosage_words(language)
        if self.unit == "breaths":
            body = f"{self.sets} {words['rounds']} × {self.amount} {words['breaths']}"
        else:
            body = f"{self.sets} × {self.amount} {words[self.unit]}"
        if self.each_side:
            body += f" {words['each_side']}"
        return f"{body}, {self.per_week}×/{words['week']}"


@dataclass(frozen=True)
class Drill:
    key: str  # slug; also the stem of the built-in's illustration file
    name: str
    aim: str
    region: str
    setup: str
    steps: tuple[str, ...]  # shown numbered; the text carries no numbers
    feel: str
    mistakes: tuple[str, ...]
    dosage: Dosage
    side: Side  # the side the drill works on or emphasises
    targets: tuple[str, ...]  # measurement keys, most relevant first
    illustration: str  # file name inside resources/illustrations
    mirrored: bool = False  # True: draw the illustration flipped horizontally
    builtin: bool = True
    language: str = DEFAULT_LANGUAGE  # the language its texts are written in (for mirroring)


@dataclass(frozen=True)
class Prescription:
    drill: Drill
    dosage: Dosage
    side: Side
    reason: str


# ---------------------------------------------------------------------------------------------
# Mirroring


def _with_cases(pairs: Mapping[str, str]) -> dict[str, str]:
    """Each pair in three spellings (left/Left/LEFT), both ways round."""
    table: dict[str, str] = {}
    for a, b in pairs.items():
        for x, y in ((a, b), (b, a)):
            table[x] = y
            table[x.capitalize()] = y.capitalize()
            table[x.upper()] = y.upper()
    return table


# The words for one side and the other's, per language, every inflection the texts may use.
# German declines the adjective (der linke Fuß, den linken Fuß, ein linker, ein linkes, mit
# linkem) and has the adverbs links/rechts; Spanish agrees in gender and number (el pie
# izquierdo, la mano izquierda, las costillas izquierdas). Words that only look like a side
# ("recht" = quite, "derecho" = straight) must not be written in drill texts: the tests check
# that every word beginning like a side word is in its language's table.
SIDE_WORDS: Mapping[str, Mapping[str, str]] = {
    "en": _with_cases({"left": "right"}),
    "de": _with_cases(
        {
            "links": "rechts",
            "linke": "rechte",
            "linken": "rechten",
            "linker": "rechter",
            "linkes": "rechtes",
            "linkem": "rechtem",
        }
    ),
    "es": _with_cases(
        {
            "izquierda": "derecha",
            "izquierdo": "derecho",
            "izquierdas": "derechas",
            "izquierdos": "derechos",
        }
    ),
}
# Only these spellings are swapped, so mirroring is its own inverse; an odd spelling such as
# "lEft" is left alone. Whole words only: "leftover" and "bright" stay, "left-hip" swaps.
_SIDE_WORD_RE = {
    code: re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words), key=len)[::-1]) + r")\b")
    for code, words in SIDE_WORDS.items()
}


def mirror_text(text: str, language: str = DEFAULT_LANGUAGE) -> str:
    """Swap left and right (whole words, case kept, inflection kept) in ``language``;
    ``mirror_text(mirror_text(t, code), code) == t``. Keys are always mirrored in English."""
    words = SIDE_WORDS[language]
    return _SIDE_WORD_RE[language].sub(lambda m: words[m.group(0)], text)


def mirror_side(side: Side) -> Side:
    if side == "left":
        return "right"
    if side == "right":
        return "left"
    return side


def mirror_drill(d: Drill) -> Drill:
    """The same drill for the other side: texts, key and side swapped, drawing flipped."""
    code = d.language if d.language in SIDE_WORDS else DEFAULT_LANGUAGE
    return replace(
        d,
        key=mirror_text(d.key),
        name=mirror_text(d.name, code),
        aim=mirror_text(d.aim, code),
        setup=mirror_text(d.setup, code),
        steps=tuple(mirror_text(s, code) for s in d.steps),
        feel=mirror_text(d.feel, code),
        mistakes=tuple(mirror_text(m, code) for m in d.mistakes),
        side=mirror_side(d.side),
        mirrored=not d.mirrored,
    )


def for_side(d: Drill, side: Side) -> Drill:
    """The drill as done on ``side``: mirrored when it is written for the other side.

    Drills for both sides, and requests for ``"both"``, come back unchanged.
    """
    if side == "both" or d.side == "both" or d.side == side:
        return d
    return mirror_drill(d)


# ---------------------------------------------------------------------------------------------
# Loading the built-ins

# What a clinic may edit in a drill; the key, the drawing and the program order stay fixed.
EDITABLE_FIELDS = (
    "name",
    "aim",
    "region",
    "setup",
    "steps",
    "feel",
    "mistakes",
    "dosage",
    "side",
    "targets",
)
# ``moves`` and ``rotation`` describe the built-in drawing (see :class:`DrawingFacts`).
_DRILL_FIELDS = frozenset(
    {"key", *EDITABLE_FIELDS, "illustration", "program_order", "moves", "rotation"}
)
_DOSAGE_FIELDS = frozenset({"sets", "amount", "unit", "each_side", "per_week"})


@dataclass(frozen=True)
class DrawingFacts:
    """What a built-in drawing shows, from its drill's table in ``drills.toml``.

    ``side``: the side drawn in blue (the drill's side as written; the left for a drill done
    to both sides). ``moves``: a pale start pose, a solid end pose and a movement arrow.
    ``rotation``: a round inset shows the turn seen from above the head.
    """

    side: Literal["left", "right"]
    moves: bool
    rotation: bool


@dataclass(frozen=True)
class _Library:
    drills: tuple[Drill, ...]
    program: tuple[str, ...]  # keys of the default (left-pattern) program, in order
    drawings: Mapping[str, DrawingFacts]  # by illustration file name


def _problem(key: str, field: str, message: str) -> ValueError:
    return ValueError(msg(
        "drills.toml: drill {key!r}, field {field!r}: {message}",
        key=key,
        field=field,
        message=message,
    ))


def _text(raw: Mapping[str, Any], key: str, field: str) -> str:
    value = raw.get(field)
    if not isinstance(value, str) or not value.strip():
        raise _problem(key, field, msg("must be non-empty text"))
    if value != value.strip():
        raise _problem(key, field, msg("has spaces at the start or end"))
    return value


def _texts(raw: Mapping[str, Any], key: str, field: str) -> tuple[str, ...]:
    value = raw.get(field)
    if not isinstance(value, list) or not value:
        raise _problem(key, field, msg("must be a non-empty list of texts"))
    for i, item in enumerate(value, start=1):
        if not isinstance(item, str) or not item.strip():
            raise _problem(key, field, msg("item {i} must be non-empty text", i=i))
        if re.match(r"\d+[.)]\s", item):
            raise _problem(key, field, msg(
                "item {i} starts with a number; numbering is automatic",
                i=i,
            ))
    return tuple(value)


def _count(raw: Mapping[str, Any], key: str, field: str) -> str:
    value = raw.get(field)
    field = f"dosage.{field}"
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not _COUNT_RE.fullmatch(value):
        raise _problem(key, field, msg('must be a count such as "3" or a range such as "3–4"'))
    value = value.replace("-", "–")
    low, _, high = value.partition("–")
    if high and int(high) <= int(low):
        raise _problem(key, field, msg("a range must go from low to high"))
    return value


def _unknown_fields(unknown: set[str]) -> str:
    word = "field" if len(unknown) == 1 else "fields"
    return f"unknown {word}: {', '.join(sorted(unknown))}"


def _dosage(raw: Any, key: str) -> Dosage:
    if not isinstance(raw, dict):
        raise _problem(key, "dosage", msg("must be a table"))
    unknown = set(raw) - _DOSAGE_FIELDS
    if unknown:
        raise _problem(key, "dosage", _unknown_fields(unknown))
    unit = raw.get("unit")
    if unit not in UNITS:
        raise _problem(key, "dosage.unit", msg(
            "must be one of {join}",
            join=', '.join(sorted(UNITS)),
        ))
    each_side = raw.get("each_side")
    if not isinstance(each_side, bool):
        raise _problem(key, "dosage.each_side", msg("must be true or false"))
    per_week = raw.get("per_week")
    if not isinstance(per_week, int) or isinstance(per_week, bool) or not 1 <= per_week <= 14:
        raise _problem(key, "dosage.per_week", msg("must be a whole number from 1 to 14"))
    return Dosage(
        sets=_count(raw, key, "sets"),
        amount=_count(raw, key, "amount"),
        unit=unit,
        each_side=each_side,
        per_week=per_week,
    )


def parse_drill(raw: Mapping[str, Any], *, illustrations: Sequence[str] | None = None) -> Drill:
    """One ``[[drill]]`` table → :class:`Drill`; raises ``ValueError`` naming the key and field.

    ``illustrations``: the file names that exist, to check the drawing is there (None: no check).
    """
    key = raw.get("key")
    if not isinstance(key, str) or not _KEY_RE.fullmatch(key):
        raise _problem(str(key), "key", msg("must be lowercase words joined by hyphens"))
    unknown = set(raw) - _DRILL_FIELDS
    if unknown:
        raise _problem(key, "(table)", _unknown_fields(unknown))
    region = raw.get("region")
    if region not in REGIONS:
        raise _problem(key, "region", msg("must be one of {join}", join=', '.join(sorted(REGIONS))))
    side = raw.get("side")
    if side not in SIDES:
        raise _problem(key, "side", msg("must be one of {join}", join=', '.join(SIDES)))
    targets = raw.get("targets")
    if not isinstance(targets, list) or not targets:
        raise _problem(key, "targets", msg("must be a non-empty list of measurement keys"))
    for target in targets:
        if not isinstance(target, str) or not _TARGET_RE.fullmatch(target):
            raise _problem(key, "targets", msg(
                "{target!r} is not a measurement key",
                target=target,
            ))
    if len(set(targets)) != len(targets):
        raise _problem(key, "targets", msg("lists a measurement twice"))
    illustration = raw.get("illustration", f"{key}.svg")
    if (
        not isinstance(illustration, str)
        or not illustration.endswith(".svg")
        or "/" in illustration
        or "\\" in illustration
    ):
        raise _problem(key, "illustration", msg("must be an .svg file name (no folders)"))
    if illustrations is not None and illustration not in illustrations:
        raise _problem(key, "illustration", msg(
            "{illustration} is not in resources/illustrations",
            illustration=illustration,
        ))
    return Drill(
        key=key,
        name=_text(raw, key, "name"),
        aim=_text(raw, key, "aim"),
        region=region,
        setup=_text(raw, key, "setup"),
        steps=_texts(raw, key, "steps"),
        feel=_text(raw, key, "feel"),
        mistakes=_texts(raw, key, "mistakes"),
        dosage=_dosage(raw.get("dosage"), key),
        side=cast(Side, side),
        targets=tuple(targets),
        illustration=illustration,
    )


def parse_library(
    data: Mapping[str, Any], *, illustrations: Sequence[str] | None = None
) -> _Library:
    tables = data.get("drill")
    if not isinstance(tables, list) or not tables:
        raise ValueError(msg("drills.toml: no [[drill]] tables"))
    drills: list[Drill] = []
    order: dict[int, str] = {}
    seen: set[str] = set()
    drawings: dict[str, DrawingFacts] = {}
    for raw in tables:
        if not isinstance(raw, dict):
            raise ValueError(msg("drills.toml: every [[drill]] must be a table"))
        drill = parse_drill(raw, illustrations=illustrations)
        for target in drill.targets:
            if target not in BUILTIN_TARGET_KEYS:
                raise _problem(drill.key, "targets", msg(
                    "{target!r} is not a built-in measurement",
                    target=target,
                ))
        mirrored_key = mirror_text(drill.key)
        if drill.key in seen or mirrored_key in seen:
            raise _problem(drill.key, "key", msg("is used twice (or is the mirror of another key)"))
        seen.add(drill.key)
        if "program_order" in raw:
            position = raw["program_order"]
            if not isinstance(position, int) or isinstance(position, bool) or position < 1:
                raise _problem(drill.key, "program_order", msg("must be a whole number from 1"))
            if position in order:
                raise _problem(drill.key, "program_order", msg(
                    "{position} is already taken",
                    position=position,
                ))
            order[position] = drill.key
        flags = {}
        for flag in ("moves", "rotation"):
            value = raw.get(flag, False)
            if not isinstance(value, bool):
                raise _problem(drill.key, flag, msg("must be true or false"))
            flags[flag] = value
        if flags["rotation"] and not flags["moves"]:
            raise _problem(drill.key, "rotation", msg(
                "a drill that turns also moves (moves = true)",
            ))
        drawn: Literal["left", "right"] = "right" if drill.side == "right" else "left"
        drawings[drill.illustration] = DrawingFacts(drawn, **flags)
        drills.append(drill)
    if sorted(order) != list(range(1, len(order) + 1)):
        raise ValueError(msg(
            "drills.toml: program_order must number the program drills 1, 2, 3, …",
        ))
    if not order:
        raise ValueError(msg("drills.toml: no drill has a program_order (the default program)"))
    return _Library(tuple(drills), tuple(order[i] for i in sorted(order)), drawings)


@cache
def _builtin_library() -> _Library:
    path = resource_path("drills.toml")
    with path.open("rb") as f:
        data = tomllib.load(f)
    folder = resource_path("illustrations")
    names = sorted(p.name for p in folder.glob("*.svg")) if folder.is_dir() else []
    return parse_library(data, illustrations=names)


# The texts a language file gives for a built-in drill (the rest is the same in every language).
TEXT_FIELDS = ("name", "aim", "setup", "steps", "feel", "mistakes")
_LIST_FIELDS = frozenset({"steps", "mistakes"})

# English words of a dosage (DOMAIN.md §5) and of the regions; other languages give theirs in
# the [dosage] and [regions] tables of their drills.toml.
_DOSAGE_WORDS = {
    "rounds": "rounds",
    "breaths": "breaths",
    "reps": "reps",
    "s": "s",
    "each_side": "each side",
    "week": "week",
}


@cache
def _language_file(code: str) -> Mapping[str, Any]:
    """``resources/locales/<code>/drills.toml`` ({} for English and for a language without it)."""
    if code == DEFAULT_LANGUAGE:
        return {}
    path = resource_path("locales", code, "drills.toml")
    if not path.is_file():
        return {}
    with path.open("rb") as f:
        return tomllib.load(f)


def drill_translation(code: str, key: str) -> Mapping[str, Any]:
    """The texts ``code``'s file gives for the built-in ``key`` (checked: text, lists of text)."""
    if code not in LANGUAGES:
        raise KeyError(code)
    raw = _language_file(code).get("drill", {}).get(key, {})
    texts: dict[str, Any] = {}
    for name, value in raw.items():
        where = f"locales/{code}/drills.toml: drill {key!r}"
        if name not in TEXT_FIELDS:
            raise ValueError(msg(
                "{where}: {name!r} is not a text of a drill",
                where=where,
                name=name,
            ))
        if name in _LIST_FIELDS:
            texts[name] = _texts({name: value}, key, name)
        else:
            texts[name] = _text({name: value}, key, name)
    return texts


def translate_drill(d: Drill, code: str) -> Drill:
    """The built-in ``d`` (as written, not mirrored) with ``code``'s texts; a text the language
    file lacks stays English (the tests allow none for a shipped language)."""
    if code == d.language:
        return d
    texts = drill_translation(code, d.key)
    return replace(d, language=code, **texts)


@cache
def load_builtin_drills(language: str = DEFAULT_LANGUAGE) -> tuple[Drill, ...]:
    """The built-in drills from ``resources/drills.toml``, in file order, each for its side,
    with their texts in ``language``."""
    drills = _builtin_library().drills
    if language == DEFAULT_LANGUAGE:
        return drills
    return tuple(translate_drill(d, language) for d in drills)


@cache
def dosage_words(language: str = DEFAULT_LANGUAGE) -> Mapping[str, str]:
    """The words of a dosage in ``language``: rounds, breaths, reps, s, each_side, week."""
    words = dict(_DOSAGE_WORDS)
    words.update(_language_file(language).get("dosage", {}))
    return words


def region_name(region: str, language: str = DEFAULT_LANGUAGE) -> str:
    """A region as a reader of ``language`` calls it (a clinic's unknown region as it is)."""
    return str(_language_file(language).get("regions", {}).get(region, region))


def unit_word(unit: str, language: str = DEFAULT_LANGUAGE) -> str:
    """A dosage unit (breaths, reps, s) in ``language``, for choosers and tables."""
    return dosage_words(language).get(unit, unit)


def target_label(key: str, language: str = DEFAULT_LANGUAGE) -> str:
    """The plain words for a targeted measurement (:data:`TARGET_LABELS`) in ``language``."""
    english = TARGET_LABELS.get(key, key)
    return str(_language_file(language).get("targets", {}).get(key, english))


def seed_program_keys() -> tuple[str, ...]:
    """Keys of the default program's drills (DOMAIN.md §5), in program order."""
    return _builtin_library().program


def illustration_path(d: Drill) -> Path:
    """Where the drill's drawing is (draw it flipped when ``d.mirrored``)."""
    return resource_path("illustrations", d.illustration)


def drawing_facts(d: Drill) -> DrawingFacts | None:
    """What the built-in drawing of ``d`` shows, as drawn (not flipped); None when ``d``
    has no built-in drawing (a clinic's own drill)."""
    if not d.illustration:
        return None
    return _builtin_library().drawings.get(d.illustration)


def blue_side(d: Drill) -> Side | None:
    """The side shown in blue in the drawing as the app draws it for ``d``: the drawn side,
    swapped when the drawing is flipped. Read from the drawing, not from ``d.side``, so a
    clinic that changed a built-in's side is not told the drawing shows what it does not."""
    facts = drawing_facts(d)
    if facts is None:
        return None
    return mirror_side(facts.side) if d.mirrored else facts.side


def illustration_legend(d: Drill) -> str | None:
    """The one line printed under a built-in drawing (Qt and PDF): which side is blue and,
    when the drawing shows a movement or a turn, how to read it. None when ``d`` has no
    built-in drawing (a clinic's picture has its own conventions).

    The app draws this line beside the picture instead of baking it into the SVG: it must
    not be flipped with the drawing.
    """
    facts = drawing_facts(d)
    side = blue_side(d)
    if facts is None or side is None:
        return None
    return legend_text(facts, side, d.language)


def legend_text(facts: DrawingFacts, side: Side, code: str = DEFAULT_LANGUAGE) -> str:
    """The legend's words, in one place, in the language the drill's texts are in: ``side``
    is the side drawn in blue as the reader sees the drawing. Whole sentences per side, since
    German and Spanish inflect the side word with its noun."""
    lang = language(code)
    parts = [lang.t("Blue: your left side") if side == "left" else lang.t("Blue: your right side")]
    if facts.moves:
        parts.append(lang.t("pale: start"))
    if facts.rotation:
        parts.append(lang.t("circle: view from above"))
    return " · ".join(parts)


# ---------------------------------------------------------------------------------------------
# Look-ups


def find_drill(key: str, library: Sequence[Drill], *, mirrored: bool = False) -> Drill:
    """The drill stored as (``key``, ``mirrored``), resolving mirrored versions from the library.

    ``find_drill("90-90-right-hip-shift", lib, mirrored=True)`` gives the mirror of the built-in
    "90-90-left-hip-shift". Raises ``KeyError`` when there is no such drill.
    """
    for d in library:
        if d.key == key and d.mirrored == mirrored:
            return d
    for d in library:
        if d.key == mirror_text(key) and d.mirrored != mirrored:
            return mirror_drill(d)
    raise KeyError(f"no drill {key!r}" + (" (mirrored)" if mirrored else ""))


def drills_for_pattern(pattern: str, library: Sequence[Drill]) -> list[Prescription]:
    """The default program for a detected pattern (DOMAIN.md §5).

    ``"left"``: the five program drills in order; ``"mirror"``: the same drills mirrored, same
    order; anything else (``"mixed"``, ``"none"``): nothing — the caller suggests drills per
    flagged measurement instead.
    """
    pattern = str(pattern)
    if pattern not in ("left", "mirror"):
        return []
    keys = seed_program_keys()
    result = []
    for position, key in enumerate(keys, start=1):
        drill = find_drill(key, library)
        if pattern == "mirror":
            drill = mirror_drill(drill)
            reason = f"Step {position} of {len(keys)} of the program for the mirror pattern."
        else:
            reason = (
                f"Step {position} of {len(keys)} of the program for the common "
                "left-pattern asymmetry."
            )
        result.append(Prescription(drill, drill.dosage, drill.side, reason))
    return result


def drills_for_measurement(
    key: str, limited_side: Side, library: Sequence[Drill]
) -> list[Prescription]:
    """Drills that target measurement ``key``, best first, each given for ``limited_side``.

    Best first: drills that list ``key`` earlier in their targets come first; among equals,
    stand-alone drills come before the default-program drills (those work best as the whole
    program), then library order. A one-sided drill written for the other side is mirrored;
    a drill for both sides stays as it is. The same drill is never listed twice.
    """
    program = set(seed_program_keys())
    ranked = []
    for position, d in enumerate(library):
        if key not in d.targets:
            continue
        in_program = d.key in program or mirror_text(d.key) in program
        ranked.append((d.targets.index(key), in_program, position, d))
    ranked.sort(key=lambda item: item[:3])
    label = Label(key, TARGET_LABELS.get(key, key), "target")
    result: list[Prescription] = []
    seen: set[tuple[str, str]] = set()
    for *_, d in ranked:
        drill = for_side(d, limited_side)
        # a drill and its mirror are one drill (for a two-sided drill, a mirror adds nothing)
        identity = (mirror_text(drill.key) if drill.mirrored else drill.key, drill.side)
        if identity in seen:
            continue
        seen.add(identity)
        if drill.side == "both" or limited_side == "both":
            reason: str = phrase("Targets {target}; works both sides.", target=label)
        elif limited_side == "left":
            reason = phrase("Targets {target}; given for the left side, the limited one.",
                            target=label)  # fmt: skip
        else:
            reason = phrase("Targets {target}; given for the right side, the limited one.",
                            target=label)  # fmt: skip
        result.append(Prescription(drill, drill.dosage, drill.side, reason))
    return result


def _target_name(key: str, code: str) -> str | None:
    """A built-in target's plain words in ``code`` (for phrases worded later)."""
    return target_label(key, code) if key in TARGET_LABELS else None


register_names("target", _target_name)
