"""The drill library as this database holds it.

Built-in drills are copied into the ``drills`` table when a database is created, so a clinic
can edit their text; "restore" copies the original back from ``resources/``. Built-ins added by
a later version of Untwist appear from ``resources/`` until they are first edited.

Languages: every read takes the language the reader wants (the window's, a handout's). A row's
own text columns are written in ``drills.language`` (English for the built-ins, as copied; a
clinic's own drill in the language it was written in); edits made in another language are kept
per language in ``drills.language_texts``. So a built-in the clinic has not edited in German
shows the German translation from ``resources/locales``, an edit made in German shows in German
only, and the English text stays the built-in's (or the clinic's English edit). The language a
drill is edited in is the one it was shown in (``Drill.language``). Region, side, targets and
dosage are the same in every language.

A clinic can add its own drills with a picture (PNG, JPG or SVG). The picture is stored in the
database, not beside it, so it travels with backups and the JSON export. Pictures are checked
by :mod:`app.services.pictures` (the domain's one picture check), without Qt, so a bad file is
refused before anything is written and the command line does the same checks; what is stored
is the checked, rebuilt picture, never the file's own bytes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.drills import (
    EDITABLE_FIELDS,
    REGIONS,
    SIDES,
    TARGET_LABELS,
    TEXT_FIELDS,
    UNITS,
    Dosage,
    Drill,
    load_builtin_drills,
    mirror_drill,
    mirror_text,
)
from app.domain.language import DEFAULT_LANGUAGE, LANGUAGES
from app.domain.messages import msg
from app.domain.text import fold
from app.domain.validation import text_problem
from app.models import Drill as DrillRow
from app.models.db import Database
from app.models.seed import drill_row_values
from app.services.catalog import load_catalog
from app.services.errors import FieldError, NotFound, ServiceError, ValidationError
from app.services.pictures import (  # noqa: F401 (the picture names callers know from here)
    IMAGE_MAX_BYTES,
    IMAGE_MAX_PIXELS,
    IMAGE_TYPES,
    ImageInfo,
    ImageProblem,
    check_image,
    read_image,
)
from app.services.versioning import expect_version, versioned_transaction


def _base_language(row: DrillRow) -> str:
    return row.language if row.language in LANGUAGES else DEFAULT_LANGUAGE


def language_texts(row: DrillRow) -> dict[str, dict[str, object]]:
    """The clinic's edits per other language (checked on every way in; unreadable: none)."""
    try:
        value = json.loads(row.language_texts) if row.language_texts else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _texts(values: Mapping[str, Any]) -> dict[str, Any]:
    """An edit's texts as a ``Drill`` holds them (steps and mistakes as tuples)."""
    return {f: tuple(values[f]) if f in ("steps", "mistakes") else values[f] for f in TEXT_FIELDS}


def drill_from_row(row: DrillRow, language: str = DEFAULT_LANGUAGE) -> Drill:
    """The stored drill with its texts in ``language``: the clinic's edit in that language,
    else (a built-in) the built-in translation, else the row's own texts as written."""
    base = _base_language(row)
    drill = Drill(
        key=row.key,
        name=row.name,
        aim=row.aim,
        region=row.region,
        setup=row.setup,
        steps=tuple(json.loads(row.steps)),
        feel=row.feel,
        mistakes=tuple(json.loads(row.mistakes)),
        dosage=Dosage(**json.loads(row.dosage)),
        side=row.side,
        targets=tuple(json.loads(row.targets)),
        illustration=row.illustration or "",
        builtin=row.builtin,
        language=base,
    )
    if language == base or language not in LANGUAGES:
        return drill
    edit = language_texts(row).get(language)
    if isinstance(edit, dict):
        return dataclasses.replace(drill, language=language, **_texts(edit))
    original = _original(row.key, language) if row.builtin else None
    if original is not None:
        return dataclasses.replace(
            drill, language=language, **{f: getattr(original, f) for f in TEXT_FIELDS}
        )
    return drill


def _rows(session: Session) -> list[DrillRow]:
    return list(session.scalars(select(DrillRow).order_by(DrillRow.id)))


def drill_library(
    db: Database, *, include_retired: bool = False, language: str = DEFAULT_LANGUAGE
) -> list[Drill]:
    """Every drill of this database (edited built-ins, custom drills), library order, with
    their texts in ``language`` (see the module's note)."""
    with db.read() as session:
        rows = _rows(session)
    stored = {r.key for r in rows}
    drills = [drill_from_row(r, language) for r in rows if include_retired or not r.retired]
    drills += [d for d in load_builtin_drills(language) if d.key not in stored]
    return drills


def drills_for(db: Database, language: str, *, include_retired: bool = True) -> list[Drill]:
    """The library as a handout in ``language`` prints it (retired drills included, since a
    program may still name them): :func:`drill_library` by the handout's language."""
    return drill_library(db, include_retired=include_retired, language=language)


def get_drill(db: Database, key: str, language: str = DEFAULT_LANGUAGE) -> Drill:
    for d in drill_library(db, include_retired=True, language=language):
        if d.key == key:
            return d
    raise NotFound(msg("No drill {key!r}.", key=key))


def restore_builtin(
    db: Database, key: str, version: int | None = None, language: str = DEFAULT_LANGUAGE
) -> Drill:
    """Put a built-in drill back as shipped in ``language`` (undoing the clinic's edit of its
    texts in that language, and of its dosage, side, region and targets, which every language
    shares); edits of the texts in other languages stay.

    ``version``: the one the caller showed (0: not stored yet); ``None`` restores regardless.
    """
    original = _original(key, language)
    if original is None:
        raise NotFound(msg("{key!r} is not a built-in drill.", key=key))
    what = f"The drill {original.name}"
    with versioned_transaction(db, what, lambda: get_drill_record(db, key, language)) as session:
        row = _row(session, key)
        _check_version(row, version, what)
        english = _original(key)
        assert english is not None
        if row is None:
            session.add(DrillRow(**drill_row_values(english)))
        else:
            edits = language_texts(row)
            keep = {k: v for k, v in edits.items() if k != language}
            values = drill_row_values(english)
            if language != DEFAULT_LANGUAGE:  # the English texts are an edit of their own
                values = {k: v for k, v in values.items() if k not in TEXT_FIELDS}
            for name, value in values.items():
                setattr(row, name, value)
            row.language_texts = _dump_texts(keep)
    return original


# ---------------------------------------------------------------------------------------------
# Records for the library page: a drill with what an editor needs to save it safely


@dataclass(frozen=True)
class DrillRecord:
    drill: Drill
    version: int  # for optimistic locking; 0: a built-in this database does not hold yet
    retired: bool = False
    image_type: str | None = None  # "png" | "jpeg" | "svg": a custom picture is stored
    edited: bool = False  # a built-in whose text differs from the original

    @property
    def key(self) -> str:
        return self.drill.key


def _original(key: str, language: str = DEFAULT_LANGUAGE) -> Drill | None:
    return next((d for d in load_builtin_drills(language) if d.key == key), None)


def _dump_texts(texts: Mapping[str, object]) -> str | None:
    return json.dumps(texts, ensure_ascii=False, sort_keys=True) if texts else None


def _record(row: DrillRow, language: str = DEFAULT_LANGUAGE) -> DrillRecord:
    drill = drill_from_row(row, language)
    original = _original(row.key, drill.language) if row.builtin else None
    return DrillRecord(
        drill=drill,
        version=row.version,
        retired=row.retired,
        image_type=row.image_type if row.image is not None else None,
        edited=original is not None and drill != original,
    )


def _row(session: Session, key: str) -> DrillRow | None:
    return session.scalars(select(DrillRow).where(DrillRow.key == key)).one_or_none()


def drill_records(
    db: Database, *, include_retired: bool = False, language: str = DEFAULT_LANGUAGE
) -> list[DrillRecord]:
    """The library with versions and states, in the same order as :func:`drill_library`."""
    with db.read() as session:
        rows = _rows(session)
        records = [_record(r, language) for r in rows if include_retired or not r.retired]
        stored = {r.key for r in rows}
    records += [
        DrillRecord(d, version=0) for d in load_builtin_drills(language) if d.key not in stored
    ]
    return records


def get_drill_record(db: Database, key: str, language: str = DEFAULT_LANGUAGE) -> DrillRecord:
    for record in drill_records(db, include_retired=True, language=language):
        if record.key == key:
            return record
    raise NotFound(msg("No drill {key!r}.", key=key))


def _check_version(row: DrillRow | None, version: int | None, what: str) -> None:
    """A built-in the database does not hold yet has version 0."""
    expect_version(
        0 if row is None else row.version,
        version,
        what,
        lambda: _record(row) if row is not None else None,
    )


# ---------------------------------------------------------------------------------------------
# Searching (pure: the page filters what it already loaded, as the user types)


def target_names(catalog_labels: Mapping[str, str] | None = None) -> dict[str, str]:
    """Measurement key → words a user might search for (catalog name, plain label)."""
    names = dict(TARGET_LABELS)
    for key, label in (catalog_labels or {}).items():
        names[key] = f"{label} {names[key]}" if key in names else label
    return names


def drill_matches(
    drill: Drill,
    query: str = "",
    *,
    region: str | None = None,
    target: str | None = None,
    names: Mapping[str, str] | None = None,
) -> bool:
    """Does ``drill`` pass the page's filters? Every word of ``query`` must appear somewhere
    in the name, aim, region or targeted measurements (key or name), ignoring case and accents,
    so "hip ir" or "rotation" find what a clinician means."""
    if region and drill.region != region:
        return False
    if target and target not in drill.targets:
        return False
    words = fold(query).split()
    if not words:
        return True
    names = names or {}
    haystack = fold(
        " ".join(
            [
                drill.name,
                drill.aim,
                drill.region,
                *drill.targets,
                *(names.get(t, "") for t in drill.targets),
            ]
        ).replace("_", " ")
    )
    return all(w in haystack for w in words)


# ---------------------------------------------------------------------------------------------
# Validation of a drill the clinic typed

TEXT_MAX = 4000
NAME_MAX = 200
LIST_MAX = 30
_COUNT_RE = re.compile(r"([1-9][0-9]{0,3})(?:\s*[–—-]\s*([1-9][0-9]{0,3}))?")
_NUMBERING_RE = re.compile(r"^\s*(?:\d+[.)]|[-•*])\s+")


def _clean_lines(items: Iterable[str]) -> tuple[str, ...]:
    """One item per line; blank lines dropped; typed numbering or bullets removed (the app
    numbers steps itself, and a pasted "1. …" list would otherwise print "1. 1. …")."""
    out = []
    for item in items:
        for line in str(item).splitlines():
            line = _NUMBERING_RE.sub("", line).strip()
            if line:
                out.append(line)
    return tuple(out)


def _count(value: str, field: str, label: str, errors: list[FieldError]) -> str:
    m = _COUNT_RE.fullmatch(str(value).strip())
    if not m:
        errors.append(
            FieldError(field, msg(
                "{label}: write a number such as 3, or a range such as 3-4.",
                label=label,
            ))
        )
        return str(value)
    low, high = m.group(1), m.group(2)
    if high is None:
        return low
    if int(high) <= int(low):
        errors.append(FieldError(field, msg(
            "{label}: a range goes from low to high, e.g. 3-4.",
            label=label,
        )))
    return f"{low}–{high}"


def validate_drill(drill: Drill, known_targets: Iterable[str]) -> Drill:
    """The drill as it will be stored (texts trimmed, steps cleaned), or every problem at once.

    ``known_targets``: the measurement keys of this database's catalog.
    """
    errors: list[FieldError] = []
    texts: dict[str, str] = {}
    for field, label in (
        ("name", "The name"),
        ("aim", "The aim"),
        ("setup", "The setup"),
        ("feel", "What to feel"),
    ):
        value = str(getattr(drill, field) or "").strip()
        if field == "name":
            value = " ".join(value.split())
        texts[field] = value
        limit = NAME_MAX if field == "name" else TEXT_MAX
        if not value:
            errors.append(FieldError(field, msg(
                "{label} is empty: the patient needs it.",
                label=label,
            )))
        elif len(value) > limit:
            errors.append(FieldError(field, msg(
                "{label} is longer than {limit} characters.",
                label=label,
                limit=limit,
            )))
        elif problem := text_problem(value, None, label, multiline=field != "name"):
            # NUL, control characters
            errors.append(FieldError(field, msg("{problem}.", problem=problem)))
    steps = _clean_lines(drill.steps)
    mistakes = _clean_lines(drill.mistakes)
    if not steps:
        errors.append(FieldError("steps", msg("Write at least one step (one per line).")))
    for field, label, items in (("steps", "steps", steps), ("mistakes", "mistakes", mistakes)):
        if len(items) > LIST_MAX:
            errors.append(FieldError(field, msg(
                "At most {list_max} {label}, please.",
                list_max=LIST_MAX,
                label=label,
            )))
        if any(len(i) > TEXT_MAX for i in items):
            errors.append(FieldError(field, msg("One of the {label} is too long.", label=label)))
        elif any(text_problem(i, None, label, multiline=True) for i in items):
            errors.append(FieldError(field, msg(
                "One of the {label} has a control character.",
                label=label,
            )))
    if drill.region not in REGIONS:
        errors.append(FieldError("region", msg(
            "Choose a region: {join}.",
            join=', '.join(sorted(REGIONS)),
        )))
    if drill.side not in SIDES:
        errors.append(FieldError("side", msg("Choose the side: left, right or both.")))
    known = set(known_targets)
    targets = tuple(dict.fromkeys(drill.targets))
    unknown = [t for t in targets if t not in known]
    if unknown:
        word = "measurement" if len(unknown) == 1 else "measurements"
        errors.append(FieldError("targets", msg(
            "Unknown {word}: {join}.",
            word=word,
            join=', '.join(unknown),
        )))
    d = drill.dosage
    sets = _count(d.sets, "dosage.sets", "Sets", errors)
    amount = _count(d.amount, "dosage.amount", "Amount per set", errors)
    if d.unit not in UNITS:
        errors.append(FieldError("dosage.unit", msg("Choose the unit: breaths, reps or s.")))
    per_week = d.per_week
    if not isinstance(per_week, int) or isinstance(per_week, bool) or not 1 <= per_week <= 14:
        errors.append(FieldError("dosage.per_week", msg(
            "Times per week: a whole number, 1 to 14.",
        )))
    if errors:
        raise ValidationError(errors)
    return dataclasses.replace(
        drill,
        name=texts["name"],
        aim=texts["aim"],
        setup=texts["setup"],
        feel=texts["feel"],
        steps=steps,
        mistakes=mistakes,
        targets=targets,
        dosage=dataclasses.replace(d, sets=sets, amount=amount, each_side=bool(d.each_side)),
    )


def _text_values(d: Drill) -> dict[str, object]:
    """The columns an edit may change (never the key, the built-in flag or the drawing)."""
    values = drill_row_values(d)
    return {k: values[k] for k in EDITABLE_FIELDS}


# ---------------------------------------------------------------------------------------------
# Pictures of custom drills


def drill_image(db: Database, key: str) -> tuple[bytes, str] | None:
    """A custom drill's picture and its type ("png", "jpeg", "svg"); None when the drill has
    none (built-ins: use ``illustration_path``). A mirrored key finds its drill's picture
    (draw it flipped)."""
    with db.read() as session:
        for candidate in dict.fromkeys((key, mirror_text(key))):
            row = _row(session, candidate)
            if row is not None:
                if row.image is None or row.image_type is None:
                    return None
                return bytes(row.image), row.image_type
    return None


# ---------------------------------------------------------------------------------------------
# Editing, adding, retiring


def _known_targets(db: Database) -> list[str]:
    return load_catalog(db).keys()


def save_drill(
    db: Database,
    drill: Drill,
    version: int | None,
    *,
    image_path: Path | str | None = None,
) -> DrillRecord:
    """Save the edited text of an existing drill (built-in or custom), found by its key.

    ``version``: the one the editor loaded (0: a built-in not stored yet); a different stored
    version raises :class:`Conflict` and nothing is written; ``None`` overwrites knowingly.
    ``image_path``: a new picture for a custom drill (checked first; refused → nothing saved).
    A mirrored drill is mirrored back first, so what is stored is always the written side.
    """
    if drill.mirrored:
        drill = mirror_drill(drill)
    drill = validate_drill(drill, _known_targets(db))
    language = drill.language if drill.language in LANGUAGES else DEFAULT_LANGUAGE
    image = read_image(image_path) if image_path is not None else None
    what = f"The drill {drill.name}"
    with versioned_transaction(
        db, what, lambda: get_drill_record(db, drill.key, language)
    ) as session:
        row = _row(session, drill.key)
        if row is None:
            original = _original(drill.key)
            if original is None:
                raise NotFound(msg("No drill {key!r} (deleted elsewhere?).", key=drill.key))
            _check_version(None, version, f"The drill {original.name}")
            row = DrillRow(**drill_row_values(original))
            session.add(row)
        else:
            _check_version(row, version, f"The drill {row.name}")
        if image is not None:
            if row.builtin:
                raise ValidationError.one(
                    "image",
                    msg("Built-in drills keep their drawing; only custom drills take a picture."),
                )
            row.image, row.image_type = image[0], image[1].image_type
        values = _text_values(drill)
        if language != _base_language(row):
            # an edit in another language than the row's own: its texts are kept for that
            # language only; a built-in's text left as translated is not stored (a later
            # version's better translation then shows)
            texts = {f: values.pop(f) for f in TEXT_FIELDS}
            edits = language_texts(row)
            translated = _original(row.key, language) if row.builtin else None
            if translated is not None and all(
                getattr(drill, f) == getattr(translated, f) for f in TEXT_FIELDS
            ):
                edits.pop(language, None)
            else:
                edits[language] = {
                    f: json.loads(str(v)) if f in ("steps", "mistakes") else v
                    for f, v in texts.items()
                }
            row.language_texts = _dump_texts(edits)
        for name, value in values.items():
            setattr(row, name, value)
        session.flush()
        return _record(row, language)


def slug(name: str) -> str:
    """A drill key from its name: ``"Wall Calf Stretch (bent knee)"`` → ``wall-calf-stretch-
    bent-knee``. Names without Latin letters get a stable key from their hash."""
    folded = fold(name)
    words = re.findall(r"[a-z0-9]+", folded)
    key = ""
    for word in words:
        candidate = f"{key}-{word}" if key else word
        if len(candidate) > 80:
            break
        key = candidate
    if not key:
        key = "drill-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    return key


def add_custom_drill(db: Database, drill: Drill, image_path: Path | str | None) -> Drill:
    """Add the clinic's own drill; its key is made from the name and must be new.

    The picture (``image_path``) is checked before anything is written; a refused picture,
    an invalid field or a name already taken leaves the database as it was.
    """
    if drill.mirrored:
        drill = mirror_drill(drill)
    drill = validate_drill(drill, _known_targets(db))
    key = slug(drill.name)
    drill = dataclasses.replace(drill, key=key, builtin=False, illustration="", mirrored=False)
    image = read_image(image_path) if image_path is not None else None
    builtin_keys = {d.key for d in load_builtin_drills()}
    try:
        with db.transaction() as session:
            taken = {r.key: r for r in _rows(session)}
            clash = _clash(key, taken, builtin_keys)
            if clash:
                raise ValidationError.one("name", clash)
            values = drill_row_values(drill)
            language = drill.language if drill.language in LANGUAGES else DEFAULT_LANGUAGE
            values.update(builtin=False, illustration=None, program_order=None, language=language)
            if image is not None:
                values.update(image=image[0], image_type=image[1].image_type)
            session.add(DrillRow(**values))
    except IntegrityError:
        raise ValidationError.one(
            "name", msg(
                "A drill named {name!r} was just added elsewhere; choose another name.",
                name=drill.name,
            )
        ) from None
    return drill


def _clash(key: str, taken: Mapping[str, DrillRow], builtin_keys: set[str]) -> str | None:
    """Why ``key`` cannot be a new drill's key, or None. A key that is the mirror of an
    existing key is refused too: the existing drill's other-side version already has it."""
    for candidate, mirror in ((key, False), (mirror_text(key), True)):
        if candidate == key and mirror:
            continue
        row = taken.get(candidate)
        name = row.name if row is not None else None
        if row is None and candidate in builtin_keys:
            original = _original(candidate)
            name = original.name if original else candidate
        if name is None:
            continue
        if mirror:
            return (
                f"The drill {name!r} already has this name for the other side (its mirrored "
                "version). Choose another name."
            )
        if row is not None and row.retired:
            return (
                f"A retired drill is already named {name!r}. Show retired drills to bring it "
                "back, or choose another name."
            )
        return f"A drill named {name!r} already exists. Choose another name."
    return None


def retire_drill(
    db: Database, key: str, *, retired: bool = True, version: int | None = None
) -> DrillRecord:
    """Hide a custom drill from the library (``retired=False`` brings it back).

    Programs that already use it keep it: nothing is deleted. Built-ins are not retired (edit
    or restore them instead), so the default program and the per-measurement suggestions
    always find their drills.
    """
    with versioned_transaction(
        db, f"The drill {key}", lambda: get_drill_record(db, key)
    ) as session:
        row = _row(session, key)
        if row is None:
            if _original(key) is not None:
                raise ServiceError(msg("Built-in drills cannot be retired; edit them instead."))
            raise NotFound(msg("No drill {key!r}.", key=key))
        if row.builtin:
            raise ServiceError(
                msg(
                    "{name} is a built-in drill and cannot be retired; edit it instead.",
                    name=row.name,
                )
            )
        _check_version(row, version, f"The drill {row.name}")
        row.retired = retired
        session.flush()
        return _record(row)
