"""The JSON API of the audit tools, for auditors: the event log, the history
of an aggregate, and the seals.

401 without a token or session, 403 for anyone but an auditor, 404 for an
unknown aggregate, 422 for bad filters, 409 when verification finds the
log altered. The log is read whole, even while an auditor views the past.
"""

from flask import Blueprint, abort, jsonify, request, url_for

from ..access import AUDITORS, require_role
from ..audit.filters import log_query
from ..helpers import actor_id
from ..helpers import live_services as live

blueprint = Blueprint("audit", __name__, url_prefix="/audit")


@blueprint.before_request
def only_auditors() -> None:
    require_role(AUDITORS, "read the audit log")


@blueprint.get("/events")
def events():
    """List a page of the event log, filtered as asked; a cursor reads on."""
    query = log_query(request.args, api=True)
    page = live().audit_log.events(
        query.filters, query.order, query.page, query.per_page, query.cursor
    )
    following = None
    if page.next_cursor is not None:
        asked = {k: v for k, v in request.args.items() if k not in ("page", "cursor")}
        following = url_for(
            "api.audit.events", **asked, cursor=page.next_cursor, _external=True
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


@blueprint.get("/aggregates/<aggregate_id>")
def aggregate(aggregate_id: str):
    """Every version of one aggregate: its event, its state, what changed."""
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
            "api.audit.aggregate", aggregate_id=event.aggregate_id, _external=True
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


@blueprint.get("/seals")
def seals():
    """List the seals, newest first."""
    return jsonify(seals=[_seal_json(s) for s in live().integrity.seals()[::-1]])


@blueprint.post("/seal")
def seal():
    """Seal the log; answer with the seal (or the last one if nothing was new)."""
    receipt = live().seal(actor_id())
    made = live().integrity.seals()
    return jsonify(
        sealed=receipt.position is not None,
        seal=_seal_json(made[-1]) if made else None,
    ), (201 if receipt.position is not None else 200)


@blueprint.post("/verify")
def verify():
    """Check the log against every seal: 200 when intact, 409 when altered."""
    result = live().integrity.verify()
    finding = result.finding
    return jsonify(
        intact=result.ok,
        events=result.events,
        seals=len(result.seals),
        sealed_upto=result.sealed_upto,
        unsealed=result.unsealed,
        finding=finding.__dict__ if finding else None,
    ), (200 if result.ok else 409)


def _seal_json(seal) -> dict:
    return {
        "at": seal.at,
        "position": seal.position,
        "digest": seal.digest,
        "events": seal.events,
        "sealed_at": seal.sealed_at.isoformat() if seal.sealed_at else None,
    }
