"""CLI conventions: every subcommand describes itself and every argument has a help text, and the exit
codes come from one table in which a missing file and a tampered certificate differ."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from signing_kit import KEY, with_own_key

from workbook.cli import build_parser, main
from workbook.cli.exit_codes import MEANINGS, ExitCode

NOW = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_every_subcommand_help_has_a_description_every_argument_and_the_exit_codes(name, capsys):
    with pytest.raises(SystemExit) as done:
        main([name, "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    description = subcommands()[name].description
    assert description and " ".join(description.rstrip(".").split()) in " ".join(text.split())
    undocumented = [a.dest for a in subcommands()[name]._actions if not a.help]
    assert not undocumented, f"{name}: arguments without help: {undocumented}"
    assert "exit codes:" in text and "3  a file" in text


def test_top_level_help_lists_the_exit_code_table(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    for code, meaning in MEANINGS.items():
        assert f"{int(code)}  {meaning}" in text
    assert len(set(ExitCode)) == len(MEANINGS)  # one meaning per code, none shared


def test_usage_errors_keep_argparse_code_two(capsys):
    with pytest.raises(SystemExit) as done:
        main(["verify-certificate"])
    assert done.value.code == ExitCode.USAGE == 2


def test_missing_file_and_tampered_certificate_give_different_codes(database, library, complete_everything,
                                                                    tmp_path, data_dir, capsys):
    from workbook.reports.issue import issue_certificate
    from workbook.store.learners import create_learner

    issuer = with_own_key(data_dir)  # the issuing PC, whose register lists what it issued
    learner = create_learner("Sam Taylor", None)
    complete_everything(library, learner.id)
    genuine = tmp_path / "genuine.pdf"
    issue_certificate(library, learner.id, tmp_path, genuine, now=NOW, key=KEY)
    tampered = tmp_path / "tampered.pdf"
    writer = PdfWriter(clone_from=PdfReader(str(genuine)))
    writer.pages[0].mediabox.upper_right = (900, 700)
    with tampered.open("wb") as handle:
        writer.write(handle)

    def verify(path: Path) -> int:
        return main(["verify-certificate", str(path), "--data-dir", str(issuer)])

    assert verify(genuine) == ExitCode.OK
    assert verify(tmp_path / "missing.pdf") == ExitCode.NOT_FOUND == 3
    assert verify(tampered) == ExitCode.INVALID == 4
    err = capsys.readouterr().err
    assert "no such file" in err and "tampered" in err


def test_a_learner_who_is_not_there_is_not_found_and_a_wrong_passphrase_is_denied(data_dir, tmp_path, capsys):
    from workbook.paths import database_path
    from workbook.store.connection import open_database
    from workbook.store.trainer import set_passphrase

    db = open_database(database_path(data_dir))
    set_passphrase("correct horse battery")
    db.close()
    out = tmp_path / "bundle.wbp"
    right = tmp_path / "right.txt"
    right.write_text("correct horse battery\n", encoding="utf-8")
    assert main(["export-progress", "--learner", "Nobody", "--out", str(out), "--data-dir", str(data_dir),
                 "--passphrase-file", str(right)]) == ExitCode.NOT_FOUND
    assert "No learner called 'Nobody'" in capsys.readouterr().err
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it\n", encoding="utf-8")
    assert main(["export-progress", "--learner", "Nobody", "--out", str(out), "--data-dir", str(data_dir),
                 "--passphrase-file", str(wrong)]) == ExitCode.DENIED
