import pytest

from app.domain.records import AthleteData
from app.services.athletes import (
    create_athlete,
    delete_athlete,
    find_athlete,
    list_athletes,
    set_archived,
    update_athlete,
)
from app.services.errors import AmbiguousAthlete, Conflict, NotFound, ValidationError


def test_create_edit_archive_delete(db):
    a = create_athlete(db, AthleteData(name="  Ava   Lindqvist ", dominant_side="right"))
    assert a.name == "Ava Lindqvist"
    b = update_athlete(db, a.id, AthleteData(name="Ava L.", sport="Trail"), a.version)
    assert (b.sport, b.version) == ("Trail", a.version + 1)
    with pytest.raises(Conflict):
        update_athlete(db, a.id, AthleteData(name="Stale"), a.version)
    set_archived(db, a.id, True)
    assert list_athletes(db) == []
    assert [x.name for x in list_athletes(db, include_archived=True)] == ["Ava L."]
    delete_athlete(db, a.id)
    assert list_athletes(db, include_archived=True) == []


@pytest.mark.parametrize(
    "data",
    [
        AthleteData(name="   "),
        AthleteData(name="x" * 201),
        AthleteData(name="A", dominant_side="middle"),
        AthleteData(name="A", leg_length_left_cm=float("nan")),
    ],
)
def test_invalid_athletes_are_refused(db, data):
    with pytest.raises(ValidationError):
        create_athlete(db, data)
    assert list_athletes(db, include_archived=True) == []


def test_find_by_name_is_case_insensitive_and_ambiguity_lists_ids(db):
    a = create_athlete(db, AthleteData(name="Sam Lee"))
    assert find_athlete(db, "sam lee").id == a.id
    b = create_athlete(db, AthleteData(name="Sam Lee"))
    with pytest.raises(AmbiguousAthlete) as err:
        find_athlete(db, "Sam Lee")
    assert err.value.ids == [a.id, b.id]
    assert find_athlete(db, athlete_id=b.id).id == b.id
    with pytest.raises(NotFound):
        find_athlete(db, "Nobody")


def test_search_as_you_type(db):
    for name in ("Ava Lindqvist", "Ben Okafor", "Chloé Martin"):
        create_athlete(db, AthleteData(name=name))
    assert [a.name for a in list_athletes(db, search="OKA")] == ["Ben Okafor"]
    assert [a.name for a in list_athletes(db, search="%")] == []


def test_search_and_names_ignore_case_beyond_ascii(db):
    zoe = create_athlete(db, AthleteData(name="ZOË Ångström"))
    assert [a.id for a in list_athletes(db, search="zoë")] == [zoe.id]
    assert [a.id for a in list_athletes(db, search="ångs")] == [zoe.id]
    assert find_athlete(db, "zoë ångström").id == zoe.id
