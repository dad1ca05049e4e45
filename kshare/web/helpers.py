"""What every view shares: the services, the signed-in person, waiting for writes.

Views read through ``services()`` (the past while an auditor views it) and
give commands through ``commands()``, as functions: ``commands().log_session(
actor_id=actor_id(), ...)``. The application decides what is allowed and
answers 404 or 403 from the aggregate itself; a view reads the read models
again only to render.
"""

from datetime import datetime
from functools import lru_cache, wraps
from uuid import UUID

from flask import (
    abort,
    current_app,
    flash,
    g,
    has_request_context,
    redirect,
    request,
    session,
    url_for,
)

from ..application import KnowledgeShare
from ..bootstrap import PastServices, Services
from ..domain.errors import Invalid
from ..domain.posts import DRAFT, PARTS
from .rendering import clean_snippet, render


def services() -> Services | PastServices:
    """What views read: the past while an auditor views it (see audit.time_travel)."""
    return g.get("past") or live_services()


def live_services() -> Services:
    """The present, whatever moment is viewed: who is signed in, the audit log."""
    return current_app.extensions["kshare"]


def commands() -> KnowledgeShare:
    """The application to give commands to (the past has none: it refuses)."""
    return services().app


def path_id(value: str, what: str) -> UUID:
    """An id from the address; a 404 page ("No such pairing.") when it is none."""
    try:
        return UUID(value)
    except ValueError:
        abort(404, f"No such {what}.")


def load_user() -> None:
    """Find the signed-in participant (if any) for this request."""
    g.user = None
    participant_id = session.get("participant_id")
    if participant_id:
        person = live_services().people.person(participant_id)
        if person is None or not person.active:
            session.clear()
        else:
            g.user = person


def actor_id() -> UUID | None:
    return UUID(g.user.id) if g.user else None


def sign_in_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.user is None:
            flash("Please sign in first.", "info")
            return redirect(url_for("accounts.sign_in", next=request.full_path))
        return view(*args, **kwargs)

    return wrapped


def shown(receipt) -> None:
    """Wait until the projections show this command's write (bounded)."""
    if not services().wait_for(receipt.position):
        flash(
            "Saved. The pages are still catching up: refresh in a moment to see it.",
            "info",
        )


def person_called(handle: str):
    """The person with this handle (written with or without its "@")."""
    handle = handle.strip().lstrip("@").lower()
    person = services().people.person_by_handle(handle)
    if person is None:
        raise Invalid(f"There is nobody called @{handle}.")
    return person


def may_edit(post) -> bool:
    return g.user is not None and (g.user.id == post.author_id or g.user.is_coordinator)


def readable_post(post_id: str):
    """The post if this person may read it (drafts: its editors only), else 404."""
    post = services().posts.post(str(path_id(post_id, "post")))
    if post is None or (post.status == DRAFT and not may_edit(post)):
        abort(404, "No such post.")
    return post


def human_date(moment: datetime | None) -> str:
    return moment.strftime("%-d %b %Y") if moment else ""


@lru_cache(maxsize=16384)
def _url(script_root: str, endpoint: str, values: tuple) -> str:
    return url_for(endpoint, **dict(values))


def cached_url_for(endpoint: str, **values) -> str:
    """``url_for`` for templates, remembered: a list page links to the same
    people, tags and posts over and over, and building each link anew was
    the larger part of rendering one."""
    if values.get("_external") or not has_request_context():
        return url_for(endpoint, **values)
    try:
        return _url(request.script_root, endpoint, tuple(sorted(values.items())))
    except TypeError:  # a value that cannot be a key (a list): build it
        return url_for(endpoint, **values)


def template_helpers() -> dict:
    return {"current_user": g.get("user")}


TEMPLATE_GLOBALS = {
    "markdown": render,
    "snippet": clean_snippet,
    "human_date": human_date,
    "may_edit": may_edit,
    "url_for": cached_url_for,
    "PARTS": PARTS,
}


def dict_without(args: dict, name: str) -> dict:
    return {k: v for k, v in args.items() if k not in (name, "page")}


def with_page(args: dict, page: int) -> dict:
    return {**args, "page": page}


def with_filter(args: dict, name: str, value: str) -> dict:
    return {**dict_without(args, name), name: value}


FILTERS = {
    "dict_without": dict_without,
    "with_page": with_page,
    "with_filter": with_filter,
}
