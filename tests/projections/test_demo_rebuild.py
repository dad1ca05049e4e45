"""Every projection rebuilt from the demo's whole history equals the live one."""

from support.dumps import dump


def test_rebuilding_everything_after_the_demo_equals_projecting_it_live(demo_copy):
    # The rebuild rewrites the read models: it runs on this test's own copy of
    # the shared demo (same log, projected live), never on the shared one.
    live = dump(demo_copy)
    assert (
        live["tables"]["pairing_sessions"] and live["tables"]["matching_drafts"] == []
    )
    demo_copy.rebuild()
    assert dump(demo_copy) == live
