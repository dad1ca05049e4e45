"""Matching on the cohort board: the coordinator previews, drafts and approves."""

import re

from support.web import html_at, submit


def test_a_coordinator_sees_the_proposed_matching_with_its_reasons(as_cora, waiting):
    page = html_at(as_cora, f"/cohorts/{waiting}")
    assert '<section class="panel" id="matching">' in page  # markup, not escaped text
    assert "covers 1 of 1 skill gaps (code-review)" in page


def test_participants_do_not_see_matching(as_bob, waiting):
    assert 'id="matching"' not in html_at(as_bob, f"/cohorts/{waiting}")


def test_an_approved_draft_proposes_the_pairing(as_cora, services, waiting):
    board = f"/cohorts/{waiting}"
    assert (
        submit(as_cora, f"{board}/matching", {"rotating": "0"}, page=board).status_code
        == 302
    )
    page = html_at(as_cora, board)
    draft = re.search(r"/matching/([0-9a-f-]{36})/approve", page)[1]
    approved = submit(
        as_cora, f"/matching/{draft}/approve", {"cohort_id": waiting}, page=board
    )
    assert approved.status_code == 302
    [pairing] = services.pairings.history_of_cohort(waiting)
    assert pairing.status == "proposed"
    page = html_at(as_cora, board)
    assert "approved" in page and f"/pairings/{pairing.id}" in page
    assert "Every mentee is paired" in page


def test_a_participant_cannot_save_a_draft(as_bob, waiting):
    board = f"/cohorts/{waiting}"
    response = submit(as_bob, f"{board}/matching", {"rotating": "0"}, page=board)
    assert response.status_code == 403
