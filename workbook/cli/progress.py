"""Progress bundle subcommands: export one learner's activity, import bundles from other machines.

Every line that shows a name, a file name or a reason from a file passes it through `printable`:
a bundle's text cannot rewrite the terminal. Each profile merge a bundle brings is named.

Exit codes (workbook.cli.exit_codes): 0 done; 1 nothing exported or every file refused; 6 wrong trainer
passphrase; 7 some files refused (the others are still merged), or a profile merge a file carried was
refused because the PC that signed it cannot speak for the profile it moves away (the rest is merged).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbook.cli.exit_codes import ExitCode
from workbook.cli.support import Refused, find_learner_or_refuse, open_store, require_output_folder
from workbook.core.counting import plural
from workbook.core.outside_text import printable
from workbook.paths import resolve_data_dir


def add_progress_commands(commands, common: argparse.ArgumentParser,
                          content: argparse.ArgumentParser) -> dict:
    """Register the subcommands on `commands`; returns their handlers by name."""
    export = commands.add_parser("export-progress", parents=[common],
                                 help="write a learner's activity to a bundle file for another machine")
    export.add_argument("--learner", required=True, metavar="NAME_OR_ID",
                        help="display name, employee id or learner id")
    export.add_argument("--out", required=True, metavar="FILE", help="bundle file to write (a ZIP)")
    imports = commands.add_parser("import-progress", parents=[common],
                                  help="merge progress bundles from other machines into this database")
    imports.add_argument("files", nargs="+", metavar="FILE", help="bundle files written by export-progress")
    return {"export-progress": _export_progress, "import-progress": _import_progress}


def _export_progress(args: argparse.Namespace) -> int:
    from workbook.store.bundles import BundleError, export_bundle
    from workbook.store.connection import StoreError

    data_dir = resolve_data_dir(args.data_dir)
    out = Path(args.out)
    require_output_folder(out)
    with open_store(data_dir, trainer=args):
        learner = find_learner_or_refuse(args.learner, data_dir)
        from workbook.keys import fingerprint, key_id, load_or_create_key

        key = load_or_create_key(data_dir)
        try:
            summary = export_bundle(learner.id, out, key)
        except BundleError as error:
            raise Refused(f"{error}. Nothing was written.") from error
        except (OSError, StoreError) as error:
            raise Refused(f"{out}: cannot write: {getattr(error, 'strerror', None) or error}") from error
    print(f"{plural(summary.activities, 'activity record')} of {printable(summary.display_name)} "
          f"exported to {printable(summary.path)}")
    print(f"Signed by this PC, key fingerprint {fingerprint(key_id(key.public_key()))}: if the trainer's PC "
          "asks whether to trust this PC, it must show the same fingerprint.")
    return 0


def _import_progress(args: argparse.Namespace) -> int:
    from workbook.keys import CERTIFICATES, trusted_keys
    from workbook.store.bundle_merge import import_bundles
    from workbook.store.row_provenance import summarized

    data_dir = resolve_data_dir(args.data_dir)
    with open_store(data_dir, trainer=args):
        results = import_bundles((Path(name) for name in args.files), trusted_keys(data_dir),
                                 authorities=set(trusted_keys(data_dir, CERTIFICATES)))
    for result in results:
        merged = result.merged
        if merged is None:
            print(f"{printable(result.path)}: refused: {printable(result.reason)}", file=sys.stderr)
            continue
        profile = ("new profile" if merged.learners_created
                   else "existing profile" + (f", named '{printable(merged.display_name)}' here"
                                              if merged.display_name != merged.bundle_name else ""))
        print(f"{printable(result.path)}: {printable(merged.bundle_name)} ({profile}): {merged.added} added, "
              f"{merged.already_present} already present")
        for applied in merged.merges:  # a merge changes whose progress counts for whom: never silently
            print(f"  profile merge recorded: {printable(applied.text())}")
        for waiting in merged.waiting:
            print(f"  profile merge waiting: {printable(waiting.text())} (that profile has no activity here "
                  "yet: the merge is recorded when its rows arrive from the PC that signed it)")
        for withheld in merged.withheld:
            print(f"{printable(result.path)}: profile merge refused: {printable(withheld.text())}",
                  file=sys.stderr)
        for line in summarized(merged.refused):  # kept aside in the database, named, never dropped
            print(f"{printable(result.path)}: {printable(line)}", file=sys.stderr)
        if merged.device_warning:
            print(f"{printable(result.path)}: warning: {printable(merged.device_warning)}", file=sys.stderr)
    refused = sum(result.refused for result in results)
    withheld = sum(len(result.merged.withheld) for result in results if result.merged is not None)
    rows = sum(len(result.merged.refused) for result in results if result.merged is not None)
    warned = sum(bool(result.merged.device_warning) for result in results if result.merged is not None)
    if (withheld or rows) and not refused:
        counted = ((withheld, "profile merge"), (rows, "activity record"))
        what = [plural(count, noun) for count, noun in counted if count]
        print(f"{' and '.join(what)} refused; the rest of the files was imported", file=sys.stderr)
        return ExitCode.PARTIAL
    if warned and not refused:  # imported, but two PCs claim one device: a script must notice
        return ExitCode.PARTIAL
    if refused:
        print(f"{plural(refused, 'file')} refused; nothing from {'them' if refused != 1 else 'it'} "
              "was imported", file=sys.stderr)
        return ExitCode.PARTIAL if refused < len(results) else ExitCode.REFUSED
    return ExitCode.OK
