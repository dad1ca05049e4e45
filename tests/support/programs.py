"""Programs: one charter; launching, cohorts, enrollment, pairings, sessions."""

from datetime import date
from uuid import UUID

from kshare.domain.ids import OPERATOR

from .people import register

CHARTER = {
    "intent": "Grow confident technical leads.",
    "expectations": "Meet every two weeks and bring an agenda.",
    "success_metrics": ["milestones reached"],
    "competencies": {
        "code-review": "Code review",
        "giving-feedback": "Giving feedback",
    },
    "cadence_days": 14,
    "time_commitment": "Two hours a month",
}
# The same charter as its form fields, with a second success metric.
CHARTER_FORM = {
    "intent": CHARTER["intent"],
    "expectations": CHARTER["expectations"],
    "success_metrics": "milestones reached\nsessions per pairing",
    "competencies": "code-review: Code review\ngiving-feedback: Giving feedback",
    "cadence_days": "14",
    "time_commitment": CHARTER["time_commitment"],
}
# A cohort's stages after "planned", up to the one it closes from.
STAGES = ("enrolling", "kicked-off", "mid-cycle-review", "end-of-cycle-reflection")
STARTS, ENDS = date(2026, 1, 5), date(2026, 6, 30)


def launch(app, coordinator: UUID, slug: str = "leads", charter=CHARTER) -> UUID:
    """A program launched by ``coordinator``."""
    receipt = app.launch_program(
        actor_id=coordinator, slug=slug, name="Tech leads", charter=charter
    )
    return receipt.id


def plan(app, coordinator: UUID, program: UUID, slug: str = "spring", **extra):
    """A cohort of ``program``, planned (``extra``: other dates, ``pilot``)."""
    receipt = app.plan_cohort(
        actor_id=coordinator,
        program_id=program,
        slug=slug,
        name=slug.title(),
        starts_on=extra.pop("starts_on", STARTS),
        ends_on=extra.pop("ends_on", ENDS),
        **extra,
    )
    return receipt.id


def advance(app, coordinator: UUID, cohort: UUID, *stages: str) -> None:
    for stage in stages:
        app.advance_cohort(actor_id=coordinator, cohort_id=cohort, to=stage)


def new_cohort(
    app,
    coordinator: UUID,
    stages=("enrolling",),
    *,
    program: UUID | None = None,
    **extra,
) -> UUID:
    """A cohort of a new program (or of ``program``), moved on through ``stages``."""
    program = program or launch(app, coordinator)
    cohort = plan(app, coordinator, program, **extra)
    advance(app, coordinator, cohort, *stages)
    return cohort


def enroll(app, person: UUID, cohort: UUID, role: str, **profile) -> UUID:
    """``person`` enrolls in ``cohort``; the enrollment's id."""
    return app.enroll(actor_id=person, cohort_id=cohort, role=role, **profile).id


def mentoring_circle(app, places: int) -> tuple[dict[str, UUID], UUID]:
    """A coordinator, Cora, and a cohort where Mia mentors (``places`` places)
    and Abe, Bea and Cal are mentees: the people by handle, and the cohort."""
    cora = register(app, "cora", role="coordinator", actor_id=OPERATOR)
    people, cohort = {"cora": cora}, new_cohort(app, cora)
    for handle in ("mia", "abe", "bea", "cal"):
        people[handle] = register(app, handle)
        mentor = handle == "mia"
        role, capacity = ("mentor", places) if mentor else ("mentee", 0)
        enroll(app, people[handle], cohort, role, capacity=capacity)
    return people, cohort


def pair(
    app,
    coordinator: UUID,
    cohort: UUID,
    members: dict,
    *,
    format: str = "one-on-one",
    until: str = "agreed",
) -> UUID:
    """Propose a pairing of ``members`` ({id: role}); then each member accepts
    it and acknowledges its agreement. ``until="active"`` stops once every
    member accepted; ``until="proposed"`` at the proposal."""
    assert until in ("proposed", "active", "agreed"), until
    pairing = app.propose_pairing(
        actor_id=coordinator, cohort_id=cohort, format=format, members=members
    ).id
    for member in members if until != "proposed" else ():
        app.accept_pairing(actor_id=member, pairing_id=pairing)
        if until == "agreed":
            app.acknowledge_agreement(actor_id=member, pairing_id=pairing)
    return pairing


def one_on_one(
    app,
    coordinator: UUID,
    cohort: UUID,
    mentor: UUID,
    mentee: UUID,
    *,
    capacity: int = 2,
    until: str = "agreed",
) -> UUID:
    """The mentor (with room for ``capacity`` mentees) and the mentee enroll,
    and are paired one-on-one (see ``pair``)."""
    enroll(app, mentor, cohort, "mentor", capacity=capacity)
    enroll(app, mentee, cohort, "mentee")
    members = {mentor: "mentor", mentee: "mentee"}
    return pair(app, coordinator, cohort, members, until=until)


def session(
    app,
    member: UUID,
    pairing: UUID,
    *,
    held_on=date(2026, 2, 3),
    minutes: int = 90,
    format: str = "virtual",
    **extra,
):
    """A session logged by ``member``; its receipt (its position is in the log)."""
    return app.log_session(
        actor_id=member,
        pairing_id=pairing,
        held_on=held_on,
        minutes=minutes,
        format=format,
        **extra,
    )
