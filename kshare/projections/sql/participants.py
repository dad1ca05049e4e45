"""Participants: profiles for pages, handles for links, roles for the site."""

from sqlalchemy import Connection, Table

from ...domain.participants import Participant
from .rows import Rows

PROFILE = ("display_name", "team", "role_title", "interests", "skills")


class SqlParticipants:
    name = "participants"
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
