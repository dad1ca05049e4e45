"""The event index: who did what to which aggregate, and when, for every event.

The auditors' log browser filters on it (type, aggregate, actor, date) and
reads the payloads themselves from the log; "as of" finds the last
position at or before a moment with it.
"""

from sqlalchemy import Column, Connection, Index, Integer, MetaData, String, Table

from ...domain.events import event_classes, event_name
from .projector import SqlProjector, when


def _audit_events(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("position", Integer, primary_key=True, autoincrement=False),
        Column("event_type", String(80), nullable=False),
        Column("aggregate_type", String(40), nullable=False),
        Column("aggregate_id", String(36), nullable=False),
        Column("version", Integer, nullable=False),
        Column("actor_id", String(36)),
        when("occurred_at", nullable=False),
        Index(f"ix_{name}_aggregate", "aggregate_id", "position"),
        Index(f"ix_{name}_actor", "actor_id", "position"),
        Index(f"ix_{name}_type", "event_type", "position"),
        Index(f"ix_{name}_time", "occurred_at"),
    )


class SqlEventIndex(SqlProjector):
    name = "event_index"
    area = "audit"
    tables = {"audit_events": _audit_events}
    events = tuple(event_classes())

    def apply(self, conn: Connection, tables: dict[str, Table], events) -> None:
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
