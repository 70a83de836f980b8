"""Every command builds the argument parser first: registering the subcommands must not import the store,
Qt, reportlab or matplotlib (a regression cost 90 ms of app start-up). Opening the app reads its few
options with a parser of those alone, importing no subcommand module (about 15 ms)."""

from __future__ import annotations

import subprocess
import sys


def test_building_the_parser_imports_nothing_heavy():
    code = ("import sys, workbook.cli; workbook.cli.build_parser(); "
            "print(sorted(m for m in ('peewee', 'PySide6', 'reportlab', 'matplotlib', 'pydantic', "
            "'cryptography') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


APP_STARTS = ([], ["--data-dir", "d"], ["--lang", "de", "--content", "c"], ["--database", "postgresql://x/y"],
              ["--data-dir=d", "--passphrase-file", "p", "--lang=en"], ["--lan", "de"])
NOT_APP_STARTS = (["validate"], ["--help"], ["--version"], ["--lang", "fr"], ["--data-dir"], ["nonsense"],
                  ["--data-dir", "d", "backup"], ["--data", "x"])


def test_an_app_start_reads_the_same_options_without_the_subcommands_parsers():
    from workbook.cli import _app_start_arguments, build_parser

    for arguments in APP_STARTS:
        light = vars(_app_start_arguments(arguments))
        full = vars(build_parser().parse_args(arguments))
        full.pop("handlers")
        assert light == full, arguments
    for arguments in NOT_APP_STARTS:  # the full parser reads these (and reports their mistakes)
        assert _app_start_arguments(arguments) is None, arguments


def test_opening_the_app_imports_no_subcommand_module():
    code = ("import sys, workbook.cli; workbook.cli._app_start_arguments(['--data-dir', 'd']); "
            "print(sorted(m for m in sys.modules if m.startswith('workbook.cli.') and m not in "
            "('workbook.cli.support', 'workbook.cli.exit_codes')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
