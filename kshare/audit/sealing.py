"""Sealing on a schedule: ``kshare serve`` seals the log every so often."""

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class PeriodicSealer:
    """Seals the log every ``interval`` seconds while ``kshare serve`` runs."""

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, seal: Callable[[], object]) -> None:
        if self.interval > 0 and self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(
                target=self._run, args=(seal,), name="sealer", daemon=True
            )
            self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread is not None

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None

    def _run(self, seal: Callable[[], object]) -> None:
        while not self._stop.wait(self.interval):
            try:
                seal()
            except Exception:  # try again at the next tick
                log.exception("scheduled sealing failed")
