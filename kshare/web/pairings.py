"""Pairings: proposing them, their workspace and the mentees' development plans."""

from collections.abc import Callable
from datetime import date
from uuid import UUID

from flask import Blueprint, abort, g, render_template, request, url_for

from ..application import Receipt
from ..domain.pairings import MENTEE, MENTOR, SESSION_FORMATS
from .access import require_pairing_member
from .forms import as_id, attempt, lines, number, texts
from .helpers import (
    actor_id,
    commands,
    path_id,
    person_called,
    services,
    sign_in_required,
)
from .programs import board, found_cohort, program_of

blueprint = Blueprint("pairings", __name__)
STAGES = ("mid-cycle", "end-of-cycle", "closing")


def field(name: str) -> str:
    return request.form.get(name, "")


def found_workspace(pairing_id: str):
    """The pairing's workspace, for its members and coordinators only."""
    space = services().pairings.workspace(str(path_id(pairing_id, "pairing")))
    if space is None:
        abort(404, "No such pairing.")
    require_pairing_member(space)
    return space


def member(space):
    return next(
        (m for m in space.pairing.members if m.participant_id == g.user.id), None
    )


def plans(space) -> list[tuple]:
    """Each mentee with the goals and milestones of their plan in this pairing."""
    growth, pairing, today = services().growth, space.pairing, date.today()
    mentees = [m for m in pairing.members if m.role == MENTEE]
    return [(m, *growth.plan(pairing.id, m.participant_id, today)) for m in mentees]


def agendas(program) -> tuple[list[dict], str]:
    """The program's agenda templates, and the text of the one asked for."""
    found = [
        t for t in services().programs.templates(program.id) if t["kind"] == "agenda"
    ]
    chosen = next(
        (t["body"] for t in found if t["key"] == request.args.get("agenda")), ""
    )
    return found, chosen


def workspace_page(space):
    pairing, cohort = space.pairing, found_cohort(space.pairing.cohort_id)
    program = program_of(cohort)
    templates, agenda = agendas(program)
    return render_template(
        "pairings/workspace.html",
        space=space,
        pairing=pairing,
        me=member(space),
        handles={m.participant_id: m.handle for m in pairing.members},
        notes=services().pairings.private_notes(g.user.id, pairing.id),
        plans=plans(space),
        competencies=program.charter["competencies"],
        agenda_templates=templates,
        agenda=request.form.get("agenda", agenda),
        form=request.form,
        today=date.today().isoformat(),
        SESSION_FORMATS=SESSION_FORMATS,
        STAGES=STAGES,
    )


def on_pairing(pairing_id: str, give: Callable[[UUID], Receipt]):
    """Give a command on a pairing; on a broken rule show its workspace again."""
    pairing = path_id(pairing_id, "pairing")
    return attempt(
        lambda: give(pairing),
        lambda: workspace_page(found_workspace(pairing_id)),
        url_for("pairings.workspace", pairing_id=pairing),
    )


def members_from(form) -> dict[UUID, str]:
    members = {as_id(form.get("mentor"), "Choose a mentor."): MENTOR}
    for mentee in form.getlist("mentees"):
        members[as_id(mentee, "Choose the mentees.")] = MENTEE
    return members


def action_items(text: str) -> list[dict]:
    """One a line: "text @handle", or just text, owned by whoever logs it.

    Owners are named by handle; the pairing refuses anyone not in it.
    """
    items = []
    for line in lines(text):
        words, owner = line.rsplit(" ", 1), g.user.id
        if len(words) == 2 and words[1].startswith("@"):
            line, owner = words[0], person_called(words[1]).id
        items.append({"text": line, "owner": owner})
    return items


def mentee(form) -> UUID:
    return as_id(form.get("mentee_id"), "Choose a mentee.")


def milestone(form) -> UUID:
    return as_id(form.get("milestone_id"), "Choose a milestone.")


@blueprint.post("/cohorts/<cohort_id>/pairings")
@sign_in_required
def propose(cohort_id: str):
    """Propose a pairing (coordinators), or request one that includes you."""
    cohort, form = path_id(cohort_id, "cohort"), request.form
    return attempt(
        lambda: commands().propose_pairing(
            actor_id=actor_id(),
            cohort_id=cohort,
            format=form.get("format", ""),
            members=members_from(form),
        ),
        lambda: board(found_cohort(cohort_id)),
        lambda receipt: url_for("pairings.workspace", pairing_id=receipt.id),
    )


@blueprint.get("/pairings/<pairing_id>")
@sign_in_required
def workspace(pairing_id: str):
    """Show a pairing's workspace to its members and coordinators."""
    return workspace_page(found_workspace(pairing_id))


@blueprint.post("/pairings/<pairing_id>/accept")
@sign_in_required
def accept(pairing_id: str):
    """Accept a proposed pairing."""
    return on_pairing(
        pairing_id,
        lambda pairing: commands().accept_pairing(
            actor_id=actor_id(), pairing_id=pairing
        ),
    )


@blueprint.post("/pairings/<pairing_id>/decline")
@sign_in_required
def decline(pairing_id: str):
    """Decline a proposed pairing, with a reason."""
    return on_pairing(
        pairing_id,
        lambda pairing: commands().decline_pairing(
            actor_id=actor_id(), pairing_id=pairing, reason=field("reason")
        ),
    )


@blueprint.post("/pairings/<pairing_id>/acknowledge")
@sign_in_required
def acknowledge(pairing_id: str):
    """Acknowledge the mentoring agreement."""
    return on_pairing(
        pairing_id,
        lambda pairing: commands().acknowledge_agreement(
            actor_id=actor_id(), pairing_id=pairing
        ),
    )


@blueprint.post("/pairings/<pairing_id>/pause")
@sign_in_required
def pause(pairing_id: str):
    """Pause an active pairing, with a reason."""
    return on_pairing(
        pairing_id,
        lambda pairing: commands().pause_pairing(
            actor_id=actor_id(), pairing_id=pairing, reason=field("reason")
        ),
    )


@blueprint.post("/pairings/<pairing_id>/resume")
@sign_in_required
def resume(pairing_id: str):
    """Resume a paused pairing."""
    return on_pairing(
        pairing_id,
        lambda pairing: commands().resume_pairing(
            actor_id=actor_id(), pairing_id=pairing
        ),
    )


@blueprint.post("/pairings/<pairing_id>/close")
@sign_in_required
def close(pairing_id: str):
    """Close a pairing, with a reason."""
    return on_pairing(
        pairing_id,
        lambda pairing: commands().close_pairing(
            actor_id=actor_id(), pairing_id=pairing, reason=field("reason")
        ),
    )


@blueprint.post("/pairings/<pairing_id>/sessions")
@sign_in_required
def log_session(pairing_id: str):
    """Log a session, its action items and one's private note."""
    form = request.form
    fields = ("held_on", "format", "agenda", "shared_notes", "private_note")
    return on_pairing(
        pairing_id,
        lambda pairing: commands().log_session(
            actor_id=actor_id(),
            pairing_id=pairing,
            **texts(form, fields),
            minutes=number(form, "minutes", "Minutes"),
            action_items=action_items(form.get("action_items", "")),
        ),
    )


@blueprint.post("/pairings/<pairing_id>/done")
@sign_in_required
def done(pairing_id: str):
    """Mark an action item done."""
    form = request.form
    return on_pairing(
        pairing_id,
        lambda pairing: commands().complete_action_item(
            actor_id=actor_id(),
            pairing_id=pairing,
            session_id=form.get("session_id", ""),
            index=number(form, "index", "The action item"),
        ),
    )


@blueprint.post("/pairings/<pairing_id>/reflections")
@sign_in_required
def reflect(pairing_id: str):
    """Write one's reflection for a stage."""
    return on_pairing(
        pairing_id,
        lambda pairing: commands().reflect_on_pairing(
            actor_id=actor_id(),
            pairing_id=pairing,
            **texts(request.form, ("stage", "reflection")),
        ),
    )


@blueprint.post("/pairings/<pairing_id>/goals")
@sign_in_required
def set_goal(pairing_id: str):
    """Add a goal, tied to a competency of the charter, to a mentee's plan."""
    form = request.form
    return on_pairing(
        pairing_id,
        lambda pairing: commands().set_goal(
            actor_id=actor_id(),
            pairing_id=pairing,
            mentee_id=mentee(form),
            **texts(form, ("title", "competency")),
        ),
    )


@blueprint.post("/pairings/<pairing_id>/milestones")
@sign_in_required
def plan_milestone(pairing_id: str):
    """Add a milestone to a goal, due some days after the pairing started."""
    form = request.form
    return on_pairing(
        pairing_id,
        lambda pairing: commands().plan_milestone(
            actor_id=actor_id(),
            pairing_id=pairing,
            mentee_id=mentee(form),
            goal_id=as_id(form.get("goal_id"), "Choose a goal."),
            title=form.get("title", ""),
            due_after_days=number(form, "due_after_days", "Due after (days)"),
        ),
    )


@blueprint.post("/pairings/<pairing_id>/reached")
@sign_in_required
def reach(pairing_id: str):
    """Mark a milestone reached, with a note or a link as evidence."""
    form = request.form
    return on_pairing(
        pairing_id,
        lambda pairing: commands().reach_milestone(
            actor_id=actor_id(),
            pairing_id=pairing,
            mentee_id=mentee(form),
            milestone_id=milestone(form),
            **texts(form, ("note", "link")),
        ),
    )


@blueprint.post("/pairings/<pairing_id>/celebrate")
@sign_in_required
def celebrate(pairing_id: str):
    """Celebrate a reached milestone publicly."""
    form = request.form
    return on_pairing(
        pairing_id,
        lambda pairing: commands().celebrate_milestone(
            actor_id=actor_id(),
            pairing_id=pairing,
            mentee_id=mentee(form),
            milestone_id=milestone(form),
            message=form.get("message", ""),
        ),
    )
