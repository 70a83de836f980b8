"""UI fixtures: the real main window on a real database in a temp folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from workbook.core.content import Library
from workbook.core.images import default_assets_dir
from workbook.paths import database_path
from workbook.store.connection import open_database
from workbook.ui import i18n
from workbook.ui.i18n import install_translators, remove_translators
from workbook.ui.main_window import MainWindow
from workbook.ui.navigator import Navigator
from workbook.ui.operations import QueryOp
from workbook.ui.theme import APP_STYLE


@pytest.fixture(scope="session", autouse=True)
def english_plurals(qapp):
    """The English catalogue, as the app loads it: it turns "%n section(s)" into "1 section"; and a
    window started here speaks English whatever the developer's system language is."""
    installed = install_translators(qapp, "en")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(i18n, "system_languages", lambda: ["en-US", "en"])
        yield installed
    remove_translators(qapp, installed)


@pytest.fixture
def open_window(qtbot, data_dir: Path) -> Callable[[Library], Navigator]:
    """Start the window as the app would: database opened first, then the window shown."""
    opened = []

    def start(library: Library) -> Navigator:
        for db in opened:  # a "restart": the previous instance's connection is closed first
            db.close()
        opened.append(open_database(database_path(data_dir)))
        QApplication.instance().setStyleSheet(APP_STYLE)
        window = MainWindow()
        qtbot.addWidget(window)
        navigator = Navigator(window, data_dir, default_assets_dir(library.root), library)
        navigator.start()
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(window.isActiveWindow)  # keyboard shortcuts need the active window
        return navigator

    yield start
    for db in opened:
        db.close()


@pytest.fixture
def human_pace(monkeypatch) -> None:
    """Every row the pages write is stamped two seconds after the one before, as at a person's pace:
    the certificate rules refuse answers and replies given faster than anyone could (qtbot clicks
    in microseconds). The pages, the engine and the store run for real; only the clock is slowed."""
    from datetime import UTC, datetime, timedelta

    from workbook.store import activity
    from workbook.store.clock import utc_now_text

    clock = [datetime.now(UTC)]

    def paced(now: datetime | None = None) -> str:
        if now is None:
            clock[0] += timedelta(seconds=2)
            now = clock[0]
        return utc_now_text(now)

    monkeypatch.setattr(activity, "utc_now_text", paced)


@pytest.fixture
def finish(qtbot) -> Callable[[QueryOp], None]:
    """Wait until an operation the last step started has run its success, failure or cancel
    callback (the callbacks run on the GUI thread, so nothing is missed before the wait begins)."""

    def wait(op: QueryOp, timeout: int = 30000) -> None:
        if not op.done:
            with qtbot.waitSignal(op.finished, timeout=timeout):
                pass

    return wait


_APP_PRELUDE = """
import sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from workbook.core.loader import load_library
from workbook.paths import bundled_assets_dir, bundled_content_dir, database_path
from workbook.store.connection import open_database
from workbook.store.learners import create_learner
from workbook.ui import i18n
from workbook.ui.i18n import install_translators, remove_translators
from workbook.ui.main_window import MainWindow
from workbook.ui.navigator import Navigator

app = QApplication([])
data = Path(sys.argv[1])
open_database(database_path(data))
window = MainWindow()
navigator = Navigator(window, data, bundled_assets_dir(), load_library(bundled_content_dir()))
navigator.start()
window.show()
"""


@pytest.fixture
def kill_app_after():
    """Run the real app in a child process, do `steps` (Python using `navigator`, `app` and
    `create_learner`, ending by printing one line), then SIGKILL it; returns the printed words."""
    import os
    import signal
    import subprocess
    import sys

    def run(steps: str, data_dir: Path) -> list[str]:
        script = _APP_PRELUDE + steps + "\ntime.sleep(120)\n"
        child = subprocess.Popen([sys.executable, "-c", script, str(data_dir)], stdout=subprocess.PIPE,
                                 text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        line = child.stdout.readline().split()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        assert line, "the child did not get as far as its last step"
        return line

    return run
