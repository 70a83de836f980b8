"""What every headless command does the same way: find the content, check the output folder, and
open the progress database with a plain message instead of a traceback."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbook.paths import bundled_content_dir, database_path


def content_root(args: argparse.Namespace) -> Path:
    """`--content DIR`, or the bundled lessons."""
    chosen = getattr(args, "content", None)
    return Path(chosen) if chosen else bundled_content_dir()


def output_folder_exists(out: Path) -> bool:
    """False (after saying so) when the folder for `out` is missing, so nothing is half-written."""
    if out.parent.is_dir():
        return True
    print(f"{out.parent}: no such folder. Nothing was written.", file=sys.stderr)
    return False


def open_store(data_dir: Path, read_only: bool = False):
    """The open database, or None after printing why it cannot be opened. A read-only command
    (exports, reports) on a folder it cannot write to opens the database for reading only."""
    from workbook.files import folder_write_problem
    from workbook.store.connection import DatabaseProblem, open_database, open_database_read_only

    try:
        if read_only and data_dir.is_dir() and folder_write_problem(data_dir) is not None:
            return open_database_read_only(database_path(data_dir))
        return open_database(database_path(data_dir))
    except DatabaseProblem as error:
        print(f"The progress database cannot be opened: {error}", file=sys.stderr)
        return None


def find_learner_or_say(name_or_id: str, data_dir: Path):
    """The learner by name, employee id or id; None after saying there is none (the database must
    be open)."""
    from workbook.store.learners import find_learner

    learner = find_learner(name_or_id)
    if learner is None:
        print(f"No learner called '{name_or_id}' in {data_dir}", file=sys.stderr)
    return learner
