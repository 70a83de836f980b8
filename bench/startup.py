"""Cold start to the first painted main window: the workbook against a bare PySide6 window.

Each run is a fresh Python process (offscreen). The child notes the wall-clock time of the first
paint of its main window; the parent subtracts the moment it spawned the child. Runs alternate
between the two so machine noise hits both alike. Usage: python bench/startup.py [RUNS]
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

# Both children install the same filter: print the time of the first paint of a QMainWindow.
WATCHER = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
class FirstPaint(QObject):
    painted = None
    def eventFilter(self, obj, event):
        if self.painted is None and event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            self.painted = obj
            print("painted", time.time(), flush=True)
            QTimer.singleShot(0, self.after_paint)
        return False
    def after_paint(self):
        window = self.painted
        if not hasattr(window, "navigator"):
            app.quit(); return
        def poll():
            if window.navigator is not None and window.navigator.library is not None:
                print("content", time.time(), flush=True); window.close()
            else:
                QTimer.singleShot(2, poll)
        poll()
watcher = FirstPaint(); app.installEventFilter(watcher)
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
main(["--data-dir", sys.argv[1]])  # the same path as `python main.py --data-dir DIR`
"""


def run_once(code: str, data_dir: str) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.time()
    done = subprocess.run([sys.executable, "-c", code, data_dir], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=60)
    marks = {}
    for line in done.stdout.splitlines():
        name, _, stamp = line.partition(" ")
        marks[name] = (float(stamp) - started) * 1000
    if "painted" not in marks:
        raise SystemExit(f"child did not paint:\n{done.stderr}")
    return marks


def prepare_data_dir() -> str:
    """A data folder with one profile, as on a machine that has been used before."""
    folder = tempfile.mkdtemp(prefix="workbook-bench-")
    setup = ("import sys; from pathlib import Path; from workbook.store.connection import open_database;"
             "from workbook.store.learners import create_learner;"
             "db = open_database(Path(sys.argv[1]) / 'workbook.sqlite'); create_learner('Bench'); db.close()")
    subprocess.run([sys.executable, "-c", setup, folder], check=True, cwd=ROOT)
    return folder


def main(runs: int = 7) -> None:
    data_dir = prepare_data_dir()
    run_once(BARE, data_dir)  # warm the OS file cache for both, as a second launch would be
    run_once(WORKBOOK, data_dir)
    bare, bare_text, app, content = [], [], [], []
    for _ in range(runs):
        bare.append(run_once(BARE, data_dir)["painted"])
        bare_text.append(run_once(BARE_TEXT, data_dir)["painted"])
        marks = run_once(WORKBOOK, data_dir)
        app.append(marks["painted"])
        content.append(marks.get("content", float("nan")))
    bare_median, app_median = statistics.median(bare), statistics.median(app)
    print(f"runs each: {runs}")
    print(f"bare PySide6 window, first paint:   median {bare_median:7.1f} ms  "
          f"(min {min(bare):.1f}, max {max(bare):.1f})")
    print(f"bare window with one label:         median {statistics.median(bare_text):7.1f} ms  "
          "(reference: font loading)")
    print(f"workbook main window, first paint:  median {app_median:7.1f} ms  "
          f"(min {min(app):.1f}, max {max(app):.1f})")
    print(f"workbook, modules loaded:           median {statistics.median(content):7.1f} ms")
    print(f"ratio workbook / bare (first paint): {app_median / bare_median:.2f}  (goal: at most 1.5)")
    print(f"ratio workbook / bare with label:    {app_median / statistics.median(bare_text):.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
