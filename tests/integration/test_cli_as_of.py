"""`kshare audit as-of DATE`: the program as it stood then, from the terminal."""

import json
from datetime import UTC, datetime

import pytest
from support.people import register

from kshare.bootstrap import build
from kshare.domain.clock import simulated_time
from kshare.domain.ids import OPERATOR

THEN = datetime(2026, 1, 5, 10, tzinfo=UTC)


@pytest.fixture
def history(cli) -> dict:
    """In January Cora and Alice join and Alice publishes a lesson; today Bob
    joins and publishes a story."""
    services = build(cli.settings())
    app = services.app
    try:
        with simulated_time(THEN):
            register(app, "cora", role="coordinator", actor_id=OPERATOR)
            alice = register(app, "alice")
            lesson = app.draft_post(
                actor_id=alice, kind="lesson", title="Reviews that teach",
                parts={"body": "Ask, do not order."}, tags=["review"], publish=True,
            )  # fmt: skip
        bob = register(app, "bob")
        app.draft_post(
            actor_id=bob, kind="story", title="Pager duty without tears",
            parts={"context": "Pages.", "actions": "Runbooks.", "outcome": "Sleep."},
            tags=["oncall"], publish=True,
        )  # fmt: skip
        return {"january": lesson.position}
    finally:
        services.close()


def test_the_summary_counts_what_there_was_then(cli, history):
    result = cli("audit", "as-of", "2026-02-01")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "kshare as it stood on 1 Feb 2026, 23:59:59 UTC "
        f"(log position {history['january']})"
    )
    assert "participants:        2" in lines
    assert "published lessons:   1" in lines
    assert "published stories:   0" in lines


def test_the_json_dump_has_every_read_model_as_it_was(cli, history):
    result = cli("audit", "as-of", "2026-02-01T12:00", "--json")
    assert result.exit_code == 0, result.output
    dump = json.loads(result.stdout)  # the progress bar goes to stderr
    assert (dump["position"], dump["moment"]) == (
        history["january"],
        "2026-02-01T12:00:00+00:00",
    )
    tables = dump["tables"]
    assert [p["title"] for p in tables["posts"]] == ["Reviews that teach"]
    assert sorted(p["handle"] for p in tables["participants"]) == ["alice", "cora"]
    assert {"pairings", "milestones", "audit_events"} <= set(tables)
    now = json.loads(
        cli("audit", "as-of", datetime.now(UTC).isoformat(), "--json").stdout
    )
    assert len(now["tables"]["posts"]) == 2


@pytest.mark.parametrize(
    "date, message",
    [
        ("yesterday", "is not a date"),
        ("2025-12-31", "before the first event of the log"),
        ("2999-01-01T00:00", "in the future"),
    ],
)
def test_a_moment_that_cannot_be_viewed_is_a_message_and_status_1(
    cli, history, date, message
):
    result = cli("audit", "as-of", date)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
