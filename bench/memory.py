"""Peak memory after visiting every page, against a bare window (goal: at most 2x; issue 18).

Each side is a fresh process (offscreen) that reports its peak resident set (`ru_maxrss`):
  bare:     a QApplication and a QMainWindow with one line of text, shown and painted;
  workbook: the real window on a scratch copy of the 2,000-learner bench database, the content from
            the data folder's cache and the packages imported in the order the app imports them (as
            every start after the first); a learner with a full history is opened, then each page is
            visited in turn (home, reader, quiz, practice calls and a call, review, coach, notes, the
            trainer's dashboard of 2,000 learners with its chart), each painted before the next;
  coached:  the same process then opens the own-words drill, types replies into its box key by key
            (the first keystroke loads the coach's encoder, as for a learner) and checks each, the
            encoder reading them; its peak is the window's process's, and the processes it started
            (when the encoder runs in a process of its own) are reported beside it from /proc.
Runs alternate; the figures are medians. Usage: python bench/memory.py [RUNS]
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

GOAL_RATIO = 2.0

BARE = r"""
import resource, sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
window = QMainWindow(); window.resize(1400, 900); window.setCentralWidget(QLabel("Opening")); window.show()
for _ in range(20):
    app.processEvents()
window.repaint()
print("maxrss", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
"""

WORKBOOK = r"""
import resource, sqlite3, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
import workbook.ui  # first, as `workbook.cli.main` imports it (PySide6 would keep the source of the rest)
from workbook.core.content_cache import load_library_cached
from workbook.paths import bundled_assets_dir, bundled_content_dir
from workbook.store.connection import open_database
from workbook.ui import dialogs
from workbook.ui.main_window import MainWindow
from workbook.ui.navigator import Navigator
from workbook.ui.trainer import passphrase_dialog

data = Path(sys.argv[1])
app = QApplication([])
open_database(data / "workbook.sqlite", full_check=False)
library = load_library_cached(bundled_content_dir(), data)  # as every start after the first
window = MainWindow()
navigator = Navigator(window, data, bundled_assets_dir(), library)
navigator.start()
window.resize(1400, 900)
window.show()
passphrase_dialog.ask_trainer_passphrase = lambda parent: True
for name in ("show_info", "show_error", "confirm"):
    setattr(dialogs, name, lambda *args, **kwargs: None)

def settle(seconds=0.3):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    window.repaint()

with sqlite3.connect(data / "workbook.sqlite") as connection:
    learner = connection.execute("SELECT learner_id FROM learner_latest WHERE certificate_id IS NOT NULL "
                                 "LIMIT 1").fetchone()[0]
settle()
navigator.open_learner(learner)
settle()
module = library.modules[0]
steps = [
    lambda: navigator.reading.open_module(module.id),
    lambda: navigator.quiz.open(next(m.id for m in library.modules if m.quiz is not None)),
    lambda: navigator.call_history.open(),
    lambda: navigator.calls.open(library.scenarios[0].id),
    lambda: navigator.review.open(),
    lambda: navigator.coach.open(),
    lambda: navigator.notes.open(),
    lambda: navigator.show_home(),
    lambda: window.trainer_requested.emit(),
]
for step in steps:
    step()
    settle()
trainer = navigator.trainer
deadline = time.monotonic() + 60
while trainer.page.dashboard is None and time.monotonic() < deadline:
    settle(0.1)
settle(1.0)
if trainer.page.dashboard is None:
    sys.exit("the dashboard did not load")
print("maxrss", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)

# A learner's typed replies in the own-words drill, the encoder loaded by the first keystroke.
from PySide6.QtTest import QTest
from workbook.core import coach_encoder

REPLIES = (
    "I've given you the answer already, there isn't another one.",  # found by the encoder alone
    "I'm so sorry about the double charge. I'll refund it today and you'll see it within three days.",
    "The card on file had expired, which is what stopped the renewal going through.",
    "Let's be realistic here, a two-day delay is hardly the end of the world.",
    "Can you tell me the order number so I can track the parcel for you?",
    "I understand how frustrating this is. Let me check with billing and call you back by five.",
)
encoder = library.coach.encoder
navigator.coach.open()
settle()
page = navigator.coach.page
for number in range(12):
    page.next_prompt()
    QTest.keyClicks(page.reply, REPLIES[number % len(REPLIES)])
    deadline = time.monotonic() + 60
    while coach_encoder._loaded.get(coach_encoder._key(encoder)) is None and time.monotonic() < deadline:
        settle(0.05)
    page.check_button.click()
    settle(0.1)
    if number == 0 and (not page.result.present["avoid-stonewalling"]
                        or coach_encoder.unavailable(encoder)):
        sys.exit(f"the encoder did not read the reply: {coach_encoder.unavailable(encoder)}")
print("maxrss_coached", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
import multiprocessing
from multiprocessing import resource_tracker

others = [p.pid for p in multiprocessing.active_children()]
others += [pid for pid in [getattr(resource_tracker._resource_tracker, "_pid", None)] if pid]
for pid in others:  # the peak of each process the window's process started (Linux)
    status = Path(f"/proc/{pid}/status").read_text()
    print("child", next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")),
          flush=True)
pss = 0  # what the processes hold now, the pages they share (libraries, Python) divided among them
for pid in ["self", *others]:
    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    pss += int(next(line.split()[1] for line in rollup.splitlines() if line.startswith("Pss:")))
print("pss_all", pss, flush=True)
"""


def peaks(code: str, *arguments: str) -> dict[str, list[float]]:
    """MiB at the child's peak (ru_maxrss is in KiB on Linux), by the name it printed it under."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode cached
    done = subprocess.run([sys.executable, "-c", code, *arguments], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=300)
    found: dict[str, list[float]] = {}
    for line in done.stdout.splitlines():
        name, _, value = line.partition(" ")
        if name in ("maxrss", "maxrss_coached", "child", "pss_all") and value.isdigit():
            found.setdefault(name, []).append(int(value) / 1024)
    if done.returncode == 0 and found.get("maxrss"):
        return found
    raise SystemExit(f"a bench child failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")


def main(runs: int = 3) -> None:
    from dashboard import cached_database

    from workbook.core.content_cache import load_library_cached
    from workbook.core.loader import load_library
    from workbook.paths import bundled_content_dir

    source = cached_database(load_library(bundled_content_dir()), False, 2000)
    bare, workbook, coached, others, shared = [], [], [], [], []
    folder = Path(tempfile.mkdtemp(prefix="workbook-memory-"))
    try:
        load_library_cached(bundled_content_dir(), folder)  # the content cache a second start finds
        for _ in range(runs):
            shutil.copyfile(source, folder / "workbook.sqlite")
            bare.append(peaks(BARE)["maxrss"][0])
            found = peaks(WORKBOOK, str(folder))
            workbook.append(found["maxrss"][0])
            coached.append(found["maxrss_coached"][0])
            others.append(sum(found.get("child", [])))
            shared.append(found["pss_all"][0])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    b, w, c = statistics.median(bare), statistics.median(workbook), statistics.median(coached)
    o = statistics.median(others)
    print(f"peak resident memory, {runs} fresh processes each, medians (min-max):")
    print(f"  bare QMainWindow                      {b:7.1f} MiB ({min(bare):.1f}-{max(bare):.1f})")
    print(f"  workbook, every page visited          {w:7.1f} MiB ({min(workbook):.1f}-{max(workbook):.1f})"
          f"  {w / b:.2f}x")
    print(f"  then typed replies coached            {c:7.1f} MiB ({min(coached):.1f}-{max(coached):.1f})"
          f"  {c / b:.2f}x")
    if o:  # the encoder's process, and multiprocessing's resource tracker
        print(f"    the processes it started (peaks)    {o:7.1f} MiB ({min(others):.1f}-{max(others):.1f});"
              f" all together {c + o:.1f} MiB, {(c + o) / b:.2f}x")
    print(f"  after the replies, all its processes' proportional set (shared pages divided): "
          f"{statistics.median(shared):.1f} MiB ({min(shared):.1f}-{max(shared):.1f})")
    for name, value in (("every page visited", w), ("a typed reply coached", c)):
        print(f"goal, {name}: at most {GOAL_RATIO:.0f}x the bare window: "
              f"{'met' if value / b <= GOAL_RATIO else 'NOT met'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
