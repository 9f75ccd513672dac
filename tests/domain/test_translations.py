"""Drill and catalog texts in every shipped language: complete, mirrored correctly, and the
clinical terms of the glossary used the same way everywhere."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator

import pytest

from app.domain.catalog import (
    _english_tables,
    builtin_definitions,
    language_file_texts,
    measurement_translation,
    text_fields,
    unit_name,
)
from app.domain.drills import (
    REGIONS,
    SIDE_WORDS,
    TEXT_FIELDS,
    UNITS,
    Dosage,
    Drill,
    drill_translation,
    load_builtin_drills,
    mirror_drill,
    mirror_text,
    region_name,
    target_label,
)
from app.domain.language import LANGUAGES
from app.resources import resource_path

SHIPPED = sorted(code for code in LANGUAGES if code != "en")
ENGLISH = load_builtin_drills()

# Every word that begins like a side word, in each language (a wider net than the swap tables:
# an inflection missing from a table is caught here).
SIDE_STEMS = {
    "en": {"left": re.compile(r"\bleft\w*", re.I), "right": re.compile(r"\bright\w*", re.I)},
    "de": {"left": re.compile(r"\blink\w*", re.I), "right": re.compile(r"\brecht\w*", re.I)},
    "es": {
        "left": re.compile(r"\bizquierd\w*", re.I),
        "right": re.compile(r"\bderech\w*", re.I),
    },
}


def _texts(d: Drill) -> Iterator[tuple[str, str]]:
    for name in TEXT_FIELDS:
        value = getattr(d, name)
        if isinstance(value, tuple):
            for i, item in enumerate(value, start=1):
                yield f"{name}[{i}]", item
        else:
            yield name, value


# -- complete ---------------------------------------------------------------------------------


@pytest.mark.parametrize("code", SHIPPED)
def test_every_built_in_drill_has_every_text_in_every_shipped_language(code: str) -> None:
    """No English fallback for a shipped language: every text of every built-in is given."""
    for d in ENGLISH:
        given = drill_translation(code, d.key)
        missing = [f for f in TEXT_FIELDS if f not in given]
        assert not missing, f"{code}: drill {d.key} lacks {missing}"
        for field in ("steps", "mistakes"):
            assert len(given[field]) == len(getattr(d, field)), f"{code}: {d.key}.{field}"
    file = tomllib.loads(resource_path("locales", code, "drills.toml").read_text("utf-8"))
    assert set(file["drill"]) == {d.key for d in ENGLISH}, "keys are the built-ins' keys"


@pytest.mark.parametrize("code", SHIPPED)
def test_translated_drills_differ_from_english_and_keep_everything_else(code: str) -> None:
    for english, translated in zip(ENGLISH, load_builtin_drills(code), strict=True):
        assert translated.language == code
        assert translated.key == english.key and translated.dosage == english.dosage
        assert (translated.side, translated.targets) == (english.side, english.targets)
        for (field, text), (_, original) in zip(_texts(translated), _texts(english), strict=True):
            if field != "name":  # a name may be the same ("90-90 Hip Switch")
                assert text != original, f"{code}: {english.key}.{field} is still English"


@pytest.mark.parametrize("code", SHIPPED)
def test_every_text_of_every_built_in_measurement_is_translated(code: str) -> None:
    """Every text field of the English measurements.toml (names, protocols, sources and the
    patient fields, whichever are there) has its translation: a field added in English
    without one shows here."""
    for table in _english_tables():
        given = measurement_translation(code, table["key"])
        missing = [f for f in text_fields(table) if f not in given]
        assert not missing, f"{code}: measurement {table['key']} lacks {missing}"
    for d in builtin_definitions(code):
        assert unit_name(d.unit, code), d.unit
    units = tomllib.loads(resource_path("locales", code, "measurements.toml").read_text("utf-8"))[
        "units"
    ]
    assert set(units) == {d.unit for d in builtin_definitions()}


# The patient fields the report branch adds to the English measurements.toml: translated here
# ahead of them (the loader uses a translation only once English has the field). Once English
# has them, every other field name must be English's.
AWAITING_ENGLISH = frozenset(
    {"patient_name", "patient_left_lower", "patient_right_lower", "patient_same"}
)
PLACEHOLDER = re.compile(r"\{(\w*)\}")


@pytest.mark.parametrize("code", SHIPPED)
def test_measurement_translations_name_english_fields_and_keep_their_placeholders(
    code: str,
) -> None:
    """A misspelt field would be ignored silently; a lost ``{left}`` would print no value."""
    tables = {t["key"]: t for t in _english_tables()}
    file = tomllib.loads(resource_path("locales", code, "measurements.toml").read_text("utf-8"))
    assert set(file["measurement"]) == set(tables)
    for key, table in tables.items():
        for field, text in language_file_texts(code, key).items():
            assert field in set(text_fields(table)) | AWAITING_ENGLISH, f"{code}: {key}.{field}"
            if field in table:
                english = sorted(PLACEHOLDER.findall(table[field]))
                assert sorted(PLACEHOLDER.findall(text)) == english, f"{code}: {key}.{field}"
            elif field.startswith("patient_") and field != "patient_name":
                assert sorted(PLACEHOLDER.findall(text)) == ["left", "right"], (code, key, field)


@pytest.mark.parametrize("code", SHIPPED)
def test_dosage_words_regions_and_targets_are_translated(code: str) -> None:
    for unit in UNITS:
        dosage = Dosage("2–3", "8–10", unit, True, 3)
        assert dosage.text(code) != dosage.text("en")
    file = tomllib.loads(resource_path("locales", code, "drills.toml").read_text("utf-8"))
    assert set(file["regions"]) == REGIONS  # "pelvis" is the same word in Spanish
    assert region_name("hip", code) != "hip"
    for key in {t for d in ENGLISH for t in d.targets}:
        assert target_label(key, code) != target_label(key), f"{code}: target {key}"


def test_dosage_reads_naturally_in_each_language() -> None:
    each = Dosage("2–3", "8–10", "reps", True, 3)
    breaths = Dosage("3–4", "4–5", "breaths", False, 5)
    assert each.text() == "2–3 × 8–10 reps each side, 3×/week"
    assert each.text("de") == "2–3 × 8–10 Wdh. pro Seite, 3×/Woche"
    assert breaths.text("de") == "3–4 Runden × 4–5 Atemzüge, 5×/Woche"
    if "es" in SHIPPED:
        assert each.text("es") == "2–3 × 8–10 rep. por lado, 3×/semana"
        assert breaths.text("es") == "3–4 rondas × 4–5 respiraciones, 5×/semana"


# -- mirrored ---------------------------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_side_word_of_every_drill_is_in_its_language_s_swap_table(code: str) -> None:
    """A word that looks like a side but is not in the table would stay put when mirrored
    (say German "linkem", or "recht" meaning "quite", which must not be written)."""
    for d in load_builtin_drills(code):
        for field, text in _texts(d):
            for stems in SIDE_STEMS[code].values():
                for word in stems.findall(text):
                    assert word in SIDE_WORDS[code], f"{code}: {d.key}.{field}: {word!r}"


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_the_mirrored_text_has_no_word_of_the_original_side(code: str) -> None:
    """Every left word becomes a right word and back: a text that names only the drill's side
    names only the other side mirrored, and one naming both has the sides exchanged."""
    for d in load_builtin_drills(code):
        mirrored = mirror_drill(d)
        assert mirrored.language == code
        for (field, text), (_, other) in zip(_texts(d), _texts(mirrored), strict=True):
            left, right = SIDE_STEMS[code]["left"], SIDE_STEMS[code]["right"]
            assert len(left.findall(other)) == len(right.findall(text)), (code, d.key, field)
            assert len(right.findall(other)) == len(left.findall(text)), (code, d.key, field)
            if d.side in ("left", "right") and not SIDE_STEMS[code][
                "right" if d.side == "left" else "left"
            ].search(text):
                assert not SIDE_STEMS[code][d.side].search(other), (code, d.key, field, other)
            assert mirror_text(other, code) == text


@pytest.mark.parametrize("code", SHIPPED)
def test_translations_name_the_same_sides_as_the_english(code: str) -> None:
    """A translation that says "right" where the English says "left" would mirror wrongly."""
    for english, translated in zip(ENGLISH, load_builtin_drills(code), strict=True):
        for (field, text), (_, original) in zip(_texts(translated), _texts(english), strict=True):
            sides = {s for s, stem in SIDE_STEMS[code].items() if stem.search(text)}
            english_sides = {s for s, stem in SIDE_STEMS["en"].items() if stem.search(original)}
            assert sides == english_sides, f"{code}: {english.key}.{field}: {text}"


def test_inflected_side_words_swap_with_their_inflection() -> None:
    assert mirror_text("den linken Fuß, ein linkes Bein, mit linkem Arm", "de") == (
        "den rechten Fuß, ein rechtes Bein, mit rechtem Arm"
    )
    assert mirror_text("Links oder RECHTS; der linker Rand", "de") == (
        "Rechts oder LINKS; der rechter Rand"
    )
    assert mirror_text("la mano izquierda, el pie derecho, las costillas Izquierdas", "es") == (
        "la mano derecha, el pie izquierdo, las costillas Derechas"
    )
    # the English table leaves German alone ("links" is an English word too)
    assert mirror_text("chain links", "en") == "chain links"


# -- the glossary -----------------------------------------------------------------------------

GLOSSARY = tomllib.loads(resource_path("locales", "glossary.toml").read_text("utf-8"))["term"]


def _term_pairs(code: str) -> Iterator[tuple[str, str, str]]:
    """(where, English text, its translation) for every text of every built-in."""
    for english, translated in zip(ENGLISH, load_builtin_drills(code), strict=True):
        for (field, text), (_, original) in zip(_texts(translated), _texts(english), strict=True):
            yield f"drill {english.key}.{field}", original, text
    for table in _english_tables():
        given = measurement_translation(code, table["key"])
        for field in text_fields(table):
            if field in given:
                yield f"measurement {table['key']}.{field}", table[field], given[field]


def test_the_glossary_gives_every_term_in_every_language() -> None:
    for term in GLOSSARY:
        assert set(LANGUAGES) <= set(term), term
        for code in LANGUAGES:
            pattern = re.compile(term["match"][code], re.I)
            assert pattern.search(term[code]), f"{term['en']}: {code} match misses its term"


@pytest.mark.parametrize("code", SHIPPED)
def test_translations_use_the_glossary_s_terms(code: str) -> None:
    """Whenever the English text uses a clinical term, the translation uses that language's
    term from resources/locales/glossary.toml (every mismatch is listed at once)."""
    misses = []
    for where, english, translated in _term_pairs(code):
        for term in GLOSSARY:
            if re.search(term["match"]["en"], english, re.I) and not re.search(
                term["match"][code], translated, re.I
            ):
                misses.append(f"{where}: {term['en']!r} → {term[code]!r} missing: {translated}")
    assert not misses, "\n".join(misses)


# -- one term per language across the window, the reports and the catalog ---------------------

SESSION = next(t for t in GLOSSARY if t["en"] == "session")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")  # "{sessions}" is a value, not the word


def _catalog_pairs(code: str) -> Iterator[tuple[str, str, str]]:
    """(where, English, translation) of the window's .ts and the non-Qt catalogs (the reports'
    messages.po and the errors' errors.po)."""
    import xml.etree.ElementTree as ET

    from babel.messages.pofile import read_po

    ts = ET.parse(resource_path("translations", f"untwist_{code}.ts"))
    for message in ts.iter("message"):
        source = message.findtext("source") or ""
        node = message.find("translation")
        if node is None:
            continue
        forms = [n.text or "" for n in node.iter("numerusform")] or [node.text or ""]
        for form in forms:
            yield f"untwist_{code}.ts", source, form
    for catalog in ("messages.po", "errors.po"):
        with resource_path("locales", code, catalog).open("rb") as handle:
            for message in read_po(handle):
                if not message.id or not message.string:
                    continue
                ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
                strings = message.string if isinstance(message.string, tuple | list) else (
                    message.string,
                )  # fmt: skip
                for text in strings:
                    if text:  # Spanish's unused third plural form is empty
                        yield f"{code}/{catalog}", " ".join(ids), text


@pytest.mark.parametrize("code", SHIPPED)
def test_a_session_is_one_word_in_the_window_the_reports_and_the_glossary(code: str) -> None:
    """The window said "Sitzung" and the handout "Termin": every message about a session (or
    a visit) uses the glossary's word, in the .ts and in messages.po alike."""
    english = re.compile(SESSION["match"]["en"], re.I)
    ours = re.compile(SESSION["match"][code], re.I)
    misses = [
        f"{where}: {source!r} → {text!r}"
        for where, source, text in _catalog_pairs(code)
        if english.search(_PLACEHOLDER.sub("", source)) and not ours.search(text)
        and "sessions due" not in source  # the program's exercise sessions (Einheiten)
    ]
    assert not misses, "\n".join(misses)
    others = {"de": r"\btermin", "es": r"\bvisitas?\b|\bcitas?\b"}[code]
    assert not [t for _, _, t in _catalog_pairs(code) if re.search(others, t, re.I)]
