"""On PostgreSQL, wake the projections when any process appends events.

The event store's recorder sends NOTIFY on its channel with every insert;
a thread LISTENs and wakes the runner, so a projection process follows
writes from web workers without waiting for its next poll (the poll stays
as a safety net).
"""

import logging
import threading
from collections.abc import Callable

import psycopg
from psycopg import sql

log = logging.getLogger(__name__)


class PostgresWakeup:
    def __init__(self, conninfo: str, channel: str) -> None:
        self.conninfo = conninfo
        self.channel = channel
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, wake: Callable[[], None]) -> None:
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._listen, args=(wake,), name="pg-listen", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _listen(self, wake: Callable[[], None]) -> None:
        while not self._stop.is_set():
            try:
                with psycopg.connect(self.conninfo, autocommit=True) as conn:
                    conn.execute(
                        sql.SQL("LISTEN {}").format(sql.Identifier(self.channel))
                    )
                    while not self._stop.is_set():
                        for _ in conn.notifies(timeout=1.0, stop_after=1):
                            wake()
            except psycopg.Error:
                log.warning(
                    "LISTEN on %s failed; retrying", self.channel, exc_info=True
                )
                self._stop.wait(2.0)
