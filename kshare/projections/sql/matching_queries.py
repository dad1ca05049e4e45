"""Matching from the read models: who needs a mentor, who has room, who met before."""

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from ...domain.matching_rules import Assignment, Mentee, Mentor, Score, assign, suggest
from ...domain.pairings import OPEN
from .reader import SqlReader


@dataclass(frozen=True)
class MatchCandidate:
    id: str
    handle: str
    display_name: str
    team: str


@dataclass(frozen=True)
class Suggestion:
    mentor: MatchCandidate
    score: Score


@dataclass(frozen=True)
class ProposedPair:
    mentee: MatchCandidate
    mentor: MatchCandidate
    score: Score


class SqlMatchingQueries(SqlReader):
    def suggestions(
        self, cohort_id: str, mentee_id: str, *, rotating: bool = False, limit: int = 5
    ) -> list[Suggestion]:
        people, mentees, mentors = self._inputs(cohort_id)
        mentee = next((m for m in mentees if m.participant_id == str(mentee_id)), None)
        if mentee is None:
            return []
        return [
            Suggestion(people[mentor.participant_id], score)
            for mentor, score in suggest(
                mentee, mentors, rotating=rotating, limit=limit
            )
        ]

    def assignment(
        self, cohort_id: str, *, rotating: bool = False
    ) -> list[ProposedPair]:
        """The best assignment of every unpaired mentee of the cohort."""
        people, mentees, mentors = self._inputs(cohort_id)
        found: list[Assignment] = assign(mentees, mentors, rotating=rotating)
        return [
            ProposedPair(people[a.mentee_id], people[a.mentor_id], a.score)
            for a in found
        ]

    def drafts(self, cohort_id: str) -> list[dict]:
        d = self.t["matching_drafts"]
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(d)
                .where(d.c.cohort_id == str(cohort_id))
                .order_by(d.c.saved_at.desc())
            ).all()
        return [row._asdict() for row in rows]

    def _inputs(self, cohort_id: str):
        """People by id, the unpaired mentees, and the mentors with their room."""
        e, who, c = self.t["enrollments"], self.t["participants"], self.t["cohorts"]
        p, m = self.t["pairings"], self.t["pairing_members"]
        with self.engine.connect() as conn:
            stage = conn.execute(
                select(c.c.stage).where(c.c.id == str(cohort_id))
            ).scalar()
            if stage in (None, "closed"):  # nobody in a closed cohort can be paired
                return {}, [], []
            enrolled = conn.execute(
                select(e, who.c.handle, who.c.display_name, who.c.team)
                .select_from(e.join(who, who.c.id == e.c.participant_id))
                .where(e.c.cohort_id == str(cohort_id), e.c.active)
            ).all()
            ids = [row.participant_id for row in enrolled]
            memberships = conn.execute(
                select(
                    m.c.pairing_id,
                    m.c.participant_id,
                    m.c.role,
                    p.c.status,
                    p.c.cohort_id,
                )
                .select_from(m.join(p, p.c.id == m.c.pairing_id))
                .where(m.c.participant_id.in_(ids), p.c.status != "declined")
            ).all()
        pairings = defaultdict(list)
        for row in memberships:
            pairings[row.pairing_id].append(row)
        return (
            _people(enrolled),
            _mentees(enrolled, memberships, cohort_id),
            _mentors(enrolled, pairings, cohort_id),
        )


def _people(enrolled) -> dict[str, MatchCandidate]:
    return {
        r.participant_id: MatchCandidate(
            r.participant_id, r.handle, r.display_name, r.team
        )
        for r in enrolled
    }


def _mentees(enrolled, memberships, cohort_id: str) -> list[Mentee]:
    paired = {
        r.participant_id
        for r in memberships
        if r.role == "mentee" and r.status in OPEN and r.cohort_id == str(cohort_id)
    }
    return [
        Mentee(
            r.participant_id, r.team, frozenset(r.skill_gaps), frozenset(r.interests)
        )
        for r in enrolled
        if r.role in ("mentee", "both") and r.participant_id not in paired
    ]


def _mentors(enrolled, pairings, cohort_id: str) -> list[Mentor]:
    """Mentors with their places left in this cohort (capacity is per cohort)
    and everyone they mentored before, in any cohort."""
    load, previous = defaultdict(int), defaultdict(set)
    for members in pairings.values():
        mentees = [r.participant_id for r in members if r.role == "mentee"]
        for r in members:
            if r.role == "mentor":
                previous[r.participant_id].update(mentees)
                if r.status in OPEN and r.cohort_id == str(cohort_id):
                    load[r.participant_id] += len(mentees)
    return [
        Mentor(
            r.participant_id,
            r.team,
            frozenset(r.expertise),
            frozenset(r.interests),
            max(0, r.capacity - load[r.participant_id]),
            frozenset(previous[r.participant_id]),
        )
        for r in enrolled
        if r.role in ("mentor", "both")
    ]
