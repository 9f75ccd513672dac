"""The clinician's assessment and plan for the progress report, kept with the athlete.

One current note per athlete (``progress_notes``, revision 0010): what the last progress
report printed, with the time it was saved and a version for optimistic locking, like every
record two desks may edit. Pure Python: the limit and the check every way in uses (the
dialog, ``untwist report``, the JSON import, ``--merge``, ``db copy``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.validation import text_problem

NOTE_MAX = 5000
"""Characters of the assessment, and of the plan: about a printed page each (a test prints the
longest the form allows)."""


@dataclass(frozen=True)
class ProgressNotes:
    """An athlete's stored assessment and plan; ``version`` 0 when none is stored yet."""

    athlete_id: int
    assessment: str = ""
    plan: str = ""
    updated_at: dt.datetime | None = None
    version: int = 0

    @property
    def stored(self) -> bool:
        return self.version > 0


def note_problem(value: object, what: str) -> str | None:
    """Why ``value`` cannot be the assessment or plan (free text, empty allowed), or None."""
    return text_problem(value, NOTE_MAX, what, multiline=True, required=False)
