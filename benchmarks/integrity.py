"""7. Seal and verify throughput, beside the bare read of the stored log.

The baseline selects every stored event from the notification log in
batches, without decoding: the least any seal or verification must do.
Sealing adds a SHA-256 per event and the ledger of digests; verifying
re-reads everything, recomputes the chain and checks it at every seal.
"""

from kshare.bootstrap import Services

from .common import Figure, progress, stopwatch

ROUNDS = 3
BATCH = 2000


def read_raw(recorder) -> int:
    after = read = 0
    while batch := recorder.select_notifications(
        start=after, limit=BATCH, inclusive_of_start=False
    ):
        after, read = batch[-1].id, read + len(batch)
    return read


def measure(services: Services) -> tuple[list, dict]:
    times = []
    with progress("integrity: bare log read (x3)", ROUNDS) as advance:
        for _ in range(ROUNDS):
            with stopwatch() as elapsed:
                read = read_raw(services.app.recorder)
            times.append(elapsed())
            advance(1)
    baseline = read / min(times)
    unsealed = services.log.head() - services.app.sealed_upto()
    with progress("integrity: seal", unsealed) as advance, stopwatch() as sealing:
        services.seal(progress=advance)
    events = services.log.head()
    with progress("integrity: verify", events) as advance, stopwatch() as verifying:
        result = services.integrity.verify(progress=advance)
    assert result.ok, result.finding
    seal = Figure(
        "7 integrity", "seal (chain + ledger)", "events/s", unsealed / sealing(),
        baseline, "bare log read",
    )  # fmt: skip
    verify = Figure(
        "7 integrity", "verify", "events/s", result.events / verifying(),
        baseline, "bare log read",
    )  # fmt: skip
    details = {
        "events_sealed": unsealed,
        "seal_seconds": sealing(),
        "events_verified": result.events,
        "verify_seconds": verifying(),
        "bare_read_seconds": times,
    }
    return [seal, verify], details
