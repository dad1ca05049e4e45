"""A record that someone exported the log: exports are part of the history."""

from uuid import UUID, uuid4

from eventsourcing.domain import event

from .aggregate import KAggregate


class LogExport(KAggregate):
    @staticmethod
    def create_id() -> UUID:
        return uuid4()

    @event("Exported")
    def __init__(self, *, position: int, complete: bool, actor_id: UUID) -> None:
        self.position = position
        self.complete = complete
