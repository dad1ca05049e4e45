"""What every part of the JSON API shares: who is calling, the body, JSON values."""

import dataclasses
from datetime import date, datetime
from uuid import UUID

from flask import abort, g, request
from flask_wtf.csrf import validate_csrf
from wtforms import ValidationError

from ...domain.errors import NotAuthenticated
from ..access import signed_in
from ..helpers import live_services


def authenticate() -> None:
    """Who is calling: a bearer token wins over the session."""
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        present = live_services()
        participant_id = present.app.identify_token(header[7:].strip())
        g.user = present.people.person(str(participant_id))
    elif g.user is not None and request.method not in ("GET", "HEAD", "OPTIONS"):
        try:
            validate_csrf(request.headers.get("X-CSRFToken", ""))
        except ValidationError:
            raise NotAuthenticated(
                "Send the session's CSRF token in X-CSRFToken, or use a bearer token."
            ) from None


def caller() -> UUID:
    """The id of whoever is calling (401 when nobody is)."""
    return UUID(signed_in().id)


def body() -> dict:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        abort(400, "Send a JSON object with Content-Type: application/json.")
    return data


def plain(value):
    """Dataclasses, dates and tuples as JSON values (dates in ISO 8601)."""
    if dataclasses.is_dataclass(value):
        return plain(
            {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        )
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def found(value, what: str):
    if value is None:
        abort(404, f"No such {what}.")
    return value


def an_id(value: str, what: str) -> str:
    try:
        return str(UUID(value))
    except ValueError:
        abort(404, f"No such {what}.")
