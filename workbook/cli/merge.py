"""`merge-learners FROM INTO`: record that two profiles are the same person (a trainer command).

The merge is one more append-only record, never a rewrite: FROM's rows stay FROM's rows and are
read as INTO's person from then on, on this PC and on every PC its bundles reach. A merge cannot be
undone, so the command shows both profiles and asks first (`--yes` for scripts).

FROM may also be a progress bundle refused for an employee ID clash: it is then imported (signed by
a trusted key, as any import) with its learner merged into INTO, in one transaction.

Exit codes: 0 merged; 1 nothing merged (unknown or ambiguous profile, same person, not confirmed).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workbook.cli.support import Refused, confirm_or_refuse, find_learner_or_refuse, open_store
from workbook.core.outside_text import printable
from workbook.paths import resolve_data_dir


def add_merge_commands(commands, common: argparse.ArgumentParser, content: argparse.ArgumentParser) -> dict:
    """Register the subcommand on `commands`; returns its handler by name."""
    merge = commands.add_parser("merge-learners", parents=[common],
                                help="merge two profiles of the same person (FROM's history counts for INTO)")
    merge.add_argument("source", metavar="FROM",
                       help="the profile to merge away: name, employee id or id, or a progress bundle file")
    merge.add_argument("target", metavar="INTO", help="the profile that stays: name, employee id or id")
    merge.add_argument("--yes", action="store_true", help="merge without asking (a merge cannot be undone)")
    return {"merge-learners": _merge_learners}


def _merge_learners(args: argparse.Namespace) -> int:
    from workbook.store.learners import describe
    from workbook.store.merges import MergeError, merge_learners

    data_dir = resolve_data_dir(args.data_dir)
    with open_store(data_dir, trainer=args):
        if args.source.endswith(".zip") and Path(args.source).is_file():
            return _import_merged(Path(args.source), args, data_dir)
        source = find_learner_or_refuse(args.source, data_dir)
        target = find_learner_or_refuse(args.target, data_dir)
        print(f"Merge   {printable(source.display_name)} ({printable(describe(source))}), id {source.id}\n"
              f"into    {printable(target.display_name)} ({printable(describe(target))}), "
              f"id {target.id}\n"
              "Both histories will count as one person's, here and wherever this PC's bundles go. "
              "A merge cannot be undone.")
        confirm_or_refuse(args, "Merge?", "merge", "Nothing was merged.")
        try:
            done = merge_learners(source.id, target.id)
        except MergeError as error:
            raise Refused(f"{error} Nothing was merged.") from error
    print(f"Merged: {done.rows_moved_over} activity record{'s' if done.rows_moved_over != 1 else ''} "
          f"of {printable(source.display_name)} now count for {printable(target.display_name)}.")
    return 0


def _import_merged(path: Path, args: argparse.Namespace, data_dir: Path) -> int:
    from workbook.keys import trusted_keys
    from workbook.store.bundle_merge import import_bundles
    from workbook.store.bundle_reading import read_bundle
    from workbook.store.bundles import BundleError
    from workbook.store.learners import describe

    target = find_learner_or_refuse(args.target, data_dir)
    try:
        learner = read_bundle(path).learner
    except BundleError as error:
        raise Refused(f"{printable(error)}. Nothing was imported.") from error
    print(f"Import  {printable(learner.display_name)} (ID {printable(learner.employee_id or 'none')}) "
          f"from {printable(path.name)}\n"
          f"merged into {printable(target.display_name)} ({printable(describe(target))}), "
          f"id {target.id}\n"
          "A merge cannot be undone.")
    confirm_or_refuse(args, "Merge?", "merge", "Nothing was imported.")
    (result,) = import_bundles([path], trusted_keys(data_dir), merge_into={path: target.id})
    if result.merged is None:
        raise Refused(f"{printable(path)}: refused: {printable(result.reason)}")
    print(f"{printable(path)}: {result.merged.added} activity records imported merged into "
          f"{printable(target.display_name)}.")
    return 0
