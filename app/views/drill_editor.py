"""Edit a drill's text, or add the clinic's own drill with a picture.

Everything is checked by the service before anything is written: a refused field or picture
leaves the database as it was, and the messages say what to change.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.drills import REGIONS, Dosage, Drill, region_name
from app.domain.validation import NAME_MAX
from app.errors import UserFacingError
from app.services.context import AppContext
from app.services.drills import (
    DrillRecord,
    ImageProblem,
    add_custom_drill,
    drill_image,
    read_image,
    save_drill,
)
from app.services.errors import Conflict, ValidationError
from app.views.conflict_dialog import drill_lines, settle_conflict
from app.views.dosage_editor import DosageEditor
from app.views.drill_view import render_illustration
from app.views.operations import write
from app.views.style import error_label, fit_to_screen, save_cancel_buttons
from app.views.translation import user_text
from app.views.unsaved import FormDialog

PREVIEW = QSize(160, 120)
NEW_DRILL_DOSAGE = Dosage("3", "8-10", "reps", each_side=False, per_week=5)


def _text_box(accessible: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(accessible)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(12 + lines * box.fontMetrics().lineSpacing())
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return box


class DrillEditor(FormDialog):
    """``record`` None: a new custom drill. ``saved`` carries the key of the saved drill."""

    saved = Signal(str)

    def __init__(
        self,
        context: AppContext,
        record: DrillRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.record = record
        self.image_path: Path | None = None
        self.setWindowTitle(
            self.tr("New custom drill")
            if record is None
            else self.tr("Edit drill — {0}").format(record.drill.name)
        )

        columns = QHBoxLayout()
        columns.addLayout(self._build_texts(), 3)
        columns.addLayout(self._build_facts(context), 2)
        self.error = error_label(self.tr("Problems"))
        self.buttons = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._fields = self._field_widgets()
        self._load(record)
        self.edited_what = self.tr("This drill")
        self.mark_clean()
        fit_to_screen(self, 980, 720)
        self.name.setFocus()

    def form_state(self) -> object:
        return (self.drill(), self.image_path)

    # -- construction -------------------------------------------------------------------------
    def _build_texts(self) -> QFormLayout:
        """The left column: the drill's name and texts."""
        self.name = QLineEdit()
        self.name.setMaxLength(NAME_MAX)
        self.name.setAccessibleName(self.tr("Name"))
        self.aim = _text_box(self.tr("Aim"), 2)
        self.setup = _text_box(self.tr("Setup"), 3)
        self.steps = _text_box(self.tr("Steps, one per line"), 7)
        self.steps.setPlaceholderText(self.tr("One step per line; the numbers are added for you"))
        self.feel = _text_box(self.tr("What to feel"), 2)
        self.mistakes = _text_box(self.tr("Common mistakes, one per line"), 4)
        self.mistakes.setPlaceholderText(self.tr("One mistake per line"))
        texts = QFormLayout()
        texts.addRow(self.tr("&Name"), self.name)
        texts.addRow(self.tr("&Aim"), self.aim)
        texts.addRow(self.tr("Set&up"), self.setup)
        texts.addRow(self.tr("S&teps"), self.steps)
        texts.addRow(self.tr("What to &feel"), self.feel)
        texts.addRow(self.tr("Common &mistakes"), self.mistakes)
        return texts

    def _build_facts(self, context: AppContext) -> QVBoxLayout:
        """The right column: region and side, dosage, targets, picture."""
        self.region = QComboBox()
        self.region.setAccessibleName(self.tr("Region"))
        for region in sorted(REGIONS):
            self.region.addItem(region_name(region, context.language), region)
        self.side = QComboBox()
        self.side.setAccessibleName(self.tr("Side"))
        for text, value in (
            (self.tr("left"), "left"),
            (self.tr("right"), "right"),
            (self.tr("both"), "both"),
        ):
            self.side.addItem(text, value)
        facts = QFormLayout()
        facts.addRow(self.tr("&Region"), self.region)
        facts.addRow(self.tr("Si&de"), self.side)
        self.dosage = DosageEditor()
        # the dosage fields by the names they had before there was a DosageEditor
        self.sets, self.amount, self.unit = self.dosage.sets, self.dosage.amount, self.dosage.unit
        self.each_side, self.per_week = self.dosage.each_side, self.dosage.per_week
        dosage_box = QGroupBox(self.tr("Dosage"))
        QVBoxLayout(dosage_box).addWidget(self.dosage)
        right = QVBoxLayout()
        right.addLayout(facts)
        right.addWidget(dosage_box)
        right.addWidget(QLabel(self.tr("Targets (measurements it helps):")))
        right.addWidget(self._build_targets(context), 1)
        right.addWidget(self._build_picture())
        return right

    def _build_targets(self, context: AppContext) -> QListWidget:
        self.targets = QListWidget()
        self.targets.setAccessibleName(self.tr("Targeted measurements"))
        for definition in context.catalog:
            item = QListWidgetItem(definition.name)
            item.setData(Qt.ItemDataRole.UserRole, definition.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.targets.addItem(item)
        return self.targets

    def _build_picture(self) -> QGroupBox:
        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: #ffffff; color: #555555; border: 1px solid #ccc;")
        self.picture_note = QLabel()
        self.picture_note.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose &picture…"))
        self.choose_button.clicked.connect(self.choose_picture)
        picture = QGroupBox(self.tr("Picture"))
        picture_layout = QHBoxLayout(picture)
        picture_layout.addWidget(self.preview)
        picture_side = QVBoxLayout()
        picture_side.addWidget(self.picture_note)
        picture_side.addWidget(self.choose_button)
        picture_side.addStretch(1)
        picture_layout.addLayout(picture_side, 1)
        return picture

    def _field_widgets(self) -> dict[str, QWidget]:
        """Where to put the cursor for a field the service refused."""
        return {
            "name": self.name,
            "aim": self.aim,
            "setup": self.setup,
            "steps": self.steps,
            "feel": self.feel,
            "mistakes": self.mistakes,
            "region": self.region,
            "side": self.side,
            "targets": self.targets,
            "dosage.sets": self.dosage.sets,
            "dosage.amount": self.dosage.amount,
            "dosage.unit": self.dosage.unit,
            "dosage.per_week": self.dosage.per_week,
            "image": self.choose_button,
        }

    # -- loading ------------------------------------------------------------------------------
    def _load(self, record: DrillRecord | None) -> None:
        if record is None:
            self.region.setCurrentIndex(self.region.findData("integration"))
            self.side.setCurrentIndex(self.side.findData("both"))
            self.dosage.set_dosage(NEW_DRILL_DOSAGE)
            self.picture_note.setText(
                self.tr("A PNG, JPG or SVG picture of the position (at most 5 MB and 4000×4000).")
            )
            self.preview.setText(self.tr("No picture"))
            return
        d = record.drill
        self.name.setText(d.name)
        self.aim.setPlainText(d.aim)
        self.setup.setPlainText(d.setup)
        self.steps.setPlainText("\n".join(d.steps))
        self.feel.setPlainText(d.feel)
        self.mistakes.setPlainText("\n".join(d.mistakes))
        self.region.setCurrentIndex(max(0, self.region.findData(d.region)))
        self.side.setCurrentIndex(max(0, self.side.findData(d.side)))
        self.dosage.set_dosage(d.dosage)
        for row in range(self.targets.count()):
            item = self.targets.item(row)
            targeted = item.data(Qt.ItemDataRole.UserRole) in d.targets
            item.setCheckState(Qt.CheckState.Checked if targeted else Qt.CheckState.Unchecked)
        image = None if d.builtin else drill_image(self.context.db, d.key)
        self._show_preview(image)
        if d.builtin:
            self.choose_button.setVisible(False)
            self.picture_note.setText(
                self.tr("Built-in drills keep their drawing; “Restore original” undoes text edits.")
            )
        else:
            self.picture_note.setText(self.tr("Choose a new picture to replace this one."))

    def _show_preview(self, image: tuple[bytes, str] | None) -> None:
        """A custom picture (``image``) or, for a built-in, its drawing."""
        base = self.record.drill if self.record is not None else self._stub()
        if image is None and not base.builtin:
            self.preview.setText(self.tr("No picture"))
            return
        pixmap = render_illustration(base, image, PREVIEW, self.devicePixelRatioF())
        if pixmap is None:
            self.preview.setText(self.tr("Cannot show this picture"))
        else:
            self.preview.setPixmap(pixmap)

    def _stub(self) -> Drill:
        return Drill(
            key="new",
            name="",
            aim="",
            region="integration",
            setup="",
            steps=(),
            feel="",
            mistakes=(),
            dosage=Dosage("1", "1", "reps", False, 1),
            side="both",
            targets=(),
            illustration="",
            builtin=False,
            language=self.context.language,
        )

    # -- picture ------------------------------------------------------------------------------
    def choose_picture(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a picture"),
            "",
            self.tr("Pictures (*.png *.jpg *.jpeg *.svg);;All files (*)"),
        )
        if path:
            self.set_picture(Path(path))

    def set_picture(self, path: Path) -> bool:
        """Check the file now (so a bad one is reported at once) and preview it."""
        try:
            data, info = read_image(path)
        except ImageProblem as exc:
            self.error.setText(user_text(exc))
            return False
        self.image_path = path
        self.error.clear()
        self._show_preview((data, info.image_type))
        size = f"{info.width}×{info.height}" if info.width and info.height else ""
        note = self.tr("{0} ({1} {2}) will be saved with the drill.").format(
            path.name, info.image_type.upper(), size
        )
        if info.stripped:  # said, not hidden: the drawing may look different without them
            note += " " + self.tr(
                "Left out of the drawing, as pictures may not reach other files: {0}."
            ).format(", ".join(info.stripped[:3]) + (" …" if len(info.stripped) > 3 else ""))
        self.picture_note.setText(note)
        return True

    # -- saving -------------------------------------------------------------------------------
    def drill(self) -> Drill:
        """The drill as the form describes it (checked by the service on save)."""
        base = self.record.drill if self.record is not None else self._stub()
        targets = tuple(
            self.targets.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.targets.count())
            if self.targets.item(row).checkState() == Qt.CheckState.Checked
        )
        return Drill(
            key=base.key,
            name=self.name.text(),
            aim=self.aim.toPlainText(),
            region=self.region.currentData(),
            setup=self.setup.toPlainText(),
            steps=tuple(self.steps.toPlainText().splitlines()),
            feel=self.feel.toPlainText(),
            mistakes=tuple(self.mistakes.toPlainText().splitlines()),
            dosage=self.dosage.dosage(),
            side=self.side.currentData(),
            targets=targets,
            illustration=base.illustration,
            builtin=base.builtin,
            language=base.language,  # an edit applies to the language it was shown in
        )

    def save(self) -> None:
        self._save_over(self.record.version if self.record is not None else None)

    def _save_over(self, version: int | None) -> None:
        """Save the form over ``version``; on a conflict show both versions side by side."""
        write(self, self.context.db, self._writer(version), self._saved, self._refused)

    def _saved(self, key: str) -> None:
        self.accept()
        self.saved.emit(key)

    def _refused(self, exc: UserFacingError) -> None:
        if isinstance(exc, ValidationError):
            self.error.setText("\n".join(user_text(e.message) for e in exc.errors))
            widget = self._fields.get(exc.errors[0].field) if exc.errors else None
            if widget is not None and widget.isVisible():
                widget.setFocus()
        elif isinstance(exc, Conflict):
            self._conflict(exc)
        else:
            self.error.setText(user_text(exc))

    def _conflict(self, exc: Conflict) -> None:
        settle_conflict(
            self,
            exc,
            self.tr("This drill"),
            DrillRecord,
            lines=lambda theirs: drill_lines(self.drill(), theirs.drill if theirs else None),
            reload=self._reload,
            overwrite=lambda theirs: self._save_over(theirs.version if theirs else None),
            say=self.error.setText,
            not_saved=self.tr("Not saved yet: another desk changed this drill."),
        )

    def _reload(self, theirs: DrillRecord) -> None:
        self.record = theirs
        self._load(theirs)
        self.mark_clean()

    def _writer(self, version: int | None) -> Callable[[], str]:
        """The save as a call that touches no widget (it may run off the GUI thread)."""
        db, drill, image_path, new = (
            self.context.db,
            self.drill(),
            self.image_path,
            self.record is None,
        )

        def work() -> str:
            if new:
                return add_custom_drill(db, drill, image_path).key
            return save_drill(db, drill, version, image_path=image_path).key

        return work
