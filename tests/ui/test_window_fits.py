"""Every page fits a 1280x720 screen at 100% scale and 1366x768 at 125%: long module, section and
call titles elide or wrap and never set the window's minimum size."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

from workbook.core.attempt import draw_attempt, grade
from workbook.core.loader import load_library
from workbook.paths import bundled_content_dir
from workbook.store import activity, learners, quiz_attempts
from workbook.ui.i18n import install_translators, remove_translators

SCREENS = {"100%": (1280, 720), "125%": (int(1366 / 1.25), int(768 / 1.25))}  # logical pixels
LONG = ("A very long module title that keeps going well past what any screen could hold in one line, "
        "with more words about measuring every call")


@pytest.fixture(scope="module")
def long_titles(tmp_path_factory) -> Path:
    """The shipped content with a very long module, section and call title."""
    root = tmp_path_factory.mktemp("content") / "lessons"
    shutil.copytree(bundled_content_dir(), root)
    module = root / "08-measuring-success"
    yaml = module / "module.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace(
        'title: "Measuring success: FCR, CSAT, AHT and NPS"', f'title: "{LONG}"'), encoding="utf-8")
    section = module / "02-aht-and-nps.md"
    section.write_text(section.read_text(encoding="utf-8").replace(
        "# Average Handle Time and Net Promoter Score", f"# {LONG} and sections"), encoding="utf-8")
    call = root / "practice-calls" / "10-urgent-time-sensitive.yaml"
    call.write_text(call.read_text(encoding="utf-8").replace(
        "title: A card blocked abroad, ten minutes before the room goes", f"title: {LONG} on a call"),
        encoding="utf-8")
    shutil.copytree(bundled_content_dir().parent / "assets", root.parent / "assets")
    return root


def _fits(navigator, where: str) -> None:
    window = navigator.window
    hint = window.minimumSizeHint()
    for scale, (width, height) in SCREENS.items():
        assert hint.width() <= width and hint.height() <= height, (
            f"{where}: the window needs at least {hint.width()}x{hint.height()}, more than "
            f"{width}x{height} ({scale} scale)")
    assert window.width() == 1280, f"{where}: the window grew to {window.width()} px"
    _one_button_per_shortcut_letter(window.pages.currentWidget(), where)


def _one_button_per_shortcut_letter(page, where: str) -> None:
    """Alt+letter presses one button: two shown buttons with the same letter (a translation can
    easily make one) would only move the focus between them."""
    from PySide6.QtWidgets import QAbstractButton

    letters: dict[str, list[str]] = {}
    for button in page.findChildren(QAbstractButton):
        found = re.search(r"&([^&])", button.text().replace("&&", ""))
        if found and button.isVisibleTo(page):
            letters.setdefault(found.group(1).lower(), []).append(button.text())
    clashes = {letter: texts for letter, texts in letters.items() if len(texts) > 1}
    assert not clashes, f"{where}: buttons share a shortcut letter: {clashes}"


@pytest.fixture(params=["en", "de"])
def language(request, qapp):
    """German words are long: every page must fit in the German interface too."""
    installed = install_translators(qapp, request.param) if request.param != "en" else []
    yield request.param
    remove_translators(qapp, installed)


def test_every_page_fits_1280x720_and_1366x768_at_125_percent(qtbot, language, open_window, long_titles):
    library = load_library(long_titles)
    assert library.module("measuring-success").title == LONG
    navigator = open_window(library)
    window = navigator.window
    window.resize(1280, 720)
    learner = learners.create_learner("Priya Sharma-Venkataraman of the very long family name")
    _fits(navigator, "profiles")
    module = library.module("measuring-success")
    for earlier in library.modules[:-1]:
        for section in earlier.sections:
            activity.record_section_read(learner.id, earlier.id, section.id)
    activity.record_section_read(learner.id, module.id, module.sections[0].id)
    activity.record_section_read(learner.id, module.id, module.sections[1].id)
    navigator.open_learner(learner.id)
    assert LONG in navigator.home_page.resume_button.text()
    _fits(navigator, "home")
    navigator.reading.resume()
    assert navigator.reading.page.module_title.text() == LONG
    _fits(navigator, "reader")
    navigator.quiz.open(module.id)
    _fits(navigator, "quiz intro")
    navigator.quiz.start(module.id)
    _fits(navigator, "quiz question")
    navigator.quiz.submit("submitted")
    _fits(navigator, "quiz results")
    navigator.calls.open("card-blocked-abroad")
    _fits(navigator, "practice call")
    while not navigator.calls.state.ended(library.scenario("card-blocked-abroad")):
        navigator.calls.choose_reply(navigator.calls.page.offered[0])
    navigator.calls.show_debrief()
    _fits(navigator, "call debrief")
    plan = draw_attempt(module.quiz, module.id, random.Random(2))
    attempt = quiz_attempts.load_attempt(quiz_attempts.start_attempt(learner.id, plan))
    quiz_attempts.submit_attempt(attempt, grade(plan, {}))
    navigator.review.open()
    _fits(navigator, "daily review")
    navigator.coach.open()
    _fits(navigator, "own-words drill")
    navigator.call_history.open()
    _fits(navigator, "practice calls")
    navigator.notes.open()
    _fits(navigator, "my notes")
    navigator.show_home()
    _fits(navigator, "home after everything")
