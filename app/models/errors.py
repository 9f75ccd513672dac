"""Database problems that are the environment's fault, each with a plain-language message.

Anything else that goes wrong with the database is our bug and goes to the crash dialog.
"""

from __future__ import annotations

from app.errors import UserFacingError


class DatabaseProblem(UserFacingError):
    """Base class: ``str(exc)`` is a one-line message fit to show a user.

    ``what`` says what is wrong and ``advice`` what to do about it; ``str()`` joins them. A
    caller with better advice (a restore refusing a damaged backup) shows ``what`` alone.
    """

    def __init__(self, what: str, advice: str = "") -> None:
        super().__init__(f"{what} {advice}".strip())
        self.what = what
        self.advice = advice

    environment = True


class DatabaseMissing(DatabaseProblem):
    pass


class NotADatabase(DatabaseProblem):
    pass


class NotUntwistDatabase(DatabaseProblem):
    pass


class DatabaseCorrupt(DatabaseProblem):
    pass


class SchemaTooNew(DatabaseProblem):
    pass


class DatabaseLocked(DatabaseProblem):
    pass


class DatabaseReadOnly(DatabaseProblem):
    pass


class DiskFull(DatabaseProblem):
    pass


class DatabaseUnreachable(DatabaseProblem):
    """A server database that cannot be reached (down, wrong password, network)."""


class MigrationFailed(DatabaseProblem):
    pass


def classify_operational_error(
    exc: BaseException, where: str = "the database"
) -> DatabaseProblem | None:
    """Map a driver error to a plain message, or ``None`` when it looks like our bug."""
    said = str(getattr(exc, "orig", exc) or exc)
    text = said.lower()
    if "database or disk is full" in text or "disk full" in text or "no space" in text:
        return DiskFull(f"The disk holding {where} is full: free some space and try again.")
    if "locked" in text or "busy" in text:
        return DatabaseLocked(
            f"{where} is locked by another program (another Untwist window?). "
            "Close it and try again."
        )
    if "readonly" in text or "read-only" in text or "read only" in text:
        return DatabaseReadOnly(f"{where} is read-only: changes cannot be saved.")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return DatabaseCorrupt(f"{where} is damaged (corrupt).", "Restore it from a backup.")
    if "unable to open" in text:
        return DatabaseMissing(f"{where} cannot be opened (missing folder or no permission).")
    if (
        "connection" in text
        or "could not connect" in text
        or "password" in text
        or "server closed" in text
        or "timeout" in text
    ):
        first = said.strip().splitlines()[0] if said.strip() else text
        return DatabaseUnreachable(f"Cannot reach {where}: {first}")
    return None
