"""CSRF on every form, and no script from a post ever reaching a reader."""

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from support.people import PASSWORD
from support.site import settle, story, write
from support.web import csrf_token, html, html_at

from kshare.domain.ids import OPERATOR

STALE = "The form was stale or incomplete; please go back, reload and try again."
ATTACK = (
    "xssneedle <script>alert(1)</script> <img src=x onerror=alert(1)> "
    '[x](javascript:alert(1)) <a href="javascript:alert(1)">y</a>'
)
LITERALS = ("<script", "onerror", "javascript:")
ATOM = "{http://www.w3.org/2005/Atom}"


def test_a_form_posted_without_its_token_is_refused_and_nothing_is_stored(
    client, services
):
    fields = {"display_name": "Mallory", "handle": "mallory"}
    fields |= {"email": "m@example.org", "password": PASSWORD}
    response = client.post("/signup", data=fields)
    assert response.status_code == 400
    assert STALE in html(response)
    assert services.people.person_by_handle("mallory") is None
    assert client.get("/people/mallory").status_code == 404


def test_a_form_posted_with_a_forged_token_is_refused(client, people):
    fields = {"email": people.alice.email, "password": PASSWORD}
    response = client.post("/signin", data={**fields, "csrf_token": "forged"})
    assert response.status_code == 400
    assert STALE in html(response)
    assert "@alice" not in html_at(client, "/")


def test_a_token_from_another_session_is_refused(app, as_alice, people):
    stranger = app.test_client()
    fields = {"csrf_token": csrf_token(stranger, "/signin"), "action": "publish"}
    fields |= {"kind": "lesson", "title": "Forged lesson", "body": "Forged body"}
    response = as_alice.post("/write", data=fields)
    assert response.status_code == 400
    assert "Forged lesson" not in html_at(as_alice, "/lessons")


def test_writing_without_a_token_stores_no_post(as_alice, services):
    fields = {"kind": "lesson", "title": "Sneaky", "body": "Sneaky body"}
    response = as_alice.post("/write", data={**fields, "action": "publish"})
    assert response.status_code == 400
    assert STALE in html(response)
    assert services.posts.posts_page(drafts=True).total == 0


def test_lifecycle_buttons_without_a_token_change_nothing(
    as_alice, as_bob, services, people
):
    post = write(services, people.alice)
    assert as_bob.post(f"/posts/{post}/appreciate").status_code == 400
    retract = as_alice.post(f"/posts/{post}/retract", data={"reason": "no"})
    assert retract.status_code == 400
    assert as_alice.post("/signout").status_code == 400
    current = services.posts.post(post)
    assert (current.status, current.appreciation_count) == ("published", 0)
    assert "@alice" in html_at(as_alice, "/")


def test_featuring_a_lesson_without_a_token_changes_nothing(as_cora, services, people):
    post = write(services, people.alice)
    fields = {"week": services.current_week(), "post_id": post, "note": "Great"}
    assert as_cora.post("/lesson-of-the-week", data=fields).status_code == 400
    assert "Great" not in html_at(as_cora, "/lesson-of-the-week")


class Elements(HTMLParser):
    """Every start tag with its attributes, as a browser would build them."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.found: list[tuple[str, dict]] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def assert_inert(markup: str) -> None:
    """No script element, event handler or javascript: URL a browser would run."""
    assert "<script" not in markup.lower()
    for tag, attrs in Elements(markup).found:
        assert tag != "script"
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            squeezed = re.sub(r"[\s\x00-\x1f]", "", value or "").lower()
            assert not squeezed.startswith("javascript:"), (tag, name, value)


def assert_clean(markup: str) -> None:
    """Rendered Markdown: not even the text of the attack is left."""
    assert_inert(markup)
    for literal in LITERALS:
        assert literal not in markup.lower(), literal


@pytest.fixture
def attack(services, people) -> dict[str, str]:
    lesson = write(
        services, people.alice, "Hostile lesson", body=ATTACK, tags="security"
    )
    receipt = services.app.draft_post(
        actor_id=people.alice.id,
        kind="lesson",
        title="Hostile summary",
        parts={"summary": ATTACK[:280], "body": "Plain body."},
        tags="security",
        publish=True,
    )
    services.app.feature_lesson(
        actor_id=OPERATOR,
        week=services.current_week(),
        post_id=receipt.id,
        note=ATTACK,
    )
    settle(services)
    hostile_title = "<script>alert(1)</script> xssneedle title"
    return {
        "lesson": lesson,
        "story": story(services, people.alice, "Hostile story", body=ATTACK),
        "title": write(services, people.alice, hostile_title, tags="security"),
    }


@pytest.mark.parametrize("kind", ["lesson", "story", "title"])
def test_a_hostile_post_page_runs_no_script(client, attack, kind):
    page = html_at(client, f"/posts/{attack[kind]}")
    assert "xssneedle" in page  # the hostile text is there, as words
    assert_clean(page)


def test_a_hostile_preview_runs_no_script(as_alice, services):
    fields = {"csrf_token": csrf_token(as_alice, "/write"), "action": "preview"}
    fields |= {"kind": "lesson", "title": "Hostile", "body": ATTACK}
    response = as_alice.post("/write", data=fields)
    assert response.status_code == 200
    page = html(response)
    assert 'class="preview"' in page
    preview = page.split('class="preview"', 1)[1].split("</section>", 1)[0]
    assert_clean(preview)
    assert_inert(page)


# Each page listing posts, and a hostile post it lists (by its title's text).
LISTINGS = {
    "/": "Hostile lesson",
    "/lessons": "Hostile summary",
    "/stories": "Hostile story",
    "/lesson-of-the-week": "Hostile summary",
    "/people/alice": "xssneedle title",
}


@pytest.mark.parametrize(("page", "hostile"), LISTINGS.items())
def test_pages_listing_hostile_posts_run_no_script(client, attack, page, hostile):
    markup = html_at(client, page)
    assert hostile in markup and "xssneedle" in markup  # the attack is listed
    assert_inert(markup)


def test_hostile_library_snippets_run_no_script(client, attack):
    page = html_at(client, "/library?q=xssneedle")
    assert "Hostile lesson" in page
    assert "<mark>xssneedle</mark>" in page
    assert_inert(page)


@pytest.mark.parametrize(
    "feed", ["/feeds/stories.atom", "/feeds/lesson-of-the-week.atom"]
)
def test_hostile_atom_entries_carry_no_script(client, attack, feed):
    root = ET.fromstring(client.get(feed).get_data())
    contents = [
        entry.find(f"{ATOM}content").text for entry in root.iter(f"{ATOM}entry")
    ]
    assert any("xssneedle" in content for content in contents)
    for content in contents:  # summaries are plain text: the attack is only words
        assert_inert(content)


def test_the_api_gives_only_sanitized_html_of_a_hostile_post(client, attack):
    for kind in ("lesson", "story"):
        post = client.get(f"/api/posts/{attack[kind]}").get_json()["post"]
        assert post["html"]
        for rendered in post["html"].values():
            assert_clean(rendered)
    hits = client.get("/api/search?q=xssneedle").get_json()["hits"]
    assert {hit["id"] for hit in hits} >= {attack["lesson"], attack["title"]}
    for hit in hits:
        assert_inert(hit["snippet"])
