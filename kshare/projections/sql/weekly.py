"""Lesson of the week: the featured lesson of each ISO week."""

from sqlalchemy import Connection, Table

from ...domain.weekly import WeeklyFeature


class SqlWeeklyFeatures:
    name = "weekly"
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
