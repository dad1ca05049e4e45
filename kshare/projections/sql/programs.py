"""Programs and cohorts: charters (every version), templates, stages, enrollment."""

from sqlalchemy import Connection, Table

from ...domain.cohorts import PLANNED, Cohort, Enrollment
from ...domain.programs import Program
from .rows import Rows


class SqlPrograms:
    name = "programs"
    events = (Program.Launched, Program.CharterRevised, Program.TemplateSaved)

    def apply(self, conn: Connection, tables: dict[str, Table], events) -> None:
        programs = Rows(conn, tables["programs"])
        templates = Rows(conn, tables["program_templates"])
        programs.load(str(e.originator_id) for _, e in events)
        templates.load(_template_id(e) for _, e in events if hasattr(e, "key"))
        versions = []
        for _, e in events:
            program_id = str(e.originator_id)
            if isinstance(e, Program.Launched):
                programs.add(_launched(e))
                versions.append(_version(e, 1, "Launched"))
            elif isinstance(e, Program.CharterRevised):
                row = programs.get(program_id)
                row.update(charter=e.charter, charter_version=e.version)
                versions.append(_version(e, e.version, e.note))
            else:
                _save_template(templates, program_id, e)
        programs.flush()
        templates.flush()
        if versions:
            conn.execute(tables["charter_versions"].insert(), versions)


class SqlCohorts:
    name = "cohorts"
    events = (
        Cohort.Planned,
        Cohort.StageChanged,
        Cohort.Closed,
        Enrollment.Enrolled,
        Enrollment.OrientationStepDone,
        Enrollment.Left,
    )

    def apply(self, conn: Connection, tables: dict[str, Table], events) -> None:
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


def _launched(e) -> dict:
    return {
        "id": str(e.originator_id),
        "slug": e.slug,
        "name": e.name,
        "charter_version": 1,
        "charter": e.charter,
        "launched_at": e.timestamp,
    }


def _version(e, number: int, note: str) -> dict:
    return {
        "program_id": str(e.originator_id),
        "version": number,
        "charter": e.charter,
        "note": note,
        "actor_id": str(e.actor_id),
        "at": e.timestamp,
    }


def _save_template(templates: Rows, program_id: str, e) -> None:
    values = {
        "kind": e.kind,
        "challenge": e.challenge,
        "title": e.title,
        "body": e.body,
    }
    row = templates.get(_template_id(e))
    if row is None:
        templates.add(
            {"id": _template_id(e), "program_id": program_id, "key": e.key, **values}
            | {"updated_at": e.timestamp}
        )
    else:
        row.update(updated_at=e.timestamp, **values)


def _template_id(e) -> str:
    return f"{e.originator_id}:{e.key}"


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
