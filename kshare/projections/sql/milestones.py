"""Milestone timelines and celebrations, from the mentees' development plans."""

import sqlalchemy as sa

from ...domain.growth import DevelopmentPlan
from .projector import SqlProjector, when
from .rows import Rows


def _development_plans(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("pairing_id", sa.String(36), nullable=False),
        sa.Column("cohort_id", sa.String(36), nullable=False),
        sa.Column("mentee_id", sa.String(36), nullable=False),
        sa.Column("started_on", sa.String(10), nullable=False),
    )


def _goals(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("plan_id", sa.String(36), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("competency", sa.String(40), nullable=False),
        when("set_at", nullable=False),
    )


def _milestones(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("goal_id", sa.String(36), nullable=False),
        sa.Column("plan_id", sa.String(36), nullable=False),
        sa.Column("cohort_id", sa.String(36), nullable=False),
        sa.Column("mentee_id", sa.String(36), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("due_on", sa.String(10), nullable=False),
        sa.Column("reached_on", sa.String(10)),
        sa.Column("evidence", sa.JSON),
        sa.Column("celebration", sa.Text),
        sa.Column("celebrated_by", sa.String(36)),
        when("celebrated_at"),
        sa.Index(f"ix_{name}_mentee", "mentee_id"),
        sa.Index(f"ix_{name}_cohort", "cohort_id"),
        sa.Index(f"ix_{name}_celebrated", "celebrated_at"),
    )


class SqlMilestones(SqlProjector):
    name = "milestones"
    area = "program"
    tables = {
        "development_plans": _development_plans,
        "goals": _goals,
        "milestones": _milestones,
    }
    events = (
        DevelopmentPlan.PlanStarted,
        DevelopmentPlan.GoalSet,
        DevelopmentPlan.MilestonePlanned,
        DevelopmentPlan.MilestoneReached,
        DevelopmentPlan.MilestoneCelebrated,
    )

    def apply(self, conn: sa.Connection, tables: dict[str, sa.Table], events) -> None:
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
