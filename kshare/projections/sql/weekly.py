"""Lesson of the week: the featured lesson of each ISO week."""

from sqlalchemy import Column, Connection, MetaData, String, Table, Text

from ...domain.weekly import WeeklyFeature
from .projector import SqlProjector, when


def _weekly_features(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("week", String(8), primary_key=True),
        Column("post_id", String(36), nullable=False),
        Column("note", Text, nullable=False),
        Column("actor_id", String(36), nullable=False),
        when("featured_at", nullable=False),
    )


class SqlWeeklyFeatures(SqlProjector):
    name = "weekly"
    area = "library"
    tables = {"weekly_features": _weekly_features}
    events = (WeeklyFeature.LessonFeatured,)

    def apply(self, conn: Connection, tables: dict[str, Table], events) -> None:
        rows = [
            {
                "week": e.week,
                "post_id": str(e.post_id),
                "note": e.note,
                "actor_id": str(e.actor_id),
                "featured_at": e.timestamp,
            }
            for _, e in events
        ]
        if rows:
            conn.execute(tables["weekly_features"].insert(), rows)
