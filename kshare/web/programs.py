"""Programs with their charters and templates, and each cohort's board."""

from collections.abc import Callable
from uuid import UUID

from flask import (
    Blueprint,
    abort,
    g,
    render_template,
    request,
    url_for,
)

from ..domain import text
from ..domain.cohorts import CLOSED, END_OF_CYCLE, ENROLLMENT_ROLES, ORIENTATION, STAGES
from ..domain.feedback import MIN_ANSWERS_SHOWN, OCCASIONS
from ..domain.pairings import FORMATS
from ..domain.programs import CHALLENGES, TEMPLATE_KINDS
from .forms import attempt, command, given, lines, listed, number, texts
from .helpers import services, sign_in_required

blueprint = Blueprint("programs", __name__)
LISTS = ("skill_gaps", "interests", "expertise")


def competencies(value: str) -> dict[str, str]:
    """Competencies written one a line as "slug: Label"."""
    found = {}
    for line in lines(value):
        key, colon, label = line.partition(":")
        found[key.strip()] = label.strip() if colon else key.strip()
    return found


def charter_from(form, current: dict | None = None) -> dict:
    """A charter from its form; sponsors and coordinators stay as they were."""
    return (
        (current or {})
        | texts(form, ("intent", "expectations", "time_commitment"))
        | {
            "success_metrics": lines(form.get("success_metrics", "")),
            "competencies": competencies(form.get("competencies", "")),
            "cadence_days": number(form, "cadence_days", "The meeting cadence"),
        }
    )


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
    try:
        cohort = services().programs.cohort(str(UUID(cohort_id)))
    except ValueError:
        cohort = None
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


def on_program(slug: str, verb: str, *fields: str, parse: Callable | None = None):
    program = found_program(slug)
    return attempt(
        given(verb, fields, parse, program, program_id=UUID(program.id)),
        lambda: program_page(program),
        url_for("programs.show", slug=program.slug),
    )


def on_cohort(cohort_id: str, verb: str, *fields: str, parse: Callable | None = None):
    cohort = found_cohort(cohort_id)
    return attempt(
        given(verb, fields, parse, cohort, cohort_id=UUID(cohort.id)),
        lambda: board(cohort),
        url_for("programs.cohort", cohort_id=cohort.id),
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
        lambda: command(
            "launch_program",
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
    return on_program(
        slug,
        "revise_charter",
        "note",
        parse=lambda form, program: {"charter": charter_from(form, program.charter)},
    )


@blueprint.post("/programs/<slug>/templates")
@sign_in_required
def save_template(slug: str):
    """Add or edit an agenda, reflection or discussion template (coordinators)."""
    fields = ("kind", "key", "title", "body", "challenge")
    return on_program(slug, "save_template", *fields)


@blueprint.post("/programs/<slug>/cohorts")
@sign_in_required
def plan_cohort(slug: str):
    """Plan a cohort of the program (coordinators)."""
    fields = ("slug", "name", "starts_on", "ends_on")
    pilot = bool(request.form.get("pilot"))
    return on_program(slug, "plan_cohort", *fields, parse=lambda *_: {"pilot": pilot})


@blueprint.get("/cohorts/<cohort_id>")
def cohort(cohort_id: str):
    """Show a cohort's board: stage, members, pairings and surveys."""
    return board(found_cohort(cohort_id))


@blueprint.post("/cohorts/<cohort_id>/advance")
@sign_in_required
def advance(cohort_id: str):
    """Move the cohort to its next stage (coordinators)."""
    return on_cohort(cohort_id, "advance_cohort", "to")


@blueprint.post("/cohorts/<cohort_id>/close")
@sign_in_required
def close(cohort_id: str):
    """Close the cohort with its reflection summary (coordinators)."""
    return on_cohort(cohort_id, "close_cohort", "lessons_learned", "next_direction")


@blueprint.post("/cohorts/<cohort_id>/enroll")
@sign_in_required
def enroll(cohort_id: str):
    """Join the cohort as mentor, mentee or both."""
    fields = ("role", "availability", "goals")
    return on_cohort(cohort_id, "enroll", *fields, parse=enrollment_from)


def enrollment_from(form, _) -> dict:
    profile = {name: listed(form.get(name, "")) for name in LISTS}
    if form.get("capacity", "").strip():
        profile["capacity"] = number(form, "capacity", "Capacity")
    return profile


@blueprint.post("/cohorts/<cohort_id>/orientation")
@sign_in_required
def orientation(cohort_id: str):
    """Tick off a step of one's orientation checklist."""
    return on_cohort(cohort_id, "complete_orientation", "item")


@blueprint.post("/cohorts/<cohort_id>/leave")
@sign_in_required
def leave(cohort_id: str):
    """Leave the cohort, with a reason."""
    return on_cohort(cohort_id, "leave_cohort", "reason")


@blueprint.post("/cohorts/<cohort_id>/survey")
@sign_in_required
def answer_survey(cohort_id: str):
    """Answer the cohort's light survey, once per occasion."""
    return on_cohort(cohort_id, "answer_survey", "occasion", "comment", parse=ratings)


def ratings(form, _) -> dict[str, int]:
    return {
        "sentiment": number(form, "sentiment", "Sentiment"),
        "value": number(form, "value", "Perceived value"),
    }
