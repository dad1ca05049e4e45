"""Do the live projections equal a full rebuild of them?

On a copy of the large install (projected live, batch by batch, as it was
written), every SQL read-model table (rows in primary-key order) and every
library document (stored fields, by id) is dumped to JSON lines; a full
rebuild (``services.rebuild()``) follows, then a second dump. The two must
be equal, line for line; the first lines found on one side only are listed.
"""

import filecmp
import json
import shutil
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from kshare.bootstrap import build

from .common import Figure, console, progress
from .org_setup import Install

SHOWN = 5  # differences listed per part


def _line(record: dict) -> str:
    return json.dumps(record, sort_keys=True, default=str)


def dump(services, directory: Path) -> dict[str, int]:
    """Write every part to ``directory``; return how many lines each has."""
    directory.mkdir(parents=True)
    counts = {}
    with services.engines.reader.connect() as conn:
        for name, table in sorted(services.read_models.tables.items()):
            order = list(table.primary_key.columns) or list(table.columns)
            rows = conn.execute(select(table).order_by(*order))
            with (directory / f"sql.{name}.jsonl").open("w") as out:
                counts[f"sql.{name}"] = 0
                for row in rows:
                    out.write(_line(dict(row._mapping)) + "\n")
                    counts[f"sql.{name}"] += 1
    positions = services.read_models.positions()
    (directory / "positions.jsonl").write_text(_line(positions) + "\n")
    _, ix = services.library.store.open()
    with ix.searcher() as searcher:
        documents = [_plain(dict(fields)) for fields in searcher.all_stored_fields()]
    documents.sort(key=lambda d: d["id"])
    with (directory / "library.jsonl").open("w") as out:
        for document in documents:
            out.write(_line(document) + "\n")
    counts["library"] = len(documents)
    return counts


def _plain(document: dict) -> dict:
    """A stashed (unpublished) post's time as naive UTC, as Whoosh gives it back."""
    if document.get("stash"):
        state = json.loads(document["stash"])
        if state.get("published"):
            moment = datetime.fromisoformat(state["published"])
            if moment.tzinfo:
                moment = moment.astimezone(UTC).replace(tzinfo=None)
            state["published"] = moment.isoformat()
        document["stash"] = state
    return document


def compare(before: Path, after: Path) -> dict[str, dict]:
    """Each part: equal or not, line counts, and lines found on one side only."""
    parts = sorted({p.name for p in (*before.iterdir(), *after.iterdir())})
    found = {}
    for part in parts:
        name, a, b = part.removesuffix(".jsonl"), before / part, after / part
        if not (a.exists() and b.exists()):
            found[name] = {"equal": False, "missing": str(b if a.exists() else a)}
            continue
        if filecmp.cmp(a, b, shallow=False):
            found[name] = {"equal": True}
            continue
        live, rebuilt = Counter(a.open()), Counter(b.open())
        found[name] = {
            "equal": False,
            "lines": [live.total(), rebuilt.total()],
            "only_live": [line[:600] for line in (live - rebuilt)][:SHOWN],
            "only_rebuilt": [line[:600] for line in (rebuilt - live)][:SHOWN],
            "only_live_count": (live - rebuilt).total(),
            "only_rebuilt_count": (rebuilt - live).total(),
        }
    return found


def measure(install: Install, workdir: Path) -> tuple[list, dict]:
    copy = install.copy(workdir / "consistency")
    services = build(copy.settings)
    try:
        with console.status("consistency: dumping the live projections"):
            counts = dump(services, workdir / "live")
        events = services.log.head()
        with progress("consistency: full rebuild", 2 * events) as advance:
            services.rebuild(progress=advance)
        with console.status("consistency: dumping the rebuilt projections"):
            dump(services, workdir / "rebuilt")
    finally:
        services.close()
        shutil.rmtree(copy.root, ignore_errors=True)
    parts = compare(workdir / "live", workdir / "rebuilt")
    shutil.rmtree(workdir / "live", ignore_errors=True)
    shutil.rmtree(workdir / "rebuilt", ignore_errors=True)
    unequal = [name for name, part in parts.items() if not part["equal"]]
    details = {
        "equal": not unequal,
        "unequal_parts": unequal,
        "lines": counts,
        "parts": {
            name: part for name, part in parts.items() if not part["equal"]
        },  # equal parts are only named
        "equal_parts": [name for name, part in parts.items() if part["equal"]],
        "failures": [
            f"consistency: {name} differs after a rebuild: {parts[name]}"[:2000]
            for name in unequal
        ],
    }
    figure = Figure(
        "consistency", "parts equal after a full rebuild", "parts",
        len(parts) - len(unequal), len(parts), "parts dumped (tables, library)",
        "all equal", not unequal,
    )  # fmt: skip
    return [figure], details
