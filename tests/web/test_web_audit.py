"""The auditors' event log browser and aggregate histories: pages and JSON API."""

import hashlib
import re
from datetime import UTC, datetime
from uuid import UUID

import pytest
from support.site import new_cohort, one_on_one, session, settle, write
from support.store import RawStore
from support.web import bearer, error_of, html, html_at

from kshare.domain.clock import simulated_time
from kshare.domain.confidential import REDACTED
from kshare.domain.ids import OPERATOR

NOTE = "Quokka worries about the reorg"
COMMENT = "Zanzibar sessions feel rushed"
SCRIPT = "<script>alert('owned')</script>"


@pytest.fixture
def secrets(services, people):
    """A pairing with a private note and a survey answer; the secrets to look for."""
    cohort_id = new_cohort(services, people.cora)
    pairing_id = one_on_one(services, people.cora, cohort_id, people.alice, people.bob)
    session(services, people.bob, pairing_id, minutes=60, private_note=NOTE)
    app = services.app
    app.answer_survey(actor_id=people.bob.id, cohort_id=cohort_id, value=5,
                      occasion="mid-cycle", sentiment=2, comment=COMMENT)  # fmt: skip
    token, _ = app.issue_token(actor_id=OPERATOR, email=people.bob.email)
    settle(services)
    password_hash = app.repository.get(people.bob.id).password_hash
    digest = hashlib.sha256(token.encode()).hexdigest()
    return {
        "texts": (NOTE, COMMENT, password_hash, digest),
        "pairing": pairing_id,
        "cohort": cohort_id,
    }


def events_json(client, **args) -> list[dict]:
    response = client.get("/api/audit/events", query_string=args)
    assert response.status_code == 200, response.get_json()
    return response.get_json()["events"]


def test_signed_out_visitors_are_sent_to_sign_in_and_the_api_says_401(client):
    for page in ("/audit", "/audit/log", f"/audit/aggregates/{OPERATOR}"):
        response = client.get(page)
        assert response.status_code == 302
        assert "/signin" in response.headers["Location"]
    assert "auditor" in error_of(client.get("/api/audit/events"), 401)
    assert error_of(client.get(f"/api/audit/aggregates/{OPERATOR}"), 401)


def test_only_auditors_may_open_the_audit_pages_and_api(
    app, services, people, as_alice, as_cora
):
    post = write(services, people.alice)
    for client in (as_alice, as_cora):
        for page in ("/audit", "/audit/log", f"/audit/aggregates/{post}"):
            response = client.get(page)
            assert response.status_code == 403
            assert "Only auditors" in html(response)
    headers, api = bearer(services, people.cora), app.test_client()
    for address in ("/api/audit/events", f"/api/audit/aggregates/{post}"):
        assert "auditors" in error_of(api.get(address, headers=headers), 403)


def test_the_audit_link_is_in_the_navigation_of_auditors_only(as_auditor, as_cora):
    assert 'href="/audit"' in html_at(as_auditor, "/")
    assert 'href="/audit"' not in html_at(as_cora, "/")
    landing = as_auditor.get("/audit")
    assert landing.status_code == 200 and 'href="/audit/log"' in html(landing)


def test_each_row_shows_the_event_and_links_its_aggregate_and_actor(
    services, people, as_auditor
):
    post = write(services, people.alice, "Pairing on migrations")
    page = html_at(as_auditor, "/audit/log?type=Post.Drafted")
    assert f'href="/audit/aggregates/{post}"' in page
    assert 'href="/people/alice"' in page
    assert "Post.Drafted" in page and "Pairing on migrations" in page
    assert "Post.Published" not in re.sub(r"<select.*?</select>", "", page, flags=re.S)


def test_confidential_fields_never_appear_in_pages_or_json(
    services, secrets, people, as_auditor
):
    responses = [as_auditor.get("/audit/log"), as_auditor.get("/api/audit/events")]
    aggregates = {e["aggregate_id"] for e in events_json(as_auditor, per_page=200)}
    assert str(secrets["pairing"]) in aggregates  # the histories looked into below
    for aggregate in aggregates:
        for prefix in ("/audit/aggregates/", "/api/audit/aggregates/"):
            responses.append(as_auditor.get(prefix + aggregate))
    for response in responses:
        assert response.status_code == 200
        for secret in secrets["texts"]:
            assert secret not in html(response)
    assert REDACTED in html(responses[0]) and REDACTED in html(responses[1])
    answers = events_json(as_auditor, type="SurveyResponse.SurveyAnswered")
    assert {answers[0]["payload"][k] for k in ("sentiment", "value", "comment")} == {
        REDACTED
    }


def test_the_history_of_a_revised_post_shows_the_removed_and_added_lines(
    services, people, as_auditor
):
    post = write(services, people.alice, body="Keep reviews small.\nAsk first.")
    services.app.revise_post(
        actor_id=people.alice.id, post_id=UUID(post), title="Review small changes",
        parts={"body": "Keep reviews small.\nListen first."},
    )  # fmt: skip
    settle(services)
    page = html_at(as_auditor, f"/audit/aggregates/{post}")
    assert re.search(r'class="line removed">.*?<del>Ask</del> first\.</div>', page)
    assert re.search(r'class="line added">.*?<ins>Listen</ins> first\.</div>', page)
    versions = as_auditor.get(f"/api/audit/aggregates/{post}").get_json()["versions"]
    body = next(c for c in versions[-1]["changes"] if c["field"] == "parts.body")
    assert body["diff"] == ["  Keep reviews small.", "- Ask first.", "+ Listen first."]


def test_the_history_of_a_pairing_and_of_its_cohort(
    services, people, secrets, as_auditor
):
    pairing_id = secrets["pairing"]
    page = html_at(as_auditor, f"/audit/aggregates/{pairing_id}")
    assert "Pairing.Proposed" in page and "Pairing.Activated" in page
    assert re.search(r"<del>proposed</del>\s*→\s*<ins>active</ins>", page)
    api = as_auditor.get(f"/api/audit/aggregates/{secrets['cohort']}").get_json()
    assert api["aggregate"]["type"] == "Cohort"
    stages = [v["state"]["stage"] for v in api["versions"]]
    assert stages == ["planned", "enrolling"]
    assert api["versions"][1]["changes"] == [
        {"field": "stage", "kind": "value", "before": "planned", "after": "enrolling"}
    ]


def test_a_title_with_a_script_is_escaped_in_the_log_and_the_history(
    services, people, as_auditor
):
    post = write(services, people.alice, f"Tips {SCRIPT}")
    services.app.revise_post(
        actor_id=people.alice.id, post_id=UUID(post), title=f"Better tips {SCRIPT}",
        parts={"summary": "", "body": "Small pull requests."},
    )  # fmt: skip
    settle(services)
    for page in (f"/audit/log?aggregate={post}", f"/audit/aggregates/{post}"):
        shown = html_at(as_auditor, page)
        assert SCRIPT not in shown and "<script>" not in shown
        assert "&lt;script&gt;" in shown


def test_filters_narrow_the_log(services, people, secrets, as_auditor):
    with simulated_time(datetime(2025, 3, 10, 9, 30, tzinfo=UTC)):
        write(services, people.alice, "Written last spring")
    every = events_json(as_auditor, per_page=200)
    spring, pairing_id = "2025-03-10T", str(secrets["pairing"])
    cases = {
        "type": ("Pairing.Accepted", lambda e: e["event_type"] == "Pairing.Accepted"),
        "aggregate": (pairing_id, lambda e: e["aggregate_id"] == pairing_id),
        "actor": ("@bob", lambda e: e["actor"]["handle"] == "bob"),
        "to": ("2025-03-10", lambda e: e["occurred_at"].startswith(spring)),
        "from": ("2025-03-11", lambda e: not e["occurred_at"].startswith(spring)),
    }  # fmt: skip
    for name, (value, matches) in cases.items():
        found = events_json(as_auditor, per_page=200, **{name: value})
        assert 0 < len(found) < len(every)
        assert [e["position"] for e in found] == [
            e["position"] for e in every if matches(e)
        ]
    on_the_day = events_json(as_auditor, **{"from": "2025-03-10", "to": "2025-03-10"})
    assert [e["event_type"] for e in on_the_day] == ["Post.Published", "Post.Drafted"]
    page = html_at(as_auditor, "/audit/log?actor=@bob&order=oldest")
    assert "@alice</a></td>" not in page and "@bob</a></td>" in page


def test_the_log_pages_by_fifty_and_the_api_reads_on_with_a_cursor(
    services, people, as_auditor
):
    for n in range(30):
        write(services, people.alice, f"Lesson number {n}")
    first = html_at(as_auditor, "/audit/log")
    assert first.count('<tr class="payload">') == 50
    assert 'href="/audit/log?page=2"' in first
    second = html_at(as_auditor, "/audit/log?page=2")
    total = services.log.head()
    assert second.count('<tr class="payload">') == total - 50
    assert 'href="/audit/log?page=1"' in second
    reply = as_auditor.get("/api/audit/events?per_page=40&order=oldest").get_json()
    assert (reply["total"], reply["pages"]) == (total, -(-total // 40))
    more = as_auditor.get(reply["next"]).get_json()
    assert more["events"][0]["position"] == reply["events"][-1]["position"] + 1


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("type=Post.Exploded", "There is no event type 'Post.Exploded'"),
        ("aggregate=42", "An aggregate id looks like"),
        ("actor=@nobody", "Nobody has the handle @nobody"),
        ("from=yesterday", "A date looks like 2026-03-01"),
        ("from=2026-03-02&to=2026-03-01", "after the 'to' date"),
        ("order=sideways", "The order is newest or oldest"),
        ("page=0", "The page is a whole number from 1"),
        ("page=99999999999999999999999", "The page is a whole number from 1"),
    ],
)
def test_bad_filters_give_a_clear_message(as_auditor, query, message):
    page = as_auditor.get(f"/audit/log?{query}")
    assert page.status_code == 422
    assert message in html(page).replace("&#39;", "'")
    assert message in error_of(as_auditor.get(f"/api/audit/events?{query}"), 422)


@pytest.mark.parametrize(
    "query", ["per_page=500", "per_page=²", "cursor=-1", "cursor=3&page=2"]
)
def test_bad_paging_in_the_api_is_refused(as_auditor, query):
    assert error_of(as_auditor.get(f"/api/audit/events?{query}"), 422)


def test_an_unknown_aggregate_is_not_found(as_auditor):
    for aggregate in (OPERATOR, "not-an-id"):
        assert as_auditor.get(f"/audit/aggregates/{aggregate}").status_code == 404
        message = error_of(as_auditor.get(f"/api/audit/aggregates/{aggregate}"), 404)
        assert "No aggregate" in message


def test_an_event_that_cannot_be_read_is_flagged_and_ends_its_history(
    services, people, as_auditor
):
    post = write(services, people.alice, "Tampered with")
    (published,) = events_json(as_auditor, type="Post.Published", aggregate=post)
    with RawStore(services) as raw:
        raw.set_state(published["position"], b"\x00garbled")
    page = as_auditor.get(f"/audit/log?aggregate={post}")
    assert page.status_code == 200 and "cannot be read" in html(page)
    (flagged, _) = events_json(as_auditor, aggregate=post)
    assert flagged["position"] == published["position"]
    assert flagged["payload"] is None
    history = as_auditor.get(f"/api/audit/aggregates/{post}").get_json()
    assert history["aggregate"]["unreadable_from_version"] == published["version"]
    assert len(history["versions"]) == published["version"] - 1
    shown = html_at(as_auditor, f"/audit/aggregates/{post}")
    assert f"Version {published['version']} cannot be read" in shown
