"""Proposing pairings, their workspace, growth plans, celebrations and recognition."""

import re
import uuid

import feedparser
import pytest
from support.site import enroll, new_cohort, one_on_one, session
from support.web import html, html_at, sign_in, submit

PRIVATE = "Bob seems anxious about the promotion"


@pytest.fixture
def cohort_id(services, people):
    return new_cohort(services, people.cora)


@pytest.fixture
def paired(services, people, cohort_id):
    """An active pairing: alice mentors bob; both acknowledged the agreement."""
    return one_on_one(services, people.cora, cohort_id, people.alice, people.bob)


def workspace_of(response) -> str:
    assert response.status_code == 302, html(response)
    found = re.fullmatch(r"/pairings/([0-9a-f-]{36})", response.headers["Location"])
    assert found, response.headers["Location"]
    return found[1]


def test_a_coordinator_proposes_a_pairing_through_the_form(
    as_cora, services, people, cohort_id
):
    enroll(services, people.alice, cohort_id, "mentor", capacity=2)
    enroll(services, people.bob, cohort_id, "mentee")
    board = html_at(as_cora, f"/cohorts/{cohort_id}")
    assert "Propose a pairing" in board
    form = {"format": "one-on-one", "mentor": people.alice.id}
    form |= {"mentees": [people.bob.id]}
    pairing_id = workspace_of(submit(as_cora, f"/cohorts/{cohort_id}/pairings", form))
    page = html_at(as_cora, f"/pairings/{pairing_id}")
    assert "proposed" in page
    assert "Alice" in page and "Bob" in page
    assert f"/pairings/{pairing_id}" in html_at(as_cora, f"/cohorts/{cohort_id}")


def test_a_member_requests_a_pairing_only_if_it_includes_them(
    as_alice, services, people, dan, cohort_id
):
    for person in (people.alice, dan):
        enroll(services, person, cohort_id, "mentor", capacity=1)
    enroll(services, people.bob, cohort_id, "mentee")
    others = {"format": "one-on-one", "mentor": dan.id, "mentees": [people.bob.id]}
    action = f"/cohorts/{cohort_id}/pairings"
    assert "Request a pairing" in html_at(as_alice, f"/cohorts/{cohort_id}")
    assert submit(as_alice, action, others).status_code == 403
    mine = {**others, "mentor": people.alice.id}
    pairing_id = workspace_of(submit(as_alice, action, mine))
    assert "requested" in html_at(as_alice, f"/cohorts/{cohort_id}")
    assert services.pairings.workspace(pairing_id).pairing.requested


def test_a_pairing_without_a_mentee_is_shown_again_with_why(
    as_cora, services, people, cohort_id
):
    enroll(services, people.alice, cohort_id, "mentor", capacity=2)
    form = {"format": "one-on-one", "mentor": people.alice.id}
    response = submit(as_cora, f"/cohorts/{cohort_id}/pairings", form)
    assert response.status_code == 422
    assert "at least one mentor and one mentee" in html(response)


def test_the_members_accept_and_acknowledge_on_the_workspace(
    as_alice, as_bob, services, people, cohort_id
):
    pairing_id = one_on_one(
        services, people.cora, cohort_id, people.alice, people.bob, until="proposed"
    )
    space = f"/pairings/{pairing_id}"
    for client in (as_alice, as_bob):
        assert "Accept" in html_at(client, space)
        assert submit(client, f"{space}/accept", {}).status_code == 302
        assert submit(client, f"{space}/acknowledge", {}).status_code == 302
    page = html_at(as_alice, space)
    assert "active" in page
    assert page.count("acknowledged the agreement") == 2
    assert "I acknowledge the agreement" not in page
    assert "Log a session" in page


def test_a_member_declines_with_a_reason(as_bob, services, people, cohort_id):
    pairing_id = one_on_one(
        services, people.cora, cohort_id, people.alice, people.bob, until="proposed"
    )
    declined = {"reason": "Same team"}
    assert (
        submit(as_bob, f"/pairings/{pairing_id}/decline", declined).status_code == 302
    )
    assert "ended: Same team" in html_at(as_bob, f"/pairings/{pairing_id}")


def test_a_pairing_is_paused_resumed_and_closed_with_its_buttons(as_cora, paired):
    space = f"/pairings/{paired}"
    assert submit(as_cora, f"{space}/pause", {"reason": "Leave"}).status_code == 302
    assert "Resume" in html_at(as_cora, space)
    assert submit(as_cora, f"{space}/resume", {}).status_code == 302
    assert submit(as_cora, f"{space}/close", {"reason": "Rotation"}).status_code == 302
    page = html_at(as_cora, space)
    assert "ended: Rotation" in page
    assert "Resume" not in page and "Pause" not in page


SESSION = {
    "held_on": "2026-02-03",
    "minutes": "90",
    "format": "virtual",
    "agenda": "Career plan",
    "shared_notes": "We talked about reviews",
    "action_items": "Draft the plan @bob\nBook a room",
    "private_note": PRIVATE,
}


def test_a_session_is_logged_with_action_items_and_a_private_note(
    as_alice, services, people, paired
):
    space = f"/pairings/{paired}"
    assert submit(as_alice, f"{space}/sessions", SESSION).status_code == 302
    page = html_at(as_alice, space)
    assert "Career plan" in page and "We talked about reviews" in page
    assert 'Draft the plan <span class="meta">@bob</span>' in page
    assert 'Book a room <span class="meta">@alice</span>' in page
    assert "Your private notes" in page and PRIVATE in page
    assert "1 session, 1.5 h" in page
    done = {"session_id": services.pairings.workspace(paired).sessions[0].id}
    assert submit(as_alice, f"{space}/done", {**done, "index": "1"}).status_code == 302
    assert "✓ Book a room" in html_at(as_alice, space)


def test_an_action_item_for_someone_outside_is_shown_again_with_why(
    as_alice, services, paired, dan
):
    # @dan exists, but is not in the pairing
    for owner, why in (
        ("@dan", "An action item belongs to someone in this pairing."),
        ("@zed", "There is nobody called @zed."),
    ):
        form = {**SESSION, "action_items": f"Call them {owner}"}
        response = submit(as_alice, f"/pairings/{paired}/sessions", form)
        assert response.status_code == 422
        assert why in html(response)
        assert "We talked about reviews" in html(response)  # the form keeps its text
    assert services.pairings.workspace(paired).sessions == []


def test_a_private_note_is_read_by_its_author_alone(as_alice, as_bob, as_cora, paired):
    assert submit(as_alice, f"/pairings/{paired}/sessions", SESSION).status_code == 302
    assert PRIVATE in html_at(as_alice, f"/pairings/{paired}")
    for other in (as_bob, as_cora):
        page = html_at(other, f"/pairings/{paired}")
        assert "We talked about reviews" in page
        assert PRIVATE not in page
        assert "Your private notes" not in page


def test_someone_outside_the_pairing_is_refused_its_workspace(app, client, paired, dan):
    as_dan = sign_in(app.test_client(), dan)
    assert as_dan.get(f"/pairings/{paired}").status_code == 403
    assert submit(as_dan, f"/pairings/{paired}/accept", {}, page="/").status_code == 403
    visitor = client.get(f"/pairings/{paired}")
    assert visitor.status_code == 302
    assert visitor.headers["Location"].startswith("/signin")


@pytest.mark.parametrize("pairing_id", ["nope", "1234", str(uuid.uuid4())])
def test_malformed_and_unknown_pairings_are_not_found(as_cora, pairing_id):
    assert as_cora.get(f"/pairings/{pairing_id}").status_code == 404
    response = submit(as_cora, f"/pairings/{pairing_id}/accept", {}, page="/")
    assert response.status_code == 404


def test_a_reflection_is_written_on_the_workspace(as_bob, paired):
    form = {"stage": "mid-cycle", "reflection": "I ask better questions now"}
    assert submit(as_bob, f"/pairings/{paired}/reflections", form).status_code == 302
    page = html_at(as_bob, f"/pairings/{paired}")
    assert "I ask better questions now" in page
    assert "@bob · mid-cycle" in page


def grow(client, space: str, mentee) -> None:
    """Set a goal, plan a milestone, reach it and celebrate it, by the forms."""
    goal = {"mentee_id": mentee.id, "title": "Lead reviews"}
    goal |= {"competency": "giving-feedback"}
    response = submit(client, f"{space}/goals", goal)
    assert response.status_code == 302, html(response)
    page = html_at(client, space)
    option = (
        r'<option value="([0-9a-f-]{36})">Lead reviews \(Giving feedback\)</option>'
    )
    goal_id = re.search(option, page)[1]
    milestone = {"mentee_id": mentee.id, "goal_id": goal_id}
    milestone |= {"title": "Run a review", "due_after_days": "30"}
    assert submit(client, f"{space}/milestones", milestone).status_code == 302
    found = re.search(
        r'name="milestone_id" value="([0-9a-f-]{36})"', html_at(client, space)
    )[1]
    reached = {"mentee_id": mentee.id, "milestone_id": found, "note": "Ran one"}
    assert submit(client, f"{space}/reached", reached).status_code == 302
    cheer = {"mentee_id": mentee.id, "milestone_id": found, "message": "Well done!"}
    assert submit(client, f"{space}/celebrate", cheer).status_code == 302


def test_a_goal_milestone_reach_and_celebration_flow_through_the_forms(
    as_alice, client, people, paired
):
    grow(as_alice, f"/pairings/{paired}", people.bob)
    page = html_at(as_alice, f"/pairings/{paired}")
    assert "Run a review" in page and "reached" in page and "Well done!" in page
    home = html_at(client, "/")
    assert "Celebrations" in home and "Run a review" in home and "Well done!" in home
    response = client.get("/feeds/celebrations.atom")
    assert response.mimetype == "application/atom+xml"
    feed = feedparser.parse(response.get_data())
    assert feed.bozo == 0, feed.get("bozo_exception")
    [entry] = feed.entries
    assert entry.title == "Bob reached: Run a review"
    # One entry per milestone, whose id stays the same however often it is read.
    assert re.fullmatch(r"urn:kshare:celebration:[0-9a-f-]{36}", entry.id)
    assert entry.link == "http://localhost/people/bob"
    assert "Well done!" in entry.summary


def test_a_milestone_for_someone_not_a_mentee_is_shown_again_with_why(
    as_alice, people, paired
):
    goal = {"mentee_id": people.alice.id, "title": "Mine"}
    goal |= {"competency": "giving-feedback"}
    response = submit(as_alice, f"/pairings/{paired}/goals", goal)
    assert response.status_code == 422
    assert "belong to the pairing&#39;s mentees" in html(response)


def test_the_participant_page_shows_pairings_milestones_and_hours(
    as_alice, client, services, people, paired
):
    session(services, people.alice, paired, minutes=90)
    grow(as_alice, f"/pairings/{paired}", people.bob)
    page = html_at(client, "/people/bob")
    assert "1.5</strong> mentoring hours" in page
    assert "@alice" in page and "one-on-one" in page and "Spring" in page
    assert "Run a review" in page and "Lead reviews" in page
    assert "workspace" not in page  # a visitor gets no link to it
    assert f"/pairings/{paired}" in html_at(as_alice, "/people/bob")


def test_recognition_is_given_by_the_form_and_shown_on_both_pages(
    as_alice, client, people
):
    thanks = {"handle": "@bob", "message": "Thanks for the review tips"}
    assert submit(as_alice, "/recognition", thanks).status_code == 302
    assert "Thanks for the review tips" in html_at(client, "/recognition")
    assert "Thanks for the review tips" in html_at(client, "/people/bob")
    mine = submit(as_alice, "/recognition", {"handle": "alice", "message": "Me"})
    assert mine.status_code == 422
    assert "Recognition is for someone else." in html(mine)
    nobody = submit(as_alice, "/recognition", {"handle": "zed", "message": "Hi"})
    assert nobody.status_code == 422


def test_hostile_text_in_recognition_and_sessions_is_escaped(
    as_alice, client, people, paired
):
    attack = "<script>alert(1)</script>"
    thanks = {"handle": "bob", "message": attack}
    assert submit(as_alice, "/recognition", thanks).status_code == 302
    notes = {**SESSION, "shared_notes": attack, "action_items": attack}
    assert submit(as_alice, f"/pairings/{paired}/sessions", notes).status_code == 302
    for page in (
        html_at(client, "/recognition"),
        html_at(client, "/people/bob"),
        html_at(as_alice, f"/pairings/{paired}"),
    ):
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown, as text
        assert "<script>alert" not in page


def test_a_session_agenda_can_start_from_a_program_template(
    as_bob, services, people, paired
):
    pairing = services.pairings.workspace(paired).pairing
    program = uuid.UUID(services.programs.cohort(pairing.cohort_id).program_id)
    receipt = services.app.save_template(
        actor_id=people.cora.id,
        program_id=program,
        key="check-in",
        kind="agenda",
        title="Check-in",
        body="1. How are you\n2. What blocks you",
    )
    services.wait_for(receipt.position)
    page = html_at(as_bob, f"/pairings/{paired}")
    assert "Start the agenda from:" in page and "agenda=check-in" in page
    chosen = html_at(as_bob, f"/pairings/{paired}?agenda=check-in")
    assert ">1. How are you\n2. What blocks you</textarea>" in chosen
