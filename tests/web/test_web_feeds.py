"""The Atom feeds parse cleanly, newest first, with everything a reader shows."""

from datetime import UTC, datetime, timedelta
from uuid import UUID

import feedparser
import pytest
from support.site import story, write
from support.web import submit

from kshare.domain.clock import iso_week
from kshare.domain.ids import OPERATOR

STORIES = ["First story", "Second story", "Third story"]


def parsed(client, address: str):
    response = client.get(address)
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    feed = feedparser.parse(response.get_data())
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


@pytest.fixture
def stories(services, people) -> list[str]:
    return [story(services, people.alice, title) for title in STORIES]


def test_the_story_feed_is_valid_atom_with_a_title_and_links(client, stories):
    feed = parsed(client, "/feeds/stories.atom")
    assert feed.version == "atom10"
    assert feed.feed.title == "kshare: stories"
    links = {link.rel: link.href for link in feed.feed.links}
    assert links["self"] == "http://localhost/feeds/stories.atom"
    assert links["alternate"] == "http://localhost/"
    assert feed.feed.updated_parsed is not None


def test_the_story_feed_lists_stories_newest_first(client, stories):
    entries = parsed(client, "/feeds/stories.atom").entries
    assert [entry.title for entry in entries] == STORIES[::-1]
    updated = [entry.updated_parsed for entry in entries]
    assert updated == sorted(updated, reverse=True)


def test_every_story_entry_has_an_id_a_link_an_author_and_dates(client, stories):
    entries = parsed(client, "/feeds/stories.atom").entries
    for entry, post_id in zip(entries, stories[::-1], strict=True):
        assert entry.id == f"urn:uuid:{post_id}"
        assert entry.link == f"http://localhost/posts/{post_id}"
        assert entry.author == "Alice"
        assert entry.updated_parsed is not None
        assert entry.published_parsed is not None
        assert "Small pull requests get" in entry.summary


def test_the_story_feed_leaves_out_lessons_drafts_and_retracted_stories(
    client, as_alice, services, people, stories
):
    write(services, people.alice, "A lesson, not a story")
    story(services, people.alice, "A draft story", publish=False)
    submit(as_alice, f"/posts/{stories[0]}/retract", {"reason": "Wrong"}, page="/")
    titles = [e.title for e in parsed(client, "/feeds/stories.atom").entries]
    assert titles == ["Third story", "Second story"]


def test_an_empty_story_feed_is_still_valid_atom(client):
    assert parsed(client, "/feeds/stories.atom").entries == []


def test_a_revised_story_is_updated_in_the_feed(client, as_alice, stories):
    fields = {"title": "First story, revised", "context": "New context."}
    fields |= {"actions": "New actions.", "outcome": "New outcome."}
    submit(as_alice, f"/posts/{stories[0]}/edit", {**fields, "action": "save"})
    entries = parsed(client, "/feeds/stories.atom").entries
    revised = next(e for e in entries if e.id == f"urn:uuid:{stories[0]}")
    assert revised.title == "First story, revised"
    assert revised.updated > revised.published  # ISO 8601, same zone


def feature(services, post_id: str, week: str, note: str) -> None:
    receipt = services.app.feature_lesson(
        actor_id=OPERATOR, week=week, post_id=UUID(post_id), note=note
    )
    assert services.wait_for(receipt.position)


def week(days_ago: int) -> str:
    return iso_week(datetime.now(UTC).date() - timedelta(days=days_ago))


@pytest.fixture
def weeks(services, people) -> list[str]:
    """Three featured weeks: this one and the two before it."""
    for days_ago, title in ((14, "Oldest pick"), (7, "Last pick"), (0, "This pick")):
        post_id = write(services, people.bob, title)
        feature(services, post_id, week(days_ago), f"Note on {title}")
    return [week(0), week(7), week(14)]


def test_the_weekly_feed_is_valid_atom_with_this_week_first(client, weeks):
    feed = parsed(client, "/feeds/lesson-of-the-week.atom")
    assert feed.feed.title == "kshare: lesson of the week"
    assert [e.title for e in feed.entries] == ["This pick", "Last pick", "Oldest pick"]
    assert [e.id for e in feed.entries] == [
        f"urn:kshare:lesson-of-the-week:{w}" for w in weeks
    ]


def test_every_weekly_entry_has_a_link_an_author_a_date_and_the_note(client, weeks):
    entries = parsed(client, "/feeds/lesson-of-the-week.atom").entries
    assert len(entries) == len(weeks)
    for entry in entries:
        assert entry.link.startswith("http://localhost/posts/")
        assert entry.author == "Bob"
        assert entry.updated_parsed is not None
        assert f"Note on {entry.title}" in entry.summary


def test_the_weekly_feed_shows_the_automatic_pick(client, services, people):
    write(services, people.alice, "Picked by itself")
    entries = parsed(client, "/feeds/lesson-of-the-week.atom").entries
    assert [e.title for e in entries] == ["Picked by itself"]
    assert "picked automatically" in entries[0].summary


def test_an_empty_weekly_feed_is_still_valid_atom(client):
    assert parsed(client, "/feeds/lesson-of-the-week.atom").entries == []


def test_the_pages_announce_both_feeds(client):
    page = client.get("/").get_data(as_text=True)
    assert 'type="application/atom+xml" title="Stories" href="/feeds/stories.atom"' in (
        page
    )
    assert 'href="/feeds/lesson-of-the-week.atom"' in page
