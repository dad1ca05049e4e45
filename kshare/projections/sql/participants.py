"""Participants: profiles for pages, handles for links, roles for the site."""

import sqlalchemy as sa

from ...domain.participants import Participant
from .projector import SqlProjector, when
from .rows import Rows


def _participants(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("handle", sa.String(30), nullable=False),
        sa.Column("display_name", sa.String(80), nullable=False),
        sa.Column("team", sa.String(80), nullable=False),
        sa.Column("role_title", sa.String(80), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("interests", sa.JSON, nullable=False),
        sa.Column("skills", sa.JSON, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        when("registered_at", nullable=False),
        sa.Index(f"ix_{name}_handle", "handle", unique=True),
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

    def apply(self, conn: sa.Connection, tables: dict[str, sa.Table], events) -> None:
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
