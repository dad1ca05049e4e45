"""The JSON API of the program side: commands by name, and the read models."""

from datetime import date

from flask import Blueprint, jsonify, request

from ...application import catalog
from ..access import (
    COORDINATORS,
    DASHBOARD_READERS,
    require_pairing_member,
    require_role,
    signed_in,
)
from ..helpers import commands, live_services, services
from .common import an_id, body, caller, found, plain

blueprint = Blueprint("programs", __name__)


@blueprint.get("/commands")
def list_commands():
    """Every command with its arguments."""
    return jsonify(commands=catalog.describe(live_services().app))


@blueprint.post("/commands/<name>")
def run_command(name: str):
    """Run a command as the caller; answer once the read models show it."""
    actor, arguments = caller(), body()
    receipt = catalog.run(commands(), name, actor, arguments)
    services().wait_for(receipt.position)
    return jsonify(id=str(receipt.id), position=receipt.position)


@blueprint.get("/programs")
def programs():
    return jsonify(programs=plain(services().programs.programs()))


@blueprint.get("/programs/<slug>")
def program(slug: str):
    programs = services().programs
    shown = found(programs.program(slug), "program")
    return jsonify(
        program=plain(shown),
        charter_versions=plain(programs.charter_versions(shown.id)),
        templates=plain(programs.templates(shown.id)),
        cohorts=plain(programs.cohorts(shown.id)),
    )


@blueprint.get("/cohorts/<cohort_id>")
def cohort(cohort_id: str):
    kshare = services()
    shown = found(kshare.programs.cohort(an_id(cohort_id, "cohort")), "cohort")
    return jsonify(
        cohort=plain(shown),
        members=plain(kshare.programs.members(shown.id)),
        pairings=plain(kshare.pairings.history_of_cohort(shown.id)),
        milestones=plain(kshare.growth.timeline_of_cohort(shown.id, date.today())),
    )


@blueprint.get("/cohorts/<cohort_id>/metrics")
def metrics(cohort_id: str):
    require_role(DASHBOARD_READERS, "read the metrics")
    kshare = services()
    shown = found(kshare.programs.cohort(an_id(cohort_id, "cohort")), "cohort")
    surveys = [
        kshare.feedback.survey_summary(shown.id, o) for o in ("mid-cycle", "close")
    ]
    return jsonify(
        metrics=plain(kshare.metrics.cohort(shown.id, date.today())),
        surveys=plain(surveys),
    )


@blueprint.get("/cohorts/<cohort_id>/matching")
def matching(cohort_id: str):
    """The best assignment of the unpaired mentees, and the saved drafts."""
    require_role(COORDINATORS, "see matching")
    kshare = services()
    shown = found(kshare.programs.cohort(an_id(cohort_id, "cohort")), "cohort")
    rotating = request.args.get("rotating") in ("1", "true", "yes")
    return jsonify(
        assignment=plain(kshare.matching.assignment(shown.id, rotating=rotating)),
        drafts=plain(kshare.matching.drafts(shown.id)),
    )


@blueprint.get("/cohorts/<cohort_id>/suggestions/<mentee_id>")
def suggestions(cohort_id: str, mentee_id: str):
    """The best mentors for one mentee, each score with its reasons."""
    require_role(COORDINATORS, "see matching")
    kshare = services()
    shown = found(kshare.programs.cohort(an_id(cohort_id, "cohort")), "cohort")
    rotating = request.args.get("rotating") in ("1", "true", "yes")
    found_ = kshare.matching.suggestions(
        shown.id, an_id(mentee_id, "mentee"), rotating=rotating
    )
    return jsonify(suggestions=plain(found_))


@blueprint.get("/pairings/<pairing_id>")
def pairing(pairing_id: str):
    """A pairing's workspace, for its members and coordinators; one's own notes."""
    signed_in()
    kshare = services()
    space = found(kshare.pairings.workspace(an_id(pairing_id, "pairing")), "pairing")
    me = require_pairing_member(space).id
    return jsonify(
        workspace=plain(space),
        my_private_notes=plain(kshare.pairings.private_notes(me, space.pairing.id)),
    )


@blueprint.get("/celebrations")
def celebrations():
    return jsonify(celebrations=plain(services().growth.celebrations(limit=50)))
