"""The JSON API for reading: posts, revisions, search and the two feeds."""

import uuid
from uuid import UUID

import pytest
from support.site import story, write
from support.web import error_of

from kshare.domain.ids import OPERATOR


@pytest.fixture
def posts(services, people) -> dict[str, str]:
    return {
        "lesson": write(services, people.alice, "Review small changes"),
        "story": story(
            services,
            people.alice,
            "The migration that slipped",
            body="The schema change locked a table.",
            tags="migrations",
        ),
        "bobs": write(
            services,
            people.bob,
            "Write the test first",
            body="A failing test shows the bug.",
            tags="testing",
        ),
        "draft": write(services, people.alice, "Unfinished", publish=False),
    }


def titles(response) -> list[str]:
    assert response.status_code == 200
    return [post["title"] for post in response.get_json()["posts"]]


def test_listing_posts_gives_the_published_ones_newest_first(client, posts):
    response = client.get("/api/posts")
    assert titles(response) == [
        "Write the test first",
        "The migration that slipped",
        "Review small changes",
    ]
    assert {k: response.get_json()[k] for k in ("total", "page", "pages")} == {
        "total": 3,
        "page": 1,
        "pages": 1,
    }


def test_listing_posts_filters_by_kind_and_author(client, posts):
    assert titles(client.get("/api/posts?kind=story")) == ["The migration that slipped"]
    assert titles(client.get("/api/posts?author=bob")) == ["Write the test first"]
    assert titles(client.get("/api/posts?author=@alice&kind=lesson")) == [
        "Review small changes"
    ]


def test_listing_the_posts_of_an_unknown_author_is_not_found(client, posts):
    message = error_of(client.get("/api/posts?author=ghost"), 404)
    assert message == "No participant @ghost."


def test_reading_a_post_gives_its_fields_and_safe_html(client, posts):
    post = client.get(f"/api/posts/{posts['lesson']}").get_json()["post"]
    assert post["id"] == posts["lesson"]
    assert (post["title"], post["kind"], post["status"]) == (
        "Review small changes",
        "lesson",
        "published",
    )
    assert post["author_handle"] == "alice"
    assert post["tags"] == ["code-review"]
    assert post["url"] == f"http://localhost/posts/{posts['lesson']}"
    assert post["parts"]["body"] == "Small pull requests get **careful** reviews."
    assert post["html"]["body"] == (
        "<p>Small pull requests get <strong>careful</strong> reviews.</p>"
    )


@pytest.mark.parametrize("post_id", [str(uuid.uuid4()), "not-a-uuid", "{draft}"])
def test_reading_an_unknown_or_hidden_post_is_not_found(client, posts, post_id):
    response = client.get(f"/api/posts/{post_id.format(**posts)}")
    assert error_of(response, 404) == "No such post."


def test_the_revisions_of_a_post_are_listed_oldest_first(
    client, services, people, posts
):
    receipt = services.app.revise_post(
        actor_id=people.alice.id,
        post_id=UUID(posts["lesson"]),
        title="Review smaller changes",
        parts={"summary": "", "body": "Even smaller."},
    )
    assert services.wait_for(receipt.position)
    found = client.get(f"/api/posts/{posts['lesson']}/revisions").get_json()
    assert [(r["number"], r["title"]) for r in found["revisions"]] == [
        (1, "Review small changes"),
        (2, "Review smaller changes"),
    ]
    assert found["revisions"][1]["parts"]["body"] == "Even smaller."
    assert found["revisions"][0]["actor_handle"] == "alice"


def test_the_revisions_of_an_unknown_post_are_not_found(client):
    error_of(client.get(f"/api/posts/{uuid.uuid4()}/revisions"), 404)


def test_search_gives_hits_with_their_details(client, posts):
    found = client.get("/api/search?q=careful").get_json()
    assert found["total"] == 1
    assert found["query"] == "careful"
    [hit] = found["hits"]
    assert set(hit) == {
        "id", "title", "kind", "author", "tags", "published", "snippet",
    }  # fmt: skip
    assert (hit["id"], hit["title"], hit["kind"]) == (
        posts["lesson"],
        "Review small changes",
        "lesson",
    )
    assert (hit["author"], hit["tags"]) == ("alice", ["code-review"])
    assert hit["published"].startswith("20")
    assert "<mark>careful</mark>" in hit["snippet"]


def test_search_gives_facets_of_tags_and_authors(client, posts):
    facets = client.get("/api/search?kind=lesson").get_json()["facets"]
    assert facets["tags"] == [
        {"name": "code-review", "count": 1},
        {"name": "testing", "count": 1},
    ]
    assert facets["authors"] == [
        {"name": "alice", "count": 1},
        {"name": "bob", "count": 1},
    ]


def test_search_filters_by_tag_author_and_kind(client, posts):
    def found(query):
        return [
            h["title"] for h in client.get(f"/api/search?{query}").get_json()["hits"]
        ]

    assert found("tag=testing") == ["Write the test first"]
    assert found("author=alice&kind=story") == ["The migration that slipped"]
    assert found("q=tag:code-review") == ["Review small changes"]


def test_search_suggests_a_spelling(client, posts):
    found = client.get("/api/search?q=reviw").get_json()
    assert found["total"] == 0
    assert found["suggestion"] == "review"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Type a word or a phrase to search the library."),
        ("q=" + "x" * 301, "That query is too long (301 characters; at most 300)."),
        ('q="unclosed', 'A phrase needs a closing quote (").'),
    ],
)
def test_search_explains_a_query_it_cannot_run(client, posts, query, message):
    found = client.get(f"/api/search?{query}").get_json()
    assert (found["message"], found["hits"], found["total"]) == (message, [], 0)


def test_search_over_tagged_and_untagged_posts_answers(client, services, people):
    write(services, people.alice, "Tagged lesson", tags="mentoring")
    write(services, people.alice, "Untagged lesson", tags="")
    response = client.get("/api/search?q=lesson")
    assert response.status_code == 200
    assert response.get_json()["total"] == 2


def test_an_untagged_post_adds_no_nameless_tag_facet(client, services, people):
    write(services, people.alice, "Untagged lesson", tags="")
    facets = client.get("/api/search?q=lesson").get_json()["facets"]
    assert facets["tags"] == []


def test_the_story_feed_lists_stories_newest_first(client, services, people, posts):
    story(services, people.bob, "A newer story")
    feed = client.get("/api/feeds/stories").get_json()
    assert [p["title"] for p in feed["posts"]] == [
        "A newer story",
        "The migration that slipped",
    ]
    assert feed["total"] == 2


def test_the_weekly_feed_gives_the_chosen_lesson_and_its_note(client, services, posts):
    week = services.current_week()
    receipt = services.app.feature_lesson(
        actor_id=OPERATOR, week=week, post_id=UUID(posts["bobs"]), note="Try it"
    )
    assert services.wait_for(receipt.position)
    feed = client.get("/api/feeds/lesson-of-the-week").get_json()
    assert feed["week"] == week
    [this_week] = feed["weeks"]
    assert (this_week["week"], this_week["note"], this_week["chosen"]) == (
        week,
        "Try it",
        True,
    )
    assert this_week["post"]["id"] == posts["bobs"]


def test_the_weekly_feed_marks_an_automatic_pick(client, posts):
    [pick] = client.get("/api/feeds/lesson-of-the-week").get_json()["weeks"]
    assert (pick["chosen"], pick["note"]) == (False, "")
    assert pick["post"]["kind"] == "lesson"


@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "PATCH", "DELETE"])
def test_an_unknown_api_address_is_a_json_not_found(client, method):
    response = client.open("/api/no/such/thing", method=method)
    assert error_of(response, 404) == "There is nothing at this address."
