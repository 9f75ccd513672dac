"""The window's language: Qt translators, the default locale, and the helper views translate with.

Every user-visible string in ``app/views`` goes through Qt's own tooling: ``self.tr("…")`` in a
class that is never subclassed, and ``translate("Context", "…")`` everywhere else.
``QObject.tr`` takes its context from the *runtime* class, so a string written in a base class
would be looked up under the subclass's name and never found; a literal context cannot drift.
Either way the context and text are literals at the call site, so ``pyside6-lupdate`` extracts
them into ``resources/translations/untwist_<code>.ts`` (``packaging/translations.py update``).

The compiled ``.qm`` files are committed next to the ``.ts`` (``packaging/translations.py
release``): a checkout, the wheel (``resources`` → ``app/_resources``) and the frozen app read
the same files, with no build step. A test re-runs ``lrelease`` and compares, so they cannot go
stale. English loads ``untwist_en.qm`` too: it holds only the plural forms ("%n session(s)" →
"1 session", "2 sessions").

Qt's own strings (the standard buttons: "Cancel", "&Yes", …) come from ``qtbase_<code>.qm`` in
PySide6's translations folder (``QLibraryInfo``; the frozen build bundles it).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox

from app.domain.language import language
from app.domain.messages import text_in
from app.errors import UserFacingError
from app.resources import resource_path

TRANSLATIONS_FOLDER = "translations"

# The translators this module installed, kept alive (Qt does not own them) and removable.
_installed: list[QTranslator] = []
# The language apply_ui_language set last: what user_text renders messages in.
_ui_code = "en"


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate``: ``pyside6-lupdate`` extracts calls written with literals."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for ``pyside6-lupdate`` (under ``context``) where a constant is defined;
    it is translated where shown. PySide6's own version is typed as returning ``object``."""
    return text


def untwist_qm(code: str) -> Path:
    """Untwist's compiled catalog for ``code`` (it may not exist for a language not shipped)."""
    return resource_path(TRANSLATIONS_FOLDER, f"untwist_{code}.qm")


def qt_translations_dir() -> Path:
    """Where Qt's own catalogs are (``qtbase_de.qm``): Qt's answer, else PySide6's folder."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if (folder / "qtbase_de.qm").is_file():
        return folder
    import PySide6

    return Path(PySide6.__file__).resolve().parent / "Qt" / "translations"


def install_translators(code: str) -> list[str]:
    """Install the catalogs for ``code`` (replacing earlier ones); return the files loaded.

    Needs a ``QCoreApplication``. A missing file is skipped, not an error: the window then
    shows English, which is better than no window.
    """
    app = QCoreApplication.instance()
    assert app is not None, "install_translators needs the QApplication"
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    loaded = []
    candidates = [untwist_qm(code)]
    if code != "en":
        candidates.append(qt_translations_dir() / f"qtbase_{code}.qm")
    for path in candidates:
        translator = QTranslator(app)
        if path.is_file() and translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
            loaded.append(path.name)
    return loaded


def apply_ui_language(code: str) -> list[str]:
    """The window's language: translators, and ``QLocale.setDefault`` so that dates, numbers
    and spin boxes follow it (a decimal comma in German and Spanish). Before widgets are built.

    The system's locale is kept when it speaks that language, so its country's conventions stay
    (a British desk types 20/11/2026, an American one 11/20/26); otherwise the language's own.
    """
    global _ui_code
    _ui_code = code
    system = QLocale.system()
    same = system.name().split("_")[0] == code
    QLocale.setDefault(system if same else QLocale(code))
    return install_translators(code)


def user_text(said: BaseException | str) -> str:
    """What an error or a problem says, in the window's language: the one way views show a
    :class:`UserFacingError` or a message made below them (``app/domain/messages.py``).

    ``str(exc)`` is the English text (the CLI's, word for word); the window renders the
    message's template and values in its own language instead. A plain string or a foreign
    exception is shown as it is.
    """
    lang = language(_ui_code)
    if isinstance(said, UserFacingError):
        return said.text(lang)
    if isinstance(said, BaseException):
        from app.domain.messages import message_of

        return text_in(message_of(said), lang)
    return text_in(said, lang)


def decimal_mark() -> str:
    """The decimal mark of the UI's language: what a typed number may use besides ``.``."""
    return QLocale().decimalPoint()


def typed_number(text: str) -> str:
    """A number as typed in the UI, with ``.`` as the decimal mark for the parsers of
    ``app.domain.validation`` (which, like CSV and the CLI, read only ``.``): "11,5" where the
    UI's language writes a decimal comma; "11.5" is still read there, since the window never
    groups thousands in what it asks for (a point and a comma together stay refused)."""
    mark = decimal_mark()
    stripped = text.strip()
    if mark == "." or "." in stripped:
        return stripped
    return stripped.replace(mark, ".")


class DecimalSpinBox(QDoubleSpinBox):
    """A ``QDoubleSpinBox`` that also takes ``.`` as the decimal mark where the UI's language
    writes a comma: Qt would read the point as a thousands separator and refuse "11.5"."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        return super().validate(self._local(text), pos)

    def valueFromText(self, text: str) -> float:
        return super().valueFromText(self._local(text))

    def fixup(self, text: str) -> str:
        return super().fixup(self._local(text))

    def _local(self, text: str) -> str:
        mark = self.locale().decimalPoint()
        return text.replace(".", mark) if mark != "." else text


_DECIMAL_POINT = re.compile(r"(?<=[0-9])\.(?=[0-9])")


def localized_number(text: str) -> str:
    """Text with numbers formatted with ``.`` (``f"{x:.1f} cm"``) shown with the UI's decimal
    mark ("11,5 cm" in German). Only a point between digits changes: "e.g." stays."""
    mark = decimal_mark()
    return _DECIMAL_POINT.sub(mark, text) if mark != "." else text
