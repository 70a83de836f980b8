"""Loading the bundled content in-process, as the app and every command do: from the data folder's
content cache (nothing changed since the last start; goal <= 100 ms), and "cold" after a content
file changed (parsed and checked again, practice calls not walked again when their scripts did not
change; goal <= 400 ms). Runs alternate; medians. The first load of the process (imports) is
printed apart. Usage: python bench/content_load.py [RUNS]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbook.core.content_cache import load_library_cached  # noqa: E402
from workbook.paths import bundled_content_dir, content_cache_path  # noqa: E402


def main(runs: int = 9) -> None:
    data = Path(tempfile.mkdtemp(prefix="bench-content-"))
    root = bundled_content_dir()
    started = time.perf_counter()
    load_library_cached(root, data)  # imports, the walk cache, the content cache
    first = (time.perf_counter() - started) * 1000
    cached, cold = [], []
    for _ in range(runs):
        started = time.perf_counter()
        load_library_cached(root, data)
        cached.append((time.perf_counter() - started) * 1000)
        content_cache_path(data, root).unlink()  # as after an edited content file
        started = time.perf_counter()
        load_library_cached(root, data)
        cold.append((time.perf_counter() - started) * 1000)
    hit, miss = statistics.median(cached), statistics.median(cold)
    print(f"first load in the process (imports, walk and content caches written): {first:.0f} ms")
    print(f"from the content cache: median {hit:.0f} ms (min {min(cached):.0f}, max {max(cached):.0f}); "
          f"goal <= 100 ms: {'met' if hit <= 100 else 'NOT met'}")
    print(f"cold (files read and checked, walk cache warm): median {miss:.0f} ms (min {min(cold):.0f}, "
          f"max {max(cold):.0f}); goal <= 400 ms: {'met' if miss <= 400 else 'NOT met'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
