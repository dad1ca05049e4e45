"""Milestone timelines and celebrations, from the mentees' development plans."""

from sqlalchemy import Connection, Table

from ...domain.growth import DevelopmentPlan
from .rows import Rows


class SqlMilestones:
    name = "milestones"
    events = (
        DevelopmentPlan.PlanStarted,
        DevelopmentPlan.GoalSet,
        DevelopmentPlan.MilestonePlanned,
        DevelopmentPlan.MilestoneReached,
        DevelopmentPlan.MilestoneCelebrated,
    )

    def apply(self, conn: Connection, tables: dict[str, Table], events) -> None:
        plans = Rows(conn, tables["development_plans"])
        milestones = Rows(conn, tables["milestones"])
        plans.load(str(e.originator_id) for _, e in events)
        milestones.load(e.milestone_id for _, e in events if hasattr(e, "milestone_id"))
        goals = []
        for _, e in events:
            if isinstance(e, DevelopmentPlan.PlanStarted):
                plans.add(_started(e))
            elif isinstance(e, DevelopmentPlan.GoalSet):
                goals.append(_goal(e))
            elif isinstance(e, DevelopmentPlan.MilestonePlanned):
                milestones.add(_planned(e, plans.rows[str(e.originator_id)]))
            elif isinstance(e, DevelopmentPlan.MilestoneReached):
                row = milestones.get(e.milestone_id)
                row.update(
                    reached_on=e.timestamp.date().isoformat(), evidence=e.evidence
                )
            else:
                row = milestones.get(e.milestone_id)
                row.update(
                    celebration=e.message,
                    celebrated_by=str(e.actor_id),
                    celebrated_at=e.timestamp,
                )
        plans.flush()
        milestones.flush()
        if goals:
            conn.execute(tables["goals"].insert(), goals)


def _started(e) -> dict:
    return {
        "id": str(e.originator_id),
        "pairing_id": str(e.pairing_id),
        "cohort_id": str(e.cohort_id),
        "mentee_id": str(e.mentee_id),
        "started_on": e.started_on,
    }


def _goal(e) -> dict:
    return {
        "id": e.goal_id,
        "plan_id": str(e.originator_id),
        "title": e.title,
        "competency": e.competency,
        "set_at": e.timestamp,
    }


def _planned(e, plan: dict) -> dict:
    return {
        "id": e.milestone_id,
        "goal_id": e.goal_id,
        "plan_id": plan["id"],
        "cohort_id": plan["cohort_id"],
        "mentee_id": plan["mentee_id"],
        "title": e.title,
        "due_on": e.due_on,
        "reached_on": None,
        "evidence": None,
        "celebration": None,
        "celebrated_by": None,
        "celebrated_at": None,
    }
