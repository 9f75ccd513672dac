"""The program being edited on the Program page, without the widgets.

A :class:`ProgramDraft` holds what the editor shows: the drills in order (each item with the
drill it resolves to, for display), the start date, the number of weeks, the handout notes, the
pattern and reasons of a suggestion, the saved version it started from and the newest version
id when it was opened (``based_on``: what a save is checked against, see
:func:`app.services.programs.save_program`). Every operation says whether it changed anything,
and any change marks the draft ``dirty`` (unsaved), so the page never has to guess.

Not to be confused with :class:`app.domain.programs.ProgramDraft`, the service's *suggestion*
(items with reasons, or nothing and why); a suggestion becomes one of these when the page shows
it.

Pure Python: no Qt, no SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from app.domain.drills import Dosage, Drill, Side
from app.domain.programs import (
    DEFAULT_WEEKS,
    ProgramData,
    ProgramItem,
    ProgramRecord,
    resolve_item_drill,
)


@dataclass(frozen=True)
class DraftItem:
    """One drill of the draft: the item as it will be saved, and the drill it names."""

    item: ProgramItem
    drill: Drill


class ProgramDraft:
    """The program on screen; rows are 0-based positions in the list of drills."""

    def __init__(
        self,
        *,
        start: dt.date,
        weeks: int = DEFAULT_WEEKS,
        notes: str = "",
        entries: Iterable[DraftItem] = (),
        pattern: str | None = None,
        reasons: tuple[str, ...] = (),
        saved: ProgramRecord | None = None,
        based_on: int | None = None,
        dirty: bool = False,
    ) -> None:
        self.start = start
        self.weeks = weeks
        self.notes = notes  # as typed; stripped in data()
        self._entries = list(entries)
        self.pattern = pattern
        self.reasons = reasons
        self.saved = saved  # the saved version this draft started from; None: not saved yet
        self.based_on = based_on
        self.dirty = dirty  # unsaved changes (a suggestion is unsaved from the start)

    @classmethod
    def of_record(
        cls,
        record: ProgramRecord,
        resolve: Callable[[ProgramItem], Drill],
        *,
        based_on: int | None,
    ) -> ProgramDraft:
        """A saved version, as it was saved (not dirty)."""
        return cls._of(record, resolve, saved=record, based_on=based_on, dirty=False)

    @classmethod
    def unsaved(
        cls,
        data: ProgramData,
        resolve: Callable[[ProgramItem], Drill],
        *,
        based_on: int | None,
    ) -> ProgramDraft:
        """A program not saved yet, such as a suggestion (dirty from the start)."""
        return cls._of(data, resolve, saved=None, based_on=based_on, dirty=True)

    @classmethod
    def _of(
        cls,
        data: ProgramData,
        resolve: Callable[[ProgramItem], Drill],
        *,
        saved: ProgramRecord | None,
        based_on: int | None,
        dirty: bool,
    ) -> ProgramDraft:
        return cls(
            start=data.start_date,
            weeks=data.weeks,
            notes=data.notes,
            entries=[DraftItem(item, resolve(item)) for item in data.items],
            pattern=data.pattern,
            reasons=data.reasons,
            saved=saved,
            based_on=based_on,
            dirty=dirty,
        )

    # -- reading --------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._entries)

    def has(self, row: int) -> bool:
        return 0 <= row < len(self._entries)

    @property
    def items(self) -> tuple[ProgramItem, ...]:
        return tuple(e.item for e in self._entries)

    @property
    def drills(self) -> tuple[Drill, ...]:
        return tuple(e.drill for e in self._entries)

    def item(self, row: int) -> ProgramItem:
        return self._entries[row].item

    def drill(self, row: int) -> Drill:
        return self._entries[row].drill

    def data(self) -> ProgramData:
        """The program as it would be saved."""
        return ProgramData(
            start_date=self.start,
            items=self.items,
            weeks=self.weeks,
            pattern=self.pattern,
            reasons=self.reasons,
            notes=self.notes.strip(),
        )

    @property
    def saved_unchanged(self) -> ProgramRecord | None:
        """The saved version when the draft still is exactly it (its ticks and PDF apply)."""
        return None if self.dirty else self.saved

    def printable(self) -> ProgramRecord | ProgramData:
        """What a handout prints: the saved version, or what is on screen when it was edited."""
        return self.saved_unchanged or self.data()

    # -- the program as a whole -----------------------------------------------------------------
    def set_start(self, day: dt.date) -> bool:
        return self._set("start", day)

    def set_weeks(self, weeks: int) -> bool:
        return self._set("weeks", weeks)

    def set_notes(self, notes: str) -> bool:
        return self._set("notes", notes)

    def _set(self, name: str, value: object) -> bool:
        if getattr(self, name) == value:
            return False
        setattr(self, name, value)
        return self._changed()

    def _changed(self) -> bool:
        self.dirty = True
        return True

    # -- the drills -----------------------------------------------------------------------------
    def add(self, drill: Drill) -> int:
        """Append ``drill`` as it is written (its side, its default dosage); its row."""
        self._entries.append(DraftItem(ProgramItem(drill.key, drill.side, drill.dosage), drill))
        self._changed()
        return len(self._entries) - 1

    def remove(self, row: int) -> bool:
        if not self.has(row):
            return False
        del self._entries[row]
        return self._changed()

    def move(self, row: int, step: int) -> int | None:
        """Move the drill at ``row`` by ``step`` places; its new row, or None when it cannot."""
        target = row + step
        if step == 0 or not (self.has(row) and self.has(target)):
            return None
        self._entries.insert(target, self._entries.pop(row))
        self._changed()
        return target

    def reorder(self, order: Sequence[int]) -> bool:
        """Put the drills in ``order`` (old rows, new order: a drag in the list)."""
        if sorted(order) != list(range(len(self._entries))):
            raise ValueError(f"not a reordering of {len(self._entries)} rows: {list(order)}")
        if list(order) == sorted(order):
            return False
        self._entries = [self._entries[i] for i in order]
        return self._changed()

    def edit(self, row: int, dosage: Dosage, notes: str) -> bool:
        """Set the dosage and the note of one drill; False when nothing differs."""
        if not self.has(row):
            return False
        entry = self._entries[row]
        item = replace(entry.item, dosage=dosage, notes=notes)
        if item == entry.item:
            return False
        self._entries[row] = replace(entry, item=item)
        return self._changed()

    def set_side(self, row: int, side: Side, library: Sequence[Drill]) -> bool:
        """Do the drill at ``row`` on ``side``: mirrored when written for the other side.

        The drill is looked up in ``library`` (the draft's own drills when it is empty).
        """
        if not self.has(row):
            return False
        entry = self._entries[row]
        drill = resolve_item_drill(entry.item.drill_key, side, library or self.drills)
        item = replace(entry.item, drill_key=drill.key, side=side)
        if item == entry.item and drill == entry.drill:
            return False
        self._entries[row] = DraftItem(item, drill)
        return self._changed()
