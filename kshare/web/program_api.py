"""The JSON API of the program side: commands by name, and the read models.

Routes join the API blueprint (same authentication, same error bodies).
"""

import dataclasses
from datetime import date, datetime
from uuid import UUID

from flask import abort, g, jsonify, request

from ..application import catalog
from ..domain.errors import NotAllowed
from .api import blueprint, body, caller
from .helpers import services

READERS = ("coordinator", "sponsor", "auditor")


def plain(value):
    """Dataclasses, dates and tuples as JSON values (dates in ISO 8601)."""
    if dataclasses.is_dataclass(value):
        return plain(
            {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        )
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def found(value, what: str):
    if value is None:
        abort(404, f"No such {what}.")
    return value


def an_id(value: str, what: str) -> str:
    try:
        return str(UUID(value))
    except ValueError:
        abort(404, f"No such {what}.")


def role_in(roles: tuple[str, ...], doing: str) -> None:
    caller()
    if g.user.role not in roles:
        raise NotAllowed(f"Only a {' or a '.join(roles)} may {doing}.")


@blueprint.get("/commands")
def commands():
    """Every command with its arguments."""
    return jsonify(commands=catalog.describe(services().app))


@blueprint.post("/commands/<name>")
def run_command(name: str):
    """Run a command as the caller; answer once the read models show it."""
    actor, arguments = caller(), body()
    receipt = catalog.run(services().app, name, actor, arguments)
    services().wait_for(receipt.position)
    return jsonify(id=str(receipt.id), position=receipt.position)


@blueprint.get("/programs")
def programs():
    return jsonify(programs=plain(services().programs.programs()))


@blueprint.get("/programs/<slug>")
def program(slug: str):
    queries = services().programs
    shown = found(queries.program(slug), "program")
    return jsonify(
        program=plain(shown),
        charter_versions=plain(queries.charter_versions(shown.id)),
        templates=plain(queries.templates(shown.id)),
        cohorts=plain(queries.cohorts(shown.id)),
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
    role_in(READERS, "read the metrics")
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
    role_in(("coordinator",), "see matching")
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
    role_in(("coordinator",), "see matching")
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
    me = str(caller())
    kshare = services()
    space = found(kshare.pairings.workspace(an_id(pairing_id, "pairing")), "pairing")
    members = {m.participant_id for m in space.pairing.members}
    if me not in members and g.user.role != "coordinator":
        raise NotAllowed(
            "Only the members of this pairing (or a coordinator) may see it."
        )
    return jsonify(
        workspace=plain(space),
        my_private_notes=plain(kshare.pairings.private_notes(me, space.pairing.id)),
    )


@blueprint.get("/celebrations")
def celebrations():
    return jsonify(celebrations=plain(services().growth.celebrations(limit=50)))
