"""The app's "Sync with a server" setting: a save starts a background sync that never blocks the
window, an unreachable server is retried quietly, and the status bar says how it went."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from sync_kit import make_server

from workbook.paths import database_path
from workbook.store import learners
from workbook.store.activity import record_section_read
from workbook.ui import sync_dialog
from workbook.ui.controllers import sync as sync_controller


def inbox_rows(server: Path) -> int:
    connection = sqlite3.connect(database_path(server))
    try:
        return connection.execute("SELECT coalesce(sum(row_count), 0) FROM sync_inbox").fetchone()[0]
    finally:
        connection.close()


def test_saving_progress_syncs_in_the_background_without_blocking(qtbot, open_window, library, monkeypatch,
                                                                   tmp_path, finish):
    server = tmp_path / "server"
    url = make_server(server)
    monkeypatch.setattr(sync_controller, "SETTLE_MS", 10)
    navigator = open_window(library)
    learner = learners.create_learner("Synced Learner").id
    navigator.open_learner(learner)
    monkeypatch.setattr(sync_dialog, "edit_sync_server", lambda parent, current: url)
    navigator.sync.edit_settings()
    qtbot.waitUntil(lambda: navigator.sync.running is not None, timeout=5000)
    finish(navigator.sync.running)
    assert navigator.sync.status.text().startswith("Synced")

    # The server is busy (a trainer's ingest holds its write lock): the window keeps working.
    blocker = sqlite3.connect(database_path(server), isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    navigator.session.write(record_section_read, learner, "empathy", library.module("empathy").sections[0].id)
    qtbot.waitUntil(lambda: navigator.sync.running is not None and not navigator.sync.running.done
                    and navigator.sync.status.text() == "Syncing\u2026", timeout=5000)
    ticks = []
    started = time.perf_counter()
    while time.perf_counter() - started < 0.5:  # the GUI thread runs its event loop meanwhile
        qtbot.wait(20)
        ticks.append(time.perf_counter())
    assert not navigator.sync.running.done and len(ticks) >= 10
    assert max(b - a for a, b in zip(ticks, ticks[1:], strict=False)) < 0.25
    blocker.rollback()
    blocker.close()
    finish(navigator.sync.running)
    assert navigator.sync.status.text().startswith("Synced")
    assert inbox_rows(server) == 1


def test_an_unreachable_server_is_retried_quietly_until_it_answers(qtbot, open_window, library, monkeypatch,
                                                                   tmp_path, finish):
    shown = []
    monkeypatch.setattr("workbook.ui.dialogs.show_error", lambda *args: shown.append(args))
    monkeypatch.setattr(sync_controller, "FIRST_RETRY_MS", 100)
    server = tmp_path / "server"
    url = f"sqlite:///{database_path(server)}"  # nothing there yet
    navigator = open_window(library)
    learner = learners.create_learner("Offline Learner").id
    navigator.session.write(record_section_read, learner, "empathy", library.module("empathy").sections[0].id)
    monkeypatch.setattr(sync_dialog, "edit_sync_server", lambda parent, current: url)
    navigator.sync.edit_settings()
    qtbot.waitUntil(lambda: navigator.sync.status.text() == "Sync: offline, will retry", timeout=5000)
    assert "cannot reach the server" in navigator.sync.status.toolTip() and shown == []
    qtbot.waitUntil(lambda: navigator.sync.retry_ms >= 400, timeout=5000)  # backing off
    make_server(server)
    qtbot.waitUntil(lambda: navigator.sync.status.text().startswith("Synced"), timeout=10000)
    assert inbox_rows(server) == 1 and shown == []
    finish(navigator.sync.running)


def test_opening_the_trainer_views_on_a_server_merges_what_pcs_pushed(qtbot, open_window, library, data_dir,
                                                                      monkeypatch, tmp_path, finish):
    from sync_kit import PC_KEY, make_pc

    from workbook.cli import main
    from workbook.keys import trust_key
    from workbook.ui.trainer import passphrase_dialog

    url = make_server(data_dir)  # this app's own database plays the centre's server
    trust_key(PC_KEY.public_key(), data_dir, "training-pc-1")
    pc = tmp_path / "pc"
    make_pc(pc)
    assert main(["sync", "--server", url, "--data-dir", str(pc)]) == 7  # not on the server's list yet
    navigator = open_window(library)
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase", lambda parent: True)
    navigator.window.trainer_requested.emit()
    qtbot.waitUntil(lambda: navigator.trainer.ingesting is not None, timeout=5000)
    finish(navigator.trainer.ingesting)
    assert "300 activity records merged from learner PCs" in navigator.window.statusBar().currentMessage()
    connection = sqlite3.connect(database_path(data_dir))
    try:
        assert connection.execute("SELECT count(*) FROM activity").fetchone()[0] == 300
    finally:
        connection.close()
