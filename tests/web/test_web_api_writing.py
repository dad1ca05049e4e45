"""The JSON API for writing: bearer tokens, the session with CSRF, and errors."""

import json
import uuid

import pytest
from support.site import write
from support.web import bearer, csrf_token, error_of

from kshare.domain.ids import OPERATOR

LESSON = {"title": "Name things well", "body": "Good names **save** time."}


@pytest.fixture
def alice_key(services, people):
    return bearer(services, people.alice)


@pytest.fixture
def bob_key(services, people):
    return bearer(services, people.bob)


def test_creating_a_post_with_a_bearer_token_publishes_it(client, alice_key):
    response = client.post("/api/posts", json=LESSON, headers=alice_key)
    assert response.status_code == 201
    post = response.get_json()["post"]
    assert (post["title"], post["kind"], post["status"]) == (
        "Name things well",
        "lesson",
        "published",
    )
    assert post["author_handle"] == "alice"
    assert post["html"]["body"] == "<p>Good names <strong>save</strong> time.</p>"
    listed = client.get("/api/posts").get_json()["posts"]
    assert [p["id"] for p in listed] == [post["id"]]
    assert "Name things well" in client.get("/lessons").get_data(as_text=True)


def test_creating_a_story_with_tags_as_a_list(client, alice_key):
    story = {"kind": "story", "title": "Renaming the service", "tags": ["Naming"]}
    story |= {"context": "Confusing.", "actions": "Renamed.", "outcome": "Clear."}
    response = client.post("/api/posts", json=story, headers=alice_key)
    assert response.status_code == 201
    post = response.get_json()["post"]
    assert (post["kind"], post["tags"]) == ("story", ["naming"])
    assert post["parts"]["outcome"] == "Clear."


def test_creating_a_draft_keeps_it_to_its_author(client, alice_key):
    response = client.post(
        "/api/posts", json={**LESSON, "publish": False}, headers=alice_key
    )
    post = response.get_json()["post"]
    assert (response.status_code, post["status"]) == (201, "draft")
    assert client.get("/api/posts").get_json()["total"] == 0
    error_of(client.get(f"/api/posts/{post['id']}"), 404)
    assert client.get(f"/api/posts/{post['id']}", headers=alice_key).status_code == 200


def test_creating_a_post_without_credentials_is_a_json_401(client, people):
    message = error_of(client.post("/api/posts", json=LESSON), 401)
    assert "bearer token" in message
    assert client.get("/api/posts").get_json()["total"] == 0


@pytest.mark.parametrize("header", ["Bearer not-a-real-token", "Bearer ", "Basic x"])
def test_creating_a_post_with_an_invalid_token_is_a_json_401(client, people, header):
    response = client.post("/api/posts", json=LESSON, headers={"Authorization": header})
    error_of(response, 401)


def test_a_token_of_a_deactivated_account_no_longer_works(client, services, people):
    key = bearer(services, people.alice)
    receipt = services.app.deactivate_participant(
        actor_id=OPERATOR, participant_id=people.alice.id, reason="left"
    )
    assert services.wait_for(receipt.position)
    response = client.post("/api/posts", json=LESSON, headers=key)
    assert error_of(response, 403) == "This account is deactivated."


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        ("{not json", "application/json"),
        (json.dumps(["a", "list"]), "application/json"),
        (json.dumps("a string"), "application/json"),
        (json.dumps(LESSON), "text/plain"),
    ],
)
def test_a_body_that_is_not_a_json_object_is_a_400(
    client, alice_key, data, content_type
):
    response = client.post(
        "/api/posts", data=data, content_type=content_type, headers=alice_key
    )
    assert "JSON object" in error_of(response, 400)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"body": "No title."}, "Title needs at least 3 characters."),
        ({"title": "No body here"}, "Body is required."),
        ({**LESSON, "tags": 7}, "tags must be a list of strings"),
        ({**LESSON, "tags": ["ok", 3]}, "tags must be a list of strings"),
        ({**LESSON, "title": ["not", "text"]}, "title must be a string."),
        ({**LESSON, "kind": "poem"}, "A post is a lesson or a story, not 'poem'."),
        ({**LESSON, "body": "x" * 50_001}, "Body is too long"),
    ],
)
def test_a_post_that_breaks_a_rule_is_a_422_with_why(
    client, alice_key, fields, message
):
    response = client.post("/api/posts", json=fields, headers=alice_key)
    assert message in error_of(response, 422)
    assert client.get("/api/posts").get_json()["total"] == 0


def test_a_body_over_one_megabyte_is_a_json_413(client, alice_key):
    huge = {"title": "Huge", "body": "x" * (1024 * 1024 + 1)}
    response = client.post("/api/posts", json=huge, headers=alice_key)
    assert error_of(response, 413) == "That request is too large (at most 1 MB)."


@pytest.fixture
def lesson(services, people) -> str:
    return write(services, people.alice, "Review small changes")


def test_revising_a_post_changes_only_the_fields_sent(client, lesson, alice_key):
    response = client.patch(
        f"/api/posts/{lesson}",
        json={"title": "Review smaller changes"},
        headers=alice_key,
    )
    assert response.status_code == 200
    post = response.get_json()["post"]
    assert post["title"] == "Review smaller changes"
    assert post["parts"]["body"] == "Small pull requests get **careful** reviews."
    assert post["tags"] == ["code-review"]
    revisions = client.get(f"/api/posts/{lesson}/revisions").get_json()["revisions"]
    assert len(revisions) == 2


def test_revising_someone_elses_post_is_a_403(client, lesson, bob_key):
    response = client.patch(
        f"/api/posts/{lesson}", json={"title": "Hijacked"}, headers=bob_key
    )
    assert "Only the author or a coordinator" in error_of(response, 403)
    assert client.get(f"/api/posts/{lesson}").get_json()["post"]["title"] == (
        "Review small changes"
    )


def test_a_coordinator_may_revise_someone_elses_post(client, services, people, lesson):
    key = bearer(services, people.cora)
    response = client.put(f"/api/posts/{lesson}", json={"tags": "x"}, headers=key)
    assert response.status_code == 200
    assert response.get_json()["post"]["tags"] == ["x"]


def test_revising_an_unknown_post_is_a_404(client, alice_key):
    for post_id in (uuid.uuid4(), "nonsense"):
        response = client.patch(
            f"/api/posts/{post_id}", json={"title": "New"}, headers=alice_key
        )
        assert error_of(response, 404) == "No such post."


def test_a_revision_that_changes_nothing_is_a_422(client, lesson, alice_key):
    response = client.patch(f"/api/posts/{lesson}", json={}, headers=alice_key)
    assert error_of(response, 422) == "This revision changes nothing."


def test_revising_without_credentials_is_a_401(client, lesson):
    response = client.patch(f"/api/posts/{lesson}", json={"title": "Anonymous"})
    error_of(response, 401)


def test_a_session_write_without_the_csrf_header_is_a_401(as_alice):
    message = error_of(as_alice.post("/api/posts", json=LESSON), 401)
    assert "X-CSRFToken" in message
    assert as_alice.get("/api/posts").get_json()["total"] == 0


def test_a_session_write_with_a_forged_csrf_header_is_a_401(as_alice):
    response = as_alice.post("/api/posts", json=LESSON, headers={"X-CSRFToken": "x"})
    error_of(response, 401)


def test_a_session_write_with_the_csrf_header_is_accepted(as_alice):
    headers = {"X-CSRFToken": csrf_token(as_alice, "/")}
    response = as_alice.post("/api/posts", json=LESSON, headers=headers)
    assert response.status_code == 201
    assert response.get_json()["post"]["author_handle"] == "alice"


def test_a_session_may_read_without_the_csrf_header(as_alice, lesson):
    assert as_alice.get(f"/api/posts/{lesson}").status_code == 200
