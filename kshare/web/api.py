"""The JSON API (see the README): posts, search and the two feeds.

Authentication: ``Authorization: Bearer <token>`` (``kshare token create``)
or the site's session, which must then send its CSRF token in
``X-CSRFToken`` for writes. Errors are ``{"error": {"status", "message"}}``.
"""

from dataclasses import asdict
from uuid import UUID

from flask import Blueprint, abort, g, jsonify, request, url_for
from flask_wtf.csrf import validate_csrf
from wtforms import ValidationError

from ..domain.errors import Invalid, NotAuthenticated
from ..domain.posts import LESSON, PARTS
from .helpers import readable_post, services
from .library import search_arguments
from .rendering import clean_snippet, render

blueprint = Blueprint("api", __name__, url_prefix="/api")


@blueprint.before_request
def authenticate() -> None:
    """Who is calling: a bearer token wins over the session."""
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        participant_id = services().app.identify_token(header[7:].strip())
        g.user = services().queries.person(str(participant_id))
    elif g.user is not None and request.method not in ("GET", "HEAD", "OPTIONS"):
        try:
            validate_csrf(request.headers.get("X-CSRFToken", ""))
        except ValidationError:
            raise NotAuthenticated(
                "Send the session's CSRF token in X-CSRFToken, or use a bearer token."
            ) from None


def caller() -> UUID:
    if g.user is None:
        raise NotAuthenticated(
            "This needs a bearer token (kshare token create EMAIL) or a session."
        )
    return UUID(g.user.id)


def body() -> dict:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        abort(400, "Send a JSON object with Content-Type: application/json.")
    return data


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
        services().queries.person_by_handle(args["author"])
        if args.get("author")
        else None
    )
    page = services().queries.posts_page(
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
    receipt = services().app.draft_post(
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
    actor, data, post = caller(), body(), readable_post(post_id)
    receipt = services().app.revise_post(
        actor_id=actor,
        post_id=UUID(post.id),
        title=_text(data, "title", post.title),
        tags=_tags(data, post.tags),
        parts={
            name: _text(data, name, post.parts.get(name, ""))
            for name, *_ in PARTS[post.kind]
        },
    )
    return written(receipt, 200)


@blueprint.get("/posts/<post_id>/revisions")
def revisions(post_id: str):
    """Every revision of a post, oldest first."""
    post = readable_post(post_id)
    found = services().queries.revisions(post.id)
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
    return jsonify(page_json(services().queries.story_feed(page=page)))


@blueprint.get("/feeds/lesson-of-the-week")
def weekly_feed():
    """This week's lesson, then the archive."""
    kshare = services()
    week = kshare.current_week()
    weeks = kshare.queries.weekly_feed(week)
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


@blueprint.route("/<path:anything>", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
def unknown(anything: str):
    abort(404)


def _text(data: dict, name: str, default: str = "") -> str:
    value = data.get(name, default)
    if not isinstance(value, str):
        raise Invalid(f"{name} must be a string.")
    return value


def _tags(data: dict, default: list[str]) -> list[str] | str:
    value = data.get("tags", default)
    if isinstance(value, str) or (
        isinstance(value, list) and all(isinstance(t, str) for t in value)
    ):
        return value
    raise Invalid("tags must be a list of strings or a comma-separated string.")
