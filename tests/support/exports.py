"""Exports: a confidential program to export, and export files read back."""

import json
from datetime import date

from kshare.audit.exporting import export_log
from kshare.audit.importing import import_log
from kshare.domain.ids import OPERATOR

from .people import email_of, register
from .programs import new_cohort, one_on_one, session

PRIVATE_NOTE = "Quokkafish worries I only tell my notes"
SURVEY_COMMENT = "Zanzibarite sessions feel rushed"


def confidential_program(app) -> dict:
    """A pairing with a private note, a survey answer and an API token."""
    cora = register(app, "cora", role="coordinator", actor_id=OPERATOR)
    cohort = new_cohort(app, cora)
    mia, abe = register(app, "mia"), register(app, "abe")
    pairing = one_on_one(app, cora, cohort, mia, abe)
    session(
        app,
        abe,
        pairing,
        held_on=date(2026, 1, 20),
        minutes=45,
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
    app.issue_token(actor_id=OPERATOR, email=email_of("abe"), label="ci")
    return {"abe": abe, "cohort": cohort, "pairing": pairing}


def sealed_with_a_tail(services) -> None:
    """Seal the log, then write one event the seal does not cover."""
    services.seal()
    register(services.app, "late")


def export_to(services, path, *, complete: bool = True):
    with path.open("wb") as out:
        export_log(services.log, out, complete=complete)
    return path


def copy_log(source, target, path) -> None:
    """Give the empty store of ``target`` the whole log of ``source``, through
    a complete export written to ``path``."""
    import_log(export_to(source, path), target.log)


def lines_of(path) -> list[dict]:
    return [json.loads(line) for line in path.read_bytes().splitlines()]


def write_lines(path, lines: list[dict]):
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path
