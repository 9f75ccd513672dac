"""Sentences the domain builds (the suggestion's reasons, indicator lines) in the reader's
language: phrases of an English template and values, stored structured (issue 18 point 4)."""

from __future__ import annotations

import json
import re
import string

import pytest
from babel.messages.extract import extract_from_dir

from app.domain.asymmetry import compare
from app.domain.catalog import Catalog
from app.domain.drills import load_builtin_drills
from app.domain.language import language
from app.domain.patterns import detect_pattern, indicator_line
from app.domain.phrases import (
    Phrase,
    from_json,
    phrase,
    to_json,
    worded,
    worded_all,
)
from app.domain.programs import suggest_program

CATALOG = Catalog()
LIBRARY = load_builtin_drills()

# a left pattern with a painful indicator, a supporting ankle, targeted drills and a watch line;
# and a mirror pattern; and findings with no pattern at all
FINDINGS = [
    {
        "hip_ir_deg": (26.0, 40.0),
        "hip_er_deg": (45.0, 32.0),
        "thoracic_rot_deg": (55.0, 41.0),
        "foot_posture_index": (6.0, 1.0),
        "adduction_drop_test": (0.0, 1.0),
        "calf_raise_reps": (20.0, 29.0),
        "single_hop_cm": (100.0, 150.0),
        "ankle_df_lunge_cm": (8.0, 12.0),
        "ybt_anterior_cm": (60.0, 63.0),
    },
    {
        "hip_ir_deg": (40.0, 26.0),
        "hip_er_deg": (32.0, 45.0),
        "thoracic_rot_deg": (41.0, 55.0),
        "foot_posture_index": (1.0, 6.0),
    },
    {"foot_posture_index": (9.0, 2.0), "side_plank_s": (50.0, 80.0), "hip_ir_deg": (30.0, 31.0)},
    {"hip_ir_deg": (30.0, 31.0), "calf_raise_reps": (28.0, 30.0)},
]
PAIN = {"hip_er_deg": 5, "calf_raise_reps": 4}


def suggestion(values, pain=True):
    comps = {
        k: compare(CATALOG[k], left, right, pain_left=PAIN.get(k) if pain else None)
        for k, (left, right) in values.items()
    }
    return suggest_program(comps, detect_pattern(comps), LIBRARY)


def sentences(s) -> list[str]:
    return [
        *s.reasons, *s.watch, s.note, s.message, *s.painful,
        *(i.reason for i in s.items), *(i.notes for i in s.items),
    ]  # fmt: skip


def words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]{4,}", text)}


# words both languages write the same way (abbreviations, names of tests)
SHARED = {"balance", "drop", "test", "error"}


@pytest.mark.parametrize("code", ["de", "es"])
@pytest.mark.parametrize("findings", range(len(FINDINGS)))
def test_a_suggestion_in_german_or_spanish_has_no_english_sentence(code, findings):
    s = suggestion(FINDINGS[findings])
    english, lang = sentences(s), language(code)
    assert any(english)
    for text in english:
        if not text:
            continue
        shown = worded(text, lang)
        left_over = (words(text) & words(shown)) - SHARED - words(_names(code))
        assert not left_over, (text, shown)


def _names(code: str) -> str:
    """What a translation may share with English: the measurement names of that language."""
    from app.domain.catalog import builtin_definitions

    return " ".join(d.label + " " + d.name for d in builtin_definitions(code))


@pytest.mark.parametrize("findings", range(len(FINDINGS)))
def test_english_is_the_text_a_phrase_already_is(findings):
    s = suggestion(FINDINGS[findings])
    for text in sentences(s):
        assert worded(text, language("en")) == text
        assert type(worded(text, language("en"))) in (str, Phrase)


def test_numbers_take_the_language_s_decimal_mark():
    s = suggestion(FINDINGS[0])
    line = next(r for r in s.reasons if r.startswith("Hip internal rotation"))
    assert "left 26.0°, right 40.0°" in line
    assert "links 26,0°, rechts 40,0°" in worded(line, language("de"))
    assert "izquierda 26,0°, derecha 40,0°" in worded(line, language("es"))


def test_the_indicator_line_names_the_indicator_in_the_reader_s_words():
    comps = {k: compare(CATALOG[k], *v) for k, v in FINDINGS[0].items()}
    result = detect_pattern(comps)
    line = indicator_line(result.indicators[0])
    assert line.startswith("Hip internal rotation: left pattern (")
    assert worded(line, language("de")).startswith("Hüftinnenrotation: Linksmuster (")


@pytest.mark.parametrize("findings", range(len(FINDINGS)))
def test_stored_and_read_back_a_phrase_words_the_same_in_every_language(findings):
    import json

    for text in sentences(suggestion(FINDINGS[findings])):
        back = from_json(json.loads(json.dumps(to_json(text))))
        for code in ("en", "de", "es"):
            assert worded(back, language(code)) == worded(text, language(code))


def test_a_plain_stored_string_shows_as_stored():
    assert from_json("Findings consistent with the common left-pattern asymmetry.") == (
        "Findings consistent with the common left-pattern asymmetry."
    )
    assert worded_all(["as typed"], language("de")) == ("as typed",)
    # something unreadable is shown as its JSON text, never dropped
    broken = {"msg": "{missing}", "args": {"other": 1}}
    assert from_json(broken) == '{"msg": "{missing}", "args": {"other": 1}}'


def test_a_phrase_without_a_translation_falls_back_to_english():
    assert phrase("no such {thing}", thing="message").text(language("de")) == "no such message"


# -- the catalogs -------------------------------------------------------------------------


def _templates(keywords: dict | None = None) -> set[str]:
    found = extract_from_dir(
        _app_dir(),
        method_map=[("**.py", "python")],
        keywords=keywords or {"phrase": None},
    )
    return {msg for _file, _line, msg, _comments, _context in found if isinstance(msg, str)}


def _app_dir() -> str:
    import app

    return str(__import__("pathlib").Path(app.__file__).parent)


def _fields(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def _glue(template: str) -> bool:
    """Only placeholders and punctuation: nothing to translate."""
    return not re.search(r"[^\W\d_]", re.sub(r"\{[^}]*\}", "", template))


@pytest.mark.parametrize("code", ["de", "es"])
def test_every_phrase_template_is_translated_with_its_placeholders(code):
    templates = _templates()
    assert "Pain-limited: {line}" in templates and len(templates) > 40
    lang = language(code)
    missing = sorted(t for t in templates if not _glue(t) and t not in lang.messages)
    assert not missing
    for t in templates:
        if t in lang.messages:
            assert _fields(lang.messages[t]) == _fields(t), t


def _lang_t_messages() -> set[str]:
    """Literal first arguments of ``lang.t(…)`` / ``lang.n(…)`` in the app (read with ast, so
    implicitly joined literals come out whole)."""
    import ast
    from pathlib import Path

    found: set[str] = set()
    for path in Path(_app_dir()).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("t", "n")
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "lang"
            ):
                literals = [a for a in node.args[: 2 if node.func.attr == "n" else 1]]
                found |= {
                    a.value for a in literals
                    if isinstance(a, ast.Constant) and isinstance(a.value, str)
                }  # fmt: skip
    return found


@pytest.mark.parametrize("code", ["de", "es"])
def test_every_message_the_domain_and_reports_word_with_lang_t_is_translated(code):
    """``lang.t("…")`` call sites (the reports, the catalog's error and rule words): each
    literal message is in the shipped catalog with its placeholders."""
    templates = _lang_t_messages()
    assert "abs diff {op} {threshold} {unit}" in templates and len(templates) > 50
    lang = language(code)
    plural_ids = {one for one, _other in lang.plurals} | {o for _one, o in lang.plurals}
    missing = sorted(
        t for t in templates
        if not _glue(t) and t not in lang.messages and t not in plural_ids
    )  # fmt: skip
    assert not missing
    for t in templates:
        if t in lang.messages:
            assert _fields(lang.messages[t]) == _fields(t), t


@pytest.mark.parametrize(
    "template",
    ["{x:>50000000}", "{x.__class__.__mro__}", "{x[0]}", "{x!r}", "{0}", "{}"],
)
def test_a_stored_template_holds_only_plain_placeholders(template):
    """A file's reason rendered a 50 MB padding or the app's internals before any check."""
    from app.domain.phrases import from_json, reason_problem

    stored = {"msg": template, "args": {"x": "a"}}
    assert reason_problem(stored) is not None
    assert from_json(stored) == json.dumps(stored, ensure_ascii=False)  # shown as stored
