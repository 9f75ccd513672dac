"""The one base class of every error meant for a person (a leaf module: imports nothing).

A view, the CLI or a background operation catches :class:`UserFacingError` and shows
``str(exc)`` (the CLI, in English) or ``exc.text(language)`` (the window, in its language), a
one-line message that says what is wrong and what to do; everything else is our
bug and goes to the crash dialog. Services (refused input, conflicts) and the database layer
(disk full, locked, server gone) both derive from it, so no caller has to know which layer
refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # never imported at run time: this module stays a leaf
    from app.domain.language import Language


class UserFacingError(Exception):
    """``str(exc)`` is fit to show a user; nothing was half written when it was raised.

    ``environment`` is True for failures that are the machine's or the network's fault (a
    read-only or locked file, a full disk, a server that is gone): the CLI exits 2 for those
    and 1 for refused input.
    """

    environment: bool = False

    @property
    def message(self) -> str:
        """What the error was raised with: a ``Message`` (app/domain/messages.py) when the
        raiser made one, so it can be shown in another language, else the plain text."""
        return self.args[0] if len(self.args) == 1 and isinstance(self.args[0], str) else str(self)

    def text(self, lang: Language | None) -> str:
        """The message in ``lang``, for the window; ``str(exc)`` stays the English text (the
        CLI's, word for word). A message raised as plain text is shown as it is."""
        render = getattr(self.message, "text", None)
        return str(render(lang)) if callable(render) else str(self)
