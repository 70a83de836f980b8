"""The own-words drill and the coach's encoder: typing starts its load off the GUI thread (in a
process of its own), so the first verdict does not wait for it; when it cannot be used, or its process
dies, the page says why in one line and still coaches."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

from workbook.core import coach_encoder
from workbook.core.coach import check_rules, load_rules
from workbook.core.content import Library
from workbook.ui.coach_page import CoachPage

ROOT = Path(__file__).resolve().parents[2]
ENCODER_ONLY = "I've given you the answer already, there isn't another one."  # found by the encoder alone


def _check(qtbot, page: CoachPage) -> None:
    """Ctrl+Enter's work: the verdict is worked out off the GUI thread, then shown."""
    page.check()
    qtbot.waitUntil(lambda: page.checking is None, timeout=30000)


def _page(qtbot, rules, tmp_path: Path) -> CoachPage:
    page = CoachPage()
    qtbot.addWidget(page)
    page.start(Library(root=tmp_path), rules)
    return page


def test_typing_loads_the_encoder_off_the_gui_thread_and_the_verdict_uses_it(qtbot, tmp_path):
    rules = load_rules(ROOT / "lessons" / "coach" / "rules.yaml")
    page = _page(qtbot, rules, tmp_path)
    qtbot.keyClicks(page.reply, ENCODER_ONLY)
    qtbot.waitUntil(lambda: coach_encoder._loaded.get(coach_encoder._key(rules.encoder)) is not None,
                    timeout=30000)
    _check(qtbot, page)
    assert page.result.present["avoid-stonewalling"]
    assert "phrases and word model only" not in page.feedback.toPlainText()


def test_when_the_encoders_process_dies_the_page_says_why_and_still_coaches(qtbot, tmp_path):
    coach = tmp_path / "lessons" / "coach"
    shutil.copytree(ROOT / "lessons" / "coach", coach)
    shutil.copytree(ROOT / "assets" / "coach", tmp_path / "assets" / "coach")  # its own process
    rules, problems = check_rules(coach / "rules.yaml", assets_dir=tmp_path / "assets")
    assert problems == []
    page = _page(qtbot, rules, tmp_path)
    qtbot.keyClicks(page.reply, ENCODER_ONLY)
    qtbot.waitUntil(lambda: coach_encoder._loaded.get(coach_encoder._key(rules.encoder)) is not None,
                    timeout=30000)
    os.kill(coach_encoder._session(rules.encoder).pid, getattr(signal, "SIGKILL", signal.SIGTERM))
    _check(qtbot, page)
    shown = page.feedback.toPlainText()
    assert not page.result.present["avoid-stonewalling"]  # the encoder alone found it
    assert "Read by the phrases and word model only: the coach's encoder's process stopped" in shown
    assert "Traceback" not in shown
    page.reply.setPlainText("That's our policy.")
    _check(qtbot, page)
    assert page.result.present["avoid-stonewalling"]  # the phrases go on


def test_without_its_model_file_the_page_says_why_and_still_coaches(qtbot, tmp_path):
    coach = tmp_path / "lessons" / "coach"
    shutil.copytree(ROOT / "lessons" / "coach", coach)
    (tmp_path / "assets" / "coach").mkdir(parents=True)  # no encoder.int8.onnx in it
    rules, problems = check_rules(coach / "rules.yaml", assets_dir=tmp_path / "assets")
    assert rules is not None and problems
    page = _page(qtbot, rules, tmp_path)
    qtbot.keyClicks(page.reply, "That's our policy.")
    _check(qtbot, page)
    shown = page.feedback.toPlainText()
    assert page.result.present["avoid-stonewalling"]
    assert "Read by the phrases and word model only:" in shown and "encoder.int8.onnx" in shown
    assert "Traceback" not in shown


def test_a_dig_tucked_into_a_long_reply_is_marked_in_the_reply_shown(qtbot, tmp_path):
    """The sentence head's find: the page marks that one sentence of the learner's reply."""
    from tests.core.test_coach_sentence_head import DIG, TUCKED_IN

    rules = load_rules(ROOT / "lessons" / "coach" / "rules.yaml")
    page = _page(qtbot, rules, tmp_path)
    page.reply.setPlainText(TUCKED_IN)
    _check(qtbot, page)
    assert page.result.present["avoid-blame"]
    html = page.feedback.toHtml()
    marked = html[html.index(DIG.split()[1]) - 300:html.index(DIG.split()[1])]
    assert "background" in marked or "<mark" in marked  # the dig's sentence is marked
    assert "I'll chase" in page.feedback.toPlainText()
    if os.environ.get("WORKBOOK_GRAB"):
        page.resize(1280, 720)
        page.grab().save(os.environ["WORKBOOK_GRAB"])


def test_the_verdict_is_read_off_the_gui_thread_and_a_stale_one_is_not_shown(qtbot, tmp_path):
    """While the coach reads, the button waits (a second press starts nothing); a verdict that
    arrives after "Another caller" belongs to the old caller and is dropped."""
    rules = load_rules(ROOT / "lessons" / "coach" / "rules.yaml")
    page = _page(qtbot, rules, tmp_path)
    page.reply.setPlainText("That's our policy.")
    page.check()
    running = page.checking
    assert running is not None and not page.check_button.isEnabled()
    page.check()  # pressed again: the same reading, not a second one
    assert page.checking is running
    qtbot.waitUntil(lambda: page.checking is None, timeout=30000)
    assert page.check_button.isEnabled() and page.result.present["avoid-stonewalling"]
    page.reply.setPlainText("Calm down, Mrs Okafor.")
    page.check()
    page.next_prompt()  # another caller before the verdict came back
    qtbot.waitUntil(lambda: page.checking is None, timeout=30000)
    assert page.result.text == "That's our policy."  # the earlier verdict, not the dropped one
    assert "Okafor" not in page.feedback.toPlainText()
