"""Milestone timelines and celebrations as people read them, on both backends."""

from datetime import date, timedelta

import pytest
from support.dumps import dump
from support.people import register
from support.programs import new_cohort, one_on_one

from kshare.domain.ids import OPERATOR


@pytest.fixture
def growth(any_services):
    app = any_services.app
    cora = register(app, "cora", role="coordinator", actor_id=OPERATOR)
    mia, abe = register(app, "mia"), register(app, "abe")
    cohort = new_cohort(app, cora)
    pairing = one_on_one(app, cora, cohort, mia, abe, capacity=1)
    act = {"actor_id": abe, "pairing_id": pairing, "mentee_id": abe}
    review = app.set_goal(
        **act, title="Review with confidence", competency="code-review"
    ).id
    feedback = app.set_goal(
        **act, title="Give feedback", competency="giving-feedback"
    ).id
    first = app.plan_milestone(
        **act, goal_id=review, title="First review", due_after_days=10
    ).id
    late = app.plan_milestone(
        **act, goal_id=feedback, title="Feedback talk", due_after_days=1
    ).id
    later = app.plan_milestone(
        **act, goal_id=review, title="Lead a review", due_after_days=90
    ).id
    app.reach_milestone(**act, milestone_id=first, note="Reviewed the cache design")
    app.celebrate_milestone(
        **act, milestone_id=first, message="Abe ran his first review!"
    )
    any_services.runner.catch_up()
    return {"abe": abe, "cohort": cohort, "first": first, "late": late, "later": later}


def test_a_timeline_orders_milestones_by_day_with_their_status(any_services, growth):
    in_five_days = date.today() + timedelta(days=5)
    timeline = any_services.growth.timeline_of_person(growth["abe"], in_five_days)
    # Reached today, due tomorrow (so overdue five days on), due in 90 days.
    assert [(m.title, m.status) for m in timeline] == [
        ("First review", "reached"),
        ("Feedback talk", "overdue"),
        ("Lead a review", "due"),
    ]
    reached = timeline[0]
    assert (reached.goal, reached.competency) == (
        "Review with confidence",
        "code-review",
    )
    assert reached.evidence["note"] == "Reviewed the cache design"


def test_a_cohort_timeline_has_everyone_s_milestones(any_services, growth):
    timeline = any_services.growth.timeline_of_cohort(growth["cohort"], date.today())
    assert {m.mentee_handle for m in timeline} == {"abe"} and len(timeline) == 3


def test_celebrations_are_public_newest_first(any_services, growth):
    [celebration] = any_services.growth.celebrations()
    assert (celebration.milestone, celebration.mentee_handle, celebration.message) == (
        "First review",
        "abe",
        "Abe ran his first review!",
    )


def test_rebuilding_milestones_equals_building_them_live(any_services, growth):
    live = dump(any_services)
    any_services.rebuild(["milestones"])
    assert dump(any_services) == live
