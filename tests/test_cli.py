"""The command line, run as a user runs it: a real process, real files."""

import hashlib
import os

import pytest

from tests.cli import untwist


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    result = untwist("demo", "--db", str(path))
    assert result.returncode == 0, result.stderr
    return path


def test_version():
    result = untwist("--version")
    assert result.returncode == 0 and result.stdout.startswith("untwist ")


def test_summary_prints_flags_and_pattern(demo_db):
    result = untwist("summary", "--db", str(demo_db), "--athlete", "Ava Lindqvist")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    header = next(line for line in lines if line.startswith("key"))
    assert header.split() == ["key", "left", "right", "diff", "asym/LSI", "flag"]
    rows = {
        line.split()[0]: line.split()
        for line in lines
        if line.split()
        and line.split()[0] in ("hip_ir_deg", "single_hop_cm", "adduction_drop_test")
    }
    # values carry their unit (issue 20): "29.6°", "168.1 cm"
    left, right = (float(rows["hip_ir_deg"][i].removesuffix("°")) for i in (1, 2))
    diff = rows["hip_ir_deg"][3]
    assert diff == f"{right - left:+.1f}°" or abs(float(diff[:-1]) - (right - left)) < 0.11
    assert rows["single_hop_cm"][2] == "cm" and rows["single_hop_cm"][7] == "LSI"
    assert "Pattern: left" in result.stdout
    assert str(demo_db) not in result.stdout  # deterministic: no paths


def test_summary_is_deterministic(demo_db):
    a = untwist("summary", "--db", str(demo_db), "--athlete", "Ben Okafor").stdout
    b = untwist("summary", "--db", str(demo_db), "--athlete", "Ben Okafor").stdout
    assert a == b and "Pattern: mirror" in a


@pytest.mark.parametrize(
    "args, message",
    [
        (("--athlete", "Nobody"), "No athlete named 'Nobody'"),
        (("--athlete-id", "999"), "No athlete with id 999"),
        ((), "--athlete"),
    ],
)
def test_summary_errors_exit_2_with_one_line(demo_db, args, message):
    result = untwist("summary", "--db", str(demo_db), *args)
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_missing_file_is_not_created(tmp_path):
    path = tmp_path / "missing.sqlite"
    result = untwist("summary", "--db", str(path), "--athlete", "X")
    assert result.returncode == 2 and "No database" in result.stderr
    assert not path.exists()


def test_random_bytes_stay_unchanged(tmp_path):
    path = tmp_path / "random.db"
    path.write_bytes(os.urandom(10000))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for args in (("summary", "--db", str(path), "--athlete", "X"), ("demo", "--db", str(path))):
        result = untwist(*args)
        assert result.returncode == 2 and "not an Untwist database" in result.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_demo_refuses_a_non_empty_database(demo_db):
    result = untwist("demo", "--db", str(demo_db))
    assert result.returncode == 2 and "already has athletes" in result.stderr


def test_untwist_db_environment_variable(demo_db):
    result = untwist("summary", "--athlete", "Chloé Martin", env={"UNTWIST_DB": str(demo_db)})
    assert result.returncode == 0 and "Pattern: none" in result.stdout
