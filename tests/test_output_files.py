"""Files the user names for output (``-o FILE``): written through a symbolic link, never
over a pipe or a device, and a backup's temporary ``.part`` is never written through a link
planted at its name (it overwrote the link's target, and an old 0644 ``.part`` kept its mode)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.cli import untwist


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("out") / "demo.sqlite"
    assert untwist("demo", "--db", path).returncode == 0
    return path


COMMANDS = {
    "csv": ("export", "--format", "csv", "-o"),
    "json": ("export", "--format", "json", "-o"),
    "report": ("report", "--athlete-id", "1", "-o"),
}


@pytest.mark.parametrize("kind", sorted(COMMANDS))
def test_an_output_through_a_symbolic_link_keeps_the_link(demo, tmp_path, kind):
    real = tmp_path / "kept" / "out.file"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "link.file"
    link.symlink_to(real)
    result = untwist(*COMMANDS[kind], link, "--db", demo)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and real.stat().st_size > 3


@pytest.mark.parametrize("kind", sorted(COMMANDS))
def test_an_output_onto_a_pipe_is_refused_and_the_pipe_stays(demo, tmp_path, kind):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    result = untwist(*COMMANDS[kind], pipe, "--db", demo, timeout=60)
    assert result.returncode != 0 and "not a regular file" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_a_link_planted_at_the_backups_part_name_is_not_written_through(demo, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    out = tmp_path / "copy.sqlite"
    (tmp_path / "copy.sqlite.part").symlink_to(victim)
    result = untwist("backup", "--db", demo, "-o", out)
    assert result.returncode == 0, result.stderr
    assert victim.read_text() == "precious"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_an_old_world_readable_part_does_not_make_the_backup_readable(demo, tmp_path):
    out = tmp_path / "copy.sqlite"
    part = tmp_path / "copy.sqlite.part"
    part.write_bytes(b"left by a crash")
    part.chmod(0o644)
    assert untwist("backup", "--db", demo, "-o", out).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_backup_onto_a_dangling_link_is_refused(demo, tmp_path):
    link = tmp_path / "copy.sqlite"
    link.symlink_to(tmp_path / "nowhere.sqlite")
    result = untwist("backup", "--db", demo, "-o", link)
    assert result.returncode != 0 and "already exists" in result.stderr
    assert link.is_symlink()
