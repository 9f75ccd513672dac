"""The one main window of the process, and its rebuild in another language.

Settings → "Language of this desk" applies at once: after the new language is saved the
window is built anew in it, in place, on the same open database. Widgets read their texts
once, when they are built (``self.tr`` in constructors, headers filled as rows come), so a
rebuild is the one way every text changes without retranslating hundreds of widgets by hand
(``changeEvent(LanguageChange)`` in each, which a new widget would have to remember too).

What a rebuild keeps: the :class:`AppContext` (the open database, its instance lock held by
``app.gui``, the ``--demo`` folder, clinic mode's server connection: nothing is opened twice),
the selected athlete, the page, the window's geometry and splitter. What it asks first: the
unsaved edits, with the window's own Save / Discard / Cancel (``MainWindow.edits_settled``);
Cancel keeps the window as it is, and the saved language then applies at the next start.
The old window is closed and deleted, its state unsubscribed from the database, so none of
its widgets stays alive (a test holds weak references to them).
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from app.services.context import AppContext
from app.views.main_window import VIEWS, MainWindow
from app.views.translation import apply_ui_language


class WindowHost(QObject):
    """Owns the current :class:`MainWindow`; ``window`` changes when the language does."""

    # the new window, after a rebuild
    replaced = Signal(object)

    def __init__(
        self,
        context: AppContext,
        *,
        remember_geometry: bool = True,
        after_build: Callable[[MainWindow], object] | None = None,
    ) -> None:
        super().__init__()
        self.context = context
        self.remember_geometry = remember_geometry
        self.after_build = after_build
        self.window = self._build()

    def _build(self) -> MainWindow:
        window = MainWindow(self.context, remember_geometry=self.remember_geometry)
        window.language_switcher = self.switch_language
        if self.after_build is not None:
            self.after_build(window)
        return window

    def switch_language(self, code: str) -> bool:
        """Show the window in ``code`` now. False when the user chose to keep an unsaved edit
        (Cancel), or when the window already shows that language."""
        old = self.window
        if code == self.context.language or not old.edits_settled():
            return False
        athlete_id = old.athlete.id if old.athlete is not None else None
        page = VIEWS[old.pages.currentIndex()]
        geometry, splitter = old.geometry(), old.splitter.saveState()
        visible, state = old.isVisible(), old.windowState()

        old.freshness_timer.stop()
        old.state.close()  # the database no longer calls into the old window
        apply_ui_language(code)
        self.context.language = code
        self.context.reload()  # catalog texts in the new language (a read, not an open)

        new = self._build()
        new.setGeometry(geometry)
        new.splitter.restoreState(splitter)
        if athlete_id is not None:
            new.athlete_list.reload(athlete_id)
        new.show_view(page)
        self.window = new
        if visible:
            new.setWindowState(state)
            new.show()
        old.language_switcher = None
        old.close()  # its edits are settled: it asks nothing, and keeps its geometry
        old.deleteLater()
        self.replaced.emit(new)
        QTimer.singleShot(0, _collect)
        return True

    def bring_to_front(self) -> None:
        """A second ``untwist`` on this database asked for the window: the current one."""
        from app.views.data_safety import bring_to_front

        bring_to_front(self.window)


def _collect() -> None:
    """Let the old window's Python side go even after start-up froze the collector
    (``app.gui.settle_memory``): one full collection, then freeze the survivors again."""
    frozen = gc.get_freeze_count() > 0
    if frozen:
        gc.unfreeze()
    gc.collect()
    if frozen:
        gc.freeze()
