"""Cohorts: their stages (each with its time and actor) and who enrolled how."""

import sqlalchemy as sa

from ...domain.cohorts import PLANNED, Cohort, Enrollment
from .projector import SqlProjector, when
from .rows import Rows


def _cohorts(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("program_id", sa.String(36), nullable=False),
        sa.Column("slug", sa.String(30), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("pilot", sa.Boolean, nullable=False),
        sa.Column("stage", sa.String(30), nullable=False),
        sa.Column("starts_on", sa.String(10), nullable=False),
        sa.Column("ends_on", sa.String(10), nullable=False),
        sa.Column("lessons_learned", sa.Text),
        sa.Column("next_direction", sa.Text),
        when("planned_at", nullable=False),
        sa.Index(f"ix_{name}_program", "program_id"),
    )


def _cohort_stages(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("cohort_id", sa.String(36), primary_key=True),
        sa.Column("stage", sa.String(30), primary_key=True),
        sa.Column("actor_id", sa.String(36), nullable=False),
        when("at", nullable=False),
    )


def _enrollments(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("cohort_id", sa.String(36), nullable=False),
        sa.Column("participant_id", sa.String(36), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("capacity", sa.Integer, nullable=False),
        sa.Column("availability", sa.Text, nullable=False),
        sa.Column("goals", sa.Text, nullable=False),
        sa.Column("skill_gaps", sa.JSON, nullable=False),
        sa.Column("interests", sa.JSON, nullable=False),
        sa.Column("expertise", sa.JSON, nullable=False),
        sa.Column("orientation", sa.JSON, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("left_reason", sa.Text),
        when("enrolled_at", nullable=False),
        sa.Index(f"ix_{name}_cohort", "cohort_id"),
        sa.Index(f"ix_{name}_participant", "participant_id"),
    )


class SqlCohorts(SqlProjector):
    name = "cohorts"
    area = "program"
    tables = {
        "cohorts": _cohorts,
        "cohort_stages": _cohort_stages,
        "enrollments": _enrollments,
    }
    events = (
        Cohort.Planned,
        Cohort.StageChanged,
        Cohort.Closed,
        Enrollment.Enrolled,
        Enrollment.OrientationStepDone,
        Enrollment.Left,
    )

    def apply(self, conn: sa.Connection, tables: dict[str, sa.Table], events) -> None:
        cohorts = Rows(conn, tables["cohorts"])
        enrollments = Rows(conn, tables["enrollments"])
        cohorts.load(str(e.originator_id) for _, e in events if _is_cohort(e))
        enrollments.load(
            str(e.originator_id) for _, e in events if _is_enrollment_change(e)
        )
        stages = []
        for _, e in events:
            if isinstance(e, Cohort.Planned):
                cohorts.add(_planned(e))
                stages.append(_stage(e, PLANNED))
            elif isinstance(e, Cohort.StageChanged | Cohort.Closed):
                stage = e.stage if isinstance(e, Cohort.StageChanged) else "closed"
                row = cohorts.get(str(e.originator_id))
                row["stage"] = stage
                if isinstance(e, Cohort.Closed):
                    row.update(
                        lessons_learned=e.lessons_learned,
                        next_direction=e.next_direction,
                    )
                stages.append(_stage(e, stage))
            elif isinstance(e, Enrollment.Enrolled):
                enrollments.add(_enrolled(e))
            else:
                _change_enrollment(enrollments, e)
        cohorts.flush()
        enrollments.flush()
        if stages:
            conn.execute(tables["cohort_stages"].insert(), stages)


def _is_cohort(e) -> bool:
    return isinstance(e, Cohort.StageChanged | Cohort.Closed)


def _is_enrollment_change(e) -> bool:
    return isinstance(e, Enrollment.OrientationStepDone | Enrollment.Left)


def _planned(e) -> dict:
    return {
        "id": str(e.originator_id),
        "program_id": str(e.program_id),
        "slug": e.slug,
        "name": e.name,
        "pilot": e.pilot,
        "stage": PLANNED,
        "starts_on": e.starts_on,
        "ends_on": e.ends_on,
        "lessons_learned": None,
        "next_direction": None,
        "planned_at": e.timestamp,
    }


def _stage(e, stage: str) -> dict:
    return {
        "cohort_id": str(e.originator_id),
        "stage": stage,
        "actor_id": str(e.actor_id),
        "at": e.timestamp,
    }


def _enrolled(e) -> dict:
    return {
        "id": str(e.originator_id),
        "cohort_id": str(e.cohort_id),
        "participant_id": str(e.participant_id),
        "role": e.role,
        "capacity": e.capacity,
        "availability": e.availability,
        "goals": e.goals,
        "skill_gaps": e.skill_gaps,
        "interests": e.interests,
        "expertise": e.expertise,
        "orientation": [],
        "active": True,
        "left_reason": None,
        "enrolled_at": e.timestamp,
    }


def _change_enrollment(enrollments: Rows, e) -> None:
    row = enrollments.get(str(e.originator_id))
    if isinstance(e, Enrollment.OrientationStepDone):
        row["orientation"] = [*row["orientation"], e.item]
    else:
        row.update(active=False, left_reason=e.reason)
