"""The language this desk shows drill and catalog texts in, and a chooser of languages.

The window's language is ``app.config.app_language`` with this desk's setting (QSettings
``DESK_LANGUAGE_KEY``, chosen in Settings): drills and measurement names follow it on the
Library and Program pages, and it is the default handout language of every athlete.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QComboBox

from app.config import DESK_LANGUAGE_KEY, app_language
from app.domain.language import LANGUAGES


def desk_setting() -> str | None:
    """This desk's chosen language code as stored (None: not chosen)."""
    value = QSettings().value(DESK_LANGUAGE_KEY)
    return str(value) if value else None


def window_language() -> str:
    """The language the window shows texts in now (UNTWIST_LANG, the desk's choice, the
    system locale, English)."""
    return app_language(desk_setting())


def language_combo(accessible: str, *, default_label: str | None = None) -> QComboBox:
    """A chooser of the shipped languages by their own names (English, Deutsch, Español);
    with ``default_label`` a first item (data None) stands for "the app's language"."""
    combo = QComboBox()
    if default_label is not None:
        combo.addItem(default_label, None)
    for code, name in LANGUAGES.items():
        combo.addItem(name, code)
    combo.setAccessibleName(accessible)
    return combo


def app_language_label() -> str:
    """'Same as the app (Deutsch)': the first choice of an athlete's handout language."""
    name = LANGUAGES[window_language()]
    text = QCoreApplication.translate("AthleteDialog", "Same as the app ({0})")
    return text.format(name)
