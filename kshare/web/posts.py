"""A post's page, and writing, revising, publishing, retracting and appreciating."""

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

from ..domain.errors import Invalid
from ..domain.posts import KINDS, LESSON, PARTS
from .helpers import (
    actor_id,
    may_edit,
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
    queries = services().queries
    return render_template(
        "post.html",
        post=post,
        revisions=queries.revisions(post.id),
        appreciated=queries.has_appreciated(post.id, g.user.id if g.user else None),
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
        receipt = services().app.draft_post(
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


@blueprint.route("/posts/<post_id>/edit", methods=["GET", "POST"])
@sign_in_required
def edit(post_id: str):
    """Revise a post; every earlier revision is kept."""
    post = readable_post(post_id)
    if not may_edit(post):
        abort(403)
    if request.method == "GET":
        form = {"title": post.title, "tags": ", ".join(post.tags), **post.parts}
        return render_template(
            "write.html", kind=post.kind, form=form, post=post, preview=False
        )
    form = request.form
    if form.get("action") == "preview":
        return render_template(
            "write.html", kind=post.kind, form=form, post=post, preview=True
        )
    try:
        receipt = services().app.revise_post(
            actor_id=actor_id(),
            post_id=UUID(post.id),
            title=form.get("title", ""),
            parts=parts_from(form, post.kind),
            tags=form.get("tags", ""),
        )
    except Invalid as error:
        flash(error.message, "error")
        return render_template(
            "write.html", kind=post.kind, form=form, post=post, preview=False
        ), 422
    shown(receipt)
    return redirect(url_for("posts.show", post_id=post.id))


def _lifecycle(post_id: str, command: str, message: str, **extra):
    post = readable_post(post_id)
    receipt = getattr(services().app, command)(
        actor_id=actor_id(), post_id=UUID(post.id), **extra
    )
    shown(receipt)
    flash(message, "success")
    return redirect(url_for("posts.show", post_id=post.id))


@blueprint.post("/posts/<post_id>/publish")
@sign_in_required
def publish(post_id: str):
    """Publish a draft."""
    return _lifecycle(post_id, "publish_post", "Published.")


@blueprint.post("/posts/<post_id>/retract")
@sign_in_required
def retract(post_id: str):
    """Retract a published post, with a reason."""
    reason = request.form.get("reason", "")
    return _lifecycle(post_id, "retract_post", "Retracted.", reason=reason)


@blueprint.post("/posts/<post_id>/republish")
@sign_in_required
def republish(post_id: str):
    """Bring a retracted post back."""
    return _lifecycle(post_id, "republish_post", "Published again.")


@blueprint.post("/posts/<post_id>/appreciate")
@sign_in_required
def appreciate(post_id: str):
    """Appreciate a post (once; a second time changes nothing)."""
    return _lifecycle(
        post_id, "appreciate_post", "Thank you: the author will see your appreciation."
    )
