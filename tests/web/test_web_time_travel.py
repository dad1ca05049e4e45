"""Auditors browse the site as it stood at a moment; the past is read-only."""

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from support.site import join, write
from support.web import csrf_token, error_of, html, html_at, sign_in, submit

from kshare.domain.clock import simulated_time
from kshare.domain.ids import OPERATOR

THEN = datetime(2026, 1, 5, 10, tzinfo=UTC)
BANNER = "You are viewing kshare as it stood on 1 Feb 2026, 23:59:59 UTC"


@pytest.fixture
def history(services) -> SimpleNamespace:
    """Alice's lesson of January, Bob's of today, and Audrey, an auditor since today."""
    with simulated_time(THEN):
        cora = join(services, "cora", role="coordinator", actor_id=OPERATOR)
        alice = join(services, "alice")
        old = write(services, alice, "Reviews that teach")
    bob = join(services, "bob")
    new = write(services, bob, "Pager duty without tears")
    audrey = join(services, "audrey", role="auditor", actor_id=OPERATOR)
    return SimpleNamespace(
        cora=cora, alice=alice, bob=bob, audrey=audrey, old=old, new=new
    )


@pytest.fixture
def as_audrey(app, history):
    return sign_in(app.test_client(), history.audrey)


@pytest.fixture
def in_the_past(as_audrey):
    response = submit(as_audrey, "/audit/as-of", {"date": "2026-02-01"})
    assert response.status_code == 302, html(response)
    return as_audrey


def test_an_auditor_browses_the_site_as_it_stood_on_a_date(in_the_past, history):
    lessons = html_at(in_the_past, "/lessons")
    assert BANNER in lessons
    assert "Reviews that teach" in lessons
    assert "Pager duty without tears" not in lessons
    assert in_the_past.get(f"/posts/{history.new}").status_code == 404
    assert BANNER in html_at(in_the_past, f"/posts/{history.old}")


def test_the_json_api_answers_as_of_the_moment_too(in_the_past):
    body = html_at(in_the_past, "/api/posts")
    assert "Reviews that teach" in body
    assert "Pager duty without tears" not in body


def test_the_banner_gives_the_log_position_viewed(in_the_past, services):
    before = services.time_travel.position_at(datetime(2026, 2, 1, tzinfo=UTC))
    assert f"(log position {before})" in html_at(in_the_past, "/")


def test_the_library_search_finds_only_what_was_published_then(in_the_past):
    page = html_at(in_the_past, "/library?q=pager")
    assert BANNER in page and "Pager duty without tears" not in page
    assert "Reviews that teach" in html_at(in_the_past, "/library?q=reviews")


def test_every_write_is_refused_while_in_the_past(in_the_past, services, history):
    head = services.log.head()
    response = submit(
        in_the_past, "/write", {"kind": "lesson", "title": "Sneaky", "body": "No."}, "/"
    )
    assert response.status_code == 403
    assert "the past is read-only" in html(response)
    assert BANNER in html(response)
    api = in_the_past.post(
        "/api/commands/appreciate_post",
        json={"post_id": history.old},
        headers={"X-CSRFToken": csrf_token(in_the_past, "/")},
    )
    assert "read-only" in error_of(api, 403)
    assert services.log.head() == head


def test_going_back_to_the_present_shows_today_again(in_the_past):
    response = submit(in_the_past, "/audit/present", {}, "/")
    assert response.status_code == 302
    lessons = html_at(in_the_past, "/lessons")
    assert "You are viewing kshare as it stood" not in lessons
    assert "Pager duty without tears" in lessons


def test_signing_out_in_the_past_leaves_it(in_the_past, history):
    assert submit(in_the_past, "/signout", {}, "/").status_code == 302
    sign_in(in_the_past, history.audrey)
    assert "You are viewing kshare as it stood" not in html_at(in_the_past, "/")


def test_the_time_travel_form_is_linked_for_auditors_only(as_audrey, app, history):
    assert 'href="/audit/as-of"' in html_at(as_audrey, "/")
    alice = sign_in(app.test_client(), history.alice)
    assert 'href="/audit/as-of"' not in html_at(alice, "/")


def test_only_auditors_may_view_the_past(app, history):
    coordinator = sign_in(app.test_client(), history.cora)
    assert coordinator.get("/audit/as-of").status_code == 403
    response = submit(coordinator, "/audit/as-of", {"date": "2026-02-01"}, "/")
    assert response.status_code == 403
    assert "Only auditors" in html(response)
    assert "You are viewing kshare as it stood" not in html_at(coordinator, "/")
    anonymous = app.test_client()
    assert anonymous.get("/audit/as-of").status_code == 302  # to signing in


@pytest.mark.parametrize(
    "form, message",
    [
        ({"date": "1 Feb"}, "is not a date"),
        ({"date": "2026-02-30"}, "is not a date"),
        ({"date": "2026-02-01", "time": "25:00"}, "is not a date"),
        ({"date": "2999-01-01"}, "in the future"),
        ({"date": "2025-12-31"}, "before the first event of the log"),
    ],
)
def test_a_moment_that_cannot_be_viewed_is_explained_on_the_form(
    as_audrey, form, message
):
    response = submit(as_audrey, "/audit/as-of", form)
    assert response.status_code == 422
    assert message in html(response)
    assert "You are viewing kshare as it stood" not in html_at(as_audrey, "/")


def test_a_time_narrows_the_moment_within_the_day(as_audrey, history):
    early = {"date": "2026-01-05", "time": "09:59"}
    assert "before the first event" in html(submit(as_audrey, "/audit/as-of", early))
    response = submit(
        as_audrey, "/audit/as-of", {"date": "2026-01-05", "time": "10:00"}
    )
    assert response.status_code == 302
    assert "as it stood on 5 Jan 2026, 10:00:00 UTC" in html_at(as_audrey, "/")
