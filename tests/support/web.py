"""Talking to the site as a browser or an API client does."""

import re

from flask.testing import FlaskClient

from kshare.domain.ids import OPERATOR

from .people import PASSWORD

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class CarefulClient(FlaskClient):
    """A test client for which no response may ever show a stack trace."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        assert b"Traceback" not in response.get_data()
        return response


def html(response) -> str:
    return response.get_data(as_text=True)


def html_at(client, address: str) -> str:
    """The page at ``address``, after checking it was served (200), so that
    what a test finds missing from it is not missing from an error page."""
    response = client.get(address)
    assert response.status_code == 200, (address, response.status_code)
    return html(response)


def csrf_token(client, page: str) -> str:
    """The CSRF token of the form on ``page``, as a browser would read it."""
    found = CSRF.search(html(client.get(page)))
    assert found, f"no csrf_token on {page}"
    return found[1]


def submit(client, action: str, data: dict, page: str | None = None, **kwargs):
    """Post a form to ``action`` with the CSRF token read from ``page``.

    ``page`` is the page holding the form (``action`` itself by default). The
    token belongs to the session, so writing tests may read it from any page.
    """
    fields = {"csrf_token": csrf_token(client, page or action), **data}
    return client.post(action, data=fields, **kwargs)


def sign_in(client, person, password: str = PASSWORD):
    response = submit(client, "/signin", {"email": person.email, "password": password})
    assert response.status_code == 302, html(response)
    return client


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
