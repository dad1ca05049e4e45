"""Pairing histories: every pairing, its members, sessions and reflections;
and per cohort, sessions and minutes by month and the days from a session
to its notes, which the dashboard's metrics read.

Private notes are projected apart (``private_notes``).
"""

from datetime import date

import sqlalchemy as sa

from ...domain.pairings import (
    ACTIVE,
    CLOSED,
    DECLINED,
    PAUSED,
    PROPOSED,
    Pairing,
)
from .projector import SqlProjector, when
from .rows import Rows


def _pairings(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("cohort_id", sa.String(36), nullable=False),
        sa.Column("format", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("requested", sa.Boolean, nullable=False),
        sa.Column("agreement", sa.JSON, nullable=False),
        when("proposed_at", nullable=False),
        sa.Column("started_on", sa.String(10)),
        when("ended_at"),
        sa.Column("end_reason", sa.Text),
        sa.Column("session_count", sa.Integer, nullable=False),
        sa.Column("minutes", sa.Integer, nullable=False),
        sa.Column("last_session_on", sa.String(10)),
        sa.Index(f"ix_{name}_cohort", "cohort_id"),
    )


def _pairing_members(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.String(80), primary_key=True),  # pairing id : participant id
        sa.Column("pairing_id", sa.String(36), nullable=False),
        sa.Column("participant_id", sa.String(36), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("accepted", sa.Boolean, nullable=False),
        sa.Column("acknowledged", sa.Boolean, nullable=False),
        sa.Index(f"ix_{name}_pairing", "pairing_id"),
        sa.Index(f"ix_{name}_participant", "participant_id"),
    )


def _pairing_sessions(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("pairing_id", sa.String(36), nullable=False),
        sa.Column("held_on", sa.String(10), nullable=False),
        sa.Column("minutes", sa.Integer, nullable=False),
        sa.Column("format", sa.String(20), nullable=False),
        sa.Column("agenda", sa.Text, nullable=False),
        sa.Column("shared_notes", sa.Text, nullable=False),
        sa.Column("action_items", sa.JSON, nullable=False),
        sa.Column("logged_by", sa.String(36), nullable=False),
        when("logged_at", nullable=False),
        sa.Index(f"ix_{name}_pairing", "pairing_id"),
    )


def _pairing_reflections(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.String(100), primary_key=True),  # pairing : member : stage
        sa.Column("pairing_id", sa.String(36), nullable=False),
        sa.Column("participant_id", sa.String(36), nullable=False),
        sa.Column("stage", sa.String(20), nullable=False),
        sa.Column("reflection", sa.Text, nullable=False),
        when("at", nullable=False),
        sa.Index(f"ix_{name}_pairing", "pairing_id"),
    )


def _cohort_months(metadata: sa.MetaData, name: str) -> sa.Table:
    """Sessions and minutes per cohort and month, kept for the dashboard."""
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.String(50), primary_key=True),  # cohort id : YYYY-MM
        sa.Column("cohort_id", sa.String(36), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("sessions", sa.Integer, nullable=False),
        sa.Column("minutes", sa.Integer, nullable=False),
        sa.Index(f"ix_{name}_cohort", "cohort_id"),
    )


def _cohort_note_delays(metadata: sa.MetaData, name: str) -> sa.Table:
    """How many sessions with notes were logged N days after they were held."""
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.String(50), primary_key=True),  # cohort id : days
        sa.Column("cohort_id", sa.String(36), nullable=False),
        sa.Column("days", sa.Integer, nullable=False),
        sa.Column("sessions", sa.Integer, nullable=False),
        sa.Index(f"ix_{name}_cohort", "cohort_id"),
    )


STATUS = {
    Pairing.Activated: ACTIVE,
    Pairing.Resumed: ACTIVE,
    Pairing.Paused: PAUSED,
    Pairing.Declined: DECLINED,
    Pairing.Closed: CLOSED,
}


class SqlPairings(SqlProjector):
    name = "pairings"
    area = "program"
    tables = {
        "pairings": _pairings,
        "pairing_members": _pairing_members,
        "pairing_sessions": _pairing_sessions,
        "pairing_reflections": _pairing_reflections,
        "cohort_months": _cohort_months,
        "cohort_note_delays": _cohort_note_delays,
    }
    events = (
        Pairing.Proposed,
        Pairing.Accepted,
        Pairing.Activated,
        Pairing.Declined,
        Pairing.Paused,
        Pairing.Resumed,
        Pairing.Closed,
        Pairing.ReflectionWritten,
        Pairing.AgreementAcknowledged,
        Pairing.SessionLogged,
        Pairing.ActionItemDone,
    )

    def apply(self, conn: sa.Connection, tables: dict[str, sa.Table], events) -> None:
        pairings = Rows(conn, tables["pairings"])
        members = Rows(conn, tables["pairing_members"])
        sessions = Rows(conn, tables["pairing_sessions"])
        totals = _Totals(conn, tables)
        pairings.load(str(e.originator_id) for _, e in events)
        members.load(
            _member_id(e.originator_id, e.member)
            for _, e in events
            if hasattr(e, "member")
        )
        sessions.load(
            e.session_id for _, e in events if isinstance(e, Pairing.ActionItemDone)
        )
        reflections = []
        for _, e in events:
            pairing_id = str(e.originator_id)
            if isinstance(e, Pairing.Proposed):
                pairings.add(_proposed(e))
                for person, role in e.members.items():
                    members.add(_member(pairing_id, person, role))
                continue
            row = pairings.get(pairing_id)
            if type(e) in STATUS:
                _status(row, e)
            elif isinstance(e, Pairing.Accepted):
                members.get(_member_id(pairing_id, e.member))["accepted"] = True
            elif isinstance(e, Pairing.AgreementAcknowledged):
                members.get(_member_id(pairing_id, e.member))["acknowledged"] = True
            elif isinstance(e, Pairing.SessionLogged):
                sessions.add(_session(e))
                totals.count(row["cohort_id"], e)
                row["session_count"] += 1
                row["minutes"] += e.minutes
                row["last_session_on"] = max(row["last_session_on"] or "", e.held_on)
            elif isinstance(e, Pairing.ActionItemDone):
                _item_done(sessions.get(e.session_id), e.index)
            else:
                reflections.append(_reflection(e))
        for rows in (pairings, members, sessions, totals.months, totals.delays):
            rows.flush()
        if reflections:
            conn.execute(tables["pairing_reflections"].insert(), reflections)


class _Totals:
    """Per-cohort session totals by month, and days from session to notes."""

    def __init__(self, conn: sa.Connection, tables: dict[str, sa.Table]) -> None:
        self.months = Rows(conn, tables["cohort_months"])
        self.delays = Rows(conn, tables["cohort_note_delays"])

    def count(self, cohort_id: str, e) -> None:
        month = e.held_on[:7]
        row = self.months.counter(
            f"{cohort_id}:{month}",
            cohort_id=cohort_id,
            month=month,
            sessions=0,
            minutes=0,
        )
        row["sessions"] += 1
        row["minutes"] += e.minutes
        if e.shared_notes:
            days = _days_to_log(e)
            delay = self.delays.counter(
                f"{cohort_id}:{days}", cohort_id=cohort_id, days=days, sessions=0
            )
            delay["sessions"] += 1


def _days_to_log(e) -> int:
    return max(0, (e.timestamp.date() - date.fromisoformat(e.held_on)).days)


def _member_id(pairing_id, person) -> str:
    return f"{pairing_id}:{person}"


def _proposed(e) -> dict:
    return {
        "id": str(e.originator_id),
        "cohort_id": str(e.cohort_id),
        "format": e.format,
        "status": PROPOSED,
        "requested": e.requested,
        "agreement": e.agreement,
        "proposed_at": e.timestamp,
        "started_on": None,
        "ended_at": None,
        "end_reason": None,
        "session_count": 0,
        "minutes": 0,
        "last_session_on": None,
    }


def _member(pairing_id: str, person: str, role: str) -> dict:
    return {
        "id": _member_id(pairing_id, person),
        "pairing_id": pairing_id,
        "participant_id": person,
        "role": role,
        "accepted": False,
        "acknowledged": False,
    }


def _status(row: dict, e) -> None:
    row["status"] = STATUS[type(e)]
    if isinstance(e, Pairing.Activated):
        row["started_on"] = row["started_on"] or e.started_on
    if isinstance(e, Pairing.Closed | Pairing.Declined):
        row.update(ended_at=e.timestamp, end_reason=e.reason)


def _session(e) -> dict:
    return {
        "id": e.session_id,
        "pairing_id": str(e.originator_id),
        "held_on": e.held_on,
        "minutes": e.minutes,
        "format": e.format,
        "agenda": e.agenda,
        "shared_notes": e.shared_notes,
        "action_items": e.action_items,
        "logged_by": str(e.actor_id),
        "logged_at": e.timestamp,
    }


def _item_done(session: dict, index: int) -> None:
    items = [dict(item) for item in session["action_items"]]
    items[index]["done"] = True
    session["action_items"] = items


def _reflection(e) -> dict:
    return {
        "id": f"{e.originator_id}:{e.member}:{e.stage}",
        "pairing_id": str(e.originator_id),
        "participant_id": e.member,
        "stage": e.stage,
        "reflection": e.reflection,
        "at": e.timestamp,
    }
