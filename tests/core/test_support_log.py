"""The support log: a start line, each CLI command and its outcome, rotation, a diagnostic summary;
and Qt's own options kept away from argparse."""

from __future__ import annotations

import logging
import platform
import re

import pytest

from workbook import __version__
from workbook.cli import main
from workbook.qt_args import split_qt_args
from workbook.support_log import (
    BACKUP_COUNT,
    attach_file_log,
    detach_file_log,
    diagnostic_text,
    log,
    log_path,
    os_name,
    start_line,
)


def test_the_start_line_names_the_app_python_qt_os_and_data_folder(tmp_path):
    line = start_line(tmp_path, "Qt 6.11.3")
    for part in (__version__, platform.python_version(), "Qt 6.11.3", platform.platform(), str(tmp_path)):
        assert part in line


def test_the_os_is_named_as_platform_names_it_without_a_subprocess(monkeypatch):
    import subprocess

    expected = platform.platform()
    platform._platform_cache.clear()  # noqa: SLF001 (so nothing is answered from platform's own cache)
    monkeypatch.setattr(platform, "_uname_cache", None)

    def no_subprocess(*args, **kwargs):
        raise AssertionError(f"a subprocess was started: {args}")

    monkeypatch.setattr(subprocess, "check_output", no_subprocess)
    monkeypatch.setattr(subprocess, "run", no_subprocess)
    assert os_name() == expected


def test_each_cli_command_and_its_outcome_are_logged(data_dir, capsys):
    assert main(["validate", "--data-dir", str(data_dir)]) == 0
    assert main(["verify-certificate", str(data_dir / "missing.pdf"), "--data-dir", str(data_dir)]) != 0
    text = log_path(data_dir).read_text(encoding="utf-8")
    assert "command validate: start: app" in text and "command validate exited 0" in text
    assert re.search(r"command verify-certificate exited [1-9]", text)
    assert not [h for h in log.handlers if getattr(h, "workbook_file_log", False)]  # detached after


def test_a_command_never_creates_the_data_folder_to_log_into(tmp_path, capsys):
    missing = tmp_path / "nowhere"
    assert main(["validate", "--data-dir", str(missing)]) == 0
    assert not missing.exists()


def test_the_log_rotates_and_keeps_three_old_files(data_dir, monkeypatch):
    monkeypatch.setattr("workbook.support_log.MAX_BYTES", 2000)
    handler = attach_file_log(data_dir)
    try:
        for number in range(400):
            log.info("line %d of a long session with enough words to fill the file quickly", number)
    finally:
        detach_file_log(handler)
    kept = sorted(p.name for p in data_dir.glob("workbook.log*"))
    assert kept == ["workbook.log"] + [f"workbook.log.{n}" for n in range(1, BACKUP_COUNT + 1)]
    assert "line 399 " in log_path(data_dir).read_text(encoding="utf-8")
    assert all(p.stat().st_size <= 2200 for p in data_dir.glob("workbook.log*"))


def test_diagnostic_text_has_versions_folders_and_the_log_tail(data_dir):
    handler = attach_file_log(data_dir)
    try:
        log.warning("the last thing that happened")
    finally:
        detach_file_log(handler)
    text = diagnostic_text(data_dir, data_dir / "lessons", "Qt 6.11.3")
    assert __version__ in text and "Qt 6.11.3" in text and platform.python_version() in text
    assert f"data folder: {data_dir}" in text and f"content folder: {data_dir / 'lessons'}" in text
    assert text.rstrip().endswith("WARNING workbook: the last thing that happened")


def test_diagnostic_text_says_when_there_is_no_log_yet(tmp_path):
    assert "(no log at " in diagnostic_text(tmp_path / "new", tmp_path, None)


@pytest.mark.parametrize(("argv", "ours", "qt"), [
    (["-style", "fusion"], [], ["-style", "fusion"]),
    (["-style=fusion", "--data-dir", "D"], ["--data-dir", "D"], ["-style=fusion"]),
    (["--content", "C", "-platform", "offscreen", "-reverse"], ["--content", "C"],
     ["-platform", "offscreen", "-reverse"]),
    (["import-key", "K.pem", "--name", "Room 2"], ["import-key", "K.pem", "--name", "Room 2"], []),
])
def test_qt_options_are_split_from_ours(argv, ours, qt):
    assert split_qt_args(argv) == (ours, qt)


def test_qt_options_with_a_subcommand_are_refused_plainly(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["validate", "-style", "fusion"])
    assert stopped.value.code == 2
    assert "Qt options (-style fusion) apply only when opening the window" in capsys.readouterr().err


def test_logging_stays_quiet_on_the_console(data_dir, capsys):
    assert main(["validate", "--data-dir", str(data_dir)]) == 0
    assert "command validate" not in capsys.readouterr().err
    assert logging.getLogger("workbook").propagate  # a host application may still collect it
