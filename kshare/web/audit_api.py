"""The JSON API of the event log browser, for auditors.

Routes join the API blueprint (same authentication, same error bodies):
401 without a token or session, 403 for anyone but an auditor, 404 for an
unknown aggregate, 422 for bad filters.
"""

from flask import abort, jsonify, request, url_for

from .api import blueprint
from .audit_filters import auditors_only, live, log_query


@blueprint.get("/audit/events")
def audit_events():
    """List a page of the event log, filtered as asked; a cursor reads on."""
    auditors_only()
    query = log_query(request.args, api=True)
    page = live().audit_log.events(
        query.filters, query.order, query.page, query.per_page, query.cursor
    )
    following = None
    if page.next_cursor is not None:
        asked = {k: v for k, v in request.args.items() if k not in ("page", "cursor")}
        following = url_for(
            "api.audit_events", **asked, cursor=page.next_cursor, _external=True
        )
    return jsonify(
        events=[event_json(e) for e in page.events],
        order=page.order,
        total=page.total,
        page=page.page,
        pages=page.pages,
        per_page=page.per_page,
        next_cursor=page.next_cursor,
        next=following,
    )


@blueprint.get("/audit/aggregates/<aggregate_id>")
def audit_aggregate(aggregate_id: str):
    """Every version of one aggregate: its event, its state, what changed."""
    auditors_only()
    history = live().audit_log.history(aggregate_id)
    if history is None:
        abort(404, "No aggregate has this id.")
    return jsonify(
        aggregate={
            "id": history.aggregate_id,
            "type": history.aggregate_type,
            "label": history.label,
            "unreadable_from_version": history.unreadable,
        },
        versions=[
            {
                "event": event_json(v.event),
                "state": v.state,
                "redacted_state": list(v.hidden),
                "changes": [change_json(c) for c in v.changes],
            }
            for v in history.versions
        ],
    )


def event_json(event) -> dict:
    return {
        "position": event.position,
        "occurred_at": event.occurred_at.isoformat(),
        "event_type": event.event_type,
        "aggregate_type": event.aggregate_type,
        "aggregate_id": event.aggregate_id,
        "version": event.version,
        "actor": {"id": event.actor_id, "handle": event.actor_handle},
        "payload": event.payload if event.readable else None,
        "redacted": list(event.redacted),
        "history": url_for(
            "api.audit_aggregate", aggregate_id=event.aggregate_id, _external=True
        ),
    }


def change_json(change) -> dict:
    """A text change as diff lines ("- ", "+ ", "  "); other values before/after."""
    if not change.is_text:
        return {
            "field": change.field,
            "kind": "value",
            "before": change.before,
            "after": change.after,
        }
    signs = {"removed": "- ", "added": "+ ", "same": "  ", "gap": "@@ "}
    return {
        "field": change.field,
        "kind": "text",
        "diff": [signs[line.op] + line.text for line in change.lines],
    }
