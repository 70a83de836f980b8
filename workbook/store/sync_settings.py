"""Which central server this PC syncs with: the app setting alone, so that the window can read it at
start without loading the sync machinery (signing keys, bundles), which only a sync needs."""

from __future__ import annotations

from workbook.store import dialect
from workbook.store.settings import get_setting

SERVER_URL = "sync_server_url"  # the app setting "Sync with a server"


def server_url() -> str | None:
    """The app setting "Sync with a server", or None."""
    return get_setting(SERVER_URL) or None


def store_is_a_server() -> bool:
    """Whether the bound store is itself a central server (a trainer's workbook opened on it)."""
    return dialect.is_server()
