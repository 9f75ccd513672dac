"""One drill's dosage as a form: sets, amount per set, unit, each side, times per week.

Used wherever a dosage is typed: the drill editor (a drill's default) and the Program page (one
program item's). The units are the domain's (:data:`app.domain.drills.UNITS`), stored as they
are (``"s"``) and shown as words (“seconds”).
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from app.domain.drills import UNITS, Dosage

COUNT_MAX_CHARS = 9  # a count or a range of two, four digits each: "1000–9999"

PER_WEEK_MAX = 14


def without_mnemonic(text: str) -> str:
    """``"&Sets"`` → ``"Sets"``; a literal ``"&&"`` stays."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&&")


class DosageEditor(QWidget):
    """The five fields of a :class:`Dosage`; :meth:`dosage` reads them, :meth:`set_dosage` fills.

    ``edited`` is emitted when the user has changed a field (a text field when it is left or
    Enter is pressed), never by :meth:`set_dosage`. ``form`` is the widget's form layout: a host
    may insert its own rows above or below the dosage, so that all labels line up.
    ``mnemonics=False`` drops the Alt+letter of the labels, for a host whose own would clash.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, *, mnemonics: bool = True) -> None:
        super().__init__(parent)
        self.sets = QLineEdit()
        self.sets.setMaxLength(COUNT_MAX_CHARS)  # "1000–9999" at most
        self.sets.setAccessibleName(self.tr("Sets"))
        self.sets.setPlaceholderText(self.tr("e.g. 3 or 3-4"))
        self.amount = QLineEdit()
        self.amount.setMaxLength(COUNT_MAX_CHARS)
        self.amount.setAccessibleName(self.tr("Amount per set"))
        self.amount.setPlaceholderText(self.tr("e.g. 8-10"))
        self.unit = QComboBox()
        self.unit.setAccessibleName(self.tr("Unit"))
        for unit in sorted(UNITS):
            self.unit.addItem(self.unit_label(unit), unit)
        self.each_side = QCheckBox(self.tr("each side"))
        self.per_week = QSpinBox()
        self.per_week.setRange(1, PER_WEEK_MAX)
        self.per_week.setSuffix(self.tr("×"))
        self.per_week.setAccessibleName(self.tr("Times per week"))

        label = (lambda text: text) if mnemonics else without_mnemonic
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(label(self.tr("&Sets / rounds")), self.sets)
        self.form.addRow(label(self.tr("Amount per s&et")), self.amount)
        self.form.addRow(label(self.tr("Un&it")), self.unit)
        self.form.addRow("", self.each_side)
        self.form.addRow(label(self.tr("Per &week")), self.per_week)

        self.sets.editingFinished.connect(self.edited)
        self.amount.editingFinished.connect(self.edited)
        self.unit.activated.connect(self.edited)
        self.each_side.toggled.connect(self.edited)
        self.per_week.valueChanged.connect(self.edited)

    def unit_label(self, unit: str) -> str:
        """The word shown for a stored unit."""
        words = {"breaths": self.tr("breaths"), "reps": self.tr("reps"), "s": self.tr("seconds")}
        return words.get(unit, unit)

    def dosage(self) -> Dosage:
        """The dosage as typed (counts trimmed; the service checks them on save)."""
        return Dosage(
            sets=self.sets.text().strip(),
            amount=self.amount.text().strip(),
            unit=self.unit.currentData(),
            each_side=self.each_side.isChecked(),
            per_week=self.per_week.value(),
        )

    def clear(self) -> None:
        """Empty fields (nothing selected); ``edited`` stays quiet."""
        with QSignalBlocker(self):
            self.sets.clear()
            self.amount.clear()
            self.unit.setCurrentIndex(-1)
            self.each_side.setChecked(False)
            self.per_week.clear()

    def set_dosage(self, dosage: Dosage) -> None:
        with QSignalBlocker(self):  # not an edit: ``edited`` stays quiet
            self.sets.setText(dosage.sets)
            self.amount.setText(dosage.amount)
            self.unit.setCurrentIndex(max(0, self.unit.findData(dosage.unit)))
            self.each_side.setChecked(dosage.each_side)
            self.per_week.setValue(dosage.per_week)
