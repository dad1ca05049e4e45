"""The auditors' pages: the event log browser and the history of an aggregate.

Only auditors open them: others get a 403 page, and someone signed out is
sent to sign in first.
"""

from flask import Blueprint, abort, render_template, request

from ..domain.confidential import REDACTED
from ..domain.errors import Invalid
from ..domain.ids import OPERATOR
from ..projections.audit.browser_diff import compact
from .audit_filters import auditors_only, event_types, live, log_query

blueprint = Blueprint("audit", __name__, url_prefix="/audit")


@blueprint.before_request
def only_auditors() -> None:
    auditors_only()


@blueprint.app_template_filter("audit_value")
def audit_value(value) -> str:
    """A payload or state value as text: strings as they are, the rest as JSON."""
    return value if isinstance(value, str) else compact(value)


@blueprint.context_processor
def audit_helpers() -> dict:
    return {"OPERATOR_ID": str(OPERATOR), "REDACTED": REDACTED}


@blueprint.get("/log")
def log():
    """Show a page of the event log, filtered and ordered as asked."""
    try:
        query = log_query(request.args)
    except Invalid as error:
        return _log_page(None, error.message), 422
    page = live().audit_log.events(query.filters, query.order, query.page)
    return _log_page(page, None)


@blueprint.get("/aggregates/<aggregate_id>")
def aggregate(aggregate_id: str):
    """Show every version of one aggregate, with what changed in each."""
    history = live().audit_log.history(aggregate_id)
    if history is None:
        abort(404, "No aggregate has this id.")
    return render_template("audit/aggregate.html", history=history)


def _log_page(page, problem: str | None) -> str:
    return render_template(
        "audit/log.html",
        page=page,
        problem=problem,
        args=request.args.to_dict(),
        event_types=event_types(),
    )
