"""Pairings: proposing them, their workspace, development plans, recognition."""

from datetime import date
from uuid import UUID

from flask import Blueprint, abort, g, render_template, request, url_for

from ..domain.errors import Invalid
from ..domain.pairings import MENTEE, MENTOR, SESSION_FORMATS
from .forms import as_id, attempt, given, lines, number
from .helpers import services, sign_in_required
from .programs import board, found_cohort, program_of

blueprint = Blueprint("pairings", __name__)
STAGES = ("mid-cycle", "end-of-cycle", "closing")


def found_workspace(pairing_id: str):
    """The pairing's workspace, for its members and coordinators only."""
    try:
        space = services().pairings.workspace(str(UUID(pairing_id)))
    except ValueError:
        space = None
    if space is None:
        abort(404, "No such pairing.")
    if not g.user.is_coordinator and member(space) is None:
        abort(403, "Only the members of this pairing and coordinators see it.")
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


def on_pairing(pairing_id: str, verb: str, *fields: str, parse=None, then=None):
    space = found_workspace(pairing_id)
    return attempt(
        given(verb, fields, parse, space, pairing_id=UUID(space.pairing.id)),
        lambda: workspace_page(space),
        then or url_for("pairings.workspace", pairing_id=space.pairing.id),
    )


def members_from(form, _) -> dict:
    members = {as_id(form.get("mentor"), "Choose a mentor."): MENTOR}
    for mentee in form.getlist("mentees"):
        members[as_id(mentee, "Choose the mentees.")] = MENTEE
    return {"members": members}


def action_items(space, text: str) -> list[dict]:
    """One a line: "text @handle", or just text, owned by whoever logs it."""
    owners = {m.handle: m.participant_id for m in space.pairing.members}
    items = []
    for line in lines(text):
        words, owner = line.rsplit(" ", 1), g.user.id
        if len(words) == 2 and words[1].startswith("@"):
            handle = words[1][1:].lower()
            if handle not in owners:
                raise Invalid(f"@{handle} is not in this pairing.")
            line, owner = words[0], owners[handle]
        items.append({"text": line, "owner": owner})
    return items


def session_from(form, space) -> dict:
    return {
        "minutes": number(form, "minutes", "Minutes"),
        "action_items": action_items(space, form.get("action_items", "")),
    }


def item_from(form, _) -> dict:
    return {"index": number(form, "index", "The action item")}


def mentee(form, _=None) -> dict:
    return {"mentee_id": as_id(form.get("mentee_id"), "Choose a mentee.")}


def milestone_plan(form, _) -> dict:
    return mentee(form) | {
        "goal_id": as_id(form.get("goal_id"), "Choose a goal."),
        "due_after_days": number(form, "due_after_days", "Due after (days)"),
    }


def milestone(form, _) -> dict:
    return mentee(form) | {
        "milestone_id": as_id(form.get("milestone_id"), "Choose a milestone.")
    }


@blueprint.post("/cohorts/<cohort_id>/pairings")
@sign_in_required
def propose(cohort_id: str):
    """Propose a pairing (coordinators), or request one that includes you."""
    cohort = found_cohort(cohort_id)
    cohort_uuid = UUID(cohort.id)
    return attempt(
        given(
            "propose_pairing", ("format",), members_from, None, cohort_id=cohort_uuid
        ),
        lambda: board(cohort),
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
    return on_pairing(pairing_id, "accept_pairing")


@blueprint.post("/pairings/<pairing_id>/decline")
@sign_in_required
def decline(pairing_id: str):
    """Decline a proposed pairing, with a reason."""
    return on_pairing(pairing_id, "decline_pairing", "reason")


@blueprint.post("/pairings/<pairing_id>/acknowledge")
@sign_in_required
def acknowledge(pairing_id: str):
    """Acknowledge the mentoring agreement."""
    return on_pairing(pairing_id, "acknowledge_agreement")


@blueprint.post("/pairings/<pairing_id>/pause")
@sign_in_required
def pause(pairing_id: str):
    """Pause an active pairing, with a reason."""
    return on_pairing(pairing_id, "pause_pairing", "reason")


@blueprint.post("/pairings/<pairing_id>/resume")
@sign_in_required
def resume(pairing_id: str):
    """Resume a paused pairing."""
    return on_pairing(pairing_id, "resume_pairing")


@blueprint.post("/pairings/<pairing_id>/close")
@sign_in_required
def close(pairing_id: str):
    """Close a pairing, with a reason."""
    return on_pairing(pairing_id, "close_pairing", "reason")


@blueprint.post("/pairings/<pairing_id>/sessions")
@sign_in_required
def log_session(pairing_id: str):
    """Log a session, its action items and one's private note."""
    fields = ("held_on", "format", "agenda", "shared_notes", "private_note")
    return on_pairing(pairing_id, "log_session", *fields, parse=session_from)


@blueprint.post("/pairings/<pairing_id>/done")
@sign_in_required
def done(pairing_id: str):
    """Mark an action item done."""
    verb = "complete_action_item"
    return on_pairing(pairing_id, verb, "session_id", parse=item_from)


@blueprint.post("/pairings/<pairing_id>/reflections")
@sign_in_required
def reflect(pairing_id: str):
    """Write one's reflection for a stage."""
    return on_pairing(pairing_id, "reflect_on_pairing", "stage", "reflection")


@blueprint.post("/pairings/<pairing_id>/goals")
@sign_in_required
def set_goal(pairing_id: str):
    """Add a goal, tied to a competency of the charter, to a mentee's plan."""
    fields = ("title", "competency")
    return on_pairing(pairing_id, "set_goal", *fields, parse=mentee)


@blueprint.post("/pairings/<pairing_id>/milestones")
@sign_in_required
def plan_milestone(pairing_id: str):
    """Add a milestone to a goal, due some days after the pairing started."""
    verb, parse = "plan_milestone", milestone_plan
    return on_pairing(pairing_id, verb, "title", parse=parse)


@blueprint.post("/pairings/<pairing_id>/reached")
@sign_in_required
def reach(pairing_id: str):
    """Mark a milestone reached, with a note or a link as evidence."""
    verb = "reach_milestone"
    return on_pairing(pairing_id, verb, "note", "link", parse=milestone)


@blueprint.post("/pairings/<pairing_id>/celebrate")
@sign_in_required
def celebrate(pairing_id: str):
    """Celebrate a reached milestone publicly."""
    verb = "celebrate_milestone"
    return on_pairing(pairing_id, verb, "message", parse=milestone)


def recognition_page():
    recent = services().feedback.recognitions(limit=30)
    return render_template(
        "pairings/recognition.html", recent=recent, form=request.form
    )


@blueprint.get("/recognition")
def recognition():
    """Show recent peer recognition, and a form to recognise someone."""
    return recognition_page()


@blueprint.post("/recognition")
@sign_in_required
def recognize():
    """Recognise someone publicly, with a message."""
    return attempt(
        given("recognize", ("message",), receiver, None),
        recognition_page,
        url_for("pairings.recognition"),
    )


def receiver(form, _) -> dict:
    handle = form.get("handle", "").strip().lstrip("@")
    person = services().queries.person_by_handle(handle.lower())
    if person is None:
        raise Invalid(f"There is nobody called @{handle}.")
    return {"receiver_id": UUID(person.id)}
