"""Commands by name with JSON arguments, as the API and `kshare do` give them."""

import pytest
from program_helpers import CHARTER

from kshare.application import catalog
from kshare.domain.errors import Invalid, NotAllowed, NotFound


@pytest.fixture
def cohort(app, people):
    program = catalog.run(
        app,
        "launch_program",
        people.coordinator,
        {"slug": "leads", "name": "Leads", "charter": CHARTER},
    ).id
    cohort = catalog.run(
        app,
        "plan_cohort",
        people.coordinator,
        {
            "program_id": str(program),
            "slug": "spring",
            "name": "Spring",
            "starts_on": "2027-01-11",
            "ends_on": "2027-06-30",
        },
    ).id
    catalog.run(
        app,
        "advance_cohort",
        people.coordinator,
        {"cohort_id": str(cohort), "to": "enrolling"},
    )
    return cohort


def test_json_arguments_become_ids_dates_and_member_maps(app, people, cohort):
    catalog.run(
        app,
        "enroll",
        people.alice,
        {"cohort_id": str(cohort), "role": "mentor", "capacity": 2},
    )
    catalog.run(app, "enroll", people.bob, {"cohort_id": str(cohort), "role": "mentee"})
    members = {str(people.alice): "mentor", str(people.bob): "mentee"}
    pairing = catalog.run(
        app,
        "propose_pairing",
        people.bob,
        {"cohort_id": str(cohort), "format": "one-on-one", "members": members},
    ).id
    assert app.repository.get(pairing).members == members


@pytest.mark.parametrize(
    ("name", "arguments", "error", "message"),
    [
        ("drop_tables", {}, NotFound, "no command 'drop_tables'"),
        (
            "advance_cohort",
            {"to": "kicked-off"},
            Invalid,
            "advance_cohort needs cohort_id",
        ),
        (
            "advance_cohort",
            {"cohort_id": "not-an-id", "to": "x"},
            Invalid,
            "cohort_id has the wrong form",
        ),
        (
            "advance_cohort",
            {"cohort_id": "x", "to": "y", "colour": 1},
            Invalid,
            "takes no colour",
        ),
        (
            "enroll",
            {"cohort_id": "", "role": "mentee", "shoe_size": 9},
            Invalid,
            "wrong form|has no shoe_size",
        ),
    ],
)
def test_bad_calls_get_a_clear_error(
    app, people, cohort, name, arguments, error, message
):
    with pytest.raises(error, match=message):
        catalog.run(app, name, people.alice, arguments)


def test_an_enrollment_rejects_fields_it_does_not_know(app, people, cohort):
    with pytest.raises(Invalid, match="has no shoe_size"):
        catalog.run(
            app,
            "enroll",
            people.alice,
            {"cohort_id": str(cohort), "role": "mentee", "shoe_size": 9},
        )


def test_the_policy_is_the_applications(app, people, cohort):
    with pytest.raises(NotAllowed, match="Only a coordinator may move a cohort"):
        catalog.run(
            app,
            "advance_cohort",
            people.alice,
            {"cohort_id": str(cohort), "to": "kicked-off"},
        )


def test_every_listed_command_exists_with_its_arguments(app):
    described = catalog.describe(app)
    assert set(described) == set(catalog.COMMANDS)
    assert "actor_id" not in described["propose_pairing"]
    assert described["propose_pairing"] == ["cohort_id", "format", "members"]
