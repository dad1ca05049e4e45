"""Appreciating posts and choosing the lesson of the week."""

import threading
from datetime import date

import pytest
from support.apps import second_app
from support.people import register
from support.posts import story, write

from kshare.domain.clock import iso_week
from kshare.domain.errors import Conflict, Invalid, NotAllowed, NotFound
from kshare.domain.ids import OPERATOR

WEEK = "2026-W10"


def feature(app, actor, post_id, week=WEEK):
    return app.feature_lesson(
        actor_id=actor, week=week, post_id=post_id, note="Clear and kind."
    )


def test_a_published_post_can_be_appreciated_once(app, people):
    post_id = story(app, people.alice)
    first = app.appreciate_post(actor_id=people.bob, post_id=post_id)
    assert first.position == app.recorder.max_notification_id()
    again = app.appreciate_post(actor_id=people.bob, post_id=post_id)
    assert again.position is None
    assert app.recorder.max_notification_id() == first.position


def test_a_draft_cannot_be_appreciated(app, people):
    post_id = write(app, people.alice, publish=False)
    with pytest.raises(NotFound, match="No such post"):  # it is not bob's to see
        app.appreciate_post(actor_id=people.bob, post_id=post_id)
    with pytest.raises(Invalid, match="Only a published post can be appreciated"):
        app.appreciate_post(actor_id=people.coordinator, post_id=post_id)


def test_a_retracted_post_cannot_be_appreciated(app, people):
    post_id = write(app, people.alice)
    app.retract_post(actor_id=people.alice, post_id=post_id, reason="Wrong")
    with pytest.raises(Invalid, match="Only a published post can be appreciated"):
        app.appreciate_post(actor_id=people.bob, post_id=post_id)


def test_nobody_can_appreciate_their_own_post(app, people):
    post_id = write(app, people.alice)
    with pytest.raises(Invalid, match="You can't appreciate your own post"):
        app.appreciate_post(actor_id=people.alice, post_id=post_id)


def test_only_a_coordinator_may_choose_the_lesson_of_the_week(app, people):
    post_id = write(app, people.alice)
    with pytest.raises(NotAllowed, match="Only a coordinator may choose the lesson"):
        feature(app, people.alice, post_id)
    assert feature(app, people.coordinator, post_id).position is not None
    assert feature(app, OPERATOR, post_id, week="2026-W11").position is not None


def test_only_a_published_lesson_can_be_the_lesson_of_the_week(app, people):
    draft = write(app, people.alice, publish=False)
    a_story = story(app, people.alice)
    retracted = write(app, people.bob)
    app.retract_post(actor_id=people.bob, post_id=retracted, reason="Old")
    for post_id in (draft, a_story, retracted):
        with pytest.raises(Invalid, match="Only a published lesson can be"):
            feature(app, people.coordinator, post_id)


@pytest.mark.parametrize("week", ["2026-10", "2026-W00", "2026-W54", "2025-W53", ""])
def test_a_week_that_is_not_an_iso_week_is_rejected(app, people, week):
    post_id = write(app, people.alice)
    with pytest.raises(Invalid, match="is not an ISO week such as 2026-W48"):
        feature(app, people.coordinator, post_id, week=week)


def test_a_week_with_53_weeks_accepts_its_last_week(app, people):
    post_id = write(app, people.alice)
    assert iso_week(date(2026, 12, 31)) == "2026-W53"
    assert feature(app, people.coordinator, post_id, week=" 2026-W53 ").position


def test_a_second_lesson_for_the_same_week_is_rejected(app, people):
    first, second = write(app, people.alice), write(app, people.bob)
    feature(app, people.coordinator, first)
    with pytest.raises(Conflict, match="Week 2026-W10 already has a lesson"):
        feature(app, people.coordinator, second)
    assert app.repository.get(feature(app, OPERATOR, second, "2026-W09").id).week


def test_two_coordinators_racing_for_one_week_get_one_success_and_one_conflict(
    services,
):
    setup = services.app
    cora = register(setup, "cora", role="coordinator", actor_id=OPERATOR)
    dan = register(setup, "dan", role="coordinator", actor_id=OPERATOR)
    alice = register(setup, "alice")
    lessons = [write(setup, alice, f"Lesson {n}") for n in range(2)]
    apps = [second_app(services) for _ in range(2)]
    try:
        for week_number in range(1, 6):
            week = f"2027-W{week_number:02d}"
            outcomes = race(
                [
                    lambda a=apps[0], w=week: feature(a, cora, lessons[0], w),
                    lambda a=apps[1], w=week: feature(a, dan, lessons[1], w),
                ]
            )
            kinds = sorted(type(o).__name__ for o in outcomes)
            assert kinds == ["Conflict", "Receipt"], outcomes
            winner = next(o for o in outcomes if not isinstance(o, Exception))
            assert setup.repository.get(winner.id).week == week
    finally:
        for application in apps:
            application.close()


def race(commands) -> list:
    """Run the commands in threads released at the same moment."""
    barrier = threading.Barrier(len(commands))
    outcomes: list = [None] * len(commands)

    def run(index, command):
        barrier.wait()
        try:
            outcomes[index] = command()
        except Exception as error:
            outcomes[index] = error

    threads = [
        threading.Thread(target=run, args=(i, c)) for i, c in enumerate(commands)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes
