"""A view's read models in bulk: headline counts, and every table's rows.

A dump shows the fields the program keeps confidential (see
``kshare.domain.confidential``) as redacted, as the log browser does.
"""

from datetime import UTC, date, datetime

from sqlalchemy import func, select

from ..domain.confidential import REDACTED
from ..domain.posts import LESSON, PUBLISHED, STORY
from ..projections.sql.reader import SqlReader

# The read-model columns that hold confidential event fields.
CONFIDENTIAL_COLUMNS = {
    "private_notes": ("note",),
    "survey_responses": ("sentiment", "value", "comment"),
}


class SqlSnapshot(SqlReader):
    def counts(self) -> dict:
        """How many people, posts, cohorts, pairings, sessions and milestones."""
        t = self.t
        posts, m = t["posts"], t["milestones"]
        published = posts.c.status == PUBLISHED
        count = func.count()
        scalars = {
            "participants": select(count).select_from(t["participants"]),
            "lessons": select(count).where(published, posts.c.kind == LESSON),
            "stories": select(count).where(published, posts.c.kind == STORY),
            "cohorts": select(count).select_from(t["cohorts"]),
            "sessions": select(count).select_from(t["pairing_sessions"]),
            "milestones": select(count).select_from(m),
            "milestones_reached": select(count).where(m.c.reached_on.is_not(None)),
        }
        p = t["pairings"]
        by_status = select(p.c.status, count).group_by(p.c.status)
        with self.engine.connect() as conn:
            found = {name: conn.execute(q).scalar() for name, q in scalars.items()}
            found["pairings"] = dict(sorted(conn.execute(by_status).all()))
        return found

    def tables(self) -> dict[str, list[dict]]:
        """Every read-model table's rows as plain JSON values, in key order."""
        with self.engine.connect() as conn:
            return {
                name: [
                    _plain(name, row._asdict())
                    for row in conn.execute(
                        table.select().order_by(*table.primary_key.columns)
                    )
                ]
                for name, table in sorted(self.t.items())
            }


def _plain(table: str, row: dict) -> dict:
    hidden = CONFIDENTIAL_COLUMNS.get(table, ())
    return {
        key: REDACTED if key in hidden else _json(value) for key, value in row.items()
    }


def _json(value):
    if isinstance(value, datetime):  # SQLite hands back naive UTC datetimes
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    return value.isoformat() if isinstance(value, date) else value
