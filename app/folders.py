"""Folders we create for patient data: readable by their owner only.

A leaf module (nothing from ``app``), so the data layer, the services, the log set-up and the
window can all create folders the same way.

``Path.mkdir(mode=0o700, parents=True)`` is not enough: Python gives the mode to the last folder
only and creates the missing parents with the default mode (0755 under the usual umask), so a
new ``~/clinic/untwist/db.sqlite`` would leave ``~/clinic`` readable by every user of the
machine. Each folder that does not exist yet is made 0700 here; folders that exist are left as
they are (the user chose their permissions).
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_FOLDER_MODE = 0o700


def make_private_dirs(folder: Path) -> None:
    """Create ``folder`` and every missing parent with mode 0700; existing ones are untouched.

    Raises ``OSError`` (``FileExistsError`` when a file is in the way, ``PermissionError``,
    ...) like :meth:`Path.mkdir`.
    """
    folder = Path(folder).expanduser().absolute()
    missing: list[Path] = []
    current = folder
    while not current.is_dir():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        try:
            os.mkdir(path, PRIVATE_FOLDER_MODE)
        except FileExistsError:
            if not path.is_dir():  # a file where the folder should be
                raise
