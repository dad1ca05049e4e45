"""The program as it stood at a moment, replayed from the live log (SQLite or
PostgreSQL) into a separate SQLite + Whoosh view."""

import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from support.people import register
from support.programs import new_cohort, one_on_one, session

from kshare.domain.clock import simulated_time
from kshare.domain.confidential import REDACTED
from kshare.domain.errors import Invalid
from kshare.domain.ids import OPERATOR
from kshare.timetravel.moments import parse_moment

MOMENT = datetime(2026, 2, 1, 12, tzinfo=UTC)
LATER = datetime(2026, 2, 10, 12, tzinfo=UTC)
OLD_BODY = "Ask questions instead of giving orders in a code review."
NEW_BODY = "Pair with the author over a zeppelin of coffee instead."


def at(day: int, month: int = 1):
    return simulated_time(datetime(2026, month, day, 10, tzinfo=UTC))


@pytest.fixture
def history(any_services):
    """Until MOMENT: Mia mentors Abe (two sessions; milestones due 15 Jan and
    4 Feb), Abe publishes a lesson. On 10 Feb: the lesson is revised, a second
    one published, the first milestone reached, a third session held, the
    pairing closed."""
    app = any_services.app
    with at(5):
        cora = register(app, "cora", role="coordinator", actor_id=OPERATOR)
        mia, abe = register(app, "mia"), register(app, "abe")
        cohort = new_cohort(app, cora)
        pairing = one_on_one(app, cora, cohort, mia, abe, capacity=1)
        lesson = app.draft_post(
            actor_id=abe, kind="lesson", title="Reviews that teach",
            parts={"body": OLD_BODY}, tags=["review"], publish=True,
        ).id  # fmt: skip
    act = {"actor_id": abe, "pairing_id": pairing}
    with at(12):
        held(app, abe, pairing, "2026-01-12", private_note="Abe seemed tired.")
        goal = app.set_goal(
            **act, mentee_id=abe, title="Review", competency="code-review"
        )
        milestone = app.plan_milestone(
            **act, mentee_id=abe, goal_id=goal.id, title="First review",
            due_after_days=10,
        ).id  # fmt: skip
        app.plan_milestone(
            **act, mentee_id=abe, goal_id=goal.id, title="Lead a review",
            due_after_days=30,
        )  # fmt: skip
        last_before = held(app, abe, pairing, "2026-01-13").position
    with simulated_time(LATER):
        app.revise_post(
            actor_id=abe, post_id=lesson, title="Reviews that teach kindly",
            parts={"body": NEW_BODY}, tags=["review"],
        )  # fmt: skip
        later = app.draft_post(
            actor_id=mia, kind="lesson", title="Pager duty without tears",
            parts={"body": "Write the runbook."}, tags=["oncall"], publish=True,
        ).id  # fmt: skip
        app.reach_milestone(**act, mentee_id=abe, milestone_id=milestone, note="Done")
        held(app, abe, pairing, "2026-02-10")
        app.close_pairing(actor_id=mia, pairing_id=pairing, reason="Rotation")
    any_services.runner.catch_up()
    return {
        "abe": abe, "cohort": cohort, "pairing": pairing, "lesson": lesson,
        "later": later, "last_before": last_before,
    }  # fmt: skip


def held(app, member, pairing, day: str, private_note: str = ""):
    """An hour's session on ``day``, logged by ``member``; its receipt."""
    return session(
        app, member, pairing, held_on=day, minutes=60, shared_notes="Notes",
        private_note=private_note,
    )  # fmt: skip


@pytest.fixture
def past(any_services, history):
    return any_services.time_travel.at(MOMENT)


def test_the_past_is_the_log_up_to_the_last_event_at_or_before_the_moment(
    any_services, history, past
):
    assert past.position == history["last_before"] < any_services.log.head()
    exactly = any_services.time_travel.position_at(
        datetime(2026, 1, 12, 10, tzinfo=UTC)
    )
    assert exactly == history["last_before"]


def test_a_post_published_after_the_moment_is_absent(any_services, history, past):
    assert any_services.posts.post(str(history["later"])) is not None
    assert past.posts.post(str(history["later"])) is None
    assert past.search.search("runbook").total == 0
    assert any_services.search.search("runbook").total == 1


def test_a_post_revised_after_the_moment_shows_its_old_text(
    any_services, history, past
):
    then = past.posts.post(str(history["lesson"]))
    assert (then.title, then.parts["body"]) == ("Reviews that teach", OLD_BODY)
    assert past.search.search("orders").total == 1
    assert past.search.search("zeppelin").total == 0
    now = any_services.posts.post(str(history["lesson"]))
    assert now.title == "Reviews that teach kindly"
    assert any_services.search.search("zeppelin").total == 1


def test_a_pairing_closed_after_the_moment_is_still_active_then(
    any_services, history, past
):
    then = past.pairings.workspace(str(history["pairing"]))
    assert (then.pairing.status, len(then.sessions)) == ("active", 2)
    now = any_services.pairings.workspace(str(history["pairing"]))
    assert (now.pairing.status, len(now.sessions)) == ("closed", 3)


def test_milestones_have_their_status_on_the_day_viewed(any_services, history, past):
    # Pages ask "as of today"; in the past, today is the day viewed.
    then = past.growth.timeline_of_person(str(history["abe"]), date.today())
    assert [(m.title, m.status) for m in then] == [
        ("First review", "overdue"),
        ("Lead a review", "due"),
    ]
    now = any_services.growth.timeline_of_person(str(history["abe"]), date.today())
    assert {m.title: m.status for m in now} == {
        "First review": "reached",
        "Lead a review": "overdue",
    }


def test_metrics_count_only_what_had_happened_by_the_moment(
    any_services, history, past
):
    then = past.metrics.cohort(str(history["cohort"]), date.today())
    assert (then.active_pairings, then.sessions, then.milestones_reached) == (1, 2, 0)
    assert (then.milestones_overdue, then.posts_published) == (1, 1)
    now = any_services.metrics.cohort(str(history["cohort"]), date.today())
    assert (now.active_pairings, now.sessions, now.milestones_reached) == (0, 3, 1)


def test_the_weekly_pick_and_feeds_use_the_week_viewed(past):
    assert past.current_week() == "2026-W05"


def test_a_moment_before_the_first_event_is_a_clear_error(any_services, history):
    with pytest.raises(Invalid, match="before the first event of the log"):
        any_services.time_travel.at(datetime(2025, 12, 31, tzinfo=UTC))


def test_the_same_moment_twice_reuses_the_view(any_services, history):
    read = []
    first = any_services.time_travel.at(MOMENT, progress=read.append)
    built = len(read)
    assert built  # the log was read to build it
    again = any_services.time_travel.at(MOMENT, progress=read.append)
    assert (again, len(read)) == (first, built)
    views = any_services.settings.home / "as-of"
    assert [p.name for p in views.iterdir() if not p.name.startswith(".")] == [
        str(first.position)
    ]


def test_two_requests_for_the_same_moment_at_once_build_it_once(any_services, history):
    position = any_services.time_travel.position_at(MOMENT)
    builders: list[int] = []

    def request(number: int) -> None:
        any_services.time_travel.views.view(
            position, progress=lambda _n: builders.append(number)
        )

    threads = [threading.Thread(target=request, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert builders and len(set(builders)) == 1


def test_a_view_that_failed_half_way_is_never_served(any_services, history):
    def crash(_events):
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        any_services.time_travel.at(MOMENT, progress=crash)
    assert not list((any_services.settings.home / "as-of").glob("[0-9]*"))
    past = any_services.time_travel.at(MOMENT)
    assert past.posts.post(str(history["lesson"])).title == "Reviews that teach"


def test_a_dump_of_the_past_hides_what_is_confidential(history, past):
    notes = past.snapshot.tables()["private_notes"]
    assert [n["note"] for n in notes] == [REDACTED]


def test_a_summary_counts_people_posts_and_pairings_then(history, past):
    counts = past.snapshot.counts()
    assert counts["participants"] == 3
    assert (counts["lessons"], counts["stories"]) == (1, 0)
    assert counts["pairings"] == {"active": 1}
    assert (counts["milestones"], counts["milestones_reached"]) == (2, 0)


def test_only_the_most_recently_used_views_are_kept(services):
    for n in range(4):
        register(services.app, f"person-{n}")
    services.runner.catch_up()
    views = services.time_travel.views
    for position in range(2, 6):
        views.view(position)
    kept = sorted(p.name for p in views.root.iterdir() if p.name.isdigit())
    assert kept == ["3", "4", "5"]


def test_a_date_alone_means_the_end_of_that_day():
    assert parse_moment("2026-02-01", now=LATER) == datetime(
        2026, 2, 1, 23, 59, 59, 999999, tzinfo=UTC
    )


def test_a_moment_without_a_zone_is_utc_and_one_with_a_zone_is_converted():
    assert parse_moment("2026-02-01T09:30", now=LATER) == datetime(
        2026, 2, 1, 9, 30, tzinfo=UTC
    )
    assert parse_moment("2026-02-01T09:30+02:00", now=LATER) == datetime(
        2026, 2, 1, 7, 30, tzinfo=UTC
    )


def test_today_means_now_and_a_moment_in_the_future_is_refused():
    now = datetime(2026, 2, 1, 9, tzinfo=UTC)
    assert parse_moment("2026-02-01", now=now) == now
    with pytest.raises(Invalid, match="in the future"):
        parse_moment((now + timedelta(minutes=1)).isoformat(), now=now)
    with pytest.raises(Invalid, match="in the future"):
        parse_moment("2026-02-02", now=now)


@pytest.mark.parametrize("text", ["", "yesterday", "2026-13-01", "2026-02-30T10:00"])
def test_what_is_not_a_date_is_refused_with_the_formats_accepted(text):
    with pytest.raises(Invalid, match="YYYY-MM-DD"):
        parse_moment(text)
