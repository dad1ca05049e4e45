"""Survey answers (append-only; read only in aggregate)."""

import sqlalchemy as sa

from ...domain.feedback import SurveyResponse
from .projector import SqlProjector, when


def _survey_responses(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("cohort_id", sa.String(36), nullable=False),
        sa.Column("occasion", sa.String(60), nullable=False),
        sa.Column("participant_id", sa.String(36), nullable=False),
        sa.Column("sentiment", sa.Integer, nullable=False),
        sa.Column("value", sa.Integer, nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        when("at", nullable=False),
        sa.Index(f"ix_{name}_occasion", "cohort_id", "occasion"),
    )


class SqlSurveys(SqlProjector):
    name = "surveys"
    area = "program"
    tables = {"survey_responses": _survey_responses}
    events = (SurveyResponse.SurveyAnswered,)

    def apply(self, conn: sa.Connection, tables: dict[str, sa.Table], events) -> None:
        rows = [
            {
                "id": str(e.originator_id),
                "cohort_id": str(e.cohort_id),
                "occasion": e.occasion,
                "participant_id": str(e.participant_id),
                "sentiment": e.sentiment,
                "value": e.value,
                "comment": e.comment,
                "at": e.timestamp,
            }
            for _, e in events
        ]
        conn.execute(tables["survey_responses"].insert(), rows)
