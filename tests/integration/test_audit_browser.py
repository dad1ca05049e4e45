"""The auditors' event log browser and aggregate histories, on SQLite and PostgreSQL."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from support.people import register
from support.programs import CHARTER, advance, launch, new_cohort, one_on_one, session

from kshare.audit.diffs import text_diff
from kshare.audit.log_pages import AuditFilters
from kshare.domain.clock import simulated_time
from kshare.domain.confidential import REDACTED
from kshare.domain.ids import OPERATOR

NOTE = "Quokka worries about the reorg"
COMMENT = "Zanzibar sessions feel rushed"
BODY = "Line one stays.\nLine two goes.\nLine three stays."
REVISED = "Line one stays.\nLine three stays.\nLine four arrives."
LAST_SPRING = datetime(2025, 3, 10, 9, 30, tzinfo=UTC)


@pytest.fixture
def program(any_services):
    """A cohort with a pairing, a private note, a survey answer and a revised post.

    The program was launched last spring (simulated time); the rest is now.
    """
    app = any_services.app
    with simulated_time(LAST_SPRING):
        cora = register(app, "cora", role="coordinator", actor_id=OPERATOR)
        program = launch(app, cora)
    mia, abe = register(app, "mia"), register(app, "abe")
    cohort = new_cohort(app, cora, program=program)
    pairing = one_on_one(app, cora, cohort, mia, abe)
    session(app, abe, pairing, minutes=60, private_note=NOTE)
    app.pause_pairing(actor_id=cora, pairing_id=pairing, reason="Holidays")
    app.resume_pairing(actor_id=cora, pairing_id=pairing)
    advance(app, cora, cohort, "kicked-off", "mid-cycle-review")
    app.answer_survey(actor_id=abe, cohort_id=cohort, occasion="mid-cycle",
                      sentiment=2, value=5, comment=COMMENT)  # fmt: skip
    advance(app, cora, cohort, "end-of-cycle-reflection")
    app.close_cohort(actor_id=cora, cohort_id=cohort,
                     lessons_learned="Pairs met often.\nAgendas helped.",
                     next_direction="Start earlier.")  # fmt: skip
    post = app.draft_post(actor_id=mia, kind="lesson", title="Three lines", tags="",
                          parts={"body": BODY}, publish=True).id  # fmt: skip
    app.revise_post(actor_id=mia, post_id=post, title="Three lines, revised",
                    parts={"body": REVISED})  # fmt: skip
    calmer = {**CHARTER, "intent": "Grow calm technical leads."}
    app.revise_charter(actor_id=cora, program_id=program, note="Calmer", charter=calmer)
    any_services.runner.catch_up()
    return SimpleNamespace(
        cora=cora, mia=mia, abe=abe, cohort=cohort, pairing=pairing, post=post,
        program=program,
    )  # fmt: skip


def everything(audit_log, order="oldest"):
    return audit_log.events(order=order, per_page=1000).events


def secret_of(any_services, participant_id) -> str:
    return any_services.app.repository.get(participant_id).password_hash


def test_the_log_lists_every_event_newest_first_in_pages_that_do_not_overlap(
    any_services, program
):
    log = any_services.audit_log
    first, second = log.events(per_page=7), log.events(per_page=7, page=2)
    positions = [e.position for e in first.events + second.events]
    assert positions == sorted(positions, reverse=True)
    assert positions[0] == any_services.log.head()
    assert len(set(positions)) == 14
    assert first.total == len(everything(log)) == any_services.log.head()
    assert first.has_next and first.pages == -(-first.total // 7)


def test_oldest_first_starts_at_the_beginning_and_a_cursor_reads_on(
    any_services, program
):
    log = any_services.audit_log
    first = log.events(order="oldest", per_page=5)
    assert [e.position for e in first.events] == [1, 2, 3, 4, 5]
    following = log.events(order="oldest", per_page=5, cursor=first.next_cursor)
    assert following.events == log.events(order="oldest", per_page=5, page=2).events
    last = log.events(order="oldest", per_page=5, page=first.pages)
    assert not last.has_next and last.next_cursor is None


DAY = (LAST_SPRING - timedelta(hours=1), LAST_SPRING + timedelta(days=1))
FILTERS = {
    "type": (
        lambda p: AuditFilters(event_type="Pairing.Paused"),
        lambda e, p: e.event_type == "Pairing.Paused",
    ),
    "every event of an aggregate type": (
        lambda p: AuditFilters(event_type="Cohort"),
        lambda e, p: e.event_type.startswith("Cohort."),
    ),
    "aggregate": (
        lambda p: AuditFilters(aggregate_id=str(p.pairing)),
        lambda e, p: e.aggregate_id == str(p.pairing),
    ),
    "actor": (
        lambda p: AuditFilters(actor_id=str(p.abe)),
        lambda e, p: e.actor_id == str(p.abe),
    ),
    "dates": (
        lambda p: AuditFilters(since=DAY[0], before=DAY[1]),
        lambda e, p: e.occurred_at.date() == LAST_SPRING.date(),
    ),
    "actor and type": (
        lambda p: AuditFilters(actor_id=str(p.cora), event_type="Cohort.StageChanged"),
        lambda e, p: (
            e.actor_id == str(p.cora) and e.event_type == "Cohort.StageChanged"
        ),
    ),
}


@pytest.mark.parametrize("name", FILTERS)
def test_each_filter_narrows_the_log_to_the_events_it_names(
    any_services, program, name
):
    log, (filters, matches) = any_services.audit_log, FILTERS[name]
    expected = [e.position for e in everything(log) if matches(e, program)]
    found = log.events(filters(program), order="oldest", per_page=1000)
    assert 0 < len(expected) < len(everything(log))
    assert [e.position for e in found.events] == expected
    assert found.total == len(expected)


def test_each_event_names_its_aggregate_version_actor_and_time(any_services, program):
    paused = any_services.audit_log.events(AuditFilters(event_type="Pairing.Paused"))
    (event,) = paused.events
    assert (event.aggregate_type, event.aggregate_id) == (
        "Pairing",
        str(program.pairing),
    )
    assert (event.actor_id, event.actor_handle) == (str(program.cora), "cora")
    assert event.payload["reason"] == "Holidays" and event.version > 1
    assert event.occurred_at.tzinfo is not None


def test_private_notes_survey_answers_and_password_hashes_are_redacted(
    any_services, program
):
    events = everything(any_services.audit_log)
    shown = repr([e.payload for e in events])
    for secret in (NOTE, COMMENT, secret_of(any_services, program.abe)):
        assert secret not in shown
    by_type = {e.event_type: e for e in events}
    note = by_type["PrivateNote.PrivateNoteWritten"]
    answer = by_type["SurveyResponse.SurveyAnswered"]
    registered = by_type["Participant.Registered"]
    assert note.payload["note"] == REDACTED and note.redacted == ("note",)
    assert {answer.payload[k] for k in answer.redacted} == {REDACTED}
    assert set(answer.redacted) == {"sentiment", "value", "comment"}
    assert registered.payload["password_hash"] == REDACTED
    assert answer.payload["occasion"] == "mid-cycle"  # the rest stays readable


def test_reconstructed_states_are_redacted_too(any_services, program):
    log = any_services.audit_log
    note_id = log.events(AuditFilters(event_type="PrivateNote")).events[0].aggregate_id
    note = log.history(note_id)
    assert set(note.versions[0].state.values()) == {REDACTED}
    person = log.history(str(program.abe))
    assert person.versions[-1].state["password_hash"] == REDACTED
    assert person.versions[-1].state["handle"] == "abe"
    shown = repr([note, person])
    assert NOTE not in shown and secret_of(any_services, program.abe) not in shown


def test_the_history_of_a_revised_post_shows_the_removed_and_added_lines(
    any_services, program
):
    history = any_services.audit_log.history(str(program.post))
    assert [v.event.event_type for v in history.versions] == [
        "Post.Drafted", "Post.Published", "Post.Revised",
    ]  # fmt: skip
    assert history.label == "Three lines, revised"
    published, revised = history.versions[1], history.versions[2]
    assert [(c.field, c.before, c.after) for c in published.changes] == [
        ("status", "draft", "published")
    ]
    body = next(c for c in revised.changes if c.field == "parts.body")
    assert [(line.op, line.text) for line in body.lines] == [
        ("same", "Line one stays."),
        ("removed", "Line two goes."),
        ("same", "Line three stays."),
        ("added", "Line four arrives."),
    ]
    title = next(c for c in revised.changes if c.field == "title")
    assert [s for line in title.lines for s in line.segments if s.op == "added"]
    assert revised.state["parts"]["body"] == REVISED


def test_the_history_of_a_pairing_follows_its_status(any_services, program):
    history = any_services.audit_log.history(str(program.pairing))
    statuses = [v.state["status"] for v in history.versions]
    assert statuses[0] == "proposed" and statuses[-1] == "active"
    assert "paused" in statuses
    paused = next(v for v in history.versions if v.event.event_type == "Pairing.Paused")
    assert [(c.field, c.before, c.after) for c in paused.changes] == [
        ("status", "active", "paused")
    ]
    positions = [v.event.position for v in history.versions]
    indexed = any_services.audit_log.events(
        AuditFilters(aggregate_id=str(program.pairing)), order="oldest"
    )
    assert positions == [e.position for e in indexed.events]


def test_the_history_of_a_cohort_shows_its_stages_and_closing_summary(
    any_services, program
):
    history = any_services.audit_log.history(str(program.cohort))
    stages = [v.state["stage"] for v in history.versions]
    assert stages[0] == "planned" and stages[-1] == "closed"
    closed = history.versions[-1].changes
    lessons = next(c for c in closed if c.field == "summary.lessons_learned")
    assert [line.op for line in lessons.lines] == ["added", "added"]
    assert [line.text for line in lessons.lines] == [
        "Pairs met often.",
        "Agendas helped.",
    ]


def test_a_new_charter_version_is_diffed_against_the_one_before(any_services, program):
    history = any_services.audit_log.history(str(program.program))
    revised = history.versions[-1].changes
    assert [c.field for c in revised] == ["charters[1].intent"]
    (removed, added) = revised[0].lines
    assert [(s.op, s.text) for s in removed.segments if s.op != "same"] == [
        ("removed", "confident")
    ]
    assert [(s.op, s.text) for s in added.segments if s.op != "same"] == [
        ("added", "calm")
    ]


def test_an_unknown_or_malformed_aggregate_id_has_no_history(any_services, program):
    assert (
        any_services.audit_log.history("3f2b8c1e-7d4a-4e5b-9c6f-0a1b2c3d4e5f") is None
    )
    assert any_services.audit_log.history("not-an-id") is None


def test_a_long_text_diff_shows_only_the_lines_around_each_change():
    before = "\n".join(f"line {n}" for n in range(40))
    after = before.replace("line 5\n", "line five\n").replace("line 30", "line 3O")
    lines = text_diff(before, after)
    assert [line.op for line in lines].count("gap") == 1
    assert "line 20" not in [line.text for line in lines]
    assert ("removed", "line 5") in [(line.op, line.text) for line in lines]
