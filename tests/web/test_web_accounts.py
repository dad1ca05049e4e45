"""Signing up, signing in and out, and pages that need someone signed in."""

import pytest
from support.people import PASSWORD
from support.site import write
from support.web import html, html_at, submit

NEWCOMER = {
    "display_name": "Nia Newcomer",
    "handle": "nia",
    "email": "nia@example.org",
    "password": PASSWORD,
    "team": "Payments",
    "role_title": "Engineer",
    "interests": "testing, mentoring",
    "skills": "python",
}


def test_signing_up_creates_the_account_and_signs_in(client):
    response = submit(client, "/signup", NEWCOMER)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    home = html_at(client, "/")
    assert "Welcome to kshare!" in home
    assert "@nia" in home
    profile = html_at(client, "/people/nia")
    assert "Nia Newcomer" in profile
    assert "Payments" in profile
    assert "testing, mentoring" in profile


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("password", "short", "A password needs at least 8 characters."),
        ("handle", "No Spaces!", "A handle is 3 to 30 lowercase letters"),
        ("email", "not-an-email", "is not an email address."),
        ("display_name", "", "is required."),
    ],
)
def test_a_sign_up_that_breaks_a_rule_shows_the_form_again_with_why(
    client, field, value, message
):
    response = submit(client, "/signup", {**NEWCOMER, field: value})
    assert response.status_code == 422
    page = html(response)
    assert message in page
    assert '<form method="post"' in page
    assert 'value="Payments"' in page  # what was typed is kept
    assert "@nia" not in html_at(client, "/")


def test_signing_up_with_a_taken_email_says_so(client, people):
    response = submit(client, "/signup", {**NEWCOMER, "email": "ALICE@example.org"})
    assert response.status_code == 422
    assert "alice@example.org already has an account." in html(response)


def test_signing_up_with_a_taken_handle_says_so(client, people):
    response = submit(client, "/signup", {**NEWCOMER, "handle": "alice"})
    assert response.status_code == 422
    assert "The handle @alice is taken." in html(response)


def test_signing_in_with_the_right_password_goes_home(client, people):
    response = submit(
        client, "/signin", {"email": people.alice.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert "@alice" in html_at(client, "/")


@pytest.mark.parametrize(
    "email", ["alice@example.org", "nobody@example.org", "not an email"]
)
def test_signing_in_with_wrong_credentials_shows_why_with_401(client, people, email):
    response = submit(client, "/signin", {"email": email, "password": "wrong pass"})
    assert response.status_code == 401
    page = html(response)
    assert "Wrong email or password." in page
    assert f'value="{email}"' in page
    assert "@alice" not in html_at(client, "/")


def test_signing_out_ends_the_session(as_alice):
    response = submit(as_alice, "/signout", {}, page="/")
    assert response.status_code == 302
    home = html_at(as_alice, "/")
    assert "Signed out." in home
    assert "@alice" not in home
    assert as_alice.get("/write").status_code == 302


def test_signing_out_needs_a_post(as_alice):
    assert as_alice.get("/signout").status_code == 405
    assert "@alice" in html_at(as_alice, "/")


@pytest.mark.parametrize(
    ("method", "address"),
    [
        ("GET", "/write"),
        ("GET", "/write?kind=story"),
        ("GET", "/posts/{post}/edit"),
        ("POST", "/posts/{post}/edit"),
        ("POST", "/posts/{post}/publish"),
        ("POST", "/posts/{post}/retract"),
        ("POST", "/posts/{post}/republish"),
        ("POST", "/posts/{post}/appreciate"),
    ],
)
def test_a_page_that_needs_someone_signed_in_sends_visitors_to_sign_in(
    client, services, people, method, address
):
    address = address.format(post=write(services, people.alice))
    if method == "GET":
        response = client.get(address)
    else:
        response = submit(client, address, {}, page="/signin")
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith("/signin?next=")
    assert address.split("?")[0] in location.replace("%2F", "/")


def test_signing_in_returns_to_the_page_asked_for(client, people):
    sign_in_page = client.get("/write?kind=story").headers["Location"]
    assert 'name="next" value="/write?kind=story"' in html_at(client, sign_in_page)
    response = submit(
        client,
        "/signin",
        {
            "email": people.alice.email,
            "password": PASSWORD,
            "next": "/write?kind=story",
        },
        page=sign_in_page,
    )
    assert response.headers["Location"] == "/write?kind=story"


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example",
        "//evil.example/path",
        "https://evil.example",
        "http:evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "/\t/evil.example",  # browsers drop the tab: //evil.example
        "/\n/evil.example",
    ],
)
def test_signing_in_never_redirects_to_another_site(client, people, target):
    response = submit(
        client,
        "/signin",
        {"email": people.alice.email, "password": PASSWORD, "next": target},
    )
    assert response.status_code == 302
    location = response.headers["Location"]
    # Browsers drop tabs and newlines and read a backslash as a slash.
    seen = location.replace("\\", "/").replace("\t", "").replace("\n", "")
    assert seen.startswith("/")
    assert not seen.startswith("//")


def test_a_session_of_a_deactivated_account_is_ended(as_alice, services, people):
    receipt = services.app.deactivate_participant(
        actor_id=people.alice.id, participant_id=people.alice.id, reason="leaving"
    )
    assert services.wait_for(receipt.position)
    assert "@alice" not in html_at(as_alice, "/")
    assert as_alice.get("/write").status_code == 302
    response = submit(
        as_alice, "/signin", {"email": people.alice.email, "password": PASSWORD}
    )
    assert response.status_code == 401
    assert "This account is deactivated." in html(response)
