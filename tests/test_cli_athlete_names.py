"""``--athlete NAME`` as a person types it (issue 20 point 8), on every command that takes it:
a unique match ignoring case and accents, or a part of the name, is the athlete; an exact
match wins over a folded one; no match or several exits 2 with one line naming the nearest."""

from __future__ import annotations

import pytest

from app.domain.records import AthleteData
from app.models.db import open_database
from app.services.athletes import create_athlete
from tests.cli import untwist


@pytest.fixture(scope="module")
def names_db(tmp_path_factory):
    """The demo (Ava Lindqvist, Ben Okafor, Chloé Martin) plus an unaccented Chloe and two
    athletes who share one name."""
    path = tmp_path_factory.mktemp("names") / "demo.sqlite"
    assert untwist("demo", "--db", str(path)).returncode == 0
    db = open_database(str(path), create=False)
    try:
        ids = {
            name: create_athlete(db, AthleteData(name=name)).id
            for name in ("Chloe Martin", "Sam Lee", "Sam Lee ")
        }
    finally:
        db.dispose()
    return path, ids


def summary(path, name: str):
    return untwist("summary", "--db", str(path), "--athlete", name)


@pytest.mark.parametrize("typed", ["ava", "AVA LINDQVIST", "lindq", "ben okafor", "Okafor"])
def test_a_unique_match_ignoring_case_accents_or_a_part_is_the_athlete(names_db, typed):
    path, _ = names_db
    full = {"a": "Ava Lindqvist", "l": "Ava Lindqvist", "b": "Ben Okafor", "o": "Ben Okafor"}
    expected = summary(path, full[typed[0].lower()])
    result = summary(path, typed)
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected.stdout


def test_a_name_typed_without_its_accents_finds_the_athlete(tmp_path):
    path = tmp_path / "demo.sqlite"
    assert untwist("demo", "--db", str(path)).returncode == 0
    typed = summary(path, "chloe martin")
    assert typed.returncode == 0, typed.stderr
    assert typed.stdout == summary(path, "Chloé Martin").stdout
    assert typed.stdout.startswith("Chloé Martin")


def test_an_exact_match_wins_over_a_folded_one(names_db):
    path, ids = names_db
    accented, plain = summary(path, "Chloé Martin"), summary(path, "Chloe Martin")
    assert accented.returncode == plain.returncode == 0
    assert accented.stdout != plain.stdout  # two athletes: Chloé has sessions, Chloe none
    assert summary(path, "chloé martin").stdout == accented.stdout  # same letters, any case
    assert summary(path, "CHLOE MARTIN").stdout == plain.stdout
    result = summary(path, "chloè martin")  # neither, but both when accents are ignored
    assert result.returncode == 2
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1 and "Traceback" not in line
    assert "did you mean 'Chloé Martin' (id 3) or 'Chloe Martin'" in line
    assert f"(id {ids['Chloe Martin']})" in line and "--athlete-id" in line


def test_a_shared_name_lists_the_ids(names_db):
    path, ids = names_db
    result = summary(path, "sam lee")
    assert result.returncode == 2
    assert result.stderr.strip().endswith(
        f"2 athletes are named 'sam lee' (ids {ids['Sam Lee']}, {ids['Sam Lee ']}): "
        "use --athlete-id."
    )


@pytest.mark.parametrize(
    "command",
    [
        ("summary",),
        ("export", "-o", "{tmp}/one.csv"),
        ("report", "-o", "{tmp}/one.pdf", "--program", "suggested"),
    ],
)
def test_no_match_says_the_nearest_names_on_every_command(names_db, tmp_path, command):
    path, _ = names_db
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    result = untwist(*args, "--db", str(path), "--athlete", "Ben Okafro")
    assert result.returncode == 2
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1 and "Traceback" not in line
    assert "No athlete named 'Ben Okafro': did you mean 'Ben Okafor'" in line
    assert list(tmp_path.iterdir()) == []
    found = untwist(*args, "--db", str(path), "--athlete", "ava")
    assert found.returncode == 0, found.stderr


def test_several_partial_matches_exit_2_naming_them(names_db):
    path, _ = names_db
    result = summary(path, "a")  # in nearly every name
    assert result.returncode == 2
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1
    assert "athletes match 'a': did you mean" in line and "more)" in line
