"""Seals: every way of altering the stored log is caught, and named.

The tampering is done the way an intruder with database access would do
it: straight on the SQLite file or the PostgreSQL table, behind kshare's back.
"""

import pytest
from eventsourcing.cipher import AESCipher
from support.people import register
from support.posts import write
from support.store import RawStore

from kshare.bootstrap import build
from kshare.config import Settings
from kshare.domain.errors import NotAllowed
from kshare.domain.ids import OPERATOR


@pytest.fixture
def sealed(any_services):
    """A small history (people, lessons), sealed; returns (services, raw store)."""
    people = [register(any_services.app, h) for h in ("ana", "ben", "cyd")]
    for number, author in enumerate(people):
        write(any_services.app, author, f"Lesson number {number}")
    any_services.seal()
    with RawStore(any_services) as raw:
        yield any_services, raw


def lesson_position(raw, number: int) -> int:
    return raw.first_holding(f"Lesson number {number}".encode())


def test_an_untouched_log_verifies_and_later_events_are_reported_unsealed(sealed):
    services, _ = sealed
    register(services.app, "dee")
    result = services.integrity.verify()
    assert result.ok and result.finding is None
    assert len(result.seals) == 1
    assert result.unsealed == 4  # the seal's own two events and dee's two
    assert result.events == services.log.head()


def test_sealing_again_continues_the_chain_and_both_seals_match(sealed):
    services, _ = sealed
    register(services.app, "dee")
    first = services.app.sealed_upto()
    services.seal()
    assert services.app.sealed_upto() > first
    result = services.integrity.verify()
    assert result.ok and len(result.seals) == 2
    assert services.integrity.ledger.head().position == services.app.sealed_upto()


def test_sealing_with_nothing_new_adds_no_seal(sealed):
    services, _ = sealed
    head = services.log.head()
    assert services.seal().position is None
    assert services.log.head() == head


def test_a_changed_event_is_named_with_its_position(sealed):
    services, raw = sealed
    position = lesson_position(raw, 1)
    raw.replace(position, b"number 1", b"number 9")
    result = services.integrity.verify()
    assert not result.ok
    assert (result.finding.kind, result.finding.position) == ("changed", position)
    assert result.bad_seal is not None


def test_a_removed_event_is_named(sealed):
    services, raw = sealed
    position = lesson_position(raw, 0)
    raw.remove(position)
    result = services.integrity.verify()
    assert (result.finding.kind, result.finding.position) == ("removed", position)


def test_an_inserted_event_is_named(sealed):
    services, raw = sealed
    position = lesson_position(raw, 1)
    raw.insert_copy_at(position, of=position - 1)
    result = services.integrity.verify()
    assert (result.finding.kind, result.finding.position) == ("inserted", position)


def test_reordered_events_are_named(sealed):
    services, raw = sealed
    first, second = lesson_position(raw, 0), lesson_position(raw, 2)
    raw.swap(first, second)
    result = services.integrity.verify()
    assert (result.finding.kind, result.finding.position) == ("reordered", first)
    assert str(second) in result.finding.message


def test_a_forged_seal_is_caught_by_the_next_seal(sealed):
    services, raw = sealed
    seal_at = services.integrity.seals()[0].at
    register(services.app, "dee")
    services.seal()
    state = raw.state(seal_at)
    digest = services.integrity.seals()[0].digest
    raw.set_state(seal_at, state.replace(digest.encode(), b"0" * 64))
    result = services.integrity.verify()
    assert (result.finding.kind, result.finding.position) == ("changed", seal_at)


def test_without_the_ledger_the_altered_range_is_still_found(sealed):
    services, raw = sealed
    services.integrity.ledger.record([], replace=True)
    position = lesson_position(raw, 2)
    raw.replace(position, b"number 2", b"number 7")
    result = services.integrity.verify()
    assert result.finding.kind == "altered"
    assert result.finding.position == 1
    assert f"and {services.app.sealed_upto()}" in result.finding.message


def test_removing_the_last_seal_does_not_hide_a_change_it_covered(sealed):
    services, raw = sealed
    seal = services.integrity.seals()[0]
    position = lesson_position(raw, 0)
    raw.replace(position, b"number 0", b"number 5")
    raw.remove(seal.at)
    result = services.integrity.verify()
    assert (result.finding.kind, result.finding.position) == ("changed", position)


def test_a_verified_log_repairs_a_damaged_ledger(sealed):
    services, _ = sealed
    ledger = services.integrity.ledger
    entries = ledger.entries()
    ledger.record([], replace=True)
    assert services.integrity.verify().ok
    assert ledger.entries() == entries


def test_an_auditor_may_seal_but_a_participant_may_not(any_services):
    app = any_services.app
    auditor = register(app, "audra", role="auditor", actor_id=OPERATOR)
    member = register(app, "pat")
    with pytest.raises(NotAllowed):
        any_services.seal(member)
    assert any_services.seal(auditor).position is not None


def test_encrypted_events_are_unreadable_on_disk_and_still_verify(tmp_path):
    key = AESCipher.create_key(32)
    services = build(Settings.for_tests(tmp_path, cipher_key=key))
    try:
        write(services.app, register(services.app, "ana"), "Secret plans")
        services.seal()
        with RawStore(services) as raw:
            assert all(b"Secret plans" not in raw.state(p) for p in range(1, 5))
            assert services.integrity.verify().ok
            raw.set_state(3, raw.state(3)[:-1] + bytes([raw.state(3)[-1] ^ 1]))
            result = services.integrity.verify()
            assert (result.finding.kind, result.finding.position) == ("unreadable", 3)
    finally:
        services.close()
