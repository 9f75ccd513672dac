"""Logging to a rotating file in the data folder, and hard crashes via faulthandler.

The log is where "Copy details" points people, so it must exist before anything can fail.
"""

from __future__ import annotations

import faulthandler
import io
import logging
import logging.handlers
import os
from pathlib import Path
from typing import IO

from app.folders import make_private_dirs

LOG_NAME = "untwist.log"
_fault_file: IO[str] | None = None


def log_dir() -> Path:
    from app.config import data_dir

    return data_dir() / "logs"


def log_path() -> Path:
    return log_dir() / LOG_NAME


class _PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
    """Log files may mention patients' names: readable by the owner only."""

    def _open(self) -> io.TextIOWrapper:
        make_private_dirs(Path(self.baseFilename).parent)
        fd = os.open(self.baseFilename, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
        return io.TextIOWrapper(os.fdopen(fd, "ab"), encoding=self.encoding)


class _QuietHandler(_PrivateRotatingHandler):
    """A log file that never speaks on stderr, not even when it cannot be written."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def log_commands() -> None:
    """For headless commands: log records go to ``untwist.log``, never to stderr.

    A command's stderr carries one line (DOMAIN.md §7). Without a handler Python prints every
    warning there, tracebacks included: psycopg's "error ignored terminating <Pipeline>" when
    the server is gone mid-import, our own ``log.exception`` when an upgrade fails. The file is
    opened at the first record only, so a command that logs nothing creates no folder.
    """
    root = logging.getLogger()
    if any(isinstance(h, _PrivateRotatingHandler) for h in root.handlers):
        return
    handler = _QuietHandler(
        log_path(), maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)


def setup_logging(folder: Path | None = None) -> Path:
    """Send warnings and errors to ``untwist.log`` (1 MB × 3 files) and enable faulthandler."""
    global _fault_file
    folder = folder or log_dir()
    make_private_dirs(folder)
    path = folder / LOG_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _PrivateRotatingHandler):
            root.removeHandler(handler)
            handler.close()
    handler = _PrivateRotatingHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    fd = os.open(folder / "crash.log", os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
    if _fault_file is not None:
        faulthandler.disable()
        _fault_file.close()
    _fault_file = os.fdopen(fd, "a", encoding="utf-8")
    faulthandler.enable(_fault_file)
    return path
