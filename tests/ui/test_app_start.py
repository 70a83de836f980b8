"""Starting the whole app: content loads off the GUI thread, broken modules and locks are handled."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from workbook.app import run_app
from workbook.core.loader import load_library
from workbook.paths import backups_dir, bundled_assets_dir, bundled_content_dir
from workbook.store import learners
from workbook.ui import dialogs
from workbook.ui.main_window import MainWindow


def _content_with_one_broken_module(tmp_path: Path) -> Path:
    root = tmp_path / "content" / "lessons"
    source = bundled_content_dir()
    root.mkdir(parents=True)
    shutil.copy(source / "skills.yaml", root)
    for name in ("01-active-listening", "02-empathy"):
        shutil.copytree(source / name, root / name)
    shutil.copytree(bundled_assets_dir(), root.parent / "assets")
    meta = root / "02-empathy" / "module.yaml"
    meta.write_text(re.sub(r"(?m)^minutes: \d+$", "minutes: soon", meta.read_text(encoding="utf-8")),
                    encoding="utf-8")
    return root


def _window() -> MainWindow:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())


def test_broken_module_is_listed_as_unavailable(qtbot, open_window, tmp_path):
    """A module that fails validation shows its reason; the good module beside it still opens."""
    library = load_library(_content_with_one_broken_module(tmp_path))
    window = open_window(library)
    learner = learners.create_learner("Ravi")
    window.open_learner(learner.id)
    home = window.home_page
    assert [card.module_id for card in home.cards] == ["active-listening"]
    assert len(home.unavailable_cards) == 1
    assert home.unavailable_cards[0].reason_text.startswith("module.yaml:5: minutes:")
    home.card("active-listening").open_button.click()
    assert window.reading.page.module.id == "active-listening"


def test_run_app_loads_content_in_background_and_backs_up(qtbot, data_dir):
    """run_app shows the window at once, fills in the modules when loaded, and takes a backup."""
    from workbook.paths import database_path
    from workbook.store.connection import open_database

    open_database(database_path(data_dir))
    learners.create_learner("Ana")
    seen = {}

    def drive() -> None:
        window = _window()
        qtbot.waitUntil(lambda: window.navigator is not None, timeout=10000)
        navigator = window.navigator
        qtbot.waitUntil(lambda: navigator.library is not None, timeout=10000)
        seen["modules"] = len(navigator.library.modules)
        qtbot.waitUntil(lambda: any(backups_dir(data_dir).glob("workbook-*.sqlite")), timeout=10000)
        window.close()

    QTimer.singleShot(0, drive)
    assert run_app(data_dir, bundled_content_dir()) == 0
    assert seen["modules"] >= 8


def test_second_instance_on_same_data_folder_is_refused(qtbot, data_dir, monkeypatch):
    """While one window holds the data folder, a second start explains and exits with 1."""
    from PySide6.QtCore import QLockFile

    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    holder = QLockFile(str(data_dir / "workbook.lock"))
    assert holder.tryLock(0)
    try:
        assert run_app(data_dir, bundled_content_dir()) == 1
    finally:
        holder.unlock()
    assert "already open" in errors[0]


def test_corrupt_database_at_start_offers_recovery(qtbot, data_dir, monkeypatch):
    """A damaged database is moved aside and the user's choice (start fresh) opens the app."""
    from workbook.store.recovery import Recovery, RecoveryChoice
    from workbook.ui.recovery_dialog import RecoveryDialog

    damaged = data_dir / "workbook.sqlite"
    damaged.write_bytes(b"definitely not sqlite " * 200)
    reports = []

    def answer(report):
        reports.append(report)
        return RecoveryChoice(Recovery.START_FRESH)

    monkeypatch.setattr(RecoveryDialog, "ask", staticmethod(answer))
    def close_when_ready() -> None:
        window = _window()
        qtbot.waitUntil(lambda: window.navigator is not None, timeout=10000)
        window.close()

    QTimer.singleShot(0, close_when_ready)
    assert run_app(data_dir, bundled_content_dir()) == 0
    assert reports[0].moved_to.read_bytes() == b"definitely not sqlite " * 200
    assert "not a readable database" in reports[0].reason


def test_recovery_dialog_returns_the_chosen_backup(qtbot, tmp_path):
    """The dialog lists backups newest first and returns the one the user restores."""
    from datetime import UTC, datetime

    from workbook.store.backups import Backup
    from workbook.store.recovery import DamageReport, Recovery
    from workbook.ui.recovery_dialog import RecoveryDialog

    older = Backup(tmp_path / "a.sqlite", datetime(2026, 11, 1, tzinfo=UTC))
    newer = Backup(tmp_path / "b.sqlite", datetime(2026, 11, 2, tzinfo=UTC))
    dialog = RecoveryDialog(DamageReport("damaged", tmp_path / "x.corrupt", [newer, older]))
    qtbot.addWidget(dialog)
    dialog.backup_list.setCurrentRow(1)
    dialog.restore_button.click()
    assert dialog.choice.action is Recovery.RESTORE
    assert dialog.choice.backup == older.path


def test_recovery_dialog_asks_for_the_trainer_passphrase_when_the_workbook_has_one(qtbot, tmp_path):
    """A restore of a protected workbook carries the passphrase typed into the dialog's own field."""
    from datetime import UTC, datetime

    from workbook.store.backups import Backup
    from workbook.store.recovery import DamageReport, Recovery
    from workbook.ui.recovery_dialog import RecoveryDialog

    backup = Backup(tmp_path / "a.sqlite", datetime(2026, 11, 1, tzinfo=UTC))
    plain = RecoveryDialog(DamageReport("damaged", tmp_path / "x.corrupt", [backup]))
    qtbot.addWidget(plain)
    assert plain.passphrase.parent() is None  # nothing to ask: the field is not shown
    dialog = RecoveryDialog(DamageReport("damaged", tmp_path / "x.corrupt", [backup], needs_passphrase=True))
    qtbot.addWidget(dialog)
    assert dialog.passphrase.parent() is dialog
    told = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Starting fresh keeps this workbook's trainer passphrase." in told
    assert not any("Starting fresh" in label.text() for label in plain.findChildren(QLabel))
    assert dialog.passphrase.echoMode() == dialog.passphrase.EchoMode.Password
    qtbot.keyClicks(dialog.passphrase, "trainer secret 42")
    dialog.restore_button.click()
    assert dialog.choice.action is Recovery.RESTORE and dialog.choice.passphrase == "trainer secret 42"


def test_quitting_before_the_content_has_loaded_exits_cleanly(tmp_path):
    """A user who closes the window at once must not see a crash from the loader thread."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "import workbook.ui.main_window as shell\n"
        "original = shell.MainWindow._after_first_paint\n"
        "def quit_at_once(self):\n"
        "    original(self)\n"
        "    QTimer.singleShot(0, self.close)\n"
        "shell.MainWindow._after_first_paint = quit_at_once\n"
        "from workbook.cli import main\n"
        "sys.exit(main(['--data-dir', sys.argv[1]]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "data")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Error calling Python override" not in done.stderr


def test_a_broken_quiz_stays_on_the_home_screen_and_checklist(qtbot, open_window, content_copy):
    """A quiz.yaml with a misspelt field: the module card names the file and line, the quiz is
    still counted on the home screen and stays an open requirement of the certificate."""
    quiz = content_copy / "01-active-listening" / "quiz.yaml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("    answer: false\n", "    answr: false\n", 1),
                    encoding="utf-8")
    library = load_library(content_copy)
    window = open_window(library)
    window.open_learner(learners.create_learner("Ravi").id)
    home = window.home_page
    total = sum(1 for m in library.modules if m.quiz is not None or m.quiz_problems)
    assert total == len(library.modules)
    assert f"0 of {total} quizzes passed" in home.overall.text()
    assert home.card("active-listening").quiz_label.text().startswith("Quiz unavailable: quiz.yaml:")
    assert "Active listening quiz" in home.completion.requirement_lines()
    assert "this quiz cannot be loaded; ask your trainer to fix it" in home.completion.requirement_lines()


def test_damage_found_while_running_is_named_and_the_next_start_offers_the_backups(
        qtbot, data_dir, library, complete_everything, monkeypatch):
    """A file damaged behind the running app (the header intact, so the cheap start check passes):
    the failed read says the database is damaged rather than "your progress is safe", and the next
    start runs the full check, which offers the backups."""
    from workbook import app
    from workbook.paths import database_path
    from workbook.store import activity, health
    from workbook.store.connection import open_database
    from workbook.store.recovery import Recovery, RecoveryChoice, open_or_recover

    path = database_path(data_dir)
    db = open_database(path)
    complete_everything(library, learners.create_learner("Lots Of Rows").id)
    db.close()
    health.record_check(data_dir)  # a check passed recently: the next start would skip it
    damaged = bytearray(path.read_bytes())
    for offset in range(len(damaged) // 2, len(damaged) // 2 + 40960, 97):
        damaged[offset] = (damaged[offset] + 113) % 256
    path.write_bytes(damaged)
    db = open_database(path, full_check=False)
    try:
        with pytest.raises(Exception) as failure:
            for _ in range(3):
                activity.activity_rows()
        shown = []
        monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append(text))
        app._report_unexpected(failure.type, failure.value, failure.tb, data_dir)
    finally:
        db.close()
    assert len(shown) == 1 and shown[0].startswith("Your progress database is damaged.\n\n")
    assert str(path) in shown[0] and "offer to restore a backup" in shown[0]
    assert "progress is safe" not in shown[0]
    assert health.integrity_check_due(data_dir) is not None
    offered = []
    assert open_or_recover(data_dir, lambda report: offered.append(report) or RecoveryChoice(Recovery.QUIT),
                           full_check=True) is None
    assert len(offered) == 1 and path.read_bytes() == bytes(damaged)  # asked; nothing moved yet


def test_an_unexpected_error_on_a_sound_database_keeps_the_plain_message(data_dir, database, monkeypatch):
    from peewee import OperationalError

    from workbook import app
    from workbook.store import health

    health.record_check(data_dir)
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append(text))
    app._report_unexpected(ValueError, ValueError("a bug"), None, data_dir)
    app._report_unexpected(OperationalError, OperationalError("no such column: x"), None, data_dir)
    assert [text.split("\n")[0] for text in shown] == ["Something went wrong: a bug",
                                                       "Something went wrong: no such column: x"]
    assert health.integrity_check_due(data_dir) is None


def test_an_unavailable_module_is_shown_with_the_modules_before_the_practice_calls(qtbot, open_window,
                                                                                   content_copy):
    """A YAML syntax error in one module.yaml: its card, naming the file and line, sits right after
    the module cards, where "1 module unavailable: see the home screen" sends the learner, not below
    the twelve practice calls."""
    meta = content_copy / "02-empathy" / "module.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace('action."', "action.", 1), encoding="utf-8")
    library = load_library(content_copy)
    assert [u.folder.name for u in library.unavailable] == ["02-empathy"] and library.scenarios
    window = open_window(library)
    window.open_learner(learners.create_learner("Ravi").id)
    home = window.home_page
    home.finish_cards()  # the practice-call cards, built after the first paint
    assert home.unavailable_cards[0].reason_text.startswith("module.yaml:3: yaml:")

    def grid_row(widget) -> int:
        return home.grid.getItemPosition(home.grid.indexOf(widget))[0]

    broken = grid_row(home.unavailable_cards[0])
    assert grid_row(home.cards[-1]) < broken < min(grid_row(card) for card in home.scenario_cards)
