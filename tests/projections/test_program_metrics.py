"""Program metrics from a cohort whose numbers can be worked out by hand."""

from datetime import UTC, date, datetime

import pytest
from support.people import register
from support.programs import enroll, new_cohort, pair, session

from kshare.domain.clock import simulated_time
from kshare.domain.ids import OPERATOR

TODAY = date(2026, 3, 2)


def at(day: str):
    return simulated_time(datetime.fromisoformat(day).replace(hour=10, tzinfo=UTC))


@pytest.fixture
def cohort(any_services):
    """Mia mentors Abe (Data, other team) and Bea (Platform, same team).

    Abe's pairing starts 2026-01-05 with sessions on 01-12 (notes logged the
    same day) and 01-26 (notes logged two days later); Bea's starts 01-19 and
    has no session by TODAY, so it is silent. Mia's capacity is 3: one place
    left. Abe reaches one of two milestones 20 days after his start.
    """
    app = any_services.app
    cora = register(app, "cora", role="coordinator", actor_id=OPERATOR, team="People")
    mia, abe, bea = (
        register(app, "mia", team="Platform"),
        register(app, "abe", team="Data"),
        register(app, "bea", team="Platform"),
    )
    cohort = new_cohort(app, cora)  # from 2026-01-05 to 2026-06-30
    enroll(app, mia, cohort, "mentor", capacity=3)
    for mentee in (abe, bea):
        enroll(app, mentee, cohort, "mentee")

    def pair_on(day, mentee):
        with at(day):
            return pair(app, cora, cohort, {mia: "mentor", mentee: "mentee"})

    first = pair_on("2026-01-05", abe)
    pair_on("2026-01-19", bea)
    for held, logged in (("2026-01-12", "2026-01-12"), ("2026-01-26", "2026-01-28")):
        with at(logged):
            session(app, abe, first, held_on=held, minutes=60, shared_notes="Notes")
    act = {"actor_id": abe, "pairing_id": first, "mentee_id": abe}
    with at("2026-01-06"):
        goal = app.set_goal(**act, title="Review", competency="code-review").id
        one = app.plan_milestone(**act, goal_id=goal, title="One", due_after_days=20).id
        app.plan_milestone(**act, goal_id=goal, title="Two", due_after_days=30)
    with at("2026-01-25"):
        app.reach_milestone(**act, milestone_id=one, note="Done")
    with at("2026-01-26"):
        app.draft_post(
            actor_id=abe,
            kind="lesson",
            title="What I learned",
            parts={"body": "Much"},
            publish=True,
        )
    any_services.runner.catch_up()
    return cohort


def test_cohort_metrics_add_up(any_services, cohort):
    metrics = any_services.metrics.cohort(cohort, TODAY)
    assert (
        metrics.pairings,
        metrics.active_pairings,
        metrics.sessions,
        metrics.hours,
    ) == (
        2,
        2,
        2,
        2.0,
    )
    # Abe: 56 days active / 14 = 4 expected; Bea: 42 / 14 = 3; held 2 and 0.
    assert (metrics.sessions_per_pairing, metrics.expected_sessions_per_pairing) == (
        1.0,
        3.5,
    )
    assert metrics.median_days_to_notes == 1.0
    assert (
        metrics.milestones,
        metrics.milestones_reached,
        metrics.milestones_overdue,
    ) == (
        2,
        1,
        1,
    )
    assert metrics.median_days_to_milestone == 20.0
    assert metrics.cross_team_share == 0.5
    assert metrics.posts_published == 1
    assert metrics.reflections_completed is None  # nothing owed before mid-cycle


def test_bottlenecks_name_silent_pairings_and_mentors_with_room(any_services, cohort):
    metrics = any_services.metrics.cohort(cohort, TODAY)
    assert [(handles, days) for _, handles, days in metrics.silent_pairings] == [
        (["bea", "mia"], 42),
        (["abe", "mia"], 35),
    ]
    assert metrics.mentors_with_room == [("mia", 1)]


def test_metrics_over_time_count_sessions_and_milestones_by_month(any_services, cohort):
    assert any_services.metrics.cohort(cohort, TODAY).monthly == [
        ("2026-01", 2, 2.0, 1)
    ]
