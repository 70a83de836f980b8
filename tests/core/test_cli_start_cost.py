"""Every command, the app included, builds the argument parser first: registering the subcommands
must not import the store, Qt, reportlab or matplotlib (a regression cost 90 ms of app start-up)."""

from __future__ import annotations

import subprocess
import sys


def test_building_the_parser_imports_nothing_heavy():
    code = ("import sys, workbook.cli; workbook.cli.build_parser(); "
            "print(sorted(m for m in ('peewee', 'PySide6', 'reportlab', 'matplotlib', 'pydantic', "
            "'cryptography') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
