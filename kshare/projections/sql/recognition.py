"""Peer recognition (append-only)."""

import sqlalchemy as sa

from ...domain.feedback import Recognition
from .projector import SqlProjector, when


def _recognitions(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("giver_id", sa.String(36), nullable=False),
        sa.Column("receiver_id", sa.String(36), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        when("at", nullable=False),
        sa.Index(f"ix_{name}_receiver", "receiver_id"),
    )


class SqlRecognition(SqlProjector):
    name = "recognition"
    area = "program"
    tables = {"recognitions": _recognitions}
    events = (Recognition.RecognitionGiven,)

    def apply(self, conn: sa.Connection, tables: dict[str, sa.Table], events) -> None:
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
