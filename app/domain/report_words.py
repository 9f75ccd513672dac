"""The words of the printed reports: the patient's findings and the referrer's progress figures.

Everything here is pure Python and goes through :class:`app.domain.language.Language`, so the
handout and the progress report say the same thing in English, German and Spanish, with the
language's decimal mark and a number never split from its unit. The rules are issue 17's
(DOMAIN.md §4–§5): a difference within measurement error is never called a finding, every
figure the referrer reads carries its error, and a pattern is "findings consistent with",
never a diagnosis, and never printed without the signs that carry it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.asymmetry import (
    AsymmetryChange,
    Comparison,
    Flag,
    display_unit,
    to_display,
)
from app.domain.catalog import MeasurementDef, Rule, builtin_definitions
from app.domain.language import Language
from app.domain.patterns import Indicator, Pattern, PatternResult, Vote
from app.domain.summary import Change, SessionFindings

# The flag words, the same on the findings page, in chart titles, the legend and the progress
# report (issue 18: "some titles say '▲ asymmetric', others only '▲'").
FLAG_WORDS = {
    "asymmetric": "clear difference",
    "watch": "worth watching",
    "ok": "no clear difference",
    "incomplete": "one side only",
}


def flag_word(flag: Flag | str, lang: Language) -> str:
    return lang.t(FLAG_WORDS[Flag(flag).value])


@dataclass(frozen=True)
class MeasurementTexts:
    """A measurement's names and patient sentences in one language."""

    name: str  # the clinician's name ("Hip internal rotation (seated)")
    short: str  # the table's short name ("Hip IR")
    patient_name: str  # the patient's ("Hip turning inwards")
    left_lower: str  # sentences with {left} and {right}; empty for a clinic's measurement
    right_lower: str
    same: str


def measurement_texts(definition: MeasurementDef, lang: Language) -> MeasurementTexts:
    """The catalog's texts for ``definition`` in ``lang``.

    The one place where the reports read a measurement's names and sentences: a built-in's
    come from the per-language catalog (``resources/locales/<code>/measurements.toml``), a
    clinic's own measurement keeps the name it was given.
    """
    d = definition
    if d.builtin:
        d = next((t for t in builtin_definitions(lang.code) if t.key == d.key), d)
    return MeasurementTexts(
        name=d.name,
        short=d.label,
        patient_name=d.patient_name or d.name,
        left_lower=d.patient_left_lower,
        right_lower=d.patient_right_lower,
        same=d.patient_same,
    )


# ---------------------------------------------------------------------------------------------
# Values


def unit_text(unit: str, lang: Language) -> str:
    """A unit as printed after a number ('°', 'cm', 'reps' in the reader's language)."""
    if unit == "deg":
        return "°"
    if unit == "score":
        return ""
    if unit == "reps":
        return lang.t("reps")
    if unit == "points":
        return lang.t("points")
    return unit


def value_text(
    d: MeasurementDef, value: float | None, lang: Language, length_unit: str = "cm"
) -> str:
    """One side's value with its unit, never split: '9,0 cm', '28°', 'pass'."""
    if value is None:
        return "—"
    if d.is_passfail:
        return lang.t("pass") if value >= 1 else lang.t("fail")
    shown = to_display(value, d.unit, length_unit)
    assert shown is not None
    unit = display_unit(d.unit, length_unit)
    return lang.quantity(shown, unit_text(unit, lang), d.places)


def size_text(d: MeasurementDef, value: float, lang: Language, length_unit: str = "cm") -> str:
    """A difference or an error in the measurement's unit ('3 points' for a score)."""
    shown = to_display(value, d.unit, length_unit)
    assert shown is not None
    unit = display_unit(d.unit, length_unit)
    if unit == "score":
        return lang.quantity(shown, lang.t("points"), d.places)
    return lang.quantity(shown, unit_text(unit, lang), d.places)


def signed_text(d: MeasurementDef, value: float | None, lang: Language, length_unit: str) -> str:
    """'+2,5' / '−1,0' (a true minus sign), for R − L and changes."""
    if value is None or d.is_passfail:
        return "—"
    shown = to_display(value, d.unit, length_unit)
    assert shown is not None
    text = lang.number(abs(shown), d.places)
    return ("−" if shown < 0 else "+" if shown > 0 else "±") + text


def error_text(d: MeasurementDef, lang: Language, length_unit: str = "cm") -> str:
    """The measurement error E with its kind: '1,9 cm', '10 LSI points (estimate)'."""
    e = d.error
    if e is None:
        return lang.t("no published error")
    if d.error_in_lsi_points:
        text = lang.quantity(e, lang.t("LSI points"), 0 if float(e).is_integer() else 1)
    else:
        text = size_text(d, e, lang, length_unit)
    return text + (" " + lang.t("(estimate)") if d.mdc_estimate else "")


def percent_text(c: Comparison, lang: Language) -> str:
    """'LSI 87,5 %' / '12 %' / '—' (no % for a score or pass/fail)."""
    d = c.definition
    if d.rule is Rule.PASSFAIL or c.metric is None:
        return "—"
    if d.rule is Rule.LSI:
        return "LSI " + lang.percent(c.metric, 1)
    return lang.percent(c.metric, 0)


# ---------------------------------------------------------------------------------------------
# The patient's sentences


def _listed(items: Sequence[str], lang: Language) -> str:
    if len(items) <= 1:
        return "".join(items)
    return lang.t("{items} and {last}", items=", ".join(items[:-1]), last=items[-1])


def patient_sentence(
    c: Comparison,
    lang: Language,
    length_unit: str = "cm",
    solo: bool = False,
    *,
    vote: bool = False,
) -> str:
    """What one measurement found, in plain words with its numbers.

    The "differs" sentence only for a difference beyond measurement error: a flag of
    ``asymmetric``, a ``watch`` that is past the error but short of the usual limit, or a
    pattern's vote (``vote``: a vote needs a difference beyond the error, DOMAIN.md §5).
    Anything else reads "about the same", with "measure again" when it is past the usual
    limit but within the error.
    """
    d = c.definition
    texts = measurement_texts(d, lang)
    left = value_text(d, c.left, lang, length_unit)
    right = value_text(d, c.right, lang, length_unit)
    if c.left is None or c.right is None:
        return lang.t(
            "{name}: only one side was measured ({left} on the left, {right} on the right).",
            name=texts.patient_name,
            left=left,
            right=right,
        )
    beyond = bool(c.beyond_error) and not c.within_error
    differs = c.diff not in (None, 0) and (
        c.flag is Flag.ASYMMETRIC or (c.flag is Flag.WATCH and beyond) or (vote and beyond)
    )
    if differs:
        left_lower = (c.diff or 0) > 0
        template = texts.left_lower if left_lower else texts.right_lower
        if template:
            sentence = template.format(left=left, right=right)
        else:
            message = (
                "{name}: lower on the left side, by more than measurement error ({left} on the "
                "left, {right} on the right)."
                if left_lower
                else "{name}: lower on the right side, by more than measurement error ({left} "
                "on the left, {right} on the right)."
            )
            sentence = lang.t(message, name=texts.patient_name, left=left, right=right)
    elif texts.same:
        sentence = texts.same.format(left=left, right=right)
    else:
        sentence = lang.t(
            "{name}: no clear difference between your sides ({left} on the left, {right} on "
            "the right).",
            name=texts.patient_name,
            left=left,
            right=right,
        )
    extra = []
    if c.within_error:
        extra.append(
            lang.t(
                "The difference is past the usual limit but within measurement error, so it is "
                "worth measuring again."
            )
        )
    elif c.flag is Flag.WATCH:
        extra.append(lang.t("A small difference, worth keeping an eye on."))
    if c.both_low:
        extra.append(lang.t("Both sides are below the usual value for your age and sex."))
    if c.pain_limited:
        extra.append(
            lang.t("It hurt when tested: ask a health professional to assess it before loading.")
            if solo
            else lang.t("It hurt when tested: your clinician should assess it before loading.")
        )
    return " ".join([sentence, *extra])


def aim_paragraph(findings: SessionFindings, lang: Language, solo: bool = False) -> str:
    """One short paragraph on what the program aims at, never claiming more than was found."""
    comps = [f.comparison for f in findings.findings]
    measured = [c for c in comps if c.flag is not Flag.INCOMPLETE]
    clear = [c for c in comps if c.flag is Flag.ASYMMETRIC and not c.pain_limited]
    painful = [c for c in comps if c.pain_limited]
    result = findings.pattern
    parts = []
    if result.pattern in (Pattern.LEFT, Pattern.MIRROR):
        parts.append(
            lang.t(
                "{pattern}: {count} of the {total} signs we look for point the same way, each "
                "by more than measurement error; this is not a diagnosis. The exercises work on "
                "it from the top down: breathing and ribcage first, then the pelvis, then "
                "whole-body strength.",
                pattern=pattern_text(result.pattern, lang),
                count=len(result.agreeing()),
                total=len(result.indicators),
            )
        )
        outside = [c for c in clear if all(c.key not in i.keys for i in result.indicators)]
        if outside:
            names = [measurement_texts(c.definition, lang).patient_name for c in outside]
            parts.append(lang.t("Other exercises work on: {names}.", names=_listed(names, lang)))
    elif clear:
        names = [measurement_texts(c.definition, lang).patient_name for c in clear]
        parts.append(
            lang.n(
                "Of {total} measurements compared side to side, {count} shows a difference "
                "larger than measurement error: {names}. The exercises work on it.",
                "Of {total} measurements compared side to side, {count} show a difference "
                "larger than measurement error: {names}. The exercises work on these.",
                len(clear),
                total=len(measured),
                names=_listed(names, lang),
            )
        )
    else:
        parts.append(
            lang.n(
                "The {count} measurement compared side to side shows no difference larger than "
                "measurement error. The exercises aim to keep you moving well and strong.",
                "None of the {count} measurements compared side to side shows a difference "
                "larger than measurement error. The exercises aim to keep you moving well and "
                "strong.",
                len(measured),
            )
        )
    if painful:
        names = [measurement_texts(c.definition, lang).patient_name for c in painful]
        who = lang.t("a health professional") if solo else lang.t("your clinician")
        parts.append(
            lang.t(
                "Some tests hurt ({names}): no exercise is added because of them, and {who} "
                "should assess them before loading.",
                names=_listed(names, lang),
                who=who,
            )
        )
    return " ".join(parts)


def vote_sentences(result: PatternResult, lang: Language, length_unit: str = "cm") -> list[str]:
    """The signs that carry a pattern, in plain words with their numbers (the handout)."""
    if result.pattern not in (Pattern.LEFT, Pattern.MIRROR):
        return []
    return [
        patient_sentence(i.comparison, lang, length_unit, vote=True)
        for i in result.agreeing()
        if i.comparison is not None
    ]


# ---------------------------------------------------------------------------------------------
# The referrer's figures (progress report)

_VOTE_WORDS = {
    Vote.LEFT: "left pattern",
    Vote.MIRROR: "mirror pattern",
    Vote.NOT_CLEAR: "not clear",
    Vote.PAIN_LIMITED: "pain-limited",
    Vote.NOT_MEASURED: "not measured",
}

_INDICATOR_NAMES = {
    "hip_ir_deg": "Hip internal rotation",
    "hip_er_deg": "Hip external rotation",
    "foot_posture_index": "Foot posture",
    "thoracic_rot_deg": "Thoracic rotation",
    "adduction_drop_test": "Adduction drop test",
}


def pattern_text(pattern: Pattern, lang: Language) -> str:
    return lang.t(
        {
            "left": "Findings consistent with the common left pattern",
            "mirror": "Findings consistent with the mirror pattern",
            "mixed": "Mixed findings: as many clear signs of the left pattern as of its mirror",
            "none": "No pattern: fewer than three clear indicators agree",
        }[pattern.value]
    )


def indicator_text(i: Indicator, lang: Language, length_unit: str = "cm") -> str:
    """'Hip internal rotation: left pattern (left 24,0°, right 37,0°; difference 13,0°, beyond
    the 5,4° error)' — a vote with its numbers and its error, or why it does not vote."""
    name = lang.t(_INDICATOR_NAMES.get(i.key, i.name))
    vote = lang.t(_VOTE_WORDS[i.vote])
    c = i.comparison
    if c is None or i.vote is Vote.NOT_MEASURED:
        return f"{name}: {vote}"
    return f"{name}: {vote} ({evidence_text(c, lang, length_unit)})"


def evidence_text(c: Comparison, lang: Language, length_unit: str = "cm") -> str:
    """The sides, the difference and the error it was judged against."""
    d = c.definition
    sides = lang.t(
        "left {left}, right {right}",
        left=value_text(d, c.left, lang, length_unit),
        right=value_text(d, c.right, lang, length_unit),
    )
    if c.pain_limited:
        return sides + "; " + pain_text(c, lang)
    if d.is_passfail:
        return sides + "; " + (lang.t("sides differ") if c.diff else lang.t("sides the same"))
    if c.diff is None:
        return sides
    if d.error is None:
        return sides + "; " + lang.t(
            "difference {size}, no published error", size=size_text(d, abs(c.diff), lang,
                                                                     length_unit)
        )  # fmt: skip
    if d.error_in_lsi_points:
        lsi = "—" if c.lsi is None else lang.percent(c.lsi, 1)
        figure = lang.t("LSI {lsi}", lsi=lsi)
    else:
        figure = lang.t("difference {size}", size=size_text(d, abs(c.diff), lang, length_unit))
    judged = (
        lang.t("beyond the {error} error", error=error_text(d, lang, length_unit))
        if c.beyond_error
        else lang.t("within the {error} error", error=error_text(d, lang, length_unit))
    )
    return f"{sides}; {figure}, {judged}"


def pain_text(c: Comparison, lang: Language) -> str:
    parts = [
        lang.t("{side} {pain}/10", side=lang.t(side), pain=pain)
        for side, pain in (("left", c.pain_left), ("right", c.pain_right))
        if pain is not None and pain >= 3
    ]
    return lang.t("pain {sides}", sides=", ".join(parts)) if parts else ""


def side_change_text(
    d: MeasurementDef, change: Change, lang: Language, length_unit: str = "cm"
) -> str:
    """'+3,0 cm, beyond error' / '+1,0 cm, within error' / '—' for one side's change."""
    if change.delta is None:
        return "—"
    if d.is_passfail:
        return lang.t("changed") if change.delta else lang.t("same")
    shown = signed_text(d, change.delta, lang, length_unit)
    unit = unit_text(display_unit(d.unit, length_unit), lang)
    if unit and unit != "°":
        shown += "\u00a0" + unit
    elif unit == "°":
        shown += unit
    if change.real is None:
        return shown
    return shown + " " + (lang.t("(real change)") if change.real else lang.t("(within error)"))


def asymmetry_change_text(
    change: AsymmetryChange | None, lang: Language, length_unit: str = "cm"
) -> str:
    """'reduced from 13° to 4° (beyond the 7,6° error of a change)': within the error it is
    never called a change (DOMAIN.md §4)."""
    if change is None or change.verdict is None:
        return "—"
    d = change.definition
    if d.is_passfail:
        if change.before == change.after:
            return lang.t("sides still differ") if change.after else lang.t("sides still the same")
        return (
            lang.t("sides now the same")
            if change.verdict == "reduced"
            else lang.t("sides now differ")
        )

    def show(value: float | None) -> str:
        if value is None:
            return "—"
        if change.lsi:
            return "LSI " + lang.percent(value, 1)
        return size_text(d, value, lang, length_unit)

    before, after = show(change.before), show(change.after)
    if change.error is None:
        error = ""
    elif change.lsi:
        error = lang.quantity(change.error, lang.t("LSI points"), 1)
    else:
        error = size_text(d, change.error, lang, length_unit)
    if change.verdict == "unchanged":
        if error:
            return lang.t(
                "{before} then {after}: no change beyond the {error} error of a change",
                before=before,
                after=after,
                error=error,
            )
        return lang.t("{before} then {after}: unchanged", before=before, after=after)
    words = {
        "reduced": (
            "reduced from {before} to {after}, beyond the {error} error of a change",
            "reduced from {before} to {after}",
        ),
        "grew": (
            "grew from {before} to {after}, beyond the {error} error of a change",
            "grew from {before} to {after}",
        ),
    }[change.verdict]
    message = words[0] if error else words[1]
    return lang.t(message, before=before, after=after, error=error)


def short_change_text(
    change: AsymmetryChange | None, lang: Language, length_unit: str = "cm"
) -> str:
    """'17,9° → 9,7°: smaller' for the patient's table; within the error: 'no clear change'."""
    if change is None or change.verdict is None:
        return "—"
    d = change.definition
    word = {
        "reduced": lang.t("smaller"),
        "grew": lang.t("larger"),
        "unchanged": lang.t("no clear change"),
    }[change.verdict]
    if d.is_passfail:  # no sizes: whether the sides differ
        if change.before == change.after:
            return lang.t("still differ") if change.after else lang.t("still the same")
        return lang.t("now the same") if change.verdict == "reduced" else lang.t("now differ")

    def show(value: float | None) -> str:
        if value is None:
            return "—"
        if change.lsi:
            return "LSI " + lang.percent(value, 0)
        return size_text(d, value, lang, length_unit)

    return f"{show(change.before)} → {show(change.after)}: {word}"


def status_text(c: Comparison, lang: Language) -> str:
    """The flag with what stands beside it, in the reader's words."""
    words = [flag_word(c.flag, lang)]
    if c.within_error:
        words.append(lang.t("within measurement error"))
    if c.both_low:
        words.append(lang.t("both sides low"))
    if c.pain_limited:
        words.insert(0, lang.t("pain-limited"))
    return " · ".join(words)


def dose_words(sets: str, amount: str, unit: str, each_side: bool, per_week: int,
               lang: Language) -> tuple[str, str]:  # fmt: skip
    """A dose in words: (what to do each time, how often), as the drill pages say it."""
    if unit == "breaths":
        main = lang.t("{sets} rounds of {amount} breaths", sets=sets, amount=amount)
    elif unit == "s":
        main = lang.t("{sets} × hold {amount}\u00a0seconds", sets=sets, amount=amount)
    else:
        main = lang.t("{sets} sets of {amount} reps", sets=sets, amount=amount)
    if each_side:
        main = lang.t("{dose}, each side", dose=main)
    if per_week == 7:
        often = lang.t("every day")
    elif per_week > 7:
        often = lang.t("{count} times a week (about twice a day)", count=per_week)
    else:
        often = lang.n("{count} time a week", "{count} times a week", per_week)
    return main, often
