"""The rows of a whole database checked before they are written: JSON import, ``--merge`` and
``db copy`` (DOMAIN.md §6, the export schema).

Forms and CSV build their records through the services, which check them with the same value
rules (:mod:`app.domain.validation`, :mod:`app.domain.dates`, the catalog's definitions).
These paths instead carry rows, table by table, so one :class:`RowChecker` reads them in
:data:`TABLE_ORDER` (parents first) and says, for each row, what would make the stored
database unusable or unportable:

* values the forms would refuse: ranges, enums, lengths, dates, pain 0–10, dosages;
* what PostgreSQL would refuse but SQLite stores: NUL in text, ids above 2³¹−1;
* what would break reading later: a custom measurement the catalog cannot load, a drill whose
  steps are not a list, a program item naming no drill, a setting of the wrong type;
* what the unique constraints would refuse mid-transaction: two drills with one key, one
  measurement twice in a session, a repeated id;
* references to rows that are not there.

Pictures (drill images, the logo) are checked by a function the caller passes in
(``check_picture``), since reading file formats is the services' job.

Pure Python: no Qt, no SQLAlchemy. Rows hold Python values (dates, bytes, …) as the database
driver or the JSON decoder gives them.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeGuard

from app.domain.asymmetry import MAX_TRIALS
from app.domain.catalog import (
    InvalidValue,
    MeasurementDef,
    builtin_definitions,
    custom_definition,
)
from app.domain.dates import date_problem, datetime_problem
from app.domain.drills import REGIONS, TEXT_FIELDS, load_builtin_drills, mirror_text
from app.domain.goniometer import PHOTO_SIDES, STORED_MAX_SIDE, photo_problems
from app.domain.language import LANGUAGES
from app.domain.messages import message_of, msg, trimmed
from app.domain.patterns import Pattern
from app.domain.pictures import RASTER_KINDS, PictureProblem, check_picture
from app.domain.programs import MAX_ITEMS, MAX_WEEKS, program_end, validate_dosage
from app.domain.programs import NOTES_MAX as PROGRAM_NOTES_MAX
from app.domain.progress_notes import note_problem
from app.domain.text import folded_name
from app.domain.validation import (
    DRILL_KEY_MAX,
    DRILL_LIST_MAX,
    DRILL_TEXT_MAX,
    INT_MAX,
    NAME_MAX,
    NOTES_MAX,
    PAIN_MAX,
    PAIN_MIN,
    SETTING_KEY_MAX,
    SIDES_OR_BOTH,
    CheckPicture,
    SettingContext,
    athlete_problems,
    choice_problem,
    clean_name,
    id_problem,
    setting_problem,
    text_problem,
    whole_problem,
)

# Parents before children, and what a row may refer to before it: custom measurements before
# the drills, settings and measurements that name them; drills before program items.
TABLE_ORDER = (
    "athletes",
    "measurement_definitions",
    "drills",
    "settings",
    "progress_notes",
    "assessments",
    "measurements",
    "measurement_photos",
    "programs",
    "program_items",
    "adherence_entries",
)
# (table, column) → the table it refers to: the foreign keys of app/models/tables.py (a test
# checks they agree), checked here so a bad reference is a row problem, not a driver error.
REFERENCES: Mapping[tuple[str, str], str] = {
    ("assessments", "athlete_id"): "athletes",
    ("progress_notes", "athlete_id"): "athletes",
    ("measurements", "assessment_id"): "assessments",
    ("measurement_photos", "measurement_id"): "measurements",
    ("programs", "athlete_id"): "athletes",
    ("program_items", "program_id"): "programs",
    ("adherence_entries", "item_id"): "program_items",
}
_REFERENCES_OF: Mapping[str, tuple[tuple[str, str], ...]] = {
    table: tuple((column, target) for (t, column), target in REFERENCES.items() if t == table)
    for table in TABLE_ORDER
}
# Columns (besides the id) whose values must not repeat: the unique constraints.
UNIQUE: Mapping[str, tuple[tuple[str, ...], ...]] = {
    "drills": (("key",),),
    "measurement_definitions": (("key",),),
    "settings": (("key",),),
    "measurements": (("assessment_id", "key"),),
    "measurement_photos": (("measurement_id", "side", "trial"),),
    "adherence_entries": (("item_id", "date"),),
    "progress_notes": (("athlete_id",),),
}
PAIN = (PAIN_MIN, PAIN_MAX)
DOSAGE_FIELDS = frozenset({"sets", "amount", "unit", "each_side", "per_week"})
IMAGE_TYPES = ("png", "jpeg", "svg")
_RESULTS = ("left", "right")
_VALUE_COLUMNS = tuple(
    (side, (*(f"{side}_{n}" for n in range(1, MAX_TRIALS + 1)), side)) for side in _RESULTS
)


@dataclass(frozen=True)
class RowProblem:
    table: str
    index: int  # the row's position in its table, from 1
    message: str

    def __str__(self) -> str:
        return f"{self.table} row {self.index}: {self.message}"


class RowChecker:
    """Checks a whole database's rows, table by table in :data:`TABLE_ORDER`.

    ``today``/``now``: the limits of dates and time stamps. ``check_picture``: bytes → the
    picture's type (``png``/``jpeg``/``svg``) and the bytes to store, or ``ValueError``.
    ``definitions``, ``drill_keys``: what the target database already holds (a merge keeps
    its own definition where the file's has the same key, so values are checked against it).
    ``skip_settings``: setting keys the caller will not take (paths): not checked.
    """

    def __init__(
        self,
        today: dt.date,
        now: dt.datetime,
        check_picture: CheckPicture,
        *,
        definitions: Iterable[MeasurementDef] = (),
        drill_keys: Iterable[str] = (),
        skip_settings: Iterable[str] = (),
    ) -> None:
        self.today = today
        self.now = now
        self.check_picture = check_picture
        self.skip_settings = frozenset(skip_settings)
        self.defs: dict[str, MeasurementDef] = {d.key: d for d in builtin_definitions()}
        self.target_defs = {d.key for d in definitions}
        self.defs.update({d.key: d for d in definitions})
        builtin_drills = load_builtin_drills()
        self.drill_keys: set[str] = {d.key for d in builtin_drills} | set(drill_keys)
        self.illustrations = frozenset(d.illustration for d in builtin_drills)
        self.ids: dict[str, set[int]] = {name: set() for name in TABLE_ORDER}
        self.unique: dict[tuple[str, tuple[str, ...]], set[tuple[object, ...]]] = {}
        self.programs: dict[int, tuple[dt.date, int]] = {}  # id → (start, weeks)
        self.item_program: dict[int, int] = {}  # program item id → program id
        self.items_per_program: dict[int, int] = {}
        self.positions: set[tuple[int, object]] = set()  # (program id, position) taken
        self.settings = SettingContext(
            lambda: set(self.defs),
            lambda: self.ids["athletes"],
            self.check_picture,
            lambda: {key: d.rule for key, d in self.defs.items()},
        )

    # -- the one entry point ---------------------------------------------------------------

    def check(self, table: str, row: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
        """The row as it is to be stored (names in NFC) and its problems (empty: fine)."""
        out = dict(row)
        problems: list[str] = []
        keys = _unique_values(table, out)
        repeated = self._identity(table, out, keys, problems)
        checker = getattr(self, f"_{table}", None)
        if checker is None:
            problems.append(msg("table {table} is not known", table=table))
        else:
            checker(out, problems)
        for column, target in _REFERENCES_OF.get(table, ()):
            value = out.get(column)
            if value is not None and value not in self.ids[target]:
                problems.append(msg(
                    "{column} {shown} is not in {target}",
                    column=column,
                    shown=_shown(value),
                    target=target,
                ))
        if not repeated:  # a bad row is reported once, not again through its children
            self._remember(table, out, keys)
        return out, problems

    def accept(self, table: str, row: Mapping[str, Any]) -> None:
        """Remember a row without checking it (one already refused for its types), so rows
        that refer to it are not reported as well."""
        if table == "settings" or id_problem(row.get("id")) is None:
            self._remember(table, row, _unique_values(table, row))
        if table == "drills" and isinstance(row.get("key"), str):
            self.drill_keys.add(row["key"])

    def check_all(
        self, tables: Mapping[str, list[dict[str, Any]]], limit: int = 1000
    ) -> tuple[dict[str, list[dict[str, Any]]], list[RowProblem]]:
        """Every table of ``tables`` (missing ones: empty), at most ``limit`` problems."""
        out: dict[str, list[dict[str, Any]]] = {}
        problems: list[RowProblem] = []
        for name in TABLE_ORDER:
            rows = []
            for index, row in enumerate(tables.get(name, ()), start=1):
                if len(problems) >= limit:
                    break
                cleaned, found = self.check(name, row)
                problems.extend(RowProblem(name, index, p) for p in found)
                rows.append(cleaned)
            out[name] = rows
        return out, problems

    # -- identity, references, uniqueness --------------------------------------------------

    def _identity(
        self,
        table: str,
        row: dict[str, Any],
        keys: list[tuple[tuple[str, ...], tuple[object, ...]]],
        problems: list[str],
    ) -> bool:
        """Check the id (and the unique columns); True when the row repeats another's key."""
        repeated = False
        if table != "settings":
            problem = id_problem(row.get("id"), "id")
            if problem:
                problems.append(problem)
                repeated = True
            elif row["id"] in self.ids[table]:
                problems.append(msg("id {value} repeats", value=row['id']))
                repeated = True
        for columns, value in keys:
            if value in self.unique.get((table, columns), ()):
                what = " and ".join(f"{c} {_shown(v)}" for c, v in zip(columns, value, strict=True))
                problems.append(msg("{what} repeats", what=what))
                repeated = True
        version = row.get("version")
        if version is not None:
            _add(problems, whole_problem(version, 1, INT_MAX, "version"))
        return repeated

    def _remember(
        self,
        table: str,
        row: Mapping[str, Any],
        keys: list[tuple[tuple[str, ...], tuple[object, ...]]],
    ) -> None:
        if table != "settings":
            self.ids[table].add(row["id"])
        for columns, value in keys:
            self.unique.setdefault((table, columns), set()).add(value)

    # -- tables -------------------------------------------------------------------------------

    def _athletes(self, row: dict[str, Any], problems: list[str]) -> None:
        problems.extend(p for _, p in athlete_problems(row, self.today))
        if isinstance(row.get("name"), str) and not problems:
            row["name"] = clean_name(row["name"])
            row["folded_name"] = folded_name(row["name"])  # derived: never taken from a file
        self._flag(row, "archived", problems)
        self._created(row, problems)

    def _measurement_definitions(self, row: dict[str, Any], problems: list[str]) -> None:
        fields = {k: v for k, v in row.items() if k not in ("id", "retired", "version")}
        for optional in ("strict", "result", "higher"):
            if fields.get(optional) is None:
                fields.pop(optional, None)
        fields["protocol"] = row.get("protocol") or ""
        key = row.get("key")
        if not isinstance(key, str):
            problems.append(msg("the key is not text"))
            return
        try:
            definition = custom_definition(fields, retired=bool(row.get("retired")))
        except ValueError as exc:
            problems.append(str(exc).removeprefix(f"measurement {key}: "))
            return
        self._flag(row, "retired", problems)
        if not problems and key not in self.target_defs:
            self.defs[key] = definition  # a merge keeps the target's own definition

    def _drills(self, row: dict[str, Any], problems: list[str]) -> None:
        key = row.get("key")
        _add(problems, text_problem(key, DRILL_KEY_MAX, msg("the key"), required=True))
        if isinstance(key, str) and not _drill_key_ok(key):
            problems.append(msg("the key must be lowercase words joined by hyphens"))
        _add(problems, text_problem(row.get("name"), NAME_MAX, msg("the name"), required=True))
        for column in ("aim", "setup", "feel"):
            if row.get(column) is not None:
                _add(problems, text_problem(row[column], DRILL_TEXT_MAX, column, multiline=True))
        for column, required in (("steps", True), ("mistakes", False)):
            _add(problems, _text_list(row.get(column), column, required=required))
        _add(problems, choice_problem(row.get("region"), tuple(sorted(REGIONS)), msg("the region")))
        _add(problems, choice_problem(row.get("side"), SIDES_OR_BOTH, msg("the side")))
        _add(problems, self._targets(row.get("targets")))
        _add(problems, dosage_problem(row.get("dosage")))
        illustration = row.get("illustration")
        if illustration not in (None, "") and illustration not in self.illustrations:
            problems.append(msg("the illustration is not one of Untwist's drawings"))
        _add(problems, self._picture(row))
        for column in ("builtin", "retired"):
            self._flag(row, column, problems)
        if row.get("language") is not None:
            _add(problems, choice_problem(row["language"], tuple(LANGUAGES), msg("the language")))
        _add(problems, language_texts_problem(row.get("language_texts")))
        if row.get("program_order") is not None:
            _add(problems, whole_problem(row["program_order"], 1, INT_MAX, "program_order"))
        if isinstance(key, str):  # reported here, not again by the program items naming it
            self.drill_keys.add(key)

    def _settings(self, row: dict[str, Any], problems: list[str]) -> None:
        key = row.get("key")
        problem = text_problem(key, SETTING_KEY_MAX, msg("the key"), required=True)
        if problem:
            problems.append(problem)
            return
        assert isinstance(key, str)
        if key in self.skip_settings:
            return
        raw = row.get("value")
        if not isinstance(raw, str):
            problems.append(msg("setting {key}: the value is not JSON text", key=key))
            return
        try:
            value = json.loads(raw)
        except (ValueError, RecursionError):
            problems.append(msg("setting {key}: the value is not valid JSON", key=key))
            return
        problem = setting_problem(key, value, self.settings)
        _add(problems, problem)
        if problem is None and key == "logo_png_b64" and value:
            _, checked = self.check_picture(base64.b64decode(value))
            row["value"] = json.dumps(base64.b64encode(checked).decode("ascii"))

    def _progress_notes(self, row: dict[str, Any], problems: list[str]) -> None:
        """The assessment and plan with the dialog's limits, and a time of saving."""
        _add(problems, note_problem(row.get("assessment"), msg("the assessment")))
        _add(problems, note_problem(row.get("plan"), msg("the plan")))
        updated = row.get("updated_at")
        if updated is None:
            problems.append(msg("{field} is missing", field="updated_at"))
        else:
            _add(problems, datetime_problem(updated, self.now, "updated_at"))

    def _assessments(self, row: dict[str, Any], problems: list[str]) -> None:
        _add(problems, date_problem(row.get("date"), self.today, msg("the date")))
        if row.get("clinician") is not None:
            _add(problems, text_problem(row["clinician"], NAME_MAX, msg("the clinician")))
        if row.get("notes") is not None:
            _add(problems, text_problem(row["notes"], NOTES_MAX, "notes", multiline=True))
        self._created(row, problems)

    def _measurements(self, row: dict[str, Any], problems: list[str]) -> None:
        key = row.get("key")
        definition = self.defs.get(key) if isinstance(key, str) else None
        if definition is None:
            problems.append(msg("unknown measurement {shown}", shown=_shown(key)))
        else:
            validate = definition.validate
            for side, columns in _VALUE_COLUMNS:
                trials = False
                for column in columns:
                    value = row.get(column)
                    if value is None:
                        continue
                    trials = trials or column != side
                    try:
                        validate(value)
                    except InvalidValue as exc:
                        said = message_of(exc)
                        problems.append(msg("{what}: {problem}", what=column, problem=said))
                if trials and row.get(side) is None:
                    problems.append(msg("{side} has trials but no result", side=side))
            if row.get("left") is None and row.get("right") is None:
                problems.append(msg("neither side has a value"))
        for side in _RESULTS:
            pain = row.get(f"pain_{side}")
            if pain is not None:
                _add(problems, whole_problem(pain, *PAIN, f"pain_{side}"))
        if row.get("notes") is not None:
            _add(problems, text_problem(row["notes"], NOTES_MAX, "notes", multiline=True))

    def _measurement_photos(self, row: dict[str, Any], problems: list[str]) -> None:
        """A photo's measurement: the picture passes the picture check (and the row keeps the
        bytes it hands back), its size is the one stored, within the stored cap, and the
        points give the stored angle (app.domain.goniometer)."""
        image, image_type = row.get("image"), row.get("image_type")
        width, height = row.get("width"), row.get("height")
        _add(problems, choice_problem(row.get("side"), PHOTO_SIDES, msg("the side")))
        _add(problems, whole_problem(row.get("trial"), 1, MAX_TRIALS, "trial"))
        _add(problems, whole_problem(width, 1, STORED_MAX_SIDE, "width"))
        _add(problems, whole_problem(height, 1, STORED_MAX_SIDE, "height"))
        _add(problems, choice_problem(image_type, RASTER_KINDS, msg("the photo type")))
        if not isinstance(image, bytes | bytearray | memoryview):
            problems.append(msg("the photo is not binary data"))
        if problems or not isinstance(image, bytes | bytearray | memoryview):
            return
        assert isinstance(width, int) and isinstance(height, int)  # whole_problem passed
        try:
            picture = check_picture(bytes(image), msg("the photo"), kinds=RASTER_KINDS)
        except PictureProblem as exc:
            problems.append(trimmed(message_of(exc)))
            return
        row["image"] = picture.data
        if picture.kind != image_type:
            problems.append(msg(
                "the photo is a {kind} file, not {image_type}",
                kind=picture.kind,
                image_type=image_type,
            ))
        if (picture.width, picture.height) != (width, height):
            problems.append(
                msg(
                    "the photo is {width}×{height} pixels, not {width2}×{height2}",
                    width=picture.width,
                    height=picture.height,
                    width2=width,
                    height2=height,
                )
            )
        if problems:
            return
        problems.extend(
            photo_problems(
                row["side"],
                row["trial"],
                width,
                height,
                row.get("points"),
                row.get("plumb"),
                row.get("angle"),
            )
        )

    def _programs(self, row: dict[str, Any], problems: list[str]) -> None:
        start = row.get("start_date")
        _add(problems, date_problem(start, self.today, msg("the start date"), ahead=True))
        weeks = row.get("weeks", 4)
        _add(problems, whole_problem(weeks, 1, MAX_WEEKS, "weeks"))
        if row.get("pattern") is not None:
            allowed = tuple(p.value for p in Pattern)
            _add(problems, choice_problem(row["pattern"], allowed, msg("the pattern")))
        if row.get("reasons") is not None:
            _add(problems, _reasons_problem(row["reasons"]))
        if row.get("notes") is not None:
            _add(
                problems,
                text_problem(row["notes"], PROGRAM_NOTES_MAX, "notes", multiline=True),
            )
        self._created(row, problems)
        if not problems and _is_date(start) and isinstance(weeks, int):
            self.programs[row["id"]] = (start, weeks)

    def _program_items(self, row: dict[str, Any], problems: list[str]) -> None:
        program = row.get("program_id")
        _add(problems, whole_problem(row.get("position"), 1, MAX_ITEMS, "position"))
        drill_key = row.get("drill_key")
        if not isinstance(drill_key, str) or (
            drill_key not in self.drill_keys and mirror_text(drill_key) not in self.drill_keys
        ):
            problems.append(msg("drill {shown} is not in the library", shown=_shown(drill_key)))
        _add(problems, choice_problem(row.get("side", "both"), SIDES_OR_BOTH, msg("the side")))
        _add(problems, dosage_problem(row.get("dosage", "{}")))
        if row.get("notes") is not None:
            _add(
                problems,
                text_problem(row["notes"], PROGRAM_NOTES_MAX, "notes", multiline=True),
            )
        if isinstance(program, int) and program in self.programs:
            count = self.items_per_program.get(program, 0) + 1
            place = (program, row.get("position"))
            if count > MAX_ITEMS:
                problems.append(msg(
                    "program {program} has more than {max_items} drills",
                    program=program,
                    max_items=MAX_ITEMS,
                ))
            elif place in self.positions:
                # The handout and the page order drills by position: two at one place would
                # print in an order nobody chose.
                problems.append(msg(
                    "program {program} has two drills at position {value}",
                    program=program,
                    value=place[1],
                ))
            elif not problems:
                self.items_per_program[program] = count
                self.positions.add(place)
        if not problems and isinstance(program, int):
            self.item_program[row["id"]] = program

    def _adherence_entries(self, row: dict[str, Any], problems: list[str]) -> None:
        day = row.get("date")
        problem = date_problem(day, self.today, msg("the date"))
        _add(problems, problem)
        program = self.programs.get(self.item_program.get(row.get("item_id"), -1))  # type: ignore[arg-type]
        if problem is None and program is not None:
            start, weeks = program
            if not start <= day <= program_end(start, weeks):  # type: ignore[operator]
                problems.append(msg("the date {day} is outside its program", day=day))
        self._flag(row, "done", problems)

    # -- shared pieces ------------------------------------------------------------------------

    def _flag(self, row: Mapping[str, Any], column: str, problems: list[str]) -> None:
        if row.get(column) is not None and not isinstance(row[column], bool):
            problems.append(msg("{column} must be true or false", column=column))

    def _created(self, row: Mapping[str, Any], problems: list[str]) -> None:
        if row.get("created_at") is not None:
            _add(problems, datetime_problem(row["created_at"], self.now, "created_at"))

    def _targets(self, raw: object) -> str | None:
        targets, problem = _json_list(raw, "targets")
        if problem:
            return problem
        unknown = [t for t in targets if not isinstance(t, str) or t not in self.defs]
        if unknown:
            return f"targets: unknown measurement {_shown(unknown[0])}"
        if len(set(targets)) != len(targets):
            return "targets: a measurement is listed twice"
        return None

    def _picture(self, row: dict[str, Any]) -> str | None:
        """The drill's picture checked like one chosen in the editor; the row gets the bytes
        the check hands back (metadata stripped, an SVG rebuilt), never the file's own."""
        image, image_type = row.get("image"), row.get("image_type")
        if image is None and image_type is None:
            return None
        if image is None or image_type is None:
            return "the picture and its type go together"
        if not isinstance(image, bytes | bytearray | memoryview):
            return "the picture is not binary data"
        if image_type not in IMAGE_TYPES:
            return choice_problem(image_type, IMAGE_TYPES, msg("the picture type"))
        try:
            kind, row["image"] = self.check_picture(bytes(image))
        except ValueError as exc:
            return msg("the picture: {problem}", problem=message_of(exc))
        if kind != image_type:
            return f"the picture is a {kind} file, not {image_type}"
        return None


# -- helpers shared with the services -------------------------------------------------------------


def dosage_problem(raw: object) -> str | None:
    """Why a stored dosage (JSON text of a domain ``Dosage``) is not one, or ``None``."""
    if not isinstance(raw, str):
        return msg("the dosage is not JSON text")
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        return msg("the dosage is not valid JSON")
    if not isinstance(value, dict) or set(value) != DOSAGE_FIELDS:
        return msg(
            "the dosage must have exactly the fields {join}",
            join=', '.join(sorted(DOSAGE_FIELDS)),
        )
    if not isinstance(value["sets"], str) or not isinstance(value["amount"], str):
        return msg('the dosage\'s sets and amount must be text such as "3" or "3–4"')
    if not isinstance(value["each_side"], bool):
        return msg("the dosage's each_side must be true or false")
    from app.domain.drills import Dosage

    problems = validate_dosage(Dosage(**value))
    return msg("dosage: {value}", value=problems[0]) if problems else None


def language_texts_problem(raw: object) -> str | None:
    """Why a drill's ``language_texts`` (JSON: a clinic's edits per language, each with every
    text of a drill) cannot be stored, or ``None``; the same limits as the drill's own texts."""
    if raw is None:
        return None
    if not isinstance(raw, str):
        return msg("language_texts is not JSON text")
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        return msg("language_texts is not valid JSON")
    if not isinstance(value, dict):
        return msg("language_texts is not an object")
    for code, texts in value.items():
        what = f"language_texts {_shown(code)}"
        if code not in LANGUAGES:
            return msg("{what}: not one of {join}", what=what, join=', '.join(LANGUAGES))
        if not isinstance(texts, dict) or set(texts) != set(TEXT_FIELDS):
            return msg(
                "{what}: must have exactly the fields {join}",
                what=what,
                join=', '.join(TEXT_FIELDS),
            )
        problem = text_problem(texts["name"], NAME_MAX, msg(
            "{what}: the name",
            what=what,
        ), required=True)
        for field in ("aim", "setup", "feel"):
            problem = problem or text_problem(
                texts[field], DRILL_TEXT_MAX, f"{what}: {field}", multiline=True
            )
        for field, required in (("steps", True), ("mistakes", False)):
            listed = json.dumps(texts[field]) if isinstance(texts[field], list) else None
            problem = problem or _text_list(listed, f"{what}: {field}", required=required)
        if problem:
            return problem
    return None


def _text_list(
    raw: object, what: str, *, required: bool, limit: int | None = DRILL_TEXT_MAX
) -> str | None:
    items, problem = _json_list(raw, what)
    if problem:
        return problem
    if required and not items:
        return f"{what}: at least one is needed"
    if len(items) > DRILL_LIST_MAX:
        return f"{what}: at most {DRILL_LIST_MAX}"
    for item in items:
        problem = text_problem(item, limit, msg("{what}: an item", what=what), multiline=True)
        if problem:
            return problem
    return None


def _reasons_problem(raw: object) -> str | None:
    """A program's reasons: texts (files before format 4) or phrases (template and values,
    app/domain/phrases.py); each, as worded in English, within a drill text's limit."""
    from app.domain.phrases import phrase_text, reason_problem

    items, problem = _json_list(raw, "reasons")
    if problem:
        return problem
    if len(items) > DRILL_LIST_MAX:
        return msg("reasons: at most {count}", count=DRILL_LIST_MAX)
    for item in items:
        problem = reason_problem(item)
        if problem is None:  # a text, or a phrase as English words it
            worded = item if isinstance(item, str) else phrase_text(item)
            problem = text_problem(worded, DRILL_TEXT_MAX, msg("reasons: an item"), multiline=True)
        if problem:
            return problem
    return None


def _json_list(raw: object, what: str) -> tuple[list[Any], str | None]:
    if not isinstance(raw, str):
        return [], f"{what} is not JSON text"
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        return [], f"{what} is not valid JSON"
    if not isinstance(value, list):
        return [], f"{what} is not a list"
    return value, None


def _drill_key_ok(key: str) -> bool:
    import re

    return re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", key, re.ASCII) is not None


def _add(problems: list[str], problem: str | None) -> None:
    if problem:
        problems.append(problem)


def _is_date(value: object) -> TypeGuard[dt.date]:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _unique_values(
    table: str, row: Mapping[str, Any]
) -> list[tuple[tuple[str, ...], tuple[object, ...]]]:
    return [
        (columns, tuple(_hashable(row.get(c)) for c in columns))
        for columns in UNIQUE.get(table, ())
    ]


def _hashable(value: object) -> object:
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return value


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"
