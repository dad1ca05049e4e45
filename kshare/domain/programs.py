"""A mentorship program: its charter (every version kept) and its templates."""

from uuid import UUID

from eventsourcing.domain import event

from . import text
from .aggregate import KAggregate
from .errors import Invalid
from .ids import natural_id

TEMPLATE_KINDS = ("agenda", "reflection", "discussion")
CHALLENGES = ("problem-solving", "stakeholder-communication", "personal-development")


def program_id(slug: str) -> UUID:
    return natural_id("program", slug)


def checked_charter(charter: dict) -> dict:
    """A charter: intent, expectations, success metrics, competencies, cadence..."""
    cadence = charter.get("cadence_days", 14)
    if not isinstance(cadence, int) or not 1 <= cadence <= 90:
        raise Invalid("The meeting cadence is a number of days from 1 to 90.")
    competencies = charter.get("competencies") or {}
    if not isinstance(competencies, dict) or not competencies:
        raise Invalid("A charter names at least one competency the program develops.")
    return {
        "intent": text.required(charter.get("intent", ""), "Intent", maximum=2000),
        "expectations": text.required(
            charter.get("expectations", ""), "Expectations", maximum=4000
        ),
        "success_metrics": text.word_list(
            charter.get("success_metrics", ()), "A success metric"
        ),
        "competencies": {
            text.slug(key, "A competency"): text.required(
                label, "A competency label", maximum=80
            )
            for key, label in competencies.items()
        },
        "cadence_days": cadence,
        "time_commitment": text.required(
            charter.get("time_commitment", ""), "Time commitment", maximum=200
        ),
        "sponsors": [str(p) for p in charter.get("sponsors", ())],
        "coordinators": [str(p) for p in charter.get("coordinators", ())],
    }


class Program(KAggregate):
    """A program is named by a slug; its charter changes only by new versions."""

    @staticmethod
    def create_id(slug: str) -> UUID:
        return program_id(slug)

    @classmethod
    def launch(
        cls, *, slug: str, name: str, charter: dict, actor_id: UUID
    ) -> "Program":
        return cls(
            slug=text.handle(slug, "A program's short name"),
            name=text.required(name, "Program name", maximum=120),
            charter=checked_charter(charter),
            actor_id=actor_id,
        )

    @event("Launched")
    def __init__(self, *, slug: str, name: str, charter: dict, actor_id: UUID) -> None:
        self.slug = slug
        self.name = name
        self.charters = [charter]
        self.templates: dict[str, dict] = {}

    @property
    def charter(self) -> dict:
        return self.charters[-1]

    def revise_charter(self, *, charter: dict, note: str, actor_id: UUID) -> None:
        charter = checked_charter(charter)
        if charter == self.charter:
            raise Invalid("This charter version changes nothing.")
        self._charter_revised(
            charter=charter,
            version=len(self.charters) + 1,
            note=text.required(note, "A note on what changed", maximum=500),
            actor_id=actor_id,
        )

    @event("CharterRevised")
    def _charter_revised(
        self, *, charter: dict, version: int, note: str, actor_id: UUID
    ) -> None:
        self.charters.append(charter)

    def save_template(
        self,
        *,
        kind: str,
        key: str,
        title: str,
        body: str,
        challenge: str,
        actor_id: UUID,
    ) -> None:
        if kind not in TEMPLATE_KINDS:
            raise Invalid(f"A template is one of {', '.join(TEMPLATE_KINDS)}.")
        if challenge and challenge not in CHALLENGES:
            raise Invalid(f"A discussion challenge is one of {', '.join(CHALLENGES)}.")
        self._template_saved(
            kind=kind,
            key=text.handle(key, "A template key"),
            title=text.required(title, "Template title", maximum=120),
            body=text.required(body, "Template text", maximum=10_000),
            challenge=challenge or "",
            actor_id=actor_id,
        )

    @event("TemplateSaved")
    def _template_saved(
        self,
        *,
        kind: str,
        key: str,
        title: str,
        body: str,
        challenge: str,
        actor_id: UUID,
    ) -> None:
        self.templates[key] = {"kind": kind, "title": title, "body": body}
