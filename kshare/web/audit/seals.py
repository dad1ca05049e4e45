"""The seals page: seal now, verify, download a redacted export.

Sealing and exporting are the only commands an auditor gives; both are
recorded in the log like every other command.
"""

import tempfile

from flask import Blueprint, flash, redirect, render_template, send_file, url_for

from ...audit.exporting import export_log
from ..helpers import actor_id
from ..helpers import live_services as live

blueprint = Blueprint("seals", __name__)


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
    return redirect(url_for("audit.seals.index"))


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
