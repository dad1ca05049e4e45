"""Pairing histories per person and per cohort, one pairing's workspace, and
private notes (read only for their author)."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from .reader import SqlReader, utc


@dataclass(frozen=True)
class PairingMember:
    participant_id: str
    handle: str
    display_name: str
    team: str
    role: str
    accepted: bool
    acknowledged: bool


@dataclass(frozen=True)
class PairingSummary:
    id: str
    cohort_id: str
    cohort_name: str
    format: str
    status: str
    requested: bool
    proposed_at: datetime
    started_on: str | None
    ended_at: datetime | None
    end_reason: str | None
    session_count: int
    minutes: int
    members: list[PairingMember] = field(default_factory=list)

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)

    def partners_of(self, participant_id: str) -> list[PairingMember]:
        return [m for m in self.members if m.participant_id != str(participant_id)]


@dataclass(frozen=True)
class Session:
    id: str
    held_on: str
    minutes: int
    format: str
    agenda: str
    shared_notes: str
    action_items: list[dict]
    logged_by: str


@dataclass(frozen=True)
class Workspace:
    pairing: PairingSummary
    agreement: dict
    sessions: list[Session]
    reflections: list[tuple[str, str, str, datetime]]  # handle, stage, text, when


class SqlPairingQueries(SqlReader):
    def history_of_person(self, participant_id: str) -> list[PairingSummary]:
        """Every pairing this person was in, newest first."""
        m = self.t["pairing_members"]
        mine = select(m.c.pairing_id).where(m.c.participant_id == str(participant_id))
        return self._summaries(self.t["pairings"].c.id.in_(mine))

    def history_of_cohort(self, cohort_id: str) -> list[PairingSummary]:
        return self._summaries(self.t["pairings"].c.cohort_id == str(cohort_id))

    def _summaries(self, condition) -> list[PairingSummary]:
        p, c = self.t["pairings"], self.t["cohorts"]
        columns = [
            col for col in p.c if col.name not in ("agreement", "last_session_on")
        ]
        rows = self._rows(
            select(*columns, c.c.name.label("cohort_name"))
            .select_from(p.join(c, c.c.id == p.c.cohort_id))
            .where(condition)
            .order_by(p.c.proposed_at.desc(), p.c.id)
        )
        members = self._members([row.id for row in rows])
        return [
            PairingSummary(
                **(
                    row._asdict()
                    | {
                        "proposed_at": utc(row.proposed_at),
                        "ended_at": utc(row.ended_at),
                    }
                ),
                members=members.get(row.id, []),
            )
            for row in rows
        ]

    def _members(self, pairing_ids: list[str]) -> dict[str, list[PairingMember]]:
        m, who = self.t["pairing_members"], self.t["participants"]
        found: dict[str, list[PairingMember]] = {}
        for start in range(0, len(pairing_ids), 500):
            rows = self._rows(
                select(
                    m.c.pairing_id,
                    m.c.participant_id,
                    who.c.handle,
                    who.c.display_name,
                    who.c.team,
                    m.c.role,
                    m.c.accepted,
                    m.c.acknowledged,
                )
                .select_from(m.join(who, who.c.id == m.c.participant_id))
                .where(m.c.pairing_id.in_(pairing_ids[start : start + 500]))
                .order_by(m.c.role, who.c.display_name)
            )
            for pairing_id, *member in rows:
                found.setdefault(pairing_id, []).append(PairingMember(*member))
        return found

    def workspace(self, pairing_id: str) -> Workspace | None:
        """One pairing: agreement, sessions, reflections (never private notes)."""
        summaries = self._summaries(self.t["pairings"].c.id == str(pairing_id))
        if not summaries:
            return None
        p, s, r, who = (
            self.t["pairings"],
            self.t["pairing_sessions"],
            self.t["pairing_reflections"],
            self.t["participants"],
        )
        agreement = self._rows(select(p.c.agreement).where(p.c.id == str(pairing_id)))[
            0
        ][0]
        sessions = self._rows(
            select(
                s.c.id,
                s.c.held_on,
                s.c.minutes,
                s.c.format,
                s.c.agenda,
                s.c.shared_notes,
                s.c.action_items,
                s.c.logged_by,
            )
            .where(s.c.pairing_id == str(pairing_id))
            .order_by(s.c.held_on.desc(), s.c.id)
        )
        reflections = self._rows(
            select(who.c.handle, r.c.stage, r.c.reflection, r.c.at)
            .select_from(r.join(who, who.c.id == r.c.participant_id))
            .where(r.c.pairing_id == str(pairing_id))
            .order_by(r.c.at)
        )
        return Workspace(
            summaries[0],
            agreement,
            [Session(*row) for row in sessions],
            [(h, stage, text, utc(at)) for h, stage, text, at in reflections],
        )

    def private_notes(
        self, author_id: str, pairing_id: str
    ) -> list[tuple[str, str, datetime]]:
        """The author's own private notes on a pairing: (session id, note, when)."""
        n = self.t["private_notes"]
        rows = self._rows(
            select(n.c.session_id, n.c.note, n.c.at)
            .where(n.c.author_id == str(author_id), n.c.pairing_id == str(pairing_id))
            .order_by(n.c.at)
        )
        return [(session, note, utc(at)) for session, note, at in rows]
