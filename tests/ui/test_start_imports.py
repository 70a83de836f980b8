"""What a start loads before the learner's home page paints, and with the pages built after it (and
the trainer's view opened): the PostgreSQL driver (SQLite needs none), cryptography (loaded to sign
or check a certificate, bundle or sync batch), reportlab (drawing PDFs) and FSRS (scheduling reviews,
for a learner who has reviewed nothing) are not among them. Each costs start-up time and memory."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("psycopg", "cryptography", "reportlab", "matplotlib", "pypdf", "pypdfium2", "fsrs")

CHILD = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from workbook.core.loader import load_library
from workbook.paths import bundled_content_dir
from workbook.store.activity import record_section_read
from workbook.store.connection import open_database
from workbook.store.learners import create_learner

HEAVY = sys.argv[2].split(",")
db = open_database(Path(sys.argv[1]) / "workbook.sqlite")  # a learner with some progress
learner = create_learner("Ana")
module = load_library(bundled_content_dir()).modules[0]
for section in module.sections:
    record_section_read(learner.id, module.id, section.id)
db.close()
loaded_before = sorted(name for name in HEAVY if name in sys.modules)

app = QApplication([])

def watch():
    from workbook.ui.main_window import MainWindow

    window = next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow)), None)
    navigator = getattr(window, "navigator", None)
    if navigator is None:
        QTimer.singleShot(20, watch)
        return
    if navigator.learner_id is None:
        navigator.open_learner(learner.id)
    home = navigator.home_page
    if navigator.library is None or navigator.pages.currentWidget() is not home or not home.cards:
        QTimer.singleShot(20, watch)
        return
    print("home", ",".join(sorted(name for name in HEAVY if name in sys.modules)) or "-")
    navigator.trainer.ingest_synced()  # every page built (as once the home page has painted), and what
    # opening the trainer's view asks of the sync inbox
    print("pages", ",".join(sorted(name for name in HEAVY if name in sys.modules)) or "-")
    window.close()

QTimer.singleShot(0, watch)
from workbook.cli import main
code = main(["--data-dir", sys.argv[1]])
print("before", ",".join(loaded_before) or "-")
sys.exit(code)
"""


def test_the_home_page_and_the_pages_load_no_driver_signing_or_pdf_code(tmp_path):
    done = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "data"), ",".join(HEAVY)],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert lines["before"] == "-"  # the set-up itself loaded none of them
    assert lines["home"] == "-"
    assert lines["pages"] == "-"
