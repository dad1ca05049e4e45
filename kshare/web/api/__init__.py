"""The JSON API (see docs/api.md): one blueprint under ``/api``, in parts.

Authentication: ``Authorization: Bearer <token>`` (``kshare token create``)
or the site's session, which must then send its CSRF token in
``X-CSRFToken`` for writes. Errors are ``{"error": {"status", "message"}}``.

- ``library``: posts, search and the feeds;
- ``programs``: commands by name, and the program read models;
- ``audit``: the event log, aggregate histories and seals, for auditors.
"""

from flask import Blueprint, abort

from . import audit, library, programs
from .common import authenticate

PARTS = (library.blueprint, programs.blueprint, audit.blueprint)

blueprint = Blueprint("api", __name__, url_prefix="/api")
blueprint.before_request(authenticate)
for part in PARTS:
    blueprint.register_blueprint(part)


@blueprint.route("/<path:anything>", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
def unknown(anything: str):
    abort(404)
