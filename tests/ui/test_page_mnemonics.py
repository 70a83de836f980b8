"""Alt+letter on every learner page: no two visible buttons share a letter, and none takes a menu's
letter (Alt+H would open Help instead of going home; Esc and Ctrl+H do that)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton

from workbook.store import learners


def test_no_page_shares_an_alt_letter_between_buttons_or_with_the_menus(qtbot, open_window, library):
    navigator = open_window(library)
    navigator.open_learner(learners.create_learner("Alt Keys").id)
    qtbot.waitUntil(lambda: navigator.reading is not None and navigator.calls is not None, timeout=10000)
    menus = {QKeySequence.mnemonic(menu.title()).toString() for menu in navigator.window._menus}
    assert menus == {"Alt+F", "Alt+V", "Alt+H"}
    clashes, checked = {}, 0
    for index in range(navigator.pages.count()):
        page = navigator.pages.widget(index)
        navigator.pages.setCurrentIndex(index)
        qtbot.wait(1)
        letters: dict[str, list[str]] = {}
        for button in page.findChildren(QPushButton):
            key = QKeySequence.mnemonic(button.text()).toString()
            if button.isVisible() and key:
                letters.setdefault(key, []).append(button.text())
        checked += len(letters)
        clashes.update({f"{type(page).__name__} {key}": texts for key, texts in letters.items()
                        if len(texts) > 1 or key in menus})
    assert clashes == {}
    assert checked >= 8  # the pages were really looked at
