"""The catalog as this database sees it: built-ins, the clinic's own, its thresholds."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.catalog import (
    BUILTIN_KEYS,
    Catalog,
    Kind,
    MeasurementDef,
    Rule,
    definition_from_mapping,
    definition_problems,
    unusable_definition,
)
from app.domain.messages import message_of, msg
from app.domain.validation import sentence
from app.models import MeasurementDefinition
from app.models.db import Database
from app.services.errors import FieldError, NotFound, ValidationError
from app.services.settings import ClinicSettings, get_settings
from app.services.versioning import expect_version, versioned_transaction

UNITS = ("deg", "cm", "reps", "s", "score", "kg", "N", "%", "pass/fail")


@dataclass(frozen=True)
class CustomMeasurement:
    """What a clinic types to define its own measurement."""

    key: str
    name: str
    unit: str
    kind: str  # number / integer / passfail
    rule: str  # diff / lsi / passfail
    min: float | None = None
    max: float | None = None
    threshold: float | None = None
    strict: bool = False
    mdc: float | None = None
    result: str = "mean"
    higher: str = "better"
    protocol: str = ""


def _definition(r: MeasurementDefinition) -> MeasurementDef:
    return definition_from_mapping(
        {
            "key": r.key,
            "name": r.name,
            "unit": r.unit,
            "kind": r.kind,
            "rule": r.rule,
            "min": r.min,
            "max": r.max,
            "threshold": r.threshold,
            "strict": r.strict,
            "mdc": r.mdc,
            "result": r.result,
            "higher": r.higher,
            "protocol": r.protocol or "",
            "threshold_source": "clinic's own",
            "version": r.version,
        },
        builtin=False,
        retired=r.retired,
    )


def _checked(row: MeasurementDefinition) -> tuple[MeasurementDef, str | None]:
    """The stored definition, or its stand-in with the reason it cannot be used as it is.

    ``ValueError`` only when not even the key is usable.
    """
    try:
        definition = _definition(row)
        problems = definition_problems(definition)
    except ValueError as exc:
        problems = [str(exc).replace(f"measurement {row.key}: ", "")]
    if not problems:
        return definition, None
    return unusable_definition(row.key, row.name, row.unit, row.version), problems[0]


def load_catalog(
    db: Database, settings: ClinicSettings | None = None, *, language: str = "en"
) -> Catalog:
    """Pass ``settings`` when they were just read, to spare a second query. ``language``: the
    language of the built-ins' names and protocols (values and keys are the same in every one).

    A stored definition that does not hold together (older versions let a JSON import store
    one) is replaced by a stand-in and named in ``Catalog.damaged``, so the window still
    opens and every command still reads the database; the clinic repairs it in Settings.
    """
    custom: list[MeasurementDef] = []
    damaged: list[str] = []
    with db.read() as session:
        for row in session.scalars(select(MeasurementDefinition)):
            try:
                definition, problem = _checked(row)
            except ValueError as exc:  # not even the key: its values are left out of view
                definition, problem = None, message_of(exc)
            if definition is not None and not (problem and row.key in BUILTIN_KEYS):
                custom.append(definition)  # (a built-in's own key: the built-in stands)
            if problem is not None:
                damaged.append(
                    f"Your measurement {row.key!r} is damaged ({problem}): it is kept but not "
                    "offered for new sessions; correct it under Settings → Measurements."
                )
    return Catalog(custom, (settings or get_settings(db)).thresholds, damaged, language=language)


def validate_custom(data: CustomMeasurement, existing: Catalog, editing: bool) -> MeasurementDef:
    """Check a clinic's definition the same way the built-ins are checked."""
    errors: list[FieldError] = []
    if not editing and data.key in existing:
        errors.append(FieldError("key", msg("The key {key!r} is already used.", key=data.key)))
    if not data.name.strip():
        errors.append(FieldError("name", msg("The measurement needs a name.")))
    if data.kind == Kind.PASSFAIL.value:
        data = CustomMeasurement(
            **{
                **data.__dict__,
                "rule": Rule.PASSFAIL.value,
                "unit": "pass/fail",
                "min": None,
                "max": None,
                "threshold": None,
            }
        )
    if (
        data.rule == Rule.LSI.value
        and data.threshold is not None
        and not (0 < data.threshold < 100)
    ):
        errors.append(FieldError("threshold", msg(
            "An LSI cut-off is a percentage between 0 and 100.",
        )))
    if data.threshold is not None and data.threshold < 0:
        errors.append(FieldError("threshold", msg("The threshold cannot be negative.")))
    if errors:
        raise ValidationError(errors)
    try:
        definition = definition_from_mapping(
            {**data.__dict__, "name": data.name.strip()}, builtin=False
        )
    except ValueError as exc:
        # the problem itself (a Message: translated in the window), without the wrapper's
        # "measurement KEY: " that names what the form already shows
        cause = exc.__cause__
        message = message_of(cause) if cause is not None else str(exc).split(": ", 1)[-1]
        raise ValidationError.one("definition", message) from None
    # the rules a JSON import or db copy applies to a stored definition (app.domain.catalog)
    problems = definition_problems(definition)
    if problems:
        raise ValidationError([FieldError("definition", sentence(p)) for p in problems])
    return definition


def _custom_row(session: Session, key: str) -> MeasurementDefinition | None:
    return session.scalars(
        select(MeasurementDefinition).where(MeasurementDefinition.key == key)
    ).one_or_none()


def get_custom_measurement(db: Database, key: str) -> MeasurementDef:
    """A clinic's measurement as stored now (thresholds as defined, without overrides); a
    damaged one as its stand-in, which the editor then replaces with a sound definition."""
    with db.read() as session:
        row = _custom_row(session, key)
        if row is None:
            raise NotFound(msg("No custom measurement {key!r} (deleted elsewhere?).", key=key))
        return _checked(row)[0]


def save_custom_measurement(
    db: Database, data: CustomMeasurement, *, new: bool = True, version: int | None = None
) -> MeasurementDef:
    """Add a clinic's measurement (``new``), or edit the one with the same key.

    ``version``: the one the editor loaded; if another desk saved the measurement since,
    :class:`Conflict` is raised with the stored definition and nothing is written (``None``
    overwrites knowingly). Two desks adding the same key: the second is told it is taken.
    """
    catalog = load_catalog(db)
    current = catalog.get(data.key)
    if current is not None and current.builtin:
        raise ValidationError.one("key", msg("{key!r} is a built-in measurement.", key=data.key))
    if current is None and not new:
        raise NotFound(msg("No custom measurement {key!r}.", key=data.key))
    definition = validate_custom(data, catalog, editing=not new)
    what = f"The measurement {definition.name}"
    try:
        with versioned_transaction(
            db, what, lambda: get_custom_measurement(db, data.key)
        ) as session:
            row = _custom_row(session, data.key)
            if row is None:
                if not new:
                    raise NotFound(msg(
                        "No custom measurement {key!r} (deleted elsewhere?).",
                        key=data.key,
                    ))
                row = MeasurementDefinition(key=definition.key)
                session.add(row)
            elif new:  # another desk added the same key since our check
                raise ValidationError.one("key", msg(
                    "The key {key!r} is already used.",
                    key=data.key,
                ))
            else:
                expect_version(row.version, version, what, lambda: _definition(row))
            row.name = definition.name
            row.unit = definition.unit
            row.kind = definition.kind.value
            row.rule = definition.rule.value
            row.min, row.max = definition.min, definition.max
            row.threshold, row.strict = definition.threshold, definition.strict
            row.mdc = definition.mdc
            row.result, row.higher = definition.result.value, definition.higher
            row.protocol = definition.protocol or None
            session.flush()
            return _definition(row)
    except IntegrityError:  # another desk added the same key since our check
        raise ValidationError.one("key", msg(
            "The key {key!r} is already used.",
            key=data.key,
        )) from None


def set_measurement_retired(
    db: Database, key: str, retired: bool, version: int | None = None
) -> MeasurementDef:
    """Retire a clinic's measurement: history keeps it, new sessions no longer offer it.

    ``version``: the one the caller showed; another desk's save since raises
    :class:`Conflict` with the stored definition (``None``: retire regardless).
    """
    what = f"The measurement {key}"
    with versioned_transaction(db, what, lambda: get_custom_measurement(db, key)) as session:
        row = _custom_row(session, key)
        if row is None:
            raise NotFound(msg(
                "No custom measurement {key!r} (built-ins cannot be retired).",
                key=key,
            ))
        expect_version(
            row.version, version, f"The measurement {row.name}", lambda: _definition(row)
        )
        row.retired = retired
        session.flush()
        return _definition(row)
