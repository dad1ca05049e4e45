"""Atom feeds of the stories, the lessons of the week and the celebrations."""

from collections.abc import Callable
from datetime import UTC, datetime
from types import SimpleNamespace

from feedgen.feed import FeedGenerator
from flask import Blueprint, Response, url_for

from .helpers import services
from .rendering import render

blueprint = Blueprint("feeds", __name__, url_prefix="/feeds")
FEED_SIZE = 30


def _post_link(post) -> str:
    return url_for("posts.show", post_id=post.id, _external=True)


def _feed(
    title: str, self_endpoint: str, items, link: Callable[..., str] = _post_link
) -> Response:
    feed = FeedGenerator()
    feed.id(url_for(self_endpoint, _external=True))
    feed.title(title)
    feed.author({"name": "kshare"})
    feed.link(href=url_for(self_endpoint, _external=True), rel="self")
    feed.link(href=url_for("pages.home", _external=True), rel="alternate")
    feed.updated(max((when for *_, when in items), default=datetime.now(UTC)))
    for entry_id, post, summary, when in reversed(
        items
    ):  # feedgen puts the last added first
        entry = feed.add_entry()
        entry.id(entry_id)
        entry.title(post.title)
        entry.link(href=link(post))
        entry.author({"name": post.author_name})
        entry.published(post.published_at or when)
        entry.updated(when)
        entry.content(render(summary), type="html")
    return Response(feed.atom_str(pretty=True), mimetype="application/atom+xml")


@blueprint.get("/stories.atom")
def stories():
    """Atom feed of the latest stories."""
    feed = services().posts.story_feed(per_page=FEED_SIZE).items
    items = [
        (f"urn:uuid:{post.id}", post, post.summary, post.updated_at) for post in feed
    ]
    return _feed("kshare: stories", "feeds.stories", items)


@blueprint.get("/lesson-of-the-week.atom")
def lesson_of_the_week():
    """Atom feed of the lessons of the week, this week first."""
    kshare = services()
    weeks = kshare.weekly.weekly_feed(kshare.current_week(), limit=FEED_SIZE)
    items = [
        (
            f"urn:kshare:lesson-of-the-week:{w.week}",
            w.post,
            f"**{w.week}**: {w.note or 'picked automatically'}\n\n{w.post.summary}",
            w.post.updated_at,
        )
        for w in weeks
    ]
    return _feed("kshare: lesson of the week", "feeds.lesson_of_the_week", items)


@blueprint.get("/celebrations.atom")
def celebrations():
    """Atom feed of the celebrated milestones, newest first."""
    items = [
        (
            f"urn:kshare:celebration:{c.milestone_id}",
            SimpleNamespace(
                title=f"{c.mentee_name} reached: {c.milestone}",
                author_name=c.mentee_name,
                handle=c.mentee_handle,
                published_at=c.celebrated_at,
            ),
            f"{c.message}\n\nGoal: {c.goal}",
            c.celebrated_at,
        )
        for c in services().growth.celebrations(limit=FEED_SIZE)
    ]
    return _feed(
        "kshare: celebrations",
        "feeds.celebrations",
        items,
        link=lambda item: url_for("pages.person", handle=item.handle, _external=True),
    )
