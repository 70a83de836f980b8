"""The cohort PDF report for 2,000 learners (goal: at most 8 s; issue 18).

Each run is a fresh process on the 2,000-learner bench database (bench/dashboard.py builds and
caches it): the time from asking for the report to the file written, as the trainer's job does it
(read the dashboard, import reportlab, lay out and write the PDF). The figure is the median of the
runs; the page count is printed so a change in layout shows. Usage: python bench/cohort_report.py [RUNS]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

GOAL_S = 8.0

CHILD = r"""
import json, sys, time
from datetime import UTC, datetime
from pathlib import Path
from workbook.core.loader import load_library
from workbook.paths import bundled_content_dir
from workbook.store.connection import open_database
from workbook.store.dashboard import cohort_dashboard

database, out = Path(sys.argv[1]), Path(sys.argv[2])
library = load_library(bundled_content_dir())
open_database(database, full_check=False)
started = time.perf_counter()
dashboard = cohort_dashboard(library, "bench-cohort")
read = time.perf_counter()
from workbook.reports import cohort_report
course = library.course
cohort_report.write_pdf(dashboard, out, now=datetime(2026, 11, 23, 12, tzinfo=UTC),
                        skill_label=library.skill_label, course_title=course.title if course else None,
                        pass_mark=course.requires.quiz_pass_mark if course else 80)
done = time.perf_counter()
print(json.dumps({"total": done - started, "read": read - started, "pdf": done - read,
                  "pages": out.read_bytes().count(b"/Type /Page\n")}), flush=True)
"""


def main(runs: int = 3) -> None:
    from dashboard import cached_database

    from workbook.core.loader import load_library
    from workbook.paths import bundled_content_dir

    database = cached_database(load_library(bundled_content_dir()), False, 2000)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(runs):
            done = subprocess.run([sys.executable, "-c", CHILD, str(database), str(Path(folder) / "r.pdf")],
                                  capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
            last = done.stdout.strip().splitlines()[-1:] or [""]
            if not last[0].startswith("{"):
                raise SystemExit(f"the bench child failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
            results.append(json.loads(last[0]))
    total = [r["total"] for r in results]
    print(f"cohort PDF report, 2,000 learners, {runs} fresh processes, medians (min-max):")
    print(f"  total {statistics.median(total):6.2f} s ({min(total):.2f}-{max(total):.2f}): dashboard read "
          f"{statistics.median(r['read'] for r in results):.2f} s, PDF "
          f"{statistics.median(r['pdf'] for r in results):.2f} s; {results[0]['pages']} pages")
    met = statistics.median(total) <= GOAL_S
    print(f"goal: at most {GOAL_S:.0f} s: {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
