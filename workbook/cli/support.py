"""What every headless command does the same way: find the content, check the output folder, open the
progress database, and refuse with a plain message instead of a traceback.

A command refuses by raising `Refused`; `workbook.cli.main` prints its message on stderr and exits
with its code, so a handler never needs its own try/finally to close the database on the way out.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.cli.exit_codes import ExitCode
from workbook.core.outside_text import printable
from workbook.paths import bundled_content_dir, database_path, is_server_url, resolve_database_url

if TYPE_CHECKING:  # the store loads only when a command opens it (see test_cli_start_cost)
    from workbook.store.learners import Learner


class Refused(Exception):
    """A command stops here: `message` goes to stderr (if any) and the process exits with `code`."""

    def __init__(self, message: str = "", code: int = ExitCode.REFUSED) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def content_root(args: argparse.Namespace) -> Path:
    """`--content DIR`, or the bundled lessons."""
    chosen = getattr(args, "content", None)
    return Path(chosen) if chosen else bundled_content_dir()


def load_content(args: argparse.Namespace):
    """The content of `--content DIR` (or the bundled lessons) for a command that uses it: unchanged
    content comes from the data folder's cache (shared with the app), and scripts that passed the
    exhaustive walk before are not walked again. `validate` does not use this: it always walks
    everything."""
    from workbook.core.content_cache import load_library_cached
    from workbook.paths import resolve_data_dir

    return load_library_cached(content_root(args), resolve_data_dir(args.data_dir))


def require_output_folder(out: Path) -> None:
    """Refuses when the folder for `out` is missing, so nothing is half-written."""
    if not out.parent.is_dir():
        raise Refused(f"{out.parent}: no such folder. Nothing was written.", ExitCode.NOT_FOUND)


_chosen_database: str | None = None  # `--database URL` of this command, set by workbook.cli.main


def choose_database(url: str | None) -> None:
    """The command's `--database URL` (None: WORKBOOK_DATABASE_URL, else the data folder's file)."""
    global _chosen_database
    _chosen_database = url


def chosen_database_url() -> str | None:
    """The command's `--database URL`, else WORKBOOK_DATABASE_URL; None: the data folder's file."""
    return resolve_database_url(_chosen_database)


def refuse_on_server(command: str) -> None:
    """Refuses a command that works on the data folder's database file (backups, restore) when the
    progress database is a server's."""
    url = chosen_database_url()
    if is_server_url(url):
        from workbook.store.connection import redact_url
        from workbook.store.dialect import SERVER_BACKUPS

        raise Refused(f"Not done: {command} works on the data folder's database file, but "
                      f"{SERVER_BACKUPS} ({redact_url(url)})")


@contextmanager
def open_store(data_dir: Path, read_only: bool = False,
               trainer: argparse.Namespace | None = None) -> Iterator[None]:
    """The progress database of `data_dir`, open for the block and closed after it whatever happens;
    refuses with a plain message when it cannot be opened. A command that only reads (exports,
    reports) on a folder it cannot write to opens the database for reading only. With `trainer`
    (the command's arguments), the trainer passphrase is required first (workbook.trainer_gate)."""
    from workbook.files import folder_write_problem
    from workbook.store.connection import (
        DatabaseProblem,
        open_database,
        open_database_read_only,
        open_database_url,
    )

    server = chosen_database_url()
    try:
        if server:
            db = open_database_url(server, data_dir)
        elif read_only and data_dir.is_dir() and folder_write_problem(data_dir) is not None:
            db = open_database_read_only(database_path(data_dir))
        else:
            db = open_database(database_path(data_dir))
    except DatabaseProblem as error:
        raise Refused(f"The progress database cannot be opened: {error}", ExitCode.DATABASE) from error
    try:
        if trainer is not None:
            require_trainer(trainer)
        yield
    finally:
        db.close()


def require_trainer(args: argparse.Namespace) -> None:
    """Refuses unless the trainer passphrase is given (file, environment or terminal) and right;
    the database must be open. Nothing is asked when no trainer passphrase is set."""
    from workbook.trainer_gate import trainer_allows

    chosen = getattr(args, "passphrase_file", None)
    result = trainer_allows(Path(chosen) if chosen else None)
    if not result.allowed:
        raise Refused(f"Not done: {result.message}", ExitCode.DENIED)


def confirm_or_refuse(args: argparse.Namespace, question: str, action: str, nothing: str) -> None:
    """Ask `question` with [y/N] on a terminal before an irreversible step (No is the default);
    `--yes` answers for a script. Without a terminal and without `--yes`, refuses: a script must say
    so itself. `action` names the step for that refusal ("merge"), `nothing` says what was not done."""
    if getattr(args, "yes", False):
        return
    if not sys.stdin.isatty():
        raise Refused(f"No terminal to ask: add --yes to {action} from a script. {nothing}")
    try:
        agreed = input(f"{question} [y/N] ").strip().casefold() in ("y", "yes")
    except (EOFError, KeyboardInterrupt):
        agreed = False
    if not agreed:
        raise Refused(nothing)


def find_learner_or_refuse(name_or_id: str, data_dir: Path) -> Learner:
    """The learner by name, employee id or id (the database must be open); refuses when there is
    none, or when several profiles answer (listing them with their ids, so the command can be run
    again with one). An archived profile is named as such, never picked silently."""
    from workbook.store.learners import AmbiguousLearner, describe, find_learner

    try:
        learner = find_learner(name_or_id)
    except AmbiguousLearner as several:
        listed = "\n".join(f"  {candidate.id}  {printable(candidate.display_name)} "
                           f"({printable(describe(candidate))})"
                           for candidate in several.candidates)
        raise Refused(f"'{printable(name_or_id)}' matches {len(several.candidates)} profiles in {data_dir}; "
                      f"run again with the id of the one you mean:\n{listed}") from several
    if learner is None:
        raise Refused(f"No learner called '{printable(name_or_id)}' in {data_dir}", ExitCode.NOT_FOUND)
    if learner.archived_at is not None:
        print(f"Note: '{printable(learner.display_name)}' ({printable(describe(learner))}) was removed from "
              "the PC's profile list; using that profile.", file=sys.stderr)
    return learner
