"""The builders on a running site (the services a Flask app runs on).

There, people are ``Person``s (forms and tokens need their email), post ids
come back as text, as pages and the API give them, and each builder waits
until the site's read models show what it wrote: the projections run in a
thread of their own.
"""

from dataclasses import dataclass
from uuid import UUID

from . import posts, programs
from .people import email_of, register


@dataclass(frozen=True)
class Person:
    id: UUID
    handle: str
    email: str


def settle(services) -> None:
    """Wait until the read models have projected everything written so far."""
    assert services.wait_for(services.log.head())


def join(services, handle: str, **extra) -> Person:
    """Register someone (see ``people.register``) and wait until pages show them."""
    person = Person(register(services.app, handle, **extra), handle, email_of(handle))
    settle(services)
    return person


def write(services, author: Person, *args, **options) -> str:
    """A post by ``author`` (see ``posts.write``), shown on the site."""
    post = posts.write(services.app, author.id, *args, **options)
    settle(services)
    return str(post)


def story(services, author: Person, *args, **options) -> str:
    """A story by ``author`` (see ``posts.story``), shown on the site."""
    post = posts.story(services.app, author.id, *args, **options)
    settle(services)
    return str(post)


def launch(services, coordinator: Person, **options) -> UUID:
    """A program (see ``programs.launch``), shown on the site."""
    program = programs.launch(services.app, coordinator.id, **options)
    settle(services)
    return program


def new_cohort(services, coordinator: Person, stages=("enrolling",), **options):
    """A cohort of a new program (see ``programs.new_cohort``), shown on the site."""
    cohort = programs.new_cohort(services.app, coordinator.id, stages, **options)
    settle(services)
    return cohort


def enroll(services, person: Person, cohort: UUID, role: str, **profile) -> None:
    programs.enroll(services.app, person.id, cohort, role, **profile)
    settle(services)


def one_on_one(
    services,
    coordinator: Person,
    cohort: UUID,
    mentor: Person,
    mentee: Person,
    **options,
) -> UUID:
    """A one-on-one pairing (see ``programs.one_on_one``), shown on the site."""
    pairing = programs.one_on_one(
        services.app, coordinator.id, cohort, mentor.id, mentee.id, **options
    )
    settle(services)
    return pairing


def session(services, member: Person, pairing: UUID, **options) -> None:
    """A session logged by ``member`` (see ``programs.session``), shown on the site."""
    programs.session(services.app, member.id, pairing, **options)
    settle(services)
