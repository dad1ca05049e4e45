"""Seals on the site and in the API: seal now, verify, download a redacted export.

Sealing and exporting are the only commands an auditor gives; both are
recorded in the log like every other command.
"""

import tempfile

from flask import flash, g, jsonify, redirect, render_template, send_file, url_for

from ..projections.audit.export import export_log
from .api import blueprint as api
from .audit import blueprint
from .audit_filters import auditors_only, live
from .helpers import actor_id


def seals_panel(verification=None) -> dict:
    """What the audit page shows of the seals."""
    services = live()
    return {
        "seals": services.integrity.seals()[::-1],
        "head": services.log.head(),
        "verification": verification,
    }


@blueprint.get("")
def index():
    """Show the audit tools: the event log, the seals, verification, export."""
    return render_template("audit/index.html", **seals_panel())


@blueprint.post("/seal")
def seal():
    """Seal the log up to its last event."""
    receipt = live().seal(actor_id())
    upto = live().app.sealed_upto()
    if receipt.position is None:
        flash(f"Nothing new since the seal of position {upto}.", "info")
    else:
        flash(f"Sealed the log up to position {upto}.", "success")
    return redirect(url_for("audit.index"))


@blueprint.post("/verify")
def verify():
    """Re-read the whole log and check it against every seal."""
    result = live().integrity.verify()
    status = 200 if result.ok else 409
    return render_template("audit/index.html", **seals_panel(result)), status


@blueprint.get("/export.jsonl")
def export():
    """Download the log as JSON Lines, confidential fields redacted."""
    services = live()
    out = tempfile.TemporaryFile()  # noqa: SIM115  (send_file closes it when sent)
    done = export_log(services.log, out, complete=False)
    if done.head:
        services.app.record_export(
            actor_id=actor_id(), position=done.head, complete=False
        )
    out.seek(0)
    return send_file(
        out,
        mimetype="application/x-ndjson",
        as_attachment=True,
        download_name=f"kshare-export-{done.head}.jsonl",
    )


@api.get("/audit/seals")
def api_seals():
    """List the seals, newest first."""
    auditors_only()
    return jsonify(seals=[_seal_json(s) for s in live().integrity.seals()[::-1]])


@api.post("/audit/seal")
def api_seal():
    """Seal the log; answer with the seal (or the last one if nothing was new)."""
    auditors_only()
    receipt = live().seal(g.user and actor_id())
    seals = live().integrity.seals()
    return jsonify(
        sealed=receipt.position is not None,
        seal=_seal_json(seals[-1]) if seals else None,
    ), (201 if receipt.position is not None else 200)


@api.post("/audit/verify")
def api_verify():
    """Check the log against every seal: 200 when intact, 409 when altered."""
    auditors_only()
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
