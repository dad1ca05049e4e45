"""Milestone timelines (per person, per cohort) and the celebrations feed."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from .engine import SqlEngines
from .queries import utc
from .readmodels import SqlReadModels


@dataclass(frozen=True)
class Milestone:
    id: str
    mentee_handle: str
    mentee_name: str
    goal: str
    competency: str
    title: str
    due_on: str
    reached_on: str | None
    evidence: dict | None
    celebration: str | None
    status: str  # reached, overdue or due (as of the day asked about)

    @property
    def on(self) -> str:
        """The day the timeline places it: when reached, else when due."""
        return self.reached_on or self.due_on


@dataclass(frozen=True)
class Celebration:
    milestone: str
    goal: str
    mentee_handle: str
    mentee_name: str
    message: str
    celebrated_at: datetime


class SqlGrowthQueries:
    def __init__(self, engines: SqlEngines, models: SqlReadModels) -> None:
        self.engine = engines.reader
        self.t = models.tables

    def _rows(self, statement) -> list:
        with self.engine.connect() as conn:
            return conn.execute(statement).all()

    def timeline_of_person(self, mentee_id: str, today: date) -> list[Milestone]:
        return self._timeline(self.t["milestones"].c.mentee_id == str(mentee_id), today)

    def timeline_of_cohort(self, cohort_id: str, today: date) -> list[Milestone]:
        return self._timeline(self.t["milestones"].c.cohort_id == str(cohort_id), today)

    def _timeline(self, condition, today: date) -> list[Milestone]:
        m, g, who = self.t["milestones"], self.t["goals"], self.t["participants"]
        on = func.coalesce(m.c.reached_on, m.c.due_on)
        rows = self._rows(
            select(
                m.c.id,
                who.c.handle,
                who.c.display_name,
                g.c.title,
                g.c.competency,
                m.c.title,
                m.c.due_on,
                m.c.reached_on,
                m.c.evidence,
                m.c.celebration,
            )
            .select_from(
                m.join(g, g.c.id == m.c.goal_id).join(who, who.c.id == m.c.mentee_id)
            )
            .where(condition)
            .order_by(on, m.c.id)
        )
        return [
            Milestone(*row, status=_status(row.reached_on, row.due_on, today))
            for row in rows
        ]

    def celebrations(self, limit: int = 20) -> list[Celebration]:
        """Celebrated milestones, newest first."""
        m, g, who = self.t["milestones"], self.t["goals"], self.t["participants"]
        rows = self._rows(
            select(
                m.c.title,
                g.c.title,
                who.c.handle,
                who.c.display_name,
                m.c.celebration,
                m.c.celebrated_at,
            )
            .select_from(
                m.join(g, g.c.id == m.c.goal_id).join(who, who.c.id == m.c.mentee_id)
            )
            .where(m.c.celebrated_at.is_not(None))
            .order_by(m.c.celebrated_at.desc(), m.c.id)
            .limit(limit)
        )
        return [Celebration(*row[:5], utc(row[5])) for row in rows]


def _status(reached_on: str | None, due_on: str, today: date) -> str:
    if reached_on:
        return "reached"
    return "overdue" if due_on < today.isoformat() else "due"
