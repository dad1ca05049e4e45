"""Auditors read: the only commands they may give are sealing and exporting."""

import time
import types
import typing
from datetime import date
from uuid import UUID, uuid4

import pytest
from support.people import PASSWORD, email_of, register

from kshare.application import catalog
from kshare.audit.sealing import PeriodicSealer
from kshare.domain.errors import NotAllowed
from kshare.domain.ids import OPERATOR
from kshare.eventlog import EventLog


@pytest.fixture
def log(app):
    return EventLog(app.recorder, app.mapper)


@pytest.fixture
def auditor(app):
    return register(app, "audra", role="auditor", actor_id=OPERATOR)


def a_value_for(hint):
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        hint = typing.get_args(hint)[0]
    samples = {UUID: str(uuid4()), date: "2026-01-05", int: 1, bool: True}
    if hint in samples:
        return samples[hint]
    if typing.get_origin(hint) is list or hint is list:
        return []
    if typing.get_origin(hint) is dict or hint is dict:
        return {}
    return "something"


@pytest.mark.parametrize("name", catalog.COMMANDS)
def test_an_auditor_may_give_no_program_command(app, auditor, name):
    arguments = {
        a.name: a_value_for(a.hint) for a in catalog.arguments(app, name) if a.required
    }
    with pytest.raises(NotAllowed, match="auditor"):
        catalog.run(app, name, auditor, arguments)


def test_an_auditor_may_not_write_a_lesson(app, auditor):
    with pytest.raises(NotAllowed):
        app.draft_post(
            actor_id=auditor, kind="lesson", title="Mine", parts={"summary": "s"}
        )


def test_an_auditor_signs_in_and_uses_a_token(app, auditor):
    assert app.authenticate(email_of("audra"), PASSWORD) == auditor
    token, _ = app.issue_token(actor_id=auditor, email=email_of("audra"))
    assert app.identify_token(token) == auditor


def test_an_auditor_may_seal_and_record_an_export(app, log, auditor):
    register(app, "ana")
    assert app.seal_log(actor_id=auditor, log=log).position is not None
    assert app.record_export(actor_id=auditor, position=4, complete=False).position


def test_a_participant_may_neither_seal_nor_export(app, log):
    member = register(app, "pat")
    with pytest.raises(NotAllowed):
        app.seal_log(actor_id=member, log=log)
    with pytest.raises(NotAllowed):
        app.record_export(actor_id=member, position=1, complete=True)


def test_the_periodic_sealer_seals_new_events_on_its_own(app, log):
    register(app, "ana")
    sealer = PeriodicSealer(0.02)
    sealer.start(lambda: app.seal_log(actor_id=OPERATOR, log=log))
    try:
        deadline = time.monotonic() + 5
        while app.sealed_upto() == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        sealer.stop()
    assert app.sealed_upto() == 2


def test_a_sealer_with_no_interval_never_starts(app):
    sealer = PeriodicSealer(0)
    sealer.start(lambda: pytest.fail("sealed"))
    assert not sealer.running
    sealer.stop()
