"""Opening, naming and judging databases: what the window and the CLI need of the data layer.

Views talk to services only (ARCHITECTURE.md); this module is their door to the parts of
``app.models`` that are use-cases in their own right: open a file or a server, say which one it
is, and tell the environment's faults from our bugs.
"""

from __future__ import annotations

from app.errors import UserFacingError
from app.models.backup import BackupFile
from app.models.db import Database, describe, make_database_folder, open_database, sqlite_path
from app.models.errors import DatabaseProblem, UnusableTarget, classify_driver_error

__all__ = [
    "BackupFile",
    "Database",
    "DatabaseProblem",
    "UnusableTarget",
    "describe",
    "make_database_folder",
    "open_database",
    "plain_problem",
    "sqlite_path",
]


def plain_problem(exc: BaseException) -> UserFacingError | None:
    """The environment's fault, said plainly — or ``None`` when it is our bug.

    For an exception nobody caught (the crash dialog): a driver or OS error that escaped a unit
    of work still gets the plain message instead of a traceback.
    """
    if isinstance(exc, UserFacingError):
        return exc if exc.environment else None
    return classify_driver_error(exc)  # by the driver's code; None for anything else
