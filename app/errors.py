"""The one base class of every error meant for a person (a leaf module: imports nothing).

A view, the CLI or a background operation catches :class:`UserFacingError` and shows
``str(exc)``, a one-line message that says what is wrong and what to do; everything else is our
bug and goes to the crash dialog. Services (refused input, conflicts) and the database layer
(disk full, locked, server gone) both derive from it, so no caller has to know which layer
refused.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """``str(exc)`` is fit to show a user; nothing was half written when it was raised.

    ``environment`` is True for failures that are the machine's or the network's fault (a
    read-only or locked file, a full disk, a server that is gone): the CLI exits 2 for those
    and 1 for refused input.
    """

    environment: bool = False
