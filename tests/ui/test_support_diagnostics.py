"""What the app tells a support desk: the start line and Qt's warnings in workbook.log, Help ›
Copy diagnostic info on the clipboard, and Qt's own options (-style) reaching Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, qVersion, qWarning
from PySide6.QtWidgets import QApplication

from workbook import __version__
from workbook.app import SMOKE_ENV, run_app
from workbook.paths import bundled_content_dir
from workbook.support_log import attach_file_log, detach_file_log, log_path
from workbook.ui.main_window import MainWindow
from workbook.ui.qt_log import install_qt_message_handler, restore_qt_message_handler

REPO_ROOT = Path(__file__).resolve().parents[2]


def _window() -> MainWindow:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())


@pytest.mark.qt_log_ignore("a style sheet Qt could not parse")
def test_qt_warnings_go_to_the_log(qtbot, data_dir):
    handler = attach_file_log(data_dir)
    previous = install_qt_message_handler()
    try:
        qWarning("a style sheet Qt could not parse")
    finally:
        restore_qt_message_handler(previous)
        detach_file_log(handler)
    assert "WARNING workbook.qt: a style sheet Qt could not parse" in log_path(data_dir).read_text("utf-8")


def test_the_app_logs_its_start_and_copies_diagnostics(qtbot, data_dir):
    seen = {}

    def drive() -> None:
        window = _window()
        qtbot.waitUntil(lambda: window.navigator is not None, timeout=10000)
        help_menu = window.menuBar().actions()[-1].menu()
        copy = next(a for a in help_menu.actions() if a.text() == "Copy &diagnostic info")
        copy.trigger()
        seen["clipboard"] = QApplication.clipboard().text()
        seen["status"] = window.statusBar().currentMessage()
        window.close()

    QTimer.singleShot(0, drive)
    assert run_app(data_dir, bundled_content_dir()) == 0
    log_text = log_path(data_dir).read_text(encoding="utf-8")
    assert f"start: app Difficult Calls Workbook {__version__}" in log_text
    assert f"qt Qt {qVersion()}" in log_text and f"data folder {data_dir}" in log_text
    assert log_text.rstrip().endswith("exit 0")
    clipboard = seen["clipboard"]
    assert f"data folder: {data_dir}" in clipboard and f"content folder: {bundled_content_dir()}" in clipboard
    assert f"qt: Qt {qVersion()}" in clipboard and "start: app" in clipboard  # the log's tail
    assert seen["status"].startswith("Diagnostic info copied")


def test_qt_options_reach_qt_when_the_window_opens(tmp_path):
    """`workbook -style fusion` is not refused: Qt gets it (a fresh process, so a new QApplication)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO_ROOT), **{SMOKE_ENV: "1"})
    done = subprocess.run([sys.executable, "-m", "workbook", "-style", "fusion", "--data-dir",
                           str(tmp_path / "data")], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    log_text = log_path(tmp_path / "data").read_text(encoding="utf-8")
    assert "; style fusion\n" in log_text
    assert "smoke: window opened with 8 modules" in log_text
