"""Settings: the clinic, units and paper, thresholds with their sources, own measurements.

Everything here is stored in the database (it travels with backups and the clinic database);
only per-desk things (window geometry) live in QSettings.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.config import DESK_DATABASE_KEY, DESK_LANGUAGE_KEY
from app.domain.catalog import BELOW_ERROR_WARNING, Catalog, MeasurementDef, Rule
from app.domain.language import LANGUAGES
from app.domain.validation import KEY_MAX, NAME_MAX, PATH_MAX, THRESHOLD_RANGE, UNIT_MAX
from app.errors import UserFacingError
from app.services.catalog import (
    UNITS,
    CustomMeasurement,
    save_custom_measurement,
    set_measurement_retired,
)
from app.services.context import AppContext
from app.services.errors import Conflict, ValidationError
from app.services.pictures import check_logo, read_logo
from app.services.settings import (
    ClinicSettings,
    SettingsRecord,
    conflicting_keys,
    merge_settings,
    save_settings,
)
from app.views.conflict_dialog import OVERWRITE, RELOAD, Line, ask_conflict, number
from app.views.operations import write
from app.views.style import error_label, save_cancel_buttons
from app.views.translation import QT_TRANSLATE_NOOP, DecimalSpinBox, translate, user_text


def _centred(widget: QWidget) -> QWidget:
    """A cell's control at its own height, centred in a row that grew for wrapped text."""
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(2, 0, 2, 0)
    layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
    return holder


class ThresholdTable(QTableWidget):
    """Every threshold with its rule, source and default; editable, with reset per row.

    The last column shows the measurement's error (MDC95) with its source or "estimate", and
    warns when the threshold is set below it (DOMAIN.md §3): such flags would come from noise,
    were they not gated by the error.
    """

    COLUMNS = (  # translated where shown
        QT_TRANSLATE_NOOP("ThresholdTable", "Measurement"),
        QT_TRANSLATE_NOOP("ThresholdTable", "Rule"),
        QT_TRANSLATE_NOOP("ThresholdTable", "Default"),
        QT_TRANSLATE_NOOP("ThresholdTable", "Threshold"),
        "",
        QT_TRANSLATE_NOOP("ThresholdTable", "Source"),
        QT_TRANSLATE_NOOP("ThresholdTable", "In new sessions"),
        QT_TRANSLATE_NOOP("ThresholdTable", "Measurement error"),
    )
    SOURCE_COLUMN = 5
    # app.domain.catalog.BELOW_ERROR_WARNING, translated where shown
    QT_TRANSLATE_NOOP("ThresholdTable", "below measurement error: expect flags from noise")
    ERROR_COLUMN = 7

    def __init__(
        self, context: AppContext, settings: ClinicSettings, parent: QWidget | None = None
    ):
        super().__init__(0, len(self.COLUMNS), parent)
        self.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.setAccessibleName(self.tr("Thresholds"))
        self.verticalHeader().hide()
        self.spins: dict[str, QDoubleSpinBox] = {}
        self.in_default: dict[str, QCheckBox] = {}
        self.definitions: dict[str, tuple[int, MeasurementDef]] = {}
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The sources and errors are sentences: they wrap within their columns (which share
        # the spare width) and the rows grow to show them whole, instead of "Teyhen 2015
        # (Clin Orthop …" and a row too wide for the dialog. The full text is the tooltip too.
        for column in (0, self.SOURCE_COLUMN, self.ERROR_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for d in context.catalog:
            if d.retired:
                continue
            row = self.rowCount()
            self.insertRow(row)
            self.setItem(row, 0, self._item(d.name))
            self.setItem(row, 1, self._item(d.rule_text()))
            self.setItem(row, 5, self._item(d.threshold_source))
            self.setItem(row, self.ERROR_COLUMN, self._item(self._error_text(d, None)))
            check = QCheckBox()
            check.setAccessibleName(self.tr("{0} in new sessions").format(d.name))
            self.in_default[d.key] = check
            self.setCellWidget(row, 6, _centred(check))
            if d.rule is Rule.PASSFAIL or d.default_threshold is None:
                self.setItem(row, 2, self._item("—"))
                continue
            self.setItem(row, 2, self._item(f"{d.default_threshold:g}"))
            spin = DecimalSpinBox()
            spin.setDecimals(1)
            spin.setRange(*THRESHOLD_RANGE[d.rule])
            spin.setSuffix(" %" if d.rule is Rule.LSI else f" {d.unit}")
            spin.setAccessibleName(self.tr("{0} threshold").format(d.name))
            self.spins[d.key] = spin
            self.setCellWidget(row, 3, _centred(spin))
            reset = QPushButton(self.tr("Reset"))
            reset.setToolTip(self.tr("Back to the default, {0:g}").format(d.default_threshold))
            reset.clicked.connect(lambda _=False, s=spin, v=d.default_threshold: s.setValue(v))
            self.setCellWidget(row, 4, _centred(reset))
            self.definitions[d.key] = (row, d)
            spin.valueChanged.connect(lambda value, key=d.key: self._check_error(key, value))
        self.defaults = {d.key: d.default_threshold for d in context.catalog}
        self._shown_values: dict[str, float] = {}
        self._shown_checked: set[str] = set()
        self.fill(settings)
        self.remember()

    def _error_text(self, d: MeasurementDef, threshold: float | None) -> str:
        if d.is_passfail:
            return "—"
        text = d.error_text()
        if d.threshold_below_error(threshold):
            return f"⚠ {BELOW_ERROR_WARNING} · {text}"
        return text

    def _check_error(self, key: str, value: float) -> None:
        """Warn, on the row, when a threshold is set below the measurement error."""
        row, d = self.definitions[key]
        item = self.item(row, self.ERROR_COLUMN)
        if item is None:
            return
        item.setText(self._error_text(d, value))
        item.setToolTip(item.text())
        below = d.threshold_below_error(value)
        item.setForeground(QColor("#c0262d") if below else self.palette().text().color())
        self.spins[key].setToolTip(self.tr(BELOW_ERROR_WARNING) if below else "")

    def below_error(self) -> list[str]:
        """The measurements whose threshold, as shown, is below their error."""
        return [
            key
            for key, spin in self.spins.items()
            if self.definitions[key][1].threshold_below_error(spin.value())
        ]

    @staticmethod
    def _item(text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        item.setToolTip(text)
        return item

    def fill(self, settings: ClinicSettings) -> None:
        """Show ``settings``' thresholds and the measurements of new sessions."""
        for key, spin in self.spins.items():
            spin.setValue(settings.thresholds.get(key, self.defaults.get(key) or 0))
        for key, check in self.in_default.items():
            check.setChecked(key in settings.default_measurements)

    def remember(self) -> None:
        """What is shown now is what was loaded: only rows changed after this are saved."""
        self._shown_values = {key: spin.value() for key, spin in self.spins.items()}
        self._shown_checked = set(self.default_set())

    def overrides(self) -> dict[str, float]:
        """Only thresholds that differ from the default are stored."""
        return {
            key: round(spin.value(), 1)
            for key, spin in self.spins.items()
            if abs(spin.value() - (self.defaults.get(key) or 0)) > 1e-9
        }

    def edited_thresholds(self, loaded: dict[str, float]) -> dict[str, float]:
        """``loaded`` with the rows the user changed: others keep their stored value exactly
        (a rounded spin box or a retired measurement never rewrites them)."""
        edited = dict(loaded)
        for key, spin in self.spins.items():
            if spin.value() == self._shown_values.get(key):
                continue
            if abs(spin.value() - (self.defaults.get(key) or 0)) > 1e-9:
                edited[key] = round(spin.value(), 1)
            else:
                edited.pop(key, None)  # back to the default: not stored
        return edited

    def default_set(self) -> list[str]:
        return [key for key, check in self.in_default.items() if check.isChecked()]

    def edited_defaults(self, loaded: list[str]) -> list[str]:
        """``loaded`` unless the user ticked or unticked a row; keys not listed here (retired
        measurements) stay as they were."""
        checked = self.default_set()
        if set(checked) == self._shown_checked:
            return loaded
        return checked + [key for key in loaded if key not in self.in_default]


class CustomMeasurementDialog(QDialog):
    def __init__(self, context: AppContext, existing: MeasurementDef | None, parent: QWidget):
        super().__init__(parent)
        self.context = context
        self.existing = existing
        self.setWindowTitle(self.tr("Own measurement"))
        self.key = QLineEdit(existing.key if existing else "")
        self.key.setReadOnly(existing is not None)
        self.key.setMaxLength(KEY_MAX)  # the columns' limits
        self.key.setPlaceholderText(self.tr("e.g. knee_flexion_deg"))
        self.name = QLineEdit(existing.name if existing else "")
        self.name.setMaxLength(NAME_MAX)
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.addItems(list(UNITS))
        line = self.unit.lineEdit()
        if line is not None:
            line.setMaxLength(UNIT_MAX)
        self.kind = QComboBox()
        for text, value in (
            (self.tr("decimal number"), "number"),
            (self.tr("whole number / score"), "integer"),
            (self.tr("pass / fail"), "passfail"),
        ):
            self.kind.addItem(text, value)
        self.rule = QComboBox()
        for text, value in (
            (self.tr("difference between sides"), "diff"),
            (self.tr("limb symmetry index (LSI)"), "lsi"),
        ):
            self.rule.addItem(text, value)
        self.low = DecimalSpinBox()
        self.high = DecimalSpinBox()
        self.threshold = DecimalSpinBox()
        for spin in (self.low, self.high, self.threshold):
            spin.setRange(-10000, 10000)
            spin.setDecimals(1)
        self.high.setValue(100)
        self.threshold.setValue(10)
        self.protocol = QPlainTextEdit()
        self.protocol.setTabChangesFocus(True)
        self.error = error_label(self.tr("Problems"))
        form = QFormLayout(self)
        for label, widget in (
            (self.tr("&Key (for CSV files)"), self.key),
            (self.tr("&Name"), self.name),
            (self.tr("&Unit"), self.unit),
            (self.tr("&Values"), self.kind),
            (self.tr("&Flag rule"), self.rule),
            (self.tr("&Lowest valid value"), self.low),
            (self.tr("&Highest valid value"), self.high),
            (self.tr("&Threshold (or LSI cut-off %)"), self.threshold),
            (self.tr("&Protocol"), self.protocol),
        ):
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        form.addRow(self.error)
        buttons = save_cancel_buttons(self, self.save)
        form.addRow(buttons)
        if existing:
            self._load(existing)

    def data(self) -> CustomMeasurement:
        return CustomMeasurement(
            key=self.key.text().strip(),
            name=self.name.text().strip(),
            unit=self.unit.currentText().strip(),
            kind=self.kind.currentData(),
            rule=self.rule.currentData(),
            min=self.low.value(),
            max=self.high.value(),
            threshold=self.threshold.value(),
            protocol=self.protocol.toPlainText().strip(),
        )

    def _load(self, d: MeasurementDef) -> None:
        self.name.setText(d.name)
        self.unit.setCurrentText(d.unit)
        self.kind.setCurrentIndex(max(0, self.kind.findData(d.kind.value)))
        self.rule.setCurrentIndex(max(0, self.rule.findData(d.rule.value)))
        self.low.setValue(d.min or 0)
        self.high.setValue(d.max or 0)
        self.threshold.setValue(d.threshold or 0)
        self.protocol.setPlainText(d.protocol)

    def save(self) -> None:
        self._save(self.existing.version if self.existing else None)

    def _save(self, version: int | None) -> None:
        """Save over ``version``; on a conflict show both versions side by side."""
        try:
            save_custom_measurement(
                self.context.db, self.data(), new=self.existing is None, version=version
            )
        except ValidationError as exc:
            self.error.setText("\n".join(user_text(e.message) for e in exc.errors))
            return
        except Conflict as exc:
            self._conflict(exc)
            return
        except UserFacingError as exc:
            self.error.setText(user_text(exc))
            return
        self.accept()

    def _conflict(self, exc: Conflict) -> None:
        theirs = exc.current if isinstance(exc.current, MeasurementDef) else None
        lines = measurement_lines(self.data(), theirs)
        choice = ask_conflict(self, self.tr("This measurement"), lines)
        if choice == RELOAD and theirs is not None:
            self.existing = theirs
            self._load(theirs)
            self.error.setText(self.tr("Showing the version saved at the other desk."))
        elif choice == OVERWRITE:
            # overwrite exactly what was shown; a third save meanwhile is caught again
            self._save(theirs.version if theirs is not None else None)
        else:
            self.error.setText(self.tr("Not saved yet: another desk changed this measurement."))


class SettingsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        # What this dialog started from, with the version of every key: saving writes only
        # what the user changed against it (another desk's other changes are kept).
        self.loaded = context.settings_record
        self._logo_b64 = ""
        self._shown: dict[str, object] = {}
        self.setWindowTitle(self.tr("Settings"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(), self.tr("&General"))
        self.thresholds = ThresholdTable(context, self.loaded.settings)
        self.tabs.addTab(self.thresholds, self.tr("&Thresholds"))
        self.tabs.addTab(self._custom_tab(), self.tr("&Own measurements"))
        self.message = error_label(self.tr("Problems"))
        buttons = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._start_from(self.loaded)
        self.resize(900, 560)

    # -- general -------------------------------------------------------------------------
    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.clinic_name = QLineEdit()
        self.clinic_name.setMaxLength(NAME_MAX)
        self.logo_preview = QLabel()
        self.logo_preview.setFixedHeight(48)
        logo_row = QHBoxLayout()
        choose = QPushButton(self.tr("Choose…"))
        self.logo_choose = choose
        choose.clicked.connect(self.choose_logo)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(lambda: self.set_logo(b""))
        logo_row.addWidget(self.logo_preview, 1)
        logo_row.addWidget(choose)
        logo_row.addWidget(remove)
        self.length_unit = QComboBox()
        self.length_unit.addItem(self.tr("centimetres (cm)"), "cm")
        self.length_unit.addItem(self.tr("inches (in)"), "in")
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Clinician: many athletes"), "clinician")
        self.mode.addItem(self.tr("Tracking myself (solo)"), "solo")
        self.backup_folder = QLineEdit()
        self.backup_folder.setMaxLength(PATH_MAX)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.choose_backup_folder)
        backup_row = QHBoxLayout()
        backup_row.addWidget(self.backup_folder, 1)
        backup_row.addWidget(browse)
        self.marker_colour = QLineEdit()
        self.marker_colour.setMaxLength(6)
        self.marker_colour.setInputMask("HHHHHH")
        self.marker_colour.setToolTip(
            self.tr(
                "The colour of the adhesive markers found on photos (RRGGBB); a pixel "
                "matches within ±25° of its hue, at saturation and brightness of 40 % or more."
            )
        )
        from app.config import default_database

        self.desk_database = QLineEdit(str(QSettings().value(DESK_DATABASE_KEY) or ""))
        self.desk_database.setMaxLength(PATH_MAX)
        self.desk_database.setPlaceholderText(default_database())
        self.desk_database.setToolTip(
            self.tr(
                "A file path, or a clinic server such as "
                "postgresql+psycopg://untwist@server/untwist. Used from the next start; "
                "--db and UNTWIST_DB still take precedence."
            )
        )
        self.language = self._language_combo()
        language_row = QHBoxLayout()
        language_row.addWidget(self.language)
        language_row.addWidget(QLabel(self.tr("Applies when you save.")), 1)
        for label, field, buddy in (
            (self.tr("&Database for this desk"), self.desk_database, None),
            (self.tr("L&anguage of this desk"), language_row, self.language),
            (self.tr("Clinic &name (on handouts)"), self.clinic_name, None),
            (self.tr("&Logo (PNG or JPG)"), logo_row, choose),
            (self.tr("Length &unit (display only)"), self.length_unit, None),
            (self.tr("&Paper size"), self.paper, None),
            (self.tr("&Mode"), self.mode, None),
            (self.tr("Extra &backup folder"), backup_row, self.backup_folder),
            (self.tr("Photo mar&ker colour"), self.marker_colour, None),
        ):
            if isinstance(field, QWidget):
                form.addRow(label, field)
                field.setAccessibleName(label.replace("&", ""))
            else:
                # A row of several widgets has no buddy of its own: a plain string label
                # showed its "&" literally. The label's Alt letter goes to the row's field.
                caption = QLabel(label)
                assert buddy is not None
                caption.setBuddy(buddy)
                form.addRow(caption, field)
        self.backup_folder.setAccessibleName(self.tr("Extra backup folder"))
        self.language.setAccessibleName(self.tr("Language of this desk"))
        for row, buddy in (
            (language_row, self.language),
            (logo_row, choose),
            (backup_row, self.backup_folder),
        ):
            row_label = form.labelForField(row)
            if isinstance(row_label, QLabel):  # a row of widgets: its Alt letter (shown, not a
                row_label.setBuddy(buddy)  # literal "&") reaches the row's main field
        return page

    def _language_combo(self) -> QComboBox:
        """This desk's window language (QSettings, like the database): the system's, or one
        that Untwist ships, each in its own name. Read at start-up, before widgets are built."""
        combo = QComboBox()
        combo.addItem(self.tr("Same as the system"), "")
        for code, name in LANGUAGES.items():
            combo.addItem(name, code)
        stored = str(QSettings().value(DESK_LANGUAGE_KEY) or "")
        combo.setCurrentIndex(max(0, combo.findData(stored)))
        combo.setToolTip(
            self.tr(
                "The language of menus, pages and dialogs at this desk. Handouts have their "
                "own language per athlete. UNTWIST_LANG still takes precedence."
            )
        )
        return combo

    def _fill(self, s: ClinicSettings) -> None:
        """Show ``s`` in every field of the General and Thresholds tabs."""
        self.clinic_name.setText(s.clinic_name)
        self.length_unit.setCurrentIndex(max(0, self.length_unit.findData(s.length_unit)))
        self.paper.setCurrentIndex(max(0, self.paper.findData(s.paper)))
        self.mode.setCurrentIndex(max(0, self.mode.findData(s.mode or "clinician")))
        self.backup_folder.setText(s.backup_folder)
        self.marker_colour.setText(s.marker_colour)
        if s.logo_png_b64 != self._logo_b64:
            self.set_logo(base64.b64decode(s.logo_png_b64) if s.logo_png_b64 else b"")
        self.thresholds.fill(s)

    def _general_values(self) -> dict[str, object]:
        """The General tab's fields as settings values (``ClinicSettings`` field names)."""
        return {
            "clinic_name": self.clinic_name.text().strip(),
            "logo_png_b64": self._logo_b64,
            "length_unit": self.length_unit.currentData(),
            "paper": self.paper.currentData(),
            "mode": self.mode.currentData(),
            "backup_folder": self.backup_folder.text().strip(),
            "marker_colour": self.marker_colour.text().strip().upper(),
        }

    def _start_from(self, loaded: SettingsRecord, shown: ClinicSettings | None = None) -> None:
        """Compare later edits with ``loaded``; show ``shown`` (default: ``loaded``).

        The fields are filled with ``loaded`` first and read back, so "unchanged" means
        exactly what the form shows for it (a blank mode shows as Clinician, say) and a
        field the user did not touch is never written.
        """
        self.loaded = loaded
        self._logo_b64 = ""  # the logo is drawn again from what is loaded
        self._fill(loaded.settings)
        self._shown = self._general_values()
        self.thresholds.remember()
        if shown is not None:
            self._fill(shown)

    def edited(self) -> ClinicSettings:
        """The loaded settings with the user's changes, and nothing else."""
        s = self.loaded.settings
        for name, value in self._general_values().items():
            if value != self._shown[name]:
                setattr(s, name, value)
        s.thresholds = self.thresholds.edited_thresholds(s.thresholds)
        s.default_measurements = self.thresholds.edited_defaults(s.default_measurements)
        return s

    def set_logo(self, data: bytes, name: str = "The logo") -> bool:
        """Show and keep the logo ``data`` (b"": none) after the one picture check; what is
        kept is the checked picture (without its metadata), never the file's own bytes."""
        if data:
            try:
                info = check_logo(data, name)
            except UserFacingError as exc:
                QMessageBox.warning(self, self.tr("Logo not used"), user_text(exc))
                return False
            data = info.data
            image = QImage()
            if not image.loadFromData(QByteArray(data)):
                QMessageBox.warning(
                    self,
                    self.tr("Logo not used"),
                    self.tr("The logo cannot be shown; choose a PNG or JPG picture."),
                )
                return False
            pixmap = QPixmap.fromImage(image).scaledToHeight(
                48, Qt.TransformationMode.SmoothTransformation
            )
            self.logo_preview.setPixmap(pixmap)
        else:
            self.logo_preview.clear()
            self.logo_preview.setText(self.tr("(no logo)"))
        self._logo_b64 = base64.b64encode(data).decode() if data else ""
        return True

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a logo"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            try:
                info = read_logo(path)
            except UserFacingError as exc:
                QMessageBox.warning(self, self.tr("Logo not used"), user_text(exc))
                return
            self.set_logo(info.data)

    def choose_backup_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"))
        if folder:
            self.backup_folder.setText(folder)

    # -- own measurements ---------------------------------------------------------------
    def _custom_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.custom_list = QListWidget()
        self.custom_list.setAccessibleName(self.tr("Own measurements"))
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("&Add…"), self.add_custom),
            (self.tr("&Edit…"), self.edit_custom),
            (self.tr("&Retire / restore"), self.toggle_retired),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Measurements of your own, beside the built-in ones. Retired ones stay in the "
                    "history but are no longer offered for new sessions."
                )
            )
        )
        layout.addWidget(self.custom_list, 1)
        layout.addLayout(buttons)
        self._fill_custom()
        return page

    def _fill_custom(self) -> None:
        self.custom_list.clear()
        for d in self.context.catalog:
            if d.builtin:
                continue
            item = QListWidgetItem(
                f"{d.name} ({d.key}, {d.unit})" + (self.tr(" — retired") if d.retired else "")
            )
            item.setData(Qt.ItemDataRole.UserRole, d.key)
            self.custom_list.addItem(item)

    def _selected_custom(self) -> MeasurementDef | None:
        item = self.custom_list.currentItem()
        return (
            None if item is None else self.context.catalog.get(item.data(Qt.ItemDataRole.UserRole))
        )

    def add_custom(self) -> None:
        if CustomMeasurementDialog(self.context, None, self).exec():
            self.context.reload()
            self._fill_custom()

    def edit_custom(self) -> None:
        d = self._selected_custom()
        if d and CustomMeasurementDialog(self.context, d, self).exec():
            self.context.reload()
            self._fill_custom()

    def toggle_retired(self) -> None:
        d = self._selected_custom()
        if d is None:
            return
        try:
            set_measurement_retired(self.context.db, d.key, not d.retired, version=d.version)
        except Conflict as exc:  # the list shows it as it was: show it as it is, then retry
            QMessageBox.warning(self, self.tr("Changed elsewhere"), user_text(exc))
        except UserFacingError as exc:
            QMessageBox.warning(self, self.tr("Own measurements"), user_text(exc))
            return
        self.context.reload()
        self._fill_custom()

    # -- saving --------------------------------------------------------------------------
    def save(self) -> None:
        self._save(self.loaded)

    def _save(self, loaded: SettingsRecord) -> None:
        """Save the user's changes against ``loaded``; on a conflict show both versions."""
        db, edited = self.context.db, self.edited()
        write(self, db, lambda: save_settings(db, edited, loaded), self._saved, self._refused)

    def _refused(self, exc: UserFacingError) -> None:
        if isinstance(exc, Conflict):
            self._conflict(exc)
        else:
            QMessageBox.warning(self, self.tr("Settings not saved"), user_text(exc))

    def _saved(self, _stored: SettingsRecord) -> None:
        desk = self.desk_database.text().strip()
        if desk:
            QSettings().setValue(DESK_DATABASE_KEY, desk)
        else:
            QSettings().remove(DESK_DATABASE_KEY)
        language = self.language.currentData()
        if language:
            QSettings().setValue(DESK_LANGUAGE_KEY, language)
        else:
            QSettings().remove(DESK_LANGUAGE_KEY)
        self.context.reload()
        self.accept()

    def _conflict(self, exc: Conflict) -> None:
        current = exc.current
        if not isinstance(current, SettingsRecord):  # not expected: say so, keep the form
            self.message.setText(user_text(exc))
            return
        edited = self.edited()
        keys = conflicting_keys(edited, self.loaded, current)
        lines = settings_lines(edited, current.settings, keys, self.context.catalog)
        choice = ask_conflict(self, self.tr("A setting"), lines)
        if choice == RELOAD:
            # theirs where another desk changed something; the user's other changes stay
            self._start_from(current, merge_settings(edited, self.loaded, current))
            self.message.setText(
                self.tr("Showing the settings saved at the other desk, with your other changes.")
            )
        elif choice == OVERWRITE:
            # overwrite exactly what was shown; a third save meanwhile is caught again
            self._save(self.loaded.with_versions_of(current))
        else:
            self.message.setText(self.tr("Not saved yet: another desk changed these settings."))


# -- what a settings or measurement conflict looks like, line by line ------------------------

SETTING_LABELS = {
    "clinic_name": QT_TRANSLATE_NOOP("ConflictDialog", "Clinic name"),
    "logo_png_b64": QT_TRANSLATE_NOOP("ConflictDialog", "Logo"),
    "length_unit": QT_TRANSLATE_NOOP("ConflictDialog", "Length unit"),
    "paper": QT_TRANSLATE_NOOP("ConflictDialog", "Paper size"),
    "default_measurements": QT_TRANSLATE_NOOP("ConflictDialog", "In new sessions"),
    "backup_folder": QT_TRANSLATE_NOOP("ConflictDialog", "Extra backup folder"),
    "thresholds": QT_TRANSLATE_NOOP("ConflictDialog", "Thresholds"),
    "mode": QT_TRANSLATE_NOOP("ConflictDialog", "Mode"),
    "solo_athlete_id": QT_TRANSLATE_NOOP("ConflictDialog", "Solo athlete"),
    "marker_colour": QT_TRANSLATE_NOOP("ConflictDialog", "Photo marker colour"),
}


def _setting_text(key: str, value: object, catalog: Catalog) -> str:
    def label(k: str) -> str:
        d = catalog.get(k)
        return d.label if d is not None else k

    if key == "logo_png_b64":
        if not value:
            return "—"
        digest = hashlib.sha256(str(value).encode()).hexdigest()[:8]
        size = len(str(value)) * 3 // 4 // 1024
        return translate("SettingsDialog", "a picture ({0} kB, #{1})").format(size, digest)
    if key == "thresholds" and isinstance(value, dict):
        return ", ".join(f"{label(k)} {v:g}" for k, v in sorted(value.items())) or translate(
            "SettingsDialog", "defaults"
        )
    if key == "default_measurements" and isinstance(value, list):
        return ", ".join(label(k) for k in value) or "—"
    return "—" if value in (None, "") else str(value)


def settings_lines(
    yours: ClinicSettings, theirs: ClinicSettings, keys: Sequence[str], catalog: Catalog
) -> list[Line]:
    """One line per setting both desks changed: the only ones a conflict is about."""
    return [
        Line(
            SETTING_LABELS.get(key, key),
            _setting_text(key, getattr(yours, key), catalog),
            _setting_text(key, getattr(theirs, key), catalog),
        )
        for key in keys
    ]


def measurement_lines(yours: CustomMeasurement, theirs: MeasurementDef | None) -> list[Line]:
    def text(value: object) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, float):
            return number(value)
        return " ".join(str(value).split())

    fields = (
        ("name", QT_TRANSLATE_NOOP("ConflictDialog", "Name")),
        ("unit", QT_TRANSLATE_NOOP("ConflictDialog", "Unit")),
        ("kind", QT_TRANSLATE_NOOP("ConflictDialog", "Values")),
        ("rule", QT_TRANSLATE_NOOP("ConflictDialog", "Flag rule")),
        ("min", QT_TRANSLATE_NOOP("ConflictDialog", "Lowest valid value")),
        ("max", QT_TRANSLATE_NOOP("ConflictDialog", "Highest valid value")),
        ("threshold", QT_TRANSLATE_NOOP("ConflictDialog", "Threshold")),
        ("protocol", QT_TRANSLATE_NOOP("ConflictDialog", "Protocol")),
    )
    if yours.kind == "passfail":  # stored as the service stores it (see validate_custom)
        yours = dataclasses.replace(
            yours, unit="pass/fail", rule="passfail", min=None, max=None, threshold=None
        )
    lines = []
    for name, label in fields:
        mine, stored = getattr(yours, name), getattr(theirs, name, None)
        lines.append(
            Line(label, text(getattr(mine, "value", mine)), text(getattr(stored, "value", stored)))
        )
    return lines
