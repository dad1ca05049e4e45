"""Time travel for auditors: browse the site as it stood at a moment.

The moment and its log position live in the session. While they are set,
every view reads a view of the past (``helpers.services``) and every page
shows a banner. The past is read-only by construction: its services hold
no application, so a view that gives a command there is refused (403).
"""

from datetime import datetime

from flask import (
    Blueprint,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from ...domain.errors import Invalid
from ...timetravel.moments import FORMATS, describe, parse_moment
from ..access import is_auditor
from ..helpers import live_services

blueprint = Blueprint("time_travel", __name__)
KEY = "as_of"


@blueprint.get("/as-of")
def form():
    """Ask for the moment to view the program as of."""
    return _form(request.args.get("date", ""), request.args.get("time", ""))


@blueprint.post("/as-of")
def travel():
    """Start viewing the program as it stood at the moment given."""
    day, at = request.form.get("date", "").strip(), request.form.get("time", "")
    try:
        moment = parse_moment(f"{day}T{at.strip()}" if day and at.strip() else day)
        past = live_services().time_travel.at(moment)
    except Invalid as error:
        flash(error.message, "error")
        return _form(day, at, 422)
    session[KEY] = {"moment": moment.isoformat(), "position": past.position}
    return redirect(url_for("pages.home"))


@blueprint.post("/present")
def present():
    """Go back to the present."""
    if session.pop(KEY, None):
        flash("Back to the present.", "info")
    return redirect(url_for("pages.home"))


def _form(day: str, at: str, status: int = 200):
    first = live_services().time_travel.moments.first_stamp()
    return render_template(
        "time_travel/form.html",
        day=day,
        at=at,
        first=describe(first) if first else None,
        formats=FORMATS,
    ), status


@blueprint.before_app_request
def in_the_past():
    """While an auditor views the past, serve it."""
    seen = session.get(KEY)
    if not seen or request.endpoint == "static":
        return
    if not is_auditor():  # signed out, or no longer an auditor
        session.pop(KEY, None)
        return
    try:
        moment = datetime.fromisoformat(seen["moment"])
        g.past = live_services().time_travel.past(seen["position"], moment)
    except (Invalid, KeyError, TypeError, ValueError):
        session.pop(KEY, None)
        flash("That view of the past is no longer available.", "error")


@blueprint.app_context_processor
def banner() -> dict:
    past = g.get("past")
    if past is None:
        return {"viewing_past": None}
    return {
        "viewing_past": {"moment": describe(past.moment), "position": past.position}
    }
