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


def open_store(data_dir: Path):
    """The open database, or None after printing why it cannot be opened."""
    from workbook.store.connection import DatabaseProblem, open_database

    try:
        return open_database(database_path(data_dir))
    except DatabaseProblem as error:
        print(f"The progress database cannot be opened: {error}", file=sys.stderr)
        return None


def find_learner_or_say(name_or_id: str, data_dir: Path):
    """The learner by name, employee id or id; None after saying there is none, or that several
    profiles answer (listing them with their ids, so the command can be run again with one). An
    archived profile is named as such, never picked silently. The database must be open."""
    from workbook.store.learners import AmbiguousLearner, describe, find_learner

    try:
        learner = find_learner(name_or_id)
    except AmbiguousLearner as several:
        print(f"'{name_or_id}' matches {len(several.candidates)} profiles in {data_dir}; run again with "
              "the id of the one you mean:", file=sys.stderr)
        for candidate in several.candidates:
            print(f"  {candidate.id}  {candidate.display_name} ({describe(candidate)})", file=sys.stderr)
        return None
    if learner is None:
        print(f"No learner called '{name_or_id}' in {data_dir}", file=sys.stderr)
    elif learner.archived_at is not None:
        print(f"Note: '{learner.display_name}' ({describe(learner)}) was removed from the PC's profile "
              "list; using that profile.", file=sys.stderr)
    return learner
