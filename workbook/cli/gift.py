"""Moodle GIFT subcommands: import questions into a module's quiz.yaml, export a quiz as GIFT.

Exit codes: 0 done; 1 problems in the file (nothing is written), unknown module, or a file that
cannot be read or written.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.cli.exit_codes import ExitCode
from workbook.cli.support import Refused, content_root, require_output_folder

if TYPE_CHECKING:
    from workbook.core.content import Library, Module


def add_gift_commands(commands, common: argparse.ArgumentParser,
                      content: argparse.ArgumentParser) -> dict:
    """Register the subcommands on `commands`; returns their handlers by name."""
    import_gift = commands.add_parser("import-gift", parents=[common, content],
                                      help="import Moodle GIFT questions into a module's quiz.yaml")
    import_gift.add_argument("file", metavar="FILE", help="GIFT file (UTF-8 text)")
    import_gift.add_argument("--module", required=True, metavar="ID", help="module id (see module.yaml)")
    mode = import_gift.add_mutually_exclusive_group()
    mode.add_argument("--replace", action="store_true",
                      help="replace an existing quiz.yaml (the old one is kept as quiz.yaml.bak)")
    mode.add_argument("--append", action="store_true",
                      help="add the questions to an existing quiz.yaml (its settings are kept)")
    export_gift = commands.add_parser("export-gift", parents=[common, content],
                                      help="write a module's quiz as a Moodle GIFT file")
    export_gift.add_argument("--module", required=True, metavar="ID", help="module id (see module.yaml)")
    export_gift.add_argument("--out", required=True, metavar="FILE", help="GIFT file to write")
    return {"import-gift": _import_gift, "export-gift": _export_gift}


def _find_module(args: argparse.Namespace) -> tuple[Library, Module]:
    """(library, module) for `--module` in the content folder; refuses, saying why, without one."""
    from workbook.core.loader import load_library

    root = content_root(args)
    library = load_library(root)
    module = next((m for m in library.modules if m.id == args.module), None)
    if module is None:
        broken = next((u for u in library.unavailable if u.folder.name.endswith(args.module)), None)
        if broken is not None:
            raise Refused(f"Module '{args.module}' cannot be loaded; run 'workbook validate' "
                          f"to see why ({broken.folder})")
        known = ", ".join(m.id for m in library.modules) or "none"
        raise Refused(f"Unknown module '{args.module}' in {root} (modules: {known})", ExitCode.NOT_FOUND)
    return library, module


def _import_gift(args: argparse.Namespace) -> int:
    from workbook.core.gift_import import ImportMode, apply_gift_import, plan_gift_import

    base = Path.cwd()
    source = Path(args.file)
    try:
        text = source.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Refused(f"{source}: not UTF-8 text (byte {error.start}); save the file as UTF-8 and try "
                      "again") from error
    except OSError as error:
        raise Refused(f"{source}: cannot read: {error.strerror or error}", ExitCode.NOT_FOUND) from error
    library, module = _find_module(args)
    mode = ImportMode.REPLACE if args.replace else ImportMode.APPEND if args.append else ImportMode.NEW
    plan = plan_gift_import(text, source, module, library.skills, mode)
    for problem in plan.problems:
        print(problem.format(relative_to=base))
    if plan.refusal is not None:
        raise Refused(plan.refusal)
    for warning in plan.warnings:
        print(f"warning: {warning.format(relative_to=base)}")
    apply_gift_import(plan)
    for note in plan.notes:
        print(note)
    total = f" ({len(plan.quiz.questions)} in the quiz now)" if mode is ImportMode.APPEND else ""
    print(f"{plan.imported} question{'s' if plan.imported != 1 else ''} imported into {plan.target}{total}")
    return 0


def _export_gift(args: argparse.Namespace) -> int:
    from workbook.core.gift_writer import write_gift
    from workbook.core.quiz import QUIZ_FILE
    from workbook.files import write_text_atomic

    _library, module = _find_module(args)
    if module.quiz is None:
        for problem in module.quiz_problems:
            print(problem.format(relative_to=Path.cwd()))
        if module.quiz_problems:
            raise Refused(f"Module '{module.id}' has a quiz with problems; fix them first. "
                          "Nothing was written.")
        raise Refused(f"Module '{module.id}' has no quiz ({module.folder / QUIZ_FILE} not found). "
                      "Nothing was written.")
    out = Path(args.out)
    require_output_folder(out)
    try:
        write_text_atomic(out, write_gift(module.quiz))
    except OSError as error:
        raise Refused(f"{out}: cannot write: {error.strerror or error}") from error
    count = len(module.quiz.questions)
    print(f"{count} question{'s' if count != 1 else ''} of '{module.id}' exported to {out}")
    return 0
