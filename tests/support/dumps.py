"""Everything projected, in a stable order: to compare two builds of it."""

import json
from datetime import UTC, datetime

from sqlalchemy import select


def dump(services) -> dict:
    """Every read-model row and every library document, in a stable order."""
    tables = {}
    with services.engines.reader.connect() as conn:
        for name, table in sorted(services.read_models.tables.items()):
            ordered = select(table).order_by(*table.primary_key.columns)
            tables[name] = [dict(row._mapping) for row in conn.execute(ordered)]
    return {
        "tables": tables,
        "positions": services.read_models.positions(),
        "library": library_documents(services.library.store),
    }


def library_documents(store) -> list[dict]:
    """Every document of a Whoosh index store, by id."""
    _, ix = store.open()
    with ix.searcher() as searcher:
        documents = [dict(fields) for fields in searcher.all_stored_fields()]
    for document in documents:
        if document.get("stash"):
            document["stash"] = parsed_stash(document["stash"])
    return sorted(documents, key=lambda d: d["id"])


def parsed_stash(stash: str) -> dict:
    """A draft's or retracted post's record, with its time as naive UTC.

    A post retracted in a later batch keeps the time read back from Whoosh
    (naive UTC), a rebuild the event's (aware UTC); both mean the same moment.
    """
    state = json.loads(stash)
    if state.get("published"):
        moment = datetime.fromisoformat(state["published"])
        if moment.tzinfo:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
        state["published"] = moment.isoformat()
    return state
