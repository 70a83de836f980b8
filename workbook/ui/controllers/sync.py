"""Background sync with a training center's server: after each save, never blocking the window.

A save asks for a sync; the request waits a moment (several saves in a row make one sync) and runs
off the GUI thread through the operation layer. While the server cannot be reached the sync is
retried quietly with a growing delay; the status bar shows only a short line ("Synced 14:32",
"Sync: offline, will retry"). Nothing is ever lost by a failed sync: rows stay on this PC and the
next sync carries on where the last one stopped (`store/sync.py`).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from workbook.store import settings
from workbook.store.sync_settings import SERVER_URL, server_url, store_is_a_server
from workbook.ui.controllers.session import Session
from workbook.ui.operations import Job, QueryOp
from workbook.ui.plain_text import plain_label, plain_tooltip

if TYPE_CHECKING:  # the sync machinery (keys, bundles: ~90 ms) loads at the first sync, not at start
    from workbook.store.server import ServerError
    from workbook.store.sync import SyncResult

log = logging.getLogger("workbook")

SETTLE_MS = 1500  # a burst of saves makes one sync
FIRST_RETRY_MS = 5000
MAX_RETRY_MS = 5 * 60 * 1000


class SyncController(QObject):
    def __init__(self, session: Session) -> None:
        super().__init__(session.window)
        self.session = session
        self.status = plain_label()
        self.status.setObjectName("muted")
        session.window.statusBar().addWidget(self.status)
        self.url: str | None = None
        self.running: QueryOp | None = None  # tests wait on it
        self.retry_ms = FIRST_RETRY_MS
        self._again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.run)

    def start(self) -> None:
        """Read the setting once the database is open, and sync what was saved while offline."""
        self.url = None if store_is_a_server() else server_url()
        if self.url:
            self.request()

    def request(self, delay_ms: int = SETTLE_MS) -> None:
        """Sync soon (a save happened); a request while one is running runs once it ends."""
        if not self.url:
            return
        if self.running is not None and not self.running.done:
            self._again = True
            return
        self._timer.start(delay_ms)

    def run(self) -> None:
        if not self.url or (self.running is not None and not self.running.done):
            return
        from workbook.keys import load_or_create_key
        from workbook.store.server import ServerError
        from workbook.store.sync import close_thread_connection, sync_with_server

        url, data_dir = self.url, self.session.data_dir
        key = load_or_create_key(data_dir)

        def work(job: Job) -> SyncResult | ServerError:
            try:
                return sync_with_server(url, data_dir, key, cancelled=job.cancelled)
            except ServerError as error:  # expected while offline: a status line, not a logged traceback
                return error
            finally:
                close_thread_connection()

        self._again = False
        self.status.setText(self.tr("Syncing\u2026"))
        self.running = QueryOp(self.session.window, work, self._synced, self._failed).start()

    def _synced(self, result: SyncResult | ServerError) -> None:
        from workbook.store.server import ServerError

        if isinstance(result, ServerError):
            self._failed(result)
            return
        self.retry_ms = FIRST_RETRY_MS
        if result.squatted:  # someone wrote into the inbox under this PC's ids: resent, but worth a trace
            log.warning("sync: the server held other content under %d of this PC's batch ids (%s); those "
                        "rows were sent again under new ids", len(result.squatted),
                        ", ".join(result.squatted))
        moment = datetime.now().strftime("%H:%M")
        self.status.setText((self.tr("Synced {time}") if result.trusted
                             else self.tr("Synced {time} (waiting for a trainer to trust this PC)")).format(
            time=moment))
        self.status.setToolTip(plain_tooltip(self.tr("Last synced with {server} at {time}").format(
            server=result.server, time=moment)))
        if self._again:
            self.request()

    def _failed(self, error: Exception) -> None:
        from workbook.store.server import ServerError

        kind = error.kind if isinstance(error, ServerError) else "unreachable"
        if self.retry_ms == FIRST_RETRY_MS:  # logged once per outage, not at every retry
            log.info("sync did not finish, retrying quietly: %s", error)
        self.status.setText(self.tr("Sync: offline, will retry") if kind == "unreachable"
                            else self.tr("Sync: the server needs attention"))
        self.status.setToolTip(plain_tooltip(str(error)))  # the server's words
        self._timer.start(self.retry_ms)
        self.retry_ms = min(self.retry_ms * 2, MAX_RETRY_MS)

    def edit_settings(self) -> None:
        from workbook.ui import sync_dialog  # a dialog class of its own, made when first asked for

        chosen = sync_dialog.edit_sync_server(self.session.window, self.url or "")
        if chosen is None:
            return
        if not self.session.write(settings.set_setting, SERVER_URL, chosen, announce=False):
            return
        self.url = chosen or None
        self.retry_ms = FIRST_RETRY_MS
        self._timer.stop()
        if self.url:
            self.request(0)
        else:
            self.status.setText("")
