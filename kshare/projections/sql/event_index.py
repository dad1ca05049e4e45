"""The event index: who did what to which aggregate, and when, for every event.

The auditors' log browser filters on it (type, aggregate, actor, date) and
reads the payloads themselves from the log; "as of" finds the last
position at or before a moment with it.
"""

from sqlalchemy import Connection, Table

from ...domain.events import event_classes, event_name


class SqlEventIndex:
    name = "event_index"
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
