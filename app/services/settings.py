"""Clinic settings stored in the database, so they travel with backups and the shared DB.

Window geometry and recent files are per-desk and live in QSettings instead (views).

Each key (clinic name, paper, thresholds, …) is its own versioned row, because desks of a
clinic database edit settings at the same time. An editor keeps the :class:`SettingsRecord`
it started from; :func:`save_settings` writes only the keys the user changed against it, so
another desk's change to a different key is kept, and refuses with :class:`Conflict` when
another desk changed one of the same keys since (to another value): nothing is overwritten
that the user has not seen.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.domain.catalog import BUILTIN_KEYS, builtin_definitions
from app.domain.messages import msg
from app.domain.validation import SettingContext, sentence, setting_problem
from app.models import MeasurementDefinition, Setting
from app.models.db import Database
from app.services.errors import Conflict, FieldError, ValidationError
from app.services.versioning import versioned_transaction

SETTINGS_VERSION = 1
SETTINGS_VERSION_KEY = "settings_version"


@dataclass
class ClinicSettings:
    clinic_name: str = ""
    logo_png_b64: str = ""  # PNG bytes, base64: printed on handouts
    length_unit: str = "cm"  # "cm" or "in": display only
    paper: str = "a4"  # "a4" or "letter"
    default_measurements: list[str] = field(default_factory=lambda: list(BUILTIN_KEYS))
    backup_folder: str = ""
    thresholds: dict[str, float] = field(default_factory=dict)  # overrides by catalog key
    mode: str = ""  # "", "clinician" or "solo"
    solo_athlete_id: int | None = None
    marker_colour: str = "00C853"  # the photo goniometer's adhesive markers (RRGGBB)


KEYS = tuple(f.name for f in fields(ClinicSettings))


def _encode(value: object) -> str:
    return json.dumps(value, sort_keys=True)


def _encoded(settings: ClinicSettings) -> dict[str, str]:
    """Every key as the JSON text it is stored as: equal texts are equal settings."""
    return {key: _encode(value) for key, value in asdict(settings).items()}


@dataclass(frozen=True)
class SettingsRecord:
    """The settings as they were read, with the version of every stored key (0: not stored).

    What an editor loads and later saves against. The values are kept as their stored JSON
    text, so :attr:`settings` is a new object on each call and editing it never changes the
    record an editor compares with.
    """

    values: Mapping[str, str]  # key → JSON text, defaults included for keys not stored
    versions: Mapping[str, int]  # key → version of its row; absent: not stored

    @property
    def settings(self) -> ClinicSettings:
        settings = ClinicSettings()
        for key in KEYS:
            setattr(settings, key, json.loads(self.values[key]))
        return settings

    def version(self, key: str) -> int:
        return self.versions.get(key, 0)

    def with_versions_of(self, current: SettingsRecord) -> SettingsRecord:
        """These values with ``current``'s versions: what an editor saves against to overwrite
        ``current`` (after a conflict the user has seen) on the keys they changed, and only
        there. A third desk's save after ``current`` is still refused."""
        return SettingsRecord(self.values, current.versions)


def _record(rows: Mapping[str, tuple[str, int]]) -> SettingsRecord:
    """From stored (value, version) by key; a damaged or missing value reads as its default.

    Damaged: not JSON, or of the wrong type (a paper size of 5, thresholds that are text),
    which a database written before every way in was checked may hold; its readers would fail.
    """
    values = _encoded(ClinicSettings())
    versions: dict[str, int] = {}
    for key, (raw, version) in rows.items():
        versions[key] = version
        if key in values:
            try:
                value = json.loads(raw)
            except (ValueError, RecursionError):
                continue  # a damaged value falls back to its default
            if setting_problem(key, value, _TYPES_ONLY) is None:
                values[key] = _encode(value)
    return SettingsRecord(values, versions)


_TYPES_ONLY = SettingContext()


def check_settings(settings: ClinicSettings, keys: Iterable[str], rules: Mapping[str, str]) -> None:
    """:class:`ValidationError` for any of ``keys`` whose value cannot be stored: the rules a
    JSON import applies too (:data:`app.domain.validation.SETTING_CHECKS`). ``rules``: the
    flag rule of every measurement of the catalog, by key (a threshold's range depends on it).
    The logo's picture is checked where it is chosen."""
    context = SettingContext(lambda: set(rules), measurement_rules=lambda: rules)
    values = asdict(settings)
    errors = [
        FieldError(key, sentence(problem))
        for key in keys
        if (problem := setting_problem(key, values[key], context))
    ]
    if errors:
        raise ValidationError(errors)


def load_settings(db: Database) -> SettingsRecord:
    """The settings with their versions (one query): what the settings dialog starts from."""
    with db.read() as session:
        rows = {
            key: (value, version)
            for key, value, version in session.execute(
                select(Setting.key, Setting.value, Setting.version)
            )
        }
    return _record(rows)


def get_settings(db: Database) -> ClinicSettings:
    """The settings to use now (readers that never save them back)."""
    return load_settings(db).settings


def changed_keys(settings: ClinicSettings, loaded: SettingsRecord) -> list[str]:
    """The keys ``settings`` changes against what was loaded, in field order."""
    mine = _encoded(settings)
    return [key for key in KEYS if mine[key] != loaded.values[key]]


def conflicting_keys(
    settings: ClinicSettings, loaded: SettingsRecord, current: SettingsRecord
) -> list[str]:
    """Keys both this editor and another desk changed since ``loaded``, to different values.

    These, and only these, are what a :class:`Conflict` from :func:`save_settings` is about.
    """
    mine = _encoded(settings)
    return [
        key
        for key in changed_keys(settings, loaded)
        if current.version(key) != loaded.version(key) and current.values[key] != mine[key]
    ]


def merge_settings(
    settings: ClinicSettings, loaded: SettingsRecord, current: SettingsRecord
) -> ClinicSettings:
    """``current`` where another desk changed a key since ``loaded``, ``settings`` elsewhere.

    What an editor shows after "reload theirs": the other desk's values, with this editor's
    own unsaved changes to the keys nobody else touched; saved against ``current`` next.
    """
    merged = current.settings
    edited = asdict(settings)
    for key in KEYS:
        if current.version(key) == loaded.version(key):
            setattr(merged, key, edited[key])
    return merged


def save_settings(
    db: Database, settings: ClinicSettings, loaded: SettingsRecord | None = None
) -> SettingsRecord:
    """Store the keys ``settings`` changes against ``loaded``; return the settings as stored.

    ``loaded``: what the editor started from. If another desk changed one of the same keys
    since (to a different value), :class:`Conflict` is raised with the stored
    :class:`SettingsRecord` as ``current`` and nothing is written; changes of other keys by
    other desks are kept and come back in the returned record. Without ``loaded`` (a caller
    that has just read the settings, e.g. the first-run question), the keys that differ from
    what is stored now are written.
    """
    try:
        return _save(db, settings, loaded)
    except IntegrityError:
        # Another desk stored one of the same new keys between our read and our insert: try
        # once more, now seeing its row, which either conflicts or is the same value.
        return _save(db, settings, loaded)


def _save(db: Database, settings: ClinicSettings, loaded: SettingsRecord | None) -> SettingsRecord:
    mine = _encoded(settings)
    with versioned_transaction(db, "A setting", lambda: load_settings(db)) as session:
        rows = {row.key: row for row in session.scalars(select(Setting))}
        current = _record({key: (row.value, row.version) for key, row in rows.items()})
        base = loaded if loaded is not None else current
        if conflicting_keys(settings, base, current):
            raise Conflict(msg("A setting"), current)
        writes = {key: mine[key] for key in changed_keys(settings, base)}
        writes = {key: value for key, value in writes.items() if value != current.values[key]}
        custom = session.execute(select(MeasurementDefinition.key, MeasurementDefinition.rule))
        builtin = {d.key: str(d.rule) for d in builtin_definitions()}
        check_settings(settings, writes, {**builtin, **{key: rule for key, rule in custom}})
        if writes:
            writes[SETTINGS_VERSION_KEY] = _encode(SETTINGS_VERSION)
        for key, value in writes.items():
            row = rows.get(key)
            if row is None:
                rows[key] = Setting(key=key, value=value)
                session.add(rows[key])
            elif row.value != value:
                row.value = value  # UPDATE … WHERE version = the one read just now
        session.flush()
        return _record({key: (row.value, row.version) for key, row in rows.items()})
