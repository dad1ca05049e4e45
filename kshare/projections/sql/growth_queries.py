"""Milestone timelines (per person, per cohort) and the celebrations feed."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from .reader import SqlReader, utc


@dataclass(frozen=True)
class Milestone:
    id: str
    pairing_id: str
    goal_id: str
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
class Goal:
    id: str
    title: str
    competency: str


@dataclass(frozen=True)
class Celebration:
    milestone_id: str
    milestone: str
    goal: str
    mentee_handle: str
    mentee_name: str
    message: str
    celebrated_at: datetime


class SqlGrowthQueries(SqlReader):
    def timeline_of_person(self, mentee_id: str, today: date) -> list[Milestone]:
        return self._timeline(self.t["milestones"].c.mentee_id == str(mentee_id), today)

    def plan(
        self, pairing_id: str, mentee_id: str, today: date
    ) -> tuple[list[Goal], list[Milestone]]:
        """A mentee's plan in one pairing: its goals and its milestones."""
        plans, g = self.t["development_plans"], self.t["goals"]
        of_plan = select(plans.c.id).where(
            plans.c.pairing_id == str(pairing_id), plans.c.mentee_id == str(mentee_id)
        )
        goals = self._rows(
            select(g.c.id, g.c.title, g.c.competency)
            .where(g.c.plan_id.in_(of_plan))
            .order_by(g.c.set_at, g.c.id)
        )
        milestones = self._timeline(self.t["milestones"].c.plan_id.in_(of_plan), today)
        return [Goal(*row) for row in goals], milestones

    def timeline_of_cohort(self, cohort_id: str, today: date) -> list[Milestone]:
        return self._timeline(self.t["milestones"].c.cohort_id == str(cohort_id), today)

    def _timeline(self, condition, today: date) -> list[Milestone]:
        m, g, who = self.t["milestones"], self.t["goals"], self.t["participants"]
        plans = self.t["development_plans"]
        on = func.coalesce(m.c.reached_on, m.c.due_on)
        rows = self._rows(
            select(
                m.c.id,
                plans.c.pairing_id,
                m.c.goal_id,
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
                m.join(g, g.c.id == m.c.goal_id)
                .join(who, who.c.id == m.c.mentee_id)
                .join(plans, plans.c.id == m.c.plan_id)
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
                m.c.id,
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
        return [Celebration(*row[:6], utc(row[6])) for row in rows]


def _status(reached_on: str | None, due_on: str, today: date) -> str:
    if reached_on:
        return "reached"
    return "overdue" if due_on < today.isoformat() else "due"
