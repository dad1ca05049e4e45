"""Programs and cohorts as people read them, on SQLite and PostgreSQL."""

import pytest
from support.dumps import dump
from support.people import register
from support.programs import CHARTER, STAGES, advance, enroll, launch, new_cohort

from kshare.domain.ids import OPERATOR


@pytest.fixture
def program(any_services):
    app = any_services.app
    cora = register(app, "cora", role="coordinator", actor_id=OPERATOR)
    leads = launch(app, cora)
    ann, ben = register(app, "ann"), register(app, "ben")
    app.revise_charter(
        actor_id=cora,
        program_id=leads,
        charter=CHARTER | {"cadence_days": 21},
        note="Every three weeks",
    )
    for key, kind in (("first", "agenda"), ("close", "reflection")):
        app.save_template(
            actor_id=cora,
            program_id=leads,
            key=key,
            kind=kind,
            title=key.title(),
            body="...",
        )
    app.save_template(
        actor_id=cora,
        program_id=leads,
        key="first",
        kind="agenda",
        title="First!",
        body="1.",
    )
    pilot = new_cohort(app, cora, program=leads, slug="pilot", pilot=True)
    enroll(app, ann, pilot, "mentor", capacity=2, expertise=["code-review"])
    enroll(app, ben, pilot, "mentee", skill_gaps=["code-review"])
    app.complete_orientation(actor_id=ben, cohort_id=pilot, item="read-the-charter")
    app.complete_orientation(actor_id=ben, cohort_id=pilot, item="write-goals")
    app.leave_cohort(actor_id=ann, cohort_id=pilot, reason="Parental leave")
    advance(app, cora, pilot, *STAGES[1:])
    app.close_cohort(
        actor_id=cora,
        cohort_id=pilot,
        lessons_learned="Shadowing works",
        next_direction="Pair across teams",
    )
    any_services.runner.catch_up()
    return leads, pilot


def test_a_program_shows_its_current_charter_and_every_version(any_services, program):
    leads, _ = program
    shown = any_services.programs.program("leads")
    assert (shown.charter_version, shown.charter["cadence_days"]) == (2, 21)
    versions = any_services.programs.charter_versions(leads)
    assert [(v.version, v.charter["cadence_days"], v.note) for v in versions] == [
        (1, 14, "Launched"),
        (2, 21, "Every three weeks"),
    ]


def test_templates_show_their_latest_text(any_services, program):
    leads, _ = program
    templates = any_services.programs.templates(leads)
    assert [(t["key"], t["kind"], t["title"]) for t in templates] == [
        ("first", "agenda", "First!"),
        ("close", "reflection", "Close"),
    ]


def test_a_cohort_shows_every_stage_it_went_through_and_its_summary(
    any_services, program
):
    leads, pilot = program
    [cohort] = any_services.programs.cohorts(leads)
    assert cohort.id == str(pilot) and cohort.pilot and cohort.stage == "closed"
    assert [stage for stage, _ in cohort.stages] == [
        "planned",
        "enrolling",
        "kicked-off",
        "mid-cycle-review",
        "end-of-cycle-reflection",
        "closed",
    ]
    assert (cohort.lessons_learned, cohort.next_direction) == (
        "Shadowing works",
        "Pair across teams",
    )


def test_members_show_their_role_orientation_and_departure(any_services, program):
    _, pilot = program
    members = {m.handle: m for m in any_services.programs.members(pilot)}
    assert (members["ann"].role, members["ann"].capacity, members["ann"].active) == (
        "mentor",
        2,
        False,
    )
    assert members["ann"].left_reason == "Parental leave"
    assert members["ben"].orientation == ["read-the-charter", "write-goals"]
    assert members["ben"].skill_gaps == ["code-review"]


def test_rebuilding_programs_and_cohorts_equals_building_them_live(
    any_services, program
):
    live = dump(any_services)
    assert any_services.rebuild(["programs", "cohorts"]) > 0
    assert dump(any_services) == live
