"""Mentor suggestions for one mentee and a mentor assignment for a whole cohort.

Pure computation over plain dataclasses; read models supply the inputs.

Scoring
-------
A mentor cannot take a mentee who is the same person, when they have no capacity
left, or -- in a rotating cohort -- when the two were paired before. Every other pair
scores the sum of these parts, weighted by ``WEIGHTS``:

* skills: 3.0 for each of the mentee's skill gaps within the mentor's expertise;
* interests: 1.0 for each interest they share;
* cross_team: 1.5 when they work in different teams;
* capacity: 0.5 for each place the mentor has left, counting at most three;
* base: 0.1, so that every eligible pair scores above zero.

Optimisation
------------
``assign`` builds a matrix with one row per mentee and one column per remaining
mentor place, and solves it with ``scipy.optimize.linear_sum_assignment``. An
eligible cell costs minus its score; an ineligible cell costs more than all the
eligible cells of any assignment together could make up for. The solver therefore
first places as many mentees as the eligible pairs allow, then maximises the total
score among those placements. Chosen ineligible cells are dropped, which leaves out
the mentees that cannot be placed. Inputs are sorted by participant id first, so the
result does not depend on their order.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

WEIGHTS: dict[str, float] = {
    "skills": 3.0,  # per covered skill gap
    "interests": 1.0,  # per shared interest
    "cross_team": 1.5,  # once, when the teams differ
    "capacity": 0.5,  # per place left, up to CAPACITY_COUNTED places
    "base": 0.1,  # every eligible pair
}
CAPACITY_COUNTED = 3


@dataclass(frozen=True)
class Mentee:
    participant_id: str
    team: str
    skill_gaps: frozenset[str]
    interests: frozenset[str]


@dataclass(frozen=True)
class Mentor:
    participant_id: str
    team: str
    expertise: frozenset[str]
    interests: frozenset[str]
    capacity_left: int
    previous_mentees: frozenset[str]


@dataclass(frozen=True)
class Score:
    total: float
    parts: dict[str, float]
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Assignment:
    mentee_id: str
    mentor_id: str
    score: Score


def _eligible(mentee: Mentee, mentor: Mentor, rotating: bool) -> bool:
    return not (
        mentee.participant_id == mentor.participant_id
        or mentor.capacity_left <= 0
        or (rotating and mentee.participant_id in mentor.previous_mentees)
    )


def _reasons(mentee: Mentee, mentor: Mentor, covered: list[str], shared: list[str]):
    if covered:
        yield (
            f"covers {len(covered)} of {len(mentee.skill_gaps)} skill gaps"
            f" ({', '.join(covered)})"
        )
    if shared:
        yield f"shares interests: {', '.join(shared)}"
    if mentee.team != mentor.team:
        yield f"from another team ({mentor.team})"
    places = mentor.capacity_left
    yield f"has room for {places} more mentee{'' if places == 1 else 's'}"


def score(mentee: Mentee, mentor: Mentor, *, rotating: bool = False) -> Score | None:
    """None when the mentor cannot take this mentee: same person, no capacity left,
    or (when rotating) a previous partner."""
    if not _eligible(mentee, mentor, rotating):
        return None
    covered = sorted(mentee.skill_gaps & mentor.expertise)
    shared = sorted(mentee.interests & mentor.interests)
    parts = {
        "skills": WEIGHTS["skills"] * len(covered),
        "interests": WEIGHTS["interests"] * len(shared),
        "cross_team": WEIGHTS["cross_team"] if mentee.team != mentor.team else 0.0,
        "capacity": WEIGHTS["capacity"] * min(mentor.capacity_left, CAPACITY_COUNTED),
        "base": WEIGHTS["base"],
    }
    reasons = tuple(_reasons(mentee, mentor, covered, shared))
    return Score(total=sum(parts.values()), parts=parts, reasons=reasons)


def suggest(
    mentee: Mentee,
    mentors: Sequence[Mentor],
    *,
    rotating: bool = False,
    limit: int = 5,
) -> list[tuple[Mentor, Score]]:
    """Best first; ties broken by participant_id for determinism."""
    scored = [(m, s) for m in mentors if (s := score(mentee, m, rotating=rotating))]
    scored.sort(key=lambda pair: (-pair[1].total, pair[0].participant_id))
    return scored[: max(limit, 0)]


def _overlaps(left: list[frozenset[str]], right: list[frozenset[str]]) -> np.ndarray:
    """How many items each set on the left shares with each set on the right."""
    vocabulary = {item: i for i, item in enumerate(set().union(*left, *right))}

    def indicator(sets: list[frozenset[str]]) -> np.ndarray:
        matrix = np.zeros((len(sets), len(vocabulary)))
        for row, items in enumerate(sets):
            matrix[row, [vocabulary[item] for item in items]] = 1.0
        return matrix

    return indicator(left) @ indicator(right).T


def _score_matrix(
    mentees: list[Mentee], mentors: list[Mentor], rotating: bool
) -> tuple[np.ndarray, np.ndarray]:
    """The totals ``score`` gives every pair, and which pairs are eligible."""
    skills = _overlaps([m.skill_gaps for m in mentees], [m.expertise for m in mentors])
    interests = _overlaps(
        [m.interests for m in mentees], [m.interests for m in mentors]
    )
    mentee_teams = np.array([m.team for m in mentees], dtype=object)
    mentor_teams = np.array([m.team for m in mentors], dtype=object)
    teams_differ = mentee_teams[:, None] != mentor_teams[None, :]
    capacity = np.array([m.capacity_left for m in mentors])
    totals = (
        WEIGHTS["skills"] * skills
        + WEIGHTS["interests"] * interests
        + WEIGHTS["cross_team"] * teams_differ.astype(float)
        + WEIGHTS["capacity"] * np.minimum(capacity, CAPACITY_COUNTED)[None, :]
        + WEIGHTS["base"]
    )
    eligible = np.array(
        [
            [_eligible(mentee, mentor, rotating) for mentor in mentors]
            for mentee in mentees
        ]
    ).reshape(len(mentees), len(mentors))
    return totals, eligible


def assign(
    mentees: Sequence[Mentee], mentors: Sequence[Mentor], *, rotating: bool = False
) -> list[Assignment]:
    """An assignment of mentees to mentors that places as many mentees as possible
    and, among those placements, maximises the total score; each mentor takes at
    most capacity_left mentees, each mentee at most one mentor, ineligible pairs are
    never used, and mentees that cannot be placed are left out. Sorted by mentee id.
    """
    mentees = sorted(mentees, key=lambda m: m.participant_id)
    mentors = sorted(mentors, key=lambda m: m.participant_id)
    places = [min(max(m.capacity_left, 0), len(mentees)) for m in mentors]
    slots = np.repeat(np.arange(len(mentors), dtype=int), places)
    if not mentees or not slots.size:
        return []
    totals, eligible = _score_matrix(mentees, mentors, rotating)
    totals, eligible = totals[:, slots], eligible[:, slots]
    # Larger than the eligible total of any assignment: one more placement always
    # outweighs any gain in score.
    penalty = 1.0 + len(mentees) * float(totals.max())
    rows, columns = linear_sum_assignment(np.where(eligible, -totals, penalty))
    chosen = [
        (mentees[row], mentors[slots[column]])
        for row, column in zip(rows, columns, strict=True)
        if eligible[row, column]
    ]
    return [
        Assignment(mentee.participant_id, mentor.participant_id, pair_score)
        for mentee, mentor in chosen
        if (pair_score := score(mentee, mentor, rotating=rotating)) is not None
    ]
