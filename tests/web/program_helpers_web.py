"""Programs, cohorts and pairings set up through the application, for web tests."""

from datetime import date
from uuid import UUID

from web_helpers import done, register

CHARTER = {
    "intent": "Grow confident technical leads.",
    "expectations": "Meet every two weeks and bring an agenda.",
    "success_metrics": ["milestones reached"],
    "competencies": {"code-review": "Code review", "feedback": "Giving feedback"},
    "cadence_days": 14,
    "time_commitment": "Two hours a month",
}
CHARTER_FORM = {
    "intent": CHARTER["intent"],
    "expectations": CHARTER["expectations"],
    "success_metrics": "milestones reached\nsessions per pairing",
    "competencies": "code-review: Code review\nfeedback: Giving feedback",
    "cadence_days": "14",
    "time_commitment": CHARTER["time_commitment"],
}
STAGES = ("enrolling", "kicked-off", "mid-cycle-review", "end-of-cycle-reflection")


def program(services, coordinator, slug: str = "leads") -> UUID:
    receipt = services.app.launch_program(
        actor_id=coordinator.id, slug=slug, name="Tech leads", charter=CHARTER
    )
    done(services, receipt)
    return receipt.id


def cohort(services, coordinator, stages=("enrolling",), slug="spring") -> UUID:
    """A cohort of a new program, moved on through ``stages``."""
    receipt = services.app.plan_cohort(
        actor_id=coordinator.id,
        program_id=program(services, coordinator),
        slug=slug,
        name=slug.title(),
        starts_on=date(2026, 1, 5),
        ends_on=date(2026, 6, 30),
    )
    for stage in stages:
        receipt = services.app.advance_cohort(
            actor_id=coordinator.id, cohort_id=receipt.id, to=stage
        )
    done(services, receipt)
    return receipt.id


def enroll(services, person, cohort_id: UUID, role: str, **profile) -> None:
    done(
        services,
        services.app.enroll(
            actor_id=person.id, cohort_id=cohort_id, role=role, **profile
        ),
    )


def outsider(services):
    """Someone in no pairing and no coordinator."""
    return register(services, "dan")


def pairing(services, coordinator, mentor, mentee, cohort_id: UUID, accept=True):
    """A one-on-one pairing, accepted and acknowledged by both unless told not."""
    enroll(services, mentor, cohort_id, "mentor", capacity=2)
    enroll(services, mentee, cohort_id, "mentee")
    receipt = services.app.propose_pairing(
        actor_id=coordinator.id,
        cohort_id=cohort_id,
        format="one-on-one",
        members={mentor.id: "mentor", mentee.id: "mentee"},
    )
    pairing_id = receipt.id
    for person in (mentor, mentee) if accept else ():
        services.app.accept_pairing(actor_id=person.id, pairing_id=pairing_id)
        receipt = services.app.acknowledge_agreement(
            actor_id=person.id, pairing_id=pairing_id
        )
    done(services, receipt)
    return pairing_id


def session(services, member, pairing_id: UUID, minutes: int = 90, **extra) -> None:
    done(
        services,
        services.app.log_session(
            actor_id=member.id,
            pairing_id=pairing_id,
            held_on=date(2026, 2, 3),
            minutes=minutes,
            format="virtual",
            **extra,
        ),
    )
