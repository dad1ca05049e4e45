"""Every projection rebuilt from the demo's whole history equals the live one."""

from projection_helpers import dump

from kshare.demo.seed import seed


def test_rebuilding_everything_after_the_demo_equals_projecting_it_live(any_services):
    seed(any_services.app, posts=40)
    any_services.runner.catch_up()
    live = dump(any_services)
    assert (
        live["tables"]["pairing_sessions"] and live["tables"]["matching_drafts"] == []
    )
    any_services.rebuild()
    assert dump(any_services) == live
