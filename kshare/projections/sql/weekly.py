"""Lesson of the week: the featured lesson of each ISO week."""

import sqlalchemy as sa

from ...domain.weekly import WeeklyFeature
from .projector import SqlProjector, when


def _weekly_features(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("week", sa.String(8), primary_key=True),
        sa.Column("post_id", sa.String(36), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("actor_id", sa.String(36), nullable=False),
        when("featured_at", nullable=False),
    )


class SqlWeeklyFeatures(SqlProjector):
    name = "weekly"
    area = "library"
    tables = {"weekly_features": _weekly_features}
    events = (WeeklyFeature.LessonFeatured,)

    def apply(self, conn: sa.Connection, tables: dict[str, sa.Table], events) -> None:
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
