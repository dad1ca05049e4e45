"""Matching drafts as coordinators review them."""

import sqlalchemy as sa

from ...domain.matching import APPROVED, DISCARDED, DRAFT, MatchingDraft
from .projector import SqlProjector, when
from .rows import Rows


def _matching_drafts(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("cohort_id", sa.String(36), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("rotating", sa.Boolean, nullable=False),
        sa.Column("pairs", sa.JSON, nullable=False),
        sa.Column("outcomes", sa.JSON),
        when("saved_at", nullable=False),
        sa.Index(f"ix_{name}_cohort", "cohort_id"),
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

    def apply(self, conn: sa.Connection, tables: dict[str, sa.Table], events) -> None:
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
