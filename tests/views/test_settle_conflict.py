"""settle_conflict: the one flow every editor runs after a conflict (reload, overwrite, keep)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtWidgets import QWidget

import app.views.conflict_dialog as conflict
from app.errors import UserFacingError
from app.services.errors import Conflict
from app.views.conflict_dialog import Line, settle_conflict


@dataclass(frozen=True)
class Note:
    text: str
    version: int


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def choose(monkeypatch):
    """Answer the dialog with ``choice``; record what it was shown."""
    asked: list[tuple[str, list[Line]]] = []

    def answer(choice: str):
        def ask(parent, what, lines):
            asked.append((what, list(lines)))
            return choice

        monkeypatch.setattr(conflict, "ask_conflict", ask)
        return asked

    return answer


class Form:
    """A stand-in editor: what the helper was asked to do."""

    def __init__(self) -> None:
        self.said: list[str] = []
        self.reloaded: list[Note] = []
        self.overwritten: list[Note | None] = []

    def settle(self, parent, current: object, stored=None):
        return settle_conflict(
            parent,
            Conflict("This note", current),
            "This note",
            Note,
            lines=lambda theirs: [Line("Text", "mine", theirs.text if theirs else "—")],
            reload=self.reloaded.append,
            overwrite=lambda theirs: self.overwritten.append(theirs) or "saved",
            say=self.said.append,
            not_saved="Not saved yet.",
            stored=stored,
        )


THEIRS = Note("theirs", 2)


def test_reload_shows_theirs_and_says_so(parent, choose):
    asked = choose("reload")
    form = Form()
    assert form.settle(parent, THEIRS) is None
    assert form.reloaded == [THEIRS] and not form.overwritten
    assert form.said == ["Showing the version saved at the other desk."]
    assert asked == [("This note", [Line("Text", "mine", "theirs")])]


def test_reload_without_their_version_asks_what_is_stored(parent, choose):
    choose("reload")
    form = Form()
    form.settle(parent, None, stored=lambda: THEIRS)
    assert form.reloaded == [THEIRS]
    form = Form()
    form.settle(parent, "not a note", stored=lambda: None)  # nothing stored: the form stays
    assert form.reloaded == [] and form.said == ["Not saved yet."]
    form = Form()
    form.settle(parent, None)  # no way to read it: the form stays
    assert form.reloaded == [] and form.said == ["Not saved yet."]


def test_a_problem_while_reloading_is_said_and_the_form_stays(parent, choose):
    choose("reload")
    form = Form()

    def broken() -> Note:
        raise UserFacingError("The database is locked.")

    form.settle(parent, None, stored=broken)
    assert form.said == ["The database is locked."] and form.reloaded == []


def test_overwrite_saves_over_theirs_and_returns_the_result(parent, choose):
    choose("overwrite")
    form = Form()
    assert form.settle(parent, THEIRS) == "saved"
    assert form.overwritten == [THEIRS] and form.said == []
    form = Form()
    assert form.settle(parent, object()) == "saved"
    assert form.overwritten == [None]  # theirs unreadable: the caller decides


def test_keep_editing_changes_nothing(parent, choose):
    choose("cancel")
    form = Form()
    assert form.settle(parent, THEIRS) is None
    assert form.said == ["Not saved yet."] and not form.reloaded and not form.overwritten
