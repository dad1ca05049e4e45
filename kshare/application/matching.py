"""Commands of matching drafts: save a proposed assignment, approve or discard it."""

from uuid import UUID

from ..domain.cohorts import Enrollment, enrollment_id
from ..domain.errors import DomainError, Invalid
from ..domain.matching import MatchingDraft
from .base import RACE, Base, Receipt


class MatchingCommands(Base):
    def save_matching_draft(
        self,
        *,
        actor_id: UUID,
        cohort_id: UUID,
        pairs: list[dict],
        rotating: bool = False,
    ) -> Receipt:
        """Keep a proposed assignment (mentee, mentor, score, reasons) for review."""
        self._coordinator(actor_id, "draft a matching")
        draft = MatchingDraft.save(
            cohort_id=cohort_id,
            pairs=[_pair(p) for p in pairs],
            rotating=rotating,
            actor_id=actor_id,
        )
        return Receipt(draft.id, self._save(draft, conflict=RACE))

    def approve_matching_draft(self, *, actor_id: UUID, draft_id: UUID) -> Receipt:
        """Propose every pairing of a draft; each one still meets every rule.

        A pair that no longer can be proposed (a mentor filled up, or the
        mentee was paired meanwhile) is recorded with the reason, and the
        others go ahead.
        """
        self._coordinator(actor_id, "approve a matching")
        draft = self._get(draft_id, MatchingDraft, "matching draft")
        outcomes = []
        for pair in draft.pairs:
            members = {
                UUID(pair["mentor_id"]): "mentor",
                UUID(pair["mentee_id"]): "mentee",
            }
            try:
                self._still_unpaired(draft.cohort_id, UUID(pair["mentee_id"]))
                receipt = self.propose_pairing(
                    actor_id=actor_id,
                    cohort_id=draft.cohort_id,
                    format="one-on-one",
                    members=members,
                )
            except DomainError as error:
                outcomes.append({**pair, "pairing_id": "", "problem": error.message})
            else:
                outcomes.append({**pair, "pairing_id": str(receipt.id), "problem": ""})
        draft.approve(outcomes=outcomes, actor_id=actor_id)
        return Receipt(draft.id, self._save(draft, conflict=RACE))

    def _still_unpaired(self, cohort_id: UUID, mentee_id: UUID) -> None:
        enrollment = self._get(
            enrollment_id(cohort_id, mentee_id),
            Enrollment,
            "enrollment",
            to_change=False,
        )
        if enrollment.paired_as_mentee:
            raise Invalid("This mentee was paired meanwhile.")

    def discard_matching_draft(self, *, actor_id: UUID, draft_id: UUID) -> Receipt:
        self._coordinator(actor_id, "discard a matching")
        draft = self._get(draft_id, MatchingDraft, "matching draft")
        draft.discard(actor_id=actor_id)
        return Receipt(draft.id, self._save(draft, conflict=RACE))


def _pair(pair: dict) -> dict:
    return {
        "mentee_id": str(pair["mentee_id"]),
        "mentor_id": str(pair["mentor_id"]),
        "score": round(float(pair.get("score", 0.0)), 2),
        "reasons": [str(r) for r in pair.get("reasons", ())],
    }
