"""Builders for the program and cohort tests."""

from datetime import date

CHARTER = {
    "intent": "Grow engineers into confident technical leads through peer mentoring.",
    "expectations": "Meet every two weeks; bring an agenda; keep what is said private.",
    "success_metrics": ["milestones reached", "sessions per pairing"],
    "competencies": {
        "code-review": "Code review",
        "giving-feedback": "Giving feedback",
    },
    "cadence_days": 14,
    "time_commitment": "Two hours a month for six months",
}
STARTS, ENDS = date(2027, 1, 11), date(2027, 6, 30)


def launch(app, coordinator, slug="leads"):
    return app.launch_program(
        actor_id=coordinator, slug=slug, name="Tech leads", charter=CHARTER
    ).id


def plan(app, coordinator, program, slug="spring", **extra):
    return app.plan_cohort(
        actor_id=coordinator,
        program_id=program,
        slug=slug,
        name=slug.title(),
        starts_on=extra.pop("starts_on", STARTS),
        ends_on=extra.pop("ends_on", ENDS),
        **extra,
    ).id


def advance(app, coordinator, cohort, *stages):
    for stage in stages:
        app.advance_cohort(actor_id=coordinator, cohort_id=cohort, to=stage)
