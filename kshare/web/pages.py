"""Reading pages: home, the story feed, lesson of the week, participant pages."""

from datetime import date
from uuid import UUID

from flask import Blueprint, abort, g, redirect, render_template, request, url_for

from ..domain.errors import Invalid
from ..domain.posts import LESSON
from .helpers import actor_id, commands, services, shown

blueprint = Blueprint("pages", __name__)


def page_number() -> int:
    return max(1, request.args.get("page", 1, type=int) or 1)


@blueprint.get("/")
def home():
    """Show the lesson of the week, the latest stories, lessons and celebrations."""
    kshare = services()
    return render_template(
        "home.html",
        weekly=kshare.weekly.lesson_of_the_week(kshare.current_week()),
        stories=kshare.posts.story_feed(per_page=5).items,
        lessons=kshare.posts.posts_page(kind=LESSON, per_page=5).items,
        celebrations=kshare.growth.celebrations(limit=5),
    )


@blueprint.get("/stories")
def stories():
    """Show the story feed, newest first."""
    return render_template(
        "stories.html", feed=services().posts.story_feed(page=page_number())
    )


@blueprint.get("/lessons")
def lessons():
    """Show every published lesson, newest first."""
    feed = services().posts.posts_page(kind=LESSON, page=page_number())
    return render_template("lessons.html", feed=feed)


@blueprint.get("/lesson-of-the-week")
def lesson_of_the_week():
    """Show this week's lesson and the archive of earlier weeks."""
    kshare = services()
    week = kshare.current_week()
    candidates = []
    if g.user and g.user.is_coordinator:
        candidates = kshare.posts.posts_page(kind=LESSON, per_page=50).items
    return render_template(
        "weekly.html",
        week=week,
        weekly=kshare.weekly.lesson_of_the_week(week),
        archive=kshare.weekly.weekly_archive(week),
        candidates=candidates,
        form=request.args,
    )


@blueprint.post("/lesson-of-the-week")
def feature_lesson():
    """Make a lesson the lesson of a week (coordinators)."""
    form = request.form
    try:
        post_id = UUID(form.get("post_id", ""))
    except ValueError:
        raise Invalid("Choose a lesson to feature.") from None
    receipt = commands().feature_lesson(
        actor_id=actor_id(),
        week=form.get("week", ""),
        post_id=post_id,
        note=form.get("note", ""),
    )
    shown(receipt)
    return redirect(url_for("pages.lesson_of_the_week"))


@blueprint.get("/people/<handle>")
def person(handle: str):
    """Show a participant: profile, posts, appreciation, pairings and milestones."""
    kshare = services()
    someone = kshare.people.person_by_handle(handle)
    if someone is None:
        abort(404)
    own = g.user is not None and g.user.id == someone.id
    posts = kshare.posts.posts_page(
        author_id=someone.id, page=page_number(), drafts=own
    )
    return render_template(
        "person.html",
        person=someone,
        posts=posts,
        appreciation=kshare.posts.appreciation_received(someone.id),
        pairings=kshare.pairings.history_of_person(someone.id),
        milestones=kshare.growth.timeline_of_person(someone.id, date.today()),
        hours=kshare.feedback.mentoring_hours(someone.id),
        recognitions=kshare.feedback.recognitions(receiver_id=someone.id),
    )
