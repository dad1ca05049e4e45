"""An export imported elsewhere gives back the same log, seals and read models."""

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from eventsourcing.cipher import AESCipher
from support.dumps import dump
from support.exports import (
    PRIVATE_NOTE,
    SURVEY_COMMENT,
    confidential_program,
    export_to,
    lines_of,
    sealed_with_a_tail,
)
from support.people import registration
from support.previous_release import PreviousRelease

from kshare.audit.importing import import_log
from kshare.bootstrap import build
from kshare.config import Settings
from kshare.domain.seals import GENESIS, chained
from kshare.eventlog.positional import ImportRefused


def digests_of(services) -> list[tuple[int, str]]:
    return [(row.position, d.hex()) for row, d in services.log.digests(0)]


def chain_upto(services, position: int) -> str:
    chain = GENESIS
    for _, digest in services.log.digests(0, position):
        chain = chained(chain, digest)
    return chain.hex()


def utc_naive(value):
    """Rows with every moment as naive UTC: SQLite does not keep the zone."""
    if isinstance(value, dict):
        return {k: utc_naive(v) for k, v in value.items()}
    if isinstance(value, list):
        return [utc_naive(v) for v in value]
    if isinstance(value, datetime) and value.tzinfo:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def test_an_imported_log_projects_searches_and_verifies_as_the_original(
    demo_copy, target, tmp_path
):
    source = demo_copy  # the shared demo's log, in a store of this test's own
    confidential_program(source.app)
    sealed_with_a_tail(source)
    source.runner.catch_up()
    path = export_to(source, tmp_path / "log.jsonl")

    imported = import_log(path, target.log)
    target.rebuild()

    assert (imported.head, imported.events) == (
        source.log.head(),
        len(lines_of(path)) - 2,
    )
    assert dump(target) == dump(source)
    for query in ("mentoring", "code review", "incident NOT oncall", "tag:mentoring"):
        assert target.search.search(query) == source.search.search(query)
    assert digests_of(target) == digests_of(source)
    seal = source.app.seal_chain()
    assert chain_upto(target, seal.position) == seal.digest
    verified = target.integrity.verify()
    assert verified.ok and verified.sealed_upto == seal.position
    later = target.app.register_participant(**registration("next"))
    after = target.app.recorder.select_notifications(
        start=imported.head, limit=10, inclusive_of_start=False
    )
    assert [n.id for n in after] == list(range(imported.head + 1, later.position + 1))


def test_an_export_without_private_fields_holds_no_note_answer_password_or_token(
    services, tmp_path
):
    kept = confidential_program(services.app)
    complete = export_to(services, tmp_path / "all.jsonl")
    partial = export_to(services, tmp_path / "part.jsonl", complete=False)
    token = next(
        x for x in lines_of(complete) if x.get("type") == "ApiToken.TokenIssued"
    )
    secrets = (
        PRIVATE_NOTE,
        SURVEY_COMMENT,
        services.app.repository.get(kept["abe"]).password_hash,
        token["payload"]["digest"],
    )
    assert all(secret in complete.read_text() for secret in secrets)
    assert not any(secret in partial.read_text() for secret in secrets)
    by_type = {line.get("type"): line for line in lines_of(partial)}
    answer = by_type["SurveyResponse.SurveyAnswered"]
    assert answer["payload"]["sentiment"] == answer["payload"]["value"] == "[redacted]"
    assert "state" not in answer and "comment" in answer["redacted"]
    assert by_type["PrivateNote.PrivateNoteWritten"]["payload"]["note"] == "[redacted]"
    assert lines_of(partial)[0]["complete"] is False
    launched = json.loads(by_type["Program.Launched"]["state"])
    assert launched["slug"] == "leads"


def test_an_import_writes_through_the_targets_own_cipher(tmp_path):
    keys = [AESCipher.create_key(num_bytes=32) for _ in range(2)]
    source = build(Settings.for_tests(tmp_path / "a", cipher_key=keys[0]))
    target = build(Settings.for_tests(tmp_path / "b", cipher_key=keys[1]))
    try:
        confidential_program(source.app)
        sealed_with_a_tail(source)
        import_log(export_to(source, tmp_path / "log.jsonl"), target.log)
        stored = target.app.recorder.select_notifications(start=None, limit=10_000)
        assert digests_of(target) == digests_of(source)
        assert not any(PRIVATE_NOTE.encode() in n.state for n in stored)
        assert target.integrity.verify().ok
        target.rebuild()
        source.runner.catch_up()
        assert dump(target) == dump(source)
    finally:
        source.close()
        target.close()


def test_an_import_stops_when_someone_else_writes_to_the_store_meanwhile(
    any_services, target, tmp_path, monkeypatch
):
    confidential_program(any_services.app)
    path = export_to(any_services, tmp_path / "log.jsonl")
    monkeypatch.setattr("kshare.audit.importing.BATCH", 5)

    def someone_writes(done: int, total: int) -> None:
        if done == 5:
            target.app.register_participant(**registration("eve"))

    with pytest.raises(ImportRefused) as refused:
        import_log(path, target.log, writing=someone_writes)
    assert "Someone else wrote to the event store" in str(refused.value)
    assert "events up to position 5 were imported" in str(refused.value)


def test_a_sqlite_log_moves_to_postgresql_with_its_seals(
    services, pg_settings, tmp_path
):
    confidential_program(services.app)
    sealed_with_a_tail(services)
    path = export_to(services, tmp_path / "log.jsonl")
    moved = replace(pg_settings, home=tmp_path / "pg", search_index=tmp_path / "pg_ix")
    target = build(moved)
    try:
        import_log(path, target.log)
        target.rebuild()
        services.runner.catch_up()
        assert digests_of(target) == digests_of(services)
        assert target.integrity.verify().ok
        assert utc_naive(dump(target)) == utc_naive(dump(services))
    finally:
        target.close()


def test_an_event_of_the_previous_release_travels_as_it_was_stored(
    any_services, target, tmp_path
):
    kept = confidential_program(any_services.app)
    old = PreviousRelease(any_services.app)
    note = "Written by version one"
    old.write_private_note(kept["abe"], kept["pairing"], note)
    path = export_to(any_services, tmp_path / "log.jsonl")
    [line] = [x for x in lines_of(path) if note in x.get("state", "")]
    assert "actor_id" not in json.loads(line["state"])
    assert line["payload"]["actor_id"] == line["actor"] == str(kept["abe"])

    import_log(path, target.log)
    target.rebuild()
    notes = target.pairings.private_notes(kept["abe"], kept["pairing"])
    assert [text for _, text, _ in notes] == [PRIVATE_NOTE, note]
    assert digests_of(target) == digests_of(any_services)
