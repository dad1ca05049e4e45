"""Projections are a pure function of the log: replayable, resumable, exact."""

import pytest
from sqlalchemy import update
from support.dumps import dump
from support.people import registration
from support.scenario import play

from kshare.bootstrap import build
from kshare.projections.library import projection as library_projection
from kshare.projections.sql.posts import SqlPosts


def fail_once_after(original):
    """Wrap ``original`` so its first call does its work and then crashes."""
    calls = []

    def crashing(*args, **kwargs):
        result = original(*args, **kwargs)
        if not calls:
            calls.append(1)
            raise RuntimeError("crashed part-way through a batch")
        return result

    return crashing


def clean_build(services) -> dict:
    services.rebuild()
    return dump(services)


def test_replaying_the_log_twice_gives_the_same_read_models(any_services, scenario):
    caught_up = dump(any_services)
    every_sql_projection = [p.name for p in any_services.read_models.projections]
    assert caught_up["positions"] == dict.fromkeys(every_sql_projection, scenario.last)
    # The SQL read models and the library each read the whole log once.
    assert any_services.rebuild() == 2 * scenario.last
    assert dump(any_services) == caught_up
    assert clean_build(any_services) == caught_up


def test_projecting_event_by_event_equals_a_rebuild(any_services):
    def one_at_a_time():
        while any_services.runner.run_once(limit=1):
            pass

    play(any_services.app, after=one_at_a_time)
    incremental = dump(any_services)
    assert len(incremental["tables"]["post_revisions"]) == 11
    assert clean_build(any_services) == incremental


def test_a_crash_between_batches_resumes_exactly_where_it_stopped(any_services):
    scenario = play(any_services.app)
    for _ in range(3):
        assert any_services.runner.run_once(limit=7) == 7
    assert any_services.read_models.position() == 21
    # The process dies; a new one starts from the same settings.
    resumed = build(any_services.settings)
    try:
        assert resumed.runner.catch_up() == scenario.last
        after_restart = dump(resumed)
        assert clean_build(resumed) == after_restart
    finally:
        resumed.close()


def test_a_crash_inside_a_sql_batch_rolls_it_back_and_the_retry_loses_nothing(
    any_services, monkeypatch
):
    play(any_services.app)
    any_services.runner.run_once(limit=12)
    before = dump(any_services)
    monkeypatch.setattr(SqlPosts, "apply", fail_once_after(SqlPosts.apply))
    with pytest.raises(RuntimeError, match="crashed part-way"):
        any_services.runner.run_once(limit=20)
    assert dump(any_services) == before  # no rows, no positions, no documents
    any_services.runner.catch_up()
    finished = dump(any_services)
    assert clean_build(any_services) == finished


def test_a_crash_inside_a_library_batch_leaves_the_index_as_it_was(
    any_services, monkeypatch
):
    scenario = play(any_services.app)
    any_services.runner.run_once(limit=12)
    before = dump(any_services)["library"]
    monkeypatch.setattr(
        library_projection, "document", fail_once_after(library_projection.document)
    )
    with pytest.raises(RuntimeError, match="crashed part-way"):
        any_services.runner.run_once(limit=20)
    assert dump(any_services)["library"] == before
    assert any_services.library.position() == 12
    assert any_services.read_models.position() == 32
    assert any_services.runner.catch_up() == scenario.last
    finished = dump(any_services)
    assert clean_build(any_services) == finished


def test_rebuilding_one_projection_leaves_the_others_untouched(any_services, scenario):
    caught_up = dump(any_services)
    tables = any_services.read_models.tables
    with any_services.engines.writer.begin() as conn:
        conn.execute(update(tables["posts"]).values(title="Tampered"))
        conn.execute(update(tables["weekly_features"]).values(note="Tampered"))
    assert any_services.rebuild(["posts"]) == scenario.last
    rebuilt = dump(any_services)
    assert rebuilt["tables"]["posts"] == caught_up["tables"]["posts"]
    assert {row["note"] for row in rebuilt["tables"]["weekly_features"]} == {"Tampered"}
    assert any_services.rebuild(["weekly"]) == scenario.last
    assert dump(any_services) == caught_up
    with pytest.raises(ValueError, match="Unknown projection comments"):
        any_services.rebuild(["posts", "comments"])


def test_the_live_runner_shows_a_command_to_the_person_who_gave_it(any_services):
    app = any_services.app
    any_services.runner.start()
    alice = app.register_participant(**registration("alice"))
    assert any_services.wait_for(alice.position)
    assert any_services.people.person_by_handle("@Alice").display_name == "Alice"
    posted = app.draft_post(
        actor_id=alice.id,
        kind="lesson",
        title="Write the test first",
        parts={"body": "A failing test tells you when you are done."},
        publish=True,
    )
    assert any_services.wait_for(posted.position)
    assert any_services.posts.post(str(posted.id)).status == "published"
    assert [h.id for h in any_services.search.search("failing").hits] == [
        str(posted.id)
    ]
    assert any_services.wait_for(None)  # a command that saved nothing: no wait
    assert any_services.runner.last_error is None
