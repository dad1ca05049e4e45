"""Writing, previewing, publishing, revising, retracting and appreciating posts."""

import pytest
from support.site import story, write
from support.web import html, html_at, submit

LESSON = {"kind": "lesson", "title": "Pair on the hard parts", "tags": "pairing"}
LESSON |= {"summary": "Pair early.", "body": "Pairing **halves** the stuck time."}
STORY = {"kind": "story", "title": "The release we paired on", "tags": "pairing"}
STORY |= {"context": "A risky release.", "actions": "We paired.", "outcome": "Calm."}


def written_id(response) -> str:
    assert response.status_code == 302, html(response)
    location = response.headers["Location"]
    assert location.startswith("/posts/")
    return location.removeprefix("/posts/")


def api_post(client, post_id: str) -> dict:
    return client.get(f"/api/posts/{post_id}").get_json()["post"]


def test_a_preview_shows_the_rendered_markdown_without_saving(as_alice, services):
    response = submit(as_alice, "/write", {**LESSON, "action": "preview"})
    assert response.status_code == 200
    page = html(response)
    assert "Preview" in page
    assert "<strong>halves</strong>" in page
    assert "Pairing **halves** the stuck time." in page  # still in the editor
    assert services.posts.posts_page(drafts=True).total == 0


def test_saving_a_draft_keeps_it_out_of_the_lists(as_alice, client):
    post_id = written_id(submit(as_alice, "/write", {**LESSON, "action": "draft"}))
    assert api_post(as_alice, post_id)["status"] == "draft"
    assert "Pair on the hard parts" in html_at(as_alice, "/people/alice")
    assert "Pair on the hard parts" not in html_at(client, "/lessons")
    assert "Pair on the hard parts" not in html_at(client, "/")
    assert client.get(f"/api/posts/{post_id}").status_code == 404


def test_publishing_a_lesson_puts_it_on_the_lessons_page_and_home(as_alice, client):
    post_id = written_id(submit(as_alice, "/write", {**LESSON, "action": "publish"}))
    assert "Pair on the hard parts" in html_at(client, "/lessons")
    assert "Pair on the hard parts" in html_at(client, "/")
    assert "Pair on the hard parts" in html_at(client, "/library?q=halves")
    assert api_post(client, post_id)["html"]["body"] == (
        "<p>Pairing <strong>halves</strong> the stuck time.</p>"
    )


def test_publishing_a_story_puts_it_in_the_story_feed(as_alice, client):
    written_id(submit(as_alice, "/write?kind=story", {**STORY, "action": "publish"}))
    assert "The release we paired on" in html_at(client, "/stories")
    assert "The release we paired on" in html_at(client, "/")
    assert "The release we paired on" in html_at(client, "/feeds/stories.atom")


def test_publishing_a_draft_with_its_button(as_alice, client):
    post_id = written_id(submit(as_alice, "/write", {**LESSON, "action": "draft"}))
    response = submit(as_alice, f"/posts/{post_id}/publish", {}, page="/")
    assert response.headers["Location"] == f"/posts/{post_id}"
    assert "Pair on the hard parts" in html_at(client, "/lessons")


def test_a_post_missing_its_title_shows_the_form_again_with_why(as_alice, services):
    response = submit(as_alice, "/write", {**LESSON, "title": "", "action": "draft"})
    assert response.status_code == 422
    assert "Title needs at least 3 characters." in html(response)
    assert services.posts.posts_page(drafts=True).total == 0


@pytest.fixture
def lesson(services, people) -> str:
    return write(services, people.alice, "Review small changes")


def revise(client, post_id: str, title: str):
    fields = {"title": title, "summary": "Smaller.", "body": "Still small."}
    return submit(client, f"/posts/{post_id}/edit", {**fields, "action": "save"})


def test_revising_a_post_keeps_every_revision(as_alice, client, lesson):
    assert revise(as_alice, lesson, "Review smaller changes").status_code == 302
    lessons = html_at(client, "/lessons")
    assert "Review smaller changes" in lessons
    assert "Review small changes" not in lessons
    found = client.get(f"/api/posts/{lesson}/revisions").get_json()["revisions"]
    assert [r["title"] for r in found] == [
        "Review small changes",
        "Review smaller changes",
    ]


def test_the_post_page_lists_both_revisions(as_alice, client, lesson):
    revise(as_alice, lesson, "Review smaller changes")
    page = html_at(client, f"/posts/{lesson}")
    assert "<strong>Review small changes</strong>" in page
    assert "<strong>Review smaller changes</strong>" in page
    assert "revised" in page


def test_someone_else_may_not_revise_a_post(as_bob, client, lesson):
    response = as_bob.get(f"/posts/{lesson}/edit")
    assert response.status_code == 403
    assert "Not allowed" in html(response)
    assert revise(as_bob, lesson, "Hijacked title").status_code == 403
    assert api_post(client, lesson)["title"] == "Review small changes"


@pytest.mark.parametrize("action", ["retract", "publish", "republish"])
def test_someone_else_may_not_change_a_posts_status(as_bob, client, lesson, action):
    response = submit(as_bob, f"/posts/{lesson}/{action}", {"reason": "x"}, page="/")
    assert response.status_code == 403
    assert f"Only the author or a coordinator may {action}" in html(response)
    assert api_post(client, lesson)["status"] == "published"


def test_a_coordinator_may_revise_someone_elses_post(as_cora, client, lesson):
    assert revise(as_cora, lesson, "Review small changes, edited").status_code == 302
    found = client.get(f"/api/posts/{lesson}/revisions").get_json()["revisions"]
    assert found[-1]["actor_handle"] == "cora"
    assert api_post(client, lesson)["title"] == "Review small changes, edited"


def test_a_coordinator_sees_the_edit_form_of_someone_elses_post(as_cora, lesson):
    page = html_at(as_cora, f"/posts/{lesson}/edit")
    assert "Revise a lesson" in page
    assert 'value="Review small changes"' in page


@pytest.fixture
def published_story(services, people) -> str:
    return story(services, people.alice, "The outage we learned from")


def retract(client, post_id: str, reason: str):
    return submit(client, f"/posts/{post_id}/retract", {"reason": reason}, page="/")


def test_a_retracted_post_leaves_the_feed_and_the_library(
    as_alice, client, published_story
):
    assert retract(as_alice, published_story, "Outdated advice").status_code == 302
    assert "The outage we learned from" not in html_at(client, "/stories")
    assert "The outage we learned from" not in html_at(client, "/library?q=outage")
    assert client.get("/api/search?q=outage").get_json()["total"] == 0
    assert api_post(client, published_story)["status"] == "retracted"


def test_a_retracted_post_page_shows_the_reason(as_alice, client, published_story):
    retract(as_alice, published_story, "Outdated advice")
    page = html_at(client, f"/posts/{published_story}")
    assert "Retracted by its author: Outdated advice" in page


def test_retracting_needs_a_reason(as_alice, client, published_story):
    response = retract(as_alice, published_story, "  ")
    assert response.status_code == 422
    assert "A reason is required." in html(response)
    assert "The outage we learned from" in html_at(client, "/stories")


def test_a_republished_post_comes_back(as_alice, client, published_story):
    retract(as_alice, published_story, "Outdated advice")
    response = submit(as_alice, f"/posts/{published_story}/republish", {}, page="/")
    assert response.status_code == 302
    assert "The outage we learned from" in html_at(client, "/stories")
    assert client.get("/api/search?q=outage").get_json()["total"] == 1


def appreciate(client, post_id: str):
    return submit(client, f"/posts/{post_id}/appreciate", {}, page="/")


def test_appreciating_twice_counts_once_without_an_error(as_bob, client, lesson):
    first, second = appreciate(as_bob, lesson), appreciate(as_bob, lesson)
    assert (first.status_code, second.status_code) == (302, 302)
    assert api_post(client, lesson)["appreciation_count"] == 1
    assert "<strong>1</strong> appreciation received" in html(
        client.get("/people/alice")
    )


def test_the_post_page_shows_the_appreciation(as_bob, lesson):
    appreciate(as_bob, lesson)
    page = html_at(as_bob, f"/posts/{lesson}")
    assert '<span id="appreciation-count">1</span> appreciation<' in page
    assert "You appreciated this." in page


def test_appreciating_ones_own_post_says_why_not(as_alice, client, lesson):
    response = appreciate(as_alice, lesson)
    assert response.status_code == 422
    assert "You can&#39;t appreciate your own post." in html(response)
    assert api_post(client, lesson)["appreciation_count"] == 0


def test_appreciating_a_draft_of_someone_else_is_not_found(as_bob, services, people):
    draft = write(services, people.alice, publish=False)
    assert appreciate(as_bob, draft).status_code == 404
