"""The first interactive start asks who is using Untwist: a clinic, or one athlete."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.records import AthleteData
from app.services.athletes import create_athlete
from app.services.context import AppContext
from app.services.settings import save_settings
from app.views.translation import translate


class FirstRunDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Untwist"))
        self.choice = ""
        intro = QLabel(
            self.tr(
                "<h2>Welcome to Untwist</h2><p>Untwist records left-versus-right measurements, "
                "shows how the sides compare over time, and prints an exercise program.</p>"
                "<p>Who is using it?</p>"
            )
        )
        intro.setWordWrap(True)
        self.clinician = QPushButton(self.tr("I'm a &clinician — several athletes"))
        self.solo = QPushButton(self.tr("I'm &tracking myself"))
        for button, choice in ((self.clinician, "clinician"), (self.solo, "solo")):
            button.setMinimumHeight(44)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.clinician)
        layout.addWidget(self.solo)
        self.clinician.setDefault(True)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def ask_name(parent: QWidget | None) -> str | None:
    name, ok = QInputDialog.getText(
        parent,
        "Untwist",
        translate("FirstRunDialog", "Your name:"),
        QLineEdit.EchoMode.Normal,
    )
    return name.strip() if ok and name.strip() else None


def apply_first_run(context: AppContext, choice: str, name: str | None = None) -> None:
    """Store the choice; solo mode creates the one athlete."""
    settings = context.settings
    if choice == "solo":
        athlete = create_athlete(
            context.db, AthleteData(name=name or translate("FirstRunDialog", "Me"))
        )
        settings.mode = "solo"
        settings.solo_athlete_id = athlete.id
    else:
        settings.mode = "clinician"
    save_settings(context.db, settings)
    context.reload()


def run_first_run(context: AppContext, parent: QWidget | None = None) -> None:
    """Ask once; closing the dialog means clinician mode (the default), asked again next time."""
    dialog = FirstRunDialog(parent)
    if not dialog.exec() or not dialog.choice:
        return
    name = ask_name(parent) if dialog.choice == "solo" else None
    apply_first_run(context, dialog.choice, name)
