"""`migrate`: open the progress database (the data folder's file, or a server's with `--database`)
and bring its schema up to date, nothing else. On a training centre's server the owner role runs it
once after each workbook update, before learner and trainer PCs (whose roles may not change the
schema) connect.

Exit codes: 0 up to date; 5 the database cannot be opened or updated (the reason on stderr).
"""

from __future__ import annotations

import argparse

from workbook.cli.support import open_store
from workbook.paths import resolve_data_dir


def add_database_commands(commands, common: argparse.ArgumentParser,
                          content: argparse.ArgumentParser) -> dict:
    """Register the subcommands on `commands`; returns their handlers by name."""
    commands.add_parser("migrate", parents=[common],
                        help="bring the progress database's schema up to date (on a server: as its owner)")
    return {"migrate": _migrate}


def _migrate(args: argparse.Namespace) -> int:
    from workbook.store.connection import opened_schema_version

    with open_store(resolve_data_dir(args.data_dir)):
        version = opened_schema_version()
    print(f"The progress database is at schema version {version}.")
    return 0
