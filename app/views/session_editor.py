"""The session entry form: one row per measurement, typed entirely from the keyboard.

Tab or Enter walks Left → Right → next row (through the trials and pain fields when a row is
expanded: hidden fields drop out of the focus chain by themselves). Values are checked as they
are typed; Save stays disabled while anything is invalid, and saving is one transaction.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.asymmetry import (
    Flag,
    Side,
    compare,
    display_unit,
    parse_display_value,
    result_of_trials,
    to_display,
)
from app.domain.catalog import PASS, InvalidValue, MeasurementDef, Rule, unit_name
from app.domain.language import language
from app.domain.records import (
    AthleteInfo,
    MeasurementInput,
    MeasurementRecord,
    PhotoMeasurement,
    SessionRecord,
)
from app.domain.validation import NAME_MAX, NOTES_MAX
from app.errors import UserFacingError
from app.services.context import AppContext
from app.services.errors import Conflict, ServiceError
from app.services.sessions import record_session, update_session
from app.views.conflict_dialog import session_lines, settle_conflict
from app.views.date_field import DateField
from app.views.operations import write
from app.views.photo_fields import PhotoFields
from app.views.photo_fields import attach as attach_photo_fields
from app.views.style import (
    DIFF_EXPLAINED,
    METRIC_EXPLAINED,
    error_label,
    flag_color,
    flag_text,
    number,
    percent_text,
    signed,
    status_text,
    status_tip,
    value_text,
)
from app.views.translation import (
    QT_TRANSLATE_NOOP,
    localized_number,
    translate,
    typed_number,
    user_text,
)
from app.views.unsaved import FormDialog

VALUE_MAX_CHARS = 20  # a number as typed; far more than any valid value needs
VALUE_WIDTH = 96  # six digits and the photo button: the grid fits a 900 px editor
INVALID_STYLE = 'QLineEdit[invalid="true"] { border: 2px solid #c0262d; }'
COLUMNS = (  # translated where shown (SessionEditor._column_title)
    QT_TRANSLATE_NOOP("SessionEditor", "Measurement"),
    QT_TRANSLATE_NOOP("SessionEditor", "Left"),
    QT_TRANSLATE_NOOP("SessionEditor", "Right"),
    QT_TRANSLATE_NOOP("SessionEditor", "Diff (R−L)"),
    QT_TRANSLATE_NOOP("SessionEditor", "% asym / LSI"),
    QT_TRANSLATE_NOOP("SessionEditor", "Flag"),
    QT_TRANSLATE_NOOP("SessionEditor", "Reference"),
    "",
)
COLUMN_TIPS = {"Diff (R−L)": DIFF_EXPLAINED, "% asym / LSI": METRIC_EXPLAINED}
FLAG_COLUMN = 5
TRIALS_SHORTCUT = "Ctrl+T"


def _pain_value(box: QSpinBox) -> int | None:
    return None if box.value() < 0 else box.value()


def _pain_box(accessible: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(-1, 10)
    box.setSpecialValueText("—")
    box.setValue(-1)
    box.setAccessibleName(accessible)
    box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
    box.setMaximumWidth(48)
    return box


class MeasurementRow(QObject):
    """The widgets of one measurement inside the editor's grid (two grid rows)."""

    changed = Signal()
    relaid = Signal()  # the first trials moved between the main row and the trials table

    def __init__(
        self,
        definition: MeasurementDef,
        grid: QGridLayout,
        grid_row: int,
        length_unit: str,
        involved: Side | None,
        parent: QWidget,
        language: str = "en",
    ) -> None:
        super().__init__(parent)
        self.language = language  # the window's: units, rule and error words of the domain
        self.definition = definition
        self.length_unit = length_unit
        self.involved = involved
        self.name_label = self._name_label()
        what = definition.label
        left_trial, right_trial = self.tr("{0} left trial {1}"), self.tr("{0} right trial {1}")
        self.left = [self._value_widget(left_trial.format(what, i)) for i in (1, 2, 3)]
        self.right = [self._value_widget(right_trial.format(what, i)) for i in (1, 2, 3)]
        self.pain_left = _pain_box(self.tr("{0} left pain").format(what))
        self.pain_right = _pain_box(self.tr("{0} right pain").format(what))
        self.diff = QLabel("—")
        self.metric = QLabel("—")
        self.flag = QLabel("")
        self.flag.setWordWrap(True)  # a flag with its status wraps rather than scroll the grid
        for label in (self.diff, self.metric):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.expand = QToolButton()
        self.expand.setText(self.tr("Trials"))
        self.expand.setCheckable(True)
        self.expand.setToolTip(
            self.tr("Trials 1–3, which one counts, and pain ({0})").format(TRIALS_SHORTCUT)
        )
        self.expand.setAccessibleName(self.tr("{0} trials and pain").format(definition.label))
        self.expand.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.expand.toggled.connect(self.set_expanded)
        self._place(grid, grid_row)
        for box in (self.pain_left, self.pain_right):
            box.valueChanged.connect(self.changed)
            box.valueChanged.connect(lambda _value: self.update_figures())  # pain ≥ 3
        self.errors: list[str] = []
        # photos of angles measured on a photo, by (side, trial): app/views/photo_fields.py
        self.photos: dict[tuple[str, int], PhotoMeasurement] = {}
        self.photo_fields: PhotoFields | None = None
        self.update_figures()

    def _name_label(self) -> QLabel:
        """The measurement's name and unit; the tooltip tells the range, reference and rule."""
        d = self.definition
        unit = unit_name(display_unit(d.unit, self.length_unit), self.language)
        name = QLabel(f"{d.label} <span style='color:gray'>({html.escape(unit)})</span>")
        tip = [d.name, self.tr("Valid: {0}").format(self._range_text())]
        if d.reference:
            tip.append(self.tr("Reference: {0}").format(d.reference))
        tip.append(self.tr("Flag: {0}").format(d.rule_text(language(self.language))))
        name.setToolTip("\n".join(tip))
        return name

    def _place(self, grid: QGridLayout, grid_row: int) -> None:
        """The main row on ``grid_row``; the trials, below it, hidden until asked for.

        Collapsed, the Left and Right boxes are the one trial. Open, the trials table holds
        trials 1–3 of each side with the result that counts (the catalog's rule: best or mean
        of the trials) and the pain scores, and the main row shows that result, read-only:
        the figures beside it (Diff, %, flag) are always computed from what it shows.
        """
        grid.addWidget(self.name_label, grid_row, 0)
        self.cells: dict[str, QHBoxLayout] = {}
        self.results: dict[str, QLabel] = {}  # in the main row, while the trials are open
        self.trial_results: dict[str, QLabel] = {}  # in the trials table
        for column, side, widgets in ((1, "left", self.left), (2, "right", self.right)):
            cell = QWidget()
            layout = QHBoxLayout(cell)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(widgets[0])
            result = QLabel()
            result.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            result.setAccessibleName(f"{self.definition.label} {side} result")
            result.hide()
            layout.addWidget(result)
            grid.addWidget(cell, grid_row, column)
            self.cells[side], self.results[side] = layout, result
        grid.addWidget(self.diff, grid_row, 3)
        grid.addWidget(self.metric, grid_row, 4)
        grid.addWidget(self.flag, grid_row, FLAG_COLUMN)
        reference = QLabel(self.definition.reference_short)
        reference.setWordWrap(True)  # "≈ 19–37 by age" takes two lines before a scroll bar
        reference.setStyleSheet("color: gray;")
        reference.setToolTip(self.definition.reference)
        grid.addWidget(reference, grid_row, 6)
        grid.addWidget(self.expand, grid_row, 7)
        self.extra = QWidget()
        self.trials = QGridLayout(self.extra)
        self.trials.setContentsMargins(16, 0, 0, 8)
        self.trials.setHorizontalSpacing(10)
        self.trials.setVerticalSpacing(2)
        rule = self.tr("best") if self.definition.result.value == "best" else self.tr("mean")
        headers = [
            self.tr("Trials"), "1", "2", "3",
            self.tr("Counts ({0} of the trials)").format(rule), self.tr("Pain 0–10"),
        ]  # fmt: skip
        for column, text in enumerate(headers):
            header = QLabel(text)
            header.setStyleSheet("color: gray;")
            self.trials.addWidget(header, 0, column)
        for line, side, widgets, pain in (
            (1, "left", self.left, self.pain_left),
            (2, "right", self.right, self.pain_right),
        ):
            self.trials.addWidget(QLabel(self.tr(side.capitalize())), line, 0)
            for column, widget in enumerate(widgets[1:], start=2):
                self.trials.addWidget(widget, line, column)
            counted_label = QLabel("—")
            counted_label.setAccessibleName(f"{self.definition.label} {side} trial result")
            self.trials.addWidget(counted_label, line, 4)
            self.trial_results[side] = counted_label
            self.trials.addWidget(pain, line, 5)
        self.trials.setColumnStretch(6, 1)
        grid.addWidget(self.extra, grid_row + 1, 0, 1, len(COLUMNS))
        self.extra.hide()
        self._expanded = False

    def _range_text(self) -> str:
        d = self.definition
        if d.is_passfail or d.unit != "cm" or self.length_unit != "in":
            return d.range_text()
        low, high = (localized_number(f"{to_display(v, 'cm', 'in'):.1f}") for v in (d.min, d.max))
        return self.tr("{0} to {1} in").format(low, high)

    def _value_widget(self, accessible: str) -> QWidget:
        if self.definition.is_passfail:
            combo = QComboBox()
            combo.addItems(["", self.tr("pass"), self.tr("fail")])
            combo.setAccessibleName(accessible)
            combo.currentIndexChanged.connect(self._on_edit)
            combo.setMinimumWidth(90)
            return combo
        edit = QLineEdit()
        edit.setMaxLength(VALUE_MAX_CHARS)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText("—")
        edit.setMaximumWidth(VALUE_WIDTH)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        edit.textChanged.connect(self._on_edit)
        return edit

    # -- reading and writing values ------------------------------------------------------
    def focus_order(self) -> list[QWidget]:
        return [*self.left, *self.right, self.pain_left, self.pain_right]

    def set_expanded(self, expanded: bool) -> None:
        """Open or close the trials table. A row holding a second trial or a pain score stays
        open: closed, the main boxes could not show what counts."""
        if not expanded and self.holds_more_than_one_trial():
            expanded = True
        if self.expand.isChecked() != expanded:
            self.expand.setChecked(expanded)  # toggled comes back here
            return
        if expanded == self._expanded:
            return
        self._expanded = expanded
        for side, widgets in (("left", self.left), ("right", self.right)):
            first, cell, result = widgets[0], self.cells[side], self.results[side]
            line = 1 if side == "left" else 2
            if expanded:
                cell.removeWidget(first)
                self.trials.addWidget(first, line, 1)
            else:
                self.trials.removeWidget(first)
                cell.insertWidget(0, first)
            first.setVisible(True)
            result.setVisible(expanded)
        self.extra.setVisible(expanded)
        self.update_figures()
        self.relaid.emit()

    def holds_more_than_one_trial(self) -> bool:
        extra = (*self.left[1:], *self.right[1:])
        return any(self._text(w) for w in extra) or any(
            _pain_value(box) is not None for box in (self.pain_left, self.pain_right)
        )

    @staticmethod
    def _text(widget: QWidget) -> str:
        if isinstance(widget, QComboBox):
            return ("", "pass", "fail")[widget.currentIndex()]
        assert isinstance(widget, QLineEdit)
        return typed_number(widget.text())  # "11,5" where the UI writes it so; CSV, CLI: "."

    def _parse_side(self, widgets: Sequence[QWidget], side: str) -> list[float]:
        values = []
        for number_, widget in enumerate(widgets, start=1):
            text = self._text(widget)
            if not text:
                widget.setProperty("invalid", False)
                widget.setToolTip("")
            else:
                try:
                    values.append(parse_display_value(self.definition, text, self.length_unit))
                    widget.setProperty("invalid", False)
                    widget.setToolTip("")
                except InvalidValue as exc:
                    trial = translate("MeasurementRow", " (trial {0})").format(number_)
                    where = trial if number_ > 1 else ""
                    message = f"{side}{where} — {user_text(exc)}"
                    self.errors.append(message)
                    widget.setProperty("invalid", True)
                    widget.setToolTip(message)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        return values

    def _on_edit(self) -> None:
        self.update_figures()
        self.changed.emit()

    def update_figures(self) -> None:
        self.errors = []
        left = self._parse_side(self.left, self.tr("Left"))
        right = self._parse_side(self.right, self.tr("Right"))
        d = self.definition
        lv = result_of_trials(left, d.result)
        rv = result_of_trials(right, d.result)
        c = compare(
            d,
            lv,
            rv,
            self.involved,
            pain_left=_pain_value(self.pain_left),
            pain_right=_pain_value(self.pain_right),
        )
        if d.is_passfail:
            self.diff.setText("—")
            self.metric.setText("—")
        else:
            shown_diff = None if c.diff is None else to_display(c.diff, d.unit, self.length_unit)
            self.diff.setText(signed(shown_diff))
            metric = c.metric
            if metric is None:
                self.metric.setText("—")
            else:
                self.metric.setText(percent_text(metric, lsi=d.rule is Rule.LSI))
        self.comparison = c
        if not self.has_values():
            self.flag.setText("")
        else:
            self.flag.setText(status_text(c))
            self.flag.setStyleSheet(f"color: {flag_color(c.flag).name()}; font-weight: bold;")
        self.flag.setToolTip(status_tip(c, language(self.language)))
        self.flag.setAccessibleName(self.tr("{0} flag: {1}").format(d.label, status_text(c)))
        self._show_results(lv, rv, len(left), len(right))

    def _show_results(
        self, left: float | None, right: float | None, left_count: int, right_count: int
    ) -> None:
        """What counts for each side, where the trials are open: in the main row (read-only,
        with the rule: "best of 2") and in the trials table."""
        d = self.definition
        rule = self.tr("best") if d.result.value == "best" else self.tr("mean")
        for side, value, count in (("left", left, left_count), ("right", right, right_count)):
            if value is None:
                text = "—"
            elif d.is_passfail:
                text = value_text(d, value, self.length_unit)  # "pass" in the UI's language
            else:
                text = number(to_display(value, d.unit, self.length_unit))
            how = (
                self.tr("{0} of {1}").format(rule, count) if count > 1
                else self.tr("1 trial") if count == 1 else ""
            )  # fmt: skip
            self.results[side].setText(
                f"<b>{text}</b> <span style='color:gray'>{how}</span>" if how else text
            )
            self.results[side].setToolTip(
                self.tr("Counts: the {0} of the trials entered below").format(rule)
            )
            self.trial_results[side].setText(f"<b>{text}</b>")

    def has_values(self) -> bool:
        return any(self._text(w) for w in (*self.left, *self.right))

    def to_input(self) -> MeasurementInput:
        """Canonical values for the service (already validated by update_figures)."""

        def side(widgets: Sequence[QWidget]) -> tuple[object, ...]:
            out: list[object] = []
            for w in widgets:
                text = self._text(w)
                if text:
                    out.append(parse_display_value(self.definition, text, self.length_unit))
            return tuple(out)

        def pain(box: QSpinBox) -> int | None:
            return None if box.value() < 0 else box.value()

        def photos() -> tuple[PhotoMeasurement, ...]:
            """Each kept photo numbered by its trial's place among the side's values."""
            out = []
            for name, widgets in (("left", self.left), ("right", self.right)):
                filled = [n for n, w in enumerate(widgets, start=1) if self._text(w)]
                for n, place in zip(filled, range(1, 4), strict=False):
                    photo = self.photos.get((name, n))
                    if photo is not None:
                        out.append(replace(photo, trial=place))
            return tuple(out)

        return MeasurementInput(
            self.definition.key,
            side(self.left),
            side(self.right),
            pain_left=pain(self.pain_left),
            pain_right=pain(self.pain_right),
            photos=photos(),
        )

    def load(self, record: MeasurementRecord) -> None:
        d = self.definition
        for widgets, trials in ((self.left, record.left_trials), (self.right, record.right_trials)):
            for widget, value in zip(widgets, (*trials, None, None, None), strict=False):
                if isinstance(widget, QComboBox):
                    index = 0 if value is None else (1 if value >= PASS else 2)
                    widget.setCurrentIndex(index)
                elif isinstance(widget, QLineEdit):
                    shown = to_display(value, d.unit, self.length_unit)
                    widget.setText("" if shown is None else localized_number(_plain(shown)))
        self.photos = {(p.side, p.trial): p for p in record.photos}
        if self.photo_fields is not None:
            self.photo_fields.refresh()
        self.pain_left.setValue(-1 if record.pain_left is None else record.pain_left)
        self.pain_right.setValue(-1 if record.pain_right is None else record.pain_right)
        if (
            len(record.left_trials) > 1
            or len(record.right_trials) > 1
            or (record.pain_left is not None or record.pain_right is not None)
        ):
            self.set_expanded(True)
        self.update_figures()


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{round(value, 2):g}"


class SessionEditor(FormDialog):
    """New or edited session for one athlete. Accepts only after a successful save."""

    saved = Signal(object)  # SessionRecord

    def __init__(
        self,
        context: AppContext,
        athlete: AthleteInfo,
        keys: Sequence[str],
        session: SessionRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.athlete = athlete
        self.session = session
        # the version a save is checked against; None after "overwrite" of a deleted session
        self.base_version: int | None = session.version if session else None
        self.setWindowTitle(
            self.tr("Edit session — {0}").format(athlete.name)
            if session
            else self.tr("New session — {0}").format(athlete.name)
        )
        self.setStyleSheet(INVALID_STYLE)
        self.length_unit = context.settings.length_unit
        self.rows: list[MeasurementRow] = []
        self._dirty = False
        self.edited_what = self.tr("This session")

        self._lay_out(self._build_header(), self._build_grid())
        self._add_shortcuts()
        self._fill(keys, session)
        self.resize(900, 640)
        if self.rows:
            self.rows[0].left[0].setFocus()
            self._focus_changed(None, self.rows[0].left[0])

    # -- construction ------------------------------------------------------------------
    def _build_header(self) -> QFormLayout:
        """Date, clinician (hidden in solo mode) and notes of the session."""
        self.date = DateField(self.tr("Session date"))
        self.clinician = QLineEdit()
        self.clinician.setMaxLength(NAME_MAX)  # the column's limits
        self.clinician.setAccessibleName(self.tr("Clinician"))
        self.notes = QLineEdit()
        self.notes.setMaxLength(NOTES_MAX)
        self.notes.setAccessibleName(self.tr("Session notes"))
        header = QFormLayout()
        header.addRow(self.tr("&Date"), self.date)
        self.clinician_label = QLabel(self.tr("&Clinician"))
        self.clinician_label.setBuddy(self.clinician)
        header.addRow(self.clinician_label, self.clinician)
        header.addRow(self.tr("&Notes"), self.notes)
        if self.context.settings.mode == "solo":
            self.clinician_label.hide()
            self.clinician.hide()
        return header

    def _build_grid(self) -> QScrollArea:
        """The measurement grid under its column titles (rows come with add_row)."""
        self.grid_widget = QWidget()
        self.grid = QGridLayout(self.grid_widget)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(4)
        for column, title in enumerate(COLUMNS):
            if title:  # the Trials buttons' column is headed by their shortcut, below
                heading = QLabel(f"<b>{self._column_title(title)}</b>")
                heading.setToolTip(COLUMN_TIPS.get(title, ""))
                self.grid.addWidget(heading, 0, column)
        shortcut = QLabel(f"<span style='color:gray'>{TRIALS_SHORTCUT}</span>")
        shortcut.setToolTip(self.tr("{0} shows the trials of the row being typed in").format(
            TRIALS_SHORTCUT))  # fmt: skip
        self.grid.addWidget(shortcut, 0, len(COLUMNS) - 1)
        # The flag column takes the spare width and starts wide enough for a common flag:
        # with the spare width on the names, the first flag shrank them and moved every box.
        self.grid.setColumnStretch(FLAG_COLUMN, 1)
        self.grid.setColumnStretch(FLAG_COLUMN + 1, 1)  # the reference: one line when it can
        bold = QFont(self.font())
        bold.setBold(True)
        widest = max(QFontMetrics(bold).horizontalAdvance(flag_text(f)) for f in Flag)
        self.grid.setColumnMinimumWidth(FLAG_COLUMN, widest + 8)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.addWidget(self.grid_widget)
        holder_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        return scroll

    def _column_title(self, title: str) -> str:
        text = self.tr(title)
        if title.lower() in ("left", "right"):
            if title.lower() == self.athlete.dominant_side:
                text += self.tr(" (dominant)")
            if title.lower() == self.athlete.involved_side:
                text += self.tr(" (involved)")
        return text

    def _build_footer(self) -> None:
        """The measurement chooser, the problems, Save / Cancel, and how to measure (F1)."""
        self.add_combo = QComboBox()
        self.add_combo.setAccessibleName(self.tr("Add a measurement"))
        self.add_combo.activated.connect(self._add_from_combo)
        self.message = error_label(self.tr("Problems"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(self.tr("Save the session (Ctrl+S)"))
        self.save_button.setAutoDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        self.protocol = QLabel("")
        self.protocol.setWordWrap(True)
        self.protocol.setAccessibleName(self.tr("How to measure"))
        self.protocol.setFrameShape(QLabel.Shape.StyledPanel)
        self.protocol.setMargin(8)
        self.protocol.setVisible(self.context.settings.mode == "solo")
        app = QApplication.instance()
        assert isinstance(app, QApplication)  # a dialog cannot exist without one
        app.focusChanged.connect(self._focus_changed)

    def _lay_out(self, header: QFormLayout, grid: QScrollArea) -> None:
        self._build_footer()
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(grid, 1)
        add_row = QHBoxLayout()
        add_label = QLabel(self.tr("&Add measurement:"))
        add_label.setBuddy(self.add_combo)
        add_row.addWidget(add_label)
        add_row.addWidget(self.add_combo, 1)
        layout.addLayout(add_row)
        layout.addWidget(self.protocol)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _add_shortcuts(self) -> None:
        for shortcut, slot in (  # Ctrl+S and Ctrl+Enter save: FormDialog's, as every form
            ("Ctrl+T", self._toggle_current_row),
            ("F1", self._toggle_protocol),
        ):
            QShortcut(QKeySequence(shortcut), self).activated.connect(slot)

    def _fill(self, keys: Sequence[str], session: SessionRecord | None) -> None:
        """A row for each of ``keys``, then the session's values; typing makes it dirty."""
        for key in keys:
            self.add_row(key)
        if session is not None:
            self._show_header(session)
            for record in session.measurements:
                row = self.row_for(record.key) or self.add_row(record.key)
                if row is not None:
                    row.load(record)
        for widget in (self.clinician, self.notes):
            widget.textChanged.connect(self._mark_dirty)
        self.date.edited.connect(self._date_edited)
        self._dirty = False
        self._refresh_add_combo()
        self._validate()

    def _show_header(self, session: SessionRecord) -> None:
        self.date.set_value(session.date)
        self.clinician.setText(session.clinician or "")
        self.notes.setText(session.notes or "")

    # -- rows --------------------------------------------------------------------------
    def row_for(self, key: str) -> MeasurementRow | None:
        return next((r for r in self.rows if r.definition.key == key), None)

    def add_row(self, key: str) -> MeasurementRow | None:
        definition = self.context.catalog.get(key)
        if definition is None or self.row_for(key):
            return None
        row = MeasurementRow(
            definition,
            self.grid,
            1 + 2 * len(self.rows),
            self.length_unit,
            self.athlete.involved_side,
            self.grid_widget,
            language=self.context.language,
        )
        row.changed.connect(self._on_row_changed)
        row.photo_fields = attach_photo_fields(row, self.context.settings.marker_colour)
        for widget in row.focus_order():
            widget.installEventFilter(self)
        row.relaid.connect(self._chain_focus)
        self.rows.append(row)
        self._chain_focus()
        self._refresh_add_combo()
        return row

    def _chain_focus(self) -> None:
        """Tab order: notes, each row's trials and pain in order, the chooser, Save (again
        after a row's first trials move into or out of its trials table)."""
        previous: QWidget = self.notes
        for row in self.rows:
            for widget in row.focus_order():
                QWidget.setTabOrder(previous, widget)
                previous = widget
        QWidget.setTabOrder(previous, self.add_combo)
        QWidget.setTabOrder(self.add_combo, self.save_button)

    def _refresh_add_combo(self) -> None:
        self.add_combo.clear()
        self.add_combo.addItem(self.tr("— choose —"), None)
        for d in self.context.catalog:
            if not self.row_for(d.key) and not d.retired:
                self.add_combo.addItem(d.name, d.key)

    def _add_from_combo(self, index: int) -> None:
        key = self.add_combo.itemData(index)
        if key:
            row = self.add_row(key)
            if row:
                row.left[0].setFocus()

    def _toggle_protocol(self) -> None:
        self.protocol.setVisible(not self.protocol.isVisible())
        self._focus_changed(None, self.focusWidget())

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Show how to measure the row being typed into (always on in solo mode; F1)."""
        if not self.protocol.isVisible():
            return
        for row in self.rows:
            if new in row.focus_order():
                d = row.definition
                figures = "" if d.is_passfail else (
                    f"<br><i>{self.tr(DIFF_EXPLAINED)} {self.tr(METRIC_EXPLAINED)}</i>"
                )  # fmt: skip
                self.protocol.setText(
                    f"<b>{self.tr('How to measure')}: {d.name}</b><br>{d.protocol}{figures}"
                )
                return

    def _toggle_current_row(self) -> None:
        focused = self.focusWidget()
        for row in self.rows:
            if focused in row.focus_order():
                row.set_expanded(not row.expand.isChecked())
                focused.setFocus()  # the field typed in keeps the focus where it moved
                return

    # -- keyboard: Enter moves on like Tab --------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)  # PySide6 hands key events over as QKeyEvent
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                return False
            self.focusNextChild()
            return True
        return super().eventFilter(watched, event)

    # -- validation and saving ------------------------------------------------------------
    def _mark_dirty(self) -> None:
        self._dirty = True

    def _on_row_changed(self) -> None:
        self._dirty = True
        self._validate()

    def _date_edited(self) -> None:
        self._dirty = True
        self._validate()

    def date_problem(self) -> str | None:
        """The date as typed: a date, on or before today (DOMAIN §6)."""
        problem = self.date.problem()
        if problem is not None:
            return self.tr("Session date: {0}.").format(problem)
        day = self.date.value()
        if day is not None and day > dt.date.today():
            return self.tr(
                "The session date {0} is in the future: record a session on the day it "
                "happened (today at the latest)."
            ).format(day.isoformat())
        return None

    def problems(self) -> list[str]:
        date = self.date_problem()
        return ([date] if date else []) + [e for row in self.rows for e in row.errors]

    def _validate(self) -> None:
        problems = self.problems()
        has_values = any(r.has_values() for r in self.rows)
        if problems:
            self.message.setText("\n".join(problems[:4]) + ("\n…" if len(problems) > 4 else ""))
        else:
            self.message.setText("")  # an empty form is not an error: Save says what it needs
        self.save_button.setEnabled(not problems and has_values)
        self.save_button.setToolTip(
            "" if has_values else self.tr("Enter at least one value to save the session.")
        )

    def flagged(self) -> dict[str, Flag]:
        return {r.definition.key: r.comparison.flag for r in self.rows if r.has_values()}

    def session_date(self) -> dt.date:
        return self.date.value() or dt.date.today()

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        inputs = [r.to_input() for r in self.rows if r.has_values()]
        args = (self.session_date(), inputs, self.clinician.text(), self.notes.text())
        db, catalog, athlete_id, session, version = (
            self.context.db,
            self.context.catalog,
            self.athlete.id,
            self.session,
            self.base_version,
        )

        def work() -> SessionRecord:
            if session is None:
                return record_session(db, catalog, athlete_id, *args)
            return update_session(db, catalog, session.id, version, *args)

        write(self, db, work, self._saved, self._refused)

    def _saved(self, record: SessionRecord) -> None:
        self._dirty = False
        self.saved.emit(record)
        self.accept()

    def _refused(self, exc: UserFacingError) -> None:
        if isinstance(exc, Conflict):
            self._conflict(exc)
            return
        self.message.setText(user_text(exc))
        QMessageBox.warning(
            self,
            self.tr("Not saved"),
            user_text(exc)
            + "\n\n"
            + self.tr("Your entries are still here: Save again once this is resolved."),
        )  # the form stays as typed: nothing is lost

    def _conflict(self, exc: Conflict) -> None:
        """Another desk saved this session: show both, then reload, overwrite or keep editing."""
        settle_conflict(
            self,
            exc,
            self.tr("This session"),
            SessionRecord,
            lines=lambda theirs: session_lines(
                self._typed_session(), theirs, self.context.catalog, self.length_unit
            ),
            reload=self.load_session,
            overwrite=self._overwrite,
            say=self.message.setText,
            not_saved=self.tr("Not saved yet: another desk changed this session."),
        )

    def _overwrite(self, theirs: SessionRecord | None) -> None:
        assert self.session is not None  # only an edit can conflict
        self.base_version = theirs.version if theirs else None
        self.save()

    def _typed_session(self) -> SessionRecord:
        """The session as the form holds it (to compare with the other desk's)."""
        assert self.session is not None  # only an edit can conflict
        return replace(
            self.session,
            date=self.session_date(),
            clinician=self.clinician.text().strip() or None,
            notes=self.notes.text().strip() or None,
            measurements=tuple(self._typed_records()),
        )

    def _typed_records(self) -> list[MeasurementRecord]:
        from app.services.sessions import validate_measurements

        inputs = [r.to_input() for r in self.rows if r.has_values()]
        try:
            return validate_measurements(self.context.catalog, inputs)
        except ServiceError:
            return []

    def load_session(self, session: SessionRecord) -> None:
        """Put ``session`` in the form (a reload after a conflict): every row, no longer dirty."""
        self.session = session
        self.base_version = session.version
        self._show_header(session)
        for row in self.rows:
            row.load(
                session.measurement(row.definition.key)
                or MeasurementRecord(row.definition.key, (), (), None, None)
            )
        for record in session.measurements:
            if self.row_for(record.key) is None:
                added = self.add_row(record.key)
                if added is not None:
                    added.load(record)
        self._dirty = False
        self._validate()

    def has_edits(self) -> bool:
        """Anything typed since the form was filled (the rows and the date say so)."""
        return self._dirty

    def mark_clean(self) -> None:
        self._dirty = False
