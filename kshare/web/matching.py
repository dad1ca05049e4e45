"""Matching on the cohort board: preview, save as a draft, approve or discard."""

from uuid import UUID

from flask import Blueprint, abort, g, render_template, request, url_for
from markupsafe import Markup

from .forms import attempt
from .helpers import actor_id, commands, path_id, services, sign_in_required
from .programs import board, found_cohort

blueprint = Blueprint("matching", __name__)


def matching_section(cohort) -> str:
    """The coordinator's matching panel of a cohort board (empty for others)."""
    if not (g.user and g.user.is_coordinator) or cohort.stage == "closed":
        return Markup("")
    rotating = request.args.get("rotating") == "1"
    kshare = services()
    return Markup(  # rendered (and escaped) by its own template
        render_template(
            "programs/_matching.html",
            cohort=cohort,
            rotating=rotating,
            proposed=kshare.matching.assignment(cohort.id, rotating=rotating),
            drafts=kshare.matching.drafts(cohort.id),
            names={
                m.participant_id: m.display_name
                for m in kshare.programs.members(cohort.id)
            },
        )
    )


@blueprint.post("/cohorts/<cohort_id>/matching")
@sign_in_required
def save_draft(cohort_id: str):
    """Save the best assignment of the unpaired mentees as a draft to review."""
    cohort = found_cohort(cohort_id)
    rotating = request.form.get("rotating") == "1"
    proposed = services().matching.assignment(cohort.id, rotating=rotating)
    pairs = [
        {
            "mentee_id": p.mentee.id,
            "mentor_id": p.mentor.id,
            "score": p.score.total,
            "reasons": list(p.score.reasons),
        }
        for p in proposed
    ]
    return attempt(
        lambda: commands().save_matching_draft(
            actor_id=actor_id(),
            cohort_id=UUID(cohort.id),
            pairs=pairs,
            rotating=rotating,
        ),
        lambda: board(cohort),
        url_for("programs.cohort", cohort_id=cohort.id),
    )


@blueprint.post("/matching/<draft_id>/<decision>")
@sign_in_required
def decide(draft_id: str, decision: str):
    """Approve a draft (its pairings are proposed) or discard it."""
    if decision not in ("approve", "discard"):
        abort(404)
    draft = path_id(draft_id, "draft")
    cohort = found_cohort(request.form.get("cohort_id", ""))

    def give():
        app, me = commands(), actor_id()
        if decision == "approve":
            return app.approve_matching_draft(actor_id=me, draft_id=draft)
        return app.discard_matching_draft(actor_id=me, draft_id=draft)

    return attempt(
        give,
        lambda: board(cohort),
        url_for("programs.cohort", cohort_id=cohort.id),
    )
