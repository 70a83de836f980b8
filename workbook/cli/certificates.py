"""Certificate subcommands: issue one headless, verify a PDF, and exchange public keys.

Exit codes (workbook.cli.exit_codes): 0 valid; 3 no such file, or it or this installation's key
cannot be read; 4 tampered, not a workbook certificate, signed by a key not trusted here as an
issuer, not in the register of the PC whose key signed it, or superseded.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbook.cli.exit_codes import ExitCode
from workbook.cli.support import (
    Refused,
    chosen_database_url,
    confirm_or_refuse,
    content_root,
    find_learner_or_refuse,
    load_content,
    open_store,
    require_output_folder,
)
from workbook.core.outside_text import printable
from workbook.paths import database_path, resolve_data_dir


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
    verify.add_argument("file", metavar="FILE.pdf", help="the certificate PDF to check")
    import_key = commands.add_parser("import-key", parents=[common],
                                     help="trust the progress bundles, or with --certificates the "
                                          "certificates, signed by another installation (needs the "
                                          "trainer passphrase)")
    import_key.add_argument("file", metavar="FILE.pem", help="a public key written by export-key")
    import_key.add_argument("--name", default="", help="the PC's name, shown in the list of trusted keys")
    _purpose_options(import_key)
    trust = commands.add_parser("trust-key", parents=[common],
                                help="trust the PC that signed a progress bundle (needs the trainer "
                                     "passphrase): shows its name and key fingerprint and asks first")
    trust.add_argument("bundle", metavar="BUNDLE", help="a progress bundle written by that PC")
    trust.add_argument("--yes", action="store_true",
                       help="trust without asking (for scripts; check the fingerprint first)")
    _purpose_options(trust)
    export_key = commands.add_parser("export-key", parents=[common],
                                     help="write this installation's public key for other trainers")
    export_key.add_argument("--out", required=True, metavar="FILE.pem",
                            help="file to write the public key to (give it to other trainers)")
    return {"certificate": _certificate, "verify-certificate": _verify, "import-key": _import_key,
            "trust-key": _trust_key, "export-key": _export_key}


def _purpose_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--certificates", action="store_true",
                        help="trust it as a certificate issuer (a trainer's PC): the certificates it signs "
                             "verify as valid here. Without it, only its progress bundles are trusted")
    parser.add_argument("--progress", action="store_true",
                        help="with --certificates: trust its progress bundles too")


def _purposes(args: argparse.Namespace) -> tuple[str, ...]:
    from workbook.keys import CERTIFICATES, PROGRESS

    if not args.certificates:
        return (PROGRESS,)
    return (PROGRESS, CERTIFICATES) if args.progress else (CERTIFICATES,)


def _trusted_for(purposes: tuple[str, ...]) -> str:
    from workbook.keys import CERTIFICATES, PROGRESS

    return {(PROGRESS,): "its progress bundles are now accepted here (not its certificates: for those, "
                         "run this again with --certificates)",
            (CERTIFICATES,): "certificates it signs are now valid here (it is a certificate issuer)",
            (PROGRESS, CERTIFICATES): "its progress bundles are now accepted here, and the certificates "
                                      "it signs are valid here"}[purposes]


def _certificate(args: argparse.Namespace) -> int:
    from msgspec.structs import replace

    from workbook.reports.issue import NotEligible, certificate_settings, issue_certificate

    data_dir = resolve_data_dir(args.data_dir)
    root = content_root(args)
    library = load_content(args)
    if library.course is None:
        raise Refused(f"No valid course.yaml in {root}: run 'workbook validate {root}'")
    out = Path(args.out)
    require_output_folder(out)
    with open_store(data_dir):
        learner = find_learner_or_refuse(args.learner, data_dir)
        chosen = certificate_settings(library)
        if args.page_size:
            chosen = replace(chosen, page_size=args.page_size)
        try:
            issued = issue_certificate(library, learner.id, data_dir, out, chosen=chosen)
        except NotEligible as refusal:
            reasons = "".join(f"\n  - {reason}" for reason in refusal.eligibility.reasons())
            raise Refused(f"{printable(learner.display_name)} is not eligible for '{library.course.title}' "
                          "yet:" + reasons) from None
    print(f"Certificate {issued.certificate_id} for {printable(learner.display_name)} written to "
          f"{printable(issued.path)}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from workbook.reports.verify import Status, verify_certificate

    path = Path(args.file)
    if not path.is_file():
        print(f"{printable(path)}: no such file", file=sys.stderr)
        return ExitCode.NOT_FOUND
    data_dir = resolve_data_dir(args.data_dir)
    if chosen_database_url() or database_path(data_dir).is_file():
        from workbook.store.certificates import issued_with_key

        with open_store(data_dir, read_only=True):  # the register of issued certificates
            result = verify_certificate(path, data_dir, issued_with_key)
    else:  # no database here: nothing was issued here, so this PC's own key has an empty register
        result = verify_certificate(path, data_dir, lambda _key: [])
    stream = sys.stdout if result.status == Status.VALID else sys.stderr
    print(f"{result.status}: {printable(result.message)}", file=stream)
    return ExitCode.OK if result.status == Status.VALID else {
        Status.UNREADABLE: ExitCode.NOT_FOUND}.get(result.status, ExitCode.INVALID)


def _import_key(args: argparse.Namespace) -> int:
    from workbook.keys import SigningKeyError, fingerprint, key_id, read_public_key, trust_key

    data_dir = resolve_data_dir(args.data_dir)
    try:
        public = read_public_key(Path(args.file))
    except SigningKeyError as error:
        raise Refused(str(error)) from error
    purposes = _purposes(args)
    with open_store(data_dir, trainer=args):  # trusting a key is the trainer's decision
        identity = trust_key(public, data_dir, args.name, purposes)
    print(f"Trusted key {fingerprint(key_id(public))}{f' ({args.name})' if args.name else ''}: "
          f"{_trusted_for(purposes)}")
    return 0 if identity else 1


def _trust_key(args: argparse.Namespace) -> int:
    """Trust the signer of a bundle: show who it is (its PC name as it signed it, shown literally, and its
    key fingerprint) and ask first; the bundle must be genuine."""
    from workbook.core.lookalike_signers import SAME_NAME, lookalikes
    from workbook.keys import fingerprint, trust_key, trusted_key_list
    from workbook.store.bundle_reading import read_bundle
    from workbook.store.bundles import BundleError

    data_dir = resolve_data_dir(args.data_dir)
    with open_store(data_dir, trainer=args):
        try:
            signer = read_bundle(Path(args.bundle)).signer
        except BundleError as error:
            raise Refused(f"Not trusted: {printable(error)}", ExitCode.INVALID) from error
        print(f"{printable(args.bundle)} is signed by\n"
              f"  PC name:          '{printable(signer.installation)}'\n"
              f"  Key fingerprint:  {signer.fingerprint}\n"
              "Trust it only if that fingerprint is the one shown on that PC (the name is what the bundle "
              "says and proves nothing).")
        trusted = [(entry.key_id, entry.name) for entry in trusted_key_list(data_dir)]
        for lookalike in lookalikes(signer.installation, signer.key_id, trusted):
            other = f"'{printable(lookalike.name)}' (key {fingerprint(lookalike.key_id)})"
            print(f"Warning: a PC already trusted here, {other}, has the same name: this may be a copy "
                  "of its name." if lookalike.kind == SAME_NAME else
                  f"Warning: the name quotes the fingerprint of {other}, a PC already trusted here; this "
                  f"PC's own fingerprint is {signer.fingerprint}.")
        purposes = _purposes(args)
        asked = {"progress": "its progress bundles", "certificates": "the certificates it signs (issuer)"}
        print("Trust it for: " + " and ".join(asked[purpose] for purpose in purposes))
        confirm_or_refuse(args, "Trust this PC?", "trust it",
                          "Nothing was trusted.")
        trust_key(signer.public(), data_dir, signer.installation, purposes)
    print(f"Trusted the PC '{printable(signer.installation)}' (key {signer.fingerprint}): "
          f"{_trusted_for(purposes)}")
    return 0


def _export_key(args: argparse.Namespace) -> int:
    from workbook.reports.signing import export_public_key

    identity = export_public_key(resolve_data_dir(args.data_dir), Path(args.out))
    print(f"Public key {identity} written to {args.out}")
    return 0
