"""The value rules every way in shares (app.domain.validation, dates, rows), read against the
table definitions they must agree with."""

import dataclasses
import datetime as dt
import json

import pytest
from sqlalchemy import Integer, String, UniqueConstraint

from app.domain import validation as v
from app.domain.catalog import InvalidValue, builtin_definitions, custom_definition
from app.domain.dates import EARLIEST, date_problem, parse_iso_date
from app.domain.rows import REFERENCES, TABLE_ORDER, UNIQUE, RowChecker
from app.models import Base
from app.models.tables import NOT_DATA

TODAY = dt.date(2026, 11, 25)
NOW = dt.datetime(2026, 11, 25, 12, 0)
HIP_IR = next(d for d in builtin_definitions() if d.key == "hip_ir_deg")


def never_a_picture(data: bytes) -> str:
    raise ValueError("not a picture")


# -- numbers and text --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["١٢", "１２", "1_0", "inf", "nan", "1e400", "12,5", "", " ", "0x10", "²", "1.2.3", "--1"],
)
def test_only_ascii_numbers_with_a_dot_are_numbers(text):
    with pytest.raises(v.Invalid):
        v.parse_number(text)
    with pytest.raises(InvalidValue):
        HIP_IR.validate(text)  # what a form and CSV hand the catalog


@pytest.mark.parametrize(("text", "value"), [("12", 12.0), (" 12.5 ", 12.5), ("-.5", -0.5)])
def test_plain_numbers_are_read(text, value):
    assert v.parse_number(text) == value


@pytest.mark.parametrize("value", [float("inf"), float("nan"), 10**400, True, "x", None, 1e300])
def test_stored_numbers_are_finite_and_bounded(value):
    with pytest.raises(InvalidValue):
        HIP_IR.validate(value)


def test_text_refuses_nul_controls_lone_surrogates_and_length():
    assert v.text_problem("ok\tthen\nmore", 100, "notes", multiline=True) is None
    assert "NUL" in v.text_problem("a\x00b", 100, "notes", multiline=True)
    assert "control" in v.text_problem("\x1b[31mred", 100, "the name")
    assert "control" in v.text_problem("C1 \x9b2J", 100, "notes", multiline=True)
    assert "control" in v.text_problem("two\nlines", 100, "the name")
    assert "surrogate" in v.text_problem("\ud800", 100, "the name")
    assert "longer than 3" in v.text_problem("abcd", 3, "the name")


def test_names_are_nfc_so_an_nfd_name_is_the_same_name():
    nfd, nfc = "Zoe\u0308 Ma\u0301rquez", "Zoë Márquez"
    assert nfd != nfc
    assert v.clean_name(nfd) == nfc
    assert v.name_key("  ZOE\u0308   márquez ") == v.name_key(nfc)


def test_ids_fit_postgresql_integer():
    assert v.id_problem(2**31 - 1) is None
    assert v.id_problem(2**31) is not None
    assert v.id_problem(0) is not None
    assert v.id_problem(True) is not None
    assert "digit" in v.id_problem(10**400)  # never printed whole


# -- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "problem"),
    [
        (dt.date(1, 1, 1), "before 1900-01-01"),
        (dt.date(1899, 12, 31), "before 1900-01-01"),
        (TODAY + dt.timedelta(days=1), "in the future"),
        (dt.date(9999, 12, 31), "in the future"),
        (dt.datetime(2020, 1, 1), "not a date"),
        ("2020-01-01", "not a date"),
    ],
)
def test_dates_run_from_1900_to_today(day, problem):
    assert problem in date_problem(day, TODAY, "the date")


def test_dates_at_the_limits_are_fine_and_programs_may_be_planned():
    assert date_problem(EARLIEST, TODAY) is None
    assert date_problem(TODAY, TODAY) is None
    assert date_problem(TODAY + dt.timedelta(days=30), TODAY, ahead=True) is None
    assert "ahead" in date_problem(dt.date(9999, 1, 1), TODAY, ahead=True)


@pytest.mark.parametrize("text", ["٢٠٢٦-٠١-٠١", "20260101", "2026-W01-1", "2026-1-1", "2026-02-30"])
def test_dates_are_read_strictly(text):
    with pytest.raises(ValueError):
        parse_iso_date(text)


# -- the limits agree with the tables ----------------------------------------------------------


LIMITS = {
    ("athletes", "name"): v.NAME_MAX,
    ("athletes", "sex"): v.SEX_MAX,
    ("athletes", "sport"): v.SPORT_MAX,
    ("athletes", "dominant_side"): v.SIDE_MAX,
    ("athletes", "involved_side"): v.SIDE_MAX,
    ("assessments", "clinician"): v.NAME_MAX,
    ("measurements", "key"): v.KEY_MAX,
    ("measurement_definitions", "key"): v.KEY_MAX,
    ("measurement_definitions", "name"): v.NAME_MAX,
    ("measurement_definitions", "unit"): v.UNIT_MAX,
    ("settings", "key"): v.SETTING_KEY_MAX,
    ("drills", "key"): v.DRILL_KEY_MAX,
    ("drills", "name"): v.NAME_MAX,
    ("drills", "region"): v.REGION_MAX,
    ("program_items", "drill_key"): v.DRILL_KEY_MAX,
}


def test_the_domain_limits_are_the_columns_lengths():
    for (table, column), limit in LIMITS.items():
        assert Base.metadata.tables[table].c[column].type.length == limit, (table, column)


def test_the_checker_knows_every_table_reference_and_unique_constraint():
    tables = {t.name: t for t in Base.metadata.sorted_tables if t.name not in NOT_DATA}
    assert set(TABLE_ORDER) == set(tables)
    fks = {(t.name, fk.parent.name): fk.column.table.name for t in tables.values()
           for fk in t.foreign_keys}  # fmt: skip
    assert dict(REFERENCES) == fks
    uniques = {
        name: {tuple(c.name for c in con.columns) for con in t.constraints
               if isinstance(con, UniqueConstraint)}
        | {(c.name,) for c in t.columns if c.unique}
        for name, t in tables.items()
    }  # fmt: skip
    uniques["settings"] = {("key",)}  # its primary key
    assert {n: set(u) for n, u in UNIQUE.items()} == {n: u for n, u in uniques.items() if u}
    for name in TABLE_ORDER:  # parents before children
        for (child, _), parent in REFERENCES.items():
            if child == name:
                assert TABLE_ORDER.index(parent) < TABLE_ORDER.index(name)


def test_every_integer_column_is_checked_against_postgresql_integer():
    checker = RowChecker(TODAY, NOW, never_a_picture)
    columns = [
        (t.name, c.name)
        for t in Base.metadata.sorted_tables
        if t.name in TABLE_ORDER
        for c in t.columns
        if isinstance(c.type, Integer) and not c.foreign_keys
    ]
    for table, column in columns:
        row = {"id": 1, column: 2**31}
        _, problems = checker.check(table, row)
        assert any(column in p or "id" in p for p in problems), (table, column, problems)


def test_the_settings_rules_cover_every_clinic_setting():
    from app.services.settings import KEYS, SETTINGS_VERSION_KEY, ClinicSettings

    assert set(v.SETTING_CHECKS) == {*KEYS, SETTINGS_VERSION_KEY}
    context = v.SettingContext(lambda: {d.key for d in builtin_definitions()}, lambda: set())
    for key, value in dataclasses.asdict(ClinicSettings()).items():
        assert v.setting_problem(key, value, context) is None, key


def test_text_columns_without_a_string_length_are_free_text():
    # every String column with a length is in LIMITS or is an enum/short code checked elsewhere
    checked_elsewhere = {
        ("measurement_definitions", "kind"), ("measurement_definitions", "rule"),
        ("measurement_definitions", "result"), ("measurement_definitions", "higher"),
        ("drills", "side"), ("drills", "illustration"), ("drills", "image_type"),
        ("programs", "pattern"), ("program_items", "side"),
        ("measurement_photos", "side"), ("measurement_photos", "image_type"),
        ("change_counters", "kind"),  # bookkeeping, never imported (NOT_DATA)
        ("athletes", "folded_name"),  # derived from the name on every write (DERIVED)
        ("athletes", "handout_language"), ("drills", "language"),  # language codes
    }  # fmt: skip
    for t in Base.metadata.sorted_tables:
        for c in t.columns:
            if isinstance(c.type, String) and getattr(c.type, "length", None):
                assert (t.name, c.name) in LIMITS or (t.name, c.name) in checked_elsewhere


# -- custom measurements, drills, settings -------------------------------------------------------


GOOD_DEF = {
    "key": "grip_kg", "name": "Grip", "unit": "kg", "kind": "number", "rule": "lsi",
    "min": 0.0, "max": 120.0, "threshold": 90.0, "mdc": 2.5, "protocol": "",
}  # fmt: skip


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"kind": "weird"}, "weird"),
        ({"min": 130.0}, "min must be below max"),
        ({"threshold": -1.0}, "cannot be negative"),
        ({"threshold": 150.0}, "between 0 and 100"),
        ({"max": float("inf")}, "finite"),
        ({"key": "hip_ir_deg"}, "built-in"),
        ({"key": "Grip KG"}, "lowercase"),
        ({"name": "x" * 201}, "longer than 200"),
        ({"unit": "k\x00g"}, "NUL"),
        ({"higher": "up"}, "higher"),
    ],
)
def test_a_custom_definition_is_coherent_or_refused(change, problem):
    custom_definition(GOOD_DEF)
    with pytest.raises(ValueError, match=problem):
        custom_definition({**GOOD_DEF, **change})


def _rows(**tables):
    return {name: tables.get(name, []) for name in TABLE_ORDER}


def test_the_row_checker_reports_what_the_forms_would_refuse():
    checker = RowChecker(TODAY, NOW, never_a_picture, skip_settings=v.PATH_SETTINGS)
    athlete = {"id": 1, "name": "A\u0301na", "dominant_side": "up", "birth_date": dt.date(1, 1, 1)}
    dosage = json.dumps(
        {"sets": "3", "amount": "x", "unit": "laps", "each_side": True, "per_week": 3}
    )
    tables = _rows(
        athletes=[
            athlete, {"id": 2**31, "name": "Big"}, {"id": 3, "name": "S", "sport": "x" * 101},
        ],
        drills=[
            {"id": 1, "key": "a-drill", "name": "A", "region": "hip", "side": "both",
             "steps": '["one"]', "targets": "[]", "dosage": dosage},
            {"id": 2, "key": "a-drill", "name": "B", "region": "hip", "side": "both",
             "steps": "{}", "targets": "[]", "dosage": "{}", "image": b"xx", "image_type": "png"},
        ],
        settings=[{"key": "paper", "value": "5"}, {"key": "backup_folder", "value": "7"}],
        assessments=[{"id": 1, "athlete_id": 1, "date": dt.date(9999, 1, 1)}],
        measurements=[
            {"id": 1, "assessment_id": 1, "key": "hip_ir_deg", "left": 1e400, "pain_left": 99},
        ],
    )  # fmt: skip
    _, problems = checker.check_all(tables)
    text = "\n".join(map(str, problems))
    for expected in [
        "athletes row 1: the dominant side 'up' is not one of left, right",
        "athletes row 1: the birth date is before 1900-01-01 (0001-01-01)",
        "athletes row 2: id 2147483648 is outside 1 to 2147483647",
        "athletes row 3: the sport is longer than 100 characters",
        'drills row 1: dosage: amount must be a count such as "3"',
        "drills row 2: key 'a-drill' repeats",
        "drills row 2: steps is not a list",
        "drills row 2: the picture: not a picture",
        "settings row 1: setting paper: the value 5 is not one of a4, letter",
        "assessments row 1: the date is in the future (9999-01-01)",
        "measurements row 1: left: Hip IR: not a finite number",
        "measurements row 1: pain_left 99 is outside 0 to 10",
    ]:
        assert expected in text, (expected, text)
    assert "backup_folder" not in text  # not checked: the caller drops it
    assert "assessment_id" not in text  # a bad session is reported once, not by its children


def test_the_row_checker_reads_a_good_row_and_cleans_the_name():
    checker = RowChecker(TODAY, NOW, never_a_picture)
    cleaned, problems = checker.check("athletes", {"id": 1, "name": " Zoe\u0308 "})
    assert problems == [] and cleaned["name"] == "Zoë"
    measurement = {"id": 1, "assessment_id": 1, "key": "hip_ir_deg", "left_1": 30.0, "left": 30.0,
                   "right": None, "pain_left": 3}  # fmt: skip
    checker.check("assessments", {"id": 1, "athlete_id": 1, "date": TODAY})
    assert checker.check("measurements", measurement)[1] == []
    assert "repeats" in checker.check("measurements", {**measurement, "id": 2})[1][0]


def _rules() -> dict[str, str]:
    return {d.key: str(d.rule) for d in builtin_definitions()}


@pytest.mark.parametrize(
    ("thresholds", "said"),
    [
        ({"single_hop_cm": 200}, "outside 0.1 to 99.9"),  # an LSI of 200 %: everyone flags
        ({"single_hop_cm": 0}, "outside 0.1 to 99.9"),  # an LSI of 0 %: nobody does
        ({"hip_ir_deg": 0}, "outside 0.1 to 1000"),  # a zero difference flags rounding
        ({"adduction_drop_test": 1}, "pass/fail"),
    ],
)
def test_a_threshold_outside_its_rules_range_is_refused_from_any_door(thresholds, said) -> None:
    context = v.SettingContext(lambda: set(_rules()), measurement_rules=_rules)
    problem = v.setting_problem("thresholds", thresholds, context)
    assert problem is not None and said in problem


def test_the_settings_spin_boxes_and_the_check_share_one_range() -> None:
    context = v.SettingContext(lambda: set(_rules()), measurement_rules=_rules)
    for key, rule in _rules().items():
        if rule in v.THRESHOLD_RANGE:
            low, high = v.THRESHOLD_RANGE[rule]
            assert v.setting_problem("thresholds", {key: low}, context) is None
            assert v.setting_problem("thresholds", {key: high}, context) is None
