"""API tokens: bearer credentials for the JSON API, stored only as a digest."""

from uuid import UUID

from eventsourcing.domain import event

from . import text
from .aggregate import KAggregate
from .errors import Invalid
from .ids import api_token_id


class ApiToken(KAggregate):
    """A token's id is derived from its SHA-256 digest, so a token finds itself."""

    @staticmethod
    def create_id(digest: str) -> UUID:
        return api_token_id(digest)

    @classmethod
    def issue(
        cls, *, digest: str, participant_id: UUID, label: str, actor_id: UUID
    ) -> "ApiToken":
        return cls(
            digest=digest,
            participant_id=participant_id,
            label=text.optional(label, "Label", maximum=80),
            actor_id=actor_id,
        )

    @event("TokenIssued")
    def __init__(
        self, *, digest: str, participant_id: UUID, label: str, actor_id: UUID
    ) -> None:
        self.participant_id = participant_id
        self.label = label
        self.revoked = False

    def revoke(self, *, actor_id: UUID) -> None:
        if self.revoked:
            raise Invalid("This token is already revoked.")
        self._revoked(actor_id=actor_id)

    @event("TokenRevoked")
    def _revoked(self, *, actor_id: UUID) -> None:
        self.revoked = True
