"""3. Whoosh library build, docs/s, vs a bare Whoosh bulk index.

kshare's figure is ``rebuild_library`` end to end: read the log, fold the
events per post, index aside, swap in. The baseline indexes the very same
documents (prepared untimed) into an empty index of the same schema with
one writer of the same ``limitmb``, then commits. Both rates are per post.
"""

import shutil
from pathlib import Path

from whoosh import index

from kshare.bootstrap import Services
from kshare.projections.library.projection import WRITER, document, fold
from kshare.projections.library.schema import library_schema
from kshare.projections.rebuild import REBUILD_BATCH, rebuild_library

from .common import Figure, every, progress, settle, stopwatch


def prepared_documents(services: Services) -> list[dict]:
    """The documents kshare writes for the log's posts, made untimed."""
    log, topics = services.log, services.library.topics
    events, position = [], 0
    while True:
        batch = log.read(position, REBUILD_BATCH, topics)
        if not batch.count:
            break
        events.extend(e for _, e in batch.events)
        position = batch.last
    return [document(state) for state in fold(events, lambda _: None).values()]


def bare_index(docs: list[dict], directory: Path, advance) -> float:
    directory.mkdir(parents=True)
    ix = index.create_in(str(directory), library_schema())
    tick = every(1000, advance)
    with stopwatch() as elapsed:
        writer = ix.writer(limitmb=WRITER["limitmb"])
        for doc in docs:
            writer.add_document(**doc)
            tick()
        writer.commit()
    ix.close()
    return elapsed()


def measure(services: Services, posts: int, workdir: Path) -> tuple[list, dict]:
    with (
        progress("library: kshare rebuild_library", None) as advance,
        stopwatch() as kshare_seconds,
    ):
        rebuild_library(services.log, services.library, progress=advance)
    docs = prepared_documents(services)
    settle()
    directory = workdir / "bare-index"
    with progress("library: bare Whoosh bulk index", len(docs)) as advance:
        bare_seconds = bare_index(docs, directory, advance)
    shutil.rmtree(directory, ignore_errors=True)
    figure = Figure(
        "3 library", "build", "docs/s", posts / kshare_seconds(), posts / bare_seconds,
        "bare Whoosh bulk index", ">= 80% of bare",
    )  # fmt: skip
    figure.met = figure.ratio >= 0.80
    details = {
        "posts": posts,
        "documents": len(docs),
        "kshare_seconds": kshare_seconds(),
        "bare_seconds": bare_seconds,
    }
    return [figure], details
