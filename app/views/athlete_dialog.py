"""Create or edit an athlete: every field of the athlete record, keyboard first."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from app.domain.records import AthleteData, AthleteInfo
from app.domain.validation import NAME_MAX, NOTES_MAX, SPORT_MAX
from app.errors import UserFacingError
from app.services.athletes import create_athlete, list_athletes, update_athlete
from app.services.context import AppContext
from app.services.errors import Conflict, ValidationError
from app.views.conflict_dialog import athlete_lines, settle_conflict
from app.views.date_field import DateField
from app.views.language_choice import app_language_label, language_combo
from app.views.operations import write
from app.views.style import error_label, save_cancel_buttons
from app.views.translation import DecimalSpinBox, user_text
from app.views.unsaved import FormDialog


def OptionalDateEdit(accessible: str) -> DateField:
    """A date that may be unknown (empty)."""
    return DateField(accessible, optional=True)


def _choice(items: list[tuple[str, str | None]], accessible: str) -> QComboBox:
    combo = QComboBox()
    for text, data in items:
        combo.addItem(text, data)
    combo.setAccessibleName(accessible)
    return combo


def _length_box(accessible: str) -> QDoubleSpinBox:
    box = DecimalSpinBox()  # "11.5" or "11,5" in German
    box.setRange(0, 150)
    box.setDecimals(1)
    box.setSuffix(" cm")
    box.setSpecialValueText("—")
    box.setAccessibleName(accessible)
    return box


class AthleteDialog(FormDialog):
    def __init__(
        self, context: AppContext, athlete: AthleteInfo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.athlete = athlete
        self.result_athlete: AthleteInfo | None = None
        self.setWindowTitle(self.tr("Edit athlete") if athlete else self.tr("New athlete"))
        sides = [(self.tr("—"), None), (self.tr("left"), "left"), (self.tr("right"), "right")]
        self.name = QLineEdit()
        self.name.setMaxLength(NAME_MAX)  # the column's limit: longer would be refused
        self.name.setAccessibleName(self.tr("Full name"))
        self.birth_date = OptionalDateEdit(self.tr("Birth date"))
        self.sex = _choice(
            [
                (self.tr("—"), None),
                (self.tr("female"), "female"),
                (self.tr("male"), "male"),
                (self.tr("other"), "other"),
            ],
            self.tr("Sex"),
        )
        self.sport = QLineEdit()
        self.sport.setMaxLength(SPORT_MAX)
        self.sport.setAccessibleName(self.tr("Sport"))
        self.dominant = _choice(sides, self.tr("Dominant side"))
        self.involved = _choice(sides, self.tr("Involved side"))
        self.injury_date = OptionalDateEdit(self.tr("Injury or surgery date"))
        self.injury_notes = QLineEdit()
        self.injury_notes.setMaxLength(NOTES_MAX)
        self.injury_notes.setAccessibleName(self.tr("Injury or surgery"))
        self.leg_left = _length_box(self.tr("Leg length left"))
        self.leg_right = _length_box(self.tr("Leg length right"))
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        # the language of the handout (drill texts, sentences, dates); None: the app's
        self.handout_language = language_combo(
            self.tr("Handout language"), default_label=app_language_label()
        )
        self.error = error_label(self.tr("Problems"))
        form = QFormLayout(self)
        for label, widget in (
            (self.tr("&Name"), self.name),
            (self.tr("&Birth date"), self.birth_date),
            (self.tr("&Sex"), self.sex),
            (self.tr("S&port"), self.sport),
            (self.tr("&Dominant side"), self.dominant),
            (self.tr("&Involved side"), self.involved),
            (self.tr("Injury / surgery da&te"), self.injury_date),
            (self.tr("Injury / sur&gery"), self.injury_notes),
            (self.tr("Leg length &left"), self.leg_left),
            (self.tr("Leg length &right"), self.leg_right),
            (self.tr("N&otes"), self.notes),
            (self.tr("&Handout language"), self.handout_language),
        ):
            form.addRow(label, widget)
        form.addRow(self.error)
        for field in (self.name, self.sport, self.injury_notes):  # a message said about the
            field.textEdited.connect(lambda _text: self.error.clear())  # old text goes
        buttons = save_cancel_buttons(self, self.save)
        form.addRow(buttons)
        if athlete:
            self._load(athlete)
        self.edited_what = self.tr("This athlete")
        self.mark_clean()
        self.name.setFocus()

    def form_state(self) -> object:
        return self.data()

    def _load(self, a: AthleteInfo) -> None:
        self.name.setText(a.name)
        self.birth_date.set_value(a.birth_date)
        self.sex.setCurrentIndex(max(0, self.sex.findData(a.sex)))
        self.sport.setText(a.sport or "")
        self.dominant.setCurrentIndex(max(0, self.dominant.findData(a.dominant_side)))
        self.involved.setCurrentIndex(max(0, self.involved.findData(a.involved_side)))
        self.injury_date.set_value(a.injury_date)
        self.injury_notes.setText(a.injury_notes or "")
        self.leg_left.setValue(a.leg_length_left_cm or 0)
        self.leg_right.setValue(a.leg_length_right_cm or 0)
        self.notes.setPlainText(a.notes or "")
        found = self.handout_language.findData(a.handout_language)
        self.handout_language.setCurrentIndex(max(0, found))

    def data(self) -> AthleteData:
        def text(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        return AthleteData(
            name=self.name.text(),
            birth_date=self.birth_date.value(),
            sex=self.sex.currentData(),
            sport=text(self.sport),
            dominant_side=self.dominant.currentData(),
            involved_side=self.involved.currentData(),
            injury_date=self.injury_date.value(),
            injury_notes=text(self.injury_notes),
            leg_length_left_cm=self.leg_left.value() or None,
            leg_length_right_cm=self.leg_right.value() or None,
            notes=self.notes.toPlainText().strip() or None,
            handout_language=self.handout_language.currentData(),
        )

    def save(self) -> None:
        problems = [
            f"{field.edit.accessibleName()}: {problem}"
            for field in (self.birth_date, self.injury_date)
            if (problem := field.problem())
        ]
        if problems:
            self.error.setText("\n".join(problems))
            return
        if not self._name_is_new_or_confirmed():
            return
        self._save(self.athlete.version if self.athlete else None)

    def _name_is_new_or_confirmed(self) -> bool:
        """Another athlete with the same name (case and spacing aside) is usually a second
        record of the same person: ask before making one."""
        name = " ".join(self.name.text().split())
        if not name:
            return True  # the service says the name is needed
        key = name.casefold()
        own = self.athlete.id if self.athlete else None
        try:
            same = [
                a
                for a in list_athletes(self.context.db, include_archived=True, search=name)
                if a.id != own and " ".join(a.name.split()).casefold() == key
            ]
        except UserFacingError:
            return True  # the save will say what is wrong with the database
        if not same:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Same name"),
            self.tr(
                "Another athlete is already named {0}. Save a second athlete with this name?"
            ).format(same[0].name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    def _save(self, version: int | None) -> None:
        """Save over ``version``; on a conflict show both versions side by side."""
        db, data, athlete = self.context.db, self.data(), self.athlete

        def work() -> AthleteInfo:
            if athlete is None:
                return create_athlete(db, data)
            return update_athlete(db, athlete.id, data, version)

        write(self, db, work, self._saved, self._refused)

    def _saved(self, athlete: AthleteInfo) -> None:
        self.result_athlete = athlete
        self.accept()

    def _refused(self, exc: UserFacingError) -> None:
        if isinstance(exc, ValidationError):
            self.error.setText("\n".join(user_text(e.message) for e in exc.errors))
        elif isinstance(exc, Conflict):
            self._conflict(exc)
        else:
            again = self.tr("Not saved; your changes are still here: Save again.")
            self.error.setText(user_text(exc) + "\n" + again)

    def _conflict(self, exc: Conflict) -> None:
        settle_conflict(
            self,
            exc,
            self.tr("This athlete"),
            AthleteInfo,
            lines=lambda theirs: athlete_lines(self.data(), theirs),
            reload=self._reload,
            overwrite=lambda theirs: self._save(theirs.version if theirs is not None else None),
            say=self.error.setText,
            not_saved=self.tr("Not saved yet: another desk changed this athlete."),
        )

    def _reload(self, theirs: AthleteInfo) -> None:
        self.athlete = theirs
        self._load(theirs)
        self.mark_clean()
