"""The lesson of the week: chosen by a coordinator, else picked automatically."""

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from support.site import story, write
from support.web import html, html_at, submit

from kshare.domain.clock import iso_week
from kshare.domain.ids import OPERATOR

AUTOMATIC = "picked automatically: the most appreciated recent lesson not yet featured"


def this_week(days_ago: int = 0) -> str:
    return iso_week(datetime.now(UTC).date() - timedelta(days=days_ago))


def feature(client, post_id: str, note: str, week: str | None = None, **kwargs):
    """Fill in the form as a coordinator sees it: this week is prefilled."""
    fields = {"post_id": post_id, "note": note, "week": week or this_week()}
    return submit(client, "/lesson-of-the-week", fields, **kwargs)


@pytest.fixture
def lesson(services, people) -> str:
    return write(services, people.alice, "Ask before you assume")


def test_a_coordinator_sees_the_form_to_feature_a_lesson(as_cora, lesson, services):
    page = html_at(as_cora, "/lesson-of-the-week")
    assert "Feature a lesson" in page
    assert f'<option value="{lesson}">Ask before you assume' in page
    assert f'value="{services.current_week()}"' in page


def test_nobody_else_sees_the_form(client, as_alice, lesson):
    assert "Feature a lesson" not in html_at(client, "/lesson-of-the-week")
    assert "Feature a lesson" not in html_at(as_alice, "/lesson-of-the-week")


def test_a_coordinator_features_a_lesson_with_a_note(as_cora, client, services, lesson):
    week = services.current_week()
    response = feature(as_cora, lesson, "Read it before your next 1:1", week)
    assert response.status_code == 302
    assert response.headers["Location"] == "/lesson-of-the-week"
    page = html_at(client, "/lesson-of-the-week")
    assert f"Lesson of the week {week}" in page
    assert "Ask before you assume" in page
    assert "<blockquote>Read it before your next 1:1</blockquote>" in page
    assert AUTOMATIC not in page
    assert "<blockquote>Read it before your next 1:1</blockquote>" in html(
        client.get("/")
    )


def test_a_second_lesson_for_the_same_week_is_rejected(
    as_cora, client, services, people, lesson
):
    other = write(services, people.bob, "Write the test first")
    week = services.current_week()
    feature(as_cora, lesson, "First choice", week)
    response = feature(as_cora, other, "Second choice", week)
    assert response.status_code == 409
    page = html(response)
    assert "Conflict" in page
    assert f"Week {week} already has a lesson of the week." in page
    assert "First choice" in html_at(client, "/lesson-of-the-week")


def test_a_participant_may_not_feature_a_lesson(as_alice, client, lesson):
    response = feature(as_alice, lesson, "My own pick")
    assert response.status_code == 403
    assert "Only a coordinator may choose the lesson of the week." in html(response)
    assert "My own pick" not in html_at(client, "/lesson-of-the-week")


def test_a_visitor_featuring_a_lesson_is_sent_to_sign_in(client, lesson):
    response = feature(client, lesson, "Anonymous pick", page="/signin")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/signin?next=")


@pytest.mark.parametrize(
    ("week", "post_id", "message"),
    [
        ("2026-W99", None, "is not an ISO week such as"),
        ("last week", None, "is not an ISO week such as"),
        (None, "not-a-post", "Choose a lesson to feature."),
    ],
)
def test_featuring_with_a_bad_week_or_lesson_says_why(
    as_cora, lesson, week, post_id, message
):
    response = feature(as_cora, post_id or lesson, "Note", week or "2026-W10")
    assert response.status_code == 422
    assert message in html(response)


def test_only_a_published_lesson_may_be_featured(as_cora, services, people):
    a_story = story(services, people.alice)
    response = feature(as_cora, a_story, "Stories are not lessons")
    assert response.status_code == 422
    assert "Only a published lesson can be the lesson of the week." in html(response)


def test_a_note_is_required(as_cora, lesson):
    response = feature(as_cora, lesson, "   ")
    assert response.status_code == 422
    assert "A note on why this lesson is required." in html(response)


def test_when_nothing_is_chosen_the_page_shows_the_automatic_pick(client, lesson):
    page = html_at(client, "/lesson-of-the-week")
    assert "Ask before you assume" in page
    assert AUTOMATIC in page
    assert AUTOMATIC in html_at(client, "/")


def test_the_automatic_pick_is_the_most_appreciated_lesson(
    client, services, people, lesson
):
    write(services, people.bob, "A newer lesson")
    receipt = services.app.appreciate_post(actor_id=people.bob.id, post_id=UUID(lesson))
    assert services.wait_for(receipt.position)
    page = html_at(client, "/lesson-of-the-week")
    picked = page.split('<section class="weekly">', 1)[1].split("</section>", 1)[0]
    assert "Ask before you assume" in picked
    assert "A newer lesson" not in picked


def test_with_no_lesson_at_all_the_page_says_so(client):
    page = html_at(client, "/lesson-of-the-week")
    assert "No lesson has been published yet." in page
    assert "No earlier weeks yet." in page


def test_earlier_weeks_are_listed_in_the_archive(client, services, lesson):
    receipt = services.app.feature_lesson(
        actor_id=OPERATOR,
        week=this_week(days_ago=7),
        post_id=UUID(lesson),
        note="Last week's pick",
    )
    assert services.wait_for(receipt.position)
    archive = html_at(client, "/lesson-of-the-week").split("Earlier weeks", 1)[1]
    assert this_week(days_ago=7) in archive
    assert "Ask before you assume" in archive
    assert "<em>Last week&#39;s pick</em>" in archive
