"""The JSON API of the knowledge library: posts, search and the feeds."""

from dataclasses import asdict

from flask import Blueprint, abort, jsonify, request, url_for

from ...domain.errors import Invalid
from ...domain.posts import LESSON, PARTS
from ..helpers import commands, path_id, readable_post, services
from ..library import search_arguments
from ..rendering import clean_snippet, render
from .common import body, caller

blueprint = Blueprint("library", __name__)
PART_NAMES = {name for parts in PARTS.values() for name, *_ in parts}


def summary_json(post) -> dict:
    data = asdict(post)
    for name in ("published_at", "updated_at", "created_at"):
        if data.get(name):
            data[name] = data[name].isoformat()
    data["url"] = url_for("posts.show", post_id=post.id, _external=True)
    return data


def post_json(post) -> dict:
    data = summary_json(post)
    data["html"] = {name: render(text) for name, text in post.parts.items()}
    return data


def page_json(page, key: str = "posts") -> dict:
    return {
        key: [summary_json(p) for p in page.items],
        "total": page.total,
        "page": page.page,
        "pages": page.pages,
    }


def written(receipt, status: int):
    services().wait_for(receipt.position)
    return jsonify(post=post_json(readable_post(str(receipt.id)))), status


@blueprint.get("/posts")
def list_posts():
    """List published posts, newest first."""
    args = request.args
    author = (
        services().people.person_by_handle(args["author"])
        if args.get("author")
        else None
    )
    page = services().posts.posts_page(
        kind=args.get("kind") or None,
        author_id=author.id if author else None,
        page=args.get("page", 1, type=int) or 1,
        per_page=args.get("per_page", 20, type=int) or 20,
    )
    if args.get("author") and author is None:
        abort(404, f"No participant @{args['author']}.")
    return jsonify(page_json(page))


@blueprint.post("/posts")
def create_post():
    """Create a post; it is published unless "publish": false."""
    actor, data = caller(), body()
    kind = data.get("kind", LESSON)
    receipt = commands().draft_post(
        actor_id=actor,
        kind=kind,
        title=_text(data, "title"),
        tags=_tags(data, []),
        parts={name: _text(data, name) for name, *_ in PARTS.get(kind, ())},
        publish=bool(data.get("publish", True)),
    )
    return written(receipt, 201)


@blueprint.get("/posts/<post_id>")
def get_post(post_id: str):
    """Read one post."""
    return jsonify(post=post_json(readable_post(post_id)))


@blueprint.route("/posts/<post_id>", methods=["PATCH", "PUT"])
def revise_post(post_id: str):
    """Revise a post; fields left out keep their current value."""
    actor, data = caller(), body()
    receipt = commands().revise_post(
        actor_id=actor,
        post_id=path_id(post_id, "post"),
        title=_text(data, "title") if "title" in data else None,
        tags=_tags(data, None),
        parts={name: _text(data, name) for name in PART_NAMES if name in data},
    )
    return written(receipt, 200)


@blueprint.get("/posts/<post_id>/revisions")
def revisions(post_id: str):
    """Every revision of a post, oldest first."""
    post = readable_post(post_id)
    found = services().posts.revisions(post.id)
    return jsonify(revisions=[asdict(r) | {"at": r.at.isoformat()} for r in found])


@blueprint.get("/search")
def search():
    """Search the library (same syntax as the site)."""
    results = services().search.search(
        request.args.get("q", ""), **search_arguments(request.args)
    )
    return jsonify(
        query=results.query,
        total=results.total,
        more=results.more,  # more posts match than the total counted
        page=results.page,
        pages=results.pages,
        hits=[
            {
                **asdict(hit),
                "published": hit.published.isoformat(),
                "snippet": clean_snippet(hit.snippet),
            }
            for hit in results.hits
        ],
        facets={
            "tags": [{"name": n, "count": c} for n, c in results.tags],
            "authors": [{"name": n, "count": c} for n, c in results.authors],
        },
        suggestion=results.suggestion,
        message=results.message,
    )


@blueprint.get("/feeds/stories")
def story_feed():
    """The story feed, newest first."""
    page = request.args.get("page", 1, type=int) or 1
    return jsonify(page_json(services().posts.story_feed(page=page)))


@blueprint.get("/feeds/lesson-of-the-week")
def weekly_feed():
    """This week's lesson, then the archive."""
    kshare = services()
    week = kshare.current_week()
    weeks = kshare.weekly.weekly_feed(week)
    return jsonify(
        week=week,
        weeks=[
            {
                "week": w.week,
                "note": w.note,
                "chosen": w.chosen,
                "post": summary_json(w.post),
            }
            for w in weeks
        ],
    )


def _text(data: dict, name: str, default: str = "") -> str:
    value = data.get(name, default)
    if not isinstance(value, str):
        raise Invalid(f"{name} must be a string.")
    return value


def _tags(data: dict, default: list[str] | None) -> list[str] | str | None:
    if "tags" not in data:
        return default
    value = data["tags"]
    if isinstance(value, str) or (
        isinstance(value, list) and all(isinstance(t, str) for t in value)
    ):
        return value
    raise Invalid("tags must be a list of strings or a comma-separated string.")
