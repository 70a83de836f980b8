"""The app's look in one place: palette colours, the widget style sheet, the reader's CSS, in a light
and a dark variant.

The variant follows the system's colour scheme (or WORKBOOK_THEME=light|dark) and is chosen once at
start, before the pages are imported: pages take colours as `from workbook.ui.theme import MUTED`, which
reads the chosen variant through the module's `__getattr__`. Text colours keep at least 4.5:1 contrast
on the card colour in both variants (tests/ui/test_theme.py checks).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

LIGHT = {
    "ACCENT": "#1f4f8a", "ACCENT_DARK": "#163a66", "SURFACE": "#f5f7fa", "CARD": "#ffffff",
    "BORDER": "#d5dce5", "MUTED": "#5b6675", "SUCCESS": "#1b6e3a", "WARNING": "#a12a2a",
    "CAUTION": "#8a5a00", "TEXT": "#1f2d3d", "SOFT": "#e6eef8", "SELECTED": "#dbe7f5",
    "CALLER": "#f0f4f9", "TRACK": "#eef1f5", "DISABLED": "#8a939d", "PRIMARY_DISABLED": "#8aa3c2",
    "BROKEN": "#fbf3f3", "BROKEN_BORDER": "#cc9999", "HEADING": "#163a66", "HEADING2": "#1f4f8a",
    "QUOTE": "#2c3e50", "ON_ACCENT": "#ffffff", "MARK": "#fff1a8", "INDICATOR": "#5b6675",
    # lesson callouts: the title's colour (and the bar beside the box) on the box's background
    "SAY": "#1b6e3a", "SAY_BG": "#e8f5ec", "AVOID": "#a12a2a", "AVOID_BG": "#fbeaea",
    "EXAMPLE": "#1f4f8a", "EXAMPLE_BG": "#e9f0fa", "TRY": "#7a4b00", "TRY_BG": "#fdf3e1",
}
DARK = {
    "ACCENT": "#2f6db3", "ACCENT_DARK": "#24568f", "SURFACE": "#161a20", "CARD": "#1f252d",
    "BORDER": "#3a434f", "MUTED": "#b0b9c4", "SUCCESS": "#5cc486", "WARNING": "#f5a3a3",
    "CAUTION": "#e0b050", "TEXT": "#e6ebf1", "SOFT": "#25354a", "SELECTED": "#28405e",
    "CALLER": "#26303c", "TRACK": "#2a313a", "DISABLED": "#7d8793", "PRIMARY_DISABLED": "#3b536f",
    "BROKEN": "#3a2424", "BROKEN_BORDER": "#8a5555", "HEADING": "#9cc3f0", "HEADING2": "#8ab6ea",
    "QUOTE": "#c9d3de", "ON_ACCENT": "#ffffff", "MARK": "#6b5a00", "INDICATOR": "#9aa3ad",
    "SAY": "#6fcf97", "SAY_BG": "#1a3024", "AVOID": "#f5a3a3", "AVOID_BG": "#3a2226",
    "EXAMPLE": "#9cc3f0", "EXAMPLE_BG": "#1c2b3d", "TRY": "#e0b050", "TRY_BG": "#352a17",
}
CALLOUT_KINDS = ("say", "avoid", "example", "try")

_colours = LIGHT


def use_dark(dark: bool) -> None:
    """Choose the variant; call before the pages are imported (app start, the screenshot tool)."""
    global _colours
    _colours = DARK if dark else LIGHT


def is_dark() -> bool:
    return _colours is DARK


def colours() -> dict[str, str]:
    return dict(_colours)


def __getattr__(name: str) -> str:
    if name in _colours:
        return _colours[name]
    if name == "APP_STYLE":
        return app_style()
    if name == "READER_CSS":
        return reader_css()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def callout_colours() -> dict[str, tuple[str, str, str]]:
    """Each lesson callout's (title and bar, background, body text) in the chosen variant."""
    c = _colours
    return {kind: (c[kind.upper()], c[kind.upper() + "_BG"], c["TEXT"]) for kind in CALLOUT_KINDS}


def score_colour(percent: float) -> str:
    """A score's band (`core.score_bands`: good, fair, poor) as a text colour readable in this variant."""
    from workbook.core.score_bands import FAIR, GOOD

    if percent >= GOOD:
        return _colours["SUCCESS"]
    return _colours["CAUTION"] if percent >= FAIR else _colours["WARNING"]


def system_prefers_dark(app: QApplication) -> bool:
    """WORKBOOK_THEME=dark|light wins; otherwise the platform's colour scheme."""
    chosen = os.environ.get("WORKBOOK_THEME", "").strip().lower()
    if chosen in ("dark", "light"):
        return chosen == "dark"
    from PySide6.QtCore import Qt

    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication) -> bool:
    """Pick the variant the system asks for, and set the palette and style sheet; True when dark."""
    dark = system_prefers_dark(app)
    use_dark(dark)
    app.setPalette(palette())
    app.setStyleSheet(app_style())
    return dark


def palette() -> QPalette:
    """Palette roles for what the style sheet does not colour (plain labels, rich text, dialogs)."""
    from PySide6.QtGui import QColor, QPalette

    c = _colours
    result = QPalette()
    roles = QPalette.ColorRole
    for role, key in ((roles.Window, "SURFACE"), (roles.WindowText, "TEXT"), (roles.Base, "CARD"),
                      (roles.AlternateBase, "TRACK"), (roles.Text, "TEXT"), (roles.Button, "CARD"),
                      (roles.ButtonText, "TEXT"), (roles.ToolTipBase, "CARD"), (roles.ToolTipText, "TEXT"),
                      (roles.Highlight, "ACCENT"), (roles.HighlightedText, "ON_ACCENT"),
                      (roles.Link, "HEADING2"), (roles.PlaceholderText, "MUTED"), (roles.Mid, "BORDER")):
        result.setColor(role, QColor(c[key]))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, role, QColor(c["DISABLED"]))
    return result


def app_style() -> str:
    c = _colours
    return f"""
QMainWindow, QWidget#page {{ background: {c['SURFACE']}; }}
QLabel#pageTitle {{ font-size: 22px; font-weight: 600; color: {c['TEXT']}; }}
QLabel#pageSubtitle {{ color: {c['MUTED']}; font-size: 13px; }}
QLabel#muted {{ color: {c['MUTED']}; }}
QLabel#error {{ color: {c['WARNING']}; }}
QFrame#card {{ background: {c['CARD']}; border: 1px solid {c['BORDER']}; border-radius: 8px; }}
QFrame#card:focus, QFrame#card[hovered="true"] {{ border: 2px solid {c['ACCENT']}; }}
QFrame#unavailableCard {{ background: {c['BROKEN']}; border: 1px dashed {c['BROKEN_BORDER']};
                          border-radius: 8px; }}
QLabel#cardTitle {{ font-size: 16px; font-weight: 600; color: {c['TEXT']}; }}
QLabel#chip {{ background: {c['SOFT']}; color: {c['HEADING']}; border-radius: 9px;
               padding: 2px 8px; font-size: 11px; }}
QPushButton {{ padding: 6px 14px; border-radius: 5px; border: 1px solid {c['BORDER']};
               background: {c['CARD']}; color: {c['TEXT']}; }}
QPushButton:hover {{ border-color: {c['ACCENT']}; }}
QPushButton:focus {{ border: 2px solid {c['ACCENT']}; }}
QPushButton:disabled {{ color: {c['DISABLED']}; }}
QPushButton#primary {{ background: {c['ACCENT']}; color: {c['ON_ACCENT']};
                       border: 1px solid {c['ACCENT_DARK']}; }}
QPushButton#primary:hover {{ background: {c['ACCENT_DARK']}; }}
QPushButton#primary:disabled {{ background: {c['TRACK']}; color: {c['DISABLED']};
                                border: 1px dashed {c['BORDER']}; }}
QToolButton {{ color: {c['TEXT']}; font-weight: 600; }}
QProgressBar {{ border: 1px solid {c['BORDER']}; border-radius: 4px; background: {c['TRACK']};
                height: 10px; text-align: center; font-size: 10px; }}
QProgressBar::chunk {{ background: {c['SUCCESS']}; border-radius: 3px; }}
QListWidget, QTreeWidget {{ background: {c['CARD']}; color: {c['TEXT']}; border: 1px solid {c['BORDER']};
                            border-radius: 6px; }}
QListWidget::item {{ padding: 7px 6px; }}
QTreeWidget::item {{ padding: 4px 2px; }}
QListWidget::item:selected, QTreeWidget::item:selected {{ background: {c['SELECTED']}; color: {c['TEXT']}; }}
QTextBrowser, QPlainTextEdit, QTextEdit {{ background: {c['CARD']}; color: {c['TEXT']};
                                            border: 1px solid {c['BORDER']}; border-radius: 6px; }}
QTextBrowser:focus, QPlainTextEdit:focus, QTextEdit:focus {{ border: 2px solid {c['ACCENT']}; }}
QLineEdit {{ padding: 5px; border: 1px solid {c['BORDER']}; border-radius: 4px; background: {c['CARD']};
             color: {c['TEXT']}; }}
QLineEdit:focus {{ border: 2px solid {c['ACCENT']}; }}
QWidget#questionCard {{ background: {c['CARD']}; border: 1px solid {c['BORDER']}; border-radius: 8px; }}
QLabel#questionPrompt {{ font-size: 16px; font-weight: 600; color: {c['TEXT']}; padding-bottom: 8px; }}
QLabel#callerLine {{ background: {c['CALLER']}; color: {c['TEXT']}; border-left: 4px solid {c['ACCENT']};
                     padding: 6px 10px; font-size: 14px; }}
QRadioButton#option, QCheckBox#option {{ font-size: 14px; padding: 7px 4px; color: {c['TEXT']}; }}
QRadioButton#option:focus, QCheckBox#option:focus {{ background: {c['SOFT']}; border-radius: 4px; }}
QRadioButton::indicator, QCheckBox::indicator {{ width: 14px; height: 14px; background: {c['CARD']};
                                                 border: 2px solid {c['INDICATOR']}; }}
QRadioButton::indicator {{ border-radius: 9px; }}
QCheckBox::indicator {{ border-radius: 3px; }}
QRadioButton::indicator:checked {{ background: qradialgradient(cx:0.5, cy:0.5, radius:0.5, fx:0.5, fy:0.5,
                                   stop:0 {c['ACCENT']}, stop:0.55 {c['ACCENT']}, stop:0.65 {c['CARD']},
                                   stop:1 {c['CARD']}); border-color: {c['ACCENT']}; }}
QCheckBox::indicator:checked {{ background: {c['ACCENT']}; border-color: {c['ACCENT']};
                                image: url({_tick_path()}); }}
QRadioButton::indicator:disabled, QCheckBox::indicator:disabled {{ border-color: {c['BORDER']}; }}
QComboBox {{ padding: 4px 8px; border: 1px solid {c['BORDER']}; border-radius: 4px; background: {c['CARD']};
             color: {c['TEXT']}; }}
QComboBox:focus {{ border: 2px solid {c['ACCENT']}; }}
QListWidget#orderingList {{ font-size: 14px; }}
QListWidget#orderingList::item {{ padding: 9px 6px; border-bottom: 1px solid {c['TRACK']}; }}
QLabel#timer {{ font-size: 15px; font-weight: 600; color: {c['HEADING']}; }}
QLabel#quizFacts {{ font-size: 14px; }}
QLabel#sectionTitle {{ font-size: 18px; font-weight: 600; color: {c['TEXT']}; padding-top: 14px; }}
QPushButton#reply {{ text-align: left; padding: 9px 12px; font-size: 13px; }}
QPushButton#reply:focus {{ background: {c['SOFT']}; }}
QLabel#moodLabel {{ font-size: 14px; }}
QTableView::item:focus {{ border: 2px solid {c['ACCENT']}; }}
QTableView::item:focus:selected {{ border: 2px solid {c['ON_ACCENT']}; }}
"""


def _tick_path() -> str:
    """The tick drawn in a checked check box (a style sheet's indicator needs an image for it)."""
    from workbook.paths import bundled_assets_dir

    return (bundled_assets_dir() / "icons" / "tick.svg").as_posix()


def reader_css() -> str:
    c = _colours
    return f"""
body {{ color: {c['TEXT']}; }}
h1 {{ font-size: 1.7em; color: {c['HEADING']}; margin-bottom: 6px; }}
h2 {{ font-size: 1.3em; color: {c['HEADING2']}; margin-top: 18px; }}
h3 {{ font-size: 1.1em; color: {c['TEXT']}; margin-top: 12px; }}
p {{ margin-top: 4px; margin-bottom: 10px; }}
li {{ margin-bottom: 4px; }}
blockquote {{ margin-left: 22px; margin-right: 22px; color: {c['QUOTE']}; font-style: italic; }}
table {{ border-collapse: collapse; }}
th {{ background-color: {c['SOFT']}; padding: 4px; }}
td {{ padding: 4px; }}
code {{ font-family: monospace; background-color: {c['TRACK']}; }}
a {{ color: {c['HEADING2']}; }}
"""
