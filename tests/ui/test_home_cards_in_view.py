"""The home page builds the module cards that can show in the window before it paints, and the rest
(below the window) once it has painted: the page as first painted is the page as laid out, the
cards come in course order with the focus moving through them, and no card or checklist ever opens
as a window of its own on the way (one did, and kept the app from quitting)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from workbook.store import activity, learners


def _learner_with_progress(library) -> str:
    learner = learners.create_learner("Ana Ruiz")
    first = library.modules[0]
    for section in first.sections:
        activity.record_section_read(learner.id, first.id, section.id)
    return learner.id


class WindowsOpened(QObject):
    """Every widget shown as a window of its own while installed on the application."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.opened.append(type(watched).__name__)
        return False


def test_cards_below_a_short_window_wait_for_the_paint_and_come_in_order(qtbot, open_window, library):
    navigator = open_window(library)
    navigator.window.resize(900, 420)  # the checklist alone fills more than the window
    learner_id = _learner_with_progress(library)
    spy = WindowsOpened()
    QApplication.instance().installEventFilter(spy)
    try:
        navigator.open_learner(learner_id)
        home = navigator.home_page
        assert home._pending_modules, "every card was built before the first paint"
        assert len(home._cards) < len(library.modules)
        qtbot.waitUntil(lambda: not home._pending_modules)  # built once the page has painted
    finally:
        QApplication.instance().removeEventFilter(spy)
    assert spy.opened == []  # no card, button or checklist opened as a window of its own
    assert [card.module_id for card in home._cards] == [module.id for module in library.modules]
    for card in home._cards:  # each where the full page has it: a grid cell below the checklist
        assert card.parentWidget() is home.grid_host
    assert home.card(library.modules[0].id).progress_bar.value() > 0  # the learner's own progress


def test_a_tall_window_gets_the_cards_it_shows_before_the_paint(qtbot, open_window, library):
    navigator = open_window(library)
    navigator.window.resize(1100, 3000)  # taller than the whole page: every module card shows
    navigator.open_learner(_learner_with_progress(library))
    home = navigator.home_page
    assert not home._pending_modules
    assert [card.module_id for card in home._cards] == [module.id for module in library.modules]


def test_a_card_asked_for_before_the_paint_is_built_at_once(qtbot, open_window, library):
    navigator = open_window(library)
    navigator.window.resize(900, 420)
    navigator.open_learner(_learner_with_progress(library))
    home = navigator.home_page
    last = library.modules[-1].id
    assert home.card(last).module_id == last  # `cards` builds the rest first
    assert not home._pending_modules
    cards = home.cards
    chain = _focus_chain_after(cards[0], 2000)  # Tab walks the cards in course order
    assert all(card in chain for card in cards[1:])
    positions = [chain.index(card) for card in cards[1:]]
    assert positions == sorted(positions)


def test_the_first_paint_of_the_home_page_has_its_final_layout(qtbot, open_window, library):
    """Where the checklist and the first cards are when the page first paints is where they stay:
    the cards left for later go below them, so nothing on screen moves."""
    navigator = open_window(library)
    navigator.window.resize(1000, 760)
    home = navigator.home_page
    seen: dict = {}

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint and "checklist" not in seen:
                seen["checklist"] = home.completion.geometry()
                seen["cards"] = [card.geometry() for card in home._cards]
            return False

    spy = FirstPaint()
    home.installEventFilter(spy)
    navigator.open_learner(_learner_with_progress(library))
    qtbot.waitUntil(lambda: "checklist" in seen and not home._pending_modules)
    for _ in range(3):
        QApplication.processEvents()
    home.removeEventFilter(spy)
    assert home.completion.geometry() == seen["checklist"]
    for card, first in zip(home._cards, seen["cards"], strict=False):  # the grid's two columns may
        now = card.geometry()  # share out their width a pixel differently once every card is in
        assert (now.y(), now.height()) == (first.y(), first.height())
        assert abs(now.x() - first.x()) <= 1 and abs(now.width() - first.width()) <= 1


def test_collections_resume_once_the_pages_are_built(qtbot, open_window, library):
    """The app pauses garbage collection while it starts (workbook.cli); building the pages after the
    home page's first paint turns it back on."""
    gc.disable()
    try:
        navigator = open_window(library)
        navigator.reading  # noqa: B018 (builds every feature's page)
        assert gc.isenabled()
    finally:
        gc.enable()


def _focus_chain_after(widget: QWidget, steps: int) -> list[QWidget]:
    chain, current = [], widget
    for _ in range(steps):
        current = current.nextInFocusChain()
        chain.append(current)
    return chain
