"""Shared look: how flags, sides and numbers are shown (text and symbol as well as colour)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QWidget

from app.domain.asymmetry import (
    Comparison,
    Flag,
    display_text,
    to_display,
)
from app.domain.catalog import Kind, MeasurementDef
from app.domain.language import Language, language
from app.views.translation import localized_number, translate

# Okabe–Ito colours (colour-blind safe); left is blue with circles, right orange with squares.
LEFT_COLOR = "#0072B2"
RIGHT_COLOR = "#D55E00"
FLAG_SYMBOL = {
    Flag.OK: "✓",
    Flag.WATCH: "◐",
    Flag.ASYMMETRIC: "▲",
    Flag.INCOMPLETE: "·",
}
FLAG_COLOR = {
    Flag.OK: "#1b7f3b",
    Flag.WATCH: "#b26b00",
    Flag.ASYMMETRIC: "#c0262d",
    Flag.INCOMPLETE: "#777777",
}
FLAG_COLOR_DARK = {
    Flag.OK: "#5fd38d",
    Flag.WATCH: "#ffb347",
    Flag.ASYMMETRIC: "#ff6b6b",
    Flag.INCOMPLETE: "#aaaaaa",
}


def is_dark() -> bool:
    app = QApplication.instance()
    if not isinstance(app, QApplication):  # none yet
        return False
    window = app.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def flag_color(flag: Flag) -> QColor:
    return QColor((FLAG_COLOR_DARK if is_dark() else FLAG_COLOR)[flag])


def flag_word(flag: Flag) -> str:
    """The flag's word in the UI's language (the domain's value is the English word)."""
    words = {
        Flag.OK: translate("Flags", "ok"),
        Flag.WATCH: translate("Flags", "watch"),
        Flag.ASYMMETRIC: translate("Flags", "asymmetric"),
        Flag.INCOMPLETE: translate("Flags", "incomplete"),
    }
    return words[flag]


def pain_limited_word() -> str:
    return translate("Flags", "pain-limited")


def side_word(side: str) -> str:
    """'left' / 'right' / 'both' as stored, in the UI's language."""
    words = {
        "left": translate("Sides", "left"),
        "right": translate("Sides", "right"),
        "both": translate("Sides", "both"),
    }
    return words.get(side, side)


def side_names(involved: str | None) -> tuple[str, str]:
    """'Left (involved)' / 'Right (uninvolved)' when the athlete has an involved side, else
    'Left' / 'Right' (app.domain.asymmetry.side_labels), in the UI's language."""
    if involved == "left":
        return translate("Sides", "Left (involved)"), translate("Sides", "Right (uninvolved)")
    if involved == "right":
        return translate("Sides", "Left (uninvolved)"), translate("Sides", "Right (involved)")
    return translate("Sides", "Left"), translate("Sides", "Right")


def flag_text(flag: Flag) -> str:
    """Symbol plus word, so a flag never depends on colour alone."""
    return f"{FLAG_SYMBOL[flag]} {flag_word(flag)}"


def status_text(c: Comparison) -> str:
    """The flag with what stands beside it (DOMAIN.md §4): 'pain-limited · ▲ asymmetric',
    '◐ watch (in error)', '✓ ok · both low'."""
    text = flag_text(c.flag)
    if c.pain_limited:
        text = f"{PAINFUL_SYMBOL} {pain_limited_word()} · {text}"
    if c.within_error:
        text += translate("Flags", " (in error)")
    if c.both_low:
        text += translate("Flags", " · both low")
    return text


def status_tip(c: Comparison, lang: Language | None = None) -> str:
    """Why the status is what it is, in a sentence per part (for a tooltip); the domain's words
    (pain, error) in ``lang``, the window's language (English by default)."""
    from app.domain.patterns import pain_phrase
    from app.domain.phrases import worded

    lang = lang or language("en")
    d = c.definition
    parts = []
    if c.pain_limited:
        pain = worded(pain_phrase(c), lang)
        parts.append(translate("Flags", "Pain-limited ({0}): painful, assess before loading; no "
                     "vote, no drill because of it.").format(pain))  # fmt: skip
    if c.within_error:
        parts.append(translate("Flags", "Past the threshold but within measurement error: "
                               "measure again."))  # fmt: skip
    if d.error is not None and not d.is_passfail:
        parts.append(translate("Flags", "Error (MDC95): {0}.").format(d.error_text(lang)))
    if c.both_low and c.reference is not None:
        ref = c.reference
        parts.append(
            translate(
                "Flags", "Both sides below the reference lower limit {0} ({1}; mean {2}, {3})."
            ).format(f"{ref.lower:g}", ref.rule, f"{ref.mean:g}", ref.source)
        )
    return " ".join(parts)


PAINFUL_SYMBOL = "✚"


def signed(value: float | None, decimals: int = 1) -> str:
    return "—" if value is None else localized_number(f"{value:+.{decimals}f}")


def number(value: float | None, decimals: int = 1) -> str:
    if value is None:
        return "—"
    if float(value).is_integer():
        return str(int(value))
    return localized_number(f"{value:.{decimals}f}")


def percent_text(value: float, lsi: bool = False) -> str:
    """'12.5 %', or 'LSI 89.0 %' where the rule is the LSI; the UI's decimal mark."""
    text = localized_number(f"{value:.1f}") + " %"
    return translate("Flags", "LSI {0}").format(text) if lsi else text


def value_text(definition: MeasurementDef, value: float | None, length_unit: str) -> str:
    if definition.is_passfail and value is not None:
        passed = definition.format_value(value) == "pass"
        return translate("Flags", "pass") if passed else translate("Flags", "fail")
    return localized_number(display_text(definition, value, length_unit))


def delta_text(definition: MeasurementDef, delta: float | None, length_unit: str) -> str:
    if delta is None:
        return "—"
    shown = to_display(delta, definition.unit, length_unit)
    assert shown is not None
    return f"{shown:+.0f}" if definition.kind is Kind.INTEGER else localized_number(f"{shown:+.1f}")


def error_label(accessible: str = "") -> QLabel:
    """The red, wrapping line under a form where its problems are listed."""
    label = QLabel("")
    label.setStyleSheet(f"color: {FLAG_COLOR[Flag.ASYMMETRIC]};")
    label.setWordWrap(True)
    if accessible:
        label.setAccessibleName(accessible)
    return label


def save_cancel_buttons(dialog: QDialog, save: Callable[[], None]) -> QDialogButtonBox:
    """Save / Cancel for a form dialog: Save runs ``save`` (which accepts on success)."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    return buttons


# One line each, shown on hover over the column headings and in the editor's F1 help
# (issue 20, point 10): the figures are never left unexplained, for clinicians either.
DIFF_EXPLAINED = (
    "Diff (R−L): the right side's value minus the left's, in the measurement's unit "
    "(negative: the left is higher)."
)
METRIC_EXPLAINED = (
    "% asym: the difference as a share of the larger side. LSI (limb symmetry index): "
    "involved ÷ uninvolved × 100, or weaker ÷ stronger without an involved side; "
    "below 90 % is usually flagged."
)


def available_area(widget: QWidget) -> QRect:
    """What the screen the widget is on leaves free for windows (panels and docks taken)."""
    screen = widget.screen() or QApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` × ``height``, or to what the screen has room for: a dialog taller
    than a 1024 × 700 screen put its Save button out of reach."""
    room = available_area(widget)
    least = widget.minimumSizeHint()
    widget.resize(
        max(least.width(), min(width, room.width())),
        max(least.height(), min(height, room.height() - FRAME_ALLOWANCE)),
    )


FRAME_ALLOWANCE = 30  # px a window manager's title bar takes above the area
