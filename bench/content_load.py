"""Loading the bundled content in-process, as the app and every command do: from the data folder's
content cache (nothing changed since the last start; goal <= 100 ms), after a trainer edited one
lesson file (the content cache misses; only that file is read again from scratch, the YAML files
come from the parse cache and the practice calls are not walked again), and "cold": every file read,
parsed and checked again (the parse cache deleted too; practice calls still not walked again).
Goal for both misses <= 400 ms. Runs alternate on a copy of the content; medians. The first load of
the process (imports) is printed apart. Usage: python bench/content_load.py [RUNS]
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbook.core.content_cache import load_library_cached  # noqa: E402
from workbook.paths import bundled_content_dir, content_cache_path, parse_cache_path  # noqa: E402

GOAL_HIT_MS = 100
GOAL_MISS_MS = 400


def main(runs: int = 9) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="bench-content-"))
    root = scratch / "lessons"
    shutil.copytree(bundled_content_dir(), root)
    shutil.copytree(bundled_content_dir().parent / "assets", scratch / "assets")
    data = scratch / "data"
    lesson = sorted(root.glob("*/*.md"))[0]
    original = lesson.read_text(encoding="utf-8")
    started = time.perf_counter()
    load_library_cached(root, data)  # imports, the walk, parse and content caches
    first = (time.perf_counter() - started) * 1000
    timings: dict[str, list[float]] = {"hit": [], "edit": [], "cold": []}
    try:
        for run in range(runs):
            timings["hit"].append(_timed(root, data))
            lesson.write_text(original + f"\nA sentence added by a trainer, edit {run}.\n", encoding="utf-8")
            timings["edit"].append(_timed(root, data))
            content_cache_path(data, root).unlink()
            parse_cache_path(data).unlink()
            timings["cold"].append(_timed(root, data))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"first load in the process (imports, walk, parse and content caches written): {first:.0f} ms")
    _report("from the content cache", timings["hit"], GOAL_HIT_MS)
    _report("one lesson file edited (the rest from the parse cache, walk cache warm)", timings["edit"],
            GOAL_MISS_MS)
    _report("cold (every file read, parsed and checked; walk cache warm)", timings["cold"], GOAL_MISS_MS)


def _timed(root: Path, data: Path) -> float:
    started = time.perf_counter()
    load_library_cached(root, data)
    return (time.perf_counter() - started) * 1000


def _report(label: str, values: list[float], goal: float) -> None:
    median = statistics.median(values)
    print(f"{label}: median {median:.0f} ms (min {min(values):.0f}, max {max(values):.0f}); "
          f"goal <= {goal} ms: {'met' if median <= goal else 'NOT met'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
