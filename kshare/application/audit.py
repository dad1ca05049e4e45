"""Audit commands: sealing the log and recording exports.

These are the only commands an auditor may give. Sealing continues the
hash chain from the last seal, so it reads only the events since then,
with their digests, from the log it is given (``kshare.eventlog``).
"""

from collections.abc import Callable, Iterable
from typing import Protocol
from uuid import UUID

from ..domain.errors import Invalid, NotAllowed
from ..domain.exports import LogExport
from ..domain.ids import OPERATOR
from ..domain.seals import SealChain, chained
from .base import Base, Receipt


class Stored(Protocol):
    position: int
    topic: str


class Digests(Protocol):
    def digests(self, after: int) -> Iterable[tuple[Stored, bytes | None]]:
        """Each stored event after ``after`` with its digest (None: unreadable)."""


Progress = Callable[[int], None]  # advance by n events
SEAL_RACE = "Someone else sealed the log at the same moment; try again."


class AuditCommands(Base):
    def seal_log(
        self, *, actor_id: UUID, log: Digests, progress: Progress | None = None
    ) -> Receipt:
        """Seal ``log`` up to its head; position None when nothing was new."""
        self._auditing(actor_id, "seal the log")
        chain = self._seal_chain(actor_id)
        digest, count, last, new = bytes.fromhex(chain.digest), chain.events, 0, False
        for stored, found in log.digests(chain.position):
            if found is None:
                raise Invalid(
                    f"The event at position {stored.position} cannot be read; "
                    "run `kshare audit verify`."
                )
            digest, count, last = chained(digest, found), count + 1, stored.position
            new = new or not stored.topic.startswith(SEAL_TOPICS)
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
