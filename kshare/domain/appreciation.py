"""Appreciation: a participant thanks the author of a published post, once."""

from uuid import UUID

from eventsourcing.domain import event

from .aggregate import KAggregate
from .ids import appreciation_id


class Appreciation(KAggregate):
    """One participant's appreciation of one post; its id makes it unique."""

    @staticmethod
    def create_id(post_id: UUID, participant_id: UUID) -> UUID:
        return appreciation_id(post_id, participant_id)

    @event("PostAppreciated")
    def __init__(
        self, *, post_id: UUID, participant_id: UUID, author_id: UUID, actor_id: UUID
    ) -> None:
        self.post_id = post_id
        self.participant_id = participant_id
        self.author_id = author_id
