"""Development plans: goals on charter competencies, milestones due from the
pairing's start, reached with evidence, celebrated once reached."""

from datetime import date, timedelta

import pytest
from support.posts import write
from support.programs import new_cohort, one_on_one

from kshare.domain.errors import Invalid, NotAllowed
from kshare.domain.growth import plan_id


@pytest.fixture
def pairing(app, people):
    """Alice mentors Bob; both accepted, neither acknowledged the agreement."""
    cohort = new_cohort(app, people.coordinator)
    return one_on_one(
        app, people.coordinator, cohort, people.alice, people.bob, until="active"
    )


def goal(app, people, pairing, competency="code-review"):
    return app.set_goal(
        actor_id=people.bob,
        pairing_id=pairing,
        mentee_id=people.bob,
        title="Review with confidence",
        competency=competency,
    ).id


def milestone(app, people, pairing, goal_id, days=30):
    return app.plan_milestone(
        actor_id=people.alice,
        pairing_id=pairing,
        mentee_id=people.bob,
        goal_id=goal_id,
        title="First design review",
        due_after_days=days,
    ).id


def test_a_goal_names_a_competency_of_the_charter(app, people, pairing):
    with pytest.raises(Invalid, match="not a competency of this program"):
        goal(app, people, pairing, competency="juggling")
    goal(app, people, pairing)


def test_only_the_pairings_members_work_on_a_plan_and_only_for_its_mentees(
    app, people, pairing
):
    with pytest.raises(NotAllowed):
        app.set_goal(
            actor_id=people.carol,
            pairing_id=pairing,
            mentee_id=people.bob,
            title="X",
            competency="code-review",
        )
    with pytest.raises(Invalid, match="belong to the pairing's mentees"):
        app.set_goal(
            actor_id=people.alice,
            pairing_id=pairing,
            mentee_id=people.alice,
            title="X",
            competency="code-review",
        )


def test_a_milestone_is_due_days_after_the_pairing_started(app, people, pairing):
    target = milestone(app, people, pairing, goal(app, people, pairing), days=30)
    plan_ = app.repository.get(plan_id(pairing, people.bob))
    started = date.fromisoformat(plan_.started_on)
    assert str(target) in plan_.milestones
    events = [
        app.mapper.to_domain_event(n)
        for n in app.recorder.select_notifications(1, 10_000)
    ]
    [planned] = [e for e in events if type(e).__name__ == "MilestonePlanned"]
    assert planned.due_on == (started + timedelta(days=30)).isoformat()
    with pytest.raises(Invalid, match="1 to 730 days"):
        milestone(app, people, pairing, goal(app, people, pairing), days=0)


def test_reaching_a_milestone_needs_evidence(app, people, pairing):
    target = milestone(app, people, pairing, goal(app, people, pairing))
    reach = {"actor_id": people.bob, "pairing_id": pairing, "mentee_id": people.bob}
    with pytest.raises(Invalid, match="needs evidence"):
        app.reach_milestone(**reach, milestone_id=target)
    with pytest.raises(Invalid, match="start with https://"):
        app.reach_milestone(**reach, milestone_id=target, link="javascript:alert(1)")
    someone_elses = write(app, people.carol)
    with pytest.raises(Invalid, match="a post the mentee published"):
        app.reach_milestone(**reach, milestone_id=target, post_id=someone_elses)
    app.reach_milestone(**reach, milestone_id=target, post_id=write(app, people.bob))
    with pytest.raises(Invalid, match="already reached"):
        app.reach_milestone(**reach, milestone_id=target, note="Again")


def test_a_milestone_is_celebrated_once_and_only_when_reached(app, people, pairing):
    target = milestone(app, people, pairing, goal(app, people, pairing))
    act = {"actor_id": people.alice, "pairing_id": pairing, "mentee_id": people.bob}
    with pytest.raises(Invalid, match="once it is reached"):
        app.celebrate_milestone(**act, milestone_id=target, message="Well done")
    app.reach_milestone(**act, milestone_id=target, note="Ran the review")
    app.celebrate_milestone(**act, milestone_id=target, message="Well done")
    with pytest.raises(Invalid, match="already celebrated"):
        app.celebrate_milestone(**act, milestone_id=target, message="Again")
