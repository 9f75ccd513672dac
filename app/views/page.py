"""What the main window may ask of a page: the whole interface between them."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class Page(Protocol):
    """A tab of the main window. It gets the :class:`~app.views.state.AppState` when built and
    subscribes to the changes it shows; the window only tells it which athlete is selected."""

    def set_athlete(self, athlete_id: int | None) -> None:
        """Show ``athlete_id`` (``None``: nobody selected)."""

    def is_ready(self) -> bool:
        """Whether everything is drawn (lazy charts, background loads): screenshots wait."""
