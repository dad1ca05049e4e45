"""Matching drafts as coordinators review them."""

from sqlalchemy import Connection, Table

from ...domain.matching import APPROVED, DISCARDED, DRAFT, MatchingDraft
from .rows import Rows


class SqlMatchingDrafts:
    name = "matching"
    events = (
        MatchingDraft.DraftSaved,
        MatchingDraft.DraftApproved,
        MatchingDraft.DraftDiscarded,
    )

    def apply(self, conn: Connection, tables: dict[str, Table], events) -> None:
        drafts = Rows(conn, tables["matching_drafts"])
        drafts.load(str(e.originator_id) for _, e in events)
        for _, e in events:
            if isinstance(e, MatchingDraft.DraftSaved):
                drafts.add(
                    {
                        "id": str(e.originator_id),
                        "cohort_id": str(e.cohort_id),
                        "status": DRAFT,
                        "rotating": e.rotating,
                        "pairs": e.pairs,
                        "outcomes": None,
                        "saved_at": e.timestamp,
                    }
                )
            elif isinstance(e, MatchingDraft.DraftApproved):
                drafts.get(str(e.originator_id)).update(
                    status=APPROVED, outcomes=e.outcomes
                )
            else:
                drafts.get(str(e.originator_id))["status"] = DISCARDED
        drafts.flush()
