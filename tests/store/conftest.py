"""Store tests never touch a real data folder: the default one points at an empty temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def decoy_data_dir(tmp_path, monkeypatch) -> Path:
    """Point the default data folder at an empty temp folder so no test can touch a real one."""
    decoy = tmp_path / "decoy"
    monkeypatch.setenv("WORKBOOK_DATA_DIR", str(decoy))
    return decoy


# Until the pgstore branch's session fixtures reach tests/conftest.py: the same pg_cluster / pg_url.
@pytest.fixture(scope="session")
def pg_cluster():
    """A PostgreSQL cluster for the session, with a template database migrated once; skipped (or, in
    CI, failed) with the reason when PostgreSQL is not installed."""
    import pg_kit

    from workbook.store.connection import open_database_url

    try:
        cluster = pg_kit.Cluster()
    except (RuntimeError, KeyError, OSError) as error:
        pg_kit.unavailable(str(error))
    try:
        cluster.admin.execute(f"CREATE DATABASE {pg_kit.TEMPLATE}")
        open_database_url(cluster.url(pg_kit.TEMPLATE)).close()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster):
    """The URL of a fresh, migrated database of its own on the session's PostgreSQL cluster."""
    import pg_kit

    name = pg_cluster.new_database(template=pg_kit.TEMPLATE)
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)
