"""Every projection rebuilt from the demo's whole history equals the live one."""

from support.dumps import dump

from kshare.projections.library import projection as library_projection


def test_rebuilding_everything_after_the_demo_equals_projecting_it_live(demo_copy):
    # The rebuild rewrites the read models: it runs on this test's own copy of
    # the shared demo (same log, projected live), never on the shared one.
    live = dump(demo_copy)
    assert (
        live["tables"]["pairing_sessions"] and live["tables"]["matching_drafts"] == []
    )
    demo_copy.rebuild()
    assert dump(demo_copy) == live


def test_the_library_indexed_in_two_processes_equals_the_live_one(
    demo_copy, monkeypatch
):
    """A large library is rebuilt by two indexing processes (Whoosh's
    multi-process writer, segments of their own): the same documents."""
    monkeypatch.setattr(library_projection, "PARALLEL_FROM", 1)
    live = dump(demo_copy)["library"]
    demo_copy.rebuild(["library"])
    assert dump(demo_copy)["library"] == live
