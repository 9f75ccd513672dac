"""The cold-start floor: a bare PySide6 window that also imports ``sqlalchemy.orm``.

Run as a process (``python -m bench._floor_window OUT.png``) by :mod:`bench.startup`: it paints
a 1280×800 ``QMainWindow``, saves it as a PNG (as ``untwist --screenshot`` does) and exits.
No application can start faster on this machine with this toolkit and this database layer.
"""

from __future__ import annotations

import sys

import sqlalchemy.orm  # noqa: F401  (the floor includes the database layer's import)
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()

    def shoot() -> None:
        window.grab().save(sys.argv[1])
        app.quit()

    QTimer.singleShot(0, shoot)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
