"""On PostgreSQL a projection process follows writes made by other processes at once."""

import time
from dataclasses import replace

from support.people import registration

from kshare.bootstrap import build


def test_a_write_in_another_process_wakes_the_runner_before_its_next_poll(pg_settings):
    follower = build(replace(pg_settings, poll_interval=60.0))
    writer = build(replace(pg_settings, run_projections=False))
    try:
        follower.runner.start()
        time.sleep(0.5)  # the runner has caught up and now sleeps for a minute
        receipt = writer.app.register_participant(**registration("ann"))
        assert follower.runner.wait_for(receipt.position, timeout=10)
        assert follower.people.person(str(receipt.id)).handle == "ann"
    finally:
        follower.close()
        writer.close()
