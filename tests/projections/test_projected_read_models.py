"""The feeds, post pages and weekly lesson show what people expect to see."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import text
from support.people import register
from support.posts import write
from support.scenario import weeks_ago

from kshare.bootstrap import build
from kshare.domain.clock import simulated_time
from kshare.domain.ids import OPERATOR


def titles(items) -> list[str]:
    return [item.title for item in items]


def test_the_story_feed_shows_only_published_stories_newest_first(
    any_services, scenario
):
    feed = any_services.posts.story_feed()
    assert titles(feed.items) == [
        "From mentee to mentor in a year",
        "Mentoring across time zones",
        "Taming Friday deploys",
    ]
    assert (feed.total, feed.pages) == (3, 1)
    assert feed.items[0].author_name == "Dave"


def test_a_draft_stays_out_of_the_feeds_but_its_author_can_list_it(
    any_services, scenario
):
    queries, carol = any_services.posts, str(scenario.people["carol"])
    lessons = titles(queries.posts_page(kind="lesson").items)
    assert "Quokkafish secrets of onboarding" not in lessons
    assert len(lessons) == 3
    own = queries.posts_page(author_id=carol, drafts=True).items
    assert {(p.title, p.status) for p in own} == {
        ("Quokkafish secrets of onboarding", "draft"),
        ("The outage that taught us humility", "retracted"),
    }


def test_a_retracted_post_leaves_the_feeds_and_the_library(any_services, scenario):
    outage = str(scenario.posts["outage"])
    assert outage not in {p.id for p in any_services.posts.posts_page().items}
    assert any_services.search.search("humility").hits == []
    page = any_services.posts.post(outage)
    assert (page.status, page.retraction_reason) == ("retracted", "Shared too soon")


def test_a_republished_post_is_back_in_the_feed_and_the_library(any_services, scenario):
    migrate = str(scenario.posts["migrate"])
    assert migrate in {p.id for p in any_services.posts.posts_page().items}
    assert [h.id for h in any_services.search.search("rollback").hits] == [migrate]
    post = any_services.posts.post(migrate)
    assert (post.status, post.retraction_reason) == ("published", None)
    assert post.tags == ["pairing", "databases"]


def test_a_revised_post_shows_its_latest_text_on_its_page_and_in_search(
    any_services, scenario
):
    oncall = str(scenario.posts["oncall"])
    post = any_services.posts.post(oncall)
    assert post.title == "Surviving your first on-call rotation"
    assert "escalation ladder" in post.parts["body"]
    assert post.summary.endswith("before the first page.")
    assert [h.id for h in any_services.search.search("escalation").hits] == [oncall]
    assert any_services.search.search("pager fatigue").hits == []


def test_revisions_are_listed_in_order_with_their_titles_and_editors(
    any_services, scenario
):
    review = str(scenario.posts["review"])
    revisions = any_services.posts.revisions(review)
    assert [(r.number, r.title, r.actor_handle) for r in revisions] == [
        (1, "Code reviews that teach", "alice"),
        (2, "Code reviews that teach kindly", "alice"),
        (3, "Code reviews that teach kindly", "cora"),
    ]
    assert [r.tags for r in revisions][-1] == ["review", "mentoring"]
    assert "Small pull requests" in revisions[0].parts["body"]
    assert any_services.posts.post(review).revision_count == 3


def test_appreciations_are_counted_per_post_and_per_author(any_services, scenario):
    queries, posts, people = any_services.posts, scenario.posts, scenario.people
    assert queries.post(str(posts["review"])).appreciation_count == 3
    assert queries.has_appreciated(str(posts["review"]), str(people["bob"]))
    assert not queries.has_appreciated(str(posts["review"]), str(people["alice"]))
    received = {h: queries.appreciation_received(str(i)) for h, i in people.items()}
    # carol's appreciated story was retracted; it no longer counts for her.
    assert received == {"cora": 0, "alice": 5, "bob": 3, "carol": 0, "dave": 1}


def test_the_lesson_of_the_week_is_the_one_a_coordinator_chose(any_services, scenario):
    chosen = any_services.weekly.lesson_of_the_week(weeks_ago(0))
    assert (chosen.week, chosen.chosen, chosen.note) == (weeks_ago(0), True, "Pick 0")
    assert chosen.post.id == str(scenario.posts["oncall"])
    assert chosen.post.title == "Surviving your first on-call rotation"


def test_the_weekly_archive_lists_earlier_weeks_newest_first(any_services, scenario):
    archive = any_services.weekly.weekly_archive(weeks_ago(0))
    assert [(w.week, w.post.id) for w in archive] == [
        (weeks_ago(1), str(scenario.posts["review"])),
        (weeks_ago(2), str(scenario.posts["migrate"])),
    ]
    assert [w.week for w in any_services.weekly.weekly_archive(weeks_ago(-1))] == [
        weeks_ago(0),
        weeks_ago(1),
        weeks_ago(2),
    ]


def test_without_a_choice_the_most_appreciated_recent_unfeatured_lesson_is_picked(
    any_services,
):
    app, now = any_services.app, datetime.now(UTC)

    cora = register(app, "cora", role="coordinator", actor_id=OPERATOR)
    fans = [register(app, f"fan{n}") for n in range(4)]
    author = register(app, "alice")

    def post(title, days_ago, likes, kind="lesson"):
        parts = {"body": title}
        if kind == "story":
            parts = {"context": title, "actions": "a", "outcome": "o"}
        with simulated_time(now - timedelta(days=days_ago)):
            post_id = app.draft_post(
                actor_id=author, kind=kind, title=title, parts=parts, publish=True
            ).id
        for fan in fans[:likes]:
            app.appreciate_post(actor_id=fan, post_id=post_id)
        return post_id

    old = post("An old favourite", days_ago=40, likes=4)
    featured = post("Already featured", days_ago=3, likes=4)
    retracted = post("Retracted since", days_ago=5, likes=4)
    post("A loved story", days_ago=2, likes=4, kind="story")
    liked = post("Liked this month", days_ago=10, likes=2)
    post("Brand new", days_ago=1, likes=1)
    app.feature_lesson(actor_id=cora, week=weeks_ago(1), post_id=featured, note="Yes")
    app.retract_post(actor_id=author, post_id=retracted, reason="Outdated")
    any_services.runner.catch_up()
    queries = any_services.weekly

    pick = queries.lesson_of_the_week(weeks_ago(0))
    assert (pick.week, pick.chosen, pick.note) == (weeks_ago(0), False, "")
    assert pick.post.id == str(liked)
    # Long after anything was published, the best unfeatured lesson of all time.
    assert queries.lesson_of_the_week(weeks_ago(-20)).post.id == str(old)
    # Before anything was published there is nothing to pick.
    assert queries.lesson_of_the_week(weeks_ago(10)) is None
    assert queries.lesson_of_the_week(weeks_ago(1)).post.id == str(featured)


def test_lists_page_newest_first_with_ties_by_id_and_true_totals(any_services):
    """Posts published at one moment keep a stable order across pages, a post
    published after a long draft lists at its publication, and the totals
    count what each list holds."""
    app = any_services.app
    author = register(app, "paginator")
    start = datetime(2026, 3, 2, 9, tzinfo=UTC)
    with simulated_time(start):
        early_draft = write(app, author, "Drafted first, published last", publish=False)
    written = []
    for i in range(23):  # three at each moment: ties
        with simulated_time(start + timedelta(hours=1 + i // 3)):
            kind = "story" if i % 4 == 0 else "lesson"
            written.append((write(app, author, f"Post {i}", kind=kind), kind))
    with simulated_time(start + timedelta(days=3)):
        app.publish_post(actor_id=author, post_id=early_draft)
    with simulated_time(start + timedelta(days=4)):
        app.revise_post(actor_id=author, post_id=written[0][0], title="Post 0, revised")
    any_services.runner.catch_up()
    queries = any_services.posts

    def listed(**filters) -> list[str]:
        first = queries.posts_page(per_page=5, **filters)
        pages = [first] + [
            queries.posts_page(page=n, per_page=5, **filters)
            for n in range(2, first.pages + 1)
        ]
        assert {p.total for p in pages} == {first.total}
        return [item.id for page in pages for item in page.items]

    moment = {str(post): 1 + i // 3 for i, (post, _) in enumerate(written)}
    moment[str(early_draft)] = 72
    lessons = [str(p) for p, kind in written if kind == "lesson"] + [str(early_draft)]
    expected = sorted(lessons, key=lambda post: (-moment[post], post))
    assert listed(kind="lesson") == expected
    assert queries.posts_page(kind="lesson").total == len(lessons) == 18
    assert listed(kind="story") == sorted(
        (str(p) for p, kind in written if kind == "story"),
        key=lambda post: (-moment[post], post),
    )
    everything = listed()
    assert len(everything) == queries.posts_page().total == 24
    assert everything[0] == str(early_draft)  # listed when published, not drafted
    assert listed(author_id=str(author)) == everything


def test_a_read_model_whose_tables_changed_shape_is_projected_again(
    any_services, scenario
):
    """An install made by an earlier release (no post tallies, an index missing)
    meets this release's read models: they are projected again from the log."""
    before = any_services.posts.posts_page(kind="lesson")
    with any_services.engines.writer.begin() as conn:
        conn.execute(text("DROP TABLE post_tallies"))
        conn.execute(text("DROP INDEX ix_posts_list"))
    again = build(any_services.settings)
    try:
        again.runner.catch_up()
        after = again.posts.posts_page(kind="lesson")
        assert (after.total, after.items) == (before.total, before.items)
        assert after.total == 3
    finally:
        again.close()


def test_an_authors_totals_follow_publishing_retracting_and_appreciation(
    any_services, scenario
):
    """A person page's post count and appreciation received match their
    published posts, through retraction and republishing."""
    queries, app = any_services.posts, any_services.app

    def totals(handle: str) -> tuple[int, int]:
        author = str(scenario.people[handle])
        page = queries.posts_page(author_id=author, per_page=100)
        assert len(page.items) == page.total
        counted = sum(post.appreciation_count for post in page.items)
        assert queries.appreciation_received(author) == counted
        return page.total, counted

    everyone = {handle: totals(handle) for handle in scenario.people}
    assert any(appreciated for _, appreciated in everyone.values())
    dave, oncall = scenario.people["dave"], scenario.posts["oncall"]
    app.appreciate_post(actor_id=scenario.people["carol"], post_id=oncall)
    any_services.runner.catch_up()
    published, appreciated = everyone["dave"]
    assert totals("dave") == (published, appreciated + 1)
    appreciated_before = any_services.posts.post(str(oncall)).appreciation_count
    app.retract_post(actor_id=dave, post_id=oncall, reason="Out of date")
    any_services.runner.catch_up()
    assert totals("dave") == (published - 1, appreciated + 1 - appreciated_before)
    assert appreciated_before == 2
    app.republish_post(actor_id=dave, post_id=oncall)
    any_services.runner.catch_up()
    assert totals("dave") == (published, appreciated + 1)
