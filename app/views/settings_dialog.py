"""Settings: the clinic, units and paper, thresholds with their sources, own measurements.

Everything here is stored in the database (it travels with backups and the clinic database);
only per-desk things (window geometry) live in QSettings.
"""

from __future__ import annotations

import base64
import dataclasses

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QImage, QPixmap
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

from app.config import DESK_DATABASE_KEY
from app.domain.catalog import MeasurementDef, Rule
from app.errors import UserFacingError
from app.services.catalog import (
    UNITS,
    CustomMeasurement,
    save_custom_measurement,
    set_measurement_retired,
)
from app.services.context import AppContext
from app.services.database import DatabaseProblem
from app.services.errors import ValidationError
from app.services.settings import ClinicSettings, save_settings
from app.views.style import error_label, save_cancel_buttons

LOGO_MAX_BYTES = 2_000_000


class ThresholdTable(QTableWidget):
    """Every threshold with its rule, source and default; editable, with reset per row."""

    COLUMNS = ("Measurement", "Rule", "Default", "Threshold", "", "Source", "In new sessions")

    def __init__(
        self, context: AppContext, settings: ClinicSettings, parent: QWidget | None = None
    ):
        super().__init__(0, len(self.COLUMNS), parent)
        self.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.setAccessibleName(self.tr("Thresholds"))
        self.verticalHeader().hide()
        self.spins: dict[str, QDoubleSpinBox] = {}
        self.in_default: dict[str, QCheckBox] = {}
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        for d in context.catalog:
            if d.retired:
                continue
            row = self.rowCount()
            self.insertRow(row)
            self.setItem(row, 0, self._item(d.name))
            self.setItem(row, 1, self._item(d.rule_text()))
            self.setItem(row, 5, self._item(d.threshold_source))
            check = QCheckBox()
            check.setChecked(d.key in settings.default_measurements)
            check.setAccessibleName(self.tr("{0} in new sessions").format(d.name))
            self.in_default[d.key] = check
            self.setCellWidget(row, 6, check)
            if d.rule is Rule.PASSFAIL or d.default_threshold is None:
                self.setItem(row, 2, self._item("—"))
                continue
            self.setItem(row, 2, self._item(f"{d.default_threshold:g}"))
            spin = QDoubleSpinBox()
            spin.setDecimals(1)
            spin.setRange(0.1, 99.9 if d.rule is Rule.LSI else 1000)
            spin.setValue(d.threshold or d.default_threshold)
            spin.setSuffix(" %" if d.rule is Rule.LSI else f" {d.unit}")
            spin.setAccessibleName(self.tr("{0} threshold").format(d.name))
            self.spins[d.key] = spin
            self.setCellWidget(row, 3, spin)
            reset = QPushButton(self.tr("Reset"))
            reset.setToolTip(self.tr("Back to the default, {0:g}").format(d.default_threshold))
            reset.clicked.connect(
                lambda _=False, s=spin, v=d.default_threshold: s.setValue(v)  # type: ignore[misc]
            )
            self.setCellWidget(row, 4, reset)
        self.defaults = {d.key: d.default_threshold for d in context.catalog}

    @staticmethod
    def _item(text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        return item

    def overrides(self) -> dict[str, float]:
        """Only thresholds that differ from the default are stored."""
        return {
            key: round(spin.value(), 1)
            for key, spin in self.spins.items()
            if abs(spin.value() - (self.defaults.get(key) or 0)) > 1e-9
        }

    def default_set(self) -> list[str]:
        return [key for key, check in self.in_default.items() if check.isChecked()]


class CustomMeasurementDialog(QDialog):
    def __init__(self, context: AppContext, existing: MeasurementDef | None, parent: QWidget):
        super().__init__(parent)
        self.context = context
        self.existing = existing
        self.setWindowTitle(self.tr("Own measurement"))
        self.key = QLineEdit(existing.key if existing else "")
        self.key.setReadOnly(existing is not None)
        self.key.setPlaceholderText("e.g. knee_flexion_deg")
        self.name = QLineEdit(existing.name if existing else "")
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.addItems(list(UNITS))
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
        self.low = QDoubleSpinBox()
        self.high = QDoubleSpinBox()
        self.threshold = QDoubleSpinBox()
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
            self.unit.setCurrentText(existing.unit)
            self.kind.setCurrentIndex(max(0, self.kind.findData(existing.kind.value)))
            self.rule.setCurrentIndex(max(0, self.rule.findData(existing.rule.value)))
            self.low.setValue(existing.min or 0)
            self.high.setValue(existing.max or 0)
            self.threshold.setValue(existing.threshold or 0)
            self.protocol.setPlainText(existing.protocol)

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

    def save(self) -> None:
        try:
            save_custom_measurement(self.context.db, self.data(), new=self.existing is None)
        except ValidationError as exc:
            self.error.setText("\n".join(e.message for e in exc.errors))
            return
        except UserFacingError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class SettingsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = dataclasses.replace(context.settings)
        self.setWindowTitle(self.tr("Settings"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(), self.tr("&General"))
        self.thresholds = ThresholdTable(context, self.settings)
        self.tabs.addTab(self.thresholds, self.tr("&Thresholds"))
        self.tabs.addTab(self._custom_tab(), self.tr("&Own measurements"))
        buttons = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(900, 560)

    # -- general -------------------------------------------------------------------------
    def _general_tab(self) -> QWidget:
        s = self.settings
        page = QWidget()
        form = QFormLayout(page)
        self.clinic_name = QLineEdit(s.clinic_name)
        self.logo_preview = QLabel()
        self.logo_preview.setFixedHeight(48)
        logo_row = QHBoxLayout()
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_logo)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(lambda: self.set_logo(b""))
        logo_row.addWidget(self.logo_preview, 1)
        logo_row.addWidget(choose)
        logo_row.addWidget(remove)
        self.length_unit = QComboBox()
        self.length_unit.addItem(self.tr("centimetres (cm)"), "cm")
        self.length_unit.addItem(self.tr("inches (in)"), "in")
        self.length_unit.setCurrentIndex(max(0, self.length_unit.findData(s.length_unit)))
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.paper.setCurrentIndex(max(0, self.paper.findData(s.paper)))
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Clinician: many athletes"), "clinician")
        self.mode.addItem(self.tr("Tracking myself (solo)"), "solo")
        self.mode.setCurrentIndex(max(0, self.mode.findData(s.mode or "clinician")))
        self.backup_folder = QLineEdit(s.backup_folder)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.choose_backup_folder)
        backup_row = QHBoxLayout()
        backup_row.addWidget(self.backup_folder, 1)
        backup_row.addWidget(browse)
        from app.config import default_database

        self.desk_database = QLineEdit(str(QSettings().value(DESK_DATABASE_KEY) or ""))
        self.desk_database.setPlaceholderText(default_database())
        self.desk_database.setToolTip(
            self.tr(
                "A file path, or a clinic server such as "
                "postgresql+psycopg://untwist@server/untwist. Used from the next start; "
                "--db and UNTWIST_DB still take precedence."
            )
        )
        for label, field in (
            (self.tr("&Database for this desk"), self.desk_database),
            (self.tr("Clinic &name (on handouts)"), self.clinic_name),
            (self.tr("&Logo (PNG or JPEG)"), logo_row),
            (self.tr("Length &unit (display only)"), self.length_unit),
            (self.tr("&Paper size"), self.paper),
            (self.tr("&Mode"), self.mode),
            (self.tr("Extra &backup folder"), backup_row),
        ):
            form.addRow(label, field)
            if isinstance(field, QWidget):
                field.setAccessibleName(label.replace("&", ""))
        self.backup_folder.setAccessibleName(self.tr("Extra backup folder"))
        self.set_logo(base64.b64decode(s.logo_png_b64) if s.logo_png_b64 else b"")
        return page

    def set_logo(self, data: bytes) -> bool:
        if data:
            image = QImage()
            if (
                len(data) > LOGO_MAX_BYTES
                or not image.loadFromData(QByteArray(data))
                or (data[:4] != b"\x89PNG" and data[:3] != b"\xff\xd8\xff")
            ):
                QMessageBox.warning(
                    self,
                    self.tr("Logo not used"),
                    self.tr("The logo must be a PNG or JPEG image under 2 MB."),
                )
                return False
            pixmap = QPixmap.fromImage(image).scaledToHeight(
                48, Qt.TransformationMode.SmoothTransformation
            )
            self.logo_preview.setPixmap(pixmap)
        else:
            self.logo_preview.setText(self.tr("(no logo)"))
        self.settings.logo_png_b64 = base64.b64encode(data).decode() if data else ""
        return True

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a logo"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            try:
                with open(path, "rb") as fh:
                    data = fh.read(LOGO_MAX_BYTES + 1)
            except OSError as exc:
                QMessageBox.warning(self, self.tr("Logo not used"), str(exc))
                return
            self.set_logo(data)

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
        set_measurement_retired(self.context.db, d.key, not d.retired)
        self.context.reload()
        self._fill_custom()

    # -- saving --------------------------------------------------------------------------
    def save(self) -> None:
        s = self.settings
        s.clinic_name = self.clinic_name.text().strip()
        s.length_unit = self.length_unit.currentData()
        s.paper = self.paper.currentData()
        s.mode = self.mode.currentData()
        s.backup_folder = self.backup_folder.text().strip()
        s.thresholds = self.thresholds.overrides()
        s.default_measurements = self.thresholds.default_set()
        try:
            save_settings(self.context.db, s)
        except DatabaseProblem as exc:
            QMessageBox.warning(self, self.tr("Settings not saved"), str(exc))
            return
        desk = self.desk_database.text().strip()
        if desk:
            QSettings().setValue(DESK_DATABASE_KEY, desk)
        else:
            QSettings().remove(DESK_DATABASE_KEY)
        self.context.reload()
        self.accept()
