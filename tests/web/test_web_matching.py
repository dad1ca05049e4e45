"""Matching on the cohort board: the coordinator previews, drafts and approves."""

import re

import pytest
from program_helpers_web import cohort, enroll
from web_helpers import html, submit


@pytest.fixture
def waiting(services, people):
    """Alice mentors code review with one place; Bob wants to learn it."""
    cohort_id = cohort(services, people.cora, stages=("enrolling", "kicked-off"))
    enroll(
        services,
        people.alice,
        cohort_id,
        "mentor",
        capacity=1,
        expertise=["code-review"],
    )
    enroll(services, people.bob, cohort_id, "mentee", skill_gaps=["code-review"])
    return cohort_id


def test_a_coordinator_sees_the_proposed_matching_with_its_reasons(as_cora, waiting):
    page = html(as_cora.get(f"/cohorts/{waiting}"))
    assert '<section class="panel" id="matching">' in page  # markup, not escaped text
    assert "covers 1 of 1 skill gaps (code-review)" in page


def test_participants_do_not_see_matching(as_bob, waiting):
    assert 'id="matching"' not in html(as_bob.get(f"/cohorts/{waiting}"))


def test_an_approved_draft_proposes_the_pairing(as_cora, services, waiting):
    board = f"/cohorts/{waiting}"
    assert (
        submit(as_cora, f"{board}/matching", {"rotating": "0"}, page=board).status_code
        == 302
    )
    page = html(as_cora.get(board))
    draft = re.search(r"/matching/([0-9a-f-]{36})/approve", page)[1]
    approved = submit(
        as_cora, f"/matching/{draft}/approve", {"cohort_id": waiting}, page=board
    )
    assert approved.status_code == 302
    [pairing] = services.pairings.history_of_cohort(waiting)
    assert pairing.status == "proposed"
    page = html(as_cora.get(board))
    assert "approved" in page and f"/pairings/{pairing.id}" in page
    assert "Every mentee is paired" in page


def test_a_participant_cannot_save_a_draft(as_bob, waiting):
    board = f"/cohorts/{waiting}"
    response = submit(as_bob, f"{board}/matching", {"rotating": "0"}, page=board)
    assert response.status_code == 403
