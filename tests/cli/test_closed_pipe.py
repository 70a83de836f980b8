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
    child.stdout.close()  # the reader is gone before a line is written, as `| head -0` would be
    errors = child.stderr.read().decode()
    child.wait(timeout=120)
    assert "Traceback" not in errors and "BrokenPipeError" not in errors, errors
    assert child.returncode == 141
