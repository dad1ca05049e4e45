"""`kshare demo` seeds a whole program people can explore."""

from datetime import date, timedelta

import pytest

from kshare.demo.seed import seed


def test_the_demo_seeds_a_library_and_a_running_program(any_demo):
    demo = any_demo  # seeded once per backend and session (see conftest.py)
    assert demo.posts.posts_page(per_page=100).total >= 25
    [program] = demo.programs.programs()
    pilot, autumn = demo.programs.cohorts(program.id)
    assert (pilot.pilot, pilot.stage, autumn.stage) == (
        True,
        "closed",
        "mid-cycle-review",
    )
    for cohort in (pilot, autumn):
        formats = {p.format for p in demo.pairings.history_of_cohort(cohort.id)}
        assert formats == {"one-on-one", "small-group", "shadowing"}
    metrics = demo.metrics.cohort(autumn.id, date.today())
    assert metrics.sessions > 20 and metrics.milestones_reached > 0
    assert metrics.milestones_overdue > 0 and metrics.silent_pairings
    assert demo.feedback.survey_summary(autumn.id, "mid-cycle").shown
    assert demo.growth.celebrations() and demo.feedback.recognitions()
    waiting = demo.matching.assignment(autumn.id)
    assert len(waiting) == 1  # one mentee is left for a coordinator to match


@pytest.mark.parametrize("days_ago", range(7))
def test_the_demo_shows_bottlenecks_whatever_weekday_it_is_seeded_on(
    services, days_ago
):
    today = date.today() - timedelta(days=days_ago)
    seed(services.app, posts=5, today=today)
    services.runner.catch_up()
    [program] = services.programs.programs()
    _, autumn = services.programs.cohorts(program.id)
    metrics = services.metrics.cohort(autumn.id, today)
    assert autumn.stage == "mid-cycle-review"
    assert metrics.milestones_reached > 0 and metrics.milestones_overdue > 0
    assert metrics.silent_pairings
