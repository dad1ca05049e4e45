"""Lesson of the week: the lesson chosen for a week, or else the automatic pick."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from ...domain.posts import LESSON, PUBLISHED
from .post_queries import PostSummary, post_summary, summary_columns, with_authors
from .reader import SqlReader

PICK_WINDOW_DAYS = 28


@dataclass(frozen=True)
class WeeklyLesson:
    week: str
    post: PostSummary
    note: str
    chosen: bool  # False: the automatic pick for a week nobody chose a lesson for


class SqlWeeklyQueries(SqlReader):
    def lesson_of_the_week(self, week: str) -> WeeklyLesson | None:
        """The lesson chosen for ``week``, else the automatic pick (see docs)."""
        chosen = self._featured(self.t["weekly_features"].c.week == week, limit=1)
        return chosen[0] if chosen else self._pick(week)

    def weekly_archive(self, before_week: str, limit: int = 52) -> list[WeeklyLesson]:
        """Chosen lessons of the weeks before ``before_week``, newest first."""
        return self._featured(self.t["weekly_features"].c.week < before_week, limit)

    def weekly_feed(self, week: str, limit: int = 52) -> list[WeeklyLesson]:
        """This week's lesson (chosen or picked), then the archive."""
        current = self.lesson_of_the_week(week)
        return ([current] if current else []) + self.weekly_archive(week, limit)

    def _featured(self, condition, limit: int) -> list[WeeklyLesson]:
        weekly = self.t["weekly_features"]
        w, p = weekly.c, self.t["posts"].c
        statement = (
            with_authors(self.t, *summary_columns(self.t), w.week, w.note)
            .join(weekly, w.post_id == p.id)
            .where(condition)
            .order_by(w.week.desc())
            .limit(limit)
        )
        return [
            WeeklyLesson(row.week, post_summary(row), row.note, True)
            for row in self._rows(statement)
        ]

    def _pick(self, week: str) -> WeeklyLesson | None:
        p = self.t["posts"].c
        monday = date.fromisocalendar(int(week[:4]), int(week[6:]), 1)
        start = datetime(monday.year, monday.month, monday.day, tzinfo=UTC)
        never_featured = p.id.not_in(select(self.t["weekly_features"].c.post_id))
        base = (
            with_authors(self.t, *summary_columns(self.t))
            .where(
                p.kind == LESSON,
                p.status == PUBLISHED,
                never_featured,
                p.listed_at < start + timedelta(days=7),  # published_at, indexed
            )
            .order_by(p.appreciation_count.desc(), p.listed_at.desc(), p.id)
            .limit(1)
        )
        recent = base.where(p.listed_at >= start - timedelta(days=PICK_WINDOW_DAYS))
        rows = self._rows(recent) or self._rows(base)
        if not rows:
            return None
        return WeeklyLesson(week, post_summary(rows[0]), "", False)
