"""`refused-records [--learner NAME_OR_ID] [--json]`: what imports refused and kept aside, for review.

An import (`import-progress`, the window's *Import progress…*, `sync --ingest`) names the rows it
refuses once; they are kept in the database (`activity_refused`, store/row_provenance.py) with the
PC that sent them and why. This lists them later, grouped per learner profile, sending PC, key and
reason, the group refused most recently first. Names and reasons come from files: each passes
through `printable`. A trainer command: it asks for the trainer passphrase when one is set.

Exit codes (workbook.cli.exit_codes): 0 listed (also when there is nothing to list); 3 unknown
learner; 5 unreadable database; 6 wrong trainer passphrase.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from workbook.cli.exit_codes import ExitCode
from workbook.cli.support import find_learner_or_refuse, open_store
from workbook.core.counting import plural
from workbook.core.outside_text import printable
from workbook.paths import resolve_data_dir

if TYPE_CHECKING:  # the store loads only when the command runs
    from workbook.store.row_provenance import RefusedGroup

NOTHING = "No refused records."


def add_refused_commands(commands, common: argparse.ArgumentParser,
                         content: argparse.ArgumentParser) -> dict:
    """Register the subcommand on `commands`; returns its handler by name."""
    refused = commands.add_parser("refused-records", parents=[common],
                                  help="list the activity records imports refused (forged or another PC's), "
                                       "per learner, sending PC, key and reason, newest first")
    refused.add_argument("--learner", metavar="NAME_OR_ID",
                         help="only this learner (display name, employee id or learner id)")
    refused.add_argument("--json", action="store_true", help="print the groups as JSON instead of text")
    return {"refused-records": _refused_records}


def _refused_records(args: argparse.Namespace) -> int:
    from workbook.store.merges import person_ids
    from workbook.store.row_provenance import refused_groups

    data_dir = resolve_data_dir(args.data_dir)
    with open_store(data_dir, read_only=True, trainer=args):  # it only reads
        ids = None
        if args.learner is not None:
            ids = person_ids(find_learner_or_refuse(args.learner, data_dir).id)  # merged profiles too
        groups = refused_groups(ids)
    if args.json:
        print(json.dumps(refused_json(groups), indent=2))
    elif not groups:
        print(NOTHING)
    else:
        print("\n".join(refused_lines(groups)))
    return ExitCode.OK


def _learner(group: RefusedGroup) -> str:
    name = printable(group.learner_name) if group.learner_name is not None else "a profile not known here"
    return f"{name} ({group.learner_id[:8]})"


def _dates(group: RefusedGroup) -> str:
    first, last = group.first_refused_at[:10], group.last_refused_at[:10]
    return f"on {first}" if first == last else f"from {first} to {last}"


def refused_lines(groups: list[RefusedGroup]) -> list[str]:
    """Two lines per group (what, from whom, when; then why), and a total."""
    lines = []
    for group in groups:
        lines.append(f"{_learner(group)}: {plural(group.count, 'activity record')} refused from the PC "
                     f"'{printable(group.pc)}' (key {group.key_fingerprint}) {_dates(group)}, e.g. activity "
                     f"{printable(group.example_activity_id)}")
        lines.append(f"  why: {printable(group.reason)}")
    total = sum(group.count for group in groups)
    lines.append(f"{plural(total, 'activity record')} refused in all, in {plural(len(groups), 'group')}.")
    return lines


def refused_json(groups: list[RefusedGroup]) -> dict:
    """The groups as plain JSON-ready data, times as stored (UTC)."""
    return {
        "total": sum(group.count for group in groups),
        "groups": [{"learner_id": group.learner_id, "learner_name": group.learner_name, "pc": group.pc,
                    "key_id": group.key_id, "key_fingerprint": group.key_fingerprint,
                    "reason": group.reason, "count": group.count,
                    "first_refused_at": group.first_refused_at, "last_refused_at": group.last_refused_at,
                    "example_activity_id": group.example_activity_id} for group in groups],
    }
