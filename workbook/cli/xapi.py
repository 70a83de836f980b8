"""xAPI subcommand: write the activity as xAPI 1.0.3 statements for a Learning Record Store.

Exit codes (workbook.cli.exit_codes): 0 written; 1 unwritable file; 3 unknown learner or no database.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from urllib.parse import urlsplit

from workbook.cli.exit_codes import ExitCode
from workbook.cli.support import (
    Refused,
    chosen_database_url,
    find_learner_or_refuse,
    load_content,
    open_store,
    require_output_folder,
)
from workbook.paths import database_path, resolve_data_dir


def _home_page(text: str) -> str:
    """`--home-page` must be a locator (xAPI's account.homePage is an IRL): an absolute http(s) URL."""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in text):
        raise argparse.ArgumentTypeError(f"'{text}' is not an http(s) URL such as https://academy.example.com")
    return text


def add_xapi_commands(commands, common: argparse.ArgumentParser,
                      content: argparse.ArgumentParser) -> dict:
    """Register the subcommands on `commands`; returns their handlers by name."""
    export = commands.add_parser("export-xapi", parents=[common, content],
                                 help="write the learning activity as xAPI 1.0.3 statements (JSON) "
                                      "for a Learning Record Store")
    export.add_argument("--out", required=True, metavar="FILE.json", help="JSON file to write")
    export.add_argument("--learner", metavar="NAME_OR_ID",
                        help="only this learner (display name, employee id or learner id); default: all")
    export.add_argument("--home-page", type=_home_page, metavar="URL",
                        help="the account home page that, with the learner id, identifies a learner in "
                             "the LRS; keep the same one for every export (default: the workbook's own)")
    return {"export-xapi": _export_xapi}


def _export_xapi(args: argparse.Namespace) -> int:
    from workbook.files import write_text_atomic
    from workbook.reports.xapi import HOME_PAGE, statements, to_json

    data_dir = resolve_data_dir(args.data_dir)
    path = database_path(data_dir)
    if not path.is_file() and chosen_database_url() is None:
        raise Refused(f"No progress database in {data_dir}: nothing to export", ExitCode.NOT_FOUND)
    out = Path(args.out)
    require_output_folder(out)
    library = load_content(args)  # titles and question texts; activity of removed content still exports
    with open_store(data_dir, read_only=True, trainer=args):  # an export only reads
        learner_ids = [find_learner_or_refuse(args.learner, data_dir).id] if args.learner else None
        found = statements(library, learner_ids, home_page=args.home_page or HOME_PAGE)
    try:
        write_text_atomic(out, to_json(found))
    except OSError as error:
        raise Refused(f"{out}: cannot write: {error.strerror or error}") from error
    print(f"{len(found)} xAPI statement{'s' if len(found) != 1 else ''} written to {out}")
    return 0
