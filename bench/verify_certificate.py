"""Verifying one certificate: the signed record checked, the page drawn again from it and compared
with the page in the file. Issues a genuine certificate (8 modules, 10 practice calls) in a temp data
folder whose key issued it (so the command's register check finds it), verifies it once (imports,
font registration: timed apart), then COUNT more times.
Usage: python bench/verify_certificate.py [COUNT] [A4|Letter]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import complete_everything  # noqa: E402
from signing_kit import KEY, with_own_key  # noqa: E402

from workbook.core.loader import load_library  # noqa: E402
from workbook.paths import bundled_content_dir  # noqa: E402
from workbook.reports.issue import CertificateSettings, issue_certificate  # noqa: E402
from workbook.store.connection import open_database  # noqa: E402
from workbook.store.learners import create_learner  # noqa: E402


def main(count: int = 20, size: str = "A4") -> None:
    folder = with_own_key(Path(tempfile.mkdtemp(prefix="bench-verify-")))  # its register lists the issue
    database = open_database(folder / "workbook.sqlite")
    library = load_library(bundled_content_dir())
    learner = create_learner("José Müller-Łukasiewicz", "E-2041")
    complete_everything.__wrapped__()(library, learner.id)
    pdf = folder / "certificate.pdf"
    settings = CertificateSettings("Northwind Customer Care", "Dana Reyes", size, None)
    issue_certificate(library, learner.id, folder, pdf, now=datetime(2026, 11, 23, 10, 30, tzinfo=UTC),
                      key=KEY, chosen=settings)
    database.close()
    issuer = folder

    started = time.perf_counter()
    from workbook.reports.verify import Status, verify_certificate

    first = verify_certificate(pdf, issuer)
    first_ms = (time.perf_counter() - started) * 1000
    assert first.status == Status.VALID, first.message
    times = []
    for _ in range(count):
        t0 = time.perf_counter()
        result = verify_certificate(pdf, issuer)
        times.append((time.perf_counter() - t0) * 1000)
        assert result.status == Status.VALID, result.message
    print(f"verify one certificate ({size}, {pdf.stat().st_size // 1024} KiB): first {first_ms:.0f} ms "
          f"(imports, fonts); then median {statistics.median(times):.1f} ms "
          f"(min {min(times):.1f}, max {max(times):.1f}) over {count}")
    process_figures(pdf, issuer, max(3, count // 4))


def process_figures(pdf: Path, issuer: Path, runs: int) -> None:
    """`workbook verify-certificate` as a whole process (start, imports, one verification)."""
    import os
    import subprocess

    command = [sys.executable, str(ROOT / "main.py"), "verify-certificate", str(pdf),
               "--data-dir", str(issuer)]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run(command, check=True, env=env, capture_output=True)  # warm the OS caches
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, env=env, capture_output=True)
        times.append((time.perf_counter() - started) * 1000)
    print(f"`verify-certificate` as a process: median {statistics.median(times):.0f} ms "
          f"(min {min(times):.0f}) over {runs}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20, sys.argv[2] if len(sys.argv) > 2 else "A4")
