"""Certificate subcommands: issue one headless, verify a PDF, and exchange public keys.

Exit codes: 0 done / valid; 1 refused (not eligible) or tampered; 2 wrong usage (argparse);
3 unknown issuer; 4 not a workbook certificate; 5 a file or key that cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbook.cli_support import content_root, find_learner_or_say, open_store, output_folder_exists
from workbook.paths import resolve_data_dir


def add_certificate_commands(commands, common: argparse.ArgumentParser,
                             content: argparse.ArgumentParser) -> dict:
    """Register the subcommands on `commands`; returns their handlers by name."""
    issue = commands.add_parser("certificate", parents=[common, content],
                                help="issue a learner's completion certificate as a signed PDF")
    issue.add_argument("--learner", required=True, metavar="NAME_OR_ID",
                       help="display name, employee id or learner id")
    issue.add_argument("--out", required=True, metavar="FILE.pdf", help="PDF file to write")
    issue.add_argument("--page-size", choices=("A4", "Letter"), help="default: the saved setting (A4)")
    verify = commands.add_parser("verify-certificate", parents=[common],
                                 help="check that a certificate PDF is genuine and unchanged")
    verify.add_argument("file", metavar="FILE.pdf")
    import_key = commands.add_parser("import-key", parents=[common],
                                     help="trust certificates signed by another installation")
    import_key.add_argument("file", metavar="FILE.pem", help="a public key written by export-key")
    export_key = commands.add_parser("export-key", parents=[common],
                                     help="write this installation's public key for other trainers")
    export_key.add_argument("--out", required=True, metavar="FILE.pem")
    return {"certificate": _certificate, "verify-certificate": _verify, "import-key": _import_key,
            "export-key": _export_key}


def _certificate(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from workbook.core.loader import load_library
    from workbook.reports.issue import NotEligible, certificate_settings, issue_certificate

    data_dir = resolve_data_dir(args.data_dir)
    root = content_root(args)
    library = load_library(root)
    if library.course is None:
        print(f"No valid course.yaml in {root}: run 'python main.py validate {root}'", file=sys.stderr)
        return 1
    out = Path(args.out)
    if not output_folder_exists(out):
        return 1
    db = open_store(data_dir)
    if db is None:
        return 1
    try:
        learner = find_learner_or_say(args.learner, data_dir)
        if learner is None:
            return 1
        chosen = certificate_settings(library)
        if args.page_size:
            chosen = replace(chosen, page_size=args.page_size)
        try:
            issued = issue_certificate(library, learner.id, data_dir, out, chosen=chosen)
        except NotEligible as refusal:
            print(f"{learner.display_name} is not eligible for '{library.course.title}' yet:",
                  file=sys.stderr)
            for reason in refusal.eligibility.reasons():
                print(f"  - {reason}", file=sys.stderr)
            return 1
    finally:
        db.close()
    print(f"Certificate {issued.certificate_id} for {learner.display_name} written to {issued.path}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from workbook.reports.verify import Status, verify_certificate

    path = Path(args.file)
    if not path.is_file():
        print(f"{path}: no such file", file=sys.stderr)
        return 5
    result = verify_certificate(path, resolve_data_dir(args.data_dir))
    stream = sys.stdout if result.status == Status.VALID else sys.stderr
    print(f"{result.status}: {result.message}", file=stream)
    return {Status.VALID: 0, Status.TAMPERED: 1, Status.UNKNOWN_ISSUER: 3, Status.NOT_A_CERTIFICATE: 4,
            Status.UNREADABLE: 5}[result.status]


def _import_key(args: argparse.Namespace) -> int:
    from workbook.reports.signing import SigningKeyError, import_public_key

    try:
        identity = import_public_key(Path(args.file), resolve_data_dir(args.data_dir))
    except SigningKeyError as error:
        print(str(error), file=sys.stderr)
        return 1
    print(f"Trusted key {identity}: certificates it signed now verify here")
    return 0


def _export_key(args: argparse.Namespace) -> int:
    from workbook.reports.signing import export_public_key

    identity = export_public_key(resolve_data_dir(args.data_dir), Path(args.out))
    print(f"Public key {identity} written to {args.out}")
    return 0
