"""Queries on programs, charters, templates, cohorts and enrollments."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from .reader import SqlReader, utc


@dataclass(frozen=True)
class ProgramView:
    id: str
    slug: str
    name: str
    charter_version: int
    charter: dict
    launched_at: datetime


@dataclass(frozen=True)
class CharterVersion:
    version: int
    charter: dict
    note: str
    actor_id: str
    at: datetime


@dataclass(frozen=True)
class CohortView:
    id: str
    program_id: str
    slug: str
    name: str
    pilot: bool
    stage: str
    starts_on: str
    ends_on: str
    lessons_learned: str | None
    next_direction: str | None
    planned_at: datetime
    stages: list[tuple[str, datetime]]  # every stage reached, with when


@dataclass(frozen=True)
class CohortMember:
    participant_id: str
    handle: str
    display_name: str
    team: str
    role: str
    capacity: int
    goals: str
    skill_gaps: list[str]
    interests: list[str]
    expertise: list[str]
    orientation: list[str]
    active: bool
    left_reason: str | None


class SqlProgramQueries(SqlReader):
    def programs(self) -> list[ProgramView]:
        rows = self._rows(
            select(self.t["programs"]).order_by(self.t["programs"].c.name)
        )
        return [_program(row) for row in rows]

    def program(self, slug: str) -> ProgramView | None:
        table = self.t["programs"]
        rows = self._rows(select(table).where(table.c.slug == slug))
        return _program(rows[0]) if rows else None

    def program_by_id(self, program_id: str) -> ProgramView | None:
        table = self.t["programs"]
        rows = self._rows(select(table).where(table.c.id == str(program_id)))
        return _program(rows[0]) if rows else None

    def charter_versions(self, program_id: str) -> list[CharterVersion]:
        v = self.t["charter_versions"]
        rows = self._rows(
            select(v.c.version, v.c.charter, v.c.note, v.c.actor_id, v.c.at)
            .where(v.c.program_id == str(program_id))
            .order_by(v.c.version)
        )
        return [CharterVersion(*row[:4], utc(row.at)) for row in rows]

    def templates(self, program_id: str) -> list[dict]:
        t = self.t["program_templates"]
        rows = self._rows(
            select(t.c.key, t.c.kind, t.c.challenge, t.c.title, t.c.body)
            .where(t.c.program_id == str(program_id))
            .order_by(t.c.kind, t.c.key)
        )
        return [row._asdict() for row in rows]

    def cohorts(self, program_id: str) -> list[CohortView]:
        c = self.t["cohorts"]
        rows = self._rows(
            select(c).where(c.c.program_id == str(program_id)).order_by(c.c.starts_on)
        )
        return [self._cohort(row) for row in rows]

    def cohort(self, cohort_id: str) -> CohortView | None:
        c = self.t["cohorts"]
        rows = self._rows(select(c).where(c.c.id == str(cohort_id)))
        return self._cohort(rows[0]) if rows else None

    def _cohort(self, row) -> CohortView:
        s = self.t["cohort_stages"]
        stages = self._rows(
            select(s.c.stage, s.c.at).where(s.c.cohort_id == row.id).order_by(s.c.at)
        )
        values = row._asdict() | {"planned_at": utc(row.planned_at)}
        return CohortView(**values, stages=[(stage, utc(at)) for stage, at in stages])

    def members(self, cohort_id: str) -> list[CohortMember]:
        """Everyone enrolled in a cohort (those who left too), by name."""
        e, p = self.t["enrollments"], self.t["participants"]
        rows = self._rows(
            select(
                e.c.participant_id,
                p.c.handle,
                p.c.display_name,
                p.c.team,
                e.c.role,
                e.c.capacity,
                e.c.goals,
                e.c.skill_gaps,
                e.c.interests,
                e.c.expertise,
                e.c.orientation,
                e.c.active,
                e.c.left_reason,
            )
            .select_from(e.join(p, p.c.id == e.c.participant_id))
            .where(e.c.cohort_id == str(cohort_id))
            .order_by(p.c.display_name)
        )
        return [CohortMember(*row) for row in rows]


def _program(row) -> ProgramView:
    return ProgramView(**(row._asdict() | {"launched_at": utc(row.launched_at)}))
