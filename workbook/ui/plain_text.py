"""Widgets and tooltips for text from outside (names, file names, reasons quoting a file).

Qt guesses whether a label's or a tooltip's text is HTML (`Qt::mightBeRichText`: a tag near the
start), so a learner or PC name such as "<img src=...>" or "<a href=...>Sam</a>" would be drawn as
markup. A label that shows such text is made plain here; a tooltip, which has no format setting, is
given its text escaped inside a paragraph, so Qt reads it as HTML that shows every character.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that never reads its text as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_tooltip(text: str) -> str:
    """`text` as a tooltip shows it, character for character (line breaks kept); "" stays "" (no tip)."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + escape(text) + "</p>"
