"""The projection runner: catch up from the tracked positions, then follow.

(``GroupRunner``, not to be confused with ``eventsourcing``'s own
``ProjectionRunner``, which runs one projection of one application.)

Each group (the SQL read models, the Whoosh library) keeps its own position
in its own storage, committed with its rows. The runner reads the log from
the lowest position in batches and gives every group the events it has not
seen. It polls, and a command saved in this process wakes it at once.
"""

import logging
import threading
import time
from collections.abc import Callable, Sequence

from ..eventlog import EventLog

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]  # (events done, events in all)


class GroupRunner:
    def __init__(
        self,
        events: EventLog,
        groups: Sequence,
        *,
        batch_size: int = 1000,
        poll_interval: float = 0.5,
        wakeups: Sequence = (),
    ) -> None:
        self.events = events
        self.groups = list(groups)
        self.batch_size = batch_size
        self.poll_interval = poll_interval
        self.topics = frozenset().union(*(g.topics for g in self.groups))
        # Extra ways to be woken, e.g. PostgreSQL LISTEN for other processes' writes.
        self.wakeups = list(wakeups)
        self._reached = 0
        self._changed = threading.Condition()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.last_error: BaseException | None = None

    @property
    def reached(self) -> int:
        """The position every group has reached."""
        return self._reached

    def run_once(self, limit: int | None = None) -> int:
        """Project one batch; return how many notifications were read."""
        positions = [g.position() for g in self.groups]
        batch = self.events.read(min(positions), limit or self.batch_size, self.topics)
        for group, position in zip(self.groups, positions, strict=True):
            if position < batch.last:
                wanted = [(p, e) for p, e in batch.events if p > position]
                group.apply(wanted, batch.last)
        self._advance(batch.last)
        return batch.count

    def catch_up(self, progress: Progress | None = None) -> int:
        """Run batches until the log's head (as it was at the start) is reached."""
        head = self.events.head()
        start = done = min(g.position() for g in self.groups)
        while done < head:
            if not self.run_once():
                break
            done = self._reached
            if progress:
                progress(done - start, head - start)
        return done

    def _advance(self, position: int) -> None:
        with self._changed:
            self._reached = max(self._reached, position)
            self._changed.notify_all()

    def wait_for(self, position: int | None, timeout: float) -> bool:
        """Wait until every group has reached ``position``; False on time-out."""
        if position is None:
            return True
        deadline = time.monotonic() + timeout
        with self._changed:
            while self._reached < position:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._changed.wait(remaining)
        return True

    def wake(self, _position: int | None = None) -> None:
        self._wake.set()

    # -- following in a thread ----------------------------------------------

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(
                target=self._follow, name="projections", daemon=True
            )
            self._thread.start()
            for wakeup in self.wakeups:
                wakeup.start(self.wake)

    def stop(self) -> None:
        for wakeup in self.wakeups:
            wakeup.stop()
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None

    def _follow(self) -> None:
        backoff = self.poll_interval
        while not self._stop.is_set():
            self._wake.clear()
            try:
                count = self.run_once()
            except Exception as error:  # keep following: the batch rolled back
                self.last_error = error
                log.exception("projection batch failed; retrying in %.1fs", backoff)
                self._stop.wait(backoff)
                backoff = min(backoff * 2, 30.0)
                continue
            backoff = self.poll_interval
            if count < self.batch_size:
                self._wake.wait(self.poll_interval)
