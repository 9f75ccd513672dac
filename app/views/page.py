"""What the main window may ask of a page: the whole interface between them."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from app.domain.records import AthleteInfo


@runtime_checkable
class Page(Protocol):
    """A tab of the main window. It gets the :class:`~app.views.state.AppState` when built and
    subscribes to the changes it shows; the window never calls it otherwise."""

    def is_ready(self) -> bool:
        """Whether everything is drawn (lazy charts, background loads): screenshots wait."""


@runtime_checkable
class AthletePage(Page, Protocol):
    """A page about the selected athlete: the window tells it who that is."""

    def set_athlete(self, athlete: AthleteInfo | None) -> None:
        """Show ``athlete`` (``None``: nobody selected). The athlete it already shows, re-read
        after an edit, refreshes the page and keeps any unsaved edit on it."""


@runtime_checkable
class KeepsEdits(Protocol):
    """A page that holds edits of its own (the Program page's draft): the window asks it
    before another athlete is shown or the window closes, so nothing is lost without a word."""

    def unsaved_changes(self) -> str:
        """What holds unsaved edits, for the question ("The program on screen"); "": none."""

    def save_changes(self) -> bool:
        """Save now; True once saved (False: refused, or still saving on a server)."""

    def discard_changes(self) -> None:
        """Forget the edits: the page shows what is stored."""
