"""The cohort PDF report for 2,000 learners (goal: at most 8 s; issue 18).

Each run is a fresh process on the 2,000-learner bench database (bench/dashboard.py builds and
caches it) that times, in the same run, both ways of building the report:
- as the trainer's job does it: the worker process (`workbook.worker_process`, 'spawn') started,
  its imports, the content from the cache, the dashboard read, the PDF laid out and written; wall
  time from asking to the file written, and the CPU time of the worker (from the kernel's
  accounting of finished children) plus the waiting process's own;
- in-process, as before: the dashboard read and the PDF written with everything already imported.
Wall time on a shared machine depends on its load, so CPU time is printed beside it and the load
average with each run. The figures are medians of the runs; the page count is printed so a change
in layout shows. Usage: python bench/cohort_report.py [RUNS]
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
import json, resource, sys, time
from datetime import UTC, datetime
from pathlib import Path
from workbook.core.content_cache import load_library_cached
from workbook.paths import bundled_content_dir
from workbook.store.connection import open_database
from workbook.store.reconnect import connection_spec
from workbook.worker_process import run_in_process

database, out, data_dir = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
library = load_library_cached(bundled_content_dir(), data_dir)  # as the window loads it at start
open_database(database, full_check=False)

def cpu(who):
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime

started, children, own = time.perf_counter(), cpu(resource.RUSAGE_CHILDREN), time.process_time()
run_in_process("workbook.reports.trainer_jobs:cohort_pdf",
               {"store": connection_spec(), "content_dir": library.root, "data_dir": data_dir,
                "cohort_id": "bench-cohort", "out": out})
worker = {"wall": time.perf_counter() - started,
          "cpu": cpu(resource.RUSAGE_CHILDREN) - children + time.process_time() - own,
          "pages": out.read_bytes().count(b"/Type /Page\n")}

from workbook.reports import cohort_report
from workbook.store.dashboard import cohort_dashboard

started, own = time.perf_counter(), time.process_time()
dashboard = cohort_dashboard(library, "bench-cohort")
read = time.perf_counter()
course = library.course
cohort_report.write_pdf(dashboard, out, now=datetime(2026, 11, 23, 12, tzinfo=UTC),
                        skill_label=library.skill_label, course_title=course.title if course else None,
                        pass_mark=course.requires.quiz_pass_mark if course else 80)
done = time.perf_counter()
print(json.dumps({"worker": worker, "wall": done - started, "cpu": time.process_time() - own,
                  "read": read - started, "pdf": done - read}), flush=True)
"""


def _median(results: list[dict], *keys: str) -> str:
    values = []
    for result in results:
        for key in keys:
            result = result[key]
        values.append(result)
    return f"{statistics.median(values):6.2f} s ({min(values):.2f}-{max(values):.2f})"


def main(runs: int = 3) -> None:
    from dashboard import cached_database

    from workbook.core.loader import load_library
    from workbook.paths import bundled_content_dir

    database = cached_database(load_library(bundled_content_dir()), False, 2000)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    results, loads = [], []
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        data_dir.mkdir()
        for _ in range(runs):
            loads.append(os.getloadavg()[0])
            done = subprocess.run([sys.executable, "-c", CHILD, str(database), str(Path(folder) / "r.pdf"),
                                   str(data_dir)], capture_output=True, text=True, env=env, cwd=ROOT,
                                  timeout=600)
            last = done.stdout.strip().splitlines()[-1:] or [""]
            if not last[0].startswith("{"):
                raise SystemExit(f"the bench child failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
            results.append(json.loads(last[0]))
    print(f"cohort PDF report, 2,000 learners, {runs} fresh processes (load average "
          f"{min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores), medians (min-max):")
    print(f"  as the trainer's job (worker process): wall {_median(results, 'worker', 'wall')}, "
          f"CPU {_median(results, 'worker', 'cpu')}; {results[0]['worker']['pages']} pages")
    print(f"  in-process, imports done:             wall {_median(results, 'wall')}, "
          f"CPU {_median(results, 'cpu')} (dashboard read {_median(results, 'read')})")
    met = statistics.median(r["worker"]["wall"] for r in results) <= GOAL_S
    print(f"goal: at most {GOAL_S:.0f} s wall as the trainer's job: {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
