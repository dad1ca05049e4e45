"""Private session notes, kept apart from the pairing they belong to.

Only ``SqlPairingQueries.private_notes``, which takes the author's id, reads
them.
"""

from sqlalchemy import Column, Connection, Index, MetaData, String, Table, Text

from ...domain.pairings import PrivateNote
from .projector import SqlProjector, when


def _private_notes(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("author_id", String(36), nullable=False),
        Column("pairing_id", String(36), nullable=False),
        Column("session_id", String(36), nullable=False),
        Column("note", Text, nullable=False),
        when("at", nullable=False),
        Index(f"ix_{name}_author", "author_id", "pairing_id"),
    )


class SqlPrivateNotes(SqlProjector):
    name = "private_notes"
    area = "program"
    tables = {"private_notes": _private_notes}
    events = (PrivateNote.PrivateNoteWritten,)

    def apply(self, conn: Connection, tables: dict[str, Table], events) -> None:
        rows = [
            {
                "id": str(e.originator_id),
                "author_id": str(e.author_id),
                "pairing_id": str(e.pairing_id),
                "session_id": e.session_id,
                "note": e.note,
                "at": e.timestamp,
            }
            for _, e in events
        ]
        if rows:
            conn.execute(tables["private_notes"].insert(), rows)
