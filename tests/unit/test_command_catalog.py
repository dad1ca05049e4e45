"""Commands by name with JSON arguments, as the API and `kshare do` give them."""

import inspect
from uuid import UUID

import pytest
from support.programs import CHARTER

from kshare.application import KnowledgeShare, catalog
from kshare.domain.errors import Invalid, NotAllowed, NotFound

# Commands that take an actor but are deliberately not given by name.
LEFT_OUT = {
    # Accounts: signing up has no actor yet and takes a password; people are
    # registered, changed and given tokens by the site's forms, `kshare user`
    # and `kshare token`.
    "register_participant",
    "update_profile",
    "change_role",
    "deactivate_participant",
    "issue_token",
    # Posts: the site's editor and /api/posts give parts and tags their shape.
    "draft_post",
    "revise_post",
    # Auditing: a seal needs the event log itself (`kshare audit seal`, the
    # audit page), and an export is recorded by the export that made it.
    "seal_log",
    "record_export",
}


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


def commands_with_an_actor() -> set[str]:
    """Every public method of the application taking the keyword ``actor_id``."""
    found = set()
    for name, method in inspect.getmembers(KnowledgeShare, inspect.isfunction):
        actor = inspect.signature(method).parameters.get("actor_id")
        if not name.startswith("_") and actor and actor.kind is actor.KEYWORD_ONLY:
            found.add(name)
    return found


def test_every_command_is_in_the_catalog_or_left_out_on_purpose():
    listed = set(catalog.COMMANDS)
    assert len(listed) == len(catalog.COMMANDS)  # none listed twice
    assert not listed & LEFT_OUT
    assert listed | LEFT_OUT == commands_with_an_actor()


def test_a_commands_arguments_are_listed_in_order_without_the_actor(app):
    assert catalog.arguments(app, "propose_pairing") == [
        catalog.Argument("cohort_id", UUID, required=True),
        catalog.Argument("format", str, required=True),
        catalog.Argument("members", dict[UUID, str], required=True),
    ]
    assert catalog.describe(app)["propose_pairing"] == [
        "cohort_id",
        "format",
        "members",
    ]
    for name in catalog.COMMANDS:
        assert "actor_id" not in {a.name for a in catalog.arguments(app, name)}
