"""Milestone timelines and celebrations, from the mentees' development plans."""

from sqlalchemy import JSON, Column, Connection, Index, MetaData, String, Table, Text

from ...domain.growth import DevelopmentPlan
from .projector import SqlProjector, when
from .rows import Rows


def _development_plans(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("pairing_id", String(36), nullable=False),
        Column("cohort_id", String(36), nullable=False),
        Column("mentee_id", String(36), nullable=False),
        Column("started_on", String(10), nullable=False),
    )


def _goals(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("plan_id", String(36), nullable=False),
        Column("title", String(200), nullable=False),
        Column("competency", String(40), nullable=False),
        when("set_at", nullable=False),
    )


def _milestones(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("goal_id", String(36), nullable=False),
        Column("plan_id", String(36), nullable=False),
        Column("cohort_id", String(36), nullable=False),
        Column("mentee_id", String(36), nullable=False),
        Column("title", String(200), nullable=False),
        Column("due_on", String(10), nullable=False),
        Column("reached_on", String(10)),
        Column("evidence", JSON),
        Column("celebration", Text),
        Column("celebrated_by", String(36)),
        when("celebrated_at"),
        Index(f"ix_{name}_mentee", "mentee_id"),
        Index(f"ix_{name}_cohort", "cohort_id"),
        Index(f"ix_{name}_celebrated", "celebrated_at"),
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
