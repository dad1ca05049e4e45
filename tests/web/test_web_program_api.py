"""The program side of the JSON API: commands by name and the read models."""

import pytest
from support.programs import CHARTER
from support.site import new_cohort, one_on_one, session
from support.web import bearer, error_of


def test_commands_are_listed_and_run_by_name(client, services, people):
    assert "propose_pairing" in client.get("/api/commands").get_json()["commands"]
    launched = client.post(
        "/api/commands/launch_program",
        json={"slug": "guild", "name": "Guild", "charter": CHARTER},
        headers=bearer(services, people.cora),
    )
    assert launched.status_code == 200, launched.get_json()
    shown = client.get("/api/programs/guild").get_json()
    assert shown["program"]["charter"]["cadence_days"] == 14
    assert shown["charter_versions"][0]["version"] == 1


@pytest.mark.parametrize(
    ("name", "arguments", "status", "message"),
    [
        ("launch_program", {"slug": "x"}, 422, "needs name"),
        ("drop_everything", {}, 404, "no command"),
        ("advance_cohort", {"cohort_id": "nope", "to": "x"}, 422, "wrong form"),
    ],
)
def test_bad_commands_get_json_errors(
    client, services, people, name, arguments, status, message
):
    response = client.post(
        f"/api/commands/{name}", json=arguments, headers=bearer(services, people.cora)
    )
    assert message in error_of(response, status)


def test_commands_need_credentials_and_follow_the_policy(client, services, people):
    anonymous = client.post("/api/commands/launch_program", json={})
    assert "bearer token" in error_of(anonymous, 401)
    refused = client.post(
        "/api/commands/launch_program",
        json={"slug": "guild", "name": "Guild", "charter": CHARTER},
        headers=bearer(services, people.alice),
    )
    assert "Only a coordinator" in error_of(refused, 403)


def test_a_cohort_its_metrics_and_matching(client, services, people, waiting):
    cohort_id = waiting
    shown = client.get(f"/api/cohorts/{cohort_id}").get_json()
    assert {m["handle"] for m in shown["members"]} == {"alice", "bob"}
    assert (
        "only coordinators, sponsors or auditors may read the metrics"
        in error_of(
            client.get(
                f"/api/cohorts/{cohort_id}/metrics",
                headers=bearer(services, people.bob),
            ),
            403,
        ).lower()
    )
    metrics = client.get(
        f"/api/cohorts/{cohort_id}/metrics", headers=bearer(services, people.cora)
    )
    assert metrics.get_json()["metrics"]["pairings"] == 0
    matching = client.get(
        f"/api/cohorts/{cohort_id}/matching", headers=bearer(services, people.cora)
    )
    [pair] = matching.get_json()["assignment"]
    assert (pair["mentee"]["handle"], pair["mentor"]["handle"]) == ("bob", "alice")
    assert pair["score"]["reasons"]
    assert client.get("/api/cohorts/nope").status_code == 404


def test_a_pairing_is_read_by_its_members_with_their_own_notes_only(
    client, services, people
):
    cohort_id = new_cohort(services, people.cora)
    pairing = one_on_one(
        services, people.cora, cohort_id, people.alice, people.bob, capacity=1
    )
    session(
        services,
        people.bob,
        pairing,
        held_on="2026-02-02",
        minutes=30,
        private_note="Bob only",
    )
    bobs = client.get(
        f"/api/pairings/{pairing}", headers=bearer(services, people.bob)
    ).get_json()
    assert [n[1] for n in bobs["my_private_notes"]] == ["Bob only"]
    alices = client.get(
        f"/api/pairings/{pairing}", headers=bearer(services, people.alice)
    )
    assert "Bob only" not in alices.get_data(as_text=True)
    coras = client.get(
        f"/api/pairings/{pairing}", headers=bearer(services, people.cora)
    )
    assert coras.status_code == 200 and "Bob only" not in coras.get_data(as_text=True)


def test_suggestions_for_one_mentee_explain_each_mentor(
    client, services, people, waiting
):
    cohort_id = waiting
    url = f"/api/cohorts/{cohort_id}/suggestions/{people.bob.id}"
    [best] = client.get(url, headers=bearer(services, people.cora)).get_json()[
        "suggestions"
    ]
    assert best["mentor"]["handle"] == "alice"
    assert "covers 1 of 1 skill gaps (code-review)" in best["score"]["reasons"]
    assert client.get(url, headers=bearer(services, people.bob)).status_code == 403
