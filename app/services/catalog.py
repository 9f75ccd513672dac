"""The catalog as this database sees it: built-ins, the clinic's own, its thresholds."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.domain.catalog import Catalog, Kind, MeasurementDef, Rule, definition_from_mapping
from app.models import MeasurementDefinition
from app.models.db import Database
from app.services.errors import FieldError, NotFound, ValidationError
from app.services.settings import ClinicSettings, get_settings

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
        },
        builtin=False,
        retired=r.retired,
    )


def load_catalog(db: Database, settings: ClinicSettings | None = None) -> Catalog:
    """Pass ``settings`` when they were just read, to spare a second query."""
    with db.read() as session:
        custom = [_definition(r) for r in session.scalars(select(MeasurementDefinition))]
    return Catalog(custom, (settings or get_settings(db)).thresholds)


def validate_custom(data: CustomMeasurement, existing: Catalog, editing: bool) -> MeasurementDef:
    """Check a clinic's definition the same way the built-ins are checked."""
    errors: list[FieldError] = []
    if not editing and data.key in existing:
        errors.append(FieldError("key", f"The key {data.key!r} is already used."))
    if not data.name.strip():
        errors.append(FieldError("name", "The measurement needs a name."))
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
        errors.append(FieldError("threshold", "An LSI cut-off is a percentage between 0 and 100."))
    if data.threshold is not None and data.threshold < 0:
        errors.append(FieldError("threshold", "The threshold cannot be negative."))
    if errors:
        raise ValidationError(errors)
    try:
        return definition_from_mapping({**data.__dict__, "name": data.name.strip()}, builtin=False)
    except ValueError as exc:
        message = str(exc).split(": ", 1)[-1]
        raise ValidationError.one("definition", message) from None


def save_custom_measurement(
    db: Database, data: CustomMeasurement, *, new: bool = True
) -> MeasurementDef:
    """Add a clinic's measurement (``new``), or edit the one with the same key."""
    catalog = load_catalog(db)
    current = catalog.get(data.key)
    if current is not None and current.builtin:
        raise ValidationError.one("key", f"{data.key!r} is a built-in measurement.")
    if current is None and not new:
        raise NotFound(f"No custom measurement {data.key!r}.")
    definition = validate_custom(data, catalog, editing=not new)
    with db.transaction() as session:
        row = session.scalars(
            select(MeasurementDefinition).where(MeasurementDefinition.key == data.key)
        ).one_or_none()
        if row is None:
            row = MeasurementDefinition(key=definition.key)
            session.add(row)
        row.name = definition.name
        row.unit = definition.unit
        row.kind = definition.kind.value
        row.rule = definition.rule.value
        row.min, row.max = definition.min, definition.max
        row.threshold, row.strict, row.mdc = definition.threshold, definition.strict, definition.mdc
        row.result, row.higher = definition.result.value, definition.higher
        row.protocol = definition.protocol or None
    return definition


def set_measurement_retired(db: Database, key: str, retired: bool) -> None:
    """Retire a clinic's measurement: history keeps it, new sessions no longer offer it."""
    with db.transaction() as session:
        row = session.scalars(
            select(MeasurementDefinition).where(MeasurementDefinition.key == key)
        ).one_or_none()
        if row is None:
            raise NotFound(f"No custom measurement {key!r} (built-ins cannot be retired).")
        row.retired = retired
