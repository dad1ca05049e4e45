"""Programs with their charters and templates, and each cohort's board."""

from collections.abc import Callable
from uuid import UUID

from flask import Blueprint, abort, g, render_template, request, url_for

from ..application import Receipt
from ..domain import text
from ..domain.cohorts import CLOSED, END_OF_CYCLE, ENROLLMENT_ROLES, ORIENTATION, STAGES
from ..domain.feedback import MIN_ANSWERS_SHOWN, OCCASIONS
from ..domain.pairings import FORMATS
from ..domain.programs import CHALLENGES, TEMPLATE_KINDS, program_id
from .forms import attempt, lines, listed, number, texts
from .helpers import actor_id, commands, path_id, services, sign_in_required

blueprint = Blueprint("programs", __name__)
LISTS = ("skill_gaps", "interests", "expertise")


def competencies(value: str) -> dict[str, str]:
    """Competencies written one a line as "slug: Label"."""
    found = {}
    for line in lines(value):
        key, colon, label = line.partition(":")
        found[key.strip()] = label.strip() if colon else key.strip()
    return found


def charter_from(form) -> dict:
    """A charter from its form (sponsors and coordinators are not on it)."""
    return texts(form, ("intent", "expectations", "time_commitment")) | {
        "success_metrics": lines(form.get("success_metrics", "")),
        "competencies": competencies(form.get("competencies", "")),
        "cadence_days": number(form, "cadence_days", "The meeting cadence"),
    }


def charter_form(charter: dict) -> dict:
    """The charter's fields as its form shows them."""
    return charter | {
        "success_metrics": "\n".join(charter["success_metrics"]),
        "competencies": "\n".join(
            f"{k}: {v}" for k, v in charter["competencies"].items()
        ),
    }


def found_program(slug: str):
    program = services().programs.program(slug)
    if program is None:
        abort(404, "No such program.")
    return program


def found_cohort(cohort_id: str):
    cohort = services().programs.cohort(str(path_id(cohort_id, "cohort")))
    if cohort is None:
        abort(404, "No such cohort.")
    return cohort


def program_of(cohort):
    return services().programs.program_by_id(cohort.program_id)


def programs_page():
    return render_template(
        "programs/index.html",
        programs=services().programs.programs(),
        form=request.form,
    )


def program_page(program):
    queries, kinds = services().programs, {kind: [] for kind in TEMPLATE_KINDS}
    for template in queries.templates(program.id):
        kinds[template["kind"]].append(template)
    revising = "intent" in request.form
    return render_template(
        "programs/program.html",
        program=program,
        versions=queries.charter_versions(program.id),
        templates=kinds,
        cohorts=queries.cohorts(program.id),
        charter=request.form if revising else charter_form(program.charter),
        form=request.form,
        CHALLENGES=CHALLENGES,
    )


def sees_results(program) -> bool:
    """Coordinators and sponsors read the surveys (in aggregate)."""
    me, charter = g.user, program.charter
    return me is not None and (
        me.role in ("coordinator", "sponsor")
        or me.id in charter["sponsors"] + charter["coordinators"]
    )


def next_stage(stage: str) -> str | None:
    return None if stage in (END_OF_CYCLE, CLOSED) else STAGES[STAGES.index(stage) + 1]


def board(cohort):
    kshare, program = services(), program_of(cohort)
    members = kshare.programs.members(cohort.id)
    mine = next((m for m in members if g.user and m.participant_id == g.user.id), None)
    return render_template(
        "programs/cohort.html",
        cohort=cohort,
        program=program,
        members=members,
        active=[m for m in members if m.active],
        mine=mine,
        pairings=kshare.pairings.history_of_cohort(cohort.id),
        surveys=[kshare.feedback.survey_summary(cohort.id, o) for o in OCCASIONS]
        if sees_results(program)
        else [],
        open_surveys=[
            o
            for o in OCCASIONS
            if mine and not kshare.feedback.has_answered(cohort.id, g.user.id, o)
        ],
        next_stage=next_stage(cohort.stage),
        form=request.form,
        ROLES=ENROLLMENT_ROLES,
        ORIENTATION=ORIENTATION,
        FORMATS=FORMATS,
        MIN_ANSWERS_SHOWN=MIN_ANSWERS_SHOWN,
    )


def on_program(slug: str, give: Callable[[UUID], Receipt]):
    """Give a command on the program of ``slug``; on a broken rule show its page."""
    return attempt(
        lambda: give(program_id(slug)),
        lambda: program_page(found_program(slug)),
        url_for("programs.show", slug=slug),
    )


def on_cohort(cohort_id: str, give: Callable[[UUID], Receipt]):
    """Give a command on a cohort; on a broken rule show its board again."""
    cohort = path_id(cohort_id, "cohort")
    return attempt(
        lambda: give(cohort),
        lambda: board(found_cohort(cohort_id)),
        url_for("programs.cohort", cohort_id=cohort),
    )


@blueprint.get("/programs")
def index():
    """List the mentorship programs."""
    return programs_page()


@blueprint.post("/programs")
@sign_in_required
def launch():
    """Launch a program with its first charter (coordinators)."""
    form = request.form
    return attempt(
        lambda: commands().launch_program(
            actor_id=actor_id(),
            **texts(form, ("slug", "name")),
            charter=charter_from(form),
        ),
        programs_page,
        lambda _: url_for("programs.show", slug=text.handle(form.get("slug", ""))),
    )


@blueprint.get("/programs/<slug>")
def show(slug: str):
    """Show a program: its charter, the charter's versions, templates and cohorts."""
    return program_page(found_program(slug))


@blueprint.post("/programs/<slug>/charter")
@sign_in_required
def revise_charter(slug: str):
    """Save a new version of the charter (coordinators)."""
    form = request.form
    return on_program(
        slug,
        lambda program: commands().revise_charter(
            actor_id=actor_id(),
            program_id=program,
            charter=charter_from(form),
            note=form.get("note", ""),
        ),
    )


@blueprint.post("/programs/<slug>/templates")
@sign_in_required
def save_template(slug: str):
    """Add or edit an agenda, reflection or discussion template (coordinators)."""
    fields = ("kind", "key", "title", "body", "challenge")
    return on_program(
        slug,
        lambda program: commands().save_template(
            actor_id=actor_id(), program_id=program, **texts(request.form, fields)
        ),
    )


@blueprint.post("/programs/<slug>/cohorts")
@sign_in_required
def plan_cohort(slug: str):
    """Plan a cohort of the program (coordinators)."""
    form = request.form
    return on_program(
        slug,
        lambda program: commands().plan_cohort(
            actor_id=actor_id(),
            program_id=program,
            **texts(form, ("slug", "name", "starts_on", "ends_on")),
            pilot=bool(form.get("pilot")),
        ),
    )


@blueprint.get("/cohorts/<cohort_id>")
def cohort(cohort_id: str):
    """Show a cohort's board: stage, members, pairings and surveys."""
    return board(found_cohort(cohort_id))


@blueprint.post("/cohorts/<cohort_id>/advance")
@sign_in_required
def advance(cohort_id: str):
    """Move the cohort to its next stage (coordinators)."""
    return on_cohort(
        cohort_id,
        lambda cohort: commands().advance_cohort(
            actor_id=actor_id(), cohort_id=cohort, to=request.form.get("to", "")
        ),
    )


@blueprint.post("/cohorts/<cohort_id>/close")
@sign_in_required
def close(cohort_id: str):
    """Close the cohort with its reflection summary (coordinators)."""
    summary = texts(request.form, ("lessons_learned", "next_direction"))
    return on_cohort(
        cohort_id,
        lambda cohort: commands().close_cohort(
            actor_id=actor_id(), cohort_id=cohort, **summary
        ),
    )


@blueprint.post("/cohorts/<cohort_id>/enroll")
@sign_in_required
def enroll(cohort_id: str):
    """Join the cohort as mentor, mentee or both."""
    form = request.form
    return on_cohort(
        cohort_id,
        lambda cohort: commands().enroll(
            actor_id=actor_id(),
            cohort_id=cohort,
            **texts(form, ("role", "availability", "goals")),
            **enrollment_from(form),
        ),
    )


def enrollment_from(form) -> dict:
    profile = {name: listed(form.get(name, "")) for name in LISTS}
    if form.get("capacity", "").strip():
        profile["capacity"] = number(form, "capacity", "Capacity")
    return profile


@blueprint.post("/cohorts/<cohort_id>/orientation")
@sign_in_required
def orientation(cohort_id: str):
    """Tick off a step of one's orientation checklist."""
    return on_cohort(
        cohort_id,
        lambda cohort: commands().complete_orientation(
            actor_id=actor_id(), cohort_id=cohort, item=request.form.get("item", "")
        ),
    )


@blueprint.post("/cohorts/<cohort_id>/leave")
@sign_in_required
def leave(cohort_id: str):
    """Leave the cohort, with a reason."""
    return on_cohort(
        cohort_id,
        lambda cohort: commands().leave_cohort(
            actor_id=actor_id(), cohort_id=cohort, reason=request.form.get("reason", "")
        ),
    )


@blueprint.post("/cohorts/<cohort_id>/survey")
@sign_in_required
def answer_survey(cohort_id: str):
    """Answer the cohort's light survey, once per occasion."""
    form = request.form
    return on_cohort(
        cohort_id,
        lambda cohort: commands().answer_survey(
            actor_id=actor_id(),
            cohort_id=cohort,
            **texts(form, ("occasion", "comment")),
            sentiment=number(form, "sentiment", "Sentiment"),
            value=number(form, "value", "Perceived value"),
        ),
    )
