"""Conditions of the machine, made for real for the tests: read-only, locked, full, gone.

Shared by the command-line tests (tests/test_cli_environment.py) and the window's
(tests/views/test_environment_errors.py). Nothing here is simulated: ``chattr +i``, another
process holding SQLite's locks, a small tmpfs filled up, a PostgreSQL cluster stopped.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pgserver import PostgresServer


class Immutable:
    """``chattr +i``: a file no one may write, rename or delete, nor add to a folder; root too.

    Call it on a path (inside a test); :meth:`undo` in the fixture's teardown. Skips the test,
    with the reason, where ``chattr`` is missing or the file system has no such attribute.
    """

    def __init__(self) -> None:
        self.made: list[Path] = []

    def __call__(self, path: Path) -> Path:
        if shutil.which("chattr") is None:
            pytest.skip("chattr is not installed: cannot make a file read-only for root")
        done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"chattr +i refused here ({done.stderr.strip()}): no read-only file")
        self.made.append(path)
        assert not os.access(path, os.W_OK)
        return path

    def undo(self) -> None:
        for path in self.made:
            subprocess.run(["chattr", "-i", str(path)], check=True)


@contextlib.contextmanager
def held(path: Path, *, readers_too: bool) -> Iterator[None]:
    """Another process holds ``path`` until the block ends.

    ``readers_too``: ``locking_mode=EXCLUSIVE`` so nobody may even read; otherwise only the
    writer lock (``BEGIN EXCLUSIVE`` in WAL mode), which leaves reading free.
    """
    mode = "c.execute('PRAGMA locking_mode=EXCLUSIVE')\n" if readers_too else ""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys\n"
            f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
            "c.execute('PRAGMA journal_mode=WAL')\n"
            f"{mode}"
            "c.execute('BEGIN EXCLUSIVE')\n"
            "c.execute('SELECT COUNT(*) FROM athletes').fetchone()\n"
            "print('locked', flush=True)\n"
            "sys.stdin.readline()\n"
            "c.execute('ROLLBACK')\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=10)


@contextlib.contextmanager
def tmpfs(mount: Path, size: str, owner: str | None = None) -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``mount`` (as root), unmounted at the end."""
    mount.mkdir(exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs (needs root): {done.stderr.strip()}")
    try:
        if owner:
            shutil.chown(mount, owner, owner)
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def fill(disk: Path, leave: int) -> None:
    """Fill ``disk`` to the last byte, then give back ``leave`` bytes (whole pages)."""
    filler = disk / "filler"
    # unbuffered: a partial write on a full disk leaves nothing behind for close() to flush
    # (a buffered file raised ENOSPC from close whenever the free space was not a multiple
    # of the block)
    with filler.open("wb", buffering=0) as fh:
        block = b"\0" * 65536
        with contextlib.suppress(OSError):
            while True:
                fh.write(block)
                fh.flush()
    size = filler.stat().st_size
    os.truncate(filler, max(0, size - leave))
    free = shutil.disk_usage(disk).free
    assert free <= leave + 8192, free


class OwnServer(PostgresServer):
    """A cluster of its own, so stopping it disturbs no other test."""

    def __init__(self, bin_dir: Path) -> None:
        super().__init__(bin_dir)
        self.port += 2  # neither the shared test server's port nor the clinic test's

    def halt(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def running(self) -> bool:
        command = [str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "status"]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        return subprocess.run(command, capture_output=True).returncode == 0

    def resume(self) -> None:
        if self.running():
            return
        options = (
            f"-c listen_addresses='' -c unix_socket_directories={self.socket_dir} "
            f"-p {self.port} -c fsync=off"
        )
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-w", "-t", "60",
                  "-l", str(self.root / "server.log"), "start")  # fmt: skip

    def connect(self, dbname: str = "postgres", autocommit: bool = True):  # type: ignore[no-untyped-def]
        import psycopg

        return psycopg.connect(host=str(self.socket_dir), port=self.port, user="postgres",
                               dbname=dbname, autocommit=autocommit)  # fmt: skip
