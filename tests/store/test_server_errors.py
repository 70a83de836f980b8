"""What a learner or trainer sees when the server cannot be used: one line naming the URL, with the
password hidden, and exit code 1 from a command (the same message in a dialog from the app); never
a traceback. Also the schema steps of both backends stay in step."""

from __future__ import annotations

import pytest

from workbook.cli import main
from workbook.store import migrations, migrations_pg
from workbook.store.connection import DatabaseProblem, open_database_url, redact_url


def _refusal(capsys, url: str) -> str:
    assert main(["migrate", "--database", url]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "secret" not in captured.err
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.fixture
def cli_data_dir(data_dir, monkeypatch):
    monkeypatch.setenv("WORKBOOK_DATA_DIR", str(data_dir))
    return data_dir


def test_urls_the_workbook_cannot_use_are_named(cli_data_dir, capsys):
    assert "mysql://me:***@db/x" in _refusal(capsys, "mysql://me:secret@db/x")
    assert "names no database" in _refusal(capsys, "postgresql://me:secret@127.0.0.1:5432")


def test_an_unreachable_server_is_named_with_its_password_hidden(cli_data_dir, capsys):
    line = _refusal(capsys, "postgresql://learner:secret@127.0.0.1:1/workbook?connect_timeout=2")
    assert line.startswith("The progress database cannot be opened: cannot reach the progress database at "
                           "postgresql://learner:***@127.0.0.1:1/workbook")


def test_a_refused_password_and_a_newer_schema_are_named(cli_data_dir, capsys, pg_cluster, fresh_pg_url):
    wrong = fresh_pg_url.replace(":admin-secret@", ":not-the-secret@")
    line = _refusal(capsys, wrong)
    assert redact_url(wrong) in line and "password authentication failed" in line
    with pg_cluster.connect(fresh_pg_url.rsplit("/", 1)[1]) as admin:
        admin.execute("UPDATE workbook_schema SET version = 99")
    line = _refusal(capsys, fresh_pg_url)
    assert "schema version 99" in line and "update the workbook" in line and redact_url(fresh_pg_url) in line
    with pytest.raises(DatabaseProblem, match="schema version 99"):
        open_database_url(fresh_pg_url)


def test_the_app_shows_the_same_message_in_its_start_up_dialog(qtbot, data_dir, monkeypatch):
    from workbook.app import run_app
    from workbook.paths import bundled_content_dir
    from workbook.ui import dialogs

    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    url = "postgresql://trainer:secret@127.0.0.1:1/workbook?connect_timeout=2"
    assert run_app(data_dir, bundled_content_dir(), database_url=url) == 1
    assert "postgresql://trainer:***@127.0.0.1:1/workbook" in errors[0] and "secret" not in errors[0]


def test_both_backends_know_the_same_schema_versions():
    """A new version is a step in `migrations.STEPS` and `migrations_pg.STEPS` alike."""
    assert [number for number, _ in migrations_pg.STEPS] == [number for number, _ in migrations.STEPS]


def test_without_postgresql_its_tests_skip_with_the_reason_or_fail_in_ci(monkeypatch):
    import pg_kit

    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(RuntimeError, match="pg_config is not on PATH") as missing:
        pg_kit.Cluster()
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("WORKBOOK_REQUIRE_POSTGRES", raising=False)
    with pytest.raises(pytest.skip.Exception, match="need a local PostgreSQL installation: pg_config"):
        pg_kit.unavailable(str(missing.value))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="so this is a failure"):
        pg_kit.unavailable(str(missing.value))
