"""Matching from the read models, drafts, and their approval into pairings."""

from datetime import date

import pytest
from support.dumps import dump
from support.people import register
from support.programs import STAGES, advance, enroll, new_cohort, plan

from kshare.domain.errors import Invalid, NotAllowed
from kshare.domain.ids import OPERATOR


@pytest.fixture
def cohort(any_services):
    """Two mentors (Mia: code review, one place; Noor: estimation, two places)
    and three mentees; Abe needs code review, Bea and Cal estimation."""
    app = any_services.app
    cora = register(app, "cora", role="coordinator", actor_id=OPERATOR)
    people, cohort = {"cora": cora}, new_cohort(app, cora)
    for handle, team, role, capacity, skills in (
        ("mia", "Platform", "mentor", 1, ["code-review"]),
        ("noor", "Data", "mentor", 2, ["estimation"]),
        ("abe", "Data", "mentee", 0, ["code-review"]),
        ("bea", "Platform", "mentee", 0, ["estimation"]),
        ("cal", "Mobile", "mentee", 0, ["estimation"]),
    ):
        people[handle] = register(app, handle, team=team)
        field = "expertise" if role == "mentor" else "skill_gaps"
        enroll(app, people[handle], cohort, role, capacity=capacity, **{field: skills})
    any_services.runner.catch_up()
    return people, cohort


def test_suggestions_for_a_mentee_come_best_first_with_reasons(any_services, cohort):
    people, cohort_id = cohort
    [best, other] = any_services.matching.suggestions(cohort_id, people["abe"])
    assert (best.mentor.handle, other.mentor.handle) == ("mia", "noor")
    assert any("code-review" in reason for reason in best.score.reasons)
    assert any("another team" in reason for reason in best.score.reasons)


def test_the_assignment_places_every_mentee_by_skill_within_capacity(
    any_services, cohort
):
    _, cohort_id = cohort
    pairs = {
        p.mentee.handle: p.mentor.handle
        for p in any_services.matching.assignment(cohort_id)
    }
    assert pairs == {"abe": "mia", "bea": "noor", "cal": "noor"}


def test_an_approved_draft_proposes_its_pairings_and_reports_what_failed(
    any_services, cohort
):
    people, cohort_id = cohort
    app = any_services.app
    proposed = any_services.matching.assignment(cohort_id)
    pairs = [
        {
            "mentee_id": p.mentee.id,
            "mentor_id": p.mentor.id,
            "score": p.score.total,
            "reasons": p.score.reasons,
        }
        for p in proposed
    ]
    with pytest.raises(NotAllowed):
        app.save_matching_draft(
            actor_id=people["abe"], cohort_id=cohort_id, pairs=pairs
        )
    draft = app.save_matching_draft(
        actor_id=people["cora"], cohort_id=cohort_id, pairs=pairs
    ).id
    # Meanwhile Mia's only place is taken by a pairing proposed by hand.
    app.propose_pairing(
        actor_id=people["cora"],
        cohort_id=cohort_id,
        format="one-on-one",
        members={people["mia"]: "mentor", people["bea"]: "mentee"},
    )
    app.approve_matching_draft(actor_id=people["cora"], draft_id=draft)
    with pytest.raises(Invalid, match="already approved"):
        app.approve_matching_draft(actor_id=people["cora"], draft_id=draft)
    any_services.runner.catch_up()
    [shown] = any_services.matching.drafts(cohort_id)
    outcomes = {o["mentee_id"]: o for o in shown["outcomes"]}
    assert shown["status"] == "approved"
    assert "room for 0 more" in outcomes[str(people["abe"])]["problem"]
    assert (
        outcomes[str(people["bea"])]["problem"] == "This mentee was paired meanwhile."
    )
    assert outcomes[str(people["cal"])]["pairing_id"]
    history = any_services.pairings.history_of_cohort(cohort_id)
    assert len(history) == 2  # Bea's by hand, and Cal's from the draft
    # Abe, whom the draft could not place, is left to match, with Noor's last place.
    left = any_services.matching.assignment(cohort_id)
    assert [(p.mentee.handle, p.mentor.handle) for p in left] == [("abe", "noor")]
    live = dump(any_services)
    any_services.rebuild(["matching", "pairings"])
    assert dump(any_services) == live


def test_a_previous_partner_is_never_suggested_when_rotating(any_services, cohort):
    people, cohort_id = cohort
    app = any_services.app
    pairing = app.propose_pairing(
        actor_id=people["cora"],
        cohort_id=cohort_id,
        format="one-on-one",
        members={people["mia"]: "mentor", people["abe"]: "mentee"},
    ).id
    app.close_pairing(actor_id=people["cora"], pairing_id=pairing, reason="Rotation")
    any_services.runner.catch_up()
    rotating = any_services.matching.suggestions(
        cohort_id, people["abe"], rotating=True
    )
    assert [s.mentor.handle for s in rotating] == ["noor"]
    staying = any_services.matching.suggestions(cohort_id, people["abe"])
    assert [s.mentor.handle for s in staying] == ["mia", "noor"]


def test_nobody_is_matched_in_a_closed_cohort(any_services, cohort):
    people, cohort_id = cohort
    app = any_services.app
    advance(app, people["cora"], cohort_id, *STAGES[1:])
    app.close_cohort(
        actor_id=people["cora"],
        cohort_id=cohort_id,
        lessons_learned="L",
        next_direction="N",
    )
    any_services.runner.catch_up()
    assert any_services.matching.assignment(cohort_id) == []
    assert any_services.matching.suggestions(cohort_id, people["abe"]) == []
    assert any_services.metrics.cohort(cohort_id, date.today()).mentors_with_room == []


def test_pairings_in_another_cohort_do_not_use_up_places_in_this_one(
    any_services, cohort
):
    people, cohort_id = cohort
    app = any_services.app
    program = any_services.app.repository.get(cohort_id).program_id
    other = plan(
        app,
        people["cora"],
        program,
        "summer",
        starts_on=date(2026, 7, 1),
        ends_on=date(2026, 9, 30),
    )
    advance(app, people["cora"], other, "enrolling")
    enroll(app, people["mia"], other, "mentor", capacity=1)
    enroll(app, people["cal"], other, "mentee")
    app.propose_pairing(
        actor_id=people["cora"],
        cohort_id=other,
        format="one-on-one",
        members={people["mia"]: "mentor", people["cal"]: "mentee"},
    )
    any_services.runner.catch_up()
    pairs = {
        p.mentee.handle: p.mentor.handle
        for p in any_services.matching.assignment(cohort_id)
    }
    assert pairs["abe"] == "mia"  # Mia's place in this cohort is still free
