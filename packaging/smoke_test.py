"""Smoke test of the built one-folder app (`make dist-test`): the frozen programs run with no
Python of ours on the path, in a fresh data folder.

    python packaging/smoke_test.py [dist/difficult-calls-workbook]

Checks, each against the built app: `workbook --version`; `workbook validate` on the bundled
lessons; a certificate for a learner made on the fly (this source tree's store completes the
course for them), issued headless and verified; the window opened offscreen, shown with every
module, a typed reply read by the coach's encoder in its own process and the learner's cohort report
built in a worker process (each the frozen executable started again through `freeze_support()`),
closed, with the start line in workbook.log. Exits 1 at the first failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOW_NAME = "Difficult Calls Workbook"
EXE = ".exe" if os.name == "nt" else ""


def check(title: str, command: list, env: dict, expect_in_output: str = "") -> str:
    started = time.monotonic()
    done = subprocess.run([str(part) for part in command], env=env, capture_output=True, text=True,
                          timeout=180, cwd=env["WORKBOOK_DATA_DIR"])
    output = done.stdout + done.stderr
    seconds = time.monotonic() - started
    if done.returncode != 0 or expect_in_output not in output:
        print(f"FAIL {title} (exit {done.returncode}, {seconds:.1f} s)\n{output}", file=sys.stderr)
        sys.exit(1)
    print(f"ok   {title} ({seconds:.1f} s)")
    return output


def make_graduate(data_dir: Path) -> None:
    """A learner who has completed the course, through the real store of this source tree."""
    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
    from conftest import complete_everything

    from workbook.core.loader import load_library
    from workbook.paths import bundled_content_dir
    from workbook.store.cohorts import create_cohort, enrol
    from workbook.store.connection import open_database
    from workbook.store.learners import create_learner

    db = open_database(data_dir / "workbook.sqlite")
    learner = create_learner("Smoke Tester", "E-0001")
    enrol(create_cohort("Smoke cohort").id, [learner.id])
    complete_everything.__wrapped__()(load_library(bundled_content_dir()), learner.id)
    db.close()


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist" / "difficult-calls-workbook").resolve()
    cli = folder / f"workbook{EXE}"
    window = folder / f"{WINDOW_NAME}{EXE}"
    if not cli.is_file() or not window.is_file():
        print(f"{folder}: no built app here (run `make dist` first)", file=sys.stderr)
        return 1
    from workbook import __version__

    with tempfile.TemporaryDirectory(prefix="workbook-smoke-") as scratch:
        data_dir = Path(scratch) / "data"
        data_dir.mkdir()
        env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
        env.update(QT_QPA_PLATFORM="offscreen", WORKBOOK_DATA_DIR=str(data_dir))
        check("--version", [cli, "--version"], env, __version__)
        check("validate", [cli, "validate"], env, "all valid")
        make_graduate(data_dir)
        pdf = Path(scratch) / "certificate.pdf"
        check("certificate", [cli, "certificate", "--learner", "Smoke Tester", "--out", pdf], env)
        if not pdf.read_bytes().startswith(b"%PDF"):
            print(f"FAIL certificate: {pdf} is not a PDF", file=sys.stderr)
            return 1
        check("verify-certificate", [cli, "verify-certificate", pdf], env)
        report = Path(scratch) / "cohort-report.pdf"
        check("window opens offscreen, builds a cohort report in a worker process, closes", [window],
              dict(env, WORKBOOK_SMOKE_CLOSE="1", WORKBOOK_SMOKE_REPORT=str(report)))
        if not report.read_bytes().startswith(b"%PDF"):
            print(f"FAIL cohort report: {report} is not a PDF", file=sys.stderr)
            return 1
        log_text = (data_dir / "workbook.log").read_text(encoding="utf-8")
        for expected in ("start: app", "smoke: window opened with", "smoke: the coach's encoder read a reply",
                         "smoke: cohort report written", "exit 0", "command certificate exited 0"):
            if expected not in log_text:
                print(f"FAIL workbook.log lacks '{expected}':\n{log_text}", file=sys.stderr)
                return 1
        print("ok   workbook.log has the start line, the window and the commands")
    size = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"built app: {folder} ({size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
