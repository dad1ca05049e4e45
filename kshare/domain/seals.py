"""Seals: a tamper-evident SHA-256 hash chain over the event log.

Every stored event has a digest of its position, aggregate id, version,
topic and stored state (as the transcoder wrote it, before compression
and encryption, so seals verify whatever the cipher). The chain folds the
digests in log order: ``chain = sha256(previous chain + digest)``, from 32
zero bytes. A seal records a position and the chain's value there; it is
itself an event, so the next seal covers it too.
"""

from hashlib import sha256
from uuid import UUID

from eventsourcing.domain import event

from .aggregate import KAggregate
from .errors import Invalid
from .ids import natural_id

GENESIS = bytes(32)


def event_digest(
    position: int, originator_id: UUID, version: int, topic: str, state: bytes
) -> bytes:
    head = f"{position}\x1f{originator_id}\x1f{version}\x1f{topic}\x1f".encode()
    return sha256(head + state).digest()


def chained(previous: bytes, digest: bytes) -> bytes:
    return sha256(previous + digest).digest()


class SealChain(KAggregate):
    """The one chain of seals; two sealers at once conflict in the store."""

    @staticmethod
    def create_id() -> UUID:
        return natural_id("seal-chain")

    @event("Begun")
    def __init__(self, *, actor_id: UUID) -> None:
        self.position = 0
        self.digest = GENESIS.hex()
        self.events = 0

    def seal(self, *, position: int, digest: str, events: int, actor_id: UUID) -> None:
        if position <= self.position:
            raise Invalid(f"The log is already sealed up to position {self.position}.")
        self._sealed(position=position, digest=digest, events=events, actor_id=actor_id)

    @event("Sealed")
    def _sealed(
        self, *, position: int, digest: str, events: int, actor_id: UUID
    ) -> None:
        self.position = position
        self.digest = digest
        self.events = events
