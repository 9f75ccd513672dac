"""What a write changed, as kinds of record: the one vocabulary of the change bus.

A save, an import or another desk's edit all end as a :class:`Changes`; the window's pages
subscribe to the kinds they show (Anki's ``OpChanges`` is the model). Pure Python, so the
database layer can compute it from the tables a transaction wrote and the freshness poll from
its token, and both say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields

KINDS = ("athletes", "sessions", "programs", "adherence", "drills", "settings")


@dataclass(frozen=True)
class Changes:
    athletes: bool = False
    sessions: bool = False
    programs: bool = False
    adherence: bool = False  # days ticked done: only the tick grid shows them
    drills: bool = False
    settings: bool = False

    @classmethod
    def of(cls, kinds: Iterable[str]) -> Changes:
        """Changes for the named kinds; an unknown kind is a bug, not something to ignore."""
        wanted = set(kinds)
        unknown = wanted - set(KINDS)
        if unknown:
            raise ValueError(f"unknown kinds of change: {sorted(unknown)}")
        return cls(**{kind: True for kind in wanted})

    @classmethod
    def everything(cls) -> Changes:
        return cls.of(KINDS)

    def kinds(self) -> frozenset[str]:
        return frozenset(f.name for f in fields(self) if getattr(self, f.name))

    def __or__(self, other: Changes) -> Changes:
        return Changes.of(self.kinds() | other.kinds())

    def __bool__(self) -> bool:
        return bool(self.kinds())
