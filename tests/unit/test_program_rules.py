"""Programs, charters, templates, cohort lifecycle and enrollment rules."""

import pytest
from support.people import register
from support.programs import CHARTER, STAGES, advance, launch, new_cohort, plan

from kshare.domain.cohorts import ORIENTATION
from kshare.domain.errors import Conflict, Invalid, NotAllowed
from kshare.domain.ids import OPERATOR


@pytest.fixture
def program(app, people):
    return launch(app, people.coordinator)


@pytest.fixture
def cohort(app, people, program):
    return new_cohort(app, people.coordinator, program=program)


def test_only_a_coordinator_may_launch_a_program(app, people):
    with pytest.raises(NotAllowed, match="Only a coordinator may launch a program"):
        launch(app, people.alice)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"cadence_days": 0}, "cadence is a number of days"),
        ({"competencies": {}}, "at least one competency"),
        ({"intent": " "}, "Intent is required"),
    ],
)
def test_a_charter_must_be_complete(app, people, change, message):
    with pytest.raises(Invalid, match=message):
        app.launch_program(
            actor_id=people.coordinator,
            slug="x-prog",
            name="X",
            charter=CHARTER | change,
        )


def test_every_charter_version_is_kept(app, people, program):
    app.revise_charter(
        actor_id=people.coordinator,
        program_id=program,
        charter=CHARTER | {"cadence_days": 21},
        note="Three weeks suits our teams",
    )
    charters = app.repository.get(program).charters
    assert [c["cadence_days"] for c in charters] == [14, 21]
    with pytest.raises(Invalid, match="changes nothing"):
        app.revise_charter(
            actor_id=people.coordinator,
            program_id=program,
            charter=charters[-1],
            note="Again",
        )


def test_a_revision_keeps_the_charter_fields_it_does_not_give(app, people):
    sponsor = register(app, "spencer", role="sponsor", actor_id=OPERATOR)
    program = launch(app, people.coordinator, charter=CHARTER | {"sponsors": [sponsor]})
    app.revise_charter(
        actor_id=people.coordinator,
        program_id=program,
        charter={"cadence_days": 21},
        note="Three weeks suits our teams",
    )
    charter = app.repository.get(program).charter
    assert charter["cadence_days"] == 21
    assert charter["sponsors"] == [str(sponsor)]
    assert (charter["intent"], charter["competencies"]) == (
        CHARTER["intent"],
        CHARTER["competencies"],
    )


def test_a_second_program_with_the_same_slug_conflicts(app, people, program):
    with pytest.raises(Conflict, match="exists already"):
        launch(app, people.coordinator)


def test_templates_have_a_known_kind_and_challenge(app, people, program):
    base = {"actor_id": people.coordinator, "program_id": program, "key": "first"}
    app.save_template(**base, kind="agenda", title="First session", body="1. Goals")
    with pytest.raises(Invalid, match="A template is one of"):
        app.save_template(**base, kind="poem", title="T", body="B")
    with pytest.raises(Invalid, match="discussion challenge"):
        app.save_template(**base, kind="discussion", title="T", body="B", challenge="x")
    assert app.repository.get(program).templates["first"]["kind"] == "agenda"


def test_a_cohort_moves_one_stage_at_a_time(app, people, program):
    cohort = plan(app, people.coordinator, program)
    with pytest.raises(
        Invalid, match="in planned can move to enrolling, not kicked-off"
    ):
        advance(app, people.coordinator, cohort, "kicked-off")
    advance(app, people.coordinator, cohort, *STAGES)
    with pytest.raises(Invalid, match="closes with its reflection summary"):
        app.advance_cohort(actor_id=people.coordinator, cohort_id=cohort, to="closed")
    app.close_cohort(
        actor_id=people.coordinator,
        cohort_id=cohort,
        lessons_learned="Shadowing worked",
        next_direction="More small groups",
    )
    with pytest.raises(Invalid, match="it is closed"):
        advance(app, people.coordinator, cohort, "enrolling")


def test_a_participant_cannot_move_a_cohort(app, people, cohort):
    with pytest.raises(NotAllowed):
        advance(app, people.alice, cohort, "kicked-off")


def test_a_cohort_ends_after_it_starts_and_its_name_is_unique(app, people, program):
    with pytest.raises(Invalid, match="ends after it starts"):
        plan(app, people.coordinator, program, ends_on="2026-01-01")
    with pytest.raises(Invalid, match="look like 2026-01-31"):
        plan(app, people.coordinator, program, starts_on="next monday")
    plan(app, people.coordinator, program)
    with pytest.raises(Conflict, match="already has a cohort"):
        plan(app, people.coordinator, program)


def test_people_join_only_while_a_cohort_is_open(app, people, program):
    cohort = plan(app, people.coordinator, program)
    with pytest.raises(Invalid, match="is planned: nobody can join"):
        app.enroll(actor_id=people.alice, cohort_id=cohort, role="mentee")
    advance(app, people.coordinator, cohort, "enrolling", "kicked-off")
    app.enroll(actor_id=people.alice, cohort_id=cohort, role="mentee")


def test_a_person_enrolls_once_with_a_sensible_capacity(app, people, cohort):
    with pytest.raises(Invalid, match="capacity is from 0 to 6"):
        app.enroll(actor_id=people.bob, cohort_id=cohort, role="mentor", capacity=9)
    with pytest.raises(Invalid, match="at least one mentee"):
        app.enroll(actor_id=people.bob, cohort_id=cohort, role="mentor", capacity=0)
    joined = app.enroll(
        actor_id=people.bob,
        cohort_id=cohort,
        role="both",
        capacity=2,
        goals="Lead a design review",
        skill_gaps=["System design"],
    )
    enrollment = app.repository.get(joined.id)
    assert (enrollment.role, enrollment.capacity) == ("both", 2)
    with pytest.raises(Conflict, match="already enrolled"):
        app.enroll(actor_id=people.bob, cohort_id=cohort, role="mentee")


def test_only_a_coordinator_enrolls_someone_else(app, people, cohort):
    with pytest.raises(NotAllowed, match="enroll someone else"):
        app.enroll(
            actor_id=people.alice,
            cohort_id=cohort,
            role="mentee",
            participant_id=people.bob,
        )
    app.enroll(
        actor_id=people.coordinator,
        cohort_id=cohort,
        role="mentee",
        participant_id=people.bob,
    )


def test_orientation_steps_are_known_and_done_once(app, people, cohort):
    app.enroll(actor_id=people.alice, cohort_id=cohort, role="mentee")
    step = {"actor_id": people.alice, "cohort_id": cohort}
    app.complete_orientation(**step, item=ORIENTATION[0])
    with pytest.raises(Invalid, match="already done"):
        app.complete_orientation(**step, item=ORIENTATION[0])
    with pytest.raises(Invalid, match="orientation steps are"):
        app.complete_orientation(**step, item="bake-a-cake")


def test_leaving_a_cohort_needs_a_reason_and_happens_once(app, people, cohort):
    app.enroll(actor_id=people.alice, cohort_id=cohort, role="mentee")
    with pytest.raises(Invalid, match="A reason is required"):
        app.leave_cohort(actor_id=people.alice, cohort_id=cohort, reason="")
    app.leave_cohort(actor_id=people.alice, cohort_id=cohort, reason="New role")
    with pytest.raises(Invalid, match="already left"):
        app.leave_cohort(actor_id=people.alice, cohort_id=cohort, reason="Again")


def test_a_sponsor_reads_but_does_not_run_cohorts(app, people, program):
    sponsor = register(app, "sam", role="sponsor", actor_id=OPERATOR)
    with pytest.raises(NotAllowed, match="Only a coordinator may plan a cohort"):
        plan(app, sponsor, program)


def test_a_cohort_closes_only_after_its_end_of_cycle_reflection(app, people, cohort):
    with pytest.raises(Invalid, match="closes after its end-of-cycle reflection"):
        app.close_cohort(
            actor_id=people.coordinator,
            cohort_id=cohort,
            lessons_learned="Too early",
            next_direction="Wait",
        )
