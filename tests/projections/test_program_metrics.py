"""Program metrics from a cohort whose numbers can be worked out by hand."""

from datetime import UTC, date, datetime

import pytest

from kshare.domain.clock import simulated_time
from kshare.domain.ids import OPERATOR

CHARTER = {
    "intent": "Grow leads.",
    "expectations": "Meet.",
    "cadence_days": 14,
    "competencies": {"code-review": "Code review"},
    "time_commitment": "Two hours",
}
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

    def person(handle, team, **extra):
        return app.register_participant(
            email=f"{handle}@example.org",
            handle=handle,
            display_name=handle.title(),
            password="correct horse battery",
            team=team,
            **extra,
        ).id

    cora = person("cora", "People", role="coordinator", actor_id=OPERATOR)
    mia, abe, bea = (
        person("mia", "Platform"),
        person("abe", "Data"),
        person("bea", "Platform"),
    )
    program = app.launch_program(
        actor_id=cora, slug="leads", name="Leads", charter=CHARTER
    ).id
    cohort = app.plan_cohort(
        actor_id=cora,
        program_id=program,
        slug="spring",
        name="Spring",
        starts_on=date(2026, 1, 5),
        ends_on=date(2026, 6, 30),
    ).id
    app.advance_cohort(actor_id=cora, cohort_id=cohort, to="enrolling")
    app.enroll(actor_id=mia, cohort_id=cohort, role="mentor", capacity=3)
    for mentee in (abe, bea):
        app.enroll(actor_id=mentee, cohort_id=cohort, role="mentee")

    def pair(mentee, day):
        with at(day):
            found = app.propose_pairing(
                actor_id=cora,
                cohort_id=cohort,
                format="one-on-one",
                members={mia: "mentor", mentee: "mentee"},
            ).id
            for member in (mia, mentee):
                app.accept_pairing(actor_id=member, pairing_id=found)
                app.acknowledge_agreement(actor_id=member, pairing_id=found)
        return found

    first = pair(abe, "2026-01-05")
    pair(bea, "2026-01-19")
    for held, logged in (("2026-01-12", "2026-01-12"), ("2026-01-26", "2026-01-28")):
        with at(logged):
            app.log_session(
                actor_id=abe,
                pairing_id=first,
                held_on=held,
                minutes=60,
                format="virtual",
                shared_notes="Notes",
            )
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
