"""Program, charter and cohort pages: reading them and using their forms."""

import uuid

import pytest
from support.programs import CHARTER_FORM, STAGES
from support.site import enroll, launch, new_cohort, settle
from support.web import html, html_at, sign_in, submit


def test_the_programs_list_and_a_program_page_render(client, services, people):
    launch(services, people.cora)
    listed = html_at(client, "/programs")
    assert "Tech leads" in listed
    assert "Launch a program" not in listed  # a visitor sees no coordinator form
    page = client.get("/programs/leads")
    assert page.status_code == 200
    assert "Grow confident technical leads." in html(page)
    assert "Giving feedback" in html(page)
    assert "Two hours a month" in html(page)
    assert "Version 1: Launched" in html(page)


def test_the_programs_link_is_in_the_navigation(client):
    assert 'href="/programs"' in html_at(client, "/")


def test_a_coordinator_launches_revises_and_plans_a_cohort_through_forms(as_cora):
    launched = submit(
        as_cora, "/programs", {"name": "Leads", "slug": "leads", **CHARTER_FORM}
    )
    assert launched.status_code == 302
    assert launched.headers["Location"] == "/programs/leads"
    revised = {**CHARTER_FORM, "cadence_days": "21", "note": "Meet less often"}
    assert submit(as_cora, "/programs/leads/charter", revised).status_code == 302
    planned = {"slug": "spring", "name": "Spring 2026", "pilot": "1"}
    planned |= {"starts_on": "2026-01-05", "ends_on": "2026-06-30"}
    assert submit(as_cora, "/programs/leads/cohorts", planned).status_code == 302
    page = html_at(as_cora, "/programs/leads")
    assert "Version 1: Launched" in page
    assert "Version 2: Meet less often" in page
    assert "Every 21 days" in page
    assert "sessions per pairing" in page
    assert "Spring 2026" in page
    assert "pilot" in page


def test_a_coordinator_saves_a_template_shown_under_its_kind(as_cora, services, people):
    launch(services, people.cora)
    template = {"kind": "discussion", "key": "stuck", "title": "When you are stuck"}
    template |= {"body": "What did you *try*?", "challenge": "problem-solving"}
    assert submit(as_cora, "/programs/leads/templates", template).status_code == 302
    page = html_at(as_cora, "/programs/leads")
    assert "When you are stuck" in page
    assert "<em>try</em>" in page
    assert "problem-solving" in page


def test_a_charter_breaking_a_rule_is_shown_again_with_why(as_cora, services):
    form = {"name": "Leads", "slug": "leads", **CHARTER_FORM, "competencies": ""}
    response = submit(as_cora, "/programs", form)
    assert response.status_code == 422
    assert "at least one competency" in html(response)
    assert "Meet every two weeks and bring an agenda." in html(response)
    assert services.programs.programs() == []


def test_a_participant_is_refused_every_coordinator_form(as_alice, services, people):
    cohort_id = new_cohort(services, people.cora, stages=())
    forms = {
        "/programs": {"name": "Mine", "slug": "mine", **CHARTER_FORM},
        "/programs/leads/charter": {**CHARTER_FORM, "note": "Mine now"},
        "/programs/leads/templates": {"kind": "agenda", "key": "a", "title": "A"}
        | {"body": "B"},
        "/programs/leads/cohorts": {"slug": "fall", "name": "Fall"}
        | {"starts_on": "2026-09-01", "ends_on": "2026-12-01"},
        f"/cohorts/{cohort_id}/advance": {"to": "enrolling"},
    }
    for action, form in forms.items():
        assert submit(as_alice, action, form, page="/").status_code == 403, action
    assert services.programs.program("mine") is None
    assert services.programs.cohort(cohort_id).stage == "planned"


def test_the_cohort_board_moves_through_its_stages_and_closes(
    as_cora, services, people
):
    cohort_id = new_cohort(services, people.cora, stages=())
    board = f"/cohorts/{cohort_id}"
    for stage in STAGES:
        assert f'name="to" value="{stage}"' in html_at(as_cora, board)
        assert submit(as_cora, f"{board}/advance", {"to": stage}).status_code == 302
    assert 'name="to"' not in html_at(as_cora, board)
    summary = {"lessons_learned": "Pairs met", "next_direction": "Try groups"}
    assert submit(as_cora, f"{board}/close", summary).status_code == 302
    page = html_at(as_cora, board)
    assert "Stage: closed" in page
    assert "Pairs met" in page and "Try groups" in page
    for stage in ("planned", *STAGES, "closed"):
        assert f"<li>{stage} " in page


def test_moving_a_cohort_out_of_order_is_shown_with_why(as_cora, services, people):
    cohort_id = new_cohort(services, people.cora, stages=())
    response = submit(as_cora, f"/cohorts/{cohort_id}/advance", {"to": "closed"})
    assert response.status_code == 422
    assert "reflection summary" in html(response)


def test_a_person_enrolls_through_the_form_and_ticks_off_orientation(
    as_alice, services, people
):
    board = f"/cohorts/{new_cohort(services, people.cora)}"
    assert "Enroll" in html_at(as_alice, board)
    form = {"role": "mentor", "capacity": "2", "availability": "Tuesdays"}
    form |= {"goals": "Coach", "expertise": "Code review, testing", "interests": ""}
    assert submit(as_alice, f"{board}/enroll", form).status_code == 302
    page = html_at(as_alice, board)
    assert "0/4" in page
    assert "Your orientation" in page
    step = {"item": "read-the-charter"}
    assert submit(as_alice, f"{board}/orientation", step).status_code == 302
    page = html_at(as_alice, board)
    assert "1/4" in page
    assert "✓ read-the-charter" in page
    member = services.programs.members(board.removeprefix("/cohorts/"))[0]
    assert member.expertise == ["code-review", "testing"]


def test_enrolling_in_a_planned_cohort_is_refused_with_why(as_alice, services, people):
    planned = new_cohort(services, people.cora, stages=())
    response = submit(as_alice, f"/cohorts/{planned}/enroll", {"role": "mentee"})
    assert response.status_code == 422
    assert "nobody can join it now" in html(response)


def test_enrolling_twice_is_refused_with_why(as_alice, services, people):
    cohort_id = new_cohort(services, people.cora)
    enroll(services, people.alice, cohort_id, "mentee")
    response = submit(as_alice, f"/cohorts/{cohort_id}/enroll", {"role": "mentee"})
    assert response.status_code == 409
    assert "already enrolled" in html(response)


def test_leaving_a_cohort_shows_the_reason_on_the_board(as_alice, services, people):
    cohort_id = new_cohort(services, people.cora)
    enroll(services, people.alice, cohort_id, "mentee")
    leaving = {"reason": "New job"}
    assert submit(as_alice, f"/cohorts/{cohort_id}/leave", leaving).status_code == 302
    assert "left: New job" in html_at(as_alice, f"/cohorts/{cohort_id}")


@pytest.fixture
def surveyed(services, people, dan):
    """A cohort whose members are alice, bob and dan; alice and bob answered."""
    cohort_id = new_cohort(services, people.cora)
    for person in (people.alice, people.bob, dan):
        enroll(services, person, cohort_id, "mentee")
    for person, rating in ((people.alice, 4), (people.bob, 2)):
        services.app.answer_survey(
            actor_id=person.id,
            cohort_id=cohort_id,
            occasion="mid-cycle",
            sentiment=rating,
            value=rating,
            comment=f"Secret comment {rating}",
        )
    settle(services)
    return cohort_id, dan


def test_survey_results_are_hidden_below_three_answers(as_cora, surveyed):
    page = html_at(as_cora, f"/cohorts/{surveyed[0]}")
    assert "2 answers, shown from 3" in page
    assert "Secret comment" not in page


def test_the_third_answer_through_the_form_shows_the_aggregate(app, as_cora, surveyed):
    cohort_id, dan = surveyed
    as_dan = sign_in(app.test_client(), dan)
    answer = {"occasion": "mid-cycle", "sentiment": "3", "value": "5", "comment": ""}
    assert submit(as_dan, f"/cohorts/{cohort_id}/survey", answer).status_code == 302
    page = html_at(as_cora, f"/cohorts/{cohort_id}")
    assert "3 answers · sentiment 3.0 / 5" in page
    assert "Secret comment 2" in page and "Secret comment 4" in page
    assert "Survey results" not in html_at(as_dan, f"/cohorts/{cohort_id}")


@pytest.mark.parametrize("cohort_id", ["nope", "123", str(uuid.uuid4())])
def test_malformed_and_unknown_cohorts_are_not_found(as_cora, cohort_id):
    assert as_cora.get(f"/cohorts/{cohort_id}").status_code == 404
    response = submit(as_cora, f"/cohorts/{cohort_id}/advance", {"to": "x"}, page="/")
    assert response.status_code == 404


def test_an_unknown_program_is_not_found(client):
    assert client.get("/programs/nothing-here").status_code == 404
