"""Sign up, sign in, sign out."""

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for

from ..domain.errors import Conflict, Invalid, NotAuthenticated
from .helpers import commands, live_services, shown

blueprint = Blueprint("accounts", __name__)
PROFILE = ("team", "role_title", "interests", "skills")


def safe_next(default: str) -> str:
    """A local path to go to after signing in; anything else goes home.

    Browsers drop tabs and newlines and read backslashes as slashes, so
    "/<tab>/evil.example" would become "//evil.example": refuse them all.
    """
    target = request.values.get("next") or ""
    if any(ord(c) < 32 or c in "\\\x7f" for c in target):
        return default
    parts = urlsplit(target)
    if (
        not target.startswith("/")
        or target.startswith("//")
        or parts.scheme
        or parts.netloc
    ):
        return default
    return target


@blueprint.route("/signup", methods=["GET", "POST"])
def sign_up():
    """Create an account and sign in."""
    if request.method == "GET":
        return render_template("signup.html", form={})
    form = request.form
    try:
        receipt = commands().register_participant(
            email=form.get("email", ""),
            handle=form.get("handle", ""),
            display_name=form.get("display_name", ""),
            password=form.get("password", ""),
            **{name: form.get(name, "") for name in PROFILE},
        )
    except (Invalid, Conflict) as error:
        flash(error.message, "error")
        return render_template("signup.html", form=form), 422
    shown(receipt)
    session.clear()
    session["participant_id"] = str(receipt.id)
    flash("Welcome to kshare!", "success")
    return redirect(url_for("pages.home"))


@blueprint.route("/signin", methods=["GET", "POST"])
def sign_in():
    """Sign in with email and password."""
    if request.method == "GET":
        return render_template("signin.html", email="")
    email = request.form.get("email", "")
    try:
        participant_id = live_services().app.authenticate(
            email, request.form.get("password", "")
        )
    except NotAuthenticated as error:
        flash(error.message, "error")
        return render_template("signin.html", email=email), 401
    session.clear()
    session["participant_id"] = str(participant_id)
    return redirect(safe_next(url_for("pages.home")))


@blueprint.post("/signout")
def sign_out():
    """Sign out."""
    session.clear()
    flash("Signed out.", "info")
    return redirect(url_for("pages.home"))
