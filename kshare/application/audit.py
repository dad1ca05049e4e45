"""Audit commands: sealing the log and recording exports.

These are the only commands an auditor may give. Sealing continues the
hash chain from the last seal, so it reads only the events since then.
"""

import logging
import threading
from collections.abc import Callable, Iterator
from uuid import UUID

from eventsourcing.persistence import ApplicationRecorder, Mapper, Notification

from ..domain.errors import Invalid, NotAllowed
from ..domain.exports import LogExport
from ..domain.ids import OPERATOR
from ..domain.seals import SealChain, chained, event_digest
from .base import Base, Receipt

log = logging.getLogger(__name__)
Progress = Callable[[int], None]  # advance by n events
BATCH = 2000
SEAL_RACE = "Someone else sealed the log at the same moment; try again."


class AuditCommands(Base):
    def seal_log(self, *, actor_id: UUID, progress: Progress | None = None) -> Receipt:
        """Seal the log up to its head; position None when nothing was new."""
        self._auditing(actor_id, "seal the log")
        chain = self._seal_chain(actor_id)
        digest, count, last, new = bytes.fromhex(chain.digest), chain.events, 0, False
        for notification, event in digests(self.recorder, self.mapper, chain.position):
            if event is None:
                raise Invalid(
                    f"The event at position {notification.id} cannot be read; "
                    "run `kshare audit verify`."
                )
            digest, count, last = chained(digest, event), count + 1, notification.id
            new = new or not notification.topic.startswith(SEAL_TOPICS)
            if progress:
                progress(1)
        if not new:
            return Receipt(chain.id, None)
        chain.seal(position=last, digest=digest.hex(), events=count, actor_id=actor_id)
        return Receipt(chain.id, self._save(chain, conflict=SEAL_RACE))

    def record_export(
        self, *, actor_id: UUID, position: int, complete: bool
    ) -> Receipt:
        """Note in the log that someone exported it up to ``position``."""
        self._auditing(actor_id, "export the log")
        export = LogExport(position=position, complete=complete, actor_id=actor_id)
        return Receipt(export.id, self._save(export, conflict=SEAL_RACE))

    def seal_chain(self) -> SealChain | None:
        """The chain as of its last seal (None before the first)."""
        chain_id = SealChain.create_id()
        if chain_id not in self.repository:
            return None
        return self._get(chain_id, SealChain, "seal chain", to_change=False)

    def sealed_upto(self) -> int:
        chain = self.seal_chain()
        return chain.position if chain else 0

    def _auditing(self, actor_id: UUID, doing: str) -> None:
        if actor_id == OPERATOR:
            return
        actor = self._signed_in(actor_id)
        if not (actor.is_auditor or actor.is_coordinator):
            raise NotAllowed(f"Only an auditor or a coordinator may {doing}.")

    def _seal_chain(self, actor_id: UUID) -> SealChain:
        chain_id = SealChain.create_id()
        if chain_id in self.repository:
            return self._get(chain_id, SealChain, "seal chain")
        return SealChain(actor_id=actor_id)


SEAL_TOPICS = (f"{SealChain.__module__}:{SealChain.__qualname__}.",)


def plain_state(mapper: Mapper, state: bytes) -> bytes:
    """A stored state as the transcoder wrote it: decrypted and decompressed."""
    if mapper.cipher:
        state = mapper.cipher.decrypt(state)
    if mapper.compressor:
        state = mapper.compressor.decompress(state)
    return state


def digests(
    recorder: ApplicationRecorder,
    mapper: Mapper,
    after: int,
    upto: int | None = None,
) -> Iterator[tuple[Notification, bytes | None]]:
    """Each stored event after ``after`` with its digest (None if unreadable)."""
    while True:
        batch = recorder.select_notifications(
            start=after, limit=BATCH, stop=upto, inclusive_of_start=False
        )
        for n in batch:
            yield n, _digest(mapper, n)
        if len(batch) < BATCH:
            return
        after = batch[-1].id


def _digest(mapper: Mapper, n: Notification) -> bytes | None:
    try:
        state = plain_state(mapper, n.state)
        return event_digest(n.id, n.originator_id, n.originator_version, n.topic, state)
    except Exception:  # a changed ciphertext fails its authentication, and so on
        return None


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
