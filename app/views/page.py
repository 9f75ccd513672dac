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
