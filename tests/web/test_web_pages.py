"""Every page renders for visitors and for people signed in; unknowns are 404."""

import re
import uuid

import pytest
from support.site import story, write
from support.web import html, html_at

from kshare.projections.library import search as search_module

PAGES = [
    "/",
    "/stories",
    "/lessons",
    "/lesson-of-the-week",
    "/library",
    "/library?q=reviews",
    "/library?tag=code-review",
    "/library?author=alice",
    "/library?kind=story",
    "/library?q=reviews&sort=newest",
    "/library?q=reviews&per_page=20",
    "/library?q=reviews&page=2",
    "/posts/{lesson}",
    "/posts/{story}",
    "/people/alice",
    "/signin",
    "/signup",
]
SIGNED_IN_PAGES = ["/write", "/write?kind=story", "/posts/{lesson}/edit"]


@pytest.fixture
def posts(services, people) -> dict[str, str]:
    return {
        "lesson": write(services, people.alice, "Review small changes"),
        "story": story(services, people.alice, "The migration that slipped"),
    }


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_for_a_visitor(client, posts, page):
    response = client.get(page.format(**posts))
    assert response.status_code == 200, page
    assert "Traceback" not in html(response)


@pytest.mark.parametrize("page", PAGES + SIGNED_IN_PAGES)
def test_every_page_renders_for_someone_signed_in(as_alice, posts, page):
    response = as_alice.get(page.format(**posts))
    assert response.status_code == 200, page
    assert "@alice" in html(response)


def test_every_page_renders_on_an_empty_site(client):
    for page in ("/", "/stories", "/lessons", "/lesson-of-the-week", "/library"):
        assert client.get(page).status_code == 200, page
    assert "No lesson has been published yet." in html_at(client, "/")


def test_the_pages_list_what_was_published(client, posts):
    assert "The migration that slipped" in html_at(client, "/stories")
    assert "Review small changes" in html_at(client, "/lessons")
    home = html_at(client, "/")
    assert "The migration that slipped" in home
    assert "Review small changes" in home


def test_a_post_page_shows_its_rendered_markdown(client, posts):
    page = html_at(client, f"/posts/{posts['lesson']}")
    assert "<strong>careful</strong>" in page
    assert "Keep reviews small." in page


def test_the_library_finds_a_post_by_its_words_and_by_its_filters(client, posts):
    assert "Review small changes" in html_at(client, "/library?q=careful")
    assert "The migration that slipped" in html_at(client, "/library?kind=story")
    assert "Review small changes" not in html_at(client, "/library?kind=story")
    assert "Review small changes" in html_at(client, "/library?tag=code-review")
    assert "Review small changes" in html_at(client, "/library?author=alice")


def test_the_library_pages_through_many_results(client, services, people):
    for number in range(12):
        write(services, people.alice, f"Lesson number {number}")
    first = html_at(client, "/library?q=lesson&sort=newest")
    second = html_at(client, "/library?q=lesson&sort=newest&page=2")
    assert "Page 1 of 2" in first
    assert "Page 2 of 2" in second
    assert "Lesson number 11" in first
    assert "Lesson number 0" in second
    assert "Page 1 of 1" not in html_at(client, "/library?q=lesson&per_page=20")


def test_the_library_says_when_it_stopped_counting(
    client, services, people, monkeypatch
):
    """Written one by one, the posts make segments that the library merges as
    it goes: the newest five are still the five shown."""
    monkeypatch.setattr(search_module, "LOOK_AT", 5)
    for number in range(12):
        write(services, people.alice, f"Lesson number {number}")
    page = html_at(client, "/library?q=lesson&sort=newest")
    assert "5+ results" in page
    assert "Counted among the 5 newest matches." in page
    shown = re.findall(r"Lesson number (\d+)</a>", page)
    assert shown == ["11", "10", "9", "8", "7"]
    answer = client.get("/api/search?q=lesson").get_json()
    assert (answer["total"], answer["more"]) == (5, True)


def test_a_person_page_shows_their_profile_and_posts(client, posts):
    page = html_at(client, "/people/alice")
    assert "@alice" in page
    assert "Review small changes" in page


@pytest.mark.parametrize(
    "address",
    [
        "/no/such/page",
        f"/posts/{uuid.uuid4()}",
        "/posts/not-a-post-id",
        "/posts/not-a-post-id/edit",
        "/people/nobody-here",
    ],
)
def test_an_unknown_address_shows_the_not_found_page(as_alice, address):
    response = as_alice.get(address)
    assert response.status_code == 404
    page = html(response)
    assert "Not found" in page
    assert "Back to the home page" in page
    assert "Traceback" not in page


@pytest.fixture
def draft(services, people) -> str:
    return write(services, people.alice, "A half-written thought", publish=False)


def test_a_draft_is_not_found_for_visitors_and_other_people(client, as_bob, draft):
    assert client.get(f"/posts/{draft}").status_code == 404
    assert as_bob.get(f"/posts/{draft}").status_code == 404
    assert "A half-written thought" not in html_at(as_bob, "/people/alice")
    assert "A half-written thought" not in html_at(client, "/lessons")


def test_a_draft_is_visible_to_its_author(as_alice, draft):
    page = html_at(as_alice, f"/posts/{draft}")
    assert "A half-written thought" in page
    assert ">draft<" in page
    assert "A half-written thought" in html_at(as_alice, "/people/alice")


def test_a_coordinator_may_open_someone_elses_draft(as_cora, draft):
    assert as_cora.get(f"/posts/{draft}").status_code == 200


def test_an_unexpected_error_shows_an_apology_and_no_stack_trace(
    client, services, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(services.posts, "story_feed", broken)
    page = client.get("/stories")
    assert page.status_code == 500
    assert "Something went wrong on our side" in html(page)
    assert "secret internals" not in html(page)
    api = client.get("/api/feeds/stories")
    assert api.get_json() == {
        "error": {
            "status": 500,
            "message": "Something went wrong on our side; nothing you saved was lost.",
        }
    }
