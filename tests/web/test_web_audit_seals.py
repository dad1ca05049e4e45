"""Seals on the site and in the API: seal, verify, download a redacted export."""

import json

from support.site import settle
from support.store import RawStore
from support.web import bearer, submit

NOTE = "Pangolin thinks the team lead is unfair"


def test_an_auditor_seals_from_the_audit_page_and_sees_the_seal(services, as_auditor):
    before = services.log.head()
    response = submit(as_auditor, "/audit/seal", {}, "/audit", follow_redirects=True)
    assert f"Sealed the log up to position {before}" in response.text
    seal = services.integrity.seals()[-1]
    assert seal.position == before and seal.digest in response.text
    again = submit(as_auditor, "/audit/seal", {}, "/audit", follow_redirects=True)
    assert "Nothing new since the seal" in again.text


def test_verify_on_the_site_says_intact_then_names_an_altered_event(
    services, as_auditor, people
):
    services.seal()
    intact = submit(as_auditor, "/audit/verify", {}, "/audit")
    assert intact.status_code == 200 and "Intact" in intact.text
    with RawStore(services) as raw:
        position = raw.first_holding(b"Alice")
        raw.replace(position, b"Alice", b"Mallory")
    altered = submit(as_auditor, "/audit/verify", {}, "/audit")
    assert altered.status_code == 409
    assert f"Altered at position {position} (changed)" in altered.text


def test_the_downloaded_export_is_redacted_and_recorded(services, as_auditor, people):
    services.app.deactivate_participant(
        actor_id=people.bob.id, participant_id=people.bob.id, reason=NOTE
    )
    settle(services)
    head = services.log.head()
    response = as_auditor.get("/audit/export.jsonl")
    assert response.status_code == 200
    lines = [json.loads(line) for line in response.data.splitlines()]
    assert lines[0]["head"] == head and lines[0]["complete"] is False
    registered = [
        line for line in lines[1:-1] if line["type"] == "Participant.Registered"
    ]
    assert registered and all(
        line["payload"]["password_hash"] == "[redacted]" for line in registered
    )
    assert b"$argon2" not in response.data
    response.close()
    assert services.log.head() == head + 1  # the export is in the log


def test_only_auditors_see_the_seals_or_may_seal(client, as_alice):
    assert as_alice.get("/audit").status_code == 403
    assert as_alice.get("/api/audit/seals").status_code == 403
    assert client.post("/api/audit/verify").status_code == 401


def test_the_api_seals_lists_and_verifies(services, client, auditor):
    headers = bearer(services, auditor)
    sealed = client.post("/api/audit/seal", headers=headers)
    assert sealed.status_code == 201 and sealed.json["sealed"] is True
    listed = client.get("/api/audit/seals", headers=headers)
    assert listed.json["seals"][0]["digest"] == sealed.json["seal"]["digest"]
    verified = client.post("/api/audit/verify", headers=headers)
    assert verified.status_code == 200
    assert verified.json["intact"] is True and verified.json["seals"] == 1
