"""Pairing histories and workspaces as people read them, on SQLite and PostgreSQL."""

from datetime import date

import pytest
from support.dumps import dump
from support.people import register
from support.programs import enroll, new_cohort, pair

from kshare.domain.ids import OPERATOR


@pytest.fixture
def world(any_services):
    """A cohort with one finished pairing, one active one and a small group."""
    app = any_services.app
    cora = register(app, "cora", role="coordinator", actor_id=OPERATOR)
    cohort = new_cohort(app, cora)
    mia, abe, bea, cal = (register(app, h) for h in ("mia", "abe", "bea", "cal"))
    enroll(app, mia, cohort, "mentor", capacity=4)
    for mentee in (abe, bea, cal):
        enroll(app, mentee, cohort, "mentee")

    def pairing(members, format="one-on-one"):
        return pair(app, cora, cohort, members, format=format)

    first = pairing({mia: "mentor", abe: "mentee"})
    for day, minutes in ((date(2026, 1, 20), 45), (date(2026, 2, 3), 75)):
        app.log_session(
            actor_id=abe,
            pairing_id=first,
            held_on=day,
            minutes=minutes,
            format="virtual",
            agenda="Goals",
            shared_notes="Notes for both",
            action_items=[{"text": "Write the plan", "owner": abe}],
            private_note=f"Private on {day}",
        )
    app.close_pairing(actor_id=cora, pairing_id=first, reason="Rotation")
    app.reflect_on_pairing(
        actor_id=abe, pairing_id=first, stage="closing", reflection="I learned to ask"
    )
    second = pairing({mia: "mentor", bea: "mentee"}, format="shadowing")
    group = pairing({mia: "mentor", abe: "mentee", cal: "mentee"}, "small-group")
    any_services.runner.catch_up()
    return {
        "mia": mia,
        "abe": abe,
        "bea": bea,
        "cohort": cohort,
        "first": first,
        "second": second,
        "group": group,
    }


def test_a_persons_history_lists_every_pairing_with_partners_and_hours(
    any_services, world
):
    history = any_services.pairings.history_of_person(world["abe"])
    by_id = {p.id: p for p in history}
    assert set(by_id) == {str(world["first"]), str(world["group"])}
    first = by_id[str(world["first"])]
    assert (first.format, first.status, first.end_reason) == (
        "one-on-one",
        "closed",
        "Rotation",
    )
    assert (first.session_count, first.hours) == (2, 2.0)
    assert [m.handle for m in first.partners_of(world["abe"])] == ["mia"]
    group = by_id[str(world["group"])]
    assert sorted(m.handle for m in group.members) == ["abe", "cal", "mia"]


def test_a_cohorts_history_shows_all_its_pairings(any_services, world):
    history = any_services.pairings.history_of_cohort(world["cohort"])
    assert sorted((p.format, p.status) for p in history) == [
        ("one-on-one", "closed"),
        ("shadowing", "active"),
        ("small-group", "active"),
    ]
    assert {p.cohort_name for p in history} == {"Spring"}


def test_a_workspace_shows_sessions_and_reflections_but_no_private_note(
    any_services, world
):
    workspace = any_services.pairings.workspace(world["first"])
    assert [s.held_on for s in workspace.sessions] == ["2026-02-03", "2026-01-20"]
    assert workspace.sessions[0].action_items[0]["text"] == "Write the plan"
    assert workspace.reflections[0][:3] == ("abe", "closing", "I learned to ask")
    assert workspace.agreement["time_commitment"] == "Two hours a month"
    assert "Private on" not in repr(workspace)


def test_private_notes_are_read_by_their_author_alone(any_services, world):
    pairings = any_services.pairings
    assert [n for _, n, _ in pairings.private_notes(world["abe"], world["first"])] == [
        "Private on 2026-01-20",
        "Private on 2026-02-03",
    ]
    assert pairings.private_notes(world["mia"], world["first"]) == []


def test_rebuilding_pairings_equals_building_them_live(any_services, world):
    live = dump(any_services)
    any_services.rebuild(["pairings", "private_notes", "cohorts"])
    assert dump(any_services) == live
