"""Matching drafts as coordinators review them."""

from sqlalchemy import JSON, Boolean, Column, Connection, Index, MetaData, String, Table

from ...domain.matching import APPROVED, DISCARDED, DRAFT, MatchingDraft
from .projector import SqlProjector, when
from .rows import Rows


def _matching_drafts(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("cohort_id", String(36), nullable=False),
        Column("status", String(20), nullable=False),
        Column("rotating", Boolean, nullable=False),
        Column("pairs", JSON, nullable=False),
        Column("outcomes", JSON),
        when("saved_at", nullable=False),
        Index(f"ix_{name}_cohort", "cohort_id"),
    )


class SqlMatchingDrafts(SqlProjector):
    name = "matching"
    area = "program"
    tables = {"matching_drafts": _matching_drafts}
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
