"""Peer recognition (append-only)."""

from sqlalchemy import Column, Connection, Index, MetaData, String, Table, Text

from ...domain.feedback import Recognition
from .projector import SqlProjector, when


def _recognitions(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("giver_id", String(36), nullable=False),
        Column("receiver_id", String(36), nullable=False),
        Column("message", Text, nullable=False),
        when("at", nullable=False),
        Index(f"ix_{name}_receiver", "receiver_id"),
    )


class SqlRecognition(SqlProjector):
    name = "recognition"
    area = "program"
    tables = {"recognitions": _recognitions}
    events = (Recognition.RecognitionGiven,)

    def apply(self, conn: Connection, tables: dict[str, Table], events) -> None:
        rows = [
            {
                "id": str(e.originator_id),
                "giver_id": str(e.giver_id),
                "receiver_id": str(e.receiver_id),
                "message": e.message,
                "at": e.timestamp,
            }
            for _, e in events
        ]
        conn.execute(tables["recognitions"].insert(), rows)
