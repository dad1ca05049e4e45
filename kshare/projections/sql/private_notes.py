"""Private session notes, kept apart from the pairing they belong to.

Only ``SqlPairingQueries.private_notes``, which takes the author's id, reads
them.
"""

import sqlalchemy as sa

from ...domain.pairings import PrivateNote
from .projector import SqlProjector, when


def _private_notes(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("author_id", sa.String(36), nullable=False),
        sa.Column("pairing_id", sa.String(36), nullable=False),
        sa.Column("session_id", sa.String(36), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        when("at", nullable=False),
        sa.Index(f"ix_{name}_author", "author_id", "pairing_id"),
    )


class SqlPrivateNotes(SqlProjector):
    name = "private_notes"
    area = "program"
    tables = {"private_notes": _private_notes}
    events = (PrivateNote.PrivateNoteWritten,)

    def apply(self, conn: sa.Connection, tables: dict[str, sa.Table], events) -> None:
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
