"""A command whose reader goes away (`workbook audit | head -1`) stops quietly: no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path), "audit",
                              "--seeds", "2"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path)
    first = child.stdout.readline()
    child.stdout.close()  # as `head -1` does after its line
    errors = child.stderr.read().decode()
    child.wait(timeout=120)
    assert first.startswith(b"Quizzes:")
    assert "Traceback" not in errors and "BrokenPipeError" not in errors
    assert child.returncode in (0, 141)  # 0 if the whole report fit in the pipe before it closed
