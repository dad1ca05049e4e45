"""Mentor matching: pair scores, suggestions for one mentee, and cohort assignment."""

import random
from collections import Counter

import pytest

from kshare.domain.matching_rules import (
    WEIGHTS,
    Mentee,
    Mentor,
    assign,
    score,
    suggest,
)


def mentee(pid="bob", team="Platform", gaps=(), interests=()):
    return Mentee(pid, team, frozenset(gaps), frozenset(interests))


def mentor(
    pid="alice", team="Platform", expertise=(), interests=(), capacity=1, previous=()
):
    return Mentor(
        pid,
        team,
        frozenset(expertise),
        frozenset(interests),
        capacity,
        frozenset(previous),
    )


def total(assignments):
    return sum(a.score.total for a in assignments)


# score


def test_each_covered_skill_gap_adds_the_skills_weight_and_is_named():
    s = score(
        mentee(gaps={"code-review", "estimation", "sql"}),
        mentor(expertise={"estimation", "code-review", "python"}),
    )
    assert s.parts["skills"] == 2 * WEIGHTS["skills"]
    assert "covers 2 of 3 skill gaps (code-review, estimation)" in s.reasons


def test_each_shared_interest_adds_the_interests_weight_and_is_named():
    s = score(
        mentee(interests={"hiking", "chess", "jazz"}),
        mentor(interests={"chess", "hiking", "golf"}),
    )
    assert s.parts["interests"] == 2 * WEIGHTS["interests"]
    assert "shares interests: chess, hiking" in s.reasons


def test_a_mentor_from_another_team_earns_the_cross_team_bonus():
    other = score(mentee(team="Platform"), mentor(team="Payments"))
    same = score(mentee(team="Platform"), mentor(team="Platform"))
    assert other.parts["cross_team"] == WEIGHTS["cross_team"]
    assert "from another team (Payments)" in other.reasons
    assert same.parts["cross_team"] == 0.0
    assert not any("team" in reason for reason in same.reasons)


@pytest.mark.parametrize(
    ("capacity", "places_counted", "reason"),
    [
        (1, 1, "has room for 1 more mentee"),
        (2, 2, "has room for 2 more mentees"),
        (7, 3, "has room for 7 more mentees"),
    ],
)
def test_capacity_counts_the_places_left_up_to_three(capacity, places_counted, reason):
    s = score(mentee(), mentor(capacity=capacity))
    assert s.parts["capacity"] == places_counted * WEIGHTS["capacity"]
    assert reason in s.reasons


def test_the_total_is_the_sum_of_the_parts_and_positive_without_any_overlap():
    bare = score(mentee(), mentor())
    assert bare.total == pytest.approx(WEIGHTS["base"] + WEIGHTS["capacity"])
    assert bare.total > 0
    full = score(
        mentee(team="Platform", gaps={"sql"}, interests={"chess"}),
        mentor(team="Payments", expertise={"sql"}, interests={"chess"}, capacity=2),
    )
    assert full.total == pytest.approx(sum(full.parts.values()))
    assert full.total == pytest.approx(3.0 + 1.0 + 1.5 + 1.0 + 0.1)


def test_reasons_mention_only_the_parts_that_contributed():
    assert score(mentee(gaps={"sql"}), mentor()).reasons == (
        "has room for 1 more mentee",
    )
    s = score(
        mentee(team="Platform", gaps={"sql"}, interests={"chess"}),
        mentor(team="Payments", expertise={"sql"}, interests={"chess"}),
    )
    assert s.reasons == (
        "covers 1 of 1 skill gaps (sql)",
        "shares interests: chess",
        "from another team (Payments)",
        "has room for 1 more mentee",
    )


def test_nobody_can_mentor_themselves():
    assert score(mentee(pid="alice"), mentor(pid="alice")) is None


def test_a_mentor_without_capacity_left_cannot_take_a_mentee():
    assert score(mentee(), mentor(capacity=0)) is None


def test_a_previous_partner_is_excluded_only_in_rotating_cohorts():
    again = mentor(previous={"bob"})
    assert score(mentee(pid="bob"), again, rotating=True) is None
    assert score(mentee(pid="bob"), again, rotating=False) is not None
    assert score(mentee(pid="carol"), again, rotating=True) is not None


# suggest


def test_suggestions_come_best_first():
    mentors = [
        mentor("weak"),
        mentor("strong", expertise={"sql", "python"}),
        mentor("middle", expertise={"sql"}),
    ]
    result = suggest(mentee(gaps={"sql", "python"}), mentors)
    assert [m.participant_id for m, _ in result] == ["strong", "middle", "weak"]
    assert [s.total for _, s in result] == sorted(
        (s.total for _, s in result), reverse=True
    )


def test_suggestions_stop_at_the_limit():
    mentors = [mentor(f"m{i}") for i in range(8)]
    assert len(suggest(mentee(), mentors)) == 5
    assert len(suggest(mentee(), mentors, limit=2)) == 2
    assert suggest(mentee(), mentors, limit=0) == []


def test_equal_suggestions_are_ordered_by_participant_id_whatever_the_input_order():
    mentors = [mentor("m-b"), mentor("m-c"), mentor("m-a")]
    for order in (mentors, mentors[::-1]):
        assert [m.participant_id for m, _ in suggest(mentee(), order)] == [
            "m-a",
            "m-b",
            "m-c",
        ]


def test_suggestions_leave_out_mentors_who_cannot_take_the_mentee():
    mentors = [
        mentor("bob", expertise={"sql"}),
        mentor("full", expertise={"sql"}, capacity=0),
        mentor("before", expertise={"sql"}, previous={"bob"}),
        mentor("fine"),
    ]
    result = suggest(mentee(pid="bob", gaps={"sql"}), mentors, rotating=True)
    assert [m.participant_id for m, _ in result] == ["fine"]


# assign

VOCABULARY = ("sql", "python", "review", "estimation", "design")
TEAMS = ("Platform", "Payments", "Search")


def random_instance(rng, n_mentees=5, n_mentors=3, max_capacity=2):
    def some():
        return frozenset(rng.sample(VOCABULARY, rng.randint(0, 3)))

    mentees = [
        Mentee(f"e{i}", rng.choice(TEAMS), some(), some()) for i in range(n_mentees)
    ]
    ids = [m.participant_id for m in mentees]
    mentors = [
        Mentor(
            f"m{i}",
            rng.choice(TEAMS),
            some(),
            some(),
            rng.randint(0, max_capacity),
            frozenset(rng.sample(ids, rng.randint(0, 2))),
        )
        for i in range(n_mentors)
    ]
    return mentees, mentors


def brute_force(mentees, mentors, rotating):
    """The best (placed count, total score) over every partial assignment."""
    left = {m.participant_id: m.capacity_left for m in mentors}

    def best(i):
        if i == len(mentees):
            return (0, 0.0)
        options = [best(i + 1)]
        for m in mentors:
            s = score(mentees[i], m, rotating=rotating)
            if s is not None and left[m.participant_id] > 0:
                left[m.participant_id] -= 1
                count, rest = best(i + 1)
                left[m.participant_id] += 1
                options.append((count + 1, rest + s.total))
        return max(options)

    return best(0)


def assert_valid(assignments, mentees, mentors, rotating):
    by_id = {m.participant_id: m for m in mentors}
    mentee_by_id = {m.participant_id: m for m in mentees}
    assert len({a.mentee_id for a in assignments}) == len(assignments)
    for mentor_id, taken in Counter(a.mentor_id for a in assignments).items():
        assert taken <= by_id[mentor_id].capacity_left
    for a in assignments:
        expected = score(
            mentee_by_id[a.mentee_id], by_id[a.mentor_id], rotating=rotating
        )
        assert expected is not None
        assert a.score == expected


@pytest.mark.parametrize("seed", range(30))
def test_assignment_is_valid_and_as_good_as_the_brute_force_optimum(seed):
    rng = random.Random(seed)
    mentees, mentors = random_instance(rng)
    rotating = seed % 2 == 1
    result = assign(mentees, mentors, rotating=rotating)
    assert_valid(result, mentees, mentors, rotating)
    count, best_total = brute_force(mentees, mentors, rotating)
    assert len(result) == count
    assert total(result) == pytest.approx(best_total, abs=1e-9)


def test_assignment_respects_capacity_and_eligibility_on_a_larger_cohort():
    rng = random.Random(99)
    mentees, mentors = random_instance(rng, n_mentees=60, n_mentors=20, max_capacity=4)
    mentors.append(mentor("e0", capacity=3))  # a mentee who is also a mentor
    result = assign(mentees, mentors, rotating=True)
    assert_valid(result, mentees, mentors, rotating=True)
    assert ("e0", "e0") not in {(a.mentee_id, a.mentor_id) for a in result}


def greedy(mentees, mentors):
    """First come, best mentor: what assign must beat."""
    left = {m.participant_id: m.capacity_left for m in mentors}
    chosen = []
    for e in mentees:
        available = [m for m in mentors if left[m.participant_id] > 0]
        if picks := suggest(e, available, limit=1):
            best_mentor, s = picks[0]
            left[best_mentor.participant_id] -= 1
            chosen.append((e.participant_id, best_mentor.participant_id, s.total))
    return chosen


def test_assignment_finds_the_optimum_where_greedy_falls_short():
    mentees = [
        mentee("ann", gaps={"sql"}, interests={"chess"}),
        mentee("ben", gaps={"python"}),
    ]
    mentors = [
        mentor("xena", expertise={"sql", "python"}, interests={"chess"}),
        mentor("yuri", expertise={"sql"}),
    ]
    greedy_pairs = greedy(mentees, mentors)
    assert [(e, m) for e, m, _ in greedy_pairs] == [("ann", "xena"), ("ben", "yuri")]
    result = assign(mentees, mentors)
    assert {(a.mentee_id, a.mentor_id) for a in result} == {
        ("ann", "yuri"),
        ("ben", "xena"),
    }
    assert total(result) > sum(t for _, _, t in greedy_pairs) + 1.0


def test_placing_another_mentee_outweighs_a_higher_scoring_single_pair():
    mentees = [mentee("ann", gaps={"sql", "python", "review"}), mentee("ben")]
    mentors = [
        mentor("xena", expertise={"sql", "python", "review"}),
        mentor("yuri", previous={"ben"}),
    ]
    result = assign(mentees, mentors, rotating=True)
    assert {(a.mentee_id, a.mentor_id) for a in result} == {
        ("ann", "yuri"),
        ("ben", "xena"),
    }


def test_only_as_many_mentees_are_placed_as_there_are_places():
    mentees = [mentee(f"e{i}", gaps={"sql"} if i % 2 else ()) for i in range(6)]
    mentors = [mentor("xena", capacity=2, expertise={"sql"}), mentor("yuri")]
    result = assign(mentees, mentors)
    assert len(result) == 3
    assert Counter(a.mentor_id for a in result) == {"xena": 2, "yuri": 1}
    assert {a.mentee_id for a in result if a.mentor_id == "xena"} <= {"e1", "e3", "e5"}


def test_mentees_nobody_can_take_are_left_out():
    mentees = [mentee("ann"), mentee("ben")]
    result = assign(
        mentees, [mentor("xena", previous={"ben"}, capacity=2)], rotating=True
    )
    assert [a.mentee_id for a in result] == ["ann"]
    assert assign(mentees, [mentor("xena", capacity=0)]) == []
    assert assign([], [mentor()]) == []
    assert assign(mentees, []) == []


def test_assignment_does_not_depend_on_input_order():
    rng = random.Random(7)
    mentees, mentors = random_instance(rng, n_mentees=12, n_mentors=5)
    first = assign(mentees, mentors)
    rng.shuffle(mentees)
    rng.shuffle(mentors)
    assert assign(mentees, mentors) == first
    assert [a.mentee_id for a in first] == sorted(a.mentee_id for a in first)
