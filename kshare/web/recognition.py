"""Peer recognition: thank someone publicly, and read who was thanked lately."""

from uuid import UUID

from flask import Blueprint, render_template, request, url_for

from .forms import attempt
from .helpers import actor_id, commands, person_called, services, sign_in_required

blueprint = Blueprint("recognition", __name__)


def recognition_page():
    recent = services().feedback.recognitions(limit=30)
    return render_template("recognition.html", recent=recent, form=request.form)


@blueprint.get("/recognition")
def show():
    """Show recent peer recognition, and a form to recognise someone."""
    return recognition_page()


@blueprint.post("/recognition")
@sign_in_required
def recognize():
    """Recognise someone publicly, with a message."""
    form = request.form
    return attempt(
        lambda: commands().recognize(
            actor_id=actor_id(),
            receiver_id=UUID(person_called(form.get("handle", "")).id),
            message=form.get("message", ""),
        ),
        recognition_page,
        url_for("recognition.show"),
    )
