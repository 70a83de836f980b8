"""Grab the main screens to PNG at 1280x720 for the README and for review:
python tools/screenshots.py OUT_DIR [--dark] [--lang en|de]"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from workbook.ui import theme  # noqa: E402

theme.use_dark("--dark" in sys.argv)  # before the pages are imported: they take its colours

from PySide6.QtWidgets import QApplication  # noqa: E402

from workbook.core.images import default_assets_dir  # noqa: E402
from workbook.core.loader import load_library  # noqa: E402
from workbook.paths import bundled_content_dir  # noqa: E402
from workbook.store import activity, learners  # noqa: E402
from workbook.store.connection import open_database  # noqa: E402
from workbook.ui.i18n import install_translators  # noqa: E402
from workbook.ui.main_window import MainWindow  # noqa: E402
from workbook.ui.navigator import Navigator  # noqa: E402


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    language = sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv else "en"
    translators = install_translators(app, language)  # noqa: F841 (kept alive while the pages exist)
    app.setPalette(theme.palette())
    app.setStyleSheet(theme.app_style())
    from workbook.ui.fonts import register_bundled_fonts

    register_bundled_fonts(default_assets_dir(bundled_content_dir()))
    data = Path(tempfile.mkdtemp())
    open_database(data / "workbook.sqlite")
    content = bundled_content_dir()
    library = load_library(content)
    learners.create_learner("Priya Sharma", "E-1042")
    learners.create_learner("Marcus Lee")
    learners.create_learner("\u0905\u0902\u091c\u0932\u093f \u0935\u0930\u094d\u092e\u093e")  # Devanagari
    window = MainWindow()
    navigator = Navigator(window, data, default_assets_dir(content), library)
    navigator.start()
    window.resize(1280, 720)
    window.show()
    app.processEvents()
    window.grab().save(str(out / "profiles.png"))
    navigator.profile_page.profile_list.setCurrentRow(1)
    navigator.profile_page.open_button.click()
    first = library.modules[0]
    for section in first.sections[:3]:  # read (a section counts once its reading time has passed)
        activity.record_section_read(navigator.learner_id, first.id, section.id)
    navigator.show_home()
    for _ in range(5):  # the rebuilt cards lay out over a few passes of the event loop
        app.processEvents()
        time.sleep(0.05)
    window.grab().save(str(out / "home.png"))
    navigator.reading.open_module("problem-solving-call-flow", 0)
    app.processEvents()
    window.grab().save(str(out / "reader.png"))
    navigator.reading.page.show_section(3)
    app.processEvents()
    window.grab().save(str(out / "reader-callouts.png"))
    _quiz_screens(app, window, navigator, library.modules[0].id, out)
    if library.scenarios:
        _call_screens(app, window, navigator, library.scenarios[0], out)
    _personal_screens(app, window, navigator, library, out)
    typed = next((s for s in library.scenarios if s.nodes[s.start].typed), None)
    if typed is not None:
        _typed_call_screens(app, window, navigator, typed, out)


def _at_a_persons_pace() -> None:
    """Wait before a reply as a person would: a call played faster than a second a reply does not
    count (call_evidence), and the calls page would say "(not counted)" in the screenshot."""
    from workbook.core.call_evidence import MIN_SECONDS_PER_ANSWER

    time.sleep(MIN_SECONDS_PER_ANSWER + 0.1)


def _call_screens(app, window, navigator, scenario, out: Path) -> None:
    """A call played with one weak reply, then the best ones, and its debrief."""
    from workbook.core.call_engine import current_node, offered_replies

    navigator.calls.open(scenario.id)
    turn = 0
    while current_node(scenario, navigator.calls.state) is not None:
        node = current_node(scenario, navigator.calls.state)
        offered = offered_replies(scenario, navigator.calls.state)
        wanted = "okay" if turn == 1 else "best"
        pick = next((i for i in offered if node.replies[i].rating == wanted), offered[0])
        _at_a_persons_pace()
        navigator.calls.choose_reply(pick)
        turn += 1
        if turn == 3:
            app.processEvents()
            window.grab().save(str(out / "call.png"))
    navigator.calls.show_debrief()
    app.processEvents()
    window.grab().save(str(out / "debrief.png"))
    navigator.call_history.open()
    app.processEvents()
    window.grab().save(str(out / "calls.png"))


def _personal_screens(app, window, navigator, library, out: Path) -> None:
    """My notes (two sections, three notes), the daily review on its first card, and search."""
    from workbook.store import notes
    from workbook.ui.search_dialog import SearchDialog

    learner = navigator.learner_id
    empathy, calm = library.module("empathy"), library.module("de-escalation")
    notes.toggle_bookmark(learner, empathy.id, empathy.sections[1].id)
    notes.add_note(learner, empathy.id, empathy.sections[1].id,
                   "Name the impact in their words before any fix.\nTried it on a billing call: it worked.")
    notes.add_note(learner, empathy.id, empathy.sections[1].id, "One apology, then action.")
    notes.add_note(learner, calm.id, calm.sections[2].id, "Lower voice, slower pace, shorter sentences.")
    navigator.notes.open()
    app.processEvents()
    window.grab().save(str(out / "notes.png"))
    navigator.reading.open_module(empathy.id, 1)
    app.processEvents()
    window.grab().save(str(out / "reader-notes.png"))
    navigator.review.open()
    app.processEvents()
    window.grab().save(str(out / "review.png"))
    navigator.show_home()
    dialog = SearchDialog(navigator.search._index(), window)
    dialog.resize(720, 480)
    dialog.show()
    dialog.query.setText("calm down")
    dialog.run()
    app.processEvents()
    dialog.grab().save(str(out / "search.png"))
    dialog.close()


def _typed_call_screens(app, window, navigator, scenario, out: Path) -> None:
    """A call whose first turn is typed: the box with words in it, the coach's line, the debrief."""
    from workbook.core.call_engine import current_node, offered_replies

    navigator.calls.open(scenario.id)
    page = navigator.calls.page
    words = ("I'm sorry, that sounds really stressful with the holiday so close. Can I take the order "
             "number so I can check where it is right now?")
    page.typed_edit.setPlainText(words)
    app.processEvents()
    _at_a_persons_pace()
    window.grab().save(str(out / "call-typed.png"))
    page.send_typed()
    while navigator.calls.judging is not None:  # the coach reads off the GUI thread
        app.processEvents()
    app.processEvents()
    window.grab().save(str(out / "call-typed-coached.png"))
    while (node := current_node(scenario, navigator.calls.state)) is not None:
        offered = offered_replies(scenario, navigator.calls.state)
        best = next((i for i in offered if node.replies[i].rating == "best"), offered[0])
        _at_a_persons_pace()
        navigator.calls.choose_reply(best)
    navigator.calls.show_debrief()
    app.processEvents()
    page.report.scrollToAnchor("")
    bar = page.report.verticalScrollBar()
    bar.setValue(int(bar.maximum() * 0.25))
    app.processEvents()
    window.grab().save(str(out / "debrief-typed.png"))


def _quiz_screens(app, window, navigator, module_id: str, out: Path) -> None:
    """A quiz answered with feedback, then its results (answers picked by position, not skill)."""
    navigator.quiz.open(module_id)
    navigator.quiz.start(module_id)
    page = navigator.quiz.page
    shot = 0
    while page.stack.currentWidget() is page.question_panel:
        page.view.pick(1)
        for place, combo in enumerate(getattr(page.view, "combos", [])):
            combo.setCurrentIndex(place + 1)
        if page.check_button.isVisible():
            page.check_answer()
        app.processEvents()
        if shot < 3 and type(page.view).__name__ in ("ChoiceView", "OrderingView", "MatchingView"):
            name = f"quiz-{type(page.view).__name__.removesuffix('View').lower()}.png"
            if not (out / name).exists() or shot == 0:
                window.grab().save(str(out / name))
                shot += 1
        if page.next_button.isVisible():
            page.next_button.click()
        elif page.submit_button.isVisible():
            page.submit_requested.emit("submitted")
        app.processEvents()
    window.grab().save(str(out / "quiz-results.png"))


if __name__ == "__main__":
    values = {sys.argv[i + 1] for i, arg in enumerate(sys.argv[:-1]) if arg == "--lang"}
    folders = [arg for arg in sys.argv[1:] if not arg.startswith("--") and arg not in values]
    main(Path(folders[0] if folders else "out"))
