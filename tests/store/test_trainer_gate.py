"""Headless trainer commands ask for the trainer passphrase the way the app does: from a file, the
environment or a terminal; with none of them, the command is refused, never run unchecked."""

from __future__ import annotations

import pytest

from workbook.store import trainer
from workbook.trainer_gate import ENVIRONMENT, trainer_allows

PASSPHRASE = "a long trainer passphrase"


@pytest.fixture
def with_trainer(database):
    trainer.set_passphrase(PASSPHRASE)


def test_no_trainer_set_asks_nothing(database, monkeypatch):
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    assert trainer_allows(interactive=False).allowed


def test_no_passphrase_and_no_terminal_is_refused(with_trainer, monkeypatch):
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    result = trainer_allows(interactive=False)
    assert not result.allowed and "--passphrase-file" in result.message and ENVIRONMENT in result.message


def test_from_the_environment_or_a_file(with_trainer, monkeypatch, tmp_path):
    monkeypatch.setenv(ENVIRONMENT, PASSPHRASE)
    assert trainer_allows(interactive=False).allowed
    monkeypatch.delenv(ENVIRONMENT)
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    assert trainer_allows(secret, interactive=False).allowed
    assert not trainer_allows(tmp_path / "missing.txt", interactive=False).allowed


def test_a_wrong_passphrase_is_refused_with_the_apps_delay(with_trainer, monkeypatch):
    monkeypatch.setenv(ENVIRONMENT, "not the passphrase")
    result = trainer_allows(interactive=False)
    assert not result.allowed and "Wrong passphrase" in result.message
    monkeypatch.setenv(ENVIRONMENT, PASSPHRASE)
    assert not trainer_allows(interactive=False).allowed  # locked for a moment after a wrong try


def test_a_terminal_is_asked(with_trainer, monkeypatch):
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": PASSPHRASE)
    assert trainer_allows(interactive=True).allowed
