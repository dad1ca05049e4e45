"""The Flask site, the Atom feeds and the JSON API.

``create_app`` builds everything; nothing connects or starts on import.
"""

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from ..bootstrap import Services, build
from ..config import Settings
from . import (
    accounts,
    api,
    audit,
    audit_api,  # noqa: F401  (its routes join the API blueprint)
    audit_seals,  # noqa: F401  (its routes join the audit and API blueprints)
    dashboard,
    errors,
    feeds,
    library,
    matching,
    pages,
    pairings,
    posts,
    program_api,  # noqa: F401  (its routes join the API blueprint)
    programs,
    time_travel,
)
from .helpers import FILTERS, TEMPLATE_GLOBALS, load_user, template_helpers

MAX_BODY = 1024 * 1024


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
    csrf.exempt(api.blueprint)  # the API checks CSRF itself for session users
    app.before_request(load_user)
    app.context_processor(template_helpers)
    app.jinja_env.filters.update(FILTERS)
    app.jinja_env.globals.update(TEMPLATE_GLOBALS)
    app.jinja_env.globals["matching_section"] = matching.matching_section
    for module in (
        pages,
        posts,
        library,
        programs,
        pairings,
        accounts,
        feeds,
        api,
        dashboard,
        matching,
        audit,
        time_travel,
    ):
        app.register_blueprint(module.blueprint)
    errors.register(app)
    if settings.run_projections:
        services.runner.start()
    return app
