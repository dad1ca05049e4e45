"""Matching drafts: a proposed assignment a coordinator reviews, then approves."""

from uuid import UUID, uuid4

from eventsourcing.domain import event

from .aggregate import KAggregate
from .errors import Invalid

DRAFT, APPROVED, DISCARDED = "draft", "approved", "discarded"


class MatchingDraft(KAggregate):
    """Mentee -> mentor pairs for one cohort, each with the reasons of its score."""

    @staticmethod
    def create_id() -> UUID:
        return uuid4()

    @classmethod
    def save(
        cls, *, cohort_id: UUID, pairs: list[dict], rotating: bool, actor_id: UUID
    ) -> "MatchingDraft":
        if not pairs:
            raise Invalid(
                "Nobody to match: every mentee is paired or no mentor has room."
            )
        mentees = [p["mentee_id"] for p in pairs]
        if len(set(mentees)) != len(mentees):
            raise Invalid("A draft pairs each mentee once.")
        return cls(
            cohort_id=cohort_id, pairs=pairs, rotating=rotating, actor_id=actor_id
        )

    @event("DraftSaved")
    def __init__(
        self, *, cohort_id: UUID, pairs: list[dict], rotating: bool, actor_id: UUID
    ) -> None:
        self.cohort_id = cohort_id
        self.pairs = pairs
        self.status = DRAFT

    def approve(self, *, outcomes: list[dict], actor_id: UUID) -> None:
        if self.status != DRAFT:
            raise Invalid(f"This draft is already {self.status}.")
        self._approved(outcomes=outcomes, actor_id=actor_id)

    @event("DraftApproved")
    def _approved(self, *, outcomes: list[dict], actor_id: UUID) -> None:
        self.status = APPROVED

    def discard(self, *, actor_id: UUID) -> None:
        if self.status != DRAFT:
            raise Invalid(f"This draft is already {self.status}.")
        self._discarded(actor_id=actor_id)

    @event("DraftDiscarded")
    def _discarded(self, *, actor_id: UUID) -> None:
        self.status = DISCARDED
