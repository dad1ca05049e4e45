"""Small helpers the web tests share: forms with CSRF, people and posts."""

import re
from types import SimpleNamespace

from kshare.domain.ids import OPERATOR
from kshare.domain.posts import LESSON, STORY

PASSWORD = "correct horse battery"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token(client, page: str) -> str:
    """The CSRF token of the form on ``page``, as a browser would read it."""
    html = client.get(page).get_data(as_text=True)
    found = CSRF.search(html)
    assert found, f"no csrf_token on {page}"
    return found[1]


def submit(client, action: str, data: dict, page: str | None = None, **kwargs):
    """Post a form to ``action`` with the CSRF token read from ``page``.

    ``page`` is the page holding the form (``action`` itself by default). The
    token belongs to the session, so writing tests may read it from any page.
    """
    fields = {"csrf_token": csrf_token(client, page or action), **data}
    return client.post(action, data=fields, **kwargs)


def html(response) -> str:
    return response.get_data(as_text=True)


def register(services, handle: str, **extra) -> SimpleNamespace:
    """Register someone through the application and wait until pages show them."""
    email = f"{handle}@example.org"
    receipt = services.app.register_participant(
        email=email,
        handle=handle,
        display_name=handle.title(),
        password=PASSWORD,
        **extra,
    )
    assert services.wait_for(receipt.position)
    return SimpleNamespace(id=receipt.id, handle=handle, email=email)


def sign_in(client, person, password: str = PASSWORD):
    response = submit(client, "/signin", {"email": person.email, "password": password})
    assert response.status_code == 302, html(response)
    return client


def write(services, author, title: str = "Review small changes", **options) -> str:
    """A post written through the application; published unless told otherwise."""
    kind = options.pop("kind", LESSON)
    body = options.pop("body", "Small pull requests get **careful** reviews.")
    parts = (
        {"summary": "Keep reviews small.", "body": body}
        if kind == LESSON
        else {"context": body, "actions": "We split it.", "outcome": "It shipped."}
    )
    receipt = services.app.draft_post(
        actor_id=author.id,
        kind=kind,
        title=title,
        parts=parts,
        tags=options.pop("tags", "code-review"),
        publish=options.pop("publish", True),
    )
    assert not options, options
    assert services.wait_for(receipt.position)
    return str(receipt.id)


def story(services, author, title: str = "The migration that slipped", **options):
    return write(services, author, title, kind=STORY, **options)


def done(services, receipt) -> None:
    assert services.wait_for(receipt.position)


def error_of(response, status: int) -> str:
    """The message of a JSON API error, after checking its shape and status."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.is_json
    body = response.get_json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status
    assert body["error"]["message"]
    return body["error"]["message"]


def bearer(services, person) -> dict[str, str]:
    """Headers that authenticate an API call with a new token of this person's."""
    token, _ = services.app.issue_token(actor_id=OPERATOR, email=person.email)
    return {"Authorization": f"Bearer {token}"}
