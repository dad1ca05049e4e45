"""A program with confidential fields, sealed, and its export read back as lines."""

import json
from datetime import date

from program_world import World

from kshare.audit.exporting import export_log
from kshare.domain.ids import OPERATOR

PRIVATE_NOTE = "Quokkafish worries I only tell my notes"
SURVEY_COMMENT = "Zanzibarite sessions feel rushed"


def confidential_program(app) -> dict:
    """A pairing with a private note, a survey answer and an API token."""
    world = World(app)
    cohort = world.cohort()
    mia, abe = world.person("mia"), world.person("abe")
    app.enroll(actor_id=mia, cohort_id=cohort, role="mentor", capacity=2)
    app.enroll(actor_id=abe, cohort_id=cohort, role="mentee")
    pairing = world.pair(cohort, {mia: "mentor", abe: "mentee"})
    app.log_session(
        actor_id=abe,
        pairing_id=pairing,
        held_on=date(2026, 1, 20),
        minutes=45,
        format="virtual",
        private_note=PRIVATE_NOTE,
    )
    app.answer_survey(
        actor_id=abe,
        cohort_id=cohort,
        occasion="mid-cycle",
        sentiment=2,
        value=4,
        comment=SURVEY_COMMENT,
    )
    app.issue_token(actor_id=OPERATOR, email="abe@example.org", label="ci")
    return {"abe": abe, "cohort": cohort, "pairing": pairing}


def sealed_with_a_tail(services) -> None:
    """Seal the log, then write one event the seal does not cover."""
    services.seal()
    services.app.register_participant(
        email="late@example.org",
        handle="late",
        display_name="Late",
        password="correct horse battery",
    )


def export_to(services, path, *, complete: bool = True):
    with path.open("wb") as out:
        export_log(services.log, out, complete=complete)
    return path


def lines_of(path) -> list[dict]:
    return [json.loads(line) for line in path.read_bytes().splitlines()]


def write_lines(path, lines: list[dict]):
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path
