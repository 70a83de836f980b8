"""Page keys that scroll a text pane from anywhere on its page: the quiz results and the call debrief put
the focus on a button under the report, and PgDown should still read on without tabbing there first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

KEYS = {"PgDown": "page_down", "PgUp": "page_up", "Ctrl+End": "end", "Ctrl+Home": "home"}


def scroll(pane: QAbstractScrollArea, where: str) -> None:
    bar = pane.verticalScrollBar()
    match where:
        case "page_down":
            bar.setValue(bar.value() + bar.pageStep())
        case "page_up":
            bar.setValue(bar.value() - bar.pageStep())
        case "end":
            bar.setValue(bar.maximum())
        case _:
            bar.setValue(bar.minimum())


def page_keys_scroll(owner: QWidget, pane: QAbstractScrollArea, keys: tuple[str, ...] = tuple(KEYS)) -> None:
    """`keys` scroll `pane` while the focus is in `owner` or its children."""
    for key in keys:
        QShortcut(QKeySequence(key), owner, lambda where=KEYS[key]: scroll(pane, where),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
