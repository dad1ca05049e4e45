"""A post's page, and writing, revising, publishing, retracting and appreciating."""

from collections.abc import Callable
from uuid import UUID

from flask import (
    Blueprint,
    abort,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)

from ..application import Receipt
from ..domain.errors import Invalid
from ..domain.posts import KINDS, LESSON, PARTS
from .helpers import (
    actor_id,
    commands,
    may_edit,
    path_id,
    readable_post,
    services,
    shown,
    sign_in_required,
)

blueprint = Blueprint("posts", __name__)


def parts_from(form, kind: str) -> dict[str, str]:
    return {name: form.get(name, "") for name, *_ in PARTS[kind]}


@blueprint.get("/posts/<post_id>")
def show(post_id: str):
    """Show a post with its revisions and the appreciate button."""
    post = readable_post(post_id)
    posts = services().posts
    return render_template(
        "post.html",
        post=post,
        revisions=posts.revisions(post.id),
        appreciated=posts.has_appreciated(post.id, g.user.id if g.user else None),
    )


@blueprint.route("/write", methods=["GET", "POST"])
@sign_in_required
def write():
    """Write a new lesson or story, with a preview."""
    form = request.form if request.method == "POST" else request.args
    kind = form.get("kind", LESSON) if form.get("kind") in KINDS else LESSON
    if request.method == "GET" or form.get("action") == "preview":
        return render_template(
            "write.html", kind=kind, form=form, preview=request.method == "POST"
        )
    try:
        receipt = commands().draft_post(
            actor_id=actor_id(),
            kind=kind,
            title=form.get("title", ""),
            parts=parts_from(form, kind),
            tags=form.get("tags", ""),
            publish=form.get("action") == "publish",
        )
    except Invalid as error:
        flash(error.message, "error")
        return render_template("write.html", kind=kind, form=form, preview=False), 422
    shown(receipt)
    return redirect(url_for("posts.show", post_id=receipt.id))


def editable_post(post_id: str):
    """The post, for its author or a coordinator to revise (404, else 403)."""
    post = readable_post(post_id)
    if not may_edit(post):
        abort(403)
    return post


def parts_given(form) -> dict[str, str]:
    """The parts of a post the form gives, whatever the kind."""
    names = {name for kind in PARTS.values() for name, *_ in kind}
    return {name: form[name] for name in names if name in form}


@blueprint.get("/posts/<post_id>/edit")
@sign_in_required
def edit(post_id: str):
    """Show the form to revise a post."""
    post = editable_post(post_id)
    form = {"title": post.title, "tags": ", ".join(post.tags), **post.parts}
    return render_template(
        "write.html", kind=post.kind, form=form, post=post, preview=False
    )


@blueprint.post("/posts/<post_id>/edit")
@sign_in_required
def revise(post_id: str):
    """Revise a post, or preview the revision; every earlier revision is kept."""
    form = request.form
    if form.get("action") == "preview":
        post = editable_post(post_id)
        return render_template(
            "write.html", kind=post.kind, form=form, post=post, preview=True
        )
    try:
        receipt = commands().revise_post(
            actor_id=actor_id(),
            post_id=path_id(post_id, "post"),
            title=form.get("title", ""),
            parts=parts_given(form),
            tags=form.get("tags", ""),
        )
    except Invalid as error:
        flash(error.message, "error")
        post = editable_post(post_id)
        return render_template(
            "write.html", kind=post.kind, form=form, post=post, preview=False
        ), 422
    shown(receipt)
    return redirect(url_for("posts.show", post_id=receipt.id))


def on_post(post_id: str, give: Callable[[UUID], Receipt], done: str):
    """Give a command on a post, then show the post with ``done`` said."""
    post = path_id(post_id, "post")
    shown(give(post))
    flash(done, "success")
    return redirect(url_for("posts.show", post_id=post))


@blueprint.post("/posts/<post_id>/publish")
@sign_in_required
def publish(post_id: str):
    """Publish a draft."""
    return on_post(
        post_id,
        lambda post: commands().publish_post(actor_id=actor_id(), post_id=post),
        "Published.",
    )


@blueprint.post("/posts/<post_id>/retract")
@sign_in_required
def retract(post_id: str):
    """Retract a published post, with a reason."""
    reason = request.form.get("reason", "")
    return on_post(
        post_id,
        lambda post: commands().retract_post(
            actor_id=actor_id(), post_id=post, reason=reason
        ),
        "Retracted.",
    )


@blueprint.post("/posts/<post_id>/republish")
@sign_in_required
def republish(post_id: str):
    """Bring a retracted post back."""
    return on_post(
        post_id,
        lambda post: commands().republish_post(actor_id=actor_id(), post_id=post),
        "Published again.",
    )


@blueprint.post("/posts/<post_id>/appreciate")
@sign_in_required
def appreciate(post_id: str):
    """Appreciate a post (once; a second time changes nothing)."""
    return on_post(
        post_id,
        lambda post: commands().appreciate_post(actor_id=actor_id(), post_id=post),
        "Thank you: the author will see your appreciation.",
    )
