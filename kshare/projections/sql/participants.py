"""Participants: profiles for pages, handles for links, roles for the site."""

from sqlalchemy import JSON, Boolean, Column, Connection, Index, MetaData, String, Table

from ...domain.participants import Participant
from .projector import SqlProjector, when
from .rows import Rows


def _participants(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("email", String(254), nullable=False),
        Column("handle", String(30), nullable=False),
        Column("display_name", String(80), nullable=False),
        Column("team", String(80), nullable=False),
        Column("role_title", String(80), nullable=False),
        Column("role", String(20), nullable=False),
        Column("interests", JSON, nullable=False),
        Column("skills", JSON, nullable=False),
        Column("active", Boolean, nullable=False),
        when("registered_at", nullable=False),
        Index(f"ix_{name}_handle", "handle", unique=True),
    )


PROFILE = ("display_name", "team", "role_title", "interests", "skills")


class SqlParticipants(SqlProjector):
    name = "participants"
    area = "people"
    tables = {"participants": _participants}
    events = (
        Participant.Registered,
        Participant.ProfileUpdated,
        Participant.RoleChanged,
        Participant.Deactivated,
    )

    def apply(self, conn: Connection, tables: dict[str, Table], events) -> None:
        people = Rows(conn, tables["participants"])
        people.load(
            str(e.originator_id)
            for _, e in events
            if not isinstance(e, Participant.Registered)
        )
        for _, e in events:
            if isinstance(e, Participant.Registered):
                people.add(_registered(e))
                continue
            row = people.get(str(e.originator_id))
            if isinstance(e, Participant.ProfileUpdated):
                row.update({name: getattr(e, name) for name in PROFILE})
            elif isinstance(e, Participant.RoleChanged):
                row["role"] = e.role
            else:
                row["active"] = False
        people.flush()


def _registered(e) -> dict:
    return {
        "id": str(e.originator_id),
        "email": e.email,
        "handle": e.handle,
        "role": e.role,
        "active": True,
        "registered_at": e.timestamp,
        **{name: getattr(e, name) for name in PROFILE},
    }
