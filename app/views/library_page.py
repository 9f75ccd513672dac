"""The Library page: browse, search and edit the drills this database holds.

The list filters as you type (name, aim, region, targeted measurement); the selected drill is
shown as a patient would read it. "Show mirrored version" previews every drill for the other
side (texts swapped, drawings flipped) — what a program for the mirror pattern prints.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.drills import REGIONS, Drill, mirror_drill, region_name
from app.domain.text import counted
from app.errors import UserFacingError
from app.services.context import AppContext, Database
from app.services.drills import (
    DrillRecord,
    drill_image,
    drill_matches,
    drill_records,
    restore_builtin,
    retire_drill,
    target_names,
)
from app.services.errors import Conflict
from app.views.drill_editor import DrillEditor
from app.views.drill_view import DrillView, render_illustration
from app.views.state import AppState, Loader
from app.views.translation import user_text

THUMBNAIL = QSize(96, 72)
KEY_ROLE = Qt.ItemDataRole.UserRole


class LibraryPage(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.loader = Loader(state, self)
        self._pictures: dict[str, tuple[bytes, str] | None] = {}  # custom drills' pictures, by key
        self.records: list[DrillRecord] = []
        self._icons: dict[tuple[str, bool, int], QIcon] = {}
        self._ready = False

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search drills…"))
        self.search.setToolTip(self.tr("Matches the name, aim, region and measurements"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search drills"))
        # wide enough to read what is typed (squeezed by the filters, it showed "S…")
        self.search.setMinimumWidth(
            self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 40
        )
        self.region = QComboBox()
        self.region.setAccessibleName(self.tr("Region"))
        self.region.addItem(self.tr("All regions"), None)
        for region in sorted(REGIONS):
            self.region.addItem(region_name(region, state.context.language), region)
        self.target = QComboBox()
        self.target.setAccessibleName(self.tr("Targeted measurement"))
        # sized for a short name, not the longest measurement's: the search keeps its room
        self.target.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.target.setMinimumContentsLength(14)
        self.mirrored = QCheckBox(self.tr("Show &mirrored version"))
        self.mirrored.setToolTip(
            self.tr("Preview every drill for the other side: left and right swapped")
        )
        self.show_retired = QCheckBox(self.tr("Show re&tired"))
        self.new_button = QPushButton(self.tr("&New custom drill…"))
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.region, 1)
        filters.addWidget(self.target, 1)
        filters.addWidget(self.mirrored)
        filters.addWidget(self.show_retired)
        filters.addWidget(self.new_button)

        self.list = QListWidget()
        self.list.setIconSize(THUMBNAIL)
        self.list.setUniformItemSizes(True)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setAccessibleName(self.tr("Drills"))
        self.count = QLabel()
        self.count.setStyleSheet("color: #666;")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.count)

        self.view = DrillView(lambda: self.context)
        self.edit_button = QPushButton(self.tr("E&dit…"))
        self.restore_button = QPushButton(self.tr("&Restore original…"))
        self.restore_button.setToolTip(self.tr("Undo this clinic's edits of a built-in drill"))
        self.retire_button = QPushButton(self.tr("Ret&ire"))
        self.drill_state = QLabel()
        self.drill_state.setStyleSheet("color: #666;")
        actions = QHBoxLayout()
        actions.addWidget(self.edit_button)
        actions.addWidget(self.restore_button)
        actions.addWidget(self.retire_button)
        actions.addWidget(self.drill_state, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.view, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 700])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        self.search.textChanged.connect(self._apply_filter)
        self.region.currentIndexChanged.connect(self._apply_filter)
        self.target.currentIndexChanged.connect(self._apply_filter)
        self.mirrored.toggled.connect(self._rebuild)
        self.show_retired.toggled.connect(lambda _=False: self.refresh())
        self.list.currentItemChanged.connect(self._show_current)
        self.list.itemActivated.connect(lambda _item: self.edit_current())
        self.edit_button.clicked.connect(self.edit_current)
        self.restore_button.clicked.connect(self.restore_current)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.new_button.clicked.connect(self.new_custom)
        self.refresh()
        for signal in (state.drills_changed, state.settings_changed, state.database_replaced):
            signal.connect(self._changed_elsewhere)

    @property
    def context(self) -> AppContext:
        return self.state.context

    def _changed_elsewhere(self) -> None:
        self._icons.clear()
        self.refresh()

    # -- loading ------------------------------------------------------------------------------
    def refresh(self, select_key: str | None = None) -> None:
        """Re-read the library (after an edit here or on another desk), keeping the selection."""
        current = select_key or self.current_key()
        retired = self.show_retired.isChecked()
        drawn = {(key, version) for key, _mirrored, version in self._icons}
        language = self.context.language

        def work(db: Database) -> tuple[list[DrillRecord], dict[str, tuple[bytes, str] | None]]:
            records = drill_records(db, include_retired=retired, language=language)
            pictures = {  # the custom pictures not drawn yet, read in the same go
                r.key: drill_image(db, r.key)
                for r in records
                if r.image_type is not None and (r.key, r.version) not in drawn
            }
            return records, pictures

        def failed(exc: UserFacingError) -> None:
            self.records = []
            self.count.setText(user_text(exc))
            self._fill_targets()
            self._rebuild(select_key=current)
            self._ready = True

        self._ready = False
        self.loader.load(work, lambda loaded: self._loaded(*loaded, current), failed)

    def _loaded(
        self,
        records: list[DrillRecord],
        pictures: dict[str, tuple[bytes, str] | None],
        current: str | None,
    ) -> None:
        self.records = records
        self._pictures.update(pictures)
        self._fill_targets()
        self._rebuild(select_key=current)
        self._ready = True

    def is_ready(self) -> bool:
        return self._ready

    def _fill_targets(self) -> None:
        chosen = self.target.currentData()
        self.target.blockSignals(True)
        self.target.clear()
        self.target.addItem(self.tr("All measurements"), None)
        for definition in self.context.catalog:
            self.target.addItem(definition.name, definition.key)
        self.target.setCurrentIndex(max(0, self.target.findData(chosen)))
        self.target.blockSignals(False)

    def shown_drill(self, record: DrillRecord) -> Drill:
        """The drill as the page shows it: mirrored when the preview asks for it."""
        return mirror_drill(record.drill) if self.mirrored.isChecked() else record.drill

    def _rebuild(self, _checked: bool = False, select_key: str | None = None) -> None:
        select_key = select_key or self.current_key()
        self.list.blockSignals(True)
        self.list.clear()
        for record in self.records:
            drill = self.shown_drill(record)
            text = drill.name
            notes = [region_name(drill.region, self.context.language)]
            if record.retired:
                notes.append(self.tr("retired"))
            elif record.edited:
                notes.append(self.tr("edited"))
            elif not drill.builtin:
                notes.append(self.tr("custom"))
            item = QListWidgetItem(self._icon(record, drill), f"{text}\n{' · '.join(notes)}")
            item.setData(KEY_ROLE, record.key)
            item.setToolTip(drill.aim)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._apply_filter(select_key=select_key)

    def _icon(self, record: DrillRecord, drill: Drill) -> QIcon:
        cache_key = (record.key, drill.mirrored, record.version)
        icon = self._icons.get(cache_key)
        if icon is None:
            image = None
            if record.image_type is not None:
                image = self._pictures.get(record.key)
            pixmap = render_illustration(drill, image, THUMBNAIL, self.devicePixelRatioF())
            icon = QIcon()
            if pixmap is not None:
                # the same picture when selected: a tinted drawing is harder to read
                icon.addPixmap(pixmap, QIcon.Mode.Normal)
                icon.addPixmap(pixmap, QIcon.Mode.Selected)
            self._icons[cache_key] = icon
        return icon

    # -- filtering and selection ---------------------------------------------------------------
    def _apply_filter(self, _index: int = 0, select_key: str | None = None) -> None:
        query = self.search.text()
        region = self.region.currentData()
        target = self.target.currentData()
        names = target_names({d.key: d.name for d in self.context.catalog})
        by_key = {r.key: r for r in self.records}
        shown = 0
        first_visible: QListWidgetItem | None = None
        wanted: QListWidgetItem | None = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            record = by_key[item.data(KEY_ROLE)]
            visible = drill_matches(
                self.shown_drill(record), query, region=region, target=target, names=names
            )
            item.setHidden(not visible)
            if visible:
                shown += 1
                first_visible = first_visible or item
                if item.data(KEY_ROLE) == select_key:
                    wanted = item
        self.count.setText(
            self.tr("{0} of {1}").format(
                shown, counted(len(self.records), self.tr("drill"), self.tr("drills"))
            )
        )
        current = self.list.currentItem()
        if wanted is not None:
            self.list.setCurrentItem(wanted)
        elif current is None or current.isHidden():
            self.list.setCurrentItem(first_visible)  # type: ignore[arg-type]  # None clears it; stub wants an item
        self._show_current()

    def current_key(self) -> str | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return item.data(KEY_ROLE)

    def current_record(self) -> DrillRecord | None:
        key = self.current_key()
        return next((r for r in self.records if r.key == key), None)

    def select(self, key: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(KEY_ROLE) == key and not item.isHidden():
                self.list.setCurrentItem(item)
                return

    def _show_current(self, *_args: object) -> None:
        record = self.current_record()
        self.view.set_drill(self.shown_drill(record) if record else None)
        writable = not self.context.db.read_only
        self.new_button.setEnabled(writable)
        self.edit_button.setEnabled(record is not None and writable)
        builtin = record is not None and record.drill.builtin
        self.restore_button.setVisible(builtin)
        self.restore_button.setEnabled(
            builtin and writable and record is not None and record.edited
        )
        self.retire_button.setVisible(record is not None and not builtin)
        self.retire_button.setEnabled(writable)
        if record is not None and record.retired:
            self.retire_button.setText(self.tr("Bring &back"))
        else:
            self.retire_button.setText(self.tr("Ret&ire"))
        if record is None:
            self.drill_state.clear()
        elif record.retired:
            self.drill_state.setText(self.tr("Retired: hidden from the library and suggestions"))
        elif record.edited:
            self.drill_state.setText(self.tr("Built-in drill, edited by this clinic"))
        elif builtin:
            self.drill_state.setText(self.tr("Built-in drill"))
        else:
            self.drill_state.setText(self.tr("Custom drill"))

    # -- actions ------------------------------------------------------------------------------
    def edit_current(self) -> None:
        record = self.current_record()
        if record is None or self.context.db.read_only:
            return
        self._open_editor(DrillEditor(self.context, record, parent=self))

    def new_custom(self) -> None:
        if self.context.db.read_only:
            return
        self._open_editor(DrillEditor(self.context, None, parent=self))

    def _open_editor(self, editor: DrillEditor) -> None:
        self.editor = editor
        editor.saved.connect(self._saved)
        editor.open()

    def _saved(self, key: str) -> None:
        self._icons.clear()
        self._pictures.clear()
        self.search.blockSignals(True)
        self.search.clear()  # the saved drill must be visible
        self.search.blockSignals(False)
        self.region.setCurrentIndex(0)
        self.target.setCurrentIndex(0)
        self.refresh(select_key=key or None)

    def restore_current(self) -> None:
        record = self.current_record()
        if record is None or not record.drill.builtin:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore original?"),
            self.tr(
                "Replace this clinic's text of “{0}” with the original that came with "
                "Untwist? Your edits of this drill will be lost."
            ).format(record.drill.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        language = record.drill.language
        if self._run(
            lambda: restore_builtin(self.context.db, record.key, record.version, language)
        ):
            self._icons.clear()
            self.refresh(select_key=record.key)

    def toggle_retired(self) -> None:
        record = self.current_record()
        if record is None or record.drill.builtin:
            return
        retired = not record.retired
        if retired:
            answer = QMessageBox.question(
                self,
                self.tr("Retire drill?"),
                self.tr(
                    "Hide “{0}” from the library and from suggestions? Programs that "
                    "already use it keep it, and “Show retired” brings it back."
                ).format(record.drill.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Yes,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        if self._run(
            lambda: retire_drill(
                self.context.db, record.key, retired=retired, version=record.version
            )
        ):
            self.refresh(select_key=record.key)

    def _run(self, action: Callable[[], object]) -> bool:
        """A database action whose problem becomes a message (and a reload on a conflict)."""
        try:
            action()
        except Conflict as exc:
            QMessageBox.warning(self, self.tr("Changed elsewhere"), user_text(exc))
            self.refresh()
            return False
        except UserFacingError as exc:
            QMessageBox.warning(self, self.tr("Drill library"), user_text(exc))
            return False
        return True
