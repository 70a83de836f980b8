"""Cold start to the learner's home page, painted with the content loaded, for a learner with about
500 activity rows: the workbook against a bare PySide6 window (goal: at most 3x).

Each run is a fresh Python process (offscreen). The child notes the wall-clock time of events; the
parent subtracts the moment it spawned the child. The workbook child opens the preselected
learner as soon as the profile page shows (as pressing Enter would) and notes when the home page is
first painted with the modules loaded (an event filter sees the paint). The placeholder window's
first paint is printed as a second line. Runs alternate so machine noise hits both alike.
Usage: python bench/startup.py [RUNS]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Both children install the same filter: print the time of the first paint of a QMainWindow. It
# watches the whole application only until the first event of a QMainWindow, then that window alone
# until its first paint; the workbook's home page is then watched alone, so the benchmark's own Python
# filter does not run for each of the thousands of events the workbook's pages get on the way (it did:
# 2-5 us each, charged to the workbook, not to the bare window). Nor does it see Qt's private objects:
# a window with a central widget starts a zero-length geometry animation as it is laid out, and handing
# its private QAnimationTimer to a Python filter made PySide6 create every class and enum of QtCore,
# QtGui and QtWidgets to find its type (about 45 ms, charged to the workbook and to the bare window
# with a label, not to the bare window; no code of the app's own sees that object).
WATCHER = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
class FirstPaint(QObject):
    painted = None
    window = False
    def eventFilter(self, obj, event):
        if not self.window and isinstance(obj, QMainWindow):
            self.window = True  # its first event: from now on the window alone is watched
            app.removeEventFilter(self)
            obj.installEventFilter(self)
        if self.painted is None and event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            self.painted = obj
            print("painted", time.time(), flush=True)
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self.after_paint)
        return False
    def after_paint(self):
        window = self.painted
        if not hasattr(window, "navigator"):
            app.quit(); return
        state = {"opened": False}
        def poll():
            navigator = window.navigator
            if navigator is None:
                QTimer.singleShot(2, poll); return
            if not state["opened"]:
                navigator.home_page.installEventFilter(home_watcher)
                chosen = navigator.profile_page.selected_learner_id() if hasattr(
                    navigator.profile_page, "selected_learner_id") else None
                navigator.open_learner(chosen or sys.argv[2]); state["opened"] = True
            if navigator.library is not None:
                print("content", time.time(), flush=True)
            else:
                QTimer.singleShot(2, poll)
        poll()
    done = False
    def home_painted(self, obj, event):
        # the first paint of the home page once the content is loaded (its children paint after it,
        # in the same pass)
        navigator = getattr(self.painted, "navigator", None)
        if self.done or event.type() != QEvent.Type.Paint or navigator is None or navigator.library is None:
            return False
        return navigator.pages.currentWidget() is navigator.home_page
watcher = FirstPaint(); app.installEventFilter(watcher)
class HomePaint(QObject):
    def eventFilter(self, obj, event):
        if watcher.home_painted(obj, event):
            print("home", time.time(), flush=True)
            watcher.done = True
            QTimer.singleShot(0, lambda: [w.close() for w in app.topLevelWidgets()])
        return False
home_watcher = HomePaint()
"""

BARE = WATCHER + """
window = QMainWindow(); window.setWindowTitle("bare"); window.resize(1100, 760); window.show()
app.exec()
"""

# The same bare window with one line of text: the first text paint loads the font database, a
# fixed cost every real window pays. Printed for reference; the goal is against BARE.
BARE_TEXT = WATCHER + """
from PySide6.QtWidgets import QLabel
window = QMainWindow(); window.setWindowTitle("bare"); window.resize(1100, 760)
window.setCentralWidget(QLabel("Opening")); window.show()
app.exec()
"""

WORKBOOK = WATCHER + """
from workbook.cli import main
learner = sys.argv.pop()  # the learner with progress, opened as soon as the profile page shows
sys.argv.append(learner)
main(["--data-dir", sys.argv[1]])  # the same path as `python main.py --data-dir DIR`
"""


def run_once(code: str, data_dir: str, learner_id: str = "") -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a second launch finds its bytecode cached
    started = time.time()
    done = subprocess.run([sys.executable, "-c", code, data_dir, learner_id], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=60)
    marks = {}
    for line in done.stdout.splitlines():
        name, _, stamp = line.partition(" ")
        marks[name] = (float(stamp) - started) * 1000
    if "painted" not in marks:
        raise SystemExit(f"child did not paint:\n{done.stderr}")
    return marks


SETUP = """
import sys
from pathlib import Path
from workbook.core.loader import load_library
from workbook.paths import bundled_content_dir
from workbook.store.activity import record_section_read
from workbook.store.connection import open_database
from workbook.store.learners import create_learner
from workbook.store import settings
db = open_database(Path(sys.argv[1]) / "workbook.sqlite")
library = load_library(bundled_content_dir())
learner = create_learner("Bench Learner")
rows = 0
while rows < 500:  # read every section again and again: ~500 activity rows of real progress
    for module in library.modules:
        for section in module.sections:
            record_section_read(learner.id, module.id, section.id)
            rows += 1
settings.set_setting(settings.LAST_LEARNER, learner.id)
print(learner.id)
db.close()
"""


def prepare_data_dir() -> tuple[str, str]:
    """A data folder with a learner who has ~500 activity rows, as on a PC used for weeks."""
    folder = tempfile.mkdtemp(prefix="workbook-bench-")
    done = subprocess.run([sys.executable, "-c", SETUP, folder], check=True, cwd=ROOT, capture_output=True,
                          text=True)
    return folder, done.stdout.strip().splitlines()[-1]


def main(runs: int = 7) -> None:
    data_dir, learner = prepare_data_dir()
    run_once(BARE, data_dir)  # warm the OS file cache for both, as a second launch would be
    run_once(WORKBOOK, data_dir, learner)  # and the walk cache, as any start after the first
    bare, bare_text, app, content, home = [], [], [], [], []
    for _ in range(runs):
        bare.append(run_once(BARE, data_dir)["painted"])
        bare_text.append(run_once(BARE_TEXT, data_dir)["painted"])
        marks = run_once(WORKBOOK, data_dir, learner)
        app.append(marks["painted"])
        content.append(marks.get("content", float("nan")))
        home.append(marks.get("home", float("nan")))
    bare_median, app_median = statistics.median(bare), statistics.median(app)
    home_median = statistics.median(home)
    print(f"runs each: {runs}")
    print(f"workbook, home page painted for a learner with ~500 rows, content loaded: median "
          f"{home_median:7.1f} ms  (min {min(home):.1f}, max {max(home):.1f})")
    print(f"ratio home page / bare window: {home_median / bare_median:.2f}  (goal: at most 3): "
          f"{'met' if home_median <= 3 * bare_median else 'NOT met'}")
    print(f"bare PySide6 window, first paint:   median {bare_median:7.1f} ms  "
          f"(min {min(bare):.1f}, max {max(bare):.1f})")
    print(f"bare window with one label:         median {statistics.median(bare_text):7.1f} ms  "
          "(reference: font loading)")
    print(f"workbook main window, first paint:  median {app_median:7.1f} ms  "
          f"(min {min(app):.1f}, max {max(app):.1f})")
    print(f"workbook, modules loaded:           median {statistics.median(content):7.1f} ms")
    print(f"ratio placeholder / bare (first paint): {app_median / bare_median:.2f}")
    print(f"ratio workbook / bare with label:    {app_median / statistics.median(bare_text):.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
