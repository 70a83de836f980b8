"""Starting the whole app: content loads off the GUI thread, broken modules and locks are handled."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

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
