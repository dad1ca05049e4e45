"""Who people are: profiles for pages, handles for links, roles for the site."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from .reader import SqlReader, utc


@dataclass(frozen=True)
class PersonView:
    id: str
    handle: str
    display_name: str
    email: str
    team: str
    role_title: str
    role: str
    interests: list[str]
    skills: list[str]
    active: bool
    registered_at: datetime

    @property
    def is_coordinator(self) -> bool:
        return self.role == "coordinator"


class SqlPeopleQueries(SqlReader):
    def person(self, participant_id: str) -> PersonView | None:
        return self._person(self.t["participants"].c.id == str(participant_id))

    def person_by_handle(self, handle: str) -> PersonView | None:
        handle = handle.lower().lstrip("@")
        return self._person(self.t["participants"].c.handle == handle)

    def _person(self, condition) -> PersonView | None:
        rows = self._rows(select(self.t["participants"]).where(condition))
        if not rows:
            return None
        values = rows[0]._asdict()
        values["registered_at"] = utc(values["registered_at"])
        return PersonView(**values)
