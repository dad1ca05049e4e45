"""6. A program at scale: 2,000 participants, 1,000 pairings, 50,000 sessions.

Set up through the application (sessions are logged on the loaded pairing
and saved fifty at a time, as fast set-up). Measured:

- whole-cohort matching of 500 unpaired mentees against 250 mentors
  (reading the inputs from the read models and solving), target < 5 s;
- the dashboard's metrics of the big cohort, p50/p95 over repeated calls,
  target p95 < 100 ms;
- rebuild events/s of the program projections beside reading and decoding
  the same log alone.
"""

import random
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from kshare.bootstrap import build
from kshare.config import Settings
from kshare.domain.clock import simulated_time
from kshare.domain.ids import OPERATOR
from kshare.projections.rebuild import rebuild_sql
from kshare.projections.sql.registry import SQL_PROJECTORS
from kshare.web import create_app

from .common import Figure, percentile, progress, stopwatch
from .rebuild import read_all

PROGRAM_PROJECTIONS = tuple(p.name for p in SQL_PROJECTORS if p.area == "program")
COMPETENCIES = {f"skill-{n}": f"Skill {n}" for n in range(12)}
CHARTER = {
    "intent": "Grow.",
    "expectations": "Meet.",
    "cadence_days": 14,
    "competencies": COMPETENCIES,
    "time_commitment": "Two hours a month",
}
TEAMS = ("Platform", "Payments", "Mobile", "Data", "Design", "Security")


def measure(workdir: Path, scale: int = 1000) -> tuple[list, dict]:
    services = build(Settings.for_tests(workdir / "program"))
    try:
        rng = random.Random(11)
        big, waiting, coordinator = setup_program(
            services, rng, pairings=scale, sessions=50
        )
        with progress("program: projecting", None):
            services.runner.catch_up()
        figures = [
            _matching(services, waiting),
            *_dashboard(services, big, coordinator),
        ]
        figures.append(_rebuild(services))
        return figures, {"events": services.log.head(), "pairings": scale}
    finally:
        services.close()


def setup_program(services, rng, *, pairings: int, sessions: int):
    app = services.app
    people = _people(app, 2 * pairings)
    cora = people[0]
    program = app.launch_program(
        actor_id=cora, slug="scale", name="Scale", charter=CHARTER
    ).id
    big = _cohort(app, cora, program, "big")
    mentors, mentees = people[1 : pairings // 2 + 1], people[pairings // 2 + 1 :]
    _enroll(app, big, mentors, "mentor", rng, capacity=2)
    _enroll(app, big, mentees[:pairings], "mentee", rng)
    with progress("program: pairings + sessions", pairings) as advance:
        for n, mentee in enumerate(mentees[:pairings]):
            _pair_with_sessions(app, cora, big, mentors[n // 2], mentee, sessions, rng)
            advance(1)
    waiting = _cohort(app, cora, program, "waiting")
    _enroll(app, waiting, mentors[:250], "mentor", rng, capacity=2)
    _enroll(app, waiting, mentees[:500], "mentee", rng)
    return big, waiting, cora


def _people(app, count: int) -> list:
    found = []
    with progress("program: participants", count) as advance:
        for n in range(count):
            extra = {"role": "coordinator", "actor_id": OPERATOR} if n == 0 else {}
            found.append(
                app.register_participant(
                    email=f"p{n}@example.org",
                    handle=f"person-{n}",
                    display_name=f"P {n}",
                    password="benchmark-password",
                    team=TEAMS[n % len(TEAMS)],
                    **extra,
                ).id
            )
            advance(1)
    return found


def _cohort(app, cora, program, slug: str):
    cohort = app.plan_cohort(
        actor_id=cora,
        program_id=program,
        slug=slug,
        name=slug.title(),
        starts_on=date(2026, 1, 5),
        ends_on=date(2026, 12, 20),
    ).id
    app.advance_cohort(actor_id=cora, cohort_id=cohort, to="enrolling")
    return cohort


def _enroll(app, cohort, people, role: str, rng, capacity: int = 0) -> None:
    skills = list(COMPETENCIES)
    for person in people:
        chosen = rng.sample(skills, 3)
        field = "expertise" if role == "mentor" else "skill_gaps"
        app.enroll(
            actor_id=person,
            cohort_id=cohort,
            role=role,
            capacity=capacity,
            interests=rng.sample(skills, 2),
            **{field: chosen},
        )


def _pair_with_sessions(app, cora, cohort, mentor, mentee, sessions: int, rng) -> None:
    start = datetime(2026, 1, 12, 10, tzinfo=UTC)
    with simulated_time(start):
        pairing = app.propose_pairing(
            actor_id=cora,
            cohort_id=cohort,
            format="one-on-one",
            members={mentor: "mentor", mentee: "mentee"},
        ).id
        for member in (mentor, mentee):
            app.accept_pairing(actor_id=member, pairing_id=pairing)
            app.acknowledge_agreement(actor_id=member, pairing_id=pairing)
    loaded = app.repository.get(pairing)
    for n in range(sessions):
        day = start + timedelta(days=7 * n // 2)
        with simulated_time(day + timedelta(days=rng.choice((0, 1, 2)))):
            loaded.log_session(
                held_on=day.date(),
                minutes=rng.choice((30, 45, 60)),
                format="virtual",
                agenda="Agenda",
                shared_notes="Notes",
                action_items=[],
                actor_id=mentee,
            )
    app.save(loaded)


def _matching(services, cohort) -> Figure:
    with stopwatch() as elapsed:
        pairs = services.matching.assignment(cohort)
    return Figure(
        "6 program",
        f"match {len(pairs)} of 500 mentees",
        "s",
        elapsed(),
        5.0,
        "target seconds",
        "< 5 s",
        elapsed() < 5.0,
    )


def _dashboard(services, cohort, coordinator) -> list[Figure]:
    """The cohort's dashboard page, rendered by the site for a signed-in coordinator."""
    client = create_app(services=services).test_client()
    with client.session_transaction() as session:
        session["participant_id"] = str(coordinator)
    page = f"/dashboard/cohorts/{cohort}"
    assert client.get(page).status_code == 200
    samples = []
    for _ in range(40):
        start = time.perf_counter()
        client.get(page)
        samples.append((time.perf_counter() - start) * 1000)
    p50, p95 = percentile(samples, 50), percentile(samples, 95)
    return [
        Figure("6 program", "dashboard page p50", "ms", p50, 100.0, "target ms"),
        Figure(
            "6 program",
            "dashboard page p95",
            "ms",
            p95,
            100.0,
            "target ms",
            "< 100 ms",
            p95 < 100.0,
        ),
    ]


def _rebuild(services) -> Figure:
    with stopwatch() as bare:
        events = read_all(services.log)
    with stopwatch() as projected:
        rebuild_sql(services.log, services.read_models, PROGRAM_PROJECTIONS)
    return Figure(
        "6 program",
        "program projections rebuild",
        "events/s",
        events / projected(),
        events / bare(),
        "read + decode the log",
    )
