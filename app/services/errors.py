"""Errors services raise for the user to see; each has a message that says what to do."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.messages import joined, msg
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
        super().__init__(joined(e.message for e in errors))

    @classmethod
    def one(cls, field: str, message: str) -> ValidationError:
        return cls([FieldError(field, message)])


class NotFound(ServiceError):
    pass


class AmbiguousAthlete(ServiceError):
    """A name that fits several athletes: each listed with its id (the first ``MAX_LISTED``
    of ``count``), so the next command can name one with ``--athlete-id``."""

    def __init__(self, name: str, matches: list[tuple[int, str]], count: int | None = None) -> None:
        self.ids = [i for i, _ in matches]
        count = count or len(matches)
        same = len({n for _, n in matches}) == 1
        if same and count == len(matches):
            listed = ", ".join(str(i) for i in self.ids)
            text = msg("{count} athletes are named {name!r} (ids {ids})", count=count, name=name,
                       ids=listed)
        else:
            shown = [f"{n!r} (id {i})" for i, n in matches]
            listed = (
                shown[0]
                if len(shown) == 1
                else msg("{items} or {last}", items=", ".join(shown[:-1]), last=shown[-1])
            )
            more = (
                msg(" (and {count} more)", count=count - len(matches))
                if count > len(matches)
                else ""
            )
            text = msg("{count} athletes match {name!r}: did you mean {listed}{more}?",
                       count=count, name=name, listed=listed, more=more)
        super().__init__(msg("{text}: use --athlete-id.", text=text))


class Conflict(ServiceError):
    """Someone else saved the record since it was loaded (optimistic locking)."""

    def __init__(self, what: str, current: object = None) -> None:
        self.current = current
        super().__init__(
            msg(
                "{what} was changed elsewhere since you opened it. Reload to see the other "
                "changes, or save again to overwrite them.",
                what=what,
            )
        )
