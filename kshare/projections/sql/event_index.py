"""The event index: who did what to which aggregate, and when, for every event.

The auditors' log browser filters on it (type, aggregate, actor, date) and
reads the payloads themselves from the log; "as of" finds the last
position at or before a moment with it.
"""

import sqlalchemy as sa

from ...domain.events import event_classes, event_name
from .projector import SqlProjector, when


def _audit_events(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("event_type", sa.String(80), nullable=False),
        sa.Column("aggregate_type", sa.String(40), nullable=False),
        sa.Column("aggregate_id", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("actor_id", sa.String(36)),
        when("occurred_at", nullable=False),
        sa.Index(f"ix_{name}_aggregate", "aggregate_id", "position"),
        sa.Index(f"ix_{name}_actor", "actor_id", "position"),
        sa.Index(f"ix_{name}_type", "event_type", "position"),
        sa.Index(f"ix_{name}_time", "occurred_at"),
    )


class SqlEventIndex(SqlProjector):
    name = "event_index"
    area = "audit"
    tables = {"audit_events": _audit_events}
    events = tuple(event_classes())

    def apply(self, conn: sa.Connection, tables: dict[str, sa.Table], events) -> None:
        rows = [_row(position, e) for position, e in events]
        if rows:
            conn.execute(tables["audit_events"].insert(), rows)


def _row(position: int, e) -> dict:
    name = event_name(type(e))
    return {
        "position": position,
        "event_type": name,
        "aggregate_type": name.split(".", 1)[0],
        "aggregate_id": str(e.originator_id),
        "version": e.originator_version,
        # Every event records its actor; upcasters fill it in older ones.
        "actor_id": str(e.actor_id),
        "occurred_at": e.timestamp,
    }
