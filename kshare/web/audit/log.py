"""The event log browser and the history of an aggregate (read whole, even
while an auditor views the past)."""

from flask import Blueprint, abort, render_template, request

from ...domain.errors import Invalid
from ..helpers import live_services as live
from .filters import event_types, log_query

blueprint = Blueprint("log", __name__)


@blueprint.get("/log")
def events():
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
