"""Two desks saved the same record: show both versions and let the user decide, knowingly.

Optimistic locking refuses the second save (services raise ``Conflict`` with the record as it
is stored). Rather than a yes/no question, the user sees what they typed next to what the other
desk saved, the lines that differ marked, and chooses:

* **Reload** — take the other desk's version; what they typed is discarded.
* **Overwrite** — save theirs over it, having seen what is lost.
* **Keep editing** — neither; the form stays as it was (copy a value across, then save).

Every editor runs that choice through :func:`settle_conflict`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.asymmetry import display_unit, to_display
from app.domain.catalog import Catalog
from app.domain.drills import Drill
from app.domain.programs import ProgramData
from app.domain.records import AthleteData, MeasurementRecord, SessionRecord
from app.domain.text import counted
from app.errors import UserFacingError
from app.services.errors import Conflict
from app.views.style import value_text
from app.views.translation import QT_TRANSLATE_NOOP, localized_number, user_text

Choice = Literal["reload", "overwrite", "cancel"]
RELOAD: Choice = "reload"
OVERWRITE: Choice = "overwrite"
CANCEL: Choice = "cancel"
DIFFERENT_BACKGROUND = "#fff1c2"
DIFFERENT_INK = "#1a1a1a"

R = TypeVar("R")  # the kind of record in conflict
T = TypeVar("T")  # what saving it returns


@dataclass(frozen=True)
class Line:
    """One field of the record: its label, the value on this screen and the stored one."""

    label: str
    yours: str
    theirs: str

    @property
    def differs(self) -> bool:
        return self.yours != self.theirs


def number(value: float | None) -> str:
    """As the editor shows a value (two decimals at most), so equal means equal on screen."""
    if value is None:
        return "—"
    shown = str(int(value)) if float(value).is_integer() else f"{round(value, 2):g}"
    return localized_number(shown)  # the UI's decimal mark, as the editor shows it


def _text(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return number(value)
    return " ".join(str(value).split())


# -- what each kind of record looks like, field by field ------------------------------------

ATHLETE_FIELDS = (
    ("name", QT_TRANSLATE_NOOP("ConflictDialog", "Name")),
    ("birth_date", QT_TRANSLATE_NOOP("ConflictDialog", "Birth date")),
    ("sex", QT_TRANSLATE_NOOP("ConflictDialog", "Sex")),
    ("sport", QT_TRANSLATE_NOOP("ConflictDialog", "Sport")),
    ("dominant_side", QT_TRANSLATE_NOOP("ConflictDialog", "Dominant side")),
    ("involved_side", QT_TRANSLATE_NOOP("ConflictDialog", "Involved side")),
    ("injury_date", QT_TRANSLATE_NOOP("ConflictDialog", "Injury / surgery date")),
    ("injury_notes", QT_TRANSLATE_NOOP("ConflictDialog", "Injury / surgery")),
    ("leg_length_left_cm", QT_TRANSLATE_NOOP("ConflictDialog", "Leg length left (cm)")),
    ("leg_length_right_cm", QT_TRANSLATE_NOOP("ConflictDialog", "Leg length right (cm)")),
    ("notes", QT_TRANSLATE_NOOP("ConflictDialog", "Notes")),
    ("handout_language", QT_TRANSLATE_NOOP("ConflictDialog", "Handout language")),
)


def athlete_lines(yours: AthleteData, theirs: AthleteData | None) -> list[Line]:
    return [
        Line(label, _text(getattr(yours, name)), _text(getattr(theirs, name, None)))
        for name, label in ATHLETE_FIELDS
    ]


def drill_lines(yours: Drill, theirs: Drill | None) -> list[Line]:
    def fields(d: Drill | None) -> list[str]:
        if d is None:
            return ["—"] * 10
        return [
            _text(d.name),
            _text(d.aim),
            _text(d.region),
            _text(d.side),
            _text(d.setup),
            " / ".join(d.steps) or "—",
            _text(d.feel),
            " / ".join(d.mistakes) or "—",
            d.dosage.text(d.language),
            ", ".join(d.targets) or "—",
        ]

    labels = (
        QT_TRANSLATE_NOOP("ConflictDialog", "Name"),
        QT_TRANSLATE_NOOP("ConflictDialog", "Aim"),
        QT_TRANSLATE_NOOP("ConflictDialog", "Region"),
        QT_TRANSLATE_NOOP("ConflictDialog", "Side"),
        QT_TRANSLATE_NOOP("ConflictDialog", "Setup"),
        QT_TRANSLATE_NOOP("ConflictDialog", "Steps"),
        QT_TRANSLATE_NOOP("ConflictDialog", "What to feel"),
        QT_TRANSLATE_NOOP("ConflictDialog", "Common mistakes"),
        QT_TRANSLATE_NOOP("ConflictDialog", "Dosage"),
        QT_TRANSLATE_NOOP("ConflictDialog", "Targets"),
    )
    return [
        Line(label, a, b) for label, a, b in zip(labels, fields(yours), fields(theirs), strict=True)
    ]


def _measurement_text(record: MeasurementRecord | None, catalog: Catalog, unit: str) -> str:
    if record is None:
        return "—"
    definition = catalog.get(record.key)

    def side(trials: tuple[float, ...]) -> str:
        if not trials:
            return "—"
        if definition is None:
            return "/".join(number(v) for v in trials)
        if definition.is_passfail:
            return "/".join(value_text(definition, v, unit) for v in trials)
        return "/".join(number(to_display(v, definition.unit, unit)) for v in trials)

    suffix = ""
    if definition is not None and not definition.is_passfail:
        suffix = " " + display_unit(definition.unit, unit)
    text = translate("ConflictDialog", "L {0} · R {1}").format(
        side(record.left_trials), side(record.right_trials)
    ) + suffix
    if record.pain_left is not None or record.pain_right is not None:
        pain = translate("ConflictDialog", " · pain {0}/{1}")
        text += pain.format(_text(record.pain_left), _text(record.pain_right))
    if record.notes:
        text += f" · {_text(record.notes)}"
    return text


def _field_lines(
    yours: object, theirs: object | None, fields: Sequence[tuple[str, str]]
) -> list[Line]:
    """One line per (label, attribute): the value on each side, "—" where the other side has
    no record (deleted by another desk)."""
    return [
        Line(label, _text(getattr(yours, name)), _text(getattr(theirs, name, None)))
        for label, name in fields
    ]


def session_lines(
    yours: SessionRecord, theirs: SessionRecord | None, catalog: Catalog, length_unit: str
) -> list[Line]:
    """Header fields, then one line per measurement either side holds (catalog order)."""
    lines = _field_lines(
        yours,
        theirs,
        (
            (QT_TRANSLATE_NOOP("ConflictDialog", "Date"), "date"),
            (QT_TRANSLATE_NOOP("ConflictDialog", "Clinician"), "clinician"),
            (QT_TRANSLATE_NOOP("ConflictDialog", "Notes"), "notes"),
        ),
    )
    keys = {m.key for m in yours.measurements}
    keys |= {m.key for m in theirs.measurements} if theirs else set()
    for key in sorted(keys, key=catalog.order):
        definition = catalog.get(key)
        lines.append(
            Line(
                definition.label if definition else key,
                _measurement_text(yours.measurement(key), catalog, length_unit),
                _measurement_text(
                    theirs.measurement(key) if theirs else None, catalog, length_unit
                ),
            )
        )
    return lines


def program_lines(
    yours: ProgramData, theirs: ProgramData | None, drill_names: Mapping[str, str]
) -> list[Line]:
    """Start, weeks, notes, then the drills position by position."""

    def drill(data: ProgramData | None, n: int) -> str:
        if data is None or n >= len(data.items):
            return "—"
        item = data.items[n]
        name = drill_names.get(item.drill_key, item.drill_key)
        return f"{name} ({item.side}) · {item.dosage.text()}"

    lines = _field_lines(
        yours,
        theirs,
        (
            (QT_TRANSLATE_NOOP("ConflictDialog", "Start date"), "start_date"),
            (QT_TRANSLATE_NOOP("ConflictDialog", "Weeks"), "weeks"),
            (QT_TRANSLATE_NOOP("ConflictDialog", "Notes"), "notes"),
        ),
    )
    count = max(len(yours.items), len(theirs.items) if theirs else 0)
    drill_n = translate("ConflictDialog", "Drill {0}")
    lines += [Line(drill_n.format(n + 1), drill(yours, n), drill(theirs, n)) for n in range(count)]
    return lines


# -- the dialog -----------------------------------------------------------------------------


class ConflictDialog(QDialog):
    """Side by side: "Yours" and "Saved by the other desk"; ``choice`` says what to do."""

    def __init__(self, what: str, lines: Sequence[Line], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice: Choice = CANCEL
        self.lines = list(lines)
        self.setWindowTitle(self.tr("Changed at another desk"))
        known = any(line.theirs != "—" for line in self.lines)
        changed = sum(line.differs for line in self.lines)
        intro = self.tr(
            "<b>{0} was saved at another desk since you opened it.</b><br>"
            "Nothing has been overwritten yet. {1}."
        ).format(
            what,
            counted(
                changed, self.tr("highlighted line differs"), self.tr("highlighted lines differ")
            ),
        )
        if not known:
            intro += self.tr("<br>The other desk's version could not be read (deleted?).")
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)

        self.table = QTableWidget(len(self.lines), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Yours (not saved)"), self.tr("Saved by the other desk")]
        )
        self.table.setAccessibleName(self.tr("Your version and the other desk's, side by side"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        bold = QFont()
        bold.setBold(True)
        for row, line in enumerate(self.lines):
            for column, text in enumerate((self.tr(line.label), line.yours, line.theirs)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if line.differs:  # dark ink on yellow: readable under either theme
                    cell.setBackground(QBrush(QColor(DIFFERENT_BACKGROUND)))
                    cell.setForeground(QBrush(QColor(DIFFERENT_INK)))
                    if column:
                        cell.setFont(bold)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()

        buttons = QDialogButtonBox()
        self.reload_button = QPushButton(self.tr("&Reload theirs (discard mine)"))
        self.reload_button.setToolTip(self.tr("Show the other desk's version; yours is dropped"))
        self.overwrite_button = QPushButton(self.tr("&Overwrite with mine"))
        self.overwrite_button.setToolTip(
            self.tr("Save your version over the other desk's, as shown here")
        )
        self.cancel_button = QPushButton(self.tr("&Keep editing"))
        self.cancel_button.setToolTip(self.tr("Save nothing yet; your form stays as it is"))
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.overwrite_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.reload_button.clicked.connect(lambda: self._choose(RELOAD))
        self.overwrite_button.clicked.connect(lambda: self._choose(OVERWRITE))
        self.cancel_button.clicked.connect(lambda: self._choose(CANCEL))

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, min(640, 170 + 30 * len(self.lines)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # after the button box picked its own default: Enter never throws anything away
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        if choice == CANCEL:
            self.reject()
        else:
            self.accept()

    def reject(self) -> None:  # Escape or the window's close button: keep editing
        self.choice = CANCEL
        super().reject()

    def ask(self) -> Choice:
        self.exec()
        return self.choice


def ask_conflict(parent: QWidget | None, what: str, lines: Sequence[Line]) -> Choice:
    """Show the dialog modally; ``reload``, ``overwrite`` or ``cancel`` (keep editing)."""
    return ConflictDialog(what, lines, parent).ask()


def settle_conflict(
    parent: QWidget,
    conflict: Conflict,
    what: str,
    record_type: type[R],
    *,
    lines: Callable[[R | None], Sequence[Line]],
    reload: Callable[[R], object],
    overwrite: Callable[[R | None], T],
    say: Callable[[str], None],
    not_saved: str,
    stored: Callable[[], R | None] | None = None,
) -> T | None:
    """Another desk saved the record first: compare both versions, then do what the user chose.

    ``what`` names the record (“This athlete”); ``lines(theirs)`` compares the form with the
    stored version (``theirs`` is None when the conflict did not carry a ``record_type``).

    * Reload: ``reload(theirs)`` puts the other desk's version in the form. Without ``theirs``,
      ``stored()`` is asked for it; when there is nothing to show the form stays.
    * Overwrite: ``overwrite(theirs)`` saves the form over exactly the version shown (a third
      save in between conflicts again); its result is returned.
    * Keep editing: nothing changes.

    ``say`` shows the outcome in the form: “Showing the version saved at the other desk.”,
    ``not_saved``, or the problem met while reloading. Returns ``None`` unless overwritten.
    """
    theirs = conflict.current if isinstance(conflict.current, record_type) else None
    choice = ask_conflict(parent, what, lines(theirs))
    if choice == OVERWRITE:
        return overwrite(theirs)
    if choice == RELOAD:
        try:
            record = theirs if theirs is not None or stored is None else stored()
            if record is not None:
                reload(record)
                say(translate("ConflictDialog", "Showing the version saved at the other desk."))
                return None
        except UserFacingError as exc:
            say(user_text(exc))
            return None
    say(not_saved)
    return None


translate = QCoreApplication.translate  # a literal context, so pyside6-lupdate extracts it
