"""The Flask site, the Atom feeds and the JSON API.

``create_app`` builds everything; nothing connects or starts on import.
One blueprint per area of the site; ``api`` and ``audit`` are packages
whose parts are blueprints of their own, nested in theirs.
"""

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from ..bootstrap import Services, build
from ..config import Settings
from . import (
    accounts,
    api,
    audit,
    dashboard,
    errors,
    feeds,
    library,
    matching,
    pages,
    pairings,
    posts,
    programs,
    recognition,
)
from .helpers import FILTERS, TEMPLATE_GLOBALS, load_user, template_helpers

MAX_BODY = 1024 * 1024
AREAS = (
    pages,
    posts,
    library,
    programs,
    pairings,
    matching,
    recognition,
    accounts,
    feeds,
    dashboard,
    audit,
    api,
)


def create_app(
    settings: Settings | None = None, services: Services | None = None
) -> Flask:
    settings = settings or (services.settings if services else Settings.from_env())
    services = services or build(settings)
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=settings.secret_key,
        MAX_CONTENT_LENGTH=MAX_BODY,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        WTF_CSRF_TIME_LIMIT=None,
    )
    app.extensions["kshare"] = services
    csrf = CSRFProtect(app)
    for part in (api.blueprint, *api.PARTS):  # the API checks CSRF for sessions
        csrf.exempt(part)
    app.before_request(load_user)
    app.context_processor(template_helpers)
    app.jinja_env.filters.update(FILTERS)
    app.jinja_env.globals.update(TEMPLATE_GLOBALS)
    app.jinja_env.globals["matching_section"] = matching.matching_section
    for area in AREAS:
        app.register_blueprint(area.blueprint)
    errors.register(app)
    if settings.run_projections:
        services.runner.start()
    return app
