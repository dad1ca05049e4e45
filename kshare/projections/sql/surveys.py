"""Survey answers (append-only; read only in aggregate)."""

from sqlalchemy import Column, Connection, Index, Integer, MetaData, String, Table, Text

from ...domain.feedback import SurveyResponse
from .projector import SqlProjector, when


def _survey_responses(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("cohort_id", String(36), nullable=False),
        Column("occasion", String(60), nullable=False),
        Column("participant_id", String(36), nullable=False),
        Column("sentiment", Integer, nullable=False),
        Column("value", Integer, nullable=False),
        Column("comment", Text, nullable=False),
        when("at", nullable=False),
        Index(f"ix_{name}_occasion", "cohort_id", "occasion"),
    )


class SqlSurveys(SqlProjector):
    name = "surveys"
    area = "program"
    tables = {"survey_responses": _survey_responses}
    events = (SurveyResponse.SurveyAnswered,)

    def apply(self, conn: Connection, tables: dict[str, Table], events) -> None:
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
