"""Errors services raise for the user to see; each has a message that says what to do."""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import UserFacingError


@dataclass(frozen=True)
class FieldError:
    field: str  # e.g. "hip_ir_deg.left.2" or "name"
    message: str

    def __str__(self) -> str:
        return self.message


class ServiceError(UserFacingError):
    """Refused by a use-case (input, a missing record, a conflict): ``str(exc)`` says why."""


class ValidationError(ServiceError):
    """The input was refused; nothing was written."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))

    @classmethod
    def one(cls, field: str, message: str) -> ValidationError:
        return cls([FieldError(field, message)])


class NotFound(ServiceError):
    pass


class AmbiguousAthlete(ServiceError):
    def __init__(self, name: str, ids: list[int]) -> None:
        self.ids = ids
        listed = ", ".join(str(i) for i in ids)
        super().__init__(
            f"{len(ids)} athletes are named {name!r} (ids {listed}): use --athlete-id."
        )


class Conflict(ServiceError):
    """Someone else saved the record since it was loaded (optimistic locking)."""

    def __init__(self, what: str, current: object = None) -> None:
        self.current = current
        super().__init__(
            f"{what} was changed elsewhere since you opened it. Reload to see the other "
            "changes, or save again to overwrite them."
        )
