"""Errors: a page for people, JSON for the API; never a stack trace."""

import logging

from flask import Flask, jsonify, redirect, render_template, request, url_for
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from ..domain.errors import (
    Conflict,
    DomainError,
    Invalid,
    NotAllowed,
    NotAuthenticated,
    NotFound,
)

log = logging.getLogger(__name__)
STATUS = {
    Invalid: 422,
    NotFound: 404,
    NotAllowed: 403,
    NotAuthenticated: 401,
    Conflict: 409,
}
TITLES = {
    400: "Bad request",
    401: "Please sign in",
    403: "Not allowed",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    413: "Too large",
    422: "Cannot do that",
    500: "Something went wrong",
}


def status_of(error: DomainError) -> int:
    return next(code for kind, code in STATUS.items() if isinstance(error, kind))


def respond(status: int, message: str):
    if request.path.startswith("/api/"):
        return jsonify(error={"status": status, "message": message}), status
    if status == 401:
        return redirect(url_for("accounts.sign_in", next=request.full_path))
    title = TITLES.get(status, "Error")
    return render_template(
        "error.html", title=title, message=message, status=status
    ), status


def register(app: Flask) -> None:
    @app.errorhandler(DomainError)
    def domain_error(error: DomainError):
        return respond(status_of(error), error.message)

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return respond(
            400,
            "The form was stale or incomplete; please go back, reload and try again.",
        )

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        messages = {
            404: "There is nothing at this address.",
            405: f"{request.method} is not allowed here.",
            413: "That request is too large (at most 1 MB).",
        }
        custom = error.description != type(error).description
        message = error.description if custom else messages.get(error.code)
        return respond(error.code or 500, message or error.description or "")

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        log.exception("unexpected error on %s %s", request.method, request.path)
        return respond(
            500, "Something went wrong on our side; nothing you saved was lost."
        )
