"""The app on a data folder it cannot write to (read-only, or a full disk) says what is wrong and
which folder, instead of crashing before its error hook or blaming "another copy"."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbook.app import run_app
from workbook.cli import main
from workbook.paths import bundled_content_dir
from workbook.ui import dialogs


def _mount_tmpfs(target: Path, options: str) -> bool:
    if shutil.which("mount") is None:
        return False
    target.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True)
    return done.returncode == 0


@pytest.fixture
def small_folder(tmp_path) -> Iterator:
    """Mount a tiny tmpfs with the given options (needs root, as in CI; skipped elsewhere)."""
    mounted: list[Path] = []

    def mount(name: str, options: str) -> Path:
        target = tmp_path / name
        if not _mount_tmpfs(target, options):
            pytest.skip("cannot mount a tmpfs here (needs root)")
        mounted.append(target)
        return target

    yield mount
    for target in mounted:  # lazily if a file there is still open: never leave a mount behind
        if subprocess.run(["umount", str(target)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(target)], capture_output=True)


def _fill(folder: Path) -> None:
    """Write zeros until the disk under `folder` is full."""
    with (folder / "filler").open("wb", buffering=0) as filler:
        try:
            while True:
                filler.write(b"\0" * 4096)
        except OSError:
            pass


@pytest.fixture
def errors(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append(text))
    return shown


def test_read_only_data_folder_is_named_not_a_crash(qapp, small_folder, errors):
    folder = small_folder("readonly", "ro,size=256k")
    assert run_app(folder, bundled_content_dir()) == 1
    assert len(errors) == 1
    assert "read-only" in errors[0] and str(folder) in errors[0]


def test_full_disk_is_named_not_already_open(qapp, small_folder, errors):
    folder = small_folder("full", "size=64k")
    _fill(folder)
    assert run_app(folder, bundled_content_dir()) == 1
    assert "full" in errors[0] and "already open" not in errors[0]


def test_read_only_commands_work_on_a_read_only_folder(small_folder, capsys):
    folder = small_folder("ro-cli", "ro,size=64k")
    assert main(["backups", "--data-dir", str(folder)]) == 0
    assert capsys.readouterr().out.startswith("No backups in")
    genuine = Path(__file__).resolve().parents[1] / "fixtures"  # any PDF that is not ours
    sample = next(genuine.rglob("*.pdf"), None)
    if sample is not None:
        assert main(["verify-certificate", str(sample), "--data-dir", str(folder)]) == 4


def test_a_name_with_markup_is_shown_as_typed(qtbot, open_window, library):
    """A learner's own name is text: '<b>Sam</b>' is greeted as typed, never rendered bold."""
    from workbook.store.learners import create_learner

    navigator = open_window(library)
    learner = create_learner("<b>Sam</b> <img src=x>")
    navigator.open_learner(learner.id)
    greeting = navigator.home_page.greeting
    assert greeting.text() == "Welcome, <b>Sam</b> <img src=x>"
    assert greeting.textFormat().name == "PlainText"


def test_a_write_on_a_full_disk_names_the_full_disk(qtbot, small_folder, errors):
    """A save that hits a full disk says so (not "cannot rollback - no transaction is active"), and
    what was saved before is still there."""
    from workbook.core.activity import Verb
    from workbook.paths import database_path
    from workbook.store.activity import activity_count, record_activity
    from workbook.store.connection import open_database
    from workbook.store.learners import create_learner
    from workbook.ui.main_window import MainWindow
    from workbook.ui.store_op import NotSaved, write

    folder = small_folder("full-db", "size=1m")
    db = open_database(database_path(folder))
    try:
        learner = create_learner("Ana")
        record_activity(learner.id, Verb.SECTION_READ, "empathy/one", module_id="empathy")
        _fill(folder)
        window = MainWindow()
        qtbot.addWidget(window)
        result = write(window, folder, lambda: record_activity(
            learner.id, Verb.SECTION_READ, "empathy/two", payload={"padding": "x" * 400_000},
            module_id="empathy"))
        assert isinstance(result, NotSaved)
        assert f"the disk holding {folder} is full" in errors[-1], errors[-1]
        assert "cannot rollback" not in errors[-1]
        assert activity_count(learner.id) == 1
    finally:
        db.close()


def test_exports_and_reports_work_on_a_read_only_data_folder(small_folder, data_dir, tmp_path, capsys):
    """A trainer reading a locked-down PC's folder can still export xAPI and a cohort report."""
    import json
    import shutil

    from workbook.paths import database_path
    from workbook.store import cohorts
    from workbook.store.activity import record_section_read
    from workbook.store.connection import open_database
    from workbook.store.learners import create_learner

    db = open_database(database_path(data_dir))
    learner = create_learner("Ana Lima")
    record_section_read(learner.id, "empathy", "apologizing-well")
    group = cohorts.create_cohort("Night shift")
    cohorts.enrol(group.id, [learner.id])
    db.close()
    folder = small_folder("ro-data", "size=8m")
    shutil.copy(database_path(data_dir), database_path(folder))
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    before = database_path(folder).read_bytes()
    out = tmp_path / "statements.json"
    assert main(["export-xapi", "--out", str(out), "--data-dir", str(folder)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))
    report = tmp_path / "report.csv"
    assert main(["report", "--cohort", "Night shift", "--format", "csv", "--out", str(report),
                 "--data-dir", str(folder)]) == 0
    assert "Ana Lima" in report.read_text(encoding="utf-8-sig")
    assert database_path(folder).read_bytes() == before
    assert "Traceback" not in capsys.readouterr().err
