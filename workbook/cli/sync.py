"""`sync`: a learner PC pushes its new activity to a central server and pulls rosters, cohorts and
trusted keys; `sync --ingest` (a trainer command) checks and merges what the PCs pushed.

Exit codes (the table in workbook.cli.exit_codes): 0 done; 1 refused (no server given); 5 the server
cannot be reached, or its schema is newer or older than this workbook (nothing is lost: run it again
later); 6 the trainer passphrase is wrong; 7 done in part: pushed, but the server does not trust this
PC yet (its rows wait in the inbox), or (ingest) merged, but some batches stay quarantined.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workbook.cli.exit_codes import ExitCode
from workbook.cli.support import Refused, open_store, require_trainer
from workbook.core.counting import plural
from workbook.core.outside_text import printable
from workbook.paths import resolve_data_dir

ENVIRONMENT = "WORKBOOK_SYNC_SERVER"
UNREACHABLE = SCHEMA = ExitCode.DATABASE
UNTRUSTED = QUARANTINED = ExitCode.PARTIAL


def add_sync_commands(commands, common: argparse.ArgumentParser, content: argparse.ArgumentParser) -> dict:
    """Register the subcommand on `commands`; returns its handler by name."""
    sync = commands.add_parser("sync", parents=[common],
                               help="push this PC's new progress to a central server and pull rosters, "
                                    "cohorts and trusted keys; --ingest (trainer) merges what PCs pushed")
    sync.add_argument("--server", metavar="URL",
                      help=f"the server, e.g. postgresql://learner@host/workbook or sqlite:///path (default: "
                           f"{ENVIRONMENT}, or the app's 'Sync with a server' setting)")
    sync.add_argument("--ingest", action="store_true",
                      help="trainer: check every batch the PCs pushed and merge those signed by trusted PCs")
    sync.add_argument("--trust", metavar="KEY",
                      help="with --ingest: first trust the PC whose batches are signed by this key "
                           "(its fingerprint, as the quarantine list shows it)")
    return {"sync": _sync}


def _sync(args: argparse.Namespace) -> int:
    if args.trust and not args.ingest:
        raise Refused("--trust goes with --ingest (a trainer command). Nothing was done.")
    return _ingest(args) if args.ingest else _push_and_pull(args)


def _push_and_pull(args: argparse.Namespace) -> int:
    from workbook.keys import load_or_create_key
    from workbook.store.server import ServerError
    from workbook.store.sync import sync_with_server
    from workbook.store.sync_settings import server_url

    data_dir = resolve_data_dir(args.data_dir)
    with open_store(data_dir):
        url = args.server or os.environ.get(ENVIRONMENT) or server_url()
        if not url:
            raise Refused("No server to sync with: give --server URL, set WORKBOOK_SYNC_SERVER, or set it in "
                          "the app (File > Sync with a server).")
        try:
            result = sync_with_server(url, data_dir, load_or_create_key(data_dir))
        except ServerError as error:
            raise Refused(f"Not synced: {error}.", _code(error.kind)) from error
    print(f"Synced with {result.server}: {plural(result.rows_pushed, 'activity record')} pushed "
          f"({plural(result.batches_pushed, 'batch')}); "
          f"pulled {plural(result.learners_pulled, 'profile')}, "
          f"{plural(result.cohorts_pulled, 'cohort')}, {plural(result.enrolments_pulled, 'enrolment')}, "
          f"{plural(result.keys_pulled, 'trusted key')}.")
    if result.squatted:
        shown = _first_ids(result.squatted)
        print(f"Warning: the server already held other content under "
              f"{plural(len(result.squatted), 'batch id')} of this PC ({shown}): someone else wrote into "
              "the inbox ahead of this PC. Those rows were sent again under new ids; tell the trainer.",
              file=sys.stderr)
    if not result.trusted:
        print(f"This PC (key {result.key_fingerprint}) is not trusted by the server yet: what it pushed "
              "waits in the server's inbox until a trainer trusts it ('workbook sync --ingest --trust "
              f"{result.key_fingerprint}'), then merges at the next ingest.", file=sys.stderr)
        return UNTRUSTED
    return 0


def _code(kind: str) -> int:
    return {"unreachable": UNREACHABLE, "schema": SCHEMA}.get(kind, ExitCode.REFUSED)


def _ingest(args: argparse.Namespace) -> int:
    from workbook.store.sync_ingest import TrustError, ingest, trust_batch_signer

    data_dir = resolve_data_dir(args.data_dir)
    with _server_store(args, data_dir):
        require_trainer(args)
        if args.trust:
            try:
                name, shown = trust_batch_signer(args.trust, data_dir)
            except TrustError as error:
                raise Refused(f"Not trusted: {printable(error)}. Nothing was ingested.") from error
            print(f"Trusted the PC '{printable(name)}' (key {shown}).")
        result = ingest(data_dir)
    print(f"Ingested {plural(result.merged, 'batch')}: {plural(result.rows_added, 'activity record')} "
          f"added, {result.rows_already_present} already present.")
    for applied in result.merges:
        print(f"  profile merge recorded: {printable(applied.text())}")
    for waiting in result.waiting:
        print(f"  profile merge waiting: {printable(waiting.text())} (that profile has no activity here "
              "yet: the merge is recorded when its rows arrive from the PC that signed it)")
    for withheld in result.withheld:
        print(f"profile merge refused: {printable(withheld.text())}", file=sys.stderr)
    for warning in result.device_warnings:
        print(f"warning: {printable(warning)}", file=sys.stderr)
    for (installation, key, reason), ids in _grouped(result.quarantined).items():
        named = _first_ids(ids)
        what = f"batch {named}" if len(ids) == 1 else f"{len(ids)} batches ({named})"
        print(f"quarantined: {what} from '{printable(installation)}' (key {key}): {printable(reason)}",
              file=sys.stderr)
    return QUARANTINED if result.quarantined or result.withheld or result.device_warnings else 0


def _grouped(quarantined) -> dict[tuple[str, str, str], list[str]]:
    """Batch ids by (PC name, key, reason), so thousands of junk rows written into the inbox read as
    one line each, not one per row."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    for batch in quarantined:
        key = (batch.installation, batch.key_fingerprint, batch.reason)
        groups.setdefault(key, []).append(batch.batch_id)
    return groups


def _first_ids(batch_ids) -> str:
    shown = ", ".join(printable(batch_id[:12]) for batch_id in batch_ids[:3])
    return shown + (", ..." if len(batch_ids) > 3 else "")


@contextmanager
def _server_store(args: argparse.Namespace, data_dir: Path) -> Iterator[None]:
    """The server as this command's store (`--server URL`), or the data folder's own database."""
    if not (args.server or os.environ.get(ENVIRONMENT)):
        with open_store(data_dir):
            yield
        return
    from workbook.store.connection import DatabaseProblem, open_database_url
    from workbook.store.server import redact, sqlite_path

    url = args.server or os.environ[ENVIRONMENT]
    try:
        path = sqlite_path(url)
    except ValueError as error:
        raise Refused(f"{redact(url)} is not a server address: {error}. Nothing was done.") from error
    if path is not None and not path.is_file():
        raise Refused(f"Not synced: cannot reach the server {redact(url)}: there is no database at {path}.",
                      UNREACHABLE)
    try:
        db = open_database_url(url, data_dir)
    except DatabaseProblem as error:
        text = str(error)
        code = SCHEMA if "schema version" in text else UNREACHABLE
        raise Refused(f"Not synced: {text}", code) from error
    try:
        yield
    finally:
        db.close()


