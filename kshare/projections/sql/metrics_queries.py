"""Program metrics per cohort: process, outcomes, bottlenecks, and over time.

Computed from the read models on request (sessions are aggregated in SQL),
so a rebuilt read model gives the same numbers.

- sessions per pairing vs the charter's cadence: sessions held, against the
  days each pairing has been active divided by the cadence in days;
- days to notes: median days from a session to its logging with notes;
- reflections completed: written / expected, where every member of a
  pairing owes a mid-cycle reflection once the cohort reached mid-cycle
  review, an end-of-cycle one once it reached end-of-cycle reflection, and
  a closing one once the pairing is closed;
- median days to milestone: from the pairing's start to the day reached;
- bottlenecks: active pairings with no session for 21 days, mentors with
  places left, overdue milestones.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from statistics import median

from sqlalchemy import func, select

from ...domain.cohorts import STAGES
from ...domain.pairings import OPEN
from .reader import SqlReader

SILENT_DAYS = 21


@dataclass(frozen=True)
class CohortMetrics:
    cohort_id: str
    pairings: int = 0
    active_pairings: int = 0
    sessions: int = 0
    hours: float = 0.0
    sessions_per_pairing: float = 0.0
    expected_sessions_per_pairing: float = 0.0
    median_days_to_notes: float | None = None
    reflections_completed: float | None = None  # share, 0..1
    milestones: int = 0
    milestones_reached: int = 0
    milestones_overdue: int = 0
    median_days_to_milestone: float | None = None
    cross_team_share: float | None = None
    posts_published: int = 0
    silent_pairings: list[tuple[str, list[str], int]] = field(default_factory=list)
    mentors_with_room: list[tuple[str, int]] = field(default_factory=list)
    monthly: list[tuple[str, int, float, int]] = field(default_factory=list)


class SqlProgramMetrics(SqlReader):
    def cohort(self, cohort_id: str, today: date) -> CohortMetrics:
        with self.engine.connect() as conn:
            data = _Loaded(conn, self.t, str(cohort_id))
        return CohortMetrics(
            cohort_id=str(cohort_id),
            pairings=len(data.pairings),
            active_pairings=sum(p.status == "active" for p in data.pairings),
            sessions=sum(p.session_count for p in data.pairings),
            hours=round(sum(p.minutes for p in data.pairings) / 60, 1),
            **_cadence(data, today),
            median_days_to_notes=_histogram_median(data.days_to_notes),
            reflections_completed=_reflections(data),
            **_milestones(data, today),
            cross_team_share=_share(len(t) > 1 for t in data.teams.values()),
            posts_published=data.posts,
            # A closed cohort has no bottlenecks left to act on.
            silent_pairings=[] if data.stage == "closed" else _silent(data, today),
            mentors_with_room=[] if data.stage == "closed" else _room(data),
            monthly=data.monthly,
        )


class _Loaded:
    """Everything one cohort's metrics need, read in a handful of queries."""

    def __init__(self, conn, t, cohort_id: str) -> None:
        p, m, who = t["pairings"], t["pairing_members"], t["participants"]
        e, c = t["enrollments"], t["cohorts"]
        cohort = conn.execute(
            select(c.c.stage, c.c.program_id).where(c.c.id == cohort_id)
        ).first()
        self.stage = cohort.stage if cohort else "planned"
        program = conn.execute(
            select(t["programs"].c.charter).where(
                t["programs"].c.id == (cohort.program_id if cohort else "")
            )
        ).first()
        self.cadence = program.charter["cadence_days"] if program else 14
        self.pairings = conn.execute(select(p).where(p.c.cohort_id == cohort_id)).all()
        ids = [row.id for row in self.pairings]
        self.members = conn.execute(
            select(
                m.c.pairing_id, m.c.participant_id, m.c.role, who.c.handle, who.c.team
            )
            .select_from(m.join(who, who.c.id == m.c.participant_id))
            .where(m.c.pairing_id.in_(ids))
        ).all()
        self.teams = defaultdict(set)
        for row in self.members:
            self.teams[row.pairing_id].add(row.team)
        # Kept per cohort by the pairings projection: a few rows, however many sessions.
        delays, months = t["cohort_note_delays"], t["cohort_months"]
        self.days_to_notes = dict(
            conn.execute(
                select(delays.c.days, delays.c.sessions).where(
                    delays.c.cohort_id == cohort_id
                )
            ).all()
        )
        sessions = {
            month: (count, minutes)
            for month, count, minutes in conn.execute(
                select(months.c.month, months.c.sessions, months.c.minutes).where(
                    months.c.cohort_id == cohort_id
                )
            )
        }
        self.reflections = Counter(
            stage
            for (stage,) in conn.execute(
                select(t["pairing_reflections"].c.stage).where(
                    t["pairing_reflections"].c.pairing_id.in_(ids)
                )
            )
        )
        ms, plans = t["milestones"], t["development_plans"]
        self.milestones = conn.execute(
            select(ms.c.due_on, ms.c.reached_on, plans.c.started_on)
            .select_from(ms.join(plans, plans.c.id == ms.c.plan_id))
            .where(ms.c.cohort_id == cohort_id)
        ).all()
        reached = Counter(r.reached_on[:7] for r in self.milestones if r.reached_on)
        self.monthly = [
            (
                key,
                sessions.get(key, (0, 0))[0],
                round((sessions.get(key, (0, 0))[1] or 0) / 60, 1),
                reached.get(key, 0),
            )
            for key in sorted(set(sessions) | set(reached))
        ]
        self.enrollments = conn.execute(
            select(e.c.participant_id, e.c.capacity, who.c.handle)
            .select_from(e.join(who, who.c.id == e.c.participant_id))
            .where(e.c.cohort_id == cohort_id, e.c.active, e.c.role != "mentee")
        ).all()
        members = select(e.c.participant_id).where(e.c.cohort_id == cohort_id)
        posts = t["posts"]
        self.posts = conn.execute(
            select(func.count()).where(
                posts.c.author_id.in_(members), posts.c.status == "published"
            )
        ).scalar()


def _cadence(data: _Loaded, today: date) -> dict:
    started = [p for p in data.pairings if p.started_on]
    if not started:
        return {}
    expected = [
        max(
            0,
            (
                (p.ended_at.date() if p.ended_at else today)
                - date.fromisoformat(p.started_on)
            ).days,
        )
        / data.cadence
        for p in started
    ]
    return {
        "sessions_per_pairing": round(
            sum(p.session_count for p in started) / len(started), 2
        ),
        "expected_sessions_per_pairing": round(sum(expected) / len(started), 2),
    }


def _reflections(data: _Loaded) -> float | None:
    size = Counter(row.pairing_id for row in data.members)
    reached = STAGES.index(data.stage) if data.stage in STAGES else 0
    owed = {
        "mid-cycle": sum(size.values())
        if reached >= STAGES.index("mid-cycle-review")
        else 0,
        "end-of-cycle": sum(size.values())
        if reached >= STAGES.index("end-of-cycle-reflection")
        else 0,
        "closing": sum(size[p.id] for p in data.pairings if p.status == "closed"),
    }
    expected = sum(owed.values())
    if not expected:
        return None
    written = sum(min(data.reflections.get(stage, 0), owed[stage]) for stage in owed)
    return round(written / expected, 2)


def _milestones(data: _Loaded, today: date) -> dict:
    reached = [r for r in data.milestones if r.reached_on]
    days = [
        (date.fromisoformat(r.reached_on) - date.fromisoformat(r.started_on)).days
        for r in reached
    ]
    return {
        "milestones": len(data.milestones),
        "milestones_reached": len(reached),
        "milestones_overdue": sum(
            1
            for r in data.milestones
            if not r.reached_on and r.due_on < today.isoformat()
        ),
        "median_days_to_milestone": _median(days),
    }


def _silent(data: _Loaded, today: date) -> list[tuple[str, list[str], int]]:
    handles = defaultdict(list)
    for row in data.members:
        handles[row.pairing_id].append(row.handle)
    silent = []
    for p in data.pairings:
        if p.status != "active":
            continue
        since = date.fromisoformat(p.last_session_on or p.started_on)
        if (today - since).days >= SILENT_DAYS:
            silent.append((p.id, sorted(handles[p.id]), (today - since).days))
    return sorted(silent, key=lambda item: -item[2])


def _room(data: _Loaded) -> list[tuple[str, int]]:
    status = {p.id: p.status for p in data.pairings}
    mentees = Counter(row.pairing_id for row in data.members if row.role == "mentee")
    load = Counter()
    for row in data.members:
        if row.role == "mentor" and status[row.pairing_id] in OPEN:
            load[row.participant_id] += mentees[row.pairing_id]
    room = [(e.handle, e.capacity - load[e.participant_id]) for e in data.enrollments]
    return sorted(
        (item for item in room if item[1] > 0), key=lambda item: (-item[1], item[0])
    )


def _histogram_median(counts: dict[int, int]) -> float | None:
    """The median of values given as {value: how many times}."""
    return _median([v for v, n in sorted(counts.items()) for _ in range(n)])


def _median(values: list) -> float | None:
    return round(float(median(values)), 1) if values else None


def _share(flags) -> float | None:
    flags = list(flags)
    return round(sum(flags) / len(flags), 2) if flags else None
