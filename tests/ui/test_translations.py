"""The interface speaks through Qt's translation: every text is in the catalogue, German is complete,
plurals follow the number, the compiled files are current, and `--lang de` shows German."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from workbook.core.progress import ReadingProgress
from workbook.store import learners
from workbook.ui import i18n
from workbook.ui.main_window import MainWindow
from workbook.ui.module_card import ModuleCardWidget

REPO_ROOT = Path(__file__).resolve().parents[2]
I18N = REPO_ROOT / "workbook" / "i18n"
QT_TOOLS = Path(sys.executable).parent  # pyside6-lupdate and pyside6-lrelease come with PySide6
PLACEHOLDER = re.compile(r"\{\w*\}")


def _messages(ts: Path):
    """(context, message element) for every message of a .ts file."""
    root = ET.parse(ts).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            yield context.find("name").text, message


@pytest.fixture
def german(qapp):
    installed = i18n.install_translators(qapp, "de")
    assert len(installed) == 2  # ours and Qt's own (dialog buttons)
    yield
    i18n.remove_translators(qapp, installed)


def test_every_german_text_is_translated_with_its_placeholders_and_one_shortcut_letter():
    problems = []
    count = 0
    for context, message in _messages(I18N / "workbook_de.ts"):
        count += 1
        source = message.find("source").text
        translation = message.find("translation")
        forms = ([form.text or "" for form in translation.iter("numerusform")]
                 if message.get("numerus") == "yes" else [translation.text or ""])
        if translation.get("type") or not all(forms):
            problems.append(f"{context}: {source!r} is not translated ({translation.get('type')})")
            continue
        for form in forms:
            if set(PLACEHOLDER.findall(form)) != set(PLACEHOLDER.findall(source)):
                problems.append(f"{context}: {source!r} -> {form!r}: placeholders differ")
            if source.replace("&&", "").count("&") != form.replace("&&", "").count("&"):
                problems.append(f"{context}: {source!r} -> {form!r}: shortcut letters differ")
        if message.get("numerus") == "yes" and (len(forms) != 2 or "%n" not in forms[1]):
            problems.append(f"{context}: {source!r}: German needs a singular and a plural with %n")
    assert count > 500
    assert not problems, "\n".join(problems)


def test_the_translation_files_are_current_with_the_code_and_each_other(tmp_path):
    """`make translations` has been run: lupdate finds nothing new and lrelease gives the committed
    .qm files byte for byte."""
    shutil.copytree(I18N, tmp_path / "i18n")
    common = ["-silent", "-extensions", "py", "-locations", "none", "-no-obsolete", "-source-language", "en",
              str(REPO_ROOT / "workbook" / "ui"), str(REPO_ROOT / "workbook" / "app.py")]
    copies = tmp_path / "i18n"
    for extra, names in (([], ["workbook.ts", "workbook_de.ts"]), (["-pluralonly"], ["workbook_en.ts"])):
        subprocess.run([QT_TOOLS / "pyside6-lupdate", *common, *extra, "-ts", *(copies / n for n in names)],
                       check=True, capture_output=True, cwd=REPO_ROOT)
    for name in ("workbook.ts", "workbook_de.ts", "workbook_en.ts"):
        assert (copies / name).read_bytes() == (I18N / name).read_bytes(), f"{name}: run `make translations`"
    for language in ("de", "en"):
        (copies / f"workbook_{language}.qm").unlink()
        subprocess.run([QT_TOOLS / "pyside6-lrelease", "-silent", "-nounfinished",
                        copies / f"workbook_{language}.ts"], check=True, capture_output=True)
        assert ((copies / f"workbook_{language}.qm").read_bytes()
                == (I18N / f"workbook_{language}.qm").read_bytes()), "run `make translations`"


def test_no_hand_made_plurals_are_left_in_the_interface():
    """Plurals go through tr("%n thing(s)", "", n) so each language can say them its own way."""
    hack = re.compile(r"""['"](s|es|s are)['"] if |!= 1 else|> 1 else|== 1 else ['"]s['"]""")
    found = [f"{path.relative_to(REPO_ROOT)}:{number}: {line.strip()}"
             for path in sorted((REPO_ROOT / "workbook" / "ui").rglob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if hack.search(line)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize(("language", "one", "two", "all_one"), [
    ("en", "0 of 1 section read", "1 of 2 sections read", "\u2714 The 1 section is read"),
    ("de", "0 von 1 Abschnitt gelesen", "1 von 2 Abschnitten gelesen", "\u2714 Der 1 Abschnitt ist gelesen"),
])
def test_a_plural_follows_the_number(qapp, qtbot, library, language, one, two, all_one):
    """The module card's progress line for 1 and for 2 sections, read off the real label."""
    installed = i18n.install_translators(qapp, language) if language != "en" else []  # en: the fixture's
    try:
        module = library.modules[0]
        shown = {}
        for read, total in ((0, 1), (1, 2), (1, 1)):
            card = ModuleCardWidget(module, ReadingProgress(module.id, read, total), [], [])
            qtbot.addWidget(card)
            shown[(read, total)] = card.progress_label.text()
        assert shown == {(0, 1): one, (1, 2): two, (1, 1): all_one}
    finally:
        i18n.remove_translators(qapp, installed)


def test_the_language_choice_is_saved_and_the_command_line_wins(data_dir, monkeypatch):
    assert i18n.saved_choice(data_dir) == i18n.SYSTEM
    i18n.save_choice(data_dir, "de")
    assert i18n.saved_choice(data_dir) == "de"
    assert i18n.resolve_language(None, data_dir) == "de"
    assert i18n.resolve_language("en", data_dir) == "en"  # --lang wins
    i18n.save_choice(data_dir, i18n.SYSTEM)
    monkeypatch.setattr(i18n, "system_languages", lambda: ["fr-CH", "de-AT", "de"])
    assert i18n.resolve_language(None, data_dir) == "de"  # the first system language we ship
    monkeypatch.setattr(i18n, "system_languages", lambda: ["ja-JP", "ja"])
    assert i18n.resolve_language(None, data_dir) == "en"
    with pytest.raises(ValueError):
        i18n.save_choice(data_dir, "xx")


@pytest.mark.parametrize(("system", "expected"), [("de_DE.UTF-8", "de"), ("ja_JP.UTF-8", "en")])
def test_the_real_system_locale_picks_the_language(system, expected):
    """A fresh process, as a learner's PC starts it: LANG decides when nothing else does."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("LC_", "LANG"))}
    shown = subprocess.run([sys.executable, "-c", "from workbook.ui.i18n import resolve_language; "
                            "print(resolve_language(None, None))"],
                           env={**env, "LANG": system, "PYTHONPATH": str(REPO_ROOT)}, capture_output=True,
                           text=True, check=True)
    assert shown.stdout.strip() == expected


def test_view_language_menu_saves_the_choice_for_the_next_start(qtbot, open_window, library, data_dir):
    navigator = open_window(library)
    window = navigator.window
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    qtbot.waitUntil(lambda: bool(view_menu.actions()))  # filled in after the first paint
    language_menu = next(a.menu() for a in view_menu.actions() if a.text() == "&Language")
    assert [a.text() for a in language_menu.actions()] == ["System language", "English", "Deutsch"]
    assert window.language_actions["system"].isChecked()
    window.language_actions["de"].trigger()
    assert (data_dir / i18n.CHOICE_FILE).read_text(encoding="utf-8").strip() == "de"
    assert window.language_actions["de"].isChecked() and not window.language_actions["system"].isChecked()
    assert "next time you start" in window.statusBar().currentMessage()


def _shortcut_letters(texts: list[str]) -> list[str]:
    return [found.group(1).lower() for text in texts if (found := re.search(r"&([^&])", text))]


def _window() -> MainWindow:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())


def test_lang_de_shows_the_home_page_and_menus_in_german(qtbot, data_dir, tmp_path):
    """`workbook --lang de`: the real window, its menus and the home page, read from the widgets."""
    from workbook.cli import main
    from workbook.paths import database_path
    from workbook.store.connection import open_database

    open_database(database_path(data_dir))
    ana = learners.create_learner("Ana")
    seen = {}

    def drive() -> None:
        window = _window()
        qtbot.waitUntil(lambda: window.navigator is not None and window.navigator.library is not None,
                        timeout=20000)
        window.navigator.open_learner(ana.id)
        home = window.navigator.home_page
        window.resize(1280, 720)
        qtbot.wait(50)
        seen["menus"] = [action.text() for action in window.menuBar().actions()]
        seen["file"] = [action.text() for action in window.menuBar().actions()[0].menu().actions()]
        seen["menu letters"] = [_shortcut_letters([a.text() for a in action.menu().actions()])
                                for action in window.menuBar().actions()]
        seen["greeting"] = home.greeting.text()
        seen["overall"] = home.overall.text()
        seen["buttons"] = [home.review_button.text(), home.calls_button.text(), home.notes_button.text()]
        seen["card"] = home.cards[0].progress_label.text()
        seen["checklist"] = home.completion.requirement_lines()
        seen["shot"] = window.grab().save(str(tmp_path / "home-de.png"))
        reading = window.navigator.reading
        reading.open_module(window.navigator.library.modules[0].id, 0)
        label = reading.page.reading_label
        qtbot.waitUntil(lambda: label.text() != "", timeout=3000)
        seen["reading"] = label.text()
        window.close()

    QTimer.singleShot(0, drive)
    assert main(["--lang", "de", "--data-dir", str(data_dir)]) == 0
    assert seen["menus"] == ["&Datei", "&Ansicht", "&Hilfe"]
    assert "&Profil wechseln\u2026" in seen["file"] and "&Beenden" in seen["file"]
    for letters in seen["menu letters"]:  # one entry per Alt+letter in each menu
        assert len(letters) == len(set(letters)) >= 3, letters
    assert seen["greeting"] == "Willkommen, Ana"
    assert "Modulen gelesen" in seen["overall"] and "Abschnitten gelesen" in seen["overall"]
    assert seen["buttons"] == ["Tägliche &Wiederholung", "Übungs&anrufe", "Meine &Notizen"]
    assert seen["card"].startswith("0 von ") and seen["card"].endswith("gelesen")
    assert seen["shot"]
    # the checklist and the reading note come from the core as facts, worded here in German
    assert "Lektionen" in seen["checklist"] and "Abschnitten gelesen, noch " in seen["checklist"]
    assert "noch nicht abgelegt, nötig sind 80 %" in seen["checklist"]
    assert "Übungsanruf „" in seen["checklist"] and "noch nicht gespielt" in seen["checklist"]
    assert "sections read" not in seen["checklist"] and "not taken" not in seen["checklist"]
    assert re.fullmatch(r"Bitte weiterlesen: noch \d+ s|Scrollen Sie bis zum Ende.*", seen["reading"]), seen
    # the next window of this process is English again (the translators leave with run_app)
    assert QApplication.translate("MainWindow", "&File") == "&File"


def test_qt_own_catalogue_comes_too_for_buttons_and_key_names(qtbot, german):
    """A standard button says Abbrechen, and the F1 list names the keys as a German keyboard does."""
    from PySide6.QtWidgets import QDialogButtonBox

    from workbook.ui.main_window import shortcuts_help

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"
    table = shortcuts_help()
    assert "<b>Strg+Umschalt+P</b></td><td>Profil wechseln</td>" in table
    assert "<b>1\u20139</b>" in table


def test_dates_on_screen_follow_the_interface_language_not_the_process_locale(qapp):
    """Quiz history, learner detail and the trainer's matrix format dates with QLocale of the chosen
    language; strftime's %b would say whatever the process locale says."""
    from datetime import datetime

    from workbook.ui.dates import day_text, moment_text

    moment = datetime(2026, 12, 4, 15, 30)
    assert (moment_text(moment), day_text(moment)) == ("Dec 4, 2026, 3:30 PM", "Dec 4, 2026")
    installed = i18n.install_translators(qapp, "de")
    try:
        assert i18n.interface_locale().name().startswith("de")
        assert (moment_text(moment), day_text(moment)) == ("4. Dez. 2026, 15:30", "4. Dez. 2026")
    finally:
        i18n.remove_translators(qapp, installed)
    assert day_text(moment) == "Dec 4, 2026"


def test_quiz_verdicts_and_pace_notes_are_worded_by_the_interface(qapp):
    """English on screen is the core's own wording, word for word; German comes from the catalogue."""
    from workbook.core.pace import AttemptPace
    from workbook.core.quiz_review import QuestionReview, ReviewLine
    from workbook.ui.quiz_html import feedback_text, verdict_text
    from workbook.ui.trainer.learner_detail import attempt_pace_note

    reviews = [QuestionReview(verdict, score, (), "", "", True, answered)
               for verdict, score, answered in (("Right", 1.0, True), ("Partly right (60%)", 0.6, True),
                                                ("Not right", 0.0, True), ("Not answered", 0.0, False))]
    paces = [AttemptPace("a", 0, 0, None), AttemptPace("b", 8, 1, 12.4), AttemptPace("c", 8, 6, 2.0)]
    assert [verdict_text(r) for r in reviews] == [r.verdict for r in reviews]
    assert [attempt_pace_note(p) for p in paces] == [p.note() for p in paces]
    notes = [ReviewLine("", True, True, "In the right place.", "in_place"),
             ReviewLine("", False, True, "Belongs at step 3.", "belongs_at", 3),
             ReviewLine("", True, True, "Matched correctly.", "matched"),
             ReviewLine("", False, True, "Goes with: Refund.", "goes_with", partner="Refund")]
    assert [feedback_text(line) for line in notes] == [line.feedback for line in notes]
    installed = i18n.install_translators(qapp, "de")
    try:
        assert [verdict_text(r) for r in reviews] == ["Richtig", "Teilweise richtig (60 %)", "Nicht richtig",
                                                      "Nicht beantwortet"]
        assert attempt_pace_note(paces[0]) == "Tempo: nicht gemessen."
        assert [feedback_text(line) for line in notes] == ["An der richtigen Stelle.", "Gehört an Schritt 3.",
                                                          "Richtig zugeordnet.", "Gehört zu: Refund."]
        assert attempt_pace_note(paces[2]).startswith("\u26a0 Schneller geantwortet, als Lesen erlaubt: 6")
    finally:
        i18n.remove_translators(qapp, installed)


def test_an_empty_match_says_so_in_the_interface_language(qapp, library):
    """A matching answer with nothing chosen for an item: "(none)" in English, German from the catalogue."""
    from workbook.core.attempt import PresentedQuestion
    from workbook.core.quiz import Matching
    from workbook.core.quiz_review import review_question
    from workbook.ui.quiz_html import line_text, review_html

    question = next(q for module in library.modules if module.quiz for q in module.quiz.questions
                    if isinstance(q, Matching))
    pairs = len(question.pairs)
    review = review_question(PresentedQuestion(question, tuple(range(pairs))), [0] + [-1] * (pairs - 1))
    empty = review.lines[1]
    assert empty.no_pick and not review.lines[0].no_pick
    assert line_text(empty) == empty.text == f"{question.pairs[1].left} \u2192 (none)"
    installed = i18n.install_translators(qapp, "de")
    try:
        assert line_text(empty) == f"{question.pairs[1].left} \u2192 (nichts zugeordnet)"
        page = review_html(review, heading_level=None)
        assert "(nichts zugeordnet)" in page and "(none)" not in page
    finally:
        i18n.remove_translators(qapp, installed)


def test_the_debrief_words_skill_points_and_handovers_in_the_interface_language(qapp):
    """English on screen is the core's own wording; German comes from the catalogue."""
    from workbook.core.debrief import SkillPoints
    from workbook.core.scenario import Handover
    from workbook.ui.call_html import _handover_note, _points_text

    points = [SkillPoints(1, 4, ((1, -2), (2, 2))), SkillPoints(0, 0, ())]
    assert [_points_text(p) for p in points] == [p.explain() for p in points]
    assert _handover_note(Handover.APPROPRIATE) == "Handing over was the right call here."
    installed = i18n.install_translators(qapp, "de")
    try:
        assert _points_text(points[0]) == "1 von 4 Punkten (Runde 1 -2, Runde 2 +2)"
        assert _points_text(points[1]) == "0 von 0 Punkten (keine Runde)"
        assert _handover_note(Handover.AVOIDABLE).startswith("Diese Weitergabe war vermeidbar")
        assert _handover_note(None) is None
    finally:
        i18n.remove_translators(qapp, installed)


def test_stored_iso_times_show_as_the_local_day_in_the_one_date_format():
    from datetime import datetime

    from workbook.ui.dates import day_text, stored_day_text

    stored = "2026-12-04T19:28:00+00:00"
    local = datetime.fromisoformat(stored).astimezone()
    assert stored_day_text(stored) == day_text(local) and "-" not in stored_day_text(stored)
    assert stored_day_text("not a time") == "not a time"[:10]


def test_the_trainer_skills_chart_is_titled_in_the_interface_language(qtbot, german):
    """The chart on the trainer's dashboard speaks German like the page around it (the PDF report's
    chart stays English, as the reports do); the skill names are content and stay as written."""
    from workbook.ui.trainer.skill_chart import SkillChart

    chart = SkillChart()
    qtbot.addWidget(chart)
    assert chart.title == "Fähigkeiten, Durchschnitt der Gruppe" == chart.accessibleName()
    assert chart.caption == "Prozent (gestrichelt: 50 % und 80 %)"
    assert chart.empty == "Noch keine Quiz- oder Anrufergebnisse"
    chart.resize(382, 245)
    chart.show_scores({"empathy": 85})
    assert not chart.grab().toImage().isNull()
